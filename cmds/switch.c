// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Run another process on the current CPU.
 */
#include "ptwalk/arg.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
switch_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t;
	struct error e;

	if (arg_task_live(ctx, args->argv[0], &t))
		return -1;
	if (switch_to(m, c, t, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "cpu%d runs pid %d (%s): %s %s, %s %u\n", c->id,
		   t->pid, t->comm, m->arch->root_name[0], fpa(m, c->root[0]),
		   tag_name(m, false), c->asid);
	j_int(ctx, "pid", t->pid);
	j_int(ctx, "cpu", c->id);
	j_hex(ctx, "root", c->root[0]);
	j_int(ctx, "asid", c->asid);
	cmd_set_value(ctx, c->root[0]);
	return 0;
}

/*
 * A real task's address space on the current CPU: its mm->pgd becomes the
 * user root (the only root where there is one, the user half of the PTI
 * pair with --user); a split-root arch keeps swapper for the kernel.
 */
static int
switch_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	bool user = args_has(ctx, "--user");
	struct strbuf warn;
	struct ktask t;
	struct error e;
	u64 pa;

	sb_init(&warn);
	if (arg_ktask(ctx, args->argv[0], &t, &warn)) {
		sb_release(&warn);
		return -1;
	}
	sb_release(&warn);
	if (t.mm == 0)
		return cmd_error(ctx, "pid %d (%s) is a kernel thread: it has no "
				 "address space of its own", t.pid, t.comm);
	if (user && m->mmu.split_roots)
		return cmd_error(ctx, "--user: %s has a root of its own for "
				 "user addresses (%s); the pgd is it",
				 m->arch->name, m->arch->root_name[0]);
	if (kva_pa(m, t.pgd, &pa, &e))
		return cmd_error(ctx, "pid %d: its mm->pgd: %s", t.pid, e.msg);
	if (user)
		pa += PAGE_SIZE;	/* cf. kernel_to_user_pgdp() */
	c->root[0] = pa;
	c->root_valid[0] = true;
	c->pid = t.pid;
	tlb_flush_all(&c->tlb);
	out_printf(ctx, "cpu%d runs pid %d (%s): %s %s (mm->pgd %s%s)\n",
		   c->id, t.pid, t.comm, m->arch->root_name[0],
		   fpa(m, c->root[0]), fva(m, t.pgd),
		   user ? " + 4K, the user half" : "");
	j_int(ctx, "pid", t.pid);
	j_int(ctx, "cpu", c->id);
	j_hex(ctx, "root", c->root[0]);
	j_hex(ctx, "pgd", t.pgd);
	j_hex(ctx, "mm", t.mm);
	cmd_set_value(ctx, c->root[0]);
	return 0;
}

static const struct cmd_opt switch_opts[] = {
	{ "--user", NULL, NULL, "an image, x86 with PTI: load the user half "
	  "of the pgd pair" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_switch = {
	.name = "switch",
	.family = FAM_PROCESS,
	.usage = "[--user] PID",
	.summary = "run process PID on the current CPU (load its pgd)",
	.help =
	"A context switch as switch_mm does it: the CPU's root register\n"
	"(CR3 on x86, TTBR0 on arm and arm64) gets the process's pgd, with\n"
	"the TLB consequences of the arch.  x86 without PCID (i386,\n"
	"i386-pae): a CR3 write drops every non-global TLB entry; the\n"
	"kernel's global entries stay.  x86_64 with PCID: Linux keeps the 6\n"
	"most recent address spaces per CPU (TLB_NR_DYN_ASIDS), tagged PCID\n"
	"1..6; coming back to one whose entries are still good flushes\n"
	"nothing (CR3 bit 63, NOFLUSH).  arm/arm64: ASIDs with generations;\n"
	"a new generation (all ASIDs used) flushes every TLB.  The process\n"
	"that ran here before keeps its state.  The value ($_) is the new\n"
	"root.\n"
	"\n"
	"On a memory image, the real task's mm->pgd, translated through the\n"
	"kernel's tables, becomes the current CPU's root (x86: CR3; arm64:\n"
	"TTBR0, TTBR1 staying swapper_pg_dir) and its TLB is flushed: walk,\n"
	"translate, x and dis then see that process's addresses, and maps\n"
	"and smaps without PID show it.  With page-table isolation (x86 PTI)\n"
	"the pgd is the kernel half of a pair; --user loads the user half\n"
	"(pgd + 4K), which maps the user space and the entry trampoline only.\n"
	"A kernel thread has no address space to load.\n",
	.complete = "pid",
	.opts = switch_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_PA,
	.run = switch_run,
	.run_image = switch_image,
};
