// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The command line: a line is cut into commands at ';' and '#', each
 * command into arguments by the kinds its command declares, and where
 * redirection is on, its output may go to a shell command or a file; at
 * the prompt, long output goes through the pager.
 *
 * The rule (`help arguments` and ptwalk(1) tell it to users):
 *  - Tokens are separated by spaces outside quotes and parentheses.
 *    "..." and '...' hold literal text (in "...", \" and \\ escape); a
 *    token with a quoted part is a literal word: never joined to others,
 *    never an option, never a redirection.
 *  - An unquoted -X or --NAME (X a letter) is an option, until `--`.
 *  - Each positional argument then takes tokens as its kind says
 *    (cmd.h): an expression goes on over a space while the text so far
 *    ends with an operator or the next token starts with a binary
 *    operator (a lone '-' only: -1 and -x are words of their own); a flag
 *    list joins across '|' and ','; a word or a file is
 *    one token; "args" takes every remaining token as written; "line"
 *    takes the rest of the command as typed.
 *  - With redirection on, the first unquoted `|`, `>` or `>>` standing
 *    alone after the command name ends the command: `| SHELLCMD` (to the
 *    end of the command, i.e. up to ';' or '#'), `> FILE`, `>> FILE`.
 *    `|` and `>>` followed by a token that starts like an operand (a
 *    digit, '$' or '(') are the operators instead.  With redirection off
 *    (scripts and -c, unless `set redirect on`), `|` and `>>` are
 *    operators and a lone `>` is an error.
 */
#include <ctype.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/cmd.h"
#include "ptwalk/pager.h"
#include "ptwalk/progress.h"

struct tok {
	char *s;		/* the text, quotes removed */
	size_t start, end;	/* where it stands in the command */
	bool quoted;		/* a part was quoted: a literal word */
};

struct toks {
	struct tok *v;
	int n, a;
};

enum redir_mode {
	REDIR_NONE,		/* cmd_split: `|` and `>` are plain tokens */
	REDIR_OFF,		/* operators; a lone `>` is an error */
	REDIR_ON,
};

/* One command, split. */
struct cmdline {
	const struct cmd *cmd;	/* NULL: unknown */
	char **argv;
	bool *lit;		/* argv[i] is positional whatever it looks like */
	int argc, alloc;
	bool redir;
	enum sink_kind kind;
	char *target;		/* the shell command or the file */
};

static void
toks_release(struct toks *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].s);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static void
toks_add(struct toks *t, char *s, size_t start, size_t end, bool quoted)
{
	if (t->n == t->a) {
		t->a = t->a ? t->a * 2 : 8;
		t->v = xrealloc(t->v, (size_t)t->a * sizeof(*t->v));
	}
	t->v[t->n].s = s;
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->v[t->n].quoted = quoted;
	t->n++;
}

/* One token at *pp: its text into sb; false with *errp on bad quoting. */
static bool
token(const char **pp, struct strbuf *sb, bool *quoted, char **errp)
{
	const char *p = *pp;
	int depth = 0;

	while (*p && (depth > 0 || !isspace((unsigned char)*p))) {
		char q = *p;

		if (q == '"' || q == '\'') {
			p++;
			*quoted = true;
			while (*p && *p != q) {
				if (q == '"' && *p == '\\' &&
				    (p[1] == '"' || p[1] == '\\'))
					p++;
				sb_addc(sb, *p++);
			}
			if (*p != q) {
				*errp = xasprintf("missing closing %c", q);
				return false;
			}
			p++;
			continue;
		}
		if (q == '(')
			depth++;
		if (q == ')' && --depth < 0) {
			*errp = xstrdup("unbalanced ')'");
			return false;
		}
		sb_addc(sb, *p++);
	}
	if (depth > 0) {
		*errp = xstrdup("missing ')'");
		return false;
	}
	*pp = p;
	return true;
}

static bool
is_redir(const struct tok *t)
{
	return !t->quoted && (!strcmp(t->s, "|") || !strcmp(t->s, ">") ||
			      !strcmp(t->s, ">>"));
}

/* `$_ >> 12`, `$1 | 0x10`: an operand follows, so it is the operator. */
static bool
operand_follows(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return isdigit((unsigned char)*p) || *p == '$' || *p == '(';
}

/*
 * Cut `line` into tokens.  With redirection on, stop at the first one
 * that redirects: *redir then points at it (its text) and *rest just
 * after it.
 */
