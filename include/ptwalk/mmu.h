/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The generic page-table walker and the access check.
 *
 * mmu_walk() does what the hardware page walker does, level by level, and
 * records every step.  It allocates nothing and prints nothing.
 */
#ifndef PTWALK_MMU_H
#define PTWALK_MMU_H

#include "arch.h"
#include "phys.h"

struct mmu {
	const struct arch *arch;
	struct pt_level lv[NR_LEVELS];	/* indexed by enum pt_lvl */
	u8 walk[NR_LEVELS];		/* the levels walked, top down */
	u8 nwalk;
	u8 va_bits;			/* implemented VA bits */
	u8 pa_bits;			/* MAXPHYADDR */
	bool split_roots;		/* arm64: va bit 63 picks TTBR1 */
	bool young_required;		/* a leaf with the accessed flag clear
					 * faults (arm64 AF without TCR.HA) */
	unsigned features;		/* F_* in effect */
	u8 page_shifts[6];		/* leaf sizes this mode can produce */
	u8 npage_shifts;
	u64 pa_mask;			/* physical address bits */
	u8 va_mode;			/* VA_ZEROEXT, VA_SIGNEXT, VA_SPLIT */
	/* per level: bits that must be zero in a table / a leaf entry */
	u64 rsvd_table[NR_LEVELS], rsvd_leaf[NR_LEVELS];
	/* hot-path decode of this paging mode (set by the arch's setup) */
	void (*decode)(const struct mmu *mmu, int lvl, u64 entry,
		       struct pte_decode *d);
	/*
	 * The fast translation walk (mmu_translate_walk): table levels are
	 * recognised by masks and their rights read from a lookup table;
	 * only the leaf goes to the arch's decode.  fast_n == 0: no fast path.
	 */
	u8 fast_n;			/* levels walked */
	u8 fast_esize;
	u8 fast_shift[NR_LEVELS];
	u8 fast_lvl[NR_LEVELS];
	u16 fast_idx[NR_LEVELS];	/* index masks */
	u64 fast_tmask, fast_tval;	/* (e & tmask) == tval: a table pointer */
	u64 fast_addr;			/* next-table address bits */
	u8 fast_ashift;			/* ... shifted left by this (RISC-V:
					 * the PPN sits 2 bits below the PA) */
	u64 fast_rsvd[NR_LEVELS];	/* must be zero in a table pointer */
	u8 fast_pbit[3];		/* entry bits indexing fast_plut */
	u16 fast_plut[8];		/* rights of a table pointer */
	void *priv;			/* arch data */
};

/* The result of a translation walk. */
struct xlat {
	u64 pa;
	u8 shift;
	u8 fault;		/* enum walk_fault */
	u16 perm;
	u32 attr;
};

/*
 * Walk for a translation (the TLB-miss path): no step records.  Falls back
 * to mmu_walk() for anything but table pointers and a leaf (huge pages,
 * faults), so it answers exactly what mmu_walk answers.
 */
int mmu_translate_walk(const struct mmu *mmu, struct phys *ph, u64 root,
		       u64 va, struct xlat *x);

/*
 * The forms of a walkable VA: zero above va_bits (32-bit), the sign
 * extension of bit va_bits-1 (x86_64 canonical), or all bits above
 * va_bits equal (arm64: TTBR0 below, TTBR1 above).
 */
enum { VA_ZEROEXT, VA_SIGNEXT, VA_SPLIT };

/*
 * Fast form of the arch's va_check.  When it says no, the walker asks the
 * arch's va_check for the reason (which may still accept the address).
 */
static inline bool
mmu_va_ok(const struct mmu *mmu, u64 va)
{
	unsigned sh = 64 - mmu->va_bits;
	u64 top;

	if (mmu->va_bits >= 64)
		return true;
	switch (mmu->va_mode) {
	case VA_SIGNEXT:
		return (u64)((s64)(va << sh) >> sh) == va;
	case VA_SPLIT:
		top = va >> mmu->va_bits;
		return top == 0 || top == (~0ULL >> mmu->va_bits);
	default:
		return (va >> mmu->va_bits) == 0;
	}
}

