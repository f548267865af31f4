// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * One SLUB cache of an image's kernel in detail (mm/slub.c): its struct
 * kmem_cache, each node's kmem_cache_node, the slab of each CPU's
 * kmem_cache_cpu (s->cpu_slab + __per_cpu_offset[cpu]) with the CPU's
 * lockless freelist, and the slabs of the nodes' partial lists with their
 * own freelists.  A free object holds the next one's address at
 * s->offset, stored (CONFIG_SLAB_FREELIST_HARDENED, when kmem_cache has
 * its random) as ptr ^ s->random ^ swab(&ptr): freelist_ptr_decode().
 * Every layout from the kernel's types (BTF).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"
#include "ptwalk/ktypes.h"

#define PARTIAL_MAX	(1u << 16)

int
kslab_next_free(struct machine *m, u64 cache, u64 obj, u64 *next,
		struct error *e)
{
	u64 off, at, v, random;
	struct error e2;

	if (kread_field(m, cache, "kmem_cache.offset", &off, e))
		return -1;
	at = obj + off;
	if (kread_ulong(m, at, &v, e))
		return -1;
	if (!kread_field(m, cache, "kmem_cache.random", &random, &e2))
		v ^= random ^ (m->arch->is64 ? __builtin_bswap64(at) :
			       __builtin_bswap32((u32)at));
	*next = v;
	return 0;
}

/* Follow a free list from head: count it, keep the first entries. */
static void
follow(struct machine *m, const struct kslab_detail *d, u64 head,
       struct kslab_one *o)
{
	u64 p = head;
	struct error e;

	while (p != 0) {
		if (o->nfree < KSLAB_FL_SHOWN)
			o->fl[o->nfree] = p;
		o->nfree++;
		if (o->nfree > o->objects ||
		    kslab_next_free(m, d->va, p, &p, &e)) {
			o->fl_broken = true;
			return;
		}
	}
}

static void
add_slab(struct machine *m, struct kslab_detail *d, const char *what,
	 u64 slab, u64 cpu_freelist, bool cpu)
{
	struct kslab_one *o;
	struct error e;
	u64 fl = 0;

	if ((d->nslab & (d->nslab - 1)) == 0)
		d->slab = xrealloc(d->slab, (d->nslab ? 2 * d->nslab : 1) *
				   sizeof(*d->slab));
	o = &d->slab[d->nslab++];
	memset(o, 0, sizeof(*o));
	snprintf(o->what, sizeof(o->what), "%s", what);
	o->slab = slab;
	if (kread_field(m, slab, "slab.inuse", &o->inuse, &e) ||
	    kread_field(m, slab, "slab.objects", &o->objects, &e) ||
	    kread_field(m, slab, "slab.freelist", &fl, &e)) {
		knote(&d->notes, "%s slab 0x%llx: %s", what,
		      (unsigned long long)slab, e.msg);
		return;
	}
	if (cpu)
		follow(m, d, cpu_freelist, o);
	follow(m, d, fl, o);
	if (o->fl_broken)
		knote(&d->notes, "%s slab 0x%llx: its free list leaves the "
		      "slab; counted to there", what, (unsigned long long)slab);
}

static void
cpu_slabs(struct machine *m, struct kslab_detail *d)
{
	u64 pcpu, offs, off, kcc, slab, fl;
	struct error e;
	char what[16];
	int cpu;

	if (kread_field(m, d->va, "kmem_cache.cpu_slab", &pcpu, &e)) {
		knote(&d->notes, "the CPU slabs: %s", e.msg);
		return;
	}
	if (!kinfo_symbol(m, "__per_cpu_offset", &offs)) {
		knote(&d->notes, "the CPU slabs are not shown: "
		      "__per_cpu_offset is not in the symbol table");
		return;
	}
	for (cpu = 0; cpu < m->ncpus; cpu++) {
		if (kread_ulong(m, offs + (u64)cpu * (m->arch->is64 ? 8 : 4),
				&off, &e)) {
			knote(&d->notes, "__per_cpu_offset[%d]: %s", cpu, e.msg);
			return;
		}
		kcc = pcpu + off;
		if (kread_field(m, kcc, "kmem_cache_cpu.slab", &slab, &e) ||
		    kread_field(m, kcc, "kmem_cache_cpu.freelist", &fl, &e)) {
			knote(&d->notes, "cpu%d's kmem_cache_cpu: %s", cpu,
			      e.msg);
			continue;
		}
		if (slab == 0)
			continue;
		snprintf(what, sizeof(what), "cpu%d", cpu);
		add_slab(m, d, what, slab, fl, true);
	}
}

