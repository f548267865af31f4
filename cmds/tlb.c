// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Show a CPU's TLB, its statistics, or flush it.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
cmp_entry(const void *a, const void *b)
{
	const struct tlb_entry *x = *(const struct tlb_entry *const *)a;
	const struct tlb_entry *y = *(const struct tlb_entry *const *)b;

	if (x->va != y->va)
		return x->va < y->va ? -1 : 1;
	return (int)x->asid - (int)y->asid;
}

/* Does the entry still say what the tables say?  (current space only) */
static const char *
entry_state(struct machine *m, struct cpu *c, const struct tlb_entry *e)
{
	struct walk w;
	/* with PTI, user mode fills user addresses from the user pgd */
	bool user = m->user_pgd_offset && e->va < m->lay.task_size;

	if (!e->global && e->asid != c->asid &&
	    e->asid != cpu_tag(m, c, ACC_USER))
		return "other asid";
	if ((user ? machine_walk_user(m, c, e->va, &w) :
	     machine_walk(m, c, e->va, &w)) != WF_NONE)
		return "STALE: now unmapped";
	if ((w.pa & ~((1ULL << e->shift) - 1)) != e->pa || w.shift != e->shift)
		return "STALE: remapped";
	if (w.perm != e->perm)
		return "STALE: rights changed";
	return "";
}

