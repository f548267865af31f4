// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate virtually contiguous kernel memory in the vmalloc area.
 */
#include "ptwalk/show_kreg.h"

static int
vmalloc_run(struct ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return kreg_vmalloc_run(ctx, argv[1], false);
}

const struct cmd cmd_vmalloc = {
	.name = "vmalloc",
	.family = FAM_REGIONS,
	.usage = "[--walk] SIZE",
	.summary = "allocate SIZE bytes in the vmalloc area; the value is the address",
	.help =
	"vmalloc(size) as Linux 6.1 does it: the size rounds up to whole\n"
	"pages; alloc_vmap_area() reserves the lowest free range of\n"
	"VMALLOC_START..VMALLOC_END that holds them plus a 4K guard page (left\n"
	"unmapped, so that an overrun faults); the pages come one at a time\n"
	"from the buddy allocator with GFP_KERNEL | __GFP_HIGHMEM (highmem\n"
	"first where there is any) and each is mapped by its own PTE in\n"
	"swapper_pg_dir (init_mm) with PAGE_KERNEL.  The frames need not be\n"
	"contiguous: the output lists them as runs of consecutive pfns, and\n"
	"'walk' of any page of the area shows where it really is.  The\n"
	"pages array (struct page *pages[nr_pages]) is kmalloc'ed when it\n"
	"fits in a page, else vmalloc'ed itself (\"vpages\" in vmallocinfo).\n"
	"The value ($_) is the address; free it with 'vfree ADDR'.\n"
	"ptwalk names the caller of each area after the command that asked\n"
	"(cmd_vmalloc [ptwalk]), as if ptwalk were a module.  Simplified:\n"
	"vm_struct and vmap_area live in host memory (Linux kmallocs them).\n",
	.complete = "expr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.run = vmalloc_run,
};
