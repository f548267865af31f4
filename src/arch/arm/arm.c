// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM: the ARMv7 short-descriptor format (no LPAE) as the MMU walks
 * it, and Linux's view of it (arch/arm/include/asm/pgtable-2level.h).
 *
 * The hardware walks a 4096-entry first-level table (16K, VA[31:20]) whose
 * entries are faults, 1M sections, 16M supersections or pointers to
 * 256-entry second-level tables (1K, VA[19:12]) of 4K small and 64K large
 * pages.  Linux wants 4K page tables with bits the hardware lacks (young,
 * dirty, a software present bit), so it sees 2048 pgd entries of two
 * words (PGDIR_SHIFT 21, the pmd folded) and puts into one 4K page two
 * Linux tables of 512 entries and, 2048 bytes above them, the two hardware
 * tables that the pair of first-level words points at.  set_pte_ext()
 * (arch/arm/mm/proc-v7-2level.S) stores the Linux PTE and its hardware
 * translation; young and dirty are emulated by keeping the hardware entry
 * absent or read-only until the fault handler sets them.
 *
 * The walker here is the hardware one: levels pgd (first-level, "L1") and
 * pte (second-level, "L2").  Memory attributes are decoded with TEX remap
 * on (SCTLR.TRE = 1) and the PRRR/NMRR values Linux programs.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "arm.h"

/*
 * Decoding the hardware entries
 */

/* APX:AP[1:0] with SCTLR.AFE = 0 (ARMv7 ARM B3.7.1). */
static inline u16
arm_ap_perm(unsigned ap3, bool xn)
{
	static const u16 rw[8] = {
		[0] = 0,			/* no access */
		[1] = P_KR | P_KW,		/* kernel RW, user none */
		[2] = P_KR | P_KW | P_UR,	/* kernel RW, user RO */
		[3] = P_KR | P_KW | P_UR | P_UW,
		[4] = 0,			/* reserved */
		[5] = P_KR,			/* kernel RO, user none */
		[6] = P_KR | P_UR,		/* RO (deprecated encoding) */
		[7] = P_KR | P_UR,
	};
	u16 p = rw[ap3 & 7];

	if (!xn) {
		if (p & P_KR)
			p |= P_KX;
		if (p & P_UR)
			p |= P_UX;
	}
	return p;
}

/*
 * TEX remap: n = TEX[0]:C:B indexes PRRR/NMRR as Linux sets them
 * (PRRR 0xff0a81a8, NMRR 0x40e040e0): 0 strongly ordered, 1 normal
 * non-cacheable, 2 write-through, 3 write-back, 4 device, 5 and 6 strongly
 * ordered (unused), 7 write-back write-allocate.
 */
static inline u32
arm_mem_attr(unsigned n)
{
	switch (n & 7) {
	case 1:
		return P_WC;
	case 2: case 3: case 7:
		return 0;
	default:
		return P_NOCACHE;
	}
}

static void
arm_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	unsigned n;

	(void)mmu;
	d->attr = 0;
	d->bad = 0;
	d->shift = 0;
	d->perm = 0;
	d->addr = 0;
	if (lvl != LVL_PTE) {
		switch (e & PMD_TYPE_MASK) {
		case PMD_TYPE_FAULT:
			d->kind = PT_NONE;
			return;
		case PMD_TYPE_TABLE:
			d->kind = PT_TABLE;
			d->perm = P_PERM;	/* no PXN on Cortex-A9 */
			d->addr = e & 0xfffffc00ULL;
			return;
		case PMD_TYPE_SECT:
			break;
		default:
			/* 0b11: fine table on ARMv5, reserved without PXN */
			d->kind = PT_BAD;
			d->bad = PMD_TYPE_MASK;
			return;
		}
		d->kind = PT_LEAF;
		if (e & PMD_SECT_SUPER) {
			d->shift = SUPERSECTION_SHIFT;
			d->addr = (e & 0xff000000ULL) |
				(((e >> 20) & 0xf) << 32) |
				(((e >> 5) & 0xf) << 36);
		} else {
			d->shift = SECTION_SHIFT;
			d->addr = e & 0xfff00000ULL;
		}
		d->perm = arm_ap_perm((unsigned)(((e >> 13) & 4) |
						 ((e >> 10) & 3)),
				      e & PMD_SECT_XN);
		n = (unsigned)(((e >> 10) & 4) | ((e >> 2) & 3));
		d->attr = arm_mem_attr(n) |
			((e & PMD_SECT_nG) ? 0 : P_GLOBAL);
		return;
	}
	switch (e & PTE_TYPE_MASK) {
	case PTE_TYPE_FAULT:
		d->kind = PT_NONE;
		return;
	case PTE_TYPE_LARGE:
		d->kind = PT_LEAF;
		d->shift = 16;
		d->addr = e & 0xffff0000ULL;
		d->perm = arm_ap_perm((unsigned)(((e >> 7) & 4) |
						 ((e >> 4) & 3)),
				      e & PTE_LARGE_XN);
		n = (unsigned)(((e >> 10) & 4) | ((e >> 2) & 3));
		break;
	default:
		d->kind = PT_LEAF;
		d->shift = PAGE_SHIFT;
		d->addr = e & 0xfffff000ULL;
		d->perm = arm_ap_perm((unsigned)(((e >> 7) & 4) |
						 ((e >> 4) & 3)),
				      e & PTE_EXT_XN);
		n = (unsigned)(((e >> 4) & 4) | ((e >> 2) & 3));
		break;
	}
	d->attr = arm_mem_attr(n) | ((e & PTE_EXT_NG) ? 0 : P_GLOBAL);
}

