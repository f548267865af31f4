// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free an object back to its cache.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_slab.h"

static int
kmem_cache_free_run(struct ctx *ctx, int argc, char **argv)
{
	struct kmem_cache *s;

	(void)argc;
	if (arg_cache(ctx, argv[1], &s))
		return -1;
	return slab_free_cmd(ctx, s, argv[2]);
}

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
	.flags = CMD_SIM,
	.run = kmem_cache_free_run,
};
