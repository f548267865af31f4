// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The command table, line splitting, option parsing and dispatch.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/ksym.h"
#include "ptwalk/out.h"
#include "ptwalk/progress.h"

#define CMD(n) extern const struct cmd cmd_##n;
#include "cmdlist.h"
#undef CMD

const struct cmd *const cmd_table[] = {
#define CMD(n) &cmd_##n,
#include "cmdlist.h"
#undef CMD
	NULL
};
const int cmd_count = (int)(sizeof(cmd_table) / sizeof(cmd_table[0])) - 1;

const char *const family_names[NR_FAMILIES] = {
	[FAM_SESSION] = "session",
	[FAM_TRANSLATION] = "translation",
	[FAM_MEMORY] = "memory",
	[FAM_PAGE_ALLOC] = "page allocator",
	[FAM_SLAB] = "slab",
	[FAM_REGIONS] = "other kernel regions",
	[FAM_PROCESS] = "processes",
	[FAM_IMAGE] = "images",
	[FAM_LAB] = "labs",
};

static bool
has_alias(const struct cmd *c, const char *name)
{
	const char *p = c->aliases;
	size_t l = strlen(name);

	while (p != NULL && *p) {
		size_t w = strcspn(p, " ");

		if (w == l && !strncmp(p, name, l))
			return true;
		p += w;
		while (*p == ' ')
			p++;
	}
	return false;
}

const struct cmd *
cmd_find(const char *name, bool *ambiguous)
{
	const struct cmd *found = NULL;
	size_t l = strlen(name);
	int i, n = 0;

	*ambiguous = false;
	for (i = 0; cmd_table[i] != NULL; i++)
		if (!strcmp(cmd_table[i]->name, name) ||
		    has_alias(cmd_table[i], name))
			return cmd_table[i];
	if (l == 0)
		return NULL;
	for (i = 0; cmd_table[i] != NULL; i++)
		if (!strncmp(cmd_table[i]->name, name, l)) {
			found = cmd_table[i];
			n++;
		}
	if (n > 1) {
		*ambiguous = true;
		return NULL;
	}
	/* one letter is too little to run a command by: it is suggested */
	return l >= 2 ? found : NULL;
}

const char *
cmd_suggest(const char *name)
{
	const char *best = NULL;
	char low[65];
	size_t l = strlen(name), k;
	int i, bd = 99;

	if (l == 0 || l >= sizeof(low))
		return NULL;
	for (k = 0; k <= l; k++)
		low[k] = (char)tolower((unsigned char)name[k]);
	for (i = 0; cmd_table[i] != NULL; i++)
		if (!strcmp(cmd_table[i]->name, low) ||
		    has_alias(cmd_table[i], low))
			return cmd_table[i]->name;
	for (i = 0; cmd_table[i] != NULL; i++) {
		int d = edit_distance(low, cmd_table[i]->name);

		if (d < bd) {
			bd = d;
			best = cmd_table[i]->name;
		}
	}
	if (best != NULL && bd <= MAX(2, (int)l / 3))
		return best;
	return NULL;
}

int
cmd_unknown(struct ctx *ctx, const char *name, bool ambiguous)
{
	const char *first = NULL, *s;
	struct strbuf sb;
	size_t l = strlen(name);
	int i, n = 0, r;

	/* every command the name begins, ignoring case ("k", "W", "WAL") */
	sb_init(&sb);
	for (i = 0; l > 0 && cmd_table[i] != NULL; i++)
		if (!strncasecmp(cmd_table[i]->name, name, l)) {
			sb_addf(&sb, "%s%s", n ? ", " : "", cmd_table[i]->name);
			first = cmd_table[i]->name;
			n++;
		}
	if (ambiguous)
		r = cmd_error(ctx, "ambiguous command '%s', could be: %s", name,
			      sb.buf);
	else if (n > 1)
		r = cmd_error(ctx, "unknown command '%s'; did you mean one of: "
			      "%s?", name, sb.buf);
	else if ((s = n == 1 ? first : cmd_suggest(name)) != NULL)
		r = cmd_error(ctx, "unknown command '%s'; did you mean '%s'?",
			      name, s);
	else
		r = cmd_error(ctx, "unknown command '%s' (type 'help' for the "
			      "list)", name);
	sb_release(&sb);
	return r;
}

/*
 * The session
 */

