// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 page faults (cf. arch/arm64/mm/fault.c): the exception syndrome
 * (ESR_EL1) of an instruction or data abort and the faulting address
 * (FAR).
 */
#include "ptwalk/machine.h"
#include "arm64.h"

u64
arm64_fault_code(const struct machine *m, const struct walk *w, unsigned acc)
{
	const struct mmu *mmu = &m->mmu;
	const struct walk_step *s = &w->step[w->nsteps ? w->nsteps - 1 : 0];
	struct pte_decode d;
	int idx = 0, i;
	u64 fsc, ec, esr;

	for (i = 0; i < mmu->nwalk; i++)
		if (mmu->walk[i] == w->fault_lvl)
			idx = i;
	d.kind = PT_NONE;
	d.attr = 0;
	if (w->nsteps && m->arch->sw_decode != NULL)
		m->arch->sw_decode(mmu, s->lvl, s->entry, &d);
	if (w->fault == WF_PROTECTION)
		fsc = FSC_PERM;
	else if (w->fault == WF_ACCESS_FLAG ||
		 (d.kind == PT_LEAF && !(d.attr & P_YOUNG)))
		/* a valid descriptor with AF=0 and no hardware AF */
		fsc = FSC_ACCESS;
	else
		fsc = FSC_FAULT;
	fsc += (u64)(4 - mmu->nwalk + idx);	/* the level */
	ec = (acc & ACC_EXEC) ? ESR_EC_IABT_LOW : ESR_EC_DABT_LOW;
	if (!(acc & ACC_USER))
		ec += ESR_EC_CUR;
	esr = ec << ESR_EC_SHIFT | ESR_IL | fsc;
	if ((acc & ACC_WRITE) && !(acc & ACC_EXEC))
		esr |= ESR_WNR;
	return esr;
}
