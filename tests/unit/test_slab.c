// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The slab allocator: objects and orders per cache against Linux 6.1 for
 * one and many CPUs, the kmalloc size classes per arch, allocation, free
 * and reuse with the free pointer in RAM, zeroing, the partial and empty
 * transitions, the large path, bad frees, and a property test of random
 * kmalloc/kfree/kmem_cache sequences on i386, arm and x86_64.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/slab.h"
#include "helpers.h"

static void
check(struct machine *m)
{
	struct error e;

	error_clear(&e);
	if (sim_slab_check(m, &e))
		fail_msg("slab inconsistent: %s", e.msg);
	if (sim_page_alloc_check(m, &e))
		fail_msg("page allocator inconsistent: %s", e.msg);
}

static struct kmem_cache *
cache(struct machine *m, const char *name)
{
	struct kmem_cache *s = kmem_cache_find(m, name);

	if (s == NULL)
		fail_msg("no cache %s", name);
	return s;
}

static u64
must_kmalloc(struct machine *m, u64 size, gfp_t gfp)
{
	struct error e;
	u64 p;

	error_clear(&e);
	p = kmalloc(m, size, gfp, &e);
	if (p == 0)
		fail_msg("kmalloc(%llu): %s", (unsigned long long)size, e.msg);
	return p;
}

static void
must_kfree(struct machine *m, u64 p)
{
	struct error e;

	error_clear(&e);
	if (kfree(m, p, &e))
		fail_msg("kfree(0x%llx): %s", (unsigned long long)p, e.msg);
}

static u64
rd(struct machine *m, u64 va, unsigned size)
{
	u64 v = 0;
	struct error e;

	if (machine_read_virt(m, machine_cpu(m), va, &v, size, &e))
		fail_msg("read 0x%llx: %s", (unsigned long long)va, e.msg);
	return v;
}

static void
wr(struct machine *m, u64 va, const void *buf, u64 len)
{
	struct error e;

	if (machine_write_virt(m, machine_cpu(m), va, buf, len, &e))
		fail_msg("write 0x%llx: %s", (unsigned long long)va, e.msg);
}

/* name, objects per slab, order, as Linux 6.1 (SLUB) sizes them */
struct expect {
	const char *name;
	unsigned objects, order;
};

static void
expect_caches(struct machine *m, const struct expect *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct kmem_cache *s = cache(m, x[i].name);

		if (oo_objects(s->oo) != x[i].objects ||
		    oo_order(s->oo) != x[i].order)
			fail_msg("%s: %u objects, order %u; Linux: %u, %u",
				 x[i].name, oo_objects(s->oo), oo_order(s->oo),
				 x[i].objects, x[i].order);
	}
}

static void
test_orders(void **state)
{
	/* 2 CPUs: slub_min_objects 12 */
	static const struct expect two[] = {
		{ "kmalloc-8", 512, 0 }, { "kmalloc-16", 256, 0 },
		{ "kmalloc-32", 128, 0 }, { "kmalloc-64", 64, 0 },
		{ "kmalloc-96", 42, 0 }, { "kmalloc-128", 32, 0 },
		{ "kmalloc-192", 21, 0 }, { "kmalloc-256", 16, 0 },
		{ "kmalloc-512", 16, 1 }, { "kmalloc-1k", 16, 2 },
		{ "kmalloc-2k", 16, 3 }, { "kmalloc-4k", 8, 3 },
		{ "kmalloc-8k", 4, 3 }, { "dma-kmalloc-96", 42, 0 },
		{ "kmalloc-rcl-1k", 16, 2 },
	};
	/* 1 CPU: 8 */
	static const struct expect one[] = {
		{ "kmalloc-192", 21, 0 }, { "kmalloc-256", 16, 0 },
		{ "kmalloc-512", 8, 0 }, { "kmalloc-1k", 8, 1 },
		{ "kmalloc-2k", 8, 2 }, { "kmalloc-4k", 8, 3 },
	};
	/* 16 CPUs: 24, the figures of real x86_64 servers */
	static const struct expect many[] = {
		{ "kmalloc-96", 42, 0 }, { "kmalloc-128", 32, 0 },
		{ "kmalloc-192", 42, 1 }, { "kmalloc-256", 32, 1 },
		{ "kmalloc-512", 32, 2 }, { "kmalloc-1k", 32, 3 },
		{ "kmalloc-2k", 16, 3 }, { "kmalloc-8k", 4, 3 },
		{ "kmem_cache_node", 64, 0 }, { "kmem_cache", 32, 1 },
	};
	struct machine *m;

	(void)state;
	m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 2, .nodes = 1,
		 .exec = "none");
	expect_caches(m, two, ARRAY_SIZE(two));
	assert_int_equal(cache(m, "kmem_cache")->size, 192);
	assert_int_equal(cache(m, "kmem_cache_node")->size, 32);
	machine_free(m);
	m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 1, .nodes = 1,
		 .exec = "none");
	expect_caches(m, one, ARRAY_SIZE(one));
	machine_free(m);
	m = boot(.arch = "x86_64", .mem = 1 * GiB, .cpus = 16, .nodes = 1,
		 .exec = "none");
	expect_caches(m, many, ARRAY_SIZE(many));
	machine_free(m);
}

