// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Print text.
 */
#include "ptwalk/out.h"

static int
echo_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct strbuf sb;
	int i;

	sb_init(&sb);
	for (i = 0; i < args->argc; i++)
		sb_addf(&sb, "%s%s", i > 0 ? " " : "", args->argv[i]);
	out_printf(ctx, "%s\n", sb.buf);
	j_str(ctx, "text", sb.buf);
	sb_release(&sb);
	return 0;
}

const struct cmd cmd_echo = {
	.name = "echo",
	.family = FAM_SESSION,
	.usage = "[TEXT...]",
	.summary = "print TEXT (for headings in scripts)",
	.help =
	"Prints its words as they are, separated by single spaces: nothing\n"
	"is computed, and words starting with '-' are printed too.  Quotes\n"
	"keep spaces, ';' and '#' inside one word.  To show values ($_, $N,\n"
	"registers, symbols, expressions) use printf or print:\n"
	"printf \"pa %#x\\n\", $_.\n",
	.complete = "args",
	.min_args = 0,
	.max_args = -1,
	.flags = CMD_NOMACHINE,
	.run = echo_run,
};
