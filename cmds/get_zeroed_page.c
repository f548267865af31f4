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
	struct machine *m = ctx->m;
	struct error e;
	gfp_t gfp = GFP_KERNEL;
	u64 va;

	if (argc > 1 && arg_gfp(ctx, argv[1], &gfp))
		return -1;
	if (ctx->verbose)
		kt_begin(m);
	va = get_zeroed_page(m, gfp, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "get_zeroed_page(%s) = %s\n", fgfp(gfp), fva(m, va));
	show_block(ctx, virt_to_page(m, va, NULL), 0, true);
	out_printf(ctx, "  4096 bytes zeroed (__GFP_ZERO)\n");
	cmd_set_value(ctx, va);
	return 0;
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
