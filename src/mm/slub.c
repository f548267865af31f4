// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The slab allocator: SLUB as in Linux 6.1 (mm/slub.c, mm/slab_common.c).
 * See include/ptwalk/slab.h for what is modelled and what is simplified.
 *
 * A slab is a block of 2^order lowmem pages; its struct page carries the
 * struct slab fields as Linux overlays them: lru is slab_list, index the
 * freelist (virtual address of the first free object), private the
 * counters (inuse:16 objects:15 frozen:1), and the owner tag names the
 * cache.  The objects are bytes of simulated RAM; each free one holds the
 * address of the next at s->offset.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ptwalk/log2.h"
#include "ptwalk/slab.h"
#include "ptwalk/util.h"

/* mm/internal.h: what slab passes on to the page allocator */
#define GFP_RECLAIM_MASK	(__GFP_RECLAIM | __GFP_HIGH | __GFP_IO |	\
				 __GFP_FS | __GFP_NOWARN | __GFP_RETRY_MAYFAIL | \
				 __GFP_NOFAIL | __GFP_NORETRY |		\
				 __GFP_MEMALLOC | __GFP_NOMEMALLOC)
#define GFP_CONSTRAINT_MASK	(__GFP_HARDWALL | __GFP_THISNODE)
/* mm/slab.h: kmalloc must not be asked for these */
#define GFP_SLAB_BUG_MASK	(__GFP_DMA32 | __GFP_HIGHMEM)

#define MIN_PARTIAL		5
#define MAX_PARTIAL		10
#define SHRINK_PROMOTE_MAX	32
/* objects of one slab never exceed 512 per page (8-byte objects) */
#define OBJMAP_BITS_PER_PAGE	512

/* What kmem_cache_create accepts here. */
#define SLAB_CREATE_OK		(SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA |	\
				 SLAB_CACHE_DMA32 | SLAB_RECLAIM_ACCOUNT | \
				 SLAB_POISON | SLAB_PANIC)

static void slab_page_describe(struct machine *m, const struct page *page,
			       struct strbuf *sb);
static void large_describe(struct machine *m, const struct page *page,
			   struct strbuf *sb);
static void free_struct(struct slab_state *ss, struct kmem_cache *s, u64 x);

const struct page_owner_type slab_page_owner = {
	"slab", slab_page_describe
};
const struct page_owner_type kmalloc_large_owner = {
	"kmalloc_large", large_describe
};

/*
 * Sizes and orders (mm/slub.c calculate_sizes, calculate_order)
 */

static unsigned
order_objects(unsigned order, unsigned size)
{
	return (unsigned)((PAGE_SIZE << order) / size);
}

static unsigned
oo_make(unsigned order, unsigned size)
{
	return (order << OO_SHIFT) + order_objects(order, size);
}

static unsigned
calc_slab_order(unsigned size, unsigned min_objects, unsigned max_order,
		unsigned fract_leftover)
{
	unsigned order;

	if (order_objects(0, size) > MAX_OBJS_PER_PAGE)
		return get_order((u64)size * MAX_OBJS_PER_PAGE) - 1;
	for (order = get_order((u64)min_objects * size); order <= max_order;
	     order++) {
		u64 slab_size = PAGE_SIZE << order;
		u64 rem = slab_size % size;

		if (rem <= slab_size / fract_leftover)
			break;
	}
	return order;
}

static int
calculate_order(const struct slab_state *ss, unsigned size)
{
	unsigned min_objects = ss->min_objects, max_objects, order;

	max_objects = order_objects(ss->max_order, size);
	min_objects = MIN(min_objects, max_objects);
	while (min_objects > 1) {
		unsigned fraction;

		for (fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(size, min_objects,
						ss->max_order, fraction);
			if (order <= ss->max_order)
				return (int)order;
		}
		min_objects--;
	}
	/* one object per slab, then above slub_max_order */
	order = calc_slab_order(size, 1, ss->max_order, 1);
	if (order <= ss->max_order)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_ORDER, 1);
	if (order < MAX_ORDER)
		return (int)order;
	return -ENOSYS;
}

static unsigned
calculate_alignment(const struct slab_state *ss, slab_flags_t flags,
		    unsigned align, unsigned size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned ralign = ss->cache_line;

		while (size <= ralign / 2)
			ralign /= 2;
		align = MAX(align, ralign);
	}
	align = MAX(align, ss->slab_minalign);
	return (unsigned)ALIGN_UP(align, ss->ptr_size);
}

static int
calculate_sizes(struct slab_state *ss, struct kmem_cache *s)
{
	unsigned size = (unsigned)ALIGN_UP(s->object_size, ss->ptr_size);
	int order;

	s->inuse = size;
	if (s->flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)) {
		/* the object's first word may not be overwritten: after it */
		s->offset = size;
		size += ss->ptr_size;
	} else {
		/* the middle, away from small overflows at either edge */
		s->offset = (unsigned)ALIGN_DOWN(s->object_size / 2,
						 ss->ptr_size);
	}
	size = (unsigned)ALIGN_UP(size, s->align);
	s->size = size;
	order = calculate_order(ss, size);
	if (order < 0)
		return order;
	s->allocflags = 0;
	if (order)
		s->allocflags |= __GFP_COMP;
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (s->flags & SLAB_CACHE_DMA32)
		s->allocflags |= GFP_DMA32;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned)order, size);
	s->min = oo_make(get_order(size), size);
	/* kmem_cache_open(): more partial slabs for larger objects */
	s->min_partial = MIN(MAX_PARTIAL, (fls32(size) - 1) / 2);
	s->min_partial = MAX(MIN_PARTIAL, s->min_partial);
	return oo_objects(s->oo) ? 0 : -EINVAL;
}

/*
 * Objects in RAM
 */

static inline u64
obj_pa(const struct slab_state *ss, u64 va)
{
	return va + ss->va_to_pa;
}

static inline u64
get_freepointer(struct slab_state *ss, const struct kmem_cache *s, u64 obj)
{
	u8 *h = phys_ptr(&ss->m->phys, obj_pa(ss, obj) + s->offset,
			 ss->ptr_size);

	if (unlikely(h == NULL))
		return 0;
	if (ss->ptr_size == 8) {
		u64 v;

		memcpy(&v, h, 8);
		return v;
	} else {
		u32 v;

		memcpy(&v, h, 4);
		return v;
	}
}

static inline void
set_freepointer(struct slab_state *ss, const struct kmem_cache *s, u64 obj,
		u64 fp)
{
	u8 *h = phys_ptr(&ss->m->phys, obj_pa(ss, obj) + s->offset,
			 ss->ptr_size);

	if (unlikely(h == NULL))
		return;
	if (ss->ptr_size == 8) {
		memcpy(h, &fp, 8);
	} else {
		u32 v = (u32)fp;

		memcpy(h, &v, 4);
	}
}

/* init_object() for a free object of a SLAB_POISON cache */
static void
poison_object(struct slab_state *ss, const struct kmem_cache *s, u64 obj)
{
	u8 *h = phys_ptr(&ss->m->phys, obj_pa(ss, obj), s->object_size);

	if (h == NULL)
		return;
	memset(h, POISON_FREE, s->object_size - 1);
	h[s->object_size - 1] = POISON_END;
}

static inline u64
slab_pfn(const struct slab_state *ss, const struct page *slab)
{
	return page_to_pfn(ss->m, slab);
}

static inline u64
slab_address(const struct slab_state *ss, const struct page *slab)
{
	return (slab_pfn(ss, slab) << PAGE_SHIFT) - ss->va_to_pa;
}

static inline unsigned
slab_order(const struct page *slab)
{
	return compound_order(slab);
}

static inline u64
objmap_bit(const struct slab_state *ss, const struct page *slab, unsigned idx)
{
	return (slab_pfn(ss, slab) - ss->objmap_base) * OBJMAP_BITS_PER_PAGE +
		idx;
}

static inline bool
obj_allocated(const struct slab_state *ss, const struct page *slab,
	      unsigned idx)
{
	u64 b = objmap_bit(ss, slab, idx);

	return ss->objmap[b >> 3] & (1u << (b & 7));
}

static inline void
obj_mark(struct slab_state *ss, const struct page *slab, unsigned idx,
	 bool on)
{
	u64 b = objmap_bit(ss, slab, idx);

	if (on)
		ss->objmap[b >> 3] |= (u8)(1u << (b & 7));
	else
		ss->objmap[b >> 3] &= (u8)~(1u << (b & 7));
}

static inline void
set_counters(struct page *slab, unsigned inuse, unsigned objects, bool frozen)
{
	slab->private = inuse | (objects << 16) | ((unsigned long)frozen << 31);
}

static inline void
set_frozen(struct page *slab, bool frozen)
{
	set_counters(slab, slab_inuse(slab), slab_objects(slab), frozen);
}

