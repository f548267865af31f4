// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free a block by its struct page, showing the buddy merges.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static int
free_pages_page_run(struct ctx *ctx, int argc, char **argv)
{
	struct page *page;
	unsigned order;
	char call[160];

	(void)argc;
	if (arg_struct_page(ctx, argv[1], "PAGE", &page) ||
	    arg_order(ctx, argv[2], &order))
		return -1;
	snprintf(call, sizeof(call), "__free_pages(%s, %u)",
		 fva(ctx->m, sim_page_va(ctx->m, page)), order);
	return free_block_cmd(ctx, page, order, call);
}

const struct cmd cmd___free_pages = {
	.name = "__free_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "PAGE ORDER",
	.summary = "free a 2^ORDER block by its struct page, showing the buddy merges",
	.help =
	"PAGE is a struct page address, as alloc_pages returns it ($_) or\n"
	"pfn_to_page gives it.  __free_pages drops the caller's reference;\n"
	"when it was the last, __free_one_page puts the block back: while the\n"
	"buddy (pfn ^ (1 << order)) is a free block of the same order in the\n"
	"same zone, the two merge and the order grows, up to 10; each step is\n"
	"shown.  The merged block goes to the head of its free list, or to the\n"
	"tail when its buddy one order up is free (buddy_merge_likely).  If\n"
	"someone else still holds a reference (get_page), Linux 6.1 frees all\n"
	"of a non-compound block but its first page.\n"
	"Misuse that would corrupt the kernel is refused with what is wrong,\n"
	"and nothing changes: a block freed twice, a wrong ORDER (the kernel\n"
	"does not record it, ptwalk does), a page inside a block or a tail\n"
	"page of a compound page, a reserved page, a page still mapped or\n"
	"with flags set (Linux's \"Bad page state\").\n",
	.complete = "addr expr:0,1,2,3,4,5,6,7,8,9,10",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM,
	.run = free_pages_page_run,
};
