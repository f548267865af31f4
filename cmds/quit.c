// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Leave ptwalk.
 */
#include "ptwalk/cmd.h"

static int
quit_run(struct ctx *ctx, int argc, char **argv)
{
	long st = -1;

	if (argc > 1 && arg_int(ctx, argv[1], "STATUS", 0, 255, &st))
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
	"alike.  With STATUS (0-255) ptwalk exits with that status; without,\n"
	"the status says whether any command failed (0 none, 1 some).\n",
	.complete = "expr",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = quit_run,
};
