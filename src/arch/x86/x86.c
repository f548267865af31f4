// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86: i386 2-level (10/10/12), i386 PAE (2/9/9/12), x86_64 4-level
 * (9/9/9/9/12) and 5-level (LA57).  Entry bits as in
 * arch/x86/include/asm/pgtable_types.h; layouts in init.c.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "x86.h"

/*
 * Decoding
 */

static inline u16
x86_perm(u64 e, bool nx_on)
{
	u16 p = P_KR;
	bool x = !(nx_on && (e & _PAGE_NX));

	if (e & _PAGE_RW)
		p |= P_KW;
	if (x)
		p |= P_KX;
	if (e & _PAGE_USER) {
		p |= P_UR;
		if (e & _PAGE_RW)
			p |= P_UW;
		if (x)
			p |= P_UX;
	}
	return p;
}

static inline u32
x86_attr(u64 e, bool large)
{
	u32 a = 0;

	if (e & _PAGE_GLOBAL)
		a |= P_GLOBAL;
	if (e & _PAGE_ACCESSED)
		a |= P_YOUNG;
	if (e & _PAGE_DIRTY)
		a |= P_DIRTY;
	if ((e & (_PAGE_PCD | _PAGE_PWT)) == (_PAGE_PCD | _PAGE_PWT))
		a |= P_NOCACHE;
	else if (e & _PAGE_PCD)
		a |= P_UCMINUS;
	else if (e & _PAGE_PWT)
		a |= P_WC;
	if (!large && (e & _PAGE_SPECIAL))
		a |= P_SPECIAL;
	return a;
}

/* x86_attr() of a 4K leaf, indexed by entry bits 9:3 */
static u32 attr4k[128];

static void
init_attr4k(void)
{
	unsigned i;

	if (attr4k[127] != 0)
		return;
	for (i = 0; i < 128; i++)
		attr4k[i] = x86_attr((u64)i << 3, false);
}

/* Physical-address bits of an entry: 51..12 limited to MAXPHYADDR. */
static inline u64
x86_rsvd_high(const struct mmu *mmu)
{
	return GENMASK(51, 12) & ~mmu->pa_mask;
}

static void
x86_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	const struct x86_priv *xp = mmu->priv;
	bool nx_on = mmu->features & F_NX;
	u64 rsvd;

	d->attr = 0;
	d->bad = 0;
	d->shift = 0;
	if (!(e & _PAGE_PRESENT)) {
		d->kind = PT_NONE;
		d->perm = 0;
		d->addr = 0;
		return;
	}
	if (xp->mode == X86_2LEVEL) {
		d->perm = x86_perm(e, false);
		if (lvl == LVL_PGD && (e & _PAGE_PSE) &&
		    (mmu->features & F_PSE)) {
			/* 4M page: bits 31:22, PSE-36 puts PA 39:32 in 20:13 */
			u64 hi = (mmu->features & F_PSE36) ?
				((e >> 13) & 0xff) << 32 : 0;

			rsvd = (mmu->features & F_PSE36) ? BIT(21) :
				GENMASK(21, 13);
			if (e & rsvd) {
				d->kind = PT_BAD;
				d->bad = e & rsvd;
				return;
			}
			d->kind = PT_LEAF;
			d->shift = 22;
			d->addr = (e & 0xffc00000ULL) | hi;
			d->attr = x86_attr(e, true);
			return;
		}
		d->kind = lvl == LVL_PTE ? PT_LEAF : PT_TABLE;
		d->shift = PAGE_SHIFT;
		d->addr = e & 0xfffff000ULL;
		if (d->kind == PT_LEAF)
			d->attr = x86_attr(e, false);
		return;
	}

	/* PAE and long mode: 64-bit entries */
	rsvd = x86_rsvd_high(mmu);
	if (!nx_on)
		rsvd |= _PAGE_NX;
	if (xp->mode == X86_PAE && lvl == LVL_PGD) {
		/* PDPTE: only P, PWT, PCD; no rights (rsvd_table: set below) */
		rsvd = mmu->rsvd_table[LVL_PGD];
		if (e & rsvd) {
			d->kind = PT_BAD;
			d->bad = e & rsvd;
			return;
		}
		d->kind = PT_TABLE;
		d->perm = P_PERM;
		d->addr = e & mmu->pa_mask & PAGE_MASK;
		return;
	}
	d->perm = x86_perm(e, nx_on);
	if (lvl == LVL_PTE) {
		if (e & rsvd) {
			d->kind = PT_BAD;
			d->bad = e & rsvd;
			return;
		}
		d->kind = PT_LEAF;
		d->shift = PAGE_SHIFT;
		d->addr = e & mmu->pa_mask & PAGE_MASK;
		d->attr = x86_attr(e, false);
		return;
	}
	if (e & _PAGE_PSE) {
		unsigned shift = mmu->lv[lvl].leaf_shift;

		if (shift == 0 || (shift == 30 && !(mmu->features & F_GBPAGES))) {
			/* PS in a PML4E/PML5E, or 1G without gbpages */
			d->kind = PT_BAD;
			d->bad = _PAGE_PSE;
			return;
		}
		rsvd |= GENMASK(shift - 1, 13);
		if (e & rsvd) {
			d->kind = PT_BAD;
			d->bad = e & rsvd;
			return;
		}
		d->kind = PT_LEAF;
		d->shift = (u8)shift;
		d->addr = e & mmu->pa_mask & ~((1ULL << shift) - 1);
		d->attr = x86_attr(e, true);
		return;
	}
	if (e & rsvd) {
		d->kind = PT_BAD;
		d->bad = e & rsvd;
		return;
	}
	d->kind = PT_TABLE;
	d->addr = e & mmu->pa_mask & PAGE_MASK;
}

