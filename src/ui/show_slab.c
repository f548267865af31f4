// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting the slab allocator: an allocated object (cache, index, slab,
 * region, physical address, what changed), a freed one, and the events
 * behind them.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

const struct cmd_opt slab_alloc_opts[] = {
	{ "--walk", NULL, NULL, "also walk the page tables for the result" },
	{ NULL, NULL, NULL, NULL }
};

static const char *const event_names[] = {
	[SEV_NEW_SLAB] = "new_slab",
	[SEV_ORDER_FALLBACK] = "order_fallback",
	[SEV_FROM_PARTIAL] = "from_partial",
	[SEV_CPU_FULL] = "cpu_slab_full",
	[SEV_DEACTIVATE] = "deactivate",
	[SEV_TO_PARTIAL] = "to_partial",
	[SEV_EMPTY_KEPT] = "empty_kept",
	[SEV_DISCARD] = "discard_slab",
	[SEV_LARGE] = "kmalloc_large",
	[SEV_LARGE_FREE] = "free_large_kmalloc",
	[SEV_GFP_FIXED] = "gfp_fixed",
};

static void
show_event(struct ctx *ctx, const struct slab_event *ev)
{
	struct machine *m = ctx->m;
	const char *name = ev->cache;
	unsigned nobj = ev->objects;
	char sz[32];

	fmt_size(sz, sizeof(sz), PAGE_SIZE << ev->order);
	switch (ev->kind) {
	case SEV_NEW_SLAB:
		out_printf(ctx, "  new slab: alloc_pages(%s, %u) from the buddy "
			   "allocator gave pfn %s (%s, node %d) for %s of %s; "
			   "it becomes CPU %d's slab\n", fgfp(ev->gfp),
			   ev->order, fpfn(m, ev->pfn), sz, ev->node,
			   plural(nobj, "object", NULL), name, ev->cpu);
		break;
	case SEV_ORDER_FALLBACK:
		out_printf(ctx, "  the higher order failed: the slab falls back "
			   "to the minimum order %u\n", ev->order);
		break;
	case SEV_FROM_PARTIAL:
		out_printf(ctx, "  CPU %d takes the slab at pfn %s off node %d's "
			   "partial list of %s (%lu partial left)\n", ev->cpu,
			   fpfn(m, ev->pfn), ev->node, name, ev->nr_partial);
		break;
	case SEV_CPU_FULL:
		out_printf(ctx, "  CPU %d's slab of %s (pfn %s) has no free "
			   "object left: it leaves the CPU, full (SLUB keeps no "
			   "list of full slabs)\n", ev->cpu, name,
			   fpfn(m, ev->pfn));
		break;
	case SEV_DEACTIVATE:
		out_printf(ctx, "  deactivate_slab: the CPU slab of %s at pfn %s "
			   "goes back to node %d's lists\n", name,
			   fpfn(m, ev->pfn), ev->node);
		break;
	case SEV_TO_PARTIAL:
		out_printf(ctx, "  the slab at pfn %s was full: now on node %d's "
			   "partial list (%lu partial)\n", fpfn(m, ev->pfn),
			   ev->node, ev->nr_partial);
		break;
	case SEV_EMPTY_KEPT:
		out_printf(ctx, "  the slab at pfn %s is empty: it stays on the "
			   "partial list (the node had %s, fewer than "
			   "min_partial %lu)\n", fpfn(m, ev->pfn),
			   plural(ev->nr_partial, "partial slab", NULL),
			   ev->min_partial);
		break;
	case SEV_DISCARD:
		out_printf(ctx, "  discard_slab: the empty slab of %s at pfn %s "
			   "goes back to the buddy allocator (order %u, %s; "
			   "node %d keeps %lu partial, min_partial %lu)\n",
			   name, fpfn(m, ev->pfn), ev->order, sz, ev->node,
			   ev->nr_partial, ev->min_partial);
		break;
	case SEV_LARGE:
		out_printf(ctx, "  above KMALLOC_MAX_CACHE_SIZE (%s): "
			   "kmalloc_large takes an order-%u compound block "
			   "(%s) at pfn %s from the page allocator, no cache\n",
			   fsize(KMALLOC_MAX_CACHE_SIZE), ev->order, sz,
			   fpfn(m, ev->pfn));
		break;
	case SEV_LARGE_FREE:
		out_printf(ctx, "  free_large_kmalloc: the order-%u block (%s) "
			   "at pfn %s goes back to the page allocator\n",
			   ev->order, sz, fpfn(m, ev->pfn));
		break;
	case SEV_GFP_FIXED:
		out_printf(ctx, "  kmalloc_fix_flags: unexpected gfp %s dropped "
			   "(slab memory is lowmem; the kernel warns "
			   "\"Unexpected gfp\")\n", fgfp(ev->gfp));
		break;
	}
}

