// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The fixmap slots: names, indices, addresses and what is mapped there.
 */
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

static void
show_mapped(struct ctx *ctx, unsigned idx, const struct fixslot *f)
{
	struct machine *m = ctx->m;
	u64 va = layout_fix_to_virt(&m->lay, idx);
	struct walk w;
	char attr[120];
	int cpu, depth;

	if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w) != WF_NONE)
		return;
	attr_string(w.attr, attr, sizeof(attr));
	out_printf(ctx, "    %-5u %s -> %s  %s", idx, fva(m, va),
		   fpa(m, w.pa), attr);
	j_obj(ctx, NULL);
	j_int(ctx, "idx", idx);
	j_str(ctx, "name", f->name);
	j_hex(ctx, "va", va);
	j_hex(ctx, "pa", w.pa);
	if (kmap_atomic_slot(m, va, &cpu, &depth)) {
		const struct highmem_state *hm = highmem_of(m);
		bool live = depth < hm->cpu[cpu].depth;

		out_printf(ctx, "  kmap_atomic cpu%d slot %d%s", cpu, depth,
			   live ? "" : " (released; the PTE stays)");
		j_int(ctx, "cpu", cpu);
		j_int(ctx, "slot", depth);
		j_bool(ctx, "live", live);
	}
	out_printf(ctx, "\n");
	j_obj_end(ctx);
}

static int
fixmap_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	int i;

	if (m->nfix == 0)
		return cmd_error(ctx, "this machine has no fixmap table");
	out_printf(ctx, "fix_to_virt(idx) = %s; %u indices "
		   "(__end_of_fixed_addresses)\n", L->fixmap_up ?
		   "FIXADDR_START + idx * 4K" : "FIXADDR_TOP - idx * 4K",
		   fix_end(m));
	out_printf(ctx, "%-28s %-11s %-*s  %s\n", "name", "index",
		   2 * m->arch->va_digits + 5, "addresses", "mapped now");
	j_arr(ctx, "slots");
	for (i = 0; i < m->nfix; i++) {
		const struct fixslot *f = &m->fix[i];
		u64 a = layout_fix_to_virt(L, f->idx);
		u64 b = layout_fix_to_virt(L, f->idx + f->count - 1);
		char idx[32];
		unsigned k, mapped = 0;
		struct walk w;

		if (f->count > 1)
			snprintf(idx, sizeof(idx), "%u-%u", f->idx,
				 f->idx + f->count - 1);
		else
			snprintf(idx, sizeof(idx), "%u", f->idx);
		for (k = 0; k < f->count; k++)
			if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				     layout_fix_to_virt(L, f->idx + k), &w) ==
			    WF_NONE)
				mapped++;
		out_printf(ctx, "%-28s %-11s %s-%s  %u of %u\n", f->name, idx,
			   fva(m, MIN(a, b)), fva(m, MAX(a, b) + PAGE_SIZE - 1),
			   mapped, f->count);
		for (k = 0; k < f->count && mapped; k++)
			show_mapped(ctx, f->idx + k, f);
	}
	j_arr_end(ctx);
	return 0;
}

const struct cmd cmd_fixmap = {
	.name = "fixmap",
	.family = FAM_REGIONS,
	.usage = "",
	.summary = "the fixmap slots: name, index, address, and what is mapped there now",
	.help =
	"Lists the arch's enum fixed_addresses groups (FIX_HOLE, FIX_APIC_BASE,\n"
	"the kmap_atomic slots FIX_KMAP_BEGIN..END, the boot-time FIX_BTMAP\n"
	"slots ...) with their indices, their addresses and how many of their\n"
	"PTEs are present in swapper_pg_dir; under each group every mapped\n"
	"slot: index, address, physical address, attributes, and for a\n"
	"kmap_atomic slot the CPU and stack depth (and whether it is still in\n"
	"use: arm leaves the PTE of a released slot).\n",
	.complete = "none",
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_SIM,
	.run = fixmap_run,
};
