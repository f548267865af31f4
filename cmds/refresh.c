// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Read a live guest again: registers, and pages on demand.
 */
#include "ptwalk/image.h"
#include "ptwalk/out.h"

static int
refresh_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	bool stop = args_has(ctx, "--stop"), cont = args_has(ctx, "--cont");
	struct error e;
	int i, r;

	if (stop && cont)
		return cmd_error(ctx, "--stop and --cont: choose one");
	error_clear(&e);
	if (live_qemu_refresh(m, cont ? 1 : stop ? -1 : 0, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "guest %s; registers of %d vCPU%s read again, cached "
		   "pages dropped\n", live_qemu_running(m) ?
		   "running between commands" : "stopped", m->ncpus,
		   m->ncpus == 1 ? "" : "s");
	j_bool(ctx, "running", live_qemu_running(m));
	for (i = 0; i < m->ncpus; i++) {
		const char *off = live_qemu_no_root(m, i);

		out_printf(ctx, "  cpu%d", i);
		for (r = 0; r < 2 && m->arch->root_name[r] != NULL; r++)
			if (m->cpu[i].root_valid[r])
				out_printf(ctx, " %s=0x%llx",
					   m->arch->root_name[r],
					   (unsigned long long)m->cpu[i].root[r]);
			else
				out_printf(ctx, " %s=none", m->arch->root_name[r]);
		out_printf(ctx, "%s%s%s\n", off ? " (" : "", off ? off : "",
			   off ? ")" : "");
	}
	return 0;
}

static const struct cmd_opt refresh_opts[] = {
	{ "--stop", NULL, NULL, "keep the guest stopped from now on: every "
	  "command sees the same memory, the cache is kept" },
	{ "--cont", NULL, NULL, "let the guest run between commands again "
	  "(the default after --qemu)" },
	{ NULL, NULL, NULL, NULL },
};

const struct cmd cmd_refresh = {
	.name = "refresh",
	.family = FAM_IMAGE,
	.usage = "[--stop|--cont]",
	.summary = "read a live QEMU guest again (registers, cached pages)",
	.help =
	"On a live guest (--qemu): reads every vCPU's paging registers\n"
	"again over the gdbstub and drops the cached guest pages, so the\n"
	"next reads see the guest as it is now.  While the guest runs\n"
	"between commands (the default) every command does this first:\n"
	"the guest is stopped for the command (QEMU stops it while its\n"
	"gdbstub answers) and resumed after it.  With --qemu-ram the guest\n"
	"keeps running while the command reads its RAM file, and a command\n"
	"whose pages changed meanwhile says so.  --stop keeps the guest\n"
	"stopped (one frozen state, pages cached across commands) until\n"
	"--cont.  ptwalk detaches on exit, and QEMU resumes the guest; a\n"
	"guest QEMU had not started (-S) stays stopped until --cont, and\n"
	"ptwalk leaves it so.  Each vCPU's roots are listed, or why it has\n"
	"none (its MMU off).  The VMCOREINFO found in the guest's RAM, its\n"
	"kallsyms and BTF are kept (the running kernel's image does not\n"
	"change); tasks, VMAs, slabs, zones and the log are read anew by\n"
	"every command.\n",
	.opts = refresh_opts,
	.min_args = 0,
	.max_args = 0,
	.run = refresh_run,
};
