// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free one frame by its struct page: __free_pages(page, 0).
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
free_page_page_run(struct ctx *ctx, int argc, char **argv)
{
	struct page *page;
	char call[160];

	(void)argc;
	if (arg_struct_page(ctx, argv[1], "PAGE", &page))
		return -1;
	snprintf(call, sizeof(call), "__free_page(%s)",
		 fva(ctx->m, sim_page_va(ctx->m, page)));
	return free_block_cmd(ctx, page, 0, call);
}

const struct cmd cmd___free_page = {
	.name = "__free_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "PAGE",
	.summary = "free one frame by its struct page (__free_pages PAGE 0)",
	.help =
	"__free_pages(page, 0): see 'help __free_pages' for the merges and\n"
	"the checks.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = free_page_page_run,
};
