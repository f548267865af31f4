// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Destroy an empty slab cache.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_slab.h"

static int
kmem_cache_destroy_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kmem_cache *s;
	struct error e;
	char name[80];
	u64 va;

	if (arg_cache(ctx, args->argv[0], &s))
		return -1;
	snprintf(name, sizeof(name), "%s", s->name);
	va = s->va;
	if (kmem_cache_destroy(m, s, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "kmem_cache_destroy(%s): its struct kmem_cache at %s "
		   "goes back to kmem_cache\n", name, fva(m, va));
	j_str(ctx, "name", name);
	j_hex(ctx, "va", va);
	show_slab_events(ctx);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_kmem_cache_destroy = {
	.name = "kmem_cache_destroy",
	.family = FAM_SLAB,
	.usage = "NAME",
	.summary = "destroy the cache NAME (refused while it has objects)",
	.help =
	"kmem_cache_destroy(cache): flushes the CPU slabs, gives every (empty)\n"
	"slab back to the buddy allocator, frees the cache's kmem_cache_node\n"
	"objects and its struct kmem_cache.  While objects are allocated it is\n"
	"refused, naming the first of them: Linux warns \"Slab cache still has\n"
	"objects\" and keeps the cache (having already flushed its CPU slabs;\n"
	"ptwalk changes nothing).  The caches made at boot (kmalloc-N,\n"
	"kmem_cache, kmem_cache_node) are never destroyed.\n",
	.complete = "slabcache",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kmem_cache_destroy_run,
};