static int
arm_va_check(const struct mmu *mmu, u64 va)
{
	(void)mmu;
	return (va >> 32) ? WF_VA_RANGE : WF_NONE;
}

/*
 * Linux's view: set_pte_ext() and the Linux PTE
 */

u64
arm_hw_pte(const struct arm_priv *ap, u64 pte, u64 va)
{
	u64 hw = pte & ~(GENMASK(9, 4) | PTE_TYPE_MASK);

	/* set_pte_at(): user mappings are tagged with the ASID */
	if (va < ap->task_size &&
	    (pte & (L_PTE_PRESENT | L_PTE_USER)) ==
	    (L_PTE_PRESENT | L_PTE_USER))
		hw |= PTE_EXT_NG;
	hw |= PTE_EXT_AP0 | PTE_TYPE_SMALL;
	if (pte & BIT(4))
		hw |= PTE_EXT_TEX(1);
	/* write access only once dirty: the first write faults */
	if ((pte & L_PTE_RDONLY) || !(pte & L_PTE_DIRTY))
		hw |= PTE_EXT_APX;
	if (pte & L_PTE_USER)
		hw |= PTE_EXT_AP1;
	if (pte & L_PTE_XN)
		hw |= PTE_EXT_XN;
	/* no hardware entry while old, not present or PROT_NONE */
	if (!(pte & L_PTE_YOUNG) || !(pte & L_PTE_PRESENT) ||
	    (ap->v->pte_none && (pte & L_PTE_NONE)))
		hw = 0;
	return hw & 0xffffffffULL;
}

static u64
arm_mem_pte(const struct arm_priv *ap, pgprot_t prot)
{
	u64 shared = ap->smp ? L_PTE_SHARED : 0;

	if (prot & (P_NOCACHE | P_UCMINUS))	/* ioremap: MT_DEVICE */
		return L_PTE_MT_DEV_SHARED | L_PTE_SHARED;
	if (prot & P_WC)			/* pgprot_writecombine() */
		return L_PTE_MT_BUFFERABLE | shared;
	/* the cache policy: write-allocate on SMP, else write-back */
	return (ap->smp ? L_PTE_MT_WRITEALLOC : L_PTE_MT_WRITEBACK) | shared;
}

static u64
arm_mem_sect(const struct arm_priv *ap, pgprot_t prot)
{
	u64 shared = ap->smp ? PMD_SECT_S : 0;

	if (prot & (P_NOCACHE | P_UCMINUS))	/* MT_DEVICE with TEX remap */
		return PMD_SECT_TEX(1) | PMD_SECT_S;
	if (prot & P_WC)
		return PMD_SECT_BUFFERABLE | shared;
	return (ap->smp ? PMD_SECT_WBWA : PMD_SECT_WB) | shared;
}

static u64
arm_mk_table(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	(void)mmu;
	(void)lvl;
	return (pa & 0xfffffc00ULL) | ((prot & (P_UR | P_UW | P_UX)) ?
				       _PAGE_USER_TABLE : _PAGE_KERNEL_TABLE);
}

static u64
arm_mk_leaf(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	const struct arm_priv *ap = mmu->priv;
	bool user = prot & (P_UR | P_UW | P_UX);
	bool wr = prot & (P_KW | P_UW);
	bool x = prot & (P_KX | P_UX);
	u64 v;

	if (lvl == LVL_PTE) {
		/* the Linux PTE; the hardware one comes from set_leaf */
		v = pa & 0xfffff000ULL;
		if (prot & P_PROTNONE)	/* PAGE_NONE: pgprot_user | XN | RDONLY */
			return v | L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_RDONLY |
				L_PTE_XN | arm_mem_pte(ap, 0) |
				(ap->v->pte_none ? L_PTE_NONE : 0);
		if (!(prot & P_PERM))
			return v;
		v |= L_PTE_PRESENT | arm_mem_pte(ap, prot);
		if (prot & P_YOUNG)
			v |= L_PTE_YOUNG;
		if (prot & P_DIRTY)
			v |= L_PTE_DIRTY;
		if (!wr)
			v |= L_PTE_RDONLY;
		if (user)
			v |= L_PTE_USER;
		if (!x)
			v |= L_PTE_XN;
		return v;
	}
	/* a 1M section: Linux writes the hardware bits itself */
	if ((prot & P_PROTNONE) || !(prot & P_PERM))
		return 0;
	v = (pa & 0xfff00000ULL) | PMD_TYPE_SECT | PMD_SECT_AP_WRITE |
		arm_mem_sect(ap, prot) |
		PMD_DOMAIN(user ? DOMAIN_USER : DOMAIN_KERNEL);
	if (user)
		v |= PMD_SECT_AP_READ;
	if (!wr)
		v |= PMD_SECT_APX;
	if (!x)
		v |= PMD_SECT_XN;
	return v;
}

