// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate zeroed, virtually contiguous kernel memory.
 */
#include "ptwalk/show_kreg.h"

static int
vzalloc_run(struct ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return kreg_vmalloc_run(ctx, argv[1], true);
}

const struct cmd cmd_vzalloc = {
	.name = "vzalloc",
	.family = FAM_REGIONS,
	.usage = "[--walk] SIZE",
	.summary = "vmalloc SIZE bytes filled with zeroes",
	.help =
	"vzalloc(size) is vmalloc with __GFP_ZERO: every page is cleared\n"
	"when the buddy allocator hands it out (highmem pages through a\n"
	"temporary mapping in Linux), so 'x' shows zeroes.  Everything else\n"
	"is as 'help vmalloc' says; free it with 'vfree ADDR'.\n",
	.complete = "expr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = vzalloc_run,
};
