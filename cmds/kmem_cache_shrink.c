// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Give a cache's empty slabs back to the buddy allocator.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_slab.h"

static int
kmem_cache_shrink_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kmem_cache *s = NULL;
	struct slab_state *ss = slab_of(m);
	unsigned long deact = ss->stat_deactivate, disc = ss->stat_discard;

	if (args->argc > 0 && arg_cache(ctx, args->argv[0], &s))
		return -1;
	kmem_cache_shrink(m, s);
	deact = ss->stat_deactivate - deact;
	disc = ss->stat_discard - disc;
	out_printf(ctx, "kmem_cache_shrink(%s): %s deactivated, %s back to "
		   "the buddy allocator\n", s ? s->name : "every cache",
		   plural(deact, "CPU slab", NULL),
		   plural(disc, "empty slab", NULL));
	j_str(ctx, "cache", s ? s->name : "");
	j_u64(ctx, "deactivated", deact);
	j_u64(ctx, "discarded", disc);
	show_slab_events(ctx);
	if (ss->ev.lost > 0)
		out_printf(ctx, "  ... and %d more\n", ss->ev.lost);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_kmem_cache_shrink = {
	.name = "kmem_cache_shrink",
	.family = FAM_SLAB,
	.usage = "[NAME]",
	.summary = "flush the CPU slabs and free the empty slabs of NAME (or of every cache)",
	.help =
	"kmem_cache_shrink(cache), what 'echo 1 > /sys/kernel/slab/NAME/shrink'\n"
	"does: every CPU's slab is deactivated (back on its node's lists), the\n"
	"empty slabs go back to the buddy allocator whatever min_partial says,\n"
	"and the fullest partial slabs move to the head of the partial list.\n"
	"Without NAME every cache is shrunk.  After it, slabinfo counts the\n"
	"free objects the CPU slabs held as free.\n",
	.complete = "slabcache",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kmem_cache_shrink_run,
};
