// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Command files, -c strings and stdin: one loop that keeps FILE:LINE for
 * every error, stops on `quit` and, with --bail, at the first failure.
 *
 * Lines are read into a buffer of fixed size whatever the input: a line
 * longer than SCRIPT_MAX_LINE is never stored, only skipped to its end,
 * and an input whose line has no end within SCRIPT_MAX_SKIP bytes (a
 * device, a binary file) is not read further.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ptwalk/script.h"

enum line_status {
	LINE_OK,	/* the line, without its newline, is in the buffer */
	LINE_LONG,	/* longer than SCRIPT_MAX_LINE: skipped to its end */
	LINE_ENDLESS,	/* no newline within SCRIPT_MAX_SKIP bytes */
	LINE_EOF,
	LINE_ERROR,	/* a read error: errno says which */
};

struct line {
	char buf[SCRIPT_MAX_LINE + 2];
	size_t len;	/* the line's length, also when it was not kept */
	bool nul;	/* it holds a NUL byte */
};

static enum line_status
read_line(FILE *f, struct line *l, volatile sig_atomic_t *intr)
{
	size_t n = 0;
	int c;

	l->nul = false;
	for (;;) {
		c = getc_unlocked(f);
		if (c == EOF) {
			if (ferror(f) && errno == EINTR &&
			    !(intr != NULL && *intr)) {
				clearerr(f);
				continue;
			}
			if (ferror(f))
				return LINE_ERROR;
			if (n == 0)
				return LINE_EOF;
			break;		/* a last line without a newline */
		}
		if (c == '\n')
			break;
		/* one byte past the limit: a '\r' there ends a line at the limit */
		if (n <= SCRIPT_MAX_LINE)
			l->buf[n] = (char)c;
		if (c == 0)
			l->nul = true;
		if (++n > SCRIPT_MAX_SKIP) {
			l->len = n;
			return LINE_ENDLESS;
		}
	}
	if (n > 0 && n <= SCRIPT_MAX_LINE + 1 && l->buf[n - 1] == '\r')
		n--;
	l->len = n;
	if (n > SCRIPT_MAX_LINE)
		return LINE_LONG;
	l->buf[n] = 0;
	return LINE_OK;
}

/*
 * A message about the input itself.  A skipped line counts as the errors
 * of commands do; why reading stopped is always said (last).
 */
