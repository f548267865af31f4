// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Page faults and user page tables (cf. arch/x86/mm/fault.c,
 * arch/arm/mm/fault.c, arch/arm64/mm/fault.c, mm/memory.c): the arch's
 * fault entry decodes the fault and finds the VMA, handle_mm_fault()
 * dispatches on the PTE: do_anonymous_page, do_read_fault, do_cow_fault,
 * do_shared_fault, do_wp_page; then zap_page_range, free_pgtables and
 * change_protection for munmap, exit and mprotect.
 *
 * sim: no fault-around (do_read_fault maps only the faulting page), no
 * swap, no THP, no NUMA balancing, no userfaultfd.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/log2.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/peek.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/slab.h"

/*
 * PTE helpers: the Linux view of a PTE (pte_present, pte_write, ...)
 */

struct pteinfo {
	u64 val;		/* the Linux PTE */
	bool none, present, write, dirty, young, special, protnone;
	bool nopage;		/* present, but no struct page for the pfn */
	u64 pfn;
	pgprot_t prot;		/* generic rights + attributes */
};

/*
 * vm_normal_page(): whether a present PTE's frame has a struct page whose
 * references and mappings the PTE counts.  Not a special PTE, not the
 * shared zero page (is_zero_pfn: arm has no special bit) and not a pfn
 * without a descriptor: Linux finds such a pfn above highest_memmap_pfn,
 * reports it (print_bad_pte, "Bad page map") and treats the entry as
 * special, so that nothing dereferences a struct page that is not there.
 */
bool
vm_normal_page(struct machine *m, u64 pfn, u32 attr)
{
	if (attr & P_SPECIAL)
		return false;
	if (pfn == tasks_of(m)->zero_pfn)
		return false;
	return pfn_valid(m, pfn);
}

u64
pte_read(struct machine *m, u64 epa)
{
	u64 v = 0;

	if (m->arch->get_leaf != NULL)
		return m->arch->get_leaf(m, LVL_PTE, epa);
	phys_read_entry(&m->phys, epa, m->mmu.lv[LVL_PTE].esize, &v);
	return v;
}

void
pte_write(struct machine *m, u64 epa, u64 val, u64 va)
{
	if (m->arch->set_leaf != NULL)
		m->arch->set_leaf(m, LVL_PTE, epa, val, va);
	else
		phys_write_entry(&m->phys, epa, m->mmu.lv[LVL_PTE].esize, val);
}

static void
pte_info(struct machine *m, u64 val, struct pteinfo *p)
{
	struct pte_decode d;

	memset(p, 0, sizeof(*p));
	p->val = val;
	p->none = val == 0;
	if (p->none)
		return;
	if (m->arch->sw_decode != NULL)
		m->arch->sw_decode(&m->mmu, LVL_PTE, val, &d);
	else
		m->arch->decode(&m->mmu, LVL_PTE, val, &d);
	if (d.kind != PT_LEAF)
		return;
	p->present = true;
	p->pfn = d.addr >> PAGE_SHIFT;
	/* the zero page stays special when its PTE is rewritten */
	if (p->pfn == tasks_of(m)->zero_pfn)
		d.attr |= P_SPECIAL;
	p->nopage = !(d.attr & P_SPECIAL) && !pfn_valid(m, p->pfn);
	p->protnone = d.attr & P_PROTNONE;
	p->write = d.perm & P_UW;
	p->dirty = d.attr & P_DIRTY;
	p->young = d.attr & P_YOUNG;
	p->special = (d.attr & P_SPECIAL) || p->nopage;
	p->prot = (d.perm & P_PERM) | (d.attr & (P_GLOBAL | P_YOUNG |
		P_DIRTY | P_NOCACHE | P_WC | P_SPECIAL | P_UCMINUS |
		P_PROTNONE));
}

static u64
mk_pte(struct machine *m, u64 pfn, pgprot_t prot)
{
	return m->arch->mk_leaf(&m->mmu, LVL_PTE, pfn << PAGE_SHIFT, prot);
}

static pgprot_t
prot_mkwrite(pgprot_t p)
{
	return p | P_UW | P_KW;
}

static pgprot_t
prot_wrprotect(pgprot_t p)
{
	return p & ~(pgprot_t)(P_UW | P_KW);
}

/*
 * A PTE as the trace records it: where Linux keeps its own PTE beside the
 * hardware one (arm), the Linux view and the hardware entry.
 */
static struct trace_pte
pte_for_trace(struct machine *m, u64 val, u64 epa)
{
	struct trace_pte t = { .val = val };
	struct pteinfo p;

	if (val == 0 || m->arch->get_leaf == NULL)
		return t;
	pte_info(m, val, &p);
	t.linux_pte = true;
	t.present = p.present;
	t.young = p.young;
	t.dirty = p.dirty;
	t.write = p.write;
	t.user = (p.prot & (P_UR | P_UW | P_UX)) != 0;
	t.exec = (p.prot & P_UX) != 0;
	t.special = p.special;
	phys_read_entry(&m->phys, epa, m->mmu.lv[LVL_PTE].esize, &t.hw);
	return t;
}

/*
 * User page tables
 */

static u64 child_table(struct machine *m, u64 table, int i, u64 k);
static void table_group(struct machine *m, u64 table, int i, u64 k, u64 *g0,
			u64 *g1);

static u64
alloc_user_table(struct machine *m, struct mm_struct *mm, int lvl,
		 struct error *e)
{
	bool on = kt_quiet(m);
	u64 pa = pgtable_alloc_table(m, lvl, e);

	kt_restore(m, on);
	if (pa != 0)
		mm->pgtables_bytes += PAGE_SIZE;
	return pa;
}

/*
 * Populate the entry upper (of level ul) of mm's tables with table t.
 * With two pgds (PTI), a pgd entry of user space goes into both
 * (pti_set_user_pgtbl): the user's copy as it is, the kernel's no-exec,
 * so that the kernel never runs user code.
 */
static void
user_pgd_populate(struct machine *m, struct mm_struct *mm, int ul, u64 upper,
		  u64 t)
{
	if (ul != LVL_PGD || !m->user_pgd_offset ||
	    (upper & PAGE_MASK) != mm->pgd) {
		pgtable_populate(m, ul, upper, t, PAGE_TABLE_USER);
		return;
	}
	pgtable_populate(m, ul, upper + m->user_pgd_offset, t,
			 PAGE_TABLE_USER);
	pgtable_populate(m, ul, upper, t, PAGE_TABLE_USER & ~(P_KX | P_UX));
}

/*
 * __p4d_alloc() ... __pte_alloc() of a process: the entry upper, of the
 * level above lvl, must hold a table: when it is empty, a new table of
 * level lvl (with create), counted in the mm.  Nothing to do for a folded
 * level.
 */
