// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Create a slab cache.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

static int
kmem_cache_create_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kmem_cache *s;
	slab_flags_t flags = 0;
	struct strbuf sb;
	struct error e;
	u64 size, align = 0;

	if (arg_u64(ctx, args->argv[1], "SIZE", &size))
		return -1;
	if (args->argc > 2 && arg_u64(ctx, args->argv[2], "ALIGN", &align))
		return -1;
	if (args->argc > 3 && arg_slab_flags(ctx, args->argv[3], &flags))
		return -1;
	/* both are unsigned int in kmem_cache_create(): refuse, not truncate */
	if (size > 0xffffffffULL)
		return cmd_error(ctx, "SIZE %#llx is too large: the largest "
				 "object is KMALLOC_MAX_SIZE (4M)",
				 (unsigned long long)size);
	if (align > 0xffffffffULL)
		return cmd_error(ctx, "ALIGN %#llx is too large: an alignment "
				 "is a power of two up to a page",
				 (unsigned long long)align);
	s = kmem_cache_create(m, args->argv[0], (unsigned)size, (unsigned)align,
			      flags, &e);
	show_trace(ctx);
	if (s == NULL)
		return cmd_err(ctx, &e);
	sb_init(&sb);
	slab_flags_string(s->flags, &sb);
	out_printf(ctx, "kmem_cache_create(\"%s\", %u, %llu, %s) = %s\n",
		   s->name, s->object_size, (unsigned long long)align, sb.buf,
		   fva(m, s->va));
	out_printf(ctx, "  object_size %u, size %u (align %u), free pointer "
		   "at +%u\n", s->object_size, s->size, s->align, s->offset);
	out_printf(ctx, "  slabs of order %u (%s), %s each (%llu bytes "
		   "unused); min_partial %lu\n", oo_order(s->oo),
		   plural(1ULL << oo_order(s->oo), "page", NULL),
		   plural(oo_objects(s->oo), "object", NULL),
		   (unsigned long long)((PAGE_SIZE << oo_order(s->oo)) -
					(u64)oo_objects(s->oo) * s->size),
		   s->min_partial);
	out_printf(ctx, "  struct kmem_cache at %s (an object of kmem_cache); "
		   "no slab yet\n", fva(m, s->va));
	j_str(ctx, "name", s->name);
	j_hex(ctx, "va", s->va);
	j_u64(ctx, "object_size", s->object_size);
	j_u64(ctx, "size", s->size);
	j_u64(ctx, "align", s->align);
	j_u64(ctx, "offset", s->offset);
	j_int(ctx, "order", oo_order(s->oo));
	j_int(ctx, "objects", oo_objects(s->oo));
	j_str(ctx, "flags", sb.buf);
	sb_release(&sb);
	show_slab_events(ctx);
	cmd_set_value(ctx, s->va);
	return 0;
}

const struct cmd cmd_kmem_cache_create = {
	.name = "kmem_cache_create",
	.family = FAM_SLAB,
	.usage = "NAME SIZE [ALIGN] [FLAGS]",
	.summary = "create a slab cache of SIZE-byte objects",
	.help =
	"kmem_cache_create(name, size, align, flags, NULL) as SLUB does it in\n"
	"Linux 6.1: the alignment is the largest of ALIGN, the cache line\n"
	"(64) halved while the object fits in half of it (SLAB_HWCACHE_ALIGN),\n"
	"and 8; the object is rounded up to a word, the free pointer goes in\n"
	"its middle (after it with SLAB_POISON), and the size is rounded up\n"
	"to the alignment.  calculate_order picks the slab order: the smallest\n"
	"that holds at least slub_min_objects = 4 * (fls(CPUs) + 1) objects\n"
	"(fewer if that is above order 3) with at most 1/16 of the slab unused,\n"
	"then 1/8, then 1/4.  min_partial is ilog2(size)/2 between 5 and 10.\n"
	"FLAGS: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA (slabs from ZONE_DMA),\n"
	"SLAB_CACHE_DMA32, SLAB_RECLAIM_ACCOUNT, SLAB_POISON (free objects\n"
	"filled with 0x6b and a final 0xa5), SLAB_PANIC, joined with '|'.\n"
	"The struct kmem_cache itself is an object of the kmem_cache cache and\n"
	"its per-node structs objects of kmem_cache_node, as in Linux (their\n"
	"fields live in ptwalk, the objects are zeroed); the value ($_) is its\n"
	"address.  No slab exists until the first kmem_cache_alloc.  Caches\n"
	"are never merged (as with slab_nomerge), so each has its own line in\n"
	"slabinfo; a name already in use is refused.\n",
	.complete = "word expr expr words:SLAB_HWCACHE_ALIGN,SLAB_CACHE_DMA,SLAB_CACHE_DMA32,SLAB_RECLAIM_ACCOUNT,SLAB_POISON,SLAB_PANIC",
	.min_args = 2,
	.max_args = 4,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmem_cache_create_run,
};
