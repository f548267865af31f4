// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Command files, -c strings and stdin: one loop that keeps FILE:LINE for
 * every error, stops on `quit` and, with --bail, at the first failure.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/script.h"

/* Files being read, innermost last: loops are refused by name. */
static char *open_files[SCRIPT_MAX_DEPTH + 1];
static int nopen;

static int
run_lines(struct ctx *ctx, FILE *f, const char *name)
{
	const char *osrc = ctx->src;
	int oline = ctx->line, rc = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	ctx->src = name;
	ctx->line = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		ctx->line++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = 0;
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = 0;
		if (len > SCRIPT_MAX_LINE) {
			fflush(ctx->out);
			fprintf(stderr, "%s:%d: line too long (%zd characters; "
				"the limit is %d): skipped\n", name, ctx->line,
				len, SCRIPT_MAX_LINE);
			ctx->nerr++;
			rc = -1;
			if (ctx->bail)
				break;
			continue;
		}
		if (memchr(line, 0, (size_t)len) != NULL) {
			fflush(ctx->out);
			fprintf(stderr, "%s:%d: NUL byte in the line: not a "
				"command file?\n", name, ctx->line);
			ctx->nerr++;
			rc = -1;
			if (ctx->bail)
				break;
			continue;
		}
		if (cmd_run_line(ctx, line))
			rc = -1;
		if (ctx->quit || (rc && ctx->bail))
			break;
		if (ctx->interrupted && *ctx->interrupted)
			break;
	}
	free(line);
	ctx->src = osrc;
	ctx->line = oline;
	return rc;
}

int
script_run_file(struct ctx *ctx, const char *path)
{
	char real[PATH_MAX];
	FILE *f;
	int rc, i;

	if (nopen >= SCRIPT_MAX_DEPTH) {
		fflush(ctx->out);
		fprintf(stderr, "%s%s%d: source: too many nested files (the "
			"limit is %d)\n", ctx->src ? ctx->src : "",
			ctx->src ? ":" : "", ctx->line, SCRIPT_MAX_DEPTH);
		return -1;
	}
	f = fopen(path, "r");
	if (f == NULL)
		return -2;
	if (realpath(path, real) == NULL)
		snprintf(real, sizeof(real), "%s", path);
	for (i = 0; i < nopen; i++)
		if (!strcmp(open_files[i], real)) {
			fclose(f);
			errno = ELOOP;
			return -3;
		}
	open_files[nopen++] = xstrdup(real);
	ctx->depth++;
	rc = run_lines(ctx, f, path);
	ctx->depth--;
	free(open_files[--nopen]);
	fclose(f);
	return rc;
}

int
script_run_stream(struct ctx *ctx, FILE *f, const char *name)
{
	return run_lines(ctx, f, name);
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
	rc = run_lines(ctx, f, name);
	fclose(f);
	return rc;
}
