// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the kernel's memory allocators record, in words: the page
 * allocator, SLUB, vmalloc, highmem, ioremap, DMA and the TLB flushes.
 */
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_page.h"
#include "ptwalk/slab.h"
#include "trace_print.h"

/*
 * The page allocator
 */

TRACE_PRINT(alloc_pages)
{
	const struct zoneref *zr;
	size_t start;

	(void)m;
	sb_addf(sb, "alloc_pages(%s, order %u): gfp_zone = %s; zonelist of "
		"node %d:", fgfp(e->gfp), e->order, e->high_zone, e->nid);
	start = sb->len;
	for (zr = e->zonerefs; zr->zone != NULL; zr++)
		if (zr->zone_idx <= e->high_zoneidx)
			sb_addf(sb, " %s", zr->zone->name);
	if (sb->len == start)
		sb_adds(sb, " (empty)");
}

TRACE_PRINT(zone_wmark_fail)
{
	(void)m;
	sb_addf(sb, "zone %s (node %d): ", e->zone, e->node);
	zone_wmark_fail_text(&e->w, sb);
	sb_adds(sb, ": next zone");
}

TRACE_PRINT(alloc_slowpath)
{
	(void)m;
	if (!e->kswapd) {
		sb_adds(sb, "slow path: retry at the min watermark");
		return;
	}
	sb_addf(sb, "slow path: wake kswapd (nothing to reclaim here); retry "
		"at the min watermark%s",
		e->reserves == RESERVES_ATOMIC ? " with atomic reserves" :
		e->reserves == RESERVES_HIGH ? " with __GFP_HIGH reserves" :
		"");
}

TRACE_PRINTF(warn_alloc, "warn_alloc: page allocation failure: order:%u, "
	     "mode:%#x(%s), nodemask=(null)", e->order, e->gfp, fgfp(e->gfp))

TRACE_PRINTF(rmqueue_smallest, "__rmqueue_smallest: %s free_area[%u] is the "
	     "first non-empty list from order %u: block at pfn 0x%llx",
	     e->zone, e->area, e->order, ull(e->pfn))

TRACE_PRINTF(expand, "expand: split order %u at pfn 0x%llx; upper half pfn "
	     "0x%llx (order %u) to free_area[%u]", e->order, ull(e->pfn),
	     ull(e->upper_pfn), e->order - 1, e->order - 1)

TRACE_PRINTF(free_one_page, "__free_one_page: %s at pfn 0x%llx to %s (node "
	     "%d)", fblock(e->order), ull(e->pfn), e->zone, e->node)

static const char *const buddy_states[] = {
	[BUDDY_OUTSIDE_ZONE] = "outside the zone",
	[BUDDY_RESERVED] = "reserved",
	[BUDDY_OTHER_ORDER] = "free but a block of another order",
	[BUDDY_IN_USE] = "in use",
};

TRACE_PRINTF(buddy_no_merge, "buddy of order %u at pfn 0x%llx (pfn ^ 0x%llx) "
	     "is %s: no merge", e->order, ull(e->buddy_pfn), 1ULL << e->order,
	     buddy_states[e->why])

TRACE_PRINTF(buddy_merge, "buddy of order %u at pfn 0x%llx (pfn ^ 0x%llx) is "
	     "free: merged into order %u at pfn 0x%llx", e->order,
	     ull(e->buddy_pfn), 1ULL << e->order, e->order + 1, ull(e->pfn))

TRACE_PRINTF(add_to_free_list, "order-%u block at pfn 0x%llx added to the %s "
	     "of free_area[%u] of %s (%lu block%s)", e->order, ull(e->pfn),
	     e->to_tail ? "tail" : "head", e->order, e->zone, e->nr_free,
	     e->nr_free == 1 ? "" : "s")

TRACE_PRINT(free_pages_refcount)
{
	(void)m;
	if (e->compound)
		sb_addf(sb, "_refcount still %d: the compound page stays until "
			"the last put_page()", e->refcount);
	else
		sb_addf(sb, "_refcount still %d: only the pages after the "
			"first are freed", e->refcount);
}

/*
 * SLUB
 */

TRACE_PRINTF(slab_alloc_new, "___slab_alloc: %s has no partial slab on node "
	     "%d: new_slab (order %u, %s)", e->cache, e->node, e->order,
	     plural(e->objects, "object", NULL))

