// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Nodes, zones and mem_map at boot, and the boot-time free lists (cf.
 * mm/page_alloc.c free_area_init and memmap_init, mm/sparse.c sparse_init,
 * mm/memblock.c memblock_free_all, arch/x86/mm/highmem_32.c).
 *
 * The struct pages of the simulated kernel live in one lazily backed host
 * mapping, one descriptor per frame.  Boot writes almost none of them: a
 * never-written descriptor (sim_init == 0) stands for the default of its
 * frame, which is computed from the pfn (reserved by memblock, or part of
 * a free block), and the max-order blocks that boot frees are kept as a
 * range per zone (zone->lazy_lo/hi) until one leaves the free list.  So a
 * 64G machine boots without touching 16 million descriptors.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ptwalk/ksym.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "internal.h"

const char *const zone_names[MAX_NR_ZONES] = {
	"DMA", "DMA32", "Normal", "HighMem", "Movable", "Device"
};

const char *const pageflag_names[NR_PAGEFLAGS] = {
	[PG_locked] = "locked",
	[PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate",
	[PG_dirty] = "dirty",
	[PG_lru] = "lru",
	[PG_active] = "active",
	[PG_workingset] = "workingset",
	[PG_waiters] = "waiters",
	[PG_error] = "error",
	[PG_slab] = "slab",
	[PG_owner_priv_1] = "owner_priv_1",
	[PG_arch_1] = "arch_1",
	[PG_reserved] = "reserved",
	[PG_private] = "private",
	[PG_private_2] = "private_2",
	[PG_writeback] = "writeback",
	[PG_head] = "head",
	[PG_mappedtodisk] = "mappedtodisk",
	[PG_reclaim] = "reclaim",
	[PG_swapbacked] = "swapbacked",
	[PG_unevictable] = "unevictable",
	[PG_mlocked] = "mlocked",
};

#define MIN_NODE_BYTES	(16 * MiB)
#define MAX_DMA_ADDRESS	(16 * MiB)	/* memblock's preferred floor */

const struct resv_range *
pfn_resv(const struct page_alloc *pgalloc, u64 pfn)
{
	int i;

	for (i = 0; i < pgalloc->nresv && pgalloc->resv[i].start <= pfn; i++)
		if (pfn < pgalloc->resv[i].end)
			return &pgalloc->resv[i];
	return NULL;
}

bool
pfn_range_ram(const struct machine *m, u64 *lo, u64 *hi)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	if (pgalloc == NULL)
		return false;
	*lo = MAX(*lo, pgalloc->start_pfn);
	*hi = MIN(*hi, pgalloc->end_pfn);
	return *lo < *hi;
}

u64
first_unreserved_pfn(const struct machine *m, u64 lo, u64 hi)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	int i;

	/* PG_reserved is set on exactly the boot reservations (sorted) */
	for (i = 0; pgalloc != NULL && i < pgalloc->nresv && lo < hi; i++) {
		if (pgalloc->resv[i].end <= lo)
			continue;
		if (pgalloc->resv[i].start > lo)
			break;
		lo = pgalloc->resv[i].end;
	}
	return MIN(lo, hi);
}

bool
pfn_in_lazy(const struct zone *z, u64 pfn)
{
	return pfn >= z->lazy_lo && pfn < z->lazy_hi;
}

void
page_init_default(struct page_alloc *pgalloc, struct page *p, u64 pfn)
{
	struct zone *z;

	memset(p, 0, sizeof(*p));
	p->sim_init = 1;
	if (pfn_resv(pgalloc, pfn) != NULL) {
		/* reserve_bootmem_region(): PG_reserved, one reference */
		SetPageReserved(p);
		set_page_count(p, 1);
		return;
	}
	z = pfn_zone(pgalloc, pfn);
	if (z != NULL && pfn_in_lazy(z, pfn) &&
	    (pfn & (MAX_ORDER_NR_PAGES - 1)) == 0) {
		__SetPageBuddy(p);
		set_page_private(p, MAX_ORDER - 1);
	}
}

/*
 * Boot memory placement
 */

/* memblock's top-down search: the highest free [base, base + size). */
static bool
find_top_down(const struct machine *m, u64 lo, u64 hi, u64 size, u64 align,
	      u64 *out)
{
	u64 end = hi;

	while (end > lo && end - lo >= size) {
		u64 base = ALIGN_DOWN(end - size, align), low = ~0ULL;
		int i;

		if (base < lo)
			return false;
		for (i = 0; i < m->nmemblock; i++) {
			const struct memblock_region *r = &m->memblock[i];

			if (r->base < base + size && r->base + r->size > base &&
			    r->base < low)
				low = r->base;
		}
		if (low == ~0ULL) {
			*out = base;
			return true;
		}
		end = low;
	}
	return false;
}

