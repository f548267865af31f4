// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting walks and entries: every level, the index arithmetic, the raw
 * entry and its decoded bits, folded levels named as folded.
 */
#include <ctype.h>
#include <string.h>

#include "ptwalk/image.h"
#include "ptwalk/out.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/show.h"
#include "ptwalk/trace_print.h"

void
perm_string(u16 p, char *buf, size_t n)
{
	/* "kernel %c%c%c, user %c%c%c", written by hand: ptdump's rows */
	char t[] = "kernel ---, user ---";

	if (p & P_KR)
		t[7] = 'r';
	if (p & P_KW)
		t[8] = 'w';
	if (p & P_KX)
		t[9] = 'x';
	if (p & P_UR)
		t[17] = 'r';
	if (p & P_UW)
		t[18] = 'w';
	if (p & P_UX)
		t[19] = 'x';
	if (n == 0)
		return;
	n = MIN(n - 1, sizeof(t) - 1);
	memcpy(buf, t, n);
	buf[n] = 0;
}

void
attr_string(u32 a, char *buf, size_t n)
{
	struct strbuf sb;

	sb_init(&sb);
	if (a & P_GLOBAL)
		sb_adds(&sb, " global");
	if (a & P_NOCACHE)
		sb_adds(&sb, " uncached");
	if (a & P_UCMINUS)
		sb_adds(&sb, " uncached-minus");
	if (a & P_WC)
		sb_adds(&sb, " write-combining");
	if (a & P_YOUNG)
		sb_adds(&sb, " accessed");
	if (a & P_DIRTY)
		sb_adds(&sb, " dirty");
	if (a & P_SPECIAL)
		sb_adds(&sb, " special");
	snprintf(buf, n, "%s", sb.len ? sb.buf + 1 : "");
	sb_release(&sb);
}

void
entry_flags(const struct machine *m, int lvl, u64 e, char *buf, size_t n)
{
	const char *names[40];
	int k = m->arch->flag_names(&m->mmu, lvl, e, names, 40), i;
	size_t off = 0;

	if (n == 0)
		return;
	if (k == 0)
		names[k++] = "-";
	/* the names, a space apart, cut at n - 1 bytes as snprintf would */
	for (i = 0; i < k && off + 1 < n; i++) {
		size_t l = strlen(names[i]);

		if (i > 0)
			buf[off++] = ' ';
		l = MIN(l, n - 1 - off);
		memcpy(buf + off, names[i], l);
		off += l;
	}
	buf[off] = 0;
}

const char *
level_name(const struct machine *m, int lvl)
{
	return m->mmu.lv[lvl].name;
}