static int
user_pt_alloc(struct machine *m, struct mm_struct *mm, int lvl, u64 upper,
	      u64 addr, bool create, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	int ul = pt_entry_level(mmu, lvl - 1);
	const struct pt_level *L = &mmu->lv[ul];
	u64 ent, t, start = addr & ~((1ULL << L->shift) - 1);
	struct pte_decode d;

	if (mmu->lv[lvl].folded)
		return 0;
	pt_entry(m, ul, upper, &ent, &d);
	if (d.kind == PT_TABLE)
		return 0;
	if (d.kind != PT_NONE)
		return error_set(e, -EFAULT, "%s entry %s at %s is not a table",
				 L->name, fentry(m, LVL_PTE, ent),
				 fpa(m, upper));
	if (!create)
		return -ENOENT;
	t = alloc_user_table(m, mm, lvl, e);
	if (t == 0)
		return e ? e->code : -ENOMEM;
	user_pgd_populate(m, mm, ul, upper, t);
	trace_event(m, pgtable_alloc, .lvl = lvl, .table = t, .start = start,
		    .end = start + (1ULL << L->shift), .parent = ul,
		    .index = pt_index(mmu, ul, addr));
	/* where the entry points now (arm: the hardware table) */
	pt_entry(m, ul, upper, &ent, &d);
	if (d.kind != PT_TABLE)
		return error_set(e, -EINVAL, "linking the %s table failed",
				 mmu->lv[lvl].name);
	return 0;
}

int
user_pte_slot(struct machine *m, struct mm_struct *mm, u64 addr, bool create,
	      u64 *epa, struct error *e)
{
	u64 pgd, p4d, pud, pmd;
	int r;

	pgd = pgd_offset(m, mm, addr);
	r = user_pt_alloc(m, mm, LVL_P4D, pgd, addr, create, e);
	if (r)
		return r;
	p4d = p4d_offset(m, pgd, addr);
	r = user_pt_alloc(m, mm, LVL_PUD, p4d, addr, create, e);
	if (r)
		return r;
	pud = pud_offset(m, p4d, addr);
	r = user_pt_alloc(m, mm, LVL_PMD, pud, addr, create, e);
	if (r)
		return r;
	pmd = pmd_offset(m, pud, addr);
	r = user_pt_alloc(m, mm, LVL_PTE, pmd, addr, create, e);
	if (r)
		return r;
	*epa = pte_offset_map(m, pmd, addr);
	return 0;
}

u64
user_pte(struct machine *m, struct mm_struct *mm, u64 addr, u64 *pte_pa)
{
	u64 epa;

	if (user_pte_slot(m, mm, addr, false, &epa, NULL))
		return 0;
	if (pte_pa != NULL)
		*pte_pa = epa;
	return pte_read(m, epa);
}

/* The lowest address of the kernel's part of a pgd. */
static u64
kernel_pgd_addr(const struct machine *m)
{
	return m->lay.kernel_pgd_start ? m->lay.kernel_pgd_start :
		MIN(m->lay.page_offset, m->lay.modules_vaddr);
}

/* The first pgd index the kernel owns (KERNEL_PGD_BOUNDARY). */
static u64
kernel_pgd_boundary(const struct machine *m)
{
	u64 start = kernel_pgd_addr(m);

	if (m->mmu.lv[LVL_PGD].shift >= 64)
		return 0;
	return pgd_index(&m->mmu, start);
}

/*
 * PAE with PTI (!SHARED_KERNEL_PMD): each pgd has its own copy of the
 * kernel's pmds (pgd_prepopulate_pmd) and of the pmds of swapper's user
 * half (pgd_prepopulate_user_pmd); their page tables stay shared.
 */
static int
pgd_prepopulate_kernel_pmds(struct machine *m, struct mm_struct *mm,
			    u64 first, struct error *e)
{
	const struct pt_level *L = &m->mmu.lv[LVL_PGD];
	const struct pt_level *P = &m->mmu.lv[LVL_PMD];
	u64 n = 1ULL << L->bits, i, off, k;

	for (i = first; i < n; i++)
		for (off = 0; off <= m->user_pgd_offset; off += PAGE_SIZE) {
			u64 src = m->swapper_pg_dir + off + i * L->esize, t, v;
			struct pte_decode d;

			pt_entry(m, LVL_PGD, src, &v, &d);
			if (d.kind != PT_TABLE)
				continue;
			t = alloc_user_table(m, mm, LVL_PMD, e);
			if (t == 0)
				return e ? e->code : -ENOMEM;
			for (k = 0; k < (1ULL << P->bits); k++) {
				v = 0;
				phys_read_entry(&m->phys, d.addr + k * P->esize,
						P->esize, &v);
				phys_write_entry(&m->phys, t + k * P->esize,
						 P->esize, v);
			}
			pgtable_populate(m, LVL_PGD, mm->pgd + off +
					 i * L->esize, t, PAGE_TABLE_KERNEL);
		}
	return 0;
}

int
pgd_alloc(struct machine *m, struct mm_struct *mm, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	const struct pt_level *L = &mmu->lv[LVL_PGD];
	u64 size = m->arch->table_size(mmu, LVL_PGD), pgd, first, n, i;

	if (m->user_pgd_offset) {
		/* PTI: PGD_ALLOCATION_ORDER 1, the kernel's pgd, the user's */
		mm->pgd_order = 1;
		if (mm_alloc_pgd_pages(m, mm->pgd_order, &pgd, e))
			return e ? e->code : -ENOMEM;
		mm->pgtables_bytes += PAGE_SIZE << mm->pgd_order;
	} else if (size > PAGE_SIZE) {
		/* arm: the 16K pgd, __get_free_pages(GFP_KERNEL, 2) */
		mm->pgd_order = get_order(size);
		if (mm_alloc_pgd_pages(m, mm->pgd_order, &pgd, e))
			return e ? e->code : -ENOMEM;
		mm->pgtables_bytes += PAGE_SIZE << mm->pgd_order;
	} else if (size < PAGE_SIZE && tasks_of(m)->pgd_cache != NULL) {
		/* PAE: a 32-byte object of pgd_cache (_pgd_alloc) */
		u64 va;
		bool on = kt_quiet(m);

		va = kmem_cache_alloc(m, tasks_of(m)->pgd_cache,
				      GFP_KERNEL | __GFP_ZERO | __GFP_ACCOUNT, e);
		kt_restore(m, on);
		if (va == 0 || machine_pa(m, va, &pgd, e))
			return e ? e->code : -ENOMEM;
		phys_zero(&m->phys, pgd, size, NULL);
		mm->pgd_slab = true;
		trace_event(m, pgd_alloc_slab, .size = size, .va = va);
	} else {
		pgd = alloc_user_table(m, mm, LVL_PGD, e);
		if (pgd == 0)
			return e ? e->code : -ENOMEM;
	}
	mm->pgd = pgd;
	n = 1ULL << L->bits;
	if (mmu->split_roots) {
		trace_event(m, pgd_alloc, .pgd = pgd, .first = n,
			    .user_only = true);
		return 0;
	}
	first = kernel_pgd_boundary(m);
	/*
	 * clone_pgd_range(): the kernel's entries from swapper_pg_dir, and
	 * with PTI those of its user half into the user pgd
	 */
	for (i = first; i < n; i++) {
		u64 v = 0, off;

		for (off = 0; off <= m->user_pgd_offset; off += PAGE_SIZE) {
			phys_read_entry(&m->phys, m->swapper_pg_dir + off +
					i * L->esize, L->esize, &v);
			phys_write_entry(&m->phys, pgd + off + i * L->esize,
					 L->esize, v);
			if (!m->user_pgd_offset)
				break;
		}
	}
	trace_event(m, pgd_alloc, .pgd = pgd, .first = first, .last = n - 1,
		    .kernel_start = kernel_pgd_addr(m) &
		    ~((1ULL << L->shift) - 1),
		    .user_pgd = m->user_pgd_offset ? pgd + m->user_pgd_offset :
		    0);
	/*
	 * PAE: the CPU loads the four PDPTEs with CR3, so a pgd cannot gain
	 * a pmd later: the user pmds are preallocated (pgd_prepopulate_pmd)
	 * and the kernel's pmd is shared (SHARED_KERNEL_PMD).
	 */
	if (L->bits <= 2 && !mmu->lv[LVL_PMD].folded) {
		for (i = 0; i < first; i++) {
			u64 t = alloc_user_table(m, mm, LVL_PMD, e);

			if (t == 0)
				return e ? e->code : -ENOMEM;
			user_pgd_populate(m, mm, LVL_PGD, pgd + i * L->esize,
					  t);
		}
		mm->pmd_prealloc = true;
		trace_event(m, pgd_prepopulate_pmd, .pmds = first,
			    .own_kernel = m->user_pgd_offset != 0);
		if (m->user_pgd_offset)
			return pgd_prepopulate_kernel_pmds(m, mm, first, e);
	}
	return 0;
}