/* FLATMEM (32-bit): one mem_map from memblock, at the top of lowmem. */
static int
memmap_init_flat(struct page_alloc *pgalloc, struct error *e)
{
	struct machine *m = pgalloc->m;
	pg_data_t *n0 = pgalloc->node_data[0];
	u64 first = ALIGN_DOWN(pgalloc->start_pfn, MAX_ORDER_NR_PAGES);
	u64 last = ALIGN_UP(pgalloc->end_pfn, MAX_ORDER_NR_PAGES);
	u64 size = ALIGN_UP((last - first) * pgalloc->struct_page_size,
			    PAGE_SIZE);
	u64 lo = n0->node_start_pfn << PAGE_SHIFT;
	u64 hi = MIN(n0->node_start_pfn + n0->node_spanned_pages,
		     pgalloc->max_low_pfn) << PAGE_SHIFT;
	u64 base;
	char sz[32];

	if (!find_top_down(m, lo, hi, size, PAGE_SIZE, &base) &&
	    !find_top_down(m, pgalloc->start_pfn << PAGE_SHIFT,
			   pgalloc->max_low_pfn << PAGE_SHIFT, size, PAGE_SIZE,
			   &base)) {
		fmt_size(sz, sizeof(sz), size);
		return error_set(e, -ENOMEM, "mem_map (%s: %llu struct pages "
				 "of %u bytes) does not fit in lowmem", sz,
				 (unsigned long long)(last - first),
				 pgalloc->struct_page_size);
	}
	memblock_reserve(m, base, size, "mem_map (struct page array)");
	pgalloc->memmap_va = m->lay.page_offset + (base - m->lay.phys_offset) +
		(pgalloc->start_pfn - first) * pgalloc->struct_page_size;
	pgalloc->memmap_frames = size >> PAGE_SHIFT;
	return 0;
}

/*
 * SPARSEMEM_VMEMMAP (64-bit): struct pages at vmemmap + pfn, backed per
 * node by one buffer from the top of the node's memory (sparse_buffer_init:
 * above MAX_DMA_ADDRESS if it can) and mapped with 2M pages
 * (vmemmap_populate_hugepages), one 2M block per 128M section.
 */
static int
memmap_init_vmemmap(struct page_alloc *pgalloc, struct error *e)
{
	struct machine *m = pgalloc->m;
	u64 pps = 1ULL << (SECTION_SIZE_BITS - PAGE_SHIFT);
	u64 sec_bytes = pps * pgalloc->struct_page_size;
	u64 vmemmap = m->lay.vmemmap_base -
		(m->lay.phys_offset >> PAGE_SHIFT) * pgalloc->struct_page_size;
	u64 sec, first = pgalloc->start_pfn / pps;
	u64 last = (pgalloc->end_pfn + pps - 1) / pps;
	int nid;

	pgalloc->memmap_va = vmemmap +
		pgalloc->start_pfn * pgalloc->struct_page_size;
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		pg_data_t *pgdat = pgalloc->node_data[nid];
		u64 lo = pgdat->node_start_pfn << PAGE_SHIFT;
		u64 hi = (pgdat->node_start_pfn + pgdat->node_spanned_pages) <<
			PAGE_SHIFT;
		u64 s0 = ~0ULL, n = 0, base, size;
		char sz[32];
		int r;

		/* the sections whose first frame is on this node */
		for (sec = first; sec < last; sec++)
			if (pfn_nid(pgalloc, MAX(sec * pps,
						 pgalloc->start_pfn)) == nid) {
				if (s0 == ~0ULL)
					s0 = sec;
				n++;
			}
		if (n == 0)
			continue;
		size = n * sec_bytes;
		if (!find_top_down(m, MAX(lo, MAX_DMA_ADDRESS), hi, size,
				   sec_bytes, &base) &&
		    !find_top_down(m, lo, hi, size, sec_bytes, &base)) {
			fmt_size(sz, sizeof(sz), size);
			return error_set(e, -ENOMEM, "node %d: no room for its "
					 "vmemmap (%s of struct pages)", nid, sz);
		}
		memblock_reserve(m, base, size,
				 "vmemmap (struct page array)");
		r = pgtable_map_range(m, m->swapper_pg_dir,
				      vmemmap + s0 * pps *
				      pgalloc->struct_page_size,
				      base, size, 21, PAGE_KERNEL, e);
		if (r)
			return r;
		pgalloc->memmap_frames += size >> PAGE_SHIFT;
	}
	return 0;
}

/* Reserve size bytes of lowmem, top-down as memblock_alloc() does. */
static int
boot_alloc(struct page_alloc *pgalloc, u64 size, const char *what,
	   struct error *e)
{
	struct machine *m = pgalloc->m;
	u64 base;

	size = ALIGN_UP(size, PAGE_SIZE);
	if (!find_top_down(m, pgalloc->start_pfn << PAGE_SHIFT,
			   pgalloc->max_low_pfn << PAGE_SHIFT, size, PAGE_SIZE,
			   &base))
		return error_set(e, -ENOMEM, "no room in lowmem for the %s "
				 "(%llu bytes)", what, (unsigned long long)size);
	memblock_reserve(m, base, size, what);
	return 0;
}

/*
 * alloc_large_system_hash(): one bucket per 2^scale bytes of the lowmem
 * memblock leaves free (nr_kernel_pages rounded up to a MiB), rounded up
 * to a power of two, of pointer-sized buckets.
 */
