// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Unload a module loaded with insmod.
 */
#include "ptwalk/module.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"

static int
rmmod_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct module *mod;
	struct kreg_before b;
	struct error e;
	u64 base, size;

	mod = find_module(m, args->argv[0]);
	if (mod == NULL)
		return cmd_error(ctx, "no module '%s' is loaded ('lsmod' lists "
				 "them)", args->argv[0]);
	base = mod->core.base;
	size = mod->core.size;
	kreg_sample(m, &b);
	if (delete_module(m, args->argv[0], &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "rmmod %s: core %s-%s (%s) freed with module_memfree\n",
		   args->argv[0], fva(m, base), fva(m, base + size - 1),
		   fsize(size));
	show_freed(ctx, &b);
	j_hex(ctx, "va", base);
	j_u64(ctx, "size", size);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_rmmod = {
	.name = "rmmod",
	.family = FAM_REGIONS,
	.usage = "NAME",
	.summary = "unload a module: its core goes back (module_memfree)",
	.help =
	"free_module(): the core layout's pages get their RW NX permissions\n"
	"back, then module_memfree() (vfree) unmaps them and returns them to\n"
	"the buddy allocator.\n",
	.complete = "word",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = rmmod_run,
};
