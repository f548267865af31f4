// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * List the processes.
 */
#include <string.h>

#include "ptwalk/mm.h"
#include "ptwalk/out.h"

static const char *
state_str(const struct task_struct *t)
{
	if (t->state == TASK_KILLED)
		return t->sig == SIGSEGV ? "killed (SIGSEGV)" :
			"killed (SIGBUS)";
	return t->cpu >= 0 ? "running" : "runnable";
}

static int
ps_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct task_struct *t;
	int sw = 5;

	/* the state column as wide as its widest entry */
	for (t = task_list(m); t != NULL; t = t->next)
		if ((int)strlen(state_str(t)) > sw)
			sw = (int)strlen(state_str(t));
	out_printf(ctx, "  PID  PPID CPU  MINFLT MAJFLT    VSZ    RSS  PGTBL "
		   "%-*s  COMMAND\n", sw, "STATE");
	j_arr(ctx, "tasks");
	for (t = task_list(m); t != NULL; t = t->next) {
		struct mm_struct *mm = t->mm;
		u64 rss = mm->rss[MM_FILEPAGES] + mm->rss[MM_ANONPAGES];
		char cpu[16];

		if (t->cpu >= 0)
			snprintf(cpu, sizeof(cpu), "%d", t->cpu);
		else
			snprintf(cpu, sizeof(cpu), "-");
		out_printf(ctx, "%c%4d %5d %3s %7llu %6llu %6lluK %5lluK %5lluK "
			   "%-*s  %s\n", t->cpu == m->cur ? '*' : ' ', t->pid,
			   t->ppid, cpu, (unsigned long long)t->min_flt,
			   (unsigned long long)t->maj_flt,
			   (unsigned long long)(mm->total_vm * 4),
			   (unsigned long long)(rss * 4),
			   (unsigned long long)(mm->pgtables_bytes >> 10),
			   sw, state_str(t), t->comm);
		j_obj(ctx, NULL);
		j_int(ctx, "pid", t->pid);
		j_int(ctx, "ppid", t->ppid);
		j_int(ctx, "cpu", t->cpu);
		j_u64(ctx, "min_flt", t->min_flt);
		j_u64(ctx, "maj_flt", t->maj_flt);
		j_u64(ctx, "vsz_kb", mm->total_vm * 4);
		j_u64(ctx, "rss_kb", rss * 4);
		j_u64(ctx, "rss_anon_kb", mm->rss[MM_ANONPAGES] * 4);
		j_u64(ctx, "rss_file_kb", mm->rss[MM_FILEPAGES] * 4);
		j_u64(ctx, "pgtables_kb", mm->pgtables_bytes >> 10);
		j_hex(ctx, "pgd", mm->pgd);
		j_str(ctx, "state", state_str(t));
		j_str(ctx, "comm", t->comm);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	return 0;
}

const struct cmd cmd_ps = {
	.name = "ps",
	.family = FAM_PROCESS,
	.usage = "",
	.summary = "list the processes: fault counts, sizes, state",
	.help =
	"One line per process: PID, parent, the CPU it runs on (* marks the\n"
	"current CPU's), the page-fault counters of /proc/PID/stat (minflt:\n"
	"resolved without I/O; majflt: a page read from a file), VSZ (all\n"
	"VMAs) and RSS (pages mapped, file + anonymous) in kB, the page\n"
	"tables (VmPTE), the state and the command name.  A process killed\n"
	"by a signal stays listed, with its address space, until 'exit PID'.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM,
	.run = ps_run,
};
