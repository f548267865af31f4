// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A cache and its slabs: CPU slabs, partial and full, with free lists.
 */
#include "ptwalk/arg.h"
#include "ptwalk/kstate.h"
#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/show_kstate.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_slab.h"

#define FREELIST_SHOWN	6

static void
show_one_slab(struct ctx *ctx, const struct kmem_cache *s, struct page *slab,
	      const char *what)
{
	struct machine *m = ctx->m;
	u64 fl[FREELIST_SHOWN];
	unsigned n, i, shown;
	u64 pfn = page_to_pfn(m, slab);

	n = slab_freelist(m, slab, fl, FREELIST_SHOWN);
	shown = n < FREELIST_SHOWN ? n : FREELIST_SHOWN;
	out_printf(ctx, "  %-8s pfn %s  %s  %3u/%-3u in use  freelist",
		   what, fpfn(m, pfn), fva(m, page_address(m, slab)),
		   slab_inuse(slab), slab_objects(slab));
	if (n == 0)
		out_printf(ctx, " NULL");
	for (i = 0; i < shown; i++)
		out_printf(ctx, "%s%s", i ? " -> " : " ", fva(m, fl[i]));
	if (n > shown)
		out_printf(ctx, " -> ... (%u free)", n);
	out_printf(ctx, "\n");
	j_obj(ctx, NULL);
	j_str(ctx, "list", what);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "va", page_address(m, slab));
	j_int(ctx, "order", compound_order(slab));
	j_int(ctx, "inuse", slab_inuse(slab));
	j_int(ctx, "objects", slab_objects(slab));
	j_int(ctx, "free", n);
	j_hex(ctx, "freelist", slab->index);
	j_obj_end(ctx);
	(void)s;
}

static int
slab_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	struct kmem_cache *s;
	struct strbuf sb;
	struct list_head *l;
	int cpu, nid;
	char what[16];

	if (arg_cache(ctx, args->argv[0], &s))
		return -1;
	sb_init(&sb);
	slab_flags_string(s->flags, &sb);
	out_printf(ctx, "%s: struct kmem_cache at %s (an object of "
		   "kmem_cache)\n", s->name, fva(m, s->va));
	out_printf(ctx, "  object_size %u  size %u  align %u  inuse %u  "
		   "offset %u (free pointer)\n", s->object_size, s->size,
		   s->align, s->inuse, s->offset);
	out_printf(ctx, "  oo order %u, %s per slab; min order %u, %s; "
		   "min_partial %lu\n", oo_order(s->oo),
		   plural(oo_objects(s->oo), "object", NULL), oo_order(s->min),
		   plural(oo_objects(s->min), "object", NULL), s->min_partial);
	out_printf(ctx, "  flags %s  allocflags %s\n", sb.buf,
		   s->allocflags ? fgfp(s->allocflags) : "-");
	j_str(ctx, "name", s->name);
	j_hex(ctx, "va", s->va);
	j_u64(ctx, "object_size", s->object_size);
	j_u64(ctx, "size", s->size);
	j_u64(ctx, "align", s->align);
	j_u64(ctx, "offset", s->offset);
	j_int(ctx, "order", oo_order(s->oo));
	j_int(ctx, "objects", oo_objects(s->oo));
	j_u64(ctx, "min_partial", s->min_partial);
	j_str(ctx, "flags", sb.buf);
	sb_release(&sb);
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		const struct kmem_cache_node *n = s->node[nid];

		out_printf(ctx, "  node %d (struct kmem_cache_node at %s): %s, "
			   "%s; %lu partial, %lu full\n", nid,
			   fva(m, s->node_va[nid]),
			   plural(n->nr_slabs, "slab", NULL),
			   plural(n->total_objects, "object", NULL),
			   n->nr_partial, n->nr_full);
	}
	j_arr(ctx, "slabs");
	for (cpu = 0; cpu < m->ncpus; cpu++)
		if (s->cpu_slab[cpu].slab != NULL) {
			snprintf(what, sizeof(what), "cpu%d", cpu);
			show_one_slab(ctx, s, s->cpu_slab[cpu].slab, what);
		}
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		list_for_each(l, &s->node[nid]->partial)
			show_one_slab(ctx, s, list_entry(l, struct page, lru),
				      "partial");
		list_for_each(l, &s->node[nid]->full)
			show_one_slab(ctx, s, list_entry(l, struct page, lru),
				      "full");
	}
	j_arr_end(ctx);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_slab(f, m, s);
		cmd_set_figure(ctx, f);
	}
	cmd_set_value(ctx, s->va);
	return 0;
}

static void
show_kslab(struct ctx *ctx, const struct kslab_one *o)
{
	struct machine *m = ctx->m;
	unsigned i, shown = MIN(o->nfree, KSLAB_FL_SHOWN);

	out_printf(ctx, "  %-8s slab %s  %3llu/%-3llu in use  freelist",
		   o->what, fva(m, o->slab), (unsigned long long)o->inuse,
		   (unsigned long long)o->objects);
	if (o->nfree == 0)
		out_printf(ctx, " NULL");
	for (i = 0; i < shown; i++)
		out_printf(ctx, "%s%s", i ? " -> " : " ", fva(m, o->fl[i]));
	if (o->nfree > shown)
		out_printf(ctx, " -> ... (%u free%s)", o->nfree,
			   o->fl_broken ? ", the list broken" : "");
	out_printf(ctx, "\n");
	j_obj(ctx, NULL);
	j_str(ctx, "list", o->what);
	j_hex(ctx, "slab", o->slab);
	j_u64(ctx, "inuse", o->inuse);
	j_u64(ctx, "objects", o->objects);
	j_int(ctx, "free", o->nfree);
	j_obj_end(ctx);
}