static void
test_size_classes(void **state)
{
	static const struct {
		u64 size;
		const char *x86, *arm, *arm64;
	} t[] = {
		{ 1, "kmalloc-8", "kmalloc-64", "kmalloc-128" },
		{ 8, "kmalloc-8", "kmalloc-64", "kmalloc-128" },
		{ 9, "kmalloc-16", "kmalloc-64", "kmalloc-128" },
		{ 17, "kmalloc-32", "kmalloc-64", "kmalloc-128" },
		{ 64, "kmalloc-64", "kmalloc-64", "kmalloc-128" },
		{ 65, "kmalloc-96", "kmalloc-128", "kmalloc-128" },
		{ 96, "kmalloc-96", "kmalloc-128", "kmalloc-128" },
		{ 97, "kmalloc-128", "kmalloc-128", "kmalloc-128" },
		{ 129, "kmalloc-192", "kmalloc-192", "kmalloc-256" },
		{ 192, "kmalloc-192", "kmalloc-192", "kmalloc-256" },
		{ 193, "kmalloc-256", "kmalloc-256", "kmalloc-256" },
		{ 257, "kmalloc-512", "kmalloc-512", "kmalloc-512" },
		{ 1025, "kmalloc-2k", "kmalloc-2k", "kmalloc-2k" },
		{ 8192, "kmalloc-8k", "kmalloc-8k", "kmalloc-8k" },
	};
	struct machine *m[3];
	size_t i;
	int a;

	(void)state;
	m[0] = boot(.arch = "x86_64", .mem = 1 * GiB, .cpus = 2, .nodes = 1,
		    .exec = "none");
	m[1] = boot(.arch = "arm", .variant = "3.4", .mem = 256 * MiB,
		    .cpus = 2, .nodes = 1, .exec = "none");
	m[2] = boot(.arch = "arm64", .mem = 1 * GiB, .cpus = 2, .nodes = 1,
		    .exec = "none");
	for (i = 0; i < ARRAY_SIZE(t); i++)
		for (a = 0; a < 3; a++) {
			const char *want = a == 0 ? t[i].x86 : a == 1 ? t[i].arm :
				t[i].arm64;
			struct kmem_cache *s = kmalloc_slab(m[a], t[i].size,
							    GFP_KERNEL);

			if (s == NULL || strcmp(s->name, want))
				fail_msg("%s: kmalloc(%llu) from %s, not %s",
					 m[a]->arch->name,
					 (unsigned long long)t[i].size,
					 s ? s->name : "(none)", want);
			assert_int_equal(kmalloc_size_roundup(m[a], t[i].size),
					 s->object_size);
		}
	/* the arches' smallest classes exist or not */
	assert_non_null(kmem_cache_find(m[0], "kmalloc-8"));
	assert_null(kmem_cache_find(m[1], "kmalloc-32"));
	assert_null(kmem_cache_find(m[1], "kmalloc-96"));
	assert_null(kmem_cache_find(m[2], "kmalloc-64"));
	assert_null(kmem_cache_find(m[2], "kmalloc-192"));
	/* GFP_DMA and __GFP_RECLAIMABLE */
	assert_string_equal(kmalloc_slab(m[0], 100, GFP_DMA)->name,
			    "dma-kmalloc-128");
	assert_string_equal(kmalloc_slab(m[0], 100, GFP_KERNEL |
					 __GFP_RECLAIMABLE)->name,
			    "kmalloc-rcl-128");
	/* arm 3.4 on vexpress has no ZONE_DMA: GFP_DMA is a normal kmalloc */
	assert_string_equal(kmalloc_slab(m[1], 100, GFP_DMA)->name,
			    "kmalloc-128");
	/* arm 6.1 on virt: ZONE_DMA covers lowmem, so the dma- caches exist */
	{
		struct machine *m61 = boot(.arch = "arm", .mem = 256 * MiB,
					   .exec = "none");

		assert_string_equal(kmalloc_slab(m61, 100, GFP_DMA)->name,
				    "dma-kmalloc-128");
		machine_free(m61);
	}
	assert_null(kmalloc_slab(m[0], 8193, GFP_KERNEL));
	assert_int_equal(kmalloc_size_roundup(m[0], 8193), 16384);
	for (a = 0; a < 3; a++)
		machine_free(m[a]);
}

