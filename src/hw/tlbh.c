// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The TLB hierarchy model of trace replay: iTLB and dTLB, a unified STLB,
 * page-walk caches.  Tags only; see include/ptwalk/tlbh.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/mmu.h"
#include "ptwalk/tlbh.h"
#include "ptwalk/util.h"

#define S4K	1
#define S2M	2
#define S1G	4
#define SALL	7

/*
 * Published geometries.  The x86 manuals give the TLBs, not the
 * paging-structure caches: those sizes (2 PML4E, 4 PDPTE, 32 PDE
 * entries) are the ones usually measured, an assumption the help states.
 */
const struct tlbh_geom tlbh_presets[] = {
	{
		.name = "skylake",
		.cpu = "Intel Skylake (client)",
		.source = "Intel 64 and IA-32 Architectures Optimization "
			  "Reference Manual, Skylake TLB parameters",
		.arr = {
			[TLBH_ITLB] = { { 128, 8, S4K }, { 8, 8, S2M } },
			[TLBH_DTLB] = { { 64, 4, S4K }, { 32, 4, S2M },
					{ 4, 4, S1G } },
			[TLBH_STLB] = { { 1536, 12, S4K | S2M },
					{ 16, 4, S1G } },
		},
		.pwc = { 32, 4, 2, 0 },
	},
	{
		.name = "haswell",
		.cpu = "Intel Haswell",
		.source = "Intel 64 and IA-32 Architectures Optimization "
			  "Reference Manual, Haswell TLB parameters",
		.arr = {
			[TLBH_ITLB] = { { 128, 4, S4K }, { 8, 8, S2M } },
			[TLBH_DTLB] = { { 64, 4, S4K }, { 32, 4, S2M },
					{ 4, 4, S1G } },
			[TLBH_STLB] = { { 1024, 8, S4K | S2M } },
		},
		.pwc = { 32, 4, 2, 0 },
	},
	{
		.name = "cortex-a76",
		.cpu = "Arm Cortex-A76",
		.source = "Arm Cortex-A76 Core Technical Reference Manual, "
			  "A5.2 TLB organization",
		.arr = {
			[TLBH_ITLB] = { { 48, 48, SALL } },
			[TLBH_DTLB] = { { 48, 48, SALL } },
			[TLBH_STLB] = { { 1280, 5, SALL } },
		},
		.pwc = { 32, 4, 2, 0 },
	},
	{ .name = "" }
};

const struct tlbh_geom *
tlbh_preset(const char *name)
{
	const struct tlbh_geom *g;

	for (g = tlbh_presets; g->name[0]; g++)
		if (!strcmp(g->name, name))
			return g;
	return NULL;
}

const char *
tlbh_preset_names(void)
{
	return "skylake, haswell, cortex-a76";
}

int
tlbh_geom_check(const struct tlbh_geom *g, char *why, size_t n)
{
	static const char *const lname[] = { "itlb", "dtlb", "stlb" };
	int l, a;

	for (l = 0; l < TLBH_LEVELS; l++) {
		u8 seen = 0;

		for (a = 0; a < TLBH_ARRAYS; a++) {
			const struct tlbh_arr_geom *ag = &g->arr[l][a];
			unsigned sets;

			if (ag->entries == 0)
				continue;
			sets = ag->ways ? ag->entries / ag->ways : 0;
			if (ag->ways == 0 || ag->entries % ag->ways ||
			    (sets & (sets - 1))) {
				snprintf(why, n, "%s: %u entries in %u ways: "
					 "entries/ways must be a power of two "
					 "(the number of sets)", lname[l],
					 ag->entries, ag->ways);
				return -EINVAL;
			}
			if (ag->sizes & seen) {
				snprintf(why, n, "%s: two arrays hold the same "
					 "page size", lname[l]);
				return -EINVAL;
			}
			seen |= ag->sizes;
		}
	}
	return 0;
}

static void
arr_init(struct tlbh_arr *a, const struct tlbh_arr_geom *g)
{
	a->ways = g->ways;
	a->sets = g->entries / g->ways;
	a->sizes = g->sizes;
	a->tag = xcalloc(g->entries, sizeof(*a->tag));
	a->stamp = xcalloc(g->entries, sizeof(*a->stamp));
}

