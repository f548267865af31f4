// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * SLUB's caches in an image's kernel, as /proc/slabinfo counts them
 * (mm/slub.c get_slabinfo(), count_partial()): slab_caches through
 * kmem_cache.list; of each cache, every online node's kmem_cache_node:
 * nr_slabs and total_objects, and the free objects (objects - inuse) of
 * the slabs on its partial list.  Every layout from the kernel's types
 * (BTF): VMCOREINFO describes none of these structs.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define CACHES_MAX	(1u << 16)
#define PARTIAL_MAX	(1u << 20)

struct slab_layout {
	u64 head, c_list, c_name, c_size, c_oo, c_node;
	u64 n_partial, n_nr_slabs, n_total, s_list;
	int nnodes;
};

/* The cache of the slab object at va, or 0 */
u64
kslab_cache_of(struct machine *m, u64 va)
{
	struct kpage p;
	struct error e;
	u64 pa;

	if (kva_pa(m, va, &pa, &e) || kpage_read(m, pa >> PAGE_SHIFT, &p, &e))
		return 0;
	if (p.state == KP_TAIL && kpage_read(m, p.block_pfn, &p, &e))
		return 0;
	return p.state == KP_SLAB ? p.slab_cache_va : 0;
}

/*
 * Without the symbol: the ring of kmem_cache.list through a cache known
 * from a slab object (the first task's task_struct, whose slab names its
 * cache); every other node of the ring is in a kmem_cache object, a slab
 * object of the cache kmem_cache, and the one that is not is slab_caches.
 */
int
kslab_caches_find(struct machine *m, u64 *head, struct error *e)
{
	struct kmem km, *k = &km;
	u64 c_list;
	struct ktask *t;
	struct strbuf warn;
	u64 cache = 0, kc, p, n;
	int nt, i;

	if (kmem_init(k, m, e) ||
	    ktype_offset(m, "kmem_cache.list", &c_list, e))
		return -1;
	sb_init(&warn);
	if (ktasks_read(m, &t, &nt, &warn, e) == 0) {
		for (i = 0; i < nt && cache == 0; i++)
			cache = kslab_cache_of(m, t[i].addr);
		free(t);
	}
	sb_release(&warn);
	if (cache == 0 || (kc = kslab_cache_of(m, cache)) == 0)
		return error_set(e, -ENOENT, "slab_caches is in neither "
				 "VMCOREINFO nor the symbol table, and no "
				 "task_struct leads to a cache");
	p = cache + c_list;
	for (n = 0; n < CACHES_MAX; n++) {
		if (kmem_read_ulong(k, p, &p, e))
			return -1;
		if (kslab_cache_of(m, p - c_list) != kc) {
			*head = p;
			return 0;
		}
	}
	return error_set(e, -ENOENT, "slab_caches: the ring of "
			 "kmem_cache.list has no head");
}

static int
slab_layout(struct machine *m, struct kmem *k, struct slab_layout *L,
	    struct error *e)
{
	static const struct { const char *s, *m; size_t off; } need[] = {
		{ "kmem_cache", "list", offsetof(struct slab_layout, c_list) },
		{ "kmem_cache", "name", offsetof(struct slab_layout, c_name) },
		{ "kmem_cache", "size", offsetof(struct slab_layout, c_size) },
		{ "kmem_cache", "oo", offsetof(struct slab_layout, c_oo) },
		{ "kmem_cache", "node", offsetof(struct slab_layout, c_node) },
		{ "kmem_cache_node", "partial",
		  offsetof(struct slab_layout, n_partial) },
		{ "kmem_cache_node", "nr_slabs",
		  offsetof(struct slab_layout, n_nr_slabs) },
		{ "kmem_cache_node", "total_objects",
		  offsetof(struct slab_layout, n_total) },
		{ "slab", "slab_list", offsetof(struct slab_layout, s_list) },
	};
	size_t i;
	u64 mask;
	struct error e2;

	memset(L, 0, sizeof(*L));
	for (i = 0; i < ARRAY_SIZE(need); i++)
		if (!kinfo_offset(m, need[i].s, need[i].m,
				  (u64 *)((char *)L + need[i].off)))
			return error_set(e, -ENOENT, "%s.%s: the dump has no "
					 "kernel types for it (no BTF)",
					 need[i].s, need[i].m);
	if (!kinfo_symbol(m, "slab_caches", &L->head) &&
	    kslab_caches_find(m, &L->head, e))
		return -1;
	/* the online nodes: as many as node_online_map's highest bit */
	L->nnodes = 1;
	if (kinfo_symbol(m, "node_online_map", &mask) &&
	    !kmem_read_ulong(k, mask, &mask, &e2) && mask != 0)
		L->nnodes = 64 - __builtin_clzll(mask);
	return 0;
}