static void
free_table(struct machine *m, struct mm_struct *mm, u64 pa)
{
	bool on = kt_quiet(m);

	if (m->free_table_page != NULL)
		m->free_table_page(m, pa);
	kt_restore(m, on);
	mm->pgtables_bytes -= PAGE_SIZE;
}

/*
 * Free the user tables below `table` (level index i) entirely; path[]
 * holds the tables above it.  A hand-made entry pointing back up is left
 * alone: freeing the table it names would free one still in use.
 */
static void
free_subtree(struct machine *m, struct mm_struct *mm, u64 table, int i,
	     u64 *path)
{
	const struct mmu *mmu = &m->mmu;
	const struct pt_level *L = &mmu->lv[mmu->walk[i]];
	u64 n = 1ULL << L->bits, k;

	if (mmu->walk[i] == LVL_PTE)
		return;
	path[i] = table;
	for (k = 0; k < n; k++) {
		u64 child = child_table(m, table, i, k), g0, g1;

		if (child == 0 || table_on_path(path, i, child))
			continue;
		table_group(m, table, i, k, &g0, &g1);
		free_subtree(m, mm, child, i + 1, path);
		free_table(m, mm, child & PAGE_MASK);
		k = g1;
	}
}

void
pgd_free(struct machine *m, struct mm_struct *mm)
{
	const struct mmu *mmu = &m->mmu;
	const struct pt_level *L = &mmu->lv[LVL_PGD];
	u64 first = mmu->split_roots ? (1ULL << L->bits) :
		kernel_pgd_boundary(m), k, path[NR_LEVELS];

	/* whatever user tables are left (PAE's preallocated pmds) */
	path[0] = mm->pgd;
	for (k = 0; k < first; k++) {
		u64 child = child_table(m, mm->pgd, 0, k), g0, g1;

		if (child == 0 || table_on_path(path, 0, child))
			continue;
		table_group(m, mm->pgd, 0, k, &g0, &g1);
		free_subtree(m, mm, child, 1, path);
		free_table(m, mm, child & PAGE_MASK);
		k = g1;
	}
	/* PAE with PTI: the pmd copies of the kernel's and user's halves */
	for (k = first; mm->pmd_prealloc && m->user_pgd_offset &&
	     k < (1ULL << L->bits); k++) {
		u64 off;

		for (off = 0; off <= m->user_pgd_offset; off += PAGE_SIZE) {
			u64 child = child_table(m, mm->pgd + off, 0, k);

			if (child != 0)
				free_table(m, mm, child & PAGE_MASK);
		}
	}
	if (mm->pgd_slab) {
		u64 va = 0;
		bool on = kt_quiet(m);

		if (machine_va(m, mm->pgd, &va, NULL) == 0)
			kmem_cache_free(m, tasks_of(m)->pgd_cache, va, NULL);
		kt_restore(m, on);
	} else if (mm->pgd_order) {
		mm_free_pgd_pages(m, mm->pgd, mm->pgd_order);
		mm->pgtables_bytes -= PAGE_SIZE << mm->pgd_order;
	} else {
		free_table(m, mm, mm->pgd);
	}
	mm->pgd = 0;
	mm->pgtables_bytes = 0;
}

/*
 * Walking the present tables of a range
 */

/*
 * Is table one of the tables above the walk's current entry?  Tables the
 * kernel builds never point back up; an entry written by hand can (a pud
 * entry naming the pgd), and following it would revisit the tree.  The
 * walkers of user page tables do not follow such an entry.
 */
bool
table_on_path(const u64 *path, int depth, u64 table)
{
	int k;

	for (k = 0; k <= depth; k++)
		if ((path[k] & PAGE_MASK) == (table & PAGE_MASK))
			return true;
	return false;
}

/*
 * walk_pgd_range() and below (cf. mm/pagewalk.c): only tables that are
 * there are visited; an absent pgd, p4d, pud or pmd entry skips its whole
 * span at once, so the cost follows the tables, not the size of the range.
 */
static void
walk_level(struct mm_walk *rw, u64 table, int i, u64 base)
{
	struct machine *m = rw->m;
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[i];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 span = 1ULL << L->shift, nent = 1ULL << L->bits;
	u64 lo = rw->start > base ? (rw->start - base) >> L->shift : 0;
	u64 hi = (rw->end - 1 - base) >> L->shift, k;

	if (rw->end - 1 < base)
		return;
	if (hi >= nent)
		hi = nent - 1;
	rw->path[i] = table;
	for (k = lo; k <= hi; k++) {
		u64 va = base + k * span, epa = table + k * L->esize, ent;
		struct pte_decode d;

		if (lvl == LVL_PTE) {
			rw->pte_entry(rw, va, epa);
			continue;
		}
		pt_entry(m, lvl, epa, &ent, &d);
		if (d.kind == PT_TABLE && !table_on_path(rw->path, i, d.addr))
			walk_level(rw, d.addr, i + 1, va);
	}
}

void
walk_page_range(struct mm_walk *rw)
{
	if (rw->end > rw->start)
		walk_level(rw, rw->mm->pgd, 0, 0);
}

static void
flush_one(struct mm_walk *rw, u64 va)
{
	if (rw->nflush++ == 0)
		rw->first_flush = va;
	mm_tlb_flush_page(rw->m, rw->mm, va);
}

/* zap_pte_range(): every present PTE cleared, its page released */
static void
zap_one(struct mm_walk *rw, u64 va, u64 epa)
{
	struct machine *m = rw->m;
	struct pteinfo p;

	pte_info(m, pte_read(m, epa), &p);
	if (p.none)
		return;
	pte_write(m, epa, 0, va);
	flush_one(rw, va);
	if (p.nopage)
		trace_event(m, zap_pte_nopage, .pte = p.val, .epa = epa,
			    .pfn = p.pfn);
	if (!p.present || p.special)
		return;
	mm_page_remove_rmap(m, p.pfn);
	if (mm_page_anon(m, p.pfn))
		rw->mm->rss[MM_ANONPAGES]--;
	else
		rw->mm->rss[MM_FILEPAGES]--;
	mm_put_page(m, p.pfn);
}

void
zap_page_range(struct machine *m, struct mm_struct *mm,
	       struct vm_area_struct *vma, u64 start, u64 end)
{
	struct mm_walk rw = { .m = m, .mm = mm, .vma = vma, .start = start,
			      .end = end, .pte_entry = zap_one };
	u64 anon = mm->rss[MM_ANONPAGES], file = mm->rss[MM_FILEPAGES];

