// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64: VMSAv8-64 stage 1 translation with the 4K granule, as Linux 6.1
 * uses it: 48-bit VA with 4 levels (L0..L3) or 39-bit VA with 3 (L1..L3),
 * TTBR0 for user space and TTBR1 for the kernel, table / block / page
 * descriptors.  Descriptor bits as in arch/arm64/include/asm/
 * pgtable-hwdef.h, Linux's software bits and protections as in
 * pgtable-prot.h.  Layout and boot tables in init.c.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "arm64.h"
#include "arm64_hwdef.h"

static inline unsigned
hwlvl(const struct mmu *mmu, int lvl)
{
	return ((const struct arm64_priv *)mmu->priv)->hwlvl[lvl];
}

/*
 * Decoding
 */

/*
 * Data access rights of AP[2:1] (ARM ARM D5.4: stage 1, EL1&0): AP[1]
 * gives EL0 the same access as EL1, AP[2] makes both read-only.  A page
 * writable at EL0 is never executable at EL1.  With TCR_EL1.HD a
 * read-only page with DBM set is "writable-clean": a write succeeds and
 * the hardware clears AP[2].
 */
static inline u16
arm64_leaf_perm(const struct mmu *mmu, u64 e)
{
	bool ro = e & PTE_RDONLY, user = e & PTE_USER;
	bool wr = !ro || ((e & PTE_DBM) && (mmu->features & F_HAFDBS));
	u16 p = P_KR;

	if (wr)
		p |= P_KW;
	if (user) {
		p |= P_UR;
		if (wr)
			p |= P_UW;
	}
	if (!(e & PTE_UXN))
		p |= P_UX;
	if (!(e & PTE_PXN) && !(user && !ro))
		p |= P_KX;
	return p;
}

/*
 * What a table descriptor takes away from everything below it, indexed by
 * bits 62:59: APTable[1] (no write), APTable[0] (no EL0), UXNTable,
 * PXNTable.
 */
#define TP_(pxn, uxn, noel0, ro) ((u16)(P_PERM & \
	~((pxn) ? P_KX : 0) & ~((uxn) ? P_UX : 0) & \
	~((noel0) ? (P_UR | P_UW) : 0) & ~((ro) ? (P_KW | P_UW) : 0)))
static const u16 table_perm[16] = {
	TP_(0, 0, 0, 0), TP_(1, 0, 0, 0), TP_(0, 1, 0, 0), TP_(1, 1, 0, 0),
	TP_(0, 0, 1, 0), TP_(1, 0, 1, 0), TP_(0, 1, 1, 0), TP_(1, 1, 1, 0),
	TP_(0, 0, 0, 1), TP_(1, 0, 0, 1), TP_(0, 1, 0, 1), TP_(1, 1, 0, 1),
	TP_(0, 0, 1, 1), TP_(1, 0, 1, 1), TP_(0, 1, 1, 1), TP_(1, 1, 1, 1),
};
#undef TP_

static inline u16
arm64_table_perm(u64 e)
{
	return table_perm[(e >> 59) & 15];
}

static inline u32
arm64_attr(int lvl, u64 e)
{
	u32 a = 0;
	unsigned idx = (unsigned)((e & PTE_ATTRINDX_MASK) >> 2);

	if (!(e & PTE_NG))
		a |= P_GLOBAL;
	if (e & PTE_AF)
		a |= P_YOUNG;
	/* pte_dirty(): software dirty, or hardware dirty (DBM, AP[2] clear) */
	if ((e & PTE_DIRTY) || ((e & PTE_DBM) && !(e & PTE_RDONLY)))
		a |= P_DIRTY;
	if (idx == MT_NORMAL_NC)
		a |= P_WC;
	else if (idx != MT_NORMAL && idx != MT_NORMAL_TAGGED)
		a |= P_NOCACHE;
	if (lvl == LVL_PTE && (e & PTE_SPECIAL))
		a |= P_SPECIAL;
	return a;
}

