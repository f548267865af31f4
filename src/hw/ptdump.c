// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Dumping a page-table tree: a depth-first walk of present entries that
 * merges neighbouring leaves with the same rights into ranges.
 */
#include <string.h>

#include "ptwalk/ptdump.h"

struct dumper {
	struct machine *m;
	int (*emit)(void *arg, const struct ptdump_range *r);
	void *arg;
	struct ptdump_range cur;
	bool have;
	long n;
	bool stop;
	struct ptdump_stats *st;
	u64 path[NR_LEVELS];	/* the tables above the current entry */
};

/* Attributes that split a range (not accessed/dirty, which vary). */
#define SPLIT_ATTRS (P_GLOBAL | P_NOCACHE | P_UCMINUS | P_WC | P_SPECIAL)

/* Entries a walk may read: 4 per frame of physical memory, at least 2^24. */
#define PTDUMP_MIN_LIMIT	(1ULL << 24)

static void
flush_cur(struct dumper *d)
{
	if (d->have && !d->stop) {
		if (d->emit(d->arg, &d->cur))
			d->stop = true;
		if (d->cur.kind == PTD_RANGE)
			d->n++;
	}
	d->have = false;
}

static void
leaf(struct dumper *d, u64 va, u64 size, int lvl, u64 e,
     const struct pte_decode *pd, u16 perm)
{
	struct ptdump_range *c = &d->cur;
	u64 psize = 1ULL << pd->shift;
	u64 pa = pd->addr & ~(psize - 1);

	/*
	 * a page larger than the entry's span (arm's supersections: 16
	 * first-level entries repeat one 16M page): this entry's part of it
	 */
	if (psize > size)
		pa += va & (psize - 1) & ~(size - 1);
	if (d->have && c->kind == PTD_RANGE && c->end == va &&
	    c->perm == perm &&
	    (c->attr & SPLIT_ATTRS) == (pd->attr & SPLIT_ATTRS) &&
	    c->shift == pd->shift) {
		if (pa != c->pa + (va - c->start))
			c->pa_contig = false;
		c->end = va + size;
		if (!(va & (psize - 1)))
			c->pages++;
		return;
	}
	flush_cur(d);
	memset(c, 0, sizeof(*c));
	c->kind = PTD_RANGE;
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

/* The index on the path of a table (-1: not on it). */
static int
path_index(const struct dumper *d, int i, u64 table)
{
	int k;

	for (k = 0; k <= i; k++)
		if (d->path[k] == table)
			return k;
	return -1;
}

/* An entry naming a table above it: noted, merged with its neighbours. */
static void
loop(struct dumper *d, u64 va, u64 size, int lvl, u64 e, u64 table, int k)
{
	struct ptdump_range *c = &d->cur;
	u8 tl = d->m->mmu.walk[k];

	d->st->loops++;
	if (d->have && c->kind == PTD_LOOP && c->end == va && c->pa == table &&
	    c->lvl == lvl) {
		c->end = va + size;
		c->pages++;
		return;
	}
	flush_cur(d);
	memset(c, 0, sizeof(*c));
	c->kind = PTD_LOOP;
	c->start = va;
	c->end = va + size;
	c->pa = table;
	c->lvl = (u8)lvl;
	c->target_lvl = tl;
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

	d->path[i] = table;
	for (idx = 0; idx < n && !d->stop; idx++) {
		u64 va = canon(mmu, base + idx * span), e;
		u64 last = va + span - 1;
		struct pte_decode pd;
		int k;

		if (last < start || va >= end)
			continue;
		if (d->st->entries++ >= d->st->limit) {
			flush_cur(d);
			d->st->capped = true;
			d->st->capped_at = va;
			d->stop = true;
			return;
		}
		if (!phys_read_entry(&d->m->phys, table + idx * L->esize,
				     L->esize, &e)) {
			flush_cur(d);
			d->st->bad_tables++;
			return;
		}
		d->m->arch->decode(mmu, lvl, e, &pd);
		switch (pd.kind) {
		case PT_TABLE:
			if (i + 1 >= mmu->nwalk) {
				flush_cur(d);
				break;
			}
			k = path_index(d, i, pd.addr);
			if (k >= 0)
				loop(d, va, span, lvl, e, pd.addr, k);
			else
				walk_table(d, pd.addr, i + 1, va, start, end,
					   perm & pd.perm);
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
	    struct ptdump_stats *st)
{
	struct dumper d = { 0 };
	const struct mmu *mmu = &m->mmu;
	u64 base = 0;

	memset(st, 0, sizeof(*st));
	st->limit = MAX(PTDUMP_MIN_LIMIT, 4 * (m->phys.total >> PAGE_SHIFT));
	d.m = m;
	d.emit = emit;
	d.arg = arg;
	d.st = st;
	if (mmu->va_mode == VA_SPLIT && (start >> 63))
		base = ~0ULL << mmu->va_bits;
	walk_table(&d, root, 0, base, start, end ? end : ~0ULL, P_PERM);
	flush_cur(&d);
	return d.stop && !st->capped ? -1 : d.n;
}
