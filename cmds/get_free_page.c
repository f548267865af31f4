// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate one frame and return its kernel virtual address.
 */
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static int
get_free_page_run(struct ctx *ctx, int argc, char **argv)
{
	return page_cmd_get_page(ctx, argc, argv, false);
}

const struct cmd cmd_get_free_page = {
	.name = "get_free_page",
	.aliases = "__get_free_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "[GFP]",
	.summary = "allocate one frame (default GFP_KERNEL); the value is its virtual address",
	.help =
	"__get_free_page(gfp) is __get_free_pages(gfp, 0): one lowmem frame,\n"
	"returned by its direct-map address (the value, $_).  The frame keeps\n"
	"whatever it held before (use get_zeroed_page for a clean one).  Free\n"
	"it with 'free_page ADDR'.\n",
	.complete = "gfp",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = get_free_page_run,
};