void
ctx_init(struct ctx *ctx, struct machine *m)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->m = m;
	ctx->out = stdout;
	ctx->pager = true;
	ctx->redirect = REDIRECT_AUTO;
	ctx->interrupted = &interrupt_flag;
	sb_init(&ctx->err);
	sb_init(&ctx->js);
	sb_init(&ctx->vtext);
}

void
ctx_release(struct ctx *ctx)
{
	sb_release(&ctx->err);
	sb_release(&ctx->js);
	sb_release(&ctx->vtext);
	sb_release(&ctx->oline);
	free(ctx->vals);
	ctx->vals = NULL;
	if (ctx->lab != NULL && ctx->lab_release != NULL)
		ctx->lab_release(ctx->lab);
	ctx->lab = NULL;
}

void
ctx_set_machine(struct ctx *ctx, struct machine *m)
{
	if (ctx->m != m)
		machine_free(ctx->m);
	ctx->m = m;
}

int
cmd_error(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->failed)
		return -1;	/* keep the first, most specific message */
	ctx->failed = true;
	sb_reset(&ctx->err);
	va_start(ap, fmt);
	sb_vaddf(&ctx->err, fmt, ap);
	va_end(ap);
	return -1;
}

int
cmd_err(struct ctx *ctx, const struct error *e)
{
	return cmd_error(ctx, "%s", e->msg[0] ? e->msg : strerror(-e->code));
}

static void
where(struct ctx *ctx, FILE *f)
{
	if (ctx->src != NULL)
		fprintf(f, "%s:%d: ", ctx->src, ctx->line);
}

