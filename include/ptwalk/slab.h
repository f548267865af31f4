/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The slab allocator: SLUB as Linux 6.1 builds it (mm/slub.c,
 * mm/slab_common.c, include/linux/slab.h), on every arch ptwalk has.
 *
 *   struct kmem_cache *s = kmem_cache_create(m, "foo", 100, 0, 0, &e);
 *   u64 obj = kmem_cache_alloc(m, s, GFP_KERNEL, &e);    (0: failed)
 *   kmem_cache_free(m, s, obj, &e);
 *   u64 p = kmalloc(m, 100, GFP_KERNEL, &e);            (kmalloc-128)
 *   kfree(m, p, &e);
 *
 * Slabs are blocks of lowmem pages from the buddy allocator (PG_slab, the
 * owner tag slab_page_owner, __GFP_COMP above order 0); objects are bytes in
 * simulated RAM, and a free object holds the free pointer at s->offset as
 * SLUB stores it, so `x` shows the free list.  The struct slab fields
 * overlay struct page as in Linux: slab_list = lru, freelist = index (the
 * virtual address of the first free object, 0 = NULL), counters = private
 * (inuse:16 objects:15 frozen:1); the cache is the owner's object.
 *
 * Modelled: calculate_sizes/calculate_order (slub_min_objects =
 * 4 * (fls(nr_cpus) + 1), slub_max_order 3, the 1/16 1/8 1/4 waste
 * fractions), the free pointer in the middle of the object (after it with
 * SLAB_POISON), calculate_alignment, min_partial, one frozen per-CPU slab
 * per cache, node partial lists, empty slabs beyond min_partial returned to
 * the buddy allocator, the kmalloc caches per arch (KMALLOC_MIN_SIZE from
 * ARCH_DMA_MINALIGN: 8 on x86, 64 on arm, 128 on arm64 6.1), kmalloc-rcl-N
 * for __GFP_RECLAIMABLE and dma-kmalloc-N for GFP_DMA, kmalloc_large above
 * KMALLOC_MAX_CACHE_SIZE, the kmem_cache and kmem_cache_node caches that
 * hold every cache's own structures.
 * sim: the per-CPU lockless freelist is kept in the slab's own freelist
 * (one list per slab); no per-CPU partial lists (as with
 * CONFIG_SLUB_CPU_PARTIAL=n); no freelist randomisation or hardening; no
 * cache merging (as with slab_nomerge); no memcg (kmalloc-cg-N); full slabs
 * are tracked on a list for display (Linux does so only when debugging);
 * every free is checked (double free, a pointer inside an object, the wrong
 * cache) and refused with the reason, which Linux does only with slub_debug.
 */
#ifndef PTWALK_SLAB_H
#define PTWALK_SLAB_H

#include "list.h"
#include "page_alloc.h"

typedef u32 slab_flags_t;

/* include/linux/slab.h (6.1) */
#define SLAB_CONSISTENCY_CHECKS	0x00000100u
#define SLAB_RED_ZONE		0x00000400u
#define SLAB_POISON		0x00000800u
#define SLAB_HWCACHE_ALIGN	0x00002000u
#define SLAB_CACHE_DMA		0x00004000u
#define SLAB_CACHE_DMA32	0x00008000u
#define SLAB_STORE_USER		0x00010000u
#define SLAB_RECLAIM_ACCOUNT	0x00020000u
#define SLAB_PANIC		0x00040000u
#define SLAB_TYPESAFE_BY_RCU	0x00080000u
#define SLAB_ACCOUNT		0x04000000u
/* sim: marks the caches create_kmalloc_caches() made (Linux 6.2 names it) */
#define SLAB_KMALLOC		0x00001000u

/* mm/slub.c debugging fill (include/linux/poison.h) */
#define POISON_FREE		0x6b
#define POISON_END		0xa5

#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE	(1u << KMALLOC_SHIFT_HIGH)
#define KMALLOC_SHIFT_MAX	(MAX_ORDER + PAGE_SHIFT - 1)
#define KMALLOC_MAX_SIZE	(1u << KMALLOC_SHIFT_MAX)
#define ZERO_SIZE_PTR		16ULL
#define MAX_OBJS_PER_PAGE	32767
#define NUMA_NO_NODE		(-1)

/* Without CONFIG_MEMCG_KMEM: NORMAL, RECLAIM, DMA (when ZONE_DMA exists). */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

/* Order and objects packed as SLUB packs them (oo_make). */
#define OO_SHIFT	16
#define OO_MASK		((1u << OO_SHIFT) - 1)
static inline unsigned oo_order(unsigned oo) { return oo >> OO_SHIFT; }
static inline unsigned oo_objects(unsigned oo) { return oo & OO_MASK; }

