// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Dump every present mapping, merged into ranges.
 */
#include <string.h>

#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/ptdump.h"
#include "ptwalk/show.h"

struct pd_state {
	struct ctx *ctx;
	const struct region *last;
	u64 total;
	struct fig_spans *spans;	/* the figure's, when one is wanted */
};

/* The ranges so far: a progress line, and a stop on Ctrl-C. */
static struct progress pd_progress;

static int
emitted(struct ctx *ctx)
{
	char why[200];

	if (progress_add(&pd_progress, 1) == 0)
		return 0;
	progress_why(&pd_progress, why, sizeof(why));
	return cmd_error(ctx, "%s", why);
}

/* Entries that name a table above them: a cycle, not followed. */
static int
emit_loop(struct pd_state *st, const struct ptdump_range *r)
{
	struct ctx *ctx = st->ctx;
	struct machine *m = ctx->m;
	const char *lvl = m->mmu.lv[r->lvl].name;

	out_printf(ctx, "%s-%s %8s  loop: %llu %s entr%s point%s back at the "
		   "%s table %s, already on this walk's path: not followed\n",
		   fva(m, r->start), fva(m, r->end - 1),
		   fsize(r->end - r->start), (unsigned long long)r->pages,
		   lvl, r->pages == 1 ? "y" : "ies",
		   r->pages == 1 ? "s" : "", m->mmu.lv[r->target_lvl].name,
		   fpa(m, r->pa));
	j_obj(ctx, NULL);
	j_str(ctx, "kind", "loop");
	j_hex(ctx, "start", r->start);
	j_hex(ctx, "end", r->end);
	j_str(ctx, "level", lvl);
	j_u64(ctx, "entries", r->pages);
	j_hex(ctx, "table", r->pa);
	j_str(ctx, "table_level", m->mmu.lv[r->target_lvl].name);
	j_obj_end(ctx);
	return emitted(ctx);
}

/* A range as the figure's span: the user's rights when it has any. */
static void
span_add(struct fig_spans *s, const struct machine *m,
	 const struct ptdump_range *r, const struct region *reg)
{
	bool user = r->perm & (P_UR | P_UW | P_UX);
	u16 p = user ? (u16)(r->perm >> 3) : r->perm;
	char rights[8], detail[96];

	snprintf(rights, sizeof(rights), "%c%c%c%s", p & P_KR ? 'r' : '-',
		 p & P_KW ? 'w' : '-', p & P_KX ? 'x' : '-', user ? "u" : "");
	snprintf(detail, sizeof(detail), "%llu x %s %s, pa %s",
		 (unsigned long long)r->pages, fsize(1ULL << r->shift),
		 m->mmu.lv[r->lvl].name, r->pa_contig ? fpa(m, r->pa) :
		 "scattered");
	fig_spans_add(s, r->start, r->end, reg != NULL ? reg->name : "range",
		      rights, detail);
}

