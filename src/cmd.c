// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The command table, line splitting, option parsing and dispatch.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/out.h"

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
	if (l < 2)
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
	return found;
}

const char *
cmd_suggest(const char *name)
{
	const char *best = NULL;
	int i, bd = 99;

	for (i = 0; cmd_table[i] != NULL; i++) {
		int d = edit_distance(name, cmd_table[i]->name);

		if (d < bd) {
			bd = d;
			best = cmd_table[i]->name;
		}
	}
	if (best != NULL && bd <= MAX(2, (int)strlen(name) / 3))
		return best;
	return NULL;
}

/*
 * Splitting a line into words
 */

struct word {
	char *s;
	bool quoted;
};

static bool
ends_with_op(const char *s)
{
	size_t l = strlen(s);

	if (l == 0)
		return false;
	if (s[0] == '-' && (s[1] == '-' || isalpha((unsigned char)s[1])))
		return false;	/* an option */
	return strchr("+-*/%&|^~<(", s[l - 1]) != NULL;
}

static bool
starts_with_op(const char *s)
{
	if (!strcmp(s, "-"))
		return true;
	return s[0] && strchr("+*/%&|^)<>", s[0]) != NULL;
}

int
cmd_split(const char *line, char ***argvp, int *argcp, char **errp)
{
	struct word *w = NULL;
	int nw = 0, aw = 0, i, argc = 0;
	const char *p = line;
	char **argv;

	*errp = NULL;
	for (;;) {
		struct strbuf sb;
		int depth = 0;
		bool quoted = false;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == 0)
			break;
		sb_init(&sb);
		while (*p && (depth > 0 || !isspace((unsigned char)*p))) {
			char q = *p;

			if (q == '"' || q == '\'') {
				p++;
				quoted = true;
				while (*p && *p != q) {
					if (q == '"' && *p == '\\' && p[1])
						p++;
					sb_addc(&sb, *p++);
				}
				if (*p != q) {
					*errp = xasprintf("missing closing %c", q);
					sb_release(&sb);
					goto fail;
				}
				p++;
				continue;
			}
			if (q == '(')
				depth++;
			if (q == ')' && --depth < 0) {
				*errp = xstrdup("unbalanced ')'");
				sb_release(&sb);
				goto fail;
			}
			sb_addc(&sb, *p++);
		}
		if (depth > 0) {
			*errp = xstrdup("missing ')'");
			sb_release(&sb);
			goto fail;
		}
		/* join expression pieces: "0xc0000000 + 160M" is one word */
		if (nw > 1 && !quoted && !w[nw - 1].quoted &&
		    !(w[nw - 1].s[0] == '-' &&
		      (isalpha((unsigned char)w[nw - 1].s[1]) ||
		       w[nw - 1].s[1] == '-')) &&
		    (ends_with_op(w[nw - 1].s) || starts_with_op(sb.buf))) {
			char *j = xasprintf("%s %s", w[nw - 1].s, sb.buf);

			free(w[nw - 1].s);
			w[nw - 1].s = j;
			sb_release(&sb);
			continue;
		}
		if (nw == aw) {
			aw = aw ? aw * 2 : 8;
			w = xrealloc(w, (size_t)aw * sizeof(*w));
		}
		w[nw].s = sb.buf;
		w[nw].quoted = quoted;
		nw++;
	}
	argv = xcalloc((size_t)nw + 1, sizeof(*argv));
	for (i = 0; i < nw; i++)
		argv[argc++] = w[i].s;
	free(w);
	*argvp = argv;
	*argcp = argc;
	return 0;
fail:
	for (i = 0; i < nw; i++)
		free(w[i].s);
	free(w);
	*argvp = NULL;
	*argcp = 0;
	return -1;
}

void
cmd_free_argv(char **argv, int argc)
{
	int i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
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
	sb_init(&ctx->err);
	sb_init(&ctx->js);
}

