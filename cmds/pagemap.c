// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The /proc/PID/pagemap entry of a user address.
 */
#include <stdlib.h>

#include "ptwalk/arg.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show_pid.h"

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
	out_printf(ctx, "pid %d %s: pagemap entry 0x%016llx (index %llu of "
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

/*
 * A real task's pagemap entry, from its page tables alone: present and
 * the PFN.  The bits that need the struct page or the arch's swap entry
 * format are not made up.
 */
static int
pagemap_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct strbuf warn;
	struct ktask t;
	struct walk w;
	struct error e;
	u64 va, root, pm = 0;
	int f;

	sb_init(&warn);
	if (arg_va(ctx, args->argv[0], "VADDR", &va) ||
	    arg_ktask(ctx, args->argc > 1 ? args->argv[1] : NULL, &t,
		      &warn)) {
		sb_release(&warn);
		return -1;
	}
	sb_release(&warn);
	if (t.mm == 0)
		return cmd_error(ctx, "pid %d (%s) is a kernel thread: no "
				 "address space", t.pid, t.comm);
	if (kva_pa(m, t.pgd, &root, &e))
		return cmd_error(ctx, "pid %d: its mm->pgd: %s", t.pid, e.msg);
	if (mmu_root_index(&m->mmu, va) != 0)
		return cmd_error(ctx, "%s is not a user address", fva(m, va));
	f = mmu_walk(&m->mmu, &m->phys, root, va, &w);
	if (f == WF_NONE)
		pm = PM_PRESENT | (w.pa >> PAGE_SHIFT);
	out_printf(ctx, "pid %d %s: pagemap entry 0x%016llx (index %llu of "
		   "/proc/%d/pagemap, file offset %#llx)\n", t.pid,
		   fva(m, va), (unsigned long long)pm,
		   (unsigned long long)(va >> PAGE_SHIFT), t.pid,
		   (unsigned long long)((va >> PAGE_SHIFT) * 8));
	out_printf(ctx, "  bit 63 present         %d\n", f == WF_NONE);
	if (f == WF_NONE)
		out_printf(ctx, "  bits 0-54 PFN          %#llx (physical %s)\n",
			   (unsigned long long)(pm & PM_PFRAME_MASK),
			   fpa(m, w.pa & PAGE_MASK));
	else if (w.nsteps > 0 && w.step[w.nsteps - 1].entry != 0)
		out_printf(ctx, "  not present: the %s entry %#llx is not "
			   "empty (a swap or migration entry)\n",
			   m->mmu.lv[w.step[w.nsteps - 1].lvl].name,
			   (unsigned long long)w.step[w.nsteps - 1].entry);
	else
		out_printf(ctx, "  not present: nothing mapped there\n");
	out_printf(ctx, "  bits 55-62 (soft-dirty, exclusive, file, swap) "
		   "need the struct page and swap format: not shown\n");
	j_int(ctx, "pid", t.pid);
	j_hex(ctx, "va", va);
	j_hex(ctx, "entry", pm);
	j_bool(ctx, "present", f == WF_NONE);
	if (f == WF_NONE)
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
	"other bit.  The value ($_) is the entry.\n"
	"\n"
	"On a memory image, a real task's entry (PID, or the one chosen with\n"
	"switch) from its page tables: present and the PFN; a non-empty entry\n"
	"that is not present is named as a swap or migration entry.  The\n"
	"other bits need the struct page and are not shown.\n"
	"\n"
	"On a live process (--pid, attach), the entry read from its\n"
	"/proc/PID/pagemap: all the bits above, and a swapped page's swap\n"
	"type and offset.  Without CAP_SYS_ADMIN the PFN reads as 0.\n",
	.complete = "addr pid",
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM,
	.value = VALUE_ENTRY,
	.run = pagemap_run,
	.run_pid = pid_pagemap,
	.run_image = pagemap_image,
};
