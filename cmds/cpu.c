// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Switch the current CPU.
 */
#include "ptwalk/out.h"

static int
cpu_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct arch *a = m->arch;
	const struct cpu *c;
	long n;
	int r;

	if (args->argc < 1) {
		out_printf(ctx, "current cpu%d of %d\n", m->cur, m->ncpus);
		j_int(ctx, "cpu", m->cur);
		cmd_set_value(ctx, (u64)m->cur);
		return 0;
	}
	if (arg_int(ctx, args->argv[0], "N", 0, m->ncpus - 1, &n))
		return -1;
	m->cur = (int)n;
	c = machine_cpu(m);
	out_printf(ctx, "cpu%d", m->cur);
	j_int(ctx, "cpu", m->cur);
	for (r = 0; r < 2; r++) {
		if (a->root_name[r] == NULL)
			continue;
		if (c->root_valid[r]) {
			out_printf(ctx, "  %s=%s", a->root_name[r],
				   fpa(m, c->root[r]));
			j_hex(ctx, a->root_name[r], c->root[r]);
		} else {
			out_printf(ctx, "  %s: no page-table root", a->root_name[r]);
		}
	}
	out_printf(ctx, "\n");
	cmd_set_value(ctx, (u64)m->cur);
	return 0;
}

const struct cmd cmd_cpu = {
	.name = "cpu",
	.family = FAM_SESSION,
	.usage = "[N]",
	.summary = "make CPU N the current one (its root, its TLB)",
	.help =
	"Makes CPU N current: walk, translate, x and tlb then use its\n"
	"page-table root (on a memory image, the CR3 or TTBR the dump\n"
	"recorded for that CPU) and its TLB.  Without N, prints the current\n"
	"CPU.  The value is the CPU number.  'cpus' lists them.\n",
	.complete = "expr",
	.min_args = 0,
	.max_args = 1,
	.value = VALUE_NUMBER,
	.run = cpu_run,
};
