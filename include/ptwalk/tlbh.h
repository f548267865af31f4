/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A TLB hierarchy model for trace replay: split first-level iTLB and dTLB,
 * a unified second-level TLB (STLB), each made of arrays holding some page
 * sizes (sets x ways, LRU or random replacement), and page-walk caches
 * (x86's paging-structure caches, arm64's walk cache) for the table
 * entries above the leaf, so that a walk counts the memory references it
 * really makes, level by level.
 *
 * The model keeps tags only.  The translations themselves come from the
 * machine (its per-CPU TLB and walker), which tells the model each
 * access's page size; the model counts what the hierarchy would have hit.
 * It allocates when it is built and never after: a lookup neither
 * allocates nor prints.
 */
#ifndef PTWALK_TLBH_H
#define PTWALK_TLBH_H

#include "types.h"

struct mmu;

#define TLBH_SIZES	3	/* page sizes: the smallest leaf and two more */
#define TLBH_ARRAYS	3	/* arrays per level */
#define TLBH_PWC	4	/* walk caches: 1..4 levels above the pte's */
#define TLBH_MAXLV	6	/* levels a walk may have */

enum { TLBH_ITLB, TLBH_DTLB, TLBH_STLB, TLBH_LEVELS };

struct tlbh_arr_geom {
	u16 entries, ways;	/* 0 entries: no array */
	u8 sizes;		/* bit i: page size i */
};

/* A hierarchy's geometry: a preset, or one changed with `set tlb-model`. */
struct tlbh_geom {
	char name[24];
	const char *cpu, *source;
	struct tlbh_arr_geom arr[TLBH_LEVELS][TLBH_ARRAYS];
	/* walk-cache entries (fully associative); [0]: the table level
	 * right above the smallest pages' (x86: the PDE cache) */
	u16 pwc[TLBH_PWC];
	bool random;		/* random replacement (seeded), else LRU */
	u64 seed;
};

struct tlbh_arr {
	u32 sets, ways;
	u8 sizes;
	u64 *tag;		/* sets * ways; 0: invalid */
	u32 *stamp;
};

struct tlbh_pwc {
	u32 n;
	u64 *tag;
	u32 *stamp;
};

struct tlbh {
	struct tlbh_geom g;
	struct tlbh_arr arr[TLBH_LEVELS][TLBH_ARRAYS];
	/* [level][size]: which array holds the size (-1: none) */
	int8_t where[TLBH_LEVELS][TLBH_SIZES];
	struct tlbh_pwc pwc[TLBH_PWC];
	/* the page sizes, and the walk: its levels top down */
	u8 shift[TLBH_SIZES], nsizes;
	u8 nwalk, lvl[TLBH_MAXLV], vshift[TLBH_MAXLV];
	u32 clock;
	u64 rng;
	/* statistics: hits + misses = lookups at every level */
	u64 hits[TLBH_LEVELS][TLBH_SIZES], misses[TLBH_LEVELS][TLBH_SIZES];
	u64 walks, refs[TLBH_MAXLV];	/* memory references by walk level */
	u64 pwc_hits[TLBH_PWC], pwc_lookups;
	/* the CPU TLB's flush counters the model has followed */
	u64 seen_all, seen_page;
};

/* The presets, ending with { .name = "" }: see tlbh_presets[].source. */
extern const struct tlbh_geom tlbh_presets[];
const struct tlbh_geom *tlbh_preset(const char *name);
/* "skylake, haswell, cortex-a76" */
const char *tlbh_preset_names(void);
/* Check a geometry: 0, or -EINVAL with why. */
int tlbh_geom_check(const struct tlbh_geom *g, char *why, size_t n);

/* Build the model for an MMU's page sizes and walk (allocates). */
int tlbh_init(struct tlbh *h, const struct tlbh_geom *g,
	      const struct mmu *mmu);
void tlbh_release(struct tlbh *h);
/* The size index of a page of 1 << shift. */
unsigned tlbh_size(const struct tlbh *h, unsigned shift);
/* One lookup of a translated page of 1 << shift (fetch: the iTLB). */
void tlbh_lookup(struct tlbh *h, u64 va, unsigned shift, bool fetch);
/* Flushes: everything; the page of va at every size (and the walk caches,
 * as invlpg does). */
void tlbh_flush_all(struct tlbh *h);
void tlbh_flush_page(struct tlbh *h, u64 va);
/* d = h's counters minus those of the copy h0 (d may be h). */
void tlbh_delta(struct tlbh *d, const struct tlbh *h, const struct tlbh *h0);
/* Totals of a level. */
u64 tlbh_level_hits(const struct tlbh *h, int lv);
u64 tlbh_level_misses(const struct tlbh *h, int lv);

#endif