static void
test_alloc_free_reuse(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 2,
				 .nodes = 1, .exec = "none");
	struct kmem_cache *s = cache(m, "kmalloc-64");
	struct slab_obj_info info;
	u64 a, b, c;

	(void)state;
	a = must_kmalloc(m, 64, GFP_KERNEL);
	b = must_kmalloc(m, 50, GFP_KERNEL);
	assert_int_equal(b, a + 64);
	assert_int_equal(slab_lookup(m, b + 10, &info), 0);
	assert_ptr_equal(info.cache, s);
	assert_int_equal(info.index, 1);
	assert_int_equal(info.offset, 10);
	assert_true(info.allocated);
	assert_int_equal(info.where, SLAB_CPU);
	/* the free pointer of a free object sits in its middle, in RAM */
	assert_int_equal(s->offset, 32);
	must_kfree(m, a);
	assert_int_equal(rd(m, a + 32, 4), a + 128);
	assert_int_equal(slab_lookup(m, a, &info), 0);
	assert_false(info.allocated);
	assert_int_equal(info.freeptr, a + 128);
	/* LIFO: the object freed last comes first */
	c = must_kmalloc(m, 64, GFP_KERNEL);
	assert_int_equal(c, a);
	assert_int_equal(ksize(m, c, NULL), 64);
	must_kfree(m, b);
	must_kfree(m, c);
	check(m);
	machine_free(m);
}

static void
test_zeroing(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 1 * GiB, .cpus = 2,
				 .nodes = 1, .exec = "none");
	u8 pat[128], buf[128], zero[128];
	struct error e;
	u64 a;

	(void)state;
	memset(pat, 0x5a, sizeof(pat));
	memset(zero, 0, sizeof(zero));
	a = must_kmalloc(m, 128, GFP_KERNEL);
	wr(m, a, pat, sizeof(pat));
	must_kfree(m, a);
	/* kmalloc keeps the old bytes but the free pointer SLUB wrote */
	assert_int_equal(must_kmalloc(m, 128, GFP_KERNEL), a);
	machine_read_virt(m, machine_cpu(m), a, buf, sizeof(buf), &e);
	assert_memory_equal(buf, pat, 64);
	assert_memory_equal(buf + 72, pat, 56);
	assert_int_equal(rd(m, a + 64, 8), a + 128);
	must_kfree(m, a);
	/* kzalloc clears object_size bytes */
	assert_int_equal(kzalloc(m, 100, GFP_KERNEL, &e), a);
	machine_read_virt(m, machine_cpu(m), a, buf, sizeof(buf), &e);
	assert_memory_equal(buf, zero, sizeof(buf));
	must_kfree(m, a);
	/* the large path clears with the page allocator */
	a = kzalloc(m, 20000, GFP_KERNEL, &e);
	assert_int_not_equal(a, 0);
	assert_int_equal(rd(m, a + 19992, 8), 0);
	must_kfree(m, a);
	check(m);
	machine_free(m);
}