static int
tokenize(const char *line, enum redir_mode mode, struct toks *t,
	 const char **redir, const char **rest, char **errp)
{
	const char *p = line;

	memset(t, 0, sizeof(*t));
	*redir = NULL;
	for (;;) {
		struct strbuf sb;
		bool quoted = false;
		const char *start;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == 0)
			return 0;
		start = p;
		sb_init(&sb);
		if (!token(&p, &sb, &quoted, errp)) {
			sb_release(&sb);
			toks_release(t);
			return -1;
		}
		toks_add(t, sb.buf, (size_t)(start - line), (size_t)(p - line),
			 quoted);
		if (t->n == 1 || mode == REDIR_NONE || !is_redir(&t->v[t->n - 1]))
			continue;
		if (mode == REDIR_OFF) {
			if (strcmp(sb.buf, ">"))
				continue;
			*errp = xstrdup("'>' sends output to a file only at "
					"the prompt, or after 'set redirect on' "
					"(see 'help output')");
			toks_release(t);
			return -1;
		}
		if (strcmp(sb.buf, ">") && operand_follows(p))
			continue;
		*redir = line + t->v[t->n - 1].start;
		*rest = p;
		free(t->v[--t->n].s);
		return 0;
	}
}

/*
 * Argument kinds
 */

enum arg_kind {
	ARG_EXPR,		/* pieces joined across operators */
	ARG_FLAGS,		/* pieces joined across '|' and ',' */
	ARG_WORD,		/* one token */
	ARG_FILE,		/* one token, ~ expanded */
	ARG_ARGS,		/* this and the rest, as written */
	ARG_LINE,		/* the rest of the command as typed */
};

static enum arg_kind
kind_of(const char *w, size_t l)
{
	static const struct {
		const char *name;
		enum arg_kind kind;
	} kinds[] = {
		{ "addr", ARG_EXPR }, { "expr", ARG_EXPR }, { "pid", ARG_EXPR },
		{ "gfp", ARG_EXPR }, { "file", ARG_FILE }, { "args", ARG_ARGS },
		{ "line", ARG_LINE },
	};
	size_t i;

	if (l > 5 && !strncmp(w, "expr:", 5))
		return ARG_EXPR;
	if (l > 6 && !strncmp(w, "words:", 6))
		return ARG_FLAGS;
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strlen(kinds[i].name) == l && !strncmp(kinds[i].name, w, l))
			return kinds[i].kind;
	return ARG_WORD;
}

/* The kind of positional argument i of c; the last spec word repeats. */
static enum arg_kind
arg_kind(const struct cmd *c, int i)
{
	const char *p, *last = NULL;
	size_t lastl = 0;
	int k;

	if (c == NULL)
		return ARG_EXPR;
	p = c->complete != NULL ? c->complete : "";
	for (k = 0; *p; k++) {
		size_t l = strcspn(p, " ");

		last = p;
		lastl = l;
		if (k == i)
			break;
		p += l;
		while (*p == ' ')
			p++;
	}
	return last != NULL ? kind_of(last, lastl) : ARG_WORD;
}

static const struct cmd_opt *
find_opt(const struct cmd *c, const char *s)
{
	size_t l = strcspn(s, "=");
	const struct cmd_opt *q;

	if (c == NULL)
		return NULL;
	cmd_for_each_opt(c, q)
		if (strlen(q->name) == l && !strncmp(q->name, s, l))
			return q;
	return NULL;
}

/* Whether an argument of kind k that reads `sofar` goes on with `next`. */
static bool
joins(enum arg_kind k, const char *sofar, const struct tok *next)
{
	const char *s = next->s;
	size_t l = strlen(sofar);

	if (next->quoted)
		return false;
	if (k == ARG_FLAGS)
		return (l > 0 && strchr("|,", sofar[l - 1])) || s[0] == '|' ||
		       s[0] == ',';
	if (k != ARG_EXPR)
		return false;
	if (l > 0 && strchr("+-*/%&|^~<>(", sofar[l - 1]))
		return true;	/* an operator waits for its operand */
	if (s[0] == '-')
		return s[1] == 0;	/* -1, -x: a negative, an option */
	if (s[0] == '<' || s[0] == '>')
		return s[1] == s[0];
	return s[0] != 0 && strchr("+*/%&|^", s[0]) != NULL;
}

/* ~ and ~/... are the home directory, ~USER/... USER's. */
static char *
tilde(const char *s)
{
	const char *slash = strchr(s, '/'), *home = NULL;
	size_t l = slash != NULL ? (size_t)(slash - s) : strlen(s);

	if (s[0] != '~')
		return xstrdup(s);
	if (l == 1) {
		home = getenv("HOME");
		if (home == NULL || *home == 0) {
			struct passwd *pw = getpwuid(getuid());

			home = pw != NULL ? pw->pw_dir : NULL;
		}
	} else {
		char *user = xasprintf("%.*s", (int)(l - 1), s + 1);
		struct passwd *pw = getpwnam(user);

		free(user);
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL)
		return xstrdup(s);
	return xasprintf("%s%s", home, slash != NULL ? slash : "");
}

