// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate one frame and return its kernel virtual address
 * (__get_free_page), cleared (get_zeroed_page).
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

extern const struct cmd cmd_get_zeroed_page;

static int
get_free_page_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	bool zero = cmd_entry(ctx) == &cmd_get_zeroed_page;
	struct error e;
	gfp_t gfp = GFP_KERNEL;
	u64 va;

	if (args->argc > 0 && arg_gfp(ctx, args->argv[0], &gfp))
		return -1;
	va = zero ? get_zeroed_page(m, gfp, &e) : __get_free_pages(m, gfp, 0, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "%s(%s) = %s\n", zero ? "get_zeroed_page" :
		   "__get_free_page", fgfp(gfp), fva(m, va));
	show_block(ctx, virt_to_page(m, va, NULL), 0, true);
	if (zero)
		out_printf(ctx, "  4096 bytes zeroed (__GFP_ZERO)\n");
	cmd_set_value(ctx, va);
	return 0;
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
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = get_free_page_run,
};

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
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = get_free_page_run,
};