static void
arm64_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	u64 rsvd;
	unsigned shift;

	d->attr = 0;
	d->bad = 0;
	d->shift = 0;
	d->perm = 0;
	d->addr = 0;
	if (!(e & PTE_VALID)) {
		d->kind = PT_NONE;
		return;
	}
	if (lvl != LVL_PTE && (e & PTE_TABLE_BIT)) {
		/* next-level table address: bits 47:12, 51:48 RES0 */
		rsvd = mmu->rsvd_table[lvl];
		if (unlikely(e & rsvd)) {
			d->kind = PT_BAD;
			d->bad = e & rsvd;
			return;
		}
		d->kind = PT_TABLE;
		d->perm = arm64_table_perm(e);
		d->addr = e & PTE_ADDR_MASK;
		return;
	}
	if (lvl == LVL_PTE) {
		if (unlikely(!(e & PTE_TABLE_BIT))) {
			/* 0b01 is reserved at L3 */
			d->kind = PT_BAD;
			d->bad = e & PTE_TYPE_MASK;
			return;
		}
		shift = PAGE_SHIFT;
	} else {
		shift = mmu->lv[lvl].leaf_shift;
		if (unlikely(shift == 0)) {
			/* no blocks at L0 with the 4K granule */
			d->kind = PT_BAD;
			d->bad = e & PTE_TYPE_MASK;
			return;
		}
	}
	/* output address beyond the PA size: address size fault */
	rsvd = mmu->rsvd_leaf[lvl];
	if (unlikely(e & rsvd)) {
		d->kind = PT_BAD;
		d->bad = e & rsvd;
		return;
	}
	d->kind = PT_LEAF;
	d->shift = (u8)shift;
	d->addr = e & GENMASK(47, shift);
	d->perm = arm64_leaf_perm(mmu, e);
	d->attr = arm64_attr(lvl, e);
}

/*
 * TTBR0 translates addresses whose bits 63..VA_BITS are all 0, TTBR1 those
 * where they are all 1 (T0SZ = T1SZ = 64 - VA_BITS); anything else is a
 * translation fault at the first level.
 */
static int
arm64_va_check(const struct mmu *mmu, u64 va)
{
	u64 top = va >> mmu->va_bits;

	if (top == 0 || top == (~0ULL >> mmu->va_bits))
		return WF_NONE;
	return WF_VA_RANGE;
}

/*
 * The Linux view of an entry (pte_present, pte_write, pte_dirty ...): a
 * PROT_NONE pte is present to Linux though not valid to the MMU, and
 * "writable" means PTE_WRITE (DBM), whatever AP[2] says.
 */
static void
arm64_sw_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	arm64_decode(mmu, lvl, e, d);
	if (d->kind == PT_LEAF) {
		d->attr |= P_PRESENT;
		if (e & PTE_WRITE) {
			d->perm |= P_KW;
			if (e & PTE_USER)
				d->perm |= P_UW;
		}
		return;
	}
	if (d->kind == PT_NONE && ((lvl == LVL_PTE && (e & PTE_PROT_NONE)) ||
				   (lvl == LVL_PMD &&
				    (e & PMD_PRESENT_INVALID)))) {
		d->kind = PT_LEAF;
		d->shift = lvl == LVL_PTE ? PAGE_SHIFT : mmu->lv[lvl].leaf_shift;
		d->addr = e & GENMASK(47, d->shift);
		d->perm = 0;
		d->attr = arm64_attr(lvl, e) | P_PRESENT |
			((e & PTE_PROT_NONE) ? P_PROTNONE : 0);
	}
}

/*
 * Building entries
 */

/*
 * Table descriptors as Linux 6.1 writes them: user tables (pud_populate
 * and friends for a process mm) carry PXNTable, kernel ones (init_mm)
 * UXNTable, and PXNTable too when nothing below may execute
 * (NO_EXEC_MAPPINGS for the linear map).
 */
static u64
arm64_mk_table(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	u64 e = (pa & PTE_ADDR_MASK) | PMD_TYPE_TABLE;

	(void)mmu;
	(void)lvl;
	if (prot & (P_UR | P_UW | P_UX))
		return e | PMD_TABLE_PXN;
	e |= PMD_TABLE_UXN;
	if (!(prot & P_KX))
		e |= PMD_TABLE_PXN;
	return e;
}

