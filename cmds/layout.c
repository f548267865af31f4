// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's virtual address space as a table and as a picture.
 */
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/figure.h"
#include "ptwalk/image.h"
#include "ptwalk/out.h"
#include "ptwalk/whatis.h"

static void
layout_picture(struct ctx *ctx)
{
	const struct machine *m = ctx->m;
	int i, w = m->arch->va_digits;

	out_printf(ctx, "\n");
	for (i = m->nregions - 1; i >= 0; i--) {
		const struct region *r = &m->regions[i];
		char label[64];
		u64 top = r->end - 1;

		snprintf(label, sizeof(label), "%s (%s)", r->name,
			 fsize(r->end - r->start));
		if (i == m->nregions - 1)
			out_printf(ctx, "0x%0*llx +--------------------------------+\n",
				   w, (unsigned long long)top);
		out_printf(ctx, "%*s | %-30s |%s\n", w + 2, "", label,
			   (r->flags & REG_GAP) ? "" : "");
		out_printf(ctx, "0x%0*llx +--------------------------------+\n",
			   w, (unsigned long long)r->start);
	}
}

/* The live allocations of each region (the simulated kernel's). */
static void
layout_live(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct region_use u[64];
	int n, i;

	if (m->kern == NULL)
		return;
	n = region_usage(m, u, 64);
	if (n == 0)
		return;
	out_printf(ctx, "\nlive allocations\n");
	j_arr(ctx, "live");
	for (i = 0; i < n; i++) {
		char bytes[40];

		if (u[i].bytes % 1024)
			snprintf(bytes, sizeof(bytes), "%llu bytes",
				 (unsigned long long)u[i].bytes);
		else
			snprintf(bytes, sizeof(bytes), "%s", fsize(u[i].bytes));
		out_printf(ctx, "  %-14s %8llu %s, %s\n", u[i].region,
			   (unsigned long long)u[i].count, u[i].what, bytes);
		j_obj(ctx, NULL);
		j_str(ctx, "region", u[i].region);
		j_str(ctx, "what", u[i].what);
		j_u64(ctx, "count", u[i].count);
		j_u64(ctx, "bytes", u[i].bytes);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}

/*
 * One row per region: name, start, end, size, then what lives there and
 * how an address there becomes physical, wrapped in their column; when
 * that column would be too narrow (64-bit addresses at 80 columns), the
 * text goes under the row, below the start.
 */
static void
layout_table(struct ctx *ctx)
{
	const struct machine *m = ctx->m;
	int i, nw = 6, w = m->arch->va_digits + 2, col;

	for (i = 0; i < m->nregions; i++)
		if ((int)strlen(m->regions[i].name) > nw)
			nw = (int)strlen(m->regions[i].name);
	col = nw + 2 + w + 1 + w + 1 + 8 + 2;
	if (ctx->width - col < 30)
		col = nw + 2;
	out_printf(ctx, "%-*s  %-*s %-*s %8s", nw, "region", w, "start", w,
		   "end", "size");
	if (col == nw + 2)
		out_printf(ctx, "\n%*s", col, "");
	else
		out_printf(ctx, "  ");
	out_printf(ctx, "what lives there; -> physical\n");
	j_arr(ctx, "regions");
	for (i = 0; i < m->nregions; i++) {
		const struct region *r = &m->regions[i];

		out_printf(ctx, "%-*s  %s %s %8s", nw, r->name,
			   fva(m, r->start), fva(m, r->end - 1),
			   fsize(r->end - r->start));
		if (col == nw + 2)
			out_printf(ctx, "\n%*s%s\n", col, "", r->what);
		else
			out_printf(ctx, "  %s\n", r->what);
		if (!(r->flags & REG_GAP))
			out_printf(ctx, "%*s-> %s\n", col, "", r->conv);
		j_obj(ctx, NULL);
		j_str(ctx, "name", r->name);
		j_hex(ctx, "start", r->start);
		j_hex(ctx, "end", r->end);
		j_u64(ctx, "size", r->end - r->start);
		j_str(ctx, "what", r->what);
		j_str(ctx, "conv", r->conv);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
}

/*
 * One layout constant as "NAME value".  Every one of them is a kernel
 * address, never 0: 0 is what an image leaves unknown when the file does
 * not give it.  The text says "unknown"; JSON leaves the key out, as it
 * leaves out what a result does not have.
 */
static void
layout_const(struct ctx *ctx, char *pair, const char *name, u64 v)
{
	snprintf(pair, 64, "%s %s", name, v ? fva(ctx->m, v) : "unknown");
	if (v)
		j_hex(ctx, name, v);
}

/* "NAME value" pairs, as many on a line as fit. */
static void
layout_constants(struct ctx *ctx)
{
	const struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	char pairs[9][64];
	int n = 0, i, col = 0;

	layout_const(ctx, pairs[n++], "PAGE_OFFSET", L->page_offset);
	layout_const(ctx, pairs[n++], "high_memory", L->high_memory);
	layout_const(ctx, pairs[n++], "VMALLOC_START", L->vmalloc_start);
	layout_const(ctx, pairs[n++], "VMALLOC_END", L->vmalloc_end);
	/* the kmap window of 32-bit kernels, known or not */
	if (L->pkmap_base || (m->image && !m->arch->is64)) {
		layout_const(ctx, pairs[n++], "PKMAP_BASE", L->pkmap_base);
		if (L->last_pkmap) {
			snprintf(pairs[n++], 64, "LAST_PKMAP %u", L->last_pkmap);
			j_u64(ctx, "LAST_PKMAP", L->last_pkmap);
		} else {
			snprintf(pairs[n++], 64, "LAST_PKMAP unknown");
		}
	}
	if (L->cpu_entry_area)
		layout_const(ctx, pairs[n++], "CPU_ENTRY_AREA_BASE",
			     L->cpu_entry_area);
	layout_const(ctx, pairs[n++], "FIXADDR_START", L->fixaddr_start);
	layout_const(ctx, pairs[n++], "FIXADDR_TOP", L->fixaddr_top);
	out_printf(ctx, "\n");
	for (i = 0; i < n; i++) {
		int l = (int)strlen(pairs[i]);

		if (col > 0 && col + 2 + l > ctx->width) {
			out_printf(ctx, "\n");
			col = 0;
		}
		out_printf(ctx, "%s%s", col ? "  " : "", pairs[i]);
		col += (col ? 2 : 0) + l;
	}
	out_printf(ctx, "\n");
}

static int
layout_run(struct ctx *ctx)
{
	const struct machine *m = ctx->m;

	if (args_has(ctx, "--phys") && !cmd_figure_wanted(ctx))
		return cmd_error(ctx, "--phys draws the physical side of the "
				 "figure: give --svg, --png or --pdf too");
	layout_table(ctx);
	if (m->image && m->img != NULL) {
		out_printf(ctx, "\nfrom the image: direct map: %s\n",
			   m->img->direct_from[0] ? m->img->direct_from :
			   "not known");
		if (m->img->layout_note[0])
			out_printf(ctx, "regions: %s\n", m->img->layout_note);
		if (m->img->direct_from[0])
			j_str(ctx, "direct_map_from", m->img->direct_from);
		if (m->img->layout_note[0])
			j_str(ctx, "regions_from", m->img->layout_note);
	}
	if (m->lay.page_offset)
		layout_constants(ctx);
	layout_live(ctx);
	layout_picture(ctx);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		if (args_has(ctx, "--phys"))
			fig_layout_phys(f, ctx->m);
		else
			fig_layout(f, m);
		cmd_set_figure(ctx, f);
	}
	return 0;
}

static const struct cmd_opt layout_opts[] = {
	{ "--phys", NULL, NULL, "in the figure, draw physical memory too: "
	  "its zones and the arrows of the linear maps" },
	{ NULL, NULL, NULL, NULL },
};

const struct cmd cmd_layout = {
	.name = "layout",
	.family = FAM_SESSION,
	.usage = "",
	.summary = "the virtual address space: regions as a table and a picture",
	.help =
	"Lists every region of the virtual address space (user space, the\n"
	"direct map of lowmem, the gap, vmalloc, pkmap, fixmap, and on 64-bit\n"
	"the vmemmap, kernel text and module regions; on arm the null-pointer\n"
	"trap page, modules and pkmap below PAGE_OFFSET, the DMA consistent\n"
	"area and the vector page) with its start, end,\n"
	"size, what allocates there and how an address there becomes a\n"
	"physical one, then the layout constants and a picture in the style\n"
	"of the classic 3G/1G diagram (high addresses at the top).  On a\n"
	"memory image a constant the file does not give reads \"unknown\"\n"
	"(and is left out of --json).  With --svg, --png or --pdf it also\n"
	"draws the address space as a figure: every region a box with its\n"
	"bounds, size, name and what allocates there, the holes between\n"
	"regions hatched, the user/kernel split marked, on a logarithmic\n"
	"scale so that a 4K page and a 64T map are both readable.  --phys\n"
	"adds physical memory beside it, to scale, with the zones of the\n"
	"kernel's page allocator (the dump's on an image, when its types say\n"
	"where they start) and an arrow from each linearly mapped region (the\n"
	"direct map, the kernel image) to the memory it maps.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.opts = layout_opts,
	.flags = CMD_FIGURE,
	.run = layout_run,
};
