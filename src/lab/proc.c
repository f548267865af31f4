// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises on processes: 11 demand paging of an ELF (faults major and
 * minor, the zero page), 12 fork's copy-on-write and a SIGSEGV.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/lab.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static const char *const acc_letter[] = {
	[ACC_READ] = "r", [ACC_WRITE] = "w", [ACC_EXEC] = "x",
};

static struct task_struct *
pid1(struct machine *m, struct error *e)
{
	struct task_struct *t = find_task(m, 1);

	if (t == NULL || t->mm == NULL)
		error_set(e, -ESRCH, "no pid 1 on this machine");
	return t;
}

static u64
rss_kb(const struct task_struct *t)
{
	return (t->mm->rss[MM_FILEPAGES] + t->mm->rss[MM_ANONPAGES]) * 4;
}

/* A random page of a VMA that is (file) or is not (heap) file-backed. */
static u64
pick_page(struct lab_run *r, struct mm_struct *mm, bool file,
	  bool writable_ok, unsigned long *flags)
{
	const struct vm_area_struct *v;
	u64 n = 0, k;

	for (v = mm->mmap; v != NULL; v = v->vm_next)
		if ((v->vm_file != NULL) == file &&
		    (file || !strcmp(vma_name(mm, v), "[heap]")) &&
		    (writable_ok || !(v->vm_flags & VM_WRITE)))
			n += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	if (n == 0)
		return 0;
	k = lab_rand(r, 0, n - 1);
	for (v = mm->mmap; v != NULL; v = v->vm_next) {
		u64 np;

		if ((v->vm_file != NULL) != file ||
		    (!file && strcmp(vma_name(mm, v), "[heap]")) ||
		    (!writable_ok && (v->vm_flags & VM_WRITE)))
			continue;
		np = (v->vm_end - v->vm_start) >> PAGE_SHIFT;
		if (k < np) {
			*flags = v->vm_flags;
			return v->vm_start + (k << PAGE_SHIFT);
		}
		k -= np;
	}
	return 0;
}

/* An access as 'touch' makes it; how it went: none, minor or major. */
static int
touch(struct lab_sol *s, struct task_struct *t, u64 va, unsigned acc,
      u64 *pa, const char **how, struct error *e)
{
	u64 min0 = t->min_flt, maj0 = t->maj_flt;
	int r;

	sol_say(s, "touch %s %s (pid %d):", fva(s->m, va), acc_letter[acc],
		t->pid);
	kt_begin(s->m);
	r = machine_access(s->m, machine_cpu(s->m), va, acc, pa, e);
	sol_trace(s);
	*how = t->maj_flt != maj0 ? "major" : t->min_flt != min0 ? "minor" :
		"none";
	return r;
}

static int
run_on_cpu0(struct lab_sol *s, struct task_struct *t, struct error *e)
{
	sol_say(s, "switch %d", t->pid);
	kt_begin(s->m);
	if (switch_to(s->m, machine_cpu(s->m), t, e))
		return -1;
	sol_trace(s);
	return 0;
}

/* The code the CPU reported of the first page fault in the kernel's trace. */
static bool
trace_error_code(const struct machine *m, u64 *code)
{
	int i;

	for (i = 0; i < m->kt.n; i++) {
		const struct trace_entry *te = &m->kt.ev[i];

		if (te->id == TE_page_fault) {
			*code = te->f.page_fault.code;
			return true;
		}
	}
	return false;
}

/*
 * Exercise 11: demand paging of an ELF
 *   p[0] a page of the program's file mappings, p[1] the access to it,
 *   p[2] a page of the heap
 */

static int
paging_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	struct task_struct *t = pid1(m, e);
	unsigned long fl = 0;
	unsigned accs[3], n = 0;

	if (t == NULL)
		return -1;
	r->p[0] = pick_page(r, t->mm, true, true, &fl);
	if (fl & VM_READ)
		accs[n++] = ACC_READ;
	if (fl & VM_WRITE)
		accs[n++] = ACC_WRITE;
	if (fl & VM_EXEC)
		accs[n++] = ACC_EXEC;
	if (r->p[0] == 0 || n == 0)
		return error_set(e, -EINVAL, "pid 1 maps no file page");
	r->p[1] = accs[lab_rand(r, 0, n - 1)];
	r->p[2] = pick_page(r, t->mm, false, true, &fl);
	if (r->p[2] == 0)
		return error_set(e, -EINVAL, "pid 1 has no heap");
	return 0;
}

