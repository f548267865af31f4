// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The buddy allocator (cf. mm/page_alloc.c, Linux 6.1): zonelists, GFP zone
 * selection, watermarks, __rmqueue_smallest/expand on allocation and
 * __free_one_page on free.  Boot-time setup is in mm_init.c.
 *
 * sim: no per-CPU page lists and no migrate types (one free list per
 * order); nothing is reclaimable, so an allocation the fast and slow paths
 * cannot satisfy fails with the reason instead of reclaiming.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/format.h"
#include "ptwalk/util.h"
#include "internal.h"

#define LOCAL_DISTANCE		10
#define REMOTE_DISTANCE		20

/* alloc_flags (mm/internal.h, 6.1.y) */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_MIN_RESERVE	0x20	/* == __GFP_HIGH */
#define ALLOC_NON_BLOCK		0x80
#define ALLOC_KSWAPD		0x800	/* == __GFP_KSWAPD_RECLAIM */
#define ALLOC_RESERVES		(ALLOC_NON_BLOCK | ALLOC_MIN_RESERVE)

/* PAGE_FLAGS_CHECK_AT_FREE: flags a page must not have when freed */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	((1u << PG_lru) | (1u << PG_locked) | (1u << PG_private) |	\
	 (1u << PG_private_2) | (1u << PG_writeback) |			\
	 (1u << PG_reserved) | (1u << PG_slab) | (1u << PG_active) |	\
	 (1u << PG_unevictable) | (1u << PG_mlocked))

const struct page_owner_type page_owner_pgtable = { "page table", NULL };

const char *const node_stat_names[NR_VM_NODE_STAT_ITEMS] = {
	[NR_ANON_MAPPED] = "nr_anon_pages",
	[NR_FILE_PAGES] = "nr_file_pages",
	[NR_SLAB_RECLAIMABLE_B] = "nr_slab_reclaimable",
	[NR_SLAB_UNRECLAIMABLE_B] = "nr_slab_unreclaimable",
	[NR_KERNEL_STACK_KB] = "nr_kernel_stack",
	[NR_PAGETABLE] = "nr_page_table_pages",
	[NR_VMALLOC] = "nr_vmalloc",
};

/*
 * Free lists
 */

static inline void
add_to_free_list(struct page_alloc *pgalloc, struct page *p, struct zone *z,
		 unsigned order, bool tail)
{
	struct free_area *area = &z->free_area[order];

	(void)pgalloc;
	if (tail)
		list_add_tail(&p->lru, &area->free_list);
	else
		list_add(&p->lru, &area->free_list);
	area->nr_free++;
	z->free_orders |= 1u << order;
}

static inline void
set_buddy_order(struct page *p, unsigned order)
{
	p->sim_init = 1;
	p->page_type = PG_buddy;
	p->private = order;
}

static inline void
del_page_from_free_list(struct page *p, struct zone *z, unsigned order)
{
	list_del(&p->lru);
	__ClearPageBuddy(p);
	set_page_private(p, 0);
	if (--z->free_area[order].nr_free == 0)
		z->free_orders &= ~(1u << order);
}

/* page_is_buddy(): free, of this order, in this zone. */
static inline bool
page_is_buddy(struct page_alloc *pgalloc, const struct zone *z, u64 bpfn,
	      unsigned order)
{
	const struct page *b;

	if (bpfn < z->zone_start_pfn || bpfn >= zone_end_pfn(z))
		return false;
	b = PFN_PAGE(pgalloc, bpfn);
	return PageBuddy(b) && b->private == order;
}

/*
 * If the buddy of the block one order up is free, this block is likely to
 * merge soon: put it at the tail so that it is not handed out first.
 */
static bool
buddy_merge_likely(struct page_alloc *pgalloc, const struct zone *z, u64 pfn,
		   u64 buddy_pfn, unsigned order)
{
	u64 higher;

	if (order >= MAX_ORDER - 2)
		return false;
	higher = buddy_pfn & pfn;
	return page_is_buddy(pgalloc, z, higher ^ (1ULL << (order + 1)),
			     order + 1);
}

static enum buddy_state
buddy_why_not(struct page_alloc *pgalloc, const struct zone *z, u64 bpfn)
{
	const struct page *b;

	if (bpfn < z->zone_start_pfn || bpfn >= zone_end_pfn(z))
		return BUDDY_OUTSIDE_ZONE;
	b = PFN_PAGE(pgalloc, bpfn);
	if (!b->sim_init && pfn_resv(pgalloc, bpfn) != NULL)
		return BUDDY_RESERVED;
	if (PageReserved(b))
		return BUDDY_RESERVED;
	if (PageBuddy(b))
		return BUDDY_OTHER_ORDER;
	return BUDDY_IN_USE;
}

