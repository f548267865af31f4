// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A walk as the textbook figure: the address cut into its bit slices, the
 * root register, each table a box with the entry the slice indexes
 * highlighted (its address, the arithmetic that finds it, its value and
 * decoded bits), arrows to the next table and to the page, the offset
 * added; where the walk stopped, the fault; the TLB's view.  Drawn from
 * the struct walk that `walk` prints.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/format.h"
#include "ptwalk/show.h"

#define COL_W		236.0	/* a table's column */
#define TABLE_W		200.0
#define TABLE_H		250.0
#define ENTRY_H		64.0
#define REG_W		150.0
#define BAR_Y		84.0
#define BAR_H		44.0
#define TABLE_Y		184.0

/* The bit slices of the address: the upper bits, each level, the offset. */
static void
draw_slices(struct figure *f, const struct machine *m, const struct walk *w)
{
	const struct mmu *mmu = &m->mmu;
	unsigned top = mmu->lv[mmu->walk[0]].shift + mmu->lv[mmu->walk[0]].bits;
	unsigned all = m->arch->is64 ? 64 : 32, lo;
	/* a huge page ends the walk early: the offset takes the rest */
	int nlev = w->fault == WF_NONE ? w->nsteps : mmu->nwalk, i;
	double x = 20, unit = (f->width - 40) / (all + nlev + 2.0);

	fig_text(f, 20, BAR_Y - 12, FF_MONO, FA_START, "va %s", fva(m, w->va));
	for (i = -1; i <= nlev; i++) {
		const struct pt_level *L = i >= 0 && i < nlev ?
			&mmu->lv[mmu->walk[i]] : NULL;
		unsigned hi, nb;
		double bw;
		struct fig_item *it;

		if (i < 0) {		/* the bits above the walk */
			if (top >= all)
				continue;
			hi = all - 1;
			lo = top;
		} else if (L != NULL) {
			hi = L->shift + L->bits - 1;
			lo = L->shift;
		} else {
			hi = (w->fault == WF_NONE ? w->shift :
			      mmu->lv[mmu->walk[mmu->nwalk - 1]].shift) - 1;
			lo = 0;
		}
		nb = hi - lo + 1;
		bw = unit * (nb + 1);
		it = fig_box(f, x, BAR_Y, bw, BAR_H, i < 0 ? FS_GAP : L ?
			     FS_SLICE : FS_OFFSET);
		fig_box_what(it, "slice", i < 0 ? "upper bits" : L ? L->name :
			     "offset");
		fig_text(f, x + bw / 2, BAR_Y - 3, FF_MONO_SMALL, FA_MIDDLE,
			 "[%u:%u]", hi, lo);
		if (i < 0)
			fig_text(f, x + bw / 2, BAR_Y + 26, FF_SMALL, FA_MIDDLE,
				 "%s", bw > 90 ? "upper bits" : "upper");
		else
			fig_text(f, x + bw / 2, BAR_Y + 18, FF_SMALL, FA_MIDDLE,
				 "%s", L ? L->name : "offset");
		if (i >= 0)
			fig_text(f, x + bw / 2, BAR_Y + 34, FF_MONO, FA_MIDDLE,
				 "%#llx", (unsigned long long)((w->va >> lo) &
				 ((1ULL << nb) - 1)));
		x += bw;
	}
}

/* The TLB's view of the address: "hit", "miss", "stale" or off. */
static const char *
tlb_view(const struct machine *m, struct cpu *c, const struct walk *w,
	 char *buf, size_t n)
{
	struct tlb_entry *te;

	if (!m->tlb_on)
		return "TLB off";
	te = tlb_peek(&c->tlb, w->va, c->asid);
	if (te == NULL)
		snprintf(buf, n, "TLB miss on cpu%d: the CPU would walk as "
			 "drawn", c->id);
	else if (w->fault == WF_NONE &&
		 te->pa == (w->pa & ~((1ULL << te->shift) - 1)) &&
		 te->perm == w->perm)
		snprintf(buf, n, "TLB hit on cpu%d: %s page %s, as the tables "
			 "say", c->id, fsize(1ULL << te->shift),
			 fpa(m, te->pa));
	else
		snprintf(buf, n, "TLB on cpu%d holds a STALE entry -> %s: a "
			 "flush is missing", c->id, fpa(m, te->pa));
	return buf;
}