static void
init_walk(struct tlbh *h, const struct mmu *mmu)
{
	unsigned i, j;

	/* the page sizes, smallest first */
	for (i = 0; i < mmu->npage_shifts && h->nsizes < TLBH_SIZES; i++) {
		u8 s = mmu->page_shifts[i];

		for (j = h->nsizes; j > 0 && h->shift[j - 1] > s; j--)
			h->shift[j] = h->shift[j - 1];
		h->shift[j] = s;
		h->nsizes++;
	}
	for (i = 0; i < mmu->nwalk && h->nwalk < TLBH_MAXLV; i++) {
		h->lvl[h->nwalk] = mmu->walk[i];
		h->vshift[h->nwalk++] = mmu->lv[mmu->walk[i]].shift;
	}
}

int
tlbh_init(struct tlbh *h, const struct tlbh_geom *g, const struct mmu *mmu)
{
	char why[120];
	int l, a, s;

	memset(h, 0, sizeof(*h));
	if (tlbh_geom_check(g, why, sizeof(why)))
		return -EINVAL;
	h->g = *g;
	h->rng = g->seed * 0x9e3779b97f4a7c15ULL + 1;
	init_walk(h, mmu);
	for (l = 0; l < TLBH_LEVELS; l++) {
		for (s = 0; s < TLBH_SIZES; s++)
			h->where[l][s] = -1;
		for (a = 0; a < TLBH_ARRAYS; a++) {
			if (g->arr[l][a].entries == 0)
				continue;
			arr_init(&h->arr[l][a], &g->arr[l][a]);
			for (s = 0; s < TLBH_SIZES; s++)
				if (g->arr[l][a].sizes & (1u << s))
					h->where[l][s] = (int8_t)a;
		}
	}
	for (a = 0; a < TLBH_PWC; a++) {
		h->pwc[a].n = g->pwc[a];
		h->pwc[a].tag = xcalloc(g->pwc[a] + 1, sizeof(u64));
		h->pwc[a].stamp = xcalloc(g->pwc[a] + 1, sizeof(u32));
	}
	return 0;
}

void
tlbh_release(struct tlbh *h)
{
	int l, a;

	for (l = 0; l < TLBH_LEVELS; l++)
		for (a = 0; a < TLBH_ARRAYS; a++) {
			free(h->arr[l][a].tag);
			free(h->arr[l][a].stamp);
		}
	for (a = 0; a < TLBH_PWC; a++) {
		free(h->pwc[a].tag);
		free(h->pwc[a].stamp);
	}
	memset(h, 0, sizeof(*h));
}

unsigned
tlbh_size(const struct tlbh *h, unsigned shift)
{
	unsigned i = 0;

	while (i + 1 < h->nsizes && h->shift[i + 1] <= shift)
		i++;
	return i;
}

static inline u64
rng_next(struct tlbh *h)
{
	h->rng ^= h->rng << 13;
	h->rng ^= h->rng >> 7;
	h->rng ^= h->rng << 17;
	return h->rng;
}

/* The victim among n slots (an invalid one first). */
static inline u32
victim(struct tlbh *h, const u64 *tag, const u32 *stamp, u32 n)
{
	u32 i, k = 0;

	for (i = 0; i < n; i++)
		if (tag[i] == 0)
			return i;
	if (h->g.random)
		return (u32)(rng_next(h) % n);
	for (i = 1; i < n; i++)
		if (stamp[i] < stamp[k])
			k = i;
	return k;
}

/* Look a page up in an array, filling it on a miss: true on a hit. */
static inline bool
arr_access(struct tlbh *h, struct tlbh_arr *a, u64 vpn, unsigned size)
{
	u64 tag = (vpn << 3) | ((u64)size << 1) | 1;
	u64 *t = &a->tag[(size_t)(vpn & (a->sets - 1)) * a->ways];
	u32 *st = &a->stamp[t - a->tag];
	u32 w;

	for (w = 0; w < a->ways; w++)
		if (t[w] == tag) {
			st[w] = ++h->clock;
			return true;
		}
	w = victim(h, t, st, a->ways);
	t[w] = tag;
	st[w] = ++h->clock;
	return false;
}

/* A walk cache: true when it holds key (filling it when not). */
static inline bool
pwc_access(struct tlbh *h, struct tlbh_pwc *p, u64 key, bool fill)
{
	u32 i;

	key = key + 1;
	for (i = 0; i < p->n; i++)
		if (p->tag[i] == key) {
			p->stamp[i] = ++h->clock;
			return true;
		}
	if (fill && p->n) {
		i = victim(h, p->tag, p->stamp, p->n);
		p->tag[i] = key;
		p->stamp[i] = ++h->clock;
	}
	return false;
}

/*
 * The walk of a page whose leaf is at walk position leaf: the deepest
 * walk-cache hit above it says where the walk starts; every entry read
 * from there down is a memory reference, and every table entry read is
 * cached.
 */