void
ctx_release(struct ctx *ctx)
{
	sb_release(&ctx->err);
	sb_release(&ctx->js);
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
		if (!strcmp(r, "$")) {
			if (ctx->nvals < 2) {
				snprintf(err, n, "$$: fewer than two values "
					 "in the history");
				return -1;
			}
			*v = ctx->vals[ctx->nvals - 2];
			return 0;
		}
		if (isdigit((unsigned char)*r)) {
			long i = strtol(r, (char **)&p, 10);

			if (*p || i < 1 || i > ctx->nvals) {
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
		snprintf(err, n, "unknown variable '%s'", name);
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

static bool
looks_like_option(const char *s)
{
	return s[0] == '-' && (isalpha((unsigned char)s[1]) ||
			       (s[1] == '-' && s[2] != 0));
}

/* Take options out of argv; the positional words stay, in order. */
static int
parse_opts(struct ctx *ctx, int *argcp, char **argv)
{
	const struct cmd *c = ctx->cmd;
	int argc = *argcp, i, n = 1;
	bool done = false;

	ctx->args.nopt = 0;
	for (i = 1; i < argc; i++) {
		const struct cmd_opt *o = NULL;
		char *eq = NULL;
		size_t l;

		if (!done && !strcmp(argv[i], "--")) {
			done = true;	/* the rest are positional */
			continue;
		}
		if (done || !looks_like_option(argv[i])) {
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

static void
report(struct ctx *ctx)
{
	fflush(ctx->out);
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
	struct strbuf err, js;
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
	s->jdepth = ctx->jdepth;
	memcpy(s->jfirst, ctx->jfirst, sizeof(s->jfirst));
	sb_init(&ctx->err);
	sb_init(&ctx->js);
	ctx->jopen = false;
	ctx->jdepth = 0;
}

static void
state_restore(struct ctx *ctx, struct cmd_state *s)
{
	sb_release(&ctx->err);
	sb_release(&ctx->js);
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
	ctx->jdepth = s->jdepth;
	memcpy(ctx->jfirst, s->jfirst, sizeof(s->jfirst));
}

static int run_one(struct ctx *ctx, int argc, char **argv);

static int
run_words(struct ctx *ctx, int argc, char **argv)
{
	struct cmd_state saved;
	char **v = xcalloc((size_t)argc + 1, sizeof(*v));
	int r;

	/* option parsing reorders the pointers; the strings stay the caller's */
	memcpy(v, argv, (size_t)argc * sizeof(*v));
	state_save(ctx, &saved);
	r = run_one(ctx, argc, v);
	state_restore(ctx, &saved);
	free(v);
	return r;
}

static int
run_one(struct ctx *ctx, int argc, char **argv)
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
	ctx->cmdname = argv[0];
	slash = strchr(argv[0], '/');
	if (slash != NULL) {
		*slash = 0;
		ctx->cmdfmt = slash + 1;
	}
	c = cmd_find(argv[0], &amb);
	if (c == NULL) {
		if (amb) {
			struct strbuf sb;
			size_t l = strlen(argv[0]);
			int i;

			sb_init(&sb);
			for (i = 0; cmd_table[i]; i++)
				if (!strncmp(cmd_table[i]->name, argv[0], l))
					sb_addf(&sb, "%s%s", sb.len ? ", " : "",
						cmd_table[i]->name);
			cmd_error(ctx, "ambiguous command '%s', could be: %s",
				  argv[0], sb.buf);
			sb_release(&sb);
		} else {
			const char *s = cmd_suggest(argv[0]);

			if (s != NULL)
				cmd_error(ctx, "unknown command '%s'; did you "
					  "mean '%s'?", argv[0], s);
			else
				cmd_error(ctx, "unknown command '%s' (type "
					  "'help' for the list)", argv[0]);
		}
		out_begin(ctx);
		out_end(ctx);
		report(ctx);
		return -1;
	}
	ctx->cmd = c;
	if (ctx->m != NULL)
		ctx->m->kt.verbose = ctx->verbose;
	out_begin(ctx);
	if (ctx->cmdfmt != NULL && strcmp(c->name, "x") &&
	    strcmp(c->name, "xp") && strcmp(c->name, "write"))
		r = cmd_error(ctx, "'/%s': only x, xp and write take a /FMT "
			      "suffix", ctx->cmdfmt);
	else if (parse_opts(ctx, &argc, argv))
		r = -1;
	else if (argc - 1 < c->min_args ||
		 (c->max_args >= 0 && argc - 1 > c->max_args))
		r = cmd_usage(ctx);
	else if (ctx->m == NULL && !(c->flags & CMD_NOMACHINE))
		r = cmd_error(ctx, "no machine is loaded");
	else if ((c->flags & CMD_SIM) && cmd_need_sim(ctx))
		r = -1;
	else
		r = c->run(ctx, argc, argv);
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
		if (!ctx->json)
			fprintf(ctx->out, "$%d = 0x%llx\n", ctx->nvals,
				(unsigned long long)ctx->value);
	}
	return 0;
}

/* Split at ';' and '#' outside quotes. */
int
cmd_run_line(struct ctx *ctx, const char *line)
{
	const char *p = line, *start = line;
	char quote = 0;
	int rc = 0;
	bool comment = false;

	for (;; p++) {
		bool end = *p == 0;

		if (!end && quote) {
			if (*p == '\\' && quote == '"' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
			continue;
		}
		if (!end && (*p == '"' || *p == '\'')) {
			quote = *p;
			continue;
		}
		if (!end && *p == '#' && (p == line || isspace((unsigned char)p[-1]) ||
					  p[-1] == ';'))
			comment = true;
		if (end || *p == ';' || comment) {
			char *cmd = xmalloc((size_t)(p - start) + 1), **argv, *err;
			int argc;

			memcpy(cmd, start, (size_t)(p - start));
			cmd[p - start] = 0;
			if (ctx->echo && !ctx->json && cmd[strspn(cmd, " \t")]) {
				size_t l = strlen(cmd);

				while (l > 0 && isspace((unsigned char)cmd[l - 1]))
					l--;
				fprintf(ctx->out, "ptwalk> %.*s\n",
					(int)(l - strspn(cmd, " \t")),
					cmd + strspn(cmd, " \t"));
			}
			if (cmd_split(cmd, &argv, &argc, &err)) {
				ctx->cmd = NULL;
				ctx->failed = false;
				ctx->has_value = false;
				cmd_error(ctx, "%s", err);
				free(err);
				report(ctx);
				rc = -1;
				ctx->nerr++;
			} else if (argc > 0) {
				if (run_words(ctx, argc, argv)) {
					rc = -1;
					ctx->nerr++;
				}
				cmd_free_argv(argv, argc);
			} else {
				free(argv);
			}
			free(cmd);
			if (end || comment || ctx->quit || (rc && ctx->bail))
				break;
			start = p + 1;
		}
	}
	return rc;
}
