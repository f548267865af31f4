// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Fork a process: a copy-on-write child.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
fork_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *p, *c;
	struct error e;

	if (arg_task_live(ctx, args->argc > 0 ? args->argv[0] : NULL, &p))
		return -1;
	if (do_fork(m, p, &c, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "pid %d (%s) forked: child pid %d, pgd %s; pid %d "
		   "keeps running (switch %d to run the child)\n", p->pid,
		   p->comm, c->pid, fpa(m, c->mm->pgd), p->pid, c->pid);
	j_int(ctx, "parent", p->pid);
	j_int(ctx, "pid", c->pid);
	j_hex(ctx, "pgd", c->mm->pgd);
	cmd_set_value(ctx, (u64)c->pid);
	return 0;
}

const struct cmd cmd_fork = {
	.name = "fork",
	.family = FAM_PROCESS,
	.usage = "[PID]",
	.summary = "fork the current process (or PID): a copy-on-write child",
	.help =
	"dup_mm as Linux does it: the child gets a new pgd (kernel half from\n"
	"swapper_pg_dir), a copy of every VMA, and for VMAs holding anonymous\n"
	"pages a copy of their PTEs (copy_page_range): each page gains a\n"
	"reference and a mapping, and writable private PTEs become read-only\n"
	"in parent and child alike, so that the first write of either side\n"
	"faults and copies (do_wp_page), or reuses the page when the other\n"
	"side has let it go.  The child's PTEs are old (pte_mkold).  File\n"
	"VMAs without anonymous pages are not copied: the child faults them\n"
	"in from the page cache.  The parent's TLB entries are flushed.  The\n"
	"parent keeps running; 'switch CHILD' runs the child.  The value ($_)\n"
	"is the child's pid.\n",
	.complete = "pid",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_NUMBER,
	.run = fork_run,
};
