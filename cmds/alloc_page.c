// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate one frame: alloc_page(gfp) = alloc_pages(gfp, 0).
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static int
alloc_page_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	struct error e;
	gfp_t gfp;

	if (arg_gfp(ctx, args->argv[0], &gfp))
		return -1;
	page = alloc_page(m, gfp, &e);
	show_trace(ctx);
	if (page == NULL)
		return cmd_err(ctx, &e);
	out_printf(ctx, "alloc_page(%s) = page %s\n", fgfp(gfp),
		   fva(m, sim_page_va(m, page)));
	show_block(ctx, page, 0, false);
	cmd_set_value(ctx, sim_page_va(m, page));
	return 0;
}

const struct cmd cmd_alloc_page = {
	.name = "alloc_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "GFP",
	.summary = "allocate one frame (alloc_pages GFP 0); the value is the struct page",
	.help =
	"alloc_page(gfp) is alloc_pages(gfp, 0): one frame from the zone the\n"
	"GFP flags choose, shown with its struct page (the value, $_), pfn,\n"
	"physical address, zone, node and virtual address.  See 'help\n"
	"alloc_pages' and 'help gfp'; free with '__free_page PAGE'.\n",
	.complete = "gfp",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_PAGE,
	.run = alloc_page_run,
};
