// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Exercises 15-17 (ptwalk-labs(7)): page tables of xv6-riscv, the kernel
 * of MIT 6.1810, on --kernel xv6: a hand walk of Sv39, the vmprint() of a
 * process that has just exec'ed, and the trampoline and trapframe that
 * the user and kernel tables share.  The program pid 1 exec'ed is drawn
 * from the seed; every answer is what ptwalk's walker reads.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/lab.h"
#include "ptwalk/machine.h"
#include "ptwalk/out.h"
#include "ptwalk/pgtable.h"

#define XV6_ARGS	"--arch riscv64 --kernel xv6 --cpus 2"
#define PGSZ		4096ULL

static const char *const progs[] = {
	"_init", "_sh", "_ls", "_cat", "_echo", "_grep", "_wc",
};

/* the program pid 1 exec'ed: p[15] */
static void
xv6_machine(struct lab_run *r)
{
	r->p[15] = lab_rand(r, 0, ARRAY_SIZE(progs) - 1);
	r->mo.exec = progs[r->p[15]];
	r->mo.mem = 128 * MiB;		/* PHYSTOP */
}

/* xv6's MAXVA is one bit below Sv39's: TRAMPOLINE, TRAPFRAME under it */
static u64
trampoline_va(const struct machine *m)
{
	return (1ULL << (m->mmu.va_bits - 1)) - PGSZ;
}

/* A leaf of the user table: va, the entry */
struct leaf {
	u64 va, pte, pa;
	int depth;
};

/* The valid entries of the table at pa, as vmprint lists them. */
static int
list_entries(struct machine *m, u64 pa, int w, u64 base, struct leaf *out,
	     int n, int max)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[w];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 i;

	for (i = 0; i < (1ULL << L->bits) && n < max; i++) {
		struct pte_decode d;
		u64 val, va = base + (i << L->shift);

		if (!pt_entry(m, lvl, pa + i * L->esize, &val, &d) ||
		    d.kind == PT_NONE)
			continue;
		out[n].va = va;
		out[n].pte = val;
		out[n].pa = d.addr;
		out[n].depth = d.kind == PT_LEAF ? -(w + 1) : w + 1;
		n++;
		if (d.kind == PT_TABLE && w + 1 < mmu->nwalk)
			n = list_entries(m, d.addr, w + 1, va, out, n, max);
	}
	return n;
}

/* the pages exec loaded (text, data): user pages below the guard page */
static int
user_pages(struct machine *m, u64 *va, int max)
{
	struct leaf e[64];
	int n = list_entries(m, machine_cpu(m)->root[0], 0, 0, e, 0, 64);
	int i, k = 0;

	for (i = 0; i < n && k < max; i++) {
		if (e[i].depth > 0)
			continue;
		if (!(e[i].pte & 0x10))
			break;		/* the guard page */
		va[k++] = e[i].va;
	}
	return k;
}

/*
 * Exercise 16: hand-walk an Sv39 address
 */

static int
sv39_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 va[16];
	int n = user_pages(m, va, 16);

	if (n == 0)
		return error_set(e, -EINVAL, "pid 1 maps no user page");
	r->p[0] = va[lab_rand(r, 0, n - 1)] + 4 * lab_rand(r, 0, 1023);
	return 0;
}

