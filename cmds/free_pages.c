// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free a block by its kernel virtual address.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
free_pages_run(struct ctx *ctx, int argc, char **argv)
{
	unsigned order;

	(void)argc;
	if (arg_order(ctx, argv[2], &order))
		return -1;
	return free_by_addr(ctx, argv[1], order, "free_pages");
}

const struct cmd cmd_free_pages = {
	.name = "free_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "ADDR ORDER",
	.summary = "free a 2^ORDER block by its kernel virtual address",
	.help =
	"free_pages(addr, order) is __free_pages(virt_to_page(addr), order):\n"
	"ADDR is a direct-map address as __get_free_pages returns it.  An\n"
	"address outside the direct map (vmalloc, pkmap, user) has no\n"
	"virt_to_page and is refused, as is one that is not page aligned.\n"
	"See 'help __free_pages' for the merges and the checks.\n",
	.complete = "addr expr:0,1,2,3,4,5,6,7,8,9,10",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM,
	.run = free_pages_run,
};