static void
test_partial_empty(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 2,
				 .nodes = 1, .exec = "none");
	struct kmem_cache *s;
	struct kmem_cache_node *n;
	struct error e;
	u64 obj[20], extra;
	int i;

	(void)state;
	s = kmem_cache_create(m, "t", 4000, 0, 0, &e);
	assert_non_null(s);
	assert_int_equal(oo_objects(s->oo), 8);
	assert_int_equal(oo_order(s->oo), 3);
	n = s->node[0];
	for (i = 0; i < 8; i++)
		obj[i] = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	assert_int_equal(n->nr_slabs, 1);
	/* the ninth: the full CPU slab leaves, a new one comes */
	extra = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	assert_int_equal(n->nr_slabs, 2);
	assert_int_equal(n->nr_full, 1);
	assert_int_equal(kmem_cache_free(m, s, obj[0], &e), 0);
	assert_int_equal(n->nr_full, 0);
	assert_int_equal(n->nr_partial, 1);
	for (i = 1; i < 8; i++)
		assert_int_equal(kmem_cache_free(m, s, obj[i], &e), 0);
	/* empty, kept: fewer than min_partial on the list */
	assert_int_equal(n->nr_partial, 1);
	assert_int_equal(n->nr_slabs, 2);
	assert_int_equal(kmem_cache_destroy(m, s, &e), -EBUSY);
	assert_int_equal(kmem_cache_free(m, s, extra, &e), 0);
	kmem_cache_shrink(m, s);
	assert_int_equal(n->nr_slabs, 0);
	check(m);
	assert_int_equal(kmem_cache_destroy(m, s, &e), 0);
	assert_null(kmem_cache_find(m, "t"));
	/* one object per slab: empties are freed from min_partial on */
	s = kmem_cache_create(m, "big", 40000, 0, 0, &e);
	assert_int_equal(s->min_partial, 7);
	for (i = 0; i < 10; i++)
		obj[i] = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	for (i = 0; i < 10; i++)
		kmem_cache_free(m, s, obj[i], &e);
	assert_int_equal(s->node[0]->nr_partial, 7);
	assert_int_equal(s->node[0]->nr_slabs, 8);	/* + the CPU slab */
	check(m);
	kmem_cache_destroy(m, s, &e);
	check(m);
	machine_free(m);
}

static void
test_large(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 2,
				 .nodes = 1, .exec = "none");
	struct slab_obj_info info;
	struct page *p;
	struct error e;
	u64 a;

	(void)state;
	a = must_kmalloc(m, 8193, GFP_KERNEL);
	p = virt_to_page(m, a, &e);
	assert_true(PageHead(p));
	assert_int_equal(compound_order(p), 2);
	assert_ptr_equal(p->owner, &kmalloc_large_owner);
	assert_int_equal(ksize(m, a, &e), 16384);
	assert_int_equal(slab_lookup(m, a + 5000, &info), 0);
	assert_null(info.cache);
	assert_int_equal(info.offset, 5000);
	assert_int_equal(kfree(m, a + 4096, &e), -EINVAL);
	must_kfree(m, a);
	assert_int_equal(kmalloc(m, KMALLOC_MAX_SIZE + 1ULL, GFP_KERNEL, &e), 0);
	assert_int_equal(kmalloc(m, 0, GFP_KERNEL, &e), 0);
	assert_int_equal(kfree(m, ZERO_SIZE_PTR, &e), 0);
	check(m);
	machine_free(m);
}

