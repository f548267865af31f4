// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/slabinfo: every cache's objects and slabs.
 */
#include "ptwalk/out.h"
#include "ptwalk/slab.h"

static int
slabinfo_run(struct ctx *ctx)
{
	struct slab_state *ss = slab_of(ctx->m);
	struct list_head *l;

	/* mm/slab_common.c print_slabinfo_header() and cache_show() */
	out_printf(ctx, "slabinfo - version: 2.1\n");
	out_printf(ctx, "# name            <active_objs> <num_objs> <objsize> "
		   "<objperslab> <pagesperslab> : tunables <limit> "
		   "<batchcount> <sharedfactor> : slabdata <active_slabs> "
		   "<num_slabs> <sharedavail>\n");
	j_arr(ctx, "caches");
	list_for_each(l, &ss->slab_caches) {
		const struct kmem_cache *s = list_entry(l, struct kmem_cache,
							list);
		struct slabinfo si;

		get_slabinfo(ctx->m, s, &si);
		out_printf(ctx, "%-17s %6lu %6lu %6u %4u %4u : tunables %4u "
			   "%4u %4u : slabdata %6lu %6lu %6u\n", s->name,
			   si.active_objs, si.num_objs, si.objsize,
			   si.objperslab, si.pagesperslab, 0, 0, 0,
			   si.active_slabs, si.num_slabs, 0);
		j_obj(ctx, NULL);
		j_str(ctx, "name", s->name);
		j_u64(ctx, "active_objs", si.active_objs);
		j_u64(ctx, "num_objs", si.num_objs);
		j_u64(ctx, "objsize", si.objsize);
		j_u64(ctx, "objperslab", si.objperslab);
		j_u64(ctx, "pagesperslab", si.pagesperslab);
		j_u64(ctx, "active_slabs", si.active_slabs);
		j_u64(ctx, "num_slabs", si.num_slabs);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	return 0;
}

const struct cmd cmd_slabinfo = {
	.name = "slabinfo",
	.family = FAM_SLAB,
	.usage = "",
	.summary = "every slab cache's objects and slabs, as /proc/slabinfo",
	.help =
	"The /proc/slabinfo of SLUB, version 2.1 header and columns: name,\n"
	"active_objs, num_objs, objsize (the object's size in the slab,\n"
	"s->size), objperslab, pagesperslab, the SLAB tunables (always 0 0 0\n"
	"under SLUB) and slabdata active_slabs num_slabs sharedavail.  Caches\n"
	"are listed newest first, as the kernel's slab_caches list is, so the\n"
	"boot caches end the list: the kmalloc caches, kmem_cache_node,\n"
	"kmem_cache.  As in Linux, active_objs counts every object not free on\n"
	"a partial list: the free objects of the CPU slabs count as active\n"
	"until kmem_cache_shrink flushes them; active_slabs = num_slabs.\n"
	"A booted machine (--boot booted) has the recorded guest's caches,\n"
	"in the order it created them, with its active objects.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = slabinfo_run,
};
