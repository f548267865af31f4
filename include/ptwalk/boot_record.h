/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A machine that looks booted (--boot booted, the default): the boot
 * record of a real guest of the same arch and kernel (data/boot/*.boot,
 * written by tools/boot-record.sh from the guest's own /proc at boot and
 * embedded at build time) is replayed through the kernel's allocators, so
 * that vmallocinfo, slabinfo, buddyinfo, whatis and every later
 * allocation meet what a freshly booted kernel holds: the initrd reserved
 * by memblock and freed once unpacked, the vmalloc-space areas with their
 * callers (stacks, ioremaps, percpu chunks, module_alloc), the slab
 * caches with their active objects, the pages of tasks and page tables,
 * and the free lists fragmented as the guest's.  --boot clean skips it.
 *
 * The record is chosen by the machine's arch and the RAM closest to the
 * guest's; none applies to a --kernel version other than the record's.
 * An allocation that does not fit this machine (another layout, less
 * RAM, a range ioremap refuses) is skipped and noted, never a boot
 * failure; allocations stop before a quarter of RAM is left free.
 */
#ifndef PTWALK_BOOT_RECORD_H
#define PTWALK_BOOT_RECORD_H

#include "kernel.h"

/* --boot WORDS: the choices, for the option's check and its help. */
#define BOOT_MODES	"booted, clean"

enum boot_mode {
	BOOT_BOOTED,		/* the boot record replayed */
	BOOT_CLEAN,		/* nothing allocated since boot */
};

/* Why a booted machine has no record to replay. */
enum boot_none {
	BOOT_HAS_RECORD,
	BOOT_NO_ARCH,		/* no guest of this arch */
	BOOT_NO_KERNEL,		/* --kernel names another version */
};

/* One line of the record that did not fit this machine, and why. */
struct boot_skip {
	int line;		/* in the record */
	char what[72];		/* the line, cut */
	char why[200];		/* the allocator's reason */
};

#define BOOT_MAX_SKIPS	12

/* What the replay did, for `machine` and the tests. */
struct boot_state {
	enum boot_mode mode;
	enum boot_none none;
	char *text;			/* the record, split in place */
	const char *name;		/* "x86_64", "i386-1g" ... */
	const char *kernel;		/* its kernel version */
	u64 mem;			/* its guest's RAM */
	u64 initrd_base, initrd_size;	/* reserved at boot, then freed */
	bool initrd_freed;
	unsigned areas, areas_present;	/* vmalloc-space lines replayed */
	unsigned caches, caches_created;
	unsigned long objects;		/* slab objects allocated */
	unsigned long pages;		/* pages of the pages lines */
	unsigned zones;			/* zones whose free lists were shaped */
	unsigned long shape_pages;	/* pages the shaping kept */
	unsigned nskips;		/* lines skipped (only the first kept) */
	struct boot_skip skip[BOOT_MAX_SKIPS];
};

static inline struct boot_state *
boot_state_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->boot : NULL;
}

/* The mode --boot WORD names; -1 for an unknown word. */
int boot_mode_parse(const char *word);
/*
 * Before the page allocator (memblock): choose the record and reserve the
 * initrd.  After the kernel's own boot (kernel_init): replay the rest.
 * Neither fails for a line that does not fit; only a host error stops.
 */
int boot_record_memblock(struct machine *m, struct error *e);
int boot_record_replay(struct machine *m, struct error *e);
void boot_record_release(struct machine *m);

/* The owner tag of the pages the record holds (page, whatis). */
extern const struct page_owner_type page_owner_boot;

#endif
