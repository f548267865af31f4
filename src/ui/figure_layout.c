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

#define LAYOUT_W	980.0
#define BOX_W		270.0
#define LINE_H		13.0
#define MAX_LINES	4
#define SPLIT_BAND	22.0

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
	 double x, double y, double h, char **lines, int nl)
{
	const char *name = b->r != NULL ? b->r->name : "unused";
	double bx = x + fig_text_width(FF_MONO, (size_t)m->arch->va_digits +
				       2) + 14, dx = bx + BOX_W + 14;
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

/* The user/kernel split: a dashed line across the figure, and its words. */
static void
draw_split(struct figure *f, const struct machine *m, double y, u64 at)
{
	fig_line(f, 10, y, LAYOUT_W - 10, y, FS_SPLIT);
	fig_text(f, LAYOUT_W - 12, y - 4, FF_SMALL, FA_END,
		 "user space ends at %s (TASK_SIZE): user space below the "
		 "line, the kernel's above", fva(m, at));
}

void
fig_layout(struct figure *f, const struct machine *m)
{
	struct lay_box *b;
	int n = layout_boxes(m, &b), i;
	double x = 14, y = 58, bx = x + fig_text_width(FF_MONO,
			(size_t)m->arch->va_digits + 2) + 14;
	size_t cols = (size_t)((LAYOUT_W - (bx + BOX_W + 14) - 10) /
			       fig_text_width(FF_SMALL, 1));
	u64 split = user_top(b, n);
	char title[160];

	snprintf(title, sizeof(title), "%s%s%s: the virtual address space",
		 m->arch->name, m->profile != NULL ? ", kernel " : "",
		 m->profile != NULL ? m->profile->name : "");
	fig_init(f, title);
	f->width = LAYOUT_W;
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
			draw_split(f, m, y + SPLIT_BAND / 2 + 4, split);
			y += SPLIT_BAND;
		}
		draw_box(f, m, &b[i], x, y, h, lines, nl);
		y += h;
	}
	fig_caption(f, "Box heights grow with the logarithm of each "
		    "region's size (3.5 px per doubling), not in proportion, "
		    "so that the smallest and the largest regions are both "
		    "readable; the sizes are written in the boxes.");
	fig_caption(f, "%d regions of the layout%s.", m->nregions,
		    n > m->nregions ? "; the boxes named unused are holes "
		    "between them, drawn short whatever their size" : "");
	free(b);
	fig_finish(f, y + 10);
}
