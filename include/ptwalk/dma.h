/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Coherent DMA buffers (dma_alloc_coherent / dma_free_coherent) as each
 * modelled kernel makes them:
 *
 *   x86, arm64 (6.1 dma-direct): pages from the zone the device's
 *   coherent DMA mask reaches (GFP_DMA up to zone_dma_bits, GFP_DMA32 up
 *   to 32 bits, else any lowmem zone), zeroed, returned by their
 *   direct-map address; the bus address is the physical one (the device
 *   is cache-coherent, so nothing is remapped).
 *
 *   arm 3.x (3.4 arch/arm/mm/dma-mapping.c): __dma_alloc_buffer (an
 *   order-n block split into pages, the excess freed) remapped in the 2M
 *   consistent area at CONSISTENT_BASE, allocated from its top down
 *   (arm_vmregion_alloc), aligned to the size up to 1M, with
 *   pgprot_dmacoherent (bufferable, XN): the pages are reachable at two
 *   virtual addresses, the cached lowmem alias and the uncached
 *   consistent mapping.
 *
 *   arm 5.x (5.4 remap allocator, no CMA): the same buffer remapped with
 *   vmap into a VM_DMA_COHERENT area of the vmalloc space.
 */
#ifndef PTWALK_DMA_H
#define PTWALK_DMA_H

#include "gfp.h"
#include "kernel.h"
#include "machine.h"

struct page;

enum dma_how { DMA_DIRECT, DMA_CONSISTENT, DMA_REMAP };

struct dma_buf {
	struct dma_buf *next;		/* by cpu_addr */
	u64 cpu_addr, dma_handle;
	u64 size;			/* page aligned */
	u64 mask;			/* the device's coherent DMA mask */
	struct page *page;		/* the first page */
	unsigned order;			/* the block allocated */
	bool split;			/* split_page'd: pages freed one by one */
	enum dma_how how;
	gfp_t gfp;			/* what the allocation used */
};

struct dma_state {
	struct dma_buf *bufs;
	u64 nbytes;
};

int dma_init(struct machine *m, struct error *e);
void dma_release(struct machine *m);

static inline struct dma_state *
dma_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->dma : NULL;
}

/* DMA_BIT_MASK(n) */
static inline u64
DMA_BIT_MASK(unsigned n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

/* The owner of a DMA buffer's pages (page_set_owner). */
extern const struct page_owner_type page_owner_dma;

/* dma_alloc_coherent: the buffer (NULL with the reason). */
struct dma_buf *dma_alloc_coherent(struct machine *m, u64 size, u64 mask,
				   struct error *e);
int dma_free_coherent(struct machine *m, u64 cpu_addr, struct error *e);
/* The buffer whose CPU mapping or lowmem alias holds addr (NULL: none). */
struct dma_buf *dma_buf_at(const struct machine *m, u64 addr, bool *alias);

#endif
