// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 address-space switches and user TLB flushes (cf. arch/x86/mm/tlb.c):
 * without PCID a CR3 write drops every non-global entry; with PCID each
 * CPU keeps the TLB_NR_DYN_ASIDS most recently used mms (PCID = ASID + 1)
 * and an mm's tlb_gen says whether its slot's entries are still good.
 */
#include <stdlib.h>

#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "x86.h"

#define TLB_NR_DYN_ASIDS	6

struct pcid_slot {
	u64 ctx_id, tlb_gen;
};

struct x86_tlb_state {
	struct pcid_slot (*pcid)[TLB_NR_DYN_ASIDS];	/* per CPU */
	u8 *next_asid;					/* per CPU */
	/* per CPU: the mm whose tables it runs on, NULL for init_mm */
	const struct mm_struct **loaded_mm;		/* cpu_tlbstate */
};

static bool
has_pcid(const struct machine *m)
{
	return m->mmu.features & F_PCID;
}

/*
 * With PTI and PCID the user half of an address space has its own PCID
 * (kern_pcid | X86_CR3_PTI_PCID_USER_BIT): a flush of the address space
 * is a flush of both.
 */
static void
flush_asid_both(struct machine *m, struct cpu *c, u16 asid)
{
	tlb_flush_asid(&c->tlb, asid);
	if (m->user_tag_bit)
		tlb_flush_asid(&c->tlb, asid | m->user_tag_bit);
}

static void *
x86_tlb_init(struct machine *m)
{
	struct x86_tlb_state *st = xcalloc(1, sizeof(*st));

	st->pcid = xcalloc((size_t)m->ncpus, sizeof(*st->pcid));
	st->next_asid = xcalloc((size_t)m->ncpus, 1);
	st->loaded_mm = xcalloc((size_t)m->ncpus, sizeof(*st->loaded_mm));
	return st;
}

static void
x86_tlb_release(void *state)
{
	struct x86_tlb_state *st = state;

	if (st == NULL)
		return;
	free(st->pcid);
	free(st->next_asid);
	free(st->loaded_mm);
	free(st);
}

/* The CPUs whose TLB may hold mm's entries now: those running it. */
static bool
cpu_runs(const struct x86_tlb_state *st, int i, const struct mm_struct *mm)
{
	return st->loaded_mm[i] == mm;
}

/* The CPU's PCID slot of its current mm has seen mm's newest flush. */
static void
slot_flushed(struct machine *m, struct x86_tlb_state *st, int i,
	     const struct mm_struct *mm)
{
	const struct cpu *c = &m->cpu[i];

	if (has_pcid(m) && c->asid >= 1 && c->asid <= TLB_NR_DYN_ASIDS)
		st->pcid[i][c->asid - 1].tlb_gen = mm->tlb_gen;
}

static void
x86_flush_tlb_page(struct machine *m, void *state, struct mm_struct *mm,
		   u64 va)
{
	int i;

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		if (!cpu_runs(state, i, mm))
			continue;
		/* invlpg here, a shootdown IPI elsewhere */
		tlb_flush_page(&c->tlb, va, c->asid);
		if (m->user_tag_bit)
			tlb_flush_page(&c->tlb, va, c->asid | m->user_tag_bit);
		slot_flushed(m, state, i, mm);
	}
}

static void
x86_flush_tlb_mm(struct machine *m, void *state, struct mm_struct *mm)
{
	int i;

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		if (!cpu_runs(state, i, mm))
			continue;
		flush_asid_both(m, c, c->asid);
		slot_flushed(m, state, i, mm);
	}
}

/* Without PCID: load CR3, dropping every non-global entry. */
static void
switch_cr3(struct machine *m, struct cpu *c, struct mm_struct *mm)
{
	unsigned before = tlb_count(&c->tlb), after;

	c->root[0] = mm->pgd;
	c->asid = 0;
	tlb_flush_nonglobal(&c->tlb);
	after = tlb_count(&c->tlb);
	trace_event(m, load_root, .cpu = c->id, .pgd = mm->pgd,
		    .dropped = before - after, .kept = after);
}

/* With PCID: choose_new_asid() */
static void
switch_pcid(struct machine *m, struct x86_tlb_state *st, struct cpu *c,
	    struct mm_struct *mm)
{
	struct pcid_slot *slots = st->pcid[c->id];
	unsigned asid;
	bool flush = true;

	for (asid = 0; asid < TLB_NR_DYN_ASIDS; asid++)
		if (slots[asid].ctx_id == mm->ctx_id) {
			flush = slots[asid].tlb_gen < mm->tlb_gen;
			break;
		}
	if (asid == TLB_NR_DYN_ASIDS) {
		asid = st->next_asid[c->id];
		st->next_asid[c->id] = (u8)((asid + 1) % TLB_NR_DYN_ASIDS);
		if (slots[asid].ctx_id)
			trace_event(m, choose_new_asid, .cpu = c->id,
				    .asid = asid, .tag = asid + 1,
				    .how = ASID_REUSED,
				    .ctx_id = slots[asid].ctx_id);
		else
			trace_event(m, choose_new_asid, .cpu = c->id,
				    .asid = asid, .tag = asid + 1,
				    .how = ASID_FREE, .ctx_id = mm->ctx_id);
	} else {
		trace_event(m, choose_new_asid, .cpu = c->id, .asid = asid,
			    .tag = asid + 1,
			    .how = flush ? ASID_STALE : ASID_CURRENT,
			    .ctx_id = mm->ctx_id);
	}
	slots[asid].ctx_id = mm->ctx_id;
	slots[asid].tlb_gen = mm->tlb_gen;
	c->asid = (u16)(asid + 1);
	c->root[0] = mm->pgd;
	if (flush)
		flush_asid_both(m, c, c->asid);
	trace_event(m, load_root, .cpu = c->id, .pgd = mm->pgd,
		    .tagged = true, .tag = c->asid, .flush = flush);
}

static void
x86_switch_mm(struct machine *m, void *state, struct cpu *c,
	      struct mm_struct *mm)
{
	struct x86_tlb_state *st = state;

	st->loaded_mm[c->id] = mm;
	if (has_pcid(m))
		switch_pcid(m, state, c, mm);
	else
		switch_cr3(m, c, mm);
}

/* leave_mm(): CR3 <- swapper_pg_dir */
static void
x86_leave_mm(struct machine *m, void *state, struct cpu *c)
{
	struct x86_tlb_state *st = state;

	st->loaded_mm[c->id] = NULL;
	c->asid = 0;
	if (has_pcid(m)) {
		tlb_flush_asid(&c->tlb, 0);
		trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_TAG0);
		return;
	}
	tlb_flush_nonglobal(&c->tlb);
	trace_event(m, switch_to_idle, .cpu = c->id, .how = IDLE_FLUSH);
}

const struct arch_context x86_tlb_context = {
	.init = x86_tlb_init,
	.release = x86_tlb_release,
	.switch_mm = x86_switch_mm,
	.leave_mm = x86_leave_mm,
	.flush_tlb_page = x86_flush_tlb_page,
	.flush_tlb_mm = x86_flush_tlb_mm,
};
