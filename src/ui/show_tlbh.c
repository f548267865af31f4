// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The TLB hierarchy model for people: `set tlb-model` and the statistics
 * a replay prints.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ptwalk/format.h"
#include "ptwalk/out.h"
#include "ptwalk/show_tlbh.h"

static const char *const lv_name[TLBH_LEVELS] = { "itlb", "dtlb", "stlb" };
static const char *const lv_title[TLBH_LEVELS] = { "iTLB", "dTLB", "STLB" };

/* The machine's page sizes, smallest first, as the model numbers them. */
static int
page_sizes(const struct machine *m, u8 *shift)
{
	struct tlbh h;
	unsigned i;

	memset(&h, 0, sizeof(h));
	/* the model's own reading of the MMU, without its arrays */
	for (i = 0; i < m->mmu.npage_shifts && h.nsizes < TLBH_SIZES; i++) {
		u8 s = m->mmu.page_shifts[i];
		unsigned j;

		for (j = h.nsizes; j > 0 && h.shift[j - 1] > s; j--)
			h.shift[j] = h.shift[j - 1];
		h.shift[j] = s;
		h.nsizes++;
	}
	memcpy(shift, h.shift, TLBH_SIZES);
	return h.nsizes;
}

/* "4K+2M" of a size mask. */
static void
sizes_text(const struct machine *m, u8 mask, char *buf, size_t n)
{
	u8 shift[TLBH_SIZES];
	int ns = page_sizes(m, shift), i;
	size_t k = 0;

	buf[0] = 0;
	for (i = 0; i < ns && k + 1 < n; i++)
		if (mask & (1u << i))
			k += (size_t)snprintf(buf + k, n - k, "%s%s",
					      k ? "+" : "",
					      fsize(1ULL << shift[i]));
	if (k == 0)
		snprintf(buf, n, "-");
}

/* The walk level a walk cache holds (d levels above the pte's). */
static const char *
pwc_level(const struct machine *m, int d)
{
	int pos = m->mmu.nwalk - 2 - d;

	if (pos < 0)
		return NULL;
	return m->mmu.lv[m->mmu.walk[pos]].name;
}

