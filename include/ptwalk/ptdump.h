/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Every present mapping of a page-table tree, merged into ranges
 * (cf. mm/ptdump.c and arch/x86/mm/dump_pagetables.c; QEMU's info mem).
 */
#ifndef PTWALK_PTDUMP_H
#define PTWALK_PTDUMP_H

#include "machine.h"

enum ptdump_kind {
	PTD_RANGE,		/* leaves merged into a range */
	PTD_LOOP,		/* table entries pointing back up the path */
};

struct ptdump_range {
	u8 kind;		/* enum ptdump_kind */
	u64 start, end;		/* virtual [start, end) */
	u64 pa;			/* physical address of start (PTD_LOOP: the
				 * table the entries point at) */
	bool pa_contig;		/* the whole range is physically contiguous */
	u8 shift;		/* page size */
	u8 lvl;			/* level of the leaves (of the entries) */
	u8 target_lvl;		/* PTD_LOOP: the level of the table named */
	u16 perm;
	u32 attr;
	u64 pages;		/* leaves (entries) merged */
	u64 entry;		/* the first leaf entry (for its flag names) */
};

/* What a walk met besides ranges. */
struct ptdump_stats {
	u64 bad_tables;		/* tables outside physical memory: skipped */
	u64 loops;		/* entries naming a table on their own path */
	u64 entries;		/* entries read */
	u64 limit;		/* the most entries a walk reads */
	bool capped;		/* stopped at the limit ... */
	u64 capped_at;		/* ... at this virtual address */
};

/*
 * Walk the tree under root over [start, end) and call emit for each range
 * of leaves with the same rights, attributes and page size, contiguous in
 * virtual space, and for each run of entries that point back at a table
 * already on their walk's path (a cycle, PTD_LOOP: not followed).  Tables
 * outside physical memory are skipped.  A tree that makes the walk read
 * more entries than any real one could (four per frame of physical memory,
 * at least 2^24: tables shared over and over) is cut short at that limit.
 * Returns the number of ranges, or -1 when the callback asked to stop.
 */
long ptdump_walk(struct machine *m, u64 root, u64 start, u64 end,
		 int (*emit)(void *arg, const struct ptdump_range *r),
		 void *arg, struct ptdump_stats *st);

#endif
