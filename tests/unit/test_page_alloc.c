// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The buddy allocator: zones per arch, zone selection per GFP, split and
 * coalesce at every order, watermarks, node fallback, bad frees, and a
 * property test of random allocations and frees.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/page_alloc.h"
#include "helpers.h"

static void
check(struct machine *m)
{
	struct error e;

	error_clear(&e);
	if (sim_page_alloc_check(m, &e))
		fail_msg("allocator inconsistent: %s", e.msg);
}

/* The numbers /proc/buddyinfo shows, plus the free page counts. */
struct snap {
	unsigned long nr_free[MAX_NUMNODES][MAX_NR_ZONES][MAX_ORDER];
	unsigned long pages[MAX_NUMNODES][MAX_NR_ZONES];
};

static void
snapshot(struct machine *m, struct snap *s)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	int nid, t, o;

	memset(s, 0, sizeof(*s));
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];

			for (o = 0; o < MAX_ORDER; o++)
				s->nr_free[nid][t][o] = z->free_area[o].nr_free;
			s->pages[nid][t] = z->nr_free_pages;
		}
}

static void
same(const struct snap *a, const struct snap *b)
{
	assert_memory_equal(a, b, sizeof(*a));
}

static int
zone_of(struct machine *m, struct page *p)
{
	return zone_idx(page_zone(m, p));
}

static struct page *
must_alloc(struct machine *m, gfp_t gfp, unsigned order)
{
	struct error e;
	struct page *p;

	error_clear(&e);
	p = alloc_pages(m, gfp, order, &e);
	if (p == NULL)
		fail_msg("alloc_pages(0x%x, %u): %s", gfp, order, e.msg);
	return p;
}

static void
must_free(struct machine *m, struct page *p, unsigned order)
{
	struct error e;

	error_clear(&e);
	if (__free_pages(m, p, order, &e))
		fail_msg("__free_pages(%u): %s", order, e.msg);
}

/* The zones each arch has, from its layout. */
static void
test_zones(void **state)
{
	struct machine *m;
	struct page_alloc *pgalloc;
	pg_data_t *n;

	(void)state;
	m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1, .exec = "none");
	pgalloc = page_alloc_of(m);
	n = pgalloc->node_data[0];
	assert_int_equal(n->node_zones[ZONE_DMA].zone_start_pfn, 0);
	assert_int_equal(n->node_zones[ZONE_DMA].spanned_pages, 4096);
	assert_int_equal(n->node_zones[ZONE_NORMAL].zone_start_pfn, 4096);
	assert_int_equal(zone_end_pfn(&n->node_zones[ZONE_NORMAL]),
			 896 * MiB >> PAGE_SHIFT);
	assert_int_equal(n->node_zones[ZONE_HIGHMEM].spanned_pages,
			 128 * MiB >> PAGE_SHIFT);
	assert_false(zone_configured(pgalloc, ZONE_DMA32));
	/* FLATMEM mem_map: 32 bytes per frame, at the top of lowmem */
	assert_int_equal(pgalloc->struct_page_size, 32);
	assert_int_equal(pgalloc->memmap_frames, (262144 * 32) >> PAGE_SHIFT);
	assert_true(pgalloc->memmap_va == 0xf8000000ULL - 262144 * 32);
	/* managed = present - what memblock reserved (page 0, the ISA
	 * hole, the kernel image, boot page tables, mem_map) */
	{
		u64 pfn, resv = 0;
		int i;

		for (pfn = 0; pfn < pgalloc->end_pfn; pfn++)
			for (i = 0; i < pgalloc->nresv; i++)
				if (pfn >= pgalloc->resv[i].start &&
				    pfn < pgalloc->resv[i].end) {
					resv++;
					break;
				}
		assert_true(resv > pgalloc->memmap_frames + 1152 + 97);
		assert_int_equal(pgalloc->totalram_pages,
				 pgalloc->end_pfn - resv);
	}
	assert_int_equal(pgalloc->totalhigh_pages, 32768);
	check(m);
	machine_free(m);

	m = boot(.arch = "i386", .mem = 160 * MiB, .nodes = 1, .exec = "none");
	pgalloc = page_alloc_of(m);
	n = pgalloc->node_data[0];
	assert_int_equal(n->node_zones[ZONE_HIGHMEM].spanned_pages, 0);
	assert_int_equal(zone_end_pfn(&n->node_zones[ZONE_NORMAL]), 40960);
	check(m);
	machine_free(m);

	m = boot(.arch = "x86_64", .mem = 8 * GiB, .nodes = 1, .exec = "none");
	pgalloc = page_alloc_of(m);
	n = pgalloc->node_data[0];
	assert_false(zone_configured(pgalloc, ZONE_HIGHMEM));
	assert_int_equal(n->node_zones[ZONE_DMA32].zone_start_pfn, 4096);
	assert_int_equal(zone_end_pfn(&n->node_zones[ZONE_DMA32]), 1 << 20);
	assert_int_equal(n->node_zones[ZONE_NORMAL].zone_start_pfn, 1 << 20);
	assert_int_equal(zone_end_pfn(&n->node_zones[ZONE_NORMAL]), 2 << 20);
	/* vmemmap: 64-byte struct pages, 2M per 128M section */
	assert_int_equal(pgalloc->struct_page_size, 64);
	assert_int_equal(pgalloc->memmap_frames, 64 * 512);
	assert_true(pgalloc->memmap_va == 0xffffea0000000000ULL);
	check(m);
	machine_free(m);
}

