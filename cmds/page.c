// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Decode the struct page of a frame.
 */
#include "ptwalk/arg.h"
#include "ptwalk/format.h"
#include "ptwalk/kstate.h"
#include "ptwalk/out.h"
#include "ptwalk/show_page.h"
#include "ptwalk/show_pid.h"

static const char *
state_name(enum page_state_kind k)
{
	switch (k) {
	case PS_RESERVED:
		return "reserved";
	case PS_FREE:
		return "free";
	case PS_ALLOCATED:
		return "allocated";
	case PS_TAIL_COMPOUND:
		return "compound tail";
	case PS_ORPHAN:
		return "orphan";
	case PS_NOT_RAM:
		break;
	}
	return "not RAM";
}

static void
describe_state(struct ctx *ctx, struct page *page, u64 pfn,
	       const struct page_state *st, struct strbuf *sb)
{
	struct machine *m = ctx->m;
	struct zone *z = page_zone(m, page);
	struct page *head = pfn_to_page(m, st->head);
	u64 n = 1ULL << st->order;

	switch (st->kind) {
	case PS_RESERVED:
		sb_addf(sb, "reserved at boot by memblock (%s): never given "
			"to the buddy allocator", st->what);
		break;
	case PS_FREE:
		if (st->head == pfn)
			sb_addf(sb, "free: head of an order-%u block (%s) on "
				"free_area[%u] of %s", st->order,
				plural(n, "page", NULL), st->order, z->name);
		else
			sb_addf(sb, "free: page %llu of the order-%u block at "
				"pfn %s", (unsigned long long)(pfn - st->head),
				st->order, fpfn(m, st->head));
		break;
	case PS_ALLOCATED:
		if (st->head == pfn)
			sb_addf(sb, "allocated: head of an order-%u block (%s, "
				"%s)", st->order, plural(n, "page", NULL),
				fgfp(head->alloc_gfp));
		else
			sb_addf(sb, "allocated: page %llu of the order-%u block "
				"at pfn %s (page %s)",
				(unsigned long long)(pfn - st->head), st->order,
				fpfn(m, st->head),
				fva(m, sim_page_va(m, head)));
		if (head->owner != NULL) {
			sb_addf(sb, "; owner: %s", head->owner->name);
			if (head->owner->describe != NULL) {
				sb_adds(sb, ", ");
				head->owner->describe(m, head, sb);
			}
		}
		break;
	case PS_TAIL_COMPOUND:
		sb_addf(sb, "tail page %llu of the compound order-%u page at "
			"pfn %s (compound_head = %s | 1)",
			(unsigned long long)(pfn - st->head), st->order,
			fpfn(m, st->head), fva(m, sim_page_va(m, head)));
		break;
	case PS_ORPHAN:
		sb_adds(sb, "in no free list and no allocated block");
		break;
	case PS_NOT_RAM:
		break;
	}
}

static const char *const kpage_state_names[] = {
	[KP_FREE_HEAD] = "free", [KP_FREE] = "free", [KP_TAIL] = "compound tail",
	[KP_SLAB] = "slab", [KP_USED] = "in use",
};

static void
image_page_state(struct ctx *ctx, const struct kpage *p, struct strbuf *sb)
{
	struct machine *m = ctx->m;

	switch (p->state) {
	case KP_FREE_HEAD:
		sb_addf(sb, "free: head of an order-%u block (%s) on "
			"free_area[%u]", p->order,
			plural(1ULL << p->order, "page", NULL), p->order);
		break;
	case KP_FREE:
		sb_addf(sb, "free: page %llu of the order-%u block at pfn %s",
			(unsigned long long)(p->pfn - p->block_pfn), p->order,
			fpfn(m, p->block_pfn));
		break;
	case KP_TAIL:
		sb_addf(sb, "tail page %llu of the compound ",
			(unsigned long long)(p->pfn - p->block_pfn));
		if (p->have_order)
			sb_addf(sb, "order-%u ", p->order);
		sb_addf(sb, "page at pfn %s (compound_head = %s | 1)",
			fpfn(m, p->block_pfn), fva(m, p->compound_head - 1));
		break;
	case KP_SLAB:
		if (p->slab_cache[0])
			sb_addf(sb, "a slab of %s (kmem_cache %s)",
				p->slab_cache, fva(m, p->slab_cache_va));
		else
			sb_adds(sb, "a slab page (PG_slab): which cache needs "
				"the kernel's struct slab, which the dump does "
				"not describe");
		break;
	case KP_USED:
		if (p->refcount == 0)
			sb_adds(sb, "not on the buddy's free lists, and no "
				"reference: on a per-CPU list of free pages "
				"(pcp) or between owners");
		else
			sb_addf(sb, "in use: not free (no buddy page_type, in "
				"no free block), _refcount %lld",
				(long long)p->refcount);
		break;
	}
}

