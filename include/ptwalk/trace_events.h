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
