// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Coherent DMA buffers (cf. kernel/dma/direct.c 6.1): dma-direct, or the
 * arch's own allocator where DMA is not coherent (struct arch_mm).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/dma.h"
#include "ptwalk/log2.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/tlbflush.h"
#include "ptwalk/vmalloc.h"

static void dma_page_describe(struct machine *m, const struct page *page,
			      struct strbuf *sb);

/* the pages of a DMA buffer (src/mm/dma.c and the arch's allocators) */
const struct page_owner_type page_owner_dma = {
	"DMA buffer", dma_page_describe
};

static void
insert_buf(struct dma_state *ds, struct dma_buf *b)
{
	struct dma_buf **pp = &ds->bufs;

	while (*pp != NULL && (*pp)->cpu_addr < b->cpu_addr)
		pp = &(*pp)->next;
	b->next = *pp;
	*pp = b;
	ds->nbytes += b->size;
}

/* dma_direct_optimal_gfp_mask */
static gfp_t
optimal_gfp(const struct machine *m, u64 mask)
{
	const struct layout *L = &m->lay;

	if (L->dma_limit && mask <= L->dma_limit - 1)
		return GFP_DMA;
	if (mask <= DMA_BIT_MASK(32))
		return GFP_DMA32;
	return 0;
}

static bool
coherent_ok(struct machine *m, struct page *page, u64 size, u64 mask)
{
	return page_to_phys(m, page) + size - 1 <= mask;
}

static struct dma_buf *
direct_alloc(struct machine *m, u64 size, u64 mask, struct error *e)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	gfp_t gfp = GFP_KERNEL | optimal_gfp(m, mask);
	unsigned order = get_order(size), i;
	struct page *page;
	struct dma_buf *b;

	if (mask < (pgalloc->start_pfn << PAGE_SHIFT) + size - 1)
		return error_set(e, -EIO, "coherent DMA mask 0x%llx reaches no "
				 "RAM", (unsigned long long)mask), NULL;
	for (;;) {
		page = alloc_pages(m, gfp, order, e);
		if (page != NULL && coherent_ok(m, page, size, mask))
			break;
		if (page != NULL) {
			trace_event(m, dma_coherent_retry,
				    .pfn = page_to_pfn(m, page), .mask = mask);
			__free_pages(m, page, order, NULL);
		}
		if (zone_configured(pgalloc, ZONE_DMA32) && mask < ~0ULL &&
		    !(gfp & (GFP_DMA32 | GFP_DMA))) {
			gfp |= GFP_DMA32;
			continue;
		}
		if (zone_configured(pgalloc, ZONE_DMA) && !(gfp & GFP_DMA)) {
			gfp = (gfp & ~GFP_DMA32) | GFP_DMA;
			continue;
		}
		if (page != NULL)
			error_set(e, -ENOMEM, "no RAM below the DMA mask 0x%llx "
				  "has a free order-%u block",
				  (unsigned long long)mask, order);
		return NULL;
	}
	b = xcalloc(1, sizeof(*b));
	b->page = page;
	b->order = order;
	b->size = size;
	b->mask = mask;
	b->gfp = gfp;
	b->how = DMA_DIRECT;
	b->cpu_addr = page_address(m, page);
	b->dma_handle = page_to_phys(m, page);
	phys_zero(&m->phys, b->dma_handle, size, NULL);
	for (i = 0; i < (1u << order); i++)
		page_set_owner(page + i, &page_owner_dma, b);
	return b;
}

