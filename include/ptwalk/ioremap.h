/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ioremap (arch/x86/mm/ioremap.c, arch/arm/mm/ioremap.c,
 * arch/arm64/mm/ioremap.c, mm/ioremap.c): a physical range (device
 * registers, a frame buffer) mapped into a VM_IOREMAP area of the vmalloc
 * space with the cache mode asked for; the returned address keeps the
 * sub-page offset.  RAM is refused as each arch refuses it: x86 any page
 * the page allocator manages (free or allocated, not reserved), arm and
 * arm64 all RAM.  Large aligned ranges use huge leaves where the arch has
 * huge vmap (x86_64, x86 PAE, arm64).
 */
#ifndef PTWALK_IOREMAP_H
#define PTWALK_IOREMAP_H

#include "machine.h"

/* The modes of m's arch (struct ioremap_mode: arch.h), the default first; NULL-terminated. */
const struct ioremap_mode *ioremap_modes(const struct machine *m);
const struct ioremap_mode *ioremap_mode_find(const struct machine *m,
					     const char *name);

/*
 * Map [phys, phys + size) with mode (NULL: the default).  Returns the
 * virtual address of phys, or 0 with the reason.  *direct is set when
 * the arch returned the direct map instead (arm64 ioremap_cache of RAM).
 */
u64 ioremap_caller(struct machine *m, u64 phys, u64 size,
		   const struct ioremap_mode *mode, const char *caller,
		   bool *direct, struct error *e);
/* iounmap: addr anywhere in the first page of an ioremap area. */
int iounmap(struct machine *m, u64 addr, struct error *e);

#endif