struct kmem_cache *
page_slab_cache(const struct page *page)
{
	if (page == NULL || page->owner != &slab_page_owner || !PageSlab(page))
		return NULL;
	return page->owner_data;
}

static inline int
slab_nid(const struct slab_state *ss, const struct page *slab)
{
	return page_to_nid(ss->m, slab);
}

static struct trace_slab *
event(struct slab_state *ss, enum slab_event_kind kind,
      const struct kmem_cache *s, const struct page *slab, unsigned order,
      int node)
{
	struct trace_slab *ev = &trace_reserve_inline(&ss->ev, TE_slab)->f.slab;

	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	if (s != NULL) {
		snprintf(ev->cache, sizeof(ev->cache), "%s", s->name);
		ev->min_partial = s->min_partial;
		ev->objects = order == oo_order(s->oo) ? oo_objects(s->oo) :
			oo_objects(s->min);
	}
	ev->pfn = slab ? slab_pfn(ss, slab) : 0;
	ev->order = order;
	ev->node = node;
	ev->cpu = ss->m->cur;
	if (s != NULL && node >= 0 && s->node[node] != NULL)
		ev->nr_partial = s->node[node]->nr_partial;
	return ev;
}

/*
 * Lists (add_partial, remove_partial; the full list is ptwalk's)
 */

static void
add_partial(struct kmem_cache_node *n, struct page *slab, bool tail)
{
	n->nr_partial++;
	if (tail)
		list_add_tail(&slab->lru, &n->partial);
	else
		list_add(&slab->lru, &n->partial);
}

static void
remove_partial(struct kmem_cache_node *n, struct page *slab)
{
	list_del(&slab->lru);
	n->nr_partial--;
}

static void
add_full(struct kmem_cache_node *n, struct page *slab)
{
	n->nr_full++;
	list_add(&slab->lru, &n->full);
}

static void
remove_full(struct kmem_cache_node *n, struct page *slab)
{
	list_del(&slab->lru);
	n->nr_full--;
}

/*
 * Slabs from and to the buddy allocator
 */

static void
account_slab(struct slab_state *ss, struct page *slab, unsigned order,
	     const struct kmem_cache *s, int sign)
{
	mod_node_page_state(page_zone(ss->m, slab)->zone_pgdat,
			    (s->flags & SLAB_RECLAIM_ACCOUNT) ?
			    NR_SLAB_RECLAIMABLE_B : NR_SLAB_UNRECLAIMABLE_B,
			    sign * (long)(PAGE_SIZE << order));
}

/* allocate_slab(): pages, the freelist through every object. */
static struct page *
new_slab(struct slab_state *ss, struct kmem_cache *s, gfp_t gfp, int node,
	 struct error *e)
{
	struct machine *m = ss->m;
	gfp_t flags = (gfp & (GFP_RECLAIM_MASK | GFP_CONSTRAINT_MASK)) |
		s->allocflags;
	gfp_t alloc_gfp;
	unsigned oo = s->oo, order, objects, i;
	struct page *slab;
	struct error e2;
	u64 start, p;
	int nid;

	/* a higher order may fail under pressure: then the minimum */
	alloc_gfp = (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL;
	if ((alloc_gfp & __GFP_DIRECT_RECLAIM) && oo_order(oo) > oo_order(s->min))
		alloc_gfp = (alloc_gfp | __GFP_NOMEMALLOC) & ~__GFP_RECLAIM;
	slab = alloc_pages_node(m, node, alloc_gfp, oo_order(oo), &e2);
	if (slab == NULL && oo != s->min) {
		oo = s->min;
		alloc_gfp = flags;
		slab = alloc_pages_node(m, node, alloc_gfp, oo_order(oo), e);
		if (slab != NULL)
			event(ss, SEV_ORDER_FALLBACK, s, slab, oo_order(oo),
			      slab_nid(ss, slab));
	} else if (slab == NULL && e != NULL) {
		*e = e2;
	}
	if (slab == NULL)
		return NULL;
	order = oo_order(oo);
	objects = oo_objects(oo);
	nid = slab_nid(ss, slab);
	SetPageSlab(slab);
	page_set_owner(slab, &slab_page_owner, s);
	set_counters(slab, 0, objects, false);
	account_slab(ss, slab, order, s, 1);
	s->node[nid]->nr_slabs++;
	s->node[nid]->total_objects += objects;

	start = slab_address(ss, slab);
	/* the free pointers and poison written below: frames with data */
	phys_ptr_w(&m->phys, obj_pa(ss, start), PAGE_SIZE << order);
	for (i = 0, p = start; i < objects; i++, p += s->size) {
		if (s->flags & SLAB_POISON)
			poison_object(ss, s, p);
		set_freepointer(ss, s, p, i + 1 < objects ? p + s->size : 0);
	}
	slab->index = start;
	event(ss, SEV_NEW_SLAB, s, slab, order, nid)->gfp = alloc_gfp;
	ss->stat_new_slab++;
	return slab;
}

/* discard_slab(): the pages go back to the buddy allocator. */
static void
discard_slab(struct slab_state *ss, struct kmem_cache *s, struct page *slab)
{
	unsigned order = slab_order(slab), objects = slab_objects(slab);
	int nid = slab_nid(ss, slab);

	event(ss, SEV_DISCARD, s, slab, order, nid);
	ss->stat_discard++;
	s->node[nid]->nr_slabs--;
	s->node[nid]->total_objects -= objects;
	account_slab(ss, slab, order, s, -1);
	ClearPageSlab(slab);
	page_set_owner(slab, NULL, NULL);
	slab->index = 0;
	slab->private = 0;
	__free_pages(ss->m, slab, order, NULL);
}

/*
 * The CPU slab: taken (frozen) from the partial list or a new slab; when
 * it has no free object left it leaves the CPU (a full slab is on no list
 * in Linux; ptwalk keeps it on the full list to show it).
 */

/* deactivate_slab(): back to the node's lists. */
static void
deactivate_slab(struct slab_state *ss, struct kmem_cache *s,
		struct page *slab)
{
	int nid = slab_nid(ss, slab);
	struct kmem_cache_node *n = s->node[nid];

	set_frozen(slab, false);
	event(ss, SEV_DEACTIVATE, s, slab, slab_order(slab), nid);
	ss->stat_deactivate++;
	if (slab_inuse(slab) == 0 && n->nr_partial >= s->min_partial)
		discard_slab(ss, s, slab);
	else if (slab->index != 0)
		add_partial(n, slab, false);
	else
		add_full(n, slab);
}

static void
flush_cpu_slab(struct slab_state *ss, struct kmem_cache *s, int cpu)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[cpu];
	struct page *slab = c->slab;

	if (slab == NULL)
		return;
	c->slab = NULL;
	deactivate_slab(ss, s, slab);
}

static void
flush_all(struct slab_state *ss, struct kmem_cache *s)
{
	int cpu;

	for (cpu = 0; cpu < ss->m->ncpus; cpu++)
		flush_cpu_slab(ss, s, cpu);
}

/* ___slab_alloc(): the CPU has no usable slab. */
static struct page *
slab_refill(struct slab_state *ss, struct kmem_cache *s, gfp_t gfp, int node,
	    struct error *e)
{
	struct machine *m = ss->m;
	struct kmem_cache_cpu *c = &s->cpu_slab[m->cur];
	struct page *slab = c->slab;
	struct kmem_cache_node *n;
	int searchnode;

	if (slab != NULL) {
		c->slab = NULL;
		if (slab->index == 0) {
			/* no free object left: it leaves the CPU, full */
			int nid = slab_nid(ss, slab);

			set_frozen(slab, false);
			event(ss, SEV_CPU_FULL, s, slab, slab_order(slab), nid);
			add_full(s->node[nid], slab);
		} else {
			/* node_match() failed */
			deactivate_slab(ss, s, slab);
		}
	}
	searchnode = node == NUMA_NO_NODE ? cpu_to_node(m, m->cur) : node;
	n = s->node[searchnode];
	if (n != NULL && !list_empty(&n->partial)) {
		slab = list_first_entry(&n->partial, struct page, lru);
		remove_partial(n, slab);
		set_frozen(slab, true);
		event(ss, SEV_FROM_PARTIAL, s, slab, slab_order(slab),
		      searchnode);
		c->slab = slab;
		return slab;
	}
	trace_event(ss->m, slab_alloc_new, .cache = trace_str(ss->m, s->name),
		    .node = searchnode, .order = oo_order(s->oo),
		    .objects = oo_objects(s->oo));
	slab = new_slab(ss, s, gfp, node, e);
	if (slab == NULL)
		return NULL;
	set_frozen(slab, true);
	c->slab = slab;
	return slab;
}

static inline unsigned
obj_index(const struct kmem_cache *s, u64 slab_va, u64 obj)
{
	return (unsigned)((obj - slab_va) / s->size);
}

