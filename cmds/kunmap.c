// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Drop one user of a page's persistent kmap.
 */
#include "ptwalk/arg.h"
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/show_page.h"

static int
kunmap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct highmem_state *hm = highmem_of(m);
	struct page *page;
	struct error e;
	u64 va;
	int nr;

	if (arg_page_any(ctx, args->argv[0], &page))
		return -1;
	va = page->virtual;
	if (kunmap(m, page, &e))
		return cmd_err(ctx, &e);
	show_trace(ctx);
	if (no_highmem_note(m) || !PageHighMem(m, page)) {
		out_printf(ctx, "kunmap(%s): a %s page has no kmap slot: "
			   "nothing to do\n", fpage(m, page),
			   no_highmem_note(m) ? "direct-map" : "lowmem");
		return 0;
	}
	nr = pkmap_nr(m, va);
	out_printf(ctx, "kunmap(%s): pkmap slot %d, pkmap_count %d", fpage(m, page),
		   nr, hm->pkmap_count[nr]);
	if (hm->pkmap_count[nr] == 1)
		out_printf(ctx, ": no user left; the slot keeps its PTE (and "
			   "maybe TLB entries) until flush_all_zero_pkmaps, "
			   "so a new kmap of this page reuses %s\n", fva(m, va));
	else
		out_printf(ctx, " (%s left)\n",
			   plural((u64)(hm->pkmap_count[nr] - 1), "user", NULL));
	j_hex(ctx, "va", va);
	j_int(ctx, "slot", nr);
	j_int(ctx, "pkmap_count", hm->pkmap_count[nr]);
	return 0;
}

const struct cmd cmd_kunmap = {
	.name = "kunmap",
	.family = FAM_REGIONS,
	.usage = "PAGE|PFN",
	.summary = "release one kmap of a page",
	.help =
	"kunmap(page): for a highmem page, kunmap_high() decrements the\n"
	"pkmap_count of its slot.  At 1 the slot has no user but stays mapped\n"
	"(page->virtual too) until the next flush_all_zero_pkmaps(), when the\n"
	"kmap scan wraps: until then a kmap of the same page reuses it.  A\n"
	"lowmem page has no slot and kunmap does nothing.  kunmap of a\n"
	"highmem page that is not kmapped is an error (the kernel would\n"
	"BUG).\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = kunmap_run,
};
