// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Coherent DMA buffers of 32-bit ARM, whose DMA is not coherent (cf.
 * arch/arm/mm/dma-mapping.c of 3.4 and 5.4, arch/arm/mm/vmregion.c):
 * __dma_alloc_buffer splits an order-n block into pages and frees the
 * excess, then the buffer is remapped uncached (bufferable, XN) either in
 * the 2M consistent area from its top down (3.4: arm_vmregion_alloc,
 * aligned to the size up to 1M) or with vmap into a VM_DMA_COHERENT area
 * (5.4's remap allocator, no CMA).
 */
#include <errno.h>
#include <stdlib.h>

#include "ptwalk/dma.h"
#include "ptwalk/log2.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"
#include "ptwalk/pgtable.h"
#include "arm.h"

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

struct dma_buf *
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
