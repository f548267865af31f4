// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises: the table of exercises, the seeded generator, questions
 * and answers, and the solver's output.  The exercises themselves are in
 * src/lab_*.c; the `lab` command in cmds/lab.c.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/expr.h"
#include "ptwalk/lab.h"
#include "ptwalk/mm.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/tlbflush.h"
#include "ptwalk/trace_print.h"

extern const struct lab lab_handwalk, lab_levels, lab_directmap;
extern const struct lab lab_buddy, lab_gfp, lab_tlb;
extern const struct lab lab_exp160, lab_scatter, lab_slabfill, lab_kmap;
extern const struct lab lab_armregions, lab_vfault, lab_demand, lab_cow;
extern const struct lab lab_reach;
extern const struct lab lab_sv39, lab_vmprint, lab_trampoline;

static const struct lab *const lab_table[LAB_MAX + 1] = {
	[1] = &lab_handwalk,
	[2] = &lab_levels,
	[3] = &lab_directmap,
	[4] = &lab_exp160,
	[5] = &lab_scatter,
	[6] = &lab_buddy,
	[7] = &lab_gfp,
	[8] = &lab_slabfill,
	[9] = &lab_kmap,
	[10] = &lab_armregions,
	[11] = &lab_demand,
	[12] = &lab_cow,
	[13] = &lab_tlb,
	[14] = &lab_vfault,
	[15] = &lab_reach,
	[16] = &lab_sv39,
	[17] = &lab_vmprint,
	[18] = &lab_trampoline,
};

const struct lab *
lab_find(int nr)
{
	if (nr < 1 || nr > LAB_MAX)
		return NULL;
	return lab_table[nr];
}

void
lab_numbers(struct strbuf *sb)
{
	int i = 1;

	while (i <= LAB_MAX) {
		int j = i;

		if (lab_table[i] == NULL) {
			i++;
			continue;
		}
		while (j + 1 <= LAB_MAX && lab_table[j + 1] != NULL)
			j++;
		sb_addf(sb, "%s%d", sb->len ? ", " : "", i);
		if (j > i)
			sb_addf(sb, "%s%d", j == i + 1 ? ", " : "-", j);
		i = j + 1;
	}
}

/*
 * The generator: splitmix64 (Steele, Lea, Flood 2014), a few lines that
 * give the same numbers on every host, unlike rand().
 */
