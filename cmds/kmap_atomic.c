// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Map a page in one of a CPU's kmap_atomic fixmap slots.
 */

#include "ptwalk/arg.h"
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"

static int
kmap_atomic_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct highmem_state *hm = highmem_of(m);
	struct strbuf sb;
	struct page *page;
	struct error e;
	long cpu = m->cur;
	int idx;
	u64 va;

	if (arg_page_any(ctx, args->argv[0], &page))
		return -1;
	if (args->argc > 1 &&
	    arg_int(ctx, args->argv[1], "CPU", 0, m->ncpus - 1, &cpu))
		return -1;
	va = kmap_atomic(m, page, (int)cpu, &idx, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "kmap_atomic(%s) on cpu%ld = %s\n", fpage(m, page), cpu,
		   fva(m, va));
	if (no_highmem_note(m))
		out_printf(ctx, "  %s\n", no_highmem_note(m));
	else if (idx < 0)
		out_printf(ctx, "  a lowmem page: kmap_atomic returns "
			   "page_address() and takes no slot\n");
	else {
		int depth = hm->cpu[cpu].depth - 1;

		sb_init(&sb);
		fix_name(m, (unsigned)idx, &sb);
		out_printf(ctx, "  slot   cpu%ld slot %d of %u: idx = %d + %u * "
			   "%ld = %d, fix_to_virt(FIX_KMAP_BEGIN + idx) = "
			   "fixmap %d (%s)\n", cpu, depth, hm->km_max_idx,
			   depth, hm->km_max_idx, cpu,
			   depth + (int)hm->km_max_idx * (int)cpu, idx, sb.buf);
		out_printf(ctx, "  pte    written in swapper_pg_dir (PAGE_KERNEL)"
			   "%s; preemption and page faults stay disabled until "
			   "kunmap_atomic (no sleeping)\n",
			   m->profile->kmap_flush_on_map ?
			   ", local TLB entry flushed" : "");
		sb_release(&sb);
		j_int(ctx, "cpu", cpu);
		j_int(ctx, "slot", depth);
		j_int(ctx, "fix_idx", idx);
	}
	return show_kmapped(ctx, va, page);
}

const struct cmd cmd_kmap_atomic = {
	.name = "kmap_atomic",
	.aliases = "kmap_local_page",
	.family = FAM_REGIONS,
	.usage = "[--walk] PAGE|PFN [CPU]",
	.summary = "map a page in the next kmap_atomic slot of a CPU (default: the current one)",
	.help =
	"Each CPU has km_max_idx fixmap slots used as a stack: the next free\n"
	"one is idx = depth + km_max_idx * cpu, at fix_to_virt(FIX_KMAP_BEGIN\n"
	"+ idx) (on the arm 3.x layout every fixmap slot is a kmap slot).\n"
	"The PTE is written in swapper_pg_dir; nothing can sleep until\n"
	"kunmap_atomic, which must release the most recent slot first.  i386\n"
	"and arm 6.1 model Linux 5.11+ kmap_local: the PTE is cleared and its\n"
	"TLB entry flushed at unmap.  arm 3.4/5.4: the PTE is written and the\n"
	"local TLB entry flushed at map, and left in place at unmap.  A\n"
	"lowmem page (every page on 64-bit) is returned by its direct-map\n"
	"address without a slot.  ptwalk keeps the slot stack per CPU (Linux\n"
	"5.11+ keeps it per task and restores it on a context switch).\n",
	.complete = "addr expr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmap_atomic_run,
};