/* slab_alloc_node() */
static u64
slab_alloc(struct slab_state *ss, struct kmem_cache *s, gfp_t gfp, int node,
	   struct error *e)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[ss->m->cur];
	struct page *slab = c->slab;
	u64 obj;

	if (unlikely(slab == NULL || slab->index == 0 ||
		     (node != NUMA_NO_NODE && slab_nid(ss, slab) != node))) {
		slab = slab_refill(ss, s, gfp, node, e);
		if (slab == NULL)
			return 0;
	}
	obj = slab->index;
	slab->index = get_freepointer(ss, s, obj);
	slab->private++;			/* inuse */
	obj_mark(ss, slab, obj_index(s, slab_address(ss, slab), obj), true);
	if (gfp & __GFP_ZERO) {
		u8 *h = phys_ptr(&ss->m->phys, obj_pa(ss, obj), s->object_size);

		if (h != NULL)
			memset(h, 0, s->object_size);
	}
	return obj;
}

/* __slab_free() / do_slab_free() once the object is known to be good. */
static void
slab_free(struct slab_state *ss, struct kmem_cache *s, struct page *slab,
	  u64 obj, unsigned idx)
{
	u64 prior = slab->index;
	struct kmem_cache_node *n;
	unsigned long nr_partial;
	int nid;

	if (s->flags & SLAB_POISON)
		poison_object(ss, s, obj);
	set_freepointer(ss, s, obj, prior);
	slab->index = obj;
	slab->private--;			/* inuse */
	obj_mark(ss, slab, idx, false);
	if (slab_frozen(slab))
		return;			/* some CPU's slab: no list moves */
	nid = slab_nid(ss, slab);
	n = s->node[nid];
	nr_partial = n->nr_partial;
	if (slab_inuse(slab) == 0 && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, slab);
		else
			remove_full(n, slab);
		discard_slab(ss, s, slab);
		return;
	}
	if (!prior) {
		remove_full(n, slab);
		add_partial(n, slab, true);
		event(ss, SEV_TO_PARTIAL, s, slab, slab_order(slab), nid);
	}
	if (slab_inuse(slab) == 0) {
		event(ss, SEV_EMPTY_KEPT, s, slab, slab_order(slab),
		      nid)->nr_partial = nr_partial;
	}
}

/*
 * Where an address is
 */

static inline bool
in_lowmem(const struct slab_state *ss, u64 va)
{
	return va >= ss->lowmem_va_start && va < ss->lowmem_va_end;
}

enum slab_where
slab_where(struct machine *m, const struct page *slab, int *cpu)
{
	const struct kmem_cache *s = page_slab_cache(slab);
	int c;

	*cpu = -1;
	if (s != NULL && slab_frozen(slab))
		for (c = 0; c < m->ncpus; c++)
			if (s->cpu_slab[c].slab == slab) {
				*cpu = c;
				return SLAB_CPU;
			}
	return slab->index ? SLAB_PARTIAL : SLAB_FULL;
}

unsigned
slab_freelist(struct machine *m, const struct page *slab, u64 *out,
	      unsigned max)
{
	struct slab_state *ss = slab_of(m);
	const struct kmem_cache *s = page_slab_cache(slab);
	unsigned n = 0, objects;
	u64 p, start;

	if (ss == NULL || s == NULL)
		return 0;
	objects = slab_objects(slab);
	start = slab_address(ss, slab);
	for (p = slab->index; p != 0 && n <= objects; n++) {
		if (p < start || p >= start + (u64)objects * s->size)
			break;
		if (n < max)
			out[n] = p;
		p = get_freepointer(ss, s, p);
	}
	return n;
}

int
slab_lookup(struct machine *m, u64 addr, struct slab_obj_info *info)
{
	struct slab_state *ss = slab_of(m);
	struct page *page, *head;
	struct kmem_cache *s;
	u64 off;

	memset(info, 0, sizeof(*info));
	info->index = -1;
	info->cpu = -1;
	if (ss == NULL || !in_lowmem(ss, addr))
		return -ENOENT;
	page = pfn_to_page(m, obj_pa(ss, addr) >> PAGE_SHIFT);
	if (page == NULL)
		return -ENOENT;
	head = compound_head(page);
	info->page = head;
	info->pfn = page_to_pfn(m, head);
	info->node = page_to_nid(m, head);
	info->slab_va = slab_address(ss, head);
	info->order = compound_order(head);
	if (head->owner == &kmalloc_large_owner && head->_refcount > 0) {
		info->size = PAGE_SIZE << info->order;
		info->index = 0;
		info->obj_va = info->slab_va;
		info->offset = addr - info->slab_va;
		info->allocated = true;
		info->objects = info->inuse = 1;
		info->where = SLAB_FULL;
		return 0;
	}
	s = page_slab_cache(head);
	if (s == NULL)
		return -ENOENT;
	info->cache = s;
	info->size = s->size;
	info->objects = slab_objects(head);
	info->inuse = slab_inuse(head);
	info->where = slab_where(m, head, &info->cpu);
	off = addr - info->slab_va;
	if (off / s->size >= info->objects) {
		info->index = -1;
		info->offset = off - (u64)info->objects * s->size;
		return 0;
	}
	info->index = (long)(off / s->size);
	info->obj_va = info->slab_va + (u64)info->index * s->size;
	info->offset = addr - info->obj_va;
	info->allocated = obj_allocated(ss, head, (unsigned)info->index);
	if (!info->allocated)
		info->freeptr = get_freepointer(ss, s, info->obj_va);
	return 0;
}

const char *
slab_where_text(const struct slab_obj_info *info, char *buf, size_t n)
{
	switch (info->where) {
	case SLAB_CPU:
		snprintf(buf, n, "CPU %d's slab", info->cpu);
		break;
	case SLAB_PARTIAL:
		snprintf(buf, n, "on node %d's partial list", info->node);
		break;
	case SLAB_FULL:
		snprintf(buf, n, "full");
		break;
	}
	return buf;
}

void
slab_describe(struct machine *m, const struct slab_obj_info *info,
	      struct strbuf *sb)
{
	char w[40], sz[32];

	(void)m;
	if (info->cache == NULL) {
		fmt_size(sz, sizeof(sz), info->size);
		sb_addf(sb, "kmalloc_large block of order %u (%s) at 0x%llx",
			info->order, sz, (unsigned long long)info->slab_va);
		if (info->offset)
			sb_addf(sb, ", %llu bytes in",
				(unsigned long long)info->offset);
		return;
	}
	if (info->index < 0) {
		sb_addf(sb, "unused tail of a %s slab (%llu bytes after its "
			"last object, object %u)", info->cache->name,
			(unsigned long long)info->offset, info->objects - 1);
	} else {
		sb_addf(sb, "object %ld of %s at 0x%llx (%s", info->index,
			info->cache->name, (unsigned long long)info->obj_va,
			info->allocated ? "allocated" : "free");
		if (!info->allocated && info->freeptr)
			sb_addf(sb, ", next free 0x%llx",
				(unsigned long long)info->freeptr);
		else if (!info->allocated)
			sb_addf(sb, ", last on the free list");
		sb_addf(sb, ")");
		if (info->offset)
			sb_addf(sb, ", %llu bytes in",
				(unsigned long long)info->offset);
	}
	sb_addf(sb, "; slab pfn 0x%llx order %u, %u/%u in use, %s",
		(unsigned long long)info->pfn, info->order, info->inuse,
		info->objects, slab_where_text(info, w, sizeof(w)));
}

static void
slab_page_describe(struct machine *m, const struct page *page,
		   struct strbuf *sb)
{
	struct slab_state *ss = slab_of(m);
	const struct kmem_cache *s = page_slab_cache(page);
	struct slab_obj_info info;
	char w[40];

	if (ss == NULL || s == NULL)
		return;
	memset(&info, 0, sizeof(info));
	info.where = slab_where(m, page, &info.cpu);
	info.node = page_to_nid(m, page);
	sb_addf(sb, "slab of %s: %s of %u bytes (order %u), %u in use, "
		"%s; freelist 0x%llx", s->name,
		plural(slab_objects(page), "object", NULL), s->size,
		slab_order(page), slab_inuse(page),
		slab_where_text(&info, w, sizeof(w)),
		(unsigned long long)page->index);
}

static void
large_describe(struct machine *m, const struct page *page, struct strbuf *sb)
{
	char sz[32];

	(void)m;
	fmt_size(sz, sizeof(sz), PAGE_SIZE << compound_order(page));
	sb_addf(sb, "kmalloc() above KMALLOC_MAX_CACHE_SIZE: an order-%u "
		"compound block (%s) straight from the page allocator",
		compound_order(page), sz);
}

/*
 * Checking a free: everything is verified before anything changes.
 */

