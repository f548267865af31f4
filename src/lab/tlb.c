// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercise 13: a stale TLB entry after a page-table change without a
 * flush, and global pages.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/lab.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/tlbflush.h"

/*
 *   p[0] the user address, p[1] p[2] pages to skip, p[3] the word in frame
 *   A, p[4] the word in frame B (the next page's), p[5] a lowmem kernel
 *   address; setup records p[6] frame B and p[7] the pid of a second
 *   process
 */

static int
tlb_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)e;
	r->p[0] = lab_draw_user_va(r);
	r->p[1] = lab_rand(r, 0, 1023);
	r->p[2] = lab_rand(r, 0, 1023);
	r->p[3] = lab_rand(r, 0x10000000, 0xffffffff);
	do
		r->p[4] = lab_rand(r, 0x10000000, 0xffffffff);
	while (r->p[4] == r->p[3]);
	r->p[5] = m->lay.page_offset + lab_rand(r, 0, m->lay.lowmem_end - 1);
	return 0;
}

static int
tlb_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	struct task_struct *t;
	u64 frame;

	if (lab_user_page(m, r->p[0], (unsigned)r->p[1], (unsigned)r->p[2],
			  (u32)r->p[3], &frame, e))
		return -1;
	/* frame B: the process's next page, with another word */
	if (lab_user_page(m, r->p[0] + PAGE_SIZE, 0, 0, (u32)r->p[4],
			  &r->p[6], e))
		return -1;
	/* another process, not running: the demo program again */
	if (exec_demo(m, &t, e))
		return -1;
	if (t == NULL)
		return error_set(e, -EINVAL, "no demo program for %s",
				 m->arch->name);
	r->p[7] = (u64)t->pid;
	flush_tlb_all(m);
	return 0;
}

static int
tlb_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *va = fva(m, r->p[0]);
	int q, w = m->arch->pa_digits;

	(void)e;
	lab_intro(r, "The TLB caches translations, and nothing keeps it in step "
		  "with the page tables but the kernel's flushes.  The process "
		  "has written a word at %s, and another at the same offset of "
		  "the next page, whose frame is %s.  Read it as the CPU does "
		  "with 'touch %s' (a read through the MMU: the TLB first, and "
		  "a walk fills it; $_ is the physical address it used) and "
		  "'xp/w $_' (the word there; 'x/w' would walk the tables "
		  "like a debugger, never the TLB), find the pte with 'walk "
		  "%s', point it at frame %s with 'write --phys PTE_ADDR "
		  "VALUE' (a store to the page table, as the kernel's set_pte "
		  "does, with no flush), read again, look at 'tlb', then 'tlb "
		  "flush %s' and read once more.  Then 'translate %s', a lowmem "
		  "kernel address, and look at its TLB entry.  Last, run the "
		  "other process, pid %llu, with 'switch %llu': a context "
		  "switch writes cr3, and 'tlb' shows what is left.", va,
		  fpa(m, r->p[6]), va, va, fpa(m, r->p[6]), va,
		  fva(m, r->p[5]), (unsigned long long)r->p[7],
		  (unsigned long long)r->p[7]);
	q = lab_ask(r, LF_HEX, NULL, "'touch ADDR' reads through the MMU "
		    "and leaves the physical address in $_; 'xp/w $_' prints "
		    "the 4 bytes there", "'touch %s', then 'xp/w $_': the "
		    "word?", va);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "'walk' shows the pte's address: table + "
		    "index * entry size", "The physical address of the pte "
		    "that maps %s?", va);
	lab_digits(r, q, w);
	q = lab_ask(r, LF_HEX, NULL, "keep the pte's flag bits (its low 12 "
		    "bits, and NX where there is one) and put frame B's "
		    "address in the frame bits", "The pte value that maps %s to "
		    "frame %s with the same flags?", va, fpa(m, r->p[6]));
	lab_digits(r, q, m->mmu.lv[LVL_PTE].esize * 2);
	q = lab_ask(r, LF_HEX, NULL, "a TLB hit does not read the page tables",
		    "After the write, with no flush: 'touch %s' reads which "
		    "word ('xp/w $_')?", va);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "a flush drops the cached translation: the "
		    "next access walks the tables", "After 'tlb flush %s': "
		    "'touch %s' reads which word?", va, va);
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "'tlb' lists each entry with a global "
		"column; the kernel maps lowmem with the G bit",
		"'translate %s': is the TLB entry it leaves global?",
		fva(m, r->p[5]));
	lab_ask(r, LF_WORD, "yes,no", "user mappings never have the G bit: "
		"they belong to one address space",
		"Was %s's TLB entry global?", va);
	lab_ask(r, LF_WORD, "yes,no", "without PCID a cr3 write drops every "
		"entry that is not global", "After 'switch %llu': does cpu0's "
		"TLB still hold the translation of %s?",
		(unsigned long long)r->p[7], va);
	lab_ask(r, LF_WORD, "yes,no", "global entries survive a cr3 write",
		"And the translation of %s?", fva(m, r->p[5]));
	return 0;
}

static int
read_word(struct lab_sol *s, u64 va, u64 *pa, u32 *v, bool *hit,
	  struct error *e)
{
	struct cpu *c = machine_cpu(s->m);

	*hit = tlb_peek(&c->tlb, va, c->asid) != NULL;
	if (machine_access(s->m, c, va, ACC_READ, pa, e) ||
	    machine_read_virt(s->m, c, va, v, sizeof(*v), e))
		return -1;
	return 0;
}