void
__free_one_page(struct page_alloc *pgalloc, struct zone *z, u64 pfn,
		unsigned order, int fpi)
{
	const bool trace = pgalloc->m->kt.on;
	u64 buddy_pfn = 0;
	bool to_tail;

	z->nr_free_pages += 1ULL << order;
	while (order < MAX_ORDER - 1) {
		buddy_pfn = pfn ^ (1ULL << order);
		if (!page_is_buddy(pgalloc, z, buddy_pfn, order)) {
			if (unlikely(trace))
				trace_record(&pgalloc->m->kt, buddy_no_merge,
					     .order = order,
					     .buddy_pfn = buddy_pfn,
					     .why = buddy_why_not(pgalloc, z,
								  buddy_pfn));
			break;
		}
		del_page_from_free_list(PFN_PAGE(pgalloc, buddy_pfn), z, order);
		if (unlikely(trace))
			trace_record(&pgalloc->m->kt, buddy_merge, .order = order,
				     .buddy_pfn = buddy_pfn,
				     .pfn = pfn & buddy_pfn);
		pfn &= buddy_pfn;
		order++;
	}
	set_buddy_order(PFN_PAGE(pgalloc, pfn), order);
	if (fpi & FPI_TO_TAIL)
		to_tail = true;
	else
		to_tail = buddy_merge_likely(pgalloc, z, pfn, buddy_pfn, order);
	add_to_free_list(pgalloc, PFN_PAGE(pgalloc, pfn), z, order, to_tail);
	if (unlikely(trace))
		trace_record(&pgalloc->m->kt, add_to_free_list, .order = order,
			     .pfn = pfn, .zone = z->name, .to_tail = to_tail,
			     .nr_free = z->free_area[order].nr_free);
}

/* Take the first block of free_area[order] (it is not empty). */
static u64
take_first(struct page_alloc *pgalloc, struct zone *z, unsigned order)
{
	struct free_area *area = &z->free_area[order];
	struct page *p;
	u64 pfn;

	if (!list_empty(&area->free_list)) {
		p = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(p, z, order);
		return PAGE_PFN(pgalloc, p);
	}
	/* the unwritten boot-time blocks at the tail of the list */
	if (z->lazy_desc) {
		z->lazy_hi -= MAX_ORDER_NR_PAGES;
		pfn = z->lazy_hi;
	} else {
		pfn = z->lazy_lo;
		z->lazy_lo += MAX_ORDER_NR_PAGES;
	}
	p = PFN_PAGE(pgalloc, pfn);
	page_reset(p);
	if (--area->nr_free == 0)
		z->free_orders &= ~(1u << order);
	return pfn;
}

/* expand(): split a block, the upper halves go back on the lists. */
static void
expand(struct page_alloc *pgalloc, struct zone *z, u64 pfn, unsigned low,
       unsigned high)
{
	const bool trace = pgalloc->m->kt.on;
	struct page *head = PFN_PAGE(pgalloc, pfn);
	u64 size = 1ULL << high;

	while (high > low) {
		struct page *p;

		high--;
		size >>= 1;
		p = head + size;
		set_buddy_order(p, high);
		add_to_free_list(pgalloc, p, z, high, false);
		if (unlikely(trace))
			trace_record(&pgalloc->m->kt, expand, .order = high + 1,
				     .pfn = pfn, .upper_pfn = pfn + size);
	}
}

/* __rmqueue_smallest(): the smallest order with a free block. */
static bool
rmqueue(struct page_alloc *pgalloc, struct zone *z, unsigned order, u64 *out)
{
	unsigned avail = z->free_orders >> order, o;
	u64 pfn;

	if (avail) {
		o = order + (unsigned)__builtin_ctz(avail);
		pfn = take_first(pgalloc, z, o);
		trace_event(pgalloc->m, rmqueue_smallest, .zone = z->name,
			    .area = o, .order = order, .pfn = pfn);
		expand(pgalloc, z, pfn, order, o);
		z->nr_free_pages -= 1ULL << order;
		*out = pfn;
		return true;
	}
	return false;
}

static void
prep_new_page(struct page_alloc *pgalloc, u64 pfn, unsigned order, gfp_t gfp)
{
	struct page *p = PFN_PAGE(pgalloc, pfn);
	unsigned i;

	page_reset(p);
	set_page_count(p, 1);
	p->alloc_gfp = gfp;
	p->alloc_order = (u8)order;
	if (gfp & __GFP_ZERO)
		phys_zero(&pgalloc->m->phys, pfn << PAGE_SHIFT,
			  PAGE_SIZE << order, NULL);
	if (order && (gfp & __GFP_COMP)) {
		/* prep_compound_page() */
		SetPageHead(p);
		for (i = 1; i < (1u << order); i++) {
			struct page *t = p + i;

			if (!t->sim_init)
				page_reset(t);
			t->compound_head = (unsigned long)p | 1;
			set_page_private(t, 0);
		}
		p[1].compound_order = (u8)order;
	}
}

/*
 * Watermarks
 */

static bool
zone_watermark_ok(const struct zone *z, unsigned order, unsigned long mark,
		  int highest_zoneidx, unsigned alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)z->nr_free_pages - ((1L << order) - 1);

	if (alloc_flags & ALLOC_RESERVES) {
		if (alloc_flags & ALLOC_MIN_RESERVE) {
			min -= min / 2;
			if (alloc_flags & ALLOC_NON_BLOCK)
				min -= min / 4;
		}
	}
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	/* a high-order request needs a block at least that large */
	return (z->free_orders >> order) != 0;
}

/* The effective min after the reserves alloc_flags may use. */
static long
effective_mark(unsigned long mark, unsigned alloc_flags)
{
	long min = (long)mark;

	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	return min;
}

static const char *const wmark_names[NR_WMARK] = { "min", "low", "high" };

