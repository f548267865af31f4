// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Change the rights of a range of the running process.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
mprotect_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct error e;
	unsigned prot;
	u64 addr, len;

	if (arg_task_live(ctx, NULL, &t) ||
	    arg_u64(ctx, args->argv[0], "ADDR", &addr) ||
	    arg_u64(ctx, args->argv[1], "LEN", &len) ||
	    arg_prot(ctx, args->argv[2], &prot))
		return -1;
	if (do_mprotect(m, t->mm, addr, len, prot, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "pid %d: %s-%s is now %c%c%c\n", t->pid, fva(m, addr),
		   fva(m, addr + ALIGN_UP(len, PAGE_SIZE)),
		   (prot & PROT_READ) ? 'r' : '-', (prot & PROT_WRITE) ? 'w' : '-',
		   (prot & PROT_EXEC) ? 'x' : '-');
	j_hex(ctx, "addr", addr);
	j_u64(ctx, "len", ALIGN_UP(len, PAGE_SIZE));
	j_int(ctx, "prot", (long long)prot);
	return 0;
}

const struct cmd cmd_mprotect = {
	.name = "mprotect",
	.family = FAM_PROCESS,
	.usage = "ADDR LEN PROT",
	.summary = "change the rights of [ADDR, ADDR+LEN) of the running process",
	.help =
	"do_mprotect: the whole range must be mapped (ENOMEM otherwise) and\n"
	"each VMA's VM_MAY* bits must allow the new rights (EACCES); VMAs are\n"
	"split at the ends, get the new vm_flags and vm_page_prot, and merge\n"
	"with equal neighbours; present PTEs are rewritten and the TLB\n"
	"flushed (change_protection).  A private mapping made writable gets\n"
	"writable PTEs where the page is anonymous and its own (as Linux\n"
	"5.19+ does); its other PTEs stay read-only, and the next write\n"
	"faults and do_wp_page copies or reuses the page.  PROT as for mmap.\n",
	.complete = "addr expr words:r,rw,rx,rwx,none",
	.min_args = 3,
	.max_args = 3,
	.flags = CMD_SIM | CMD_TRACE,
	.run = mprotect_run,
};
