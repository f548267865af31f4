// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Show or move the program break (the heap).
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
brk_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct mm_struct *mm;
	struct error e;
	u64 want, got, old;

	if (arg_task_live(ctx, NULL, &t))
		return -1;
	mm = t->mm;
	old = mm->brk;
	if (args->argc == 0) {
		out_printf(ctx, "pid %d: start_brk %s, brk %s (heap %s)\n",
			   t->pid, fva(m, mm->start_brk), fva(m, mm->brk),
			   fsize(mm->brk - mm->start_brk));
		j_hex(ctx, "start_brk", mm->start_brk);
		j_hex(ctx, "brk", mm->brk);
		cmd_set_value(ctx, mm->brk);
		return 0;
	}
	if (args->argv[0][0] == '+' || args->argv[0][0] == '-') {
		u64 d;

		if (arg_u64(ctx, args->argv[0] + 1, "INCREMENT", &d))
			return -1;
		if (args->argv[0][0] == '+' ? old + d < old : d > old)
			return cmd_error(ctx, "%s: the break would wrap",
					 args->argv[0]);
		want = args->argv[0][0] == '+' ? old + d : old - d;
	} else if (arg_u64(ctx, args->argv[0], "ADDR", &want)) {
		return -1;
	}
	if (do_brk(m, mm, want, &got, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "pid %d: brk %s -> %s (heap %s)\n", t->pid,
		   fva(m, old), fva(m, got), fsize(got - mm->start_brk));
	j_hex(ctx, "old", old);
	j_hex(ctx, "brk", got);
	cmd_set_value(ctx, got);
	return 0;
}

const struct cmd cmd_brk = {
	.name = "brk",
	.family = FAM_PROCESS,
	.usage = "[ADDR | +INCR | -DECR]",
	.summary = "show or move the running process's program break",
	.help =
	"The brk system call (mm/mmap.c): the heap runs from start_brk (the\n"
	"page after the bss, with randomisation off) to brk.  Growing it\n"
	"extends the anonymous VMA that ends at the old break (or makes one:\n"
	"[heap] in maps), failing when it would come too close to the next\n"
	"VMA; shrinking unmaps the whole pages above the new break.  +INCR\n"
	"and -DECR move it like sbrk.  New heap pages arrive by page faults.\n"
	"The value ($_) is the new break.\n",
	.complete = "addr",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_VA,
	.run = brk_run,
};