/* count_partial(n, count_free): bounded, a loop found by Brent's method */
static int
count_free(struct machine *m, struct kmem *k, const struct slab_layout *L,
	   u64 node, u64 *nfree, struct knotes *kn, const char *name)
{
	u64 head = node + L->n_partial, p, mark = head, lam = 0, power = 1;
	u64 n, objects, inuse;
	struct error e;

	*nfree = 0;
	if (kmem_read_ulong(k, head, &p, &e))
		goto fail;
	for (n = 0; p != head; n++) {
		u64 slab = p - L->s_list;

		if (p == mark || n == PARTIAL_MAX) {
			knote(kn, "%s: its partial list loops; counted to "
			      "there", name);
			return 0;
		}
		if (++lam == power) {
			mark = p;
			power *= 2;
			lam = 0;
		}
		if (kread_field(m, slab, "slab.objects", &objects, &e) ||
		    kread_field(m, slab, "slab.inuse", &inuse, &e) ||
		    kmem_read_ulong(k, p, &p, &e))
			goto fail;
		if (objects >= inuse)
			*nfree += objects - inuse;
	}
	return 0;
fail:
	knote(kn, "%s: its partial list: %s", name, e.msg);
	return 0;
}

static int
read_cache(struct machine *m, struct kmem *k, const struct slab_layout *L,
	   u64 s, struct kslab_cache *c, struct knotes *kn, struct error *e)
{
	u64 name, v, node, nfree, total = 0, slabs = 0, free = 0;
	int i;

	memset(c, 0, sizeof(*c));
	c->va = s;
	if (kmem_read_ulong(k, s + L->c_name, &name, e) ||
	    kmem_read_uint(k, s + L->c_size, 4, &v, e))
		return -1;
	c->objsize = (unsigned)v;
	if (kmem_read(k, name, c->name, sizeof(c->name) - 1, e))
		snprintf(c->name, sizeof(c->name), "0x%llx",
			 (unsigned long long)name);
	c->name[sizeof(c->name) - 1] = 0;
	/* kmem_cache_order_objects: order << 16 | objects */
	if (kmem_read_uint(k, s + L->c_oo, 4, &v, e))
		return -1;
	c->objperslab = (unsigned)(v & 0xffff);
	c->pagesperslab = 1u << MIN(v >> 16, 31);
	for (i = 0; i < L->nnodes; i++) {
		if (kmem_read_ulong(k, s + L->c_node + (u64)i * k->long_size,
				    &node, e))
			return -1;
		if (node == 0)
			continue;
		if (kmem_read_ulong(k, node + L->n_nr_slabs, &v, e))
			return -1;
		slabs += v;
		if (kmem_read_ulong(k, node + L->n_total, &v, e))
			return -1;
		total += v;
		count_free(m, k, L, node, &nfree, kn, c->name);
		free += nfree;
	}
	c->num_objs = total;
	c->active_objs = total >= free ? total - free : 0;
	c->num_slabs = c->active_slabs = slabs;
	return 0;
}

int
kslab_caches_read(struct machine *m, struct kslab_caches *cs,
		  struct error *e)
{
	struct slab_layout L;
	struct kmem k;
	u64 p, n = 0, mark, lam = 0, power = 1;

	memset(cs, 0, sizeof(*cs));
	if (kmem_init(&k, m, e) || slab_layout(m, &k, &L, e))
		return -1;
	if (kmem_read_ulong(&k, L.head, &p, e))
		return -1;
	for (mark = L.head; p != L.head; n++) {
		struct error e2;

		if (p == mark || n == CACHES_MAX) {
			knote(&cs->notes, "slab_caches loops; stopped after "
			      "%llu caches", (unsigned long long)n);
			break;
		}
		if (++lam == power) {
			mark = p;
			power *= 2;
			lam = 0;
		}
		if ((cs->n & (cs->n - 1)) == 0)
			cs->c = xrealloc(cs->c, (cs->n ? 2 * cs->n : 1) *
					 sizeof(*cs->c));
		if (read_cache(m, &k, &L, p - L.c_list, &cs->c[cs->n],
			       &cs->notes, &e2) ||
		    kmem_read_ulong(&k, p, &p, &e2)) {
			knote(&cs->notes, "slab_caches: %s; the caches after "
			      "it are not shown", e2.msg);
			break;
		}
		cs->n++;
	}
	return 0;
}

void
kslab_caches_release(struct kslab_caches *cs)
{
	free(cs->c);
	knotes_release(&cs->notes);
	memset(cs, 0, sizeof(*cs));
}