/* What zone_watermark_ok() refused, in numbers. */
static void
zone_wmark_check(const struct zone *z, unsigned order, int hz,
		 unsigned alloc_flags, struct zone_wmark_fail *w)
{
	unsigned o;

	w->wmark = alloc_flags & ALLOC_WMARK_MASK;
	w->mark = z->_watermark[w->wmark];
	w->min = effective_mark(w->mark, alloc_flags);
	w->atomic = (alloc_flags & ALLOC_NON_BLOCK) != 0;
	w->reserve = z->lowmem_reserve[hz];
	w->nr_free = z->nr_free_pages;
	w->order = order;
	w->largest = -1;
	for (o = 0; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			w->largest = (int)o;
}

void
zone_wmark_fail_text(const struct zone_wmark_fail *w, struct strbuf *sb)
{
	long left = (long)w->nr_free - ((1L << w->order) - 1);

	if (w->nr_free == 0) {
		sb_addf(sb, "no free pages");
		return;
	}
	if (left <= w->min + w->reserve) {
		sb_addf(sb, "%lu free pages", w->nr_free);
		if (w->order)
			sb_addf(sb, " - %ld for order %u = %ld",
				(1L << w->order) - 1, w->order, left);
		sb_addf(sb, ", not above the %s watermark %lu",
			wmark_names[w->wmark], w->mark);
		if (w->min != (long)w->mark)
			sb_addf(sb, " (%ld with the reserves %s may use)",
				w->min, w->atomic ? "an atomic allocation" :
				"__GFP_HIGH");
		if (w->reserve)
			sb_addf(sb, " + lowmem_reserve %ld", w->reserve);
		return;
	}
	sb_addf(sb, "%lu free pages but no free block of order %u or more "
		"(largest: order %d)", w->nr_free, w->order, w->largest);
}

/*
 * Zones and zonelists
 */

int
gfp_zone(const struct machine *m, gfp_t gfp)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	int z;

	/* the GFP_ZONE_TABLE of include/linux/gfp.h */
	switch (gfp & GFP_ZONEMASK) {
	case 0:
	case __GFP_MOVABLE:
		return ZONE_NORMAL;
	case __GFP_DMA:
	case __GFP_MOVABLE | __GFP_DMA:
		z = ZONE_DMA;
		break;
	case __GFP_HIGHMEM:
		z = ZONE_HIGHMEM;
		break;
	case __GFP_DMA32:
	case __GFP_MOVABLE | __GFP_DMA32:
		z = ZONE_DMA32;
		break;
	case __GFP_MOVABLE | __GFP_HIGHMEM:
		return ZONE_MOVABLE;
	default:
		return -1;
	}
	/* OPT_ZONE_*: a zone the kernel lacks means ZONE_NORMAL */
	return zone_configured(pgalloc, z) ? z : ZONE_NORMAL;
}

/* find_next_best_node(): nearest first, then the next higher node. */
static int
find_next_best_node(const struct page_alloc *pgalloc, int node, bool *used,
		    const int *node_load)
{
	int n, best = -1;
	long min_val = 1L << 30;

	if (!used[node]) {
		used[node] = true;
		return node;
	}
	for (n = 0; n < pgalloc->nr_nodes; n++) {
		long val;
		int c;
		bool cpus = false;

		if (used[n])
			continue;
		val = n == node ? LOCAL_DISTANCE : REMOTE_DISTANCE;
		val += n < node;
		for (c = 0; c < pgalloc->m->ncpus; c++)
			if (pgalloc->cpu_node[c] == n)
				cpus = true;
		if (cpus)
			val += 1;	/* PENALTY_FOR_NODE_WITH_CPUS */
		val *= MAX_NUMNODES;
		val += node_load[n];
		if (val < min_val) {
			min_val = val;
			best = n;
		}
	}
	if (best >= 0)
		used[best] = true;
	return best;
}

static void
add_node_zones(const struct page_alloc *pgalloc, pg_data_t *pgdat,
	       struct zoneref **zr)
{
	int t;

	for (t = MAX_NR_ZONES - 1; t >= 0; t--) {
		struct zone *z = &pgdat->node_zones[t];

		if (zone_configured(pgalloc, t) && managed_zone(z)) {
			(*zr)->zone = z;
			(*zr)->zone_idx = t;
			(*zr)++;
		}
	}
}

void
build_all_zonelists(struct page_alloc *pgalloc)
{
	int node_load[MAX_NUMNODES] = { 0 };
	int nid;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		pg_data_t *pgdat = pgalloc->node_data[nid];
		bool used[MAX_NUMNODES] = { false };
		struct zoneref *zr = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
		int n, prev = nid, nr = 0;

		while ((n = find_next_best_node(pgalloc, nid, used, node_load)) >= 0) {
			int dn = n == nid ? LOCAL_DISTANCE : REMOTE_DISTANCE;
			int dp = prev == nid ? LOCAL_DISTANCE : REMOTE_DISTANCE;

			if (dn != dp)
				node_load[n] += nr;
			add_node_zones(pgalloc, pgalloc->node_data[n], &zr);
			prev = n;
			nr++;
		}
		zr->zone = NULL;
		zr = pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
		add_node_zones(pgalloc, pgdat, &zr);
		zr->zone = NULL;
	}
}

/*
 * min_free_kbytes, watermarks, lowmem_reserve (init_per_zone_wmark_min)
 */

static u64
int_sqrt(u64 x)
{
	u64 r = 0, b = 1ULL << 62;

	while (b > x)
		b >>= 2;
	while (b) {
		if (x >= r + b) {
			x -= r + b;
			r = (r >> 1) + b;
		} else {
			r >>= 1;
		}
		b >>= 2;
	}
	return r;
}