static u64
large_hash_bytes(struct page_alloc *pgalloc, u64 nr_kernel_pages,
		 unsigned scale)
{
	u64 n = ALIGN_UP(nr_kernel_pages, 1ULL << (20 - PAGE_SHIFT));
	u64 entries = 1;

	n >>= scale - PAGE_SHIFT;
	while (entries < n)
		entries <<= 1;
	return entries * (pgalloc->m->arch->is64 ? 8 : 4);
}

/* The pfns of [start, end) of RAM ranges, sorted by start. */
struct pfn_span {
	u64 start, end;
};

static int
pfn_span_cmp(const void *a, const void *b)
{
	const struct pfn_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * How many lowmem frames memblock holds: a frame is held when its first
 * byte lies in a reserved region, so region [base, base + size) holds the
 * pfns from DIV_ROUND_UP(base) to DIV_ROUND_UP(base + size); the union of
 * those spans, clipped to [start_pfn, max_low_pfn).
 */
static u64
memblock_lowmem_held(const struct page_alloc *pgalloc)
{
	const struct machine *m = pgalloc->m;
	struct pfn_span *sp = xcalloc((size_t)m->nmemblock + 1, sizeof(*sp));
	u64 held = 0, end = pgalloc->start_pfn;
	int i, n = 0;

	for (i = 0; i < m->nmemblock; i++) {
		u64 b = m->memblock[i].base, s = m->memblock[i].size;
		u64 lo = (b >> PAGE_SHIFT) + ((b & (PAGE_SIZE - 1)) != 0);
		u64 hi = b + s < b ? ~0ULL >> PAGE_SHIFT :
			((b + s) >> PAGE_SHIFT) + (((b + s) & (PAGE_SIZE - 1)) != 0);

		lo = MAX(lo, pgalloc->start_pfn);
		hi = MIN(hi, pgalloc->max_low_pfn);
		if (lo < hi)
			sp[n++] = (struct pfn_span){ lo, hi };
	}
	qsort(sp, (size_t)n, sizeof(*sp), pfn_span_cmp);
	for (i = 0; i < n; i++) {
		u64 lo = MAX(sp[i].start, end);

		if (sp[i].end > lo) {
			held += sp[i].end - lo;
			end = sp[i].end;
		}
	}
	free(sp);
	return held;
}

/*
 * What boot takes from memblock besides the memory map (the profile says
 * which): each possible CPU's unit of the first percpu chunk, the dentry
 * and inode hash tables of vfs_caches_init_early().
 */
static int
boot_tables(struct page_alloc *pgalloc, struct error *e)
{
	const struct machine *m = pgalloc->m;
	const struct kernel_profile *kp = m->profile;
	u64 free_low;
	int r = 0;

	if (kp->percpu_pages)
		r = boot_alloc(pgalloc, (u64)kp->percpu_pages * PAGE_SIZE *
			       (u64)m->ncpus, "percpu first chunk", e);
	if (r || !kp->hash_tables)
		return r;
	free_low = pgalloc->max_low_pfn - pgalloc->start_pfn -
		memblock_lowmem_held(pgalloc);
	r = boot_alloc(pgalloc, large_hash_bytes(pgalloc, free_low, 13),
		       "Dentry cache hash table", e);
	if (!r)
		r = boot_alloc(pgalloc, large_hash_bytes(pgalloc, free_low, 14),
			       "Inode-cache hash table", e);
	return r;
}

static int
resv_cmp(const void *a, const void *b)
{
	const struct resv_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Every range memblock recorded becomes reserved frames. */
static void
collect_resv(struct page_alloc *pgalloc)
{
	struct machine *m = pgalloc->m;
	int i;

	pgalloc->resv = xcalloc((size_t)m->nmemblock + 1,
				sizeof(*pgalloc->resv));
	for (i = 0; i < m->nmemblock; i++) {
		const struct memblock_region *r = &m->memblock[i];
		u64 s = r->base >> PAGE_SHIFT;
		u64 en = (r->base + r->size + PAGE_SIZE - 1) >> PAGE_SHIFT;

		s = MAX(s, pgalloc->start_pfn);
		en = MIN(en, pgalloc->end_pfn);
		if (s >= en || r->cma)	/* CMA: freed to the buddy lists */
			continue;
		if (r->late) {
			/* free, but not yet while the watermarks are set */
			for (; s < en; s++)
				pfn_zone(pgalloc, s)->late_pages++;
			continue;
		}
		pgalloc->resv[pgalloc->nresv].start = s;
		pgalloc->resv[pgalloc->nresv].end = en;
		pgalloc->resv[pgalloc->nresv].what = r->what;
		pgalloc->resv[pgalloc->nresv].nomap = r->nomap;
		pgalloc->nresv++;
	}
	qsort(pgalloc->resv, (size_t)pgalloc->nresv, sizeof(*pgalloc->resv),
	      resv_cmp);
}

/* Is pfn in a range the firmware's memory map leaves out? */
static const struct resv_range *
pfn_nomap(const struct page_alloc *pgalloc, u64 pfn)
{
	int i;

	for (i = 0; i < pgalloc->nresv; i++)
		if (pgalloc->resv[i].nomap && pfn >= pgalloc->resv[i].start &&
		    pfn < pgalloc->resv[i].end)
			return &pgalloc->resv[i];
	return NULL;
}

/*
 * The holes of the memory map: not present (calculate_node_totalpages),
 * and a zone spans from its first to its last frame of RAM
 * (zone_spanned_pages_in_node on memblock.memory).
 */
static void
apply_holes(struct page_alloc *pgalloc)
{
	const struct resv_range *h;
	int nid, t, i;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		pg_data_t *pgdat = pgalloc->node_data[nid];

		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z = &pgdat->node_zones[t];

			for (i = 0; i < pgalloc->nresv && z->spanned_pages;
			     i++) {
				const struct resv_range *r = &pgalloc->resv[i];
				u64 s = MAX(r->start, z->zone_start_pfn);
				u64 en = MIN(r->end, zone_end_pfn(z));

				if (!r->nomap || s >= en)
					continue;
				z->present_pages -= en - s;
				pgdat->node_present_pages -= en - s;
			}
			while (z->spanned_pages &&
			       (h = pfn_nomap(pgalloc, z->zone_start_pfn))) {
				u64 n = MIN(h->end, zone_end_pfn(z)) -
					z->zone_start_pfn;

				z->zone_start_pfn += n;
				z->spanned_pages -= n;
			}
			while (z->spanned_pages &&
			       (h = pfn_nomap(pgalloc, zone_end_pfn(z) - 1)))
				z->spanned_pages -= zone_end_pfn(z) -
					MAX(h->start, z->zone_start_pfn);
		}
	}
}