struct gfp_case {
	const char *arch;
	u64 mem;
	gfp_t gfp;
	int zone;
};

/* Zone selection per GFP: the highest zone allowed, then downwards. */
static void
test_zone_selection(void **state)
{
	static const struct gfp_case cases[] = {
		{ "i386", 160 * MiB, GFP_KERNEL, ZONE_NORMAL },
		{ "i386", 160 * MiB, GFP_HIGHUSER, ZONE_NORMAL },
		{ "i386", 160 * MiB, GFP_HIGHUSER_MOVABLE, ZONE_NORMAL },
		{ "i386", 160 * MiB, GFP_DMA, ZONE_DMA },
		{ "i386", 160 * MiB, GFP_DMA32, ZONE_NORMAL },
		{ "i386", 160 * MiB, GFP_ATOMIC, ZONE_NORMAL },
		{ "i386", 1 * GiB, GFP_KERNEL, ZONE_NORMAL },
		{ "i386", 1 * GiB, GFP_USER, ZONE_NORMAL },
		{ "i386", 1 * GiB, GFP_HIGHUSER, ZONE_HIGHMEM },
		{ "i386", 1 * GiB, GFP_HIGHUSER_MOVABLE, ZONE_HIGHMEM },
		{ "i386", 1 * GiB, GFP_DMA, ZONE_DMA },
		{ "i386", 1 * GiB, GFP_KERNEL | __GFP_DMA, ZONE_DMA },
		{ "i386-pae", 8 * GiB, GFP_KERNEL, ZONE_NORMAL },
		{ "i386-pae", 8 * GiB, GFP_HIGHUSER, ZONE_HIGHMEM },
		{ "i386-pae", 8 * GiB, GFP_DMA, ZONE_DMA },
		{ "x86_64", 8 * GiB, GFP_KERNEL, ZONE_NORMAL },
		{ "x86_64", 8 * GiB, GFP_HIGHUSER, ZONE_NORMAL },
		{ "x86_64", 8 * GiB, GFP_DMA32, ZONE_DMA32 },
		{ "x86_64", 8 * GiB, GFP_DMA, ZONE_DMA },
		{ "x86_64", 2 * GiB, GFP_KERNEL, ZONE_DMA32 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct gfp_case *c = &cases[i];
		struct machine *m = boot(.arch = c->arch, .mem = c->mem,
					 .nodes = 1, .exec = "none");
		struct page *p = must_alloc(m, c->gfp, 0);
		u64 pfn = page_to_pfn(m, p);

		if (zone_of(m, p) != c->zone)
			fail_msg("%s %llu MiB gfp 0x%x: zone %d, want %d",
				 c->arch, (unsigned long long)(c->mem >> 20),
				 c->gfp, zone_of(m, p), c->zone);
		if (c->zone == ZONE_DMA)
			assert_true(pfn < (16 * MiB >> PAGE_SHIFT));
		if (c->zone == ZONE_HIGHMEM)
			assert_true(pfn >= (896 * MiB >> PAGE_SHIFT));
		if (c->zone == ZONE_DMA32)
			assert_true(pfn < (4 * GiB >> PAGE_SHIFT));
		assert_int_equal(PageHighMem(m, p), c->zone == ZONE_HIGHMEM);
		if (c->zone == ZONE_HIGHMEM)
			assert_true(page_address(m, p) == 0);
		else
			assert_true(virt_to_page(m, page_address(m, p), NULL) == p);
		must_free(m, p, 0);
		check(m);
		machine_free(m);
	}
}

/* Split on allocation and coalesce on free, at every order. */
static void
test_split_coalesce(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1,
				 .exec = "none");
	struct snap boot_state, now;
	unsigned o, k;

	(void)state;
	snapshot(m, &boot_state);
	for (o = 0; o < MAX_ORDER; o++) {
		struct page *p = must_alloc(m, GFP_HIGHUSER, o);
		struct zone *z = page_zone(m, p);
		u64 pfn = page_to_pfn(m, p);

		/* highmem holds only order-10 blocks at boot: one is split */
		assert_int_equal(zone_idx(z), ZONE_HIGHMEM);
		assert_int_equal(pfn & ((1ULL << o) - 1), 0);
		assert_int_equal(page_ref_count(p), 1);
		assert_false(PageBuddy(p));
		for (k = o; k < MAX_ORDER - 1; k++)
			assert_int_equal(z->free_area[k].nr_free, 1);
		assert_int_equal(z->free_area[MAX_ORDER - 1].nr_free,
				 boot_state.nr_free[0][ZONE_HIGHMEM][MAX_ORDER - 1] - 1);
		/* the buddy of each split is free at its order */
		for (k = o; k < MAX_ORDER - 1; k++) {
			struct page *b = pfn_to_page(m, pfn ^ (1ULL << k));

			assert_true(PageBuddy(b));
			assert_int_equal(page_private(b), k);
		}
		check(m);
		must_free(m, p, o);
		snapshot(m, &now);
		same(&boot_state, &now);
		check(m);
	}
	/* two buddies freed in either order merge back */
	for (o = 0; o < MAX_ORDER - 1; o++) {
		struct page *a = must_alloc(m, GFP_HIGHUSER, o);
		struct page *b = must_alloc(m, GFP_HIGHUSER, o);

		assert_true((page_to_pfn(m, a) ^ page_to_pfn(m, b)) == 1ULL << o);
		must_free(m, o & 1 ? a : b, o);
		must_free(m, o & 1 ? b : a, o);
		snapshot(m, &now);
		same(&boot_state, &now);
	}
	machine_free(m);
}

