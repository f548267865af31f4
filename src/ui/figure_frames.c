// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Physical memory as a frame map, one strip per populated zone: the free
 * blocks of the buddy allocator and the allocated frames by owner (slab,
 * page tables, vmalloc, user pages, the kernel and what memblock
 * reserved, other), read from the zone's free lists and the struct pages
 * (`buddyinfo`, `zoneinfo`).  Frames are gathered into runs of one kind;
 * where a pixel holds several runs, it takes the kind with the most
 * frames, and the caption says how many frames a pixel holds.  A machine
 * of millions of frames costs the frames allocated, not all of them: the
 * free blocks are taken from the lists whole.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/kstate.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"

#define STRIP_W		840.0
#define ROW_H		14.0
#define MAX_ROWS	12

enum frame_kind {
	FK_FREE, FK_SLAB, FK_PGTABLE, FK_VMALLOC, FK_USER, FK_KERNEL,
	FK_OTHER, FK_HOLE, NR_FK
};

static const enum fig_style kind_style[NR_FK] = {
	[FK_FREE] = FS_FREE, [FK_SLAB] = FS_SLABPG, [FK_PGTABLE] = FS_PTPG,
	[FK_VMALLOC] = FS_VMALLOCPG, [FK_USER] = FS_USERPG,
	[FK_KERNEL] = FS_KERNELPG, [FK_OTHER] = FS_OTHERPG, [FK_HOLE] = FS_GAP,
};

struct fblock {
	u64 pfn, n;
};

/* The strip being drawn: a run of pixels on rows of STRIP_W. */
struct strip {
	struct figure *f;
	double y, per_px;	/* frames a pixel holds */
	u64 start;		/* the zone's first pfn */
	/* the pixel being gathered: frames of each kind in it */
	double px;		/* its left edge, in pixels from the start */
	u64 in_px[NR_FK];
	/* the last rect, extended while the kind stays */
	struct fig_item *last;
	int last_kind;
	double last_end;
	u64 counts[NR_FK];
};

static int
by_pfn(const void *a, const void *b)
{
	const struct fblock *x = a, *y = b;

	return x->pfn < y->pfn ? -1 : x->pfn > y->pfn;
}

/* The zone's free blocks, in pfn order (the lazy tail as one). */
static struct fblock *
free_blocks(struct machine *m, struct zone *z, int *np)
{
	struct fblock *b = NULL;
	int n = 0, a = 0, o;

	for (o = 0; o < MAX_ORDER; o++) {
		struct list_head *l;

		list_for_each(l, &z->free_area[o].free_list) {
			struct page *p = list_entry(l, struct page, lru);

			if (n == a) {
				a = a ? a * 2 : 256;
				b = xrealloc(b, (size_t)a * sizeof(*b));
			}
			b[n].pfn = page_to_pfn(m, p);
			b[n++].n = 1ULL << o;
		}
	}
	if (z->lazy_hi > z->lazy_lo) {
		b = xrealloc(b, (size_t)(n + 1) * sizeof(*b));
		b[n].pfn = z->lazy_lo;
		b[n++].n = z->lazy_hi - z->lazy_lo;
	}
	qsort(b, (size_t)n, sizeof(*b), by_pfn);
	*np = n;
	return b;
}

static enum frame_kind
page_kind(struct page *p)
{
	struct page *h = compound_head(p);

	if (PageSlab(h) || h->owner == &slab_page_owner)
		return FK_SLAB;
	if (PageTable(h) || h->owner == &page_owner_pgtable)
		return FK_PGTABLE;
	if (h->owner == &page_owner_vmalloc)
		return FK_VMALLOC;
	if (h->mapping != NULL)
		return FK_USER;
	if (PageReserved(h))
		return FK_KERNEL;
	return FK_OTHER;
}

