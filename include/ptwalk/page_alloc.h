/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Physical memory as Linux sees it (mm/page_alloc.c, include/linux/mmzone.h,
 * include/linux/mm_types.h): NUMA nodes (pglist_data), their zones, one
 * struct page per frame (mem_map), the buddy allocator and its watermarks.
 *
 * Every other allocator stands on this one.  What a subsystem needs:
 *
 *   struct page *page = alloc_pages(m, GFP_KERNEL | __GFP_COMP, 2, &e);
 *   u64 va = page_address(m, page);        (0 for an unmapped highmem page)
 *   u64 pa = page_to_phys(m, page);
 *   page_set_owner(page, &my_owner_type, my_object);
 *   ...
 *   __free_pages(m, page, 2, &e);
 *
 * or by kernel virtual address: __get_free_pages / get_zeroed_page /
 * free_pages.  Failures return NULL / 0 / a negative errno with the reason
 * in the struct error (which zone, which order, which watermark); nothing is
 * printed.  The steps (splits, merges, skipped zones) are events of the
 * kernel trace (ptwalk/trace.h).  A bad free (twice, wrong order, a
 * reserved or tail page) is refused with the reason and changes nothing.
 *
 * Modelled: Linux 6.1's zones and zonelists (local node first, then the
 * other nodes by find_next_best_node()), MAX_ORDER 11 (orders 0..10),
 * __rmqueue_smallest + expand on allocation, __free_one_page with
 * pfn ^ (1 << order) buddies, buddy_merge_likely() tail placement,
 * min_free_kbytes, watermark_scale_factor and lowmem_reserve_ratio, the
 * fast path at the low watermark and the slow path at min with __GFP_HIGH
 * and non-blocking reserves.
 * Not modelled (sim): per-CPU page lists (order-0 pages go straight back to
 * the buddy lists), migrate types (one free list per order, as before
 * 2.6.24), reclaim, compaction and the OOM killer (an allocation below its
 * watermark fails with the reason), ZONE_MOVABLE and ZONE_DEVICE contents.
 */
#ifndef PTWALK_PAGE_ALLOC_H
#define PTWALK_PAGE_ALLOC_H

#include "gfp.h"
#include "kernel.h"
#include "list.h"
#include "machine.h"

#define MAX_ORDER		11	/* free_area[0..10]: blocks of 4K..4M */
#define MAX_ORDER_NR_PAGES	(1ULL << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER	3
#define MAX_NUMNODES		64
#define SWAP_CLUSTER_MAX	32
#define SECTION_SIZE_BITS	27	/* SPARSEMEM: 128M sections */

/* The GFP flags page tables are allocated with (asm-generic/pgalloc.h). */
#define GFP_PGTABLE_KERNEL	(GFP_KERNEL | __GFP_ZERO)

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	ZONE_MOVABLE,
	ZONE_DEVICE,		/* ZONE_DEVICE=y: for device memory, never populated */
	MAX_NR_ZONES
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

/* include/linux/page-flags.h (6.1 bit numbers) */
enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_workingset,
	PG_waiters,
	PG_error,
	PG_slab,
	PG_owner_priv_1,
	PG_arch_1,
	PG_reserved,
	PG_private,
	PG_private_2,
	PG_writeback,
	PG_head,
	PG_mappedtodisk,
	PG_reclaim,
	PG_swapbacked,
	PG_unevictable,
	PG_mlocked,
	NR_PAGEFLAGS
};
extern const char *const pageflag_names[NR_PAGEFLAGS];

/*
 * Page types (6.1): kept by Linux inverted in the _mapcount word of a page
 * that is never mapped (PageBuddy: _mapcount = ~PG_buddy).  ptwalk keeps
 * the set bits in page_type and shows the Linux value in `page`.
 */
#define PAGE_TYPE_BASE	0xf0000000u
#define PG_buddy	0x00000080u
#define PG_offline	0x00000100u
#define PG_table	0x00000200u
#define PG_guard	0x00000400u

#define PAGE_MAPPING_ANON	0x1UL	/* low bit of mapping: an anon_vma */

struct page;
struct strbuf;

