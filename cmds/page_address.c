// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * page_address(): the kernel virtual address of a struct page's frame.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
page_address_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	u64 va;

	if (arg_struct_page(ctx, args->argv[0], "PAGE", &page))
		return -1;
	va = page_address(m, page);
	if (va == 0) {
		out_printf(ctx, "page_address(%s) = NULL\n",
			   fva(m, sim_page_va(m, page)));
		out_printf(ctx, "  highmem page (pfn %s): no kernel mapping "
			   "until kmap sets one\n", fpfn(m, page_to_pfn(m, page)));
		j_null(ctx, "va");
	} else {
		out_printf(ctx, "page_address(%s) = %s\n",
			   fva(m, sim_page_va(m, page)), fva(m, va));
		if (PageHighMem(m, page))
			out_printf(ctx, "  highmem page, mapped by kmap\n");
		else
			out_printf(ctx, "  lowmem: __va(pfn %s << PAGE_SHIFT)\n",
				   fpfn(m, page_to_pfn(m, page)));
		j_hex(ctx, "va", va);
	}
	j_hex(ctx, "page", sim_page_va(m, page));
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_page_address = {
	.name = "page_address",
	.family = FAM_TRANSLATION,
	.usage = "PAGE",
	.summary = "the kernel virtual address of a struct page's frame (NULL for highmem)",
	.help =
	"For a lowmem page, the direct-map address __va(pfn << PAGE_SHIFT).\n"
	"A highmem page has none (NULL, 0) until kmap maps it; then it is the\n"
	"kmap address (the kernel finds it in page_address_htable; ptwalk\n"
	"keeps it in page->virtual).  The value ($_) is the address, 0 for\n"
	"NULL.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_VA,
	.run = page_address_run,
};
