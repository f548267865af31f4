// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * An address space as a column of spans: a process's VMAs (`maps`) or the
 * mapped ranges of a page-table tree (`ptdump`), high addresses at the
 * top, each a box patterned by its rights, with how much of it is present
 * in the page tables as a bar beside it.  Heights follow the logarithm of
 * the size, as in the layout figure; the unmapped space between two spans
 * is a short break.  More spans than a figure can show are drawn in
 * groups of consecutive ones, and the caption says so.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/mm.h"
#include "ptwalk/ptdump.h"

#define SPANS_W		900.0
#define SBOX_W		250.0
#define BAR_W		14.0
#define MAX_BOXES	200	/* more spans are drawn in groups */

void
fig_spans_add(struct fig_spans *s, u64 start, u64 end, const char *name,
	      const char *rights, const char *detail)
{
	struct fig_span *p;

	if (s->n == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 64;
		s->v = xrealloc(s->v, (size_t)s->alloc * sizeof(*s->v));
	}
	p = &s->v[s->n++];
	memset(p, 0, sizeof(*p));
	p->start = start;
	p->end = end;
	snprintf(p->name, sizeof(p->name), "%s", name);
	snprintf(p->rights, sizeof(p->rights), "%s", rights);
	snprintf(p->detail, sizeof(p->detail), "%s", detail);
	p->present = end - start;
}

