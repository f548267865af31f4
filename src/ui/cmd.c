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

#include "ptwalk/arch_list.h"
#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/figure.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/ksym.h"
#include "ptwalk/live_pid.h"
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
}

void
ctx_release(struct ctx *ctx)
{
	sb_release(&ctx->oline);
	free(ctx->vals);
	ctx->vals = NULL;
	if (ctx->kept != NULL && ctx->kept_release != NULL)
		ctx->kept_release(ctx->kept);
	ctx->kept = NULL;
	live_pid_close(ctx->pid);
	ctx->pid = NULL;
}

void
ctx_set_machine(struct ctx *ctx, struct machine *m)
{
	if (ctx->m != m)
		machine_free(ctx->m);
	ctx->m = m;
}

/*
 * The running command
 */

static void
item_push(struct ctx *ctx, struct cmd_item *item)
{
	memset(item, 0, sizeof(*item));
	sb_init(&item->err);
	sb_init(&item->vtext);
	sb_init(&item->js);
	item->parent = ctx->item;
	ctx->item = item;
}

static void
item_pop(struct ctx *ctx, struct cmd_item *item)
{
	ctx->item = item->parent;
	sb_release(&item->err);
	sb_release(&item->vtext);
	sb_release(&item->js);
	fig_free(item->fig);
}

int
cmd_error(struct ctx *ctx, const char *fmt, ...)
{
	struct cmd_item *item = ctx->item;
	va_list ap;

	if (item == NULL || item->failed)
		return -1;	/* keep the first, most specific message */
	item->failed = true;
	sb_reset(&item->err);
	va_start(ap, fmt);
	sb_vaddf(&item->err, fmt, ap);
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
	if (ctx->in != NULL)
		fprintf(f, "%s:%d: ", ctx->in->name, ctx->in->line);
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
	struct cmd_item *item = ctx->item;

	/* what $_ is, the entry says: a value it does not declare is a bug */
	if (item->cmd != NULL && item->cmd->value == VALUE_NONE) {
		fprintf(stderr, "ptwalk: BUG: %s keeps a value its entry does "
			"not declare (.value)\n", item->cmd->name);
		abort();
	}
	item->has_value = true;
	item->value = v;
	sb_reset(&item->vtext);
}

void
cmd_set_value_text(struct ctx *ctx, u64 v, const char *text)
{
	cmd_set_value(ctx, v);
	sb_adds(&ctx->item->vtext, text);
}

int
cmd_usage(struct ctx *ctx)
{
	const struct cmd *c = ctx->item->cmd;

	return cmd_error(ctx, "usage: %s%s%s (see 'help %s')", c->name,
			 c->usage[0] ? " " : "", c->usage, c->name);
}

int
cmd_need_sim(struct ctx *ctx)
{
	if (ctx->m == NULL)
		return cmd_error(ctx, "no machine");
	if (ctx->m->kern == NULL && !ctx->m->image)
		return cmd_error(ctx, "%s is a command of the Linux kernel: "
				 "this machine runs %s", ctx->item->cmd->name,
				 ctx->m->profile ? ctx->m->profile->release :
				 "no Linux");
	if (ctx->m->kern == NULL)
		return cmd_error(ctx, "%s needs a simulated machine: a memory "
				 "image has no simulated kernel (start "
				 "ptwalk without --image)", ctx->item->cmd->name);
	return 0;
}

/*
 * A command on the live process attached: one that has its run_pid, no
 * figure, and the process still there (its VMAs read again).
 */
static int
cmd_pid_ready(struct ctx *ctx, const struct cmd *c)
{
	const struct args *a = cmd_args(ctx);
	struct error e;
	int i;

	if (c->run_pid == NULL)
		return cmd_error(ctx, "%s is not available on a live process "
				 "(pid %d): its page tables and kernel cannot "
				 "be read from user space; 'help attach' lists "
				 "what can ('detach' to leave it)", c->name,
				 ctx->pid->pid);
	for (i = 0; i < a->nopt; i++)
		if (!strcmp(a->opt[i]->name, "--svg") ||
		    !strcmp(a->opt[i]->name, "--png") ||
		    !strcmp(a->opt[i]->name, "--pdf"))
			return cmd_error(ctx, "%s: figures are drawn of a "
					 "simulated machine or an image, not "
					 "of a live process", a->opt[i]->name);
	error_clear(&e);
	if (live_pid_read_maps(ctx->pid, &e))
		return cmd_err(ctx, &e);
	return 0;
}

/*
 * Arguments
 */

/*
 * $NAME of the last fault's address: the register's name on any arch of
 * the list ($cr2, $far), as a script written for one arch reads on another.
 */
