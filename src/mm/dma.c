// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Coherent DMA buffers (cf. kernel/dma/direct.c 6.1,
 * arch/arm/mm/dma-mapping.c 3.4 and 5.4, arch/arm/mm/vmregion.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/dma.h"
#include "ptwalk/log2.h"
#include "ptwalk/tlbflush.h"
#include "ptwalk/vmalloc.h"

#define SECTION_SHIFT	20	/* arm: 1M sections */

static void dma_page_describe(struct machine *m, const struct page *page,
			      struct strbuf *sb);

const struct page_owner_type page_owner_dma = {
	"DMA buffer", dma_page_describe
};

static bool
is_arm(const struct machine *m)
{
	return !strcmp(m->arch->name, "arm");
}

/* mm/page_alloc.c split_page(): 2^order independent order-0 pages. */
static void
split_page(struct machine *m, struct page *page, unsigned order)
{
	gfp_t gfp = page->alloc_gfp;
	unsigned i;

	(void)m;
	page->alloc_order = 0;
	for (i = 1; i < (1u << order); i++) {
		struct page *p = page + i;

		page_reset(p);
		set_page_count(p, 1);
		p->alloc_gfp = gfp;
	}
}

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

/*
 * arm_vmregion_alloc: the highest aligned gap of the consistent area,
 * scanning the regions from the top down; 0 when none.
 */
static u64
consistent_alloc(const struct machine *m, u64 size, u64 align)
{
	const struct dma_state *ds = dma_of(m);
	const struct layout *L = &m->lay;
	const struct dma_buf *b, *above = NULL;
	u64 addr;

	if (size > L->consistent_end - L->consistent_base)
		return 0;
	addr = ALIGN_DOWN(L->consistent_end - size, align);
	for (;;) {
		const struct dma_buf *hi = NULL;

		/* the highest region below `above` */
		for (b = ds->bufs; b != NULL; b = b->next)
			if (b->how == DMA_CONSISTENT &&
			    (above == NULL || b->cpu_addr < above->cpu_addr) &&
			    (hi == NULL || b->cpu_addr > hi->cpu_addr))
				hi = b;
		if (hi == NULL || addr >= hi->cpu_addr + hi->size)
			return addr;
		if (hi->cpu_addr < L->consistent_base + size)
			return 0;
		addr = ALIGN_DOWN(hi->cpu_addr - size, align);
		if (addr < L->consistent_base)
			return 0;
		above = hi;
	}
}

/* __dma_alloc_buffer (arm): split, free the excess, clear. */
static struct page *
arm_dma_alloc_buffer(struct machine *m, u64 size, gfp_t gfp, unsigned *order,
		     struct error *e)
{
	struct page *page;
	unsigned i, o = get_order(size), n = (unsigned)(size >> PAGE_SHIFT);

	page = alloc_pages(m, gfp, o, e);
	if (page == NULL)
		return NULL;
	split_page(m, page, o);
	for (i = n; i < (1u << o); i++)
		__free_pages(m, page + i, 0, NULL);
	if (n < (1u << o))
		trace_event(m, dma_alloc_buffer, .order = o,
			    .freed = (1u << o) - n);
	*order = o;
	return page;
}

