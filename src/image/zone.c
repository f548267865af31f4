// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The zones of an image's kernel (include/linux/mmzone.h): pglist_data of
 * each online node through node_data[] (or contig_page_data), its
 * node_zones[], and of each zone free_area[order].nr_free, spanned_pages
 * and vm_stat[NR_FREE_PAGES], as VMCOREINFO lays them out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"

static const char *const known_zone[] = {
	"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device",
};

struct zone_layout {
	u64 zone_size, free_area, fa_size, fa_list, nlists, lh_size, spanned;
	u64 norder, node_zones, nr_zones;
	u64 vm_stat, nr_free_pages;
	bool have_vm_stat;
	u64 name_off;		/* zone.name, found (or ~0: zone_names[]) */
	/* the rest where the types say (0 with have_*: unknown) */
	u64 present, managed, start_pfn, cma, wmark, boost, reserve;
	bool have_present, have_managed, have_start_pfn, have_cma,
	     have_wmark, have_boost, have_reserve;
	u64 zone_names;		/* the symbol, or 0 */
};

/* The string at va if it is one of the kernel's zone names. */
static const char *
zone_name_at(struct kmem *k, u64 va)
{
	char s[8];
	size_t i, j;
	struct error e;

	for (i = 0; i < sizeof(s); i++) {
		if (kmem_read(k, va + i, &s[i], 1, &e))
			return NULL;
		if (s[i] == 0)
			break;
	}
	if (i == sizeof(s))
		return NULL;
	for (j = 0; j < ARRAY_SIZE(known_zone); j++)
		if (!strcmp(s, known_zone[j]))
			return known_zone[j];
	return NULL;
}

/*
 * zone.name: the field whose pointer names a zone in zone 0 and, when
 * there is one, a different zone in zone 1.
 */
static bool
find_name_off(struct kmem *k, struct zone_layout *L, u64 zones, int nz)
{
	u64 off, p0, p1;
	struct error e;

	for (off = 0; off + k->long_size <= L->zone_size; off += k->long_size) {
		const char *n0, *n1;

		if (kmem_read_ulong(k, zones + off, &p0, &e) ||
		    (n0 = zone_name_at(k, p0)) == NULL)
			continue;
		if (nz < 2) {
			L->name_off = off;
			return true;
		}
		if (kmem_read_ulong(k, zones + L->zone_size + off, &p1, &e) ||
		    (n1 = zone_name_at(k, p1)) == NULL || n1 == n0)
			continue;
		L->name_off = off;
		return true;
	}
	return false;
}

static int
zone_layout(struct machine *m, struct zone_layout *L, bool typed,
	    struct error *e)
{
	const struct kneed need[] = {
		{ "SIZE(zone)", &L->zone_size },
		{ "OFFSET(zone.free_area)", &L->free_area },
		{ "SIZE(free_area)", &L->fa_size },
		{ "OFFSET(free_area.free_list)", &L->fa_list },
		{ "LENGTH(free_area.free_list)", &L->nlists },
		{ "SIZE(list_head)", &L->lh_size },
		{ "OFFSET(zone.spanned_pages)", &L->spanned },
		{ "LENGTH(zone.free_area)", &L->norder },
		{ "OFFSET(pglist_data.node_zones)", &L->node_zones },
		{ "OFFSET(pglist_data.nr_zones)", &L->nr_zones },
	};

	memset(L, 0, sizeof(*L));
	if (kneed_all(m, need, ARRAY_SIZE(need), e))
		return -1;
	if (L->norder == 0 || L->norder > KZONE_ORDERS || L->zone_size == 0 ||
	    L->zone_size > 65536)
		return error_set(e, -EINVAL, "VMCOREINFO's struct zone "
				 "(%llu bytes, %llu orders) is not one ptwalk "
				 "reads", (unsigned long long)L->zone_size,
				 (unsigned long long)L->norder);
	L->have_vm_stat = kinfo_offset(m, "zone", "vm_stat", &L->vm_stat) &&
		kinfo_number(m, "NR_FREE_PAGES", &L->nr_free_pages);
	/* the rest from the types (BTF), which only zoneinfo and meminfo need */
	if (!typed)
		return 0;
	L->have_present = kinfo_offset(m, "zone", "present_pages", &L->present);
	L->have_managed = kinfo_offset(m, "zone", "managed_pages", &L->managed);
	L->have_start_pfn = kinfo_offset(m, "zone", "zone_start_pfn",
					 &L->start_pfn);
	L->have_cma = kinfo_offset(m, "zone", "cma_pages", &L->cma);
	L->have_wmark = kinfo_offset(m, "zone", "_watermark", &L->wmark);
	L->have_boost = kinfo_offset(m, "zone", "watermark_boost", &L->boost);
	L->have_reserve = kinfo_offset(m, "zone", "lowmem_reserve",
				       &L->reserve);
	return 0;
}