static bool
fault_addr_name(const char *name)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++)
		if (!strcmp(name, arch_list[i]->words->fault_addr))
			return true;
	return false;
}

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
			if (fault_addr_name(r)) {
				*v = c->fault_addr;
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
	else if (m != NULL && machine_ksyms_missing(m) != NULL)
		snprintf(err, n, "unknown symbol '%s' (%s)",
			 name, machine_ksyms_missing(m));
	else
		snprintf(err, n, "unknown symbol '%s'", name);
	return -1;
}

int
arg_u64(struct ctx *ctx, const char *s, const char *what, u64 *v)
{
	struct expr_env env = { lookup, ctx };
	char err[640];

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
	const struct args *a = &ctx->item->args;
	int i;

	for (i = 0; i < a->nopt; i++)
		if (!strcmp(a->opt[i]->name, name))
			return true;
	return false;
}

const char *
args_get(const struct ctx *ctx, const char *name)
{
	const struct args *a = &ctx->item->args;
	int i;

	for (i = a->nopt - 1; i >= 0; i--)
		if (!strcmp(a->opt[i]->name, name))
			return a->val[i] ? a->val[i] : "";
	return NULL;
}

const struct cmd_opt *
cmd_opt_next(const struct cmd *c, const struct cmd_opt *q)
{
	if (q == NULL)
		q = c->opts;	/* the first of its own */
	else
		q++;
	if (q != NULL && q->name != NULL)
		return q;
	/* past the last of its own: those its flags add, once */
	if ((c->flags & CMD_FIGURE) && q != &cmd_figure_opts[NR_FIG_FORMATS])
		return cmd_figure_opts;
	return NULL;
}

/*
 * An option no entry of c declares: the figure options name the commands
 * that draw, the others what c takes.
 */
static int
unknown_option(struct ctx *ctx, const char *s, size_t l)
{
	const struct cmd *c = ctx->item->cmd;
	const struct cmd_opt *q;
	struct strbuf sb;
	int i, n = 0, r;

	sb_init(&sb);
	for (i = 0; i < NR_FIG_FORMATS; i++)
		if (strlen(cmd_figure_opts[i].name) == l &&
		    !strncmp(cmd_figure_opts[i].name, s, l))
			break;
	if (i < NR_FIG_FORMATS) {
		for (i = 0; cmd_table[i] != NULL; i++)
			if (cmd_table[i]->flags & CMD_FIGURE)
				n++;
		for (i = 0; cmd_table[i] != NULL; i++)
			if (cmd_table[i]->flags & CMD_FIGURE)
				sb_addf(&sb, "%s%s", sb.len == 0 ? "" :
					--n == 1 ? " and " : ", ",
					cmd_table[i]->name);
		r = cmd_error(ctx, "%.*s: %s draws no figure (%s%s)", (int)l,
			      s, c->name, sb.buf, strchr(sb.buf, ' ') ?
			      " do" : " does");
		sb_release(&sb);
		return r;
	}
	cmd_for_each_opt(c, q)
		sb_addf(&sb, "%s%s", sb.len ? ", " : "", q->name);
	r = cmd_error(ctx, "unknown option '%.*s'%s%s%s", (int)l, s,
		      sb.len ? " (it takes " : " (it takes no options", sb.buf,
		      ")");
	sb_release(&sb);
	return r;
}

/*
 * The running command's args from argv (argv[0] its name): the options
 * taken out, the positional words kept in order (argv is reordered).
 * lit[i] marks a word that is positional whatever it looks like.
 */
static int
parse_args(struct ctx *ctx, int argc, char **argv, const bool *lit)
{
	const struct cmd *c = ctx->item->cmd;
	struct args *a = &ctx->item->args;
	int i, n = 1;
	bool done = false;

	a->nopt = 0;
	for (i = 1; i < argc; i++) {
		const struct cmd_opt *o = NULL, *q;
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
		cmd_for_each_opt(c, q)
			if (strlen(q->name) == l && !strncmp(q->name, argv[i], l))
				o = q;
		if (o == NULL)
			return unknown_option(ctx, argv[i], l);
		if (a->nopt == MAX_OPTS)
			return cmd_error(ctx, "too many options");
		a->opt[a->nopt] = o;
		a->val[a->nopt] = NULL;
		if (o->arg != NULL) {
			if (eq != NULL)
				a->val[a->nopt] = eq + 1;
			else if (i + 1 < argc)
				a->val[a->nopt] = argv[++i];
			else
				return cmd_error(ctx, "option %s needs a %s",
						 o->name, o->arg);
		} else if (eq != NULL) {
			return cmd_error(ctx, "option %s takes no value",
					 o->name);
		}
		a->nopt++;
	}
	argv[n] = NULL;
	a->argc = n - 1;
	a->argv = argv + 1;
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
	if (ctx->in == NULL)
		return true;
	if (ctx->in->shown_errs < CMD_MAX_SHOWN_ERRS) {
		ctx->in->shown_errs++;
		return true;
	}
	ctx->in->hidden_errs++;
	return false;
}