static u64
mult_frac(u64 x, u64 n, u64 d)
{
	return (x / d) * n + ((x % d) * n) / d;
}

#define for_each_zone(pgalloc, nid, t, z)				\
	for ((nid) = 0; (nid) < (pgalloc)->nr_nodes; (nid)++)		\
		for ((t) = 0; (t) < MAX_NR_ZONES; (t)++)		\
			if (((z) = &NODE_DATA(pgalloc, nid)->node_zones[t]), \
			    zone_configured(pgalloc, t))

/* The zone's managed pages as the boot-time watermark code sees them. */
static unsigned long
wmark_managed(const struct zone *z)
{
	return z->managed_pages - z->late_pages;
}

static void
calculate_totalreserve_pages(struct page_alloc *pgalloc)
{
	struct zone *z;
	int nid, t, j;

	pgalloc->totalreserve_pages = 0;
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		pgalloc->node_data[nid]->totalreserve_pages = 0;
	for_each_zone(pgalloc, nid, t, z) {
		long max = 0;

		for (j = t; j < MAX_NR_ZONES; j++)
			if (z->lowmem_reserve[j] > max)
				max = z->lowmem_reserve[j];
		max += (long)high_wmark_pages(z);
		if (max > (long)wmark_managed(z))
			max = (long)wmark_managed(z);
		z->zone_pgdat->totalreserve_pages += (unsigned long)max;
		pgalloc->totalreserve_pages += (unsigned long)max;
	}
}

/* nr_free_buffer_pages(): what GFP_USER can take above the high marks */
static u64
nr_free_buffer_pages(struct page_alloc *pgalloc)
{
	struct zone *z;
	u64 n = 0;
	int nid, t;

	for_each_zone(pgalloc, nid, t, z)
		if (t <= ZONE_NORMAL && wmark_managed(z) > high_wmark_pages(z))
			n += wmark_managed(z) - high_wmark_pages(z);
	return n;
}

/* MIGRATE_UNMOVABLE, MIGRATE_MOVABLE, MIGRATE_RECLAIMABLE (mmzone.h) */
#define MIGRATE_PCPTYPES 3

static void setup_per_zone_wmarks(struct page_alloc *pgalloc);

/*
 * khugepaged's set_recommended_min_free_kbytes() (THP enabled, which
 * hugepage_init() leaves off below 512M of RAM): room for two free
 * pageblocks per populated lowmem zone plus one per pair of migrate
 * types, at most 5% of lowmem.
 */
static void
thp_min_free_kbytes(struct page_alloc *pgalloc)
{
	const struct machine *m = pgalloc->m;
	unsigned hshift = m->mmu.lv[LVL_PMD].shift;
	u64 pageblock, rec, nr_zones = 0;
	struct zone *z;
	int nid, t;

	if (!m->profile->thp ||
	    pgalloc->totalram_pages < (512ULL << (20 - PAGE_SHIFT)))
		return;
	pageblock = 1ULL << MIN(hshift - PAGE_SHIFT, MAX_ORDER - 1);
	for_each_zone(pgalloc, nid, t, z)
		if (t <= ZONE_NORMAL && populated_zone(z))
			nr_zones++;
	rec = pageblock * nr_zones * 2 +
		pageblock * nr_zones * MIGRATE_PCPTYPES * MIGRATE_PCPTYPES;
	rec = MIN(rec, nr_free_buffer_pages(pgalloc) / 20);
	rec <<= PAGE_SHIFT - 10;
	if (rec > (u64)pgalloc->min_free_kbytes) {
		pgalloc->min_free_kbytes = (int)rec;
		setup_per_zone_wmarks(pgalloc);
	}
}

void
init_per_zone_wmark_min(struct page_alloc *pgalloc)
{
	u64 lowmem_kbytes = 0, mk;
	struct zone *z;
	int nid, t;

	/* calculate_min_free_kbytes(): nr_free_buffer_pages() at boot */
	for_each_zone(pgalloc, nid, t, z)
		if (t <= ZONE_NORMAL)
			lowmem_kbytes += wmark_managed(z) * (PAGE_SIZE >> 10);
	mk = int_sqrt(lowmem_kbytes * 16);
	pgalloc->min_free_kbytes = (int)MIN(MAX(mk, 128), 262144);
	setup_per_zone_wmarks(pgalloc);
	thp_min_free_kbytes(pgalloc);
}