/* v in decimal, written backwards from end (a NUL there): its start. */
static char *
decimal(char *end, u64 v)
{
	*--end = 0;
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

/* s at p, padded with spaces to w columns (left: on its right). */
static char *
put_pad(char *p, const char *s, int w, bool left)
{
	size_t l = strlen(s);
	int pad = (int)l < w ? w - (int)l : 0;

	if (!left) {
		memset(p, ' ', (size_t)pad);
		p += pad;
	}
	memcpy(p, s, l);
	p += l;
	if (left) {
		memset(p, ' ', (size_t)pad);
		p += pad;
	}
	return p;
}

/*
 * The row "%s-%s %8s  %5llu x %-4s %-3s  %-22s %-24s  %s\n" written by
 * hand: a full dump has tens of thousands
 */
static void
put_row(struct ctx *ctx, const struct ptdump_range *r, const char *perm,
	const char *flags, const char *pa)
{
	const struct machine *m = ctx->m;
	char row[600], num[24], *p = row;
	const char *f[2] = { flags, pa };
	size_t need = strlen(perm) + strlen(flags) + strlen(pa) + 160;

	if (need > sizeof(row)) {
		out_printf(ctx, "%s-%s %8s  %5llu x %-4s %-3s  %-22s %-24s  "
			   "%s\n", fva(m, r->start), fva(m, r->end - 1),
			   fsize(r->end - r->start),
			   (unsigned long long)r->pages,
			   fsize(1ULL << r->shift), m->mmu.lv[r->lvl].name,
			   perm, flags, pa);
		return;
	}
	p = put_pad(p, fva(m, r->start), 0, true);
	*p++ = '-';
	p = put_pad(p, fva(m, r->end - 1), 0, true);
	*p++ = ' ';
	p = put_pad(p, fsize(r->end - r->start), 8, false);
	p = put_pad(p, "  ", 0, true);
	p = put_pad(p, decimal(num + sizeof(num), r->pages), 5, false);
	p = put_pad(p, " x ", 0, true);
	p = put_pad(p, fsize(1ULL << r->shift), 4, true);
	*p++ = ' ';
	p = put_pad(p, m->mmu.lv[r->lvl].name, 3, true);
	p = put_pad(p, "  ", 0, true);
	p = put_pad(p, perm, 22, true);
	*p++ = ' ';
	p = put_pad(p, f[0], 24, true);
	p = put_pad(p, "  ", 0, true);
	p = put_pad(p, f[1], 0, true);
	*p++ = '\n';
	*p = 0;
	out_puts(ctx, row);
}

static int
emit(void *arg, const struct ptdump_range *r)
{
	struct pd_state *st = arg;
	struct ctx *ctx = st->ctx;
	struct machine *m = ctx->m;
	const struct region *reg = machine_region(m, r->start);
	char perm[64], flags[200], pa[48];

	if (reg != st->last && reg != NULL) {
		out_printf(ctx, "---[ %s ]---\n", reg->name);
		st->last = reg;
	}
	if (r->kind == PTD_LOOP)
		return emit_loop(st, r);
	perm_string(r->perm, perm, sizeof(perm));
	entry_flags(m, r->lvl, r->entry, flags, sizeof(flags));
	if (r->pa_contig)
		snprintf(pa, sizeof(pa), "pa" NBSP_STR "%s", fpa(m, r->pa));
	else
		snprintf(pa, sizeof(pa), "pa" NBSP_STR "scattered");
	put_row(ctx, r, perm, flags, pa);
	j_obj(ctx, NULL);
	j_hex(ctx, "start", r->start);
	j_hex(ctx, "end", r->end);
	j_u64(ctx, "size", r->end - r->start);
	j_u64(ctx, "page_size", 1ULL << r->shift);
	j_u64(ctx, "pages", r->pages);
	j_str(ctx, "level", m->mmu.lv[r->lvl].name);
	j_str(ctx, "rights", perm);
	j_str(ctx, "flags", flags);
	if (r->pa_contig)
		j_hex(ctx, "pa", r->pa);
	if (reg != NULL)
		j_str(ctx, "region", reg->name);
	j_obj_end(ctx);
	st->total += r->end - r->start;
	if (st->spans != NULL)
		span_add(st->spans, m, r, reg);
	return emitted(ctx);
}

/* End of user space: the end of the "user" region, else half the space. */
static u64
user_end(const struct machine *m)
{
	int i;

	for (i = 0; i < m->nregions; i++)
		if (m->regions[i].flags & REG_USER)
			return m->regions[i].end;
	if (m->mmu.va_mode == VA_ZEROEXT)
		return m->mmu.va_bits >= 32 ? 0xc0000000ULL : 0;
	return 1ULL << (m->mmu.va_bits - 1);
}

static int
dump(struct ctx *ctx, const char *what, int ri, u64 start, u64 end,
     struct fig_spans *spans)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct pd_state st = { ctx, NULL, 0, spans };
	struct ptdump_stats ps;
	bool upgd = args_has(ctx, "--user-pgd");
	u64 root = cpu_root(m, c, ri, upgd ? ACC_USER : 0);
	long n;

	if (!c->root_valid[ri]) {
		out_printf(ctx, "%s: no page-table root loaded\n", what);
		return 0;
	}
	out_printf(ctx, "%s mappings of %s%s=%s, %s-%s:\n", what,
		   upgd ? "the user pgd at " : "",
		   m->arch->root_name[ri] ? m->arch->root_name[ri] : "root",
		   fpa(m, root), fva(m, start), fva(m, end - 1));
	n = ptdump_walk(m, root, start, end, emit, &st, &ps);
	if (n < 0)
		return cmd_error(ctx, "interrupted");
	out_printf(ctx, "%s, %s mapped\n", plural((u64)n, "range", NULL),
		   fsize(st.total));
	if (ps.bad_tables)
		cmd_warn(ctx, "%s could not be read (outside physical "
			 "memory, or left out of the dump): skipped",
			 plural(ps.bad_tables, "table", NULL));
	if (ps.loops)
		cmd_warn(ctx, "%llu entr%s point back at a table above %s "
			 "(a cycle no kernel builds): not followed",
			 (unsigned long long)ps.loops,
			 ps.loops == 1 ? "y" : "ies",
			 ps.loops == 1 ? "it" : "them");
	if (ps.capped)
		return cmd_error(ctx, "stopped at %s after reading %llu "
				 "entries, more than a real tree over this "
				 "much memory has: the same tables are reached "
				 "again and again; the ranges above are all "
				 "below %s", fva(m, ps.capped_at),
				 (unsigned long long)ps.entries - 1,
				 fva(m, ps.capped_at));
	return 0;
}

