// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * List the CPUs: their page-table roots and control registers.
 */
#include <string.h>

#include "ptwalk/image.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
cpus_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct arch *a = m->arch;
	const char *const *rn = m->img != NULL && m->img->reg_names[0] ?
		m->img->reg_names : a->reg_names;
	int i, r, k;

	j_arr(ctx, "cpus");
	for (i = 0; i < m->ncpus; i++) {
		const struct cpu *c = &m->cpu[i];

		j_obj(ctx, NULL);
		j_int(ctx, "cpu", i);
		j_bool(ctx, "current", i == m->cur);
		out_printf(ctx, "%c cpu%-3d", i == m->cur ? '*' : ' ', i);
		for (r = 0; r < 2; r++) {
			if (a->root_name[r] == NULL)
				continue;
			if (c->root_valid[r]) {
				out_printf(ctx, " %s=%s", a->root_name[r],
					   fpa(m, c->root[r]));
				j_hex(ctx, a->root_name[r], c->root[r]);
			} else {
				out_printf(ctx, " %s=none", a->root_name[r]);
				j_null(ctx, a->root_name[r]);
			}
		}
		if (c->asid) {
			out_printf(ctx, " %s=%u", tag_name(m, true), c->asid);
			j_int(ctx, "asid", c->asid);
		}
		for (k = 0; k < 8 && rn[k]; k++) {
			if (!c->regs[k] || (a->root_name[0] &&
					     !strcmp(rn[k],
						     a->root_name[0])))
				continue;
			out_printf(ctx, " %s=%#llx", rn[k],
				   (unsigned long long)c->regs[k]);
			j_hex(ctx, rn[k], c->regs[k]);
		}
		out_printf(ctx, "\n");
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	return 0;
}

const struct cmd cmd_cpus = {
	.name = "cpus",
	.family = FAM_SESSION,
	.usage = "",
	.summary = "list the CPUs with their page-table roots and registers",
	.help =
	"One line per CPU: its page-table root (x86 CR3; arm TTBR0/TTBR1),\n"
	"the address-space id when there is one, and the control registers\n"
	"a memory image gives (for a QEMU dump: CR0, CR2, CR3, CR4, RIP, RSP,\n"
	"RFLAGS of every CPU).  The current CPU, which walk, translate and x\n"
	"use, is marked with '*'; 'cpu N' changes it.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.run = cpus_run,
};
