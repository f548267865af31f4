// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Switching address spaces and keeping the TLBs right for user mappings:
 * x86 without PCID (a CR3 write drops every non-global entry), x86 with
 * PCID (arch/x86/mm/tlb.c: TLB_NR_DYN_ASIDS = 6 recently used mms per
 * CPU, PCID = ASID + 1, a tlb_gen per mm), ARM and arm64 ASIDs with
 * generations (arch/arm/mm/context.c, arch/arm64/mm/context.c).
 */
#include <errno.h>
#include <string.h>

#include "mm_internal.h"

#define TLB_NR_DYN_ASIDS	6
#define CR3_NOFLUSH		BIT(63)

static bool
has_pcid(const struct machine *m)
{
	return mm_arch(m)->asid_bits == 0 && (m->mmu.features & F_PCID);
}

void
mm_context_init(struct machine *m, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);

	mm->ctx_id = ts->next_ctx_id++;
	mm->tlb_gen = 1;
	mm->asid_gen = 0;
}

/* The CPUs whose TLB may hold mm's entries now: those running it. */
static bool
cpu_runs(struct machine *m, const struct cpu *c, const struct mm_struct *mm)
{
	struct task_struct *t = cpu_task(m, c);

	return t != NULL && t->mm == mm;
}

static u16
arm_asid(const struct machine *m, const struct mm_struct *mm)
{
	return (u16)(mm->asid_gen & ((1ULL << mm_arch(m)->asid_bits) - 1));
}

static bool
arm_asid_current(const struct machine *m, const struct mm_struct *mm)
{
	unsigned bits = mm_arch(m)->asid_bits;

	return mm->asid_gen && (mm->asid_gen >> bits) ==
		(tasks_of((struct machine *)m)->asid_generation >> bits);
}

void
mm_tlb_flush_page(struct machine *m, struct mm_struct *mm, u64 va)
{
	struct task_state *ts = tasks_of(m);
	int i;

	mm->tlb_gen++;
	if (mm_arch(m)->asid_bits) {
		/* TLBIMVA inner shareable: every CPU, by ASID */
		if (!arm_asid_current(m, mm))
			return;
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_page(&m->cpu[i].tlb, va, arm_asid(m, mm));
		return;
	}
	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		if (!cpu_runs(m, c, mm))
			continue;
		/* invlpg here, a shootdown IPI elsewhere */
		tlb_flush_page(&c->tlb, va, c->asid);
		if (has_pcid(m) && c->asid >= 1 && c->asid <= TLB_NR_DYN_ASIDS)
			ts->pcid[i][c->asid - 1].tlb_gen = mm->tlb_gen;
	}
}

void
mm_tlb_flush(struct machine *m, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);
	int i;

	mm->tlb_gen++;
	if (mm_arch(m)->asid_bits) {
		if (!arm_asid_current(m, mm))
			return;
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_asid(&m->cpu[i].tlb, arm_asid(m, mm));
		return;
	}
	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		if (!cpu_runs(m, c, mm))
			continue;
		tlb_flush_asid(&c->tlb, c->asid);
		if (has_pcid(m) && c->asid >= 1 && c->asid <= TLB_NR_DYN_ASIDS)
			ts->pcid[i][c->asid - 1].tlb_gen = mm->tlb_gen;
	}
}

/* x86 without PCID: load CR3, dropping every non-global entry. */
static void
switch_x86(struct machine *m, struct cpu *c, struct mm_struct *mm)
{
	unsigned before = tlb_count(&c->tlb), after;

	c->root[0] = mm->pgd;
	c->asid = 0;
	tlb_flush_nonglobal(&c->tlb);
	after = tlb_count(&c->tlb);
	trace_event(m, load_new_mm_cr3, .cpu = c->id, .pgd = mm->pgd,
		    .dropped = before - after, .kept = after);
}

