// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live process's pages by kind: pagemap entries read in bulk, or the
 * PAGEMAP_SCAN ioctl of Linux 6.7+ (fs/proc/task_mmu.c: do_pagemap_scan),
 * which hands back ranges of pages of one kind.  The names of the
 * kpageflags bits.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ptwalk/live_pid.h"

/* include/uapi/linux/kernel-page-flags.h, by bit */
const char *const kpf_names[KPF_COUNT] = {
	[0] = "locked", [1] = "error", [2] = "referenced", [3] = "uptodate",
	[4] = "dirty", [5] = "lru", [6] = "active", [7] = "slab",
	[8] = "writeback", [9] = "reclaim", [10] = "buddy", [11] = "mmap",
	[12] = "anon", [13] = "swapcache", [14] = "swapbacked",
	[15] = "compound_head", [16] = "compound_tail", [17] = "huge",
	[18] = "unevictable", [19] = "hwpoison", [20] = "nopage",
	[21] = "ksm", [22] = "thp", [23] = "offline", [24] = "zero_page",
	[25] = "idle", [26] = "pgtable",
	[32] = "reserved", [33] = "mlocked", [34] = "mappedtodisk",
	[35] = "private", [36] = "private_2", [37] = "owner_private",
	[38] = "arch", [39] = "uncached", [40] = "softdirty", [41] = "arch_2",
};

/* include/uapi/linux/fs.h of 6.7+, for headers older than the kernel */
#ifndef PAGEMAP_SCAN
struct page_region {
	unsigned long long start, end, categories;
};
struct pm_scan_arg {
	unsigned long long size, flags, start, end, walk_end, vec, vec_len,
		max_pages, category_inverted, category_mask,
		category_anyof_mask, return_mask;
};
#define PAGEMAP_SCAN	_IOWR('f', 16, struct pm_scan_arg)
#define PAGE_IS_WPALLOWED	(1 << 0)
#define PAGE_IS_WRITTEN		(1 << 1)
#define PAGE_IS_FILE		(1 << 2)
#define PAGE_IS_PRESENT		(1 << 3)
#define PAGE_IS_SWAPPED		(1 << 4)
#define PAGE_IS_PFNZERO		(1 << 5)
#define PAGE_IS_HUGE		(1 << 6)
#define PAGE_IS_SOFT_DIRTY	(1 << 7)
#endif

const char *
live_pm_kind(u64 ent)
{
	if (ent & PM_PRESENT)
		return "present";
	if (ent & PM_SWAP)
		return "swapped";
	if (ent & PM_GUARD_REGION)
		return "guard region";
	return "not present";
}

static void
count_entry(struct live_census *c, u64 ent)
{
	c->pages++;
	c->present += !!(ent & PM_PRESENT);
	c->swapped += !!(ent & PM_SWAP);
	c->file += !!(ent & PM_FILE);
	c->exclusive += !!(ent & PM_MMAP_EXCLUSIVE);
	c->soft_dirty += !!(ent & PM_SOFT_DIRTY);
}

#define CENSUS_BATCH 4096

int
live_census_pagemap(struct live_pid *lp, u64 start, u64 end,
		    struct live_census *c, struct error *e)
{
	static u64 ent[CENSUS_BATCH];
	u64 ps = (u64)sysconf(_SC_PAGESIZE), va, n, i;
	int k;

	memset(c, 0, sizeof(*c));
	for (k = 0; k < lp->nvma; k++) {
		const struct live_vma *v = &lp->vma[k];
		u64 s = v->start > start ? v->start : start;
		u64 t = v->end < end ? v->end : end;

		for (va = s; va < t; va += n * ps) {
			n = (t - va) / ps;
			if (n > CENSUS_BATCH)
				n = CENSUS_BATCH;
			if (live_pid_pagemap(lp, va, n, ent, e)) {
				/* a gate VMA above the user address space */
				if (e->code == -ERANGE)
					break;
				return -1;
			}
			for (i = 0; i < n; i++)
				count_entry(c, ent[i]);
		}
	}
	return 0;
}

static void
count_region(struct live_census *c, const struct page_region *r, u64 ps)
{
	u64 n = (r->end - r->start) / ps;

	c->pages += n;
	if (r->categories & PAGE_IS_PRESENT)
		c->present += n;
	if (r->categories & PAGE_IS_SWAPPED)
		c->swapped += n;
	if (r->categories & PAGE_IS_FILE)
		c->file += n;
	if (r->categories & PAGE_IS_SOFT_DIRTY)
		c->soft_dirty += n;
	if (r->categories & PAGE_IS_PFNZERO)
		c->zero += n;
	if (r->categories & PAGE_IS_HUGE)
		c->huge += n;
}

/* One VMA's part [s, t) through PAGEMAP_SCAN. */
static int
scan_range(struct live_pid *lp, u64 s, u64 t, struct live_census *c,
	   struct error *e)
{
	static struct page_region vec[512];
	struct pm_scan_arg a;
	u64 ps = (u64)sysconf(_SC_PAGESIZE);
	long r, i;

	while (s < t) {
		memset(&a, 0, sizeof(a));
		a.size = sizeof(a);
		a.start = s;
		a.end = t;
		a.vec = (unsigned long long)(unsigned long)vec;
		a.vec_len = sizeof(vec) / sizeof(vec[0]);
		a.return_mask = PAGE_IS_FILE | PAGE_IS_PRESENT |
			PAGE_IS_SWAPPED | PAGE_IS_PFNZERO | PAGE_IS_HUGE |
			PAGE_IS_SOFT_DIRTY;
		r = ioctl(lp->pagemap_fd, PAGEMAP_SCAN, &a);
		if (r < 0) {
			int err = errno;

			if (err == ENOTTY) {
				lp->scan = 0;
				return error_set(e, -ENOTTY, "this kernel has "
						 "no PAGEMAP_SCAN (Linux 6.7+)");
			}
			if (live_pid_check(lp, e))
				return -1;
			if (err == EFAULT)	/* beyond the user address space */
				return 0;
			return error_set(e, -err, "PAGEMAP_SCAN: %s",
					 strerror(err));
		}
		lp->scan = 1;
		for (i = 0; i < r; i++)
			count_region(c, &vec[i], ps);
		if (a.walk_end <= s)
			break;
		s = a.walk_end;
	}
	return 0;
}

int
live_census_scan(struct live_pid *lp, u64 start, u64 end,
		 struct live_census *c, struct error *e)
{
	int k;

	memset(c, 0, sizeof(*c));
	if (lp->scan == 0)
		return error_set(e, -ENOTTY, "this kernel has no PAGEMAP_SCAN "
				 "(Linux 6.7+)");
	for (k = 0; k < lp->nvma; k++) {
		const struct live_vma *v = &lp->vma[k];
		u64 s = v->start > start ? v->start : start;
		u64 t = v->end < end ? v->end : end;

		if (s < t && scan_range(lp, s, t, c, e))
			return -1;
	}
	return 0;
}
