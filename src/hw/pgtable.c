// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Building page tables: the simulated kernel's pgd/p4d/pud/pmd/pte
 * population (cf. mm/memory.c __pte_alloc, include/linux/pgtable.h).
 * Everything here is generic; entries come from the arch's mk_table,
 * mk_leaf, populate and set_leaf.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/progress.h"

u64
pgtable_alloc_table(struct machine *m, int lvl, struct error *e)
{
	u64 size = m->arch->table_size(&m->mmu, lvl), pa;

	if (m->alloc_table_page != NULL && size <= PAGE_SIZE) {
		if (m->alloc_table_page(m, &pa, e))
			return 0;
		phys_zero(&m->phys, pa, PAGE_SIZE, NULL);
		return pa;
	}
	if (memblock_alloc(m, size, MAX(size, PAGE_SIZE), "page tables", &pa,
			   e))
		return 0;
	return pa;
}

static void
write_leaf(struct machine *m, int lvl, u64 entry_pa, u64 val, u64 va)
{
	if (m->arch->set_leaf != NULL)
		m->arch->set_leaf(m, lvl, entry_pa, val, va);
	else
		phys_write_entry(&m->phys, entry_pa, m->mmu.lv[lvl].esize, val);
}

void
pgtable_populate(struct machine *m, int lvl, u64 entry_pa, u64 table,
		 pgprot_t prot)
{
	if (m->arch->populate != NULL)
		m->arch->populate(m, lvl, entry_pa, table, prot);
	else
		phys_write_entry(&m->phys, entry_pa, m->mmu.lv[lvl].esize,
				 m->arch->mk_table(&m->mmu, lvl, table, prot));
}

/* How pgtable_slot() goes down: what it may make, and its error. */
struct pt_alloc {
	struct machine *m;
	u64 va;
	bool create;
	pgprot_t prot;		/* of the table entries it makes */
	struct error *e;
	int r;
};

/*
 * __p4d_alloc() ... __pte_alloc_kernel(): the entry upper, of the level
 * above lvl, must hold a table: when it is empty, a new table of level
 * lvl (with a->create).  Nothing to do for a folded level.
 */
static int
pt_next_table(struct pt_alloc *a, int lvl, u64 upper)
{
	struct machine *m = a->m;
	const struct mmu *mmu = &m->mmu;
	int ul = pt_entry_level(mmu, lvl - 1);
	const struct pt_level *L = &mmu->lv[ul];
	struct pte_decode d;
	u64 ent, t;

	if (mmu->lv[lvl].folded)
		return 0;
	if (!pt_entry(m, ul, upper, &ent, &d))
		return error_set(a->e, -EFAULT, "%s table at 0x%llx is outside "
				 "physical memory", L->name, (unsigned long long)
				 (upper - pt_index(mmu, ul, a->va) * L->esize));
	if (d.kind == PT_TABLE)
		return 0;
	if (d.kind == PT_LEAF)
		return error_set(a->e, -EEXIST, "0x%llx is already mapped by a "
				 "%s-level huge page", (unsigned long long)a->va,
				 L->name);
	if (d.kind == PT_BAD)
		return error_set(a->e, -EINVAL, "%s entry 0x%llx at 0x%llx is "
				 "invalid", L->name, (unsigned long long)ent,
				 (unsigned long long)upper);
	if (!a->create)
		return -ENOENT;
	t = pgtable_alloc_table(m, lvl, a->e);
	if (t == 0)
		return a->e ? a->e->code : -ENOMEM;
	pgtable_populate(m, ul, upper, t, a->prot);
	/* where the entry points now (arm: the hardware table) */
	pt_entry(m, ul, upper, &ent, &d);
	if (d.kind != PT_TABLE)
		return error_set(a->e, -EINVAL, "populating the %s entry "
				 "failed", L->name);
	return 0;
}

/* pt_next_table(), its error kept in a->r. */
static int
pt_alloc(struct pt_alloc *a, int lvl, u64 upper)
{
	a->r = pt_next_table(a, lvl, upper);
	return a->r;
}

/* The entry pgtable_slot() stopped at, or its error. */
static int
pt_found(struct pt_alloc *a, u64 entry, u64 *entry_pa)
{
	if (a->r == 0)
		*entry_pa = entry;
	return a->r;
}

/*
 * Down from the pgd entry, a level at a time: it stops at lvl, or where
 * the next table is missing and cannot be made.
 */
int
pgtable_slot(struct machine *m, u64 root, u64 va, int lvl, bool create,
	     u64 *entry_pa, struct error *e)
{
	struct pt_alloc a = {
		.m = m, .va = va, .create = create, .e = e,
		.prot = va < m->lay.task_size ? PAGE_TABLE_USER :
			PAGE_TABLE_KERNEL,
	};
	u64 pgd, p4d, pud, pmd;

	pgd = pgd_offset_pgd(&m->mmu, root, va);
	if (lvl == LVL_PGD || pt_alloc(&a, LVL_P4D, pgd))
		return pt_found(&a, pgd, entry_pa);
	p4d = p4d_offset(m, pgd, va);
	if (lvl == LVL_P4D || pt_alloc(&a, LVL_PUD, p4d))
		return pt_found(&a, p4d, entry_pa);
	pud = pud_offset(m, p4d, va);
	if (lvl == LVL_PUD || pt_alloc(&a, LVL_PMD, pud))
		return pt_found(&a, pud, entry_pa);
	pmd = pmd_offset(m, pud, va);
	if (lvl == LVL_PMD || pt_alloc(&a, LVL_PTE, pmd))
		return pt_found(&a, pmd, entry_pa);
	return pt_found(&a, pte_offset_kernel(m, pmd, va), entry_pa);
}

