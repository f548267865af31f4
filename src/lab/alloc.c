// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises on the page allocator: 6 the buddy allocator splitting a
 * block and coalescing it again, 7 GFP flags and zones on a 1G i386.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/lab.h"
#include "ptwalk/out.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/show_page.h"

static struct zone *
normal_zone(struct machine *m)
{
	return &page_alloc_of(m)->node_data[0]->node_zones[ZONE_NORMAL];
}

static struct zone *
high_zone(struct machine *m)
{
	return &page_alloc_of(m)->node_data[0]->node_zones[ZONE_HIGHMEM];
}

/* A zone's line of /proc/buddyinfo. */
static void
buddy_line(struct zone *z, struct strbuf *sb)
{
	int o;

	sb_addf(sb, "%s:", z->name);
	for (o = 0; o < MAX_ORDER; o++)
		sb_addf(sb, " %lu", z->free_area[o].nr_free);
}

/* The order of the free block that holds pfn now (-1: not free). */
static int
free_order(struct machine *m, u64 pfn)
{
	struct page_state st;

	sim_page_state(m, pfn, &st);
	return st.kind == PS_FREE ? (int)st.order : -1;
}

static struct page *
alloc_traced(struct lab_sol *s, gfp_t gfp, unsigned order, struct error *e)
{
	struct page *page;

	kt_begin(s->m);
	page = alloc_pages(s->m, gfp, order, e);
	sol_trace(s);
	return page;
}

/*
 * Exercise 6: the buddy allocator
 *   p[0] the order k, p[1..3] the orders of the workload's blocks
 */

static int
buddy_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	int i;

	(void)m;
	(void)e;
	r->p[0] = lab_rand(r, 1, 4);
	for (i = 1; i <= 3; i++)
		r->p[i] = lab_rand(r, 0, 6);
	return 0;
}

static int
buddy_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	int i;

	for (i = 1; i <= 3; i++)
		if (alloc_pages(m, GFP_KERNEL, (unsigned)r->p[i], e) == NULL)
			return -1;
	return 0;
}

static int
buddy_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	unsigned k = (unsigned)r->p[0];
	int q, w = m->arch->pa_digits - 3;

	(void)e;
	lab_intro(r, "A workload took three blocks from zone Normal of this "
		  "fresh machine, of orders %llu, %llu and %llu, and holds them. "
		  " Read Normal's line of 'buddyinfo': column o counts the free "
		  "blocks of order o (2^o pages).  Then take two blocks of order "
		  "%u, A and B, with 'alloc_pages GFP_KERNEL %u' twice, and "
		  "give them back with '__free_pages PAGE %u', A first ('set "
		  "verbose on' shows alloc_pages' splits; __free_pages always "
		  "shows its merges).  Answer each question before the step "
		  "that shows it.", (unsigned long long)r->p[1],
		  (unsigned long long)r->p[2], (unsigned long long)r->p[3], k,
		  k, k);
	lab_ask(r, LF_NUM, NULL, "__rmqueue_smallest takes the first non-empty "
		"free list from order k upwards: look right of column k in "
		"Normal's buddyinfo line", "From which order's free list will "
		"'alloc_pages GFP_KERNEL %u' take its block?", k);
	lab_ask(r, LF_NUM, NULL, "each split halves the block: from order j "
		"down to order k is j - k splits", "How many times will "
		"expand() split that block in two?");
	q = lab_ask(r, LF_HEX, NULL, "alloc_pages prints the pfns of the block",
		    "Allocate block A: the pfn of its first frame?");
	lab_digits(r, q, w);
	q = lab_ask(r, LF_HEX, NULL, "the buddy of an order-k block is at pfn ^ "
		    "(1 << k)", "The pfn of A's buddy of order %u?", k);
	lab_digits(r, q, w);
	lab_ask(r, LF_WORD, "yes,no", "B is A's buddy when B's pfn is A's pfn ^ "
		"(1 << k)", "Allocate block B the same way: is B A's buddy?");
	lab_ask(r, LF_NUM, NULL, "__free_pages shows each merge: a block merges "
		"only while its buddy is free", "Free A: the order of the free "
		"block A is part of afterwards?");
	lab_ask(r, LF_NUM, NULL, "__free_pages shows each merge", "Free B: the "
		"order of the free block B is part of afterwards?");
	lab_ask(r, LF_NUM, NULL, "'buddyinfo': Normal's column of that order",
		"Then: how many free blocks of order %u does Normal have?", k);
	return 0;
}

