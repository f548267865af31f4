/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's state in a memory image, read from its own structures
 * through the kernel's page tables (src/image/kmem.c, printk.c, zone.c,
 * vmap.c, page.c).  What a structure looks like comes from the dump:
 * VMCOREINFO's OFFSET(), SIZE(), LENGTH(), NUMBER() and SYMBOL() lines
 * (and the kernel's symbol table).  A reader fills a result the commands
 * render as they render the simulated kernel's; what the dump cannot say
 * is kept as notes, one line each, for the command to print.
 */
#ifndef PTWALK_KSTATE_H
#define PTWALK_KSTATE_H

#include "machine.h"
#include "util.h"

/* Notes of one reader: what it could not read or had to leave out. */
#define KNOTES_MAX	8
struct knotes {
	char *line[KNOTES_MAX];
	int n, dropped;
};
void knote(struct knotes *kn, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void knotes_release(struct knotes *kn);

/*
 * Reading the kernel's virtual memory: the kernel's own root
 * (swapper_pg_dir, init_top_pgt) walked once per page (the last leaf is
 * kept), the bytes from the image's physical memory.
 */
struct kmem {
	struct machine *m;
	u64 root;
	unsigned long_size;	/* sizeof(long) of the kernel */
	u64 leaf_va, leaf_mask, leaf_pa;	/* the last translation */
	bool leaf_ok;
};
int kmem_init(struct kmem *k, struct machine *m, struct error *e);
/* n bytes at va; the error names the address and why not. */
int kmem_read(struct kmem *k, u64 va, void *buf, size_t n, struct error *e);
/* A little-endian unsigned integer of size 1, 2, 4 or 8 at va. */
int kmem_read_uint(struct kmem *k, u64 va, unsigned size, u64 *v,
	       struct error *e);
/* An unsigned long or a pointer of the kernel. */
int kmem_read_ulong(struct kmem *k, u64 va, u64 *v, struct error *e);
/* Translate va with the kernel's tables (no cache).  false: unmapped. */
bool kmem_pa(struct kmem *k, u64 va, u64 *pa);

/*
 * What the dump says of the kernel's types and symbols: VMCOREINFO's
 * OFFSET(s.member), SIZE(s), LENGTH(name), NUMBER(name); a symbol from the
 * kernel's symbol table, else VMCOREINFO's SYMBOL(name).
 */
bool kinfo_offset(struct machine *m, const char *s, const char *member,
		  u64 *off);
bool kinfo_size(struct machine *m, const char *s, u64 *size);
bool kinfo_length(const struct machine *m, const char *name, u64 *len);
bool kinfo_number(const struct machine *m, const char *name, u64 *v);
bool kinfo_symbol(const struct machine *m, const char *name, u64 *va);
/* "symbol+0xoff/0xsize" of va as the kernel's %pS prints it, or hex. */
void ksym_pS(const struct machine *m, u64 va, char *buf, size_t n);

/* The needs of a reader: the first missing VMCOREINFO line, in the error. */
struct kneed {
	const char *what;	/* "OFFSET(zone.free_area)" */
	u64 *v;
};
int kneed_all(const struct machine *m, const struct kneed *need, size_t n,
	      struct error *e);

/*
 * The printk ring buffer (kernel/printk/printk_ringbuffer.c): every
 * record from the oldest still there, in sequence order.
 */
struct klog_rec {
	u64 seq, ts_nsec;
	u32 caller_id;
	u8 level, facility;
	char *text;		/* text_len bytes, NUL-terminated */
	u32 text_len;
};
struct klog {
	struct klog_rec *rec;
	size_t n;
	u64 clear_seq;		/* where `dmesg` (SYSLOG_ACTION_READ_ALL) starts */
	struct knotes notes;
};
int klog_read(struct machine *m, struct klog *log, struct error *e);
void klog_release(struct klog *log);
/* One record as syslog(2) gives it: "[    0.000000] text\n" per line. */
void klog_format(const struct klog_rec *r, struct strbuf *sb);

/*
 * The zones of every online node (node_data[] and node_online_map, or
 * contig_page_data): free blocks per order (free_area[].nr_free), the
 * span, NR_FREE_PAGES of vm_stat.  A zone's name is zone_names[i] when the
 * symbol table has it, else the string its name field points at (the one
 * pointer field of struct zone that names a zone in every zone).
 */
#define KZONE_ORDERS	16
struct kzone {
	int nid, idx;
	char name[16];
	u64 va;			/* the struct zone */
	u64 spanned;		/* spanned_pages */
	bool populated;		/* spanned_pages != 0 */
	unsigned norder;	/* LENGTH(zone.free_area): MAX_ORDER */
	u64 nr_free[KZONE_ORDERS];
	u64 free_pages;		/* vm_stat[NR_FREE_PAGES] */
	bool have_free_pages;
	/* where the types place them (have_* false: the dump does not say) */
	u64 present, managed, start_pfn, cma;
	bool have_present, have_managed, have_start_pfn, have_cma;
	u64 wmark[3], boost;	/* _watermark[WMARK_MIN..WMARK_HIGH] */
	bool have_wmark, have_boost;
	s64 protection[8];	/* lowmem_reserve[] of each zone of the node */
	int nprotection;
};
struct kzones {
	struct kzone *z;
	int n;
	struct knotes notes;
};
/* typed: also the fields only the kernel's types place (zoneinfo) */
int kzones_read(struct machine *m, struct kzones *zs, bool typed,
		struct error *e);
/* Where struct zone keeps its free lists (VMCOREINFO). */
struct kzone_geom {
	u64 free_area, fa_size, fa_list, nlists, lh_size, norder;
};
/*
 * A zone found through the buddy's free lists (src/image/pgdat.c), for a
 * kernel whose node_data neither VMCOREINFO nor the symbol table places.
 */
int kzone_from_free_lists(struct machine *m, struct kmem *k,
			  const struct kzone_geom *g, u64 *zone,
			  struct error *e);
void kzones_release(struct kzones *zs);

/*
 * The vmstat counters (src/image/vmstat.c): the nodes' and the zones'
 * vm_stat[] summed, an item named by its enumerator (NR_FILE_PAGES ...)
 * as the kernel's types number it.  Needs BTF.
 */
#define KVMSTAT_ITEMS	128
#define KVMSTAT_NODES	64
struct kvmstat {
	struct machine *m;
	s64 node[KVMSTAT_ITEMS], zone[KVMSTAT_ITEMS];
	int nnode, nzone;
};
int kvmstat_read(struct machine *m, const struct kzones *zs,
		 struct kvmstat *v, struct error *e);
/* false: the kernel has no such item (or no types) */
bool kvmstat_node(const struct kvmstat *v, const char *item, u64 *val);
bool kvmstat_zone(const struct kvmstat *v, const char *item, u64 *val);

/*
 * The vmalloc areas (mm/vmalloc.c's vmap_area_list, by address): each
 * vmap_area's range, and where the types say where it is, its vm_struct
 * (caller, pages, phys_addr, flags).  The simulated kernel's areas are
 * rendered from the same records.
 */
struct kvm_area {
	u64 addr, size;		/* vm->addr, vm->size (the guard included) */
	bool have_vm;		/* the vm_struct was read: the rest is known */
	bool vm_map_ram;	/* no vm_struct: vm_map_ram's (VMAP_RAM) */
	bool unpurged;		/* freed, not yet purged (no vm_struct) */
	const char *kind;	/* the simulated kernel's kind, or NULL */
	char caller[160];	/* %pS of vm->caller, or "" */
	u64 nr_pages, phys, flags;
	bool vpages;		/* the pages array is itself vmalloc'ed */
	unsigned nnode;		/* N<nid>=<pages>: nodes[] below nnode */
	struct { int nid; u64 pages; } node[8];
};
struct kvm_areas {
	struct kvm_area *a;
	size_t n;
	struct knotes notes;
};
int kvm_areas_read(struct machine *m, struct kvm_areas *vs, struct error *e);
void kvm_areas_release(struct kvm_areas *vs);

/*
 * struct page of a frame (include/linux/mm_types.h): through mem_section
 * (SPARSEMEM, EXTREME or not, vmemmap or not) or the node's node_mem_map
 * (FLATMEM), the fields VMCOREINFO places, the flags VMCOREINFO names
 * (NUMBER(PG_*), NUMBER(PG_head_mask)).
 */
struct kmemmap {
	bool sparse;
	u64 page_size;		/* SIZE(page) */
	u64 ms, ms_size, nroots, per_root, pfn_shift;	/* mem_section */
	u64 vmemmap;		/* section 0's map: vmemmap_base, or 0 */
	u64 mem_map, start_pfn, spanned;	/* FLATMEM: node 0's */
};
int kmemmap_init(struct kmem *k, struct kmemmap *mm, struct error *e);
/* The struct page of pfn; the error says why there is none. */
int kmemmap_page(struct kmem *k, const struct kmemmap *mm, u64 pfn, u64 *page,
		 struct error *e);

enum kpage_state {
	KP_FREE_HEAD,		/* PageBuddy: the head of a free block */
	KP_FREE,		/* inside a free block */
	KP_TAIL,		/* a tail page of a compound page */
	KP_SLAB,		/* PG_slab */
	KP_USED,		/* none of these: allocated or reserved */
};
struct kpage {
	u64 pfn, page;		/* the frame, its struct page's address */
	u64 flags, mapping, private, compound_head;
	s64 refcount, mapcount;
	enum kpage_state state;
	u64 block_pfn;		/* the free block's or compound page's head */
	unsigned order;		/* its order (free, or head/tail compound) */
	bool have_order;
	char flag_names[160];	/* the set flags VMCOREINFO names */
	char slab_cache[64];	/* KP_SLAB: its cache's name, or "" */
	u64 slab_cache_va;
	u64 unnamed;		/* set flags below them it does not name */
};
int kpage_read(struct machine *m, u64 pfn, struct kpage *p, struct error *e);
/* A pfn, a struct page address or a direct-map address: its pfn. */
int kpage_pfn(struct machine *m, u64 v, u64 *pfn, struct error *e);

/*
 * SLUB's caches (mm/slub.c get_slabinfo()): slab_caches in its order, of
 * each cache the nodes' nr_slabs and total_objects and the free objects of
 * their partial slabs.  Needs the kernel's types (BTF) and slab_caches.
 */
struct kslab_cache {
	char name[64];
	u64 va;			/* the struct kmem_cache */
	u64 active_objs, num_objs, active_slabs, num_slabs;
	unsigned objsize, objperslab, pagesperslab;
};
struct kslab_caches {
	struct kslab_cache *c;
	size_t n;
	struct knotes notes;
};
int kslab_caches_read(struct machine *m, struct kslab_caches *cs,
		      struct error *e);
void kslab_caches_release(struct kslab_caches *cs);
/* The cache of the slab object at va (its slab's slab_cache), or 0. */
u64 kslab_cache_of(struct machine *m, u64 va);
/*
 * slab_caches without its symbol: the one node of the kmem_cache.list
 * ring (entered from a task_struct's cache) that is in no kmem_cache.
 */
int kslab_caches_find(struct machine *m, u64 *head, struct error *e);
/*
 * The kernel symbols a table of code only lacks, found from the state
 * (src/image/kderive.c): init_task, init_mm, slab_caches,
 * __per_cpu_offset; each checked against the structures around it.
 */
bool kderive_symbol(struct machine *m, const char *name, u64 *va, u64 *size);

/*
 * One cache in detail (slab NAME): its struct kmem_cache, each node's
 * kmem_cache_node, the CPU slabs (kmem_cache_cpu through
 * __per_cpu_offset) and the node's partial slabs, each with its free list
 * followed through the objects' free pointers (decoded with s->random
 * under CONFIG_SLAB_FREELIST_HARDENED).  SLUB keeps no list of full slabs.
 */
#define KSLAB_FL_SHOWN	6
#define KSLAB_NODES	8
struct kslab_one {
	char what[16];		/* "cpu0", "partial" */
	u64 slab;		/* its struct slab (a struct page) */
	u64 inuse, objects;
	u64 fl[KSLAB_FL_SHOWN];
	unsigned nfree;		/* on the freelist(s) */
	bool fl_broken;		/* the list left the slab: nfree counts to there */
};
struct kslab_detail {
	char name[64];
	u64 va, object_size, size, align, inuse, offset, oo, min, min_partial;
	u64 flags, allocflags;
	int nnodes;
	struct { u64 va, nr_slabs, total_objects, nr_partial; } node[KSLAB_NODES];
	struct kslab_one *slab;
	size_t nslab;
	struct knotes notes;
};
/* The cache named name (the first of slab_caches with that name). */
int kslab_detail_read(struct machine *m, const char *name,
		      struct kslab_detail *d, struct error *e);
void kslab_detail_release(struct kslab_detail *d);
/* The free pointer stored in the free object at obj of the cache. */
int kslab_next_free(struct machine *m, u64 cache, u64 obj, u64 *next,
		    struct error *e);

/*
 * What a kernel or user address is in an image's kernel (src/image/
 * kwhatis.c), one line per finding, as the simulated kernel's whatis says
 * it: the owner (a kernel symbol, a vmalloc area and its caller, a task's
 * stack, a slab object of a cache, allocated or free, a free buddy block,
 * a page table, a VMA of the switched-to task) and the frame's struct page.
 */
#define KWHAT_LINES	6
struct kwhatis {
	struct { const char *key; char text[256]; } l[KWHAT_LINES];
	int n;
	struct knotes notes;
};
/* The owner of va (pid: the task whose VMAs hold user addresses, or 0). */
void kwhatis_owner(struct machine *m, u64 va, int pid, struct kwhatis *w);
/* The frame pfn: its struct page and what the kernel uses it for. */
void kwhatis_frame(struct machine *m, u64 pfn, struct kwhatis *w);
void kwhatis_release(struct kwhatis *w);

#endif