void
show_slab_events(struct ctx *ctx)
{
	struct slab_state *ss = slab_of(ctx->m);
	int i;

	if (ss->nev == 0)
		return;
	for (i = 0; i < ss->nev; i++)
		show_event(ctx, &ss->ev[i]);
	j_arr(ctx, "events");
	for (i = 0; i < ss->nev; i++) {
		const struct slab_event *ev = &ss->ev[i];

		j_obj(ctx, NULL);
		j_str(ctx, "event", event_names[ev->kind]);
		if (ev->cache[0])
			j_str(ctx, "cache", ev->cache);
		if (ev->kind != SEV_GFP_FIXED) {
			j_hex(ctx, "pfn", ev->pfn);
			j_int(ctx, "order", ev->order);
			j_int(ctx, "node", ev->node);
		}
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}

/* A full slab is on no list (Linux keeps none of full slabs). */
static const char *
on_no_list(const struct slab_obj_info *info)
{
	return info->where == SLAB_FULL ? ", on no list" : "";
}

static void
show_region(struct ctx *ctx, u64 va, u64 pa)
{
	struct machine *m = ctx->m;
	const struct region *r = machine_region(m, va);

	out_printf(ctx, "  pa      %s", fpa(m, pa));
	if (r != NULL)
		out_printf(ctx, " (%s: %s)", r->name,
			   r->conv ? r->conv : r->what);
	out_printf(ctx, "\n");
	j_hex(ctx, "pa", pa);
	j_str(ctx, "region", r ? r->name : "none");
}

static void
show_walk_of(struct ctx *ctx, u64 va)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct walk w;

	machine_walk(m, c, va, &w);
	j_obj(ctx, "walk");
	show_walk(ctx, c, &w, false);
	j_obj_end(ctx);
}

int
show_slab_alloc(struct ctx *ctx, const char *call, u64 va, u64 req)
{
	struct machine *m = ctx->m;
	struct slab_obj_info info;
	u64 pa;
	char w[48], sz[32];

	out_printf(ctx, "%s = %s\n", call, fva(m, va));
	j_hex(ctx, "va", va);
	if (slab_lookup(m, va, &info) != 0)
		return cmd_error(ctx, "%s: the result is not a slab object",
				 call);
	pa = (info.pfn << PAGE_SHIFT) + (va - info.slab_va);
	if (info.cache == NULL) {
		fmt_size(sz, sizeof(sz), info.size);
		out_printf(ctx, "  block   order %u: pfn %s-%s (%s, compound "
			   "pages), ksize %s\n", info.order, fpfn(m, info.pfn),
			   fpfn(m, info.pfn + (1ULL << info.order) - 1), sz,
			   sz);
		j_null(ctx, "cache");
		j_u64(ctx, "ksize", info.size);
	} else {
		const struct kmem_cache *s = info.cache;

		out_printf(ctx, "  cache   %s: object %ld of %u in its slab, "
			   "%u bytes apart", s->name, info.index, info.objects,
			   s->size);
		if (req && req < s->object_size)
			out_printf(ctx, " (%llu asked, %llu unused)",
				   (unsigned long long)req,
				   (unsigned long long)(s->object_size - req));
		out_printf(ctx, "\n");
		out_printf(ctx, "  slab    pfn %s (order %u) at %s, %s%s, "
			   "%u/%u in use; next free %s\n", fpfn(m, info.pfn),
			   info.order, fva(m, info.slab_va),
			   slab_where_text(&info, w, sizeof(w)),
			   on_no_list(&info), info.inuse,
			   info.objects, info.page->index ?
			   fva(m, info.page->index) : "NULL");
		j_str(ctx, "cache", s->name);
		j_int(ctx, "index", info.index);
		j_int(ctx, "objects", info.objects);
		j_int(ctx, "inuse", info.inuse);
		j_u64(ctx, "ksize", s->size);
		j_hex(ctx, "slab_pfn", info.pfn);
		j_int(ctx, "slab_order", info.order);
		j_hex(ctx, "freelist", info.page->index);
	}
	if (req)
		j_u64(ctx, "size", req);
	show_region(ctx, va, pa);
	show_slab_events(ctx);
	if (args_has(ctx, "--walk"))
		show_walk_of(ctx, va);
	cmd_set_value(ctx, va);
	return 0;
}

void
show_slab_free(struct ctx *ctx, const char *call, u64 x,
	       const struct slab_obj_info *info)
{
	struct machine *m = ctx->m;
	char w[48];

	j_hex(ctx, "va", x);
	if (x <= ZERO_SIZE_PTR) {
		out_printf(ctx, "%s: %s, nothing to free\n", call,
			   x ? "ZERO_SIZE_PTR" : "NULL");
		return;
	}
	if (info->cache == NULL) {
		out_printf(ctx, "%s: kmalloc_large block of order %u at pfn %s\n",
			   call, info->order, fpfn(m, info->pfn));
		j_null(ctx, "cache");
	} else {
		struct slab_obj_info after;

		out_printf(ctx, "%s: object %ld of %s, slab pfn %s\n", call,
			   info->index, info->cache->name, fpfn(m, info->pfn));
		/* unless the slab went back to the buddy allocator */
		if (slab_lookup(m, x, &after) == 0 &&
		    after.cache == info->cache) {
			out_printf(ctx, "  freelist %s heads the slab's free "
				   "list; its free pointer (at +%u) holds %s\n",
				   fva(m, x), info->cache->offset,
				   after.freeptr ? fva(m, after.freeptr) :
				   "NULL (no other free object)");
			out_printf(ctx, "  slab     %u/%u in use, %s%s\n",
				   after.inuse, after.objects,
				   slab_where_text(&after, w, sizeof(w)),
				   on_no_list(&after));
			j_int(ctx, "inuse", after.inuse);
		}
		j_str(ctx, "cache", info->cache->name);
		j_int(ctx, "index", info->index);
		j_hex(ctx, "slab_pfn", info->pfn);
	}
	show_slab_events(ctx);
}