/* setup_per_zone_wmarks(), then the lowmem reserves and totalreserve */
static void
setup_per_zone_wmarks(struct page_alloc *pgalloc)
{
	u64 lowmem_pages = 0, pages_min;
	struct zone *z;
	int nid, t, j, movable_zone = ZONE_NORMAL;

	/*
	 * find_usable_zone_for_movable(): ZONE_MOVABLE counts as highmem
	 * when the highest populated zone is.
	 */
	for_each_zone(pgalloc, nid, t, z)
		if (t != ZONE_MOVABLE && populated_zone(z) && t > movable_zone)
			movable_zone = t;
	/* __setup_per_zone_wmarks() */
	pages_min = (u64)pgalloc->min_free_kbytes >> (PAGE_SHIFT - 10);
	for_each_zone(pgalloc, nid, t, z)
		if (t != ZONE_HIGHMEM && !(t == ZONE_MOVABLE &&
					   movable_zone == ZONE_HIGHMEM))
			lowmem_pages += wmark_managed(z);
	for_each_zone(pgalloc, nid, t, z) {
		u64 tmp = lowmem_pages ? pages_min * wmark_managed(z) /
			lowmem_pages : 0;

		if (t == ZONE_HIGHMEM || (t == ZONE_MOVABLE &&
					  movable_zone == ZONE_HIGHMEM)) {
			u64 min_pages = wmark_managed(z) / 1024;

			min_pages = MIN(MAX(min_pages, SWAP_CLUSTER_MAX), 128);
			z->_watermark[WMARK_MIN] = min_pages;
		} else {
			z->_watermark[WMARK_MIN] = tmp;
		}
		tmp = MAX(tmp >> 2,
			  mult_frac(wmark_managed(z),
				    (u64)pgalloc->watermark_scale_factor,
				    10000));
		z->_watermark[WMARK_LOW] = z->_watermark[WMARK_MIN] + tmp;
		z->_watermark[WMARK_HIGH] = z->_watermark[WMARK_LOW] + tmp;
	}

	/* setup_per_zone_lowmem_reserve() */
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		pg_data_t *pgdat = pgalloc->node_data[nid];

		for (t = 0; t < MAX_NR_ZONES - 1; t++) {
			int ratio = pgalloc->lowmem_reserve_ratio[t];
			unsigned long managed = 0;
			bool clear;

			z = &pgdat->node_zones[t];
			if (!zone_configured(pgalloc, t))
				continue;
			clear = !ratio || !wmark_managed(z);
			for (j = t + 1; j < MAX_NR_ZONES; j++) {
				if (!zone_configured(pgalloc, j))
					continue;
				managed += wmark_managed(&pgdat->node_zones[j]);
				z->lowmem_reserve[j] = clear ? 0 :
					(long)(managed / (unsigned long)ratio);
			}
		}
	}
	calculate_totalreserve_pages(pgalloc);
}

/*
 * Allocation
 */

static unsigned
gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned flags = ALLOC_WMARK_MIN;

	flags |= gfp & (__GFP_HIGH | __GFP_KSWAPD_RECLAIM);
	if (!(gfp & __GFP_DIRECT_RECLAIM) && !(gfp & __GFP_NOMEMALLOC))
		flags |= ALLOC_NON_BLOCK;
	if ((gfp & __GFP_MEMALLOC) && !(gfp & __GFP_NOMEMALLOC))
		flags |= ALLOC_NO_WATERMARKS;
	return flags;
}

static struct zone *
get_page_from_freelist(struct page_alloc *pgalloc, const struct zonelist *zl,
		       int hz, unsigned order, unsigned alloc_flags, u64 *pfn)
{
	const struct zoneref *zr;

	for (zr = zl->_zonerefs; zr->zone != NULL; zr++) {
		struct zone *z = zr->zone;
		unsigned long mark;

		if (zr->zone_idx > hz)
			continue;
		mark = z->_watermark[alloc_flags & ALLOC_WMARK_MASK];
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(z, order, mark, hz, alloc_flags)) {
			if (unlikely(pgalloc->m->kt.on)) {
				struct trace_entry *te;

				te = trace_reserve(&pgalloc->m->kt,
						   TE_zone_wmark_fail);
				te->f.zone_wmark_fail.zone = z->name;
				te->f.zone_wmark_fail.node =
					z->zone_pgdat->node_id;
				zone_wmark_check(z, order, hz, alloc_flags,
						 &te->f.zone_wmark_fail.w);
			}
			continue;
		}
		if (rmqueue(pgalloc, z, order, pfn))
			return z;
	}
	return NULL;
}

static void
fail_reason(struct page_alloc *pgalloc, const struct zonelist *zl, int hz,
	    unsigned order, gfp_t gfp, unsigned alloc_flags, struct error *e)
{
	const struct zoneref *zr;
	struct strbuf sb;
	char g[160];

	gfp_format(gfp, g, sizeof(g));
	sb_init(&sb);
	sb_addf(&sb, "out of memory: order-%u allocation (%s) failed", order, g);
	for (zr = zl->_zonerefs; zr->zone != NULL; zr++)
		if (zr->zone_idx <= hz) {
			struct zone_wmark_fail w;

			sb_addf(&sb, "; zone %s (node %d): ", zr->zone->name,
				zr->zone->zone_pgdat->node_id);
			zone_wmark_check(zr->zone, order, hz, alloc_flags, &w);
			zone_wmark_fail_text(&w, &sb);
		}
	if (gfp & __GFP_NOFAIL)
		sb_addf(&sb, "; with __GFP_NOFAIL the kernel would retry "
			"forever");
	else if (gfp & __GFP_DIRECT_RECLAIM)
		sb_addf(&sb, "; the kernel would now reclaim, compact or "
			"OOM-kill (not modelled: nothing here is reclaimable)");
	else
		sb_addf(&sb, "; without __GFP_DIRECT_RECLAIM it cannot sleep "
			"to reclaim");
	error_set(e, -ENOMEM, "%s", sb.buf);
	sb_release(&sb);
	if (!(gfp & __GFP_NOWARN))
		trace_event(pgalloc->m, warn_alloc, .order = order, .gfp = gfp);
}