static void
input_error(struct ctx *ctx, bool last, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
input_error(struct ctx *ctx, bool last, const char *fmt, ...)
{
	va_list ap;

	fflush(ctx->out);
	if (!last && !cmd_error_shown(ctx))
		return;
	fprintf(stderr, "%s:%d: ", ctx->in->name, ctx->in->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Whether reading goes on after a line that could not be run. */
static bool
bad_line(struct ctx *ctx, enum line_status st, const struct line *l)
{
	const char *name = ctx->in->name;

	switch (st) {
	case LINE_LONG:
		input_error(ctx, false, "line too long (%zu characters; the limit is "
			    "%d): skipped", l->len, SCRIPT_MAX_LINE);
		break;
	case LINE_ENDLESS:
		input_error(ctx, true, "no end of line within %d MiB%s: stopped reading "
			    "%s", SCRIPT_MAX_SKIP >> 20, l->nul ? " (NUL bytes: "
			    "not a command file?)" : "", name);
		ctx->read_failed = true;
		return false;
	case LINE_ERROR:
		input_error(ctx, true, "cannot read %s: %s", name, strerror(errno));
		ctx->read_failed = true;
		return false;
	default:
		input_error(ctx, false, "NUL byte in the line: not a command file?");
		break;
	}
	ctx->nerr++;
	return !ctx->bail;
}

static int
run_lines(struct ctx *ctx, FILE *f)
{
	struct cmd_input *in = ctx->in;
	struct line *l = xmalloc(sizeof(*l));
	enum line_status st;
	int rc = 0;

	while ((st = read_line(f, l, ctx->interrupted)) != LINE_EOF) {
		in->line++;
		if (ctx->interrupted && *ctx->interrupted)
			break;
		if (st != LINE_OK || l->nul) {
			rc = -1;
			if (bad_line(ctx, st, l))
				continue;
			if (st == LINE_ENDLESS || st == LINE_ERROR)
				rc = -3;
			break;
		}
		if (cmd_run_line(ctx, l->buf))
			rc = -1;
		if (ctx->quit || (rc && ctx->bail))
			break;
		if (ctx->interrupted && *ctx->interrupted)
			break;
	}
	if (in->hidden_errs > 0) {
		fflush(ctx->out);
		fprintf(stderr, "%s: ... %d more error%s (only the first %d of "
			"an input are shown)\n", in->name, in->hidden_errs,
			in->hidden_errs == 1 ? "" : "s", CMD_MAX_SHOWN_ERRS);
	}
	free(l);
	return rc;
}

/*
 * Read f as a new input on top of the session's: name in messages, path
 * (NULL for streams) where `source` starts from, real its real path (a
 * source loop; freed here).
 */
static int
run_input(struct ctx *ctx, FILE *f, const char *name, const char *path,
	  char *real)
{
	struct cmd_input in = {
		.parent = ctx->in,
		.name = name,
		.path = path,
		.real = real,
		.depth = ctx->in != NULL ? ctx->in->depth + 1 : 1,
	};
	int rc;

	ctx->in = &in;
	rc = run_lines(ctx, f);
	ctx->in = in.parent;
	free(real);
	return rc;
}

/* A path that names a descriptor already open: the user chose a stream. */
static bool
names_descriptor(const char *path)
{
	return !strcmp(path, "/dev/stdin") || !strncmp(path, "/dev/fd/", 8) ||
	       !strncmp(path, "/proc/self/fd/", 14);
}

int
script_run_file(struct ctx *ctx, const char *path, unsigned flags,
		struct error *e)
{
	const struct cmd_input *in;
	char real[PATH_MAX];
	FILE *f;
	int rc;

	if (ctx->in != NULL && ctx->in->depth >= SCRIPT_MAX_DEPTH) {
		error_set(e, -ELOOP, "too many nested files (the limit is %d)",
			  SCRIPT_MAX_DEPTH);
		return -2;
	}
	if ((flags & SCRIPT_ARG) && !strcmp(path, "-"))
		return run_input(ctx, stdin, "<stdin>", NULL, NULL);
	f = host_fopen(path, (flags & SCRIPT_ARG) && names_descriptor(path) ?
		       HOST_OPEN_STREAM : 0, "command file", e);
	if (f == NULL)
		return -2;
	if (realpath(path, real) == NULL)
		snprintf(real, sizeof(real), "%s", path);
	for (in = ctx->in; in != NULL; in = in->parent)
		if (in->real != NULL && !strcmp(in->real, real)) {
			fclose(f);
			error_set(e, -ELOOP, "'%s' is already being read: a "
				  "source loop", path);
			return -2;
		}
	/* a descriptor has no directory for `source` to start from */
	rc = run_input(ctx, f, path, names_descriptor(path) ? NULL : path,
		       xstrdup(real));
	fclose(f);
	return rc;
}

char *
script_resolve(const struct ctx *ctx, const char *path, bool *other_dir)
{
	const char *from = ctx->in != NULL ? ctx->in->path : NULL;
	const char *slash = from != NULL ? strrchr(from, '/') : NULL;
	struct stat st;
	char *p;

	*other_dir = false;
	if (path[0] == '/' || slash == NULL)
		return xstrdup(path);
	p = xasprintf("%.*s/%s", (int)(slash - from), from, path);
	if (stat(p, &st) == 0)
		return p;
	free(p);
	*other_dir = true;
	return xstrdup(path);
}

int
script_run_stream(struct ctx *ctx, FILE *f, const char *name)
{
	return run_input(ctx, f, name, NULL, NULL);
}

int
script_run_string(struct ctx *ctx, const char *name, const char *text)
{
	FILE *f;
	int rc;

	if (*text == 0)
		return 0;
	f = fmemopen((void *)text, strlen(text), "r");
	if (f == NULL)
		return -1;
	rc = run_input(ctx, f, name, NULL, NULL);
	fclose(f);
	return rc;
}
