// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The walk geometry of RISC-V's paging modes (the privileged spec's
 * Sv32, Sv39, Sv48 and Sv57): the levels, the reserved bits and the fast
 * walk's masks; the one mmu_init of every riscv arch and of the xv6
 * profile.
 */
#include <errno.h>

#include "ptwalk/machine.h"
#include "riscv.h"

/*
 * The fast translation walk: a pointer is V=1 R=W=X=0 and holds no
 * reserved, PBMT or N bit; its PPN shifted left by 2 is the next table.
 * Pointers restrict nothing (bits 1-3 are 0 in every pointer).
 */
static void
fast_init(struct mmu *mmu)
{
	int i;

	mmu_fast_geometry(mmu);
	for (i = 0; i < mmu->nwalk; i++)
		mmu->fast_rsvd[i] = mmu->rsvd_table[mmu->walk[i]];
	mmu->fast_tmask = RV_V | RV_RWX;
	mmu->fast_tval = RV_V;
	mmu->fast_addr = riscv_pte_ppn_mask(mmu);
	mmu->fast_ashift = PAGE_SHIFT - RV_PPN_SHIFT;
	mmu->fast_pbit[0] = 1;
	mmu->fast_pbit[1] = 2;
	mmu->fast_pbit[2] = 3;
	for (i = 0; i < 8; i++)
		mmu->fast_plut[i] = P_PERM;
}

static int
levels64(struct mmu *mmu, unsigned vb, struct error *e)
{
	switch (vb) {
	case 57:
		mmu_level(mmu, LVL_PGD, "L4", 48, 9, 8, 48);
		mmu_level(mmu, LVL_P4D, "L3", 39, 9, 8, 39);
		mmu_level(mmu, LVL_PUD, "L2", 30, 9, 8, 30);
		break;
	case 48:
		mmu_level(mmu, LVL_PGD, "L3", 39, 9, 8, 39);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_level(mmu, LVL_PUD, "L2", 30, 9, 8, 30);
		break;
	case 39:
		mmu_level(mmu, LVL_PGD, "L2", 30, 9, 8, 30);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_fold(mmu, LVL_PUD, LVL_PGD);
		break;
	default:
		return error_set(e, -EINVAL, "a %u-bit VA: riscv64 translates "
				 "39 (Sv39), 48 (Sv48) or 57 (Sv57) bits", vb);
	}
	mmu_level(mmu, LVL_PMD, "L1", 21, 9, 8, 21);
	mmu_level(mmu, LVL_PTE, "L0", 12, 9, 8, 12);
	mmu->va_bits = (u8)vb;
	mmu->pa_bits = 56;
	mmu->va_mode = VA_SIGNEXT;
	return 0;
}

/*
 * The paging mode: Sv32 on riscv32; on riscv64 Sv39, Sv48 or Sv57 by
 * mmu->va_bits (0: the arch's default).  Without Svpbmt the PBMT bits
 * are reserved; without Svadu a clear A faults (the kernel sets it).
 */
int
riscv_mmu_init(struct mmu *mmu, struct error *e)
{
	const struct arch *a = mmu->arch;
	int i;

	if (a->is64) {
		unsigned vb = mmu->va_bits ? mmu->va_bits :
			a->va_bits_choices[0];

		if (levels64(mmu, vb, e))
			return -EINVAL;
	} else {
		mmu_level(mmu, LVL_PGD, "L1", 22, 10, 4, 22);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_fold(mmu, LVL_PUD, LVL_PGD);
		mmu_fold(mmu, LVL_PMD, LVL_PGD);
		mmu_level(mmu, LVL_PTE, "L0", 12, 10, 4, 12);
		mmu->va_bits = 32;
		mmu->pa_bits = 34;
		mmu->va_mode = VA_ZEROEXT;
	}
	mmu_finish_levels(mmu);
	mmu->pa_mask = GENMASK(mmu->pa_bits - 1, 0);
	for (i = 0; i < NR_LEVELS; i++) {
		if (!a->is64) {
			mmu->rsvd_table[i] = 0;
			mmu->rsvd_leaf[i] = 0;
			continue;
		}
		mmu->rsvd_table[i] = RV_RSVD64 | RV_PBMT | RV_N;
		mmu->rsvd_leaf[i] = RV_RSVD64 |
			((mmu->features & F_SVPBMT) ? 0 : RV_PBMT);
	}
	fast_init(mmu);
	mmu->young_required = !(mmu->features & F_SVADU);
	return 0;
}