/* struct kmem_cache_cpu: the CPU's frozen slab (its freelist: see above). */
struct kmem_cache_cpu {
	struct page *slab;
};

struct kmem_cache_node {
	unsigned long nr_partial;
	struct list_head partial;
	/* CONFIG_SLUB_DEBUG counters */
	unsigned long nr_slabs;
	unsigned long total_objects;
	/* sim: full slabs, for display */
	unsigned long nr_full;
	struct list_head full;
};

struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;	/* [ncpus] */
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned size;			/* object + metadata, aligned */
	unsigned object_size;		/* what the caller asked for */
	unsigned offset;		/* free pointer offset */
	unsigned oo;			/* order << 16 | objects per slab */
	unsigned min;			/* the fallback when oo fails */
	gfp_t allocflags;		/* __GFP_COMP, GFP_DMA ... */
	int refcount;
	unsigned inuse;			/* offset of the metadata */
	unsigned align;
	char *name;
	struct list_head list;		/* slab_caches, newest first */
	struct kmem_cache_node *node[MAX_NUMNODES];
	/* sim: where the kernel keeps this struct and its nodes */
	u64 va;				/* object of the kmem_cache cache */
	u64 node_va[MAX_NUMNODES];	/* objects of kmem_cache_node */
	int kmalloc_type;		/* -1: not a kmalloc cache */
	int kmalloc_index;
};

static inline unsigned
slab_objects_per_slab(const struct kmem_cache *s)
{
	return oo_objects(s->oo);
}

/*
 * What an operation did to the slabs (trace events of kind slab; see
 * ptwalk/trace_events.h): at most SLAB_MAX_EVENTS kept.  Reset by each
 * call.
 */
#define SLAB_MAX_EVENTS	16

/* The slab allocator of a machine: m->kern->slab. */
struct slab_state {
	struct machine *m;
	struct list_head slab_caches;
	int nr_caches;
	struct kmem_cache *kmem_cache;		/* holds struct kmem_cache */
	struct kmem_cache *kmem_cache_node;	/* holds kmem_cache_node */
	struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
	u8 size_index[24];			/* (size - 1) / 8 -> index */
	unsigned kmalloc_min_size;		/* KMALLOC_MIN_SIZE */
	unsigned kmalloc_shift_low;
	unsigned kmalloc_minalign;		/* ARCH_KMALLOC_MINALIGN */
	unsigned slab_minalign;			/* ARCH_SLAB_MINALIGN */
	unsigned cache_line;			/* cache_line_size() */
	unsigned min_objects;			/* from the CPU count */
	unsigned max_order;			/* slub_max_order */
	unsigned ptr_size;			/* sizeof(void *) */
	bool has_dma;				/* CONFIG_ZONE_DMA */
	u64 va_to_pa;				/* direct map: pa = va + this */
	u64 lowmem_va_start, lowmem_va_end;
	/* sim: one bit per object slot, (pfn - base) * 512 + index */
	u8 *objmap;
	size_t objmap_bytes;
	u64 objmap_base, objmap_end;		/* pfns */
	unsigned long large_pages;		/* kmalloc_large outstanding */
	/* statistics since boot (cf. CONFIG_SLUB_STATS) */
	unsigned long stat_deactivate, stat_discard, stat_new_slab;
	struct trace_buf ev;			/* events of the last call */
};

extern const struct page_owner_type slab_page_owner;
extern const struct page_owner_type kmalloc_large_owner;

static inline struct slab_state *
slab_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->slab : NULL;
}

/* Boot (kmem_cache_init from kernel_init) and teardown. */
int kmem_cache_init(struct machine *m, struct error *e);
void kmem_cache_release(struct machine *m);

/*
 * Caches.  kmem_cache_create refuses a name in use, size 0, a size above
 * KMALLOC_MAX_SIZE, an alignment that is not a power of two and flags it
 * does not model.  kmem_cache_destroy refuses while objects are live (Linux
 * warns "Slab cache still has objects" and keeps the cache) and the caches
 * made at boot.
 */
struct kmem_cache *kmem_cache_create(struct machine *m, const char *name,
				     unsigned size, unsigned align,
				     slab_flags_t flags, struct error *e);
int kmem_cache_destroy(struct machine *m, struct kmem_cache *s,
		       struct error *e);
struct kmem_cache *kmem_cache_find(struct machine *m, const char *name);
/* Flush the CPU slabs, free the empty slabs (all caches when s is NULL). */
void kmem_cache_shrink(struct machine *m, struct kmem_cache *s);