/* Draw [x0, x1) pixels of the strip as kind k, over as many rows. */
static void
strip_rect(struct strip *s, int k, double x0, double x1)
{
	while (x1 - x0 > 1e-9) {
		int row = (int)(x0 / STRIP_W);
		double rx = x0 - row * STRIP_W, w = MIN(x1 - x0, STRIP_W - rx);

		if (row >= MAX_ROWS)
			return;
		if (s->last != NULL && s->last_kind == k &&
		    s->last_end == x0 && (int)(s->last->y - s->y) ==
		    (int)(row * (ROW_H + 3)))
			s->last->w += w;
		else if (k != FK_FREE) {	/* free frames: the background */
			s->last = fig_box(s->f, 20 + rx, s->y + row * (ROW_H + 3),
					  w, ROW_H, kind_style[k]);
			s->last_kind = k;
		} else {
			s->last = NULL;
		}
		s->last_end = x0 + w;
		x0 += w;
	}
}

/* The gathered pixel, as the kind with the most frames in it. */
static void
strip_flush_px(struct strip *s)
{
	int k, best = -1;

	for (k = 0; k < NR_FK; k++)
		if (s->in_px[k] && (best < 0 || s->in_px[k] > s->in_px[best]))
			best = k;
	if (best >= 0)
		strip_rect(s, best, s->px, s->px + 1);
	memset(s->in_px, 0, sizeof(s->in_px));
	s->px += 1;
}

/* n frames of kind k from pfn on (runs come in pfn order, contiguous). */
static void
strip_run(struct strip *s, int k, u64 pfn, u64 n)
{
	double x0 = (double)(pfn - s->start) / s->per_px;
	double x1 = (double)(pfn + n - s->start) / s->per_px, whole;

	s->counts[k] += n;
	for (;;) {
		if (x0 >= s->px + 1) {
			strip_flush_px(s);
			continue;
		}
		/* x0 is in the pixel being gathered */
		s->in_px[k] += (u64)((MIN(x1, s->px + 1) - x0) * s->per_px +
				     0.5);
		if (x1 < s->px + 1)
			return;
		strip_flush_px(s);
		/* the whole pixels the run covers, as one rect */
		whole = (double)(u64)(x1 - s->px);
		if (whole > 0) {
			strip_rect(s, k, s->px, s->px + whole);
			s->px += whole;
		}
		x0 = s->px;
		if (x0 >= x1)
			return;
	}
}

/* The allocated frames of [lo, hi), none of them free, by kind. */
static void
strip_allocated(struct strip *s, struct machine *m, u64 lo, u64 hi)
{
	const struct page_alloc *pg = page_alloc_of(m);
	u64 pfn = lo;
	int r = 0;

	while (pfn < hi) {
		u64 a = pfn, b = hi;
		int k;

		while (r < pg->nresv && pg->resv[r].end <= pfn)
			r++;
		if (!pfn_range_ram(m, &a, &b) || a > pfn) {
			/* no RAM here: a hole up to the next RAM */
			b = a > pfn && a < hi ? a : hi;
			strip_run(s, FK_HOLE, pfn, b - pfn);
			pfn = b;
			continue;
		}
		if (r < pg->nresv && pg->resv[r].start <= pfn) {
			b = MIN(pg->resv[r].end, hi);
			strip_run(s, FK_KERNEL, pfn, b - pfn);
			pfn = b;
			continue;
		}
		k = page_kind(pfn_to_page(m, pfn));
		strip_run(s, k, pfn, 1);
		pfn++;
	}
}

/*
 * A zone of the simulated kernel: the free blocks from its free lists,
 * the frames between them by the owner their struct page records.
 */
static void
sim_zone_runs(struct strip *s, struct machine *m, struct zone *z)
{
	u64 start = z->zone_start_pfn, end = zone_end_pfn(z), pfn = start;
	struct fblock *b;
	int n, i;

	b = free_blocks(m, z, &n);
	for (i = 0; i < n; i++) {
		if (b[i].pfn < pfn || b[i].pfn >= end)
			continue;
		strip_allocated(s, m, pfn, b[i].pfn);
		strip_run(s, FK_FREE, b[i].pfn, MIN(b[i].n, end - b[i].pfn));
		pfn = b[i].pfn + b[i].n;
	}
	strip_allocated(s, m, pfn, end);
	free(b);
}

