// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 ioremap (cf. arch/arm64/mm/ioremap.c): the memory types of the
 * ioremap family (MAIR indices), and IOREMAP_MAX_ORDER.
 */
#include "ptwalk/ioremap.h"
#include "arm64.h"

const struct ioremap_mode arm64_ioremap_modes[] = {
	{ "device", "ioremap", PAGE_KERNEL | P_NOCACHE,
	  "Device-nGnRE (MT_DEVICE_nGnRE)" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "Normal non-cacheable (MT_NORMAL_NC)" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "Normal write-back (MT_NORMAL); RAM gets its linear-map address" },
	{ NULL, NULL, 0, NULL }
};

/* IOREMAP_MAX_ORDER: PUD_SHIFT with 4K pages */
unsigned
arm64_ioremap_max_order(const struct machine *m)
{
	return m->mmu.lv[LVL_PUD].shift;
}