/* The done-when checks of the 1G machine. */
static void
test_i386_1g(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1,
				 .exec = "none");
	struct snap before, after;
	struct page *h, *d;

	(void)state;
	snapshot(m, &before);
	h = must_alloc(m, GFP_HIGHUSER, 0);
	assert_true(page_to_phys(m, h) >= 896 * MiB);
	d = must_alloc(m, GFP_DMA, 0);
	assert_true(page_to_phys(m, d) < 16 * MiB);
	must_free(m, h, 0);
	must_free(m, d, 0);
	snapshot(m, &after);
	same(&before, &after);
	check(m);
	machine_free(m);
}

/* Bad frees are refused and change nothing. */
static void
test_bad_free(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1,
				 .exec = "none");
	struct snap before, after;
	struct page *p, *c;
	struct error e;
	u64 va;

	(void)state;
	p = must_alloc(m, GFP_KERNEL, 2);
	c = must_alloc(m, GFP_KERNEL | __GFP_COMP, 3);
	snapshot(m, &before);
	/* wrong order */
	assert_int_equal(__free_pages(m, p, 1, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "allocated as an order-2"));
	/* a page inside the block */
	assert_int_equal(__free_pages(m, p + 1, 0, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "page 1 of the order-2"));
	/* a tail of a compound page */
	assert_true(PageTail(c + 3));
	assert_true(compound_head(c + 3) == c);
	assert_int_equal(compound_order(c), 3);
	assert_int_equal(__free_pages(m, c + 3, 0, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "tail page"));
	/* reserved: the kernel image */
	assert_int_equal(__free_pages(m, pfn_to_page(m, 0x100), 0, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "reserved (kernel image)"));
	/* order too large */
	assert_int_equal(__free_pages(m, p, 11, &e), -EINVAL);
	snapshot(m, &after);
	same(&before, &after);
	/* double free */
	must_free(m, p, 2);
	snapshot(m, &before);
	assert_int_equal(__free_pages(m, p, 2, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "double free"));
	snapshot(m, &after);
	same(&before, &after);
	/* free_pages by address: unaligned, vmalloc, highmem page */
	va = __get_free_pages(m, GFP_KERNEL, 0, &e);
	assert_true(va >= 0xc0000000ULL);
	assert_int_equal(free_pages(m, va + 8, 0, &e), -EINVAL);
	assert_int_equal(free_pages(m, 0xf8800000ULL, 0, &e), -EINVAL);
	assert_int_equal(__get_free_pages(m, GFP_HIGHUSER, 0, &e), 0);
	assert_non_null(strstr(e.msg, "highmem"));
	assert_int_equal(free_pages(m, va, 0, &e), 0);
	/* a page with a second reference: the block's tail goes first */
	p = must_alloc(m, GFP_KERNEL, 1);
	get_page(p);
	must_free(m, p, 1);
	assert_int_equal(page_ref_count(p), 1);
	assert_true(PageBuddy(p + 1));
	assert_int_equal(put_page(m, p, &e), 0);
	must_free(m, c, 3);
	check(m);
	machine_free(m);
}

