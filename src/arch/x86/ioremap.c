// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 ioremap (cf. arch/x86/mm/ioremap.c, arch/x86/mm/pat): the cache
 * modes through PAT, and IOREMAP_MAX_ORDER.
 */
#include "ptwalk/ioremap.h"
#include "x86.h"

const struct ioremap_mode x86_ioremap_modes[] = {
	{ "uc-", "ioremap", PAGE_KERNEL | P_UCMINUS,
	  "UC- (PCD): uncached, an MTRR may make it write-combining" },
	{ "uc", "ioremap_uc", PAGE_KERNEL | P_NOCACHE,
	  "UC (PCD|PWT): strictly uncached" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "WC (PWT, PAT entry 1): write-combining" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "WB: cached (for firmware tables, not registers)" },
	{ NULL, NULL, 0, NULL }
};

/* IOREMAP_MAX_ORDER: PUD_SHIFT on x86_64, PMD_SHIFT on x86-32 */
unsigned
x86_ioremap_max_order(const struct machine *m)
{
	return m->mmu.lv[m->arch->is64 ? LVL_PUD : LVL_PMD].shift;
}
