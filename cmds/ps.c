// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * List the processes: the simulated ones, or every task of a memory image.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/ktask.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show_proc.h"

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
	struct ps_row *r;
	int n = 0, i = 0;

	for (t = task_list(m); t != NULL; t = t->next)
		n++;
	r = xcalloc((size_t)n + 1, sizeof(*r));
	for (t = task_list(m); t != NULL; t = t->next, i++) {
		struct mm_struct *mm = t->mm;

		r[i].pid = t->pid;
		r[i].ppid = t->ppid;
		r[i].cpu = t->cpu;
		r[i].current = t->cpu == m->cur;
		r[i].min_flt = t->min_flt;
		r[i].maj_flt = t->maj_flt;
		r[i].vsz_kb = mm->total_vm * 4;
		r[i].rss_anon_kb = mm->rss[MM_ANONPAGES] * 4;
		r[i].rss_file_kb = mm->rss[MM_FILEPAGES] * 4;
		r[i].pgtables_kb = mm->pgtables_bytes >> 10;
		r[i].has_mm = true;
		r[i].pgd = mm->pgd;
		r[i].state = state_str(t);
		snprintf(r[i].comm, sizeof(r[i].comm), "%s", t->comm);
	}
	show_ps(ctx, r, n);
	free(r);
	return 0;
}

/* The real tasks: init_task's list, threads included. */
static int
ps_image(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	struct ktask *kt;
	struct ps_row *r;
	struct strbuf warn;
	struct error e;
	u64 kb = PAGE_SIZE >> 10;
	int n, i;

	sb_init(&warn);
	if (ktasks_read(m, &kt, &n, &warn, &e)) {
		sb_release(&warn);
		return cmd_error(ctx, "%s: ps needs the kernel's types and "
				 "init_task", e.msg);
	}
	r = xcalloc((size_t)n + 1, sizeof(*r));
	for (i = 0; i < n; i++) {
		const struct ktask *k = &kt[i];

		r[i].pid = k->pid;
		r[i].ppid = k->ppid;
		r[i].cpu = k->on_cpu ? k->cpu : -1;
		r[i].current = k->on_cpu && k->cpu == machine_cpu(m)->id;
		r[i].min_flt = k->min_flt;
		r[i].maj_flt = k->maj_flt;
		r[i].vsz_kb = k->total_vm * kb;
		r[i].rss_anon_kb = k->rss_anon * kb;
		r[i].rss_file_kb = (k->rss_file + k->rss_shmem) * kb;
		r[i].pgtables_kb = k->pgtables_bytes >> 10;
		r[i].has_mm = k->mm != 0;
		r[i].mm = k->mm;
		r[i].pgd = k->pgd;
		r[i].task = k->addr;
		r[i].state = k->on_cpu && k->state == 'R' ? "running" :
			ktask_state_name(k->state);
		snprintf(r[i].comm, sizeof(r[i].comm), k->mm ? "%s" : "[%s]",
			 k->name);
	}
	show_ps(ctx, r, n);
	if (warn.len)
		out_printf(ctx, "%s", warn.buf);
	free(r);
	free(kt);
	sb_release(&warn);
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
	"by a signal stays listed, with its address space, until 'exit PID'.\n"
	"\n"
	"On a memory image, every task of the real kernel: init_task's list\n"
	"of processes and the threads of each (the idle tasks, pid 0, are not\n"
	"listed, as in /proc), read with the layouts of the dump's BTF (or\n"
	"--btf FILE's, or a --symbols vmlinux's DWARF: see ptype) and\n"
	"ordered by process and pid.  VSZ, RSS (file, anonymous and shmem\n"
	"pages) and the page tables are the mm's counters; the state is\n"
	"/proc's (running, sleeping, disk sleep, idle, stopped, zombie ...);\n"
	"kernel threads have no mm and are shown in brackets, a workqueue\n"
	"worker with its work's description as /proc adds it (+ working,\n"
	"- idle).  JSON adds each\n"
	"task's task_struct and mm.  A list that cycles or leaves the dump\n"
	"ends with a line saying so.  init_task comes from the kernel's\n"
	"symbols, else it is the task named swapper/0 in the kernel image.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM,
	.run = ps_run,
	.run_image = ps_image,
};