/*
 * Nodes and zones (free_area_init)
 */

static int
setup_nodes(struct page_alloc *pgalloc, int nodes, struct error *e)
{
	u64 pages = pgalloc->end_pfn - pgalloc->start_pfn;
	u64 per = ALIGN_DOWN(pages / (u64)nodes, MAX_ORDER_NR_PAGES);
	char ram[32], each[32];
	int nid;

	if (nodes < 1 || nodes > MAX_NUMNODES)
		return error_set(e, -EINVAL, "--nodes %d: give 1 to %d",
				 nodes, MAX_NUMNODES);
	if ((per << PAGE_SHIFT) < MIN_NODE_BYTES) {
		fmt_size(ram, sizeof(ram), pages << PAGE_SHIFT);
		fmt_size(each, sizeof(each), per << PAGE_SHIFT);
		return error_set(e, -EINVAL, "--nodes %d: %s of RAM split %d "
				 "ways gives nodes of %s; each node needs at "
				 "least 16M", nodes, ram, nodes, each);
	}
	pgalloc->nr_nodes = nodes;
	for (nid = 0; nid < nodes; nid++) {
		pg_data_t *pgdat = xcalloc(1, sizeof(*pgdat));

		pgdat->node_id = nid;
		pgdat->node_start_pfn = pgalloc->start_pfn + (u64)nid * per;
		pgdat->node_spanned_pages = nid == nodes - 1 ?
			pgalloc->end_pfn - pgdat->node_start_pfn : per;
		pgalloc->node_data[nid] = pgdat;
	}
	for (nid = 0; nid < (int)ARRAY_SIZE(pgalloc->cpu_node); nid++)
		pgalloc->cpu_node[nid] = nid % nodes;
	return 0;
}

static void
setup_zones(struct page_alloc *pgalloc)
{
	const struct layout *L = &pgalloc->m->lay;
	u64 lo = pgalloc->start_pfn, zlo[MAX_NR_ZONES], zhi[MAX_NR_ZONES];
	int t, nid, o;

	for (t = 0; t < MAX_NR_ZONES; t++) {
		u64 limit;

		zlo[t] = zhi[t] = pgalloc->end_pfn;
		if (!zone_configured(pgalloc, t) || t == ZONE_MOVABLE ||
		    t == ZONE_DEVICE)
			continue;
		switch (t) {
		case ZONE_DMA:
			limit = L->dma_limit >> PAGE_SHIFT;
			break;
		case ZONE_DMA32:
			limit = L->dma32_limit >> PAGE_SHIFT;
			break;
		case ZONE_NORMAL:
			limit = pgalloc->max_low_pfn;
			break;
		default:
			limit = pgalloc->end_pfn;
			break;
		}
		zlo[t] = lo;
		zhi[t] = MAX(MIN(limit, pgalloc->end_pfn), lo);
		lo = zhi[t];
	}
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		pg_data_t *pgdat = pgalloc->node_data[nid];
		u64 nlo = pgdat->node_start_pfn;
		u64 nhi = nlo + pgdat->node_spanned_pages;

		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z = &pgdat->node_zones[t];
			u64 s = MAX(zlo[t], nlo), en = MIN(zhi[t], nhi);

			z->zone_pgdat = pgdat;
			z->name = zone_names[t];
			for (o = 0; o < MAX_ORDER; o++)
				INIT_LIST_HEAD(&z->free_area[o].free_list);
			if (zone_configured(pgalloc, t) && s < en) {
				z->zone_start_pfn = s;
				z->spanned_pages = en - s;
				z->present_pages = en - s;
			}
			pgdat->node_present_pages += z->present_pages;
		}
	}
}

