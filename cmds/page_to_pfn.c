// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * page_to_pfn(): the page frame number of a struct page.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
page_to_pfn_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct page *page;
	u64 pfn, va;

	if (arg_struct_page(ctx, args->argv[0], "PAGE", &page))
		return -1;
	pfn = page_to_pfn(m, page);
	va = sim_page_va(m, page);
	out_printf(ctx, "page_to_pfn(%s) = %s\n", fva(m, va), fpfn(m, pfn));
	if (pgalloc->vmemmap)
		out_printf(ctx, "  (page - vmemmap) / %u; pa %s\n",
			   pgalloc->struct_page_size,
			   fpa(m, pfn << PAGE_SHIFT));
	else
		out_printf(ctx, "  (page - mem_map) / %u + ARCH_PFN_OFFSET; pa "
			   "%s\n", pgalloc->struct_page_size,
			   fpa(m, pfn << PAGE_SHIFT));
	j_hex(ctx, "page", va);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "pa", pfn << PAGE_SHIFT);
	cmd_set_value(ctx, pfn);
	return 0;
}

const struct cmd cmd_page_to_pfn = {
	.name = "page_to_pfn",
	.family = FAM_TRANSLATION,
	.usage = "PAGE",
	.summary = "the page frame number of a struct page",
	.help =
	"The inverse of pfn_to_page: (page - mem_map) / sizeof(struct page)\n"
	"+ ARCH_PFN_OFFSET (FLATMEM), or page - vmemmap (SPARSEMEM_VMEMMAP).\n"
	"PAGE must be the address of a struct page.  The value ($_) is the\n"
	"pfn.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_PFN,
	.run = page_to_pfn_run,
};
