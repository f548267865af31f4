// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises: start one from a seed, answer its questions, check the
 * answers, show the solution.  See ptwalk-labs(7).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/expr.h"
#include "ptwalk/lab.h"
#include "ptwalk/out.h"

static void
machine_line(const struct lab_run *r, struct strbuf *sb)
{
	const struct machine_opts *o = &r->mo;
	const struct arch *a = o->arch ? arch_find(o->arch) : arch_list[0];

	sb_addf(sb, "%s, %s RAM", a ? a->name : o->arch,
		fsize(o->mem ? o->mem : a ? a->mem_default : 0));
	if (o->cpus)
		sb_addf(sb, ", %s", plural((u64)o->cpus, "CPU", NULL));
}

static const char *
form_key(enum lab_form f)
{
	static const char *const k[] = {
		[LF_HEX] = "hex", [LF_NUM] = "number", [LF_WORD] = "word",
		[LF_SET] = "set", [LF_LIST] = "list",
	};

	return k[f];
}

/*
 * "[one of: DMA, Normal, HighMem]": a short tag is not broken by the
 * wrapping; a long one only between its words.
 */
static void
form_tag(const struct lab_q *q, struct strbuf *sb)
{
	const char *sep = strlen(q->words) > 40 ? ", " : ",\a";
	const char *p;

	switch (q->form) {
	case LF_HEX:
		sb_adds(sb, "[hex]");
		return;
	case LF_NUM:
		sb_adds(sb, "[number]");
		return;
	case LF_WORD:
		sb_adds(sb, "[one\aof:\a");
		break;
	case LF_SET:
		sb_adds(sb, "[any\aof:\a");
		break;
	case LF_LIST:
		sb_adds(sb, "[in\aorder,\aof:\a");
		break;
	}
	for (p = q->words; *p; p++)
		if (*p == ',')
			sb_adds(sb, sep);
		else
			sb_addc(sb, *p);
	sb_adds(sb, q->form == LF_SET ? ";\aor\anone]" : "]");
}

static void
j_choices(struct ctx *ctx, const struct lab_q *q)
{
	const char *p = q->words;

	if (q->form == LF_HEX || q->form == LF_NUM)
		return;
	j_arr(ctx, "choices");
	while (*p) {
		size_t l = strcspn(p, ",");
		char *w = xasprintf("%.*s", (int)l, p);

		j_str(ctx, NULL, w);
		free(w);
		p += l;
		if (*p == ',')
			p++;
	}
	j_arr_end(ctx);
}

/* The answer in JSON: hex numbers as strings, numbers as numbers. */
static void
j_answer(struct ctx *ctx, const char *key, const struct lab_q *q, bool want)
{
	struct strbuf sb;

	if (q->form == LF_NUM) {
		j_u64(ctx, key, want ? q->want : q->got);
		return;
	}
	if (q->form == LF_HEX) {
		j_hex(ctx, key, want ? q->want : q->got);
		return;
	}
	sb_init(&sb);
	lab_format_answer(q, want, &sb);
	j_str(ctx, key, sb.buf);
	sb_release(&sb);
}

static struct lab_run *
need_lab(struct ctx *ctx)
{
	if (ctx->kept == NULL)
		cmd_error(ctx, "no exercise is started: 'lab start N' starts "
			  "one ('lab list' shows them)");
	return ctx->kept;
}

static void
header(struct ctx *ctx, const struct lab_run *r)
{
	j_int(ctx, "lab", r->lab->nr);
	j_str(ctx, "title", r->lab->title);
	j_u64(ctx, "seed", r->seed);
}

/*
 * lab list
 */

static int
lab_list(struct ctx *ctx)
{
	int i;

	out_printf(ctx, "The exercises of ptwalk-labs(7) ('lab start N [--seed "
		   "SEED]' starts one):\n");
	j_arr(ctx, "labs");
	for (i = 1; i <= LAB_MAX; i++) {
		const struct lab *l = lab_find(i);
		struct lab_run r;
		struct strbuf sb;

		if (l == NULL)
			continue;
		memset(&r, 0, sizeof(r));
		r.lab = l;
		lab_parse_args(l->args, &r.mo, NULL);
		sb_init(&sb);
		if (l->machine_text != NULL)
			sb_adds(&sb, l->machine_text);
		else
			machine_line(&r, &sb);
		out_printf(ctx, "  %2d  %-56s %s\n", i, l->title, sb.buf);
		j_obj(ctx, NULL);
		j_int(ctx, "lab", i);
		j_str(ctx, "title", l->title);
		j_str(ctx, "machine", sb.buf);
		j_str(ctx, "commands", l->commands);
		j_obj_end(ctx);
		sb_release(&sb);
	}
	j_arr_end(ctx);
	return 0;
}

/*
 * lab show (and what lab start prints)
 */

