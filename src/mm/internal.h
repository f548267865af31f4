/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of the page allocator share (cf. mm/internal.h):
 * page_alloc.c (the buddy allocator, GFP, watermarks, zonelists) and
 * mm_init.c (nodes, zones, mem_map and the boot-time free lists).
 */
#ifndef PTWALK_MM_INTERNAL_H
#define PTWALK_MM_INTERNAL_H

#include "ptwalk/kernel.h"
#include "ptwalk/page_alloc.h"

/* The descriptor of a pfn known to have one, and back (no checks). */
#define PFN_PAGE(pa, pfn)	((pa)->mem_map + ((pfn) - (pa)->start_pfn))
#define PAGE_PFN(pa, page)	((u64)((page) - (pa)->mem_map) + (pa)->start_pfn)

/*
 * A clean, written descriptor: all fields zero but the kmap address
 * (which belongs to the kmap cache, not to the allocation).  Field by
 * field, so that the compiler emits plain stores, not a memset call.
 */
static inline void
page_reset(struct page *p)
{
	u64 virt = p->virtual;

	*p = (struct page){ .virtual = virt, .sim_init = 1 };
}

#define FPI_NONE	0
#define FPI_TO_TAIL	1	/* boot: memblock_free_pages() */

extern const char *const zone_names[MAX_NR_ZONES];

/*
 * pfn -> node and zone: nodes are equal slices of RAM (the last takes the
 * rest), so the node is a division; the zone is one of at most five.
 */
static inline int
pfn_nid(const struct page_alloc *pa, u64 pfn)
{
	const pg_data_t *last = pa->node_data[pa->nr_nodes - 1];

	if (pa->nr_nodes == 1 || pfn >= last->node_start_pfn)
		return pa->nr_nodes - 1;
	return (int)((pfn - pa->start_pfn) /
		     pa->node_data[0]->node_spanned_pages);
}

static inline struct zone *
pfn_zone(const struct page_alloc *pa, u64 pfn)
{
	pg_data_t *pgdat = pa->node_data[pfn_nid(pa, pfn)];
	int t;

	for (t = 0; t < MAX_NR_ZONES; t++) {
		struct zone *z = &pgdat->node_zones[t];

		if (pfn >= z->zone_start_pfn && pfn < zone_end_pfn(z))
			return z;
	}
	return NULL;
}

/* mm_init.c */
/* The boot reservation covering pfn (NULL: none). */
const struct pa_resv *pfn_resv(const struct page_alloc *pa, u64 pfn);
/* Fill a never-written descriptor with the default of its frame. */
void page_init_default(struct page_alloc *pa, struct page *p, u64 pfn);
bool pfn_in_lazy(const struct zone *z, u64 pfn);

/* page_alloc.c */
void __free_one_page(struct page_alloc *pa, struct zone *z, u64 pfn,
		     unsigned order, int fpi);
void build_all_zonelists(struct page_alloc *pa);
void init_per_zone_wmark_min(struct page_alloc *pa);
int pa_alloc_table_page(struct machine *m, u64 *pa, struct error *e);
void pa_free_table_page(struct machine *m, u64 pa);

#endif