static int
buddy_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	struct zone *z = normal_zone(m);
	unsigned k = (unsigned)s->r->p[0], j;
	struct page *a, *b;
	u64 pa, pb, buddy;
	struct strbuf sb;
	int oa, ob;

	sb_init(&sb);
	buddy_line(z, &sb);
	sol_step(s, "Step 1: Normal's free lists before (buddyinfo, orders 0 "
		 "to %d)", MAX_ORDER - 1);
	sol_say(s, "%s", sb.buf);
	sb_release(&sb);
	for (j = k; j < MAX_ORDER && z->free_area[j].nr_free == 0; j++)
		;
	if (j == MAX_ORDER)
		return error_set(e, -ENOMEM, "Normal has no free block of "
				 "order %u or more", k);
	sol_say(s, "the first non-empty list from order %u up is free_area[%u]: "
		"%s to get down to order %u", k, j, plural(j - k, "split", NULL),
		k);
	lab_want(s, 1, j);
	lab_mistake(s, 1, k, "free_area[%u] of Normal is empty: look further "
		    "right", k);
	lab_want(s, 2, j - k);
	lab_mistake(s, 2, j, "that is the order; count the halvings from "
		    "order %u down to %u", j, k);

	sol_step(s, "Step 2: alloc_pages GFP_KERNEL %u (block A)", k);
	a = alloc_traced(s, GFP_KERNEL, k, e);
	if (a == NULL)
		return -1;
	pa = page_to_pfn(m, a);
	buddy = pa ^ (1ULL << k);
	sol_say(s, "A = pfns %s-%s, struct page %s", fpfn(m, pa),
		fpfn(m, pa + (1ULL << k) - 1), fva(m, sim_page_va(m, a)));
	lab_want(s, 3, pa);
	lab_mistake(s, 3, sim_page_va(m, a), "that is A's struct page (the "
		    "value $_); give its pfn");
	lab_mistake(s, 3, pa << PAGE_SHIFT, "that is A's physical address; the "
		    "pfn is that >> 12");
	sol_say(s, "A's buddy of order %u: %s ^ %#llx = %s", k, fpfn(m, pa),
		1ULL << k, fpfn(m, buddy));
	lab_want(s, 4, buddy);
	lab_mistake(s, 4, pa + (1ULL << k), "the buddy is pfn ^ (1 << order): "
		    "the next block is the buddy only when bit %u of the pfn is "
		    "clear", k);

	sol_step(s, "Step 3: alloc_pages GFP_KERNEL %u (block B)", k);
	b = alloc_traced(s, GFP_KERNEL, k, e);
	if (b == NULL)
		return -1;
	pb = page_to_pfn(m, b);
	sol_say(s, "B = pfns %s-%s, struct page %s: %s A's buddy", fpfn(m, pb),
		fpfn(m, pb + (1ULL << k) - 1), fva(m, sim_page_va(m, b)),
		pb == buddy ? "it is" : "it is not");
	lab_want_word(s, 5, pb == buddy ? "yes" : "no");

	sol_step(s, "Step 4: __free_pages A %u", k);
	kt_begin(m);
	if (__free_pages(m, a, k, e))
		return -1;
	sol_trace(s);
	oa = free_order(m, pa);
	sol_say(s, "A's frames are now part of a free block of order %d", oa);
	lab_want(s, 6, (u64)oa);

	sol_step(s, "Step 5: __free_pages B %u", k);
	kt_begin(m);
	if (__free_pages(m, b, k, e))
		return -1;
	sol_trace(s);
	ob = free_order(m, pb);
	sol_say(s, "B's frames are now part of a free block of order %d", ob);
	lab_want(s, 7, (u64)ob);

	sol_step(s, "Step 6: Normal's free lists after");
	sb_init(&sb);
	buddy_line(z, &sb);
	sol_say(s, "%s", sb.buf);
	sb_release(&sb);
	lab_want(s, 8, z->free_area[k].nr_free);
	return 0;
}

const struct lab lab_buddy = {
	.nr = 6,
	.title = "the buddy allocator: split a block, free it, coalesce",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "buddyinfo, alloc_pages, __free_pages, set verbose on",
	.draw = buddy_draw,
	.setup = buddy_setup,
	.ask = buddy_ask,
	.solve = buddy_solve,
};

/*
 * Exercise 7: GFP flags and zones
 *   p[0] the order of the HighMem request, p[1] HighMem's free pages above
 *   its low watermark after the workload (0..2^(p[0]+1)), p[2] p[3] p[4]
 *   the masks asked about (indices into the tables below), p[5] the order
 *   of the GFP_DMA request, p[6] that of the lowmem one
 */

struct gfp_choice {
	const char *name;
	gfp_t gfp;
};