static void
show(struct ctx *ctx, const struct lab_run *r)
{
	struct strbuf sb;
	int i;

	sb_init(&sb);
	machine_line(r, &sb);
	out_printf(ctx, "Exercise %d, seed %llu: %s\n", r->lab->nr,
		   (unsigned long long)r->seed, r->lab->title);
	out_printf(ctx, "machine   %s\n", sb.buf);
	out_printf(ctx, "commands  %s\n\n", r->lab->commands);
	header(ctx, r);
	j_str(ctx, "machine", sb.buf);
	j_str(ctx, "commands", r->lab->commands);
	j_str(ctx, "problem", r->intro ? r->intro : "");
	sb_release(&sb);
	if (r->intro != NULL) {
		out_wrap(ctx, "", "", r->intro);
		out_puts(ctx, "\n");
	}
	out_printf(ctx, "Questions (answer with 'lab answer K VALUE', mark with "
		   "'lab check'):\n");
	j_arr(ctx, "questions");
	for (i = 0; i < r->nq; i++) {
		const struct lab_q *q = &r->q[i];
		char num[16];

		sb_init(&sb);
		sb_addf(&sb, "%s  ", q->text);
		form_tag(q, &sb);
		snprintf(num, sizeof(num), "%3d. ", i + 1);
		out_wrap(ctx, num, "     ", sb.buf);
		sb_reset(&sb);
		if (q->answered) {
			lab_format_answer(q, false, &sb);
			out_printf(ctx, "     your answer: %s\n", sb.buf);
		}
		j_obj(ctx, NULL);
		j_int(ctx, "q", i + 1);
		j_str(ctx, "text", q->text);
		j_str(ctx, "form", form_key(q->form));
		j_choices(ctx, q);
		if (q->answered)
			j_answer(ctx, "answer", q, false);
		else
			j_null(ctx, "answer");
		j_obj_end(ctx);
		sb_release(&sb);
	}
	j_arr_end(ctx);
}

/*
 * lab start N [--seed S]
 */

static int
parse_nr(struct ctx *ctx, const char *s, int *nr)
{
	struct strbuf sb;
	char *end;
	long n;

	n = strtol(s, &end, 10);
	if (*s == 0 || *end != 0 || n < 0) {
		cmd_error(ctx, "'%s' is not an exercise number ('lab list' shows "
			  "them)", s);
		return -1;
	}
	if (lab_find((int)MIN(n, LAB_MAX + 1)) == NULL) {
		sb_init(&sb);
		lab_numbers(&sb);
		cmd_error(ctx, "no exercise %s: the exercises are %s ('lab "
			  "list' shows them)", s, sb.buf);
		sb_release(&sb);
		return -1;
	}
	*nr = (int)n;
	return 0;
}

static int
lab_start_cmd(struct ctx *ctx, const struct args *args)
{
	const char *ss = args_get(ctx, "--seed");
	struct lab_run *r;
	struct machine *m;
	struct error e;
	u64 seed = ctx->seed;
	int nr;

	if (args->argc != 2)
		return cmd_error(ctx, "usage: lab start N [--seed SEED]");
	if (parse_nr(ctx, args->argv[1], &nr))
		return -1;
	if (ss != NULL) {
		char err[200];

		if (parse_number(ss, &seed, err, sizeof(err)))
			return cmd_error(ctx, "--seed '%s' is not a number: a "
					 "seed is a whole number such as 7 or "
					 "2024", ss);
	}
	error_clear(&e);
	if (lab_start(lab_find(nr), seed, &r, &m, &e))
		return cmd_err(ctx, &e);
	ctx_set_machine(ctx, m);
	if (ctx->kept != NULL && ctx->kept_release != NULL)
		ctx->kept_release(ctx->kept);
	ctx->kept = r;
	ctx->kept_release = lab_release;
	show(ctx, r);
	/*
	 * The values kept so far are addresses of the machine just replaced:
	 * the history starts again, so that the walkthroughs' $1, $2 ... are
	 * this exercise's values whether or not another came before.
	 */
	j_int(ctx, "history_dropped", ctx->nvals);
	if (ctx->nvals > 0) {
		char *note = xasprintf("The value history starts again at $1 "
				       "(the %s kept so far belonged to the "
				       "machine this exercise replaced).",
				       plural(ctx->nvals, "value", NULL));

		out_printf(ctx, "\n");
		out_wrap(ctx, "", "", note);
		free(note);
	}
	ctx->nvals = 0;
	return 0;
}

/*
 * lab answer K VALUE
 */

