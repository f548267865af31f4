// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate virtually contiguous kernel memory in the vmalloc area
 * (vmalloc), zeroed (vzalloc).
 */
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"

extern const struct cmd cmd_vzalloc;

static int
vmalloc_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	bool zero = cmd_entry(ctx) == &cmd_vzalloc;
	u64 purges = vmalloc_of(m)->nr_purges;
	struct kreg_before b;
	struct error e;
	u64 size, va;

	if (arg_u64(ctx, args->argv[0], "SIZE", &size))
		return -1;
	kreg_sample(m, &b);
	va = zero ? vzalloc(m, size, "cmd_vzalloc [ptwalk]", &e) :
		vmalloc(m, size, "cmd_vmalloc [ptwalk]", &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "%s(%llu) = %s\n", cmd_entry(ctx)->name,
		   (unsigned long long)size, fva(m, va));
	if (vmalloc_of(m)->nr_purges != purges)
		out_printf(ctx, "  purge  no room without the lazily freed "
			   "areas: purged them (one TLB flush) and retried\n");
	show_area(ctx, find_vm_area(m, va), va, &b);
	show_opt_walk(ctx, va);
	cmd_set_value(ctx, va);
	return 0;
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
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = vmalloc_run,
};

const struct cmd cmd_vzalloc = {
	.name = "vzalloc",
	.family = FAM_REGIONS,
	.usage = "[--walk] SIZE",
	.summary = "vmalloc SIZE bytes filled with zeroes",
	.help =
	"vzalloc(size) is vmalloc with __GFP_ZERO: every page is cleared\n"
	"when the buddy allocator hands it out (highmem pages through a\n"
	"temporary mapping in Linux), so 'x' shows zeroes.  Everything else\n"
	"is as 'help vmalloc' says; free it with 'vfree ADDR'.\n",
	.complete = "expr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = vmalloc_run,
};
