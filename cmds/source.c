// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Run the commands of a file.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/script.h"

static int
source_run(struct ctx *ctx, int argc, char **argv)
{
	int nerr = ctx->nerr, r;

	(void)argc;
	r = script_run_file(ctx, argv[1]);
	if (r == -2)
		return cmd_error(ctx, "cannot read '%s': %s", argv[1],
				 strerror(errno));
	if (r == -3)
		return cmd_error(ctx, "'%s' is already being read: a source "
				 "loop", argv[1]);
	if (r && ctx->depth + 1 >= SCRIPT_MAX_DEPTH && ctx->nerr == nerr)
		return cmd_error(ctx, "too many nested files (the limit is %d)",
				 SCRIPT_MAX_DEPTH);
	if (ctx->nerr > nerr)
		return cmd_error(ctx, "%d command%s in '%s' failed",
				 ctx->nerr - nerr, ctx->nerr - nerr == 1 ? "" :
				 "s", argv[1]);
	return 0;
}

const struct cmd cmd_source = {
	.name = "source",
	.family = FAM_SESSION,
	.usage = "FILE",
	.summary = "run the commands in FILE",
	.help =
	"Reads FILE line by line as if typed: '#' starts a comment, ';'\n"
	"separates commands, blank lines are skipped.  Errors name FILE:LINE.\n"
	"Files may source other files up to 16 deep; a file that is already\n"
	"being read is refused (a source loop).  With --bail the first\n"
	"failing command stops the file.\n",
	.complete = "file",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = source_run,
};