static const struct gfp_choice lowmem_masks[] = {
	{ "GFP_KERNEL", GFP_KERNEL }, { "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_USER", GFP_USER }, { "GFP_NOIO", GFP_NOIO },
	{ "GFP_NOFS", GFP_NOFS },
};
static const struct gfp_choice dma32_masks[] = {
	{ "GFP_DMA32", GFP_DMA32 },
	{ "GFP_KERNEL|GFP_DMA32", GFP_KERNEL | GFP_DMA32 },
};
static const struct gfp_choice high_masks[] = {
	{ "GFP_HIGHUSER", GFP_HIGHUSER },
	{ "GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE },
};

static int
gfp_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)e;
	if (!populated_zone(high_zone(m)))
		return error_set(e, -EINVAL, "exercise 7 needs highmem");
	r->p[0] = lab_rand(r, 0, 3);
	r->p[1] = lab_rand(r, 0, 2ULL << r->p[0]);
	r->p[2] = lab_rand(r, 0, ARRAY_SIZE(lowmem_masks) - 1);
	r->p[3] = lab_rand(r, 0, ARRAY_SIZE(dma32_masks) - 1);
	r->p[4] = lab_rand(r, 0, ARRAY_SIZE(high_masks) - 1);
	r->p[5] = lab_rand(r, 0, 3);
	r->p[6] = lab_rand(r, 0, 5);
	return 0;
}

/* Take HighMem down to its low watermark + p[1] free pages. */
static int
gfp_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	struct zone *hz = high_zone(m);
	unsigned long want = low_wmark_pages(hz) + (unsigned long)r->p[1];
	int o;

	for (o = MAX_ORDER - 1; o >= 0; o--) {
		while (hz->nr_free_pages >= want + (1UL << o)) {
			struct page *p = alloc_pages(m, GFP_HIGHUSER, (unsigned)o,
						     e);

			if (p == NULL)
				return -1;
			if (page_zone(m, p) != hz) {
				/* no block this large left in HighMem */
				if (__free_pages(m, p, (unsigned)o, e))
					return -1;
				break;
			}
		}
	}
	if (hz->nr_free_pages != want)
		return error_set(e, -EINVAL, "HighMem kept %lu free pages, not "
				 "%lu", hz->nr_free_pages, want);
	return 0;
}

static void
zones_of_this(struct machine *m, struct strbuf *sb)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	int t;

	for (t = 0; t < MAX_NR_ZONES; t++)
		if (zone_configured(pgalloc, t) &&
		    populated_zone(&pgalloc->node_data[0]->node_zones[t]))
			sb_addf(sb, "%s%s", sb->len ? "," : "",
				pgalloc->node_data[0]->node_zones[t].name);
}

static int
gfp_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	unsigned k = (unsigned)r->p[0], kd = (unsigned)r->p[5];
	unsigned kl = (unsigned)r->p[6];
	const char *low = lowmem_masks[r->p[2]].name;
	const char *d32 = dma32_masks[r->p[3]].name;
	const char *high = high_masks[r->p[4]].name;
	struct zone *hz = high_zone(m);
	struct strbuf zones;
	char *hint;

	(void)e;
	sb_init(&zones);
	zones_of_this(m, &zones);
	lab_intro(r, "On a 32-bit machine with 1G of RAM the kernel has three "
		  "zones: DMA below 16M, Normal up to the end of lowmem, HighMem "
		  "above it.  The GFP flags of an allocation say which zones it "
		  "may use.  A workload holds all of HighMem but %lu free pages. "
		  " Run these in order and say where each block lands: "
		  "'alloc_pages GFP_DMA %u', 'alloc_pages %s %u', 'alloc_pages "
		  "%s %u', 'alloc_pages %s %u', 'get_free_page %s'.  'zoneinfo' "
		  "shows each zone's free pages and watermarks, 'help gfp' the "
		  "zones each mask may use, 'set verbose on' why a zone is "
		  "passed over.", hz->nr_free_pages, kd, low, kl, d32, kl, high,
		  k, high);
	lab_ask(r, LF_WORD, zones.buf, "GFP_DMA allows ZONE_DMA only",
		"'alloc_pages GFP_DMA %u': which zone does the block come "
		"from?", kd);
	hint = xasprintf("%s allows Normal and the zones below it, tried from "
			 "the highest", low);
	lab_ask(r, LF_WORD, zones.buf, hint, "'alloc_pages %s %u': which "
		"zone?", low, kl);
	free(hint);
	lab_ask(r, LF_WORD, zones.buf, "a zone the kernel lacks counts as "
		"Normal ('help gfp')", "'alloc_pages %s %u': which zone (i386 "
		"has no ZONE_DMA32)?", d32, kl);
	hint = xasprintf("from the highest zone the flags allow downwards: "
			 "'help gfp' lists them for this machine");
	lab_ask(r, LF_LIST, zones.buf, hint, "The zones %s may use, in the "
		"order they are tried?", high);
	free(hint);
	lab_ask(r, LF_NUM, NULL, "'zoneinfo': the low line of zone HighMem",
		"HighMem's low watermark, in pages?");
	lab_ask(r, LF_WORD, zones.buf, "the fast path takes a block from a zone "
		"only if its free pages minus (2^order - 1) stay above the low "
		"watermark, and a free block of that order is left",
		"'alloc_pages %s %u' now: which zone?", high, k);
	lab_ask(r, LF_WORD, "yes,no", "get_free_page returns a kernel virtual "
		"address", "Can 'get_free_page %s' give a page?", high);
	sb_release(&zones);
	return 0;
}

