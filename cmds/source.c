// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Run the commands of a file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/script.h"

static int
source_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *from = ctx->in != NULL ? ctx->in->name : NULL;
	int nerr = ctx->nerr, r;
	struct error e;
	bool other_dir;
	char *path;

	path = script_resolve(ctx, args->argv[0], &other_dir);
	error_clear(&e);
	r = script_run_file(ctx, path, 0, &e);
	if (r == -2) {
		/* a file that cannot be opened is an unreadable input */
		if (e.code != -ELOOP)
			ctx->read_failed = true;
		if (e.code == -ENOENT && other_dir)
			r = cmd_error(ctx, "%s (nor in the directory of %s)",
				      e.msg, from);
		else
			r = cmd_error(ctx, "%s", e.msg);
	} else if (r == -3) {
		r = cmd_error(ctx, "'%s' could not be read to its end", path);
	} else if (ctx->nerr > nerr) {
		r = cmd_error(ctx, "%d command%s in '%s' failed", ctx->nerr -
			      nerr, ctx->nerr - nerr == 1 ? "" : "s", path);
	}
	free(path);
	return r ? -1 : 0;
}

const struct cmd cmd_source = {
	.name = "source",
	.family = FAM_SESSION,
	.usage = "FILE",
	.summary = "run the commands in FILE",
	.help =
	"Reads FILE line by line as if typed: '#' starts a comment, ';'\n"
	"separates commands, blank lines are skipped.  Errors name FILE:LINE;\n"
	"from one file only the first 100 are printed, then a count of the\n"
	"others.  Inside a command file a relative FILE is looked for first\n"
	"in the directory of that file, then in the current directory.\n"
	"FILE must be a regular file (not a directory, FIFO or device).\n"
	"Lines hold at most 65535 characters: a longer line is skipped, and\n"
	"a line with no end within 1 MiB stops the reading.  Files may\n"
	"source other files up to 16 deep; a file that is already being\n"
	"read is refused (a source loop).  With --bail the first failing\n"
	"command stops the file.  A file that cannot be read makes the exit\n"
	"status of a command file or -c run 2.\n",
	.complete = "file",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = source_run,
};