	walk_page_range(&rw);
	if (rw.nflush)
		trace_event(m, zap_page_range, .start = start, .end = end,
			    .ptes = rw.nflush,
			    .anon = anon - mm->rss[MM_ANONPAGES],
			    .file = file - mm->rss[MM_FILEPAGES]);
}

/* free_pgtables(): tables whose whole span no VMA uses any more */
static bool
span_in_use(struct mm_struct *mm, u64 start, u64 len)
{
	struct vm_area_struct *v = find_vma(mm, start);

	return v != NULL && v->vm_start < start + len;
}

/* The table of entry k at level i (0: not a table). */
static u64
child_table(struct machine *m, u64 table, int i, u64 k)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[i];
	struct pte_decode d;
	u64 ent;

	pt_entry(m, lvl, table + k * mmu->lv[lvl].esize, &ent, &d);
	return d.kind == PT_TABLE ? d.addr : 0;
}

/*
 * Entries [*g0, *g1] around k whose tables share one page (arm: a Linux
 * pgd entry is two hardware entries, their tables one page).
 */
static void
table_group(struct machine *m, u64 table, int i, u64 k, u64 *g0, u64 *g1)
{
	const struct pt_level *L = &m->mmu.lv[m->mmu.walk[i]];
	u64 page = child_table(m, table, i, k) & PAGE_MASK, n = 1ULL << L->bits;

	*g0 = *g1 = k;
	if (page == 0)
		return;		/* not a table: no group */
	while (*g0 > 0 && (child_table(m, table, i, *g0 - 1) & PAGE_MASK) ==
	       page)
		(*g0)--;
	while (*g1 + 1 < n && (child_table(m, table, i, *g1 + 1) & PAGE_MASK) ==
	       page)
		(*g1)++;
}

static void
free_level(struct machine *m, struct mm_struct *mm, u64 table, int i,
	   u64 base, u64 start, u64 end, u64 limit, u64 *path)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[i];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 span = 1ULL << L->shift, nent = 1ULL << L->bits;
	u64 lo = start > base ? (start - base) >> L->shift : 0;
	u64 hi = (end - 1 - base) >> L->shift, k, g0, g1, g;

	if (lvl == LVL_PTE || end - 1 < base)
		return;
	if (hi >= nent)
		hi = nent - 1;
	path[i] = table;
	for (k = lo; k <= hi && k < limit; k++) {
		u64 va = base + k * span, child = child_table(m, table, i, k);

		/* an entry pointing back up: neither followed nor freed */
		if (child == 0 || table_on_path(path, i, child))
			continue;
		free_level(m, mm, child, i + 1, va, MAX(start, va),
			   MIN(end - 1, va + span - 1) + 1, ~0ULL, path);
		table_group(m, table, i, k, &g0, &g1);
		if (g1 >= limit ||
		    span_in_use(mm, base + g0 * span, (g1 - g0 + 1) * span))
			continue;
		/* PAE's preallocated pmds stay until pgd_free */
		if (i == 0 && mm->pmd_prealloc)
			continue;
		for (g = g0; g <= g1; g++) {
			phys_write_entry(&m->phys, table + g * L->esize,
					 L->esize, 0);
			/* the user pgd's copy (PTI) */
			if (i == 0 && m->user_pgd_offset)
				phys_write_entry(&m->phys, table +
						 m->user_pgd_offset +
						 g * L->esize, L->esize, 0);
		}
		free_table(m, mm, child & PAGE_MASK);
		trace_event(m, free_pgtables, .lvl = mmu->walk[i + 1],
			    .table = child & PAGE_MASK,
			    .start = base + g0 * span,
			    .end = base + (g1 + 1) * span, .parent = lvl,
			    .first = g0, .last = g1);
		k = g1;
	}
}

void
free_pgtables(struct machine *m, struct mm_struct *mm, u64 start, u64 end)
{
	u64 limit = m->mmu.split_roots ? ~0ULL : kernel_pgd_boundary(m);
	u64 path[NR_LEVELS];

	if (end <= start)
		return;
	free_level(m, mm, mm->pgd, 0, 0, start, end, limit, path);
}

/* change_pte_range(): PTEs follow the VMA's new vm_page_prot */
static void
chprot_one(struct mm_walk *rw, u64 va, u64 epa)
{
	struct machine *m = rw->m;
	struct vm_area_struct *vma = rw->vma;
	struct pteinfo p;
	pgprot_t prot;
	u64 nv;

	pte_info(m, pte_read(m, epa), &p);
	if (!p.present)
		return;
	/* pte_modify(): the new rights, the old young, dirty and special */
	prot = (vma->vm_page_prot & ~(pgprot_t)P_YOUNG) |
		(p.prot & (P_DIRTY | P_SPECIAL | P_YOUNG));
	/*
	 * MM_CP_TRY_CHANGE_WRITABLE (can_change_pte_writable(), 5.19+): a
	 * writable private VMA's PTE becomes writable at once when its page
	 * is anonymous and this mapping's alone; any other private page stays
	 * read-only and the next write faults (do_wp_page).  A shared
	 * mapping's PTE is writable only when dirty (already accounted).
	 */
	if (vma->vm_flags & VM_SHARED) {
		if (!p.dirty)
			prot = prot_wrprotect(prot);
	} else if ((vma->vm_flags & VM_WRITE) && !p.special &&
		   mm_page_anon(m, p.pfn) && mm_page_mapcount(m, p.pfn) == 1 &&
		   mm_page_count(m, p.pfn) == 1) {
		prot = prot_mkwrite(prot);
	}
	if (p.special)
		prot = prot_wrprotect(prot);
	nv = mk_pte(m, p.pfn, prot);
	if (nv == p.val)
		return;
	pte_write(m, epa, nv, va);
	flush_one(rw, va);
}

void
change_protection(struct machine *m, struct vm_area_struct *vma, u64 start,
		  u64 end)
{
	struct mm_walk rw = { .m = m, .mm = vma->vm_mm, .vma = vma,
			      .start = start, .end = end,
			      .pte_entry = chprot_one };

	walk_page_range(&rw);
	if (rw.nflush)
		trace_event(m, change_protection, .start = start, .end = end,
			    .ptes = rw.nflush);
}

/*
 * Fault handlers
 */

struct vm_fault {
	struct machine *m;
	struct task_struct *t;
	struct vm_area_struct *vma;
	u64 addr;		/* page aligned */
	u64 real;		/* the faulting address */
	bool write, exec;
	u64 epa;		/* the PTE's address */
	struct pteinfo orig;
	u64 pgoff;		/* file page index */
	struct error *e;
};

static int
alloc_user(struct vm_fault *vf, bool zero, bool anon, u64 *pfn)
{
	struct machine *m = vf->m;

	if (mm_alloc_user_page(m, zero, anon ? "anon" : "page cache", pfn,
			       vf->e)) {
		trace_event(m, fault_alloc_page, .zero = zero, .failed = true,
			    .why = trace_str(m, vf->e->msg));
		return VM_FAULT_OOM;
	}
	trace_event(m, fault_alloc_page, .zero = zero, .pfn = *pfn);
	return 0;
}

static void
set_pte_at(struct vm_fault *vf, u64 val, enum set_pte_why why)
{
	struct machine *m = vf->m;

	pte_write(m, vf->epa, val, vf->addr);
	trace_event(m, set_pte_at, .epa = vf->epa, .old = vf->orig.val,
		    .pte = pte_for_trace(m, val, vf->epa), .why = why);
}

