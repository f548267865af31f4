// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate 2^ORDER frames and return their kernel virtual address.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static int
get_free_pages_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct error e;
	unsigned order;
	gfp_t gfp;
	u64 va;

	if (arg_gfp(ctx, args->argv[0], &gfp) ||
	    arg_order(ctx, args->argv[1], &order))
		return -1;
	va = __get_free_pages(m, gfp, order, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "__get_free_pages(%s, %u) = %s\n", fgfp(gfp), order,
		   fva(m, va));
	show_block(ctx, virt_to_page(m, va, NULL), order, true);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd___get_free_pages = {
	.name = "__get_free_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "GFP ORDER",
	.summary = "allocate 2^ORDER frames; the value is their kernel virtual address",
	.help =
	"alloc_pages() followed by page_address(): the value ($_) is the\n"
	"block's address in the direct map (lowmem), which 'free_pages ADDR\n"
	"ORDER' takes back.  __GFP_HIGHMEM is refused: a highmem page has no\n"
	"permanent kernel address, so the address this function returns could\n"
	"not exist (the kernel has VM_BUG_ON for it; newer kernels drop the\n"
	"flag silently).  Use alloc_pages and kmap for highmem.\n",
	.complete = "gfp expr:0,1,2,3,4,5,6,7,8,9,10",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = get_free_pages_run,
};