static void
cl_add(struct cmdline *cl, char *s, bool lit)
{
	if (cl->argc + 2 > cl->alloc) {
		cl->alloc = cl->alloc ? cl->alloc * 2 : 8;
		cl->argv = xrealloc(cl->argv, (size_t)cl->alloc *
				    sizeof(*cl->argv));
		cl->lit = xrealloc(cl->lit, (size_t)cl->alloc *
				   sizeof(*cl->lit));
	}
	cl->argv[cl->argc] = s;
	cl->lit[cl->argc] = lit;
	cl->argc++;
	cl->argv[cl->argc] = NULL;
}

/* One argument of kind k from token i on; returns the last token used. */
static int
take(struct cmdline *cl, enum arg_kind k, const struct toks *t, int i,
     bool lit)
{
	const struct tok *first = &t->v[i];
	struct strbuf sb;

	if (k == ARG_FILE && !first->quoted) {
		cl_add(cl, tilde(first->s), lit);
		return i;
	}
	sb_init(&sb);
	sb_adds(&sb, first->s);
	while (!first->quoted && i + 1 < t->n &&
	       joins(k, sb.buf, &t->v[i + 1])) {
		if (k == ARG_EXPR)
			sb_addc(&sb, ' ');
		sb_adds(&sb, t->v[++i].s);
	}
	cl_add(cl, sb.buf, lit);
	return i;
}

/* Group tokens into the command's arguments (cl->cmd says their kinds). */
static void
group(struct cmdline *cl, const struct toks *t, const char *text)
{
	bool dashdash = false, rest = false;
	int pos = 0, i;

	cl_add(cl, xstrdup(t->v[0].s), false);
	for (i = 1; i < t->n; i++) {
		const struct tok *k = &t->v[i];
		enum arg_kind kind;
		bool lit;

		if (!rest && arg_kind(cl->cmd, pos) == ARG_ARGS)
			rest = true;	/* no options from here on */
		lit = k->quoted || dashdash || rest;

		if (!lit && !strcmp(k->s, "--")) {
			dashdash = true;
			cl_add(cl, xstrdup(k->s), false);
			continue;
		}
		if (!lit && cmd_looks_like_option(k->s)) {
			const struct cmd_opt *o = find_opt(cl->cmd, k->s);

			kind = o == NULL || o->arg == NULL ? ARG_WORD :
				o->complete == NULL ? ARG_EXPR :
				kind_of(o->complete, strlen(o->complete));
			if (o != NULL && o->arg != NULL && !strchr(k->s, '=')) {
				/* the value is the next argument, any token */
				cl_add(cl, xstrdup(k->s), false);
				if (++i < t->n)
					i = take(cl, kind, t, i, true);
				continue;
			}
			i = take(cl, kind, t, i, false);	/* --opt=VALUE */
			continue;
		}
		kind = arg_kind(cl->cmd, pos++);
		if (kind == ARG_LINE) {
			cl_add(cl, xasprintf("%.*s", (int)(t->v[t->n - 1].end -
				k->start), text + k->start), true);
			break;
		}
		i = take(cl, kind, t, i, lit);
	}
}

static const struct cmd *
command_of(const char *word)
{
	char *name = xstrdup(word);
	const struct cmd *c;
	bool amb;

	name[strcspn(name, "/")] = 0;	/* x/4x */
	c = cmd_find(name, &amb);
	free(name);
	return c;
}

static void
cl_release(struct cmdline *cl)
{
	int i;

	for (i = 0; i < cl->argc; i++)
		free(cl->argv[i]);
	free(cl->argv);
	free(cl->lit);
	free(cl->target);
	memset(cl, 0, sizeof(*cl));
}

/* The target after `|`, `>` or `>>`. */
static int
redirect_target(struct cmdline *cl, const char *op, const char *rest,
		char **errp)
{
	struct toks t;
	const char *r2, *x;

	while (isspace((unsigned char)*rest))
		rest++;
	if (op[0] == '|') {
		size_t l = strlen(rest);

		while (l > 0 && isspace((unsigned char)rest[l - 1]))
			l--;
		if (l == 0) {
			*errp = xstrdup("'|' needs a shell command after it");
			return -1;
		}
		cl->kind = SINK_PIPE;
		cl->target = xasprintf("%.*s", (int)l, rest);
		cl->redir = true;
		return 0;
	}
	if (tokenize(rest, REDIR_NONE, &t, &r2, &x, errp))
		return -1;
	if (t.n != 1) {
		*errp = t.n == 0 ? xasprintf("'%s' needs a file name after it",
					     op) :
			xasprintf("'%s FILE' ends the command, but '%s' follows "
				  "the file name (quote a name with spaces)",
				  op, t.v[1].s);
		toks_release(&t);
		return -1;
	}
	cl->kind = op[1] == '>' ? SINK_APPEND : SINK_FILE;
	cl->target = t.v[0].quoted ? xstrdup(t.v[0].s) : tilde(t.v[0].s);
	cl->redir = true;
	toks_release(&t);
	return 0;
}