static int
bad_free_not_slab(struct slab_state *ss, u64 x, const char *fn,
		  struct error *e)
{
	struct machine *m = ss->m;
	const struct region *r;
	struct page_state st;
	struct page *page, *head;
	struct strbuf sb;
	struct walk w;
	u64 pfn;
	int ret;

	if (!in_lowmem(ss, x)) {
		r = machine_check_va(m, x, NULL) == 0 ? machine_region(m, x) :
			NULL;
		sb_init(&sb);
		sb_addf(&sb, "%s(0x%llx): the address is in %s, not in the "
			"direct map where slab objects live", fn,
			(unsigned long long)x, r ? r->name : "no region");
		if (r != NULL && machine_walk(m, &m->cpu[m->cur], x, &w) == 0 &&
		    w.fault == WF_NONE) {
			page = pfn_to_page(m, w.pa >> PAGE_SHIFT);
			if (page != NULL) {
				head = compound_head(page);
				if (head->owner != NULL) {
					sb_addf(&sb, "; its frame (pfn 0x%llx) "
						"belongs to %s",
						(unsigned long long)(w.pa >>
								     PAGE_SHIFT),
						head->owner->name);
					if (head->owner->describe) {
						sb_adds(&sb, ": ");
						head->owner->describe(m, head, &sb);
					}
				}
			}
		}
		ret = error_set(e, -EINVAL, "%s", sb.buf);
		sb_release(&sb);
		return ret;
	}
	pfn = obj_pa(ss, x) >> PAGE_SHIFT;
	sim_page_state(m, pfn, &st);
	switch (st.kind) {
	case PS_NOT_RAM:
		return error_set(e, -EINVAL, "%s(0x%llx): pfn 0x%llx is not "
				 "RAM", fn, (unsigned long long)x,
				 (unsigned long long)pfn);
	case PS_RESERVED:
		return error_set(e, -EINVAL, "%s(0x%llx): the page is reserved "
				 "(%s), not a slab", fn, (unsigned long long)x,
				 st.what ? st.what : "at boot");
	case PS_FREE:
		return error_set(e, -EINVAL, "%s(0x%llx): the page is free, in "
				 "an order-%u buddy block at pfn 0x%llx: nothing "
				 "is allocated there (freed twice?)", fn,
				 (unsigned long long)x, st.order,
				 (unsigned long long)st.head);
	default:
		break;
	}
	page = pfn_to_page(m, pfn);
	head = compound_head(page);
	if (head->owner != NULL) {
		sb_init(&sb);
		sb_addf(&sb, "%s(0x%llx): the page (pfn 0x%llx) belongs to %s",
			fn, (unsigned long long)x, (unsigned long long)pfn,
			head->owner->name);
		if (head->owner->describe) {
			sb_adds(&sb, ": ");
			head->owner->describe(m, head, &sb);
		}
		sb_adds(&sb, ", not to the slab allocator");
		ret = error_set(e, -EINVAL, "%s", sb.buf);
		sb_release(&sb);
		return ret;
	}
	return error_set(e, -EINVAL, "%s(0x%llx): the page (pfn 0x%llx) is part "
			 "of an order-%u block from the page allocator "
			 "(alloc_pages, __get_free_pages) at pfn 0x%llx, not "
			 "a slab: free it with free_pages", fn,
			 (unsigned long long)x, (unsigned long long)pfn,
			 st.order, (unsigned long long)st.head);
}

/*
 * Resolve x to (slab, cache, index) for a free, or say why it cannot be
 * freed.  *large: x is a kmalloc_large block (slab is its head page).
 */
/* The cache whose struct kmem_cache or kmem_cache_node lives at x. */
static const struct kmem_cache *
struct_owner(struct slab_state *ss, u64 x)
{
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	struct list_head *l;
	int nid;

	list_for_each(l, &ss->slab_caches) {
		const struct kmem_cache *s = list_entry(l, struct kmem_cache,
							list);

		if (s->va == x)
			return s;
		for (nid = 0; nid < pgalloc->nr_nodes; nid++)
			if (s->node_va[nid] == x)
				return s;
	}
	return NULL;
}

static int
free_consistency_checks(struct slab_state *ss, u64 x,
			const struct kmem_cache *want, const char *fn,
			bool internal, struct page **slabp, unsigned *idxp,
			bool *large, struct error *e)
{
	struct machine *m = ss->m;
	struct slab_obj_info info;
	struct strbuf sb;
	int ret;

	*large = false;
	if (slab_lookup(m, x, &info) != 0)
		return bad_free_not_slab(ss, x, fn, e);
	if (info.cache == NULL) {
		if (want != NULL)
			return error_set(e, -EINVAL, "%s(%s, 0x%llx): the "
					 "address is a kmalloc_large block "
					 "(order %u), not an object of %s: "
					 "free it with kfree", fn, want->name,
					 (unsigned long long)x, info.order,
					 want->name);
		if (info.offset)
			return error_set(e, -EINVAL, "%s(0x%llx): the address "
					 "is %llu bytes into the kmalloc_large "
					 "block at 0x%llx (order %u): free the "
					 "address kmalloc returned", fn,
					 (unsigned long long)x,
					 (unsigned long long)info.offset,
					 (unsigned long long)info.slab_va,
					 info.order);
		*large = true;
		*slabp = info.page;
		return 0;
	}
	if (want != NULL && info.cache != want)
		return error_set(e, -EINVAL, "%s(%s, 0x%llx): the object "
				 "belongs to %s, not %s (Linux warns \"Wrong "
				 "slab cache\")", fn, want->name,
				 (unsigned long long)x, info.cache->name,
				 want->name);
	if (info.index < 0)
		return error_set(e, -EINVAL, "%s(0x%llx): the address is in the "
				 "unused tail of a %s slab, %llu bytes after "
				 "its last object (object %u at 0x%llx): no "
				 "object starts there", fn,
				 (unsigned long long)x, info.cache->name,
				 (unsigned long long)info.offset,
				 info.objects - 1,
				 (unsigned long long)(info.slab_va +
						      (u64)(info.objects - 1) *
						      info.cache->size));
	if (info.offset)
		return error_set(e, -EINVAL, "%s(0x%llx): the address is %llu "
				 "bytes into object %ld of %s (0x%llx-0x%llx, "
				 "%s): free the address the allocation "
				 "returned, 0x%llx", fn, (unsigned long long)x,
				 (unsigned long long)info.offset, info.index,
				 info.cache->name,
				 (unsigned long long)info.obj_va,
				 (unsigned long long)(info.obj_va +
						      info.cache->size - 1),
				 info.allocated ? "allocated" : "free",
				 (unsigned long long)info.obj_va);
	if (!info.allocated) {
		sb_init(&sb);
		slab_describe(m, &info, &sb);
		ret = error_set(e, -EINVAL, "%s(0x%llx): double free: %s",
				fn, (unsigned long long)x, sb.buf);
		sb_release(&sb);
		return ret;
	}
	if (!internal && (info.cache == ss->kmem_cache ||
			  info.cache == ss->kmem_cache_node)) {
		const struct kmem_cache *owner = struct_owner(ss, x);

		return error_set(e, -EINVAL, "%s(0x%llx): the object holds the "
				 "%s of the cache %s: the slab allocator frees "
				 "it in kmem_cache_destroy", fn,
				 (unsigned long long)x,
				 info.cache == ss->kmem_cache ?
				 "struct kmem_cache" : "struct kmem_cache_node",
				 owner ? owner->name : "?");
	}
	*slabp = info.page;
	*idxp = (unsigned)info.index;
	return 0;
}

/*
 * Caches
 */

static struct kmem_cache *
cache_new(struct slab_state *ss, const char *name, unsigned size,
	  unsigned align, slab_flags_t flags)
{
	struct kmem_cache *s = xcalloc(1, sizeof(*s));
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	int nid;

	s->name = xstrdup(name);
	s->object_size = size;
	s->align = align;
	s->flags = flags;
	s->refcount = 1;
	s->kmalloc_type = -1;
	s->kmalloc_index = -1;
	s->cpu_slab = xcalloc((size_t)ss->m->ncpus, sizeof(*s->cpu_slab));
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		struct kmem_cache_node *n = xcalloc(1, sizeof(*n));

		INIT_LIST_HEAD(&n->partial);
		INIT_LIST_HEAD(&n->full);
		s->node[nid] = n;
	}
	return s;
}

static void
cache_free_host(struct kmem_cache *s)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		free(s->node[nid]);
	free(s->cpu_slab);
	free(s->name);
	free(s);
}

/* Every slab of a cache, cpu slabs first; fn returns nonzero to stop. */
static void
for_each_slab(struct slab_state *ss, struct kmem_cache *s,
	      void (*fn)(struct slab_state *, struct kmem_cache *,
			 struct page *, void *), void *arg)
{
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	struct list_head *l, *next;
	int cpu, nid;