struct page *
alloc_pages_node(struct machine *m, int nid, gfp_t gfp, unsigned order,
		 struct error *e)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	const struct zonelist *zl;
	const struct zoneref *zr;
	struct zone *z;
	unsigned alloc_flags;
	int hz;
	u64 pfn;
	char g[160];

	if (pgalloc == NULL) {
		error_set(e, -ENODEV, "no page allocator on this machine");
		return NULL;
	}
	if (order >= MAX_ORDER) {
		error_set(e, -EINVAL, "order %u is too large: the buddy "
			  "allocator's largest block is order %d (MAX_ORDER - "
			  "1: %llu pages, 4M)", order, MAX_ORDER - 1,
			  MAX_ORDER_NR_PAGES);
		return NULL;
	}
	hz = gfp_zone(m, gfp);
	if (hz < 0) {
		gfp_format(gfp & GFP_ZONEMASK, g, sizeof(g));
		error_set(e, -EINVAL, "%s: these zone modifiers cannot be "
			  "combined (GFP_ZONE_BAD); use at most one of "
			  "__GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM, optionally "
			  "with __GFP_MOVABLE", g);
		return NULL;
	}
	if (nid < 0)
		nid = (unsigned)m->cur < ARRAY_SIZE(pgalloc->cpu_node) ?
			pgalloc->cpu_node[m->cur] : 0;
	if (nid >= pgalloc->nr_nodes) {
		error_set(e, -EINVAL, "node %d does not exist (nodes 0-%d)",
			  nid, pgalloc->nr_nodes - 1);
		return NULL;
	}
	zl = &pgalloc->node_data[nid]->node_zonelists[(gfp & __GFP_THISNODE) ?
						 ZONELIST_NOFALLBACK :
						 ZONELIST_FALLBACK];
	trace_event(m, alloc_pages, .gfp = gfp, .order = order,
		    .high_zone = zone_names[hz], .high_zoneidx = hz, .nid = nid,
		    .zonerefs = zl->_zonerefs);
	for (zr = zl->_zonerefs; zr->zone != NULL; zr++)
		if (zr->zone_idx <= hz)
			break;
	if (zr->zone == NULL) {
		error_set(e, -ENOMEM, "node %d has no memory in %s or any "
			  "zone below it%s", nid, zone_names[hz],
			  (gfp & __GFP_THISNODE) ? " (__GFP_THISNODE: no other "
			  "node may be used)" : "");
		return NULL;
	}
	/* the fast path: above the low watermark */
	alloc_flags = ALLOC_WMARK_LOW;
	z = get_page_from_freelist(pgalloc, zl, hz, order, alloc_flags, &pfn);
	if (z == NULL) {
		/* the slow path: wake kswapd, retry at min with reserves */
		alloc_flags = gfp_to_alloc_flags(gfp);
		trace_event(m, alloc_slowpath,
			    .kswapd = (gfp & __GFP_KSWAPD_RECLAIM) != 0,
			    .reserves = !(alloc_flags & ALLOC_MIN_RESERVE) ?
			    RESERVES_NONE : (alloc_flags & ALLOC_NON_BLOCK) ?
			    RESERVES_ATOMIC : RESERVES_HIGH);
		z = get_page_from_freelist(pgalloc, zl, hz, order, alloc_flags,
					   &pfn);
	}
	if (z == NULL) {
		fail_reason(pgalloc, zl, hz, order, gfp, alloc_flags, e);
		return NULL;
	}
	prep_new_page(pgalloc, pfn, order, gfp);
	return PFN_PAGE(pgalloc, pfn);
}

struct page *
alloc_pages(struct machine *m, gfp_t gfp, unsigned order, struct error *e)
{
	return alloc_pages_node(m, -1, gfp, order, e);
}

/*
 * A block of zone z at boot, before the watermarks matter (as memblock
 * hands the buddy allocator its memory: ALLOC_NO_WATERMARKS): the
 * smallest free block of at least this order, split as rmqueue does.
 */
struct page *
alloc_pages_zone_boot(struct machine *m, struct zone *z, unsigned order,
		      gfp_t gfp)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	u64 pfn;

	if (pgalloc == NULL || order >= MAX_ORDER ||
	    !rmqueue(pgalloc, z, order, &pfn))
		return NULL;
	prep_new_page(pgalloc, pfn, order, gfp);
	return PFN_PAGE(pgalloc, pfn);
}

u64
__get_free_pages(struct machine *m, gfp_t gfp, unsigned order,
		 struct error *e)
{
	struct page *p;

	if (gfp & __GFP_HIGHMEM) {
		error_set(e, -EINVAL, "__get_free_pages() returns a kernel "
			  "virtual address, which cannot represent a highmem "
			  "page (it has no permanent mapping); the kernel has "
			  "VM_BUG_ON(gfp_mask & __GFP_HIGHMEM) here (newer "
			  "kernels silently drop the flag): use alloc_pages "
			  "and kmap");
		return 0;
	}
	p = alloc_pages(m, gfp, order, e);
	if (p == NULL)
		return 0;
	return page_address(m, p);
}

u64
get_zeroed_page(struct machine *m, gfp_t gfp, struct error *e)
{
	return __get_free_pages(m, gfp | __GFP_ZERO, 0, e);
}

/*
 * Freeing
 */