/*
 * A leaf from a generic protection, the way pgtable-prot.h composes them:
 * _PROT_DEFAULT (AF, inner shareable), PTE_WRITE = DBM for writable
 * mappings, PTE_RDONLY for read-only and for clean writable user pages
 * (the first write faults, or with TCR_EL1.HD clears AP[2]), nG for
 * non-global, PXN on every user page, PTE_DIRTY on dirty user pages.
 * Kernel mappings are never clean: PAGE_KERNEL_RO carries no dirty bit.
 */
static u64
arm64_mk_leaf(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	bool user = prot & (P_UR | P_UW | P_UX);
	bool write = prot & (P_KW | P_UW);
	u64 e = (pa & mmu->pa_mask & PTE_ADDR_MASK) | PTE_SHARED;

	e |= lvl == LVL_PTE ? PTE_TYPE_PAGE : PMD_TYPE_SECT;
	if (prot & P_WC)
		e |= PTE_ATTRINDX(MT_NORMAL_NC);
	else if (prot & (P_NOCACHE | P_UCMINUS))
		e |= PTE_ATTRINDX(MT_DEVICE_nGnRE);
	else
		e |= PTE_ATTRINDX(MT_NORMAL);
	if (prot & P_YOUNG)
		e |= PTE_AF;
	if (prot & P_PROTNONE)
		/* PAGE_NONE: not valid, PTE_PROT_NONE for Linux */
		return (e & ~PTE_VALID) | PTE_PROT_NONE | PTE_RDONLY |
			PTE_NG | PTE_PXN | PTE_UXN;
	if (!(prot & P_PERM))
		e &= ~PTE_VALID;
	if (!(prot & P_GLOBAL))
		e |= PTE_NG;
	if (user)
		e |= PTE_USER | PTE_PXN;
	if (write) {
		e |= PTE_WRITE;
		if (user && !(prot & P_DIRTY))
			e |= PTE_RDONLY;
	} else {
		e |= PTE_RDONLY;
	}
	if (user && (prot & P_DIRTY))
		e |= PTE_DIRTY;
	if (!(prot & P_UX))
		e |= PTE_UXN;
	if (!(prot & P_KX))
		e |= PTE_PXN;
	if (lvl == LVL_PTE && (prot & P_SPECIAL))
		e |= PTE_SPECIAL;
	return e;
}

static u64
arm64_table_size(const struct mmu *mmu, int lvl)
{
	const struct pt_level *L = &mmu->lv[lvl];

	return (u64)L->esize << L->bits;
}

/*
 * Hardware access flag and dirty state (ARMv8.1 FEAT_HAFDBS, which Linux
 * enables with TCR_EL1.HA and .HD when the CPU has it): the walker sets AF
 * in the leaf it used, and a write to a DBM page clears AP[2].  Table
 * descriptors have no access flag.  Without the feature the walk faults
 * on AF = 0 (mmu->young_required) and a write to a clean page is a
 * permission fault that Linux resolves in software.
 */
static void
arm64_update_ad(const struct mmu *mmu, struct phys *ph, struct walk *w,
		unsigned acc)
{
	struct walk_step *s;
	u64 e;

	if (!(mmu->features & F_HAFDBS) || w->nsteps == 0)
		return;
	s = &w->step[w->nsteps - 1];
	if (s->d.kind != PT_LEAF)
		return;
	e = s->entry | PTE_AF;
	if ((acc & ACC_WRITE) && (e & PTE_DBM))
		e &= ~PTE_RDONLY;
	if (e == s->entry)
		return;
	s->entry = e;
	phys_write_entry(ph, s->entry_pa, 8, e);
}

/*
 * Presentation
 */

