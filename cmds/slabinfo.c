// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/slabinfo: every cache's objects and slabs.
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show_kstate.h"
#include "ptwalk/slab.h"

/* The simulated kernel's caches as an image's are read. */
static void
sim_caches(struct machine *m, struct kslab_caches *cs)
{
	struct slab_state *ss = slab_of(m);
	struct list_head *l;

	memset(cs, 0, sizeof(*cs));
	list_for_each(l, &ss->slab_caches) {
		const struct kmem_cache *s = list_entry(l, struct kmem_cache,
							list);
		struct kslab_cache *c;
		struct slabinfo si;

		get_slabinfo(m, s, &si);
		cs->c = xrealloc(cs->c, (cs->n + 1) * sizeof(*cs->c));
		c = &cs->c[cs->n++];
		memset(c, 0, sizeof(*c));
		snprintf(c->name, sizeof(c->name), "%s", s->name);
		c->active_objs = si.active_objs;
		c->num_objs = si.num_objs;
		c->objsize = si.objsize;
		c->objperslab = si.objperslab;
		c->pagesperslab = si.pagesperslab;
		c->active_slabs = si.active_slabs;
		c->num_slabs = si.num_slabs;
	}
}

static int
slabinfo_run(struct ctx *ctx)
{
	struct kslab_caches cs;
	struct error e;
	size_t i;

	error_clear(&e);
	if (ctx->m->kern != NULL)
		sim_caches(ctx->m, &cs);
	else if (kslab_caches_read(ctx->m, &cs, &e))
		return cmd_error(ctx, "%s", e.msg);
	/* mm/slab_common.c print_slabinfo_header() and cache_show() */
	out_printf(ctx, "slabinfo - version: 2.1\n");
	out_printf(ctx, "# name            <active_objs> <num_objs> <objsize> "
		   "<objperslab> <pagesperslab> : tunables <limit> "
		   "<batchcount> <sharedfactor> : slabdata <active_slabs> "
		   "<num_slabs> <sharedavail>\n");
	j_arr(ctx, "caches");
	for (i = 0; i < cs.n; i++) {
		const struct kslab_cache *c = &cs.c[i];

		out_printf(ctx, "%-17s %6llu %6llu %6u %4u %4u : tunables %4u "
			   "%4u %4u : slabdata %6llu %6llu %6u\n", c->name,
			   (unsigned long long)c->active_objs,
			   (unsigned long long)c->num_objs, c->objsize,
			   c->objperslab, c->pagesperslab, 0, 0, 0,
			   (unsigned long long)c->active_slabs,
			   (unsigned long long)c->num_slabs, 0);
		j_obj(ctx, NULL);
		j_str(ctx, "name", c->name);
		j_u64(ctx, "active_objs", c->active_objs);
		j_u64(ctx, "num_objs", c->num_objs);
		j_u64(ctx, "objsize", c->objsize);
		j_u64(ctx, "objperslab", c->objperslab);
		j_u64(ctx, "pagesperslab", c->pagesperslab);
		j_u64(ctx, "active_slabs", c->active_slabs);
		j_u64(ctx, "num_slabs", c->num_slabs);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	show_knotes(ctx, &cs.notes);
	kslab_caches_release(&cs);
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
	"in the order it created them, with its active objects.\n"
	"\n"
	"On a memory image the caches are the dump's, as the kernel counts\n"
	"them: slab_caches in its order, each node's nr_slabs and\n"
	"total_objects, the free objects of its partial slabs.  It needs the\n"
	"kernel's types (BTF) and slab_caches in the symbol table.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT,
	.run = slabinfo_run,
};
