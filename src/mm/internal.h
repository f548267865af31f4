/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of the simulated kernel share (cf. mm/internal.h), not
 * for commands: the page allocator's inside (page_alloc.c, mm_init.c,
 * dma.c) and the process model's (process.c, mmap.c, memory.c, exec.c,
 * fork.c, context.c, task_mmu.c, filemap.c, user_page.c).
 */
#ifndef PTWALK_MM_INTERNAL_H
#define PTWALK_MM_INTERNAL_H

#include "ptwalk/format.h"
#include "ptwalk/kernel.h"
#include "ptwalk/mm.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"

/*
 * The page allocator
 */

/* The descriptor of a pfn known to have one, and back (no checks). */
#define PFN_PAGE(pgalloc, pfn)						\
	((pgalloc)->mem_map + ((pfn) - (pgalloc)->start_pfn))
#define PAGE_PFN(pgalloc, page)						\
	((u64)((page) - (pgalloc)->mem_map) + (pgalloc)->start_pfn)

/*
 * A clean, written descriptor: all fields zero but the kmap address
 * (which belongs to the kmap cache, not to the allocation).  Field by
 * field, so that the compiler emits plain stores, not a memset call.
 */
static inline void
page_reset(struct page *p)
{
	u64 virt = p->virtual;

	*p = (struct page){ .virtual = virt, .sim_init = 1 };
}

#define FPI_NONE	0
#define FPI_TO_TAIL	1	/* boot: memblock_free_pages() */

extern const char *const zone_names[MAX_NR_ZONES];

/*
 * pfn -> node and zone: nodes are equal slices of RAM (the last takes the
 * rest), so the node is a division; the zone is one of at most five.
 */
static inline int
pfn_nid(const struct page_alloc *pgalloc, u64 pfn)
{
	const pg_data_t *last = pgalloc->node_data[pgalloc->nr_nodes - 1];

	if (pgalloc->nr_nodes == 1 || pfn >= last->node_start_pfn)
		return pgalloc->nr_nodes - 1;
	return (int)((pfn - pgalloc->start_pfn) /
		     pgalloc->node_data[0]->node_spanned_pages);
}

static inline struct zone *
pfn_zone(const struct page_alloc *pgalloc, u64 pfn)
{
	pg_data_t *pgdat = pgalloc->node_data[pfn_nid(pgalloc, pfn)];
	int t;

	for (t = 0; t < MAX_NR_ZONES; t++) {
		struct zone *z = &pgdat->node_zones[t];

		if (pfn >= z->zone_start_pfn && pfn < zone_end_pfn(z))
			return z;
	}
	/*
	 * A frame of a hole at a node's edge (the firmware's map leaves it
	 * out): its struct page belongs to the nearest zone, as
	 * init_unavailable_range() sets it.
	 */
	for (t = 0; t < MAX_NR_ZONES; t++) {
		struct zone *z = &pgdat->node_zones[t];

		if (z->spanned_pages && pfn < z->zone_start_pfn)
			return z;
	}
	for (t = MAX_NR_ZONES - 1; t >= 0; t--)
		if (pgdat->node_zones[t].spanned_pages)
			return &pgdat->node_zones[t];
	return NULL;
}

/* mm_init.c */
/* The boot reservation covering pfn (NULL: none). */
const struct resv_range *pfn_resv(const struct page_alloc *pgalloc, u64 pfn);
/* Fill a never-written descriptor with the default of its frame. */
void page_init_default(struct page_alloc *pgalloc, struct page *p, u64 pfn);
bool pfn_in_lazy(const struct zone *z, u64 pfn);

/* page_alloc.c */
void __free_one_page(struct page_alloc *pgalloc, struct zone *z, u64 pfn,
		     unsigned order, int fpi);
void build_all_zonelists(struct page_alloc *pgalloc);
void init_per_zone_wmark_min(struct page_alloc *pgalloc);
int pagetable_alloc(struct machine *m, u64 *pa, struct error *e);
void pagetable_free(struct machine *m, u64 pa);

/*
 * The process model
 */

struct task_state {
	struct task_struct *tasks;	/* sorted by pid */
	int last_pid;
	u64 zero_pfn;			/* empty_zero_page */
	u64 next_ctx_id;
	void *arch_ctx;			/* the arch's PCID / ASID state */
	void *files;			/* filemap.c: the open files */
	struct kmem_cache *pgd_cache;	/* PAE: 32-byte pgds (pgtable_cache_init) */
};

static inline struct task_state *
tasks_of(struct machine *m)
{
	return m->kern->tasks;
}

/* pages: glue to the page allocator (src/mm/page_alloc.c) */
int mm_alloc_user_page(struct machine *m, bool zero, const char *owner,
		       u64 *pfn, struct error *e);
void mm_get_page(struct machine *m, u64 pfn);
void mm_put_page(struct machine *m, u64 pfn);
int mm_page_count(struct machine *m, u64 pfn);
int mm_page_mapcount(struct machine *m, u64 pfn);
void mm_page_add_rmap(struct machine *m, u64 pfn);
void mm_page_remove_rmap(struct machine *m, u64 pfn);
void mm_page_set_anon(struct machine *m, u64 pfn, struct anon_vma *av,
		      u64 index);
