/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Every present mapping of a page-table tree, merged into ranges
 * (cf. mm/ptdump.c and arch/x86/mm/dump_pagetables.c; QEMU's info mem).
 */
#ifndef PTWALK_PTDUMP_H
#define PTWALK_PTDUMP_H

#include "machine.h"

struct ptdump_range {
	u64 start, end;		/* virtual [start, end) */
	u64 pa;			/* physical address of start */
	bool pa_contig;		/* the whole range is physically contiguous */
	u8 shift;		/* page size */
	u8 lvl;			/* level of the leaves */
	u16 perm;
	u32 attr;
	u64 pages;		/* leaves merged */
	u64 entry;		/* the first leaf entry (for its flag names) */
};

/*
 * Walk the tree under root over [start, end) and call emit for each range
 * of leaves with the same rights, attributes and page size, contiguous in
 * virtual space.  Returns the number of ranges, or -1 when the callback
 * asked to stop.  Tables outside physical memory are skipped and counted
 * in *bad_tables.
 */
long ptdump_walk(struct machine *m, u64 root, u64 start, u64 end,
		 int (*emit)(void *arg, const struct ptdump_range *r),
		 void *arg, u64 *bad_tables);

#endif