static const char *const mt_name[8] = {
	"MT_NORMAL", "MT_NORMAL_TAGGED", "MT_NORMAL_NC", "MT_DEVICE_nGnRnE",
	"MT_DEVICE_nGnRE", "5", "6", "7",
};
static const char *const ap_short[4] = {
	"AP=rw/--", "AP=rw/rw", "AP=r-/--", "AP=r-/r-",
};
static const char *const sh_short[4] = {
	"SH=NSH", "SH=01", "SH=OSH", "SH=ISH",
};
static const char *const aptable_short[4] = {
	NULL, "APTable=noEL0", "APTable=RO", "APTable=RO,noEL0",
};

static int
arm64_flag_names(const struct mmu *mmu, int lvl, u64 e, const char **n,
		 int max)
{
	int k = 0;

#define ADD(c, s) do { if ((c) && k < max) n[k++] = (s); } while (0)
	if (!(e & PTE_VALID)) {
		ADD(lvl == LVL_PTE && (e & PTE_PROT_NONE), "PROT_NONE");
		ADD(lvl == LVL_PMD && (e & PMD_PRESENT_INVALID),
		    "PRESENT_INVALID");
		return k;
	}
	ADD(1, "V");
	if (lvl != LVL_PTE && (e & PTE_TABLE_BIT)) {
		ADD(1, "TABLE");
		ADD(e & PMD_TABLE_PXN, "PXNTable");
		ADD(e & PMD_TABLE_UXN, "UXNTable");
		ADD(aptable_short[(e >> 61) & 3], aptable_short[(e >> 61) & 3]);
		ADD(e & PMD_TABLE_NS, "NSTable");
		return k;
	}
	if (lvl == LVL_PTE)
		ADD(1, (e & PTE_TABLE_BIT) ? "PAGE" : "RESERVED");
	else
		ADD(1, mmu->lv[lvl].leaf_shift ? "BLOCK" : "BLOCK@L0");
	ADD(e & PTE_AF, "AF");
	ADD(1, ap_short[(e >> 6) & 3]);
	ADD(1, sh_short[(e >> 8) & 3]);
	if (k < max)
		n[k++] = mt_name[(e >> 2) & 7];
	ADD(e & PTE_NS, "NS");
	ADD(e & PTE_NG, "nG");
	ADD(e & PTE_CONT, "Cont");
	ADD(e & PTE_DBM, "DBM");
	ADD(e & PTE_PXN, "PXN");
	ADD(e & PTE_UXN, "UXN");
	ADD(e & PTE_GP, "GP");
	ADD(e & PTE_DIRTY, "DIRTY");
	ADD(e & PTE_SPECIAL, "SPECIAL");
	ADD(e & PTE_DEVMAP, "DEVMAP");
#undef ADD
	return k;
}

static const char *const attr_meaning[8] = {
	"MT_NORMAL: MAIR 0xff, normal memory, write-back cacheable",
	"MT_NORMAL_TAGGED: MAIR 0xff (0xf0 with MTE), normal, tagged",
	"MT_NORMAL_NC: MAIR 0x44, normal non-cacheable (write-combining)",
	"MT_DEVICE_nGnRnE: MAIR 0x00, device, strongly ordered",
	"MT_DEVICE_nGnRE: MAIR 0x04, device with early write ack (ioremap)",
	"MAIR slot 5: unused by Linux (attribute 0x00, device-nGnRnE)",
	"MAIR slot 6: unused by Linux (attribute 0x00, device-nGnRnE)",
	"MAIR slot 7: unused by Linux (attribute 0x00, device-nGnRnE)",
};
static const char *const ap_meaning[4] = {
	"kernel read/write, user no access",
	"kernel read/write, user read/write (so never kernel-executable)",
	"kernel read-only, user no access",
	"kernel read-only, user read-only",
};
static const char *const sh_meaning[4] = {
	"non-shareable",
	"reserved encoding (treated as non-shareable)",
	"outer shareable",
	"inner shareable (Linux PTE_SHARED)",
};
static const char *const aptable_meaning[4] = {
	"no restriction below",
	"no user (EL0) access below",
	"no write access below, at any level of privilege",
	"no write and no user (EL0) access below",
};

static struct bitfield fbuf[32];
static int nfbuf;

