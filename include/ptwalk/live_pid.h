/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A live process of this machine as a target (--pid, attach PID): what
 * /proc shows of it.  Its page tables cannot be read from user space; the
 * kernel's own view of them is /proc/PID/pagemap (one 64-bit word per
 * page, fs/proc/task_mmu.c: pte_to_pagemap_entry), the PAGEMAP_SCAN ioctl
 * on the same file (Linux 6.7+), and for each frame /proc/kpageflags and
 * /proc/kpagecount (fs/proc/page.c), which need CAP_SYS_ADMIN.  Memory is
 * read (and, when opened writable, written) through /proc/PID/mem.
 *
 * The process runs on: every call checks that it is still the same
 * process (its start time, field 22 of /proc/PID/stat) and says so when
 * it exited or was replaced; the VMAs are read again before each command.
 */
#ifndef PTWALK_LIVE_PID_H
#define PTWALK_LIVE_PID_H

#include <stdbool.h>

#include "mm.h"
#include "types.h"
#include "util.h"

/*
 * The bits of a pagemap entry are mm.h's PM_* (the simulated kernel
 * makes the same words); 6.15 added the guard regions' bit, and a
 * swapped page's entry holds the swap type and offset instead of a PFN.
 */
#define PM_GUARD_REGION	(1ULL << 58)	/* MADV_GUARD_INSTALL (6.15+) */
#define PM_SWP_TYPE(e)	((e) & 0x1f)
#define PM_SWP_OFFSET(e) (((e) & PM_PFRAME_MASK) >> 5)

/* The kpageflags bits (include/uapi/linux/kernel-page-flags.h) */
#define KPF_COUNT	42
extern const char *const kpf_names[KPF_COUNT];

/* One line of /proc/PID/maps. */
struct live_vma {
	u64 start, end, pgoff;
	char perms[5];
	unsigned dev_major, dev_minor;
	u64 ino;
	char *name;	/* "" for anonymous */
};

struct live_pid {
	int pid;
	char comm[32];
	u64 starttime;		/* field 22 of /proc/PID/stat */
	int mem_fd, pagemap_fd, kflags_fd, kcount_fd;	/* -1: not open */
	bool writable;		/* opened with --writable */
	bool pfn_hidden;	/* PFNs read as 0: no CAP_SYS_ADMIN */
	bool priv_said;		/* the one line about it was printed */
	int scan;		/* PAGEMAP_SCAN: 1 works, 0 not, -1 untried */
	struct live_vma *vma;
	int nvma;
};

/*
 * Open PID: no such process, a kernel thread (no mm) or /proc refusing
 * (ptrace access mode) are errors.  Writable opens /proc/PID/mem for
 * writing as well.
 */
struct live_pid *live_pid_open(int pid, bool writable, struct error *e);
void live_pid_close(struct live_pid *lp);
/* 0 while PID is the process we opened; else the error says what became
 * of it (exited, replaced by another process of the same number). */
int live_pid_check(struct live_pid *lp, struct error *e);
/* Read /proc/PID/maps again. */
int live_pid_read_maps(struct live_pid *lp, struct error *e);
/* The VMA holding va, or NULL. */
const struct live_vma *live_pid_vma(const struct live_pid *lp, u64 va);

/* n pagemap entries from the page of va on (one pread). */
int live_pid_pagemap(struct live_pid *lp, u64 va, u64 n, u64 *ent,
		     struct error *e);
/*
 * A frame's kpageflags and kpagecount.  -1 with e saying why (no
 * CAP_SYS_ADMIN, beyond the last frame).
 */
int live_pid_kpage(struct live_pid *lp, u64 pfn, u64 *flags, u64 *count,
		   struct error *e);
/* Bytes read from /proc/PID/mem at va (short at an unmapped page). */
long live_pid_read(struct live_pid *lp, u64 va, void *buf, u64 n,
		   struct error *e);
long live_pid_write(struct live_pid *lp, u64 va, const void *buf, u64 n,
		    struct error *e);

/*
 * Counting the pages of [start, end) by kind: pagemap reads (a buffer of
 * entries per pread) or PAGEMAP_SCAN (one ioctl per VMA or so, the kernel
 * merging pages of the same kind into ranges).
 */
struct live_census {
	u64 pages, present, swapped, file, exclusive, soft_dirty, zero, huge;
};
int live_census_pagemap(struct live_pid *lp, u64 start, u64 end,
			struct live_census *c, struct error *e);
/* -1 with e->code -ENOTTY when the kernel has no PAGEMAP_SCAN. */
int live_census_scan(struct live_pid *lp, u64 start, u64 end,
		     struct live_census *c, struct error *e);
/* The pagemap entry's kind in a few words: "present", "swapped" ... */
const char *live_pm_kind(u64 ent);

#endif