/* A real cache: the struct kmem_cache and the slabs SLUB lists. */
static int
slab_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kslab_detail d;
	struct strbuf sb;
	struct error e;
	size_t i;
	int nid;

	if (kslab_detail_read(m, args->argv[0], &d, &e)) {
		kslab_detail_release(&d);
		return cmd_error(ctx, "%s", e.msg);
	}
	sb_init(&sb);
	slab_flags_string((slab_flags_t)d.flags, &sb);
	out_printf(ctx, "%s: struct kmem_cache at %s\n", d.name,
		   fva(m, d.va));
	out_printf(ctx, "  object_size %llu  size %llu  align %llu  inuse %llu"
		   "  offset %llu (free pointer)\n",
		   (unsigned long long)d.object_size,
		   (unsigned long long)d.size, (unsigned long long)d.align,
		   (unsigned long long)d.inuse, (unsigned long long)d.offset);
	out_printf(ctx, "  oo order %u, %s per slab; min order %u, %s; "
		   "min_partial %llu\n", (unsigned)(d.oo >> 16),
		   plural(d.oo & 0xffff, "object", NULL),
		   (unsigned)(d.min >> 16), plural(d.min & 0xffff, "object",
						   NULL),
		   (unsigned long long)d.min_partial);
	out_printf(ctx, "  flags %s  allocflags %s\n", sb.buf,
		   d.allocflags ? fgfp((gfp_t)d.allocflags) : "-");
	j_str(ctx, "name", d.name);
	j_hex(ctx, "va", d.va);
	j_u64(ctx, "object_size", d.object_size);
	j_u64(ctx, "size", d.size);
	j_u64(ctx, "align", d.align);
	j_u64(ctx, "offset", d.offset);
	j_int(ctx, "order", (int)(d.oo >> 16));
	j_int(ctx, "objects", (int)(d.oo & 0xffff));
	j_u64(ctx, "min_partial", d.min_partial);
	j_str(ctx, "flags", sb.buf);
	sb_release(&sb);
	for (nid = 0; nid < d.nnodes; nid++)
		if (d.node[nid].va)
			out_printf(ctx, "  node %d (struct kmem_cache_node at "
				   "%s): %s, %s; %llu partial\n", nid,
				   fva(m, d.node[nid].va),
				   plural(d.node[nid].nr_slabs, "slab", NULL),
				   plural(d.node[nid].total_objects, "object",
					  NULL),
				   (unsigned long long)d.node[nid].nr_partial);
	j_arr(ctx, "slabs");
	for (i = 0; i < d.nslab; i++)
		show_kslab(ctx, &d.slab[i]);
	j_arr_end(ctx);
	show_knotes(ctx, &d.notes);
	cmd_set_value(ctx, d.va);
	kslab_detail_release(&d);
	return 0;
}

const struct cmd cmd_slab = {
	.name = "slab",
	.aliases = "kmem_cache",
	.family = FAM_SLAB,
	.usage = "NAME",
	.summary = "a cache's struct kmem_cache and its slabs with their free lists",
	.help =
	"Shows the cache's layout (object_size, size, align, the free\n"
	"pointer's offset, the order and objects per slab, min_partial, flags\n"
	"and the GFP its slabs are allocated with), each node's counts, and\n"
	"every slab: first the CPU slabs (one per CPU that allocated from the\n"
	"cache: SLUB's kmem_cache_cpu), then the node's partial list in order\n"
	"(the next CPU slab comes from its head), then the full slabs.  SLUB\n"
	"keeps no list of full slabs unless debugging; ptwalk tracks them to\n"
	"show them.  Each slab line gives its pfn and address, objects in use\n"
	"and the head of its free list, followed through the free pointers\n"
	"stored in the objects ('x' on an object shows the same pointer).\n"
	"The CPU slab's own lockless freelist is merged here with the slab's\n"
	"freelist (one list per slab).  The value ($_) is the struct\n"
	"kmem_cache's address.  The kernel's other caches (task_struct,\n"
	"dentry ...) are not simulated: only slab's own and those you create.\n"
	"With --svg, --png or --pdf it also draws the slabs to scale: objects\n"
	"in use filled, free ones numbered in free-list order with a mark at\n"
	"the free pointer, the first hops of the list as arrows, the slab's\n"
	"pages and frames under it; at most 24 slabs (the caption counts the\n"
	"rest), and objects too thin to number drawn as runs; on the\n"
	"simulated machine.\n"
	"\n"
	"On a memory image, the real cache NAME of slab_caches, read with the\n"
	"dump's BTF: the same struct kmem_cache fields and node counts, then\n"
	"each CPU's slab (kmem_cache_cpu through __per_cpu_offset) with the\n"
	"CPU's lockless freelist followed before the slab's own, then the\n"
	"partial slabs; a slab is named by its struct slab.  The free pointers\n"
	"are decoded as the kernel does (CONFIG_SLAB_FREELIST_HARDENED: ptr ^\n"
	"s->random ^ swab(&ptr)).  Full slabs are on no list of SLUB's and\n"
	"are not shown; a free list that leaves its slab is counted to there\n"
	"and named in a warning.\n",
	.complete = "slabcache",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_FIGURE,
	.value = VALUE_VA,
	.run = slab_run,
	.run_image = slab_image,
};