/* The pglist_data of every online node: ids into nid[], at most max. */
static int
online_nodes(struct machine *m, struct kmem *k, u64 *pgdat, int *nid, int max,
	     struct error *e)
{
	u64 node_data, len, mask, msize, bit;
	int n = 0;
	u8 bits[128];

	/* LENGTH(node_data) first: no symbol lookup without it */
	if (kinfo_length(m, "node_data", &len) &&
	    kinfo_symbol(m, "node_data", &node_data)) {
		if (!kinfo_symbol(m, "node_online_map", &mask) ||
		    !kinfo_size(m, "nodemask_t", &msize) || msize == 0)
			msize = 0;
		msize = MIN(msize, sizeof(bits));
		memset(bits, 0, sizeof(bits));
		if (msize == 0 || kmem_read(k, mask, bits, msize, e))
			bits[0] = 1;	/* node 0 only */
		for (bit = 0; bit < MIN(len, 8 * sizeof(bits)) && n < max;
		     bit++) {
			if (!(bits[bit / 8] >> (bit % 8) & 1))
				continue;
			if (kmem_read_ulong(k, node_data + bit * k->long_size,
					&pgdat[n], e))
				return -1;
			if (pgdat[n] == 0)
				continue;
			nid[n++] = (int)bit;
		}
		return n;
	}
	if (kinfo_symbol(m, "contig_page_data", &pgdat[0])) {
		nid[0] = 0;
		return 1;
	}
	return 0;
}

static int
zone_name(struct kmem *k, struct zone_layout *L, struct kzone *z,
	  struct error *e)
{
	u64 p;
	const char *n;

	if (L->zone_names) {
		if (kmem_read_ulong(k, L->zone_names + (u64)z->idx * k->long_size,
				&p, e))
			return -1;
	} else if (kmem_read_ulong(k, z->va + L->name_off, &p, e)) {
		return -1;
	}
	n = zone_name_at(k, p);
	if (n == NULL)
		return 1;
	snprintf(z->name, sizeof(z->name), "%s", n);
	return 0;
}

/* One optional unsigned long of the zone. */
static int
opt_ulong(struct kmem *k, u64 va, bool have, u64 off, u64 *v, bool *got,
	  struct error *e)
{
	*got = false;
	if (!have)
		return 0;
	if (kmem_read_ulong(k, va + off, v, e))
		return -1;
	*got = true;
	return 0;
}

/* The fields VMCOREINFO does not place, where the types do. */
static int
read_typed(struct kmem *k, struct zone_layout *L, struct kzone *z,
	   struct error *e)
{
	unsigned i;
	u64 v;

	if (opt_ulong(k, z->va, L->have_present, L->present, &z->present,
		      &z->have_present, e) ||
	    opt_ulong(k, z->va, L->have_managed, L->managed, &z->managed,
		      &z->have_managed, e) ||
	    opt_ulong(k, z->va, L->have_start_pfn, L->start_pfn,
		      &z->start_pfn, &z->have_start_pfn, e) ||
	    opt_ulong(k, z->va, L->have_cma, L->cma, &z->cma, &z->have_cma,
		      e) ||
	    opt_ulong(k, z->va, L->have_boost, L->boost, &z->boost,
		      &z->have_boost, e))
		return -1;
	if (L->have_present)
		z->populated = z->present != 0;
	if (L->have_wmark) {
		/* enum zone_watermarks: WMARK_MIN, WMARK_LOW, WMARK_HIGH */
		for (i = 0; i < 3; i++)
			if (kmem_read_ulong(k, z->va + L->wmark +
					    i * k->long_size, &z->wmark[i], e))
				return -1;
		z->have_wmark = true;
	}
	if (L->have_reserve) {
		for (i = 0; i < ARRAY_SIZE(z->protection); i++) {
			if (L->reserve + (i + 1) * k->long_size > L->zone_size ||
			    kmem_read_ulong(k, z->va + L->reserve +
					    i * k->long_size, &v, e))
				break;
			z->protection[i] = k->long_size == 4 ? (s32)(u32)v :
				(s64)v;
		}
		z->nprotection = (int)i;
	}
	return 0;
}

static int
read_zone(struct kmem *k, struct zone_layout *L, struct kzone *z,
	  struct error *e)
{
	unsigned o;
	u64 nr_free = L->fa_list + L->nlists * L->lh_size;

	if (kmem_read_ulong(k, z->va + L->spanned, &z->spanned, e))
		return -1;
	z->populated = z->spanned != 0;
	z->norder = (unsigned)L->norder;
	/* free_area: free_list[MIGRATE_TYPES], then unsigned long nr_free */
	for (o = 0; o < z->norder; o++)
		if (kmem_read_ulong(k, z->va + L->free_area + o * L->fa_size +
				nr_free, &z->nr_free[o], e))
			return -1;
	if (read_typed(k, L, z, e))
		return -1;
	if (L->have_vm_stat) {
		if (kmem_read_ulong(k, z->va + L->vm_stat + L->nr_free_pages *
				k->long_size, &z->free_pages, e))
			return -1;
		z->have_free_pages = true;
	}
	return 0;
}