/*
 * Leaf attributes an access faults on although the entry maps the page:
 * the access flag clear on a CPU that does not set it (arm64 without
 * TCR_EL1.HA).  The walk reports the translation; an access takes the
 * fault and the kernel sets the flag (pte_mkyoung).
 */
static inline bool
mmu_old_faults(const struct mmu *mmu, u32 attr)
{
	return mmu->young_required && !(attr & P_YOUNG);
}

enum walk_fault {
	WF_NONE,
	WF_NOT_PRESENT,		/* entry not present */
	WF_RESERVED,		/* reserved bits set in an entry */
	WF_BEYOND_RAM,		/* table address outside physical memory */
	WF_NONCANONICAL,	/* x86_64: bits above the VA width differ */
	WF_VA_RANGE,		/* wider than the arch's virtual address */
	WF_PROTECTION,		/* access not allowed by the entries */
	WF_NO_ROOT,		/* no page-table root loaded */
	WF_ACCESS_FLAG,		/* arm64: AF clear and no hardware update (an
				 * access; walks report it in access_fault) */
};
const char *walk_fault_name(int f);

/* Access types for mmu_check / translation. */
#define ACC_READ	0x1
#define ACC_WRITE	0x2
#define ACC_EXEC	0x4
#define ACC_USER	0x8	/* made from user mode */
#define ACC_AD		0x10	/* a real access: set accessed/dirty bits */
/*
 * A translation probe (the translate command, an AT instruction), not an
 * access: a mapping an access would fault on (access_fault) translates,
 * and is not cached in the TLB.
 */
#define ACC_PROBE	0x20

struct walk_step {
	u8 lvl;			/* enum pt_lvl */
	u16 index;
	u64 table;		/* table base (physical) */
	u64 entry_pa;		/* table + index * esize */
	u64 entry;		/* raw (hardware) entry */
	struct pte_decode d;
};

struct walk {
	u64 va;
	u64 root;
	u64 pa;			/* valid when fault == WF_NONE */
	u8 nsteps;
	u8 fault;		/* enum walk_fault */
	u8 fault_lvl;		/* level of the fault (enum pt_lvl) */
	u8 shift;		/* page size of the translation */
	u16 perm;		/* effective P_* rights (AND of all levels) */
	u32 attr;		/* leaf attributes */
	u64 fault_info;		/* reserved bits / bad table address */
	/*
	 * A translation that exists (fault == WF_NONE) but that an access
	 * would still fault on, for the kernel to fix: WF_ACCESS_FLAG (arm64:
	 * the access flag is clear and the CPU does not set it), or
	 * WF_NOT_PRESENT (arm: the hardware entry is empty while Linux's own
	 * PTE maps the page, old: young emulation).  WF_NONE otherwise.
	 */
	u8 access_fault;
	struct walk_step step[NR_LEVELS];
};

/* Walk from root.  Returns walk->fault (0 = translated). */
int mmu_walk(const struct mmu *mmu, struct phys *ph, u64 root, u64 va,
	     struct walk *w);
/* Which root register translates va (0, or 1 for arm64 TTBR1). */
static inline int
mmu_root_index(const struct mmu *mmu, u64 va)
{
	return mmu->split_roots ? (int)(va >> 63) : 0;
}
/* The P_* right an access needs. */
static inline u16
acc_need(unsigned acc)
{
	u16 need;

	if (acc & ACC_EXEC)
		need = P_KX;
	else if (acc & ACC_WRITE)
		need = P_KW;
	else
		need = P_KR;
	return (acc & ACC_USER) ? (u16)(need << 3) : need;
}

/*
 * Building the level table (arch setup): a walked level, a folded one
 * (a copy of `into` with no index bits), then mmu_finish_levels() names
 * the levels, orders the walk and lists the leaf sizes;
 * mmu_fast_geometry() copies the walk geometry into the fast walk.
 */
void mmu_level(struct mmu *mmu, int lvl, const char *hw, unsigned shift,
	       unsigned bits, unsigned esize, unsigned leaf_shift);
void mmu_fold(struct mmu *mmu, int lvl, int into);
void mmu_finish_levels(struct mmu *mmu);
void mmu_fast_geometry(struct mmu *mmu);

/* Number of levels walked and a "10/10/12"-style split. */
void mmu_split(const struct mmu *mmu, struct strbuf *sb);

#endif
