// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Map a page into the kernel's persistent kmap window.
 */
#include "ptwalk/arg.h"
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"

static int
kmap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct highmem_state *hm = highmem_of(m);
	struct kreg_before b;
	struct page *page;
	struct error e;
	int slot;
	u64 va, was;

	if (arg_page_any(ctx, args->argv[0], &page))
		return -1;
	was = page->virtual;
	kreg_sample(m, &b);
	va = kmap(m, page, &slot, &e);
	show_trace(ctx);
	if (va == 0)
		return cmd_err(ctx, &e);
	out_printf(ctx, "kmap(%s) = %s\n", fpage(m, page), fva(m, va));
	if (no_highmem_note(m))
		out_printf(ctx, "  %s\n", no_highmem_note(m));
	else if (slot < 0)
		out_printf(ctx, "  a lowmem page is always mapped: kmap returns "
			   "page_address() and takes no slot\n");
	else {
		out_printf(ctx, "  slot   pkmap slot %d of %u (PKMAP_BASE + %d * "
			   "4K), pkmap_count %d (%s), last_pkmap_nr %u\n", slot,
			   hm->last_pkmap, slot, hm->pkmap_count[slot],
			   plural((u64)(hm->pkmap_count[slot] - 1), "user", NULL),
			   hm->last_pkmap_nr);
		out_printf(ctx, "  page   page->virtual = %s: page_address() "
			   "now returns it\n", fva(m, page->virtual));
		if (was == 0)
			show_pte_change(ctx, va, 1, &b);
		else
			out_printf(ctx, "  reuse  the page was still mapped "
				   "there: no new PTE\n");
		j_int(ctx, "slot", slot);
		j_int(ctx, "pkmap_count", hm->pkmap_count[slot]);
	}
	return show_kmapped(ctx, va, page);
}

const struct cmd cmd_kmap = {
	.name = "kmap",
	.family = FAM_REGIONS,
	.usage = "[--walk] PAGE|PFN",
	.summary = "map a (highmem) page in the persistent kmap window; the value is its address",
	.help =
	"kmap(page) as mm/highmem.c does it.  A lowmem page is always in\n"
	"the direct map: kmap returns page_address() and uses no slot.  A\n"
	"highmem page that is already kmapped gets the same address and one\n"
	"more user; otherwise map_new_virtual() scans the LAST_PKMAP slots\n"
	"at PKMAP_BASE from last_pkmap_nr + 1 for one whose pkmap_count is\n"
	"0, writes its PTE in pkmap_page_table (PAGE_KERNEL) and sets\n"
	"page->virtual, so that page_address() returns the slot.  When the\n"
	"scan wraps to slot 0, flush_all_zero_pkmaps() first releases every\n"
	"slot whose count is 1 (unused, but maybe still in a TLB) with one\n"
	"TLB flush of the whole window.  When every slot has users, the\n"
	"kernel's caller would sleep on pkmap_map_wait until a kunmap: ptwalk\n"
	"reports that and changes nothing.  This is why kmap may sleep and\n"
	"must not be called in atomic context (use kmap_atomic there).\n"
	"PAGE is a struct page address (alloc_pages gives one), a pfn, or a\n"
	"direct-map address.  On 64-bit machines all memory is in the direct\n"
	"map and kmap is page_address().\n",
	.complete = "addr",
	.opts = kreg_walk_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = kmap_run,
};