static int
paging_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *f = fva(m, r->p[0]), *h = fva(m, r->p[2]);
	const char *a = acc_letter[r->p[1]];
	int q;

	(void)e;
	lab_intro(r, "exec maps a program without reading it: its pages come "
		  "in one by one, at the first access, through page faults.  "
		  "pid 1 runs the built-in demo program.  Look at 'maps' and "
		  "'ps', then 'touch %s %s' (an access by the process: r read, "
		  "w write, x fetch), 'fork', 'switch 2', 'touch %s r', "
		  "'switch 1', 'touch %s r', 'touch %s w', and 'ps' again.  "
		  "'touch' says whether each access faulted, and how.",
		  f, a, f, h, h);
	lab_ask(r, LF_NUM, NULL, "'maps' lists them, one per line",
		"How many VMAs does pid 1 have?");
	lab_ask(r, LF_NUM, NULL, "'ps': the RSS column", "pid 1's RSS now, "
		"in kB?");
	lab_ask(r, LF_WORD, "major,minor,none", "a fault is major when the "
		"page has to be read from the file, minor when it is found in "
		"memory (the page cache, the zero page) or made there",
		"'touch %s %s': a major fault, a minor one, or none?", f, a);
	lab_ask(r, LF_WORD, "major,minor,none", "the first touch put the file "
		"page in the page cache", "In pid 2, 'touch %s r': a major "
		"fault, a minor one, or none?", f);
	q = lab_ask(r, LF_HEX, NULL, "a read of an untouched anonymous page "
		    "maps the shared zero page", "Back in pid 1, 'touch %s r': "
		    "the pfn it maps?", h);
	lab_digits(r, q, m->arch->pa_digits - 3);
	lab_ask(r, LF_WORD, "major,minor,none", "the write replaces the zero "
		"page by a new zeroed page: nothing is read from a file",
		"'touch %s w': a major fault, a minor one, or none?", h);
	lab_ask(r, LF_NUM, NULL, "'ps': MINFLT", "pid 1's minor faults "
		"(MINFLT) now?");
	lab_ask(r, LF_NUM, NULL, "'ps': MAJFLT", "pid 1's major faults "
		"(MAJFLT) now?");
	lab_ask(r, LF_NUM, NULL, "'ps': RSS counts the pages mapped, file and "
		"anonymous; the zero page does not count", "pid 1's RSS now, in "
		"kB?");
	return 0;
}

static int
paging_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	u64 f = s->r->p[0], h = s->r->p[2], pa;
	unsigned acc = (unsigned)s->r->p[1];
	struct task_struct *t = pid1(m, e), *child;
	const struct vm_area_struct *v;
	const char *how;
	int n = 0;

	if (t == NULL)
		return -1;
	sol_step(s, "Step 1: pid 1 before");
	for (v = t->mm->mmap; v != NULL; v = v->vm_next)
		n++;
	sol_say(s, "%d VMAs; RSS %llu kB (the pages exec itself wrote: the "
		"stack's, and the one padzero cleared); %llu minor and %llu "
		"major faults", n, (unsigned long long)rss_kb(t),
		(unsigned long long)t->min_flt, (unsigned long long)t->maj_flt);
	lab_want(s, 1, (u64)n);
	lab_want(s, 2, rss_kb(t));
	lab_mistake(s, 2, rss_kb(t) / 4, "that is in pages; RSS is in kB");

	sol_step(s, "Step 2: the file page");
	if (touch(s, t, f, acc, &pa, &how, e))
		return -1;
	sol_say(s, "%s fault", how);
	lab_want_word(s, 3, how);

	sol_step(s, "Step 3: the same page in a child");
	kt_begin(m);
	if (do_fork(m, t, &child, e))
		return -1;
	sol_trace(s);
	if (run_on_cpu0(s, child, e) ||
	    touch(s, child, f, ACC_READ, &pa, &how, e))
		return -1;
	sol_say(s, "%s fault", how);
	lab_want_word(s, 4, how);

	sol_step(s, "Step 4: the heap");
	if (run_on_cpu0(s, t, e) || touch(s, t, h, ACC_READ, &pa, &how, e))
		return -1;
	sol_say(s, "%s fault; pfn %s", how, fpfn(m, pa >> PAGE_SHIFT));
	lab_want(s, 5, pa >> PAGE_SHIFT);
	lab_mistake(s, 5, pa, "that is the physical address; the pfn is it "
		    ">> 12");
	if (touch(s, t, h, ACC_WRITE, &pa, &how, e))
		return -1;
	sol_say(s, "%s fault; now pfn %s", how, fpfn(m, pa >> PAGE_SHIFT));
	lab_want_word(s, 6, how);

	sol_step(s, "Step 5: pid 1 after");
	sol_say(s, "MINFLT %llu, MAJFLT %llu, RSS %llu kB",
		(unsigned long long)t->min_flt, (unsigned long long)t->maj_flt,
		(unsigned long long)rss_kb(t));
	lab_want(s, 7, t->min_flt);
	lab_want(s, 8, t->maj_flt);
	lab_want(s, 9, rss_kb(t));
	return 0;
}

