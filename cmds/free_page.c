// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free one frame by its kernel virtual address: free_pages(addr, 0).
 */
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
free_page_run(struct ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return free_by_addr(ctx, argv[1], 0, "free_page");
}

const struct cmd cmd_free_page = {
	.name = "free_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "ADDR",
	.summary = "free one frame by its kernel virtual address (free_pages ADDR 0)",
	.help =
	"free_pages(addr, 0), for what get_free_page and get_zeroed_page\n"
	"return.  See 'help free_pages'.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = free_page_run,
};
