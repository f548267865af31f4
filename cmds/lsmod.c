// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * List the loaded modules, as /proc/modules does.
 */
#include "ptwalk/module.h"
#include "ptwalk/out.h"

static int
lsmod_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct module_state *ms = module_of(m);
	const struct module *mod;
	int n = 0;

	j_arr(ctx, "modules");
	for (mod = ms->mods; mod != NULL; mod = mod->next) {
		/* /proc/modules: name size refcount deps state address */
		out_printf(ctx, "%s %llu 0 - Live %s\n", mod->name,
			   (unsigned long long)(mod->core.size +
						mod->init.size),
			   fva(m, mod->core.base));
		j_obj(ctx, NULL);
		j_str(ctx, "name", mod->name);
		j_u64(ctx, "size", mod->core.size + mod->init.size);
		j_hex(ctx, "va", mod->core.base);
		j_obj_end(ctx);
		n++;
	}
	j_arr_end(ctx);
	if (n == 0)
		out_printf(ctx, "(no modules)\n");
	return 0;
}

const struct cmd cmd_lsmod = {
	.name = "lsmod",
	.family = FAM_REGIONS,
	.usage = "",
	.summary = "the loaded modules, as /proc/modules lists them",
	.help =
	"One line per module as /proc/modules prints it: name, size (core +\n"
	"init layouts), reference count, dependencies, state, core address.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = lsmod_run,
};