/* One field, given as in the ARM ARM: high bit first. */
static void
fadd(unsigned hi, unsigned lo, const char *name, const char *meaning,
     const char *clear)
{
	struct bitfield *f = &fbuf[nfbuf++];

	f->lo = (u8)lo;
	f->hi = (u8)hi;
	f->name = name;
	f->meaning = meaning;
	f->clear = clear;
}

static void
fields_table(u64 e)
{
	fadd(0, 0, "V", "valid", "invalid: any access faults (translation "
	     "fault)");
	fadd(1, 1, "TYPE", "table descriptor: points to the next level",
	     "block descriptor");
	fadd(11, 2, "IGN", "ignored in a table descriptor", NULL);
	fadd(47, 12, "NLTA", "next-level table address (physical bits "
	     "47:12)", NULL);
	fadd(51, 48, "RES0", "must be 0 (else an address size fault)", NULL);
	fadd(58, 52, "IGN", "ignored by the MMU", NULL);
	fadd(59, 59, "PXNTable", "no kernel execution anywhere below", "-");
	fadd(60, 60, "UXNTable", "no user execution anywhere below", "-");
	fadd(62, 61, "APTable", aptable_meaning[(e >> 61) & 3], NULL);
	fadd(63, 63, "NSTable", "non-secure tables below (ignored at "
	     "non-secure EL1)", "-");
}

static void
fields_leaf(const struct mmu *mmu, int lvl, u64 e)
{
	unsigned shift = lvl == LVL_PTE ? PAGE_SHIFT :
		mmu->lv[lvl].leaf_shift;

	fadd(0, 0, "V", "valid", "invalid: any access faults (translation "
	     "fault)");
	if (lvl == LVL_PTE)
		fadd(1, 1, "TYPE", "page descriptor (0b11)", "reserved type "
		     "0b01 at L3: invalid, translation fault");
	else if (shift == 30)
		fadd(1, 1, "TYPE", "table descriptor", "block descriptor: "
		     "maps a 1G block");
	else if (shift == 21)
		fadd(1, 1, "TYPE", "table descriptor", "block descriptor: "
		     "maps a 2M block");
	else
		fadd(1, 1, "TYPE", "table descriptor", "block at L0: not "
		     "allowed with the 4K granule (translation fault)");
	fadd(4, 2, "AttrIndx", attr_meaning[(e >> 2) & 7], NULL);
	fadd(5, 5, "NS", "non-secure (ignored at non-secure EL1)", "-");
	fadd(7, 6, "AP[2:1]", ap_meaning[(e >> 6) & 3], NULL);
	fadd(9, 8, "SH", sh_meaning[(e >> 8) & 3], NULL);
	fadd(10, 10, "AF", "accessed: set by the kernel (pte_mkyoung) or by "
	     "TCR_EL1.HA", "access flag clear: the first access faults "
	     "unless TCR_EL1.HA");
	fadd(11, 11, "nG", "not global: the TLB entry is tagged with the "
	     "ASID", "global: the TLB entry matches every ASID");
	if (shift == 30) {
		fadd(29, 12, "RES0", "below the 1G block: should be 0 "
		     "(ignored)", NULL);
		fadd(47, 30, "OA", "output address: the 1G block (physical "
		     "bits 47:30)", NULL);
	} else if (shift == 21) {
		fadd(20, 12, "RES0", "below the 2M block: should be 0 "
		     "(ignored)", NULL);
		fadd(47, 21, "OA", "output address: the 2M block (physical "
		     "bits 47:21)", NULL);
	} else {
		fadd(47, 12, "OA", "output address: the page frame (physical "
		     "bits 47:12)", NULL);
	}
	fadd(49, 48, "RES0", "OA[51:50] with 52-bit PA: must be 0 here "
	     "(else an address size fault)", NULL);
	fadd(50, 50, "GP", "guarded page: BTI landing pads enforced "
	     "(needs FEAT_BTI)", "-");
	fadd(51, 51, "DBM", "dirty bit modifier, Linux PTE_WRITE: writable "
	     "(with TCR_EL1.HD a write clears AP[2])", "Linux PTE_WRITE "
	     "clear: not writable");
	fadd(52, 52, "Cont", lvl == LVL_PTE ? "contiguous hint: one of 16 "
	     "aligned entries (64K) that may share one TLB entry" :
	     "contiguous hint: one of 16 aligned blocks that may share one "
	     "TLB entry", "-");
	fadd(53, 53, "PXN", "privileged execute never: the kernel cannot "
	     "execute here", "kernel may execute (unless user-writable)");
	fadd(54, 54, "UXN", "user execute never", "user space may execute");
	fadd(55, 55, "DIRTY", "software: Linux PTE_DIRTY (written; kept when "
	     "write-protected)", "-");
	fadd(56, 56, "SPECIAL", "software: Linux PTE_SPECIAL (no struct page "
	     "refcounting)", "-");
	fadd(57, 57, "DEVMAP", "software: Linux PTE_DEVMAP (ZONE_DEVICE "
	     "memory)", "-");
	fadd(58, 58, "PROTNONE", "software: Linux PTE_PROT_NONE (a PROT_NONE "
	     "mapping, only when V=0)", "-");
	if (lvl == LVL_PMD) {
		fadd(59, 59, "PRES_INV", "software: Linux PMD_PRESENT_INVALID "
		     "(huge pmd being split, only when V=0)", "-");
		fadd(63, 60, "IGN", "ignored by the MMU (PBHA with "
		     "FEAT_HPDS2)", NULL);
	} else {
		fadd(63, 59, "IGN", "ignored by the MMU (PBHA with "
		     "FEAT_HPDS2)", NULL);
	}
}