static int
leaf_level(const struct mmu *mmu, unsigned shift)
{
	int i;

	for (i = mmu->nwalk - 1; i >= 0; i--) {
		const struct pt_level *L = &mmu->lv[mmu->walk[i]];

		if (L->leaf_shift == shift)
			return mmu->walk[i];
	}
	return -1;
}

int
pgtable_map(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
	    unsigned shift, pgprot_t prot, struct error *e)
{
	int lvl = leaf_level(&m->mmu, shift);
	u64 step = 1ULL << shift, off;

	if (lvl < 0)
		return error_set(e, -EINVAL, "this paging mode has no %llu-byte "
				 "pages", (unsigned long long)step);
	if ((va | pa | size) & (step - 1))
		return error_set(e, -EINVAL, "0x%llx -> 0x%llx is not aligned "
				 "to the page size", (unsigned long long)va,
				 (unsigned long long)pa);
	for (off = 0; off < size; off += step) {
		u64 epa;
		int r = pgtable_slot(m, root, va + off, lvl, true, &epa, e);

		if (r)
			return r;
		write_leaf(m, lvl, epa, m->arch->mk_leaf(&m->mmu, lvl, pa + off,
							 prot), va + off);
	}
	return 0;
}

int
pgtable_map_range(struct machine *m, u64 root, u64 va, u64 pa, u64 size,
		  unsigned max_shift, pgprot_t prot, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	u64 end = va + size;
	struct progress pg;
	char why[200];
	int r = 0;

	progress_begin(&pg, "map", "pages", size >> PAGE_SHIFT, 0);
	while (va < end) {
		unsigned best = PAGE_SHIFT;
		int i;

		for (i = 0; i < mmu->npage_shifts; i++) {
			unsigned s = mmu->page_shifts[i];
			u64 sz = 1ULL << s;

			/* sizes the MMU walks but Linux never builds
			 * (arm 64K pages, supersections) are skipped */
			if (s > max_shift || s <= best ||
			    leaf_level(mmu, s) < 0)
				continue;
			if (((va | pa) & (sz - 1)) == 0 && end - va >= sz)
				best = s;
		}
		if (pgtable_map(m, root, va, pa, 1ULL << best, best, prot, e)) {
			r = e ? e->code : -EINVAL;
			break;
		}
		va += 1ULL << best;
		pa += 1ULL << best;
		if (progress_add(&pg, 1ULL << (best - PAGE_SHIFT)) != 0) {
			progress_why(&pg, why, sizeof(why));
			r = error_set(e, pg.stop, "mapping %s", why);
			break;
		}
	}
	progress_end(&pg);
	return r;
}

int
pgtable_prealloc(struct machine *m, u64 root, u64 va, u64 size,
		 struct error *e)
{
	const struct pt_level *L = &m->mmu.lv[LVL_PTE];
	u64 step = 1ULL << (L->shift + L->bits), a, end = va + size, epa;

	for (a = va & ~(step - 1); a < end; a += step) {
		int r = pgtable_slot(m, root, a, LVL_PTE, true, &epa, e);

		if (r)
			return r;
		if (a + step < a)
			break;
	}
	return 0;
}

u64
pgtable_clear(struct machine *m, u64 root, u64 va)
{
	u64 epa, old = 0;

	if (pgtable_slot(m, root, va, LVL_PTE, false, &epa, NULL))
		return 0;
	if (m->arch->get_leaf != NULL)
		old = m->arch->get_leaf(m, LVL_PTE, epa);
	else
		phys_read_entry(&m->phys, epa, m->mmu.lv[LVL_PTE].esize, &old);
	write_leaf(m, LVL_PTE, epa, 0, va);
	return old;
}

u64
pgtable_clear_leaf(struct machine *m, u64 root, u64 va, unsigned *shift)
{
	struct walk w;
	const struct walk_step *s;
	u64 old;

	*shift = 0;
	if (mmu_walk(&m->mmu, &m->phys, root, va, &w) != WF_NONE) {
		/*
		 * A leaf the hardware cannot use may still be live for
		 * Linux (arm: an old or PROT_NONE PTE has no hardware copy).
		 */
		if (w.fault != WF_NOT_PRESENT || w.nsteps == 0)
			return 0;
		s = &w.step[w.nsteps - 1];
		if (m->arch->get_leaf == NULL ||
		    s->lvl != m->mmu.walk[m->mmu.nwalk - 1] ||
		    (old = m->arch->get_leaf(m, s->lvl, s->entry_pa)) == 0) {
			/* a hole as large as the absent entry's span */
			*shift = m->mmu.lv[s->lvl].shift;
			return 0;
		}
		write_leaf(m, s->lvl, s->entry_pa, 0, va);
		*shift = m->mmu.lv[s->lvl].leaf_shift;
		return old;
	}
	s = &w.step[w.nsteps - 1];
	if (m->arch->get_leaf != NULL)
		old = m->arch->get_leaf(m, s->lvl, s->entry_pa);
	else
		old = s->entry;
	write_leaf(m, s->lvl, s->entry_pa, 0, va);
	*shift = w.shift;
	return old;
}