/* do_anonymous_page() */
static int
do_anonymous_page(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	struct vm_area_struct *vma = vf->vma;
	struct mm_struct *mm = vma->vm_mm;
	u64 pfn;
	int r;

	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;
	if (!vf->write) {
		pfn = tasks_of(m)->zero_pfn;
		trace_event(m, do_anonymous_page, .zero_pfn = pfn);
		set_pte_at(vf, mk_pte(m, pfn, prot_wrprotect(vma->vm_page_prot) |
				      P_SPECIAL), SETPTE_ZERO_PAGE);
		return 0;
	}
	if (vma->anon_vma == NULL) {
		vma->anon_vma = xcalloc(1, sizeof(*vma->anon_vma));
		vma->anon_vma->refs = 1;
		trace_event(m, anon_vma_prepare);
	}
	trace_event(m, do_anonymous_page, .write = true);
	r = alloc_user(vf, true, true, &pfn);
	if (r)
		return r;
	mm_page_set_anon(m, pfn, vma->anon_vma,
			 (vf->addr - vma->vm_start) / PAGE_SIZE + vma->vm_pgoff);
	mm_page_add_rmap(m, pfn);
	mm->rss[MM_ANONPAGES]++;
	set_pte_at(vf, mk_pte(m, pfn, prot_mkwrite(vma->vm_page_prot) |
			      P_DIRTY), SETPTE_MKWRITE_MKDIRTY);
	return 0;
}

/*
 * filemap_fault(): the page cache page of vf->pgoff, read from the file
 * (a major fault) when not cached.  Returns it with a reference held.
 */
static int
filemap_fault(struct vm_fault *vf, u64 *pfn)
{
	struct machine *m = vf->m;
	struct file *f = vf->vma->vm_file;
	u64 off = vf->pgoff << PAGE_SHIFT, n;
	int r;

	if (off >= f->size || vf->pgoff >= (1ULL << (64 - PAGE_SHIFT))) {
		trace_event(m, filemap_fault, .how = FILEMAP_BEYOND_EOF,
			    .pgoff = vf->pgoff, .path = trace_str(m, f->path),
			    .size = f->size);
		return VM_FAULT_SIGBUS;
	}
	if (filemap_get(&f->mapping, vf->pgoff, pfn) == 0) {
		mm_get_page(m, *pfn);
		trace_event(m, filemap_fault, .how = FILEMAP_CACHED,
			    .pgoff = vf->pgoff, .path = trace_str(m, f->path),
			    .pfn = *pfn);
		return 0;
	}
	r = alloc_user(vf, false, false, pfn);
	if (r)
		return r;
	n = MIN(PAGE_SIZE, f->size - off);
	phys_write(&m->phys, *pfn << PAGE_SHIFT, f->data + off, n, NULL);
	if (n < PAGE_SIZE)
		phys_zero(&m->phys, (*pfn << PAGE_SHIFT) + n, PAGE_SIZE - n,
			  NULL);
	mm_page_set_file(m, *pfn, f, vf->pgoff);
	filemap_add(&f->mapping, vf->pgoff, *pfn);
	mm_get_page(m, *pfn);		/* the caller's; the cache keeps one */
	trace_event(m, filemap_fault, .how = FILEMAP_READ, .pgoff = vf->pgoff,
		    .path = trace_str(m, f->path), .size = n, .offset = off,
		    .pfn = *pfn);
	return VM_FAULT_MAJOR;
}

/* do_read_fault(): map the page cache page read-only */
static int
do_read_fault(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	struct vm_area_struct *vma = vf->vma;
	u64 pfn;
	int r;

	trace_event(m, do_fault, .how = FAULT_READ, .pgoff = vf->pgoff,
		    .path = trace_str(m, vma->vm_file->path));
	r = filemap_fault(vf, &pfn);
	if (r & VM_FAULT_ERROR)
		return r;
	mm_page_add_rmap(m, pfn);
	vma->vm_mm->rss[MM_FILEPAGES]++;
	set_pte_at(vf, mk_pte(m, pfn, (vma->vm_flags & VM_SHARED) ?
			      prot_wrprotect(vma->vm_page_prot) :
			      vma->vm_page_prot),
		   (vma->vm_flags & VM_WRITE) ? SETPTE_READ_ONLY :
		   SETPTE_PLAIN);
	return r;
}

static void
copy_user_page(struct machine *m, u64 dst, u64 src)
{
	u8 buf[PAGE_SIZE];

	phys_read(&m->phys, src << PAGE_SHIFT, buf, PAGE_SIZE, NULL);
	phys_write(&m->phys, dst << PAGE_SHIFT, buf, PAGE_SIZE, NULL);
}

/* do_cow_fault(): a write to a private file page never mapped here */
static int
do_cow_fault(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	struct vm_area_struct *vma = vf->vma;
	u64 pfn, cow;
	int r, r2;

	trace_event(m, do_fault, .how = FAULT_COW, .pgoff = vf->pgoff,
		    .path = trace_str(m, vma->vm_file->path));
	if (vma->anon_vma == NULL) {
		vma->anon_vma = xcalloc(1, sizeof(*vma->anon_vma));
		vma->anon_vma->refs = 1;
		trace_event(m, anon_vma_prepare);
	}
	r = alloc_user(vf, false, true, &cow);
	if (r)
		return r;
	r2 = filemap_fault(vf, &pfn);
	if (r2 & VM_FAULT_ERROR) {
		mm_put_page(m, cow);
		return r2;
	}
	copy_user_page(m, cow, pfn);
	mm_put_page(m, pfn);
	trace_event(m, copy_user_highpage, .from = pfn, .to = cow,
		    .page_cache = true);
	mm_page_set_anon(m, cow, vma->anon_vma,
			 (vf->addr - vma->vm_start) / PAGE_SIZE + vma->vm_pgoff);
	mm_page_add_rmap(m, cow);
	vma->vm_mm->rss[MM_ANONPAGES]++;
	set_pte_at(vf, mk_pte(m, cow, prot_mkwrite(vma->vm_page_prot) |
			      P_DIRTY), SETPTE_PRIVATE_COPY);
	return r2;
}

/* do_shared_fault(): a write to a shared file mapping */
static int
do_shared_fault(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	struct vm_area_struct *vma = vf->vma;
	u64 pfn;
	int r;

	trace_event(m, do_fault, .how = FAULT_SHARED, .pgoff = vf->pgoff,
		    .path = trace_str(m, vma->vm_file->path));
	r = filemap_fault(vf, &pfn);
	if (r & VM_FAULT_ERROR)
		return r;
	mm_page_set_dirty(m, pfn);
	mm_page_add_rmap(m, pfn);
	vma->vm_mm->rss[MM_FILEPAGES]++;
	set_pte_at(vf, mk_pte(m, pfn, vma->vm_page_prot | P_DIRTY),
		   SETPTE_SHARED_FILE);
	return r;
}