static void
test_bad_free(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB, .cpus = 2,
				 .nodes = 1, .exec = "none");
	struct kmem_cache *s;
	struct error e;
	u64 a, b, page;

	(void)state;
	s = kmem_cache_create(m, "foo", 24, 0, 0, &e);
	a = must_kmalloc(m, 100, GFP_KERNEL);
	b = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	page = __get_free_pages(m, GFP_KERNEL, 0, &e);
	assert_int_equal(kfree(m, a + 4, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "4 bytes into object 0 of kmalloc-128"));
	assert_int_equal(kmem_cache_free(m, s, a, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "belongs to kmalloc-128"));
	assert_int_equal(kfree(m, page, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "free it with free_pages"));
	assert_int_equal(kfree(m, s->va, &e), -EINVAL);
	must_kfree(m, a);
	assert_int_equal(kfree(m, a, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "double free"));
	assert_null(kmem_cache_create(m, "foo", 8, 0, 0, &e));
	assert_null(kmem_cache_create(m, "z", 0, 0, 0, &e));
	assert_null(kmem_cache_create(m, "z", 8, 24, 0, &e));
	assert_int_equal(kmem_cache_destroy(m, s, &e), -EBUSY);
	assert_int_equal(kmem_cache_destroy(m, cache(m, "kmalloc-8"), &e),
			 -EPERM);
	check(m);
	assert_int_equal(kmem_cache_free(m, s, b, &e), 0);
	assert_int_equal(kmem_cache_destroy(m, s, &e), 0);
	free_pages(m, page, 0, &e);
	check(m);
	machine_free(m);
}

/*
 * Property: random kmalloc/kfree/kmem_cache_* sequences.  Every live
 * object carries a stamp (its address) at both ends: an overlap or a
 * free-list write into a live object breaks one.  Counts per cache match
 * the objects the test holds; slab bytes match the node statistics;
 * freeing everything and shrinking gives back boot's buddyinfo and
 * slabinfo.
 */
struct live {
	u64 va, size;
	struct kmem_cache *s;	/* NULL: kmalloc */
};

struct snap {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long slab[64][4];
	int ncaches;
};

static void
snapshot(struct machine *m, struct snap *sn)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct slab_state *ss = slab_of(m);
	struct list_head *l;
	int t, o, i = 0;

	memset(sn, 0, sizeof(*sn));
	for (t = 0; t < MAX_NR_ZONES; t++)
		for (o = 0; o < MAX_ORDER; o++)
			sn->nr_free[t][o] =
				pgalloc->node_data[0]->node_zones[t].free_area[o].nr_free;
	list_for_each(l, &ss->slab_caches) {
		struct slabinfo si;

		get_slabinfo(m, list_entry(l, struct kmem_cache, list), &si);
		if (i < 64) {
			sn->slab[i][0] = si.active_objs;
			sn->slab[i][1] = si.num_objs;
			sn->slab[i][2] = si.num_slabs;
			sn->slab[i][3] = si.objsize;
		}
		i++;
	}
	sn->ncaches = i;
}

static void
stamp(struct machine *m, const struct live *o)
{
	u64 v = o->va;

	wr(m, o->va, &v, 8);
	wr(m, o->va + o->size - 8, &v, 8);
}

static void
verify(struct machine *m, const struct live *o)
{
	if (rd(m, o->va, 8) != o->va || rd(m, o->va + o->size - 8, 8) != o->va)
		fail_msg("object 0x%llx (%llu bytes) was overwritten",
			 (unsigned long long)o->va,
			 (unsigned long long)o->size);
}

static unsigned long
slab_bytes(struct machine *m)
{
	struct slab_state *ss = slab_of(m);
	struct list_head *l;
	unsigned long b = ss->large_pages * PAGE_SIZE;

	list_for_each(l, &ss->slab_caches) {
		const struct kmem_cache *s = list_entry(l, struct kmem_cache,
							list);

		b += s->node[0]->nr_slabs * (PAGE_SIZE << oo_order(s->oo));
	}
	return b;
}