static int
sv39_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *va = fva(m, r->p[0]);
	static const char *const lv[] = { "L2", "L1", "L0" };
	static const char *const bits[] = { "38:30", "29:21", "20:12" };
	int i, q;

	(void)e;
	lab_intro(r, "xv6 has just exec'ed %s as pid 1; cpu0 runs it in user "
		  "mode on satp = %s (its page table, Sv39).  Walk %s by "
		  "hand as the MMU does: three 9-bit indexes, 8-byte entries, "
		  "the next table or the page at (pte >> 10) << 12 (PTE2PA). "
		  " Read entries with 'xp/g PADDR'; check with 'walk %s' at "
		  "the end.", progs[r->p[15]] + 1,
		  fpa(m, machine_cpu(m)->root[0]), va, va);
	for (i = 0; i < 3; i++) {
		lab_ask(r, LF_NUM, NULL, "each index is 9 bits of the address",
			"The %s index of %s (bits %s)?", lv[i], va, bits[i]);
		q = lab_ask(r, LF_HEX, NULL, "the entry lies at the table + "
			    "index * 8", "The physical address of its %s "
			    "entry?", lv[i]);
		lab_digits(r, q, 8);
		q = lab_ask(r, LF_HEX, NULL, "read 8 bytes there: xp/g ADDRESS",
			    "The value of that %s entry?", lv[i]);
		lab_digits(r, q, 16);
	}
	q = lab_ask(r, LF_HEX, NULL, "PTE2PA(pte) + the offset, bits 11:0",
		    "The physical address %s translates to?", va);
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "xp/w PADDR", "The 32-bit word at %s?",
		    va);
	lab_digits(r, q, 8);
	return 0;
}

static int
sv39_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 va = s->r->p[0];
	struct walk w;
	int i;

	if (machine_walk(m, machine_cpu(m), va, &w) != WF_NONE ||
	    w.nsteps != 3)
		return error_set(e, -EFAULT, "%s does not translate in 3 "
				 "levels", fva(m, va));
	for (i = 0; i < 3; i++) {
		const struct walk_step *t = &w.step[i];

		sol_step(s, "Step %d: level %d: index %u, entry at %s + %u * 8",
			 i + 1, 2 - i, t->index, fpa(m, t->table), t->index);
		sol_say(s, "entry 0x%016llx at %s: %s %s", (unsigned long long)
			t->entry, fpa(m, t->entry_pa), i < 2 ? "next table" :
			"page", fpa(m, t->d.addr));
		lab_want(s, 3 * i + 1, t->index);
		lab_want(s, 3 * i + 2, t->entry_pa);
		lab_mistake(s, 3 * i + 2, t->table + t->index * 4, "entries "
			    "are 8 bytes on Sv39: index * 8");
		if (i > 0)
			lab_mistake(s, 3 * i + 2, (w.step[i - 1].entry &
						   ~0x3ffULL) + t->index * 8,
				    "clearing the 10 flag bits is not enough: "
				    "the PPN sits at bit 10, so the table is "
				    "(pte >> 10) << 12");
		lab_want(s, 3 * i + 3, t->entry);
		lab_mistake(s, 3 * i + 3, t->entry_pa, "that is the entry's "
			    "address; its value is what xp/g reads there");
	}
	sol_step(s, "Step 4: the page + the offset");
	sol_say(s, "%s + %#llx = %s", fpa(m, w.step[2].d.addr),
		(unsigned long long)(va & 0xfff), fpa(m, w.pa));
	lab_want(s, 10, w.pa);
	lab_mistake(s, 10, (w.step[2].entry & ~0x3ffULL) + (va & 0xfff),
		    "clearing the 10 flag bits is not enough: the PPN sits at "
		    "bit 10, so the page is (pte >> 10) << 12");
	lab_mistake(s, 10, w.step[2].d.addr, "add the offset, bits 11:0");
	lab_want(s, 11, lab_peek32(m, w.pa));
	sol_walk(s, va);
	return 0;
}

const struct lab lab_sv39 = {
	.nr = 16,
	.title = "hand-walk an Sv39 address of an xv6 process",
	.args = XV6_ARGS,
	.commands = "xp/g, xp/w, walk",
	.machine = xv6_machine,
	.machine_text = "xv6-riscv, 128M, a user/ program",
	.draw = sv39_draw,
	.ask = sv39_ask,
	.solve = sv39_solve,
};

/*
 * Exercise 17: the vmprint of a process that has just exec'ed
 */

static int
vmp_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[1] = lab_rand(r, 0, 24) * PGSZ;	/* what pid 1 sbrk'ed */
	return 0;
}

/* pid 1 calls sbrk(p[1]): growproc maps the pages at once */
static int
vmp_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	const struct kernel_ops *ops = m->profile->ops;
	u64 old;

	if (r->p[1] == 0)
		return 0;
	if (ops == NULL || ops->sbrk == NULL)
		return error_set(e, -EINVAL, "the exercise's machine has no "
				 "sbrk");
	return ops->sbrk(m, (long long)r->p[1], &old, e);
}