/* The struct page of an image's frame, as the dump has it. */
static int
image_page(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct kpage p;
	struct strbuf sb;
	struct error e;
	u64 v, pfn, va;

	error_clear(&e);
	if (arg_u64(ctx, args->argv[0], "PFN|ADDR", &v))
		return -1;
	if (kpage_pfn(m, v, &pfn, &e) || kpage_read(m, pfn, &p, &e))
		return cmd_error(ctx, "%s", e.msg);
	sb_init(&sb);
	out_printf(ctx, "page %s: pfn %s, pa %s\n", fva(m, p.page),
		   fpfn(m, pfn), fpa(m, pfn << PAGE_SHIFT));
	j_hex(ctx, "page", p.page);
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "pa", pfn << PAGE_SHIFT);
	out_printf(ctx, "  flags      0x%0*llx  %s", m->arch->is64 ? 16 : 8,
		   (unsigned long long)p.flags,
		   p.flag_names[0] ? p.flag_names : "-");
	if (p.unnamed)
		out_printf(ctx, " (and 0x%llx, bits VMCOREINFO does not name)",
			   (unsigned long long)p.unnamed);
	out_printf(ctx, "\n");
	j_hex(ctx, "flags", p.flags);
	j_str(ctx, "flag_names", p.flag_names);
	j_hex(ctx, "unnamed_flags", p.unnamed);
	out_printf(ctx, "  _refcount  %lld\n", (long long)p.refcount);
	j_int(ctx, "refcount", p.refcount);
	if (p.state == KP_FREE_HEAD)
		out_printf(ctx, "  _mapcount  %lld = 0x%08x: page_type buddy "
			   "(free block head)\n", (long long)p.mapcount,
			   (u32)p.mapcount);
	else
		out_printf(ctx, "  _mapcount  %lld\n", (long long)p.mapcount);
	j_int(ctx, "mapcount", p.mapcount);
	if (p.mapping)
		out_printf(ctx, "  mapping    %s (%s)\n", fva(m, p.mapping),
			   (p.mapping & 1) ? "anon_vma" : "address_space");
	else
		out_printf(ctx, "  mapping    NULL\n");
	j_hex(ctx, "mapping", p.mapping);
	out_printf(ctx, "  private    %llu%s\n", (unsigned long long)p.private,
		   p.state == KP_FREE_HEAD ? " (the order of the free block)" :
		   "");
	j_u64(ctx, "private", p.private);
	if (p.state != KP_TAIL && p.block_pfn == pfn && p.have_order &&
	    p.state != KP_FREE_HEAD)
		out_printf(ctx, "  compound   head of an order-%u compound page "
			   "(compound_order in the first tail page)\n", p.order);
	if (machine_va(m, pfn << PAGE_SHIFT, &va, NULL) == 0) {
		out_printf(ctx, "  virtual    %s (the direct map)\n",
			   fva(m, va));
		j_hex(ctx, "virtual", va);
	} else {
		j_null(ctx, "virtual");
	}
	image_page_state(ctx, &p, &sb);
	out_printf(ctx, "  state      %s\n", sb.buf);
	j_str(ctx, "state", kpage_state_names[p.state]);
	j_str(ctx, "state_text", sb.buf);
	if (p.have_order) {
		j_hex(ctx, "block_pfn", p.block_pfn);
		j_int(ctx, "block_order", p.order);
	}
	sb_release(&sb);
	cmd_set_value(ctx, p.page);
	return 0;
}