static void
arm_sw_decode(const struct mmu *mmu, int lvl, u64 v, struct pte_decode *d)
{
	const struct arm_priv *ap = mmu->priv;
	u64 mt = v & L_PTE_MT_MASK;

	if (lvl != LVL_PTE) {
		arm_decode(mmu, lvl, v, d);
		return;
	}
	d->bad = 0;
	d->shift = PAGE_SHIFT;
	d->addr = v & 0xfffff000ULL;
	d->perm = 0;
	d->attr = 0;
	if (!(v & L_PTE_PRESENT)) {
		d->kind = PT_NONE;
		return;
	}
	d->kind = PT_LEAF;
	d->attr = P_PRESENT;
	if (v & L_PTE_YOUNG)
		d->attr |= P_YOUNG;
	if (v & L_PTE_DIRTY)
		d->attr |= P_DIRTY;
	if (mt == L_PTE_MT_UNCACHED || mt == L_PTE_MT_DEV_SHARED ||
	    mt == L_PTE_MT_DEV_NONSHARED)
		d->attr |= P_NOCACHE;
	else if (mt == L_PTE_MT_BUFFERABLE || mt == L_PTE_MT_DEV_WC)
		d->attr |= P_WC;
	if (ap->v->pte_none && (v & L_PTE_NONE)) {
		d->attr |= P_PROTNONE;
		return;
	}
	d->perm = P_KR;
	if (!(v & L_PTE_RDONLY))
		d->perm |= P_KW;
	if (v & L_PTE_USER)
		d->perm |= (d->perm & P_KW) ? P_UR | P_UW : P_UR;
	if (!(v & L_PTE_XN))
		d->perm |= (v & L_PTE_USER) ? P_KX | P_UX : P_KX;
}

/* The Linux copy of a hardware PTE lives 2048 bytes below it. */
static inline bool
has_linux_copy(u64 entry_pa)
{
	return (entry_pa & (PAGE_SIZE - 1)) >= PTE_HWTABLE_OFF;
}

static void
arm_set_leaf(struct machine *m, int lvl, u64 entry_pa, u64 val, u64 va)
{
	const struct arm_priv *ap = m->mmu.priv;

	if (lvl != LVL_PTE) {
		/* a section: nG for user mappings, as set_pte_at does */
		if (va < ap->task_size && (val & PMD_TYPE_MASK) ==
		    PMD_TYPE_SECT && (val & PMD_SECT_AP_READ))
			val |= PMD_SECT_nG;
		phys_write_entry(&m->phys, entry_pa, 4, val);
		return;
	}
	if (has_linux_copy(entry_pa))
		phys_write_entry(&m->phys, entry_pa - PTE_HWTABLE_OFF, 4, val);
	phys_write_entry(&m->phys, entry_pa, 4, arm_hw_pte(ap, val, va));
}

static u64
arm_get_leaf(struct machine *m, int lvl, u64 entry_pa)
{
	u64 v = 0;

	if (lvl == LVL_PTE && has_linux_copy(entry_pa))
		entry_pa -= PTE_HWTABLE_OFF;
	phys_read_entry(&m->phys, entry_pa, 4, &v);
	return v;
}

void
arm_pmd_populate(struct machine *m, u64 entry_pa, u64 pte_page,
		 u64 prot_l1)
{
	u64 pmd = entry_pa & ~7ULL;
	u64 v = (pte_page + PTE_HWTABLE_OFF) | prot_l1;

	/* __pmd_populate(): both words, hardware tables 0 and 1 */
	phys_write_entry(&m->phys, pmd, 4, v);
	phys_write_entry(&m->phys, pmd + 4, 4, v + 256 * 4);
}

