// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unmap a range of the running process.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
munmap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct error e;
	u64 addr, len;

	if (arg_task_live(ctx, NULL, &t) ||
	    arg_u64(ctx, args->argv[0], "ADDR", &addr) ||
	    arg_u64(ctx, args->argv[1], "LEN", &len))
		return -1;
	if (do_munmap(m, t->mm, addr, len, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "pid %d: unmapped %s-%s\n", t->pid, fva(m, addr),
		   fva(m, addr + ALIGN_UP(len, PAGE_SIZE)));
	j_hex(ctx, "addr", addr);
	j_u64(ctx, "len", ALIGN_UP(len, PAGE_SIZE));
	return 0;
}

const struct cmd cmd_munmap = {
	.name = "munmap",
	.family = FAM_PROCESS,
	.usage = "ADDR LEN",
	.summary = "unmap [ADDR, ADDR+LEN) of the running process",
	.help =
	"do_munmap: VMAs that straddle an end are split (split_vma), those\n"
	"inside are removed with their pages (zap_page_range: PTEs cleared,\n"
	"references dropped, TLB flushed), and page tables left with no VMA\n"
	"over their span are freed (free_pgtables).  Unmapping a hole is not\n"
	"an error.\n",
	.complete = "addr expr",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE,
	.run = munmap_run,
};
