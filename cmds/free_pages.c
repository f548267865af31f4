// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Free a block of pages, showing the buddy merges: by its kernel virtual
 * address (free_pages, free_page) or by its struct page (__free_pages,
 * __free_page).
 */
#include <stdio.h>

#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_page.h"

extern const struct cmd cmd_free_pages, cmd___free_pages, cmd___free_page;

/*
 * Free a block and show it with the kernel's merge steps (call: the
 * headline, e.g. "__free_pages(0xf7a20000, 2)").
 */
static int
free_block(struct ctx *ctx, struct page *page, unsigned order,
	   const char *call)
{
	struct machine *m = ctx->m;
	u64 pfn = page_to_pfn(m, page);
	struct zone *z = page_zone(m, page);
	struct error e;
	int refs = page_ref_count(page);

	if (__free_pages(m, page, order, &e))
		return cmd_err(ctx, &e);
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

/* free_pages(addr, order): ADDR must be a direct-map page address. */
static int
free_by_addr(struct ctx *ctx, const char *arg, unsigned order)
{
	struct machine *m = ctx->m;
	const char *name = cmd_entry(ctx)->name;
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
	return free_block(ctx, page, order, call);
}

static int
free_pages_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const struct cmd *c = cmd_entry(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	unsigned order = 0;
	char call[160];

	if (c == &cmd_free_pages && arg_order(ctx, args->argv[1], &order))
		return -1;
	if (c != &cmd___free_pages && c != &cmd___free_page)
		return free_by_addr(ctx, args->argv[0], order);
	if (arg_struct_page(ctx, args->argv[0], "PAGE", &page))
		return -1;
	if (c == &cmd___free_page) {
		snprintf(call, sizeof(call), "__free_page(%s)",
			 fva(m, sim_page_va(m, page)));
	} else {
		if (arg_order(ctx, args->argv[1], &order))
			return -1;
		snprintf(call, sizeof(call), "__free_pages(%s, %u)",
			 fva(m, sim_page_va(m, page)), order);
	}
	return free_block(ctx, page, order, call);
}

const struct cmd cmd_free_pages = {
	.name = "free_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "ADDR ORDER",
	.summary = "free a 2^ORDER block by its kernel virtual address",
	.help =
	"free_pages(addr, order) is __free_pages(virt_to_page(addr), order):\n"
	"ADDR is a direct-map address as __get_free_pages returns it.  An\n"
	"address outside the direct map (vmalloc, pkmap, user) has no\n"
	"virt_to_page and is refused, as is one that is not page aligned.\n"
	"See 'help __free_pages' for the merges and the checks.\n",
	.complete = "addr expr:0,1,2,3,4,5,6,7,8,9,10",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE,
	.run = free_pages_run,
};

const struct cmd cmd_free_page = {
	.name = "free_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "ADDR",
	.summary = "free one frame by its kernel virtual address (free_pages ADDR 0)",
	.help =
	"free_pages(addr, 0), for what get_free_page and get_zeroed_page\n"
	"return.  See 'help free_pages'.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.run = free_pages_run,
};

const struct cmd cmd___free_pages = {
	.name = "__free_pages",
	.family = FAM_PAGE_ALLOC,
	.usage = "PAGE ORDER",
	.summary = "free a 2^ORDER block by its struct page, showing the buddy merges",
	.help =
	"PAGE is a struct page address, as alloc_pages returns it ($_) or\n"
	"pfn_to_page gives it.  __free_pages drops the caller's reference;\n"
	"when it was the last, __free_one_page puts the block back: while the\n"
	"buddy (pfn ^ (1 << order)) is a free block of the same order in the\n"
	"same zone, the two merge and the order grows, up to 10; each step is\n"
	"shown.  The merged block goes to the head of its free list, or to the\n"
	"tail when its buddy one order up is free (buddy_merge_likely).  If\n"
	"someone else still holds a reference (get_page), Linux 6.1 frees all\n"
	"of a non-compound block but its first page.\n"
	"Misuse that would corrupt the kernel is refused with what is wrong,\n"
	"and nothing changes: a block freed twice, a wrong ORDER (the kernel\n"
	"does not record it, ptwalk does), a page inside a block or a tail\n"
	"page of a compound page, a reserved page, a page still mapped or\n"
	"with flags set (Linux's \"Bad page state\").\n",
	.complete = "addr expr:0,1,2,3,4,5,6,7,8,9,10",
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_SIM | CMD_TRACE,
	.run = free_pages_run,
};

const struct cmd cmd___free_page = {
	.name = "__free_page",
	.family = FAM_PAGE_ALLOC,
	.usage = "PAGE",
	.summary = "free one frame by its struct page (__free_pages PAGE 0)",
	.help =
	"__free_pages(page, 0): see 'help __free_pages' for the merges and\n"
	"the checks.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.run = free_pages_run,
};