static void
arm_populate(struct machine *m, int lvl, u64 entry_pa, u64 table_pa,
	     pgprot_t prot)
{
	u64 partner = entry_pa ^ 4, pv = 0;
	u64 prot_l1 = (prot & (P_UR | P_UW | P_UX)) ? _PAGE_USER_TABLE :
		_PAGE_KERNEL_TABLE;

	(void)lvl;
	phys_read_entry(&m->phys, partner, 4, &pv);
	if (pv == 0) {
		/* pmd_populate() for user tables, pmd_populate_kernel() */
		arm_pmd_populate(m, entry_pa, table_pa, prot_l1);
		return;
	}
	/*
	 * sim: the other word of the pair is in use (a section next to
	 * 4K pages, which Linux's create_mapping() never builds): link
	 * only this word's hardware table rather than lose that mapping.
	 */
	phys_write_entry(&m->phys, entry_pa, 4, (table_pa + PTE_HWTABLE_OFF +
			 ((entry_pa & 4) ? 256 * 4 : 0)) | prot_l1);
}

static u64
arm_table_size(const struct mmu *mmu, int lvl)
{
	(void)mmu;
	/* the pgd is 16K; one page holds a pair of Linux + hardware tables */
	return lvl == LVL_PTE ? PAGE_SIZE : 16 * KiB;
}

/*
 * Presentation
 */

static const char *const ap_names[8] = {
	"AP=00", "AP=01", "AP=10", "AP=11",
	"APX AP=00", "APX AP=01", "APX AP=10", "APX AP=11",
};
static const char *const tex_names[8] = {
	"TEX=0", "TEX=1", "TEX=2", "TEX=3", "TEX=4", "TEX=5", "TEX=6", "TEX=7",
};
static const char *const dom_names[16] = {
	"D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7",
	"D8", "D9", "D10", "D11", "D12", "D13", "D14", "D15",
};
static const char *const mt_names[16] = {
	"MT=UNCACHED", "MT=BUFFERABLE", "MT=WRITETHROUGH", "MT=WRITEBACK",
	"MT=DEV_SHARED", "MT=0x5", "MT=MINICACHE", "MT=WRITEALLOC",
	"MT=0x8", "MT=DEV_WC", "MT=0xa", "MT=DEV_CACHED",
	"MT=DEV_NONSHARED", "MT=0xd", "MT=0xe", "MT=0xf",
};

static int
arm_flag_names(const struct mmu *mmu, int lvl, u64 e, const char **n, int max)
{
	int k = 0;

#define ADD(c, s) do { if ((c) && k < max) n[k++] = (s); } while (0)
	(void)mmu;
	if (lvl != LVL_PTE) {
		switch (e & PMD_TYPE_MASK) {
		case PMD_TYPE_FAULT:
			ADD(e != 0, "FAULT");
			break;
		case PMD_TYPE_TABLE:
			ADD(1, "TABLE");
			ADD(1, dom_names[(e >> 5) & 15]);
			ADD(e & BIT(3), "NS");
			ADD(e & PMD_BIT4, "BIT4");
			break;
		case PMD_TYPE_SECT:
			ADD(1, (e & PMD_SECT_SUPER) ? "SUPER" : "SECT");
			ADD(e & PMD_SECT_BUFFERABLE, "B");
			ADD(e & PMD_SECT_CACHEABLE, "C");
			ADD(1, ap_names[((e >> 13) & 4) | ((e >> 10) & 3)]);
			ADD((e >> 12) & 7, tex_names[(e >> 12) & 7]);
			ADD(e & PMD_SECT_S, "S");
			ADD(e & PMD_SECT_nG, "nG");
			ADD(e & PMD_SECT_XN, "XN");
			ADD(!(e & PMD_SECT_SUPER), dom_names[(e >> 5) & 15]);
			ADD(e & PMD_SECT_NS, "NS");
			break;
		default:
			ADD(1, "RESERVED");
			break;
		}
		return k;
	}
	switch (e & PTE_TYPE_MASK) {
	case PTE_TYPE_FAULT:
		ADD(e != 0, "FAULT");
		return k;
	case PTE_TYPE_LARGE:
		ADD(1, "LARGE");
		ADD(e & PTE_BUFFERABLE, "B");
		ADD(e & PTE_CACHEABLE, "C");
		ADD(1, ap_names[((e >> 7) & 4) | ((e >> 4) & 3)]);
		ADD((e >> 12) & 7, tex_names[(e >> 12) & 7]);
		ADD(e & PTE_EXT_SHARED, "S");
		ADD(e & PTE_EXT_NG, "nG");
		ADD(e & PTE_LARGE_XN, "XN");
		return k;
	default:
		ADD(1, "SMALL");
		ADD(e & PTE_BUFFERABLE, "B");
		ADD(e & PTE_CACHEABLE, "C");
		ADD(1, ap_names[((e >> 7) & 4) | ((e >> 4) & 3)]);
		ADD((e >> 6) & 7, tex_names[(e >> 6) & 7]);
		ADD(e & PTE_EXT_SHARED, "S");
		ADD(e & PTE_EXT_NG, "nG");
		ADD(e & PTE_EXT_XN, "XN");
		return k;
	}
#undef ADD
}

#define F_AP "access: APX:AP 001 kernel RW, 010 +user RO, 011 +user RW, " \
	"101 kernel RO, 111 kernel+user RO, 000 none"