struct dma_buf *
dma_alloc_coherent(struct machine *m, u64 size, u64 mask, struct error *e)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	struct dma_buf *b;

	if (size == 0)
		return error_set(e, -EINVAL, "size 0: dma_alloc_coherent "
				 "WARNs and returns NULL"), NULL;
	if (mask == 0)
		return error_set(e, -EIO, "coherent DMA mask is unset (0)"),
			NULL;
	/* checked before PAGE_ALIGN, which would wrap the largest sizes */
	if (get_order(size) >= MAX_ORDER)
		return error_set(e, -ENOMEM, "size 0x%llx needs an order-%u "
				 "block: the buddy allocator's largest is "
				 "order %d (4M); alloc_pages warns and "
				 "dma_alloc_coherent returns NULL",
				 (unsigned long long)size, get_order(size),
				 MAX_ORDER - 1), NULL;
	size = ALIGN_UP(size, PAGE_SIZE);
	if ((size >> PAGE_SHIFT) > pgalloc->totalram_pages)
		return error_set(e, -ENOMEM, "size 0x%llx is more than the "
				 "machine's RAM (%lu pages)",
				 (unsigned long long)size,
				 pgalloc->totalram_pages), NULL;
	b = m->arch->mm->dma_alloc != NULL ?
		m->arch->mm->dma_alloc(m, size, mask, e) :
		direct_alloc(m, size, mask, e);
	if (b != NULL)
		insert_buf(dma_of(m), b);
	return b;
}

struct dma_buf *
dma_buf_at(const struct machine *m, u64 addr, bool *alias)
{
	const struct dma_state *ds = dma_of(m);
	struct dma_buf *b;

	*alias = false;
	if (ds == NULL)
		return NULL;
	for (b = ds->bufs; b != NULL; b = b->next) {
		u64 low = page_address(m, b->page);

		if (addr >= b->cpu_addr && addr < b->cpu_addr + b->size)
			return b;
		if (b->how != DMA_DIRECT && addr >= low &&
		    addr < low + b->size) {
			*alias = true;
			return b;
		}
	}
	return NULL;
}

int
dma_free_coherent(struct machine *m, u64 cpu_addr, struct error *e)
{
	struct dma_state *ds = dma_of(m);
	struct dma_buf **pp, *b;
	unsigned i, n;

	for (pp = &ds->bufs; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->cpu_addr == cpu_addr)
			break;
	b = *pp;
	if (b == NULL)
		return error_set(e, -EINVAL, "no DMA buffer at 0x%llx",
				 (unsigned long long)cpu_addr);
	n = (unsigned)(b->size >> PAGE_SHIFT);
	if (b->how == DMA_CONSISTENT) {
		/* __dma_free_remap: clear the PTEs, flush the range */
		for (i = 0; i < n; i++)
			pgtable_clear(m, m->swapper_pg_dir,
				      cpu_addr + (u64)i * PAGE_SIZE);
		flush_tlb_kernel_range(m, cpu_addr, cpu_addr + b->size);
	} else if (b->how == DMA_REMAP) {
		struct vm_struct *vm = remove_vm_area(m, cpu_addr);

		if (vm != NULL)
			free_vm_struct(m, vm);
	}
	if (b->split) {
		for (i = 0; i < n; i++) {
			page_set_owner(b->page + i, NULL, NULL);
			__free_pages(m, b->page + i, 0, NULL);
		}
	} else {
		for (i = 0; i < (1u << b->order); i++)
			page_set_owner(b->page + i, NULL, NULL);
		__free_pages(m, b->page, b->order, NULL);
	}
	*pp = b->next;
	ds->nbytes -= b->size;
	free(b);
	return 0;
}

static void
dma_page_describe(struct machine *m, const struct page *page,
		  struct strbuf *sb)
{
	const struct dma_buf *b = page->owner_data;

	sb_addf(sb, "page %llu of the coherent DMA buffer at cpu 0x%llx, "
		"dma 0x%llx (%llu bytes)",
		(unsigned long long)(page_to_pfn(m, page) -
				     page_to_pfn(m, b->page)),
		(unsigned long long)b->cpu_addr,
		(unsigned long long)b->dma_handle,
		(unsigned long long)b->size);
}

int
dma_init(struct machine *m, struct error *e)
{
	(void)e;
	m->kern->dma = xcalloc(1, sizeof(struct dma_state));
	return 0;
}

void
dma_release(struct machine *m)
{
	struct dma_state *ds = dma_of(m);
	struct dma_buf *b, *n;

	if (ds == NULL)
		return;
	for (b = ds->bufs; b != NULL; b = n) {
		n = b->next;
		free(b);
	}
	free(ds);
	m->kern->dma = NULL;
}
