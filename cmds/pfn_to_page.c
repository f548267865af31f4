// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * pfn_to_page(): the struct page of a page frame number.
 */
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

static int
pfn_to_page_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct page *page;
	u64 pfn, va;

	if (arg_u64(ctx, args->argv[0], "PFN", &pfn))
		return -1;
	page = pfn_to_page(m, pfn);
	if (page == NULL)
		return cmd_error(ctx, "PFN: %s is not a frame of RAM (pfns %s-%s): "
				 "pfn_valid() is false and it has no struct page",
				 fpfn(m, pfn), fpfn(m, pgalloc->start_pfn),
				 fpfn(m, pgalloc->end_pfn - 1));
	va = sim_page_va(m, page);
	out_printf(ctx, "pfn_to_page(%s) = %s\n", fpfn(m, pfn), fva(m, va));
	if (pgalloc->vmemmap)
		out_printf(ctx, "  vmemmap + pfn * %u = %s + %s * %u "
			   "(SPARSEMEM_VMEMMAP)\n", pgalloc->struct_page_size,
			   fva(m, pgalloc->memmap_va - pgalloc->start_pfn *
			       pgalloc->struct_page_size), fpfn(m, pfn),
			   pgalloc->struct_page_size);
	else
		out_printf(ctx, "  mem_map + (pfn - ARCH_PFN_OFFSET) * %u = %s + "
			   "(%s - %s) * %u (FLATMEM)\n",
			   pgalloc->struct_page_size,
			   fva(m, pgalloc->memmap_va), fpfn(m, pfn),
			   fpfn(m, pgalloc->start_pfn),
			   pgalloc->struct_page_size);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "page", va);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_pfn_to_page = {
	.name = "pfn_to_page",
	.family = FAM_TRANSLATION,
	.usage = "PFN",
	.summary = "the struct page of a page frame number",
	.help =
	"pfn_to_page() is arithmetic on the memory model: with FLATMEM\n"
	"(32-bit) mem_map + (pfn - ARCH_PFN_OFFSET), with SPARSEMEM_VMEMMAP\n"
	"(64-bit) vmemmap + pfn, where struct pages are 32 or 64 bytes.  The\n"
	"value ($_) is the struct page address; 'page $_' decodes it.\n",
	.complete = "expr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_PAGE,
	.run = pfn_to_page_run,
};
