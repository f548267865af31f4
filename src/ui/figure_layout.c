// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The virtual address space as the classic figures draw it: one box per
 * region of the machine's layout (the regions `layout` lists), high
 * addresses at the top, each with its bounds, size, name and what
 * allocates there; the holes between regions drawn as unused space; the
 * user/kernel split marked.  The scale is logarithmic: a box's height
 * grows with the logarithm of its size, so that a 4K vector page and a
 * 64T direct map are both readable.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/kstate.h"
#include "ptwalk/page_alloc.h"

#define LAYOUT_W	980.0
#define BOX_W		270.0
#define LINE_H		13.0
#define MAX_LINES	4
#define SPLIT_BAND	22.0
#define ARROW_GAP	130.0		/* --phys: from the boxes to memory */
#define PHYS_W		120.0

/* One box of the figure: a region of the layout or a hole between two. */
struct lay_box {
	const struct region *r;		/* NULL: a hole */
	u64 start, end;
};

/* log2 of the size in 4K pages (0 for a page or less) */
static double
size_log(u64 size)
{
	double pages = (double)size / 4096.0;

	return pages > 1 ? log2(pages) : 0;
}

static int
by_start(const void *a, const void *b)
{
	const struct lay_box *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* The regions in address order, with a box for every hole between two. */
static int
layout_boxes(const struct machine *m, struct lay_box **out)
{
	struct lay_box *b = xcalloc((size_t)m->nregions * 2 + 1, sizeof(*b));
	struct lay_box *s = xcalloc((size_t)m->nregions + 1, sizeof(*s));
	int i, n = 0;

	for (i = 0; i < m->nregions; i++) {
		s[i].r = &m->regions[i];
		s[i].start = m->regions[i].start;
		s[i].end = m->regions[i].end;
	}
	qsort(s, (size_t)m->nregions, sizeof(*s), by_start);
	for (i = 0; i < m->nregions; i++) {
		if (n > 0 && b[n - 1].end != 0 && s[i].start > b[n - 1].end) {
			b[n].r = NULL;
			b[n].start = b[n - 1].end;
			b[n].end = s[i].start;
			n++;
		}
		b[n++] = s[i];
	}
	free(s);
	*out = b;
	return n;
}

static enum fig_style
region_style(const struct region *r)
{
	if (r == NULL || (r->flags & REG_GAP))
		return FS_GAP;
	if (r->flags & REG_USER)
		return FS_USER;
	if (r->flags & (REG_DIRECT | REG_KIMAGE))
		return FS_DIRECT;
	return FS_MAPPED;
}

/* The description beside a box: what lives there, then -> physical. */
static int
box_lines(const struct lay_box *b, char **lines, size_t cols)
{
	int n;

	if (b->r == NULL) {
		lines[0] = xstrdup("not a region of the layout: nothing is "
				   "mapped here");
		return 1;
	}
	n = fig_wrap(b->r->what, cols, lines, MAX_LINES - 1);
	if (!(b->r->flags & REG_GAP) && b->r->conv != NULL && b->r->conv[0]) {
		char *c = xasprintf("-> %s", b->r->conv);

		n += fig_wrap(c, cols, lines + n, 1);
		free(c);
	}
	return n;
}

/* The height of a box: the log scale, at least what its text needs. */
static double
box_height(const struct lay_box *b, int nlines)
{
	double h = 24 + 3.5 * size_log(b->end - b->start);
	double need = 8 + LINE_H * MAX(nlines, 2);

	if (b->r == NULL)	/* a hole: a break, at the height of its text */
		return need;

	return MAX(h, need);
}

/* The highest user region's end: the split, or 0 when there is none. */
static u64
user_top(const struct lay_box *b, int n)
{
	u64 top = 0;
	int i;

	for (i = 0; i < n; i++)
		if (b[i].r != NULL && (b[i].r->flags & REG_USER))
			top = MAX(top, b[i].end);
	return top;
}

static void
draw_box(struct figure *f, const struct machine *m, const struct lay_box *b,
	 double x, double y, double h, char **lines, int nl, double dx)
{
	const char *name = b->r != NULL ? b->r->name : "unused";
	double bx = x + fig_text_width(FF_MONO, (size_t)m->arch->va_digits +
				       2) + 14;
	struct fig_item *it = fig_box(f, bx, y, BOX_W, h, region_style(b->r));
	int i;

	fig_box_what(it, b->r != NULL ? "region" : "hole", name);
	fig_box_span(it, b->start, b->end);
	fig_text(f, bx + BOX_W / 2, y + h / 2 - 1, FF_LABEL, FA_MIDDLE, "%s",
		 name);
	fig_text(f, bx + BOX_W / 2, y + h / 2 + 12, FF_SMALL, FA_MIDDLE,
		 "%s", fsize(b->end - b->start));
	fig_line(f, bx - 6, y + h, bx, y + h, FS_NONE);
	fig_text(f, bx - 9, y + h + 4, FF_MONO, FA_END, "%s",
		 fva(m, b->start));
	for (i = 0; i < nl; i++) {
		double ty = y + 4 + LINE_H * (i + 1) - 2;

		fig_text(f, dx, ty, FF_SMALL, FA_START, "%s", lines[i]);
		free(lines[i]);
	}
}

/*
 * The user/kernel split: a dashed line across the figure, and its words;
 * with --phys, across the regions only (to x1).
 */
static void
draw_split(struct figure *f, const struct machine *m, double y, u64 at,
	   double x1)
{
	if (x1 > 0) {
		fig_line(f, 10, y, x1, y, FS_SPLIT);
		fig_text(f, x1 - 2, y - 4, FF_SMALL, FA_END, "TASK_SIZE %s: "
			 "user below, kernel above", fva(m, at));
		return;
	}
	fig_line(f, 10, y, LAYOUT_W - 10, y, FS_SPLIT);
	fig_text(f, LAYOUT_W - 12, y - 4, FF_SMALL, FA_END,
		 "user space ends at %s (TASK_SIZE): user space below the "
		 "line, the kernel's above", fva(m, at));
}

/* --phys: the zones of physical memory, from the kernel's own. */
struct lay_zone {
	char name[24];
	u64 start, end;			/* pfns */
};

static int
layout_zones(struct machine *m, struct lay_zone *z, int max)
{
	struct page_alloc *pg = page_alloc_of(m);
	struct kzones zs;
	struct error e;
	int n = 0, nid, t, i;

	if (m->kern != NULL && pg != NULL) {
		for (nid = 0; nid < pg->nr_nodes; nid++)
			for (t = 0; t < MAX_NR_ZONES && n < max; t++) {
				struct zone *zz =
					&pg->node_data[nid]->node_zones[t];

				if (!zone_configured(pg, t) ||
				    !populated_zone(zz))
					continue;
				snprintf(z[n].name, sizeof(z[n].name), "%s",
					 zz->name);
				z[n].start = zz->zone_start_pfn;
				z[n++].end = zone_end_pfn(zz);
			}
		return n;
	}
	error_clear(&e);
	if (kzones_read(m, &zs, true, &e))
		return 0;
	for (i = 0; i < zs.n && n < max; i++)
		if (zs.z[i].populated && zs.z[i].have_start_pfn) {
			snprintf(z[n].name, sizeof(z[n].name), "%s",
				 zs.z[i].name);
			z[n].start = zs.z[i].start_pfn;
			z[n++].end = zs.z[i].start_pfn + zs.z[i].spanned;
		}
	kzones_release(&zs);
	return n;
}

/* The physical side of --phys: where it is drawn and its scale. */
struct lay_phys {
	double x, y0, h;
	u64 lo, hi;			/* physical addresses */
};

static double
phys_y(const struct lay_phys *p, u64 pa)
{
	pa = MAX(pa, p->lo);
	pa = MIN(pa, p->hi);
	return p->y0 + p->h - (double)(pa - p->lo) * p->h /
		(double)(p->hi - p->lo);
}

/*
 * Physical memory as a column, low addresses at the bottom like the
 * virtual side: RAM, each zone a box; holes between zones hatched.
 */
static void
draw_phys(struct figure *f, const struct machine *m, struct lay_phys *p,
	  const struct lay_zone *z, int nz)
{
	struct fig_item *it;
	int i;

	it = fig_box(f, p->x, p->y0, PHYS_W, p->h, FS_GAP);
	fig_box_what(it, "physical", "physical memory");
	fig_box_span(it, p->lo, p->hi);
	fig_text(f, p->x + PHYS_W / 2, p->y0 - 6, FF_LABEL, FA_MIDDLE,
		 "physical memory");
	for (i = 0; i < nz; i++) {
		u64 a = z[i].start << PAGE_SHIFT, b = z[i].end << PAGE_SHIFT;
		double ya = phys_y(p, b), yb = phys_y(p, a);

		it = fig_box(f, p->x, ya, PHYS_W, MAX(yb - ya, 1), FS_RAM);
		fig_box_what(it, "zone", z[i].name);
		fig_box_span(it, a, b);
		fig_text(f, p->x + PHYS_W / 2, ya + (yb - ya) / 2 + 4,
			 FF_LABEL, FA_MIDDLE, "%s", z[i].name);
		fig_text(f, p->x + PHYS_W / 2, ya + (yb - ya) / 2 + 17,
			 FF_SMALL, FA_MIDDLE, "%s", fsize(b - a));
		fig_text(f, p->x + PHYS_W + 5, yb, FF_MONO_SMALL, FA_START,
			 "%s", fpa(m, a));
	}
	fig_text(f, p->x + PHYS_W + 5, p->y0 + 9, FF_MONO_SMALL, FA_START,
		 "%s", fpa(m, p->hi));
}

/* The physical range a linear region maps, within memory; false: none. */
static bool
region_phys(const struct lay_box *b, const struct lay_phys *p, u64 *a,
	    u64 *e)
{
	if (b->r == NULL || (b->r->flags & REG_GAP) ||
	    !(b->r->flags & (REG_DIRECT | REG_KIMAGE)) ||
	    b->start < b->r->offset)
		return false;
	*a = MAX(b->start - b->r->offset, p->lo);
	*e = MIN(b->end - 1 - b->r->offset, p->hi - 1) + 1;
	return *a < *e;
}

/* The direct-map arrows: from each linear region to the frames it maps. */
static void
draw_phys_links(struct figure *f, const struct lay_box *b, int n,
		const double *by, const double *bh, double bx,
		const struct lay_phys *p)
{
	int i;

	for (i = 0; i < n; i++) {
		double x0 = bx + BOX_W, ya, yb;
		u64 a, e;

		if (!region_phys(&b[i], p, &a, &e))
			continue;
		ya = phys_y(p, e);
		yb = phys_y(p, a);
		fig_line(f, x0, by[i], p->x, ya, FS_LINK);
		fig_line(f, x0, by[i] + bh[i], p->x, yb, FS_LINK);
		fig_arrow(f, x0 + 4, by[i] + bh[i] / 2, p->x - 2,
			  (ya + yb) / 2);
	}
}

/*
 * --phys: memory beside the regions, to scale (linear, unlike the virtual
 * side), as tall as the regions; the zones the kernel has; the arrows.
 */
static void
layout_phys(struct figure *f, const struct machine *m, struct lay_phys *p,
	    const struct lay_box *b, int n, const double *by,
	    const double *bh, double bx, const struct lay_zone *z, int nz,
	    double bottom)
{
	int i;

	p->lo = m->ram_start;
	p->hi = m->ram_start + m->ram_size;
	for (i = 0; i < nz; i++) {
		p->lo = MIN(p->lo, z[i].start << PAGE_SHIFT);
		p->hi = MAX(p->hi, z[i].end << PAGE_SHIFT);
	}
	if (p->hi <= p->lo)
		p->hi = p->lo + PAGE_SIZE;
	p->y0 = 62;
	p->h = MAX(bottom - p->y0, 120);
	draw_phys(f, m, p, z, nz);
	draw_phys_links(f, b, n, by, bh, bx, p);
	fig_caption(f, "At the right, physical memory to scale (lowest "
		    "address at the bottom) with the zones of the kernel's "
		    "page allocator%s; the arrows go from each linearly "
		    "mapped region (pa = va - offset) to the memory it "
		    "maps.", nz ? "" : " (not known here: the memory as one "
		    "range)");
}

static void
layout_draw(struct figure *f, struct machine *m, bool phys)
{
	struct lay_box *b;
	int n = layout_boxes(m, &b), i, nz = 0;
	double x = 14, y = 58, bx = x + fig_text_width(FF_MONO,
			(size_t)m->arch->va_digits + 2) + 14, dx = bx + BOX_W + 14;
	double *by = xcalloc((size_t)n + 1, sizeof(*by));
	double *bh = xcalloc((size_t)n + 1, sizeof(*bh));
	struct lay_zone z[16];
	struct lay_phys p = { 0 };
	size_t cols;
	u64 split = user_top(b, n);
	char title[160];

	if (phys) {
		nz = layout_zones(m, z, 16);
		p.x = bx + BOX_W + ARROW_GAP;
		dx = p.x + PHYS_W + 18 + fig_text_width(FF_MONO_SMALL,
				(size_t)m->arch->pa_digits + 2);
	}
	cols = (size_t)((LAYOUT_W - (bx + BOX_W + 14) - 10) /
			fig_text_width(FF_SMALL, 1));
	snprintf(title, sizeof(title), "%s%s%s: the virtual address space%s",
		 m->arch->name, m->profile != NULL ? ", kernel " : "",
		 m->profile != NULL ? m->profile->name : "",
		 phys ? " and physical memory" : "");
	fig_init(f, title);
	f->width = LAYOUT_W + dx - (bx + BOX_W + 14);
	fig_text(f, 14, 26, FF_TITLE, FA_START, "%s", title);
	fig_text(f, 14, 44, FF_SMALL, FA_START, "high addresses at the top; "
		 "each boundary is labelled with the start of the region "
		 "above it");
	if (n > 0)
		fig_text(f, bx - 9, y + 4, FF_MONO, FA_END, "%s",
			 fva(m, b[n - 1].end - 1));
	for (i = n - 1; i >= 0; i--) {
		char *lines[MAX_LINES];
		int nl = box_lines(&b[i], lines, cols);
		double h = box_height(&b[i], nl);

		if (split != 0 && b[i].end == split && i < n - 1) {
			draw_split(f, m, y + SPLIT_BAND / 2 + 4, split,
				   phys ? bx + BOX_W + 8 : 0);
			y += SPLIT_BAND;
		}
		draw_box(f, m, &b[i], x, y, h, lines, nl, dx);
		by[i] = y;
		bh[i] = h;
		y += h;
	}
	if (phys)
		layout_phys(f, m, &p, b, n, by, bh, bx, z, nz, y);
	fig_caption(f, "Box heights grow with the logarithm of each "
		    "region's size (3.5 px per doubling), not in proportion, "
		    "so that the smallest and the largest regions are both "
		    "readable; the sizes are written in the boxes.");
	fig_caption(f, "%d regions of the layout%s.", m->nregions,
		    n > m->nregions ? "; the boxes named unused are holes "
		    "between them, drawn short whatever their size" : "");
	free(b);
	free(by);
	free(bh);
	fig_finish(f, y + 10);
}

void
fig_layout(struct figure *f, const struct machine *m)
{
	/* without --phys nothing is read or changed */
	layout_draw(f, (struct machine *)m, false);
}

void
fig_layout_phys(struct figure *f, struct machine *m)
{
	layout_draw(f, m, true);
}