/*
 * Objects: the virtual address (direct map), 0 on failure with the reason.
 * node: NUMA_NO_NODE for the current CPU's node.
 */
u64 kmem_cache_alloc(struct machine *m, struct kmem_cache *s, gfp_t gfp,
		     struct error *e);
u64 kmem_cache_alloc_node(struct machine *m, struct kmem_cache *s, gfp_t gfp,
			  int node, struct error *e);
int kmem_cache_free(struct machine *m, struct kmem_cache *s, u64 x,
		    struct error *e);

/* kmalloc(0) is an error here (Linux returns ZERO_SIZE_PTR). */
u64 kmalloc(struct machine *m, u64 size, gfp_t gfp, struct error *e);
u64 kzalloc(struct machine *m, u64 size, gfp_t gfp, struct error *e);
/* kfree(NULL) and kfree(ZERO_SIZE_PTR) do nothing. */
int kfree(struct machine *m, u64 x, struct error *e);
/* The usable size of an allocated object or kmalloc_large block; 0 + e. */
u64 ksize(struct machine *m, u64 x, struct error *e);
/* The cache kmalloc(size, gfp) uses (NULL above KMALLOC_MAX_CACHE_SIZE). */
struct kmem_cache *kmalloc_slab(struct machine *m, u64 size, gfp_t gfp);
u64 kmalloc_size_roundup(struct machine *m, u64 size);
/* The flags kmalloc drops with a warning (GFP_SLAB_BUG_MASK). */
gfp_t kmalloc_bad_gfp(gfp_t gfp);

/*
 * What a kernel virtual address is to the slab allocator, for whatis,
 * page's describe() and the commands.  0 when addr lies in a slab or a
 * kmalloc_large block; -ENOENT otherwise (info->page is then the page when
 * addr is in the direct map, else NULL).
 */
enum slab_where {
	SLAB_CPU,		/* a CPU's slab (frozen) */
	SLAB_PARTIAL,		/* on its node's partial list */
	SLAB_FULL,		/* full (no list in Linux) */
};
struct slab_obj_info {
	struct kmem_cache *cache;	/* NULL: a kmalloc_large block */
	struct page *page;		/* head page of the slab or block */
	u64 pfn;
	unsigned order;
	u64 slab_va;			/* first byte of the slab / block */
	unsigned objects, inuse;
	enum slab_where where;
	int cpu;			/* SLAB_CPU: which CPU */
	int node;
	long index;		/* object index; -1: in the tail waste */
	u64 obj_va;			/* start of that object */
	u64 offset;			/* addr - obj_va */
	bool allocated;
	u64 freeptr;			/* free object: its free pointer */
	u64 size;			/* s->size, or the block's bytes */
};
int slab_lookup(struct machine *m, u64 addr, struct slab_obj_info *info);
/* One line: "object 3 of kmalloc-64 (allocated), slab pfn 0x1234 ...". */
void slab_describe(struct machine *m, const struct slab_obj_info *info,
		   struct strbuf *sb);
/* Where the slab is: "CPU 1's slab", "on node 0's partial list", "full". */
const char *slab_where_text(const struct slab_obj_info *info, char *buf,
			    size_t n);
/* The whole free list of a slab (virtual addresses); returns the count. */
unsigned slab_freelist(struct machine *m, const struct page *slab, u64 *out,
		       unsigned max);
/* Where a slab is (cpu, partial, full) and, for SLAB_CPU, which CPU. */
enum slab_where slab_where(struct machine *m, const struct page *slab,
			   int *cpu);
/* For slab pages: the cache (NULL when page is not a slab head). */
struct kmem_cache *page_slab_cache(const struct page *page);
static inline unsigned slab_inuse(const struct page *p)
{ return p->private & 0xffff; }
static inline unsigned slab_objects(const struct page *p)
{ return (p->private >> 16) & 0x7fff; }
static inline bool slab_frozen(const struct page *p)
{ return (p->private >> 31) & 1; }

/*
 * /proc/slabinfo numbers of a cache (SLUB: active_objs counts the objects
 * in use, active_slabs = num_slabs).
 */
struct slabinfo {
	unsigned long active_objs, num_objs;
	unsigned long active_slabs, num_slabs;
	unsigned objsize, objperslab, pagesperslab;
};
void get_slabinfo(struct machine *m, const struct kmem_cache *s,
		  struct slabinfo *si);

/* sim: every invariant of every cache; 0 or -EUCLEAN with the first. */
int sim_slab_check(struct machine *m, struct error *e);

#endif
