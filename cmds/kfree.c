// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free what kmalloc returned.
 */
#include "ptwalk/out.h"
#include "ptwalk/show_slab.h"

static int
kfree_run(struct ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return slab_free_cmd(ctx, NULL, argv[1]);
}

const struct cmd cmd_kfree = {
	.name = "kfree",
	.family = FAM_SLAB,
	.usage = "ADDR",
	.summary = "free an object kmalloc (or kmem_cache_alloc) returned",
	.help =
	"kfree(addr): virt_to_page finds the slab, the slab names its cache,\n"
	"and the object goes to the head of its slab's free list (its free\n"
	"pointer, at the cache's offset inside the object, now holds the old\n"
	"head: 'x' shows it).  A free into a CPU's slab changes no list; a\n"
	"full slab goes back on its node's partial list; a slab left empty\n"
	"goes back to the buddy allocator when the node already keeps\n"
	"min_partial partial slabs (5 to 10, by object size), else it stays,\n"
	"empty, on the partial list.  A kmalloc_large block goes back to the\n"
	"page allocator whole.  kfree of NULL or ZERO_SIZE_PTR (0x10) does\n"
	"nothing.\n"
	"\n"
	"Every free is checked first and refused with the reason, changing\n"
	"nothing: an address already free (double free) or inside an object\n"
	"(the error names the object and its start), in the unused tail of a\n"
	"slab, in a page another allocator owns (page tables, vmalloc, the page\n"
	"allocator itself: the error names it), a free page, or outside the\n"
	"direct map.  Linux checks this only with slub_debug; without it such a\n"
	"free corrupts the free list.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = kfree_run,
};