/*
 * The boot-time free lists (memblock_free_all)
 *
 * Lowmem is freed range by range in ascending order, each range cut into
 * the largest aligned blocks (__free_pages_memory), every block added at
 * the tail of its list (FPI_TO_TAIL): a list of ascending addresses.
 * Highmem is freed one page at a time (free_highmem_page); the max-order
 * blocks complete in ascending order and each goes to the head of its
 * list: a list of descending addresses.
 */

struct boot_run {
	u64 lo, hi;
	bool active, closed;
};

static void
set_buddy(struct page_alloc *pgalloc, u64 pfn, unsigned order)
{
	struct page *p = PFN_PAGE(pgalloc, pfn);

	memset(p, 0, sizeof(*p));
	p->sim_init = 1;
	__SetPageBuddy(p);
	set_page_private(p, order);
}

/* Write out the blocks of a run (they were counted when added). */
static void
flush_run(struct page_alloc *pgalloc, struct zone *z, struct boot_run *run)
{
	struct free_area *area = &z->free_area[MAX_ORDER - 1];
	u64 pfn;

	if (!run->active)
		return;
	for (pfn = run->lo; pfn < run->hi; pfn += MAX_ORDER_NR_PAGES) {
		set_buddy(pgalloc, pfn, MAX_ORDER - 1);
		list_add_tail(&PFN_PAGE(pgalloc, pfn)->lru, &area->free_list);
	}
	run->active = false;
}

static void
count_block(struct zone *z)
{
	z->free_area[MAX_ORDER - 1].nr_free++;
	z->free_orders |= 1u << (MAX_ORDER - 1);
	z->nr_free_pages += MAX_ORDER_NR_PAGES;
}

/* __free_pages_memory(): lowmem, ascending, to the tail of each list. */
static void
free_low(struct page_alloc *pgalloc, struct zone *z, struct boot_run *run,
	 u64 s, u64 e)
{
	while (s < e) {
		unsigned order = s ? MIN(MAX_ORDER - 1,
					 (unsigned)__builtin_ctzll(s)) :
			MAX_ORDER - 1;

		while (s + (1ULL << order) > e)
			order--;
		if (order == MAX_ORDER - 1) {
			if (!(run->active && run->hi == s)) {
				flush_run(pgalloc, z, run);
				run->lo = run->hi = s;
				run->active = true;
			}
			run->hi += MAX_ORDER_NR_PAGES;
			count_block(z);
		} else {
			__free_one_page(pgalloc, z, s, order, FPI_TO_TAIL);
		}
		z->managed_pages += 1ULL << order;
		s += 1ULL << order;
	}
}

/* free_highmem_page() per frame: whole blocks complete to the list head. */
static void
free_high(struct page_alloc *pgalloc, struct zone *z, struct boot_run *run,
	  u64 s, u64 e)
{
	while (s < e) {
		u64 blk = s & ~(MAX_ORDER_NR_PAGES - 1);

		if (blk == s && s + MAX_ORDER_NR_PAGES <= e) {
			if (!run->active) {
				run->lo = run->hi = s;
				run->active = true;
			}
			if (!run->closed && run->hi == s) {
				run->hi += MAX_ORDER_NR_PAGES;
			} else {
				run->closed = true;
				set_buddy(pgalloc, s, MAX_ORDER - 1);
				list_add(&PFN_PAGE(pgalloc, s)->lru,
					 &z->free_area[MAX_ORDER - 1].free_list);
			}
			count_block(z);
			z->managed_pages += MAX_ORDER_NR_PAGES;
			s += MAX_ORDER_NR_PAGES;
			continue;
		}
		if (run->active)
			run->closed = true;
		__free_one_page(pgalloc, z, s, 0, FPI_NONE);
		z->managed_pages++;
		s++;
	}
}

static void
free_range(struct page_alloc *pgalloc, struct boot_run *runs, u64 s, u64 e)
{
	while (s < e) {
		struct zone *z = pfn_zone(pgalloc, s);
		u64 ze = MIN(e, zone_end_pfn(z));
		int idx = z->zone_pgdat->node_id * MAX_NR_ZONES + zone_idx(z);

		if (zone_idx(z) == ZONE_HIGHMEM)
			free_high(pgalloc, z, &runs[idx], s, ze);
		else
			free_low(pgalloc, z, &runs[idx], s, ze);
		s = ze;
	}
}

static void
memblock_free_all(struct page_alloc *pgalloc)
{
	struct boot_run *runs = xcalloc((size_t)pgalloc->nr_nodes *
					MAX_NR_ZONES, sizeof(*runs));
	u64 cur = pgalloc->start_pfn;
	int i, nid, t;

	for (i = 0; i < pgalloc->nresv; i++) {
		if (pgalloc->resv[i].start > cur)
			free_range(pgalloc, runs, cur, pgalloc->resv[i].start);
		cur = MAX(cur, pgalloc->resv[i].end);
	}
	free_range(pgalloc, runs, cur, pgalloc->end_pfn);
	/* what is left of each run stays unwritten at the list's tail */
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct boot_run *r = &runs[nid * MAX_NR_ZONES + t];
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];

			if (!r->active)
				continue;
			z->lazy_lo = r->lo;
			z->lazy_hi = r->hi;
			z->lazy_desc = t == ZONE_HIGHMEM;
		}
	free(runs);
}

