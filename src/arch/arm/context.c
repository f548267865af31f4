// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * ARM ASIDs with generations (cf. arch/arm/mm/context.c, and
 * arch/arm64/mm/context.c, which arm64 shares here with 16-bit ASIDs):
 * mm->asid_gen is generation | ASID; an mm whose generation is the
 * current one switches in without a flush, others get a new ASID, and
 * when none is left a rollover starts a new generation and flushes every
 * CPU's TLB.  User entries are tagged with the ASID (nG), so flushes go
 * by ASID on every CPU (TLBI inner shareable).
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "context.h"

struct asid_state {
	unsigned bits;
	u64 generation;			/* in the bits above the ASID */
	u8 *map;			/* one byte per ASID: used */
	u64 *active, *reserved;		/* per CPU: generation | ASID */
	u64 next;			/* where the search starts */
	u64 rollovers;
};

static void *
asid_init(struct machine *m)
{
	struct asid_state *st = xcalloc(1, sizeof(*st));

	st->bits = m->arch->mm->asid_bits;
	st->generation = 1ULL << st->bits;
	st->next = 1;
	st->map = xcalloc(1ULL << st->bits, 1);
	st->active = xcalloc((size_t)m->ncpus, sizeof(u64));
	st->reserved = xcalloc((size_t)m->ncpus, sizeof(u64));
	return st;
}

static void
asid_release(void *state)
{
	struct asid_state *st = state;

	if (st == NULL)
		return;
	free(st->map);
	free(st->active);
	free(st->reserved);
	free(st);
}

static u16
mm_asid(const struct asid_state *st, const struct mm_struct *mm)
{
	return (u16)(mm->asid_gen & ((1ULL << st->bits) - 1));
}

static bool
asid_current(const struct asid_state *st, const struct mm_struct *mm)
{
	return mm->asid_gen &&
		(mm->asid_gen >> st->bits) == (st->generation >> st->bits);
}

static void
asid_flush_tlb_page(struct machine *m, void *state, struct mm_struct *mm,
		    u64 va)
{
	const struct asid_state *st = state;
	int i;

	/* TLBIMVA inner shareable: every CPU, by ASID */
	if (!asid_current(st, mm))
		return;
	for (i = 0; i < m->ncpus; i++)
		tlb_flush_page(&m->cpu[i].tlb, va, mm_asid(st, mm));
}

static void
asid_flush_tlb_mm(struct machine *m, void *state, struct mm_struct *mm)
{
	const struct asid_state *st = state;
	int i;

	if (!asid_current(st, mm))
		return;
	for (i = 0; i < m->ncpus; i++)
		tlb_flush_asid(&m->cpu[i].tlb, mm_asid(st, mm));
}

/* A new generation: every ASID free but those running, every TLB flushed */
static void
rollover(struct machine *m, struct asid_state *st)
{
	u64 nasid = 1ULL << st->bits, i;

	st->generation += nasid;
	st->rollovers++;
	memset(st->map, 0, nasid);
	for (i = 0; i < (u64)m->ncpus; i++) {
		u64 act = st->active[i];

		if (act & (nasid - 1))
			st->map[act & (nasid - 1)] = 1;
		st->reserved[i] = act;
		tlb_flush_all(&m->cpu[i].tlb);
	}
	trace_event(m, new_context, .how = ASID_ROLLOVER, .asid = nasid - 1,
		    .generation = st->generation >> st->bits);
}

/* new_context(): generation | ASID for mm */
static u64
new_context(struct machine *m, struct asid_state *st, struct mm_struct *mm)
{
	u64 nasid = 1ULL << st->bits, a, i;

	/* the old ASID is still ours if not taken in this generation */
	if (mm->asid_gen) {
		a = mm->asid_gen & (nasid - 1);
		if (!st->map[a]) {
			st->map[a] = 1;
			trace_event(m, new_context, .how = ASID_KEPT,
				    .asid = a);
			return st->generation | a;
		}
	}
	for (i = 0; i < nasid - 1; i++) {
		a = st->next + i;
		if (a >= nasid)
			a -= nasid - 1;
		if (a == 0)
			continue;
		if (!st->map[a]) {
			st->map[a] = 1;
			st->next = a + 1 >= nasid ? 1 : a + 1;
			trace_event(m, new_context, .how = ASID_FREE, .asid = a,
				    .generation = st->generation >> st->bits);
			return st->generation | a;
		}
	}
	rollover(m, st);
	for (a = 1; a < nasid; a++)
		if (!st->map[a]) {
			st->map[a] = 1;
			st->next = a + 1;
			return st->generation | a;
		}
	return st->generation | 1;
}

/* check_and_switch_context() */
static void
asid_switch_mm(struct machine *m, void *state, struct cpu *c,
	       struct mm_struct *mm)
{
	struct asid_state *st = state;

	if (!asid_current(st, mm))
		mm->asid_gen = new_context(m, st, mm);
	else
		trace_event(m, check_and_switch_context, .cpu = c->id,
			    .asid = mm_asid(st, mm));
	st->active[c->id] = mm->asid_gen;
	c->asid = mm_asid(st, mm);
	c->root[0] = mm->pgd;
	c->root_valid[0] = true;
	trace_event(m, load_root, .cpu = c->id, .pgd = mm->pgd,
		    .tagged = true, .tag = c->asid);
}

static void
asid_leave_mm(struct machine *m, void *state, struct cpu *c)
{
	struct asid_state *st = state;

	st->active[c->id] = 0;
	c->asid = 0;
	trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_ROOT,
		    .reserved = m->reserved_pg_dir != 0);
}

const struct arch_context arm_asid_context = {
	.init = asid_init,
	.release = asid_release,
	.switch_mm = asid_switch_mm,
	.leave_mm = asid_leave_mm,
	.flush_tlb_page = asid_flush_tlb_page,
	.flush_tlb_mm = asid_flush_tlb_mm,
};