static int
gfp_one(struct lab_sol *s, int step, int q, const struct gfp_choice *c,
	unsigned k, struct error *e)
{
	struct page *p;

	sol_step(s, "Step %d: alloc_pages %s %u", step, c->name, k);
	p = alloc_traced(s, c->gfp, k, e);
	if (p == NULL)
		return -1;
	sol_say(s, "the block is pfn %s in zone %s",
		fpfn(s->m, page_to_pfn(s->m, p)), page_zone(s->m, p)->name);
	lab_want_word(s, q, page_zone(s->m, p)->name);
	return 0;
}

static int
gfp_solve(struct lab_sol *s, struct error *e)
{
	static const struct gfp_choice dma = { "GFP_DMA", GFP_DMA };
	struct machine *m = s->m;
	const struct page_alloc *pgalloc = page_alloc_of(m);
	const struct zoneref *zr = NODE_DATA(pgalloc, 0)->
		node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	const u64 *p = s->r->p;
	const struct gfp_choice *high = &high_masks[p[4]];
	unsigned k = (unsigned)p[0];
	struct zone *hz = high_zone(m);
	int top = gfp_zone(m, high->gfp);
	long left;
	struct strbuf sb;
	struct error why;
	u64 va;

	if (gfp_one(s, 1, 1, &dma, (unsigned)p[5], e) ||
	    gfp_one(s, 2, 2, &lowmem_masks[p[2]], (unsigned)p[6], e) ||
	    gfp_one(s, 3, 3, &dma32_masks[p[3]], (unsigned)p[6], e))
		return -1;
	lab_mistake_word(s, 3, "DMA", "GFP_DMA32 asks for the 4G DMA32 zone, "
			 "which i386 does not have: it counts as Normal");
	sb_init(&sb);
	for (; zr->zone != NULL; zr++)
		if (zr->zone_idx <= top)
			sb_addf(&sb, "%s%s", sb.len ? "," : "", zr->zone->name);
	sol_step(s, "Step 4: %s's zones", high->name);
	sol_say(s, "gfp_zone(%s) = %s; node 0's zonelist from there down: %s",
		high->name, NODE_DATA(pgalloc, 0)->node_zones[top].name,
		sb.buf);
	lab_want_word(s, 4, sb.buf);
	sb_release(&sb);
	sol_say(s, "HighMem: %lu free pages; watermarks min %lu, low %lu, high "
		"%lu", hz->nr_free_pages, min_wmark_pages(hz),
		low_wmark_pages(hz), high_wmark_pages(hz));
	lab_want(s, 5, low_wmark_pages(hz));
	lab_mistake(s, 5, min_wmark_pages(hz), "that is the min watermark; the "
		    "fast path checks low");
	lab_mistake(s, 5, high_wmark_pages(hz), "that is the high watermark; "
		    "the fast path checks low");
	left = (long)hz->nr_free_pages - (long)((1UL << k) - 1);
	sol_say(s, "an order-%u block leaves %lu - %lu = %ld pages, which %s "
		"above low %lu", k, hz->nr_free_pages, (1UL << k) - 1, left,
		left > (long)low_wmark_pages(hz) ? "is" : "is not",
		low_wmark_pages(hz));
	if (gfp_one(s, 5, 6, high, k, e))
		return -1;

	sol_step(s, "Step 6: get_free_page %s", high->name);
	error_clear(&why);
	va = __get_free_pages(m, high->gfp, 0, &why);
	if (va == 0)
		sol_say(s, "it fails: %s", why.msg);
	else
		sol_say(s, "it gives %s", fva(m, va));
	lab_want_word(s, 7, va ? "yes" : "no");
	return 0;
}

const struct lab lab_gfp = {
	.nr = 7,
	.title = "GFP flags and zones on a 1G i386",
	.args = "--arch i386 --kernel 2.6 --mem 1G",
	.commands = "alloc_pages, get_free_page, zoneinfo, help gfp",
	.draw = gfp_draw,
	.setup = gfp_setup,
	.ask = gfp_ask,
	.solve = gfp_solve,
};
