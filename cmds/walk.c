// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Walk the page tables for a virtual address, level by level.
 */
#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_pid.h"

static int
walk_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct walk w;
	u64 va;

	if (arg_u64(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (args_has(ctx, "--user-pgd")) {
		if (!m->user_pgd_offset)
			return cmd_error(ctx, "--user-pgd: %s", m->pti_why ?
					 m->pti_why : "no kernel page-table "
					 "isolation here: one pgd serves both "
					 "modes");
		machine_walk_user(m, c, va, &w);
	} else {
		machine_walk(m, c, va, &w);
	}
	show_walk(ctx, c, &w, true);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_walk(f, m, c, &w);
		cmd_set_figure(ctx, f);
	}
	if (w.fault == WF_VA_RANGE || w.fault == WF_NONCANONICAL) {
		struct error e;

		machine_check_va(m, va, &e);
		return cmd_error(ctx, "%s", e.msg);
	}
	if (w.fault != WF_NONE) {
		char buf[200];

		machine_fault_reason(m, &w, 0, buf, sizeof(buf));
		return cmd_error(ctx, "%s: %s", fva(m, va), buf);
	}
	cmd_set_value(ctx, w.pa);
	return 0;
}

static const struct cmd_opt walk_opts[] = {
	{ "--user-pgd", NULL, NULL, "walk the PTI user pgd (what user mode "
	  "runs on)" },
	{ NULL, NULL, NULL, NULL },
};

const struct cmd cmd_walk = {
	.name = "walk",
	.aliases = "vtop",
	.family = FAM_TRANSLATION,
	.usage = "VADDR",
	.summary = "walk the page tables for VADDR, every level shown",
	.help =
	"Cuts VADDR into its bit slices (on i386 [31:22|21:12|11:0]) and\n"
	"shows the index each slice gives, then every level of the walk\n"
	"from the current CPU's root (CR3, TTBR): the arithmetic\n"
	"'table + index * entry size = entry address', the raw entry, its\n"
	"decoded bits, and the next table or the page.  Levels the arch\n"
	"folds are named as folded.  Then the physical address, the page\n"
	"size, the rights of the whole translation and the region.  The TLB\n"
	"line says whether the current CPU's TLB holds the address and\n"
	"whether that entry is stale.  A walk always reads the tables (it\n"
	"neither uses nor fills the TLB, and sets no accessed bits).\n"
	"A fault names the level and the reason: not present, reserved bits,\n"
	"a table beyond RAM, a non-canonical or too-wide address.  A mapping\n"
	"that an access would still fault on is a translation, with a note:\n"
	"the access flag clear on arm64 without hardware AF, an old page on\n"
	"arm (Linux's PTE maps it, the hardware entry is empty); only an\n"
	"access (touch) takes that fault.  The value ($_) is the physical\n"
	"address.  'vtop' is the crash(8) name.  With --svg, --png or --pdf\n"
	"it also draws the walk as the textbook figure: the bit slices, the\n"
	"root register, each table with the indexed entry highlighted, the\n"
	"arrows to the next table and to the page, the offset added, the\n"
	"fault where the walk stopped and the TLB's view, also for a walk\n"
	"that faults.\n"
	"With kernel page-table isolation (x86 PTI, see `machine`) a walk\n"
	"reads the kernel pgd, as the kernel does; --user-pgd walks the user\n"
	"pgd (CR3 + 4K) that user mode runs on, where most kernel addresses\n"
	"are not present.\n"
	"\n"
	"On a live process (--pid, attach), no levels can be shown: a\n"
	"process's page tables cannot be read from user space.  walk shows\n"
	"pagemap's view instead, saying so: the VMA, the pagemap entry and\n"
	"its bits (present, swapped, file/shared-anon, uffd-wp, exclusive,\n"
	"soft-dirty, the PFN or swap entry), the frame's kpageflags by name\n"
	"and kpagecount, what the page is (anonymous, THP, the zero page,\n"
	"KSM, hugetlb, page cache) and the mapping's size.\n",
	.complete = "addr",
	.opts = walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_FIGURE,
	.value = VALUE_PA,
	.run = walk_run,
	.run_pid = pid_walk,
};