static u64
rng_next(struct lab_rng *g)
{
	u64 z = (g->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

u64
lab_rng_range(struct lab_rng *g, u64 lo, u64 hi)
{
	u64 span = hi - lo + 1, x, min;

	if (hi < lo)
		return lo;
	if (span == 0)
		return rng_next(g);
	/* reject the low 2^64 mod span values: no modulo bias */
	min = (0 - span) % span;
	do
		x = rng_next(g);
	while (x < min);
	return lo + x % span;
}

u64
lab_rand(struct lab_run *r, u64 lo, u64 hi)
{
	return lab_rng_range(&r->rng, lo, hi);
}

/*
 * Runs and questions
 */

void
lab_intro(struct lab_run *r, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	if (r->intro != NULL)
		sb_adds(&sb, r->intro);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(r->intro);
	r->intro = sb.buf;
}

int
lab_ask(struct lab_run *r, enum lab_form form, const char *words,
	const char *hint, const char *fmt, ...)
{
	struct lab_q *q;
	struct strbuf sb;
	va_list ap;

	if (r->nq == LAB_MAXQ)
		return LAB_MAXQ;	/* the exercise table is wrong */
	q = &r->q[r->nq++];
	memset(q, 0, sizeof(*q));
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	q->text = sb.buf;
	q->form = form;
	q->words = xstrdup(words ? words : "");
	q->hint = xstrdup(hint);
	return r->nq;
}

void
lab_digits(struct lab_run *r, int q, int digits)
{
	if (q >= 1 && q <= r->nq)
		r->q[q - 1].digits = digits;
}

static struct lab_q *
qn(struct lab_sol *s, int q)
{
	if (q < 1 || q > s->r->nq)
		return NULL;
	return &s->r->q[q - 1];
}

void
lab_want(struct lab_sol *s, int q, u64 v)
{
	struct lab_q *x = qn(s, q);

	if (x == NULL)
		return;
	x->known = true;
	x->want = v;
}

void
lab_want_word(struct lab_sol *s, int q, const char *w)
{
	struct lab_q *x = qn(s, q);

	if (x == NULL)
		return;
	free(x->want_s);
	x->want_s = xstrdup(w);
	x->known = true;
}

void
lab_accept(struct lab_sol *s, int q, const char *words)
{
	struct lab_q *x = qn(s, q);

	if (x != NULL)
		x->accept = words;
}

static struct lab_mistake *
new_mistake(struct lab_q *x)
{
	x->mis = xrealloc(x->mis, (size_t)(x->nmis + 1) * sizeof(*x->mis));
	memset(&x->mis[x->nmis], 0, sizeof(*x->mis));
	return &x->mis[x->nmis++];
}

void
lab_mistake(struct lab_sol *s, int q, u64 v, const char *fmt, ...)
{
	struct lab_q *x = qn(s, q);
	struct lab_mistake *k;
	struct strbuf sb;
	va_list ap;

	/* only while learning: the answers do not change when shown */
	if (x == NULL || sol_shown(s) || (x->known && x->want == v))
		return;
	k = new_mistake(x);
	k->v = v;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	k->why = sb.buf;
}

void
lab_mistake_word(struct lab_sol *s, int q, const char *w, const char *fmt,
		 ...)
{
	struct lab_q *x = qn(s, q);
	struct lab_mistake *k;
	struct strbuf sb;
	va_list ap;

	if (x == NULL || sol_shown(s))
		return;
	k = new_mistake(x);
	k->s = xstrdup(w);
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	k->why = sb.buf;
}

static void
q_release(struct lab_q *q)
{
	int i;

	free(q->text);
	free(q->words);
	free(q->hint);
	free(q->want_s);
	free(q->got_s);
	for (i = 0; i < q->nmis; i++) {
		free(q->mis[i].s);
		free(q->mis[i].why);
	}
	free(q->mis);
}

void
lab_run_free(struct lab_run *r)
{
	int i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nq; i++)
		q_release(&r->q[i]);
	free(r->intro);
	free(r);
}

void
lab_release(void *lab)
{
	lab_run_free(lab);
}

/* One option and its value of a lab's command line. */
static int
lab_parse_opt(const char *opt, const char *val, struct machine_opts *mo,
	      struct error *e)
{
	const struct arch *a;
	char err[200];
	u64 v;

	if (!strcmp(opt, "--arch")) {
		a = arch_find(val);
		if (a == NULL)
			return error_set(e, -EINVAL, "--arch %s: no such "
					 "architecture", val);
		mo->arch = a->name;
		return 0;
	}
	if (!strcmp(opt, "--kernel")) {
		/* a static string: the profile's own name */
		const struct kernel_profile *p = arch_profile(arch_find(
			mo->arch ? mo->arch : arch_list[0]->name), val);

		if (p == NULL)
			return error_set(e, -EINVAL, "--kernel %s: not a kernel "
					 "of %s", val, mo->arch ? mo->arch :
					 arch_list[0]->name);
		mo->variant = p->name;
		return 0;
	}
	if (strcmp(opt, "--mem") && strcmp(opt, "--cpus"))
		return error_set(e, -EINVAL, "%s: a lab's machine takes --arch, "
				 "--kernel, --mem and --cpus", opt);
	if (parse_number(val, &v, err, sizeof(err)))
		return error_set(e, -EINVAL, "%s %s: %s", opt, val, err);
	if (!strcmp(opt, "--mem"))
		mo->mem = v;
	else
		mo->cpus = (int)v;
	return 0;
}

int
lab_parse_args(const char *args, struct machine_opts *mo, struct error *e)
{
	char *copy = xstrdup(args), *save = NULL, *opt, *val;
	int rc = 0;

	for (opt = strtok_r(copy, " ", &save); opt != NULL && rc == 0;
	     opt = strtok_r(NULL, " ", &save)) {
		val = strtok_r(NULL, " ", &save);
		if (val == NULL)
			rc = error_set(e, -EINVAL, "%s: no value", opt);
		else
			rc = lab_parse_opt(opt, val, mo, e);
	}
	free(copy);
	return rc;
}

struct machine *
lab_machine(struct lab_run *r, struct error *e)
{
	struct machine *m = machine_new(&r->mo, e);

	if (m == NULL)
		return NULL;
	if (r->lab->setup != NULL && r->lab->setup(r, m, e)) {
		machine_free(m);
		return NULL;
	}
	return m;
}

int
lab_start(const struct lab *lab, u64 seed, struct lab_run **rp,
	  struct machine **mp, struct error *e)
{
	struct lab_run *r = xcalloc(1, sizeof(*r));
	struct machine *m = NULL, *oracle = NULL;
	struct lab_sol s;
	int i;

	r->lab = lab;
	r->seed = seed;
	r->rng.state = seed;
	r->mo.seed = seed;
	if (lab_parse_args(lab->args, &r->mo, e))
		goto fail;
	if (lab->machine != NULL)
		lab->machine(r);
	m = machine_new(&r->mo, e);
	if (m == NULL)
		goto fail;
	if (lab->draw(r, m, e))
		goto fail;
	if (lab->setup != NULL && lab->setup(r, m, e))
		goto fail;
	if (lab->ask(r, m, e))
		goto fail;
	/* learn the answers on a private copy of the machine */
	oracle = lab_machine(r, e);
	if (oracle == NULL)
		goto fail;
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.m = oracle;
	if (lab->solve(&s, e))
		goto fail;
	for (i = 0; i < r->nq; i++)
		if (!r->q[i].known) {
			error_set(e, -EINVAL, "exercise %d has no answer to "
				  "question %d for seed %llu", lab->nr, i + 1,
				  (unsigned long long)seed);
			goto fail;
		}
	machine_free(oracle);
	*rp = r;
	*mp = m;
	return 0;
fail:
	machine_free(oracle);
	machine_free(m);
	lab_run_free(r);
	return e->code ? e->code : -EINVAL;
}

/*
 * The solver's output
 */

static void
sol_line(struct lab_sol *s, const char *indent, const char *fmt, va_list ap)
{
	struct strbuf sb;

	if (!sol_shown(s))
		return;
	sb_init(&sb);
	sb_vaddf(&sb, fmt, ap);
	if (*indent == 0 && s->nstep++ > 0)
		out_puts(s->ctx, "\n");
	out_wrap(s->ctx, indent, *indent ? "       " : "   ", sb.buf);
	j_str(s->ctx, NULL, sb.buf);
	sb_release(&sb);
}

void
sol_say(struct lab_sol *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sol_line(s, "   ", fmt, ap);
	va_end(ap);
}

void
sol_step(struct lab_sol *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sol_line(s, "", fmt, ap);
	va_end(ap);
}

void
sol_trace(struct lab_sol *s)
{
	struct strbuf sb;
	int i;

	sb_init(&sb);
	for (i = 0; i < s->m->kt.n; i++) {
		sb_reset(&sb);
		trace_print(&sb, s->m, &s->m->kt.ev[i]);
		sol_say(s, "  %s", sb.buf);
	}
	sb_release(&sb);
	kt_end(s->m);
}

void
sol_trace_brief(struct lab_sol *s)
{
	struct strbuf sb;
	int i, hidden = 0;

	sb_init(&sb);
	for (i = 0; i < s->m->kt.n; i++) {
		const struct trace_entry *te = &s->m->kt.ev[i];

		switch (te->id) {
		case TE_alloc_pages:
		case TE_fault_alloc_page:
		case TE_rmqueue_smallest:
		case TE_expand:
			hidden++;
			break;
		default:
			sb_reset(&sb);
			trace_print(&sb, s->m, te);
			sol_say(s, "  %s", sb.buf);
			break;
		}
	}
	sb_release(&sb);
	if (hidden)
		sol_say(s, "  (and %s of the buddy allocator)",
			plural((u64)hidden, "step", NULL));
	kt_end(s->m);
}

void
sol_walk(struct lab_sol *s, u64 va)
{
	struct machine *saved;
	struct walk w;

	if (!sol_shown(s) || s->ctx->json)
		return;
	machine_walk(s->m, machine_cpu(s->m), va, &w);
	out_printf(s->ctx, "   ptwalk> walk %s\n", fva(s->m, va));
	saved = s->ctx->m;
	s->ctx->m = s->m;
	show_walk(s->ctx, machine_cpu(s->m), &w, false);
	s->ctx->m = saved;
}

/*
 * Answers
 */

/* The i-th word of a comma-separated list into buf; false past the end. */
static bool
nth_word(const char *list, int i, char *buf, size_t n)
{
	const char *p = list;

	while (p != NULL && *p) {
		size_t l = strcspn(p, ",");

		if (i-- == 0) {
			snprintf(buf, n, "%.*s", (int)l, p);
			return true;
		}
		p += l;
		if (*p == ',')
			p++;
	}
	return false;
}

/* Index of word w (any case) in list, or -1. */
static int
word_index(const char *list, const char *w)
{
	char b[64];
	int i;

	for (i = 0; nth_word(list, i, b, sizeof(b)); i++)
		if (!strcasecmp(b, w))
			return i;
	return -1;
}

void
lab_form_name(const struct lab_q *q, struct strbuf *sb)
{
	char b[64];
	int i;

	switch (q->form) {
	case LF_HEX:
		sb_adds(sb, "a hex number (an address or an entry), such as "
			"0x1234abcd");
		return;
	case LF_NUM:
		sb_adds(sb, "a number, such as 42 or 0x2a");
		return;
	case LF_WORD:
		sb_adds(sb, "one of: ");
		break;
	case LF_SET:
		sb_adds(sb, "a list, in any order, of: ");
		break;
	case LF_LIST:
		sb_adds(sb, "a list, in order, of: ");
		break;
	}
	for (i = 0; nth_word(q->words, i, b, sizeof(b)); i++)
		sb_addf(sb, "%s%s", i ? ", " : "", b);
	if (q->form == LF_SET)
		sb_adds(sb, " (comma separated, or none)");
	else if (q->form == LF_LIST)
		sb_adds(sb, " (comma separated)");
}

int
lab_answer_words(const struct lab_q *q, const char *text, char **canon,
		 struct strbuf *err)
{
	char *copy = xstrdup(text), *save = NULL, *w;
	struct strbuf out;
	bool seen[32] = { false };
	int n = 0, rc = 0;

	sb_init(&out);
	for (w = strtok_r(copy, ", \t", &save); w != NULL;
	     w = strtok_r(NULL, ", \t", &save)) {
		int i = word_index(q->words, w);
		char b[64];

		if (q->form == LF_SET && !strcasecmp(w, "none")) {
			if (n != 0 || strtok_r(NULL, ", \t", &save) != NULL) {
				sb_adds(err, "'none' stands alone: give none, or "
					"the words");
				rc = -1;
				break;
			}
			n = -1;
			break;
		}
		if (i < 0) {
			int j;

			sb_addf(err, "'%s' is not one of: ", w);
			for (j = 0; nth_word(q->words, j, b, sizeof(b)); j++)
				sb_addf(err, "%s%s", j ? ", " : "", b);
			rc = -1;
			break;
		}
		if (q->form == LF_WORD && n > 0) {
			sb_adds(err, "give one word: ");
			lab_form_name(q, err);
			rc = -1;
			break;
		}
		if (i < 32 && seen[i] && q->form != LF_WORD) {
			sb_addf(err, "'%s' is given twice", w);
			rc = -1;
			break;
		}
		if (i < 32)
			seen[i] = true;
		nth_word(q->words, i, b, sizeof(b));
		if (q->form == LF_LIST || q->form == LF_WORD)
			sb_addf(&out, "%s%s", n ? "," : "", b);
		n++;
	}
	if (rc == 0 && n == 0) {
		sb_adds(err, "the answer is empty: give ");
		lab_form_name(q, err);
		rc = -1;
	}
	if (rc == 0 && q->form == LF_SET) {
		char b[64];
		int i;

		/* a set is kept in the order of the choices */
		for (i = 0; i < 32 && nth_word(q->words, i, b, sizeof(b)); i++)
			if (seen[i])
				sb_addf(&out, "%s%s", out.len ? "," : "", b);
		if (n < 0)
			sb_adds(&out, "none");
	}
	free(copy);
	if (rc) {
		sb_release(&out);
		return rc;
	}
	*canon = out.buf ? out.buf : xstrdup("");
	return 0;
}

enum lab_mark
lab_judge(const struct lab_q *q, const char **why)
{
	int i;

	*why = NULL;
	if (!q->answered)
		return LM_NONE;
	if (q->form == LF_HEX || q->form == LF_NUM) {
		if (q->got == q->want)
			return LM_RIGHT;
		for (i = 0; i < q->nmis; i++)
			if (q->mis[i].s == NULL && q->mis[i].v == q->got) {
				*why = q->mis[i].why;
				return LM_WRONG;
			}
	} else {
		if (!strcasecmp(q->got_s, q->want_s))
			return LM_RIGHT;
		if (q->form == LF_WORD && q->accept != NULL &&
		    word_index(q->accept, q->got_s) >= 0)
			return LM_RIGHT;
		for (i = 0; i < q->nmis; i++)
			if (q->mis[i].s != NULL &&
			    !strcasecmp(q->mis[i].s, q->got_s)) {
				*why = q->mis[i].why;
				return LM_WRONG;
			}
	}
	*why = q->hint;
	return LM_WRONG;
}

void
lab_format_answer(const struct lab_q *q, bool want, struct strbuf *sb)
{
	u64 v = want ? q->want : q->got;

	switch (q->form) {
	case LF_HEX:
		sb_addf(sb, "0x%0*llx", q->digits, (unsigned long long)v);
		break;
	case LF_NUM:
		if (v >= 10)
			sb_addf(sb, "%llu (0x%llx)", (unsigned long long)v,
				(unsigned long long)v);
		else
			sb_addf(sb, "%llu", (unsigned long long)v);
		break;
	default:
		sb_adds(sb, want ? q->want_s : q->got_s);
		break;
	}
}

/*
 * Helpers for the exercises
 */

/* Take n order-0 pages of gfp; they are given back by put_back(). */
static struct page **
take_pages(struct machine *m, gfp_t gfp, unsigned n, struct error *e)
{
	struct page **v = xcalloc((size_t)n + 1, sizeof(*v));
	unsigned i;

	for (i = 0; i < n; i++) {
		v[i] = alloc_pages(m, gfp, 0, e);
		if (v[i] == NULL)
			break;
	}
	return v;
}

static void
put_back(struct machine *m, struct page **v)
{
	struct error e;
	int i;

	for (i = 0; v[i] != NULL; i++)
		__free_pages(m, v[i], 0, &e);
	free(v);
}

int
lab_user_page(struct machine *m, u64 va, unsigned skip_low,
	      unsigned skip_high, u32 word, u64 *frame, struct error *e)
{
	struct task_struct *t = current_task(m);
	struct page **low, **high;
	struct walk w;
	u64 addr;
	int rc;

	if (t == NULL || t->mm == NULL)
		return error_set(e, -ESRCH, "no process runs on cpu%d",
				 m->cur);
	if (do_mmap(m, t->mm, NULL, va & PAGE_MASK, PAGE_SIZE,
		    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
		    MAP_FIXED_NOREPLACE, 0, &addr, e))
		return -1;
	/* a machine that has run a while: its free frames are elsewhere */
	low = take_pages(m, GFP_KERNEL, skip_low, e);
	high = take_pages(m, GFP_HIGHUSER_MOVABLE, skip_high, e);
	/* the process writes the word: a fault brings the table and page */
	rc = machine_write_virt(m, machine_cpu(m), va, &word, sizeof(word), e);
	put_back(m, high);
	put_back(m, low);
	if (rc)
		return rc;
	if (machine_walk(m, machine_cpu(m), va, &w) != WF_NONE)
		return error_set(e, -EFAULT, "0x%llx is not mapped after the "
				 "fault", (unsigned long long)va);
	*frame = w.pa & PAGE_MASK;
	/* and a TLB that holds nothing of it */
	flush_tlb_all(m);
	return 0;
}

u32
lab_peek32(struct machine *m, u64 pa)
{
	u32 v = 0;
	struct error e;

	phys_read(&m->phys, pa, &v, sizeof(v), &e);
	return v;
}

void
lab_region_names(const struct machine *m, struct strbuf *sb)
{
	int i, j;

	for (i = 0; i < m->nregions; i++) {
		for (j = 0; j < i; j++)
			if (!strcmp(m->regions[j].name, m->regions[i].name))
				break;
		if (j == i)
			sb_addf(sb, "%s%s", sb->len ? "," : "",
				m->regions[i].name);
	}
}

const char *
lab_region(const struct machine *m, u64 va)
{
	const struct region *r = machine_region(m, va);

	return r != NULL ? r->name : "none";
}
