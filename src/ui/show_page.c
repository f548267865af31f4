// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting the page allocator: arguments (GFP flags, orders, struct page
 * addresses) and allocated blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

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
memmap_kind(const struct page_alloc *pa)
{
	return pa->vmemmap ? "vmemmap" : "mem_map";
}

int
arg_struct_page(struct ctx *ctx, const char *s, const char *what,
		struct page **page)
{
	struct machine *m = ctx->m;
	const struct page_alloc *pa = page_alloc_of(m);
	u64 v, last;

	if (arg_u64(ctx, s, what, &v))
		return -1;
	*page = sim_va_to_page(m, v);
	if (*page != NULL)
		return 0;
	last = pa->memmap_va + (pa->end_pfn - pa->start_pfn - 1) *
		pa->struct_page_size;
	if (v >= pa->memmap_va && v <= last)
		return cmd_error(ctx, "%s: %s is inside a struct page, not at "
				 "its start (struct pages are %u bytes)", what,
				 fva(m, v), pa->struct_page_size);
	return cmd_error(ctx, "%s: %s is not a struct page address: %s holds "
			 "them at %s-%s, %u bytes each (pfn_to_page PFN gives "
			 "one)", what, fva(m, v), memmap_kind(pa),
			 fva(m, pa->memmap_va), fva(m, last),
			 pa->struct_page_size);
}

int
arg_page_any(struct ctx *ctx, const char *s, struct page **page)
{
	struct machine *m = ctx->m;
	const struct page_alloc *pa = page_alloc_of(m);
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
			 fpfn(m, pa->start_pfn), fpfn(m, pa->end_pfn - 1),
			 memmap_kind(pa), fva(m, pa->memmap_va));
}

const char *
fgfp(gfp_t gfp)
{
	char *b = fmt_buf();

	gfp_format(gfp, b, 200);
	return b;
}

void
page_flag_string(const struct page *p, struct strbuf *sb)
{
	size_t start = sb->len;
	int b;

	for (b = 0; b < NR_PAGEFLAGS; b++)
		if (p->flags & (1u << b))
			sb_addf(sb, "%s%s", sb->len > start ? "|" : "",
				pageflag_names[b]);
	if (sb->len == start)
		sb_adds(sb, "-");
}

void
show_block(struct ctx *ctx, struct page *page, unsigned order, bool with_page)
{
	struct machine *m = ctx->m;
	u64 pfn = page_to_pfn(m, page), pa = pfn << PAGE_SHIFT;
	u64 size = PAGE_SIZE << order, va = page_address(m, page);
	struct zone *z = page_zone(m, page);
	const struct region *r = va ? machine_region(m, va) : NULL;
	const char *region = r ? r->name : "highmem";

	if (with_page)
		out_printf(ctx, "  page  %s (struct page)\n",
			   fva(m, sim_page_va(m, page)));
	if (order)
		out_printf(ctx, "  pfn   %s-%s (%llu pages, %s, order %u)\n",
			   fpfn(m, pfn), fpfn(m, pfn + (1ULL << order) - 1),
			   1ULL << order, fsize(size), order);
	else
		out_printf(ctx, "  pfn   %s (1 page, 4K, order 0)\n",
			   fpfn(m, pfn));
	out_printf(ctx, "  pa    %s-%s\n", fpa(m, pa), fpa(m, pa + size - 1));
	out_printf(ctx, "  zone  %s (node %d)\n", z->name,
		   z->zone_pgdat->node_id);
	if (va)
		out_printf(ctx, "  va    %s (%s)\n", fva(m, va), region);
	else
		out_printf(ctx, "  va    none: a highmem page has no kernel "
			   "mapping until kmap\n");
	j_hex(ctx, "page", sim_page_va(m, page));
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "pa", pa);
	j_u64(ctx, "size", size);
	j_int(ctx, "order", order);
	j_str(ctx, "zone", z->name);
	j_int(ctx, "node", z->zone_pgdat->node_id);
	if (va)
		j_hex(ctx, "va", va);
	else
		j_null(ctx, "va");
	j_str(ctx, "region", region);
}

int
free_block_cmd(struct ctx *ctx, struct page *page, unsigned order,
	       const char *call)
{
	struct machine *m = ctx->m;
	u64 pfn = page_to_pfn(m, page);
	struct zone *z = page_zone(m, page);
	struct error e;
	int refs = page_ref_count(page);

	kt_begin(m);
	if (__free_pages(m, page, order, &e)) {
		kt_end(m);
		return cmd_err(ctx, &e);
	}
	if (order)
		out_printf(ctx, "%s: pfn %s-%s (%s) back to %s (node %d)\n",
			   call, fpfn(m, pfn), fpfn(m, pfn + (1ULL << order) - 1),
			   fsize(PAGE_SIZE << order), z->name,
			   z->zone_pgdat->node_id);
	else
		out_printf(ctx, "%s: pfn %s (4K) back to %s (node %d)\n", call,
			   fpfn(m, pfn), z->name, z->zone_pgdat->node_id);
	j_hex(ctx, "page", sim_page_va(m, page));
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "pa", pfn << PAGE_SHIFT);
	j_u64(ctx, "size", PAGE_SIZE << order);
	j_int(ctx, "order", order);
	j_str(ctx, "zone", z->name);
	j_int(ctx, "node", z->zone_pgdat->node_id);
	j_int(ctx, "refcount_before", refs);
	show_trace(ctx);
	return 0;
}

int
free_by_addr(struct ctx *ctx, const char *arg, unsigned order,
	     const char *name)
{
	struct machine *m = ctx->m;
	struct page *page;
	struct error e;
	char call[160];
	u64 va;

	if (arg_va(ctx, arg, "ADDR", &va))
		return -1;
	if (va & (PAGE_SIZE - 1))
		return cmd_error(ctx, "ADDR: %s is not page aligned: %s takes "
				 "the address __get_free_pages returned",
				 fva(m, va), name);
	page = virt_to_page(m, va, &e);
	if (page == NULL)
		return cmd_error(ctx, "ADDR: %s", e.msg);
	if (order)
		snprintf(call, sizeof(call), "%s(%s, %u)", name, fva(m, va),
			 order);
	else
		snprintf(call, sizeof(call), "%s(%s)", name, fva(m, va));
	return free_block_cmd(ctx, page, order, call);
}

int
page_cmd_get_page(struct ctx *ctx, int argc, char **argv, bool zero)
{
	struct machine *m = ctx->m;
	struct error e;
	gfp_t gfp = GFP_KERNEL;
	u64 va;

	if (argc > 1 && arg_gfp(ctx, argv[1], &gfp))
		return -1;
	if (ctx->verbose)
		kt_begin(m);
	va = zero ? get_zeroed_page(m, gfp, &e) : __get_free_pages(m, gfp, 0, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "%s(%s) = %s\n", zero ? "get_zeroed_page" :
		   "__get_free_page", fgfp(gfp), fva(m, va));
	show_block(ctx, virt_to_page(m, va, NULL), 0, true);
	if (zero)
		out_printf(ctx, "  4096 bytes zeroed (__GFP_ZERO)\n");
	cmd_set_value(ctx, va);
	return 0;
}