/* x86 with PCID: choose_new_asid() */
static void
switch_pcid(struct machine *m, struct cpu *c, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);
	struct pcid_slot *slots = ts->pcid[c->id];
	unsigned asid;
	bool flush = true;

	for (asid = 0; asid < TLB_NR_DYN_ASIDS; asid++)
		if (slots[asid].ctx_id == mm->ctx_id) {
			flush = slots[asid].tlb_gen < mm->tlb_gen;
			break;
		}
	if (asid == TLB_NR_DYN_ASIDS) {
		asid = ts->next_asid[c->id];
		ts->next_asid[c->id] = (u8)((asid + 1) % TLB_NR_DYN_ASIDS);
		if (slots[asid].ctx_id)
			trace_event(m, choose_new_asid, .cpu = c->id,
				    .asid = asid, .how = ASID_REUSED,
				    .ctx_id = slots[asid].ctx_id);
		else
			trace_event(m, choose_new_asid, .cpu = c->id,
				    .asid = asid, .how = ASID_FREE,
				    .ctx_id = mm->ctx_id);
	} else {
		trace_event(m, choose_new_asid, .cpu = c->id, .asid = asid,
			    .how = flush ? ASID_STALE : ASID_CURRENT,
			    .ctx_id = mm->ctx_id);
	}
	slots[asid].ctx_id = mm->ctx_id;
	slots[asid].tlb_gen = mm->tlb_gen;
	c->asid = (u16)(asid + 1);
	c->root[0] = mm->pgd;
	if (flush)
		tlb_flush_asid(&c->tlb, c->asid);
	trace_event(m, load_new_mm_cr3_pcid, .cpu = c->id, .pgd = mm->pgd,
		    .pcid = c->asid, .flush = flush);
}

/* arm/arm64: new_context() with rollover */
static u64
arm_new_context(struct machine *m, struct cpu *c, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);
	unsigned bits = mm_arch(m)->asid_bits;
	u64 nasid = 1ULL << bits, a, i;

	(void)c;
	/* the old ASID is still ours if not taken in this generation */
	if (mm->asid_gen) {
		a = mm->asid_gen & (nasid - 1);
		if (!ts->asid_map[a]) {
			ts->asid_map[a] = 1;
			trace_event(m, new_context, .how = ASID_KEPT,
				    .asid = a);
			return ts->asid_generation | a;
		}
	}
	for (i = 0; i < nasid - 1; i++) {
		a = ts->asid_next + i;
		if (a >= nasid)
			a -= nasid - 1;
		if (a == 0)
			continue;
		if (!ts->asid_map[a]) {
			ts->asid_map[a] = 1;
			ts->asid_next = a + 1 >= nasid ? 1 : a + 1;
			trace_event(m, new_context, .how = ASID_FREE, .asid = a,
				    .generation = ts->asid_generation >> bits);
			return ts->asid_generation | a;
		}
	}
	/* rollover: a new generation, every TLB flushed */
	ts->asid_generation += nasid;
	ts->rollovers++;
	memset(ts->asid_map, 0, nasid);
	for (i = 0; i < (u64)m->ncpus; i++) {
		u64 act = ts->active_asids[i];

		if (act & (nasid - 1))
			ts->asid_map[act & (nasid - 1)] = 1;
		ts->reserved_asids[i] = act;
		tlb_flush_all(&m->cpu[i].tlb);
	}
	trace_event(m, new_context, .how = ASID_ROLLOVER, .asid = nasid - 1,
		    .generation = ts->asid_generation >> bits);
	for (a = 1; a < nasid; a++)
		if (!ts->asid_map[a]) {
			ts->asid_map[a] = 1;
			ts->asid_next = a + 1;
			return ts->asid_generation | a;
		}
	return ts->asid_generation | 1;
}

static void
switch_arm(struct machine *m, struct cpu *c, struct mm_struct *mm)
{
	struct task_state *ts = tasks_of(m);

	if (arm_asid_current(m, mm)) {
		trace_event(m, check_and_switch_context, .cpu = c->id,
			    .asid = arm_asid(m, mm));
	} else {
		mm->asid_gen = arm_new_context(m, c, mm);
	}
	ts->active_asids[c->id] = mm->asid_gen;
	c->asid = arm_asid(m, mm);
	c->root[0] = mm->pgd;
	c->root_valid[0] = true;
	trace_event(m, cpu_switch_mm, .cpu = c->id, .pgd = mm->pgd,
		    .asid = c->asid, .split_roots = m->mmu.split_roots);
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
	if (mm_arch(m)->asid_bits)
		switch_arm(m, c, t->mm);
	else if (has_pcid(m))
		switch_pcid(m, c, t->mm);
	else
		switch_x86(m, c, t->mm);
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
	if (mm_arch(m)->asid_bits) {
		tasks_of(m)->active_asids[c->id] = 0;
		c->asid = 0;
		trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_ASID,
			    .reserved = m->reserved_pg_dir != 0);
		return;
	}
	if (has_pcid(m)) {
		c->asid = 0;
		tlb_flush_asid(&c->tlb, 0);
		trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_PCID);
		return;
	}
	c->asid = 0;
	tlb_flush_nonglobal(&c->tlb);
	trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_FLUSH);
}