void mm_page_set_file(struct machine *m, u64 pfn, struct file *f, u64 index);
bool mm_page_anon(struct machine *m, u64 pfn);
bool mm_page_dirty(struct machine *m, u64 pfn);
void mm_page_set_dirty(struct machine *m, u64 pfn);
int mm_alloc_pgd_pages(struct machine *m, unsigned order, u64 *pa,
		       struct error *e);
void mm_free_pgd_pages(struct machine *m, u64 pa, unsigned order);

/* page tables of an mm (memory.c) */
int pgd_alloc(struct machine *m, struct mm_struct *mm, struct error *e);
void pgd_free(struct machine *m, struct mm_struct *mm);
void zap_page_range(struct machine *m, struct mm_struct *mm,
		    struct vm_area_struct *vma, u64 start, u64 end);
void free_pgtables(struct machine *m, struct mm_struct *mm, u64 start,
		   u64 end);
void change_protection(struct machine *m, struct vm_area_struct *vma,
		       u64 start, u64 end);
/*
 * walk_page_range() (cf. mm/pagewalk.c): pte_entry is called for every
 * PTE slot of [start, end) whose PTE table exists, with the slot's
 * address; absent upper tables are skipped whole, and an entry pointing
 * back at a table above it (a hand-made cycle) is not followed.
 */
struct mm_walk {
	struct machine *m;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	u64 start, end;
	void (*pte_entry)(struct mm_walk *w, u64 va, u64 epa);
	void *priv;			/* the caller's */
	u64 nflush, first_flush;	/* zap and mprotect: PTEs changed */
	u64 path[NR_LEVELS];		/* the tables above the current one */
};
void walk_page_range(struct mm_walk *w);
/* Is table one of path[0..depth] (the tables above an entry)? */
bool table_on_path(const u64 *path, int depth, u64 table);
/* pgd_offset(): the pgd entry of addr in mm's tables */
static inline u64
pgd_offset(struct machine *m, const struct mm_struct *mm, u64 addr)
{
	return pgd_offset_pgd(&m->mmu, mm->pgd, addr);
}
/* the leaf slot of addr: 0 and *epa, or -ENOENT when no table */
int user_pte_slot(struct machine *m, struct mm_struct *mm, u64 addr,
		  bool create, u64 *epa, struct error *e);
u64 pte_read(struct machine *m, u64 epa);
/*
 * vm_normal_page(): does a present PTE with this pfn and these attributes
 * (P_SPECIAL) count a struct page?  Not the zero page, not a special PTE,
 * not a pfn without a struct page (beyond mem_map).
 */
bool vm_normal_page(struct machine *m, u64 pfn, u32 attr);
void pte_write(struct machine *m, u64 epa, u64 val, u64 va);

/* TLB maintenance for user mappings (context.c) */
void mm_tlb_flush_page(struct machine *m, struct mm_struct *mm, u64 va);
void mm_tlb_flush(struct machine *m, struct mm_struct *mm);
void mm_context_init(struct machine *m, struct mm_struct *mm);
/* the arch's address-space state, for a booted kernel */
void mm_context_setup(struct machine *m);
void mm_context_release(struct machine *m);
void switch_to_idle(struct machine *m, struct cpu *c);

/* VMAs (mmap.c) */
struct vm_area_struct *vma_alloc(struct mm_struct *mm);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_free(struct machine *m, struct vm_area_struct *vma);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, u64 addr,
				     struct vm_area_struct **prev);
int vm_brk_flags(struct machine *m, struct mm_struct *mm, u64 addr, u64 len,
		 unsigned long flags, struct error *e);
int expand_stack(struct machine *m, struct vm_area_struct *vma, u64 addr,
		 struct error *e);
void exit_mmap(struct machine *m, struct mm_struct *mm);
unsigned long calc_vm_flags(unsigned prot, unsigned flags);
u64 mmap_min_addr(const struct machine *m);
u64 stack_guard_gap(void);

/* files (filemap.c) */
int filemap_get(struct address_space *as, u64 index, u64 *pfn);
void filemap_add(struct address_space *as, u64 index, u64 pfn);
void files_init(struct machine *m);
void files_release(struct machine *m);

/* tasks (process.c) */
struct mm_struct *mm_alloc(struct machine *m, struct error *e);
void mmput(struct machine *m, struct mm_struct *mm);
struct task_struct *task_alloc(struct machine *m, int ppid, const char *comm);
void task_unlink(struct machine *m, struct task_struct *t);

/*
 * The page allocator's own steps (buddy splits ...) inside a fault are
 * shown only with `set verbose on`: kt_quiet() mutes them, kt_restore()
 * puts the trace back.
 */
static inline bool
kt_quiet(struct machine *m)
{
	bool on = m->kt.on;

	if (!m->kt.verbose)
		m->kt.on = false;
	return on;
}

static inline void
kt_restore(struct machine *m, bool on)
{
	m->kt.on = on;
}

#endif