/*
 * Boot and teardown
 */

int
page_alloc_init(struct machine *m, struct error *e)
{
	const struct layout *L = &m->lay;
	struct page_alloc *pgalloc;
	void *map;
	int nid, t, r;

	pgalloc = xcalloc(1, sizeof(*pgalloc));
	pgalloc->m = m;
	pgalloc->start_pfn = m->ram_start >> PAGE_SHIFT;
	pgalloc->end_pfn = (m->ram_start + m->ram_size) >> PAGE_SHIFT;
	pgalloc->zones_configured = (1u << ZONE_NORMAL) | (1u << ZONE_MOVABLE);
	if (m->profile->zone_device)
		pgalloc->zones_configured |= 1u << ZONE_DEVICE;
	if (L->dma_limit)
		pgalloc->zones_configured |= 1u << ZONE_DMA;
	if (L->dma32_limit)
		pgalloc->zones_configured |= 1u << ZONE_DMA32;
	if (!m->arch->is64 && L->pkmap_base)
		pgalloc->zones_configured |= 1u << ZONE_HIGHMEM;
	pgalloc->max_low_pfn = pgalloc->end_pfn;
	if (zone_configured(pgalloc, ZONE_HIGHMEM))
		pgalloc->max_low_pfn = MIN((L->phys_offset + L->lowmem_end) >>
				      PAGE_SHIFT, pgalloc->end_pfn);
	pgalloc->struct_page_size = m->profile->struct_page_size;
	pgalloc->vmemmap = m->arch->is64 && L->vmemmap_base != 0;
	pgalloc->min_free_kbytes = 1024;
	pgalloc->watermark_scale_factor = 10;
	pgalloc->lowmem_reserve_ratio[ZONE_DMA] = 256;
	pgalloc->lowmem_reserve_ratio[ZONE_DMA32] = 256;
	pgalloc->lowmem_reserve_ratio[ZONE_NORMAL] = 32;

	r = setup_nodes(pgalloc, m->opts.nodes ? m->opts.nodes : 1, e);
	if (r)
		goto fail;
	pgalloc->map_bytes = (size_t)(pgalloc->end_pfn - pgalloc->start_pfn) *
		sizeof(struct page);
	map = mmap(NULL, pgalloc->map_bytes, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		r = error_set(e, -ENOMEM, "cannot reserve host memory for %llu "
			      "page descriptors",
			      (unsigned long long)(pgalloc->end_pfn - pgalloc->start_pfn));
		pgalloc->map_bytes = 0;
		goto fail;
	}
	pgalloc->mem_map = map;
	setup_zones(pgalloc);
	r = pgalloc->vmemmap ? memmap_init_vmemmap(pgalloc, e) :
		memmap_init_flat(pgalloc, e);
	if (!r)
		r = boot_tables(pgalloc, e);
	if (r)
		goto fail;
	/*
	 * The names `machine` and pfn_to_page give the struct page array,
	 * kept with the value they hold, as high_memory is: FLATMEM's
	 * mem_map pointer, SPARSEMEM_VMEMMAP's vmemmap base.
	 */
	if (pgalloc->vmemmap && machine_ksym(m, "vmemmap") == NULL)
		machine_add_ksym(m, "vmemmap", pgalloc->memmap_va -
				 pgalloc->start_pfn *
				 pgalloc->struct_page_size, 0, 'A');
	else if (!pgalloc->vmemmap)
		machine_add_ksym(m, "mem_map", pgalloc->memmap_va, 0, 'A');
	collect_resv(pgalloc);
	apply_holes(pgalloc);
	memblock_free_all(pgalloc);
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];

			pgalloc->totalram_pages += z->managed_pages;
			if (t == ZONE_HIGHMEM)
				pgalloc->totalhigh_pages += z->managed_pages;
		}
	build_all_zonelists(pgalloc);
	init_per_zone_wmark_min(pgalloc);
	/* free_initmem(): the late frames were freed with the rest */
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++)
			pgalloc->node_data[nid]->node_zones[t].late_pages = 0;
	m->kern->pgalloc = pgalloc;
	/* page tables from now on come from the buddy allocator */
	m->memblock_retired = true;
	m->alloc_table_page = pagetable_alloc;
	m->free_table_page = pagetable_free;
	return 0;
fail:
	m->kern->pgalloc = pgalloc;
	page_alloc_release(m);
	return r;
}

void
page_alloc_release(struct machine *m)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	int nid;

	if (pgalloc == NULL)
		return;
	if (pgalloc->mem_map != NULL)
		munmap(pgalloc->mem_map, pgalloc->map_bytes);
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		free(pgalloc->node_data[nid]);
	free(pgalloc->resv);
	free(pgalloc);
	m->kern->pgalloc = NULL;
	m->memblock_retired = false;
	m->alloc_table_page = NULL;
	m->free_table_page = NULL;
}

/*
 * Conversions
 */

bool
pfn_valid(const struct machine *m, u64 pfn)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	return pgalloc != NULL && pfn >= pgalloc->start_pfn &&
		pfn < pgalloc->end_pfn;
}

