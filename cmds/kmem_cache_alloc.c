// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate one object from a named cache.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

static int
kmem_cache_alloc_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kmem_cache *s;
	gfp_t gfp = GFP_KERNEL;
	struct error e;
	char call[200];
	u64 va;

	if (arg_cache(ctx, args->argv[0], &s))
		return -1;
	if (args->argc > 1 && arg_gfp(ctx, args->argv[1], &gfp))
		return -1;
	va = kmem_cache_alloc(m, s, gfp, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	snprintf(call, sizeof(call), "kmem_cache_alloc(%s, %s)", s->name,
		 fgfp(gfp));
	return show_slab_alloc(ctx, call, va, 0);
}

const struct cmd cmd_kmem_cache_alloc = {
	.name = "kmem_cache_alloc",
	.family = FAM_SLAB,
	.usage = "[--walk] NAME [GFP]",
	.summary = "allocate one object from the cache NAME; the value is its address",
	.help =
	"kmem_cache_alloc(cache, gfp): the head of the free list of the current\n"
	"CPU's slab of the cache.  When the CPU has no slab, or its slab has no\n"
	"free object left (it then leaves the CPU, full), the first slab on the\n"
	"node's partial list becomes the CPU's slab, else a new slab comes\n"
	"from the buddy allocator (order and objects as the cache says; its\n"
	"zone from the cache's flags, not from GFP, which only says how the\n"
	"pages may be found).  __GFP_ZERO clears the object.  The output is\n"
	"the one of kmalloc: object, slab, physical address, region and what\n"
	"changed; --walk adds the page-table walk.\n",
	.complete = "slabcache gfp",
	.opts = slab_alloc_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmem_cache_alloc_run,
};