/*
 * An invalid entry: the MMU ignores bits 63:1, Linux keeps a swap entry in
 * them (pte or huge pmd, arch/arm64/include/asm/pgtable.h of 6.1).
 */
static void
fields_invalid(int lvl, u64 e)
{
	fadd(0, 0, "V", "valid", "invalid: any access faults (translation "
	     "fault)");
	if (e == 0) {
		fadd(63, 1, "IGN", "ignored by the MMU; all zero: pte_none()",
		     NULL);
		return;
	}
	if (lvl != LVL_PTE && lvl != LVL_PMD) {
		fadd(63, 1, "IGN", "ignored by the MMU (not a value Linux "
		     "writes at this level)", NULL);
		return;
	}
	fadd(1, 1, "TYPE", "must be 0 in a swap entry", "0 (swap entry)");
	fadd(7, 2, "SWPTYPE", "swap type (__SWP_TYPE_SHIFT 2, 6 bits)", NULL);
	fadd(57, 8, "SWPOFF", "swap offset (__SWP_OFFSET_SHIFT 8, 50 bits)",
	     NULL);
	fadd(58, 58, "PROTNONE", "software: Linux PTE_PROT_NONE", "0: a swap "
	     "or migration entry");
	fadd(63, 59, "IGN", "ignored by the MMU", NULL);
}

/*
 * The field table of the entry's format: table, block, page, or for an
 * invalid entry the form Linux gives it (PROT_NONE keeps the page format,
 * else a swap entry).  The table lives in a static buffer until the next
 * call.
 */
static const struct bitfield *
arm64_fields(const struct mmu *mmu, int lvl, u64 e)
{
	nfbuf = 0;
	if (!(e & PTE_VALID) && !((lvl == LVL_PTE && (e & PTE_PROT_NONE)) ||
				  (lvl == LVL_PMD &&
				   (e & PMD_PRESENT_INVALID))))
		fields_invalid(lvl, e);
	else if (lvl != LVL_PTE && (e & PTE_TABLE_BIT))
		fields_table(e);
	else
		fields_leaf(mmu, lvl, e);
	fadd(0, 0, NULL, NULL, NULL);
	return fbuf;
}

