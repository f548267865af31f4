/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Who owns a kernel address (cf. crash's `kmem ADDR`): the allocator and
 * its object, for `whatis` and for the errors of the free functions
 * ("0xc1234000 is not a vmalloc address: it is a page of the direct map
 * allocated by get_free_pages").
 */
#ifndef PTWALK_WHATIS_H
#define PTWALK_WHATIS_H

#include "machine.h"

struct strbuf;

/*
 * One phrase naming the owner of the virtual address addr: "the vmalloc
 * area 0x...-0x... (cmd_vmalloc [ptwalk])", "pkmap slot 3 (kmap of pfn
 * 0x...)", "a free order-2 block of the buddy allocator" ...  Returns the
 * number of characters added (0: nothing known owns it).
 */
int kaddr_owner(struct machine *m, u64 addr, struct strbuf *sb);

/* The owner of a frame: "a free page: inside a free order-3 block ...",
 * "a vmalloc page: page 3 of 245 of ...", "a page reserved at boot". */
void kpage_owner(struct machine *m, u64 pfn, struct strbuf *sb);

/*
 * The live allocations of the regions, for `layout`: one entry per
 * (region, kind of allocation) with a count and the bytes they hold.
 */
struct region_use {
	const char *region;	/* machine region name */
	char what[64];		/* "vmalloc areas", "pkmap slots in use" */
	u64 count, bytes;
};
int region_usage(struct machine *m, struct region_use *u, int max);

#endif