/* Watermarks as Linux 6.1 computes them, and allocations below them. */
static void
test_watermarks(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1,
				 .exec = "none");
	struct page_alloc *pgalloc = page_alloc_of(m);
	pg_data_t *n = pgalloc->node_data[0];
	struct zone *dma = &n->node_zones[ZONE_DMA];
	struct zone *normal = &n->node_zones[ZONE_NORMAL];
	struct zone *high = &n->node_zones[ZONE_HIGHMEM];
	u64 lowmem = dma->managed_pages + normal->managed_pages, sq = 0;
	unsigned long pages_min, tmp;
	struct page **held;
	struct error e;
	int nheld = 0, i;

	(void)state;
	while ((sq + 1) * (sq + 1) <= lowmem * 4 * 16)
		sq++;
	assert_int_equal(pgalloc->min_free_kbytes, sq);
	pages_min = (unsigned long)sq / 4;
	tmp = pages_min * normal->managed_pages / lowmem;
	assert_int_equal(min_wmark_pages(normal), tmp);
	tmp = MAX(tmp / 4, normal->managed_pages * 10 / 10000);
	assert_int_equal(low_wmark_pages(normal), min_wmark_pages(normal) + tmp);
	assert_int_equal(high_wmark_pages(normal), low_wmark_pages(normal) + tmp);
	/* highmem: managed / 1024 within [32, 128] */
	assert_int_equal(min_wmark_pages(high),
			 MIN(MAX(high->managed_pages / 1024, 32), 128));
	/* lowmem_reserve: DMA keeps 1/256 of what is above it */
	assert_int_equal(dma->lowmem_reserve[ZONE_NORMAL],
			 normal->managed_pages / 256);
	assert_int_equal(dma->lowmem_reserve[ZONE_HIGHMEM],
			 (normal->managed_pages + high->managed_pages) / 256);
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM],
			 high->managed_pages / 32);

	/* GFP_DMA: exhaust the DMA zone down to its min watermark */
	held = calloc(8192, sizeof(*held));
	for (;;) {
		struct page *p = alloc_pages(m, GFP_DMA, 0, &e);

		if (p == NULL)
			break;
		assert_int_equal(zone_of(m, p), ZONE_DMA);
		held[nheld++] = p;
	}
	assert_int_equal(e.code, -ENOMEM);
	assert_non_null(strstr(e.msg, "order-0"));
	assert_non_null(strstr(e.msg, "zone DMA"));
	assert_non_null(strstr(e.msg, "min watermark"));
	/* the slow path allocates while free > min */
	assert_int_equal(dma->nr_free_pages, min_wmark_pages(dma));
	/* GFP_ATOMIC may go below min (__GFP_HIGH and non-blocking) */
	for (;;) {
		struct page *p = alloc_pages(m, GFP_ATOMIC | __GFP_DMA, 0, &e);

		if (p == NULL)
			break;
		held[nheld++] = p;
	}
	{
		long min = (long)min_wmark_pages(dma);

		min -= min / 2;		/* __GFP_HIGH */
		min -= min / 4;		/* non-blocking */
		assert_int_equal(dma->nr_free_pages, min);
	}
	check(m);
	for (i = 0; i < nheld; i++)
		must_free(m, held[i], 0);
	free(held);
	check(m);
	machine_free(m);
}

