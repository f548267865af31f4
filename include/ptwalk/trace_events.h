/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The events of the kernel's trace: TRACE_EVENT(name, fields) declares
 * struct trace_NAME with those fields and the kind TE_NAME.  Include
 * ptwalk/trace.h, not this file (it is read several times, with a
 * different TRACE_EVENT each time; cf. Linux's include/trace/events).
 * How each event reads is said in src/ui/trace_print*.c.
 *
 * Fields are numbers, bools, names from static tables, and strings the
 * event owns (trace_str).  Kinds of one event are enums, never words.
 */

#ifndef PTWALK_TRACE_EVENTS_KINDS
#define PTWALK_TRACE_EVENTS_KINDS
enum slab_event_kind {
	SEV_NEW_SLAB,		/* new slab from the buddy allocator */
	SEV_ORDER_FALLBACK,	/* oo failed; the min order was used */
	SEV_FROM_PARTIAL,	/* a partial slab became the CPU's slab */
	SEV_CPU_FULL,		/* the CPU's slab had no free object left */
	SEV_DEACTIVATE,		/* the CPU's slab left it (node, flush) */
	SEV_TO_PARTIAL,		/* a full slab got a free object */
	SEV_EMPTY_KEPT,		/* empty, kept: nr_partial < min_partial */
	SEV_DISCARD,		/* an empty slab went back to the buddies */
	SEV_LARGE,		/* kmalloc_large: pages, no cache */
	SEV_LARGE_FREE,
	SEV_GFP_FIXED,		/* kmalloc_fix_flags() dropped flags */
};

/* the page allocator */
enum buddy_state {			/* why a buddy did not merge */
	BUDDY_OUTSIDE_ZONE,
	BUDDY_RESERVED,
	BUDDY_OTHER_ORDER,		/* free, but a block of another order */
	BUDDY_IN_USE,
};
enum alloc_reserves {			/* what the slow path may dip into */
	RESERVES_NONE,
	RESERVES_ATOMIC,		/* ALLOC_NON_BLOCK | ALLOC_MIN_RESERVE */
	RESERVES_HIGH,			/* __GFP_HIGH */
};
/* Why a zone failed zone_watermark_ok(), in numbers. */
struct zone_wmark_fail {
	unsigned long nr_free;		/* the zone's free pages */
	unsigned long mark;		/* the watermark checked */
	long min;			/* mark less the reserves allowed */
	long reserve;			/* lowmem_reserve for the zone asked */
	unsigned order;
	int largest;			/* the largest free order, -1: none */
	int wmark;			/* WMARK_MIN, _LOW, _HIGH */
	bool atomic;			/* the reserves of an atomic allocation
					 * (else __GFP_HIGH's) */
};
struct zoneref;
#endif

/* free text, until every caller records an event of its own */
TRACE_EVENT(text,
	const char *line;
)

/*
 * SLUB (src/mm/slub.c), in the slab allocator's own buffer: what one call
 * did to the slabs
 */
TRACE_EVENT(slab,
	enum slab_event_kind kind;
	char cache[48];			/* the cache's name ("": none) */
	unsigned long min_partial;
	unsigned objects;		/* objects of the slab */
	u64 pfn;
	unsigned order;
	int node, cpu;
	unsigned long nr_partial;	/* the node's, after the event; for
					 * SEV_EMPTY_KEPT: when checked */
	gfp_t gfp;			/* SEV_NEW_SLAB: what alloc_pages got */
)

/*
 * TLB maintenance (src/mm/tlbflush.c)
 */
TRACE_EVENT(flush_tlb_all,
	int cpus;
)
/* full: more than ceiling pages, the whole TLB instead */
TRACE_EVENT(flush_tlb_kernel_range,
	u64 start, end, pages;
	int cpus, ceiling;
	bool full;
)
TRACE_EVENT(flush_tlb_page,
	u64 va;
	unsigned asid;
	int cpus;
)
TRACE_EVENT(flush_tlb_range,
	u64 start, end, pages;
	unsigned asid;
	int ceiling;
	bool full;
)
TRACE_EVENT(flush_tlb_mm,
	unsigned asid;
)

/*
 * The page allocator (src/mm/page_alloc.c)
 */
/*
 * alloc_pages_node(): the zone gfp asks for and the zonelist tried
 * (zonerefs: the node's, built at boot and never changed)
 */
TRACE_EVENT(alloc_pages,
	gfp_t gfp;
	unsigned order;
	const char *high_zone;
	int high_zoneidx, nid;
	const struct zoneref *zonerefs;
)
TRACE_EVENT(zone_wmark_fail,
	const char *zone;
	int node;
	struct zone_wmark_fail w;
)
TRACE_EVENT(alloc_slowpath,
	bool kswapd;			/* __GFP_KSWAPD_RECLAIM: wake kswapd */
	enum alloc_reserves reserves;
)
TRACE_EVENT(warn_alloc,
	unsigned order;
	gfp_t gfp;
)
/* __rmqueue_smallest(): block pfn of free_area[area] for order */
TRACE_EVENT(rmqueue_smallest,
	const char *zone;
	unsigned area, order;
	u64 pfn;
)
/* expand(): the block of order at pfn split; its upper half freed */
TRACE_EVENT(expand,
	unsigned order;
	u64 pfn, upper_pfn;
)
TRACE_EVENT(free_one_page,
	unsigned order;
	u64 pfn;
	const char *zone;
	int node;
)
TRACE_EVENT(buddy_no_merge,
	unsigned order;
	u64 buddy_pfn;
	enum buddy_state why;
)
/* the buddy of order at buddy_pfn merged: a block of order + 1 at pfn */
TRACE_EVENT(buddy_merge,
	unsigned order;
	u64 buddy_pfn, pfn;
)
TRACE_EVENT(add_to_free_list,
	unsigned order;
	u64 pfn;
	const char *zone;
	bool to_tail;
	unsigned long nr_free;		/* blocks on the list, after */
)
/* __free_pages() of a page someone else still holds */
TRACE_EVENT(free_pages_refcount,
	int refcount;
	bool compound;
)
