// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Replay a file of memory accesses through the MMU.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/show.h"

#define TRACE_LINE	512

static int
trace_run(struct ctx *ctx)
{
	const char *file = cmd_args(ctx)->argv[0];
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t = current_task(m);
	u64 n[3] = { 0, 0, 0 }, hits0 = c->tlb.hits, miss0 = c->tlb.misses;
	u64 min0 = t ? t->min_flt : 0, maj0 = t ? t->maj_flt : 0, total = 0;
	char line[TRACE_LINE];
	struct error e;
	int lineno = 0, rc = 0;
	bool stream = ctx->verbose && !ctx->json;
	struct progress pg;
	FILE *f;

	/* sequential reads: a pipe or a FIFO will do, '-' is stdin */
	f = strcmp(file, "-") ? host_fopen(file, HOST_OPEN_STREAM,
					   "the trace file", &e) : stdin;
	if (f == NULL)
		return cmd_err(ctx, &e);
	progress_begin(&pg, "trace", "accesses", 0,
		       stream ? PROGRESS_STREAM : 0);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line, *op, *addr, *save = NULL;
		int acc;
		u64 va, pa;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			rc = cmd_error(ctx, "%s:%d: line longer than %d bytes",
				       file, lineno, TRACE_LINE - 2);
			break;
		}
		p[strcspn(p, "#\r\n")] = 0;
		op = strtok_r(p, " \t", &save);
		if (op == NULL)
			continue;
		addr = strtok_r(NULL, "", &save);
		if ((acc = access_kind(op)) < 0 || addr == NULL) {
			rc = cmd_error(ctx, "%s:%d: '%s': each line is 'r|w|x "
				       "ADDR'", file, lineno, op);
			break;
		}
		if (arg_va(ctx, addr, "ADDR", &va)) {
			rc = -1;
			break;
		}
		error_clear(&e);
		if (machine_access(m, c, va, (unsigned)acc, &pa, &e)) {
			rc = cmd_error(ctx, "%s:%d: %s", file, lineno, e.msg);
			break;
		}
		n[acc == ACC_WRITE ? 1 : acc == ACC_EXEC ? 2 : 0]++;
		total++;
		if (stream)
			show_trace(ctx);	/* as it goes: little memory */
		if (!ctx->verbose || stream)
			kt_begin(m);
		if (progress_add(&pg, 1)) {
			char why[200];

			progress_why(&pg, why, sizeof(why));
			rc = cmd_error(ctx, "%s:%d: %s", file, lineno, why);
			break;
		}
	}
	progress_end(&pg);
	if (rc == 0 && interrupt_pending()) {
		/* a read from a pipe or a terminal was cut short */
		char why[200];

		progress_why(&pg, why, sizeof(why));
		rc = cmd_error(ctx, "%s:%d: %s", file, lineno, why);
	}
	if (f != stdin)
		fclose(f);
	else
		clearerr(f);
	show_trace(ctx);
	t = current_task(m);
	out_printf(ctx, "%s (%s, %s, %s)%s: TLB %s, %s",
		   plural(total, "access", "accesses"), plural(n[0], "read", NULL),
		   plural(n[1], "write", NULL), plural(n[2], "fetch", "fetches"),
		   rc ? " before the error" : "",
		   plural(c->tlb.hits - hits0, "hit", NULL),
		   plural(c->tlb.misses - miss0, "miss", "misses"));
	if (t != NULL)
		out_printf(ctx, "; pid %d: %llu minor and %llu major faults",
			   t->pid, (unsigned long long)(t->min_flt - min0),
			   (unsigned long long)(t->maj_flt - maj0));
	out_printf(ctx, "\n");
	j_u64(ctx, "accesses", total);
	j_u64(ctx, "reads", n[0]);
	j_u64(ctx, "writes", n[1]);
	j_u64(ctx, "fetches", n[2]);
	j_u64(ctx, "tlb_hits", c->tlb.hits - hits0);
	j_u64(ctx, "tlb_misses", c->tlb.misses - miss0);
	if (t != NULL) {
		j_u64(ctx, "min_flt", t->min_flt - min0);
		j_u64(ctx, "maj_flt", t->maj_flt - maj0);
	}
	return rc;
}

const struct cmd cmd_trace = {
	.name = "trace",
	.family = FAM_PROCESS,
	.usage = "FILE",
	.summary = "replay a file of memory accesses (r|w|x ADDR) through the MMU",
	.help =
	"Each line of FILE ('-' for stdin; a pipe will do) is 'r ADDR',\n"
	"'w ADDR' or 'x ADDR' (ADDR an expression: symbols work), '#' starts\n"
	"a comment.  Every access goes through the current CPU as touch\n"
	"does: TLB, page walk, page faults.  The summary counts the accesses,\n"
	"the TLB hits and misses and the minor and major faults of the\n"
	"running process; 'set verbose on' also shows every fault's steps.\n"
	"The replay stops at the first error (a SIGSEGV, a bad line, Ctrl-C)\n"
	"with its line number.\n",
	.complete = "file",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.run = trace_run,
};
