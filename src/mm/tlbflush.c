// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * TLB maintenance after page-table changes: every CPU, the x86 range
 * ceiling, and a trace line saying what was flushed.
 */
#include "ptwalk/tlbflush.h"

void
flush_tlb_all(struct machine *m)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_all(&m->cpu[i].tlb);
	kt(m, "flush_tlb_all: every entry, global ones too, on %d CPU%s",
	   m->ncpus, m->ncpus == 1 ? "" : "s");
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
		kt(m, "flush_tlb_kernel_range 0x%llx-0x%llx: %llu pages > "
		   "ceiling %d: full flush on %d CPU%s",
		   (unsigned long long)start, (unsigned long long)end,
		   (unsigned long long)pages, TLB_FLUSH_CEILING, m->ncpus,
		   m->ncpus == 1 ? "" : "s");
		return;
	}
	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_page_all(&m->cpu[i].tlb, va);
	kt(m, "flush_tlb_kernel_range 0x%llx-0x%llx: invlpg x%llu on %d CPU%s",
	   (unsigned long long)start, (unsigned long long)end,
	   (unsigned long long)pages, m->ncpus, m->ncpus == 1 ? "" : "s");
}

void
flush_tlb_page(struct machine *m, u16 asid, u64 va)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_page(&m->cpu[i].tlb, va, asid);
	kt(m, "flush_tlb_page 0x%llx (asid %u) on %d CPU%s",
	   (unsigned long long)va, asid, m->ncpus, m->ncpus == 1 ? "" : "s");
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
		kt(m, "flush_tlb_range 0x%llx-0x%llx: %llu pages > ceiling "
		   "%d: every entry of asid %u", (unsigned long long)start,
		   (unsigned long long)end, (unsigned long long)pages,
		   TLB_FLUSH_CEILING, asid);
		return;
	}
	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		for (i = 0; i < m->ncpus; i++)
			tlb_flush_page(&m->cpu[i].tlb, va, asid);
	kt(m, "flush_tlb_range 0x%llx-0x%llx: %llu page%s of asid %u",
	   (unsigned long long)start, (unsigned long long)end,
	   (unsigned long long)pages, pages == 1 ? "" : "s", asid);
}

void
flush_tlb_mm(struct machine *m, u16 asid)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		tlb_flush_asid(&m->cpu[i].tlb, asid);
	kt(m, "flush_tlb_mm: every non-global entry of asid %u", asid);
}
