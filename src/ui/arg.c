// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Arguments that name the kernel's objects: GFP flags and orders, struct
 * pages, slab caches and their flags, processes, access kinds and
 * protections, and the x/FMT suffix.  A bad one fails the command with a
 * message that names it (cmd_error).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/ktask.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"

/*
 * The page allocator
 */

int
arg_gfp(struct ctx *ctx, const char *s, gfp_t *gfp)
{
	char err[1024];

	if (gfp_parse(s, gfp, err, sizeof(err)))
		return cmd_error(ctx, "GFP: %s", err);
	return 0;
}

int
arg_order(struct ctx *ctx, const char *s, unsigned *order)
{
	char *end;
	long neg;
	u64 v;

	/* the expression syntax has no negative numbers: catch "-1" here */
	neg = strtol(s, &end, 0);
	if (*s == '-' && *end == 0)
		return cmd_error(ctx, "ORDER %ld is negative: an order is the "
				 "log2 of a number of pages (0: one page, 10: "
				 "1024 pages)", neg);
	if (arg_u64(ctx, s, "ORDER", &v))
		return -1;
	if ((s64)v < 0)
		return cmd_error(ctx, "ORDER %lld is negative: an order is the "
				 "log2 of a number of pages (0: one page, 10: "
				 "1024 pages)", (long long)(s64)v);
	if (v > MAX_ORDER - 1)
		return cmd_error(ctx, "ORDER %llu is too large: the buddy "
				 "allocator's largest block is order %d "
				 "(MAX_ORDER - 1: %llu pages, 4M)",
				 (unsigned long long)v, MAX_ORDER - 1,
				 MAX_ORDER_NR_PAGES);
	*order = (unsigned)v;
	return 0;
}

static const char *
memmap_kind(const struct page_alloc *pgalloc)
{
	return pgalloc->vmemmap ? "vmemmap" : "mem_map";
}

int
arg_struct_page(struct ctx *ctx, const char *s, const char *what,
		struct page **page)
{
	struct machine *m = ctx->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	u64 v, last;

	if (arg_u64(ctx, s, what, &v))
		return -1;
	*page = sim_va_to_page(m, v);
	if (*page != NULL)
		return 0;
	last = pgalloc->memmap_va + (pgalloc->end_pfn - pgalloc->start_pfn - 1) *
		pgalloc->struct_page_size;
	if (v >= pgalloc->memmap_va && v <= last)
		return cmd_error(ctx, "%s: %s is inside a struct page, not at "
				 "its start (struct pages are %u bytes)", what,
				 fva(m, v), pgalloc->struct_page_size);
	return cmd_error(ctx, "%s: %s is not a struct page address: %s holds "
			 "them at %s-%s, %u bytes each (pfn_to_page PFN gives "
			 "one)", what, fva(m, v), memmap_kind(pgalloc),
			 fva(m, pgalloc->memmap_va), fva(m, last),
			 pgalloc->struct_page_size);
}

int
arg_page_any(struct ctx *ctx, const char *s, struct page **page)
{
	struct machine *m = ctx->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	struct error e;
	u64 v;

	if (arg_u64(ctx, s, "PFN|ADDR", &v))
		return -1;
	*page = sim_va_to_page(m, v);
	if (*page != NULL)
		return 0;
	if (pfn_valid(m, v)) {
		*page = pfn_to_page(m, v);
		return 0;
	}
	if (machine_check_va(m, v, NULL) == 0) {
		*page = virt_to_page(m, v, &e);
		if (*page != NULL)
			return 0;
	}
	return cmd_error(ctx, "PFN|ADDR: 0x%llx is neither a pfn of RAM "
			 "(%s-%s), a struct page address (%s %s-), nor a "
			 "direct-map kernel address", (unsigned long long)v,
			 fpfn(m, pgalloc->start_pfn), fpfn(m, pgalloc->end_pfn - 1),
			 memmap_kind(pgalloc), fva(m, pgalloc->memmap_va));
}

/*
 * The slab allocator
 */

int
arg_cache(struct ctx *ctx, const char *s, struct kmem_cache **cache)
{
	struct slab_state *ss = slab_of(ctx->m);
	const char *best = NULL;
	struct list_head *l;
	int bd = 4;

	*cache = kmem_cache_find(ctx->m, s);
	if (*cache != NULL)
		return 0;
	list_for_each(l, &ss->slab_caches) {
		const struct kmem_cache *c = list_entry(l, struct kmem_cache,
							list);
		int d = edit_distance(s, c->name);

		if (d < bd) {
			bd = d;
			best = c->name;
		}
	}
	if (best != NULL)
		return cmd_error(ctx, "no cache named '%s' (did you mean '%s'? "
				 "slabinfo lists them)", s, best);
	return cmd_error(ctx, "no cache named '%s' (slabinfo lists them; "
			 "kmem_cache_create makes one)", s);
}