static void
arm64_bad_desc(const struct mmu *mmu, int lvl, u64 e,
	       const struct pte_decode *d, char *buf, size_t n)
{
	unsigned hl = hwlvl(mmu, lvl);

	if (lvl == LVL_PTE && (e & PTE_TYPE_MASK) == PMD_TYPE_SECT)
		snprintf(buf, n, "descriptor type 0b01 is reserved at L3 (a "
			 "page is 0b11): translation fault");
	else if (lvl != LVL_PTE && (e & PTE_TYPE_MASK) == PMD_TYPE_SECT &&
		 mmu->lv[lvl].leaf_shift == 0)
		snprintf(buf, n, "a block descriptor at L%u (the 4K granule "
			 "has blocks only at L1 and L2): translation fault",
			 hl);
	else
		snprintf(buf, n, "address bits 0x%llx beyond the %u-bit "
			 "physical address size (TCR_EL1.IPS): address size "
			 "fault", (unsigned long long)d->bad, mmu->pa_bits);
}

/*
 * Where Linux reads an entry differently from the MMU: a writable page
 * that is still clean (PTE_WRITE = DBM with AP[2] set), a dirty page that
 * was write-protected, and the invalid ptes Linux keeps meaning in.
 */
static void
arm64_step_note(struct machine *m, int lvl, u64 entry_pa, u64 e,
		struct strbuf *sb)
{
	const char *pad = "                  ";

	(void)entry_pa;
	if (!(e & PTE_VALID)) {
		if (lvl == LVL_PTE && (e & PTE_PROT_NONE))
			sb_addf(sb, "%slinux: a PROT_NONE pte: pte_present() "
				"is true, the MMU faults on any access\n", pad);
		else if (lvl == LVL_PMD && (e & PMD_PRESENT_INVALID))
			sb_addf(sb, "%slinux: a huge pmd being split "
				"(PMD_PRESENT_INVALID): still present\n", pad);
		else if (e != 0 && (lvl == LVL_PTE || lvl == LVL_PMD))
			sb_addf(sb, "%slinux: a swap entry, type %llu offset "
				"0x%llx\n", pad,
				(unsigned long long)((e >> 2) & 0x3f),
				(unsigned long long)((e >> 8) &
						     GENMASK(49, 0)));
		return;
	}
	if (lvl != LVL_PTE && (e & PTE_TABLE_BIT))
		return;
	if ((e & PTE_DBM) && (e & PTE_RDONLY))
		sb_addf(sb, "%slinux: writable but clean (PTE_WRITE with AP[2] "
			"set): %s\n", pad, (m->mmu.features & F_HAFDBS) ?
			"the first write clears AP[2] (TCR_EL1.HD)" :
			"the first write faults and pte_mkdirty() clears "
			"AP[2]");
	else if ((e & PTE_DIRTY) && (e & PTE_RDONLY))
		sb_addf(sb, "%slinux: dirty (PTE_DIRTY) but write-protected\n",
			pad);
}

static void
arm64_describe(const struct mmu *mmu, struct strbuf *sb)
{
	sb_addf(sb, "arm64 4K granule, %u-bit VA, %d levels (", mmu->va_bits,
		mmu->nwalk);
	mmu_split(mmu, sb);
	sb_adds(sb, ")");
}

static void
arm64_reg_note(const struct mmu *mmu, int idx, u64 v, struct strbuf *sb)
{
	static const char *const ips[8] = {
		"32", "36", "40", "42", "44", "48", "52", "?"
	};
	int i;

	(void)mmu;
	switch (idx) {
	case 0:	/* TCR_EL1 */
		sb_addf(sb, "T0SZ=%u T1SZ=%u TG0=4K TG1=4K IPS=%s-bit%s%s%s"
			"%s%s%s%s", (unsigned)(v & 63),
			(unsigned)((v >> 16) & 63), ips[(v >> TCR_IPS_SHIFT) & 7],
			(v & TCR_A1) ? " A1 (ASID in TTBR1)" : "",
			(v & TCR_ASID16) ? " AS (16-bit ASID)" : "",
			(v & TCR_TBI0) ? " TBI0" : "",
			(v & TCR_TBI1) ? " TBI1" : "",
			(v & TCR_HA) ? " HA" : "",
			(v & TCR_HD) ? " HD" : "",
			(v & TCR_NFD1) ? " NFD1" : "");
		break;
	case 1:	/* MAIR_EL1 */
		for (i = 0; i <= MT_DEVICE_nGnRE; i++)
			sb_addf(sb, "%s%d:%s=0x%02x", i ? " " : "", i,
				mt_name[i] + 3,
				(unsigned)((v >> (8 * i)) & 0xff));
		break;
	case 2:	/* SCTLR_EL1 */
		sb_addf(sb, "M=%u (MMU %s) C=%u I=%u WXN=%u SPAN=%u",
			(unsigned)(v & 1), (v & 1) ? "on" : "off",
			(unsigned)((v >> 2) & 1), (unsigned)((v >> 12) & 1),
			(unsigned)((v >> 19) & 1), (unsigned)((v >> 23) & 1));
		break;
	default:
		break;
	}
}