	for (cpu = 0; cpu < ss->m->ncpus; cpu++)
		if (s->cpu_slab[cpu].slab != NULL)
			fn(ss, s, s->cpu_slab[cpu].slab, arg);
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		for (l = s->node[nid]->partial.next;
		     l != &s->node[nid]->partial; l = next) {
			next = l->next;
			fn(ss, s, list_entry(l, struct page, lru), arg);
		}
		for (l = s->node[nid]->full.next; l != &s->node[nid]->full;
		     l = next) {
			next = l->next;
			fn(ss, s, list_entry(l, struct page, lru), arg);
		}
	}
}

static void
count_inuse(struct slab_state *ss, struct kmem_cache *s, struct page *slab,
	    void *arg)
{
	(void)ss;
	(void)s;
	*(unsigned long *)arg += slab_inuse(slab);
}

static unsigned long
cache_inuse(struct slab_state *ss, struct kmem_cache *s)
{
	unsigned long n = 0;

	for_each_slab(ss, s, count_inuse, &n);
	return n;
}

/* kmem_cache_open() + init_kmem_cache_nodes(); the struct's own objects. */
static int
cache_open(struct slab_state *ss, struct kmem_cache *s, bool boot_node,
	   struct error *e)
{
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	int nid, r;

	r = calculate_sizes(ss, s);
	if (r == -ENOSYS)
		return error_set(e, -EINVAL, "%s: objects of %u bytes do not "
				 "fit in the largest block the buddy allocator "
				 "has (order %d)", s->name, s->size,
				 MAX_ORDER - 1);
	if (r)
		return error_set(e, -EINVAL, "%s: no object fits in a slab",
				 s->name);
	if (boot_node)
		return 0;
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		s->node_va[nid] = kmem_cache_alloc_node(ss->m,
							ss->kmem_cache_node,
							GFP_KERNEL, nid, e);
		if (s->node_va[nid] == 0) {
			while (nid-- > 0)
				free_struct(ss, ss->kmem_cache_node,
					    s->node_va[nid]);
			return e ? e->code : -ENOMEM;
		}
	}
	return 0;
}

/* create_boot_cache(): kmalloc-style alignment. */
static struct kmem_cache *
create_boot_cache(struct slab_state *ss, const char *name, unsigned size,
		  slab_flags_t flags, bool boot_node, struct error *e)
{
	unsigned align = ss->kmalloc_minalign;
	struct kmem_cache *s;

	if (is_power_of_2(size))
		align = MAX(align, size);
	align = calculate_alignment(ss, flags, align, size);
	s = cache_new(ss, name, size, align, flags);
	if (cache_open(ss, s, boot_node, e)) {
		cache_free_host(s);
		return NULL;
	}
	s->refcount = -1;
	return s;
}

static int
cache_struct_alloc(struct slab_state *ss, struct kmem_cache *s, gfp_t gfp,
		   struct error *e)
{
	s->va = kmem_cache_alloc(ss->m, ss->kmem_cache, gfp | __GFP_ZERO, e);
	return s->va ? 0 : (e ? e->code : -ENOMEM);
}

static void
cache_release_objects(struct slab_state *ss, struct kmem_cache *s)
{
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	int nid;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++)
		if (s->node_va[nid])
			free_struct(ss, ss->kmem_cache_node, s->node_va[nid]);
	if (s->va)
		free_struct(ss, ss->kmem_cache, s->va);
}

static const char *const kmalloc_prefix[NR_KMALLOC_TYPES] = {
	[KMALLOC_NORMAL] = "kmalloc-",
	[KMALLOC_RECLAIM] = "kmalloc-rcl-",
	[KMALLOC_DMA] = "dma-kmalloc-",
};

static unsigned
kmalloc_index_size(int idx)
{
	return idx == 1 ? 96 : idx == 2 ? 192 : 1u << idx;
}

/* new_kmalloc_cache() */
static int
new_kmalloc_cache(struct slab_state *ss, int idx, enum kmalloc_cache_type t,
		  struct error *e)
{
	unsigned size = kmalloc_index_size(idx);
	slab_flags_t flags = SLAB_KMALLOC;
	struct kmem_cache *s;
	char name[40];
	u64 va;

	if (t == KMALLOC_RECLAIM)
		flags |= SLAB_RECLAIM_ACCOUNT;
	else if (t == KMALLOC_DMA)
		flags |= SLAB_CACHE_DMA;
	if (size >= 1024)
		snprintf(name, sizeof(name), "%s%uk", kmalloc_prefix[t],
			 size >> 10);
	else
		snprintf(name, sizeof(name), "%s%u", kmalloc_prefix[t], size);
	/* create_kmalloc_cache(): kmem_cache_zalloc(kmem_cache) first */
	va = kmem_cache_alloc(ss->m, ss->kmem_cache, GFP_NOWAIT | __GFP_ZERO,
			      e);
	if (va == 0)
		return e ? e->code : -ENOMEM;
	s = create_boot_cache(ss, name, size, flags, false, e);
	if (s == NULL) {
		free_struct(ss, ss->kmem_cache, va);
		return e ? e->code : -ENOMEM;
	}
	s->va = va;
	s->refcount = 1;
	s->kmalloc_type = t;
	s->kmalloc_index = idx;
	list_add(&s->list, &ss->slab_caches);
	ss->nr_caches++;
	ss->kmalloc_caches[t][idx] = s;
	return 0;
}

/* setup_kmalloc_cache_index_table() */
static void
setup_size_index(struct slab_state *ss)
{
	static const u8 size_index[24] = {
		3, 4, 5, 5, 6, 6, 6, 6,		/* 8 .. 64 */
		1, 1, 1, 1,			/* 72 .. 96 */
		7, 7, 7, 7,			/* 104 .. 128 */
		2, 2, 2, 2, 2, 2, 2, 2,		/* 136 .. 192 */
	};
	unsigned i;

	memcpy(ss->size_index, size_index, sizeof(size_index));
	for (i = 8; i < ss->kmalloc_min_size; i += 8) {
		unsigned elem = (i - 1) / 8;

		if (elem >= ARRAY_SIZE(ss->size_index))
			break;
		ss->size_index[elem] = (u8)ss->kmalloc_shift_low;
	}
	if (ss->kmalloc_min_size >= 64)
		for (i = 64 + 8; i <= 96; i += 8)
			ss->size_index[(i - 1) / 8] = 7;
	if (ss->kmalloc_min_size >= 128)
		for (i = 128 + 8; i <= 192; i += 8)
			ss->size_index[(i - 1) / 8] = 8;
}

static int
create_kmalloc_caches(struct slab_state *ss, struct error *e)
{
	int t, i;

	for (t = 0; t < NR_KMALLOC_TYPES; t++) {
		if (t == KMALLOC_DMA && !ss->has_dma)
			continue;
		for (i = (int)ss->kmalloc_shift_low; i <= KMALLOC_SHIFT_HIGH;
		     i++) {
			if (new_kmalloc_cache(ss, i, t, e))
				return -1;
			/* 96 and 192 right after 64 and 128 */
			if (ss->kmalloc_min_size <= 32 && i == 6 &&
			    new_kmalloc_cache(ss, 1, t, e))
				return -1;
			if (ss->kmalloc_min_size <= 64 && i == 7 &&
			    new_kmalloc_cache(ss, 2, t, e))
				return -1;
		}
	}
	return 0;
}

/* sizeof(struct kmem_cache_node) and offsetof(struct kmem_cache, node). */
static unsigned
sizeof_kmem_cache_node(const struct slab_state *ss)
{
	/* list_lock, nr_partial, partial, nr_slabs, total_objects, full */
	return ss->ptr_size == 8 ? 64 : 32;
}

static unsigned
sizeof_kmem_cache(const struct slab_state *ss, int nr_nodes)
{
	/* 6.1 with SYSFS, SLUB_CPU_PARTIAL, NUMA (64-bit), hardening */
	return (ss->ptr_size == 8 ? 216 : 160) +
		(unsigned)nr_nodes * ss->ptr_size;
}