static int
ptdump_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *which = args->argc > 0 ? args->argv[0] : NULL;
	struct machine *m = ctx->m;
	u64 ue = user_end(m), top, start, end;
	bool split = m->mmu.split_roots;
	struct fig_spans fs = { NULL, 0, 0 };
	struct fig_spans *spans = cmd_figure_wanted(ctx) ? &fs : NULL;
	int r = 0;

	top = m->mmu.va_mode == VA_ZEROEXT ? 1ULL << m->mmu.va_bits : 0;
	if (args_has(ctx, "--user-pgd") && !m->user_pgd_offset)
		return cmd_error(ctx, "--user-pgd: %s", m->pti_why ?
				 m->pti_why : "no kernel page-table isolation "
				 "here: one pgd serves both modes");
	progress_begin(&pd_progress, "ptdump", "ranges", 0, PROGRESS_STREAM);
	j_arr(ctx, "ranges");
	if (which == NULL || !strcmp(which, "user") ||
	    !strcmp(which, "kernel")) {
		bool user = which == NULL || !strcmp(which, "user");
		bool kern = which == NULL || !strcmp(which, "kernel");

		if (args->argc > 1)
			r = cmd_usage(ctx);
		if (!r && kern)
			r = dump(ctx, "kernel", split ? 1 : 0,
				 split ? ~0ULL << m->mmu.va_bits :
				 m->mmu.va_mode == VA_SIGNEXT ?
				 ~0ULL << (m->mmu.va_bits - 1) : ue, top, spans);
		if (!r && user)
			r = dump(ctx, "user", 0, 0, ue, spans);
	} else {
		if (args->argc != 2)
			r = cmd_usage(ctx);
		else if (arg_va(ctx, args->argv[0], "START", &start) ||
			 arg_va(ctx, args->argv[1], "END", &end))
			r = -1;
		else if (end <= start)
			r = cmd_error(ctx, "END must be above START");
		else
			r = dump(ctx, "the", mmu_root_index(&m->mmu, start),
				 start, end, spans);
	}
	j_arr_end(ctx);
	progress_end(&pd_progress);
	if (spans != NULL && r == 0) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_spans(f, m, "ptdump: the mapped ranges of the page tables",
			  spans, "range");
		cmd_set_figure(ctx, f);
	}
	if (spans != NULL)
		fig_spans_release(spans);
	return r;
}

static const struct cmd_opt ptdump_opts[] = {
	{ "--user-pgd", NULL, NULL, "dump the PTI user pgd (what user mode "
	  "runs on)" },
	{ NULL, NULL, NULL, NULL },
};

const struct cmd cmd_ptdump = {
	.name = "ptdump",
	.family = FAM_TRANSLATION,
	.usage = "[kernel | user | START END]",
	.summary = "every present mapping, merged into ranges",
	.help =
	"Walks the whole page-table tree of the current CPU (kernel half,\n"
	"user half, or [START, END)) and prints every present mapping, with\n"
	"neighbouring pages of the same rights, cache attributes and page\n"
	"size merged into one range, like the kernel's page-table dump in\n"
	"debugfs and QEMU's 'info mem': the range, its size, how many pages\n"
	"of which size at which level, the rights, the entry bits of the\n"
	"first page, and the physical start when the range is physically\n"
	"contiguous ('scattered' otherwise).  Region headers name the kernel\n"
	"region each range starts in.  With --svg, --png or --pdf it also\n"
	"draws the ranges as a figure, patterned by their rights (a range\n"
	"with user rights is marked u); more ranges than fit are drawn in\n"
	"groups of consecutive ones, as the caption says.\n"
	"With kernel page-table isolation (x86 PTI, see `machine`), --user-pgd\n"
	"dumps the user pgd, the tables the CPU runs on in user mode (CR3 +\n"
	"4K): user space as in the kernel pgd, and of the kernel only what\n"
	"PTI cloned into it: the cpu_entry_area and the entry text (i386-pae:\n"
	"the cpu_entry_area's pmds, the kernel text and rodata; x86_64: the\n"
	"cpu_entry_area's pgd entry, the entry text's pmd, and the text and\n"
	"rodata too without PCID), all of it global.\n",
	.complete = "expr:kernel,user addr",
	.opts = ptdump_opts,
	.min_args = 0,
	.max_args = 2,
	.flags = CMD_FIGURE,
	.run = ptdump_run,
};
