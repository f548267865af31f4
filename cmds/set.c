// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Change a session setting.
 */
#include <string.h>
#include <unistd.h>

#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/show_tlbh.h"

static int
set_tlb(struct ctx *ctx, const struct args *args)
{
	struct machine *m = ctx->m;
	long entries, ways;
	int i;

	if (args->argc == 2) {
		bool on;

		if (arg_bool(ctx, args->argv[1], "tlb", &on))
			return -1;
		m->tlb_on = on;
		if (!on)
			for (i = 0; i < m->ncpus; i++)
				tlb_flush_all(&m->cpu[i].tlb);
		return 0;
	}
	if (arg_int(ctx, args->argv[1], "ENTRIES", 1, 1 << 20, &entries) ||
	    arg_int(ctx, args->argv[2], "WAYS", 1, 64, &ways))
		return -1;
	if (entries % ways || ((entries / ways) & (entries / ways - 1)))
		return cmd_error(ctx, "%ld entries in %ld ways: entries/ways "
				 "must be a power of two (the number of sets)",
				 entries, ways);
	for (i = 0; i < m->ncpus; i++) {
		tlb_release(&m->cpu[i].tlb);
		tlb_init(&m->cpu[i].tlb, (unsigned)entries, (unsigned)ways,
			 m->mmu.page_shifts, m->mmu.npage_shifts);
	}
	m->tlb_on = true;
	return 0;
}

/* progress on|off; host-mem-limit SIZE|off|auto, or its value. */
static int
set_host(struct ctx *ctx, const struct args *args)
{
	char lim[32], ram[32];
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	u64 v;

	if (!strcmp(args->argv[0], "progress")) {
		if (args->argc != 2)
			return cmd_error(ctx, "usage: set progress on|off");
		return arg_bool(ctx, args->argv[1], "progress",
				&progress_enabled);
	}
	if (args->argc == 1) {
		fmt_mem(lim, sizeof(lim), host_mem_limit_bytes());
		fmt_mem(ram, sizeof(ram), pages > 0 && psz > 0 ?
			(u64)pages * (u64)psz : 0);
		if (host_mem_limit == 0)
			out_printf(ctx, "host-mem-limit off\n");
		else
			out_printf(ctx, "host-mem-limit %s%s%s%s\n", lim,
				   host_mem_limit == HOST_MEM_AUTO ?
				   " (auto: half of this host's " : "",
				   host_mem_limit == HOST_MEM_AUTO ? ram : "",
				   host_mem_limit == HOST_MEM_AUTO ?
				   " of RAM, or of its memory cgroup)" : "");
		return 0;
	}
	if (args->argc != 2)
		return cmd_error(ctx, "usage: set host-mem-limit "
				 "SIZE|off|auto");
	if (!strcmp(args->argv[1], "off")) {
		host_mem_limit = 0;
	} else if (!strcmp(args->argv[1], "auto")) {
		host_mem_limit = HOST_MEM_AUTO;
	} else {
		if (arg_u64(ctx, args->argv[1], "host-mem-limit", &v))
			return -1;
		if (v < 16 * MiB || v == HOST_MEM_AUTO)
			return cmd_error(ctx, "host-mem-limit: give at least "
					 "16M, 'off' or 'auto'");
		host_mem_limit = v;
	}
	return 0;
}

