// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Per-CPU TLB: set-associative, ASID/PCID tagged, LRU.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/tlb.h"
#include "ptwalk/util.h"

int
tlb_init(struct tlb *t, unsigned entries, unsigned ways, const u8 *shifts,
	 int nshifts)
{
	unsigned sets;
	int i;

	memset(t, 0, sizeof(*t));
	if (ways == 0 || entries == 0 || entries % ways)
		return -EINVAL;
	sets = entries / ways;
	if (sets & (sets - 1))
		return -EINVAL;
	t->sets = sets;
	t->ways = ways;
	t->tag = xcalloc(entries, sizeof(*t->tag));
	t->e = xcalloc(entries, sizeof(*t->e));
	t->hint = xcalloc(TLB_HINTS, sizeof(*t->hint));
	for (i = 0; i < nshifts && i < (int)sizeof(t->shifts); i++)
		t->shifts[i] = shifts[i];
	t->nshifts = (u8)i;
	return 0;
}

void
tlb_release(struct tlb *t)
{
	free(t->tag);
	free(t->e);
	free(t->hint);
	memset(t, 0, sizeof(*t));
}

struct tlb_entry *
tlb_peek(struct tlb *t, u64 va, u16 asid)
{
	unsigned i, w;

	for (i = 0; i < t->nshifts; i++) {
		unsigned s = t->shifts[i];
		u64 tag = tlb_tag(va, s);
		unsigned set = (unsigned)((va >> s) & (t->sets - 1));

		for (w = 0; w < t->ways; w++) {
			size_t k = (size_t)set * t->ways + w;

			if (t->tag[k] == tag &&
			    (t->e[k].global || t->e[k].asid == asid))
				return &t->e[k];
		}
	}
	return NULL;
}

void
tlb_fill(struct tlb *t, u64 va, u16 asid, unsigned shift, u64 pa, u16 perm,
	 u32 attr, bool global)
{
	unsigned set = (unsigned)((va >> shift) & (t->sets - 1));
	u64 tag = tlb_tag(va, shift);
	size_t base = (size_t)set * t->ways, k = base, w;
	u32 oldest = UINT32_MAX;

	if (t->sets == 0)
		return;
	/* Replace a same-tag entry of the same space, else invalid, else LRU. */
	for (w = 0; w < t->ways; w++) {
		size_t j = base + w;

		if (t->tag[j] == tag && (t->e[j].asid == asid ||
					 t->e[j].global || global)) {
			k = j;
			goto fill;
		}
	}
	for (w = 0; w < t->ways; w++) {
		size_t j = base + w;

		if (t->tag[j] == 0) {
			k = j;
			goto fill;
		}
		if (t->e[j].stamp < oldest) {
			oldest = t->e[j].stamp;
			k = j;
		}
	}
	t->evictions++;
fill:
	t->tag[k] = tag;
	t->hint[tlb_hint_slot(va, shift)] = (u32)(k + 1);
	t->e[k].va = va & ~((1ULL << shift) - 1);
	t->e[k].pa = pa & ~((1ULL << shift) - 1);
	t->e[k].asid = asid;
	t->e[k].shift = (u8)shift;
	t->e[k].global = global;
	t->e[k].perm = perm;
	t->e[k].attr = attr;
	t->e[k].stamp = ++t->clock;
	t->fills++;
}

void
tlb_flush_nonglobal(struct tlb *t)
{
	size_t k, n = (size_t)t->sets * t->ways;

	for (k = 0; k < n; k++)
		if (!t->e[k].global)
			t->tag[k] = 0;
	t->flush_all++;
}

void
tlb_flush_all(struct tlb *t)
{
	memset(t->tag, 0, (size_t)t->sets * t->ways * sizeof(*t->tag));
	t->flush_all++;
}

static void
flush_va(struct tlb *t, u64 va, int asid)
{
	unsigned i, w;

	for (i = 0; i < t->nshifts; i++) {
		unsigned s = t->shifts[i];
		u64 tag = tlb_tag(va, s);
		unsigned set = (unsigned)((va >> s) & (t->sets - 1));

		for (w = 0; w < t->ways; w++) {
			size_t k = (size_t)set * t->ways + w;

			if (t->tag[k] == tag && (asid < 0 || t->e[k].global ||
						 t->e[k].asid == asid))
				t->tag[k] = 0;
		}
	}
	t->flush_page++;
}

void
tlb_flush_page(struct tlb *t, u64 va, u16 asid)
{
	flush_va(t, va, asid);
}

void
tlb_flush_page_all(struct tlb *t, u64 va)
{
	flush_va(t, va, -1);
}

void
tlb_flush_asid(struct tlb *t, u16 asid)
{
	size_t k, n = (size_t)t->sets * t->ways;

	for (k = 0; k < n; k++)
		if (!t->e[k].global && t->e[k].asid == asid)
			t->tag[k] = 0;
	t->flush_asid++;
}

unsigned
tlb_count(const struct tlb *t)
{
	size_t k, n = (size_t)t->sets * t->ways;
	unsigned c = 0;

	for (k = 0; k < n; k++)
		c += t->tag[k] != 0;
	return c;
}
