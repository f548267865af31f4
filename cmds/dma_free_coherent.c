// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free a coherent DMA buffer.
 */
#include "ptwalk/dma.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/whatis.h"

static int
dma_free_coherent_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kreg_before b0;
	struct dma_buf *b;
	struct error e;
	bool alias;
	u64 addr, size, dma;

	if (arg_va(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	b = dma_buf_at(m, addr, &alias);
	if (b == NULL || b->cpu_addr != addr) {
		struct strbuf sb;
		int r;

		sb_init(&sb);
		if (b != NULL)
			r = cmd_error(ctx, "%s is %s the DMA buffer at %s: pass "
				      "the CPU address dma_alloc_coherent "
				      "returned", fva(m, addr), alias ?
				      "the lowmem alias of" : "inside",
				      fva(m, b->cpu_addr));
		else if (kaddr_owner(m, addr, &sb) > 0)
			r = cmd_error(ctx, "%s is not a coherent DMA buffer: it "
				      "is %s", fva(m, addr), sb.buf);
		else
			r = cmd_error(ctx, "%s is not a coherent DMA buffer",
				      fva(m, addr));
		sb_release(&sb);
		return r;
	}
	size = b->size;
	dma = b->dma_handle;
	kreg_sample(m, &b0);
	if (dma_free_coherent(m, addr, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "dma_free_coherent(%llu, %s, dma %s)\n",
		   (unsigned long long)size, fva(m, addr), fpa(m, dma));
	show_freed(ctx, &b0);
	j_hex(ctx, "va", addr);
	j_hex(ctx, "dma_handle", dma);
	j_u64(ctx, "size", size);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_dma_free_coherent = {
	.name = "dma_free_coherent",
	.family = FAM_REGIONS,
	.usage = "ADDR",
	.summary = "free a coherent DMA buffer (ADDR: the CPU address it got)",
	.help =
	"Undoes dma_alloc_coherent: on arm 3.x the consistent-area PTEs are\n"
	"cleared and flushed (flush_tlb_kernel_range) and the pages freed one\n"
	"by one; on arm 5.x the vmalloc-space remapping is unmapped (lazily,\n"
	"as vunmap) and the pages freed; on x86 and arm64 the block goes back\n"
	"to the buddy allocator.  Any other address is refused, naming what\n"
	"owns it (the lowmem alias of a buffer included).\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = dma_free_coherent_run,
};