/*
 * Hot-path decoders, one per paging mode: the common cases (a table
 * pointer, a 4K leaf) inline; large pages and PAE PDPTEs go to x86_decode.
 * perm_tab[RW | US << 1 | NX << 2] gives the rights of an entry.
 */
#define PT_PERM(i) ((u16)(P_KR | (((i) & 1) ? P_KW : 0) |			\
	(((i) & 4) ? 0 : P_KX) |						\
	(((i) & 2) ? (P_UR | (((i) & 1) ? P_UW : 0) | (((i) & 4) ? 0 : P_UX)) : 0)))
static const u16 perm_tab[8] = {
	PT_PERM(0), PT_PERM(1), PT_PERM(2), PT_PERM(3),
	PT_PERM(4), PT_PERM(5), PT_PERM(6), PT_PERM(7),
};

static inline void
none(struct pte_decode *d)
{
	d->kind = PT_NONE;
	d->shift = 0;
	d->perm = 0;
	d->attr = 0;
	d->addr = 0;
	d->bad = 0;
}

static void
x86_decode_2level(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	if (!(e & _PAGE_PRESENT)) {
		none(d);
		return;
	}
	if (lvl != LVL_PTE && (e & _PAGE_PSE)) {
		x86_decode(mmu, lvl, e, d);
		return;
	}
	d->perm = perm_tab[(e >> 1) & 3];
	d->shift = PAGE_SHIFT;
	d->addr = e & 0xfffff000ULL;
	d->bad = 0;
	if (lvl == LVL_PTE) {
		d->kind = PT_LEAF;
		d->attr = attr4k[(e >> 3) & 127];
	} else {
		d->kind = PT_TABLE;
		d->attr = 0;
	}
}

static void
x86_decode_64(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	unsigned nx;
	u64 bad;

	if (!(e & _PAGE_PRESENT)) {
		none(d);
		return;
	}
	if ((lvl != LVL_PTE && (e & _PAGE_PSE)) ||
	    (lvl == LVL_PGD && mmu->lv[LVL_PGD].bits == 2)) {
		/* large pages; the PAE PDPT */
		x86_decode(mmu, lvl, e, d);
		return;
	}
	bad = e & (lvl == LVL_PTE ? mmu->rsvd_leaf[lvl] : mmu->rsvd_table[lvl]);
	if (unlikely(bad)) {
		d->kind = PT_BAD;
		d->bad = bad;
		d->shift = 0;
		d->perm = 0;
		d->attr = 0;
		d->addr = 0;
		return;
	}
	nx = (mmu->features & F_NX) ? (unsigned)(e >> 61) & 4 : 0;
	d->perm = perm_tab[((e >> 1) & 3) | nx];
	d->shift = PAGE_SHIFT;
	d->addr = e & mmu->pa_mask & PAGE_MASK;
	d->bad = 0;
	if (lvl == LVL_PTE) {
		d->kind = PT_LEAF;
		d->attr = attr4k[(e >> 3) & 127];
	} else {
		d->kind = PT_TABLE;
		d->attr = 0;
	}
}