/* The entry band inside a table box: address, value, decoded bits. */
static void
draw_entry(struct figure *f, const struct machine *m, const struct walk *w,
	   int si, double x, double ey, bool faulted)
{
	const struct walk_step *s = &w->step[si];
	const struct pt_level *L = &m->mmu.lv[s->lvl];
	struct fig_item *it;
	char flags[200], *lines[2], name[48];
	int k, j;

	it = fig_box(f, x, ey, TABLE_W, ENTRY_H, faulted ? FS_FAULT : FS_ENTRY);
	snprintf(name, sizeof(name), "%s[%u]", L->name, s->index);
	fig_box_what(it, "entry", name);
	fig_text(f, x + 6, ey + 13, FF_MONO_SMALL, FA_START, "%s @ %s", name,
		 fpa(m, s->entry_pa));
	fig_text(f, x + 6, ey + 27, FF_MONO, FA_START, "= %s",
		 fentry(m, s->lvl, s->entry));
	entry_flags(m, s->lvl, s->entry, flags, sizeof(flags));
	k = fig_wrap(flags, 33, lines, 2);
	for (j = 0; j < k; j++) {
		fig_text(f, x + 6, ey + 41 + 12 * j, FF_MONO_SMALL, FA_START,
			 "%s", lines[j]);
		free(lines[j]);
	}
}

/* One table of the walk, step si, in the column at x; returns the y of
 * its entry's middle (where the arrow to the next leaves). */
static double
draw_table(struct figure *f, const struct machine *m, const struct walk *w,
	   int si, double x)
{
	const struct walk_step *s = &w->step[si];
	const struct pt_level *L = &m->mmu.lv[s->lvl];
	bool last = si + 1 == w->nsteps, stop = last && w->fault != WF_NONE;
	bool outside = stop && w->fault == WF_BEYOND_RAM;
	double n = (double)(1ULL << L->bits), ey;
	struct fig_item *it;
	char name[64];

	snprintf(name, sizeof(name), "%s table", L->name);
	it = fig_box(f, x, TABLE_Y, TABLE_W, TABLE_H, outside ? FS_FAULT :
		     FS_TABLE);
	fig_box_what(it, "table", name);
	fig_box_span(it, s->table, s->table + (u64)n * L->esize);
	fig_text(f, x + TABLE_W / 2, TABLE_Y - 22, FF_LABEL, FA_MIDDLE,
		 "%s%s%s%s", name, L->hw ? " (" : "", L->hw ? L->hw : "",
		 L->hw ? ")" : "");
	fig_text(f, x + TABLE_W / 2, TABLE_Y - 8, FF_MONO_SMALL, FA_MIDDLE,
		 "at %s, %.0f entries x %u", fpa(m, s->table), n, L->esize);
	fig_text(f, x + 4, TABLE_Y + 12, FF_MONO_SMALL, FA_START, "[0]");
	fig_text(f, x + 4, TABLE_Y + TABLE_H - 4, FF_MONO_SMALL, FA_START,
		 "[%.0f]", n - 1);
	fig_text(f, x, TABLE_Y + TABLE_H + 16, FF_MONO_SMALL, FA_START,
		 "%s + %u*%u", fpa(m, s->table), s->index, L->esize);
	fig_text(f, x, TABLE_Y + TABLE_H + 28, FF_MONO_SMALL, FA_START,
		 "  = %s", fpa(m, s->entry_pa));
	if (outside) {
		fig_text(f, x + TABLE_W / 2, TABLE_Y + TABLE_H / 2, FF_SMALL,
			 FA_MIDDLE, "outside physical memory:");
		fig_text(f, x + TABLE_W / 2, TABLE_Y + TABLE_H / 2 + 14,
			 FF_SMALL, FA_MIDDLE, "the walk stops");
		return TABLE_Y + TABLE_H / 2;
	}
	ey = TABLE_Y + 18 + (TABLE_H - 36 - ENTRY_H) * (s->index / n);
	draw_entry(f, m, w, si, x, ey, stop);
	return ey + ENTRY_H / 2;
}