static int
tlb_list(struct ctx *ctx, struct cpu *c)
{
	struct machine *m = ctx->m;
	struct tlb *t = &c->tlb;
	size_t n = (size_t)t->sets * t->ways, k, cnt = 0, i;
	struct tlb_entry **v = xcalloc(n ? n : 1, sizeof(*v));

	for (k = 0; k < n; k++)
		if (t->tag[k])
			v[cnt++] = &t->e[k];
	qsort(v, cnt, sizeof(*v), cmp_entry);
	out_printf(ctx, "cpu%d TLB: %zu of %zu entries (%u sets x %u ways), "
		   "%s %u, %s\n", c->id, cnt, n, t->sets, t->ways,
		   tag_name(m, false), c->asid,
		   m->tlb_on ? "on" : "off");
	if (cnt)
		out_printf(ctx, "  %-*s  %-*s  %5s %5s %-6s %s\n",
			   m->arch->va_digits + 2, "va", m->arch->pa_digits + 2,
			   "pa", "size", tag_name(m, true), "global", "rights");
	j_int(ctx, "cpu", c->id);
	j_int(ctx, "entries", (long long)n);
	j_int(ctx, "ways", t->ways);
	j_arr(ctx, "tlb");
	for (i = 0; i < cnt; i++) {
		char perm[64];
		const char *st = entry_state(m, c, v[i]);

		perm_string(v[i]->perm, perm, sizeof(perm));
		out_printf(ctx, "  %s  %s  %5s %5u %-6s %-*s%s%s\n",
			   fva(m, v[i]->va), fpa(m, v[i]->pa),
			   fsize(1ULL << v[i]->shift), v[i]->asid,
			   v[i]->global ? "yes" : "no", *st ? 22 : 0, perm,
			   *st ? " " : "", st);
		j_obj(ctx, NULL);
		j_hex(ctx, "va", v[i]->va);
		j_hex(ctx, "pa", v[i]->pa);
		j_u64(ctx, "page_size", 1ULL << v[i]->shift);
		j_int(ctx, "asid", v[i]->asid);
		j_bool(ctx, "global", v[i]->global);
		j_bool(ctx, "stale", !strncmp(st, "STALE", 5));
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	free(v);
	return 0;
}

static int
tlb_stats(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	int i;

	out_printf(ctx, "%-5s %10s %10s %6s %10s %9s %6s %6s %6s\n", "cpu",
		   "hits", "misses", "hit%", "fills", "evictions", "full",
		   "page", tag_name(m, true));
	j_arr(ctx, "cpus");
	for (i = 0; i < m->ncpus; i++) {
		const struct tlb *t = &m->cpu[i].tlb;
		double tot = (double)(t->hits + t->misses);

		out_printf(ctx, "cpu%-2d %10llu %10llu %5.1f%% %10llu %9llu "
			   "%6llu %6llu %6llu\n", i,
			   (unsigned long long)t->hits,
			   (unsigned long long)t->misses,
			   tot > 0 ? 100.0 * (double)t->hits / tot : 0.0,
			   (unsigned long long)t->fills,
			   (unsigned long long)t->evictions,
			   (unsigned long long)t->flush_all,
			   (unsigned long long)t->flush_page,
			   (unsigned long long)t->flush_asid);
		j_obj(ctx, NULL);
		j_int(ctx, "cpu", i);
		j_u64(ctx, "hits", t->hits);
		j_u64(ctx, "misses", t->misses);
		j_u64(ctx, "fills", t->fills);
		j_u64(ctx, "evictions", t->evictions);
		j_u64(ctx, "flush_all", t->flush_all);
		j_u64(ctx, "flush_page", t->flush_page);
		j_u64(ctx, "flush_asid", t->flush_asid);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	out_printf(ctx, "(flush columns: full flushes, single-page "
		   "invalidations, per-ASID flushes)\n");
	return 0;
}

static int
tlb_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	bool every = args_has(ctx, "--all-cpus");
	int i, first = every ? 0 : m->cur, last = every ? m->ncpus : m->cur + 1;

	if (args->argc == 0)
		return tlb_list(ctx, c);
	if (!strcmp(args->argv[0], "stats")) {
		if (args->argc > 1)
			return cmd_usage(ctx);
		return tlb_stats(ctx);
	}
	if (strcmp(args->argv[0], "flush"))
		return cmd_error(ctx, "'%s': say tlb, tlb stats, or tlb flush "
				 "[VADDR|all]", args->argv[0]);
	if (args->argc > 2)
		return cmd_usage(ctx);
	if (args->argc == 1 || !strcmp(args->argv[1], "all")) {
		for (i = first; i < last; i++)
			tlb_flush_all(&m->cpu[i].tlb);
		out_printf(ctx, "flushed every entry (global ones too) on %s\n",
			   every ? "every CPU" : "the current CPU");
		j_str(ctx, "flushed", "all");
		return 0;
	} else {
		u64 va;

		if (arg_va(ctx, args->argv[1], "VADDR", &va))
			return -1;
		for (i = first; i < last; i++)
			tlb_flush_page(&m->cpu[i].tlb, va, m->cpu[i].asid);
		out_printf(ctx, "invalidated the page of %s (%s %u and global "
			   "entries) on %s\n", fva(m, va), tag_name(m, false),
			   c->asid,
			   every ? "every CPU" : "the current CPU");
		j_str(ctx, "flushed", "page");
		j_hex(ctx, "va", va);
	}
	return 0;
}

static const struct cmd_opt tlb_opts[] = {
	{ "--all-cpus", NULL, NULL, "flush on every CPU, not just the current one" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_tlb = {
	.name = "tlb",
	.family = FAM_TRANSLATION,
	.usage = "[stats | flush [VADDR|all]] [--all-cpus]",
	.summary = "the current CPU's TLB: entries, statistics, flush",
	.help =
	"With no argument, lists the entries of the current CPU's TLB sorted\n"
	"by address: page, frame, size, the address-space tag (x86 PCID, ARM\n"
	"ASID), whether it is global, its rights, and whether it is STALE:\n"
	"an entry of the running address space whose page-table entry has\n"
	"changed since it was cached (a flush is missing).  'tlb stats' gives\n"
	"hits, misses, fills, evictions and flushes of every CPU.  'tlb flush\n"
	"VADDR' invalidates one page (x86 invlpg, ARM TLBIMVA: the running\n"
	"address space's entry and any global one); 'tlb flush' or 'tlb\n"
	"flush all' drops every entry, global ones too.  Flushes act on the\n"
	"current CPU unless --all-cpus is given.  The TLB is a single level\n"
	"of sets and ways (resize it with 'set tlb ENTRIES WAYS'): real parts\n"
	"have separate first-level TLBs in front of it.\n",
	.complete = "words:stats,flush addr",
	.opts = tlb_opts,
	.min_args = 0,
	.max_args = 2,
	.run = tlb_run,
};
