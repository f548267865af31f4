// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Tasks and address spaces (cf. kernel/fork.c mm_alloc/mmput, kernel/pid.c);
 * the per-arch numbers are the arch's (struct arch_mm).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/ksym.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/slab.h"

#define PID_MAX		32768	/* PID_MAX_DEFAULT */
#define STK_LIM		(8 * MiB)	/* _STK_LIM: RLIMIT_STACK */
#define MIN_GAP		(128 * MiB)	/* mm/util.c, arch/x86/mm/mmap.c */

/*
 * Tasks
 */

struct task_struct *
task_list(struct machine *m)
{
	return m->kern && m->kern->tasks ? tasks_of(m)->tasks : NULL;
}

struct task_struct *
find_task(struct machine *m, int pid)
{
	struct task_struct *t;

	for (t = task_list(m); t != NULL; t = t->next)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct task_struct *
cpu_task(struct machine *m, const struct cpu *c)
{
	return c->pid ? find_task(m, c->pid) : NULL;
}

/* alloc_pid(): the next free number after the last one, wrapping */
static int
alloc_pid(struct machine *m)
{
	struct task_state *ts = tasks_of(m);
	int pid = ts->last_pid, n;

	for (n = 0; n < PID_MAX; n++) {
		pid = pid + 1 >= PID_MAX ? 300 : pid + 1;
		if (find_task(m, pid) == NULL) {
			ts->last_pid = pid;
			return pid;
		}
	}
	return -1;
}

struct task_struct *
task_alloc(struct machine *m, int ppid, const char *comm)
{
	struct task_state *ts = tasks_of(m);
	struct task_struct *t, **pp;
	int pid = alloc_pid(m);

	if (pid < 0)
		return NULL;
	t = xcalloc(1, sizeof(*t));
	t->pid = pid;
	t->ppid = ppid;
	t->cpu = -1;
	snprintf(t->comm, sizeof(t->comm), "%s", comm);
	for (pp = &ts->tasks; *pp != NULL && (*pp)->pid < pid; pp = &(*pp)->next)
		;
	t->next = *pp;
	*pp = t;
	return t;
}

void
task_unlink(struct machine *m, struct task_struct *t)
{
	struct task_struct **pp;

	for (pp = &tasks_of(m)->tasks; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
}

/*
 * Address spaces
 */

/* mmap_base(): below the stack, leaving RLIMIT_STACK + the guard gap */
static u64
mmap_base(const struct machine *m, u64 stack_top)
{
	u64 gap = STK_LIM + stack_guard_gap();

	(void)m;
	if (gap < MIN_GAP)
		gap = MIN_GAP;
	if (gap > stack_top / 6 * 5)
		gap = stack_top / 6 * 5;
	return ALIGN_DOWN(stack_top - gap, PAGE_SIZE);
}

struct mm_struct *
mm_alloc(struct machine *m, struct error *e)
{
	struct mm_struct *mm = xcalloc(1, sizeof(*mm));

	mm->task_size = m->lay.task_size;
	mm->stack_top = m->lay.stack_top;
	mm->mmap_base = mmap_base(m, mm->stack_top);
	mm->stack_rlimit = STK_LIM;
	mm->mm_users = 1;
	if (pgd_alloc(m, mm, e)) {
		free(mm);
		return NULL;
	}
	mm_context_init(m, mm);
	return mm;
}

void
mmput(struct machine *m, struct mm_struct *mm)
{
	int i;

	if (mm == NULL || --mm->mm_users > 0)
		return;
	exit_mmap(m, mm);
	pgd_free(m, mm);
	for (i = 0; i < 2; i++)
		if (mm->img[i].file != NULL)
			fput(m, mm->img[i].file);
	free(mm);
}

/*
 * User symbols
 */

/* Does the image's PT_LOAD span [first vaddr, last end) hold addr? */
static bool
image_covers(const struct elf_info *ei, u64 addr)
{
	u64 lo = ~0ULL, hi = 0;
	int i;

	for (i = 0; i < ei->nseg; i++)
		if (ei->seg[i].type == 1) {
			lo = MIN(lo, ei->seg[i].vaddr & PAGE_MASK);
			hi = MAX(hi, ei->seg[i].vaddr + ei->seg[i].memsz);
		}
	return addr >= lo && addr < hi;
}

const struct elf_sym *
user_sym_at(struct mm_struct *mm, u64 addr, u64 *value,
	    const struct elf_info **eip)
{
	int i;

	for (i = 0; i < 2; i++) {
		struct file *f = mm->img[i].file;
		const struct elf_sym *s;
		u64 bias = mm->img[i].bias;
		struct vm_area_struct *v;

		if (f == NULL || f->elf == NULL || addr < bias ||
		    !image_covers(f->elf, addr - bias))
			continue;
		/* only where something is mapped */
		v = find_vma(mm, addr);
		if (v == NULL || v->vm_start > addr)
			continue;
		s = elf_sym_at(f->elf, addr - bias);
		if (s == NULL)
			continue;
		if (!s->size && addr - bias - s->value > 64 * KiB)
			continue;
		if (value != NULL)
			*value = s->value + bias;
		if (eip != NULL)
			*eip = f->elf;
		return s;
	}
	return NULL;
}

static const struct {
	const char *name;
	size_t off;
} mm_fields[] = {
	{ "start_code", offsetof(struct mm_struct, start_code) },
	{ "end_code", offsetof(struct mm_struct, end_code) },
	{ "start_data", offsetof(struct mm_struct, start_data) },
	{ "end_data", offsetof(struct mm_struct, end_data) },
	{ "start_brk", offsetof(struct mm_struct, start_brk) },
	{ "brk", offsetof(struct mm_struct, brk) },
	{ "start_stack", offsetof(struct mm_struct, start_stack) },
	{ "mmap_base", offsetof(struct mm_struct, mmap_base) },
	{ "arg_start", offsetof(struct mm_struct, arg_start) },
	{ "env_start", offsetof(struct mm_struct, env_start) },
};

int
user_sym_find(struct mm_struct *mm, const char *name, u64 *value,
	      const struct elf_info **eip)
{
	size_t k;
	int i;

	for (i = 0; i < 2; i++) {
		struct file *f = mm->img[i].file;
		const struct elf_sym *s;

		if (f == NULL || f->elf == NULL)
			continue;
		s = elf_sym_find(f->elf, name);
		if (s != NULL) {
			*value = s->value + mm->img[i].bias;
			if (eip != NULL)
				*eip = f->elf;
			return 0;
		}
	}
	if (eip != NULL)
		*eip = NULL;
	/*
	 * A stripped program has no symbol table, but its entry point is
	 * _start by the toolchains' convention: that name then means e_entry
	 * (the program's AT_ENTRY).
	 */
	if (!strcmp(name, "AT_ENTRY") || !strcmp(name, "_start")) {
		for (i = 0; i + 1 < mm->nauxv; i += 2)
			if (mm->auxv[i] == 9) {		/* AT_ENTRY */
				*value = mm->auxv[i + 1];
				return 0;
			}
		return -ENOENT;
	}
	for (k = 0; k < ARRAY_SIZE(mm_fields); k++)
		if (!strcmp(name, mm_fields[k].name)) {
			memcpy(value, (const char *)mm + mm_fields[k].off,
			       sizeof(*value));
			return 0;
		}
	return -ENOENT;
}

static int
user_sym_hook(struct machine *m, const char *name, u64 *v)
{
	struct task_struct *t = current_task(m);

	if (t == NULL || t->mm == NULL)
		return -ENOENT;
	return user_sym_find(t->mm, name, v, NULL);
}

/*
 * Bring-up
 */

int
task_init(struct machine *m, struct error *e)
{
	struct task_state *ts = xcalloc(1, sizeof(*ts));
	const struct ksym *z = machine_ksym(m, "empty_zero_page");
	u64 pa;

	m->kern->tasks = ts;
	files_init(m);
	if (z == NULL || machine_pa(m, z->value, &pa, e))
		return error_set(e, -EINVAL, "the kernel has no empty_zero_page");
	ts->zero_pfn = pa >> PAGE_SHIFT;
	mm_context_setup(m);
	/*
	 * pgtable_cache_init(): a pgd smaller than a page (the 32-byte PAE
	 * PDPT with SHARED_KERNEL_PMD) comes from its own slab cache; with
	 * two pgds (PTI: no SHARED_KERNEL_PMD) pages do, and no cache is made
	 */
	{
		u64 size = m->arch->table_size(&m->mmu, LVL_PGD);

		if (size < PAGE_SIZE && !m->user_pgd_offset) {
			ts->pgd_cache = kmem_cache_create(m, "pgd_cache",
							  (unsigned)size,
							  (unsigned)size, 0, e);
			if (ts->pgd_cache == NULL)
				return e ? e->code : -ENOMEM;
		}
	}
	m->handle_fault = do_page_fault;
	m->peek_user = peek_user_page;
	m->user_sym = user_sym_hook;
	return 0;
}

void
task_release(struct machine *m)
{
	struct task_state *ts;
	int i;

	if (m->kern == NULL || m->kern->tasks == NULL)
		return;
	ts = tasks_of(m);
	while (ts->tasks != NULL)
		do_exit(m, ts->tasks, NULL);
	for (i = 0; i < m->ncpus; i++)
		m->cpu[i].pid = 0;
	files_release(m);
	mm_context_release(m);
	free(ts);
	m->kern->tasks = NULL;
	m->handle_fault = NULL;
	m->peek_user = NULL;
	m->user_sym = NULL;
}
