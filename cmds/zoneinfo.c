// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * /proc/zoneinfo: sizes, free pages, watermarks and protection per zone.
 */
#include "ptwalk/figure.h"
#include "ptwalk/memblock.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_kstate.h"

static void
node_stats(struct ctx *ctx, const pg_data_t *pgdat)
{
	int i;

	out_printf(ctx, "\n  per-node stats");
	j_obj(ctx, "node_stats");
	for (i = 0; i < NR_VM_NODE_STAT_ITEMS; i++) {
		long v = pgdat->vm_stat[i];

		/* node_page_state_pages(): the _B items in pages */
		if (i == NR_SLAB_RECLAIMABLE_B || i == NR_SLAB_UNRECLAIMABLE_B)
			v >>= PAGE_SHIFT;
		out_printf(ctx, "\n      %-12s %ld", node_stat_names[i], v);
		j_int(ctx, node_stat_names[i], v);
	}
	j_obj_end(ctx);
}

static void
zone_show(struct ctx *ctx, struct page_alloc *pgalloc, struct zone *z,
	  bool first_populated)
{
	int t, o;
	bool any = false;

	/* mm/vmstat.c zoneinfo_show_print() */
	out_printf(ctx, "Node %d, zone %8s", z->zone_pgdat->node_id, z->name);
	j_obj(ctx, NULL);
	j_int(ctx, "node", z->zone_pgdat->node_id);
	j_str(ctx, "zone", z->name);
	if (first_populated)
		node_stats(ctx, z->zone_pgdat);
	out_printf(ctx, "\n  pages free     %lu"
		   "\n        boost    0"
		   "\n        min      %lu"
		   "\n        low      %lu"
		   "\n        high     %lu"
		   "\n        spanned  %lu"
		   "\n        present  %lu"
		   "\n        managed  %lu"
		   "\n        cma      %llu",
		   z->nr_free_pages, min_wmark_pages(z), low_wmark_pages(z),
		   high_wmark_pages(z), z->spanned_pages, z->present_pages,
		   z->managed_pages, (unsigned long long)memblock_cma_pages(
		   ctx->m, z->zone_start_pfn, z->zone_start_pfn +
		   z->spanned_pages));
	j_u64(ctx, "free", z->nr_free_pages);
	j_u64(ctx, "min", min_wmark_pages(z));
	j_u64(ctx, "low", low_wmark_pages(z));
	j_u64(ctx, "high", high_wmark_pages(z));
	j_u64(ctx, "spanned", z->spanned_pages);
	j_u64(ctx, "present", z->present_pages);
	j_u64(ctx, "managed", z->managed_pages);
	j_u64(ctx, "cma", memblock_cma_pages(ctx->m, z->zone_start_pfn,
					     z->zone_start_pfn +
					     z->spanned_pages));
	out_printf(ctx, "\n        protection: (");
	j_arr(ctx, "protection");
	for (t = 0; t < MAX_NR_ZONES; t++) {
		if (!zone_configured(pgalloc, t))
			continue;
		out_printf(ctx, "%s%ld", any ? ", " : "", z->lowmem_reserve[t]);
		j_int(ctx, NULL, z->lowmem_reserve[t]);
		any = true;
	}
	j_arr_end(ctx);
	out_printf(ctx, ")");
	if (!populated_zone(z)) {
		out_printf(ctx, "\n");
		j_obj_end(ctx);
		return;
	}
	out_printf(ctx, "\n      nr_free_pages %lu", z->nr_free_pages);
	out_printf(ctx, "\n  start_pfn:           %lu", z->zone_start_pfn);
	j_u64(ctx, "start_pfn", z->zone_start_pfn);
	out_printf(ctx, "\n  free_area:          ");
	j_arr(ctx, "nr_free");
	for (o = 0; o < MAX_ORDER; o++) {
		out_printf(ctx, " %lu", z->free_area[o].nr_free);
		j_u64(ctx, NULL, z->free_area[o].nr_free);
	}
	j_arr_end(ctx);
	out_printf(ctx, "\n");
	j_obj_end(ctx);
}

/* One line of zoneinfo_show_print() when the dump says it. */
static void
opt_line(struct ctx *ctx, const char *fmt, const char *key, bool have, u64 v)
{
	if (!have)
		return;
	out_printf(ctx, fmt, (unsigned long long)v);
	j_u64(ctx, key, v);
}

