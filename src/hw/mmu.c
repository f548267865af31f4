// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The generic page-table walker.  No architecture is named here: the level
 * geometry comes from struct mmu and each entry is decoded by the arch.
 */
#include <string.h>

#include "ptwalk/mmu.h"

static const char *const fault_names[] = {
	[WF_NONE] = "none",
	[WF_NOT_PRESENT] = "not present",
	[WF_RESERVED] = "reserved bits set",
	[WF_BEYOND_RAM] = "table beyond physical memory",
	[WF_NONCANONICAL] = "non-canonical address",
	[WF_VA_RANGE] = "address wider than the virtual address space",
	[WF_PROTECTION] = "protection",
	[WF_NO_ROOT] = "no page-table root",
	[WF_ACCESS_FLAG] = "access flag fault",
};

const char *
walk_fault_name(int f)
{
	if (f < 0 || (size_t)f >= ARRAY_SIZE(fault_names))
		return "unknown";
	return fault_names[f];
}

int
mmu_walk(const struct mmu *mmu, struct phys *ph, u64 root, u64 va,
	 struct walk *w)
{
	void (*decode)(const struct mmu *, int, u64, struct pte_decode *) =
		mmu->decode;
	u64 table = root;
	u16 perm = P_PERM;
	int i, n = mmu->nwalk;

	w->va = va;
	w->root = root;
	w->fault_info = 0;
	w->access_fault = WF_NONE;
	if (unlikely(!mmu_va_ok(mmu, va)) && mmu->arch->va_check(mmu, va)) {
		int f = mmu->arch->va_check(mmu, va);

		w->nsteps = 0;
		w->fault = (u8)f;
		w->fault_lvl = mmu->walk[0];
		w->pa = 0;
		w->shift = 0;
		w->perm = 0;
		w->attr = 0;
		return w->fault;
	}
	for (i = 0; i < n; i++) {
		unsigned lvl = mmu->walk[i];
		const struct pt_level *L = &mmu->lv[lvl];
		struct walk_step *s = &w->step[i];
		u64 idx = (va >> L->shift) & ((1ULL << L->bits) - 1);
		u64 epa = table + idx * L->esize;
		const u8 *h = phys_ptr(ph, epa, L->esize);
		u64 e;

		s->lvl = (u8)lvl;
		s->index = (u16)idx;
		s->table = table;
		s->entry_pa = epa;
		w->nsteps = (u8)(i + 1);
		if (unlikely(h == NULL)) {
			s->entry = 0;
			s->d.kind = PT_BAD;
			s->d.addr = 0;
			w->fault = WF_BEYOND_RAM;
			w->fault_lvl = (u8)lvl;
			w->fault_info = epa;
			return WF_BEYOND_RAM;
		}
		if (L->esize == 8) {
			memcpy(&e, h, 8);
		} else {
			u32 v;

			memcpy(&v, h, 4);
			e = v;
		}
		s->entry = e;
		decode(mmu, (int)lvl, e, &s->d);
		if (likely(s->d.kind == PT_TABLE)) {
			perm &= s->d.perm;
			table = s->d.addr;
			continue;
		}
		if (likely(s->d.kind == PT_LEAF)) {
			u64 mask = (1ULL << s->d.shift) - 1;

			w->perm = perm & s->d.perm;
			w->attr = s->d.attr;
			w->shift = s->d.shift;
			w->pa = (s->d.addr & ~mask) | (va & mask);
			w->fault_lvl = (u8)lvl;
			/*
			 * The mapping exists; an access would still fault
			 * on the clear access flag (mmu_old_faults).
			 */
			if (unlikely(mmu_old_faults(mmu, s->d.attr)))
				w->access_fault = WF_ACCESS_FLAG;
			w->fault = WF_NONE;
			return WF_NONE;
		}
		w->pa = 0;
		w->shift = 0;
		w->perm = 0;
		w->attr = 0;
		w->fault_lvl = (u8)lvl;
		if (s->d.kind == PT_NONE) {
			w->fault = WF_NOT_PRESENT;
			return WF_NOT_PRESENT;
		}
		w->fault = WF_RESERVED;
		w->fault_info = s->d.bad;
		return WF_RESERVED;
	}
	/* A table at the last level is an invalid encoding. */
	w->fault = WF_RESERVED;
	w->fault_lvl = mmu->walk[n - 1];
	return WF_RESERVED;
}

static int
xlat_slow(const struct mmu *mmu, struct phys *ph, u64 root, u64 va,
	  struct xlat *x)
{
	struct walk w;
	int f = mmu_walk(mmu, ph, root, va, &w);

	x->pa = w.pa;
	x->shift = w.shift;
	x->fault = (u8)f;
	x->perm = w.perm;
	x->attr = w.attr;
	return f;
}