static int
lab_answer_cmd(struct ctx *ctx, struct lab_run *r, const struct args *args)
{
	struct lab_q *q;
	struct strbuf val, sb;
	char *end, err[300];
	long k;
	int i, rc = 0;

	if (args->argc < 3)
		return cmd_error(ctx, "usage: lab answer K VALUE (K is the "
				 "question's number, 1-%d)", r->nq);
	k = strtol(args->argv[1], &end, 10);
	if (*args->argv[1] == 0 || *end != 0 || k < 1 || k > r->nq)
		return cmd_error(ctx, "no question '%s': exercise %d has "
				 "questions 1-%d ('lab show' lists them)",
				 args->argv[1], r->lab->nr, r->nq);
	q = &r->q[k - 1];
	sb_init(&val);
	for (i = 2; i < args->argc; i++)
		sb_addf(&val, "%s%s", i > 2 ? " " : "", args->argv[i]);
	sb_init(&sb);
	if (q->form == LF_HEX || q->form == LF_NUM) {
		u64 v;

		if (arg_eval(ctx, val.buf, &v, err, sizeof(err))) {
			lab_form_name(q, &sb);
			rc = cmd_error(ctx, "answer %ld is %s: '%s' is not a "
				       "number (%s)", k, sb.buf, val.buf, err);
			goto out;
		}
		q->got = v;
		free(q->got_s);
		q->got_s = xstrdup(val.buf);
	} else {
		char *canon;

		if (lab_answer_words(q, val.buf, &canon, &sb)) {
			rc = cmd_error(ctx, "answer %ld: %s", k, sb.buf);
			goto out;
		}
		free(q->got_s);
		q->got_s = canon;
	}
	q->answered = true;
	sb_reset(&sb);
	lab_format_answer(q, false, &sb);
	out_printf(ctx, "answer %ld: %s ('lab check' marks it)\n", k, sb.buf);
	header(ctx, r);
	j_int(ctx, "q", k);
	j_answer(ctx, "answer", q, false);
out:
	sb_release(&sb);
	sb_release(&val);
	return rc;
}

/*
 * lab check
 */

static int
lab_check_cmd(struct ctx *ctx, struct lab_run *r)
{
	int i, n[3] = { 0, 0, 0 };
	static const char *const mark[] = {
		[LM_NONE] = "not answered", [LM_RIGHT] = "right",
		[LM_WRONG] = "wrong",
	};

	for (i = 0; i < r->nq; i++) {
		const char *why;

		n[lab_judge(&r->q[i], &why)]++;
	}
	out_printf(ctx, "Exercise %d, seed %llu: %d of %d right", r->lab->nr,
		   (unsigned long long)r->seed, n[LM_RIGHT], r->nq);
	if (n[LM_WRONG])
		out_printf(ctx, ", %d wrong", n[LM_WRONG]);
	if (n[LM_NONE])
		out_printf(ctx, ", %d not answered", n[LM_NONE]);
	out_printf(ctx, "%s\n", r->solved ? " (the solution has been shown)"
		   : "");
	header(ctx, r);
	j_int(ctx, "right", n[LM_RIGHT]);
	j_int(ctx, "wrong", n[LM_WRONG]);
	j_int(ctx, "unanswered", n[LM_NONE]);
	j_int(ctx, "total", r->nq);
	j_bool(ctx, "solved", r->solved);
	j_arr(ctx, "answers");
	for (i = 0; i < r->nq; i++) {
		const struct lab_q *q = &r->q[i];
		const char *why;
		enum lab_mark mk = lab_judge(q, &why);
		struct strbuf sb;
		char num[24];

		sb_init(&sb);
		if (q->answered)
			lab_format_answer(q, false, &sb);
		if (mk == LM_WRONG && why != NULL)
			sb_addf(&sb, ": %s", why);
		snprintf(num, sizeof(num), "%3d. %-6s ", i + 1,
			 mk == LM_NONE ? "-" : mark[mk]);
		out_wrap(ctx, num, "            ", mk == LM_NONE ?
		     "not answered" : sb.buf);
		j_obj(ctx, NULL);
		j_int(ctx, "q", i + 1);
		j_str(ctx, "mark", mk == LM_NONE ? "unanswered" : mark[mk]);
		if (q->answered)
			j_answer(ctx, "answer", q, false);
		if (mk == LM_WRONG && why != NULL)
			j_str(ctx, "reason", why);
		j_obj_end(ctx);
		sb_release(&sb);
	}
	j_arr_end(ctx);
	if (n[LM_RIGHT] < r->nq)
		return cmd_error(ctx, "%d of %d answers %s not right yet",
				 r->nq - n[LM_RIGHT], r->nq,
				 r->nq - n[LM_RIGHT] == 1 ? "is" : "are");
	return 0;
}

/*
 * lab solve
 */

