// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate SIZE zeroed bytes: kmalloc with __GFP_ZERO.
 */
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

static int
kzalloc_run(struct ctx *ctx, int argc, char **argv)
{
	return slab_cmd_kmalloc(ctx, argc, argv, true);
}

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
	.flags = CMD_SIM,
	.run = kzalloc_run,
};