/* The loop of the fast walk for entries of one size (inlined twice). */
static inline int
fast_levels(const struct mmu *mmu, const struct phys_range *r, u64 va,
	    u64 *tablep, u16 *permp, u64 *ep, unsigned esize)
{
	u64 table = *tablep, e = 0;
	u16 perm = P_PERM;
	int i, n = mmu->fast_n;

	for (i = 0; i < n; i++) {
		u64 off = table - r->start +
			((va >> mmu->fast_shift[i]) & mmu->fast_idx[i]) * esize;

		if (unlikely(off > r->size - esize))
			return -1;
		if (esize == 8) {
			memcpy(&e, r->host + off, 8);
		} else {
			u32 v;

			memcpy(&v, r->host + off, 4);
			e = v;
		}
		if (i == n - 1)
			break;
		if (unlikely((e & mmu->fast_tmask) != mmu->fast_tval ||
			     (e & mmu->fast_rsvd[i])))
			return -1;
		perm &= mmu->fast_plut[((e >> mmu->fast_pbit[0]) & 1) |
				       (((e >> mmu->fast_pbit[1]) & 1) << 1) |
				       (((e >> mmu->fast_pbit[2]) & 1) << 2)];
		table = (e & mmu->fast_addr) << mmu->fast_ashift;
	}
	*tablep = table;
	*permp = perm;
	*ep = e;
	return 0;
}

int
mmu_translate_walk(const struct mmu *mmu, struct phys *ph, u64 root, u64 va,
		   struct xlat *x)
{
	u64 table = root, e;
	u16 perm;
	struct pte_decode d;
	int r;

	if (unlikely(mmu->fast_n == 0 || ph->nr != 1 || !mmu_va_ok(mmu, va)))
		return xlat_slow(mmu, ph, root, va, x);
	if (mmu->fast_esize == 8)
		r = fast_levels(mmu, &ph->r[0], va, &table, &perm, &e, 8);
	else
		r = fast_levels(mmu, &ph->r[0], va, &table, &perm, &e, 4);
	if (unlikely(r))
		return xlat_slow(mmu, ph, root, va, x);
	mmu->decode(mmu, mmu->fast_lvl[mmu->fast_n - 1], e, &d);
	if (unlikely(d.kind != PT_LEAF))
		return xlat_slow(mmu, ph, root, va, x);
	x->pa = (d.addr & ~((1ULL << d.shift) - 1)) |
		(va & ((1ULL << d.shift) - 1));
	x->shift = d.shift;
	x->perm = perm & d.perm;
	x->attr = d.attr;
	x->fault = WF_NONE;
	return WF_NONE;
}

void
mmu_level(struct mmu *mmu, int lvl, const char *hw, unsigned shift,
	  unsigned bits, unsigned esize, unsigned leaf_shift)
{
	struct pt_level *L = &mmu->lv[lvl];

	L->hw = hw;
	L->shift = (u8)shift;
	L->bits = (u8)bits;
	L->esize = (u8)esize;
	L->folded = false;
	L->leaf_shift = (u8)leaf_shift;
}

void
mmu_fold(struct mmu *mmu, int lvl, int into)
{
	struct pt_level *L = &mmu->lv[lvl];

	*L = mmu->lv[into];
	L->folded = true;
	L->bits = 0;
	L->hw = NULL;
}

void
mmu_finish_levels(struct mmu *mmu)
{
	static const char *const names[NR_LEVELS] = {
		"pgd", "p4d", "pud", "pmd", "pte"
	};
	int i;

	mmu->nwalk = 0;
	mmu->npage_shifts = 0;
	mmu->page_shifts[mmu->npage_shifts++] = PAGE_SHIFT;
	for (i = NR_LEVELS - 1; i >= 0; i--) {
		struct pt_level *L = &mmu->lv[i];

		L->name = names[i];
		if (!L->folded && L->leaf_shift && L->leaf_shift != PAGE_SHIFT &&
		    mmu->npage_shifts < sizeof(mmu->page_shifts))
			mmu->page_shifts[mmu->npage_shifts++] = L->leaf_shift;
	}
	for (i = 0; i < NR_LEVELS; i++)
		if (!mmu->lv[i].folded)
			mmu->walk[mmu->nwalk++] = (u8)i;
}

void
mmu_fast_geometry(struct mmu *mmu)
{
	int i;

	mmu->fast_n = mmu->nwalk;
	mmu->fast_esize = mmu->lv[mmu->walk[0]].esize;
	for (i = 0; i < mmu->nwalk; i++) {
		const struct pt_level *L = &mmu->lv[mmu->walk[i]];

		mmu->fast_shift[i] = L->shift;
		mmu->fast_lvl[i] = mmu->walk[i];
		mmu->fast_idx[i] = (u16)((1u << L->bits) - 1);
	}
}

void
mmu_split(const struct mmu *mmu, struct strbuf *sb)
{
	int i;
	unsigned off = PAGE_SHIFT;

	for (i = 0; i < mmu->nwalk; i++) {
		const struct pt_level *L = &mmu->lv[mmu->walk[i]];

		sb_addf(sb, "%s%u", i ? "/" : "", L->bits);
		if (i == mmu->nwalk - 1)
			off = L->shift;
	}
	sb_addf(sb, "/%u", off);
}