const struct lab lab_demand = {
	.nr = 11,
	.title = "demand paging of an ELF: major, minor, the zero page",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "maps, ps, touch, fork, switch",
	.draw = paging_draw,
	.ask = paging_ask,
	.solve = paging_solve,
};

/*
 * Exercise 12: fork and copy-on-write; a SIGSEGV
 *   p[0] a heap page, p[1] the bad access: 0 a write to a read-only
 *   page, 1 an address no VMA covers; p[2] that address, p[3] its access
 */

static int
cow_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	struct task_struct *t = pid1(m, e);
	const struct vm_area_struct *v;
	unsigned long fl;
	u64 lo = 0, hi = 0;

	if (t == NULL)
		return -1;
	r->p[0] = pick_page(r, t->mm, false, true, &fl);
	r->p[1] = lab_rand(r, 0, 1);
	if (r->p[0] == 0)
		return error_set(e, -EINVAL, "pid 1 has no heap");
	if (r->p[1] == 0) {
		r->p[2] = pick_page(r, t->mm, true, false, &fl) +
			lab_rand(r, 0, PAGE_SIZE / 4 - 1) * 4;
		r->p[3] = ACC_WRITE;
		return 0;
	}
	/* the hole between the heap and the stack */
	for (v = t->mm->mmap; v != NULL; v = v->vm_next)
		if (!strcmp(vma_name(t->mm, v), "[heap]") && v->vm_next) {
			lo = v->vm_end;
			hi = v->vm_next->vm_start;
		}
	if (hi <= lo + 2 * PAGE_SIZE)
		return error_set(e, -EINVAL, "no hole after the heap");
	r->p[2] = lab_rand(r, lo + PAGE_SIZE, hi - PAGE_SIZE - 1) & ~3ULL;
	r->p[3] = lab_rand(r, 0, 1) ? ACC_WRITE : ACC_READ;
	return 0;
}

static int
cow_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *h = fva(m, r->p[0]), *b = fva(m, r->p[2]);
	const char *a = acc_letter[r->p[3]];
	int q;

	(void)e;
	lab_intro(r, "fork copies no page: parent and child share every "
		  "frame, read-only, and the first write copies.  pid 1 runs "
		  "the demo program.  Run 'touch %s w' (pid 1 writes its heap), "
		  "'fork', look at the pte ('pte %s') and the frame ('page "
		  "PFN'), then 'switch 2', 'touch %s w', 'switch 1', 'touch %s "
		  "w'.  Last, in pid 1, 'touch %s %s'.", h, h, h, h, b, a);
	lab_ask(r, LF_WORD, "yes,no", "fork's copy_page_range write-protects "
		"the private pages in both processes: 'pte' shows RW",
		"After 'fork': is pid 1's pte for %s writable?", h);
	lab_ask(r, LF_NUM, NULL, "'page PFN' says how many page tables map it",
		"How many page tables map its frame then?");
	q = lab_ask(r, LF_HEX, NULL, "'touch' gives the physical address: the "
		    "pfn is that >> 12", "In pid 2, 'touch %s w': the pfn it "
		    "writes to?", h);
	lab_digits(r, q, m->arch->pa_digits - 3);
	lab_ask(r, LF_WORD, "yes,no", "do_wp_page reuses a page that only one "
		"page table maps", "Back in pid 1, 'touch %s w': does pid 1 "
		"get a new frame too?", h);
	lab_ask(r, LF_WORD, "SIGSEGV,SIGBUS,none", "an access the VMAs do "
		"not allow is a segmentation violation", "'touch %s %s': "
		"which signal does pid 1 get (none: it works)?", b, a);
	lab_ask(r, LF_WORD, "SEGV_MAPERR,SEGV_ACCERR,none", "MAPERR: no VMA "
		"covers the address; ACCERR: the VMA does not allow the access",
		"Its si_code?");
	q = lab_ask(r, LF_HEX, NULL, "x86's error code: bit 0 P (the page was "
		    "present), bit 1 W (a write), bit 2 U (user mode)",
		    "The page-fault error code of that access?");
	lab_digits(r, q, 1);
	return 0;
}

