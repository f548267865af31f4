// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate one zeroed frame and return its kernel virtual address.
 */
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static int
get_zeroed_page_run(struct ctx *ctx, int argc, char **argv)
{
	return page_cmd_get_page(ctx, argc, argv, true);
}

const struct cmd cmd_get_zeroed_page = {
	.name = "get_zeroed_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "[GFP]",
	.summary = "allocate one zeroed frame (default GFP_KERNEL); the value is its virtual address",
	.help =
	"__get_free_pages(gfp | __GFP_ZERO, 0): the frame is cleared in\n"
	"simulated RAM before it is returned (x shows zeros).  The value ($_)\n"
	"is its direct-map address; free it with 'free_page ADDR'.\n",
	.complete = "gfp",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = get_zeroed_page_run,
};
