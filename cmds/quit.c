// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Leave ptwalk.
 */
#include "ptwalk/cmd.h"

static int
quit_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	long st = -1;

	if (args->argc > 0 &&
	    arg_int(ctx, args->argv[0], "STATUS", 0, 255, &st))
		return -1;
	ctx->quit = true;
	ctx->quit_status = (int)st;
	return 0;
}

const struct cmd cmd_quit = {
	.name = "quit",
	.aliases = "q",
	.family = FAM_SESSION,
	.usage = "[STATUS]",
	.summary = "leave ptwalk (also Ctrl-D at the prompt)",
	.help =
	"Stops reading commands: at the prompt, in a command file and in -c\n"
	"alike (Ctrl-D at the prompt and the end of the input do the same).\n"
	"With STATUS (0-255) ptwalk exits with that status, whatever failed\n"
	"before.  Without, an interactive session exits 0: a command that\n"
	"failed at the prompt has said so already.  A command file, -c or\n"
	"stdin that is not a terminal exits 1 if any command failed, 2 if an\n"
	"input could not be read (a file that source could not open, a read\n"
	"error, a line with no end), else 0.\n",
	.complete = "expr",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = quit_run,
};
