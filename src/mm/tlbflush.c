// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * TLB maintenance after page-table changes: every CPU, the x86 range
 * ceiling, and a trace event saying what was flushed.
 */
#include "ptwalk/tlbflush.h"

void
flush_tlb_all(struct machine *m)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_all(&m->cpu[i].tlb);
	trace_event(m, flush_tlb_all, .cpus = m->ncpus);
}

void
flush_tlb_kernel_range(struct machine *m, u64 start, u64 end)
{
	u64 pages = (ALIGN_UP(end, PAGE_SIZE) - ALIGN_DOWN(start, PAGE_SIZE)) >>
		PAGE_SHIFT, va;
	int i;

	if (pages > TLB_FLUSH_CEILING) {
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_all(&m->cpu[i].tlb);
		trace_event(m, flush_tlb_kernel_range, .start = start,
			    .end = end, .pages = pages, .cpus = m->ncpus,
			    .ceiling = TLB_FLUSH_CEILING, .full = true);
		return;
	}
	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_page_all(&m->cpu[i].tlb, va);
	trace_event(m, flush_tlb_kernel_range, .start = start, .end = end,
		    .pages = pages, .cpus = m->ncpus);
}

void
flush_tlb_page(struct machine *m, u16 asid, u64 va)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_page(&m->cpu[i].tlb, va, asid);
	trace_event(m, flush_tlb_page, .va = va, .asid = asid,
		    .cpus = m->ncpus);
}

void
flush_tlb_range(struct machine *m, u16 asid, u64 start, u64 end)
{
	u64 pages = (ALIGN_UP(end, PAGE_SIZE) - ALIGN_DOWN(start, PAGE_SIZE)) >>
		PAGE_SHIFT, va;
	int i;

	if (pages > TLB_FLUSH_CEILING) {
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_asid(&m->cpu[i].tlb, asid);
		trace_event(m, flush_tlb_range, .start = start, .end = end,
			    .pages = pages, .asid = asid,
			    .ceiling = TLB_FLUSH_CEILING, .full = true);
		return;
	}
	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_page(&m->cpu[i].tlb, va, asid);
	trace_event(m, flush_tlb_range, .start = start, .end = end,
		    .pages = pages, .asid = asid);
}

void
flush_tlb_mm(struct machine *m, u16 asid)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_asid(&m->cpu[i].tlb, asid);
	trace_event(m, flush_tlb_mm, .asid = asid);
}
