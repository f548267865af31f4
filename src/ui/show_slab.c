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
#include "ptwalk/trace_print.h"

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

void
show_slab_events(struct ctx *ctx)
{
	struct slab_state *ss = slab_of(ctx->m);
	struct strbuf sb;
	int i;

	if (ss->ev.n == 0)
		return;
	sb_init(&sb);
	for (i = 0; i < ss->ev.n; i++) {
		sb_reset(&sb);
		trace_print(&sb, ctx->m, &ss->ev.ev[i]);
		out_printf(ctx, "  %s\n", sb.buf);
	}
	sb_release(&sb);
	j_arr(ctx, "events");
	for (i = 0; i < ss->ev.n; i++) {
		const struct trace_slab *ev = &ss->ev.ev[i].f.slab;

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
