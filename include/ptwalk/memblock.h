/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The boot-time allocator (src/hw/memblock.c, cf. mm/memblock.c):
 * bottom-up after the kernel image, retired once the page allocator runs.
 * The arch's paging_init takes its boot page tables from here.
 */
#ifndef PTWALK_MEMBLOCK_H
#define PTWALK_MEMBLOCK_H

#include "types.h"

struct machine;
struct error;

int memblock_alloc(struct machine *m, u64 size, u64 align, const char *what,
		   u64 *pa, struct error *e);
void memblock_reserve(struct machine *m, u64 base, u64 size, const char *what);
/*
 * A range of the machine's RAM that the firmware's memory map leaves out
 * (e820 reserved, holes): never allocated, and not present in its zone.
 */
void memblock_remove(struct machine *m, u64 base, u64 size, const char *what);
/*
 * A CMA area (dma_contiguous_reserve): size bytes, align-aligned, as high
 * as fits below limit clear of what is reserved (memblock allocates top
 * down); kept from memblock's allocations, then handed whole to the page
 * allocator (cma_init_reserved_areas), its pages managed and counted as
 * the zone's cma.  False when it does not fit (the kernel then boots
 * without it: "cma: Failed to reserve").
 */
bool memblock_reserve_cma(struct machine *m, u64 size, u64 align, u64 limit,
			  u64 *base);
/* How many pages of CMA areas lie in the frames [start, end). */
u64 memblock_cma_pages(const struct machine *m, u64 start_pfn, u64 end_pfn);
/*
 * Reserved while the kernel boots and freed once its initcalls ran
 * (free_initmem, mark_rodata_ro): the booted machine has these frames
 * free, but its watermarks were set without them.
 */
void memblock_reserve_late(struct machine *m, u64 base, u64 size,
			   const char *what);

#endif
