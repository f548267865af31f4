// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The vmalloc areas as a figure (`vmallocinfo`): every area a row in
 * address order, its pages as cells with the guard page hatched after
 * them, the free virtual space between areas as hatched gaps; at the
 * right a strip of physical memory, and lines from each area's pages to
 * the frames they map.  The frames are read from the kernel's page tables
 * (init_mm's: a walk of every mapped page, a leaf at a time), so that the figure is
 * the same on the simulated machine and on a memory image: virtually
 * contiguous, physically scattered.  Large pictures are aggregated, and
 * the caption says how: an area of many pages has cells of several pages,
 * many areas share rows, and one line goes from an area to each stretch of
 * a few pixels of the strip.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/kstate.h"
#include "ptwalk/mmu.h"
#include "ptwalk/vmalloc.h"

#define VM_W		820.0
#define CELL_W		10.0
#define MAX_CELLS	40		/* cells of a row before they aggregate */
#define ROW_H		36.0
#define GAP_H		14.0
#define MAX_ROWS	80
#define STRIP_X		620.0
#define STRIP_W		28.0
#define LINK_N		48		/* stretches of the strip a row links to */
#define TOP		66.0

/* A run of frames: pages [page, page + n) of a row map pfn on. */
struct vrun {
	u64 page, pfn, n;
	bool io;			/* an ioremap: device memory */
};

/* A row: one area, or several in a row when there are many. */
struct vrow {
	u64 start, end;			/* with the last guard page */
	int first, count;		/* the areas (sorted) */
	u64 pages;			/* the areas' pages, guards aside */
	u64 guards, mapped;
	bool unpurged;
	struct vrun *runs;
	int nruns, aruns;
};

struct vfig {
	struct figure *f;
	struct machine *m;
	const struct kvm_area **a;	/* by address */
	int na;
	struct vrow *rows;
	int nrows, per_row;
	u64 lo, hi;			/* the strip: pfns [lo, hi) */
	double y0, sh;			/* the strip's top and height */
	u64 max_ppc;			/* most pages a cell holds */
};

static int
by_addr(const void *x, const void *y)
{
	const struct kvm_area *a = *(const struct kvm_area *const *)x;
	const struct kvm_area *b = *(const struct kvm_area *const *)y;

	return a->addr < b->addr ? -1 : a->addr > b->addr;
}

/* The guard page's size: none for VM_NO_GUARD and vm_map_ram areas. */
static u64
area_guard(const struct kvm_area *a)
{
	if (a->unpurged || a->vm_map_ram || a->size < PAGE_SIZE)
		return 0;
	if (a->have_vm && (a->flags & VM_NO_GUARD))
		return 0;
	return PAGE_SIZE;
}

static void
row_run(struct vrow *r, u64 page, u64 pfn, u64 n, bool io)
{
	struct vrun *last = r->nruns ? &r->runs[r->nruns - 1] : NULL;

	r->mapped += n;
	if (last != NULL && last->io == io && last->page + last->n == page &&
	    last->pfn + last->n == pfn) {
		last->n += n;
		return;
	}
	if (r->nruns == r->aruns) {
		r->aruns = r->aruns ? r->aruns * 2 : 8;
		r->runs = xrealloc(r->runs, (size_t)r->aruns *
				   sizeof(*r->runs));
	}
	r->runs[r->nruns++] = (struct vrun){ page, pfn, n, io };
}

/*
 * The frames an area maps, from the page tables: a walk per leaf (a huge
 * leaf covers its pages at once); pages that do not translate are left
 * out (the area's lazily unmapped or not yet mapped pages).
 */
static void
area_frames(struct vfig *v, struct vrow *r, const struct kvm_area *a)
{
	u64 guard = area_guard(a), va = a->addr, end = a->addr + a->size -
		guard, base = r->pages;
	bool io = a->have_vm && (a->flags & VM_IOREMAP);
	struct machine *m = v->m;
	/* init_mm's tables: a process's pgd may not have the area yet */
	u64 root = m->swapper_pg_dir ? m->swapper_pg_dir :
		machine_root(m, machine_cpu(m), va);

	r->pages += (end - va) >> PAGE_SHIFT;
	r->guards += guard >> PAGE_SHIFT;
	if (a->unpurged)
		return;
	while (va < end) {
		struct walk w;
		u64 leaf, n;

		if (mmu_walk(&m->mmu, &m->phys, root, va, &w) != WF_NONE) {
			va += PAGE_SIZE;
			continue;
		}
		leaf = (1ULL << w.shift) - (va & ((1ULL << w.shift) - 1));
		n = MIN(leaf, end - va) >> PAGE_SHIFT;
		n = MAX(n, 1);
		row_run(r, base + ((va - a->addr) >> PAGE_SHIFT),
			w.pa >> PAGE_SHIFT, n, io);
		va += n << PAGE_SHIFT;
	}
}

/* The rows, their frames and the strip's extent. */
static void
vfig_collect(struct vfig *v)
{
	int i;

	v->per_row = (v->na + MAX_ROWS - 1) / MAX_ROWS;
	v->per_row = MAX(v->per_row, 1);
	v->nrows = (v->na + v->per_row - 1) / v->per_row;
	v->rows = xcalloc((size_t)v->nrows + 1, sizeof(*v->rows));
	v->lo = v->m->ram_start >> PAGE_SHIFT;
	v->hi = (v->m->ram_start + v->m->ram_size) >> PAGE_SHIFT;
	for (i = 0; i < v->na; i++) {
		struct vrow *r = &v->rows[i / v->per_row];
		const struct kvm_area *a = v->a[i];
		int k;

		if (r->count++ == 0) {
			r->first = i;
			r->start = a->addr;
			r->unpurged = true;
		}
		r->end = a->addr + a->size;
		r->unpurged &= a->unpurged;
		area_frames(v, r, a);
		for (k = 0; k < r->nruns; k++) {
			v->lo = MIN(v->lo, r->runs[k].pfn);
			v->hi = MAX(v->hi, r->runs[k].pfn + r->runs[k].n);
		}
	}
	if (v->hi <= v->lo)
		v->hi = v->lo + 1;
}

/* A pfn's y on the strip. */
static double
strip_y(const struct vfig *v, u64 pfn)
{
	return v->y0 + (double)(pfn - v->lo) * v->sh / (double)(v->hi - v->lo);
}

/* The label of a row: the range, then the size and what it is. */
static void
row_label(struct vfig *v, const struct vrow *r, double y)
{
	const struct kvm_area *a = v->a[r->first];
	struct strbuf sb;
	size_t cols;
	int w = v->m->arch->is64 ? 16 : 8;
	char range[64];

	snprintf(range, sizeof(range), "0x%0*llx-0x%0*llx", w,
		 (unsigned long long)r->start, w, (unsigned long long)r->end);
	fig_text(v->f, 20, y + 11, FF_MONO_SMALL, FA_START, "%s", range);
	sb_init(&sb);
	if (r->count > 1)
		sb_addf(&sb, "%d areas, %llu pages, %llu mapped", r->count,
			(unsigned long long)r->pages,
			(unsigned long long)r->mapped);
	else if (a->unpurged)
		sb_addf(&sb, "%llu unpurged vm_area",
			(unsigned long long)a->size);
	else
		sb_addf(&sb, "%llu %s%s%s", (unsigned long long)a->size,
			a->caller[0] ? a->caller : a->vm_map_ram ?
			"vm_map_ram" : "", a->kind != NULL ? " " : "",
			a->kind != NULL ? a->kind : "");
	cols = (size_t)((STRIP_X - 30 - 20 - fig_text_width(FF_MONO_SMALL,
			 strlen(range) + 1)) / fig_text_width(FF_SMALL, 1));
	if (sb.len > cols && cols > 3)
		memcpy(sb.buf + cols - 3, "...", 4);
	fig_text(v->f, 20 + fig_text_width(FF_MONO_SMALL, strlen(range) + 1),
		 y + 11, FF_SMALL, FA_START, "%s", sb.buf);
	sb_release(&sb);
}

/*
 * The row's box: its pages as cells (several pages a cell past
 * MAX_CELLS), the mapped runs filled, a tick where the frames jump, the
 * guard pages hatched after them.
 */
/* Pages a cell holds: one, or as many as keep the row to MAX_CELLS. */
static u64
row_ppc(const struct vrow *r)
{
	return r->pages > MAX_CELLS ? (r->pages + MAX_CELLS - 1) / MAX_CELLS :
		1;
}

/*
 * The mapped pages of a row: a box per run of frames, a long tick where
 * the frames jump; with cells of several pages, a box per run of mapped
 * pages whatever their frames.
 */
static void
row_runs(struct vfig *v, const struct vrow *r, double by, u64 ppc)
{
	double x = 20, pw = CELL_W / (double)ppc;
	struct fig_item *it;
	char pfns[48];
	int i;

	for (i = 0; i < r->nruns; i++) {
		const struct vrun *u = &r->runs[i];
		u64 page = u->page, n = u->n;

		if (ppc > 1) {
			while (i + 1 < r->nruns && r->runs[i + 1].page ==
			       page + n && r->runs[i + 1].io == u->io)
				n += r->runs[++i].n;
			it = fig_box(v->f, x + (double)page * pw, by,
				     MAX((double)n * pw, 0.6), 14,
				     u->io ? FS_IOPG : FS_VMALLOCPG);
			fig_box_what(it, "pages", NULL);
			continue;
		}
		snprintf(pfns, sizeof(pfns), "%#llx-%#llx",
			 (unsigned long long)u->pfn,
			 (unsigned long long)(u->pfn + u->n - 1));
		it = fig_box(v->f, x + (double)page * pw, by, (double)n * pw,
			     14, u->io ? FS_IOPG : FS_VMALLOCPG);
		fig_box_what(it, "frames", pfns);
		if (i > 0)
			fig_line(v->f, x + (double)page * pw, by - 3,
				 x + (double)page * pw, by + 17, FS_NONE);
	}
}

/*
 * The row's box: its pages as cells (several pages a cell past
 * MAX_CELLS), the mapped ones filled, the guard pages hatched after them.
 */
static void
row_box(struct vfig *v, const struct vrow *r, double y)
{
	const struct kvm_area *a = v->a[r->first];
	u64 ppc = row_ppc(r), cells, k;
	double x = 20, by = y + 15, gx;
	struct fig_item *it;
	char name[64];
	int w = v->m->arch->is64 ? 16 : 8;

	cells = r->pages ? (r->pages + ppc - 1) / ppc : 0;
	gx = x + (double)cells * CELL_W;
	snprintf(name, sizeof(name), "0x%0*llx-0x%0*llx", w,
		 (unsigned long long)r->start, w, (unsigned long long)r->end);
	it = fig_box(v->f, x, by, MAX(gx - x, 1), 14,
		     r->unpurged ? FS_GAP : FS_NONE);
	fig_box_what(it, "area", name);
	fig_box_span(it, r->start, r->end);
	row_runs(v, r, by, ppc);
	for (k = 1; k < cells && ppc == 1; k++)
		fig_line(v->f, x + (double)k * CELL_W, by + 10,
			 x + (double)k * CELL_W, by + 14, FS_NONE);
	if (r->guards) {
		double gw = r->count > 1 ? CELL_W : CELL_W *
			(double)(r->guards);

		it = fig_box(v->f, gx, by, gw, 14, FS_GAP);
		fig_box_what(it, "guard", a->unpurged ? NULL : name);
	}
}

/*
 * The lines from the row's runs to the strip: one for each of the LINK_N
 * stretches of the strip the row's frames fall in, from the page that
 * first maps there.
 */
static void
row_links(struct vfig *v, const struct vrow *r, double y, u64 ppc,
	  int *stamp, int tag)
{
	double pw = CELL_W / (double)ppc;
	int i;

	for (i = 0; i < r->nruns; i++) {
		const struct vrun *u = &r->runs[i];
		double py = strip_y(v, u->pfn);
		int b = (int)((py - v->y0) * LINK_N / v->sh);

		if (b < 0 || stamp[b] == tag)
			continue;
		stamp[b] = tag;
		fig_line(v->f, 20 + ((double)u->page + 0.5) * pw, y + 22,
			 STRIP_X, py + 0.5, FS_LINK);
	}
}

/* The free virtual space before row i: a hatched band, and its size. */
static void
gap_band(struct vfig *v, u64 from, u64 to, double y)
{
	struct fig_item *it = fig_box(v->f, 20, y + 2, CELL_W * MAX_CELLS,
				      GAP_H - 5, FS_GAP);

	fig_box_what(it, "gap", NULL);
	fig_box_span(it, from, to);
	fig_text(v->f, 26 + CELL_W * MAX_CELLS, y + GAP_H - 4, FF_SMALL,
		 FA_START, "free: %s", fsize(to - from));
}

/* The strip: RAM white, holes and device memory hatched, frames marked. */
static void
draw_strip(struct vfig *v)
{
	u64 ram0 = v->m->ram_start >> PAGE_SHIFT;
	u64 ram1 = (v->m->ram_start + v->m->ram_size) >> PAGE_SHIFT;
	int npx = (int)v->sh + 2, i, k;
	char *px = xcalloc((size_t)npx, 1);
	struct fig_item *it;

	it = fig_box(v->f, STRIP_X, v->y0, STRIP_W, v->sh, FS_GAP);
	fig_box_what(it, "physical", "physical memory");
	fig_box_span(it, v->lo << PAGE_SHIFT, v->hi << PAGE_SHIFT);
	it = fig_box(v->f, STRIP_X, strip_y(v, ram0), STRIP_W,
		     strip_y(v, ram1) - strip_y(v, ram0), FS_RAM);
	fig_box_what(it, "ram", "RAM");
	fig_box_span(it, ram0 << PAGE_SHIFT, ram1 << PAGE_SHIFT);
	for (i = 0; i < v->nrows; i++)
		for (k = 0; k < v->rows[i].nruns; k++) {
			const struct vrun *u = &v->rows[i].runs[k];
			int a = (int)(strip_y(v, u->pfn) - v->y0);
			int b = (int)(strip_y(v, u->pfn + u->n) - v->y0);

			for (b = MAX(b, a + 1); a < b && a < npx; a++)
				px[a] = px[a] == 2 || u->io ? 2 : 1;
		}
	for (i = 0; i < npx; i = k) {
		for (k = i + 1; k < npx && px[k] == px[i]; k++)
			;
		if (px[i])
			fig_box(v->f, STRIP_X, v->y0 + i, STRIP_W, k - i,
				px[i] == 2 ? FS_IOPG : FS_VMALLOCPG);
	}
	free(px);
	fig_text(v->f, STRIP_X + STRIP_W + 6, v->y0 + 8, FF_MONO_SMALL,
		 FA_START, "%s", fpa(v->m, v->lo << PAGE_SHIFT));
	fig_text(v->f, STRIP_X + STRIP_W + 6, v->y0 + v->sh, FF_MONO_SMALL,
		 FA_START, "%s", fpa(v->m, v->hi << PAGE_SHIFT));
	fig_text(v->f, STRIP_X + STRIP_W / 2, v->y0 - 6, FF_LABEL, FA_MIDDLE,
		 "physical memory");
	fig_text(v->f, STRIP_X + STRIP_W + 6, strip_y(v, ram0) +
		 (strip_y(v, ram1) - strip_y(v, ram0)) / 2, FF_SMALL, FA_START,
		 "RAM %s", fsize(v->m->ram_size));
}

/* The rows' height, their gaps included: the strip is as tall. */
static double
rows_height(const struct vfig *v)
{
	double h = 0;
	int i;

	for (i = 0; i < v->nrows; i++)
		h += ROW_H + (i > 0 && v->rows[i].start > v->rows[i - 1].end ?
			      GAP_H : 0);
	return h;
}

static void vfig_caption(struct vfig *v, const struct kvm_areas *vs);

static void
vfig_draw(struct vfig *v, const struct kvm_areas *vs)
{
	double y = TOP, *ys = xcalloc((size_t)v->nrows + 1, sizeof(*ys));
	int *stamp, i;

	v->y0 = TOP + 4;
	v->sh = MAX(rows_height(v) - 12, 240);
	stamp = xcalloc(LINK_N + 2, sizeof(*stamp));
	draw_strip(v);
	/* the lines first, under the boxes they start from */
	for (i = 0; i < v->nrows; i++) {
		const struct vrow *r = &v->rows[i];

		if (i > 0 && r->start > v->rows[i - 1].end)
			y += GAP_H;
		ys[i] = y;
		row_links(v, r, y, row_ppc(r), stamp, i + 1);
		y += ROW_H;
	}
	for (i = 0; i < v->nrows; i++) {
		const struct vrow *r = &v->rows[i];

		if (i > 0 && r->start > v->rows[i - 1].end)
			gap_band(v, v->rows[i - 1].end, r->start,
				 ys[i] - GAP_H);
		row_label(v, r, ys[i]);
		row_box(v, r, ys[i]);
		v->max_ppc = MAX(v->max_ppc, row_ppc(r));
	}
	free(stamp);
	free(ys);
	vfig_caption(v, vs);
	fig_finish(v->f, MAX(y, v->y0 + v->sh + 10));
}

static void
vfig_caption(struct vfig *v, const struct kvm_areas *vs)
{
	fig_caption(v->f, "The areas in address order, top to bottom, as "
		    "/proc/vmallocinfo lists them: each area's pages are "
		    "cells (a long tick where the next page's frame is not "
		    "the next frame), its guard page hatched after them, the free "
		    "space between areas hatched bands.  The lines go from "
		    "the pages to the frames they map, read from the page "
		    "tables; the strip at the right is physical memory, "
		    "lowest address at the top.");
	if (v->max_ppc > 1)
		fig_caption(v->f, "Too many pages to draw one by one: an area "
			    "of more than %d pages has cells of up to %llu "
			    "pages.", MAX_CELLS,
			    (unsigned long long)v->max_ppc);
	if (v->per_row > 1)
		fig_caption(v->f, "Too many areas for a row each: %zu areas, "
			    "drawn %d to a row (the row's pages together, one "
			    "hatched cell for their guard pages).", vs->n,
			    v->per_row);
	fig_caption(v->f, "The strip is cut in %d stretches: one line goes "
		    "from a row to each stretch its frames fall in.", LINK_N);
	if (v->na == 0)
		fig_caption(v->f, "No vmalloc areas.");
}

void
fig_vmalloc(struct figure *f, struct machine *m, const struct kvm_areas *vs)
{
	struct vfig v = { .f = f, .m = m };
	char title[128];
	size_t i;

	snprintf(title, sizeof(title), "%s: the vmalloc areas and their "
		 "frames", m->arch->name);
	fig_init(f, title);
	f->width = VM_W;
	fig_text(f, 20, 26, FF_TITLE, FA_START, "%s", title);
	if (m->lay.vmalloc_start) {
		/* some layouts give VMALLOC_END as the area's last byte */
		u64 size = m->lay.vmalloc_end - m->lay.vmalloc_start +
			((m->lay.vmalloc_end & 0xfff) == 0xfff);

		fig_text(f, 20, 44, FF_SMALL, FA_START, "VMALLOC_START %s, "
			 "VMALLOC_END %s: %s", fva(m, m->lay.vmalloc_start),
			 fva(m, m->lay.vmalloc_end), fsize(size));
	}
	v.a = xcalloc(vs->n + 1, sizeof(*v.a));
	for (i = 0; i < vs->n; i++)
		v.a[v.na++] = &vs->a[i];
	qsort(v.a, (size_t)v.na, sizeof(*v.a), by_addr);
	vfig_collect(&v);
	vfig_draw(&v, vs);
	for (i = 0; i < (size_t)v.nrows; i++)
		free(v.rows[i].runs);
	free(v.rows);
	free(v.a);
}