/* Everything a free must not meet, checked before anything changes. */
static int
free_pages_check(struct page_alloc *pgalloc, struct page *page,
		 unsigned order, struct error *e)
{
	struct machine *m = pgalloc->m;
	u64 pfn = PAGE_PFN(pgalloc, page), i;
	struct page_state st;
	unsigned want;

	if (order >= MAX_ORDER)
		return error_set(e, -EINVAL, "order %u is too large: blocks go "
				 "up to order %d", order, MAX_ORDER - 1);
	/* the common case: an allocated head freed with its order */
	if (page->sim_init && page->_refcount > 0 && !PageTail(page) &&
	    !page->page_type && !(page->flags & PAGE_FLAGS_CHECK_AT_FREE) &&
	    page->alloc_order == order && !page_mapped(page) &&
	    page->mapping == NULL && !(PageHead(page) &&
				       compound_order(page) != order))
		goto tails;
	sim_page_state(m, pfn, &st);
	switch (st.kind) {
	case PS_NOT_RAM:
		return error_set(e, -EINVAL, "pfn 0x%llx is not RAM",
				 (unsigned long long)pfn);
	case PS_RESERVED:
		return error_set(e, -EINVAL, "pfn 0x%llx is reserved (%s): it "
				 "was never given to the buddy allocator and "
				 "cannot be freed", (unsigned long long)pfn,
				 st.what);
	case PS_FREE:
		if (st.head == pfn)
			return error_set(e, -EINVAL, "pfn 0x%llx is already "
					 "free, the head of a free %s on "
					 "free_area[%u] of %s: double free",
					 (unsigned long long)pfn,
					 fblock(st.order), st.order,
					 pfn_zone(pgalloc, pfn)->name);
		return error_set(e, -EINVAL, "pfn 0x%llx is not allocated: it "
				 "lies inside the free %s at pfn 0x%llx "
				 "(double free?)", (unsigned long long)pfn,
				 fblock(st.order),
				 (unsigned long long)st.head);
	case PS_TAIL_COMPOUND:
		return error_set(e, -EINVAL, "pfn 0x%llx is a tail page (page "
				 "%llu) of the compound %s at pfn 0x%llx: free "
				 "the head page", (unsigned long long)pfn,
				 (unsigned long long)(pfn - st.head),
				 fblock(st.order),
				 (unsigned long long)st.head);
	case PS_ALLOCATED:
		if (st.head != pfn)
			return error_set(e, -EINVAL, "pfn 0x%llx is page %llu of "
					 "the %s allocated at pfn 0x%llx: free "
					 "the head with order %u",
					 (unsigned long long)pfn,
					 (unsigned long long)(pfn - st.head),
					 fblock(st.order),
					 (unsigned long long)st.head, st.order);
		break;
	case PS_ORPHAN:
		return error_set(e, -EINVAL, "pfn 0x%llx belongs to no "
				 "allocated block (its head was freed while "
				 "it was in use)", (unsigned long long)pfn);
	}
	want = PageHead(page) ? compound_order(page) : page->alloc_order;
	if (want != order)
		return error_set(e, -EINVAL, "pfn 0x%llx was allocated as an "
				 "%s; freeing it as order %u would corrupt the "
				 "free lists: give order %u",
				 (unsigned long long)pfn, fblock(want),
				 order, want);
	if (page_mapped(page))
		return error_set(e, -EBUSY, "pfn 0x%llx is still mapped in %d "
				 "page table%s (_mapcount %d): the kernel "
				 "reports \"Bad page state: nonzero mapcount\"",
				 (unsigned long long)pfn, page_mapcount(page),
				 page_mapcount(page) == 1 ? "" : "s",
				 page_mapcount(page) - 1);
	if (page->mapping != NULL)
		return error_set(e, -EBUSY, "pfn 0x%llx still has a mapping "
				 "(\"Bad page state: non-NULL mapping\")",
				 (unsigned long long)pfn);
	if (page->page_type)
		return error_set(e, -EBUSY, "pfn 0x%llx is still typed %s: its "
				 "owner must clear the type before freeing it",
				 (unsigned long long)pfn,
				 PageTable(page) ? "PG_table" : "PG_offline");
	if (page->flags & PAGE_FLAGS_CHECK_AT_FREE) {
		unsigned b;

		for (b = 0; b < NR_PAGEFLAGS; b++)
			if (page->flags & PAGE_FLAGS_CHECK_AT_FREE & (1u << b))
				break;
		return error_set(e, -EBUSY, "pfn 0x%llx still has PG_%s set "
				 "(\"Bad page state: PAGE_FLAGS_CHECK_AT_FREE "
				 "flag(s) set\")", (unsigned long long)pfn,
				 pageflag_names[b]);
	}
tails:
	/* the tail pages of a non-compound block must be clean too */
	if (!PageHead(page))
		for (i = 1; i < (1ULL << order); i++) {
			const struct page *t = page + i;

			if (t->sim_init && (page_mapped(t) || t->mapping ||
					    (t->flags & PAGE_FLAGS_CHECK_AT_FREE)))
				return error_set(e, -EBUSY, "page %llu of the "
						 "block (pfn 0x%llx) is still "
						 "in use (mapped, or with "
						 "flags): \"Bad page state\"",
						 (unsigned long long)i,
						 (unsigned long long)(pfn + i));
		}
	return 0;
}

/* free_pages_prepare() + __free_one_page() */
static void
free_the_page(struct page_alloc *pgalloc, struct page *page, unsigned order)
{
	u64 pfn = PAGE_PFN(pgalloc, page);
	struct zone *z = pfn_zone(pgalloc, pfn);
	unsigned i;

	if (PageHead(page)) {
		for (i = 1; i < (1u << order); i++) {
			page[i].compound_head = 0;
			page[i].compound_order = 0;
		}
	}
	page_reset(page);
	trace_event(pgalloc->m, free_one_page, .order = order, .pfn = pfn,
		    .zone = z->name, .node = z->zone_pgdat->node_id);
	__free_one_page(pgalloc, z, pfn, order, FPI_NONE);
}