/* Nodes: local first, then the others; __GFP_THISNODE stays home. */
static void
test_nodes(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 2 * GiB, .nodes = 2,
				 .exec = "none");
	struct page_alloc *pgalloc = page_alloc_of(m);
	pg_data_t *n0, *n1;
	struct page **held;
	struct page *p;
	struct error e;
	int nheld = 0, i;

	(void)state;
	assert_int_equal(pgalloc->nr_nodes, 2);
	assert_int_equal(pgalloc->node_data[1]->node_start_pfn, 1 * GiB >> PAGE_SHIFT);
	/* zonelist of node 0: its own DMA32 and DMA, then node 1's DMA32 */
	n0 = NODE_DATA(pgalloc, 0);
	n1 = NODE_DATA(pgalloc, 1);
	assert_true(n0->node_zonelists[0]._zonerefs[0].zone ==
		    &n0->node_zones[ZONE_DMA32]);
	assert_true(n0->node_zonelists[0]._zonerefs[1].zone ==
		    &n0->node_zones[ZONE_DMA]);
	assert_true(n0->node_zonelists[0]._zonerefs[2].zone ==
		    &n1->node_zones[ZONE_DMA32]);
	assert_true(n1->node_zonelists[0]._zonerefs[0].zone ==
		    &n1->node_zones[ZONE_DMA32]);
	assert_int_equal(cpu_to_node(m, 0), 0);
	assert_int_equal(cpu_to_node(m, 1), 1);
	p = must_alloc(m, GFP_KERNEL, 0);
	assert_int_equal(page_to_nid(m, p), 0);
	must_free(m, p, 0);
	m->cur = 1;
	p = must_alloc(m, GFP_KERNEL, 0);
	assert_int_equal(page_to_nid(m, p), 1);
	must_free(m, p, 0);
	m->cur = 0;
	/* fill node 0 with order-10 blocks until it falls back to node 1 */
	held = calloc(1024, sizeof(*held));
	for (;;) {
		p = must_alloc(m, GFP_KERNEL, 10);
		held[nheld++] = p;
		if (page_to_nid(m, p) == 1)
			break;
		assert_true(nheld < 1000);
	}
	/*
	 * the fast path fell back at the low mark; __GFP_THISNODE may still
	 * take node 0's blocks down to the min mark, never node 1's
	 */
	while ((p = alloc_pages(m, GFP_KERNEL | __GFP_THISNODE, 10, &e))) {
		assert_int_equal(page_to_nid(m, p), 0);
		held[nheld++] = p;
		assert_true(nheld < 1000);
	}
	assert_non_null(strstr(e.msg, "order-10"));
	for (i = 0; i < nheld; i++)
		must_free(m, held[i], 10);
	free(held);
	check(m);
	machine_free(m);
}