TRACE_PRINT(slab)
{
	const char *name = e->cache;
	unsigned nobj = e->objects;
	char sz[32];

	fmt_size(sz, sizeof(sz), PAGE_SIZE << e->order);
	switch (e->kind) {
	case SEV_NEW_SLAB:
		sb_addf(sb, "new slab: alloc_pages(%s, %u) from the buddy "
			"allocator gave pfn %s (%s, node %d) for %s of %s; it "
			"becomes CPU %d's slab", fgfp(e->gfp), e->order,
			fpfn(m, e->pfn), sz, e->node,
			plural(nobj, "object", NULL), name, e->cpu);
		break;
	case SEV_ORDER_FALLBACK:
		sb_addf(sb, "the higher order failed: the slab falls back to "
			"the minimum order %u", e->order);
		break;
	case SEV_FROM_PARTIAL:
		sb_addf(sb, "CPU %d takes the slab at pfn %s off node %d's "
			"partial list of %s (%lu partial left)", e->cpu,
			fpfn(m, e->pfn), e->node, name, e->nr_partial);
		break;
	case SEV_CPU_FULL:
		sb_addf(sb, "CPU %d's slab of %s (pfn %s) has no free object "
			"left: it leaves the CPU, full (SLUB keeps no list of "
			"full slabs)", e->cpu, name, fpfn(m, e->pfn));
		break;
	case SEV_DEACTIVATE:
		sb_addf(sb, "deactivate_slab: the CPU slab of %s at pfn %s "
			"goes back to node %d's lists", name, fpfn(m, e->pfn),
			e->node);
		break;
	case SEV_TO_PARTIAL:
		sb_addf(sb, "the slab at pfn %s was full: now on node %d's "
			"partial list (%lu partial)", fpfn(m, e->pfn), e->node,
			e->nr_partial);
		break;
	case SEV_EMPTY_KEPT:
		sb_addf(sb, "the slab at pfn %s is empty: it stays on the "
			"partial list (the node had %s, fewer than min_partial "
			"%lu)", fpfn(m, e->pfn),
			plural(e->nr_partial, "partial slab", NULL),
			e->min_partial);
		break;
	case SEV_DISCARD:
		sb_addf(sb, "discard_slab: the empty slab of %s at pfn %s goes "
			"back to the buddy allocator (order %u, %s; node %d "
			"keeps %lu partial, min_partial %lu)", name,
			fpfn(m, e->pfn), e->order, sz, e->node, e->nr_partial,
			e->min_partial);
		break;
	case SEV_LARGE:
		sb_addf(sb, "above KMALLOC_MAX_CACHE_SIZE (%s): kmalloc_large "
			"takes an order-%u compound block (%s) at pfn %s from "
			"the page allocator, no cache",
			fsize(KMALLOC_MAX_CACHE_SIZE), e->order, sz,
			fpfn(m, e->pfn));
		break;
	case SEV_LARGE_FREE:
		sb_addf(sb, "free_large_kmalloc: the order-%u block (%s) at "
			"pfn %s goes back to the page allocator", e->order, sz,
			fpfn(m, e->pfn));
		break;
	case SEV_GFP_FIXED:
		sb_addf(sb, "kmalloc_fix_flags: unexpected gfp %s dropped "
			"(slab memory is lowmem; the kernel warns \"Unexpected "
			"gfp\")", fgfp(e->gfp));
		break;
	}
}

/*
 * TLB maintenance
 */

TRACE_PRINTF(flush_tlb_all, "flush_tlb_all: every entry, global ones too, on "
	     "%d CPU%s", e->cpus, e->cpus == 1 ? "" : "s")

TRACE_PRINT(flush_tlb_kernel_range)
{
	(void)m;
	if (e->full)
		sb_addf(sb, "flush_tlb_kernel_range 0x%llx-0x%llx: %llu pages "
			"> ceiling %d: full flush on %d CPU%s", ull(e->start),
			ull(e->end), ull(e->pages), e->ceiling, e->cpus,
			e->cpus == 1 ? "" : "s");
	else
		sb_addf(sb, "flush_tlb_kernel_range 0x%llx-0x%llx: invlpg "
			"x%llu on %d CPU%s", ull(e->start), ull(e->end),
			ull(e->pages), e->cpus, e->cpus == 1 ? "" : "s");
}

TRACE_PRINTF(flush_tlb_page, "flush_tlb_page 0x%llx (asid %u) on %d CPU%s",
	     ull(e->va), e->asid, e->cpus, e->cpus == 1 ? "" : "s")

TRACE_PRINT(flush_tlb_range)
{
	(void)m;
	if (e->full)
		sb_addf(sb, "flush_tlb_range 0x%llx-0x%llx: %llu pages > "
			"ceiling %d: every entry of asid %u", ull(e->start),
			ull(e->end), ull(e->pages), e->ceiling, e->asid);
	else
		sb_addf(sb, "flush_tlb_range 0x%llx-0x%llx: %llu page%s of "
			"asid %u", ull(e->start), ull(e->end), ull(e->pages),
			e->pages == 1 ? "" : "s", e->asid);
}

TRACE_PRINTF(flush_tlb_mm, "flush_tlb_mm: every non-global entry of asid %u",
	     e->asid)

/*
 * vmalloc
 */

TRACE_PRINTF(alloc_vmap_area, "alloc_vmap_area: lowest fit for 0x%llx bytes "
	     "(align 0x%llx) in 0x%llx-0x%llx: 0x%llx", ull(e->size),
	     ull(e->align), ull(e->vstart), ull(e->vend), ull(e->addr))

TRACE_PRINTF(alloc_vmap_area_full, "alloc_vmap_area: no room for 0x%llx "
	     "bytes: purge the lazily freed areas and retry", ull(e->size))

