/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Page-table building (src/hw/pgtable.c, cf. include/linux/pgtable.h):
 * the writing side of the walker, generic over the walk geometry of
 * struct mmu; entries come from the arch's mk_table, mk_leaf, populate
 * and set_leaf.  The arch's paging_init builds swapper_pg_dir with it,
 * the kernel (src/mm) every later kernel mapping.
 */
#ifndef PTWALK_PGTABLE_H
#define PTWALK_PGTABLE_H

#include "machine.h"

int pgtable_map(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
		unsigned shift, pgprot_t prot, struct error *e);
/* Largest page size that fits each piece of the range. */
int pgtable_map_range(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
		      unsigned max_shift, pgprot_t prot, struct error *e);
/* Make sure the tables down to the last level exist for [va, va + size). */
int pgtable_prealloc(struct machine *m, u64 root, u64 va, u64 size,
		     struct error *e);
/* Entry address of the leaf slot for va at level lvl, creating tables. */
int pgtable_slot(struct machine *m, u64 root, u64 va, int lvl, bool create,
		 u64 *entry_pa, struct error *e);
/* Clear the 4K leaf mapping va; returns its old value (0 when none). */
u64 pgtable_clear(struct machine *m, u64 root, u64 va);
/*
 * Clear the leaf that maps va at whatever level (a huge page too); returns
 * its old value and its page shift.  When va is not mapped it returns 0,
 * with the shift of the hole an absent entry leaves (its whole span), or
 * 0 when that is not known.  No flush.
 */
u64 pgtable_clear_leaf(struct machine *m, u64 root, u64 va, unsigned *shift);
u64 pgtable_alloc_table(struct machine *m, int lvl, struct error *e);

/*
 * Linux's page-table accessors over the walk geometry of struct mmu (no
 * arch code): an entry is named by its physical address.  pgd_index ...
 * pte_index give the slot of va in a table of that level; pXd_offset
 * gives the entry of va one level down from the entry above it, which
 * must hold a table.  A level the paging mode folds has no table of its
 * own: its entry is the one above (pud_offset(m, p4d, va) == p4d when the
 * pud is folded), as in include/asm-generic/pgtable-nopud.h.
 */
static inline u64
pt_index(const struct mmu *mmu, int lvl, u64 va)
{
	const struct pt_level *L = &mmu->lv[lvl];

	return (va >> L->shift) & ((1ULL << L->bits) - 1);
}

static inline u64 pgd_index(const struct mmu *mmu, u64 va)
{ return pt_index(mmu, LVL_PGD, va); }
static inline u64 p4d_index(const struct mmu *mmu, u64 va)
{ return pt_index(mmu, LVL_P4D, va); }
static inline u64 pud_index(const struct mmu *mmu, u64 va)
{ return pt_index(mmu, LVL_PUD, va); }
static inline u64 pmd_index(const struct mmu *mmu, u64 va)
{ return pt_index(mmu, LVL_PMD, va); }
static inline u64 pte_index(const struct mmu *mmu, u64 va)
{ return pt_index(mmu, LVL_PTE, va); }

/*
 * The level whose entries the entries of lvl are: lvl itself, or for a
 * folded level the nearest walked level above it.
 */
static inline int
pt_entry_level(const struct mmu *mmu, int lvl)
{
	while (lvl > LVL_PGD && mmu->lv[lvl].folded)
		lvl--;
	return lvl;
}

/*
 * Read and decode the entry at entry_pa, an entry of level lvl; false
 * (and a zero entry) when its table lies outside physical memory.
 */
static inline bool
pt_entry(struct machine *m, int lvl, u64 entry_pa, u64 *val,
	 struct pte_decode *d)
{
	const struct mmu *mmu = &m->mmu;
	int l = pt_entry_level(mmu, lvl);
	bool ok;

	*val = 0;
	ok = phys_read_entry(&m->phys, entry_pa, mmu->lv[l].esize, val);
	mmu->arch->decode(mmu, l, *val, d);
	return ok;
}

/* pgd_offset_pgd(): the pgd entry of va in the tables rooted at pgd. */
static inline u64
pgd_offset_pgd(const struct mmu *mmu, u64 pgd, u64 va)
{
	return pgd + pgd_index(mmu, va) * mmu->lv[LVL_PGD].esize;
}

/* The entry of va at level lvl below the entry upper of the level above. */
static inline u64
pt_offset(struct machine *m, int lvl, u64 upper, u64 va)
{
	const struct mmu *mmu = &m->mmu;
	struct pte_decode d;
	u64 val;

	if (mmu->lv[lvl].folded)
		return upper;
	pt_entry(m, lvl - 1, upper, &val, &d);
	return d.addr + pt_index(mmu, lvl, va) * mmu->lv[lvl].esize;
}

static inline u64 p4d_offset(struct machine *m, u64 pgd, u64 va)
{ return pt_offset(m, LVL_P4D, pgd, va); }
static inline u64 pud_offset(struct machine *m, u64 p4d, u64 va)
{ return pt_offset(m, LVL_PUD, p4d, va); }
static inline u64 pmd_offset(struct machine *m, u64 pud, u64 va)
{ return pt_offset(m, LVL_PMD, pud, va); }
static inline u64 pte_offset_kernel(struct machine *m, u64 pmd, u64 va)
{ return pt_offset(m, LVL_PTE, pmd, va); }
/*
 * A user PTE table: Linux maps it first (kmap_local of a highmem table);
 * ptwalk reads physical memory, so it is pte_offset_kernel.
 */
static inline u64 pte_offset_map(struct machine *m, u64 pmd, u64 va)
{ return pte_offset_kernel(m, pmd, va); }

/*
 * pgd_populate() ... pmd_populate(): point the entry at entry_pa (level
 * lvl) to the table at table (the arch's populate, else mk_table).
 */
void pgtable_populate(struct machine *m, int lvl, u64 entry_pa, u64 table,
		      pgprot_t prot);

#endif