void
show_tlbh_geom(struct ctx *ctx, const struct machine *m)
{
	const struct tlbh_geom *g = m->tlbh;
	char sz[32];
	int l, a, d;

	if (g == NULL) {
		out_printf(ctx, "tlb-model none: a replay counts the CPU's own "
			   "TLB only ('set tlb-model %s')\n",
			   tlbh_preset_names());
		j_str(ctx, "tlb_model", "none");
		return;
	}
	out_printf(ctx, "tlb-model %s: %s%s%s\n", g->name, g->cpu,
		   g->source ? "; " : "", g->source ? g->source : "");
	j_str(ctx, "tlb_model", g->name);
	j_str(ctx, "cpu", g->cpu);
	j_arr(ctx, "arrays");
	for (l = 0; l < TLBH_LEVELS; l++) {
		bool any = false;

		out_printf(ctx, "  %s ", lv_name[l]);
		for (a = 0; a < TLBH_ARRAYS; a++) {
			const struct tlbh_arr_geom *ag = &g->arr[l][a];

			if (ag->entries == 0)
				continue;
			sizes_text(m, ag->sizes, sz, sizeof(sz));
			out_printf(ctx, "%s %s %u entries %u-way", any ? ";" :
				   "", sz, ag->entries, ag->ways);
			any = true;
			j_obj(ctx, NULL);
			j_str(ctx, "level", lv_name[l]);
			j_str(ctx, "sizes", sz);
			j_u64(ctx, "entries", ag->entries);
			j_u64(ctx, "ways", ag->ways);
			j_obj_end(ctx);
		}
		out_printf(ctx, "%s\n", any ? "" : " none");
	}
	j_arr_end(ctx);
	out_printf(ctx, "  walk caches (fully associative):");
	j_arr(ctx, "walk_caches");
	for (d = 0; d < TLBH_PWC; d++) {
		const char *ln = pwc_level(m, d);

		if (ln == NULL)
			continue;
		out_printf(ctx, "%s %s %u", d ? "," : "", ln, g->pwc[d]);
		j_obj(ctx, NULL);
		j_str(ctx, "level", ln);
		j_u64(ctx, "entries", g->pwc[d]);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	out_printf(ctx, "\n  replacement %s", g->random ? "random" : "LRU");
	if (g->random)
		out_printf(ctx, " (seed %llu)", (unsigned long long)g->seed);
	out_printf(ctx, "\n");
	j_str(ctx, "replacement", g->random ? "random" : "lru");
}

/* "4K,2M" or "all" -> a size mask of the machine's sizes. */
static int
parse_sizes(struct ctx *ctx, const struct machine *m, const char *s, u8 *mask)
{
	u8 shift[TLBH_SIZES];
	int ns = page_sizes(m, shift), i;
	char buf[64], *tok, *save;

	*mask = 0;
	if (!strcmp(s, "all")) {
		*mask = (u8)((1u << ns) - 1);
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", s);
	for (tok = strtok_r(buf, ",+", &save); tok != NULL;
	     tok = strtok_r(NULL, ",+", &save)) {
		for (i = 0; i < ns; i++)
			if (!strcasecmp(tok, fsize(1ULL << shift[i])))
				break;
		if (i == ns) {
			char all[32];

			sizes_text(m, (u8)((1u << ns) - 1), all, sizeof(all));
			return cmd_error(ctx, "tlb-model: '%s' is not a page "
					 "size of %s (%s, or all)", tok,
					 m->arch->name, all);
		}
		*mask |= (u8)(1u << i);
	}
	return 0;
}

/* itlb|dtlb|stlb SIZES ENTRIES WAYS: the array holding SIZES. */
static int
set_array(struct ctx *ctx, struct tlbh_geom *g, int l, const struct args *a)
{
	struct tlbh_arr_geom *arr = g->arr[l];
	long entries, ways;
	u8 mask;
	int i;

	if (a->argc != 5)
		return cmd_error(ctx, "usage: set tlb-model %s SIZES ENTRIES "
				 "WAYS (SIZES: 4K,2M... or all)", lv_name[l]);
	if (parse_sizes(ctx, ctx->m, a->argv[2], &mask) ||
	    arg_int(ctx, a->argv[3], "ENTRIES", 0, 65535, &entries) ||
	    arg_int(ctx, a->argv[4], "WAYS", 1, 65535, &ways))
		return -1;
	for (i = 0; i < TLBH_ARRAYS; i++) {
		arr[i].sizes &= (u8)~mask;
		if (arr[i].sizes == 0)
			arr[i].entries = 0;
	}
	if (entries == 0)
		return 0;
	for (i = 0; i < TLBH_ARRAYS && arr[i].entries; i++)
		;
	if (i == TLBH_ARRAYS)
		return cmd_error(ctx, "tlb-model: %s has %d arrays already",
				 lv_name[l], TLBH_ARRAYS);
	arr[i].entries = (u16)entries;
	arr[i].ways = (u16)ways;
	arr[i].sizes = mask;
	return 0;
}

/* pwc N...: walk-cache entries, from the level above the pte's up. */
static int
set_pwc(struct ctx *ctx, struct tlbh_geom *g, const struct args *a)
{
	long n;
	int i;

	if (a->argc < 3)
		return cmd_error(ctx, "usage: set tlb-model pwc N [N...]: "
				 "entries of the walk caches, the one of the "
				 "level above the pte's first");
	for (i = 2; i < a->argc && i - 2 < TLBH_PWC; i++) {
		if (arg_int(ctx, a->argv[i], "N", 0, 4096, &n))
			return -1;
		g->pwc[i - 2] = (u16)n;
	}
	return 0;
}

/* One change to a copy of the model (its name becomes "custom"). */
static int
change(struct ctx *ctx, struct tlbh_geom *g, const struct args *a)
{
	const char *w = a->argv[1];
	int l;

	for (l = 0; l < TLBH_LEVELS; l++)
		if (!strcmp(w, lv_name[l]))
			return set_array(ctx, g, l, a);
	if (!strcmp(w, "pwc"))
		return set_pwc(ctx, g, a);
	if (!strcmp(w, "lru") || !strcmp(w, "random")) {
		if (a->argc != 2)
			return cmd_error(ctx, "usage: set tlb-model %s", w);
		g->random = w[0] == 'r';
		g->seed = ctx->seed;
		return 0;
	}
	return cmd_error(ctx, "tlb-model: '%s' is not none, a preset (%s), "
			 "itlb, dtlb, stlb, pwc, lru or random", w,
			 tlbh_preset_names());
}

int
set_tlb_model(struct ctx *ctx, const struct args *args)
{
	struct machine *m = ctx->m;
	const struct tlbh_geom *p;
	struct tlbh_geom g;
	char why[160];

	if (args->argc == 1) {
		show_tlbh_geom(ctx, m);
		return 0;
	}
	if (!strcmp(args->argv[1], "none") && args->argc == 2) {
		machine_tlb_model(m, NULL);
		return 0;
	}
	if ((p = tlbh_preset(args->argv[1])) != NULL) {
		if (args->argc != 2)
			return cmd_error(ctx, "usage: set tlb-model %s",
					 p->name);
		g = *p;
	} else {
		if (m->tlbh == NULL) {
			/* what a preset would take, to say what is wrong */
			g = tlbh_presets[0];
			if (change(ctx, &g, args))
				return -1;
			return cmd_error(ctx, "tlb-model: choose a preset first "
					 "(%s), then change it",
					 tlbh_preset_names());
		}
		g = *m->tlbh;
		if (change(ctx, &g, args))
			return -1;
		if (strncmp(g.name, "custom", 6))
			snprintf(g.name, sizeof(g.name), "custom-%.16s",
				 m->tlbh->name);
		g.source = "changed with set tlb-model";
	}
	if (tlbh_geom_check(&g, why, sizeof(why)))
		return cmd_error(ctx, "tlb-model: %s", why);
	/* a new model: the next replay starts afresh */
	machine_tlb_model(m, &g);
	return 0;
}

/* One level's row: lookups, hits, misses, and the misses by page size. */
static void
stats_level(struct ctx *ctx, const struct machine *m, const struct tlbh *h,
	    int l)
{
	u64 hits = tlbh_level_hits(h, l), misses = tlbh_level_misses(h, l);
	int s;
	bool any = false;

	out_printf(ctx, "    %-6s %12llu %12llu %12llu", lv_title[l],
		   (unsigned long long)(hits + misses),
		   (unsigned long long)hits, (unsigned long long)misses);
	j_obj(ctx, NULL);
	j_str(ctx, "level", lv_name[l]);
	j_u64(ctx, "lookups", hits + misses);
	j_u64(ctx, "hits", hits);
	j_u64(ctx, "misses", misses);
	j_arr(ctx, "sizes");
	for (s = 0; s < h->nsizes; s++) {
		if (h->hits[l][s] + h->misses[l][s] == 0)
			continue;
		out_printf(ctx, "%s%s %llu/%llu", any ? ", " : "  ",
			   fsize(1ULL << h->shift[s]),
			   (unsigned long long)h->hits[l][s],
			   (unsigned long long)h->misses[l][s]);
		any = true;
		j_obj(ctx, NULL);
		j_str(ctx, "size", fsize(1ULL << h->shift[s]));
		j_u64(ctx, "hits", h->hits[l][s]);
		j_u64(ctx, "misses", h->misses[l][s]);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	j_obj_end(ctx);
	out_printf(ctx, "\n");
	(void)m;
}

/* The walks: memory references by level, walk-cache hits. */
static void
stats_walks(struct ctx *ctx, const struct machine *m, const struct tlbh *h)
{
	u64 total = 0;
	int i, d;

	for (i = 0; i < h->nwalk; i++)
		total += h->refs[i];
	out_printf(ctx, "    %-6s %12llu  %llu memory references (", "walks",
		   (unsigned long long)h->walks, (unsigned long long)total);
	j_u64(ctx, "walks", h->walks);
	j_u64(ctx, "walk_refs", total);
	j_arr(ctx, "refs");
	for (i = 0; i < h->nwalk; i++) {
		out_printf(ctx, "%s%s %llu", i ? ", " : "",
			   m->mmu.lv[h->lvl[i]].name,
			   (unsigned long long)h->refs[i]);
		j_obj(ctx, NULL);
		j_str(ctx, "level", m->mmu.lv[h->lvl[i]].name);
		j_u64(ctx, "refs", h->refs[i]);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	out_printf(ctx, ")\n    walk-cache hits:");
	j_arr(ctx, "walk_cache_hits");
	for (d = 0; d < TLBH_PWC; d++) {
		const char *ln = pwc_level(m, d);

		if (ln == NULL)
			continue;
		out_printf(ctx, "%s %s %llu", d ? "," : "", ln,
			   (unsigned long long)h->pwc_hits[d]);
		j_obj(ctx, NULL);
		j_str(ctx, "level", ln);
		j_u64(ctx, "entries", h->g.pwc[d]);
		j_u64(ctx, "hits", h->pwc_hits[d]);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	out_printf(ctx, " (of %llu walks that could use one)\n",
		   (unsigned long long)h->pwc_lookups);
}

void
show_tlbh_stats(struct ctx *ctx, const struct machine *m,
		const struct tlbh *h)
{
	int l;

	out_printf(ctx, "  TLB model %s\n    %-6s %12s %12s %12s  hits/misses "
		   "by page size\n", h->g.name, "level", "lookups", "hits",
		   "misses");
	j_obj(ctx, "tlb_model");
	j_str(ctx, "name", h->g.name);
	j_arr(ctx, "levels");
	for (l = 0; l < TLBH_LEVELS; l++)
		stats_level(ctx, m, h, l);
	j_arr_end(ctx);
	stats_walks(ctx, m, h);
	j_obj_end(ctx);
}