TRACE_PRINTF(purge_vmap_area_lazy, "__purge_vmap_area_lazy: %s (%s) in "
	     "0x%llx-0x%llx", plural(e->areas, "lazily freed area", NULL),
	     plural(e->pages, "page", NULL), ull(e->start), ull(e->end))

TRACE_PRINTF(vmap_pages_range, "vmap_pages_range 0x%llx-0x%llx: %s in init_mm",
	     ull(e->start), ull(e->end), plural(e->nr_pages, "PTE", NULL))

TRACE_PRINT(vmalloc_pages_array)
{
	(void)m;
	if (e->vmalloced)
		sb_addf(sb, "__vmalloc_area_node: pages array of %llu bytes > "
			"PAGE_SIZE: vmalloc'ed at 0x%llx", ull(e->bytes),
			ull(e->va));
	else
		sb_addf(sb, "__vmalloc_area_node: pages array of %llu bytes: "
			"kmalloc'ed at 0x%llx", ull(e->bytes), ull(e->va));
}

TRACE_PRINTF(remove_vm_area, "remove_vm_area 0x%llx: %s unmapped; the "
	     "vmap_area goes on the purge list (TLB flush deferred)",
	     ull(e->addr), plural(e->pages, "page", NULL))

TRACE_PRINTF(vmap_lazy_drain, "vmap_lazy_nr %llu > lazy_max_pages() %llu: "
	     "drain", ull(e->lazy_nr), ull(e->lazy_max))

TRACE_PRINTF(preallocate_vmalloc_pages, "preallocate_vmalloc_pages: %ld "
	     "top-level entries of the vmalloc area populated", e->entries)

/*
 * highmem
 */

TRACE_PRINTF(flush_all_zero_pkmaps, "flush_all_zero_pkmaps: %u slot%s with "
	     "pkmap_count 1 unmapped", e->slots, e->slots == 1 ? "" : "s")

TRACE_PRINTF(pkmap_wrap, "map_new_virtual: the scan wrapped to slot 0")

TRACE_PRINTF(map_new_virtual, "map_new_virtual: pkmap slot %u at 0x%llx: pte "
	     "-> pfn 0x%llx", e->slot, ull(e->va), ull(e->pfn))

TRACE_PRINTF(kmap_high_mapped, "kmap_high: pfn 0x%llx is already mapped at "
	     "0x%llx", ull(e->pfn), ull(e->va))

TRACE_PRINTF(kunmap_high, "kunmap_high: pkmap_count[%d] = %d%s", e->slot,
	     e->count, e->count == 1 ? ": no user left; the slot stays mapped "
	     "until flush_all_zero_pkmaps" : "")

TRACE_PRINT(kmap_atomic)
{
	(void)m;
	if (e->local)
		sb_addf(sb, "kmap_local: cpu%d slot %d = fixmap %u at 0x%llx: "
			"pte -> pfn 0x%llx (the slot's pte was cleared and "
			"flushed at its last unmap)", e->cpu, e->slot, e->fix,
			ull(e->va), ull(e->pfn));
	else
		sb_addf(sb, "kmap_atomic: cpu%d slot %d = fixmap %u at 0x%llx: "
			"pte -> pfn 0x%llx, local_flush_tlb_kernel_page on "
			"cpu%d", e->cpu, e->slot, e->fix, ull(e->va),
			ull(e->pfn), e->cpu);
}

TRACE_PRINT(kunmap_atomic)
{
	(void)m;
	if (e->local)
		sb_addf(sb, "kunmap_local: pte_clear of 0x%llx, "
			"flush_tlb_one_kernel on cpu%d", ull(e->va), e->cpu);
	else
		sb_addf(sb, "kunmap_atomic: slot %d of cpu%d released; its pte "
			"stays (cleared only with DEBUG_HIGHMEM) and is "
			"overwritten and flushed by the next kmap_atomic",
			e->slot, e->cpu);
}

/*
 * ioremap and DMA
 */

TRACE_PRINTF(ioremap_page_range, "ioremap_page_range 0x%llx-0x%llx -> 0x%llx "
	     "(%s, leaves up to %s)", ull(e->start), ull(e->end),
	     ull(e->phys), e->fn, e->max_shift == PAGE_SHIFT ? "4K" :
	     e->max_shift == 21 ? "2M" : e->max_shift == 22 ? "4M" : "1G")

TRACE_PRINTF(dma_alloc_buffer, "__dma_alloc_buffer: order-%u block "
	     "split_page'd; the %s past the buffer freed", e->order,
	     plural(e->freed, "page", NULL))

TRACE_PRINTF(dma_alloc_remap, "__dma_alloc_remap: %s from the top of "
	     "0x%llx-0x%llx: 0x%llx (align 0x%llx); %u PTEs in %s",
	     WORD(m->arch->words->dma_remap_alloc), ull(e->start),
	     ull(e->end), ull(e->va), ull(e->align), e->ptes,
	     WORD(m->arch->words->dma_remap_ptes))

TRACE_PRINTF(dma_coherent_retry, "dma_coherent_ok: pfn 0x%llx is beyond mask "
	     "0x%llx: free it and retry lower", ull(e->pfn), ull(e->mask))
