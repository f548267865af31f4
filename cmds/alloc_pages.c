// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate 2^ORDER contiguous frames from the buddy allocator.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static const struct cmd_opt alloc_pages_opts[] = {
	{ "--node", "N", "expr", "allocate from node N's zonelist "
	  "(alloc_pages_node); default: the current CPU's node" },
	{ NULL, NULL, NULL, NULL }
};

static int
alloc_pages_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	struct error e;
	unsigned order;
	long nid = -1;
	gfp_t gfp;

	if (arg_gfp(ctx, args->argv[0], &gfp) ||
	    arg_order(ctx, args->argv[1], &order))
		return -1;
	if (args_has(ctx, "--node") &&
	    arg_int(ctx, args_get(ctx, "--node"), "--node", 0,
		    page_alloc_of(m)->nr_nodes - 1, &nid))
		return -1;
	page = alloc_pages_node(m, (int)nid, gfp, order, &e);
	show_trace(ctx);
	if (page == NULL)
		return cmd_err(ctx, &e);
	out_printf(ctx, "alloc_pages(%s, %u) = page %s\n", fgfp(gfp), order,
		   fva(m, sim_page_va(m, page)));
	show_block(ctx, page, order, false);
	cmd_set_value(ctx, sim_page_va(m, page));
	return 0;
}

const struct cmd cmd_alloc_pages = {
	.name = "alloc_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "[--node N] GFP ORDER",
	.summary = "allocate 2^ORDER contiguous frames; the value is the struct page",
	.help =
	"Runs the buddy allocator as Linux 6.1 does: gfp_zone() picks the\n"
	"highest zone the GFP flags allow, the node's zonelist is tried from\n"
	"that zone downwards (local node first), each zone must stay above its\n"
	"low watermark (fast path), then above min with the reserves the flags\n"
	"grant (slow path: __GFP_HIGH halves min, a non-blocking GFP_ATOMIC\n"
	"takes another quarter); __rmqueue_smallest takes the first block of\n"
	"the smallest order that is free and expand() splits it, the upper\n"
	"halves going back on the free lists ('set verbose on' shows each\n"
	"split).  The result is the head of the block: its struct page (the\n"
	"value, $_, as alloc_pages returns it), pfns, physical range, zone and\n"
	"node, and the virtual address page_address() gives: the direct map\n"
	"for lowmem, none for an unmapped highmem page.  ORDER is 0..10\n"
	"(MAX_ORDER 11).  __GFP_ZERO zeroes the frames, __GFP_COMP makes a\n"
	"compound page.  When no zone can give the block, the error names\n"
	"each zone, the order and the watermark that stopped it: ptwalk has\n"
	"nothing to reclaim, so it fails where Linux would reclaim, compact\n"
	"or OOM-kill.  Per-CPU page lists and migrate types are not\n"
	"modelled: order-0 pages come straight from the buddy lists.\n"
	"Free with '__free_pages PAGE ORDER'.  See 'help gfp'.\n",
	.complete = "gfp expr:0,1,2,3,4,5,6,7,8,9,10",
	.opts = alloc_pages_opts,
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_PAGE,
	.run = alloc_pages_run,
};
