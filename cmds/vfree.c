// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free a vmalloc area.
 */
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/whatis.h"

static int
vfree_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vm_struct *vm;
	struct kreg_before b;
	struct error e;
	u64 addr, usable, lazy;
	unsigned n;

	if (arg_va(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	if (addr == 0) {
		out_printf(ctx, "vfree(NULL): nothing to do\n");
		return 0;
	}
	vm = find_vm_area(m, addr);
	if (vm == NULL && vmap_area_at(m, addr) == NULL) {
		struct strbuf sb;
		int r;

		sb_init(&sb);
		if (kaddr_owner(m, addr, &sb) > 0)
			r = cmd_error(ctx, "%s is not a vmalloc address: "
				      "it is %s", fva(m, addr), sb.buf);
		else
			r = cmd_error(ctx, "%s is not a vmalloc address "
				      "(Trying to vfree() nonexistent vm area)",
				      fva(m, addr));
		sb_release(&sb);
		return r;
	}
	usable = vm ? get_vm_area_size(vm) : 0;
	n = vm ? vm->nr_pages : 0;
	kreg_sample(m, &b);
	if (vfree(m, addr, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "vfree(%s): %s-%s (%s) unmapped\n",
		   fva(m, addr), fva(m, addr), fva(m, addr + usable - 1),
		   plural(n, "page", NULL));
	show_freed(ctx, &b);
	lazy = vs->vmap_lazy_nr;
	if (lazy)
		out_printf(ctx, "  lazy   the vmap_area stays reserved and the "
			   "TLBs unflushed until the purge (%llu of %llu lazy "
			   "pages)\n", (unsigned long long)lazy,
			   (unsigned long long)lazy_max_pages(m));
	else
		out_printf(ctx, "  purge  more than lazy_max_pages() were "
			   "waiting: every lazily freed area flushed and "
			   "released\n");
	j_hex(ctx, "va", addr);
	j_u64(ctx, "size", usable);
	j_str(ctx, "region", region_name(m, addr));
	j_u64(ctx, "lazy_pages", lazy);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_vfree = {
	.name = "vfree",
	.family = FAM_REGIONS,
	.usage = "ADDR",
	.summary = "free a vmalloc area: unmap it and give its pages back",
	.help =
	"vfree(addr) as Linux 6.1 does it: ADDR must be the start of a\n"
	"vmalloc area (any other address is refused, naming what owns it);\n"
	"the PTEs of the area are cleared at once and its pages go back to\n"
	"the buddy allocator, but the TLB flush is lazy: the vmap_area goes\n"
	"on the purge list, its address range stays reserved, and stale TLB\n"
	"entries may remain ('walk' says so) until more than lazy_max_pages()\n"
	"(32M per fls(CPUs)) wait or an allocation finds no room; then one\n"
	"flush_tlb_kernel_range covers them all ('set verbose on' shows it).\n"
	"'vmallocinfo' lists the waiting areas as \"unpurged vm_area\".\n"
	"vfree(NULL) does nothing.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = vfree_run,
};
