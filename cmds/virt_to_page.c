// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * virt_to_page(): the struct page behind a direct-map kernel address.
 */
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
virt_to_page_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	struct error e;
	u64 va, pfn;

	if (arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	page = virt_to_page(m, va, &e);
	if (page == NULL)
		return cmd_error(ctx, "virt_to_page: %s", e.msg);
	pfn = page_to_pfn(m, page);
	out_printf(ctx, "virt_to_page(%s) = %s\n", fva(m, va),
		   fva(m, sim_page_va(m, page)));
	out_printf(ctx, "  pfn_to_page(__pa(%s) >> PAGE_SHIFT) = "
		   "pfn_to_page(%s)\n", fva(m, va), fpfn(m, pfn));
	j_hex(ctx, "va", va);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "page", sim_page_va(m, page));
	cmd_set_value(ctx, sim_page_va(m, page));
	return 0;
}

const struct cmd cmd_virt_to_page = {
	.name = "virt_to_page",
	.family = FAM_TRANSLATION,
	.usage = "VADDR",
	.summary = "the struct page of a direct-map kernel address",
	.help =
	"virt_to_page(kaddr) = pfn_to_page(__pa(kaddr) >> PAGE_SHIFT): only\n"
	"valid for the direct map (lowmem) and, on x86_64, the kernel image.\n"
	"A vmalloc, pkmap, fixmap or user address is refused: its frame is\n"
	"found by walking the page tables (walk, then pfn_to_page).  The value\n"
	"($_) is the struct page address.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_PAGE,
	.run = virt_to_page_run,
};
