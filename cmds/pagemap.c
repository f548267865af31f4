// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The /proc/PID/pagemap entry of a user address.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"

static int
pagemap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct vm_area_struct *v;
	u64 va, pm;

	if (arg_task_live(ctx, args->argc > 1 ? args->argv[1] : NULL, &t) ||
	    arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (va >= t->mm->task_size)
		return cmd_error(ctx, "%s is not a user address (TASK_SIZE is "
				 "%s)", fva(m, va), fva(m, t->mm->task_size));
	pm = pagemap_entry(m, t->mm, va);
	v = find_vma(t->mm, va);
	out_printf(ctx, "pid %d %s: pagemap entry %#018llx (index %llu of "
		   "/proc/%d/pagemap, file offset %#llx)\n", t->pid,
		   fva(m, va), (unsigned long long)pm,
		   (unsigned long long)(va >> PAGE_SHIFT), t->pid,
		   (unsigned long long)((va >> PAGE_SHIFT) * 8));
	out_printf(ctx, "  bit 63 present         %d\n", !!(pm & PM_PRESENT));
	out_printf(ctx, "  bit 62 swapped         %d\n", !!(pm & PM_SWAP));
	out_printf(ctx, "  bit 61 file/shared-anon %d\n", !!(pm & PM_FILE));
	out_printf(ctx, "  bit 57 uffd-wp         %d\n", !!(pm & PM_UFFD_WP));
	out_printf(ctx, "  bit 56 exclusive       %d  (1: mapped exactly once)\n",
		   !!(pm & PM_MMAP_EXCLUSIVE));
	out_printf(ctx, "  bit 55 soft-dirty      %d\n", !!(pm & PM_SOFT_DIRTY));
	if (pm & PM_PRESENT)
		out_printf(ctx, "  bits 0-54 PFN          %#llx (physical %s)\n",
			   (unsigned long long)(pm & PM_PFRAME_MASK),
			   fpa(m, (pm & PM_PFRAME_MASK) << PAGE_SHIFT));
	else
		out_printf(ctx, "  not present: %s\n", v == NULL ||
			   v->vm_start > va ? "no VMA here" : "the page was "
			   "never touched (or was unmapped)");
	j_int(ctx, "pid", t->pid);
	j_hex(ctx, "va", va);
	j_hex(ctx, "entry", pm);
	j_bool(ctx, "present", pm & PM_PRESENT);
	j_bool(ctx, "file", pm & PM_FILE);
	j_bool(ctx, "exclusive", pm & PM_MMAP_EXCLUSIVE);
	if (pm & PM_PRESENT)
		j_hex(ctx, "pfn", pm & PM_PFRAME_MASK);
	cmd_set_value(ctx, pm);
	return 0;
}

const struct cmd cmd_pagemap = {
	.name = "pagemap",
	.family = FAM_PROCESS,
	.usage = "VADDR [PID]",
	.summary = "the /proc/PID/pagemap entry of a user address",
	.help =
	"The 64-bit word Linux's /proc/PID/pagemap holds for the page of\n"
	"VADDR (pte_to_pagemap_entry): bit 63 present, 62 swapped, 61 a file\n"
	"page or shared anonymous page, 57 uffd write-protected, 56 mapped\n"
	"exclusively (mapcount 1), 55 soft-dirty, bits 0-54 the PFN (shown as\n"
	"to a privileged reader).  The shared zero page is present with no\n"
	"other bit.  The value ($_) is the entry.\n",
	.complete = "addr pid",
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM,
	.value = VALUE_ENTRY,
	.run = pagemap_run,
};