/* The zones of one node: node_zones[] while their names are zone names. */
static int
node_zones(struct kmem *k, struct zone_layout *L, u64 pgdat, int nid,
	   struct kzones *zs, struct error *e)
{
	u64 zones = pgdat + L->node_zones;
	int i, j, nz = (int)MIN(8, L->nr_zones / L->zone_size);

	/* zone.name found in the zones, else the zone_names[] symbol */
	if (!L->zone_names && L->name_off == 0 &&
	    !find_name_off(k, L, zones, nz) &&
	    !kinfo_symbol(k->m, "zone_names", &L->zone_names))
		return error_set(e, -ENOENT, "no field of node %d's "
				 "zone 0 points at a zone's name (and the "
				 "symbol table has no zone_names)", nid);
	for (i = 0; i < nz; i++) {
		struct kzone z = { .nid = nid, .idx = i };
		int r;

		z.va = zones + (u64)i * L->zone_size;
		r = zone_name(k, L, &z, e);
		if (r < 0)
			return -1;
		if (r > 0)
			break;	/* past node_zones[MAX_NR_ZONES] */
		if (read_zone(k, L, &z, e))
			return -1;
		zs->z = xrealloc(zs->z, (size_t)(zs->n + 1) * sizeof(*zs->z));
		zs->z[zs->n++] = z;
	}
	/* lowmem_reserve[MAX_NR_ZONES]: as many as the node has zones */
	for (j = zs->n - i; j < zs->n; j++)
		zs->z[j].nprotection = MIN(zs->z[j].nprotection, i);
	return 0;
}

/*
 * No node_data the dump places: the node of the zone the free lists lead
 * to, its zones back to node_zones[0].
 */
static int
node_by_free_lists(struct machine *m, struct kmem *k, struct zone_layout *L,
		   u64 *pgdat, int *nid, struct knotes *kn, struct error *e)
{
	struct kzone_geom g = {
		.free_area = L->free_area, .fa_size = L->fa_size,
		.fa_list = L->fa_list, .nlists = L->nlists,
		.lh_size = L->lh_size, .norder = L->norder,
	};
	u64 zone, p, v;
	int i;
	bool one;
	struct error e2;

	if (kzone_from_free_lists(m, k, &g, &zone, &e2))
		return error_set(e, -ENOENT, "no node_data or "
				 "contig_page_data (neither VMCOREINFO nor "
				 "the symbol table has them), and %s", e2.msg);
	if (!find_name_off(k, L, zone, 1))
		return error_set(e, -ENOENT, "the zone at 0x%llx the free "
				 "lists lead to has no name",
				 (unsigned long long)zone);
	for (i = 0; i < 8; i++) {
		if (L->zone_names ||
		    kmem_read_ulong(k, zone - L->zone_size + L->name_off, &p,
				    &e2) || zone_name_at(k, p) == NULL)
			break;
		zone -= L->zone_size;
	}
	*pgdat = zone - L->node_zones;
	*nid = 0;
	if (kinfo_offset(m, "pglist_data", "node_id", &v) &&
	    !kmem_read_uint(k, *pgdat + v, 4, &v, &e2) && v < 1024)
		*nid = (int)v;
	one = kinfo_symbol(m, "node_online_map", &v) &&
		!kmem_read_ulong(k, v, &v, &e2) && v == 1;
	knote(kn, "node_data is in neither VMCOREINFO nor the symbol table: "
	      "node %d's pglist_data (0x%llx) was found through the buddy "
	      "allocator's free lists%s", *nid, (unsigned long long)*pgdat,
	      one ? " (node_online_map: the only node)" :
	      "; other nodes are not shown");
	return 1;
}

int
kzones_read(struct machine *m, struct kzones *zs, bool typed,
	    struct error *e)
{
	struct zone_layout L;
	struct kmem k;
	u64 pgdat[64];
	int nid[64], n, i;

	memset(zs, 0, sizeof(*zs));
	if (zone_layout(m, &L, typed, e) || kmem_init(&k, m, e))
		return -1;
	n = online_nodes(m, &k, pgdat, nid, (int)ARRAY_SIZE(pgdat), e);
	if (n == 0)
		n = node_by_free_lists(m, &k, &L, pgdat, nid, &zs->notes, e);
	if (n < 0) {
		knotes_release(&zs->notes);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (node_zones(&k, &L, pgdat[i], nid[i], zs, e)) {
			kzones_release(zs);
			return -1;
		}
	if (!L.have_vm_stat)
		knote(&zs->notes, "VMCOREINFO has no OFFSET(zone.vm_stat) or "
		      "NUMBER(NR_FREE_PAGES): no free page counts");
	return 0;
}

void
kzones_release(struct kzones *zs)
{
	free(zs->z);
	knotes_release(&zs->notes);
	memset(zs, 0, sizeof(*zs));
}
