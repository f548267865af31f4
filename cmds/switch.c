// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Run another process on the current CPU.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
switch_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t;
	struct error e;

	if (arg_task_live(ctx, args->argv[0], &t))
		return -1;
	if (switch_to(m, c, t, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "cpu%d runs pid %d (%s): %s %s, %s %u\n", c->id,
		   t->pid, t->comm, m->arch->root_name[0], fpa(m, c->root[0]),
		   tag_name(m, false), c->asid);
	j_int(ctx, "pid", t->pid);
	j_int(ctx, "cpu", c->id);
	j_hex(ctx, "root", c->root[0]);
	j_int(ctx, "asid", c->asid);
	cmd_set_value(ctx, c->root[0]);
	return 0;
}

const struct cmd cmd_switch = {
	.name = "switch",
	.family = FAM_PROCESS,
	.usage = "PID",
	.summary = "run process PID on the current CPU (load its pgd)",
	.help =
	"A context switch as switch_mm does it: the CPU's root register\n"
	"(CR3 on x86, TTBR0 on arm and arm64) gets the process's pgd, with\n"
	"the TLB consequences of the arch.  x86 without PCID (i386,\n"
	"i386-pae): a CR3 write drops every non-global TLB entry; the\n"
	"kernel's global entries stay.  x86_64 with PCID: Linux keeps the 6\n"
	"most recent address spaces per CPU (TLB_NR_DYN_ASIDS), tagged PCID\n"
	"1..6; coming back to one whose entries are still good flushes\n"
	"nothing (CR3 bit 63, NOFLUSH).  arm/arm64: ASIDs with generations;\n"
	"a new generation (all ASIDs used) flushes every TLB.  The process\n"
	"that ran here before keeps its state.  The value ($_) is the new\n"
	"root.\n",
	.complete = "pid",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_PA,
	.run = switch_run,
};