/* image-cache [SIZE]: the cache of decompressed pages of an image. */
static int
set_image_cache(struct ctx *ctx, const struct args *args)
{
	struct machine *m = ctx->m;
	u64 filled, dropped, cache, v;

	if (m == NULL || m->phys.lazy == NULL)
		return cmd_error(ctx, "image-cache: only the pages of a "
				 "compressed image (kdump-compressed, AVML) "
				 "are cached");
	if (args->argc == 1) {
		phys_lazy_stats(&m->phys, &filled, &dropped, &cache);
		out_printf(ctx, "image-cache %s (%llu pages read, %llu dropped "
			   "and read again on use)\n",
			   fsize(cache << PAGE_SHIFT),
			   (unsigned long long)filled,
			   (unsigned long long)dropped);
		return 0;
	}
	if (args->argc != 2)
		return cmd_error(ctx, "usage: set image-cache SIZE");
	if (arg_u64(ctx, args->argv[1], "image-cache", &v))
		return -1;
	if (v < 256 * KiB || v > 64 * GiB)
		return cmd_error(ctx, "image-cache: give 256K to 64G");
	phys_lazy_set_cache(&m->phys, v >> PAGE_SHIFT);
	return 0;
}

static int
set_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *o = args->argv[0];
	bool v;

	if (args->argc == 0) {
		out_printf(ctx, "json %s\necho %s\nverbose %s\nbail %s\n"
			   "tlb %s\nseed %llu\npager %s\nredirect %s\n",
			   ctx->json ? "on" : "off",
			   ctx->echo ? "on" : "off", ctx->verbose ? "on" : "off",
			   ctx->bail ? "on" : "off",
			   ctx->m && ctx->m->tlb_on ? "on" : "off",
			   (unsigned long long)ctx->seed,
			   ctx->pager ? "on" : "off",
			   ctx->redirect == REDIRECT_AUTO ? "auto" :
			   ctx->redirect == 1 ? "on" : "off");
		out_printf(ctx, "tlb-model %s\n", ctx->m && ctx->m->tlbh ?
			   ctx->m->tlbh->name : "none");
		out_printf(ctx, "progress %s\nhost-mem-limit %s\n",
			   progress_enabled ? "on" : "off",
			   host_mem_limit == HOST_MEM_AUTO ? "auto" :
			   host_mem_limit == 0 ? "off" : fsize(host_mem_limit));
		return 0;
	}
	if (args->argc > 0 && (!strcmp(o, "progress") ||
			 !strcmp(o, "host-mem-limit")))
		return set_host(ctx, args);
	if (!strcmp(o, "image-cache"))
		return set_image_cache(ctx, args);
	if (!strcmp(o, "tlb-model")) {
		if (ctx->m == NULL)
			return cmd_error(ctx, "tlb-model: no machine");
		return set_tlb_model(ctx, args);
	}
	if (!strcmp(o, "tlb")) {
		if (args->argc != 2 && args->argc != 3)
			return cmd_error(ctx, "usage: set tlb on|off, or set "
					 "tlb ENTRIES WAYS");
		return set_tlb(ctx, args);
	}
	if (args->argc != 2)
		return cmd_error(ctx, "usage: set %s VALUE", o);
	if (!strcmp(o, "seed")) {
		u64 s;

		if (arg_u64(ctx, args->argv[1], "seed", &s))
			return -1;
		ctx->seed = s;
		return 0;
	}
	if (!strcmp(o, "redirect") && ctx->redirect == REDIRECT_NEVER)
		return cmd_error(ctx, "redirect: output redirection is disabled "
				 "in this session");
	if (!strcmp(o, "redirect") && !strcmp(args->argv[1], "auto")) {
		ctx->redirect = REDIRECT_AUTO;
		return 0;
	}
	if (!strcmp(o, "redirect") && strcmp(args->argv[1], "on") &&
	    strcmp(args->argv[1], "off"))
		return cmd_error(ctx, "redirect: '%s' is not on, off or auto",
				 args->argv[1]);
	if (arg_bool(ctx, args->argv[1], o, &v))
		return -1;
	if (!strcmp(o, "json")) {
		/* the result of this very command follows the new mode */
		if (v && !ctx->json) {
			ctx->json = true;
			out_begin(ctx);
		} else if (!v && ctx->json) {
			ctx->json = false;
		}
	} else if (!strcmp(o, "echo")) {
		ctx->echo = v;
	} else if (!strcmp(o, "verbose")) {
		ctx->verbose = v;
	} else if (!strcmp(o, "bail")) {
		ctx->bail = v;
	} else if (!strcmp(o, "pager")) {
		ctx->pager = v;
	} else if (!strcmp(o, "redirect")) {
		ctx->redirect = v;
	} else {
		return cmd_error(ctx, "unknown setting '%s' (settings: json, "
				 "echo, verbose, bail, tlb, tlb-model, seed, "
				 "pager, "
				 "redirect, progress, host-mem-limit, image-cache)",
				 o);
	}
	return 0;
}