/*
 * Who uses an allocated page, for `page` and for checks: a subsystem
 * defines one static page_owner_type (slab cache, vmalloc area, page
 * table, user page ...) and tags its pages with page_set_owner(); the page
 * allocator never needs to know the subsystem.  describe() (may be NULL)
 * adds one line about the owner's object to sb.
 */
struct page_owner_type {
	const char *name;
	void (*describe)(struct machine *m, const struct page *page,
			 struct strbuf *sb);
};
extern const struct page_owner_type page_owner_pgtable;	/* page tables */

/*
 * struct page (include/linux/mm_types.h), the fields a reader of the
 * kernel meets.  ptwalk keeps the descriptors in host memory, one per
 * frame, in a lazily backed mapping: a descriptor never written costs
 * nothing and reads as the default for its frame (reserved at boot, or
 * part of a free block).  Use pfn_to_page() & co.; they hand out
 * initialised descriptors.
 */
struct page {
	u32 flags;		/* 1 << PG_*; the zone and node are page_zone() */
	u32 page_type;		/* PG_buddy, PG_table ... bits that are set */
	s32 _refcount;		/* page_count(): 0 = free or a tail page */
	s32 _mapcount_1;	/* sim: _mapcount + 1 = page_mapcount(), so
				 * 0 means _mapcount -1 (not mapped) */
	union {
		/* free block head: on free_area[order]; else the owner's */
		struct list_head lru;
		struct {	/* tail pages of a compound page */
			unsigned long compound_head;	/* head | 1 */
			u8 compound_order;		/* first tail page */
		};
	};
	void *mapping;		/* address_space, or anon_vma | PAGE_MAPPING_ANON */
	u64 index;		/* offset within mapping, in pages */
	unsigned long private;	/* free block head: its order; else owner's */
	u64 virtual;		/* kmap address of a highmem page (0: none) */
	const struct page_owner_type *owner;	/* sim: who uses it (NULL) */
	void *owner_data;	/* sim: the owner's object */
	u32 alloc_gfp;		/* sim (cf. CONFIG_PAGE_OWNER): head's gfp */
	u8 alloc_order;		/* sim: order of the allocated block (head) */
	u8 sim_init;		/* sim: 0 = never written, read the default */
};