static void
partial_slabs(struct machine *m, struct kslab_detail *d, u64 node)
{
	u64 head, p, lst, n;
	struct error e;

	if (ktype_offset(m, "kmem_cache_node.partial", &head, &e) ||
	    ktype_offset(m, "slab.slab_list", &lst, &e)) {
		knote(&d->notes, "the partial slabs: %s", e.msg);
		return;
	}
	head += node;
	if (kread_ulong(m, head, &p, &e)) {
		knote(&d->notes, "the partial list: %s", e.msg);
		return;
	}
	for (n = 0; p != head; n++) {
		if (n == PARTIAL_MAX) {
			knote(&d->notes, "the partial list does not end: "
			      "stopped after %u slabs", PARTIAL_MAX);
			return;
		}
		add_slab(m, d, "partial", p - lst, 0, false);
		if (kread_ulong(m, p, &p, &e)) {
			knote(&d->notes, "the partial list: %s", e.msg);
			return;
		}
	}
}

static int
read_fields(struct machine *m, struct kslab_detail *d, struct error *e)
{
	static const struct { const char *f; size_t off; } f[] = {
#define F(x) { "kmem_cache." #x, offsetof(struct kslab_detail, x) }
#define G(x) { "kmem_cache." #x ".x", offsetof(struct kslab_detail, x) }
		F(object_size), F(size), F(align), F(inuse), F(offset),
		G(oo), G(min), F(min_partial), F(flags), F(allocflags),
#undef F
#undef G
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(f); i++)
		if (kread_field(m, d->va, f[i].f, (u64 *)((char *)d + f[i].off),
				e))
			return -1;
	return 0;
}

int
kslab_detail_read(struct machine *m, const char *name,
		  struct kslab_detail *d, struct error *e)
{
	struct kslab_caches cs;
	u64 node, mask, nodes_off;
	struct error e2;
	size_t i;
	int nid;

	memset(d, 0, sizeof(*d));
	if (kslab_caches_read(m, &cs, e))
		return -1;
	for (i = 0; i < cs.n && strcmp(cs.c[i].name, name); i++)
		;
	if (i == cs.n) {
		kslab_caches_release(&cs);
		return error_set(e, -ENOENT, "no cache named '%s' (see "
				 "slabinfo)", name);
	}
	snprintf(d->name, sizeof(d->name), "%s", name);
	d->va = cs.c[i].va;
	kslab_caches_release(&cs);
	if (read_fields(m, d, e) ||
	    ktype_offset(m, "kmem_cache.node", &nodes_off, e))
		return -1;
	d->nnodes = 1;
	if (kinfo_symbol(m, "node_online_map", &mask) &&
	    !kread_ulong(m, mask, &mask, &e2) && mask != 0)
		d->nnodes = MIN(64 - __builtin_clzll(mask), KSLAB_NODES);
	cpu_slabs(m, d);
	for (nid = 0; nid < d->nnodes; nid++) {
		if (kread_ulong(m, d->va + nodes_off +
				(u64)nid * (m->arch->is64 ? 8 : 4), &node, e))
			return -1;
		d->node[nid].va = node;
		if (node == 0)
			continue;
		if (kread_field(m, node, "kmem_cache_node.nr_slabs.counter",
				&d->node[nid].nr_slabs, e) ||
		    kread_field(m, node, "kmem_cache_node.total_objects.counter",
				&d->node[nid].total_objects, e) ||
		    kread_field(m, node, "kmem_cache_node.nr_partial",
				&d->node[nid].nr_partial, e))
			return -1;
		partial_slabs(m, d, node);
	}
	return 0;
}

void
kslab_detail_release(struct kslab_detail *d)
{
	free(d->slab);
	knotes_release(&d->notes);
	memset(d, 0, sizeof(*d));
}
