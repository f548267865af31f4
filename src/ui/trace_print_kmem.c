// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the kernel's memory allocators record, in words: the page
 * allocator, SLUB, vmalloc, highmem, ioremap, DMA and the TLB flushes.
 */
#include "ptwalk/show_page.h"
#include "ptwalk/slab.h"
#include "trace_print.h"

/*
 * SLUB
 */

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
		sb_addf(sb, "free_large_kmalloc: the order-%u block (%s) at pfn "
			"%s goes back to the page allocator", e->order, sz,
			fpfn(m, e->pfn));
		break;
	case SEV_GFP_FIXED:
		sb_addf(sb, "kmalloc_fix_flags: unexpected gfp %s dropped (slab "
			"memory is lowmem; the kernel warns \"Unexpected "
			"gfp\")", fgfp(e->gfp));
		break;
	}
}
