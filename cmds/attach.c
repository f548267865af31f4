// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Attach a live process of this machine as the target, and detach it.
 */
#include <stdio.h>
#include <string.h>

#include "ptwalk/image.h"
#include "ptwalk/image_info.h"
#include "ptwalk/live_pid.h"
#include "ptwalk/out.h"

/*
 * attach qemu:ADDRESS [--qemu-ram FILE]: the running guest becomes the
 * machine, as --qemu ADDRESS makes it (live_qemu_open); an attached
 * process is detached first.
 */
static int
attach_qemu(struct ctx *ctx, const char *addr)
{
	struct image_opts o;
	struct machine *m;
	struct error e;
	int i;

	memset(&o, 0, sizeof(o));
	o.qemu = addr;
	o.qemu_ram = args_get(ctx, "--qemu-ram");
	if (!*addr)
		return cmd_error(ctx, "attach qemu:ADDRESS: give the gdbstub's "
				 "address (unix:PATH or host:port)");
	if (args_has(ctx, "--writable"))
		return cmd_error(ctx, "--writable goes with a process (attach "
				 "PID), not a QEMU guest");
	error_clear(&e);
	m = live_qemu_open(&o, &e);
	if (m == NULL)
		return cmd_err(ctx, &e);
	for (i = 0; i < m->img->nwarn; i++)
		cmd_warn(ctx, "%s", m->img->warn[i]);
	if (ctx->pid != NULL) {
		out_printf(ctx, "detached pid %d (%s)\n", ctx->pid->pid,
			   ctx->pid->comm);
		live_pid_close(ctx->pid);
		ctx->pid = NULL;
	}
	machine_free(ctx->m);
	ctx->m = m;
	out_printf(ctx, "attached the QEMU guest at %s: %s, %s of memory, %d "
		   "CPU%s%s\n", addr, m->arch->name, fsize(m->phys.total),
		   m->ncpus, m->ncpus == 1 ? "" : "s",
		   o.qemu_ram != NULL ? "; RAM read from the shared file" : "");
	j_str(ctx, "qemu", addr);
	j_str(ctx, "arch", m->arch->name);
	j_u64(ctx, "memory", m->phys.total);
	j_int(ctx, "cpus", m->ncpus);
	return 0;
}

/* The target an argument names: "1234" (a process). */
static int
attach_target(struct ctx *ctx, const char *s, u64 *pid)
{
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

	if (!strncmp(cmd_args(ctx)->argv[0], "qemu:", 5))
		return attach_qemu(ctx, cmd_args(ctx)->argv[0] + 5);
	if (args_get(ctx, "--qemu-ram") != NULL)
		return cmd_error(ctx, "--qemu-ram goes with attach qemu:ADDRESS");
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
	{ "--qemu-ram", "FILE", "file", "with qemu:ADDRESS: read guest RAM "
	  "from QEMU's shared memory-backend file" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_attach = {
	.name = "attach",
	.family = FAM_IMAGE,
	.usage = "[--writable] PID | [--qemu-ram FILE] qemu:ADDRESS",
	.summary = "attach a live process (/proc) or a running QEMU guest",
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
	"reported by the next; a kernel thread (no mm) is refused.  The\n"
	"value ($_) is the pid.\n"
	"\n"
	"attach qemu:ADDRESS attaches a running QEMU guest through its\n"
	"gdbstub (unix:PATH or host:port), as --qemu ADDRESS does: the guest\n"
	"replaces the current machine and every image command reads it live\n"
	"(see refresh); --qemu-ram FILE reads its RAM from the file of a\n"
	"memory-backend-file,share=on.  The guest's VMCOREINFO is found in\n"
	"its RAM (the place kept per target for the next attach), and the\n"
	"kernel-state commands (sym, ps, maps, dmesg ...) read its kernel as\n"
	"on a dump; 'machine' says where it was found.  A guest not yet run\n"
	"(QEMU -S) stays stopped, its root the kernel's page table the\n"
	"VMCOREINFO places.  An attached process is detached.\n",
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