/* Where the last entry leads: the page, with the offset added. */
static void
draw_page(struct figure *f, const struct machine *m, const struct walk *w,
	  double x, double from_y)
{
	u64 size = 1ULL << w->shift, off = w->va & (size - 1);
	double oy = TABLE_Y + 18 + (TABLE_H - 36) * ((double)off /
						       (double)size);
	struct fig_item *it = fig_box(f, x, TABLE_Y, TABLE_W, TABLE_H, FS_PAGE);
	char name[48];

	snprintf(name, sizeof(name), "%s page", fsize(size));
	fig_box_what(it, "page", name);
	fig_box_span(it, w->pa - off, w->pa - off + size);
	fig_text(f, x + TABLE_W / 2, TABLE_Y - 22, FF_LABEL, FA_MIDDLE, "%s",
		 name);
	fig_text(f, x + TABLE_W / 2, TABLE_Y - 8, FF_MONO_SMALL, FA_MIDDLE,
		 "at %s", fpa(m, w->pa - off));
	fig_arrow(f, x - COL_W + TABLE_W, from_y, x, TABLE_Y + 2);
	fig_line(f, x, oy, x + TABLE_W, oy, FS_SPLIT);
	fig_text(f, x + 6, oy - 4, FF_MONO_SMALL, FA_START, "+ offset %#llx",
		 (unsigned long long)off);
	fig_text(f, x, TABLE_Y + TABLE_H + 16, FF_MONO_SMALL, FA_START,
		 "%s + %#llx", fpa(m, w->pa - off), (unsigned long long)off);
	fig_text(f, x, TABLE_Y + TABLE_H + 28, FF_MONO_SMALL, FA_START,
		 "  = pa %s", fpa(m, w->pa));
}

/* The fault in the column after the last table, and what it says. */
static void
draw_fault(struct figure *f, const struct machine *m, const struct walk *w,
	   double x, double from_y)
{
	char why[200], *lines[6];
	struct fig_item *it = fig_box(f, x, TABLE_Y + 60, TABLE_W, 130,
				      FS_FAULT);
	int k, j;

	fig_box_what(it, "fault", walk_fault_name(w->fault));
	if (from_y > 0)
		fig_arrow(f, x - COL_W + TABLE_W, from_y, x, TABLE_Y + 125);
	fig_text(f, x + TABLE_W / 2, TABLE_Y + 80, FF_LABEL, FA_MIDDLE,
		 "page fault");
	machine_fault_reason(m, w, 0, why, sizeof(why));
	k = fig_wrap(why, 32, lines, 6);
	for (j = 0; j < k; j++) {
		fig_text(f, x + 8, TABLE_Y + 98 + 13 * j, FF_SMALL, FA_START,
			 "%s", lines[j]);
		free(lines[j]);
	}
}

/* The levels a faulted walk did not reach, dashed. */
static void
draw_unreached(struct figure *f, const struct machine *m, int from,
	       double x)
{
	const struct mmu *mmu = &m->mmu;
	int i;

	for (i = from; i < mmu->nwalk; i++, x += COL_W) {
		struct fig_item *it = fig_box(f, x, TABLE_Y, TABLE_W, TABLE_H,
					      FS_NOTREACHED);
		char name[64];

		snprintf(name, sizeof(name), "%s table",
			 mmu->lv[mmu->walk[i]].name);
		fig_box_what(it, "unreached", name);
		fig_text(f, x + TABLE_W / 2, TABLE_Y + TABLE_H / 2, FF_SMALL,
			 FA_MIDDLE, "%s: not reached", name);
	}
}

