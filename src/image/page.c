// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The struct page of a frame in an image's kernel: where it is
 * (mem_section's section_mem_map, or FLATMEM's node_mem_map) and what it
 * says (flags, _refcount, _mapcount and the buddy's page_type, mapping,
 * private, compound_head), all placed by VMCOREINFO.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ptwalk/kstate.h"

/*
 * section_mem_map: the map's address minus the section's first pfn, the
 * low bits flags (SECTION_MARKED_PRESENT, SECTION_HAS_MEM_MAP, ... up to
 * SECTION_MAP_LAST_BIT, at most 5 of them in Linux 6.1).
 */
#define SECTION_HAS_MEM_MAP	0x2
#define SECTION_MAP_MASK	(~0x1fULL)

static int
sparse_init(struct kmem *k, struct kmemmap *mm, struct error *e)
{
	struct machine *m = k->m;
	u64 len, off, bits, maxbits, nr, map;
	int found = 0;

	if (!kinfo_symbol(m, "mem_section", &mm->ms) ||
	    !kinfo_length(m, "mem_section", &len) || len == 0 ||
	    !kinfo_size(m, "mem_section", &mm->ms_size) ||
	    !kinfo_offset(m, "mem_section", "section_mem_map", &off) ||
	    off != 0 || !kinfo_number(m, "SECTION_SIZE_BITS", &bits) ||
	    !kinfo_number(m, "MAX_PHYSMEM_BITS", &maxbits) || maxbits <= bits ||
	    maxbits - bits > 40 || bits <= PAGE_SHIFT)
		return 1;
	mm->sparse = true;
	mm->nroots = len;
	/* SPARSEMEM_EXTREME: roots of PAGE_SIZE / SIZE(mem_section) each */
	mm->per_root = (1ULL << (maxbits - bits)) / len;
	if (mm->per_root == 0)
		mm->per_root = 1;
	mm->pfn_shift = bits - PAGE_SHIFT;
	/* the first two sections with a map: the same base is vmemmap's */
	for (nr = 0; nr < 64 && found < 2; nr++) {
		struct error e2;

		if (kmemmap_page(k, mm, nr << mm->pfn_shift, &map, &e2))
			continue;
		map -= (nr << mm->pfn_shift) * mm->page_size;
		if (found++ == 0)
			mm->vmemmap = map;
		else if (map != mm->vmemmap)
			mm->vmemmap = 0;
	}
	(void)e;
	return 0;
}

static int
flat_init(struct kmem *k, struct kmemmap *mm, struct error *e)
{
	struct machine *m = k->m;
	u64 pgdat, nd, o_map, o_start, o_span;

	if (!kinfo_symbol(m, "contig_page_data", &pgdat)) {
		if (!kinfo_symbol(m, "node_data", &nd))
			return error_set(e, -ENOENT, "the dump's "
					 "VMCOREINFO has neither mem_section "
					 "nor contig_page_data nor node_data");
		if (kmem_read_ulong(k, nd, &pgdat, e))
			return -1;
	}
	if (!kinfo_offset(m, "pglist_data", "node_mem_map", &o_map) ||
	    !kinfo_offset(m, "pglist_data", "node_start_pfn", &o_start) ||
	    !kinfo_offset(m, "pglist_data", "node_spanned_pages", &o_span))
		return error_set(e, -ENOENT, "the dump's VMCOREINFO "
				 "places neither mem_section nor "
				 "pglist_data.node_mem_map");
	if (kmem_read_ulong(k, pgdat + o_map, &mm->mem_map, e) ||
	    kmem_read_ulong(k, pgdat + o_start, &mm->start_pfn, e) ||
	    kmem_read_ulong(k, pgdat + o_span, &mm->spanned, e))
		return -1;
	return 0;
}

int
kmemmap_init(struct kmem *k, struct kmemmap *mm, struct error *e)
{
	int r;

	memset(mm, 0, sizeof(*mm));
	if (!kinfo_size(k->m, "page", &mm->page_size) || mm->page_size == 0 ||
	    mm->page_size > 1024)
		return error_set(e, -ENOENT, "the dump's VMCOREINFO has "
				 "no SIZE(page)");
	r = sparse_init(k, mm, e);
	if (r <= 0)
		return r;
	return flat_init(k, mm, e);
}

int
kmemmap_page(struct kmem *k, const struct kmemmap *mm, u64 pfn, u64 *page,
	     struct error *e)
{
	u64 nr, root, sec, map;

