/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Mapping highmem pages into the kernel (mm/highmem.c, arch/x86/mm,
 * arch/arm/mm/highmem.c) and the fixmap (include/asm-generic/fixmap.h).
 *
 *   kmap: the LAST_PKMAP persistent slots at PKMAP_BASE, with
 *   pkmap_count[] (0: free and flushed, 1: no user but maybe still in a
 *   TLB, n > 1: n - 1 users), last_pkmap_nr, flush_all_zero_pkmaps() when
 *   the scan wraps, page->virtual; a caller that finds every slot busy
 *   would sleep on pkmap_map_wait, which ptwalk reports instead.
 *
 *   kmap_atomic: per-CPU stacks of km_max_idx fixmap slots, idx = depth +
 *   km_max_idx * cpu, vaddr = fix_to_virt(FIX_KMAP_BEGIN + idx).  x86
 *   models kmap_local (5.11+): the PTE is cleared and its TLB entry
 *   flushed at unmap; arm (3.4, 5.4) writes the PTE and flushes the local
 *   TLB entry at map and leaves the PTE at unmap (no DEBUG_HIGHMEM).
 *
 * Lowmem pages (and every page on 64-bit) are returned by their direct-map
 * address without a slot, as Linux does.
 * sim: the per-task kmap_local stack is kept per CPU (the task that runs
 * there).
 */
#ifndef PTWALK_HIGHMEM_H
#define PTWALK_HIGHMEM_H

#include "kernel.h"
#include "machine.h"

struct page;
struct strbuf;

struct kmap_atomic_cpu {
	int depth;			/* slots in use (kmap_atomic_idx) */
	struct page **page;		/* km_max_idx entries */
};

struct highmem_state {
	unsigned last_pkmap;		/* 0: no highmem (64-bit) */
	int *pkmap_count;
	struct page **pkmap_page;	/* sim: the page in each slot */
	unsigned last_pkmap_nr;
	u64 nr_flush_all;		/* flush_all_zero_pkmaps runs */
	int fix_kmap_begin;		/* index of FIX_KMAP_BEGIN, -1: none */
	unsigned km_max_idx;
	int ncpus;
	struct kmap_atomic_cpu *cpu;
};

int highmem_init(struct machine *m, struct error *e);
void highmem_release(struct machine *m);

static inline struct highmem_state *
highmem_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->hm : NULL;
}

/* CONFIG_HIGHMEM: the kernel has pkmap slots. */
static inline bool
highmem_configured(const struct machine *m)
{
	return highmem_of(m) != NULL && highmem_of(m)->last_pkmap != 0;
}

static inline u64
PKMAP_ADDR(const struct machine *m, unsigned nr)
{
	return m->lay.pkmap_base + ((u64)nr << PAGE_SHIFT);
}

/* The pkmap slot of addr, or -1. */
int pkmap_nr(const struct machine *m, u64 addr);

/*
 * kmap: the page's kernel address; a highmem page gets (or reuses) a
 * pkmap slot.  0 with -EAGAIN when every slot is busy (the caller would
 * sleep).  *slot: the slot used (-1: none, a lowmem page).
 */
u64 kmap(struct machine *m, struct page *page, int *slot, struct error *e);
/* kunmap: one user fewer; errors for a page that is not kmapped. */
int kunmap(struct machine *m, struct page *page, struct error *e);
/* flush_all_zero_pkmaps: release the unused slots; how many. */
unsigned flush_all_zero_pkmaps(struct machine *m);

/*
 * kmap_atomic on cpu: the next slot of that CPU's stack (-EBUSY when all
 * km_max_idx are taken).  *idx: the fixmap index (-1: lowmem, none).
 */
u64 kmap_atomic(struct machine *m, struct page *page, int cpu, int *idx,
		struct error *e);
/* kunmap_atomic: addr must be the most recent slot of its CPU. */
int kunmap_atomic(struct machine *m, u64 addr, struct error *e);
/* The CPU and depth of a kmap_atomic slot address (false: none). */
bool kmap_atomic_slot(const struct machine *m, u64 addr, int *cpu, int *depth);

/*
 * The fixmap (enum fixed_addresses of the arch).  fix_to_virt: -EINVAL
 * beyond __end_of_fixed_addresses.  fix_name: "FIX_KMAP_BEGIN+17".
 */
unsigned fix_end(const struct machine *m);
int fix_to_virt(const struct machine *m, unsigned idx, u64 *va,
		struct error *e);
int virt_to_fix(const struct machine *m, u64 va, unsigned *idx,
		struct error *e);
const struct fixslot *fix_slot(const struct machine *m, unsigned idx);
void fix_name(const struct machine *m, unsigned idx, struct strbuf *sb);
/* Parse "FIX_APIC_BASE" or "FIX_KMAP_BEGIN+3" (false: not a name). */
bool fix_parse(const struct machine *m, const char *s, unsigned *idx);

#endif