void
x86_set_decoder(struct mmu *mmu)
{
	const struct x86_priv *xp = mmu->priv;
	u64 high = GENMASK(51, 12) & ~mmu->pa_mask;
	int i;

	init_attr4k();
	/* the fast walk: P=1, PS=0 is a table pointer; rights from RW, US, NX */
	mmu_fast_geometry(mmu);
	mmu->fast_tmask = _PAGE_PRESENT | _PAGE_PSE;
	mmu->fast_tval = _PAGE_PRESENT;
	mmu->fast_pbit[0] = 1;
	mmu->fast_pbit[1] = 2;
	mmu->fast_pbit[2] = (xp->mode != X86_2LEVEL && (mmu->features & F_NX)) ?
		63 : 3;
	for (i = 0; i < 8; i++)
		mmu->fast_plut[i] = perm_tab[i & (mmu->fast_pbit[2] == 63 ? 7 : 3)];
	if (xp->mode == X86_2LEVEL) {
		mmu->fast_addr = 0xfffff000ULL;
		mmu->decode = x86_decode_2level;
		mmu->va_mode = VA_ZEROEXT;
		return;
	}
	if (xp->mode == X86_PAE)
		mmu->fast_n = 0;	/* the PDPT is special: use the full walk */
	mmu->fast_addr = mmu->pa_mask & PAGE_MASK;
	for (i = 0; i < NR_LEVELS; i++) {
		mmu->rsvd_table[i] = high | ((mmu->features & F_NX) ? 0 : _PAGE_NX);
		mmu->rsvd_leaf[i] = mmu->rsvd_table[i];
		mmu->fast_rsvd[i] = mmu->rsvd_table[i];
	}
	if (xp->mode == X86_PAE)
		mmu->rsvd_table[LVL_PGD] = high | GENMASK(8, 5) | BIT(2) |
			BIT(1) | _PAGE_NX;
	mmu->decode = x86_decode_64;
	mmu->va_mode = xp->mode == X86_LONG ? VA_SIGNEXT : VA_ZEROEXT;
}

/* Linux's view of a PTE: pte_present() is true for PROT_NONE PTEs too. */
static void
x86_sw_decode(const struct mmu *mmu, int lvl, u64 e, struct pte_decode *d)
{
	if (lvl == LVL_PTE && !(e & _PAGE_PRESENT) && (e & _PAGE_PROTNONE)) {
		x86_decode(mmu, lvl, e | _PAGE_PRESENT, d);
		d->perm = 0;
		d->attr = (d->attr & ~(u32)P_GLOBAL) | P_PROTNONE;
		return;
	}
	x86_decode(mmu, lvl, e, d);
}

static int
x86_va_check(const struct mmu *mmu, u64 va)
{
	const struct x86_priv *xp = mmu->priv;

	if (xp->mode != X86_LONG)
		return (va >> 32) ? WF_VA_RANGE : WF_NONE;
	/* canonical: bits 63..va_bits-1 all equal */
	{
		s64 s = (s64)(va << (64 - mmu->va_bits)) >> (64 - mmu->va_bits);

		return (u64)s == va ? WF_NONE : WF_NONCANONICAL;
	}
}

/*
 * Building entries
 */

static u64
x86_mk_table(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	const struct x86_priv *xp = mmu->priv;

	if (xp->mode == X86_PAE && lvl == LVL_PGD)
		return pa | _PAGE_PRESENT;	/* PDPTE: present only */
	/* PTI's kernel copy of a user pgd entry (pti_set_user_pgtbl) */
	if (!(prot & (P_KX | P_UX)) && xp->mode != X86_2LEVEL &&
	    (mmu->features & F_NX))
		pa |= _PAGE_NX;
	return pa | ((prot & (P_UR | P_UW | P_UX)) ? _PAGE_TABLE :
		     _KERNPG_TABLE);
}