int
kmem_cache_init(struct machine *m, struct error *e)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct slab_state *ss;
	unsigned dma_minalign = m->arch->dma_minalign;
	unsigned cpus = (unsigned)m->ncpus;
	struct kmem_cache *kcn, *kc;
	int nid;
	void *map;

	ss = xcalloc(1, sizeof(*ss));
	m->kern->slab = ss;
	ss->m = m;
	ss->ev.on = true;
	ss->ev.max = SLAB_MAX_EVENTS;
	INIT_LIST_HEAD(&ss->slab_caches);
	ss->ptr_size = m->arch->is64 ? 8 : 4;
	ss->cache_line = 64;
	ss->slab_minalign = 8;		/* __alignof__(unsigned long long) */
	if (dma_minalign > 8) {
		ss->kmalloc_minalign = dma_minalign;
		ss->kmalloc_min_size = dma_minalign;
	} else {
		ss->kmalloc_minalign = 8;
		ss->kmalloc_min_size = 8;
	}
	ss->kmalloc_shift_low = fls32(ss->kmalloc_min_size) - 1;
	/* num_present_cpus(), nr_cpu_ids when it says 1 */
	ss->min_objects = 4 * (fls32(cpus) + 1);
	ss->max_order = PAGE_ALLOC_COSTLY_ORDER;
	ss->has_dma = zone_configured(pgalloc, ZONE_DMA);
	ss->va_to_pa = m->lay.phys_offset - m->lay.page_offset;
	ss->lowmem_va_start = m->lay.page_offset + ((pgalloc->start_pfn <<
						      PAGE_SHIFT) -
						     m->lay.phys_offset);
	ss->lowmem_va_end = m->lay.page_offset + ((pgalloc->max_low_pfn <<
						    PAGE_SHIFT) -
						   m->lay.phys_offset);
	ss->objmap_base = pgalloc->start_pfn;
	ss->objmap_end = pgalloc->max_low_pfn;
	ss->objmap_bytes = (size_t)(ss->objmap_end - ss->objmap_base) *
		(OBJMAP_BITS_PER_PAGE / 8);
	map = mmap(NULL, ss->objmap_bytes, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		ss->objmap = NULL;
		return error_set(e, -ENOMEM, "slab: cannot reserve %zu bytes "
				 "for the object map", ss->objmap_bytes);
	}
	ss->objmap = map;
	setup_size_index(ss);

	/* kmem_cache_node first: its slabs hold its own per-node structs */
	kcn = create_boot_cache(ss, "kmem_cache_node",
				sizeof_kmem_cache_node(ss), SLAB_HWCACHE_ALIGN,
				true, e);
	if (kcn == NULL)
		return -1;
	ss->kmem_cache_node = kcn;
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		/* early_kmem_cache_node_alloc() */
		struct page *slab = new_slab(ss, kcn, GFP_NOWAIT, nid, e);
		u64 obj;

		if (slab == NULL)
			return -1;
		obj = slab->index;
		slab->index = get_freepointer(ss, kcn, obj);
		set_counters(slab, 1, slab_objects(slab), false);
		obj_mark(ss, slab, 0, true);
		kcn->node_va[nid] = obj;
		add_partial(kcn->node[nid], slab, false);
	}
	/* then kmem_cache, whose per-node structs come from kmem_cache_node */
	kc = create_boot_cache(ss, "kmem_cache",
			       sizeof_kmem_cache(ss, pgalloc->nr_nodes),
			       SLAB_HWCACHE_ALIGN, false, e);
	if (kc == NULL)
		return -1;
	ss->kmem_cache = kc;
	/* bootstrap(): both move into objects of kmem_cache */
	if (cache_struct_alloc(ss, kc, GFP_NOWAIT, e))
		return -1;
	flush_cpu_slab(ss, kc, m->cur);
	list_add(&kc->list, &ss->slab_caches);
	if (cache_struct_alloc(ss, kcn, GFP_NOWAIT, e))
		return -1;
	flush_cpu_slab(ss, kcn, m->cur);
	list_add(&kcn->list, &ss->slab_caches);
	ss->nr_caches = 2;
	if (create_kmalloc_caches(ss, e))
		return -1;
	trace_reset(&ss->ev);
	return 0;
}

void
kmem_cache_release(struct machine *m)
{
	struct slab_state *ss = slab_of(m);
	struct list_head *l, *next;
	bool kc_loose, kcn_loose;

	if (ss == NULL)
		return;
	/* a boot that failed half way: caches not yet on the list */
	kc_loose = ss->kmem_cache != NULL && ss->kmem_cache->list.next == NULL;
	kcn_loose = ss->kmem_cache_node != NULL &&
		ss->kmem_cache_node->list.next == NULL;
	for (l = ss->slab_caches.next; l != &ss->slab_caches; l = next) {
		next = l->next;
		cache_free_host(list_entry(l, struct kmem_cache, list));
	}
	if (kc_loose)
		cache_free_host(ss->kmem_cache);
	if (kcn_loose)
		cache_free_host(ss->kmem_cache_node);
	if (ss->objmap != NULL)
		munmap(ss->objmap, ss->objmap_bytes);
	trace_release(&ss->ev);
	free(ss);
	m->kern->slab = NULL;
}