#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *p)			\
{ return p->flags & (1u << PG_##lname); }				\
static inline void SetPage##uname(struct page *p)			\
{ p->flags |= 1u << PG_##lname; }					\
static inline void ClearPage##uname(struct page *p)			\
{ p->flags &= ~(1u << PG_##lname); }
PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Unevictable, unevictable)
PAGEFLAG(Mlocked, mlocked)
#undef PAGEFLAG

#define PAGE_TYPE_OPS(uname, bit)					\
static inline bool Page##uname(const struct page *p)			\
{ return p->page_type & (bit); }					\
static inline void __SetPage##uname(struct page *p)			\
{ p->page_type |= (bit); }						\
static inline void __ClearPage##uname(struct page *p)			\
{ p->page_type &= ~(bit); }
PAGE_TYPE_OPS(Buddy, PG_buddy)
PAGE_TYPE_OPS(Offline, PG_offline)
PAGE_TYPE_OPS(Table, PG_table)
PAGE_TYPE_OPS(Guard, PG_guard)
#undef PAGE_TYPE_OPS

static inline bool PageTail(const struct page *p)
{ return p->compound_head & 1; }
static inline bool PageCompound(const struct page *p)
{ return PageHead(p) || PageTail(p); }
static inline struct page *compound_head(struct page *p)
{ return PageTail(p) ? (struct page *)(p->compound_head - 1) : p; }
static inline unsigned compound_order(const struct page *p)
{ return PageHead(p) ? p[1].compound_order : 0; }

static inline int page_ref_count(const struct page *p)
{ return p->_refcount; }
static inline int page_count(const struct page *p)
{ return compound_head((struct page *)p)->_refcount; }
static inline void set_page_count(struct page *p, int v)
{ p->_refcount = v; }
static inline void page_ref_inc(struct page *p)
{ p->_refcount++; }
/* Drop a reference; true when it was the last (put_page_testzero). */
static inline bool put_page_testzero(struct page *p)
{ return --p->_refcount == 0; }

/* Number of page tables mapping the page (0: _mapcount -1). */
static inline int page_mapcount(const struct page *p)
{ return p->_mapcount_1; }
static inline bool page_mapped(const struct page *p)
{ return p->_mapcount_1 > 0; }
static inline void page_mapcount_reset(struct page *p)
{ p->_mapcount_1 = 0; }
/* One more mapping; true when it is the first (atomic_inc_and_test). */
static inline bool page_mapcount_inc(struct page *p)
{ return ++p->_mapcount_1 == 1; }
/* One mapping fewer; true when it was the last (atomic_add_negative). */
static inline bool page_mapcount_dec(struct page *p)
{ return --p->_mapcount_1 == 0; }
/* The _mapcount word as Linux stores it (page types included). */
static inline s32 page_mapcount_raw(const struct page *p)
{ return p->page_type ? (s32)~p->page_type : p->_mapcount_1 - 1; }

static inline unsigned long page_private(const struct page *p)
{ return p->private; }
static inline void set_page_private(struct page *p, unsigned long v)
{ p->private = v; }
static inline void page_set_owner(struct page *p,
				  const struct page_owner_type *t, void *obj)
{ p->owner = t; p->owner_data = obj; }

/*
 * Zones and nodes (include/linux/mmzone.h).
 */

struct free_area {
	struct list_head free_list;	/* sim: one list, no migrate types */
	unsigned long nr_free;		/* blocks (not pages) */
};

struct pglist_data;

struct zone {
	unsigned long _watermark[NR_WMARK];
	long lowmem_reserve[MAX_NR_ZONES];	/* protection: (...) */
	struct pglist_data *zone_pgdat;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end - start */
	unsigned long present_pages;	/* RAM in the span */
	unsigned long managed_pages;	/* given to the buddy allocator */
	/*
	 * Of them, the frames the kernel frees only after its initcalls
	 * (free_initmem, mark_rodata_ro): while it boots, the watermarks
	 * and reserves count without them.  0 once booted.
	 */
	unsigned long late_pages;
	const char *name;		/* "DMA", "DMA32", "Normal", "HighMem" */
	struct free_area free_area[MAX_ORDER];
	unsigned free_orders;		/* sim: bit o set: free_area[o] not empty */
	unsigned long nr_free_pages;	/* NR_FREE_PAGES */
	/*
	 * sim: max-order blocks freed at boot and never touched since,
	 * [lazy_lo, lazy_hi) in pfns, at the tail of free_area[MAX_ORDER-1]
	 * (ascending, or descending when lazy_desc): their descriptors are
	 * written only when a block leaves the list.
	 */
	u64 lazy_lo, lazy_hi;
	bool lazy_desc;
};

static inline unsigned long zone_end_pfn(const struct zone *z)
{ return z->zone_start_pfn + z->spanned_pages; }
static inline bool populated_zone(const struct zone *z)
{ return z->present_pages != 0; }
static inline bool managed_zone(const struct zone *z)
{ return z->managed_pages != 0; }
static inline unsigned long min_wmark_pages(const struct zone *z)
{ return z->_watermark[WMARK_MIN]; }
static inline unsigned long low_wmark_pages(const struct zone *z)
{ return z->_watermark[WMARK_LOW]; }
static inline unsigned long high_wmark_pages(const struct zone *z)
{ return z->_watermark[WMARK_HIGH]; }

enum { ZONELIST_FALLBACK, ZONELIST_NOFALLBACK, MAX_ZONELISTS };

struct zoneref {
	struct zone *zone;		/* NULL ends the list */
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NUMNODES * MAX_NR_ZONES + 1];
};

/* Per-node counters other subsystems keep (mod_node_page_state). */
enum node_stat_item {
	NR_ANON_MAPPED,			/* anonymous pages mapped by users */
	NR_FILE_PAGES,
	NR_SLAB_RECLAIMABLE_B,		/* bytes */
	NR_SLAB_UNRECLAIMABLE_B,	/* bytes */
	NR_KERNEL_STACK_KB,		/* kilobytes */
	NR_PAGETABLE,			/* page-table pages after boot */
	NR_VMALLOC,			/* pages mapped by vmalloc */
	NR_VM_NODE_STAT_ITEMS
};
extern const char *const node_stat_names[NR_VM_NODE_STAT_ITEMS];

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int node_id;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	unsigned long totalreserve_pages;
	long vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

static inline int zone_idx(const struct zone *z)
{ return (int)(z - z->zone_pgdat->node_zones); }
static inline bool is_highmem_idx(int idx)
{ return idx == ZONE_HIGHMEM; }

/* A range of frames memblock reserved at boot, and why. */
struct resv_range {
	u64 start, end;			/* pfns, [start, end) */
	const char *what;
	bool nomap;			/* no RAM: not present in its zone */
};

/* The page allocator of a machine: m->kern->pgalloc. */
struct page_alloc {
	struct machine *m;
	struct page *mem_map;		/* host: descriptor of start_pfn */
	size_t map_bytes;
	u64 start_pfn, end_pfn;		/* ARCH_PFN_OFFSET .. max_pfn */
	u64 max_low_pfn;		/* end of lowmem */
	/* where the kernel keeps its struct pages */
	bool vmemmap;			/* SPARSEMEM_VMEMMAP, else FLATMEM */
	u64 memmap_va;			/* va of the struct page of start_pfn */
	u64 memmap_frames;		/* frames the struct pages occupy */
	unsigned struct_page_size;	/* 32 on 32-bit, 64 on 64-bit */
	int nr_nodes;
	pg_data_t *node_data[MAX_NUMNODES];
	unsigned zones_configured;	/* 1 << zone_type the kernel has */
	int cpu_node[64];		/* cpu_to_node() */
	int min_free_kbytes;
	int watermark_scale_factor;
	int lowmem_reserve_ratio[MAX_NR_ZONES];
	unsigned long totalram_pages, totalhigh_pages, totalreserve_pages;
	struct resv_range *resv;		/* sorted by start */
	int nresv;
};

/* Boot (from kernel_init) and teardown. */
int page_alloc_init(struct machine *m, struct error *e);
void page_alloc_release(struct machine *m);

static inline struct page_alloc *
page_alloc_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->pgalloc : NULL;
}

#define NODE_DATA(pgalloc, nid)	((pgalloc)->node_data[nid])
static inline bool zone_configured(const struct page_alloc *pgalloc, int t)
{ return pgalloc->zones_configured & (1u << t); }

/*
 * Allocation.  alloc_pages() returns the head of a 2^order block from the
 * current CPU's node (alloc_pages_node: from nid, -1 = current), NULL on
 * failure with the reason in e.  __get_free_pages() returns its kernel
 * virtual address (0 on failure) and refuses __GFP_HIGHMEM.
 */
struct page *alloc_pages(struct machine *m, gfp_t gfp, unsigned order,
			 struct error *e);
struct page *alloc_pages_node(struct machine *m, int nid, gfp_t gfp,
			      unsigned order, struct error *e);
static inline struct page *
alloc_page(struct machine *m, gfp_t gfp, struct error *e)
{
	return alloc_pages(m, gfp, 0, e);
}
/* At boot, no watermark: a block of zone z (NULL: none left). */
struct page *alloc_pages_zone_boot(struct machine *m, struct zone *z,
				   unsigned order, gfp_t gfp);
u64 __get_free_pages(struct machine *m, gfp_t gfp, unsigned order,
		     struct error *e);
u64 get_zeroed_page(struct machine *m, gfp_t gfp, struct error *e);

/*
 * Freeing: __free_pages() drops the caller's reference and frees the
 * block when it was the last (with extra references on a non-compound
 * block, Linux 6.1 frees all but the first page).  free_pages() takes a
 * lowmem virtual address.  Every misuse is refused with the reason and
 * nothing changes.
 */
int __free_pages(struct machine *m, struct page *page, unsigned order,
		 struct error *e);
int free_pages(struct machine *m, u64 addr, unsigned order, struct error *e);
/* split_page(): the 2^order pages of a block, each freed on its own. */
void split_page(struct machine *m, struct page *page, unsigned order);
/* get_page / put_page: put_page frees the page (compound: the whole
 * compound page) when the last reference goes. */
void get_page(struct page *page);
int put_page(struct machine *m, struct page *page, struct error *e);

/*
 * Conversions.  pfn_to_page: NULL when no descriptor exists (outside RAM).
 * virt_to_page: NULL (with the reason) unless a direct-map or kernel-image
 * address.  page_address: the direct-map address, the kmap address
 * (page->virtual) of a highmem page, or 0.
 */
bool pfn_valid(const struct machine *m, u64 pfn);
/*
 * The RAM pfns of [*lo, *hi): the range is cut down to them; false when
 * it holds none.  first_unreserved_pfn(): the first pfn of RAM [lo, hi)
 * that memblock did not reserve at boot (not PageReserved), or hi.
 * Both cost a few compares, whatever the size of the range.
 */
bool pfn_range_ram(const struct machine *m, u64 *lo, u64 *hi);
u64 first_unreserved_pfn(const struct machine *m, u64 lo, u64 hi);
struct page *pfn_to_page(struct machine *m, u64 pfn);
u64 page_to_pfn(const struct machine *m, const struct page *page);
static inline u64
page_to_phys(const struct machine *m, const struct page *page)
{
	return page_to_pfn(m, page) << PAGE_SHIFT;
}
struct page *virt_to_page(struct machine *m, u64 kaddr, struct error *e);
u64 page_address(const struct machine *m, const struct page *page);
void set_page_address(struct page *page, u64 va);
bool PageHighMem(const struct machine *m, const struct page *page);
/* sim: the simulated kernel address of a struct page (mem_map/vmemmap)
 * and back (NULL unless addr is the start of a descriptor). */
u64 sim_page_va(const struct machine *m, const struct page *page);
struct page *sim_va_to_page(struct machine *m, u64 addr);

struct zone *page_zone(const struct machine *m, const struct page *page);
int page_to_nid(const struct machine *m, const struct page *page);
int cpu_to_node(const struct machine *m, int cpu);
/* The zone a gfp mask allows at most (gfp_zone), or -1 (invalid mix). */
int gfp_zone(const struct machine *m, gfp_t gfp);

/*
 * Statistics (mod_node_page_state): other subsystems count their pages
 * so that meminfo and zoneinfo show them.
 */
void mod_node_page_state(struct pglist_data *pgdat, enum node_stat_item i,
			 long delta);
long global_node_page_state(const struct machine *m, enum node_stat_item i);
unsigned long global_free_pages(const struct machine *m);
/* si_mem_available() in pages. */
unsigned long si_mem_available(const struct machine *m);

/*
 * sim: what a frame is, for `page` and for error messages: reserved (and
 * by what), free (in which block), allocated (which block), or not RAM.
 */
enum page_state_kind {
	PS_NOT_RAM,
	PS_RESERVED,
	PS_FREE,		/* inside (or the head of) a free block */
	PS_ALLOCATED,		/* inside (or the head of) an allocated block */
	PS_TAIL_COMPOUND,	/* a tail page of a compound page */
	PS_ORPHAN,		/* none of these: a leaked tail */
};
struct page_state {
	enum page_state_kind kind;
	u64 head;		/* head pfn of the block */
	unsigned order;		/* order of the block */
	const char *what;	/* PS_RESERVED: memblock's reason */
};
void sim_page_state(struct machine *m, u64 pfn, struct page_state *st);
/*
 * sim: check every invariant of the allocator (free lists, counts, no
 * overlap, every frame free, allocated or reserved exactly once); 0 or
 * -EUCLEAN with the first violation.  For tests.
 */
int sim_page_alloc_check(struct machine *m, struct error *e);

/*
 * Why a zone failed its watermark check, in words ("12 free pages, not
 * above the low watermark 20"): for the error of a failed allocation and
 * for the trace.
 */
void zone_wmark_fail_text(const struct zone_wmark_fail *w, struct strbuf *sb);

#endif
