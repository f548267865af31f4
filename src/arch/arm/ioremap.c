// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM ioremap (cf. arch/arm/mm/ioremap.c): the memory types of
 * the ioremap family, and IOREMAP_MAX_ORDER.
 */
#include "ptwalk/ioremap.h"
#include "arm.h"

const struct ioremap_mode arm_ioremap_modes[] = {
	{ "device", "ioremap", PAGE_KERNEL | P_NOCACHE,
	  "MT_DEVICE: shared device memory (TEX remap index 4)" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "MT_DEVICE_WC: normal non-cacheable, bufferable" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "MT_DEVICE_CACHED: write-back cacheable" },
	{ NULL, NULL, 0, NULL }
};

/* IOREMAP_MAX_ORDER: 24 (16M, supersections) */
unsigned
arm_ioremap_max_order(const struct machine *m)
{
	(void)m;
	return 24;
}