static int
tlb_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct cpu *c = machine_cpu(m);
	u64 va = s->r->p[0], kva = s->r->p[5], fb = s->r->p[6], pa, newpte;
	const struct walk_step *st;
	struct task_struct *t;
	struct tlb_entry *te;
	struct walk w;
	u32 v;
	bool hit;

	sol_step(s, "Step 1: touch %s, then xp/w $_", fva(m, va));
	if (read_word(s, va, &pa, &v, &hit, e))
		return -1;
	sol_say(s, "%s: the TLB %s; the walk gives %s, the word is 0x%08x, "
		"and the translation is now cached", fva(m, va),
		hit ? "hits" : "misses", fpa(m, pa), v);
	lab_want(s, 1, v);

	sol_step(s, "Step 2: the pte of %s", fva(m, va));
	if (machine_walk(m, c, va, &w) != WF_NONE)
		return error_set(e, -EFAULT, "%s does not translate",
				 fva(m, va));
	st = &w.step[w.nsteps - 1];
	sol_say(s, "walk: the last level is the %s at %s, value %s",
		level_name(m, st->lvl), fpa(m, st->entry_pa),
		fentry(m, st->lvl, st->entry));
	lab_want(s, 2, st->entry_pa);
	lab_mistake(s, 2, st->entry, "that is the pte's value; the question "
		    "asks where it is");

	sol_step(s, "Step 3: the new pte");
	newpte = (st->entry & ~(st->d.addr & m->mmu.pa_mask)) | fb;
	sol_say(s, "%s with frame %s in place of %s: %s", fentry(m, st->lvl,
		st->entry), fpa(m, fb), fpa(m, st->d.addr),
		fentry(m, st->lvl, newpte));
	lab_want(s, 3, newpte);
	lab_mistake(s, 3, fb, "keep the flag bits: a pte of just the frame "
		    "address is not present");
	sol_say(s, "write --phys %s %s stores it, without a flush",
		fpa(m, st->entry_pa), fentry(m, st->lvl, newpte));
	phys_write_entry(&m->phys, st->entry_pa, m->mmu.lv[st->lvl].esize,
			 newpte);

	sol_step(s, "Step 4: touch %s again, then xp/w $_", fva(m, va));
	if (read_word(s, va, &pa, &v, &hit, e))
		return -1;
	sol_say(s, "the TLB %s: %s, the old frame; the word is 0x%08x", hit ?
		"hits" : "misses", fpa(m, pa), v);
	sol_say(s, "the tables say %s, but the TLB entry is stale: 'walk' and "
		"'tlb' mark it STALE", fpa(m, fb | (va & ~PAGE_MASK)));
	lab_want(s, 4, v);
	lab_mistake(s, 4, s->r->p[4], "that is frame B's word: the CPU does "
		    "not see the new pte while the TLB holds the old one");

	sol_step(s, "Step 5: tlb flush %s, then touch %s and xp/w $_",
		 fva(m, va), fva(m, va));
	tlb_flush_page(&c->tlb, va, c->asid);
	if (read_word(s, va, &pa, &v, &hit, e))
		return -1;
	sol_say(s, "invlpg dropped the entry; the TLB %s, the walk gives %s, "
		"the word is 0x%08x", hit ? "hits" : "misses", fpa(m, pa), v);
	lab_want(s, 5, v);
	lab_mistake(s, 5, s->r->p[3], "that is frame A's word: after the "
		    "flush the CPU walks the tables again");

	sol_step(s, "Step 6: translate %s", fva(m, kva));
	if (machine_access(m, c, kva, ACC_READ, &pa, e))
		return -1;
	te = tlb_peek(&c->tlb, kva, c->asid);
	if (te == NULL)
		return error_set(e, -EINVAL, "no TLB entry for %s",
				 fva(m, kva));
	sol_say(s, "%s -> %s through a %s page; its TLB entry is %s", fva(m, kva),
		fpa(m, pa), fsize(1ULL << te->shift), te->global ? "global: "
		"it survives a cr3 write (the kernel half is the same in every "
		"process)" : "not global");
	lab_want_word(s, 6, te->global ? "yes" : "no");
	te = tlb_peek(&c->tlb, va, c->asid);
	sol_say(s, "%s's entry is %s", fva(m, va), te == NULL ? "gone" :
		te->global ? "global" : "not global: a cr3 write drops it");
	lab_want_word(s, 7, te != NULL && te->global ? "yes" : "no");

	sol_step(s, "Step 7: switch %llu", (unsigned long long)s->r->p[7]);
	t = find_task(m, (int)s->r->p[7]);
	if (t == NULL)
		return error_set(e, -ESRCH, "no pid %llu",
				 (unsigned long long)s->r->p[7]);
	kt_begin(m);
	if (switch_to(m, c, t, e))
		return -1;
	sol_trace(s);
	sol_say(s, "cr3 = %s, the pgd of pid %d", fpa(m, c->root[0]), t->pid);
	te = tlb_peek(&c->tlb, va, c->asid);
	sol_say(s, "%s: %s", fva(m, va), te ? "still cached" :
		"no longer cached (it was not global)");
	lab_want_word(s, 8, te ? "yes" : "no");
	te = tlb_peek(&c->tlb, kva, c->asid);
	sol_say(s, "%s: %s", fva(m, kva), te ? "still cached: the kernel's "
		"mappings are the same in every process, so Linux marks them "
		"global and a context switch keeps them" : "no longer cached");
	lab_want_word(s, 9, te ? "yes" : "no");
	return 0;
}

const struct lab lab_tlb = {
	.nr = 13,
	.title = "a stale TLB entry; cr3 switch and global pages",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "touch, xp/w, walk, write --phys, tlb, tlb flush, "
		"translate, switch",
	.draw = tlb_draw,
	.setup = tlb_setup,
	.ask = tlb_ask,
	.solve = tlb_solve,
};