struct page *
pfn_to_page(struct machine *m, u64 pfn)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct page *p;

	if (!pfn_valid(m, pfn))
		return NULL;
	p = PFN_PAGE(pgalloc, pfn);
	if (unlikely(!p->sim_init))
		page_init_default(pgalloc, p, pfn);
	return p;
}

u64
page_to_pfn(const struct machine *m, const struct page *page)
{
	return PAGE_PFN(page_alloc_of(m), page);
}

struct page *
virt_to_page(struct machine *m, u64 kaddr, struct error *e)
{
	u64 pa;

	if (machine_pa(m, kaddr, &pa, e))
		return NULL;
	if (!pfn_valid(m, pa >> PAGE_SHIFT)) {
		error_set(e, -EFAULT, "virt_to_page(0x%llx): physical 0x%llx "
			  "is not RAM", (unsigned long long)kaddr,
			  (unsigned long long)pa);
		return NULL;
	}
	return pfn_to_page(m, pa >> PAGE_SHIFT);
}

u64
page_address(const struct machine *m, const struct page *page)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	u64 pfn = PAGE_PFN(pgalloc, page);

	if (pfn < pgalloc->max_low_pfn)
		return m->lay.page_offset + ((pfn << PAGE_SHIFT) -
					     m->lay.phys_offset);
	return page->virtual;
}

void
set_page_address(struct page *page, u64 va)
{
	page->virtual = va;
}

bool
PageHighMem(const struct machine *m, const struct page *page)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	return zone_configured(pgalloc, ZONE_HIGHMEM) &&
		PAGE_PFN(pgalloc, page) >= pgalloc->max_low_pfn;
}

u64
sim_page_va(const struct machine *m, const struct page *page)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	return pgalloc->memmap_va +
		(u64)(page - pgalloc->mem_map) * pgalloc->struct_page_size;
}

struct page *
sim_va_to_page(struct machine *m, u64 addr)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	u64 off, idx;

	if (pgalloc == NULL || addr < pgalloc->memmap_va)
		return NULL;
	off = addr - pgalloc->memmap_va;
	idx = off / pgalloc->struct_page_size;
	if (off % pgalloc->struct_page_size ||
	    idx >= pgalloc->end_pfn - pgalloc->start_pfn)
		return NULL;
	return pfn_to_page(m, pgalloc->start_pfn + idx);
}

struct zone *
page_zone(const struct machine *m, const struct page *page)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	return pfn_zone(pgalloc, PAGE_PFN(pgalloc, page));
}

int
page_to_nid(const struct machine *m, const struct page *page)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	return pfn_nid(pgalloc, PAGE_PFN(pgalloc, page));
}

int
cpu_to_node(const struct machine *m, int cpu)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);

	if (cpu < 0 || cpu >= (int)ARRAY_SIZE(pgalloc->cpu_node))
		return 0;
	return pgalloc->cpu_node[cpu];
}

/*
 * What a frame is
 */

/* The block containing pfn whose head is at pfn & ~(2^o - 1), if any. */
static bool
block_at(struct page_alloc *pgalloc, u64 pfn, unsigned o, struct page_state *st)
{
	u64 h = pfn & ~((1ULL << o) - 1);
	struct page *hp;
	struct zone *z;

	if (h < pgalloc->start_pfn)
		return false;
	hp = PFN_PAGE(pgalloc, h);
	if (!hp->sim_init) {
		z = pfn_zone(pgalloc, h);
		if (o == MAX_ORDER - 1 && z != NULL && pfn_in_lazy(z, h)) {
			st->kind = PS_FREE;
			st->head = h;
			st->order = MAX_ORDER - 1;
			return true;
		}
		return false;
	}
	if (PageBuddy(hp) && hp->private >= o &&
	    pfn < h + (1ULL << hp->private)) {
		st->kind = PS_FREE;
		st->head = h;
		st->order = (unsigned)hp->private;
		return true;
	}
	if (hp->_refcount > 0 && !PageReserved(hp) && !PageBuddy(hp) &&
	    !PageTail(hp) && hp->alloc_order >= o &&
	    pfn < h + (1ULL << hp->alloc_order)) {
		st->kind = PS_ALLOCATED;
		st->head = h;
		st->order = hp->alloc_order;
		return true;
	}
	return false;
}

void
sim_page_state(struct machine *m, u64 pfn, struct page_state *st)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	const struct resv_range *r;
	struct page *p;
	unsigned o;

	memset(st, 0, sizeof(*st));
	st->head = pfn;
	if (!pfn_valid(m, pfn)) {
		st->kind = PS_NOT_RAM;
		return;
	}
	p = PFN_PAGE(pgalloc, pfn);
	r = pfn_resv(pgalloc, pfn);
	if ((!p->sim_init && r != NULL) || (p->sim_init && PageReserved(p))) {
		st->kind = PS_RESERVED;
		st->what = r ? r->what : "PG_reserved";
		return;
	}
	if (p->sim_init && PageTail(p)) {
		struct page *h = compound_head(p);

		st->kind = PS_TAIL_COMPOUND;
		st->head = PAGE_PFN(pgalloc, h);
		st->order = compound_order(h);
		return;
	}
	for (o = 0; o < MAX_ORDER; o++)
		if (block_at(pgalloc, pfn, o, st))
			return;
	st->kind = PS_ORPHAN;
}