/* The caption: folded levels, the translation, the region, the TLB. */
static void
walk_caption(struct figure *f, const struct machine *m, struct cpu *c,
	     const struct walk *w)
{
	const struct mmu *mmu = &m->mmu;
	const struct region *r = machine_region(m, w->va);
	struct strbuf sb;
	char buf[200];
	int l;

	sb_init(&sb);
	for (l = 0; l < NR_LEVELS; l++)
		if (mmu->lv[l].folded)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "",
				mmu->lv[l].name);
	if (sb.len)
		fig_caption(f, "Folded (one entry, no table of their own): "
			    "%s.", sb.buf);
	if (w->fault == WF_NONE) {
		char perm[64];

		perm_string(w->perm, perm, sizeof(perm));
		fig_caption(f, "%s -> %s: a %s page, %s.", fva(m, w->va),
			    fpa(m, w->pa), fsize(1ULL << w->shift), perm);
		if (access_fault_note(w) != NULL)
			fig_caption(f, "Note: %s.", access_fault_note(w));
	}
	if (r != NULL)
		fig_caption(f, "Region %s: %s.", r->name, r->what);
	fig_caption(f, "%s.", tlb_view(m, c, w, buf, sizeof(buf)));
	sb_release(&sb);
}

void
fig_walk(struct figure *f, const struct machine *m, struct cpu *c,
	 const struct walk *w)
{
	const struct mmu *mmu = &m->mmu;
	int ri = mmu_root_index(mmu, w->va), si;
	const char *root = m->arch->root_name[ri] ? m->arch->root_name[ri] :
		"root";
	double x = 20 + REG_W + 50, from_y;
	struct strbuf sb;
	struct fig_item *it;
	char title[200];

	sb_init(&sb);
	m->arch->describe(mmu, &sb);
	snprintf(title, sizeof(title), "walk of %s on %s", fva(m, w->va),
		 m->arch->name);
	fig_init(f, title);
	f->width = MAX(x + (mmu->nwalk + 1) * COL_W, 760);
	fig_text(f, 20, 26, FF_TITLE, FA_START, "%s", title);
	{
		char *line;

		/* the paging mode, cut to the width */
		if (fig_wrap(sb.buf, (size_t)((f->width - 40) /
			     fig_text_width(FF_SMALL, 1)), &line, 1) == 1) {
			fig_text(f, 20, 44, FF_SMALL, FA_START, "%s", line);
			free(line);
		}
	}
	sb_release(&sb);
	draw_slices(f, m, w);
	it = fig_box(f, 20, TABLE_Y + 20, REG_W, 48, FS_REG);
	fig_box_what(it, "register", root);
	fig_text(f, 20 + REG_W / 2, TABLE_Y + 38, FF_LABEL, FA_MIDDLE,
		 "%s (cpu%d)", root, c->id);
	fig_text(f, 20 + REG_W / 2, TABLE_Y + 56, FF_MONO, FA_MIDDLE, "%s",
		 fpa(m, w->root));
	if (w->fault == WF_VA_RANGE || w->fault == WF_NONCANONICAL ||
	    w->fault == WF_NO_ROOT || w->nsteps == 0) {
		draw_fault(f, m, w, x, 0);
		walk_caption(f, m, c, w);
		fig_finish(f, TABLE_Y + TABLE_H + 40);
		return;
	}
	from_y = TABLE_Y + 44;
	for (si = 0; si < w->nsteps; si++, x += COL_W) {
		fig_arrow(f, si == 0 ? 20 + REG_W : x - COL_W + TABLE_W, from_y,
			  x, TABLE_Y + 2);
		from_y = draw_table(f, m, w, si, x);
	}
	if (w->fault == WF_NONE)
		draw_page(f, m, w, x, from_y);
	else {
		draw_fault(f, m, w, x, w->fault == WF_BEYOND_RAM ? 0 : from_y);
		draw_unreached(f, m, w->nsteps, x + COL_W);
	}
	walk_caption(f, m, c, w);
	fig_finish(f, TABLE_Y + TABLE_H + 40);
}