struct kmem_cache *
kmem_cache_find(struct machine *m, const char *name)
{
	struct slab_state *ss = slab_of(m);
	struct list_head *l;

	if (ss == NULL)
		return NULL;
	list_for_each(l, &ss->slab_caches) {
		struct kmem_cache *s = list_entry(l, struct kmem_cache, list);

		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

struct kmem_cache *
kmem_cache_create(struct machine *m, const char *name, unsigned size,
		  unsigned align, slab_flags_t flags, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	struct kmem_cache *s;
	size_t i;

	if (ss == NULL) {
		error_set(e, -ENODEV, "no slab allocator on this machine");
		return NULL;
	}
	trace_reset(&ss->ev);
	if (name[0] == 0 || strlen(name) > 64) {
		error_set(e, -EINVAL, "a cache name has 1 to 64 characters");
		return NULL;
	}
	for (i = 0; name[i]; i++)
		if (name[i] <= ' ' || name[i] == '/' || name[i] > '~') {
			error_set(e, -EINVAL, "'%s': a cache name is printable, "
				  "without spaces or '/' (it names a directory "
				  "in /sys/kernel/slab)", name);
			return NULL;
		}
	if (kmem_cache_find(m, name) != NULL) {
		error_set(e, -EEXIST, "a cache named '%s' exists already "
			  "(/sys/kernel/slab/%s would be created twice)", name,
			  name);
		return NULL;
	}
	if (size == 0) {
		error_set(e, -EINVAL, "%s: object size 0: a cache needs objects "
			  "of at least 1 byte", name);
		return NULL;
	}
	if (size > KMALLOC_MAX_SIZE) {
		error_set(e, -EINVAL, "%s: object size %u is above "
			  "KMALLOC_MAX_SIZE (%u, 4M): no slab that large can "
			  "be allocated", name, size, KMALLOC_MAX_SIZE);
		return NULL;
	}
	if (align && (!is_power_of_2(align) || align > PAGE_SIZE)) {
		error_set(e, -EINVAL, "%s: alignment %u is not a power of two "
			  "up to %llu", name, align, PAGE_SIZE);
		return NULL;
	}
	if (flags & ~SLAB_CREATE_OK) {
		error_set(e, -EINVAL, "%s: flags 0x%x are not modelled (ptwalk "
			  "takes SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, "
			  "SLAB_CACHE_DMA32, SLAB_RECLAIM_ACCOUNT, SLAB_POISON, "
			  "SLAB_PANIC)", name, flags & ~SLAB_CREATE_OK);
		return NULL;
	}
	if ((flags & SLAB_CACHE_DMA) && (flags & SLAB_CACHE_DMA32)) {
		error_set(e, -EINVAL, "%s: SLAB_CACHE_DMA and SLAB_CACHE_DMA32 "
			  "exclude each other (two zone modifiers)", name);
		return NULL;
	}
	if ((flags & SLAB_CACHE_DMA32) &&
	    !zone_configured(page_alloc_of(m), ZONE_DMA32)) {
		error_set(e, -EINVAL, "%s: SLAB_CACHE_DMA32 on a kernel without "
			  "ZONE_DMA32 (%s has none)", name, m->arch->name);
		return NULL;
	}
	/* create_cache(): the struct from kmem_cache, then the nodes */
	s = cache_new(ss, name, size,
		      calculate_alignment(ss, flags, align, size), flags);
	if (cache_struct_alloc(ss, s, GFP_KERNEL, e)) {
		cache_free_host(s);
		return NULL;
	}
	if (cache_open(ss, s, false, e)) {
		free_struct(ss, ss->kmem_cache, s->va);
		cache_free_host(s);
		return NULL;
	}
	list_add(&s->list, &ss->slab_caches);
	ss->nr_caches++;
	return s;
}

static void
discard_empty(struct slab_state *ss, struct kmem_cache *s, bool promote)
{
	const struct page_alloc *pgalloc = page_alloc_of(ss->m);
	int nid, i;

	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		struct kmem_cache_node *n = s->node[nid];
		struct list_head discard, bucket[SHRINK_PROMOTE_MAX];
		struct list_head *l, *next;

		INIT_LIST_HEAD(&discard);
		for (i = 0; i < SHRINK_PROMOTE_MAX; i++)
			INIT_LIST_HEAD(&bucket[i]);
		for (l = n->partial.next; l != &n->partial; l = next) {
			struct page *slab = list_entry(l, struct page, lru);
			unsigned free = slab_objects(slab) - slab_inuse(slab);

			next = l->next;
			if (free == slab_objects(slab)) {
				list_del(l);
				n->nr_partial--;
				list_add(l, &discard);
			} else if (promote && free <= SHRINK_PROMOTE_MAX) {
				list_del(l);
				list_add(l, &bucket[free - 1]);
			}
		}
		/* the fullest slabs to the head of the partial list */
		for (i = SHRINK_PROMOTE_MAX - 1; i >= 0; i--)
			while (!list_empty(&bucket[i])) {
				l = bucket[i].prev;
				list_del(l);
				list_add(l, &n->partial);
			}
		while (!list_empty(&discard)) {
			struct page *slab = list_first_entry(&discard,
							     struct page, lru);

			list_del(&slab->lru);
			discard_slab(ss, s, slab);
		}
	}
}

void
kmem_cache_shrink(struct machine *m, struct kmem_cache *s)
{
	struct slab_state *ss = slab_of(m);
	struct list_head *l;

	if (ss == NULL)
		return;
	trace_reset(&ss->ev);
	if (s != NULL) {
		flush_all(ss, s);
		discard_empty(ss, s, true);
		return;
	}
	list_for_each(l, &ss->slab_caches) {
		s = list_entry(l, struct kmem_cache, list);
		flush_all(ss, s);
		discard_empty(ss, s, true);
	}
}

struct live_arg {
	u64 *addr;
	unsigned n, max;
};

static void
collect_live(struct slab_state *ss, struct kmem_cache *s, struct page *slab,
	     void *arg)
{
	struct live_arg *la = arg;
	u64 start = slab_address(ss, slab);
	unsigned i;

	for (i = 0; i < slab_objects(slab) && la->n < la->max; i++)
		if (obj_allocated(ss, slab, i))
			la->addr[la->n++] = start + (u64)i * s->size;
}

int
kmem_cache_destroy(struct machine *m, struct kmem_cache *s, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	unsigned long live;

	if (ss == NULL)
		return error_set(e, -ENODEV, "no slab allocator");
	trace_reset(&ss->ev);
	if (s->kmalloc_type >= 0 || s == ss->kmem_cache ||
	    s == ss->kmem_cache_node)
		return error_set(e, -EPERM, "%s is created at boot by "
				 "kmem_cache_init() and never destroyed", s->name);
	live = cache_inuse(ss, s);
	if (live) {
		u64 addr[4];
		struct live_arg la = { addr, 0, 4 };
		struct strbuf sb;
		unsigned i;
		int r;

		for_each_slab(ss, s, collect_live, &la);
		sb_init(&sb);
		for (i = 0; i < la.n; i++)
			sb_addf(&sb, "%s0x%llx", i ? ", " : "",
				(unsigned long long)addr[i]);
		r = error_set(e, -EBUSY, "%s still has %lu object%s allocated "
			      "(%s%s): free them first; Linux warns \"Slab "
			      "cache still has objects\" and keeps the cache",
			      s->name, live, live == 1 ? "" : "s", sb.buf,
			      live > la.n ? ", ..." : "");
		sb_release(&sb);
		return r;
	}
	/* __kmem_cache_shutdown(): flush, free every slab */
	flush_all(ss, s);
	discard_empty(ss, s, false);
	list_del(&s->list);
	ss->nr_caches--;
	cache_release_objects(ss, s);
	cache_free_host(s);
	return 0;
}

/*
 * Allocation and freeing
 */

u64
kmem_cache_alloc_node(struct machine *m, struct kmem_cache *s, gfp_t gfp,
		      int node, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	const struct page_alloc *pgalloc = page_alloc_of(m);

	if (node != NUMA_NO_NODE && (node < 0 || node >= pgalloc->nr_nodes)) {
		error_set(e, -EINVAL, "node %d does not exist (nodes 0-%d)",
			  node, pgalloc->nr_nodes - 1);
		return 0;
	}
	if (unlikely(gfp & GFP_SLAB_BUG_MASK)) {
		event(ss, SEV_GFP_FIXED, s, NULL, 0, -1)->gfp =
			gfp & GFP_SLAB_BUG_MASK;
		gfp &= ~GFP_SLAB_BUG_MASK;
	}
	return slab_alloc(ss, s, gfp, node, e);
}

u64
kmem_cache_alloc(struct machine *m, struct kmem_cache *s, gfp_t gfp,
		 struct error *e)
{
	struct slab_state *ss = slab_of(m);

	trace_reset(&ss->ev);
	return kmem_cache_alloc_node(m, s, gfp, NUMA_NO_NODE, e);
}

int
kmem_cache_free(struct machine *m, struct kmem_cache *s, u64 x,
		struct error *e)
{
	struct slab_state *ss = slab_of(m);
	struct page *slab;
	unsigned idx;
	bool large;

	trace_reset(&ss->ev);
	if (x == 0)
		return error_set(e, -EINVAL, "kmem_cache_free(%s, NULL): no "
				 "object", s->name);
	if (free_consistency_checks(ss, x, s, "kmem_cache_free", false, &slab,
				    &idx, &large, e))
		return -EINVAL;
	slab_free(ss, s, slab, x, idx);
	return 0;
}

/* The allocator's own structs (kmem_cache, kmem_cache_node objects). */
static void
free_struct(struct slab_state *ss, struct kmem_cache *s, u64 x)
{
	struct page *slab;
	unsigned idx;
	bool large;

	if (free_consistency_checks(ss, x, s, "kmem_cache_free", true, &slab,
				    &idx, &large, NULL) == 0)
		slab_free(ss, s, slab, x, idx);
}

gfp_t
kmalloc_bad_gfp(gfp_t gfp)
{
	return gfp & GFP_SLAB_BUG_MASK;
}

static enum kmalloc_cache_type
kmalloc_type(const struct slab_state *ss, gfp_t gfp)
{
	if (likely(!(gfp & (__GFP_RECLAIMABLE | __GFP_DMA))))
		return KMALLOC_NORMAL;
	if (ss->has_dma && (gfp & __GFP_DMA))
		return KMALLOC_DMA;
	if (gfp & __GFP_RECLAIMABLE)
		return KMALLOC_RECLAIM;
	return KMALLOC_NORMAL;
}

struct kmem_cache *
kmalloc_slab(struct machine *m, u64 size, gfp_t gfp)
{
	struct slab_state *ss = slab_of(m);
	unsigned index;

	if (ss == NULL || size == 0 || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	if (size <= 192)
		index = ss->size_index[(size - 1) / 8];
	else
		index = fls32((unsigned)size - 1);
	return ss->kmalloc_caches[kmalloc_type(ss, gfp)][index];
}

u64
kmalloc_size_roundup(struct machine *m, u64 size)
{
	const struct kmem_cache *s;

	if (size == 0)
		return 0;
	/* the saturated "too large" case: no block is that large */
	if (get_order(size) >= 64 - PAGE_SHIFT)
		return ~0ULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE << get_order(size);
	s = kmalloc_slab(m, size, GFP_KERNEL);
	return s ? s->object_size : 0;
}

/* kmalloc_large(): compound pages, no cache. */
static u64
kmalloc_large(struct slab_state *ss, u64 size, gfp_t gfp, struct error *e)
{
	struct machine *m = ss->m;
	unsigned order = get_order(size);
	struct page *page;

	page = alloc_pages_node(m, NUMA_NO_NODE, gfp | __GFP_COMP, order, e);
	if (page == NULL)
		return 0;
	page_set_owner(page, &kmalloc_large_owner, NULL);
	mod_node_page_state(page_zone(m, page)->zone_pgdat,
			    NR_SLAB_UNRECLAIMABLE_B, (long)(PAGE_SIZE << order));
	ss->large_pages += 1UL << order;
	event(ss, SEV_LARGE, NULL, page, order, page_to_nid(m, page));
	return page_address(m, page);
}

u64
kmalloc(struct machine *m, u64 size, gfp_t gfp, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	struct kmem_cache *s;

	if (ss == NULL) {
		error_set(e, -ENODEV, "no slab allocator on this machine");
		return 0;
	}
	trace_reset(&ss->ev);
	if (size == 0) {
		error_set(e, -EINVAL, "kmalloc(0): a zero-size request returns "
			  "ZERO_SIZE_PTR (0x10), which points at no memory "
			  "(any access faults; kfree accepts it): nothing is "
			  "allocated");
		return 0;
	}
	if (size > KMALLOC_MAX_SIZE) {
		error_set(e, -EINVAL, "kmalloc(%llu): above KMALLOC_MAX_SIZE "
			  "(%u, 4M: the largest buddy block, order %d); the "
			  "page allocator warns and returns NULL; use vmalloc "
			  "for large buffers", (unsigned long long)size,
			  KMALLOC_MAX_SIZE, MAX_ORDER - 1);
		return 0;
	}
	if (unlikely(gfp & GFP_SLAB_BUG_MASK)) {
		/* kmalloc_fix_flags(): warn and drop them */
		event(ss, SEV_GFP_FIXED, NULL, NULL, 0, -1)->gfp =
			gfp & GFP_SLAB_BUG_MASK;
		gfp &= ~GFP_SLAB_BUG_MASK;
	}
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(ss, size, gfp, e);
	s = kmalloc_slab(m, size, gfp);
	return slab_alloc(ss, s, gfp, NUMA_NO_NODE, e);
}

u64
kzalloc(struct machine *m, u64 size, gfp_t gfp, struct error *e)
{
	return kmalloc(m, size, gfp | __GFP_ZERO, e);
}

int
kfree(struct machine *m, u64 x, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	struct page *slab;
	unsigned idx;
	bool large;

	if (ss == NULL)
		return error_set(e, -ENODEV, "no slab allocator");
	trace_reset(&ss->ev);
	if (x <= ZERO_SIZE_PTR)
		return 0;			/* ZERO_OR_NULL_PTR */
	if (free_consistency_checks(ss, x, NULL, "kfree", false, &slab, &idx,
				    &large, e))
		return -EINVAL;
	if (large) {
		/* free_large_kmalloc() */
		unsigned order = compound_order(slab);

		event(ss, SEV_LARGE_FREE, NULL, slab, order,
		      page_to_nid(m, slab));
		mod_node_page_state(page_zone(m, slab)->zone_pgdat,
				    NR_SLAB_UNRECLAIMABLE_B,
				    -(long)(PAGE_SIZE << order));
		ss->large_pages -= 1UL << order;
		page_set_owner(slab, NULL, NULL);
		return __free_pages(m, slab, order, e);
	}
	slab_free(ss, page_slab_cache(slab), slab, x, idx);
	return 0;
}

u64
ksize(struct machine *m, u64 x, struct error *e)
{
	struct slab_obj_info info;
	struct slab_state *ss = slab_of(m);
	const struct kmem_cache *s;

	if (ss == NULL) {
		error_set(e, -ENODEV, "no slab allocator");
		return 0;
	}
	if (x <= ZERO_SIZE_PTR) {
		error_set(e, -EINVAL, "ksize(0x%llx): NULL or ZERO_SIZE_PTR: "
			  "size 0", (unsigned long long)x);
		return 0;
	}
	if (slab_lookup(m, x, &info) != 0) {
		bad_free_not_slab(ss, x, "ksize", e);
		return 0;
	}
	if (info.cache == NULL)
		return info.size;
	s = info.cache;
	if (info.index < 0 || !info.allocated) {
		error_set(e, -EINVAL, "ksize(0x%llx): no allocated object "
			  "there (%s)", (unsigned long long)x,
			  info.index < 0 ? "the slab's unused tail" :
			  "the object is free");
		return 0;
	}
	/* slab_ksize() */
	if (s->flags & SLAB_POISON)
		return s->object_size;
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		return s->inuse;
	return s->size;
}

/*
 * /proc/slabinfo (SLUB's get_slabinfo: the free objects of partial slabs
 * are the only ones it counts as free)
 */

void
get_slabinfo(struct machine *m, const struct kmem_cache *s,
	     struct slabinfo *si)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	unsigned long nr_free = 0;
	struct list_head *l;
	int nid;

	memset(si, 0, sizeof(*si));
	for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
		const struct kmem_cache_node *n = s->node[nid];

		si->num_slabs += n->nr_slabs;
		si->num_objs += n->total_objects;
		list_for_each(l, &n->partial) {
			const struct page *slab = list_entry(l, struct page,
							     lru);

			nr_free += slab_objects(slab) - slab_inuse(slab);
		}
	}
	si->active_objs = si->num_objs - nr_free;
	si->active_slabs = si->num_slabs;
	si->objsize = s->size;
	si->objperslab = oo_objects(s->oo);
	si->pagesperslab = 1u << oo_order(s->oo);
}