#define F_TEX "TEX[0] is bit 2 of the memory-type index TEX[0]:C:B " \
	"(TEX remap); TEX[2:1] are left to the OS"
#define F_DOM "domain (DACR: 0 kernel, 1 user, 2 io, 3 vectors; all " \
	"clients, so AP decides)"

static const struct bitfield f_l1_fault[] = {
	{ 0, 1, "TYPE", "0b00: fault: any access to this 1M aborts", NULL },
	{ 2, 31, "IGN", "ignored by the MMU", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l1_table[] = {
	{ 0, 1, "TYPE", "0b01: page table: a 256-entry second-level table",
	  NULL },
	{ 2, 2, "PXN", "privileged execute-never (SBZ on Cortex-A9)", "-" },
	{ 3, 3, "NS", "non-secure table", "secure" },
	{ 4, 4, "BIT4", "SBZ on ARMv7; Linux's PMD_BIT4 (needed up to ARMv5)",
	  "-" },
	{ 5, 8, "DOMAIN", F_DOM, NULL },
	{ 9, 9, "IMP", "implementation defined (ECC on ARMv5)", "-" },
	{ 10, 31, "ADDR", "second-level table address bits 31:10 (1K "
	  "aligned; Linux's tables sit at +2048 and +3072 in a page)", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l1_sect[] = {
	{ 0, 1, "TYPE", "0b10: section: maps 1M", NULL },
	{ 2, 2, "B", "bufferable: memory-type index bit 0", "-" },
	{ 3, 3, "C", "cacheable: memory-type index bit 1", "-" },
	{ 4, 4, "XN", "execute never", "executable" },
	{ 5, 8, "DOMAIN", F_DOM, NULL },
	{ 9, 9, "IMP", "implementation defined (ECC on ARMv5)", "-" },
	{ 10, 11, "AP[1:0]", F_AP, NULL },
	{ 12, 14, "TEX", F_TEX, NULL },
	{ 15, 15, "APX", "AP[2]: read-only", "writable where AP[1:0] allow" },
	{ 16, 16, "S", "shareable", "non-shareable" },
	{ 17, 17, "nG", "not global: matches only its ASID", "global: "
	  "matches every ASID" },
	{ 18, 18, "SUPER", "supersection (16M)", "section (1M)" },
	{ 19, 19, "NS", "non-secure", "secure" },
	{ 20, 31, "BASE", "section base: physical address bits 31:20", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l1_super[] = {
	{ 0, 1, "TYPE", "0b10: section; with bit 18 a supersection (16M)",
	  NULL },
	{ 2, 2, "B", "bufferable: memory-type index bit 0", "-" },
	{ 3, 3, "C", "cacheable: memory-type index bit 1", "-" },
	{ 4, 4, "XN", "execute never", "executable" },
	{ 5, 8, "PA39:36", "extended base: PA bits 39:36 (domain 0 implied; "
	  "the Cortex-A9 has no such bits)", NULL },
	{ 9, 9, "IMP", "implementation defined", "-" },
	{ 10, 11, "AP[1:0]", F_AP, NULL },
	{ 12, 14, "TEX", F_TEX, NULL },
	{ 15, 15, "APX", "AP[2]: read-only", "writable where AP[1:0] allow" },
	{ 16, 16, "S", "shareable", "non-shareable" },
	{ 17, 17, "nG", "not global: matches only its ASID", "global: "
	  "matches every ASID" },
	{ 18, 18, "SUPER", "supersection (16M): repeated in 16 consecutive "
	  "entries", "section (1M)" },
	{ 19, 19, "NS", "non-secure", "secure" },
	{ 20, 23, "PA35:32", "extended base: PA bits 35:32 (the Cortex-A9 "
	  "has no such bits)", NULL },
	{ 24, 31, "BASE", "supersection base: physical address bits 31:24",
	  NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l1_reserved[] = {
	{ 0, 1, "TYPE", "0b11: reserved (a fine table on ARMv5; a PXN section "
	  "on CPUs with PXN): a translation fault here", NULL },
	{ 2, 31, "IGN", "not interpreted", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l2_fault[] = {
	{ 0, 1, "TYPE", "0b00: fault: any access to this 4K aborts (Linux "
	  "writes 0 while the page is old, absent or PROT_NONE)", NULL },
	{ 2, 31, "IGN", "ignored by the MMU", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l2_small[] = {
	{ 0, 0, "XN", "execute never", "executable" },
	{ 1, 1, "SMALL", "small page (4K)", "-" },
	{ 2, 2, "B", "bufferable: memory-type index bit 0", "-" },
	{ 3, 3, "C", "cacheable: memory-type index bit 1", "-" },
	{ 4, 5, "AP[1:0]", F_AP, NULL },
	{ 6, 8, "TEX", F_TEX, NULL },
	{ 9, 9, "APX", "AP[2]: read-only (Linux: RDONLY, or not yet dirty)",
	  "writable where AP[1:0] allow" },
	{ 10, 10, "S", "shareable", "non-shareable" },
	{ 11, 11, "nG", "not global: matches only its ASID (user page)",
	  "global: matches every ASID (kernel page)" },
	{ 12, 31, "BASE", "page base: physical address bits 31:12", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_l2_large[] = {
	{ 0, 1, "TYPE", "0b01: large page (64K): repeated in 16 consecutive "
	  "entries", NULL },
	{ 2, 2, "B", "bufferable: memory-type index bit 0", "-" },
	{ 3, 3, "C", "cacheable: memory-type index bit 1", "-" },
	{ 4, 5, "AP[1:0]", F_AP, NULL },
	{ 6, 8, "SBZ", "should be zero", NULL },
	{ 9, 9, "APX", "AP[2]: read-only", "writable where AP[1:0] allow" },
	{ 10, 10, "S", "shareable", "non-shareable" },
	{ 11, 11, "nG", "not global: matches only its ASID", "global" },
	{ 12, 14, "TEX", F_TEX, NULL },
	{ 15, 15, "XN", "execute never", "executable" },
	{ 16, 31, "BASE", "large page base: physical address bits 31:16",
	  NULL },
	{ 0, 0, NULL, NULL, NULL },
};

static const struct bitfield *
arm_fields(const struct mmu *mmu, int lvl, u64 e)
{
	(void)mmu;
	if (lvl != LVL_PTE) {
		switch (e & PMD_TYPE_MASK) {
		case PMD_TYPE_FAULT:
			return f_l1_fault;
		case PMD_TYPE_TABLE:
			return f_l1_table;
		case PMD_TYPE_SECT:
			return (e & PMD_SECT_SUPER) ? f_l1_super : f_l1_sect;
		default:
			return f_l1_reserved;
		}
	}
	switch (e & PTE_TYPE_MASK) {
	case PTE_TYPE_FAULT:
		return f_l2_fault;
	case PTE_TYPE_LARGE:
		return f_l2_large;
	default:
		return f_l2_small;
	}
}

#define F_MT "L_PTE_MT_*: memory type XXCB: 0x0 uncached, 0x1 bufferable, " \
	"0x2 writethrough, 0x3 writeback, 0x4 dev_shared, 0x7 writealloc, " \
	"0x9 dev_wc, 0xb dev_cached, 0xc dev_nonshared; bits 2-4 reach " \
	"the hardware as B, C, TEX[0]"

static const struct bitfield f_linux_pte_3x[] = {
	{ 0, 0, "PRESENT", "L_PTE_PRESENT: pte_present()", "-" },
	{ 1, 1, "YOUNG", "L_PTE_YOUNG: accessed (the hardware entry exists "
	  "only while young)", "old: hardware entry 0, the next access "
	  "faults and makes it young" },
	{ 2, 5, "MT", F_MT, NULL },
	{ 6, 6, "DIRTY", "L_PTE_DIRTY: written (hardware write access only "
	  "once dirty)", "clean: the hardware entry is read-only, the first "
	  "write faults and makes it dirty" },
	{ 7, 7, "RDONLY", "L_PTE_RDONLY: read-only", "writable" },
	{ 8, 8, "USER", "L_PTE_USER: user accessible (hardware AP[1])",
	  "kernel only" },
	{ 9, 9, "XN", "L_PTE_XN: execute never", "executable" },
	{ 10, 10, "SHARED", "L_PTE_SHARED: shareable (SMP)", "non-shareable" },
	{ 11, 11, "-", "unused in 3.x (L_PTE_NONE from 3.8)", "-" },
	{ 12, 31, "PFN", "page frame: physical address bits 31:12", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_linux_pte_5x[] = {
	{ 0, 0, "VALID", "L_PTE_PRESENT / L_PTE_VALID: pte_present()", "-" },
	{ 1, 1, "YOUNG", "L_PTE_YOUNG: accessed (the hardware entry exists "
	  "only while young)", "old: hardware entry 0, the next access "
	  "faults and makes it young" },
	{ 2, 5, "MT", F_MT, NULL },
	{ 6, 6, "DIRTY", "L_PTE_DIRTY: written (hardware write access only "
	  "once dirty)", "clean: the hardware entry is read-only, the first "
	  "write faults and makes it dirty" },
	{ 7, 7, "RDONLY", "L_PTE_RDONLY: read-only", "writable" },
	{ 8, 8, "USER", "L_PTE_USER: user accessible (hardware AP[1])",
	  "kernel only" },
	{ 9, 9, "XN", "L_PTE_XN: execute never", "executable" },
	{ 10, 10, "SHARED", "L_PTE_SHARED: shareable (SMP)", "non-shareable" },
	{ 11, 11, "NONE", "L_PTE_NONE: PROT_NONE, the hardware entry stays 0",
	  "-" },
	{ 12, 31, "PFN", "page frame: physical address bits 31:12", NULL },
	{ 0, 0, NULL, NULL, NULL },
};

/* Linux PTEs that are not present: none, swap and (3.x) file entries */
static const struct bitfield f_linux_none[] = {
	{ 0, 31, "NONE", "pte_none(): nothing mapped; a fault asks the VMA",
	  NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_linux_swap_3x[] = {
	{ 0, 0, "PRESENT", "-", "not present" },
	{ 1, 1, "-", "-", "-" },
	{ 2, 2, "FILE", "-", "not a file entry: a swap entry" },
	{ 3, 7, "TYPE", "swap type: which swap area (__swp_type)", NULL },
	{ 8, 31, "OFFSET", "page offset in the swap area (__swp_offset)",
	  NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_linux_file_3x[] = {
	{ 0, 0, "PRESENT", "-", "not present" },
	{ 1, 1, "-", "-", "-" },
	{ 2, 2, "FILE", "L_PTE_FILE: a nonlinear file mapping entry", "-" },
	{ 3, 31, "PGOFF", "page offset in the file (pte_to_pgoff)", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_linux_swap_5x[] = {
	{ 0, 0, "VALID", "-", "not present: a swap entry" },
	{ 1, 1, "-", "-", "-" },
	{ 2, 6, "TYPE", "swap type: which swap area (__swp_type)", NULL },
	{ 7, 31, "OFFSET", "page offset in the swap area (__swp_offset)",
	  NULL },
	{ 0, 0, NULL, NULL, NULL },
};

static const struct bitfield *
arm_sw_fields(const struct mmu *mmu, int lvl, u64 v)
{
	const struct arm_priv *ap = mmu->priv;

	if (lvl != LVL_PTE)
		return arm_fields(mmu, lvl, v);
	if (v == 0)
		return f_linux_none;
	if (!(v & L_PTE_PRESENT)) {
		if (ap->v->pte_none)
			return f_linux_swap_5x;
		return (v & L_PTE_FILE) ? f_linux_file_3x : f_linux_swap_3x;
	}
	return ap->v->pte_none ? f_linux_pte_5x : f_linux_pte_3x;
}

/* "PRESENT YOUNG DIRTY USER MT=WRITEALLOC SHARED" */
static void
linux_pte_flags(const struct arm_priv *ap, u64 v, struct strbuf *sb)
{
	size_t start = sb->len;

#define ADD(c, s) do { if (c) sb_addf(sb, "%s%s", sb->len > start ? \
				       " " : "", s); } while (0)
	ADD(v & L_PTE_PRESENT, "PRESENT");
	ADD(v & L_PTE_YOUNG, "YOUNG");
	ADD(v & L_PTE_DIRTY, "DIRTY");
	ADD(v & L_PTE_RDONLY, "RDONLY");
	ADD(v & L_PTE_USER, "USER");
	ADD(v & L_PTE_XN, "XN");
	ADD(v & L_PTE_SHARED, "SHARED");
	ADD(ap->v->pte_none && (v & L_PTE_NONE), "NONE");
	ADD(v & L_PTE_PRESENT, mt_names[(v & L_PTE_MT_MASK) >> 2]);
	ADD(!(v & L_PTE_PRESENT) && (v & L_PTE_FILE) && !ap->v->pte_none,
	    "FILE");
	if (sb->len == start)
		sb_adds(sb, "-");
#undef ADD
}

/* Why the hardware entry is what it is (or is 0). */
static const char *
hw_reason(const struct arm_priv *ap, u64 lv, u64 hw)
{
	if (lv == 0)
		return hw ? "no Linux PTE, yet a hardware entry" :
			"pte_none: nothing mapped";
	if (!(lv & L_PTE_PRESENT))
		return (!ap->v->pte_none && (lv & L_PTE_FILE)) ?
			"not present: a file entry" :
			"not present: a swap entry";
	if (ap->v->pte_none && (lv & L_PTE_NONE))
		return "PROT_NONE: no hardware entry";
	if (!(lv & L_PTE_YOUNG))
		return "old: no hardware entry until the next access faults";
	if (!(lv & L_PTE_RDONLY) && !(lv & L_PTE_DIRTY))
		return "writable but clean: hardware read-only until the "
			"first write faults";
	return NULL;
}

static void
arm_step_note(struct machine *m, int lvl, u64 entry_pa, u64 entry,
	      struct strbuf *sb)
{
	const struct arm_priv *ap = m->mmu.priv;
	u64 lpa, lv = 0, want;
	const char *why;

	if (lvl != LVL_PTE) {
		unsigned idx = (unsigned)((entry_pa & 0x3fff) >> 2);

		sb_addf(sb, "                  linux pgd[%u] (va >> 21) = "
			"first-level words %u,%u; pmd folded\n", idx >> 1,
			idx & ~1u, idx | 1u);
		return;
	}
	if (!has_linux_copy(entry_pa)) {
		sb_addf(sb, "                  no Linux copy: this table is "
			"not in the upper half of a Linux PTE page\n");
		return;
	}
	lpa = entry_pa - PTE_HWTABLE_OFF;
	phys_read_entry(&m->phys, lpa, 4, &lv);
	sb_addf(sb, "                  linux pte[%u] @0x%08llx = 0x%08llx  ",
		(unsigned)((lpa & (PAGE_SIZE - 1)) >> 2),
		(unsigned long long)lpa, (unsigned long long)lv);
	linux_pte_flags(ap, lv, sb);
	sb_addc(sb, '\n');
	/* set_pte_ext() of this Linux PTE (nG as the entry has it) */
	want = arm_hw_pte(ap, lv, (entry & PTE_EXT_NG) ? 0 : ap->task_size);
	if (want != entry && !(want == (entry & ~PTE_EXT_NG) &&
			       (entry & PTE_EXT_NG)))
		sb_addf(sb, "                  (set_pte_ext of it would write "
			"0x%08llx: the hardware copy was changed behind "
			"Linux's back)\n", (unsigned long long)want);
	why = hw_reason(ap, lv, entry);
	if (why != NULL)
		sb_addf(sb, "                  %s\n", why);
}

static void
arm_describe(const struct mmu *mmu, struct strbuf *sb)
{
	sb_adds(sb, "arm short-descriptor paging (");
	mmu_split(mmu, sb);
	sb_adds(sb, "), first-level table L1, second-level L2");
}

/* EM_ARM: mapping symbols, Thumb functions at odd addresses */
static const struct arch_elf arm_elf = {
	.name = "EM_ARM (arm)",
	.hint = "--arch arm",
	.mapping_symbols = true,
	.thumb_bit = true,
	.prstatus_pid = 24,
	.uts_machine = "arm",
	.elf_class = ELFCLASS32,
};

const struct arch arch_arm = {
	.name = "arm",
	.vmalloc_param = true,
	.summary = "32-bit ARMv7 (Cortex-A9), short descriptors (12/8/12), "
		"1M sections, Linux's paired PTE tables",
	.profiles = arm_profiles,
	.dis = &arm_disasm,
	.is64 = false,
	.dma_minalign = 64,	/* L1_CACHE_BYTES: ARM_L1_CACHE_SHIFT 6 (v7) */
	.va_digits = 8,
	.pa_digits = 8,
	.elf_machine = EM_ARM,
	.elf = &arm_elf,
	.features = 0,
	.features_ok = 0,
	.mem_default = 1 * GiB,
	/* below 4G from PHYS_OFFSET 0x60000000 */
	.mem_max = (1ULL << 32) - 0x60000000ULL,
	.mem_max_why = "without LPAE physical addresses have 32 bits and RAM "
		"starts at PHYS_OFFSET 0x60000000, so 2.5G is all that fits "
		"below 4G",
	.ram_base = 0x60000000ULL,
	/* Cortex-A9 main TLB: 128 entries, 2-way (64-512 by configuration) */
	.tlb_entries = 128,
	.tlb_ways = 2,
	.root_name = { "ttbr0", NULL },
	.tag_name = "ASID",
	.reg_names = { "ttbcr", "dacr", "contextidr", "prrr", "nmrr" },
	.mmu_init = arm_mmu_init,
	.setup = arm_setup,
	.image_match = arm_image_match,
	.image_setup = arm_image_setup,
	.gdb_arch = "arm",
	.gdb_regs = { "TTBCR", "DACR", "CONTEXTIDR_EL1|CONTEXTIDR",
		      "MAIR0|PRRR", "MAIR1|NMRR", "TTBR0_EL1|TTBR0",
		      "TTBR1_EL1|TTBR1", "SCTLR" },
	.gdb_need = 8,
	.gdb_elf_machine = arm_gdb_elf_machine,
	.gdb_root = arm_gdb_root,
	.gdb_mmu_off = arm_gdb_mmu_off,
	.image_mmu = arm_image_mmu,
	.root_plausible = arm_root_plausible,
	.save_notes = arm_save_notes,
	.save_vmcoreinfo = arm_save_vmcoreinfo,
	.paging_init = arm_paging_init,
	.mm = &arm_mm,
	.words = &arm_words,
	.decode = arm_decode,
	.va_check = arm_va_check,
	.mk_table = arm_mk_table,
	.mk_leaf = arm_mk_leaf,
	.sw_decode = arm_sw_decode,
	.set_leaf = arm_set_leaf,
	.get_leaf = arm_get_leaf,
	.populate = arm_populate,
	.table_size = arm_table_size,
	.update_ad = NULL,	/* no hardware accessed/dirty: Linux emulates */
	.flag_names = arm_flag_names,
	.fields = arm_fields,
	.sw_fields = arm_sw_fields,
	.step_note = arm_step_note,
	.describe = arm_describe,
};
