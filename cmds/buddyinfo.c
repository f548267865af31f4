// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/buddyinfo: free blocks per order in every populated zone.
 */
#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"

static int
buddyinfo_run(struct ctx *ctx)
{
	struct page_alloc *pgalloc = page_alloc_of(ctx->m);
	int nid, t, o;

	j_arr(ctx, "zones");
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];

			if (!zone_configured(pgalloc, t) || !populated_zone(z))
				continue;
			/* mm/vmstat.c frag_show_print() */
			out_printf(ctx, "Node %d, zone %8s ", nid, z->name);
			j_obj(ctx, NULL);
			j_int(ctx, "node", nid);
			j_str(ctx, "zone", z->name);
			j_arr(ctx, "nr_free");
			for (o = 0; o < MAX_ORDER; o++) {
				out_printf(ctx, "%6lu ", z->free_area[o].nr_free);
				j_u64(ctx, NULL, z->free_area[o].nr_free);
			}
			j_arr_end(ctx);
			j_obj_end(ctx);
			out_printf(ctx, "\n");
		}
	j_arr_end(ctx);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_frames(f, ctx->m);
		cmd_set_figure(ctx, f);
	}
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
	"vmalloc, user pages, the kernel and what boot reserved, other).\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM | CMD_PROCFMT | CMD_FIGURE,
	.run = buddyinfo_run,
};
