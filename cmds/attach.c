// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Attach a live process of this machine as the target, and detach it.
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/live_pid.h"
#include "ptwalk/out.h"

/* The target an argument names: "1234" or, later, "qemu:ADDRESS". */
static int
attach_target(struct ctx *ctx, const char *s, u64 *pid)
{
	if (!strncmp(s, "qemu:", 5))
		return cmd_error(ctx, "attach %s: a QEMU guest is attached "
				 "with --qemu %s on the command line for now",
				 s, s + 5);
	if (arg_u64(ctx, s, "PID", pid))
		return -1;
	if (*pid == 0 || *pid > 0x7fffffff)
		return cmd_error(ctx, "PID: %llu is not a process id",
				 (unsigned long long)*pid);
	return 0;
}

static int
attach_run(struct ctx *ctx)
{
	bool wr = args_has(ctx, "--writable");
	struct live_pid *lp;
	struct error e;
	u64 pid;

	if (attach_target(ctx, cmd_args(ctx)->argv[0], &pid))
		return -1;
	error_clear(&e);
	lp = live_pid_open((int)pid, wr, &e);
	if (lp == NULL)
		return cmd_err(ctx, &e);
	if (wr)
		cmd_warn(ctx, "--writable: 'write' stores into the running "
			 "process %d (%s) through /proc/%d/mem", lp->pid,
			 lp->comm, lp->pid);
	if (ctx->pid != NULL)
		out_printf(ctx, "detached pid %d (%s)\n", ctx->pid->pid,
			   ctx->pid->comm);
	live_pid_close(ctx->pid);
	ctx->pid = lp;
	out_printf(ctx, "attached pid %d (%s): %s, %s%s\n", lp->pid, lp->comm,
		   plural((u64)lp->nvma, "VMA", NULL),
		   wr ? "writable" : "read-only",
		   lp->pfn_hidden ? "; without CAP_SYS_ADMIN frames are "
		   "hidden" : "");
	j_int(ctx, "pid", lp->pid);
	j_str(ctx, "comm", lp->comm);
	j_int(ctx, "vmas", lp->nvma);
	j_bool(ctx, "writable", wr);
	j_bool(ctx, "frames_visible", !lp->pfn_hidden);
	{
		char num[16];

		snprintf(num, sizeof(num), "%d", lp->pid);
		cmd_set_value_text(ctx, (u64)lp->pid, num);
	}
	return 0;
}

static int
detach_run(struct ctx *ctx)
{
	if (ctx->pid == NULL)
		return cmd_error(ctx, "no live process is attached");
	out_printf(ctx, "detached pid %d (%s)%s\n", ctx->pid->pid,
		   ctx->pid->comm, ctx->m != NULL ? "; back to the machine" :
		   "; no machine is loaded (see 'image')");
	j_int(ctx, "pid", ctx->pid->pid);
	live_pid_close(ctx->pid);
	ctx->pid = NULL;
	return 0;
}

static const struct cmd_opt attach_opts[] = {
	{ "--writable", NULL, NULL, "let write store into the process "
	  "through /proc/PID/mem" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_attach = {
	.name = "attach",
	.family = FAM_IMAGE,
	.usage = "[--writable] PID",
	.summary = "make a live process of this machine the target (/proc)",
	.help =
	"Attaches the running process PID, as --pid PID does: until detach,\n"
	"maps, smaps, pagemap, translate, walk, whatis, page, x and write\n"
	"answer for it from /proc (its VMAs from /proc/PID/maps, its pages\n"
	"from /proc/PID/pagemap and the PAGEMAP_SCAN ioctl of Linux 6.7+,\n"
	"its frames from /proc/kpageflags and /proc/kpagecount, its memory\n"
	"through /proc/PID/mem); other commands that need a machine refuse.\n"
	"A live process's page tables cannot be read from user space: walk\n"
	"and translate show pagemap's view and say so.  Memory is read-only\n"
	"unless --writable.  Reading another user's process needs ptrace\n"
	"access; without CAP_SYS_ADMIN the PFNs read as 0 and kpageflags and\n"
	"kpagecount cannot be read: one line says so and the rest is shown.\n"
	"A process that exits, or whose VMAs change, between two commands is\n"
	"reported by the next; a kernel thread (no mm) is refused.  A\n"
	"QEMU guest is attached with --qemu ADDRESS on the command line.  The\n"
	"value ($_) is the pid.\n",
	.complete = "pid",
	.opts = attach_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.value = VALUE_NUMBER,
	.run = attach_run,
};

const struct cmd cmd_detach = {
	.name = "detach",
	.family = FAM_IMAGE,
	.usage = "",
	.summary = "leave the live process attached (back to the machine)",
	.help =
	"Detaches the live process of --pid or attach: the process goes on\n"
	"untouched (ptwalk never stops it), and commands run on the\n"
	"simulated machine or image again, if one was loaded.\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_NOMACHINE,
	.run = detach_run,
};
