// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM page faults (cf. arch/arm/mm/fault.c, fsr-2level.c): the
 * short-descriptor fault status of a data abort (FSR, FAR) or a prefetch
 * abort (IFSR, IFAR).
 */
#include "ptwalk/machine.h"
#include "arm.h"

/* Did the walk stop at the last level (a page) or the first (a section)? */
static bool
fault_at_page(const struct mmu *mmu, const struct walk *w)
{
	int idx = 0, i;

	for (i = 0; i < mmu->nwalk; i++)
		if (mmu->walk[i] == w->fault_lvl)
			idx = i;
	return idx == mmu->nwalk - 1;
}

u64
arm_fault_code(const struct machine *m, const struct walk *w, unsigned acc)
{
	bool page = fault_at_page(&m->mmu, w);
	u64 fs;

	if (w->fault == WF_PROTECTION)
		fs = page ? FS_PERM_PAGE : FS_PERM_SECT;
	else
		fs = page ? FS_TRANS_PAGE : FS_TRANS_SECT;
	return fs | ((acc & ACC_WRITE) ? FSR_WNR : 0);
}
