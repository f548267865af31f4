// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Dumping a page-table tree: a depth-first walk of present entries that
 * merges neighbouring leaves with the same rights into ranges.
 */
#include "ptwalk/ptdump.h"

struct dumper {
	struct machine *m;
	int (*emit)(void *arg, const struct ptdump_range *r);
	void *arg;
	struct ptdump_range cur;
	bool have;
	long n;
	bool stop;
	u64 bad;
	u64 top;		/* the root covers [top, top + span) */
};

/* Attributes that split a range (not accessed/dirty, which vary). */
#define SPLIT_ATTRS (P_GLOBAL | P_NOCACHE | P_UCMINUS | P_WC | P_SPECIAL)

static void
flush_cur(struct dumper *d)
{
	if (d->have && !d->stop) {
		if (d->emit(d->arg, &d->cur))
			d->stop = true;
		d->n++;
	}
	d->have = false;
}

static void
leaf(struct dumper *d, u64 va, u64 size, int lvl, u64 e,
     const struct pte_decode *pd, u16 perm)
{
	struct ptdump_range *c = &d->cur;
	u64 pa = pd->addr & ~((1ULL << pd->shift) - 1);

	if (d->have && c->end == va && c->perm == perm &&
	    (c->attr & SPLIT_ATTRS) == (pd->attr & SPLIT_ATTRS) &&
	    c->shift == pd->shift) {
		if (pa != c->pa + (va - c->start))
			c->pa_contig = false;
		c->end = va + size;
		c->pages++;
		return;
	}
	flush_cur(d);
	c->start = va;
	c->end = va + size;
	c->pa = pa;
	c->pa_contig = true;
	c->shift = pd->shift;
	c->lvl = (u8)lvl;
	c->perm = perm;
	c->attr = pd->attr;
	c->pages = 1;
	c->entry = e;
	d->have = true;
}

static u64
canon(const struct mmu *mmu, u64 va)
{
	unsigned sh = 64 - mmu->va_bits;

	if (mmu->va_mode == VA_SIGNEXT && mmu->va_bits < 64)
		return (u64)((s64)(va << sh) >> sh);
	return va;
}

static void
walk_table(struct dumper *d, u64 table, int i, u64 base, u64 start, u64 end,
	   u16 perm)
{
	const struct mmu *mmu = &d->m->mmu;
	int lvl = mmu->walk[i];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 n = 1ULL << L->bits, span = 1ULL << L->shift, idx;

	for (idx = 0; idx < n && !d->stop; idx++) {
		u64 va = canon(mmu, base + idx * span), e;
		u64 last = va + span - 1;
		struct pte_decode pd;

		if (last < start || va >= end)
			continue;
		if (!phys_read_entry(&d->m->phys, table + idx * L->esize,
				     L->esize, &e)) {
			flush_cur(d);
			d->bad++;
			return;
		}
		d->m->arch->decode(mmu, lvl, e, &pd);
		switch (pd.kind) {
		case PT_TABLE:
			if (i + 1 < mmu->nwalk)
				walk_table(d, pd.addr, i + 1, va, start, end,
					   perm & pd.perm);
			else
				flush_cur(d);
			break;
		case PT_LEAF:
			leaf(d, va, span, lvl, e, &pd, perm & pd.perm);
			break;
		default:
			flush_cur(d);
			break;
		}
	}
}

long
ptdump_walk(struct machine *m, u64 root, u64 start, u64 end,
	    int (*emit)(void *arg, const struct ptdump_range *r), void *arg,
	    u64 *bad_tables)
{
	struct dumper d = { 0 };
	const struct mmu *mmu = &m->mmu;
	u64 base = 0;

	d.m = m;
	d.emit = emit;
	d.arg = arg;
	if (mmu->va_mode == VA_SPLIT && (start >> 63))
		base = ~0ULL << mmu->va_bits;
	walk_table(&d, root, 0, base, start, end ? end : ~0ULL, P_PERM);
	flush_cur(&d);
	if (bad_tables)
		*bad_tables = d.bad;
	return d.stop ? -1 : d.n;
}