static int
vmp_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	int q;

	(void)e;
	lab_intro(r, "xv6 has just exec'ed %s as pid 1 (exec.c: its LOAD "
		  "segments from 0, a guard page, the stack page; "
		  "proc_pagetable: the trapframe and the trampoline), which "
		  "then called sbrk(%llu).  Run 'vmprint', the page-table "
		  "lab's vmprint() of its table, and explain its lines.",
		  progs[r->p[15]] + 1, (unsigned long long)r->p[1]);
	(void)m;
	lab_ask(r, LF_NUM, NULL, "count every line but the first (the root)",
		"How many entries does vmprint print?");
	lab_ask(r, LF_NUM, NULL, "a leaf is on the third level: ' .. .. ..'",
		"How many of them map a page (leaves)?");
	q = lab_ask(r, LF_HEX, NULL, "the guard page is the one leaf below "
		    "the trapframe without U (uvmclear)",
		    "The virtual address of the guard page?");
	lab_digits(r, q, 16);
	q = lab_ask(r, LF_HEX, NULL, "the stack page is right above the "
		    "guard, sbrk's pages above the stack",
		    "p->sz, the size of the process (where the next sbrk "
		    "starts)?");
	lab_digits(r, q, 16);
	q = lab_ask(r, LF_HEX, NULL, "the line under entry 255 and 511 that is "
		    "not the trampoline; vmprint's address, as printed",
		    "The address vmprint prints for the trapframe?");
	lab_digits(r, q, 16);
	lab_ask(r, LF_SET, "r,w,x,u", "decode the low bits of the pte at 0: "
		"R 0x2, W 0x4, X 0x8, U 0x10",
		"The rights of the page at 0 (its text)?");
	return 0;
}

/* the address vmprint prints: the index << 30 wraps in a C int */
static u64
lab_va(u64 va)
{
	u64 top = va & ~((1ULL << 30) - 1), rest = va & ((1ULL << 30) - 1);

	return (u64)(s64)(s32)(u32)top + rest;
}

static void
vmp_rights(struct lab_sol *s, u64 pte)
{
	struct strbuf sb;

	sb_init(&sb);
	if (pte & 0x2)
		sb_adds(&sb, "r,");
	if (pte & 0x4)
		sb_adds(&sb, "w,");
	if (pte & 0x8)
		sb_adds(&sb, "x,");
	if (pte & 0x10)
		sb_adds(&sb, "u,");
	if (sb.len)
		sb.buf[--sb.len] = 0;
	lab_want_word(s, 6, sb.len ? sb.buf : "none");
	sb_release(&sb);
}

