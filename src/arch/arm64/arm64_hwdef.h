/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * arm64 private definitions: VMSAv8-64 stage 1 descriptors with the 4K
 * granule (arch/arm64/include/asm/pgtable-hwdef.h) and Linux's software
 * bits and protections (pgtable-prot.h), as in Linux 6.1.
 */
#ifndef PTWALK_ARCH_ARM64_HWDEF_H
#define PTWALK_ARCH_ARM64_HWDEF_H

#include "ptwalk/types.h"

/* descriptor type: bits[1:0] */
#define PTE_VALID		BIT(0)
#define PTE_TABLE_BIT		BIT(1)	/* L0-L2: table, L3: page */
#define PTE_TYPE_MASK		3ULL
#define PTE_TYPE_PAGE		3ULL
#define PMD_TYPE_TABLE		3ULL
#define PMD_TYPE_SECT		1ULL	/* block */

/* lower attributes of blocks and pages */
#define PTE_ATTRINDX(t)		((u64)(t) << 2)
#define PTE_ATTRINDX_MASK	(7ULL << 2)
#define PTE_NS			BIT(5)
#define PTE_USER		BIT(6)	/* AP[1]: EL0 access */
#define PTE_RDONLY		BIT(7)	/* AP[2]: read-only */
#define PTE_SHARED		(3ULL << 8)	/* SH[1:0] = inner shareable */
#define PTE_SH_MASK		(3ULL << 8)
#define PTE_AF			BIT(10)	/* access flag */
#define PTE_NG			BIT(11)	/* not global */
/* upper attributes */
#define PTE_GP			BIT(50)	/* BTI guarded page */
#define PTE_DBM			BIT(51)	/* dirty bit modifier */
#define PTE_CONT		BIT(52)	/* contiguous hint */
#define PTE_PXN			BIT(53)	/* privileged execute never */
#define PTE_UXN			BIT(54)	/* user execute never */
#define PTE_ADDR_MASK		GENMASK(47, 12)

/* Linux software bits (pgtable-prot.h) */
#define PTE_WRITE		PTE_DBM
#define PTE_DIRTY		BIT(55)
#define PTE_SPECIAL		BIT(56)
#define PTE_DEVMAP		BIT(57)
#define PTE_PROT_NONE		BIT(58)	/* only when !PTE_VALID */
#define PMD_PRESENT_INVALID	BIT(59)	/* only when !PMD_SECT_VALID */

/* table descriptor attributes (hierarchical restrictions) */
#define PMD_TABLE_PXN		BIT(59)
#define PMD_TABLE_UXN		BIT(60)
#define PMD_TABLE_AP_NOEL0	BIT(61)	/* APTable[0]: no EL0 access below */
#define PMD_TABLE_AP_RO		BIT(62)	/* APTable[1]: no write below */
#define PMD_TABLE_NS		BIT(63)

/* MAIR_EL1 indices of Linux 6.1 (asm/memory.h) and their attributes */
#define MT_NORMAL		0
#define MT_NORMAL_TAGGED	1
#define MT_NORMAL_NC		2
#define MT_DEVICE_nGnRnE	3
#define MT_DEVICE_nGnRE		4
#define MAIR_ATTR_DEVICE_nGnRnE	0x00ULL
#define MAIR_ATTR_DEVICE_nGnRE	0x04ULL
#define MAIR_ATTR_NORMAL_NC	0x44ULL
#define MAIR_ATTR_NORMAL	0xffULL
#define MAIR_ATTRIDX(attr, idx)	((attr) << ((idx) * 8))

/* Linux protections (pgtable-prot.h), PTE_MAYBE_NG = 0: no KPTI */
#define _PROT_DEFAULT		(PTE_TYPE_PAGE | PTE_AF | PTE_SHARED)
#define PROT_NORMAL		(_PROT_DEFAULT | PTE_PXN | PTE_UXN | \
				 PTE_WRITE | PTE_ATTRINDX(MT_NORMAL))
#define PROT_DEVICE_nGnRE	(_PROT_DEFAULT | PTE_PXN | PTE_UXN | \
				 PTE_WRITE | PTE_ATTRINDX(MT_DEVICE_nGnRE))
#define A64_PAGE_KERNEL		PROT_NORMAL
#define A64_PAGE_KERNEL_RO	((PROT_NORMAL & ~PTE_WRITE) | PTE_RDONLY)
#define A64_PAGE_KERNEL_ROX	((PROT_NORMAL & ~(PTE_WRITE | PTE_PXN)) | \
				 PTE_RDONLY)
#define A64_PAGE_KERNEL_EXEC	(PROT_NORMAL & ~PTE_PXN)

/* TCR_EL1 fields (pgtable-hwdef.h) */
#define TCR_T0SZ(x)		((u64)(64 - (x)) << 0)
#define TCR_T1SZ(x)		((u64)(64 - (x)) << 16)
#define TCR_IRGN0_WBWA		(1ULL << 8)
#define TCR_ORGN0_WBWA		(1ULL << 10)
#define TCR_SH0_INNER		(3ULL << 12)
#define TCR_TG0_4K		(0ULL << 14)
#define TCR_A1			BIT(22)
#define TCR_IRGN1_WBWA		(1ULL << 24)
#define TCR_ORGN1_WBWA		(1ULL << 26)
#define TCR_SH1_INNER		(3ULL << 28)
#define TCR_TG1_4K		(2ULL << 30)
#define TCR_IPS_SHIFT		32
#define TCR_ASID16		BIT(36)
#define TCR_TBI0		BIT(37)
#define TCR_TBI1		BIT(38)
#define TCR_HA			BIT(39)
#define TCR_HD			BIT(40)
#define TCR_TBID1		BIT(52)
#define TCR_NFD1		BIT(54)	/* no non-faulting (SVE) walks of TTBR1 */

/* which hardware level (L0..L3) each Linux level is */
struct arm64_priv {
	u8 hwlvl[5];		/* indexed by enum pt_lvl */
};

/* The contiguous hint groups 16 entries: 64K of pages, 32M of blocks. */
#define CONT_PTES		16
#define CONT_PTE_SIZE		(CONT_PTES * PAGE_SIZE)
#define CONT_PMD_SIZE		(16 * (2ULL << 20))

#endif
