/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Page-table roots found in physical memory when a file does not say
 * where they are: every aligned block of RAM that is a well-formed
 * top-level table of the machine's paging mode (each entry empty, a
 * table in RAM or a leaf; the arch's own checks, root_plausible; the
 * tables below it well-formed too) becomes a candidate, scored by what
 * it maps and by whether it maps the image's own kernel (the
 * VMCOREINFO's or kallsyms' init_uts_ns reads "Linux" and the release),
 * as Volatility's DTB scan does.  Reads memory only.
 */
#ifndef PTWALK_ROOTS_H
#define PTWALK_ROOTS_H

#include "machine.h"

struct progress;

struct root_cand {
	u64 pa;			/* the table */
	int score;
	unsigned entries;	/* non-empty entries of the table */
	u64 pages;		/* 4K pages mapped (a huge page counts whole) */
	u64 ranges;		/* runs of contiguous mapped addresses */
	u64 user_pages, kernel_pages;
	u64 kcode_pages;	/* read-only executable, in the kernel's half */
	u64 bad;		/* malformed entries in the tables below */
	bool ktext;		/* maps the image's kernel: init_uts_ns holds
				 * "Linux" and its release */
	bool kmapped;		/* _stext at least is mapped to RAM */
	bool current;		/* a root of a CPU of the machine now */
};

struct roots_scan {
	int which;		/* the root register scanned for (0, 1) */
	int max;		/* candidates kept, best first (0: all) */
	struct root_cand *c;
	int n, alloc;
	u64 tables;		/* blocks looked at */
	u64 bytes;		/* RAM read */
	double secs;
	char kcheck[120];	/* how the kernel was recognised, or why not */
};

/*
 * Scan m's physical memory with m->mmu (the image's paging mode) for
 * roots of register rs->which.  0, or -EINTR (Ctrl-C) with e set.
 */
int roots_scan(struct machine *m, struct roots_scan *rs, struct error *e);
void roots_free(struct roots_scan *rs);

/*
 * --cr3 auto (opt: "cr3", "ttbr1"...): the best root of a scan, into
 * *root, with a line saying where it came from.  -ENOENT with e set when no table is plausible.
 */
int roots_auto(struct machine *m, int which, const char *opt, u64 *root,
	       char *from, size_t n, struct error *e);

#endif