/*
 * The allocator's invariants, checked frame by frame (for tests).
 */

#define MARK_FREE	1
#define MARK_ALLOC	2

int
sim_page_alloc_check(struct machine *m, struct error *e)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	u64 n = pgalloc->end_pfn - pgalloc->start_pfn, pfn;
	u8 *mark = xcalloc((size_t)n, 1);
	int nid, t, o, rc = 0;

#define BAD(...) do { rc = error_set(e, -EUCLEAN, __VA_ARGS__); goto out; } while (0)
	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *z =
				&pgalloc->node_data[nid]->node_zones[t];
			u64 zfree = 0;

			for (o = 0; o < MAX_ORDER; o++) {
				struct free_area *area = &z->free_area[o];
				struct list_head *l;
				u64 cnt = 0, k;

				list_for_each(l, &area->free_list) {
					struct page *p = list_entry(l, struct page, lru);
					u64 h = PAGE_PFN(pgalloc, p);

					if (!PageBuddy(p) || p->private != (unsigned long)o)
						BAD("%s free_area[%d]: pfn 0x%llx is not a free order-%d block",
						    z->name, o, (unsigned long long)h, o);
					if (h & ((1ULL << o) - 1))
						BAD("%s free_area[%d]: pfn 0x%llx is not aligned",
						    z->name, o, (unsigned long long)h);
					if (h < z->zone_start_pfn || h + (1ULL << o) > zone_end_pfn(z))
						BAD("%s free_area[%d]: pfn 0x%llx is outside the zone",
						    z->name, o, (unsigned long long)h);
					if (o < MAX_ORDER - 1) {
						u64 b = h ^ (1ULL << o);
						struct page *bp = PFN_PAGE(pgalloc, b);

						if (b >= z->zone_start_pfn && b < zone_end_pfn(z) &&
						    bp->sim_init && PageBuddy(bp) && bp->private == (unsigned long)o)
							BAD("%s: free order-%d blocks at 0x%llx and 0x%llx were not merged",
							    z->name, o, (unsigned long long)h, (unsigned long long)b);
					}
					for (k = 0; k < (1ULL << o); k++) {
						if (mark[h + k -
							 pgalloc->start_pfn])
							BAD("pfn 0x%llx is in two free blocks",
							    (unsigned long long)(h + k));
						mark[h - pgalloc->start_pfn + k] = MARK_FREE;
					}
					cnt++;
				}
				if (o == MAX_ORDER - 1 && z->lazy_hi > z->lazy_lo) {
					u64 h;

					for (h = z->lazy_lo; h < z->lazy_hi; h++) {
						if (mark[h -
							 pgalloc->start_pfn])
							BAD("pfn 0x%llx is in two free blocks",
							    (unsigned long long)h);
						mark[h - pgalloc->start_pfn] = MARK_FREE;
					}
					cnt += (z->lazy_hi - z->lazy_lo) / MAX_ORDER_NR_PAGES;
				}
				if (cnt != area->nr_free)
					BAD("%s free_area[%d]: nr_free %lu, but %llu blocks on the list",
					    z->name, o, area->nr_free, (unsigned long long)cnt);
				if (!!(z->free_orders & (1u << o)) != (cnt != 0))
					BAD("%s: free_orders bit %d is wrong", z->name, o);
				zfree += cnt << o;
			}
			if (zfree != z->nr_free_pages)
				BAD("%s: NR_FREE_PAGES %lu, but the lists hold %llu",
				    z->name, z->nr_free_pages, (unsigned long long)zfree);
		}
	for (pfn = pgalloc->start_pfn; pfn < pgalloc->end_pfn;) {
		struct page *p = PFN_PAGE(pgalloc, pfn);
		u64 k, len;

		if (mark[pfn - pgalloc->start_pfn]) {
			pfn++;
			continue;
		}
		if (pfn_resv(pgalloc, pfn) != NULL) {
			if (p->sim_init && !PageReserved(p))
				BAD("pfn 0x%llx was reserved at boot but its "
				    "struct page lost PG_reserved",
				    (unsigned long long)pfn);
			pfn++;
			continue;
		}
		if (!p->sim_init || p->_refcount <= 0 || PageBuddy(p))
			BAD("pfn 0x%llx is neither free, allocated nor reserved",
			    (unsigned long long)pfn);
		len = 1ULL << p->alloc_order;
		for (k = 0; k < len; k++) {
			if (pfn + k >= pgalloc->end_pfn || mark[pfn + k - pgalloc->start_pfn])
				BAD("the order-%u block at pfn 0x%llx overlaps "
				    "a free block", p->alloc_order,
				    (unsigned long long)pfn);
			if (pfn_resv(pgalloc, pfn + k) != NULL)
				BAD("the order-%u block at pfn 0x%llx overlaps "
				    "reserved memory", p->alloc_order,
				    (unsigned long long)pfn);
			mark[pfn + k - pgalloc->start_pfn] = MARK_ALLOC;
		}
		pfn += len;
	}
out:
#undef BAD
	free(mark);
	return rc;
}