static int
page_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct page *page;
	struct page_state st;
	struct strbuf sb;
	struct zone *z;
	u64 pfn, va;
	s32 raw;
	int b;

	if (m->kern == NULL)
		return image_page(ctx);
	if (arg_page_any(ctx, args->argv[0], &page))
		return -1;
	pfn = page_to_pfn(m, page);
	z = page_zone(m, page);
	va = page_address(m, page);
	sim_page_state(m, pfn, &st);
	sb_init(&sb);

	out_printf(ctx, "page %s: pfn %s, pa %s, zone %s (node %d)\n",
		   fva(m, sim_page_va(m, page)), fpfn(m, pfn),
		   fpa(m, pfn << PAGE_SHIFT), z->name, z->zone_pgdat->node_id);
	j_hex(ctx, "page", sim_page_va(m, page));
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "pa", pfn << PAGE_SHIFT);
	j_str(ctx, "zone", z->name);
	j_int(ctx, "node", z->zone_pgdat->node_id);

	page_flag_string(page, &sb);
	out_printf(ctx, "  flags      0x%08x  %s\n", page->flags, sb.buf);
	j_hex(ctx, "flags", page->flags);
	j_arr(ctx, "flag_names");
	for (b = 0; b < NR_PAGEFLAGS; b++)
		if (page->flags & (1u << b))
			j_str(ctx, NULL, pageflag_names[b]);
	j_arr_end(ctx);

	raw = page_mapcount_raw(page);
	out_printf(ctx, "  _refcount  %d\n", page_ref_count(page));
	j_int(ctx, "refcount", page_ref_count(page));
	if (page->page_type) {
		out_printf(ctx, "  _mapcount  %d = 0x%08x: page_type %s\n", raw,
			   (u32)raw, PageBuddy(page) ? "buddy (free block head)" :
			   PageTable(page) ? "table (page table)" :
			   PageOffline(page) ? "offline" : "guard");
		j_str(ctx, "page_type", PageBuddy(page) ? "buddy" :
		      PageTable(page) ? "table" : PageOffline(page) ?
		      "offline" : "guard");
	} else {
		out_printf(ctx, "  _mapcount  %d (%s)\n", raw, raw < 0 ?
			   "not mapped" : "mapped in _mapcount + 1 page tables");
		j_null(ctx, "page_type");
	}
	j_int(ctx, "mapcount", raw);
	if (page->mapping != NULL)
		out_printf(ctx, "  mapping    set (%s)\n",
			   ((unsigned long)page->mapping & PAGE_MAPPING_ANON) ?
			   "anon_vma" : "address_space");
	else
		out_printf(ctx, "  mapping    NULL\n");
	j_bool(ctx, "mapping", page->mapping != NULL);
	out_printf(ctx, "  index      0x%llx\n", (unsigned long long)page->index);
	j_hex(ctx, "index", page->index);
	out_printf(ctx, "  private    %lu%s\n", page->private,
		   PageBuddy(page) ? " (the order of the free block)" : "");
	j_u64(ctx, "private", page->private);
	if (PageHead(page))
		out_printf(ctx, "  compound   head of an order-%u compound page "
			   "(compound_order in the first tail page)\n",
			   compound_order(page));
	if (va)
		out_printf(ctx, "  virtual    %s (%s)\n", fva(m, va),
			   PageHighMem(m, page) ? "kmap" :
			   "lowmem: page_address() = __va(pfn << PAGE_SHIFT)");
	else
		out_printf(ctx, "  virtual    NULL (highmem: no kernel mapping "
			   "until kmap)\n");
	if (va)
		j_hex(ctx, "virtual", va);
	else
		j_null(ctx, "virtual");
	sb_reset(&sb);
	describe_state(ctx, page, pfn, &st, &sb);
	out_printf(ctx, "  state      %s\n", sb.buf);
	j_str(ctx, "state", state_name(st.kind));
	j_str(ctx, "state_text", sb.buf);
	if (st.kind == PS_FREE || st.kind == PS_ALLOCATED ||
	    st.kind == PS_TAIL_COMPOUND) {
		j_hex(ctx, "block_pfn", st.head);
		j_int(ctx, "block_order", st.order);
	}
	sb_release(&sb);
	cmd_set_value(ctx, sim_page_va(m, page));
	return 0;
}

const struct cmd cmd_page = {
	.name = "page",
	.family = FAM_PAGE_ALLOC,
	.usage = "PFN|ADDR",
	.summary = "decode the struct page of a frame: flags, counts, buddy state",
	.help =
	"Shows the struct page (mm_types.h) of a frame given by its pfn, by\n"
	"the address of its struct page, or by a direct-map address: the\n"
	"flags by name (PG_reserved, PG_slab, PG_head, PG_dirty, PG_locked\n"
	"...), _refcount (0: free or a tail page), _mapcount (-1: mapped by\n"
	"no page table; for a page that is never mapped it holds the\n"
	"page_type, buddy for the head of a free block, table for a page\n"
	"table), mapping, index, private (the order of a free block), the\n"
	"compound order of a head page, the kernel virtual address\n"
	"(page_address: the direct map, the kmap address of a highmem page,\n"
	"or none) and what the frame is: reserved at boot and why, free (in\n"
	"which block of which free_area), allocated (which block, with which\n"
	"GFP flags, by which owner).  The zone and node are computed from the\n"
	"pfn as page_zone() does from the flags' upper bits.  The value ($_)\n"
	"is the struct page address.\n"
	"ptwalk keeps the descriptors in host memory: the frames of mem_map\n"
	"(FLATMEM) or vmemmap are reserved as in Linux, but reading them\n"
	"with x shows zeros.\n"
	"\n"
	"On a memory image it is the dump's own struct page, found through\n"
	"mem_section (SPARSEMEM, vmemmap) or node_mem_map (FLATMEM) and read\n"
	"at the offsets VMCOREINFO gives: the flags VMCOREINFO names\n"
	"(NUMBER(PG_lru), PG_private, PG_swapcache, PG_swapbacked, PG_slab,\n"
	"PG_hwpoison, PG_head_mask; other set bits in hex), _refcount,\n"
	"_mapcount with the buddy page_type (NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)),\n"
	"mapping, private (a free block's order), compound pages, and\n"
	"whether the frame is free (the head of a free block, or inside one),\n"
	"a slab page or in use.\n"
	"\n"
	"On a live process (--pid, attach), PFN's /proc/kpageflags by name\n"
	"and /proc/kpagecount (both need CAP_SYS_ADMIN); no struct page\n"
	"address there, no value kept.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_PAGE,
	.run = page_run,
	.run_pid = pid_page,
};
