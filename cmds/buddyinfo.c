// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/buddyinfo: free blocks per order in every populated zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_kstate.h"

/* mm/vmstat.c frag_show_print(): one line per populated zone */
static void
buddyinfo_show(struct ctx *ctx, const struct kzone *z, int n)
{
	int i;
	unsigned o;

	j_arr(ctx, "zones");
	for (i = 0; i < n; i++) {
		if (!z[i].populated)
			continue;
		out_printf(ctx, "Node %d, zone %8s ", z[i].nid, z[i].name);
		j_obj(ctx, NULL);
		j_int(ctx, "node", z[i].nid);
		j_str(ctx, "zone", z[i].name);
		j_arr(ctx, "nr_free");
		for (o = 0; o < z[i].norder; o++) {
			out_printf(ctx, "%6llu ",
				   (unsigned long long)z[i].nr_free[o]);
			j_u64(ctx, NULL, z[i].nr_free[o]);
		}
		j_arr_end(ctx);
		j_obj_end(ctx);
		out_printf(ctx, "\n");
	}
	j_arr_end(ctx);
}

/* The simulated kernel's zones as an image's are read. */
static void
sim_zones(struct machine *m, struct kzones *zs)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	int nid, t, o;

	memset(zs, 0, sizeof(*zs));
	zs->z = xcalloc((size_t)pgalloc->nr_nodes * MAX_NR_ZONES,
			sizeof(*zs->z));
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];
			struct kzone *k = &zs->z[zs->n];

			if (!zone_configured(pgalloc, t))
				continue;
			k->nid = nid;
			k->idx = t;
			snprintf(k->name, sizeof(k->name), "%s", z->name);
			k->populated = populated_zone(z);
			k->norder = MAX_ORDER;
			for (o = 0; o < MAX_ORDER; o++)
				k->nr_free[o] = z->free_area[o].nr_free;
			zs->n++;
		}
}

/*
 * The frame map; on an image the zones' first frames come with the
 * kernel's types (read again typed: the counts were read without).
 */
static int
buddyinfo_figure(struct ctx *ctx)
{
	struct figure *f = xmalloc(sizeof(*f));
	struct kzones typed;
	struct error e;

	if (ctx->m->kern != NULL) {
		fig_frames(f, ctx->m, NULL);
		cmd_set_figure(ctx, f);
		return 0;
	}
	error_clear(&e);
	if (kzones_read(ctx->m, &typed, true, &e)) {
		free(f);
		return cmd_error(ctx, "the frame map needs the zones' first "
				 "frames: %s", e.msg);
	}
	fig_frames(f, ctx->m, &typed);
	cmd_set_figure(ctx, f);
	kzones_release(&typed);
	return 0;
}

static int
buddyinfo_run(struct ctx *ctx)
{
	struct kzones zs;
	struct error e;

	error_clear(&e);
	if (ctx->m->kern != NULL)
		sim_zones(ctx->m, &zs);
	else if (kzones_read(ctx->m, &zs, false, &e))
		return cmd_error(ctx, "%s", e.msg);
	buddyinfo_show(ctx, zs.z, zs.n);
	if (cmd_figure_wanted(ctx) && buddyinfo_figure(ctx))
		return -1;
	show_knotes(ctx, &zs.notes);
	kzones_release(&zs);
	return 0;
}

const struct cmd cmd_buddyinfo = {
	.name = "buddyinfo",
	.family = FAM_PAGE_ALLOC,
	.usage = "",
	.summary = "free blocks per order in each zone, as /proc/buddyinfo",
	.help =
	"One line per populated zone, exactly as /proc/buddyinfo prints it:\n"
	"'Node N, zone NAME' and then, for each order 0..10, the number of\n"
	"free blocks of 2^order pages on free_area[order] (nr_free: blocks,\n"
	"not pages).  A booted machine (--boot booted) starts with the\n"
	"recorded guest's free blocks per order, scaled to its RAM (the rest\n"
	"in order-10 blocks); a clean one (--boot clean) has mostly order-10\n"
	"blocks.  Allocations split them, frees merge them back, so after\n"
	"freeing everything buddyinfo is what it was at boot.  With --svg,\n"
	"--png or --pdf it also draws each zone's frames as a map: the free\n"
	"blocks and the allocated frames by owner (slab, page tables,\n"
	"vmalloc, user pages, the kernel and what boot reserved, other).  On\n"
	"a memory image the map is read from each frame's struct page in the\n"
	"dump (free blocks whole from their PageBuddy head, slab, user pages\n"
	"with a mapping, the rest \"other\": the dump names no flag for the\n"
	"other owners), and needs the kernel's types for the zones' first\n"
	"frames.\n"
	"\n"
	"On a memory image the counts are the dump's own: node_data[] (or\n"
	"contig_page_data), each zone's free_area[].nr_free, laid out as the\n"
	"dump's VMCOREINFO says; a zone is shown when it spans pages.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT | CMD_FIGURE,
	.run = buddyinfo_run,
};
