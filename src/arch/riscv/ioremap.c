// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv ioremap (cf. arch/riscv/include/asm/io.h, pgtable-64.h of 6.1):
 * ioremap maps with _PAGE_IOREMAP, which is PBMT=IO where the hart has
 * Svpbmt and the physical region's own attributes (PMA) otherwise; 6.1
 * defines no ioremap_wc or ioremap_cache of its own.
 */
#include "ptwalk/ioremap.h"
#include "ptwalk/machine.h"
#include "riscv.h"

const struct ioremap_mode riscv_ioremap_modes[] = {
	{ "io", "ioremap", PAGE_KERNEL | P_NOCACHE,
	  "_PAGE_IOREMAP: PBMT=IO with Svpbmt, else the region's PMA" },
	{ NULL, NULL, 0, NULL }
};

/* IOREMAP_MAX_ORDER: the generic 7 + PAGE_SHIFT (riscv defines none) */
unsigned
riscv_ioremap_max_order(const struct machine *m)
{
	(void)m;
	return 7 + PAGE_SHIFT;
}