/* split_page(): a non-compound block becomes 2^order order-0 pages. */
void
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

int
__free_pages(struct machine *m, struct page *page, unsigned order,
	     struct error *e)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	int r;

	if (pgalloc == NULL)
		return error_set(e, -ENODEV, "no page allocator");
	r = free_pages_check(pgalloc, page, order, e);
	if (r)
		return r;
	if (put_page_testzero(page)) {
		free_the_page(pgalloc, page, order);
	} else if (!PageHead(page)) {
		/*
		 * Someone else holds a reference (get_page): Linux 6.1 frees
		 * every part of the block but its first page, which the last
		 * put_page() frees.
		 */
		trace_event(m, free_pages_refcount, .refcount = page->_refcount,
			    .compound = false);
		page->alloc_order = 0;
		while (order-- > 0) {
			struct page *t = page + (1u << order);

			if (!t->sim_init)
				page_reset(t);
			free_the_page(pgalloc, t, order);
		}
	} else {
		trace_event(m, free_pages_refcount, .refcount = page->_refcount,
			    .compound = true);
	}
	return 0;
}

int
free_pages(struct machine *m, u64 addr, unsigned order, struct error *e)
{
	struct page *page;
	struct error e2;

	if (addr == 0)
		return 0;
	if (addr & (PAGE_SIZE - 1))
		return error_set(e, -EINVAL, "0x%llx is not page aligned: "
				 "free_pages takes the address "
				 "__get_free_pages returned",
				 (unsigned long long)addr);
	page = virt_to_page(m, addr, &e2);
	if (page == NULL)
		return error_set(e, -EINVAL, "free_pages(0x%llx): %s",
				 (unsigned long long)addr, e2.msg);
	return __free_pages(m, page, order, e);
}

void
get_page(struct page *page)
{
	page_ref_inc(compound_head(page));
}

int
put_page(struct machine *m, struct page *page, struct error *e)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct page *head = compound_head(page);
	unsigned order;

	if (head->_refcount <= 0)
		return error_set(e, -EINVAL, "put_page: pfn 0x%llx has no "
				 "reference to drop (_refcount %d)",
				 (unsigned long long)PAGE_PFN(pgalloc, head),
				 head->_refcount);
	if (head->_refcount > 1) {
		head->_refcount--;
		return 0;
	}
	order = PageHead(head) ? compound_order(head) : 0;
	if (!PageHead(head) && head->alloc_order > 0)
		return error_set(e, -EINVAL, "put_page on the last reference of "
				 "a non-compound %s would free only its first "
				 "page and leak the rest: use __free_pages(page, "
				 "%u) or allocate with __GFP_COMP",
				 fblock(head->alloc_order),
				 head->alloc_order);
	return __free_pages(m, head, order, e);
}

/*
 * Page tables from the buddy allocator (pte_alloc_one, __pud_alloc ...)
 */

int
pagetable_alloc(struct machine *m, u64 *pa_out, struct error *e)
{
	struct page *p = alloc_pages(m, GFP_PGTABLE_KERNEL, 0, e);

	if (p == NULL)
		return e ? e->code : -ENOMEM;
	__SetPageTable(p);
	page_set_owner(p, &page_owner_pgtable, NULL);
	mod_node_page_state(page_zone(m, p)->zone_pgdat, NR_PAGETABLE, 1);
	*pa_out = page_to_phys(m, p);
	return 0;
}

void
pagetable_free(struct machine *m, u64 pa)
{
	struct page *p = pfn_to_page(m, pa >> PAGE_SHIFT);

	if (p == NULL || !PageTable(p))
		return;
	__ClearPageTable(p);
	page_set_owner(p, NULL, NULL);
	mod_node_page_state(page_zone(m, p)->zone_pgdat, NR_PAGETABLE, -1);
	__free_pages(m, p, 0, NULL);
}

/*
 * Statistics
 */

void
mod_node_page_state(struct pglist_data *pgdat, enum node_stat_item i,
		    long delta)
{
	pgdat->vm_stat[i] += delta;
}

long
global_node_page_state(const struct machine *m, enum node_stat_item i)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	long sum = 0;
	int nid;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		sum += pgalloc->node_data[nid]->vm_stat[i];
	return sum;
}

unsigned long
global_free_pages(const struct machine *m)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	unsigned long sum = 0;
	int nid, t;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++)
			sum += NODE_DATA(pgalloc, nid)->
				node_zones[t].nr_free_pages;
	return sum;
}

unsigned long
si_mem_available(const struct machine *m)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	long available, pagecache, reclaimable;
	unsigned long wmark_low = 0;
	int nid, t;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++)
			wmark_low += low_wmark_pages(&pgalloc->node_data[nid]->node_zones[t]);
	available = (long)global_free_pages(m) -
		(long)pgalloc->totalreserve_pages;
	pagecache = global_node_page_state(m, NR_FILE_PAGES);
	pagecache -= MIN(pagecache / 2, (long)wmark_low);
	available += pagecache;
	reclaimable = global_node_page_state(m, NR_SLAB_RECLAIMABLE_B) >>
		PAGE_SHIFT;
	available += reclaimable - MIN(reclaimable / 2, (long)wmark_low);
	return available < 0 ? 0 : (unsigned long)available;
}
