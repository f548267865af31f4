// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * End a process (not ptwalk: that is quit).
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
exit_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct error e;
	int pid;
	u64 rss, pt;

	if (args->argc == 0 && current_task(m) == NULL && task_list(m) == NULL)
		return cmd_error(ctx, "no process is left; 'exit' ends a "
				 "simulated process, 'quit' leaves ptwalk");
	if (args->argc == 0 && current_task(m) == NULL)
		return cmd_error(ctx, "no process runs on cpu%d (give a PID); "
				 "'exit' ends a simulated process, 'quit' "
				 "leaves ptwalk", m->cur);
	if (arg_task(ctx, args->argc > 0 ? args->argv[0] : NULL, &t))
		return -1;
	pid = t->pid;
	rss = t->mm->rss[MM_ANONPAGES] + t->mm->rss[MM_FILEPAGES];
	pt = t->mm->pgtables_bytes >> PAGE_SHIFT;
	do_exit(m, t, &e);
	show_trace(ctx);
	out_printf(ctx, "pid %d exited: %llu mapped pages and %llu page-table "
		   "pages released (page cache pages stay cached)\n", pid,
		   (unsigned long long)rss, (unsigned long long)pt);
	j_int(ctx, "pid", pid);
	j_u64(ctx, "pages", rss);
	j_u64(ctx, "pgtables", pt);
	return 0;
}

const struct cmd cmd_exit = {
	.name = "exit",
	.family = FAM_PROCESS,
	.usage = "[PID]",
	.summary = "end the current process (or PID) and free its memory",
	.help =
	"do_exit: the process's address space goes (exit_mm, exit_mmap): every\n"
	"PTE is cleared, anonymous pages whose last reference goes are freed,\n"
	"page cache pages lose a mapping but stay cached for the next user,\n"
	"and the page tables and the pgd are freed.  A CPU that ran it goes\n"
	"idle on swapper_pg_dir (switch to another process).  This ends a\n"
	"simulated process; 'quit' leaves ptwalk.  ptwalk lets pid 1 exit\n"
	"too, where Linux would panic.\n",
	.complete = "pid",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.run = exit_run,
};
