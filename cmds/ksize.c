// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The usable size of an allocated object.
 */
#include "ptwalk/out.h"
#include "ptwalk/show_slab.h"

static int
ksize_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct slab_obj_info info;
	struct error e;
	u64 x, n;

	if (arg_va(ctx, args->argv[0], "ADDR", &x))
		return -1;
	n = ksize(m, x, &e);
	if (n == 0)
		return cmd_err(ctx, &e);
	slab_lookup(m, x, &info);
	if (info.cache != NULL)
		out_printf(ctx, "ksize(%s) = %llu (object %ld of %s: object_size "
			   "%u, size %u)\n", fva(m, x), (unsigned long long)n,
			   info.index, info.cache->name,
			   info.cache->object_size, info.cache->size);
	else
		out_printf(ctx, "ksize(%s) = %llu (a kmalloc_large block of "
			   "order %u)\n", fva(m, x), (unsigned long long)n,
			   info.order);
	j_hex(ctx, "va", x);
	j_u64(ctx, "ksize", n);
	if (info.cache != NULL)
		j_str(ctx, "cache", info.cache->name);
	else
		j_null(ctx, "cache");
	cmd_set_value(ctx, n);
	return 0;
}

const struct cmd cmd_ksize = {
	.name = "ksize",
	.family = FAM_SLAB,
	.usage = "ADDR",
	.summary = "the usable size of an allocated object (its cache's size)",
	.help =
	"ksize(addr): how many bytes the caller may really use, which is the\n"
	"cache's object size, not the size asked for (kmalloc 100 gives a\n"
	"kmalloc-128 object: ksize 128).  SLAB_POISON caches give\n"
	"object_size.  A kmalloc_large block gives its pages' size.  The\n"
	"value ($_) is the size.  ADDR must be the start of an allocated\n"
	"object.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_NUMBER,
	.run = ksize_run,
};