static u64
x86_mk_leaf(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot)
{
	const struct x86_priv *xp = mmu->priv;
	u64 e = pa;
	bool large = lvl != LVL_PTE;

	if (prot & P_PROTNONE)
		e |= _PAGE_PROTNONE;
	else if (prot & P_PERM)
		e |= _PAGE_PRESENT;
	if (prot & (P_KW | P_UW))
		e |= _PAGE_RW;
	if (prot & (P_UR | P_UW | P_UX))
		e |= _PAGE_USER;
	if (prot & P_YOUNG)
		e |= _PAGE_ACCESSED;
	if (prot & P_DIRTY)
		e |= _PAGE_DIRTY;
	if ((prot & P_GLOBAL) && (mmu->features & F_PGE) &&
	    !(mmu->features & F_PTI))
		e |= _PAGE_GLOBAL;
	if (prot & P_NOCACHE)
		e |= _PAGE_PCD | _PAGE_PWT;
	else if (prot & P_UCMINUS)
		e |= _PAGE_PCD;
	else if (prot & P_WC)
		e |= _PAGE_PWT;
	if (!large && (prot & P_SPECIAL))
		e |= _PAGE_SPECIAL;
	if (large)
		e |= _PAGE_PSE;
	if (xp->mode != X86_2LEVEL && (mmu->features & F_NX) &&
	    !(prot & (P_KX | P_UX)))
		e |= _PAGE_NX;
	return e;
}

static u64
x86_table_size(const struct mmu *mmu, int lvl)
{
	const struct pt_level *L = &mmu->lv[lvl];

	return (u64)L->esize << L->bits;
}

/*
 * The accessed and dirty bits: the page walker sets A in every entry it
 * uses and D in the leaf of a write (Intel SDM 4.8).
 */
static void
x86_update_ad(const struct mmu *mmu, struct phys *ph, struct walk *w,
	      unsigned acc)
{
	int i;

	for (i = 0; i < w->nsteps; i++) {
		struct walk_step *s = &w->step[i];
		const struct pt_level *L = &mmu->lv[s->lvl];
		u64 e = s->entry | _PAGE_ACCESSED;

		if (s->d.kind == PT_LEAF && (acc & ACC_WRITE))
			e |= _PAGE_DIRTY;
		if (e == s->entry)
			continue;
		/* PDPTEs in PAE mode have no A bit */
		if (((const struct x86_priv *)mmu->priv)->mode == X86_PAE &&
		    s->lvl == LVL_PGD)
			continue;
		s->entry = e;
		phys_write_entry(ph, s->entry_pa, L->esize, e);
	}
}

/*
 * Presentation
 */

static int
x86_flag_names(const struct mmu *mmu, int lvl, u64 e, const char **n, int max)
{
	const struct x86_priv *xp = mmu->priv;
	int k = 0;
	bool pdpte = xp->mode == X86_PAE && lvl == LVL_PGD;
	bool large = lvl != LVL_PTE && (e & _PAGE_PSE) && !pdpte;

#define ADD(c, s) do { if ((c) && k < max) n[k++] = (s); } while (0)
	ADD(e & _PAGE_PRESENT, "P");
	if (!pdpte) {
		ADD(e & _PAGE_RW, "RW");
		ADD(e & _PAGE_USER, "US");
	}
	ADD(e & _PAGE_PWT, "PWT");
	ADD(e & _PAGE_PCD, "PCD");
	if (!pdpte) {
		ADD(e & _PAGE_ACCESSED, "A");
		ADD(e & _PAGE_DIRTY, "D");
		ADD((e & _PAGE_PSE) && lvl != LVL_PTE, "PS");
		ADD((e & _PAT_4K) && lvl == LVL_PTE, "PAT");
		ADD(e & _PAGE_GLOBAL, "G");
		ADD((e & _PAGE_SPECIAL) && lvl == LVL_PTE, "SPECIAL");
		ADD(e & BIT(10), "SW10");
		ADD(e & BIT(11), "SW11");
		ADD(large && (e & _PAT_LARGE), "PAT");
		ADD(!(e & _PAGE_PRESENT) && (e & _PAGE_PROTNONE) &&
		    lvl == LVL_PTE, "PROTNONE");
	}
	if (xp->mode != X86_2LEVEL)
		ADD(e & _PAGE_NX, "NX");
#undef ADD
	return k;
}