static const struct {
	const char *name;
	slab_flags_t flag;
} slab_flag_names[] = {
	{ "SLAB_CONSISTENCY_CHECKS", SLAB_CONSISTENCY_CHECKS },
	{ "SLAB_RED_ZONE", SLAB_RED_ZONE },
	{ "SLAB_POISON", SLAB_POISON },
	{ "SLAB_KMALLOC", SLAB_KMALLOC },
	{ "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
	{ "SLAB_CACHE_DMA", SLAB_CACHE_DMA },
	{ "SLAB_CACHE_DMA32", SLAB_CACHE_DMA32 },
	{ "SLAB_STORE_USER", SLAB_STORE_USER },
	{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT },
	{ "SLAB_PANIC", SLAB_PANIC },
	{ "SLAB_TYPESAFE_BY_RCU", SLAB_TYPESAFE_BY_RCU },
	{ "SLAB_ACCOUNT", SLAB_ACCOUNT },
};

int
arg_slab_flags(struct ctx *ctx, const char *s, slab_flags_t *flags)
{
	char *copy, *tok, *save = NULL;
	int ret = 0;

	*flags = 0;
	copy = xstrdup(s);
	for (tok = strtok_r(copy, "|", &save); tok != NULL;
	     tok = strtok_r(NULL, "|", &save)) {
		size_t i;
		char *end;
		unsigned long v;

		for (i = 0; i < ARRAY_SIZE(slab_flag_names); i++)
			if (strcmp(tok, slab_flag_names[i].name) == 0)
				break;
		if (i < ARRAY_SIZE(slab_flag_names)) {
			*flags |= slab_flag_names[i].flag;
			continue;
		}
		v = strtoul(tok, &end, 0);
		if (*tok != 0 && *end == 0 && v <= 0xffffffffUL) {
			*flags |= (slab_flags_t)v;
			continue;
		}
		ret = cmd_error(ctx, "FLAGS: unknown flag '%s' (give "
				"SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, "
				"SLAB_CACHE_DMA32, SLAB_RECLAIM_ACCOUNT, "
				"SLAB_POISON or SLAB_PANIC, joined with '|', "
				"or a number)", tok);
		break;
	}
	free(copy);
	return ret;
}

void
slab_flags_string(slab_flags_t flags, struct strbuf *sb)
{
	size_t start = sb->len, i;

	for (i = 0; i < ARRAY_SIZE(slab_flag_names); i++)
		if (flags & slab_flag_names[i].flag)
			sb_addf(sb, "%s%s", sb->len > start ? "|" : "",
				slab_flag_names[i].name);
	if (sb->len == start)
		sb_adds(sb, "-");
}

/*
 * Processes and their memory
 */

int
arg_task(struct ctx *ctx, const char *arg, struct task_struct **t)
{
	struct machine *m = ctx->m;
	long pid;

	if (arg == NULL) {
		*t = current_task(m);
		if (*t == NULL)
			return cmd_error(ctx, "no process runs on cpu%d (give a "
					 "PID, or exec a program)", m->cur);
		return 0;
	}
	if (arg_int(ctx, arg, "PID", 1, 32767, &pid))
		return -1;
	*t = find_task(m, (int)pid);
	if (*t == NULL)
		return cmd_error(ctx, "no process with pid %ld (see ps)", pid);
	return 0;
}

int
arg_ktask(struct ctx *ctx, const char *arg, struct ktask *t,
	  struct strbuf *warn)
{
	struct machine *m = ctx->m;
	struct ktask *all;
	struct error e;
	long pid;
	int n, i;

	if (arg == NULL) {
		if (machine_cpu(m)->pid <= 0)
			return cmd_error(ctx, "give a PID: no process was "
					 "chosen with switch (see ps)");
		pid = machine_cpu(m)->pid;
	} else if (arg_int(ctx, arg, "PID", 0, 4194304, &pid)) {
		return -1;	/* PID_MAX_LIMIT */
	}
	if (ktasks_read(m, &all, &n, warn, &e))
		return cmd_error(ctx, "%s: %s needs the kernel's types and "
				 "init_task", e.msg, cmd_entry(ctx)->name);
	for (i = 0; i < n && all[i].pid != pid; i++)
		;
	if (i < n)
		*t = all[i];
	free(all);
	if (i == n)
		return cmd_error(ctx, "no task with pid %ld (see ps)", pid);
	return 0;
}

int
arg_task_live(struct ctx *ctx, const char *arg, struct task_struct **t)
{
	if (arg_task(ctx, arg, t))
		return -1;
	if ((*t)->mm == NULL)
		return cmd_error(ctx, "pid %d has no address space", (*t)->pid);
	return 0;
}

int
access_kind(const char *s)
{
	if (!strcmp(s, "r") || !strcmp(s, "read"))
		return ACC_READ;
	if (!strcmp(s, "w") || !strcmp(s, "write"))
		return ACC_WRITE;
	if (!strcmp(s, "x") || !strcmp(s, "exec") || !strcmp(s, "fetch"))
		return ACC_EXEC;
	return -1;
}

int
arg_prot(struct ctx *ctx, const char *s, unsigned *prot)
{
	static const struct {
		const char *name;
		unsigned v;
	} names[] = {
		{ "PROT_NONE", PROT_NONE }, { "PROT_READ", PROT_READ },
		{ "PROT_WRITE", PROT_WRITE }, { "PROT_EXEC", PROT_EXEC },
		{ "none", PROT_NONE }, { "read", PROT_READ },
		{ "write", PROT_WRITE }, { "exec", PROT_EXEC },
	};
	size_t i, n = strlen(s);
	u64 v;

	/* "rwx" letters ("rw", "r-x"; '-' for a missing right) */
	if (n >= 1 && n <= 3 && strspn(s, "rwx-") == n) {
		unsigned p = 0;

		for (i = 0; i < n; i++)
			if (s[i] == 'r')
				p |= PROT_READ;
			else if (s[i] == 'w')
				p |= PROT_WRITE;
			else if (s[i] == 'x')
				p |= PROT_EXEC;
		*prot = p;
		return 0;
	}
	if (strchr(s, '|') != NULL || strncmp(s, "PROT_", 5) == 0 ||
	    !strcmp(s, "none") || !strcmp(s, "read") || !strcmp(s, "write") ||
	    !strcmp(s, "exec")) {
		char *copy = xstrdup(s), *save = NULL, *w;
		unsigned p = 0;

		for (w = strtok_r(copy, "| ", &save); w;
		     w = strtok_r(NULL, "| ", &save)) {
			for (i = 0; i < ARRAY_SIZE(names); i++)
				if (!strcmp(w, names[i].name))
					break;
			if (i == ARRAY_SIZE(names)) {
				cmd_error(ctx, "PROT: unknown '%s' (give rwx "
					  "letters like rw or rx, none, or "
					  "PROT_READ|PROT_WRITE|PROT_EXEC)", w);
				free(copy);
				return -1;
			}
			p |= names[i].v;
		}
		free(copy);
		*prot = p;
		return 0;
	}
	if (isalpha((unsigned char)s[0]) && strspn(s, "abcdefghijklmnopqrstuvwxyz"
						    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_")
	    == n)
		return cmd_error(ctx, "PROT: '%s' is not rwx letters (r, rw, rx, "
				 "rwx), none, or PROT_READ|PROT_WRITE|"
				 "PROT_EXEC", s);
	if (arg_u64(ctx, s, "PROT", &v))
		return -1;
	if (v & ~7ULL)
		return cmd_error(ctx, "PROT: %#llx has bits other than "
				 "PROT_READ|PROT_WRITE|PROT_EXEC (7)",
				 (unsigned long long)v);
	*prot = (unsigned)v;
	return 0;
}

/*
 * x/FMT
 */

int
arg_xfmt(struct ctx *ctx, const char *s, struct xfmt *f)
{
	const char *p = s;

	f->count = 0;
	f->fmt = 'x';
	f->unit = ctx->m && ctx->m->arch->is64 ? 8 : 4;
	f->items = false;
	if (s == NULL)
		return 0;
	f->items = true;
	f->count = 1;
	if (isdigit((unsigned char)*p)) {
		f->count = 0;
		while (isdigit((unsigned char)*p)) {
			f->count = f->count * 10 + (u64)(*p - '0');
			if (f->count > 1 << 20)
				return cmd_error(ctx, "/%s: count too large (at "
						 "most 1048576)", s);
			p++;
		}
		if (f->count == 0)
			return cmd_error(ctx, "/%s: count must be positive", s);
	}
	for (; *p; p++) {
		if (strchr("xduotcas", *p))
			f->fmt = *p;
		else if (*p == 'b')
			f->unit = 1;
		else if (*p == 'h')
			f->unit = 2;
		else if (*p == 'w')
			f->unit = 4;
		else if (*p == 'g')
			f->unit = 8;
		else
			return cmd_error(ctx, "/%s: unknown letter '%c' (formats "
					 "x d u o t c a s; units b h w g)", s, *p);
	}
	if (f->fmt == 'c')
		f->unit = 1;
	if (f->fmt == 'a')
		f->unit = ctx->m && ctx->m->arch->is64 ? 8 : 4;
	return 0;
}

/* The byte count of x, xp: LEN (the argument, NULL: none) or what /FMT asks. */
int
arg_xlen(struct ctx *ctx, const struct xfmt *f, const char *lenarg, u64 max,
	 u64 *len)
{
	if (f->items && lenarg != NULL)
		return cmd_error(ctx, "give either /FMT or LEN, not both");
	if (lenarg != NULL) {
		if (arg_u64(ctx, lenarg, "LEN", len))
			return -1;
	} else {
		*len = f->items ? (f->fmt == 's' ? 256 * f->count :
				   f->count * f->unit) : 64;
	}
	if (*len == 0 || *len > max)
		return cmd_error(ctx, "LEN: %llu bytes (give 1 to %llu)",
				 (unsigned long long)*len,
				 (unsigned long long)max);
	return 0;
}
