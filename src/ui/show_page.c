// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting the page allocator: pfns, GFP and page flags, and allocated
 * blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

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