static void
property(const char *arch, u64 mem)
{
	static const gfp_t gfps[] = {
		GFP_KERNEL, GFP_KERNEL, GFP_ATOMIC, GFP_DMA,
		GFP_KERNEL | __GFP_RECLAIMABLE, GFP_KERNEL | __GFP_ZERO,
	};
	struct machine *m = boot(.arch = arch, .mem = mem, .cpus = 2,
				 .nodes = 1, .exec = "none");
	struct live *live = calloc(6000, sizeof(*live));
	struct kmem_cache *mine[8] = { NULL };
	struct snap at_boot, now;
	unsigned seed = 4242;
	int nlive = 0, op, i;
	struct error e;

	kmem_cache_shrink(m, NULL);
	snapshot(m, &at_boot);
	for (op = 0; op < 30000; op++) {
		unsigned r;

		seed = seed * 1103515245u + 12345u;
		r = (seed >> 16) % 100;
		if (r < 3) {
			/* create or destroy a cache of our own */
			int k = (int)((seed >> 4) % 8);
			char name[16];

			if (mine[k] == NULL) {
				snprintf(name, sizeof(name), "c%d", k);
				mine[k] = kmem_cache_create(m, name,
							    16 + (seed >> 8) %
							    3000, 0,
							    (seed & 1) ?
							    SLAB_HWCACHE_ALIGN :
							    0, &e);
				assert_non_null(mine[k]);
			} else {
				int used = 0;

				for (i = 0; i < nlive; i++)
					used += live[i].s == mine[k];
				assert_int_equal(kmem_cache_destroy(m, mine[k],
								    &e),
						 used ? -EBUSY : 0);
				if (!used)
					mine[k] = NULL;
			}
		} else if (r < 55 && nlive < 6000) {
			struct live o = { 0, 0, NULL };
			int k = (int)((seed >> 3) % 8);

			if (r < 15 && mine[k] != NULL) {
				o.s = mine[k];
				o.va = kmem_cache_alloc(m, o.s, GFP_KERNEL, &e);
				o.size = o.s->object_size;
			} else {
				u64 size = 1 + (seed >> 5) % ((seed & 7) ? 512 :
							      20000);
				gfp_t g = gfps[(seed >> 9) % ARRAY_SIZE(gfps)];

				o.va = kmalloc(m, size, g, &e);
				o.size = size;
			}
			if (o.va == 0)
				fail_msg("op %d: %s", op, e.msg);
			if (o.size >= 16)
				stamp(m, &o);
			live[nlive++] = o;
		} else if (nlive > 0) {
			i = (int)((seed >> 3) % (unsigned)nlive);
			if (live[i].size >= 16)
				verify(m, &live[i]);
			if (live[i].s != NULL && (seed & 2))
				assert_int_equal(kmem_cache_free(m, live[i].s,
								 live[i].va,
								 &e), 0);
			else
				must_kfree(m, live[i].va);
			live[i] = live[--nlive];
		}
		if (op % 5000 == 4999) {
			long stat;

			check(m);
			for (i = 0; i < nlive; i++)
				if (live[i].size >= 16)
					verify(m, &live[i]);
			stat = global_node_page_state(m, NR_SLAB_RECLAIMABLE_B) +
				global_node_page_state(m,
						       NR_SLAB_UNRECLAIMABLE_B);
			assert_int_equal(stat, slab_bytes(m));
		}
	}
	/* no two live objects overlap */
	for (i = 0; i < nlive; i++) {
		struct slab_obj_info a;
		int j;

		assert_int_equal(slab_lookup(m, live[i].va, &a), 0);
		assert_true(a.allocated);
		for (j = i + 1; j < nlive; j++)
			if (live[i].va < live[j].va + live[j].size &&
			    live[j].va < live[i].va + live[i].size)
				fail_msg("0x%llx and 0x%llx overlap",
					 (unsigned long long)live[i].va,
					 (unsigned long long)live[j].va);
	}
	while (nlive > 0)
		must_kfree(m, live[--nlive].va);
	for (i = 0; i < 8; i++)
		if (mine[i] != NULL)
			assert_int_equal(kmem_cache_destroy(m, mine[i], &e), 0);
	kmem_cache_shrink(m, NULL);
	check(m);
	snapshot(m, &now);
	assert_int_equal(now.ncaches, at_boot.ncaches);
	assert_memory_equal(&now, &at_boot, sizeof(now));
	free(live);
	machine_free(m);
}

static void
test_property_i386(void **state)
{
	(void)state;
	property("i386", 1 * GiB);
}

static void
test_property_arm(void **state)
{
	(void)state;
	property("arm", 512 * MiB);
}

static void
test_property_x86_64(void **state)
{
	(void)state;
	property("x86_64", 2 * GiB);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orders),
		cmocka_unit_test(test_size_classes),
		cmocka_unit_test(test_alloc_free_reuse),
		cmocka_unit_test(test_zeroing),
		cmocka_unit_test(test_partial_empty),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_bad_free),
		cmocka_unit_test(test_property_i386),
		cmocka_unit_test(test_property_arm),
		cmocka_unit_test(test_property_x86_64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