struct live {
	struct page *p;
	unsigned order;
};

/* 100 000 random allocations and frees, checked as they go. */
static void
test_property(void **state)
{
	static const gfp_t gfps[] = {
		GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC, GFP_USER,
		GFP_KERNEL | __GFP_COMP,
	};
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .nodes = 1,
				 .exec = "none");
	struct page_alloc *pgalloc = page_alloc_of(m);
	u64 npfn = pgalloc->end_pfn - pgalloc->start_pfn;
	u8 *owned = calloc((size_t)npfn, 1);
	struct live *live = calloc(20000, sizeof(*live));
	struct snap boot_state, now;
	unsigned seed = 12345;
	int nlive = 0, op, fails = 0;

	(void)state;
	snapshot(m, &boot_state);
	for (op = 0; op < 100000; op++) {
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 100 < 55 && nlive < 20000) {
			unsigned r = (seed >> 8) & 0xffff, order = 0;
			gfp_t gfp = gfps[(seed >> 4) % ARRAY_SIZE(gfps)];
			struct error e;
			struct page *p;
			u64 pfn, k;

			while (order < MAX_ORDER - 1 && (r & 3) == 0) {
				order++;
				r >>= 2;
			}
			p = alloc_pages(m, gfp, order, &e);
			if (p == NULL) {
				assert_int_equal(e.code, -ENOMEM);
				fails++;
				continue;
			}
			pfn = page_to_pfn(m, p);
			assert_int_equal(pfn & ((1ULL << order) - 1), 0);
			for (k = 0; k < (1ULL << order); k++) {
				if (owned[pfn + k - pgalloc->start_pfn])
					fail_msg("op %d: pfn 0x%llx handed out "
						 "twice", op,
						 (unsigned long long)(pfn + k));
				owned[pfn + k - pgalloc->start_pfn] = 1;
			}
			live[nlive].p = p;
			live[nlive].order = order;
			nlive++;
		} else if (nlive > 0) {
			int i = (int)((seed >> 3) % (unsigned)nlive);
			u64 pfn = page_to_pfn(m, live[i].p), k;

			for (k = 0; k < (1ULL << live[i].order); k++)
				owned[pfn + k - pgalloc->start_pfn] = 0;
			must_free(m, live[i].p, live[i].order);
			live[i] = live[--nlive];
		}
		if (op % 20000 == 19999)
			check(m);
	}
	check(m);
	while (nlive > 0) {
		nlive--;
		must_free(m, live[nlive].p, live[nlive].order);
	}
	check(m);
	snapshot(m, &now);
	same(&boot_state, &now);
	free(owned);
	free(live);
	machine_free(m);
}

/* The 64G machine boots without touching its descriptors. */
static void
test_large_sparse(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 64 * GiB, .nodes = 1,
				 .exec = "none");
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct snap before, after;
	struct page *p;

	(void)state;
	assert_int_equal(pgalloc->memmap_frames, 512 * 512);
	snapshot(m, &before);
	p = must_alloc(m, GFP_KERNEL, 0);
	assert_true(page_to_phys(m, p) >= 4 * GiB);
	must_free(m, p, 0);
	snapshot(m, &after);
	same(&before, &after);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_zone_selection),
		cmocka_unit_test(test_split_coalesce),
		cmocka_unit_test(test_i386_1g),
		cmocka_unit_test(test_bad_free),
		cmocka_unit_test(test_watermarks),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_property),
		cmocka_unit_test(test_large_sparse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
