/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A per-CPU translation lookaside buffer: sets x ways, entries tagged with
 * the address-space id (x86 PCID, ARM ASID) unless global, LRU
 * replacement, one lookup per page size the MMU can produce.
 *
 * The TLB caches what the walker found.  Nothing keeps it coherent with the
 * page tables but explicit flushes: a changed entry without a flush leaves
 * a stale translation, exactly as on hardware.
 */
#ifndef PTWALK_TLB_H
#define PTWALK_TLB_H

#include "types.h"

struct tlb_entry {
	u64 va;			/* page base */
	u64 pa;			/* page base */
	u16 asid;
	u8 shift;
	u8 global;
	u16 perm;
	u32 attr;
	u32 stamp;		/* LRU */
};

struct tlb {
	unsigned sets, ways;
	u64 *tag;		/* sets * ways tags: 0 = invalid */
	struct tlb_entry *e;
	u32 clock;
	u32 *hint;		/* way predictor: TLB_HINTS slots -> entry + 1 */
	u8 shifts[6];		/* page sizes to probe, smallest first */
	u8 nshifts;
	u64 hits, misses, fills, evictions;
	u64 flush_all, flush_page, flush_asid;
};

int tlb_init(struct tlb *t, unsigned entries, unsigned ways,
	     const u8 *shifts, int nshifts);
void tlb_release(struct tlb *t);

/*
 * The way predictor remembers where a tag was last found.  It is only a
 * lookup accelerator: a prediction is used only after checking the tag in
 * the set, so flushes and replacement need not know about it.
 */
#define TLB_HINTS	1024

static inline unsigned
tlb_hint_slot(u64 va, unsigned shift)
{
	return (unsigned)(((va >> shift) ^ shift) & (TLB_HINTS - 1));
}

static inline u64
tlb_tag(u64 va, unsigned shift)
{
	return ((va >> shift) << 7) | ((u64)shift << 1) | 1;
}

/* Hot path: the entry translating va in address space asid, or NULL. */
static inline struct tlb_entry *
tlb_lookup(struct tlb *t, u64 va, u16 asid)
{
	unsigned i, w;

	for (i = 0; i < t->nshifts; i++) {
		unsigned s = t->shifts[i];
		u64 tag = tlb_tag(va, s);
		unsigned slot = tlb_hint_slot(va, s);
		u32 k = t->hint[slot];
		size_t base;

		if (likely(k != 0 && t->tag[k - 1] == tag)) {
			struct tlb_entry *e = &t->e[k - 1];

			if (likely(e->global || e->asid == asid)) {
				e->stamp = ++t->clock;
				t->hits++;
				return e;
			}
		}
		base = (size_t)((va >> s) & (t->sets - 1)) * t->ways;
		for (w = 0; w < t->ways; w++) {
			struct tlb_entry *e;

			if (t->tag[base + w] != tag)
				continue;
			e = &t->e[base + w];
			if (e->global || e->asid == asid) {
				e->stamp = ++t->clock;
				t->hits++;
				t->hint[slot] = (u32)(base + w + 1);
				return e;
			}
		}
	}
	t->misses++;
	return NULL;
}

/* Look without touching statistics or LRU (for `walk` and `tlb`). */
struct tlb_entry *tlb_peek(struct tlb *t, u64 va, u16 asid);
void tlb_fill(struct tlb *t, u64 va, u16 asid, unsigned shift, u64 pa,
	      u16 perm, u32 attr, bool global);
/* CR3 write without PCID: every non-global entry. */
void tlb_flush_nonglobal(struct tlb *t);
/* Everything, global too (CR4.PGE toggle, TLBIALL). */
void tlb_flush_all(struct tlb *t);
/* invlpg / TLBIMVA: the page containing va, for asid and global entries. */
void tlb_flush_page(struct tlb *t, u64 va, u16 asid);
/* The page in every address space (kernel mapping change). */
void tlb_flush_page_all(struct tlb *t, u64 va);
/* Non-global entries of one ASID/PCID. */
void tlb_flush_asid(struct tlb *t, u16 asid);
unsigned tlb_count(const struct tlb *t);

#endif
