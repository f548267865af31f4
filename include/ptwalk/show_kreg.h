/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Presentation shared by the commands of the kernel regions (vmalloc,
 * ioremap, kmap, kmap_atomic, DMA, modules): an allocation's virtual and
 * physical addresses, its region, what changed, and `--walk`.
 */
#ifndef PTWALK_SHOW_KREG_H
#define PTWALK_SHOW_KREG_H

#include "cmd.h"
#include "vmalloc.h"

/* The `--walk` option every allocation accepts. */
extern const struct cmd_opt kreg_walk_opts[];

/* Counters sampled before an allocation, to say what it changed. */
struct kreg_before {
	long tables;		/* NR_PAGETABLE */
	unsigned long free;	/* free pages */
};
void kreg_sample(struct machine *m, struct kreg_before *b);

/*
 * The frames of an array of pages as runs of consecutive pfns:
 * "pfn 0x09e83-0x09f77 (245)", at most max runs then "... N more"; JSON
 * "frames": [{"pfn","pages"}].  Returns the number of runs.
 */
int show_frames(struct ctx *ctx, const char *label, struct page *const *pages,
		unsigned n, int max);
/*
 * An area of the vmalloc space: its range, the guard page, the region,
 * the pages (or the physical range of an ioremap), the page tables it
 * filled; JSON va, pa, size, region, area, guard, nr_pages.
 */
void show_area(struct ctx *ctx, const struct vm_struct *vm, u64 va,
	       const struct kreg_before *b);
/* The page-table change line: "N PTEs written in swapper_pg_dir ...". */
void show_pte_change(struct ctx *ctx, u64 va, u64 count,
		     const struct kreg_before *b);
/* What a free gave back: "N pages back to the buddy allocator". */
void show_freed(struct ctx *ctx, const struct kreg_before *b);
/* With --walk: the walk of va (JSON "walk"). */
void show_opt_walk(struct ctx *ctx, u64 va);
/*
 * The end of kmap and kmap_atomic: "region R; pa P", JSON va, pa, size,
 * region, --walk, and va as the value; returns 0.
 */
int show_kmapped(struct ctx *ctx, u64 va, struct page *page);
/* "vmalloc", "lowmem" ... the region name of va. */
const char *region_name(const struct machine *m, u64 va);

/*
 * The explanation kmap & co. print on a machine without highmem:
 * "x86_64 has no highmem: ..." (NULL when the machine has highmem).
 */
const char *no_highmem_note(const struct machine *m);
/* "pfn 0x38000 (HighMem, struct page 0xf7...)" for a page argument. */
const char *fpage(const struct machine *m, const struct page *page);

#endif
