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
 * Reserved while the kernel boots and freed once its initcalls ran
 * (free_initmem, mark_rodata_ro): the booted machine has these frames
 * free, but its watermarks were set without them.
 */
void memblock_reserve_late(struct machine *m, u64 base, u64 size,
			   const char *what);

#endif