static void
walk(struct tlbh *h, u64 va, unsigned shift)
{
	int leaf = 0, start = 0, i;

	/* the first level whose entries map no more than the page */
	while (leaf + 1 < h->nwalk && h->vshift[leaf] > shift)
		leaf++;
	h->walks++;
	if (leaf > 0)
		h->pwc_lookups++;
	for (i = leaf - 1; i >= 0; i--) {
		int d = h->nwalk - 2 - i;

		if (d < 0 || d >= TLBH_PWC || h->pwc[d].n == 0)
			continue;
		if (pwc_access(h, &h->pwc[d], va >> h->vshift[i], false)) {
			h->pwc_hits[d]++;
			start = i + 1;
			break;
		}
	}
	for (i = start; i <= leaf; i++) {
		int d = h->nwalk - 2 - i;

		h->refs[i]++;
		if (i < leaf && d >= 0 && d < TLBH_PWC)
			pwc_access(h, &h->pwc[d], va >> h->vshift[i], true);
	}
}

void
tlbh_lookup(struct tlbh *h, u64 va, unsigned shift, bool fetch)
{
	unsigned s = tlbh_size(h, shift);
	int l1 = fetch ? TLBH_ITLB : TLBH_DTLB, a;
	u64 vpn = va >> shift;

	a = h->where[l1][s];
	if (a >= 0) {
		if (arr_access(h, &h->arr[l1][a], vpn, s)) {
			h->hits[l1][s]++;
			return;
		}
		h->misses[l1][s]++;
	}
	a = h->where[TLBH_STLB][s];
	if (a >= 0) {
		if (arr_access(h, &h->arr[TLBH_STLB][a], vpn, s)) {
			h->hits[TLBH_STLB][s]++;
			return;
		}
		h->misses[TLBH_STLB][s]++;
	}
	walk(h, va, shift);
}

void
tlbh_flush_all(struct tlbh *h)
{
	int l, a;

	for (l = 0; l < TLBH_LEVELS; l++)
		for (a = 0; a < TLBH_ARRAYS; a++)
			if (h->arr[l][a].tag != NULL)
				memset(h->arr[l][a].tag, 0, (size_t)
				       h->arr[l][a].sets * h->arr[l][a].ways *
				       sizeof(u64));
	for (a = 0; a < TLBH_PWC; a++)
		memset(h->pwc[a].tag, 0, h->pwc[a].n * sizeof(u64));
}

void
tlbh_flush_page(struct tlbh *h, u64 va)
{
	unsigned s, w;
	int l, a;

	for (l = 0; l < TLBH_LEVELS; l++)
		for (s = 0; s < h->nsizes; s++) {
			struct tlbh_arr *ar;
			u64 vpn = va >> h->shift[s], tag, *t;

			if ((a = h->where[l][s]) < 0)
				continue;
			ar = &h->arr[l][a];
			tag = (vpn << 3) | ((u64)s << 1) | 1;
			t = &ar->tag[(size_t)(vpn & (ar->sets - 1)) * ar->ways];
			for (w = 0; w < ar->ways; w++)
				if (t[w] == tag)
					t[w] = 0;
		}
	/* invlpg invalidates the paging-structure caches as well */
	for (a = 0; a < TLBH_PWC; a++)
		memset(h->pwc[a].tag, 0, h->pwc[a].n * sizeof(u64));
}

u64
tlbh_level_hits(const struct tlbh *h, int lv)
{
	u64 n = 0;
	int s;

	for (s = 0; s < TLBH_SIZES; s++)
		n += h->hits[lv][s];
	return n;
}

u64
tlbh_level_misses(const struct tlbh *h, int lv)
{
	u64 n = 0;
	int s;

	for (s = 0; s < TLBH_SIZES; s++)
		n += h->misses[lv][s];
	return n;
}

void
tlbh_delta(struct tlbh *d, const struct tlbh *h, const struct tlbh *h0)
{
	int l, s;

	if (d != h)
		*d = *h;
	for (l = 0; l < TLBH_LEVELS; l++)
		for (s = 0; s < TLBH_SIZES; s++) {
			d->hits[l][s] -= h0->hits[l][s];
			d->misses[l][s] -= h0->misses[l][s];
		}
	d->walks -= h0->walks;
	for (l = 0; l < TLBH_MAXLV; l++)
		d->refs[l] -= h0->refs[l];
	for (l = 0; l < TLBH_PWC; l++)
		d->pwc_hits[l] -= h0->pwc_hits[l];
	d->pwc_lookups -= h0->pwc_lookups;
}