	if (!mm->sparse) {
		if (pfn < mm->start_pfn || pfn - mm->start_pfn >= mm->spanned)
			return error_set(e, -ERANGE, "pfn 0x%llx is outside "
					 "node 0's pfns 0x%llx-0x%llx",
					 (unsigned long long)pfn,
					 (unsigned long long)mm->start_pfn,
					 (unsigned long long)(mm->start_pfn +
							      mm->spanned - 1));
		*page = mm->mem_map + (pfn - mm->start_pfn) * mm->page_size;
		return 0;
	}
	nr = pfn >> mm->pfn_shift;
	if (nr / mm->per_root >= mm->nroots)
		return error_set(e, -ERANGE, "pfn 0x%llx is beyond "
				 "MAX_PHYSMEM_BITS", (unsigned long long)pfn);
	if (mm->per_root > 1) {
		if (kmem_read_ulong(k, mm->ms + nr / mm->per_root * k->long_size,
				&root, e))
			return -1;
		if (root == 0)
			return error_set(e, -ENOENT, "pfn 0x%llx: no memory "
					 "section (its mem_section root is "
					 "NULL)", (unsigned long long)pfn);
		sec = root + nr % mm->per_root * mm->ms_size;
	} else {
		sec = mm->ms + nr * mm->ms_size;
	}
	if (kmem_read_ulong(k, sec, &map, e))
		return -1;
	if (!(map & SECTION_HAS_MEM_MAP))
		return error_set(e, -ENOENT, "pfn 0x%llx: memory section %llu "
				 "has no mem_map", (unsigned long long)pfn,
				 (unsigned long long)nr);
	*page = (map & SECTION_MAP_MASK) + pfn * mm->page_size;
	return 0;
}

struct page_layout {
	u64 flags, refcount, mapcount, mapping, private, head, order;
	u64 buddy, head_mask;
	bool have_buddy, have_head, have_order;
	u64 norder;
};

static int
page_layout(struct machine *m, struct page_layout *L, struct error *e)
{
	const struct kneed need[] = {
		{ "OFFSET(page.flags)", &L->flags },
		{ "OFFSET(page._refcount)", &L->refcount },
		{ "OFFSET(page._mapcount)", &L->mapcount },
		{ "OFFSET(page.mapping)", &L->mapping },
		{ "OFFSET(page.private)", &L->private },
		{ "OFFSET(page.compound_head)", &L->head },
	};

	memset(L, 0, sizeof(*L));
	if (kneed_all(m, need, ARRAY_SIZE(need), e))
		return -1;
	L->have_buddy = kinfo_number(m, "PAGE_BUDDY_MAPCOUNT_VALUE", &L->buddy);
	L->have_head = kinfo_number(m, "PG_head_mask", &L->head_mask);
	L->have_order = kinfo_offset(m, "page", "compound_order", &L->order);
	if (!kinfo_length(m, "zone.free_area", &L->norder) ||
	    L->norder > KZONE_ORDERS)
		L->norder = 11;
	return 0;
}

/* The flags VMCOREINFO names: NUMBER(PG_name) bits and PG_head_mask. */
static void
name_flags(struct machine *m, const struct page_layout *L, struct kpage *p)
{
	static const char *const pg[] = {
		"lru", "private", "swapcache", "swapbacked", "slab", "hwpoison",
	};
	char key[32];
	u64 bit, named = 0, top = 0;
	size_t i, n = 0;

	p->flag_names[0] = 0;
	for (i = 0; i < ARRAY_SIZE(pg); i++) {
		snprintf(key, sizeof(key), "PG_%s", pg[i]);
		if (!kinfo_number(m, key, &bit) || bit >= 64)
			continue;
		named |= 1ULL << bit;
		top = MAX(top, bit);
		if (p->flags & 1ULL << bit)
			n += (size_t)snprintf(p->flag_names + n,
					      sizeof(p->flag_names) - n,
					      "%s%s", n ? "|" : "", pg[i]);
	}
	if (L->have_head && L->head_mask != 0) {
		named |= L->head_mask;
		if (p->flags & L->head_mask)
			n += (size_t)snprintf(p->flag_names + n,
					      sizeof(p->flag_names) - n,
					      "%s%s", n ? "|" : "", "head");
	}
	/* the bits below the highest named one that it does not name */
	p->unnamed = p->flags & ((2ULL << top) - 1) & ~named;
}

static int
read_fields(struct kmem *k, const struct page_layout *L, u64 page,
	    struct kpage *p, struct error *e)
{
	u64 v;

	if (kmem_read_ulong(k, page + L->flags, &p->flags, e) ||
	    kmem_read_uint(k, page + L->refcount, 4, &v, e))
		return -1;
	p->refcount = (s32)(u32)v;
	if (kmem_read_uint(k, page + L->mapcount, 4, &v, e))
		return -1;
	p->mapcount = (s32)(u32)v;
	if (kmem_read_ulong(k, page + L->mapping, &p->mapping, e) ||
	    kmem_read_ulong(k, page + L->private, &p->private, e) ||
	    kmem_read_ulong(k, page + L->head, &p->compound_head, e))
		return -1;
	return 0;
}

static bool
is_buddy(const struct page_layout *L, s64 mapcount)
{
	return L->have_buddy && mapcount == (s64)L->buddy;
}

