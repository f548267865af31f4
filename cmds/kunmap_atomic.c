// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Release the most recent kmap_atomic slot of a CPU.
 */
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/whatis.h"

static int
kunmap_atomic_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct error e;
	int cpu, depth, r;
	u64 addr;

	if (arg_va(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	r = kunmap_atomic(m, addr, &e);
	if (r < 0)
		return cmd_err(ctx, &e);
	show_trace(ctx);
	if (r > 0) {
		struct strbuf sb;

		if (virt_to_page(m, addr, NULL) != NULL) {
			out_printf(ctx, "kunmap_atomic(%s): a direct-map address "
				   "(kmap_atomic of a lowmem page): nothing to "
				   "do\n", fva(m, addr));
			return 0;
		}
		sb_init(&sb);
		if (kaddr_owner(m, addr, &sb) > 0)
			r = cmd_error(ctx, "%s is not a kmap_atomic address: "
				      "it is %s", fva(m, addr), sb.buf);
		else
			r = cmd_error(ctx, "%s is not a kmap_atomic address "
				      "(the kmap_atomic slots are fixmap "
				      "FIX_KMAP_BEGIN..FIX_KMAP_END)",
				      fva(m, addr));
		sb_release(&sb);
		return r;
	}
	kmap_atomic_slot(m, addr, &cpu, &depth);
	out_printf(ctx, "kunmap_atomic(%s): cpu%d slot %d released (%d still "
		   "in use on cpu%d)\n", fva(m, addr), cpu, depth, depth, cpu);
	j_hex(ctx, "va", addr);
	j_int(ctx, "cpu", cpu);
	j_int(ctx, "slot", depth);
	return 0;
}

const struct cmd cmd_kunmap_atomic = {
	.name = "kunmap_atomic",
	.aliases = "kunmap_local",
	.family = FAM_REGIONS,
	.usage = "ADDR",
	.summary = "release a kmap_atomic slot (it must be its CPU's most recent)",
	.help =
	"The slots of a CPU are a stack: ADDR must be the last one that\n"
	"kmap_atomic returned on that CPU; otherwise ptwalk says which slot\n"
	"must be released first (Linux 5.11+ WARNs; the older arm code\n"
	"silently pops the top slot, unmapping the wrong page).  i386 clears\n"
	"the PTE and flushes its TLB entry (flush_tlb_one_kernel); arm leaves\n"
	"the PTE.  A direct-map address (kmap_atomic of a lowmem page) needs\n"
	"nothing.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kunmap_atomic_run,
};