static int
vmp_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct leaf l[64];
	u64 tramp = trampoline_va(m), guard = 0, sz = 0, tf = 0, text = 0;
	int n = list_entries(m, machine_cpu(m)->root[0], 0, 0, l, 0, 64);
	int i, leaves = 0;

	sol_step(s, "Step 1: the lines of vmprint, one per valid entry");
	for (i = 0; i < n; i++) {
		const char *what = l[i].depth > 0 ? "a table one level down" :
			l[i].va == tramp ? "the trampoline (R-X, no U)" :
			l[i].va == tramp - PGSZ ? "the trapframe (RW-, no U)" :
			!(l[i].pte & 0x10) ? "the guard page (U cleared)" :
			l[i].pte & 0x8 ? "text (R-X, U)" :
			"data, stack or sbrk's (RW-, U)";

		sol_say(s, "depth %d  0x%016llx  pte 0x%016llx: %s",
			l[i].depth < 0 ? -l[i].depth : l[i].depth,
			(unsigned long long)lab_va(l[i].va),
			(unsigned long long)l[i].pte, what);
		if (l[i].depth > 0)
			continue;
		leaves++;
		if (l[i].va == 0)
			text = l[i].pte;
		if (l[i].va == tramp - PGSZ)
			tf = lab_va(l[i].va);
		else if (l[i].va < tramp - PGSZ && !(l[i].pte & 0x10))
			guard = l[i].va;
		else if (l[i].va < tramp - PGSZ)
			sz = MAX(sz, l[i].va + PGSZ);
	}
	if (!guard || !tf || !sz)
		return error_set(e, -EINVAL, "pid 1 has no guard page, stack or "
				 "trapframe");
	lab_want(s, 1, (u64)n);
	lab_want(s, 2, (u64)leaves);
	lab_mistake(s, 2, (u64)n, "tables are lines too: count only the "
		    "third level");
	lab_want(s, 3, guard);
	lab_want(s, 4, sz);
	lab_mistake(s, 4, guard + PGSZ, "that is the stack's bottom; p->sz is "
		    "above the stack and what sbrk added");
	if (s->r->p[1])
		lab_mistake(s, 4, guard + 2 * PGSZ, "that is the stack's top; "
			    "sbrk's pages lie above it");
	lab_want(s, 5, tf);
	lab_mistake(s, 5, tramp - PGSZ, "that is TRAPFRAME itself; vmprint's "
		    "index << 30 wraps in a C int and prints sign-extended");
	vmp_rights(s, text);
	return 0;
}

const struct lab lab_vmprint = {
	.nr = 17,
	.title = "the vmprint of an xv6 process that has just exec'ed",
	.args = XV6_ARGS,
	.commands = "vmprint, walk",
	.machine = xv6_machine,
	.machine_text = "xv6-riscv, 128M, a user/ program",
	.draw = vmp_draw,
	.setup = vmp_setup,
	.ask = vmp_ask,
	.solve = vmp_solve,
};

/*
 * Exercise 18: the trampoline and the trapframe in both tables
 */

/* a proc slot whose kernel stack the student finds: p[2] */
static int
tramp_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[2] = lab_rand(r, 0, 63);
	return 0;
}

static int
tramp_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	u64 t = trampoline_va(m);
	int q;

	(void)e;
	lab_intro(r, "xv6 switches satp between the user's table and "
		  "kernel_pagetable in trampoline.S, which must therefore be "
		  "mapped at the same address, TRAMPOLINE = %s, in both.  "
		  "pid 1 (%s) runs on cpu0 (its table, satp %s); cpu1 sits in "
		  "the scheduler on kernel_pagetable (satp %s): 'walk' on each "
		  "CPU ('cpu 0', 'cpu 1').", fva(m, t), progs[r->p[15]] + 1,
		  fpa(m, m->cpu[0].root[0]), fpa(m, m->cpu[1].root[0]));
	q = lab_ask(r, LF_HEX, NULL, "cpu 0, walk TRAMPOLINE",
		    "The physical page TRAMPOLINE maps to in pid 1's table?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "cpu 1, walk TRAMPOLINE",
		    "The physical page it maps to in kernel_pagetable?");
	lab_digits(r, q, 8);
	q = lab_ask(r, LF_HEX, NULL, "cpu 0, walk TRAPFRAME (TRAMPOLINE - "
		    "4096)", "The physical page of pid 1's trapframe?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "cpu 1, walk TRAPFRAME",
		"Does kernel_pagetable map TRAPFRAME?");
	q = lab_ask(r, LF_HEX, NULL, "kvmmake maps RAM at its own address: "
		    "walk the trapframe's physical address on cpu 1",
		    "The kernel virtual address through which the kernel "
		    "writes the trapframe (p->trapframe)?");
	lab_digits(r, q, 8);
	lab_ask(r, LF_WORD, "yes,no", "the U bit, 0x10, of the trampoline's "
		"pte", "Can user code read the trampoline page (its U bit)?");
	q = lab_ask(r, LF_HEX, NULL, "KSTACK(p) = TRAMPOLINE - (p + 1) * 2 * "
		    "4096 (memlayout.h): a stack page and a guard page per slot",
		    "The virtual address of proc[%llu]'s kernel stack?",
		    (unsigned long long)r->p[2]);
	lab_digits(r, q, 16);
	q = lab_ask(r, LF_HEX, NULL, "cpu 1, walk the stack's address",
		    "The physical page of that kernel stack?");
	lab_digits(r, q, 8);
	return 0;
}

