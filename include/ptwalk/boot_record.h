/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A machine that looks booted (--boot booted, the default where a record
 * applies): the boot record of a real guest of the same arch and kernel
 * (data/boot/NAME.boot, written by tools/boot-record.sh from the guest's
 * own /proc at boot and embedded at build time) is replayed through the
 * kernel's allocators after kernel_init, so that vmallocinfo, slabinfo,
 * buddyinfo, whatis and every later allocation meet what a freshly booted
 * kernel holds: the vmalloc-space areas with their callers (stacks,
 * ioremaps, percpu chunks, module_alloc), the slab caches with their
 * active objects, the pages of tasks and page tables, and the free lists
 * fragmented as the guest's.  --boot clean skips it.
 *
 * The record is the arch's guest whose RAM is closest to the machine's;
 * it applies only to the kernel it was taken from (Linux 6.1).  With less
 * RAM than the guest, slab objects, pages and the free blocks below
 * MAX_ORDER - 1 are scaled down by the ratio of the RAM sizes; with more,
 * they are the guest's and the extra RAM stays free in max-order blocks
 * (a kernel's boot allocations hardly grow with RAM).  A line that does
 * not fit this machine (another layout, a range ioremap refuses, too
 * little memory left) is skipped and counted, never a boot failure.
 */
#ifndef PTWALK_BOOT_RECORD_H
#define PTWALK_BOOT_RECORD_H

#include "kernel.h"
#include "machine.h"

/* --boot WORD: the choices, for the option's check and its help. */
#define BOOT_MODES	"booted, clean"

enum boot_mode {
	BOOT_DEFAULT,		/* booted where a record applies */
	BOOT_BOOTED,		/* --boot booted: the record replayed */
	BOOT_CLEAN,		/* --boot clean: nothing allocated */
};

/* The mode --boot WORD names; -1 for an unknown word. */
int boot_mode_parse(const char *word);

/* The embedded records (generated from the .boot files of data/boot). */
struct boot_record_file {
	const char *name;		/* NAME of data/boot/NAME.boot */
	const char *text;
};
extern const struct boot_record_file boot_record_files[];	/* {0} ends */

/* One line of a record. */
enum boot_kind {
	BL_VMALLOC,		/* vmalloc: an area with pages */
	BL_VMAP,		/* vmap of pages (irq stacks, DMA remaps) */
	BL_IOREMAP,
	BL_EARLY,		/* at a fixed address (vm_area_add_early) */
	BL_MODULE,		/* module_alloc */
	BL_PERCPU,		/* the first percpu chunk, top of vmalloc */
	BL_GAP,			/* free address space between areas */
	BL_UNPURGED,		/* freed, waiting for the lazy purge */
	BL_CACHE,		/* a slab cache and its active objects */
	BL_PAGES,		/* pages no area or cache holds */
	NR_BOOT_KINDS
};

struct boot_line {
	enum boot_kind kind;
	int lineno;
	u64 size, addr, phys, align;	/* areas: bytes with the guard */
	unsigned long pages;		/* area pages; BL_PAGES: count */
	unsigned order;			/* BL_PAGES */
	unsigned long active;		/* BL_CACHE: objects in use */
	unsigned objsize;		/* BL_CACHE */
	bool ioremap, dma_coherent, stack;
	const char *name;		/* cache name, what= of pages */
	const char *caller;		/* areas: the guest's caller */
};

#define BOOT_MAX_ZONES		4
#define BOOT_FREE_ORDERS	12	/* arm's MAX_ORDER 12 records 0-11 */

struct boot_zone {
	const char *name;
	unsigned long managed;
	unsigned long free[BOOT_FREE_ORDERS];
	int nfree;
};

struct boot_record {
	char *text;			/* a copy, split in place */
	const char *name;
	const char *arch, *kernel;
	u64 mem;
	int cpus;
	u64 initrd_size;
	struct boot_line *lines;
	int nlines;
	struct boot_zone zone[BOOT_MAX_ZONES];
	int nzones;
};

/*
 * Parse text (the record called name) into r: 0, or -EINVAL with
 * "NAME line N: why" in e and r empty.  boot_record_free releases it.
 */
int boot_record_parse(const char *name, const char *text,
		      struct boot_record *r, struct error *e);
void boot_record_free(struct boot_record *r);

/* What the replay did, for `machine` and the tests. */
struct boot_state {
	enum boot_mode mode;		/* BOOT_BOOTED or BOOT_CLEAN */
	const char *why_clean;		/* clean by default: the reason */
	struct boot_record rec;
	u64 scale_num, scale_den;	/* min(1, RAM / guest RAM) */
	unsigned areas, areas_done;	/* vmalloc-space lines */
	unsigned caches, caches_created;
	unsigned long objects;		/* slab objects allocated */
	unsigned long pages;		/* pages of the pages lines */
	unsigned zones;			/* zones with shaped free lists */
	unsigned long held_pages;	/* pages held to shape them */
	unsigned nskips;		/* lines that did not fit */
	int skip_line;			/* the first of them, and why */
	char skip_why[600];
};

static inline struct boot_state *
boot_state_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->boot : NULL;
}

/*
 * After the kernel's own boot (kernel_init, before pid 1): choose the
 * record and replay it.  A line that does not fit is skipped; only an
 * explicit --boot booted without a record for this machine fails.
 */
int boot_record_replay(struct machine *m, struct error *e);
void boot_record_release(struct machine *m);

/* The owner tag of the pages the replay holds (page, whatis). */
extern const struct page_owner_type page_owner_boot;

#endif