static struct dma_buf *
arm_dma_alloc(struct machine *m, u64 size, u64 mask, struct error *e)
{
	const struct layout *L = &m->lay;
	gfp_t gfp = GFP_KERNEL;
	struct dma_buf *b;
	struct page *page;
	unsigned order, i, n = (unsigned)(size >> PAGE_SHIFT);
	u64 va = 0, align = 0;

	/* get_coherent_dma_mask: no ZONE_DMA on vexpress, arm_dma_limit 4G-1 */
	if ((~mask) & 0xffffffffULL)
		return error_set(e, -EIO, "coherent DMA mask 0x%llx is smaller "
				 "than system GFP_DMA mask 0xffffffff (this "
				 "machine has no ZONE_DMA: the device cannot "
				 "reach all of RAM)", (unsigned long long)mask),
			NULL;
	if (L->consistent_end) {
		int bit = (int)fls64(size - 1);

		if (bit > SECTION_SHIFT)
			bit = SECTION_SHIFT;
		align = 1ULL << bit;
		va = consistent_alloc(m, size, MAX(align, PAGE_SIZE));
		if (va == 0)
			return error_set(e, -ENOMEM, "arm_vmregion_alloc: the "
					 "%lluK consistent area has no free "
					 "0x%llx bytes (aligned 0x%llx)",
					 (unsigned long long)((L->consistent_end
					 - L->consistent_base) >> 10),
					 (unsigned long long)size,
					 (unsigned long long)align), NULL;
	}
	page = arm_dma_alloc_buffer(m, size, gfp, &order, e);
	if (page == NULL)
		return NULL;
	b = xcalloc(1, sizeof(*b));
	b->page = page;
	b->order = order;
	b->split = true;
	b->size = size;
	b->mask = mask;
	b->gfp = gfp;
	b->dma_handle = page_to_phys(m, page);
	for (i = 0; i < n; i++) {
		phys_zero(&m->phys, page_to_phys(m, page + i), PAGE_SIZE, NULL);
		page_set_owner(page + i, &page_owner_dma, b);
	}
	if (L->consistent_end) {
		/* __dma_alloc_remap: set_pte_ext in consistent_pte */
		b->how = DMA_CONSISTENT;
		b->cpu_addr = va;
		for (i = 0; i < n; i++)
			pgtable_map(m, m->swapper_pg_dir, va + (u64)i * PAGE_SIZE,
				    page_to_phys(m, page + i), PAGE_SIZE,
				    PAGE_SHIFT, PAGE_KERNEL | P_WC, NULL);
		trace_event(m, dma_alloc_remap, .start = L->consistent_base,
			    .end = L->consistent_end, .va = va, .align = align,
			    .ptes = n);
	} else {
		/* 5.x remap_allocator: dma_common_contiguous_remap */
		struct page **pages = xcalloc(n, sizeof(*pages));

		for (i = 0; i < n; i++)
			pages[i] = page + i;
		va = vmap(m, pages, n, VM_DMA_COHERENT, PAGE_KERNEL | P_WC,
			  "cmd_dma_alloc_coherent [ptwalk]", VMK_DMA, e);
		free(pages);
		if (va == 0) {
			for (i = 0; i < n; i++) {
				page_set_owner(page + i, NULL, NULL);
				__free_pages(m, page + i, 0, NULL);
			}
			free(b);
			return NULL;
		}
		find_vm_area(m, va)->owner = b;
		b->how = DMA_REMAP;
		b->cpu_addr = va;
	}
	return b;
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
	const struct page_alloc *pa = page_alloc_of(m);
	gfp_t gfp = GFP_KERNEL | optimal_gfp(m, mask);
	unsigned order = get_order(size), i;
	struct page *page;
	struct dma_buf *b;

	if (mask < (pa->start_pfn << PAGE_SHIFT) + size - 1)
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
		if (zone_configured(pa, ZONE_DMA32) && mask < ~0ULL &&
		    !(gfp & (GFP_DMA32 | GFP_DMA))) {
			gfp |= GFP_DMA32;
			continue;
		}
		if (zone_configured(pa, ZONE_DMA) && !(gfp & GFP_DMA)) {
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
	const struct page_alloc *pa = page_alloc_of(m);
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
	if ((size >> PAGE_SHIFT) > pa->totalram_pages)
		return error_set(e, -ENOMEM, "size 0x%llx is more than the "
				 "machine's RAM (%lu pages)",
				 (unsigned long long)size,
				 pa->totalram_pages), NULL;
	b = is_arm(m) ? arm_dma_alloc(m, size, mask, e) :
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