/* An image's zone: the lines of zoneinfo_show_print() the dump can say. */
static void
image_zone_show(struct ctx *ctx, const struct kzone *z)
{
	int i;
	unsigned o;

	out_printf(ctx, "Node %d, zone %8s", z->nid, z->name);
	j_obj(ctx, NULL);
	j_int(ctx, "node", z->nid);
	j_str(ctx, "zone", z->name);
	opt_line(ctx, "\n  pages free     %llu", "free", z->have_free_pages,
		 z->free_pages);
	opt_line(ctx, "\n        boost    %llu", "boost", z->have_boost,
		 z->boost);
	opt_line(ctx, "\n        min      %llu", "min", z->have_wmark,
		 z->wmark[0]);
	opt_line(ctx, "\n        low      %llu", "low", z->have_wmark,
		 z->wmark[1]);
	opt_line(ctx, "\n        high     %llu", "high", z->have_wmark,
		 z->wmark[2]);
	opt_line(ctx, "\n        spanned  %llu", "spanned", true, z->spanned);
	opt_line(ctx, "\n        present  %llu", "present", z->have_present,
		 z->present);
	opt_line(ctx, "\n        managed  %llu", "managed", z->have_managed,
		 z->managed);
	/* zone_cma_pages(): 0 in a kernel without CONFIG_CMA */
	opt_line(ctx, "\n        cma      %llu", "cma",
		 z->have_cma || z->have_present, z->have_cma ? z->cma : 0);
	if (z->nprotection > 0) {
		out_printf(ctx, "\n        protection: (");
		j_arr(ctx, "protection");
		for (i = 0; i < z->nprotection; i++) {
			out_printf(ctx, "%s%lld", i ? ", " : "",
				   (long long)z->protection[i]);
			j_int(ctx, NULL, z->protection[i]);
		}
		j_arr_end(ctx);
		out_printf(ctx, ")");
	}
	if (z->populated) {
		opt_line(ctx, "\n      nr_free_pages %llu", "nr_free_pages",
			 z->have_free_pages, z->free_pages);
		opt_line(ctx, "\n  start_pfn:           %llu", "start_pfn",
			 z->have_start_pfn, z->start_pfn);
		out_printf(ctx, "\n  free_area:          ");
		j_arr(ctx, "nr_free");
		for (o = 0; o < z->norder; o++) {
			out_printf(ctx, " %llu",
				   (unsigned long long)z->nr_free[o]);
			j_u64(ctx, NULL, z->nr_free[o]);
		}
		j_arr_end(ctx);
	}
	out_printf(ctx, "\n");
	j_obj_end(ctx);
}

static int
image_zoneinfo(struct ctx *ctx)
{
	struct kzones zs;
	struct error e;
	int i;

	error_clear(&e);
	if (kzones_read(ctx->m, &zs, true, &e))
		return cmd_error(ctx, "%s", e.msg);
	j_arr(ctx, "zones");
	for (i = 0; i < zs.n; i++)
		image_zone_show(ctx, &zs.z[i]);
	j_arr_end(ctx);
	if (zs.n > 0 && (!zs.z[0].have_present || !zs.z[0].have_wmark))
		knote(&zs.notes, "the dump places only spanned_pages, "
		      "free_area and vm_stat of struct zone (VMCOREINFO): "
		      "watermarks, present, managed, protection and the "
		      "counters other than nr_free_pages need the kernel's "
		      "types");
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_frames(f, ctx->m, &zs);
		cmd_set_figure(ctx, f);
	}
	show_knotes(ctx, &zs.notes);
	kzones_release(&zs);
	return 0;
}

static int
zoneinfo_run(struct ctx *ctx)
{
	struct page_alloc *pgalloc;
	int nid, t;

	if (ctx->m->kern == NULL)
		return image_zoneinfo(ctx);
	pgalloc = page_alloc_of(ctx->m);

	j_arr(ctx, "zones");
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		bool first = true;

		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];

			if (!zone_configured(pgalloc, t))
				continue;
			zone_show(ctx, pgalloc, z, first && populated_zone(z));
			if (populated_zone(z))
				first = false;
		}
	}
	j_arr_end(ctx);
	j_int(ctx, "min_free_kbytes", pgalloc->min_free_kbytes);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_frames(f, ctx->m, NULL);
		cmd_set_figure(ctx, f);
	}
	return 0;
}

const struct cmd cmd_zoneinfo = {
	.name = "zoneinfo",
	.family = FAM_PAGE_ALLOC,
	.usage = "",
	.summary = "each zone's pages, watermarks and protection, as /proc/zoneinfo",
	.help =
	"Every zone of every node in the layout of /proc/zoneinfo (Linux\n"
	"6.1): the node's own counters before its first populated zone, then\n"
	"per zone the free pages, the watermarks min, low and high, spanned\n"
	"(the pfn range), present (RAM in it) and managed (what boot gave to\n"
	"the buddy allocator: present minus what memblock reserved),\n"
	"'protection', the lowmem_reserve[] an allocation that could have\n"
	"used a higher zone must leave free here, and start_pfn.  The last\n"
	"line, free_area, is ptwalk's: the free blocks per order, as in\n"
	"buddyinfo.  Watermarks follow mm/page_alloc.c: min_free_kbytes =\n"
	"sqrt(16 * lowmem kB) within 128K..256M, shared among the lowmem\n"
	"zones by size; highmem's min is managed/1024 within 32..128 pages;\n"
	"low = min + d, high = min + 2d with d = max(min/4, managed *\n"
	"watermark_scale_factor (10) / 10000).  Not shown: per-CPU pagesets\n"
	"(not modelled) and the zone counters other than nr_free_pages.\n"
	"\n"
	"On a memory image the zones are the dump's (node_data[] or\n"
	"contig_page_data), every zone the node has, populated or not, with\n"
	"the lines the dump can say: VMCOREINFO places spanned_pages,\n"
	"free_area and vm_stat (pages free, nr_free_pages); present,\n"
	"managed, the watermarks, boost, cma, protection and start_pfn need\n"
	"the kernel's types, and a warning says when they are missing.  The\n"
	"free_area line is ptwalk's, as on the simulated machine.  With\n"
	"--svg, --png or --pdf it also draws each zone's frames, as buddyinfo\n"
	"does (on a memory image too).\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_PROCFMT | CMD_FIGURE,
	.run = zoneinfo_run,
};
