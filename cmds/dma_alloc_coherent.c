// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate a coherent DMA buffer for a device with a given DMA mask.
 */
#include "ptwalk/dma.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"

static int
dma_alloc_coherent_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kreg_before b0;
	struct dma_buf *b;
	struct error e;
	u64 size, mask = DMA_BIT_MASK(32), n;

	if (arg_u64(ctx, args->argv[0], "SIZE", &size))
		return -1;
	if (args->argc > 1) {
		if (arg_u64(ctx, args->argv[1], "DEV-MASK", &mask))
			return -1;
		if (mask <= 64)
			mask = DMA_BIT_MASK((unsigned)mask);
	}
	kreg_sample(m, &b0);
	b = dma_alloc_coherent(m, size, mask, &e);
	show_trace(ctx);
	if (b == NULL)
		return cmd_err(ctx, &e);
	n = b->size >> PAGE_SHIFT;
	out_printf(ctx, "dma_alloc_coherent(%llu, mask 0x%llx) = %s, "
		   "dma_handle %s\n", (unsigned long long)size,
		   (unsigned long long)mask, fva(m, b->cpu_addr),
		   fpa(m, b->dma_handle));
	if (n == 1)
		out_printf(ctx, "  pages  1 page at pfn %s, zone %s (%s)\n",
			   fpfn(m, page_to_pfn(m, b->page)),
			   page_zone(m, b->page)->name, fgfp(b->gfp));
	else
		out_printf(ctx, "  pages  %llu pages at pfn %s-%s, zone %s "
			   "(%s)\n", (unsigned long long)n,
			   fpfn(m, page_to_pfn(m, b->page)),
			   fpfn(m, page_to_pfn(m, b->page) + n - 1),
			   page_zone(m, b->page)->name, fgfp(b->gfp));
	switch (b->how) {
	case DMA_DIRECT:
		out_printf(ctx, "  how    dma-direct: an order-%u block from the "
			   "zone the mask reaches, zeroed; the device is "
			   "coherent, so the CPU uses the direct map%s\n",
			   b->order, (PAGE_SIZE << b->order) > b->size ?
			   " (the rest of the block stays with the buffer)" :
			   "");
		break;
	case DMA_CONSISTENT:
		out_printf(ctx, "  how    an order-%u block, split_page'd (the "
			   "pages past the buffer freed), remapped from the top "
			   "of the consistent area %s-%s with "
			   "pgprot_dmacoherent (bufferable, XN)\n", b->order,
			   fva(m, m->lay.consistent_base),
			   fva(m, m->lay.consistent_end - 1));
		break;
	case DMA_REMAP:
		out_printf(ctx, "  how    an order-%u block, split_page'd, "
			   "remapped by dma_common_contiguous_remap into a "
			   "VM_DMA_COHERENT vmalloc area (bufferable, XN)\n",
			   b->order);
		break;
	}
	if (b->how != DMA_DIRECT) {
		out_printf(ctx, "  alias  the same pages stay in the direct map "
			   "at %s (cacheable): two virtual addresses, one "
			   "physical\n", fva(m, page_address(m, b->page)));
		show_pte_change(ctx, b->cpu_addr, n, &b0);
		j_hex(ctx, "alias", page_address(m, b->page));
	}
	out_printf(ctx, "  region %s\n", region_name(m, b->cpu_addr));
	j_hex(ctx, "va", b->cpu_addr);
	j_hex(ctx, "pa", page_to_phys(m, b->page));
	j_hex(ctx, "dma_handle", b->dma_handle);
	j_u64(ctx, "size", b->size);
	j_str(ctx, "region", region_name(m, b->cpu_addr));
	show_opt_walk(ctx, b->cpu_addr);
	cmd_set_value(ctx, b->cpu_addr);
	return 0;
}

const struct cmd cmd_dma_alloc_coherent = {
	.name = "dma_alloc_coherent",
	.family = FAM_REGIONS,
	.usage = "[--walk] SIZE [DEV-MASK]",
	.summary = "a coherent DMA buffer for a device; the value is its CPU address",
	.help =
	"dma_alloc_coherent(dev, size, &dma_handle, GFP_KERNEL) for a device\n"
	"whose coherent DMA mask is DEV-MASK: a number of bits (24, 32, 64) or\n"
	"the mask itself; default 32 bits.  Prints the CPU address (the\n"
	"value, $_) and the bus address the device would use (dma_handle:\n"
	"the physical address on these machines).\n"
	"x86 and arm64 (6.1 dma-direct): the pages come from the zone the mask\n"
	"reaches (GFP_DMA below 16M on x86 or 4G on arm64, GFP_DMA32 for a\n"
	"32-bit mask, any lowmem zone above), as one order-n block, zeroed;\n"
	"a block beyond the mask is freed and the allocation retried in a\n"
	"lower zone.  The devices are coherent: the CPU uses the direct map.\n"
	"arm 3.x (3.4): the block is split into pages (the excess freed) and\n"
	"remapped in the 2M consistent area from its top down (the first\n"
	"buffer gets the highest address), uncached (bufferable, XN); the\n"
	"pages keep their cacheable lowmem alias, so they have two virtual\n"
	"addresses ('walk' both).  A mask below 32 bits is refused: the\n"
	"vexpress has no ZONE_DMA.  arm 5.x (5.4) and 6.1 (the remap\n"
	"allocator, as without CMA): the same, remapped into a\n"
	"VM_DMA_COHERENT area of the vmalloc space.  Simplified: no\n"
	"allocation from the CMA area (6.1 reserves it and maps it in 4K\n"
	"pages) and no per-device coherent pools.\n",
	.complete = "expr expr:24,30,32,64",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = dma_alloc_coherent_run,
};