/*
 * A zone of a memory image: each frame's struct page as the dump holds it
 * (kpage_read): a free block whole from its head (PageBuddy, its order in
 * page->private), slab pages (PG_slab), user pages (a mapping: anon or
 * page cache); VMCOREINFO names no flag for page tables, vmalloc or
 * reserved pages, so the other allocated frames are "other".  Frames
 * without a struct page are holes.
 */
static void
image_zone_runs(struct strip *s, struct machine *m, u64 start, u64 end)
{
	int head_kind = FK_OTHER;
	u64 pfn = start;

	while (pfn < end) {
		struct kpage p;
		struct error e;
		int k;

		if (kpage_read(m, pfn, &p, &e)) {
			strip_run(s, FK_HOLE, pfn, 1);
			pfn++;
			continue;
		}
		if ((p.state == KP_FREE_HEAD || p.state == KP_FREE) &&
		    p.have_order) {
			u64 n = p.block_pfn + (1ULL << p.order) - pfn;

			n = MIN(MAX(n, 1), end - pfn);
			strip_run(s, FK_FREE, pfn, n);
			pfn += n;
			continue;
		}
		if (p.state == KP_TAIL)
			k = head_kind;
		else if (p.state == KP_SLAB)
			k = FK_SLAB;
		else
			k = p.mapping != 0 ? FK_USER : FK_OTHER;
		if (p.state != KP_TAIL)
			head_kind = k;
		strip_run(s, k, pfn, 1);
		pfn++;
	}
}

/* A zone as the figure draws it: the simulated kernel's or an image's. */
struct fzone {
	int nid;
	const char *name;
	u64 start, end;			/* pfns */
	u64 free_pages;
	unsigned norder;
	u64 nr_free[KZONE_ORDERS];
	struct zone *sim;		/* the simulated zone, or NULL */
};

/* The words under a strip: free blocks by order, frames by kind. */
static double
zone_footer(struct figure *f, const struct fzone *z, const struct strip *s,
	    double y)
{
	struct strbuf sb;
	unsigned o;
	int i;

	sb_init(&sb);
	for (o = 0; o < z->norder; o++)
		sb_addf(&sb, "%s%u: %llu", o ? "  " : "", o,
			(unsigned long long)z->nr_free[o]);
	fig_text(f, 20, y, FF_MONO_SMALL, FA_START, "free blocks by order  %s",
		 sb.buf);
	sb_reset(&sb);
	for (i = 0; i < NR_FK; i++)
		if (s->counts[i] && i != FK_HOLE)
			sb_addf(&sb, "%s%s %s", sb.len ? ", " : "",
				i == FK_FREE ? "free" : i == FK_SLAB ? "slab" :
				i == FK_PGTABLE ? "page tables" : i ==
				FK_VMALLOC ? "vmalloc" : i == FK_USER ? "user" :
				i == FK_KERNEL ? "kernel and reserved" :
				"other", fsize(s->counts[i] << PAGE_SHIFT));
	fig_text(f, 20, y + 14, FF_SMALL, FA_START, "%s", sb.buf);
	sb_release(&sb);
	return y + 30;
}

