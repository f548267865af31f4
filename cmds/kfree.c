// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free what kmalloc returned (kfree), or an object back to its cache
 * (kmem_cache_free).
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_slab.h"

extern const struct cmd cmd_kmem_cache_free;

static int
kfree_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kmem_cache *cache = NULL;
	struct slab_obj_info info;
	const char *addr = args->argv[0];
	struct error e;
	char call[160];
	u64 x;
	int r;

	if (cmd_entry(ctx) == &cmd_kmem_cache_free) {
		if (arg_cache(ctx, args->argv[0], &cache))
			return -1;
		addr = args->argv[1];
	}
	if (arg_va(ctx, addr, "ADDR", &x))
		return -1;
	if (cache != NULL)
		snprintf(call, sizeof(call), "kmem_cache_free(%s, %s)",
			 cache->name, fva(m, x));
	else
		snprintf(call, sizeof(call), "kfree(%s)", fva(m, x));
	if (slab_lookup(m, x, &info) != 0)
		memset(&info, 0, sizeof(info));
	r = cache ? kmem_cache_free(m, cache, x, &e) : kfree(m, x, &e);
	if (r)
		return cmd_err(ctx, &e);
	show_slab_free(ctx, call, x, &info);
	show_trace(ctx);
	return 0;
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
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kfree_run,
};

const struct cmd cmd_kmem_cache_free = {
	.name = "kmem_cache_free",
	.family = FAM_SLAB,
	.usage = "NAME ADDR",
	.summary = "free an object of the cache NAME",
	.help =
	"kmem_cache_free(cache, addr): as kfree (see 'help kfree'), and the\n"
	"object must belong to NAME: an object of another cache is refused\n"
	"(Linux warns \"Wrong slab cache\" when it checks).  The same checks\n"
	"as kfree apply: double frees, addresses inside an object, pages of\n"
	"other allocators are refused and nothing changes.\n",
	.complete = "slabcache addr",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kfree_run,
};