static int
parse(const char *text, enum redir_mode mode, struct cmdline *cl,
      char **errp)
{
	const char *redir, *rest;
	struct toks t;

	memset(cl, 0, sizeof(*cl));
	*errp = NULL;
	if (tokenize(text, mode, &t, &redir, &rest, errp)) {
		/* name the command in the message when there is one */
		char *w = xstrdup(text + strspn(text, " \t"));

		w[strcspn(w, " \t\"'(")] = 0;
		cl->cmd = command_of(w);
		free(w);
		return -1;
	}
	if (t.n == 0)
		return 0;
	cl->cmd = command_of(t.v[0].s);
	group(cl, &t, text);
	toks_release(&t);
	if (redir != NULL &&
	    redirect_target(cl, redir[0] == '|' ? "|" : redir[1] == '>' ?
			    ">>" : ">", rest, errp))
		return -1;
	return 0;
}

int
cmd_split(const char *line, char ***argvp, int *argcp, char **errp)
{
	struct cmdline cl;

	*argvp = NULL;
	*argcp = 0;
	if (parse(line, REDIR_NONE, &cl, errp)) {
		cl_release(&cl);
		return -1;
	}
	*argvp = cl.argv != NULL ? cl.argv : xcalloc(1, sizeof(char *));
	*argcp = cl.argc;
	cl.argv = NULL;
	cl.argc = 0;
	cl_release(&cl);
	return 0;
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
 * Running a line
 */

static enum redir_mode
redirect_mode(const struct ctx *ctx)
{
	if (ctx->redirect == REDIRECT_AUTO)
		return ctx->interactive && ctx->in == NULL ? REDIR_ON :
			REDIR_OFF;
	return ctx->redirect == 1 ? REDIR_ON : REDIR_OFF;
}

/* One command, with its output where the line sends it. */
static int
run_command(struct ctx *ctx, const char *text)
{
	struct sink *sink = NULL;
	struct cmdline cl;
	struct error e;
	char *err;
	int r;

	if (parse(text, redirect_mode(ctx), &cl, &err)) {
		cmd_line_error(ctx, cl.cmd, true, "%s", err);
		free(err);
		cl_release(&cl);
		return -1;
	}
	if (cl.argc == 0) {
		cl_release(&cl);
		return 0;
	}
	if (cl.redir && cl.cmd != NULL) {
		sink = sink_open(ctx, cl.kind, cl.target, &e);
		if (sink == NULL) {
			cmd_line_error(ctx, cl.cmd, true, "%s (the command was "
				       "not run)", e.msg);
			cl_release(&cl);
			return -1;
		}
	} else if (pager_wanted(ctx)) {
		sink = sink_open(ctx, SINK_PAGER, NULL, &e);
	}
	r = cmd_run_argv(ctx, cl.argc, cl.argv, cl.lit);
	if (sink != NULL && sink_close(ctx, sink, &e)) {
		if (cl.redir) {
			cmd_line_error(ctx, cl.cmd, false, "%s", e.msg);
			r = -1;
		} else {
			cmd_warn(ctx, "%s ('set pager off' prints without it)",
				 e.msg);
		}
	}
	cl_release(&cl);
	return r;
}

static void
echo_command(struct ctx *ctx, const char *cmd)
{
	size_t l, skip = strspn(cmd, " \t");

	if (!ctx->echo || ctx->json || cmd[skip] == 0)
		return;
	l = strlen(cmd);
	while (l > skip && isspace((unsigned char)cmd[l - 1]))
		l--;
	fprintf(ctx->out, "ptwalk> %.*s\n", (int)(l - skip), cmd + skip);
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
		if (!end && *p == '#' && (p == line ||
					  isspace((unsigned char)p[-1]) ||
					  p[-1] == ';'))
			comment = true;
		if (end || *p == ';' || comment) {
			char *cmd = xasprintf("%.*s", (int)(p - start), start);

			echo_command(ctx, cmd);
			if (run_command(ctx, cmd)) {
				rc = -1;
				ctx->nerr++;
			}
			free(cmd);
			if (end || comment || ctx->quit || (rc && ctx->bail) ||
			    interrupt_pending())
				break;
			start = p + 1;
		}
	}
	return rc;
}