/* One zone: its header, the strip, the free blocks by order. */
static double
draw_zone(struct figure *f, struct machine *m, const struct fzone *z,
	  double y, double *per_px_max)
{
	u64 start = z->start, end = z->end, frames = end - start;
	int rows = (int)MIN((double)MAX_ROWS, (double)frames / STRIP_W + 1);
	struct strip s = { .f = f, .y = y + 22, .start = start,
			   .last_kind = -1 };
	struct fig_item *it;
	char node[32];
	int i;

	s.per_px = MAX(1.0, (double)frames / (STRIP_W * rows));
	rows = (int)((double)frames / s.per_px / STRIP_W + 0.999);
	*per_px_max = MAX(*per_px_max, s.per_px);
	snprintf(node, sizeof(node), "Node %d, zone", z->nid);
	fig_text(f, 20, y + 14, FF_LABEL, FA_START, "%s", node);
	fig_text(f, 20 + fig_text_width(FF_LABEL, strlen(node) + 1), y + 14,
		 FF_LABEL, FA_START, "%s", z->name);
	fig_text(f, 20 + STRIP_W, y + 14, FF_MONO_SMALL, FA_END,
		 "pfn %#llx-%#llx, %s, %llu free pages",
		 (unsigned long long)start, (unsigned long long)end - 1,
		 fsize(frames << PAGE_SHIFT),
		 (unsigned long long)z->free_pages);
	for (i = 0; i < rows; i++) {
		double w = i < rows - 1 ? STRIP_W : (double)frames / s.per_px -
			STRIP_W * (rows - 1);

		it = fig_box(f, 20, s.y + i * (ROW_H + 3), MAX(w, 1), ROW_H,
			     FS_FREE);
		if (i == 0) {
			fig_box_what(it, "zone", z->name);
			fig_box_span(it, start << PAGE_SHIFT, end << PAGE_SHIFT);
		}
	}
	if (z->sim != NULL)
		sim_zone_runs(&s, m, z->sim);
	else
		image_zone_runs(&s, m, start, end);
	if (s.px < (double)frames / s.per_px)
		strip_flush_px(&s);
	return zone_footer(f, z, &s, s.y + rows * (ROW_H + 3) + 12);
}

/* The simulated kernel's zones. */
static double
sim_zones(struct figure *f, struct machine *m, double y, double *per_px)
{
	struct page_alloc *pg = page_alloc_of(m);
	int nid, t, o;

	for (nid = 0; nid < pg->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z = &pg->node_data[nid]->node_zones[t];
			struct fzone fz = { .nid = nid, .name = z->name,
					    .start = z->zone_start_pfn,
					    .end = zone_end_pfn(z),
					    .free_pages = z->nr_free_pages,
					    .norder = MAX_ORDER, .sim = z };

			if (!zone_configured(pg, t) || !populated_zone(z))
				continue;
			for (o = 0; o < MAX_ORDER; o++)
				fz.nr_free[o] = z->free_area[o].nr_free;
			y = draw_zone(f, m, &fz, y, per_px);
		}
	return y;
}

/* An image's zones, where the dump says where they start. */
static double
image_zones(struct figure *f, struct machine *m, const struct kzones *zs,
	    double y, double *per_px)
{
	int i;

	for (i = 0; i < zs->n; i++) {
		const struct kzone *k = &zs->z[i];
		struct fzone fz = { .nid = k->nid, .name = k->name,
				    .start = k->start_pfn,
				    .end = k->start_pfn + k->spanned,
				    .free_pages = k->free_pages,
				    .norder = MIN(k->norder, KZONE_ORDERS) };

		if (!k->populated || !k->have_start_pfn)
			continue;
		memcpy(fz.nr_free, k->nr_free, sizeof(fz.nr_free));
		y = draw_zone(f, m, &fz, y, per_px);
	}
	return y;
}

void
fig_frames(struct figure *f, struct machine *m, const struct kzones *zs)
{
	double y = 40, per_px = 1;
	char title[96];

	snprintf(title, sizeof(title), "%s, %s of RAM: the frames of each "
		 "zone", m->arch->name, fsize(m->ram_size));
	fig_init(f, title);
	f->width = STRIP_W + 40;
	fig_text(f, 20, 26, FF_TITLE, FA_START, "%s", title);
	if (m->kern != NULL)
		y = sim_zones(f, m, y, &per_px);
	else
		y = image_zones(f, m, zs, y, &per_px);
	fig_caption(f, "Lowest frame at the left of each strip, rows left to "
		    "right, top to bottom; white is free (the buddy "
		    "allocator's blocks).");
	if (m->kern == NULL)
		fig_caption(f, "From the memory image: each frame's struct "
			    "page, a free block whole from its head (PageBuddy "
			    "and its order); the dump names no flag for page "
			    "tables, vmalloc or reserved frames, so those are "
			    "\"other\".");
	if (per_px > 1)
		fig_caption(f, "Too many frames to draw one by one: a pixel "
			    "holds up to %.0f frames and shows the kind most of "
			    "them are.", per_px + 0.4999);
	fig_finish(f, y);
}