static const struct bitfield f_pte32[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable", "read-only (also for the kernel: CR0.WP=1)" },
	{ 2, 2, "US", "user accessible", "supervisor only" },
	{ 3, 3, "PWT", "write-through", "write-back" },
	{ 4, 4, "PCD", "cache disabled", "cacheable" },
	{ 5, 5, "A", "accessed (set by the CPU)", "not accessed since cleared" },
	{ 6, 6, "D", "dirty (set by the CPU on write)", "clean" },
	{ 7, 7, "PAT", "PAT index bit 2", "-" },
	{ 8, 8, "G", "global: survives CR3 loads (CR4.PGE)", "flushed by a CR3 load" },
	{ 9, 9, "SW1", "software: Linux _PAGE_SPECIAL", "-" },
	{ 10, 11, "SW2-3", "software bits (soft-dirty, uffd-wp)", "-" },
	{ 12, 31, "PFN", "page frame: physical address bits 31:12", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_pde32[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable (ANDed with the PTE)", "read-only for the whole 4M" },
	{ 2, 2, "US", "user accessible (ANDed with the PTE)", "supervisor only" },
	{ 3, 3, "PWT", "write-through (page table access)", "write-back" },
	{ 4, 4, "PCD", "cache disabled (page table access)", "cacheable" },
	{ 5, 5, "A", "accessed (set by the CPU)", "not accessed" },
	{ 6, 6, "D", "ignored in a table pointer", "-" },
	{ 7, 7, "PS", "4M page (needs CR4.PSE)", "points to a page table" },
	{ 8, 8, "G", "ignored in a table pointer", "-" },
	{ 9, 11, "AVL", "available to software", NULL },
	{ 12, 31, "ADDR", "page-table address bits 31:12", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_pde32_4m[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable", "read-only" },
	{ 2, 2, "US", "user accessible", "supervisor only" },
	{ 3, 3, "PWT", "write-through", "write-back" },
	{ 4, 4, "PCD", "cache disabled", "cacheable" },
	{ 5, 5, "A", "accessed", "not accessed" },
	{ 6, 6, "D", "dirty", "clean" },
	{ 7, 7, "PS", "4M page (needs CR4.PSE)", "-" },
	{ 8, 8, "G", "global", "flushed by a CR3 load" },
	{ 9, 11, "AVL", "available to software", NULL },
	{ 12, 12, "PAT", "PAT index bit 2", "-" },
	{ 13, 20, "PA39:32", "PSE-36: physical address bits 39:32", NULL },
	{ 21, 21, "RSVD", "reserved: must be 0", "-" },
	{ 22, 31, "PFN", "4M frame: physical address bits 31:22", NULL },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_pdpte[] = {
	{ 0, 0, "P", "present", "not present" },
	{ 1, 2, "RSVD", "reserved in PAE PDPTEs: must be 0", "-" },
	{ 3, 3, "PWT", "write-through", "write-back" },
	{ 4, 4, "PCD", "cache disabled", "cacheable" },
	{ 5, 8, "RSVD", "reserved in PAE PDPTEs: must be 0", "-" },
	{ 9, 11, "AVL", "available to software", NULL },
	{ 12, 51, "ADDR", "page-directory (pmd) address", NULL },
	{ 52, 62, "RSVD", "reserved", "-" },
	{ 63, 63, "RSVD", "reserved (no NX in a PDPTE)", "-" },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_table64[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable (ANDed with lower levels)", "read-only below here" },
	{ 2, 2, "US", "user accessible (ANDed)", "supervisor only below here" },
	{ 3, 3, "PWT", "write-through (table access)", "write-back" },
	{ 4, 4, "PCD", "cache disabled (table access)", "cacheable" },
	{ 5, 5, "A", "accessed (set by the CPU)", "not accessed" },
	{ 6, 6, "IGN", "ignored", "-" },
	{ 7, 7, "PS", "large page (2M in a PMD, 1G in a PUD)", "points to a table" },
	{ 8, 11, "AVL", "available to software", NULL },
	{ 12, 51, "ADDR", "next table's physical address", NULL },
	{ 52, 62, "AVL", "available to software", NULL },
	{ 63, 63, "NX", "no execute below here (EFER.NXE)", "executable" },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_large64[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable", "read-only" },
	{ 2, 2, "US", "user accessible", "supervisor only" },
	{ 3, 3, "PWT", "write-through", "write-back" },
	{ 4, 4, "PCD", "cache disabled", "cacheable" },
	{ 5, 5, "A", "accessed", "not accessed" },
	{ 6, 6, "D", "dirty", "clean" },
	{ 7, 7, "PS", "large page", "-" },
	{ 8, 8, "G", "global", "flushed by a CR3 load" },
	{ 9, 11, "AVL", "available to software", NULL },
	{ 12, 12, "PAT", "PAT index bit 2", "-" },
	{ 13, 51, "PFN", "frame base (bits below the page size must be 0)", NULL },
	{ 52, 58, "AVL", "available to software", NULL },
	{ 59, 62, "PK", "protection key", NULL },
	{ 63, 63, "NX", "no execute (EFER.NXE)", "executable" },
	{ 0, 0, NULL, NULL, NULL },
};
static const struct bitfield f_pte64[] = {
	{ 0, 0, "P", "present", "not present: any access faults" },
	{ 1, 1, "RW", "writable", "read-only (also for the kernel: CR0.WP=1)" },
	{ 2, 2, "US", "user accessible", "supervisor only" },
	{ 3, 3, "PWT", "write-through", "write-back" },
	{ 4, 4, "PCD", "cache disabled", "cacheable" },
	{ 5, 5, "A", "accessed (set by the CPU)", "not accessed since cleared" },
	{ 6, 6, "D", "dirty (set by the CPU on write)", "clean" },
	{ 7, 7, "PAT", "PAT index bit 2", "-" },
	{ 8, 8, "G", "global: survives CR3 loads (CR4.PGE)", "flushed by a CR3 load" },
	{ 9, 9, "SW1", "software: Linux _PAGE_SPECIAL", "-" },
	{ 10, 11, "SW2-3", "software bits (uffd-wp, soft-dirty)", "-" },
	{ 12, 51, "PFN", "page frame number (physical address bits)", NULL },
	{ 52, 58, "AVL", "available to software", NULL },
	{ 59, 62, "PK", "protection key (CR4.PKE)", NULL },
	{ 63, 63, "NX", "no execute (EFER.NXE)", "executable" },
	{ 0, 0, NULL, NULL, NULL },
};

static const struct bitfield *
x86_fields(const struct mmu *mmu, int lvl, u64 e)
{
	const struct x86_priv *xp = mmu->priv;

	if (xp->mode == X86_2LEVEL) {
		if (lvl == LVL_PTE)
			return f_pte32;
		return (e & _PAGE_PSE) ? f_pde32_4m : f_pde32;
	}
	if (xp->mode == X86_PAE && lvl == LVL_PGD)
		return f_pdpte;
	if (lvl == LVL_PTE)
		return f_pte64;
	if ((e & _PAGE_PSE) && mmu->lv[lvl].leaf_shift)
		return f_large64;
	return f_table64;
}

static void
x86_describe(const struct mmu *mmu, struct strbuf *sb)
{
	const struct x86_priv *xp = mmu->priv;

	switch (xp->mode) {
	case X86_2LEVEL:
		sb_adds(sb, "i386 2-level paging (");
		break;
	case X86_PAE:
		sb_adds(sb, "i386 PAE paging (");
		break;
	default:
		sb_addf(sb, "x86_64 %d-level paging (", mmu->nwalk);
		break;
	}
	mmu_split(mmu, sb);
	sb_adds(sb, ")");
}

#define X86_COMMON \
	.decode = x86_decode, \
	.sw_decode = x86_sw_decode, \
	.va_check = x86_va_check, \
	.mk_table = x86_mk_table, \
	.mk_leaf = x86_mk_leaf, \
	.table_size = x86_table_size, \
	.update_ad = x86_update_ad, \
	.flag_names = x86_flag_names, \
	.fields = x86_fields, \
	.describe = x86_describe, \
	.mmu_init = x86_mmu_init, \
	.setup = x86_setup, \
	.image_match = x86_image_match, \
	.image_setup = x86_image_setup, \
	.image_mmu = x86_image_mmu, \
	.root_plausible = x86_root_plausible, \
	.save_notes = x86_save_notes, \
	.save_vmcoreinfo = x86_save_vmcoreinfo, \
	.paging_init = x86_paging_init, \
	.words = &x86_words, \
	.root_name = { "cr3", NULL }, \
	.gdb_regs = { "cr0", "cr2", "cr3", "cr4", "rip", "rsp", "eflags", \
		      "efer" }, \
	.gdb_need = 4, \
	.gdb_elf_machine = x86_gdb_elf_machine, \
	.gdb_root = x86_gdb_root, \
	.gdb_mmu_off = x86_gdb_mmu_off, \
	.tag_name = "PCID"

/* The ELF machines of x86: EM_386 and EM_X86_64 */
static const struct arch_elf x86_32_elf = {
	.name = "EM_386 (i386)",
	.hint = "--arch i386 or i386-pae",
	.prstatus_pid = 24,
	.uts_machine = "i386,i486,i586,i686",
	.elf_class = ELFCLASS32,
	.core_note = x86_core_note,
};

static const struct arch_elf x86_64_elf = {
	.name = "EM_X86_64 (x86_64)",
	.hint = "--arch x86_64",
	.prstatus_pid = 32,
	.uts_machine = "x86_64",
	.elf_class = ELFCLASS64,
	.core_note = x86_core_note,
};

const struct arch arch_i386 = {
	.name = "i386",
	.gdb_arch = "i386",
	.vmalloc_param = true,
	.profiles = x86_32_profiles,
	.summary = "32-bit x86, 2-level paging (10/10/12), 4M PSE pages",
	.is64 = false,
	.va_digits = 8,
	.pa_digits = 8,
	.elf_machine = EM_386,
	.elf = &x86_32_elf,
	.features = F_PSE | F_PGE | F_PSE36,
	.features_ok = F_PSE | F_PGE | F_PSE36,
	.mem_default = 1 * GiB,
	.mem_max = 4 * GiB,
	.mem_max_msg = "i386 without PAE has 32-bit physical addresses and "
		"cannot address more than 4G; use --arch i386-pae (up to 64G)",
	.ram_base = 0,
	.tlb_entries = 1536,
	.tlb_ways = 12,
	.mm = &x86_32_mm,
	.dis = &x86_32_disasm,
	X86_COMMON,
};

const struct arch arch_i386_pae = {
	.huge_vmap = true,
	.name = "i386-pae",
	.gdb_arch = "i386",
	.vmalloc_param = true,
	.profiles = x86_pae_profiles,
	.summary = "32-bit x86 with PAE (2/9/9/12), 64-bit entries, NX, 2M pages, up to 64G",
	.is64 = false,
	.va_digits = 8,
	.pa_digits = 9,
	.elf_machine = EM_386,
	.elf = &x86_32_elf,
	.features = F_PSE | F_PGE | F_NX | F_MELTDOWN,
	.features_ok = F_PSE | F_PGE | F_NX | F_MELTDOWN,
	.mem_default = 1 * GiB,
	.mem_max = 64 * GiB,
	.ram_base = 0,
	.tlb_entries = 1536,
	.tlb_ways = 12,
	.mm = &x86_32_mm,
	.dis = &x86_32_disasm,
	X86_COMMON,
};

const struct arch arch_x86_64 = {
	.huge_vmap = true,
	.name = "x86_64",
	.gdb_arch = "i386:x86-64",
	.mem_min = 96 * MiB,
	.mem_min_why = "the kernel image is loaded at 16M and ends at 68M",
	.profiles = x86_64_profiles,
	.summary = "64-bit x86, 4-level paging (9/9/9/9/12), 48-bit VA, 2M/1G pages",
	.is64 = true,
	.va_digits = 16,
	.pa_digits = 12,
	.elf_machine = EM_X86_64,
	.elf = &x86_64_elf,
	.features = F_PSE | F_PGE | F_NX | F_GBPAGES | F_PCID,
	.features_ok = F_PGE | F_NX | F_GBPAGES | F_PCID | F_MELTDOWN,
	.mem_default = 1 * GiB,
	.mem_max = 64 * TiB,
	.ram_base = 0,
	.tlb_entries = 1536,
	.tlb_ways = 12,
	.mm = &x86_64_mm,
	.dis = &x86_64_disasm,
	X86_COMMON,
};

const struct arch arch_x86_64_la57 = {
	.huge_vmap = true,
	.name = "x86_64-la57",
	.gdb_arch = "i386:x86-64",
	.mem_min = 96 * MiB,
	.mem_min_why = "the kernel image is loaded at 16M and ends at 68M",
	.profiles = x86_la57_profiles,
	.summary = "64-bit x86, 5-level paging (9/9/9/9/9/12), 57-bit VA",
	.is64 = true,
	.va_digits = 16,
	.pa_digits = 13,
	.elf_machine = EM_X86_64,
	.elf = &x86_64_elf,
	.features = F_PSE | F_PGE | F_NX | F_GBPAGES | F_PCID,
	.features_ok = F_PGE | F_NX | F_GBPAGES | F_PCID | F_MELTDOWN,
	.mem_default = 1 * GiB,
	.mem_max = 4096ULL * TiB,
	.ram_base = 0,
	.tlb_entries = 1536,
	.tlb_ways = 12,
	.mm = &x86_64_mm,
	.dis = &x86_64_disasm,
	X86_COMMON,
};