const struct cmd cmd_set = {
	.name = "set",
	.family = FAM_SESSION,
	.usage = "[OPTION VALUE]",
	.summary = "change a setting (json, pager, redirect, tlb, seed ...)",
	.help =
	"  set json on|off      one JSON object per command result (--json)\n"
	"  set echo on|off      print each command before its output (--echo)\n"
	"  set verbose on|off   allocators also show their inner steps\n"
	"                       (buddy splits and merges, new slabs, new tables)\n"
	"  set bail on|off      stop a command file at the first error (--bail)\n"
	"  set tlb on|off       translations and memory accesses use the TLB\n"
	"  set tlb ENTRIES WAYS resize every CPU's TLB (ENTRIES/WAYS sets, a\n"
	"                       power of two); the TLB starts empty\n"
	"  set tlb-model NAME   the TLB hierarchy a trace replay models\n"
	"                       beside the CPU's TLB: split iTLB/dTLB, a\n"
	"                       unified STLB, page-walk caches.  Presets:\n"
	"                       skylake, haswell (Intel's Optimization\n"
	"                       Reference Manual), cortex-a76 (Arm's\n"
	"                       Cortex-A76 TRM); the walk-cache sizes (32,\n"
	"                       4, 2) are assumed, none being published;\n"
	"                       none turns it off, no NAME shows it\n"
	"  set tlb-model LEVEL  SIZES ENTRIES WAYS: the array of LEVEL\n"
	"                       (itlb, dtlb or stlb) holding SIZES (4K,2M\n"
	"                       or all); 0 ENTRIES removes it\n"
	"  set tlb-model pwc    N...: walk-cache entries, the level above\n"
	"                       the pte's first (x86: PDE, PDPTE, PML4E)\n"
	"  set tlb-model lru    or random: the replacement (random: seeded\n"
	"                       by set seed)\n"
	"  set seed N           seed for labs and randomised choices\n"
	"  set pager on|off     long output at the prompt goes through\n"
	"                       $PAGER (--no-pager: off; 'help output')\n"
	"  set redirect MODE    '| SHELLCMD', '> FILE' and '>> FILE' after a\n"
	"                       command: auto (the default) at the prompt\n"
	"                       only, on in command files and -c too, or off\n"
	"  set progress on|off  a command that runs over a second shows how\n"
	"                       far it is on stderr, when that is a terminal\n"
	"  set host-mem-limit   SIZE, off or auto: the host memory ptwalk may\n"
	"                       hold (simulated RAM with data, page\n"
	"                       descriptors, its heap); a long command that\n"
	"                       grows past it stops as on Ctrl-C.  auto (the\n"
	"                       default) is half the host's RAM; 'set\n"
	"                       host-mem-limit' shows it\n"
	"  set image-cache SIZE the decompressed pages of a compressed image\n"
	"                       (kdump-compressed, AVML) kept (default 4M;\n"
	"                       written pages are always kept); 'set\n"
	"                       image-cache' shows it and the pages read\n"
	"With no argument, prints the current settings.\n",
	.complete = "words:json,echo,verbose,bail,tlb,tlb-model,seed,pager,redirect,"
		    "progress,host-mem-limit,image-cache expr:on,off,auto",
	.min_args = 0,
	.max_args = 6,
	.flags = CMD_NOMACHINE,
	.run = set_run,
};