/*
 * Invariants, for tests
 */

struct check_arg {
	struct error *e;
	int bad;
	unsigned long slabs[MAX_NUMNODES], objects[MAX_NUMNODES];
	unsigned long partial[MAX_NUMNODES], full[MAX_NUMNODES];
};

static void
check_slab(struct slab_state *ss, struct kmem_cache *s, struct page *slab,
	   void *arg)
{
	struct check_arg *ca = arg;
	struct machine *m = ss->m;
	u64 start = slab_address(ss, slab), p;
	unsigned objects = slab_objects(slab), nfree = 0, i, nbits = 0;
	int nid = slab_nid(ss, slab), cpu;

	if (ca->bad)
		return;
	ca->slabs[nid]++;
	ca->objects[nid] += objects;
	if (!PageSlab(slab) || page_slab_cache(slab) != s) {
		ca->bad = error_set(ca->e, -EUCLEAN, "%s: slab pfn 0x%llx is "
				    "not tagged as its slab", s->name,
				    (unsigned long long)slab_pfn(ss, slab));
		return;
	}
	if (objects != oo_objects(s->oo) && objects != oo_objects(s->min)) {
		ca->bad = error_set(ca->e, -EUCLEAN, "%s: slab pfn 0x%llx has "
				    "%u objects", s->name,
				    (unsigned long long)slab_pfn(ss, slab),
				    objects);
		return;
	}
	for (p = slab->index; p != 0; p = get_freepointer(ss, s, p)) {
		if (p < start || p >= start + (u64)objects * s->size ||
		    (p - start) % s->size != 0 || nfree >= objects) {
			ca->bad = error_set(ca->e, -EUCLEAN, "%s: slab pfn "
					    "0x%llx: bad free pointer 0x%llx",
					    s->name, (unsigned long long)
					    slab_pfn(ss, slab),
					    (unsigned long long)p);
			return;
		}
		if (obj_allocated(ss, slab, obj_index(s, start, p))) {
			ca->bad = error_set(ca->e, -EUCLEAN, "%s: allocated "
					    "object 0x%llx on the freelist",
					    s->name, (unsigned long long)p);
			return;
		}
		nfree++;
	}
	for (i = 0; i < objects; i++)
		nbits += obj_allocated(ss, slab, i);
	if (nfree + slab_inuse(slab) != objects || nbits != slab_inuse(slab)) {
		ca->bad = error_set(ca->e, -EUCLEAN, "%s: slab pfn 0x%llx: "
				    "inuse %u, %u free, %u marked, %u objects",
				    s->name, (unsigned long long)
				    slab_pfn(ss, slab), slab_inuse(slab), nfree,
				    nbits, objects);
		return;
	}
	if (slab_where(m, slab, &cpu) != SLAB_CPU) {
		if (slab_frozen(slab)) {
			ca->bad = error_set(ca->e, -EUCLEAN, "%s: frozen slab "
					    "on a list", s->name);
			return;
		}
		if (slab->index)
			ca->partial[nid]++;
		else
			ca->full[nid]++;
	}
}

int
sim_slab_check(struct machine *m, struct error *e)
{
	struct slab_state *ss = slab_of(m);
	const struct page_alloc *pgalloc = page_alloc_of(m);
	struct list_head *l;
	int nid, n = 0;

	if (ss == NULL)
		return 0;
	list_for_each(l, &ss->slab_caches) {
		struct kmem_cache *s = list_entry(l, struct kmem_cache, list);
		struct check_arg ca;

		memset(&ca, 0, sizeof(ca));
		ca.e = e;
		n++;
		for_each_slab(ss, s, check_slab, &ca);
		if (ca.bad)
			return ca.bad;
		for (nid = 0; nid < pgalloc->nr_nodes; nid++) {
			const struct kmem_cache_node *kn = s->node[nid];

			if (ca.slabs[nid] != kn->nr_slabs ||
			    ca.objects[nid] != kn->total_objects ||
			    ca.partial[nid] != kn->nr_partial ||
			    ca.full[nid] != kn->nr_full)
				return error_set(e, -EUCLEAN, "%s node %d: "
						 "counted %lu slabs %lu objects "
						 "%lu partial %lu full, the node "
						 "says %lu %lu %lu %lu", s->name,
						 nid, ca.slabs[nid],
						 ca.objects[nid],
						 ca.partial[nid], ca.full[nid],
						 kn->nr_slabs,
						 kn->total_objects,
						 kn->nr_partial, kn->nr_full);
		}
	}
	if (n != ss->nr_caches)
		return error_set(e, -EUCLEAN, "%d caches listed, %d counted", n,
				 ss->nr_caches);
	if (cache_inuse(ss, ss->kmem_cache) != (unsigned long)ss->nr_caches)
		return error_set(e, -EUCLEAN, "kmem_cache holds %lu objects for "
				 "%d caches", cache_inuse(ss, ss->kmem_cache),
				 ss->nr_caches);
	return 0;
}
