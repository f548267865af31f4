// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM page faults (cf. arch/arm/mm/fault.c, fsr-2level.c): the
 * short-descriptor fault status of a data abort (FSR, FAR) or a prefetch
 * abort (IFSR, IFAR), and what it says (for the trace).
 */
#include "ptwalk/machine.h"
#include "arm.h"

#define FSR_WNR		BIT(11)		/* write, not read */
#define FSR_FS		0xf		/* FS[3:0]; FS[4] (bit 10) is 0 here */
#define FS_TRANS_SECT	0x5
#define FS_TRANS_PAGE	0x7
#define FS_PERM_SECT	0xd
#define FS_PERM_PAGE	0xf

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

void
arm_fault_trace(u64 fsr, struct trace_page_fault *f)
{
	const char *type;

	switch (fsr & FSR_FS) {
	case FS_PERM_PAGE:
		type = "permission fault, page";
		break;
	case FS_PERM_SECT:
		type = "permission fault, section";
		break;
	case FS_TRANS_PAGE:
		type = "translation fault, page";
		break;
	default:
		type = "translation fault, section";
		break;
	}
	f->status = FAULT_FSR;
	f->type = type;
}
