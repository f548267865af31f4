// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A slab cache as a figure (`slab NAME`): each slab a row drawn to scale
 * in bytes, its objects side by side (in use filled, free white with a
 * mark at the free pointer's offset), each free object numbered with its
 * place on the free list and the first hops of the list drawn as arrows
 * from the head, the unused tail hatched, and under the row the slab's
 * pages with their frame numbers.  Slabs come in the order the text lists
 * them: the CPU slabs, then each node's partial list, then the full ones.
 * The free lists are followed through the free pointers stored in the
 * objects (slab_freelist), as `slab` prints them.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"

#define SLAB_FW		900.0
#define SLAB_X		20.0
#define SLAB_W		860.0
#define OBJ_H		18.0
#define SROW_H		88.0
#define MAX_SLABS	24		/* slabs drawn; the rest counted */
#define MAX_HOPS	12		/* free-list arrows drawn per slab */
#define MIN_NUM_W	16.0		/* a cell wide enough for its number */

struct sfig {
	struct figure *f;
	struct machine *m;
	struct kmem_cache *s;
	u64 *fl;			/* a free list, in list order */
	int *order;			/* object -> place on it (0: in use) */
	int drawn, left;		/* slabs drawn, not drawn */
	int left_kind[3];		/* not drawn: cpu, partial, full */
	bool numbered;			/* some cells carry their numbers */
	bool thin;			/* some objects too thin to number */
	double y;
};

/*
 * The free list: its head, an arrow to the first free object, then a hop
 * above the row from each free object to the next (where objects are wide
 * enough to tell apart).
 */
static void
free_hops(struct sfig *v, u64 base, unsigned nfree, double by, double ow)
{
	double tw = fig_text_width(FF_MONO_SMALL, 9), head;
	unsigned i;

	fig_text(v->f, SLAB_X, by - 14, FF_MONO_SMALL, FA_START, "freelist");
	if (nfree == 0) {
		fig_text(v->f, SLAB_X + tw, by - 14, FF_MONO_SMALL, FA_START,
			 "NULL");
		return;
	}
	head = SLAB_X + tw;
	for (i = 0; i < nfree && i <= MAX_HOPS; i++) {
		u64 idx = (v->fl[i] - base) / v->s->size;
		double x = SLAB_X + ((double)idx + 0.5) * ow;
		double lift = 8 + (i % 3) * 3, mid = (head + x) / 2;

		if (i == 0) {
			fig_arrow(v->f, head, by - 17, x, by - 1);
			if (ow < MIN_NUM_W / 2)
				return;
		} else {
			fig_line(v->f, head, by - 1, mid, by - lift, FS_ARROW);
			fig_arrow(v->f, mid, by - lift, x, by - 1);
		}
		head = x;
	}
}

/*
 * The slab's objects: runs of objects in use as one box; free objects one
 * by one with their free pointer and their place on the list where they
 * are wide enough, else runs of them as one box too.
 */
static void
slab_objs(struct sfig *v, unsigned objects, double by, double ow)
{
	double fpx = ow * (double)v->s->offset / (double)v->s->size;
	double nx = fpx > ow / 2 ? fpx / 2 : (fpx + ow) / 2;
	bool wide = ow >= MIN_NUM_W;
	unsigned i, run;

	for (i = 0; i < objects; i = run) {
		bool used = v->order[i] == 0;

		for (run = i + 1; run < objects && (v->order[run] == 0) ==
		     used && (used || !wide); run++)
			;
		fig_box_what(fig_box(v->f, SLAB_X + i * ow, by, (run - i) * ow,
				     OBJ_H, used ? FS_INUSE : FS_FREEOBJ),
			     used ? "inuse" : "free", NULL);
		if (used)
			continue;
		if (!wide) {
			v->thin = true;
			continue;
		}
		fig_box(v->f, SLAB_X + i * ow + fpx, by + 2, MAX(ow * 4.0 /
			v->s->size, 1.5), OBJ_H - 4, FS_FREEPTR);
		fig_text(v->f, SLAB_X + i * ow + nx, by + 13, FF_MONO_SMALL,
			 FA_MIDDLE, "%d", v->order[i]);
		v->numbered = true;
	}
	/* the boundaries of the objects, where they are wide enough */
	for (i = 1; i < objects && ow >= 4; i++)
		if (v->order[i] == 0 || !wide)
			fig_line(v->f, SLAB_X + i * ow, by + OBJ_H - 5,
				 SLAB_X + i * ow, by + OBJ_H, FS_NONE);
}

/* Under the row: the slab's pages, each with its frame number. */
static void
slab_pages(struct sfig *v, struct page *slab, double by, double pw)
{
	unsigned k, npages = 1U << compound_order(slab);
	u64 pfn = page_to_pfn(v->m, slab);

	for (k = 0; k < npages; k++) {
		double x = SLAB_X + k * pw;

		fig_line(v->f, x, by - 4, x, by + OBJ_H + 14, FS_NONE);
		if (pw >= fig_text_width(FF_MONO_SMALL, 12) || k == 0)
			fig_text(v->f, x + 3, by + OBJ_H + 12, FF_MONO_SMALL,
				 FA_START, "pfn %s", fpfn(v->m, pfn + k));
	}
	fig_line(v->f, SLAB_X + npages * pw, by - 4, SLAB_X + npages * pw,
		 by + OBJ_H + 14, FS_NONE);
}

static void
draw_slab(struct sfig *v, struct page *slab, const char *what)
{
	struct machine *m = v->m;
	unsigned objects = slab_objects(slab), inuse = slab_inuse(slab);
	unsigned npages = 1U << compound_order(slab), nfree, i;
	u64 base = page_address(m, slab), bytes = (u64)npages << PAGE_SHIFT;
	double ow = SLAB_W * v->s->size / (double)bytes, by = v->y + 44;
	double used = ow * objects;
	struct fig_item *it;
	char name[96];

	nfree = slab_freelist(m, slab, v->fl, objects + 1);
	memset(v->order, 0, (objects + 1) * sizeof(*v->order));
	for (i = 0; i < nfree && i < objects; i++)
		if (v->fl[i] >= base && (v->fl[i] - base) / v->s->size < objects)
			v->order[(v->fl[i] - base) / v->s->size] = (int)i + 1;
	snprintf(name, sizeof(name), "%s %s", what, fva(m, base));
	fig_text(v->f, SLAB_X, v->y + 12, FF_LABEL, FA_START, "%s", name);
	fig_text(v->f, SLAB_X + fig_text_width(FF_LABEL, strlen(name) + 1),
		 v->y + 12, FF_SMALL, FA_START, "%u/%u in use, %u free, "
		 "order %u (%s)", inuse, objects, nfree, compound_order(slab),
		 fsize(bytes));
	it = fig_box(v->f, SLAB_X, by, SLAB_W, OBJ_H, FS_NONE);
	fig_box_what(it, "slab", name);
	fig_box_span(it, base, base + bytes);
	slab_objs(v, objects, by, ow);
	if (SLAB_W - used > 0.5)
		fig_box(v->f, SLAB_X + used, by, SLAB_W - used, OBJ_H, FS_GAP);
	free_hops(v, base, nfree, by, ow);
	slab_pages(v, slab, by, SLAB_W / npages);
	v->y += SROW_H;
	v->drawn++;
}

static void
one_slab(struct sfig *v, struct page *slab, const char *what, int kind)
{
	if (v->drawn < MAX_SLABS) {
		draw_slab(v, slab, what);
		return;
	}
	v->left++;
	v->left_kind[kind]++;
}

static void
sfig_caption(struct sfig *v)
{
	const struct kmem_cache *s = v->s;

	fig_caption(v->f, "Each slab to scale: its objects of %u bytes "
		    "(object_size %u) side by side from the slab's first "
		    "byte, in use filled, free white with a mark at the free "
		    "pointer (offset %u); the unused tail hatched; under the "
		    "row, the slab's pages and their frames.", s->size,
		    s->object_size, s->offset);
	fig_caption(v->f, "The free list runs from the slab's freelist "
		    "through the free pointers stored in the free objects%s; "
		    "the first %d hops are drawn as arrows.", v->numbered ?
		    ", each free object numbered with its place on it" : "",
		    MAX_HOPS);
	if (v->thin)
		fig_caption(v->f, "Too many objects to number one by one: "
			    "where objects are narrower than %.0f pixels, "
			    "free ones are drawn together, without their "
			    "numbers and free pointers (`slab %s` lists the "
			    "free list).", MIN_NUM_W, s->name);
	if (v->left)
		fig_caption(v->f, "Too many slabs to draw: the first %d are "
			    "drawn, %d more are not (%d CPU, %d partial, %d "
			    "full); the text lists them all.", v->drawn,
			    v->left, v->left_kind[0], v->left_kind[1],
			    v->left_kind[2]);
	if (v->drawn == 0)
		fig_caption(v->f, "The cache has no slabs.");
}

void
fig_slab(struct figure *f, struct machine *m, struct kmem_cache *s)
{
	const struct page_alloc *pg = page_alloc_of(m);
	/* slab_objects() is 15 bits: room for any slab */
	unsigned objects = 0x8000;
	struct sfig v = { .f = f, .m = m, .s = s, .y = 60 };
	struct list_head *l;
	char title[160], what[32];
	int cpu, nid;

	snprintf(title, sizeof(title), "%s: the slabs of %s", m->arch->name,
		 s->name);
	fig_init(f, title);
	f->width = SLAB_FW;
	fig_text(f, 20, 26, FF_TITLE, FA_START, "%s", title);
	fig_text(f, 20, 44, FF_SMALL, FA_START, "object_size %u, size %u, "
		 "free pointer at offset %u; order %u, %u objects a slab",
		 s->object_size, s->size, s->offset, oo_order(s->oo),
		 oo_objects(s->oo));
	v.fl = xcalloc(objects + 1, sizeof(*v.fl));
	v.order = xcalloc(objects + 1, sizeof(*v.order));
	for (cpu = 0; cpu < m->ncpus; cpu++)
		if (s->cpu_slab[cpu].slab != NULL) {
			snprintf(what, sizeof(what), "cpu%d slab", cpu);
			one_slab(&v, s->cpu_slab[cpu].slab, what, 0);
		}
	for (nid = 0; nid < pg->nr_nodes; nid++) {
		list_for_each(l, &s->node[nid]->partial)
			one_slab(&v, list_entry(l, struct page, lru),
				 "partial slab", 1);
		list_for_each(l, &s->node[nid]->full)
			one_slab(&v, list_entry(l, struct page, lru),
				 "full slab", 2);
	}
	sfig_caption(&v);
	free(v.fl);
	free(v.order);
	fig_finish(f, v.y);
}
