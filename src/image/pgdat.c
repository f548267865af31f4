// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A node's pglist_data when neither VMCOREINFO nor the symbol table says
 * where it is (a NUMA kernel without CONFIG_KALLSYMS_ALL, as Debian's
 * arm64): the buddy allocator's own lists lead there.  A free block's head
 * page (its _mapcount the buddy page_type) is on
 * zone->free_area[order].free_list[migratetype] through page.lru; walking
 * that list from the page, the one link that is no struct page is the
 * list head inside struct zone.  Its zone is the one of the migratetypes
 * whose name field names a zone; the zones before it in node_zones[] lead
 * to the node's first zone, at OFFSET(pglist_data.node_zones).
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/kstate.h"

#define PROBES_MAX	(1u << 20)	/* struct pages looked at */
#define LIST_MAX	(1u << 16)	/* free-list links followed */

struct free_walk {
	struct kmem *k;
	struct kmemmap mm;
	u64 lru, mapcount, private, buddy;
	u64 map_lo, map_hi;	/* the vmemmap's struct pages of RAM */
};

/* The pfns of RAM, from the image's physical ranges. */
static void
ram_pfns(struct machine *m, u64 *lo, u64 *hi)
{
	int i;

	*lo = ~0ULL;
	*hi = 0;
	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];

		*lo = MIN(*lo, r->start >> PAGE_SHIFT);
		*hi = MAX(*hi, (r->start + r->size) >> PAGE_SHIFT);
	}
}

/* The first free block head at a pfn multiple of stride. */
static bool
find_buddy(struct free_walk *w, u64 lo, u64 hi, u64 stride, u64 *page,
	   unsigned *probes)
{
	u64 pfn, v;
	struct error e;

	for (pfn = ALIGN_UP(lo, stride); pfn < hi && *probes < PROBES_MAX;
	     pfn += stride, (*probes)++) {
		if (kmemmap_page(w->k, &w->mm, pfn, page, &e) ||
		    kmem_read_uint(w->k, *page + w->mapcount, 4, &v, &e))
			continue;
		if ((s64)(s32)(u32)v == (s64)w->buddy)
			return true;
	}
	return false;
}

/* From a free page along page.lru to the first link that is no page. */
static bool
list_head_of(struct free_walk *w, u64 page, u64 *head)
{
	u64 p = page + w->lru, n;
	unsigned i;
	struct error e;

	for (i = 0; i < LIST_MAX; i++) {
		if (kmem_read_ulong(w->k, p, &n, &e))
			return false;
		if (n - w->lru < w->map_lo || n - w->lru >= w->map_hi) {
			*head = n;
			return true;
		}
		if (n == page + w->lru)
			return false;	/* a list of pages only */
		p = n;
	}
	return false;
}

static int
walk_init(struct machine *m, struct kmem *k, struct free_walk *w,
	  struct error *e)
{
	u64 lo, hi;

	memset(w, 0, sizeof(*w));
	w->k = k;
	if (!kinfo_offset(m, "page", "lru", &w->lru) ||
	    !kinfo_offset(m, "page", "_mapcount", &w->mapcount) ||
	    !kinfo_offset(m, "page", "private", &w->private) ||
	    !kinfo_number(m, "PAGE_BUDDY_MAPCOUNT_VALUE", &w->buddy))
		return error_set(e, -ENOENT, "the dump places neither "
				 "page.lru nor the buddy page_type");
	if (kmemmap_init(k, &w->mm, e))
		return -1;
	if (!w->mm.vmemmap)
		return error_set(e, -ENOENT, "struct pages outside a vmemmap");
	ram_pfns(m, &lo, &hi);
	w->map_lo = w->mm.vmemmap + lo * w->mm.page_size;
	w->map_hi = w->mm.vmemmap + hi * w->mm.page_size;
	return 0;
}

/*
 * Is every free_list of every free_area of the zone at zone a list head,
 * empty (pointing at itself) or holding struct pages?  A zone guessed a
 * migratetype off lands some list heads on nr_free, which is none.
 */
static bool
zone_lists_ok(struct free_walk *w, const struct kzone_geom *g, u64 zone)
{
	u64 o, j, h, next;
	struct error e;

	for (o = 0; o < g->norder; o++)
		for (j = 0; j < g->nlists; j++) {
			h = zone + g->free_area + o * g->fa_size + g->fa_list +
				j * g->lh_size;
			if (kmem_read_ulong(w->k, h, &next, &e))
				return false;
			if (next != h && (next - w->lru < w->map_lo ||
					  next - w->lru >= w->map_hi))
				return false;
		}
	return true;
}

int
kzone_from_free_lists(struct machine *m, struct kmem *k,
		      const struct kzone_geom *g, u64 *zone, struct error *e)
{
	struct free_walk w;
	u64 lo, hi, page, head, order, mt;
	unsigned probes = 0;

	if (walk_init(m, k, &w, e))
		return -1;
	ram_pfns(m, &lo, &hi);
	/* max-order blocks first, which boot leaves most of */
	if (!find_buddy(&w, lo, hi, 1ULL << (g->norder - 1), &page, &probes) &&
	    !find_buddy(&w, lo, hi, 1, &page, &probes))
		return error_set(e, -ENOENT, "no free page found to follow "
				 "to its zone");
	if (!list_head_of(&w, page, &head) ||
	    kmem_read_ulong(k, page + w.private, &order, e) ||
	    order >= g->norder)
		return error_set(e, -ENOENT, "the free list of the page at "
				 "0x%llx leads to no zone",
				 (unsigned long long)page);
	for (mt = 0; mt < g->nlists; mt++) {
		*zone = head - g->fa_list - mt * g->lh_size -
			order * g->fa_size - g->free_area;
		if (zone_lists_ok(&w, g, *zone))
			return 0;
	}
	return error_set(e, -ENOENT, "the free list at 0x%llx is in no zone",
			 (unsigned long long)head);
}