static int
lab_solve_cmd(struct ctx *ctx, struct lab_run *r)
{
	struct lab_sol s;
	struct error e;
	int i, rc;

	error_clear(&e);
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.ctx = ctx;
	s.m = lab_machine(r, &e);
	if (s.m == NULL)
		return cmd_err(ctx, &e);
	{
		char *h = xasprintf("Exercise %d, seed %llu: the solution, worked "
				    "by ptwalk on a fresh copy of the exercise's "
				    "machine", r->lab->nr,
				    (unsigned long long)r->seed);

		out_wrap(ctx, "", "", h);
		out_puts(ctx, "\n");
		free(h);
	}
	header(ctx, r);
	j_arr(ctx, "steps");
	rc = r->lab->solve(&s, &e);
	j_arr_end(ctx);
	machine_free(s.m);
	if (rc)
		return cmd_err(ctx, &e);
	out_printf(ctx, "\nAnswers:\n");
	j_arr(ctx, "answers");
	for (i = 0; i < r->nq; i++) {
		struct strbuf sb;
		char num[16];

		sb_init(&sb);
		lab_format_answer(&r->q[i], true, &sb);
		snprintf(num, sizeof(num), "%3d. ", i + 1);
		out_wrap(ctx, num, "     ", sb.buf);
		j_obj(ctx, NULL);
		j_int(ctx, "q", i + 1);
		j_answer(ctx, "answer", &r->q[i], true);
		j_obj_end(ctx);
		sb_release(&sb);
	}
	j_arr_end(ctx);
	r->solved = true;
	return 0;
}

static int
lab_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *sub = args->argc > 0 ? args->argv[0] : NULL;
	struct lab_run *r;

	if (sub != NULL && strcmp(sub, "start") && args_has(ctx, "--seed"))
		return cmd_error(ctx, "--seed goes with 'lab start N'");
	if (sub == NULL)
		sub = ctx->kept != NULL ? "show" : "list";
	if (!strcmp(sub, "list"))
		return args->argc > 1 ? cmd_error(ctx, "usage: lab list") :
			lab_list(ctx);
	if (!strcmp(sub, "start"))
		return lab_start_cmd(ctx, args);
	if (strcmp(sub, "show") && strcmp(sub, "answer") &&
	    strcmp(sub, "check") && strcmp(sub, "solve"))
		return cmd_error(ctx, "unknown subcommand '%s': lab list, "
				 "start N [--seed SEED], show, answer K VALUE, "
				 "check or solve", sub);
	if (strcmp(sub, "answer") && args->argc > 1)
		return cmd_error(ctx, "usage: lab %s", sub);
	r = need_lab(ctx);
	if (r == NULL)
		return -1;
	if (!strcmp(sub, "show")) {
		show(ctx, r);
		return 0;
	}
	if (!strcmp(sub, "answer"))
		return lab_answer_cmd(ctx, r, args);
	if (!strcmp(sub, "check"))
		return lab_check_cmd(ctx, r);
	return lab_solve_cmd(ctx, r);
}

static const struct cmd_opt lab_opts[] = {
	{ "--seed", "SEED", "expr", "the problem's seed (default: the session's, "
	  "--seed or 'set seed SEED')" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_lab = {
	.name = "lab",
	.family = FAM_LAB,
	.usage = "[list | start N [--seed SEED] | show | answer K VALUE | "
		 "check | solve]",
	.summary = "lab exercises: start one, answer, check, see the solution",
	.help =
	"The exercises of ptwalk-labs(7) ('man ptwalk-labs'), checked by\n"
	"ptwalk itself:\n"
	"  lab list             the exercises and the machine each needs\n"
	"  lab start N          boot exercise N's machine (it replaces the\n"
	"    [--seed SEED]      current one) and draw your own problem from\n"
	"                       the seed (default: the session's seed,\n"
	"                       --seed or 'set seed SEED'); the same seed\n"
	"                       always gives the same problem.  The value\n"
	"                       history starts again: the exercise's first\n"
	"                       value is $1\n"
	"  lab show             the problem and its questions again, with\n"
	"                       your answers so far\n"
	"  lab answer K VALUE   answer question K: a number (hex or decimal;\n"
	"                       an expression such as $_ works too) or the\n"
	"                       words the question lists\n"
	"  lab check            mark each answer right or wrong, saying what\n"
	"                       went wrong; fails until every answer is right\n"
	"  lab solve            the solution with every intermediate step,\n"
	"                       worked by ptwalk on a fresh copy of the\n"
	"                       machine (yours is left as it is)\n"
	"With no argument: 'lab show' when an exercise is started, else 'lab\n"
	"list'.  Work on the machine 'lab start N' booted: the answers are\n"
	"those of that machine as the exercise's steps change it, so run the\n"
	"steps in order ('lab start N' again starts over).  With --json every\n"
	"subcommand prints one object, for autograders.\n",
	.complete = "words:list,start,show,answer,check,solve expr",
	.opts = lab_opts,
	.min_args = 0,
	.max_args = -1,
	.flags = CMD_NOMACHINE,
	.run = lab_run,
};