void
cmd_warn(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fflush(ctx->out);
	where(ctx, stderr);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cmd_set_value(struct ctx *ctx, u64 v)
{
	ctx->has_value = true;
	ctx->value = v;
	sb_reset(&ctx->vtext);
}

void
cmd_set_value_text(struct ctx *ctx, u64 v, const char *text)
{
	cmd_set_value(ctx, v);
	sb_adds(&ctx->vtext, text);
}

int
cmd_usage(struct ctx *ctx)
{
	const struct cmd *c = ctx->cmd;

	return cmd_error(ctx, "usage: %s%s%s (see 'help %s')", c->name,
			 c->usage[0] ? " " : "", c->usage, c->name);
}

int
cmd_need_sim(struct ctx *ctx)
{
	if (ctx->m == NULL)
		return cmd_error(ctx, "no machine");
	if (ctx->m->kern == NULL)
		return cmd_error(ctx, "%s needs a simulated machine: a memory "
				 "image has no simulated kernel (start "
				 "ptwalk without --image)", ctx->cmd->name);
	return 0;
}

/*
 * Arguments
 */

static int
lookup(void *opaque, const char *name, u64 *v, char *err, size_t n)
{
	struct ctx *ctx = opaque;
	struct machine *m = ctx->m;
	const struct ksym *k;
	const char *p;

	if (name[0] == '$') {
		const char *r = name + 1;

		if (!strcmp(r, "_") || !*r) {
			if (ctx->nvals == 0) {
				snprintf(err, n, "%s: no value yet (the value "
					 "history is empty)", name);
				return -1;
			}
			*v = ctx->vals[ctx->nvals - 1];
			return 0;
		}
		if (r[0] == '$') {
			/* $$N: N back from the last, as in gdb; $$ is $$1 */
			long back = 1;

			if (r[1] != 0) {
				if (!isdigit((unsigned char)r[1]))
					goto unknown;
				errno = 0;
				back = strtol(r + 1, (char **)&p, 10);
				if (*p || errno)
					goto unknown;
			}
			if (back >= ctx->nvals) {
				if (ctx->nvals == 0)
					snprintf(err, n, "%s: no value yet (the "
						 "value history is empty)", name);
				else
					snprintf(err, n, "%s: no such value (the "
						 "history holds $$0..$$%d)", name,
						 ctx->nvals - 1);
				return -1;
			}
			*v = ctx->vals[ctx->nvals - 1 - back];
			return 0;
		}
		if (isdigit((unsigned char)*r)) {
			long i = strtol(r, (char **)&p, 10);

			if (*p || i < 1 || i > ctx->nvals) {
				if (ctx->nvals == 0)
					snprintf(err, n, "%s: no value yet (the "
						 "value history is empty)", name);
				else
					snprintf(err, n, "%s: no such value (the "
						 "history holds $1..$%d)", name,
						 ctx->nvals);
				return -1;
			}
			*v = ctx->vals[i - 1];
			return 0;
		}
		if (m != NULL) {
			struct cpu *c = machine_cpu(m);
			int i;

			for (i = 0; i < 2; i++)
				if (m->arch->root_name[i] &&
				    !strcmp(r, m->arch->root_name[i])) {
					*v = c->root[i];
					return 0;
				}
			if (!strcmp(r, "cr2") || !strcmp(r, "far")) {
				*v = c->cr2;
				return 0;
			}
		}
unknown:
		snprintf(err, n, "unknown variable '%s' ('help expressions' "
			 "lists them)", name);
		return -1;
	}
	if (m != NULL) {
		k = machine_ksym(m, name);
		if (k != NULL) {
			*v = k->value;
			return 0;
		}
		if (m->user_sym != NULL && m->user_sym(m, name, v) == 0)
			return 0;
	}
	for (p = name; isxdigit((unsigned char)*p); p++)
		;
	if (*p == 0)
		snprintf(err, n, "unknown symbol '%s' (hex numbers need the "
			 "0x prefix)", name);
	else
		snprintf(err, n, "unknown symbol '%s'", name);
	return -1;
}

int
arg_u64(struct ctx *ctx, const char *s, const char *what, u64 *v)
{
	struct expr_env env = { lookup, ctx };
	char err[300];

	if (s == NULL || !*s)
		return cmd_error(ctx, "%s: missing", what);
	if (expr_eval(s, &env, v, err, sizeof(err)))
		return cmd_error(ctx, "%s: %s", what, err);
	return 0;
}

int
arg_eval(struct ctx *ctx, const char *s, u64 *v, char *err, size_t n)
{
	struct expr_env env = { lookup, ctx };

	return expr_eval(s, &env, v, err, n);
}

int
arg_va(struct ctx *ctx, const char *s, const char *what, u64 *va)
{
	struct error e;

	if (arg_u64(ctx, s, what, va))
		return -1;
	if (ctx->m != NULL && machine_check_va(ctx->m, *va, &e))
		return cmd_error(ctx, "%s: %s", what, e.msg);
	return 0;
}

int
arg_int(struct ctx *ctx, const char *s, const char *what, long min, long max,
	long *v)
{
	u64 u;

	if (arg_u64(ctx, s, what, &u))
		return -1;
	if (u > (u64)max || (long)u < min)
		return cmd_error(ctx, "%s: %llu is out of range (%ld..%ld)",
				 what, (unsigned long long)u, min, max);
	*v = (long)u;
	return 0;
}

int
arg_bool(struct ctx *ctx, const char *s, const char *what, bool *v)
{
	if (!strcmp(s, "on") || !strcmp(s, "1") || !strcmp(s, "yes") ||
	    !strcmp(s, "true")) {
		*v = true;
		return 0;
	}
	if (!strcmp(s, "off") || !strcmp(s, "0") || !strcmp(s, "no") ||
	    !strcmp(s, "false")) {
		*v = false;
		return 0;
	}
	return cmd_error(ctx, "%s: '%s' is not on or off", what, s);
}

bool
args_has(const struct ctx *ctx, const char *name)
{
	int i;

	for (i = 0; i < ctx->args.nopt; i++)
		if (!strcmp(ctx->args.opt[i]->name, name))
			return true;
	return false;
}

const char *
args_get(const struct ctx *ctx, const char *name)
{
	int i;

	for (i = ctx->args.nopt - 1; i >= 0; i--)
		if (!strcmp(ctx->args.opt[i]->name, name))
			return ctx->args.val[i] ? ctx->args.val[i] : "";
	return NULL;
}

/*
 * Take options out of argv; the positional words stay, in order.  lit[i]
 * marks a word that is positional whatever it looks like.
 */
static int
parse_opts(struct ctx *ctx, int *argcp, char **argv, const bool *lit)
{
	const struct cmd *c = ctx->cmd;
	int argc = *argcp, i, n = 1;
	bool done = false;

	ctx->args.nopt = 0;
	for (i = 1; i < argc; i++) {
		const struct cmd_opt *o = NULL;
		char *eq = NULL;
		size_t l;
		bool positional = done || (lit != NULL && lit[i]);

		if (!positional && !strcmp(argv[i], "--")) {
			done = true;	/* the rest are positional */
			continue;
		}
		if (positional || !cmd_looks_like_option(argv[i])) {
			argv[n++] = argv[i];
			continue;
		}
		eq = strchr(argv[i], '=');
		l = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		for (const struct cmd_opt *q = c->opts; q && q->name; q++)
			if (strlen(q->name) == l && !strncmp(q->name, argv[i], l))
				o = q;
		if (o == NULL) {
			struct strbuf sb;
			int r;

			sb_init(&sb);
			for (const struct cmd_opt *q = c->opts; q && q->name;
			     q++)
				sb_addf(&sb, "%s%s", sb.len ? ", " : "", q->name);
			r = cmd_error(ctx, "unknown option '%.*s'%s%s%s",
				      (int)l, argv[i],
				      sb.len ? " (it takes " : " (it takes no "
				      "options", sb.buf, ")");
			sb_release(&sb);
			return r;
		}
		if (ctx->args.nopt == MAX_OPTS)
			return cmd_error(ctx, "too many options");
		ctx->args.opt[ctx->args.nopt] = o;
		ctx->args.val[ctx->args.nopt] = NULL;
		if (o->arg != NULL) {
			if (eq != NULL)
				ctx->args.val[ctx->args.nopt] = eq + 1;
			else if (i + 1 < argc)
				ctx->args.val[ctx->args.nopt] = argv[++i];
			else
				return cmd_error(ctx, "option %s needs a %s",
						 o->name, o->arg);
		} else if (eq != NULL) {
			return cmd_error(ctx, "option %s takes no value",
					 o->name);
		}
		ctx->args.nopt++;
	}
	argv[n] = NULL;
	*argcp = n;
	return 0;
}

/* Print a message with control and non-ASCII bytes escaped (\xNN). */
static void
put_clean(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

bool
cmd_error_shown(struct ctx *ctx)
{
	if (ctx->src == NULL)
		return true;
	if (ctx->shown_errs < CMD_MAX_SHOWN_ERRS) {
		ctx->shown_errs++;
		return true;
	}
	ctx->hidden_errs++;
	return false;
}

static void
report(struct ctx *ctx)
{
	fflush(ctx->out);
	if (!cmd_error_shown(ctx))
		return;
	where(ctx, stderr);
	if (ctx->src == NULL && ctx->interactive)
		fputs("error: ", stderr);
	if (ctx->cmd != NULL)
		fprintf(stderr, "%s: ", ctx->cmd->name);
	put_clean(stderr, ctx->err.buf);
	fputc('\n', stderr);
}

static void
push_value(struct ctx *ctx, u64 v)
{
	if (ctx->nvals == ctx->avals) {
		ctx->avals = ctx->avals ? ctx->avals * 2 : 16;
		ctx->vals = xrealloc(ctx->vals, (size_t)ctx->avals *
				     sizeof(*ctx->vals));
	}
	ctx->vals[ctx->nvals++] = v;
}

/*
 * The state of one running command.  `source` runs commands inside a
 * command, so run_words() saves the outer command's state and restores it.
 */
struct cmd_state {
	const struct cmd *cmd;
	const char *cmdname;
	char *cmdfmt;
	struct args args;
	bool has_value, failed, jopen;
	u64 value;
	struct strbuf err, js, vtext;
	int jdepth;
	bool jfirst[16];
};

static void
state_save(struct ctx *ctx, struct cmd_state *s)
{
	s->cmd = ctx->cmd;
	s->cmdname = ctx->cmdname;
	s->cmdfmt = ctx->cmdfmt;
	s->args = ctx->args;
	s->has_value = ctx->has_value;
	s->failed = ctx->failed;
	s->jopen = ctx->jopen;
	s->value = ctx->value;
	s->err = ctx->err;
	s->js = ctx->js;
	s->vtext = ctx->vtext;
	s->jdepth = ctx->jdepth;
	memcpy(s->jfirst, ctx->jfirst, sizeof(s->jfirst));
	sb_init(&ctx->err);
	sb_init(&ctx->js);
	sb_init(&ctx->vtext);
	ctx->jopen = false;
	ctx->jdepth = 0;
}

static void
state_restore(struct ctx *ctx, struct cmd_state *s)
{
	sb_release(&ctx->err);
	sb_release(&ctx->js);
	sb_release(&ctx->vtext);
	ctx->cmd = s->cmd;
	ctx->cmdname = s->cmdname;
	ctx->cmdfmt = s->cmdfmt;
	ctx->args = s->args;
	ctx->has_value = s->has_value;
	ctx->failed = s->failed;
	ctx->jopen = s->jopen;
	ctx->value = s->value;
	ctx->err = s->err;
	ctx->js = s->js;
	ctx->vtext = s->vtext;
	ctx->jdepth = s->jdepth;
	memcpy(ctx->jfirst, s->jfirst, sizeof(s->jfirst));
}

static int run_one(struct ctx *ctx, int argc, char **argv, const bool *lit);

struct run_args {
	struct ctx *ctx;
	const struct cmd *c;
	int argc;
	char **argv;
};

static int
run_cb(void *arg)
{
	struct run_args *a = arg;

	return a->c->run(a->ctx, a->argc, a->argv);
}

/*
 * A file ptwalk has mapped (an image, a program) that shrinks under a
 * command ends that command with an error; the session goes on.
 */
static int
run_guarded(struct ctx *ctx, const struct cmd *c, int argc, char **argv)
{
	struct run_args a = { ctx, c, argc, argv };
	struct error e;
	int r;

	if (hostmap_call(run_cb, &a, &r, &e) == 0)
		return r;
	if (ctx->m != NULL)
		kt_end(ctx->m);
	return cmd_err(ctx, &e);
}

int
cmd_run_argv(struct ctx *ctx, int argc, char **argv, const bool *lit)
{
	struct cmd_state saved;
	char **v = xcalloc((size_t)argc + 1, sizeof(*v));
	int r;

	/* option parsing reorders the pointers; the strings stay the caller's */
	memcpy(v, argv, (size_t)argc * sizeof(*v));
	state_save(ctx, &saved);
	r = run_one(ctx, argc, v, lit);
	state_restore(ctx, &saved);
	free(v);
	return r;
}

void
cmd_line_error(struct ctx *ctx, const struct cmd *c, bool json,
	       const char *fmt, ...)
{
	struct cmd_state saved;
	va_list ap;

	state_save(ctx, &saved);
	ctx->cmd = c;
	ctx->cmdname = c != NULL ? c->name : NULL;
	ctx->failed = true;
	ctx->has_value = false;
	va_start(ap, fmt);
	sb_vaddf(&ctx->err, fmt, ap);
	va_end(ap);
	if (json) {
		out_begin(ctx);
		out_end(ctx);
	}
	report(ctx);
	state_restore(ctx, &saved);
}

static void
print_value(struct ctx *ctx)
{
	if (ctx->json)
		return;
	if (ctx->vtext.len > 0)
		fprintf(ctx->out, "$%d = %s\n", ctx->nvals, ctx->vtext.buf);
	else
		fprintf(ctx->out, "$%d = 0x%llx\n", ctx->nvals,
			(unsigned long long)ctx->value);
}

static int
run_one(struct ctx *ctx, int argc, char **argv, const bool *lit)
{
	const struct cmd *c;
	char *slash;
	bool amb;
	int r;

	ctx->cmd = NULL;
	ctx->failed = false;
	ctx->has_value = false;
	ctx->cmdfmt = NULL;
	sb_reset(&ctx->err);
	sb_reset(&ctx->vtext);
	ctx->cmdname = argv[0];
	slash = strchr(argv[0], '/');
	if (slash != NULL) {
		*slash = 0;
		ctx->cmdfmt = slash + 1;
	}
	c = cmd_find(argv[0], &amb);
	if (c == NULL) {
		cmd_unknown(ctx, argv[0], amb);
		out_begin(ctx);
		out_end(ctx);
		report(ctx);
		return -1;
	}
	ctx->cmd = c;
	progress_command(c->name);
	if (ctx->m != NULL)
		ctx->m->kt.verbose = ctx->verbose;
	out_begin(ctx);
	if (ctx->cmdfmt != NULL && !(c->flags & CMD_FMT))
		r = cmd_error(ctx, "'/%s': %s takes no /FMT suffix (x, xp, "
			      "write and print do)", ctx->cmdfmt, c->name);
	else if (parse_opts(ctx, &argc, argv, lit))
		r = -1;
	else if (argc - 1 < c->min_args ||
		 (c->max_args >= 0 && argc - 1 > c->max_args))
		r = cmd_usage(ctx);
	else if (ctx->m == NULL && !(c->flags & CMD_NOMACHINE))
		r = cmd_error(ctx, "no machine is loaded");
	else if ((c->flags & CMD_SIM) && cmd_need_sim(ctx))
		r = -1;
	else
		r = run_guarded(ctx, c, argc, argv);
	if (r != 0 && !ctx->failed)
		cmd_error(ctx, "failed");
	if (ctx->failed) {
		ctx->has_value = false;
		out_end(ctx);
		report(ctx);
		return -1;
	}
	out_end(ctx);
	if (ctx->has_value) {
		push_value(ctx, ctx->value);
		print_value(ctx);
	}
	return 0;
}