void
fig_spans_release(struct fig_spans *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static int
ptd_count(void *arg, const struct ptdump_range *r)
{
	u64 *bytes = arg;

	if (r->kind == PTD_RANGE)
		*bytes += r->end - r->start;
	return 0;
}

void
fig_spans_present(struct fig_spans *s, struct machine *m, u64 root)
{
	int i;

	for (i = 0; i < s->n; i++) {
		struct ptdump_stats st;
		u64 bytes = 0;

		ptdump_walk(m, root, s->v[i].start, s->v[i].end, ptd_count,
			    &bytes, &st);
		s->v[i].present = MIN(bytes, s->v[i].end - s->v[i].start);
	}
}

/* The style of a span's rights: "r-x", "rw-", "r--", "rwx", "---". */
static enum fig_style
rights_style(const char *r)
{
	bool w = strchr(r, 'w') != NULL, x = strchr(r, 'x') != NULL;

	if (w && x)
		return FS_RWX;
	if (x)
		return FS_EXEC;
	if (w)
		return FS_WRITE;
	if (strchr(r, 'r') != NULL)
		return FS_READ;
	return FS_GAP;
}

/* Merge each run of g spans into one (the figure's boxes). */
static int
group(const struct fig_spans *s, struct fig_span *out, int g)
{
	int i, n = 0;

	for (i = 0; i < s->n; i += g) {
		const struct fig_span *a = &s->v[i];
		int j, k = MIN(g, s->n - i);
		struct fig_span *o = &out[n++];

		*o = *a;
		if (k == 1)
			continue;
		o->end = s->v[i + k - 1].end;
		o->present = 0;
		for (j = 0; j < k; j++) {
			o->present += s->v[i + j].present;
			if (strcmp(s->v[i + j].rights, a->rights))
				snprintf(o->rights, sizeof(o->rights), "mixed");
		}
		snprintf(o->name, sizeof(o->name), "%d from %.40s", k,
			 a->name);
		snprintf(o->detail, sizeof(o->detail), "%s mapped in %d spans",
			 fsize(o->present), k);
	}
	return n;
}

static double
span_height(const struct fig_span *p)
{
	double pages = (double)(p->end - p->start) / 4096.0;

	return MAX(34, 22 + 3.5 * (pages > 1 ? log2(pages) : 0));
}

static void
draw_span(struct figure *f, const struct machine *m, const struct fig_span *p,
	  const char *role, double y, double h, bool top)
{
	double ax = 14 + fig_text_width(FF_MONO, (size_t)m->arch->va_digits +
				       2), bx = ax + 14, dx = bx + SBOX_W +
				       BAR_W + 22, frac;
	u64 size = p->end - p->start;
	enum fig_style st = strcmp(p->rights, "mixed") ? rights_style(p->rights)
		: FS_NONE;
	struct fig_item *it = fig_box(f, bx, y, SBOX_W, h, st);

	fig_box_what(it, role, p->name);
	fig_box_span(it, p->start, p->end);
	fig_text(f, bx + SBOX_W / 2, y + h / 2 - 1, FF_LABEL, FA_MIDDLE, "%s",
		 p->name);
	fig_text(f, bx + SBOX_W / 2, y + h / 2 + 12, FF_SMALL, FA_MIDDLE,
		 "%s  %s", fsize(size), p->rights);
	fig_text(f, ax + 5, y + h + 4, FF_MONO, FA_END, "%s", fva(m, p->start));
	if (top)	/* the last address, unless the next span starts there */
		fig_text(f, ax + 5, y + 4, FF_MONO, FA_END, "%s",
			 fva(m, p->end - 1));
	/* the bar: how much of the span the page tables map */
	fig_box(f, bx + SBOX_W + 6, y, BAR_W, h, FS_NONE);
	frac = size ? (double)p->present / (double)size : 0;
	if (p->present > 0)
		fig_box(f, bx + SBOX_W + 6, y + h * (1 - frac), BAR_W,
			MAX(h * frac, 1), FS_PRESENT);
	fig_text(f, dx, y + 15, FF_SMALL, FA_START, "%s", p->detail);
	fig_text(f, dx, y + 29, FF_SMALL, FA_START, "present: %s of %s",
		 fsize(p->present), fsize(size));
}

void
fig_spans(struct figure *f, const struct machine *m, const char *title,
	  const struct fig_spans *s, const char *role)
{
	int g = (s->n + MAX_BOXES - 1) / MAX_BOXES, n, i;
	struct fig_span *v = xcalloc((size_t)(s->n ? s->n : 1), sizeof(*v));
	double y = 56;

	fig_init(f, title);
	f->width = SPANS_W;
	fig_text(f, 14, 26, FF_TITLE, FA_START, "%s", title);
	fig_text(f, 14, 44, FF_SMALL, FA_START, "high addresses at the top; "
		 "the bar beside each box is the part the page tables map");
	n = group(s, v, MAX(g, 1));
	for (i = n - 1; i >= 0; i--) {
		double h = span_height(&v[i]);

		draw_span(f, m, &v[i], role, y, h, i == n - 1 ||
			  v[i + 1].start != v[i].end);
		y += h;
		if (i > 0 && v[i - 1].end < v[i].start) {
			fig_text(f, 14 + fig_text_width(FF_MONO, (size_t)
				 m->arch->va_digits + 2) + 28 + SBOX_W / 2,
				 y + 15, FF_SMALL, FA_MIDDLE, "unmapped: %s",
				 fsize(v[i].start - v[i - 1].end));
			y += 22;
		}
	}
	if (n == 0)
		fig_text(f, 14, y + 20, FF_LABEL, FA_START, "nothing is mapped");
	fig_caption(f, "Box heights grow with the logarithm of the size; the "
		    "unmapped space between boxes is drawn short.");
	if (g > 1)
		fig_caption(f, "Too many to draw one by one: the %d %ss are "
			    "drawn as %d boxes of up to %d consecutive ones "
			    "each.", s->n, role, n, g);
	free(v);
	fig_finish(f, y + 10);
}

void
fig_maps(struct figure *f, struct machine *m, int pid,
	 const struct mm_struct *mm)
{
	struct fig_spans s = { NULL, 0, 0 };
	const struct vm_area_struct *v;
	char title[96];

	for (v = mm->mmap; v != NULL; v = v->vm_next) {
		char rights[8], detail[96];
		const char *name = vma_name(mm, v);

		snprintf(rights, sizeof(rights), "%c%c%c%c",
			 v->vm_flags & VM_READ ? 'r' : '-',
			 v->vm_flags & VM_WRITE ? 'w' : '-',
			 v->vm_flags & VM_EXEC ? 'x' : '-',
			 v->vm_flags & VM_SHARED ? 's' : 'p');
		snprintf(detail, sizeof(detail), "%s%s",
			 v->vm_file ? "file at offset " : "anonymous",
			 v->vm_file ? fsize(v->vm_pgoff << PAGE_SHIFT) : "");
		fig_spans_add(&s, v->vm_start, v->vm_end, name[0] ? name :
			      "[anon]", rights, detail);
	}
	fig_spans_present(&s, m, mm->pgd);
	snprintf(title, sizeof(title), "pid %d: its VMAs (maps) on %s", pid,
		 m->arch->name);
	fig_spans(f, m, title, &s, "vma");
	fig_spans_release(&s);
}