/* do_wp_page(): a write to a present, write-protected PTE */
static int
do_wp_page(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	struct vm_area_struct *vma = vf->vma;
	struct mm_struct *mm = vma->vm_mm;
	u64 old = vf->orig.pfn, pfn;
	bool zero = vf->orig.special;	/* no struct page to copy from */
	int r, refs;

	if (vf->orig.nopage && (vma->vm_flags & VM_SHARED)) {
		trace_event(m, do_wp_page, .how = WP_PFN_SHARED, .pfn = old);
		set_pte_at(vf, mk_pte(m, old, prot_mkwrite(vf->orig.prot) |
				      P_DIRTY | P_YOUNG), SETPTE_PLAIN);
		mm_tlb_flush_page(m, mm, vf->addr);
		return 0;
	}
	if (!zero && (vma->vm_flags & VM_SHARED)) {
		trace_event(m, do_wp_page, .how = WP_SHARED, .pfn = old);
		mm_page_set_dirty(m, old);
		set_pte_at(vf, mk_pte(m, old, prot_mkwrite(vf->orig.prot) |
				      P_DIRTY | P_YOUNG), SETPTE_PLAIN);
		mm_tlb_flush_page(m, mm, vf->addr);
		return 0;
	}
	if (!zero && mm_page_anon(m, old) &&
	    (refs = mm_page_count(m, old)) == 1) {
		trace_event(m, do_wp_page, .how = WP_REUSE, .pfn = old);
		set_pte_at(vf, mk_pte(m, old, prot_mkwrite(vf->orig.prot) |
				      P_DIRTY | P_YOUNG), SETPTE_PLAIN);
		mm_tlb_flush_page(m, mm, vf->addr);
		return 0;
	}
	if (vf->orig.nopage)
		trace_event(m, do_wp_page, .how = WP_COPY_NOPAGE, .pfn = old);
	else if (zero)
		trace_event(m, do_wp_page, .how = WP_COPY_ZERO, .pfn = old);
	else if (mm_page_anon(m, old))
		trace_event(m, do_wp_page, .how = WP_COPY_ANON, .pfn = old,
			    .count = mm_page_count(m, old),
			    .mapcount = mm_page_mapcount(m, old));
	else
		trace_event(m, do_wp_page, .how = WP_COPY_FILE, .pfn = old,
			    .path = trace_str(m, vma->vm_file ?
					      vma->vm_file->path : NULL));
	if (vma->anon_vma == NULL) {
		vma->anon_vma = xcalloc(1, sizeof(*vma->anon_vma));
		vma->anon_vma->refs = 1;
		trace_event(m, anon_vma_prepare);
	}
	r = alloc_user(vf, zero, true, &pfn);
	if (r)
		return r;
	if (!zero) {
		copy_user_page(m, pfn, old);
		trace_event(m, copy_user_highpage, .from = old, .to = pfn);
	}
	mm_page_set_anon(m, pfn, vma->anon_vma,
			 (vf->addr - vma->vm_start) / PAGE_SIZE + vma->vm_pgoff);
	mm_page_add_rmap(m, pfn);
	mm->rss[MM_ANONPAGES]++;
	set_pte_at(vf, mk_pte(m, pfn, prot_mkwrite(vma->vm_page_prot) |
			      P_DIRTY), SETPTE_NEW_PAGE);
	mm_tlb_flush_page(m, mm, vf->addr);
	if (!zero) {
		if (mm_page_anon(m, old))
			mm->rss[MM_ANONPAGES]--;
		else
			mm->rss[MM_FILEPAGES]--;
		mm_page_remove_rmap(m, old);
		mm_put_page(m, old);
		trace_event(m, wp_page_copy_put, .pfn = old,
			    .count = mm_page_count(m, old),
			    .mapcount = mm_page_mapcount(m, old));
	}
	return 0;
}

/* handle_pte_fault() on a present PTE that is not a COW case */
static int
do_access_flags(struct vm_fault *vf)
{
	struct machine *m = vf->m;
	pgprot_t prot = vf->orig.prot | P_YOUNG;
	u64 nv;

	if (vf->write)
		prot |= P_DIRTY;
	nv = mk_pte(m, vf->orig.pfn, prot);
	if (nv != vf->orig.val) {
		trace_event(m, pte_mkyoung, .write = vf->write);
		set_pte_at(vf, nv, SETPTE_PLAIN);
		mm_tlb_flush_page(m, vf->vma->vm_mm, vf->addr);
		return 0;
	}
	trace_event(m, spurious_fault);
	mm_tlb_flush_page(m, vf->vma->vm_mm, vf->addr);
	return 0;
}

/*
 * handle_mm_fault() with the PTE's address when the faulting walk found it
 * (pte_epa != 0): the walk need not be repeated.
 */
static int
__handle_mm_fault(struct machine *m, struct task_struct *t,
		  struct vm_area_struct *vma, u64 addr, unsigned acc,
		  u64 pte_epa)
{
	struct vm_fault vf;
	struct error e;
	int r;

	memset(&vf, 0, sizeof(vf));
	vf.e = &e;
	vf.m = m;
	vf.t = t;
	vf.vma = vma;
	vf.real = addr;
	vf.addr = addr & PAGE_MASK;
	vf.write = acc & ACC_WRITE;
	vf.exec = acc & ACC_EXEC;
	vf.pgoff = vma->vm_pgoff + ((vf.addr - vma->vm_start) >> PAGE_SHIFT);
	if (pte_epa != 0) {
		vf.epa = pte_epa;
	} else if (user_pte_slot(m, vma->vm_mm, vf.addr, true, &vf.epa, &e)) {
		trace_event(m, handle_mm_fault_oom, .why = trace_str(m, e.msg));
		return VM_FAULT_OOM;
	}
	pte_info(m, pte_read(m, vf.epa), &vf.orig);
	if (vf.orig.none) {
		trace_event(m, handle_pte_fault, .how = PTE_NONE,
			    .epa = vf.epa);
		if (vma->vm_file == NULL)
			r = do_anonymous_page(&vf);
		else if (!vf.write)
			r = do_read_fault(&vf);
		else if (!(vma->vm_flags & VM_SHARED))
			r = do_cow_fault(&vf);
		else
			r = do_shared_fault(&vf);
	} else if (!vf.orig.present) {
		trace_event(m, handle_pte_fault, .how = PTE_NOT_PRESENT,
			    .epa = vf.epa, .pte.val = vf.orig.val);
		r = VM_FAULT_SIGBUS;
	} else {
		trace_event(m, handle_pte_fault, .how = PTE_PRESENT,
			    .epa = vf.epa,
			    .pte = pte_for_trace(m, vf.orig.val, vf.epa),
			    .pfn = vf.orig.pfn);
		if (vf.write && !vf.orig.write)
			r = do_wp_page(&vf);
		else
			r = do_access_flags(&vf);
	}
	return r;
}

int
handle_mm_fault(struct machine *m, struct task_struct *t,
		struct vm_area_struct *vma, u64 addr, unsigned acc)
{
	return __handle_mm_fault(m, t, vma, addr, acc, 0);
}

/*
 * The arch's fault entry
 */

/* A fault nothing fixes: the walk's own reason, as the MMU gave it. */
static int
kernel_fault_error(struct machine *m, u64 va, const struct walk *w,
		   unsigned acc, struct error *e)
{
	char why[200];

	machine_fault_reason(m, w, acc, why, sizeof(why));
	return error_set(e, -EFAULT, "page fault at 0x%llx: %s",
			 (unsigned long long)va, why);
}

