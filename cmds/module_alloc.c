// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Allocate memory in the module area, as the module loader does.
 */
#include "ptwalk/module.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"

static int
module_alloc_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kreg_before b;
	struct error e;
	u64 size, va, start, end;

	if (arg_u64(ctx, args->argv[0], "SIZE", &size))
		return -1;
	kreg_sample(m, &b);
	va = module_alloc(m, size, "cmd_module_alloc [ptwalk]", &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	module_range(m, &start, &end);
	out_printf(ctx, "module_alloc(%llu) = %s\n", (unsigned long long)size,
		   fva(m, va));
	out_printf(ctx, "  range  %s-%s (%s)\n", fva(m, start),
		   fva(m, end - 1), start == m->lay.vmalloc_start ?
		   "MODULES_VADDR = VMALLOC_START: the vmalloc area" :
		   start == m->lay.modules_vaddr ? "MODULES_VADDR..MODULES_END" :
		   "module_alloc_base = _etext - 128M, as without KASLR");
	show_area(ctx, find_vm_area(m, va), va, &b);
	show_opt_walk(ctx, va);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_module_alloc = {
	.name = "module_alloc",
	.family = FAM_REGIONS,
	.usage = "[--walk] SIZE",
	.summary = "allocate SIZE bytes where modules live; the value is the address",
	.help =
	"module_alloc(size) is __vmalloc_node_range() over the module range:\n"
	"the modules region MODULES_VADDR..MODULES_END on x86_64 (above the\n"
	"kernel text) and arm (the 16M below PAGE_OFFSET, within branch range\n"
	"of the kernel), on arm64 the 128M below _etext (module_alloc_base\n"
	"without KASLR), on i386 the vmalloc area itself (MODULES_VADDR =\n"
	"VMALLOC_START).  Pages one at a time, a guard page after the area,\n"
	"as 'help vmalloc' says.  arm maps it PAGE_KERNEL_EXEC; x86 and arm64\n"
	"map PAGE_KERNEL and the module loader then makes the text read-only\n"
	"and executable ('insmod' does).  Free it with 'vfree ADDR'\n"
	"(module_memfree).\n",
	.complete = "expr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = module_alloc_run,
};
