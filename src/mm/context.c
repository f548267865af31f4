// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Switching address spaces and keeping the TLBs right for user mappings
 * (cf. kernel/sched/core.c context_switch, mm/mmu_context.c): the generic
 * part.  How a CPU loads an mm and which TLB entries go is the arch's
 * (struct arch_context: x86 CR3 and PCIDs, ARM ASIDs).
 */
#include <errno.h>

#include "internal.h"

static const struct arch_context *
arch_ctx(const struct machine *m)
{
	return m->arch->mm->context;
}

void
mm_context_init(struct machine *m, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);

	mm->ctx_id = ts->next_ctx_id++;
	mm->tlb_gen = 1;
	mm->asid_gen = 0;
}

void
mm_context_setup(struct machine *m)
{
	struct task_state *ts = tasks_of(m);

	ts->next_ctx_id = 1;
	ts->arch_ctx = arch_ctx(m)->init(m);
}

void
mm_context_release(struct machine *m)
{
	struct task_state *ts = tasks_of(m);

	arch_ctx(m)->release(ts->arch_ctx);
	ts->arch_ctx = NULL;
}

void
mm_tlb_flush_page(struct machine *m, struct mm_struct *mm, u64 va)
{
	mm->tlb_gen++;
	arch_ctx(m)->flush_tlb_page(m, tasks_of(m)->arch_ctx, mm, va);
}

void
mm_tlb_flush(struct machine *m, struct mm_struct *mm)
{
	mm->tlb_gen++;
	arch_ctx(m)->flush_tlb_mm(m, tasks_of(m)->arch_ctx, mm);
}

int
switch_to(struct machine *m, struct cpu *c, struct task_struct *t,
	  struct error *e)
{
	struct task_struct *prev = cpu_task(m, c);

	if (t->cpu >= 0 && t->cpu != c->id)
		return error_set(e, -EBUSY, "pid %d is running on cpu%d: a task "
				 "runs on one CPU at a time", t->pid, t->cpu);
	if (prev == t) {
		trace_event(m, switch_to_running, .cpu = c->id, .pid = t->pid);
		return 0;
	}
	if (prev != NULL)
		prev->cpu = -1;
	t->cpu = c->id;
	c->pid = t->pid;
	if (prev != NULL && prev->mm == t->mm) {
		trace_event(m, switch_mm_same, .cpu = c->id);
		return 0;
	}
	arch_ctx(m)->switch_mm(m, tasks_of(m)->arch_ctx, c, t->mm);
	return 0;
}

/* The CPU leaves a task (exit): back to init_mm, swapper_pg_dir. */
void
switch_to_idle(struct machine *m, struct cpu *c)
{
	struct task_struct *prev = cpu_task(m, c);

	if (prev != NULL)
		prev->cpu = -1;
	c->pid = 0;
	/* init_mm: swapper_pg_dir, or arm64's empty reserved_pg_dir */
	c->root[0] = m->reserved_pg_dir ? m->reserved_pg_dir :
		m->swapper_pg_dir;
	arch_ctx(m)->leave_mm(m, tasks_of(m)->arch_ctx, c);
}