/* Inside a free block: a buddy head below pfn whose order covers it. */
static void
find_free_block(struct kmem *k, const struct kmemmap *mm,
		const struct page_layout *L, struct kpage *p)
{
	unsigned o;

	for (o = 1; o < L->norder; o++) {
		u64 h = p->pfn & ~((1ULL << o) - 1), page, v, order;
		struct error e;

		if (h == p->pfn)
			continue;
		if (kmemmap_page(k, mm, h, &page, &e) ||
		    kmem_read_uint(k, page + L->mapcount, 4, &v, &e) ||
		    !is_buddy(L, (s32)(u32)v) ||
		    kmem_read_ulong(k, page + L->private, &order, &e))
			continue;
		if (order < L->norder && p->pfn - h < 1ULL << order) {
			p->state = KP_FREE;
			p->block_pfn = h;
			p->order = (unsigned)order;
			p->have_order = true;
			return;
		}
	}
}

/* struct slab (over struct page): slab_cache and its name, by the types */
static void
slab_cache_name(struct kmem *k, struct kpage *p)
{
	u64 off, name_off, cache, name;
	struct error e;

	if (!kinfo_offset(k->m, "slab", "slab_cache", &off) ||
	    !kinfo_offset(k->m, "kmem_cache", "name", &name_off) ||
	    kmem_read_ulong(k, p->page + off, &cache, &e) ||
	    kmem_read_ulong(k, cache + name_off, &name, &e) ||
	    kmem_read(k, name, p->slab_cache, sizeof(p->slab_cache) - 1, &e)) {
		p->slab_cache[0] = 0;
		return;
	}
	p->slab_cache[sizeof(p->slab_cache) - 1] = 0;
	p->slab_cache_va = cache;
}

static void
page_state(struct kmem *k, const struct kmemmap *mm,
	   const struct page_layout *L, struct kpage *p)
{
	u64 slab, v;
	struct error e;

	p->state = KP_USED;
	if (is_buddy(L, p->mapcount)) {
		p->state = KP_FREE_HEAD;
		p->block_pfn = p->pfn;
		p->order = (unsigned)p->private;
		p->have_order = true;
		return;
	}
	if (p->compound_head & 1) {
		p->state = KP_TAIL;
		p->block_pfn = p->pfn -
			(p->page - (p->compound_head - 1)) / mm->page_size;
		if (L->have_order && !kmem_read_uint(k, p->compound_head - 1 +
						 mm->page_size + L->order, 1,
						 &v, &e)) {
			p->order = (unsigned)v;
			p->have_order = true;
		}
		return;
	}
	if (L->have_head && (p->flags & L->head_mask) && L->have_order &&
	    !kmem_read_uint(k, p->page + mm->page_size + L->order, 1, &v, &e)) {
		p->order = (unsigned)v;
		p->have_order = true;
		p->block_pfn = p->pfn;
	}
	if (kinfo_number(k->m, "PG_slab", &slab) && slab < 64 &&
	    (p->flags & 1ULL << slab)) {
		p->state = KP_SLAB;
		slab_cache_name(k, p);
		return;
	}
	if (p->refcount == 0)
		find_free_block(k, mm, L, p);
}

int
kpage_read(struct machine *m, u64 pfn, struct kpage *p, struct error *e)
{
	struct page_layout L;
	struct kmemmap mm;
	struct kmem k;

	memset(p, 0, sizeof(*p));
	p->pfn = pfn;
	if (page_layout(m, &L, e) || kmem_init(&k, m, e) ||
	    kmemmap_init(&k, &mm, e) ||
	    kmemmap_page(&k, &mm, pfn, &p->page, e) ||
	    read_fields(&k, &L, p->page, p, e))
		return -1;
	name_flags(m, &L, p);
	page_state(&k, &mm, &L, p);
	return 0;
}

int
kpage_pfn(struct machine *m, u64 v, u64 *pfn, struct error *e)
{
	struct kmemmap mm;
	struct kmem k;
	u64 pa;

	if (phys_is_ram(&m->phys, v << PAGE_SHIFT) && v < 1ULL << 52) {
		*pfn = v;
		return 0;
	}
	if (kmem_init(&k, m, e) || kmemmap_init(&k, &mm, e))
		return -1;
	if (mm.vmemmap && v >= mm.vmemmap &&
	    (v - mm.vmemmap) % mm.page_size == 0 &&
	    phys_is_ram(&m->phys, (v - mm.vmemmap) / mm.page_size <<
			PAGE_SHIFT)) {
		*pfn = (v - mm.vmemmap) / mm.page_size;
		return 0;
	}
	if (!mm.sparse && v >= mm.mem_map &&
	    (v - mm.mem_map) % mm.page_size == 0 &&
	    (v - mm.mem_map) / mm.page_size < mm.spanned) {
		*pfn = mm.start_pfn + (v - mm.mem_map) / mm.page_size;
		return 0;
	}
	if (machine_check_va(m, v, NULL) == 0 && machine_pa(m, v, &pa, NULL) == 0 &&
	    phys_is_ram(&m->phys, pa)) {
		*pfn = pa >> PAGE_SHIFT;
		return 0;
	}
	return error_set(e, -EINVAL, "PFN|ADDR: 0x%llx is neither a pfn of "
			 "the dump's RAM, a struct page address, nor a "
			 "direct-map kernel address", (unsigned long long)v);
}
