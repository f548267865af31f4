// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What /proc/PID/smaps and /proc/PID/pagemap report (cf. fs/proc/task_mmu.c
 * of Linux 6.1: smaps_pte_entry, smaps_account, pte_to_pagemap_entry).
 */
#include <string.h>

#include "internal.h"

#define PSS_SHIFT	12

/* The Linux view of the PTE at epa (d->kind PT_NONE when none). */
static void
pte_decode_at(struct machine *m, u64 epa, struct pte_decode *d, u64 *val)
{
	d->kind = PT_NONE;
	*val = pte_read(m, epa);
	if (*val == 0)
		return;
	if (m->arch->sw_decode != NULL)
		m->arch->sw_decode(&m->mmu, LVL_PTE, *val, d);
	else
		m->arch->decode(&m->mmu, LVL_PTE, *val, d);
}

static void
page_info(struct machine *m, struct mm_struct *mm, u64 va, struct pte_decode *d,
	  u64 *val)
{
	u64 epa;

	d->kind = PT_NONE;
	*val = 0;
	if (user_pte_slot(m, mm, va, false, &epa, NULL))
		return;
	pte_decode_at(m, epa, d, val);
}

/* smaps_pte_entry() + smaps_account() */
static void
smaps_pte_entry(struct mm_walk *w, u64 va, u64 epa)
{
	struct machine *m = w->m;
	struct mem_size_stats *mss = w->priv;
	struct pte_decode d;
	u64 val, pfn, pss;
	bool dirty;
	int mapcount;

	(void)va;
	pte_decode_at(m, epa, &d, &val);
	if (d.kind != PT_LEAF || (d.attr & (P_SPECIAL | P_PROTNONE)))
		return;
	pfn = d.addr >> PAGE_SHIFT;
	if (!vm_normal_page(m, pfn, d.attr))
		return;		/* the zero page, or no struct page */
	mss->resident += PAGE_SIZE;
	dirty = (d.attr & P_DIRTY) || mm_page_dirty(m, pfn);
	if (mm_page_anon(m, pfn))
		mss->anonymous += PAGE_SIZE;
	if (d.attr & P_YOUNG)
		mss->referenced += PAGE_SIZE;
	mapcount = mm_page_mapcount(m, pfn);
	pss = PAGE_SIZE << PSS_SHIFT;
	if (mm_page_count(m, pfn) != 1 && mapcount >= 2)
		pss /= (u64)mapcount;
	mss->pss += pss;
	if (dirty)
		mss->pss_dirty += pss;
	if (mm_page_count(m, pfn) == 1 || mapcount < 2) {
		if (dirty)
			mss->private_dirty += PAGE_SIZE;
		else
			mss->private_clean += PAGE_SIZE;
	} else {
		if (dirty)
			mss->shared_dirty += PAGE_SIZE;
		else
			mss->shared_clean += PAGE_SIZE;
	}
}

void
smaps_vma(struct machine *m, struct vm_area_struct *vma,
	  struct mem_size_stats *mss)
{
	struct mm_walk w = { .m = m, .mm = vma->vm_mm, .vma = vma,
			     .start = vma->vm_start, .end = vma->vm_end,
			     .pte_entry = smaps_pte_entry, .priv = mss };

	memset(mss, 0, sizeof(*mss));
	walk_page_range(&w);
	mss->pss >>= PSS_SHIFT;
	mss->pss_dirty >>= PSS_SHIFT;
}

u64
pagemap_entry(struct machine *m, struct mm_struct *mm, u64 addr)
{
	struct pte_decode d;
	u64 val, pfn, flags = 0;

	page_info(m, mm, addr & PAGE_MASK, &d, &val);
	if (d.kind != PT_LEAF || (d.attr & P_PROTNONE)) {
		if (val == 0 || !(d.attr & P_PROTNONE))
			return 0;
	}
	pfn = d.addr >> PAGE_SHIFT;
	flags = PM_PRESENT | (pfn & PM_PFRAME_MASK);
	/* vm_normal_page() NULL: the zero page, or a pfn without a page */
	if (!vm_normal_page(m, pfn, d.attr))
		return flags;
	if (!mm_page_anon(m, pfn))
		flags |= PM_FILE;
	if (mm_page_mapcount(m, pfn) == 1)
		flags |= PM_MMAP_EXCLUSIVE;
	return flags;
}