static int
cow_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct task_struct *t = pid1(m, e), *child;
	u64 h = s->r->p[0], b = s->r->p[2], pa, pa1, pte, code = 0;
	unsigned acc = (unsigned)s->r->p[3];
	struct pte_decode d;
	struct page *page;
	struct error why;
	const char *how;
	int r;

	if (t == NULL)
		return -1;
	sol_step(s, "Step 1: pid 1 writes its heap");
	if (touch(s, t, h, ACC_WRITE, &pa1, &how, e))
		return -1;

	sol_step(s, "Step 2: fork");
	kt_begin(m);
	if (do_fork(m, t, &child, e))
		return -1;
	sol_trace(s);
	pte = user_pte(m, t->mm, h, NULL);
	m->arch->decode(&m->mmu, LVL_PTE, pte, &d);
	sol_say(s, "pid 1's pte for %s: %s, %s", fva(m, h),
		fentry(m, LVL_PTE, pte), (d.perm & P_UW) ? "writable" :
		"read-only: the next write faults");
	lab_want_word(s, 1, (d.perm & P_UW) ? "yes" : "no");
	page = pfn_to_page(m, pa1 >> PAGE_SHIFT);
	if (page == NULL)
		return error_set(e, -EINVAL, "no struct page");
	sol_say(s, "pfn %s is mapped by %d page tables (_refcount %d)",
		fpfn(m, pa1 >> PAGE_SHIFT), page_mapcount(page),
		page_ref_count(page));
	lab_want(s, 2, (u64)page_mapcount(page));
	lab_mistake(s, 2, (u64)page_mapcount(page) - 1, "that is the raw "
		    "_mapcount, which counts from -1: page tables = _mapcount "
		    "+ 1");

	sol_step(s, "Step 3: the child writes");
	if (run_on_cpu0(s, child, e) ||
	    touch(s, child, h, ACC_WRITE, &pa, &how, e))
		return -1;
	sol_say(s, "pid %d now writes to pfn %s", child->pid,
		fpfn(m, pa >> PAGE_SHIFT));
	lab_want(s, 3, pa >> PAGE_SHIFT);
	lab_mistake(s, 3, pa1 >> PAGE_SHIFT, "that is the frame the two "
		    "shared: the child's write copies it");

	sol_step(s, "Step 4: the parent writes");
	if (run_on_cpu0(s, t, e) || touch(s, t, h, ACC_WRITE, &pa, &how, e))
		return -1;
	sol_say(s, "pid 1 writes to pfn %s: %s", fpfn(m, pa >> PAGE_SHIFT),
		(pa >> PAGE_SHIFT) == (pa1 >> PAGE_SHIFT) ? "the same frame, "
		"now its own" : "a new frame");
	lab_want_word(s, 4, (pa >> PAGE_SHIFT) == (pa1 >> PAGE_SHIFT) ?
		      "no" : "yes");

	sol_step(s, "Step 5: the bad access");
	sol_say(s, "touch %s %s (pid 1):", fva(m, b), acc_letter[acc]);
	error_clear(&why);
	kt_begin(m);
	r = machine_access(m, machine_cpu(m), b, acc, &pa, &why);
	trace_error_code(m, &code);
	sol_trace(s);
	if (r == 0) {
		sol_say(s, "it works");
		lab_want_word(s, 5, "none");
		lab_want_word(s, 6, "none");
	} else {
		sol_say(s, "%s", why.msg);
		lab_want_word(s, 5, t->state != TASK_KILLED ? "none" :
			      t->sig == SIGSEGV ? "SIGSEGV" :
			      t->sig == SIGBUS ? "SIGBUS" : "none");
		lab_want_word(s, 6, t->state != TASK_KILLED ? "none" :
			      t->si_code == SEGV_MAPERR ? "SEGV_MAPERR" :
			      t->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "none");
	}
	sol_say(s, "error code %#llx: P=%llu W=%llu U=%llu",
		(unsigned long long)code, (unsigned long long)(code & 1),
		(unsigned long long)(code >> 1 & 1),
		(unsigned long long)(code >> 2 & 1));
	lab_want(s, 7, code);
	return 0;
}

const struct lab lab_cow = {
	.nr = 12,
	.title = "fork and copy-on-write; a SIGSEGV and its error code",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "touch, fork, pte, page, switch",
	.draw = cow_draw,
	.ask = cow_ask,
	.solve = cow_solve,
};