/* EM_AARCH64: mapping symbols ($x, $d) */
static const struct arch_elf arm64_elf = {
	.name = "EM_AARCH64 (arm64)",
	.hint = "--arch arm64",
	.mapping_symbols = true,
	.prstatus_pid = 32,
	.uts_machine = "aarch64",
	.elf_class = ELFCLASS64,
};

const struct arch arch_arm64 = {
	.name = "arm64",
	.summary = "64-bit ARM (AArch64), 4K granule: 48-bit VA with 4 levels "
		"or 39-bit with 3, TTBR0/TTBR1, 2M and 1G blocks",
	.profiles = arm64_profiles,
	.dis = &arm64_disasm,
	.is64 = true,
	.huge_vmap = true,
	.dma_minalign = 128,	/* asm/cache.h before 6.5 */
	.va_digits = 16,
	.pa_digits = 12,
	.elf_machine = EM_AARCH64,
	.elf = &arm64_elf,
	.features = 0,
	.features_ok = F_HAFDBS,
	.mem_default = 1 * GiB,
	/* Cortex-A72: 44-bit physical addresses, RAM from 0x40000000 */
	.mem_max = (1ULL << 44) - 0x40000000ULL,
	.mem_max_why = "the Cortex-A72 has 44-bit physical addresses and "
		"QEMU virt's RAM starts at 0x40000000",
	.ram_base = 0x40000000ULL,
	/* Cortex-A72 unified (L2) TLB: 1024 entries, 4-way */
	.tlb_entries = 1024,
	.tlb_ways = 4,
	.root_name = { "ttbr0", "ttbr1" },
	.tag_name = "ASID",
	.va_bits_choices = { 48, 39, 0, 0 },
	.va_bits_help = "48 (4 levels, the default) or 39 (3 levels): Linux "
		"6.1 with 4K pages has no other size (52 bits needs 64K pages)",
	.reg_names = { "TCR_EL1", "MAIR_EL1", "SCTLR_EL1" },
	.mmu_init = arm64_mmu_init,
	.setup = arm64_setup,
	.paging_init = arm64_paging_init,
	.mm = &arm64_mm,
	.words = &arm64_words,
	.image_match = arm64_image_match,
	.image_setup = arm64_image_setup,
	.gdb_arch = "aarch64",
	.gdb_regs = { "TCR_EL1", "MAIR_EL1", "SCTLR|SCTLR_EL1", "TTBR0_EL1",
		      "TTBR1_EL1" },
	.gdb_need = 5,
	.gdb_elf_machine = arm64_gdb_elf_machine,
	.gdb_root = arm64_gdb_root,
	.gdb_mmu_off = arm64_gdb_mmu_off,
	.image_mmu = arm64_image_mmu,
	.save_notes = arm64_save_notes,
	.save_vmcoreinfo = arm64_save_vmcoreinfo,
	.decode = arm64_decode,
	.va_check = arm64_va_check,
	.mk_table = arm64_mk_table,
	.mk_leaf = arm64_mk_leaf,
	.sw_decode = arm64_sw_decode,
	.table_size = arm64_table_size,
	.update_ad = arm64_update_ad,
	.flag_names = arm64_flag_names,
	.fields = arm64_fields,
	.step_note = arm64_step_note,
	.describe = arm64_describe,
	.reg_note = arm64_reg_note,
	.bad_desc = arm64_bad_desc,
};
