// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Examine memory at a virtual address, read through the MMU.
 */
#include <stdlib.h>

#include <ctype.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/peek.h"
#include "ptwalk/show.h"
#include "ptwalk/show_pid.h"

/* x/Ni: the instructions, as dis shows them */
static bool
insn_fmt(const char *f, long *n)
{
	const char *p = f;

	if (f == NULL)
		return false;
	*n = 1;
	if (isdigit((unsigned char)*p)) {
		*n = strtol(p, (char **)&p, 10);
	}
	return !strcmp(p, "i");
}

#define X_MAX	(1ULL << 20)

static int
x_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct xfmt f;
	struct error e;
	u64 va, len;
	u8 *buf;
	long ni;
	int r;

	if (insn_fmt(args->fmt, &ni)) {
		if (args->argc > 1)
			return cmd_error(ctx, "x/i takes no LEN");
		return show_dis(ctx, args->argv[0], ni, 0);
	}
	if (arg_xfmt(ctx, args->fmt, &f))
		return -1;
	if (arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (arg_xlen(ctx, &f, args->argc > 1 ? args->argv[1] : NULL, X_MAX,
		     &len))
		return -1;
	buf = xmalloc(len);
	if (f.fmt == 's') {
		/* strings: read page by page until the count is met */
		u64 got = 0, strs = 0;

		while (got < len && strs < f.count) {
			u64 n = MIN(len - got, PAGE_SIZE -
				    ((va + got) & (PAGE_SIZE - 1)));
			u64 i, done;

			r = machine_peek_virt(m, machine_cpu(m), va + got,
					      buf + got, n, &done, &e);
			show_trace(ctx);
			kt_begin(m);	/* the next page's reads */
			if (r) {
				if (got == 0) {
					free(buf);
					return cmd_err(ctx, &e);
				}
				break;
			}
			for (i = got; i < got + n; i++)
				if (buf[i] == 0)
					strs++;
			got += n;
		}
		len = got;
		r = 0;
	} else {
		r = machine_peek_virt(m, machine_cpu(m), va, buf, len, &len,
				      &e);
		show_trace(ctx);
	}
	/* what could be read, then (gdb's way) why the rest could not */
	if (len > 0)
		show_dump(ctx, va, buf, len, &f, true);
	free(buf);
	return r ? cmd_err(ctx, &e) : 0;
}

const struct cmd cmd_x = {
	.name = "x",
	.aliases = "rd",
	.family = FAM_MEMORY,
	.usage = "[/FMT] VADDR [LEN]",
	.summary = "examine memory at VADDR, read through the MMU",
	.help =
	"Reads memory as a debugger does (gdb through ptrace, crash): the\n"
	"current CPU's page tables are walked in software, never its TLB; no\n"
	"accessed or dirty bit is set, no page is faulted in, no signal is\n"
	"sent: x changes nothing.  A kernel address the running process's\n"
	"tables do not map yet is read through swapper_pg_dir.  A user page\n"
	"the process has not touched yet shows what its first access would\n"
	"find (zeros for anonymous memory, the file's bytes or its page\n"
	"cache page) and stays unmapped, where a real ptrace read would fault\n"
	"it in; a trace line says so.  Where nothing is there (no VMA, beyond\n"
	"the end of a file, not RAM) x prints what it could read and says\n"
	"\"cannot access memory at ADDR\" and why.  touch accesses memory as\n"
	"the process does.  Without /FMT it prints a hexdump of LEN\n"
	"bytes (default 64) with the characters beside.  With /FMT it works\n"
	"like gdb's x: x/NFU prints N items of unit U (b 1, h 2, w 4, g 8\n"
	"bytes) in format F: x hex, d signed, u unsigned, o octal, t binary,\n"
	"c character, a address with the nearest symbol, s string, i\n"
	"instructions (as dis shows them).  Then $_ is the last item.\n"
	"'rd' is the crash(8) name.\n"
	"\n"
	"On a live process (--pid, attach), the bytes come from\n"
	"/proc/PID/mem (as a debugger's ptrace reads: a page the process\n"
	"has not touched is faulted in by the read); no x/i there.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_FMT | CMD_TRACE,
	.value = VALUE_NUMBER,
	.run = x_run,
	.run_pid = pid_x,
};
