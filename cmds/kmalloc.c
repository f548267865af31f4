// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate SIZE bytes with kmalloc: a kmalloc-N slab cache, or pages above
 * KMALLOC_MAX_CACHE_SIZE; kzalloc clears them (__GFP_ZERO).
 */
#include <stdio.h>

#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

extern const struct cmd cmd_kzalloc;

static int
kmalloc_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	bool zero = cmd_entry(ctx) == &cmd_kzalloc;
	gfp_t gfp = GFP_KERNEL;
	struct error e;
	char call[200];
	u64 size, va;

	if (arg_u64(ctx, args->argv[0], "SIZE", &size))
		return -1;
	if (args->argc > 1 && arg_gfp(ctx, args->argv[1], &gfp))
		return -1;
	va = zero ? kzalloc(m, size, gfp, &e) : kmalloc(m, size, gfp, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	snprintf(call, sizeof(call), "%s(%llu, %s)", cmd_entry(ctx)->name,
		 (unsigned long long)size, fgfp(gfp));
	return show_slab_alloc(ctx, call, va, size);
}

const struct cmd cmd_kmalloc = {
	.name = "kmalloc",
	.family = FAM_SLAB,
	.usage = "[--walk] SIZE [GFP]",
	.summary = "allocate SIZE bytes from a kmalloc cache (default GFP_KERNEL); the value is the address",
	.help =
	"kmalloc(size, gfp) as SLUB does it in Linux 6.1: sizes up to\n"
	"KMALLOC_MAX_CACHE_SIZE (two pages, 8K) come from the smallest\n"
	"kmalloc cache that fits: kmalloc-8, -16, -32, -64, -96, -128, -192,\n"
	"-256, -512, -1k, -2k, -4k, -8k (sizes up to 192 through the\n"
	"size_index table, larger ones by fls(size - 1)).  The smallest cache\n"
	"is KMALLOC_MIN_SIZE: 8 on x86, 64 on arm (ARCH_DMA_MINALIGN, the L1\n"
	"line of ARMv7), 128 on arm64 (6.1's ARCH_DMA_MINALIGN), and there is\n"
	"no kmalloc-96 when it is above 32 nor kmalloc-192 above 64.  GFP_DMA\n"
	"picks dma-kmalloc-N, __GFP_RECLAIMABLE kmalloc-rcl-N.  Above 8K,\n"
	"kmalloc_large takes a compound block of order get_order(size) from\n"
	"the page allocator; above KMALLOC_MAX_SIZE (4M) it fails.\n"
	"\n"
	"The object comes from the current CPU's slab (the 'cpu' command\n"
	"switches CPU): the head of its free list.  When that slab has no free\n"
	"object left it leaves the CPU and the next allocation takes a partial\n"
	"slab of the node, or a new slab from the buddy allocator (lowmem,\n"
	"order and objects as calculate_order chooses for this machine's CPU\n"
	"count).  The output names the cache, the object's index in its slab,\n"
	"the slab (pfn, where it is, objects in use, the next free object),\n"
	"the physical address and region (the direct map: a fixed offset from\n"
	"the virtual address, so kmalloc memory is physically contiguous), and\n"
	"what changed; 'set verbose on' adds the buddy allocator's steps,\n"
	"--walk the page-table walk.  The object's bytes are what the slab\n"
	"held (kmalloc does not clear them: see kzalloc); the value ($_) is\n"
	"the address, for kfree.  kmalloc 0 is refused here (Linux returns\n"
	"ZERO_SIZE_PTR, 0x10).  GFP_HIGHUSER or __GFP_DMA32 are dropped with\n"
	"the kernel's \"Unexpected gfp\" warning.\n",
	.complete = "expr gfp",
	.opts = slab_alloc_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmalloc_run,
};

const struct cmd cmd_kzalloc = {
	.name = "kzalloc",
	.family = FAM_SLAB,
	.usage = "[--walk] SIZE [GFP]",
	.summary = "kmalloc with __GFP_ZERO: the object's bytes are cleared",
	.help =
	"kzalloc(size, gfp) is kmalloc(size, gfp | __GFP_ZERO): the same cache\n"
	"and object as kmalloc (see 'help kmalloc'), then the allocator clears\n"
	"the cache's object_size bytes (slab_post_alloc_hook), or the page\n"
	"allocator clears the pages of a kmalloc_large block.  'x ADDR'\n"
	"shows the zeros; a plain kmalloc of a freed object would show the\n"
	"free pointer SLUB left in its middle.\n",
	.complete = "expr gfp",
	.opts = slab_alloc_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmalloc_run,
};
