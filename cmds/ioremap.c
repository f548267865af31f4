// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Map a physical range (device memory) into the vmalloc area.
 */
#include "ptwalk/ioremap.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"

static int
ioremap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct ioremap_mode *mode = ioremap_modes(m), *md;
	struct kreg_before b;
	struct error e;
	u64 phys, size, va;
	bool direct;

	if (arg_u64(ctx, args->argv[0], "PADDR", &phys) ||
	    arg_u64(ctx, args->argv[1], "SIZE", &size))
		return -1;
	if (args->argc > 2) {
		mode = ioremap_mode_find(m, args->argv[2]);
		if (mode == NULL) {
			struct strbuf sb;
			int r;

			sb_init(&sb);
			for (md = ioremap_modes(m); md->name; md++)
				sb_addf(&sb, "%s%s (%s)", sb.len ? ", " : "",
					md->name, md->fn);
			r = cmd_error(ctx, "MODE: '%s' is not a cache mode of "
				      "%s's ioremap: %s", args->argv[2],
				      m->arch->name, sb.buf);
			sb_release(&sb);
			return r;
		}
	}
	kreg_sample(m, &b);
	va = ioremap_caller(m, phys, size, mode, "cmd_ioremap [ptwalk]",
			    &direct, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "%s(%s, %llu) = %s\n", mode->fn, fpa(m, phys),
		   (unsigned long long)size, fva(m, va));
	if (direct) {
		out_printf(ctx, "  RAM already has a cacheable mapping: "
			   "ioremap_cache returns its linear-map address "
			   "(no area)\n");
		j_hex(ctx, "va", va);
		j_hex(ctx, "pa", phys);
		j_u64(ctx, "size", size);
		j_str(ctx, "region", region_name(m, va));
	} else {
		out_printf(ctx, "  mode   %s\n", mode->what);
		show_area(ctx, find_vm_area(m, va & PAGE_MASK), va, &b);
	}
	j_str(ctx, "mode", mode->fn);
	show_opt_walk(ctx, va);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_ioremap = {
	.name = "ioremap",
	.family = FAM_REGIONS,
	.usage = "[--walk] PADDR SIZE [MODE]",
	.summary = "map device memory into the vmalloc area; the value is its address",
	.help =
	"ioremap(paddr, size) maps a physical range, typically a device's\n"
	"registers outside RAM, into a VM_IOREMAP area of the vmalloc space.\n"
	"The range is widened to whole pages and the returned address keeps\n"
	"the sub-page offset of PADDR.  The area is aligned to its size\n"
	"rounded up to a power of two, up to IOREMAP_MAX_ORDER (x86-32 4M or\n"
	"2M, x86_64 and arm64 1G, arm 16M), so that large ranges can use huge\n"
	"leaves where the arch maps them (x86_64, x86 PAE, arm64; not x86\n"
	"2-level paging, not SMP arm).  MODE is the cache mode: on x86 uc-\n"
	"(ioremap, the default: PCD), uc (ioremap_uc), wc (ioremap_wc), cache\n"
	"(ioremap_cache); on arm and arm64 device (the default), wc, cache.\n"
	"RAM is refused as the arch refuses it: x86 maps only reserved RAM\n"
	"(never a page the page allocator manages, free or not); arm and\n"
	"arm64 no RAM at all (arm64 ioremap_cache of RAM returns its\n"
	"linear-map address).  Simplified: x86's PAT memtype tracking\n"
	"(memtype_reserve) is not modelled.  Undo with 'iounmap ADDR'.\n",
	.complete = "expr expr words:uc-,uc,wc,cache,device",
	.opts = kreg_walk_opts,
	.min_args = 2,
	.max_args = 3,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = ioremap_run,
};