static void
report(struct ctx *ctx)
{
	fflush(ctx->out);
	if (!cmd_error_shown(ctx))
		return;
	where(ctx, stderr);
	if (ctx->in == NULL && ctx->interactive)
		fputs("error: ", stderr);
	if (ctx->item->cmd != NULL)
		fprintf(stderr, "%s: ", ctx->item->cmd->name);
	put_clean(stderr, ctx->item->err.buf);
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

static int run_one(struct ctx *ctx, int argc, char **argv, const bool *lit);

static int
run_cb(void *arg)
{
	struct ctx *ctx = arg;
	const struct cmd *c = ctx->item->cmd;

	if (ctx->pid != NULL && c->run_pid != NULL)
		return c->run_pid(ctx);
	if ((c->flags & CMD_SIM) && ctx->m != NULL && ctx->m->kern == NULL)
		return c->run_image(ctx);
	return c->run(ctx);
}

/*
 * A file ptwalk has mapped (an image, a program) that shrinks under a
 * command ends that command with an error; the session goes on.
 */
static int
run_guarded(struct ctx *ctx)
{
	struct error e;
	int r;

	if (hostmap_call(run_cb, ctx, &r, &e) == 0)
		return r;
	return cmd_err(ctx, &e);
}

/*
 * A live target is brought up to date before a command that looks at the
 * machine, and told when it is done (a note when memory moved under it).
 */
static int run_bracket(struct ctx *ctx, const struct cmd *c);

static int
run_live(struct ctx *ctx, const struct cmd *c)
{
	struct machine *m = ctx->m;
	struct strbuf note;
	struct error e;
	int r;

	error_clear(&e);
	if (m->live_begin(m, &e))
		return cmd_err(ctx, &e);
	r = run_bracket(ctx, c);
	sb_init(&note);
	/* the command may have replaced the machine */
	if (ctx->m == m)
		m->live_end(m, &note);
	if (note.len > 0)
		fprintf(stderr, "ptwalk: note: %s\n", note.buf);
	sb_release(&note);
	return r;
}

/* Run the command inside the trace bracket its entry declares. */
static int
run_traced(struct ctx *ctx, const struct cmd *c)
{
	if (ctx->m != NULL && ctx->m->live_begin != NULL &&
	    !(c->flags & CMD_NOMACHINE))
		return run_live(ctx, c);
	return run_bracket(ctx, c);
}

static int
run_bracket(struct ctx *ctx, const struct cmd *c)
{
	int r;

	if (ctx->m != NULL && ((c->flags & CMD_TRACE) ||
			       ((c->flags & CMD_TRACE_VERBOSE) && ctx->verbose)))
		kt_begin(ctx->m);
	r = run_guarded(ctx);
	/* the machine may be a new one (image): its trace is off anyway */
	if (ctx->m != NULL)
		kt_end(ctx->m);
	return r;
}

int
cmd_run_argv(struct ctx *ctx, int argc, char **argv, const bool *lit)
{
	struct cmd_item item;
	char **v = xcalloc((size_t)argc + 1, sizeof(*v));
	int r;

	/* option parsing reorders the pointers; the strings stay the caller's */
	memcpy(v, argv, (size_t)argc * sizeof(*v));
	item_push(ctx, &item);
	r = run_one(ctx, argc, v, lit);
	item_pop(ctx, &item);
	free(v);
	return r;
}

void
cmd_line_error(struct ctx *ctx, const struct cmd *c, bool json,
	       const char *fmt, ...)
{
	struct cmd_item item;
	va_list ap;

	item_push(ctx, &item);
	item.cmd = c;
	item.name = c != NULL ? c->name : NULL;
	item.failed = true;
	va_start(ap, fmt);
	sb_vaddf(&item.err, fmt, ap);
	va_end(ap);
	if (json) {
		out_begin(ctx);
		out_end(ctx);
	}
	report(ctx);
	item_pop(ctx, &item);
}

static void
print_value(struct ctx *ctx)
{
	const struct cmd_item *item = ctx->item;

	if (ctx->json)
		return;
	if (item->vtext.len > 0)
		fprintf(ctx->out, "$%d = %s\n", ctx->nvals, item->vtext.buf);
	else
		fprintf(ctx->out, "$%d = 0x%llx\n", ctx->nvals,
			(unsigned long long)item->value);
}

static int
run_one(struct ctx *ctx, int argc, char **argv, const bool *lit)
{
	struct cmd_item *item = ctx->item;
	const struct cmd *c;
	char *slash;
	bool amb;
	int r;

	item->name = argv[0];
	slash = strchr(argv[0], '/');
	if (slash != NULL) {
		*slash = 0;
		item->args.fmt = slash + 1;
	}
	c = cmd_find(argv[0], &amb);
	if (c == NULL) {
		cmd_unknown(ctx, argv[0], amb);
		out_begin(ctx);
		out_end(ctx);
		report(ctx);
		return -1;
	}
	item->cmd = c;
	progress_command(c->name);
	if (ctx->m != NULL)
		ctx->m->kt.verbose = ctx->verbose;
	out_begin(ctx);
	if (item->args.fmt != NULL && !(c->flags & CMD_FMT))
		r = cmd_error(ctx, "'/%s': %s takes no /FMT suffix (%s do)",
			      item->args.fmt, c->name, CMD_FMT_NAMES);
	else if (parse_args(ctx, argc, argv, lit))
		r = -1;
	else if (item->args.argc < c->min_args ||
		 (c->max_args >= 0 && item->args.argc > c->max_args))
		r = cmd_usage(ctx);
	else if (ctx->pid != NULL && !(c->flags & CMD_NOMACHINE))
		r = cmd_pid_ready(ctx, c) ? -1 : run_traced(ctx, c);
	else if (ctx->m == NULL && !(c->flags & CMD_NOMACHINE))
		r = cmd_error(ctx, "no machine is loaded");
	else if ((c->flags & CMD_SIM) && (c->run_image == NULL ||
					   !ctx->m->image) &&
		 cmd_need_sim(ctx))
		r = -1;
	else if ((c->flags & CMD_FIGURE) && cmd_check_figure(ctx))
		r = -1;
	else {
		r = run_traced(ctx, c);
		/* a command that failed may have drawn why (a walk's fault) */
		if ((c->flags & CMD_FIGURE) && cmd_write_figure(ctx))
			r = -1;
	}
	if (r != 0 && !item->failed)
		cmd_error(ctx, "failed");
	if (item->failed) {
		item->has_value = false;
		out_end(ctx);
		report(ctx);
		return -1;
	}
	out_end(ctx);
	if (item->has_value) {
		push_value(ctx, item->value);
		print_value(ctx);
	}
	return 0;
}

/*
 * Figures: the --svg, --png and --pdf options of the entries that declare
 * CMD_FIGURE, checked before the command runs and written after it.
 */

const struct cmd_opt cmd_figure_opts[] = {
	[FIG_SVG] = { "--svg", "FILE", "file",
		      "also draw the result as an SVG figure in FILE (every "
		      "label is text)" },
	[FIG_PNG] = { "--png", "FILE", "file",
		      "also draw the figure as a PNG image in FILE" },
	[FIG_PDF] = { "--pdf", "FILE", "file",
		      "also draw the figure as a PDF document in FILE" },
	[NR_FIG_FORMATS] = { NULL, NULL, NULL, NULL },
};

static int
figure_format(const struct cmd_opt *o)
{
	int k;

	for (k = 0; k < NR_FIG_FORMATS; k++)
		if (o == &cmd_figure_opts[k])
			return k;
	return -1;
}

bool
cmd_figure_wanted(const struct ctx *ctx)
{
	const struct args *a = cmd_args(ctx);
	int i;

	for (i = 0; i < a->nopt; i++)
		if (figure_format(a->opt[i]) >= 0)
			return true;
	return false;
}

void
cmd_set_figure(struct ctx *ctx, struct figure *f)
{
	fig_free(ctx->item->fig);
	ctx->item->fig = f;
}

int
cmd_check_figure(struct ctx *ctx)
{
	const struct args *a = cmd_args(ctx);
	int i;

	for (i = 0; i < a->nopt; i++)
		if (figure_format(a->opt[i]) >= 0 &&
		    (a->val[i] == NULL || !*a->val[i]))
			return cmd_error(ctx, "%s: missing FILE",
					 a->opt[i]->name);
	return 0;
}

int
cmd_write_figure(struct ctx *ctx)
{
	struct cmd_item *item = ctx->item;
	const struct args *a = &item->args;
	struct error e;
	int i, k;

	for (i = 0; i < a->nopt; i++) {
		if ((k = figure_format(a->opt[i])) < 0)
			continue;
		if (item->fig == NULL) {
			/* a command that failed before its result drew none */
			if (item->failed)
				return -1;
			if (ctx->m != NULL && ctx->m->image)
				return cmd_error(ctx, "%s: %s draws its figure "
						 "on a simulated machine only",
						 a->opt[i]->name,
						 item->cmd->name);
			return cmd_error(ctx, "%s: nothing to draw",
					 a->opt[i]->name);
		}
		if (fig_write(item->fig, a->val[i], (enum fig_format)k, &e)) {
			/* the command's own error, if any, comes first */
			if (item->failed)
				cmd_warn(ctx, "%s %s: %s", item->cmd->name,
					 a->opt[i]->name, e.msg);
			return cmd_error(ctx, "%s: %s", a->opt[i]->name, e.msg);
		}
	}
	return 0;
}