const char *
tag_name(const struct machine *m, bool lower)
{
	static char low[16];
	const char *t = m->arch->tag_name ? m->arch->tag_name : "ASID";
	size_t i;

	if (!lower)
		return t;
	for (i = 0; t[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)tolower((unsigned char)t[i]);
	low[i] = 0;
	return low;
}

static int
digits(u64 v)
{
	int d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

const char *
access_fault_note(const struct walk *w)
{
	if (w->fault != WF_NONE)
		return NULL;
	switch (w->access_fault) {
	case WF_ACCESS_FLAG:
		return "the access flag (AF) is clear and this CPU does not "
			"set it: the page is mapped, but an access takes an "
			"access flag fault, and the kernel sets AF "
			"(pte_mkyoung) and retries; the TLB does not cache the "
			"translation before that";
	case WF_NOT_PRESENT:
		return "Linux's PTE maps the page, but it is old, so the "
			"hardware entry is empty (young emulation): an access "
			"faults, and the kernel makes the PTE young and writes "
			"the hardware entry (set_pte_ext)";
	default:
		return NULL;
	}
}

void
show_walk_json(struct ctx *ctx, const struct walk *w)
{
	const struct machine *m = ctx->m;
	int i;

	j_hex(ctx, "va", w->va);
	if (w->fault == WF_NONE) {
		j_hex(ctx, "pa", w->pa);
		j_u64(ctx, "page_size", 1ULL << w->shift);
		if (w->access_fault != WF_NONE)
			j_str(ctx, "access_fault",
			      w->access_fault == WF_ACCESS_FLAG ?
			      "access flag" : "no hardware entry (old)");
	}
	j_arr(ctx, "steps");
	for (i = 0; i < w->nsteps; i++) {
		const struct walk_step *s = &w->step[i];
		const char *names[40];
		int k, f;

		j_obj(ctx, NULL);
		j_str(ctx, "level", level_name(m, s->lvl));
		j_int(ctx, "index", s->index);
		j_hex(ctx, "table", s->table);
		j_hex(ctx, "entry_pa", s->entry_pa);
		j_hex(ctx, "entry", s->entry);
		k = m->arch->flag_names(&m->mmu, s->lvl, s->entry, names, 40);
		j_arr(ctx, "flags");
		for (f = 0; f < k; f++)
			j_str(ctx, NULL, names[f]);
		j_arr_end(ctx);
		/* Linux's own copy of the entry, where it keeps one (arm) */
		if (m->arch->get_leaf != NULL &&
		    !(w->fault == WF_BEYOND_RAM && i == w->nsteps - 1)) {
			u64 lv = m->arch->get_leaf(ctx->m, s->lvl, s->entry_pa);

			if (lv != s->entry)
				j_hex(ctx, "linux_entry", lv);
		}
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (w->fault != WF_NONE) {
		char buf[200];

		machine_fault_reason(m, w, 0, buf, sizeof(buf));
		j_obj(ctx, "fault");
		j_str(ctx, "level", level_name(m, w->fault_lvl));
		j_str(ctx, "reason", walk_fault_name(w->fault));
		j_str(ctx, "detail", buf);
		j_obj_end(ctx);
	}
}

static void
show_tlb(struct ctx *ctx, struct cpu *c, const struct walk *w)
{
	struct machine *m = ctx->m;
	struct tlb_entry *te;

	if (!m->tlb_on) {
		out_printf(ctx, "  tlb      off\n");
		return;
	}
	/* a walk of the user pgd (PTI): what user mode has cached */
	te = tlb_peek(&c->tlb, w->va, m->user_pgd_offset &&
		      w->root == cpu_root(m, c, 0, ACC_USER) ?
		      cpu_tag(m, c, ACC_USER) : c->asid);
	if (te == NULL) {
		out_printf(ctx, "  tlb      cpu%d: not cached\n", c->id);
		j_str(ctx, "tlb", "miss");
		return;
	}
	if (w->fault == WF_NONE &&
	    te->pa == (w->pa & ~((1ULL << te->shift) - 1)) &&
	    te->perm == w->perm) {
		out_printf(ctx, "  tlb      cpu%d: cached (%s page %s -> %s), "
			   "matches the tables\n", c->id, fsize(1ULL << te->shift),
			   fva(m, te->va), fpa(m, te->pa));
		j_str(ctx, "tlb", "hit");
		return;
	}
	{
		char p1[64];

		perm_string(te->perm, p1, sizeof(p1));
		out_printf(ctx, "  tlb      cpu%d: STALE entry %s -> %s (%s): "
			   "the tables now say %s; a flush is missing "
			   "(tlb flush %s)\n", c->id, fva(m, te->va),
			   fpa(m, te->pa), p1,
			   w->fault == WF_NONE ? fpa(m, w->pa & ~((1ULL <<
							 w->shift) - 1)) :
			   "no mapping", fva(m, te->va));
		j_str(ctx, "tlb", "stale");
		j_hex(ctx, "tlb_pa", te->pa);
	}
}

/* "va ...: the paging mode, cpu0 cr3=..." and the bit slices of va. */
static void
walk_header(struct ctx *ctx, struct cpu *c, const struct walk *w)
{
	struct machine *m = ctx->m;
	const struct mmu *mmu = &m->mmu;
	int ri = mmu_root_index(mmu, w->va), i;
	struct strbuf sb;

	sb_init(&sb);
	m->arch->describe(mmu, &sb);
	out_printf(ctx, "va %s: %s, cpu%d %s=%s\n", fva(m, w->va), sb.buf,
		   c->id, m->arch->root_name[ri] ? m->arch->root_name[ri] :
		   "root", w->fault == WF_NO_ROOT ? "none" : fpa(m, w->root));
	sb_reset(&sb);
	if (w->fault != WF_VA_RANGE && w->fault != WF_NONCANONICAL &&
	    w->fault != WF_NO_ROOT) {
		sb_adds(&sb, "  slices  ");
		for (i = 0; i < mmu->nwalk; i++) {
			const struct pt_level *L = &mmu->lv[mmu->walk[i]];

			sb_addf(&sb, "[%u:%u] %s %#llx  ", L->shift + L->bits - 1,
				L->shift, L->name, (unsigned long long)
				pt_index(mmu, mmu->walk[i], w->va));
		}
		sb_addf(&sb, "[%u:0] offset %#llx\n",
			mmu->lv[mmu->walk[mmu->nwalk - 1]].shift - 1,
			(unsigned long long)(w->va & (PAGE_SIZE - 1)));
		out_puts(ctx, sb.buf);
	}
	sb_release(&sb);
}

/* "p4d, pud, pmd  folded ...": returns the last folded level from lvl. */
static int
walk_folded(struct ctx *ctx, int lvl)
{
	const struct mmu *mmu = &ctx->m->mmu;
	struct strbuf f;
	int k = lvl;

	sb_init(&f);
	while (k < NR_LEVELS && mmu->lv[k].folded) {
		sb_addf(&f, "%s%s", f.len ? ", " : "", mmu->lv[k].name);
		k++;
	}
	out_printf(ctx, "  %-8s folded (one entry, no table of its own)\n",
		   f.buf);
	sb_release(&f);
	return k - 1;
}

/* Where an entry leads: a table, a page, or the fault.  True: the end. */
static bool
walk_target(struct ctx *ctx, const struct walk_step *s)
{
	struct machine *m = ctx->m;

	switch (s->d.kind) {
	case PT_TABLE:
		out_printf(ctx, "  -> table %s\n", fpa(m, s->d.addr));
		return false;
	case PT_LEAF:
		out_printf(ctx, "  -> %s page %s%s\n", fsize(1ULL << s->d.shift),
			   fpa(m, s->d.addr), phys_is_ram(&m->phys, s->d.addr) ?
			   "" : " (not RAM: device memory)");
		return true;
	case PT_NONE:
		out_printf(ctx, "  -> not present: page fault\n");
		return true;
	default:
		if (m->arch->bad_desc != NULL) {
			char why[160];

			m->arch->bad_desc(&m->mmu, s->lvl, s->entry, &s->d, why,
					  sizeof(why));
			out_printf(ctx, "  -> invalid: %s\n", why);
		} else {
			out_printf(ctx, "  -> reserved bits 0x%llx set: page "
				   "fault (RSVD)\n", (unsigned long long)s->d.bad);
		}
		return true;
	}
}

/* One step: table + index * size = entry address: entry, where it leads. */
static bool
walk_step(struct ctx *ctx, const struct walk *w, const struct walk_step *s,
	  bool last)
{
	struct machine *m = ctx->m;
	const struct pt_level *L = &m->mmu.lv[s->lvl];
	char flags[200], head[48];
	int iw = digits((1ULL << L->bits) - 1);
	bool ended;

	snprintf(head, sizeof(head), "%s[%u] %s", L->name, s->index,
		 L->hw ? L->hw : "");
	if (w->fault == WF_BEYOND_RAM && last) {
		char why[160];

		phys_describe_hole(&m->phys, s->entry_pa, why, sizeof(why));
		out_printf(ctx, "  %-15s %s + %u*%u = %s: the table is %s\n",
			   head, fpa(m, s->table), s->index, L->esize,
			   fpa(m, s->entry_pa), why);
		out_printf(ctx, "  fault    the walk stops: %s\n",
			   phys_find(&m->phys, s->entry_pa) != NULL ?
			   "the table page is not readable from the image" :
			   "the entry above points outside physical memory");
		return true;
	}
	entry_flags(m, s->lvl, s->entry, flags, sizeof(flags));
	out_printf(ctx, "  %-15s %s + %*u*%u = %s: %s  %-17s", head,
		   fpa(m, s->table), iw, s->index, L->esize,
		   fpa(m, s->entry_pa), fentry(m, s->lvl, s->entry), flags);
	ended = walk_target(ctx, s);
	if (m->arch->step_note != NULL) {
		struct strbuf note;

		sb_init(&note);
		m->arch->step_note(m, s->lvl, s->entry_pa, s->entry, &note);
		out_puts(ctx, note.buf);
		sb_release(&note);
	}
	return ended;
}

/* The translation: pa, page, rights and attributes; then the region. */
static void
walk_result(struct ctx *ctx, const struct walk *w)
{
	struct machine *m = ctx->m;
	const struct region *r;

	if (w->fault == WF_NONE) {
		char perm[64], attr[128];
		u64 mask = (1ULL << w->shift) - 1;

		perm_string(w->perm, perm, sizeof(perm));
		attr_string(w->attr, attr, sizeof(attr));
		out_printf(ctx, "  pa       %s = %s page %s + offset %#llx  "
			   "(%s%s%s)\n", fpa(m, w->pa), fsize(1ULL << w->shift),
			   fpa(m, w->pa & ~mask),
			   (unsigned long long)(w->va & mask), perm,
			   attr[0] ? "; " : "", attr);
		if (access_fault_note(w) != NULL)
			out_printf(ctx, "  note     %s\n",
				   access_fault_note(w));
	}
	r = machine_region(m, w->va);
	if (r != NULL) {
		out_printf(ctx, "  region   %s: %s\n", r->name, r->what);
		j_str(ctx, "region", r->name);
	}
}

void
show_walk(struct ctx *ctx, struct cpu *c, const struct walk *w, bool tlb)
{
	struct machine *m = ctx->m;
	const struct mmu *mmu = &m->mmu;
	int si = 0, lvl;
	bool ended = false;

	walk_header(ctx, c, w);
	if (w->fault == WF_VA_RANGE || w->fault == WF_NONCANONICAL) {
		struct error e;

		machine_check_va(m, w->va, &e);
		out_printf(ctx, "  fault    %s\n", e.msg);
		show_walk_json(ctx, w);
		return;
	}
	if (w->fault == WF_NO_ROOT) {
		const char *off = live_qemu_no_root(m, c->id);

		out_printf(ctx, "  fault    no page-table root is loaded on "
			   "cpu%d%s%s%s\n", c->id, off ? " (" : "",
			   off ? off : "", off ? "; xp reads physical "
			   "addresses)" : "");
		show_walk_json(ctx, w);
		return;
	}
	for (lvl = 0; lvl < NR_LEVELS; lvl++) {
		if (mmu->lv[lvl].folded) {
			lvl = walk_folded(ctx, lvl);
		} else if (ended) {
			out_printf(ctx, "  %-8s not reached\n",
				   mmu->lv[lvl].name);
		} else if (si < w->nsteps) {
			ended = walk_step(ctx, w, &w->step[si],
					  si + 1 == w->nsteps);
			si++;
		} else {
			break;
		}
	}
	walk_result(ctx, w);
	show_walk_json(ctx, w);
	if (tlb)
		show_tlb(ctx, c, w);
}

void
show_trace(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct strbuf sb;
	int i;

	if (m->kt.n > 0) {
		sb_init(&sb);
		j_arr(ctx, "trace");
		for (i = 0; i < m->kt.n; i++) {
			sb_reset(&sb);
			trace_print(&sb, m, &m->kt.ev[i]);
			out_printf(ctx, "  %s\n", sb.buf);
			j_str(ctx, NULL, sb.buf);
		}
		j_arr_end(ctx);
		sb_release(&sb);
	}
	kt_end(m);
}