static int
segv(struct machine *m, struct task_struct *t, u64 va, int code,
     const char *why, struct error *e)
{
	t->state = TASK_KILLED;
	t->sig = SIGSEGV;
	t->si_code = code;
	t->sig_addr = va;
	trace_event(m, bad_area, .why = trace_str(m, why),
		    .maperr = code == SEGV_MAPERR, .pid = t->pid,
		    .comm = trace_str(m, t->comm));
	return error_set(e, -EFAULT, "pid %d (%s) killed by SIGSEGV at %s: "
			 "%s (%s)", t->pid, t->comm, fva(m, va), why,
			 code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
}

/* vmalloc_fault(): copy the missing kernel entry from swapper_pg_dir */
static int
vmalloc_fault(struct machine *m, struct cpu *c, u64 va, const struct walk *w,
	      struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = w->fault_lvl;
	const struct pt_level *L = &mmu->lv[lvl];
	u64 ref, refpa, ent = 0, g0, g1, g;
	struct walk rw;
	int i, wi;

	/* the reference walk, in init_mm's tables */
	mmu_walk(mmu, &m->phys, m->swapper_pg_dir, va, &rw);
	for (i = 0; i < rw.nsteps; i++)
		if (rw.step[i].lvl == lvl)
			break;
	if (i == rw.nsteps || w->nsteps == 0 ||
	    w->step[w->nsteps - 1].lvl != lvl ||
	    rw.step[i].d.kind == PT_NONE || rw.step[i].d.kind == PT_BAD) {
		trace_event(m, vmalloc_fault, .addr = va, .missing = true);
		return kernel_fault_error(m, va, w, 0, e);
	}
	refpa = rw.step[i].entry_pa;
	ref = rw.step[i].entry;
	for (wi = 0; wi < mmu->nwalk; wi++)
		if (mmu->walk[wi] == lvl)
			break;
	/* the entries that share the table's page (arm: the pmd pair) */
	table_group(m, rw.step[i].table, wi, rw.step[i].index, &g0, &g1);
	for (g = g0; g <= g1; g++) {
		u64 dst = w->step[w->nsteps - 1].table + g * L->esize;

		phys_read_entry(&m->phys, rw.step[i].table + g * L->esize,
				L->esize, &ent);
		phys_write_entry(&m->phys, dst, L->esize, ent);
	}
	trace_event(m, vmalloc_fault, .addr = va, .lvl = lvl,
		    .root = c->root[0], .ref_epa = refpa, .ref = ref,
		    .pair = g1 > g0);
	return 0;
}

/*
 * access_error(): why the VMA does not allow the access (NULL: it does).
 * The arch's own when it has one (x86 reads its error code); else the
 * access needs VM_EXEC (a fetch), VM_WRITE (a write) or any access flag.
 */
static const char *
access_error(const struct machine *m, u64 code, unsigned acc,
	     unsigned long vm_flags)
{
	unsigned long need = (acc & ACC_EXEC) ? VM_EXEC :
		(acc & ACC_WRITE) ? VM_WRITE : VM_ACCESS_FLAGS;

	if (m->arch->mm->access_error != NULL)
		return m->arch->mm->access_error(code, acc, vm_flags);
	if (vm_flags & need)
		return NULL;
	return (acc & ACC_EXEC) ? "an instruction fetch from a VMA without "
		"VM_EXEC" : (acc & ACC_WRITE) ? "a write to a VMA without "
		"VM_WRITE" : "the VMA allows no access";
}

/* mm_fault_error(): what handle_mm_fault could not do, for the task */
static int
mm_fault_error(struct machine *m, struct task_struct *t, u64 va, int r,
	       struct error *e)
{
	if (r & VM_FAULT_OOM)
		return error_set(e, -ENOMEM, "page fault at %s: out of memory "
				 "(the OOM killer is not simulated)",
				 fva(m, va));
	t->state = TASK_KILLED;
	t->sig = SIGBUS;
	t->si_code = BUS_ADRERR;
	t->sig_addr = va;
	trace_event(m, do_sigbus, .pid = t->pid,
		    .comm = trace_str(m, t->comm));
	return error_set(e, -EFAULT, "pid %d (%s) killed by SIGBUS at %s: the "
			 "file has no page there", t->pid, t->comm,
			 fva(m, va));
}

/* mm_account_fault(): a major or a minor fault of the task */
static void
mm_account_fault(struct machine *m, struct task_struct *t, int r)
{
	if (r & VM_FAULT_MAJOR)
		t->maj_flt++;
	else
		t->min_flt++;
	trace_event(m, fault_done, .major = r & VM_FAULT_MAJOR, .pid = t->pid,
		    .min_flt = t->min_flt, .maj_flt = t->maj_flt);
}

/*
 * A fault on a user address: find the VMA (growing a stack down to it),
 * check the access against it, and let handle_mm_fault() bring the page.
 */
static int
do_user_addr_fault(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		   u64 code, const struct walk *w, struct error *e)
{
	struct task_struct *t = cpu_task(m, c);
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	const char *why;
	int r;

	if (t == NULL) {
		trace_event(m, fault_no_process, .cpu = c->id);
		return error_set(e, -EFAULT, "page fault at user address %s "
				 "with no process on cpu%d: exec or switch "
				 "to one first", fva(m, va), c->id);
	}
	if (t->state == TASK_KILLED)
		return error_set(e, -ESRCH, "pid %d (%s) was killed by SIGSEGV "
				 "at %s; run 'exit %d', or switch to another "
				 "process", t->pid, t->comm,
				 fva(m, t->sig_addr), t->pid);
	mm = t->mm;
	vma = find_vma(mm, va);
	if (vma == NULL) {
		trace_event(m, find_vma, .addr = va);
		return segv(m, t, va, SEGV_MAPERR, "no VMA covers the address",
			    e);
	}
	trace_event(m, find_vma, .addr = va, .found = true,
		    .start = vma->vm_start, .end = vma->vm_end,
		    .flags = vma->vm_flags,
		    .name = trace_str(m, vma_name(mm, vma)));
	if (vma->vm_start > va) {
		struct error se;

		if (!(vma->vm_flags & VM_GROWSDOWN))
			return segv(m, t, va, SEGV_MAPERR, "the address is "
				    "below that VMA, which is not a stack", e);
		if (expand_stack(m, vma, va, &se)) {
			trace_event(m, expand_stack_refused,
				    .why = trace_str(m, se.msg));
			return segv(m, t, va, SEGV_MAPERR, se.msg, e);
		}
	}
	why = access_error(m, code, acc, vma->vm_flags);
	if (why != NULL)
		return segv(m, t, va, SEGV_ACCERR, why, e);
	trace_event(m, access_ok, .acc = acc, .flags = vma->vm_flags);
	/* the walk that faulted found the PTE slot in this mm: reuse it */
	if (w->nsteps && w->root == mm->pgd &&
	    w->step[w->nsteps - 1].lvl == LVL_PTE)
		r = __handle_mm_fault(m, t, vma, va, acc,
				      w->step[w->nsteps - 1].entry_pa);
	else
		r = handle_mm_fault(m, t, vma, va, acc);
	if (r & (VM_FAULT_OOM | VM_FAULT_SIGBUS))
		return mm_fault_error(m, t, va, r, e);
	mm_account_fault(m, t, r);
	return 0;
}

/*
 * A fault on a kernel address: a vmalloc area this pgd has not caught up
 * with (vmalloc_fault), or one the kernel cannot fix (no_context).
 */
static int
do_kern_addr_fault(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		   const struct walk *w, struct error *e)
{
	if (!(acc & ACC_USER) && w->fault == WF_NOT_PRESENT &&
	    c->root[0] != m->swapper_pg_dir && !m->mmu.split_roots)
		return vmalloc_fault(m, c, va, w, e);
	trace_event(m, no_context);
	return kernel_fault_error(m, va, w, acc, e);
}

/*
 * The arch's fault entry: what the CPU reported (the arch decodes it),
 * then the kernel-address or the user-address path.
 */
int
do_page_fault(struct machine *m, struct cpu *c, u64 va, unsigned acc,
	      const struct walk *w, struct error *e)
{
	const struct arch_mm *am = m->arch->mm;
	u64 code = am->fault_code(m, w, acc);

	trace_event(m, page_fault, .addr = m->cpu[m->cur].fault_addr,
		    .code = code, .acc = acc);
	if (w->fault == WF_RESERVED) {
		trace_event(m, pgtable_bad);
		return kernel_fault_error(m, va, w, acc, e);
	}
	if (va >= m->lay.task_size)
		return do_kern_addr_fault(m, c, va, acc, w, e);
	return do_user_addr_fault(m, c, va, acc, code, w, e);
}

/*
 * The kernel touching a process's memory: get_user_pages + copy
 */

int
access_process_vm(struct machine *m, struct task_struct *t, u64 addr,
		  void *buf, u64 len, bool write, struct error *e)
{
	struct mm_struct *mm = t->mm;

	while (len > 0) {
		u64 n = MIN(len, PAGE_SIZE - (addr & (PAGE_SIZE - 1)));
		struct vm_area_struct *vma = find_vma(mm, addr);
		struct pteinfo p;
		u64 epa, pa;
		int tries;

		if (vma == NULL || vma->vm_start > addr) {
			if (vma == NULL || !(vma->vm_flags & VM_GROWSDOWN) ||
			    expand_stack(m, vma, addr, e))
				return error_set(e, -EFAULT, "%s is not mapped "
						 "in pid %d", fva(m, addr),
						 t->pid);
		}
		if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
			return error_set(e, -EFAULT, "%s: the VMA does not "
					 "allow the %s", fva(m, addr),
					 write ? "write" : "read");
		for (tries = 0;; tries++) {
			if (user_pte_slot(m, mm, addr, false, &epa, NULL) == 0)
				pte_info(m, pte_read(m, epa), &p);
			else
				memset(&p, 0, sizeof(p));
			if (p.present && !p.protnone && (!write || p.write))
				break;
			if (tries == 2)
				return error_set(e, -EFAULT, "cannot fault in "
						 "%s", fva(m, addr));
			{
				int r;

				trace_event(m, get_user_pages, .addr = addr,
					    .write = write);
				r = handle_mm_fault(m, t, vma, addr,
						    write ? ACC_WRITE :
						    ACC_READ);
				if (r & VM_FAULT_ERROR)
					return error_set(e, -EFAULT, "fault "
							 "at %s failed",
							 fva(m, addr));
				if (r & VM_FAULT_MAJOR)
					t->maj_flt++;
				else
					t->min_flt++;
			}
		}
		pa = (p.pfn << PAGE_SHIFT) | (addr & (PAGE_SIZE - 1));
		if (write ? phys_write(&m->phys, pa, buf, n, NULL) :
		    phys_read(&m->phys, pa, buf, n, NULL))
			return error_set(e, -EFAULT, "%s maps physical %s, "
					 "which is not RAM", fva(m, addr),
					 fpa(m, pa));
		buf = (u8 *)buf + n;
		addr += n;
		len -= n;
	}
	return 0;
}

/*
 * A debugger's read of a user page the hardware tables do not map
 * (m->peek_user, for machine_peek_virt): the bytes the first access would
 * find, taken where that fault would take them, with nothing mapped,
 * allocated, cached or counted.  A real ptrace read faults the page in
 * (get_user_pages with FOLL_FORCE); this one leaves the machine as it is.
 */
static int
peek_fail(struct machine *m, u64 va, struct error *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
peek_fail(struct machine *m, u64 va, struct error *e, const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return error_set(e, -EFAULT, "cannot access memory at %s: %s",
			 fva(m, va), why);
}

/* Not faulted in: the zero page, the page cache or the file's bytes. */
static int
peek_unfaulted(struct machine *m, struct vm_area_struct *vma, u64 va,
	       void *buf, u64 n, enum peek_how *how, const char **path,
	       struct error *e)
{
	struct file *f = vma->vm_file;
	u64 pgoff = vma->vm_pgoff + ((va - vma->vm_start) >> PAGE_SHIFT);
	u64 off = (pgoff << PAGE_SHIFT) | (va & (PAGE_SIZE - 1)), pfn, k;

	if (f == NULL) {
		if (vma->vm_flags & VM_SHARED)
			return peek_fail(m, va, e, "shared anonymous memory "
					 "is not simulated: an access would "
					 "SIGBUS");
		memset(buf, 0, n);
		*how = PEEK_ANON;
		return 0;
	}
	if (pgoff >= (1ULL << (64 - PAGE_SHIFT)) || off >= f->size)
		return peek_fail(m, va, e, "page %llu of %s is beyond its end "
				 "(%llu bytes): an access would SIGBUS",
				 (unsigned long long)pgoff, f->path,
				 (unsigned long long)f->size);
	if (filemap_get(&f->mapping, pgoff, &pfn) == 0) {
		*how = PEEK_PAGE_CACHE;
		*path = f->path;
		return machine_peek_frame(m, va, (pfn << PAGE_SHIFT) |
					  (va & (PAGE_SIZE - 1)), buf, n, e);
	}
	k = MIN(n, f->size - off);
	memcpy(buf, f->data + off, k);
	memset((u8 *)buf + k, 0, n - k);
	*how = PEEK_FILE;
	*path = f->path;
	return 0;
}

int
peek_user_page(struct machine *m, struct cpu *c, u64 va, void *buf, u64 n,
	       enum peek_how *how, const char **path, struct error *e)
{
	struct task_struct *t = cpu_task(m, c);
	struct vm_area_struct *vma;
	struct pteinfo p;
	u64 epa;

	if (t == NULL || t->mm == NULL)
		return peek_fail(m, va, e, "no process runs on cpu%d (init_mm "
				 "maps no user addresses)", c->id);
	vma = find_vma(t->mm, va);
	if (vma == NULL || vma->vm_start > va)
		return peek_fail(m, va, e, "no VMA of pid %d (%s) covers it%s",
				 t->pid, t->comm, vma != NULL &&
				 (vma->vm_flags & VM_GROWSDOWN) ? " (an access "
				 "just below the stack would grow it; a read "
				 "does not)" : "");
	if (user_pte_slot(m, t->mm, va, false, &epa, NULL) == 0) {
		pte_info(m, pte_read(m, epa), &p);
		if (p.present) {
			/* present to Linux, not to the MMU: PROT_NONE */
			*how = p.protnone ? PEEK_PROT_NONE : PEEK_HIDDEN;
			return machine_peek_frame(m, va, (p.pfn << PAGE_SHIFT) |
						  (va & (PAGE_SIZE - 1)), buf,
						  n, e);
		}
		if (!p.none)
			return peek_fail(m, va, e, "its PTE %s is not present "
					 "and maps nothing ptwalk models (no "
					 "swap)", fentry(m, LVL_PTE, p.val));
	}
	return peek_unfaulted(m, vma, va, buf, n, how, path, e);
}
