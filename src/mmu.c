// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The generic page-table walker.  No architecture is named here: the level
 * geometry comes from struct mmu and each entry is decoded by the arch.
 */
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
	const struct arch *a = mmu->arch;
	u64 table = root;
	u16 perm = P_PERM;
	int i, f;

	w->va = va;
	w->root = root;
	w->nsteps = 0;
	w->perm = 0;
	w->attr = 0;
	w->shift = 0;
	w->fault_info = 0;
	w->pa = 0;
	f = a->va_check(mmu, va);
	if (unlikely(f)) {
		w->fault = (u8)f;
		w->fault_lvl = mmu->walk[0];
		return f;
	}
	for (i = 0; i < mmu->nwalk; i++) {
		unsigned lvl = mmu->walk[i];
		const struct pt_level *L = &mmu->lv[lvl];
		struct walk_step *s = &w->step[i];
		u64 idx = (va >> L->shift) & ((1ULL << L->bits) - 1);

		s->lvl = (u8)lvl;
		s->index = (u16)idx;
		s->table = table;
		s->entry_pa = table + idx * L->esize;
		w->nsteps = (u8)(i + 1);
		if (unlikely(!phys_read_entry(ph, s->entry_pa, L->esize,
					      &s->entry))) {
			s->entry = 0;
			s->d.kind = PT_BAD;
			s->d.addr = 0;
			w->fault = WF_BEYOND_RAM;
			w->fault_lvl = (u8)lvl;
			w->fault_info = s->entry_pa;
			return WF_BEYOND_RAM;
		}
		a->decode(mmu, (int)lvl, s->entry, &s->d);
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
			w->fault = WF_NONE;
			return WF_NONE;
		}
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
	w->fault_lvl = mmu->walk[mmu->nwalk - 1];
	return WF_RESERVED;
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
