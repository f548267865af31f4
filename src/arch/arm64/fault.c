// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 page faults (cf. arch/arm64/mm/fault.c): the exception syndrome
 * (ESR_EL1) of an instruction or data abort and the faulting address (FAR),
 * and what the syndrome says (for the trace).
 */
#include "ptwalk/machine.h"
#include "arm64.h"

/* ESR_ELx (arch/arm64/include/asm/esr.h) */
#define ESR_EC_SHIFT		26
#define ESR_EC_IABT_LOW		0x20	/* instruction abort from EL0 */
#define ESR_EC_DABT_LOW		0x24	/* data abort from EL0 */
#define ESR_EC_CUR		0x01	/* ... from the current EL: +1 */
#define ESR_IL			BIT(25)	/* a 32-bit instruction */
#define ESR_WNR			BIT(6)	/* write, not read */
#define ESR_FSC			0x3f	/* the fault status code */
#define ESR_FSC_TYPE		0x3c
#define ESR_FSC_LEVEL		0x03
#define FSC_FAULT		0x04	/* translation fault, level 0-3 */
#define FSC_ACCESS		0x08	/* access flag fault */
#define FSC_PERM		0x0c	/* permission fault */

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

void
arm64_fault_trace(u64 esr, struct trace_page_fault *f)
{
	const char *type;

	switch (esr & ESR_FSC_TYPE) {
	case FSC_PERM:
		type = "permission fault";
		break;
	case FSC_ACCESS:
		type = "access flag fault";
		break;
	default:
		type = "translation fault";
		break;
	}
	f->status = FAULT_ESR;
	f->type = type;
	f->level = (int)(esr & ESR_FSC_LEVEL);
}