/* proc_mapstacks(): KSTACK(p), mapped in kernel_pagetable, guard below */
static int
kstack_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 k = s->r->p[2], va = trampoline_va(m) - (k + 1) * 2 * PGSZ;
	struct walk w, g;

	sol_step(s, "Step 4: proc[%llu]'s kernel stack, KSTACK(%llu)",
		 (unsigned long long)k, (unsigned long long)k);
	machine_walk(m, &m->cpu[1], va, &w);
	machine_walk(m, &m->cpu[1], va - PGSZ, &g);
	if (w.fault || !g.fault)
		return error_set(e, -EFAULT, "KSTACK(%llu) is not a stack "
				 "above a guard page", (unsigned long long)k);
	sol_say(s, "TRAMPOLINE - %llu * 2 * 4096 = %s -> %s; %s below it: "
		"not mapped (the guard)", (unsigned long long)(k + 1),
		fva(m, va), fpa(m, w.pa), fva(m, va - PGSZ));
	lab_want(s, 7, va);
	lab_mistake(s, 7, trampoline_va(m) - (k + 1) * PGSZ, "each slot has "
		    "two pages, the stack and its guard: (p + 1) * 2 * 4096");
	lab_mistake(s, 7, va - PGSZ, "that is the guard page below it");
	lab_want(s, 8, w.pa);
	return 0;
}

static int
tramp_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 t = trampoline_va(m);
	struct walk uw, kw, tw, kt, dm;

	machine_walk(m, &m->cpu[0], t, &uw);
	machine_walk(m, &m->cpu[1], t, &kw);
	machine_walk(m, &m->cpu[0], t - PGSZ, &tw);
	machine_walk(m, &m->cpu[1], t - PGSZ, &kt);
	if (uw.fault || kw.fault || tw.fault)
		return error_set(e, -EFAULT, "the trampoline or the trapframe "
				 "is not mapped");
	machine_walk(m, &m->cpu[1], tw.pa, &dm);
	sol_step(s, "Step 1: the trampoline in both tables");
	sol_say(s, "user: %s -> %s (pte 0x%016llx); kernel: %s -> %s",
		fva(m, t), fpa(m, uw.pa), (unsigned long long)
		uw.step[uw.nsteps - 1].entry, fva(m, t), fpa(m, kw.pa));
	lab_want(s, 1, uw.pa);
	lab_want(s, 2, kw.pa);
	sol_step(s, "Step 2: the trapframe: only in the user table");
	sol_say(s, "user: %s -> %s; kernel: %s", fva(m, t - PGSZ),
		fpa(m, tw.pa), kt.fault ? "not mapped" : fpa(m, kt.pa));
	lab_want(s, 3, tw.pa);
	lab_want_word(s, 4, kt.fault ? "no" : "yes");
	sol_step(s, "Step 3: the kernel reaches it at its physical address");
	sol_say(s, "cpu 1: %s -> %s", fva(m, tw.pa), dm.fault ? "fault" :
		fpa(m, dm.pa));
	if (dm.fault)
		return error_set(e, -EFAULT, "the kernel does not map RAM");
	lab_want(s, 5, tw.pa);
	lab_mistake(s, 5, t - PGSZ, "TRAPFRAME is the user's address; the "
		    "kernel has no mapping there");
	lab_want_word(s, 6, uw.step[uw.nsteps - 1].entry & 0x10 ? "yes" :
		      "no");
	return kstack_solve(s, e);
}

const struct lab lab_trampoline = {
	.nr = 18,
	.title = "the trampoline and trapframe in xv6's two tables",
	.args = XV6_ARGS,
	.commands = "cpu, walk, vmprint",
	.machine = xv6_machine,
	.machine_text = "xv6-riscv, 128M, a user/ program",
	.draw = tramp_draw,
	.ask = tramp_ask,
	.solve = tramp_solve,
};
