// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * __pa(): virtual to physical by arithmetic, as the kernel does.
 */
#include "ptwalk/out.h"

static int
pa_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct region *r;
	struct error e;
	u64 va, pa;

	if (arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (m->image && m->lay.page_offset == 0 && m->lay.kimage_vaddr == 0)
		return cmd_error(ctx, "the image does not say where its direct "
				 "map is (no VMCOREINFO): use walk");
	if (machine_pa(m, va, &pa, &e))
		return cmd_err(ctx, &e);
	r = machine_region(m, va);
	out_printf(ctx, "__pa(%s) = %s   (%s)\n", fva(m, va), fpa(m, pa),
		   r ? r->conv : "");
	j_hex(ctx, "va", va);
	j_hex(ctx, "pa", pa);
	if (r)
		j_str(ctx, "region", r->name);
	cmd_set_value(ctx, pa);
	return 0;
}

const struct cmd cmd_pa = {
	.name = "pa",
	.aliases = "__pa",
	.family = FAM_TRANSLATION,
	.usage = "VADDR",
	.summary = "__pa(): physical address of a direct-mapped kernel address",
	.help =
	"Converts as the kernel's __pa() does, by arithmetic and without any\n"
	"page-table walk: in the direct map pa = va - PAGE_OFFSET (+\n"
	"PHYS_OFFSET on arm); on x86_64 an address in the kernel text mapping\n"
	"converts with __START_KERNEL_map and phys_base.  Any other address\n"
	"(vmalloc, pkmap, fixmap, user) is refused with the reason: those\n"
	"pages are not at a fixed offset, so only a walk finds them.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_PA,
	.run = pa_run,
};
