// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * sbrk: the system call of a kernel other than Linux (xv6's sys_sbrk):
 * grow or shrink the running process.
 */
#include "ptwalk/out.h"

static int
sbrk_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct kernel_ops *ops = m->profile ? m->profile->ops : NULL;
	struct error e;
	u64 old, v;
	long n;
	bool neg;
	int pid;
	const char *name;

	if (m->image || ops == NULL || ops->sbrk == NULL)
		return cmd_error(ctx, "sbrk is the system call of xv6 "
				 "(--kernel xv6); a Linux process grows with "
				 "brk");
	/* sys_sbrk's argint(): an int; "-N" shrinks */
	neg = args->argv[0][0] == '-';
	if (arg_u64(ctx, args->argv[0] + neg, "N", &v))
		return -1;
	if (v > 0x7fffffffULL + neg)
		return cmd_error(ctx, "sbrk %s: sbrk takes an int "
				 "(-2147483648..2147483647)", args->argv[0]);
	n = neg ? -(long)v : (long)v;
	if (ops->sbrk(m, n, &old, &e))
		return cmd_err(ctx, &e);
	ops->user_root(m, &pid, &name);
	out_printf(ctx, "sbrk(%lld) = 0x%llx: pid %d (%s) is now 0x%llx "
		   "bytes\n", (long long)n, (unsigned long long)old, pid, name,
		   (unsigned long long)(old + (u64)n));
	j_int(ctx, "n", n);
	j_hex(ctx, "old", old);
	j_hex(ctx, "size", old + (u64)n);
	j_int(ctx, "pid", pid);
	cmd_set_value(ctx, old);
	return 0;
}

const struct cmd cmd_sbrk = {
	.name = "sbrk",
	.family = FAM_PROCESS,
	.usage = "N",
	.summary = "xv6's sbrk(n): grow or shrink the running process",
	.help =
	"Runs xv6's sys_sbrk(N) for the running process: growproc() maps N\n"
	"more bytes above p->sz with uvmalloc() (a zeroed page from kalloc\n"
	"for each new page, R, W and U), or with a negative N unmaps and\n"
	"frees them with uvmdealloc(); growing past TRAPFRAME or out of\n"
	"memory fails as sbrk's -1 does.  The value kept is the old size, as\n"
	"sbrk returns it.  The sbrk of xv6 before lazy allocation: every\n"
	"page is mapped at once.  Only on --kernel xv6.\n",
	.complete = "expr",
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_NUMBER,
	.run = sbrk_run,
};
