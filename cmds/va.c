// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * __va(): the direct-map address of a physical address.
 */
#include "ptwalk/out.h"

static int
va_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct error e;
	u64 va, pa;

	if (arg_u64(ctx, args->argv[0], "PADDR", &pa))
		return -1;
	if (m->image && m->lay.page_offset == 0)
		return cmd_error(ctx, "the image does not say where its direct "
				 "map is (no VMCOREINFO)");
	if (machine_va(m, pa, &va, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "__va(%s) = %s   (va = pa + PAGE_OFFSET%s)\n",
		   fpa(m, pa), fva(m, va), m->lay.phys_offset ?
		   " - PHYS_OFFSET" : "");
	j_hex(ctx, "pa", pa);
	j_hex(ctx, "va", va);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_va = {
	.name = "va",
	.aliases = "__va ptov",
	.family = FAM_TRANSLATION,
	.usage = "PADDR",
	.summary = "__va(): direct-map address of a physical address",
	.help =
	"Converts as the kernel's __va() does: va = pa + PAGE_OFFSET (minus\n"
	"PHYS_OFFSET on arm).  Only lowmem has such an address: a highmem\n"
	"frame (32-bit machines above the lowmem limit) is refused with the\n"
	"reason, since it is reachable only through kmap or kmap_atomic, and\n"
	"so is an address that is not RAM.  'ptov' is the crash(8) name.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_VA,
	.run = va_run,
};
