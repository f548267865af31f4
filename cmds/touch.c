// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Access user memory as the running process: page faults included.
 */
#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/show.h"

#define TOUCH_MAX	(1ULL << 32)

static const char *
acc_name(int acc)
{
	return acc == ACC_WRITE ? "write" : acc == ACC_EXEC ? "fetch" : "read";
}

/*
 * Every page of [va, va + len): the summary only, or with `set verbose on`
 * every step, printed page by page.  Ctrl-C stops it between two pages;
 * the pages touched stay touched, as in a process killed in its loop.
 */
static int
touch_range(struct ctx *ctx, u64 va, u64 len, int acc, u64 *pages,
	    struct error *e)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	bool stream = ctx->verbose && !ctx->json;
	struct progress pg;
	u64 a, p, end = va + len;
	int r = 0;

	if (!ctx->verbose)
		kt_end(m);		/* a summary, not every step */
	progress_begin(&pg, "touch", "pages",
		       (ALIGN_UP(end, PAGE_SIZE) - (va & PAGE_MASK)) >>
		       PAGE_SHIFT, stream ? PROGRESS_STREAM : 0);
	for (a = va & PAGE_MASK; a < end && a >= (va & PAGE_MASK);
	     a += PAGE_SIZE) {
		r = machine_access(m, c, a < va ? va : a, (unsigned)acc, &p, e);
		if (stream) {
			show_trace(ctx);
			kt_begin(m);
		}
		if (r)
			break;
		++*pages;
		if ((r = progress_add(&pg, 1)) != 0) {
			char why[200];

			progress_why(&pg, why, sizeof(why));
			error_set(e, r, "%s", why);
			break;
		}
	}
	progress_end(&pg);
	if (!ctx->verbose)
		kt_begin(m);
	return r;
}

static int
touch_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t = current_task(m);
	struct error e;
	u64 va, len = 0, pa = 0, pages = 0, min0 = 0, maj0 = 0;
	int acc = ACC_READ, r = 0;

	if (arg_va(ctx, args->argv[0], "VADDR", &va))
		return -1;
	if (args->argc > 1 && (acc = access_kind(args->argv[1])) < 0)
		return cmd_error(ctx, "'%s': give r (read), w (write) or x "
				 "(instruction fetch)", args->argv[1]);
	if (args->argc > 2 && arg_u64(ctx, args->argv[2], "LEN", &len))
		return -1;
	if (args->argc > 2 && (len == 0 || len > TOUCH_MAX || va + len < va))
		return cmd_error(ctx, "LEN: give 1 to 4G bytes that do not wrap");
	if (t != NULL && t->state == TASK_KILLED && va < m->lay.task_size)
		return cmd_error(ctx, "pid %d (%s) was killed by a signal at %s; "
				 "exit it, or switch to another process",
				 t->pid, t->comm, fva(m, t->sig_addr));
	if (t != NULL) {
		min0 = t->min_flt;
		maj0 = t->maj_flt;
	}
	error_clear(&e);
	if (len == 0) {
		r = machine_access(m, c, va, (unsigned)acc, &pa, &e);
		pages = 1;
	} else {
		r = touch_range(ctx, va, len, acc, &pages, &e);
	}
	show_trace(ctx);
	if (len != 0 && t != NULL) {
		out_printf(ctx, "%s of %llu page%s from %s: %llu page faults "
			   "(%llu minor, %llu major)\n", acc_name(acc),
			   (unsigned long long)pages, pages == 1 ? "" : "s",
			   fva(m, va), (unsigned long long)(t->min_flt - min0 +
							    t->maj_flt - maj0),
			   (unsigned long long)(t->min_flt - min0),
			   (unsigned long long)(t->maj_flt - maj0));
		j_u64(ctx, "pages", pages);
		j_u64(ctx, "min_flt", t->min_flt - min0);
		j_u64(ctx, "maj_flt", t->maj_flt - maj0);
	}
	if (r)
		return cmd_err(ctx, &e);
	if (len == 0) {
		const char *how = "translated (TLB or page tables)";

		if (t != NULL && t->maj_flt != maj0)
			how = "after a major fault";
		else if (t != NULL && t->min_flt != min0)
			how = "after a minor fault";
		out_printf(ctx, "%s %s: physical %s, %s\n", acc_name(acc),
			   fva(m, va), fpa(m, pa), how);
		j_str(ctx, "access", acc_name(acc));
		j_hex(ctx, "va", va);
		j_hex(ctx, "pa", pa);
		cmd_set_value(ctx, pa);
	}
	return 0;
}

const struct cmd cmd_touch = {
	.name = "touch",
	.family = FAM_PROCESS,
	.usage = "VADDR [r|w|x] [LEN]",
	.summary = "access VADDR as the running process: read, write or fetch",
	.help =
	"A memory access by the CPU in user mode (below TASK_SIZE) or kernel\n"
	"mode: the TLB, else the page walk with accessed/dirty updates, and\n"
	"on a fault the kernel's page-fault handler, step by step: the\n"
	"faulting address (CR2 or FAR), the x86 error code or the ARM fault\n"
	"status, find_vma, the access check, then handle_mm_fault's choice\n"
	"(do_anonymous_page with the shared zero page on a read, do_read_fault\n"
	"from the page cache or the file, do_cow_fault, do_wp_page copying or\n"
	"reusing, expand_stack below a stack VMA) with the PTE before and\n"
	"after, and whether the fault was minor or major.  No VMA, or rights\n"
	"the VMA does not give, is a SIGSEGV: the process is marked killed.\n"
	"w marks a write (no byte changes; 'write' stores a value).  With\n"
	"LEN every page of [VADDR, VADDR+LEN) is accessed and a summary\n"
	"printed ('set verbose on' shows every step).  Ctrl-C stops a range\n"
	"between two pages: those touched stay touched and the command\n"
	"fails saying how far it got.  The value ($_) is the physical\n"
	"address (of a single access).\n",
	.complete = "addr words:r,w,x expr",
	.min_args = 1,
	.max_args = 3,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_PA,
	.run = touch_run,
};
