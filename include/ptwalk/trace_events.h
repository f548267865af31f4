/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The events of the kernel's trace: TRACE_EVENT(name, fields) declares
 * struct trace_NAME with those fields and the kind TE_NAME.  Include
 * ptwalk/trace.h, not this file (it is read several times, with a
 * different TRACE_EVENT each time; cf. Linux's include/trace/events).
 * How each event reads is said in src/ui/trace_print*.c.
 *
 * Fields are numbers, bools, names from static tables, and strings the
 * event owns (trace_str).  Kinds of one event are enums, never words.
 */

/* The types of the fields, defined once (the first reading). */
#ifndef PTWALK_TRACE_EVENTS_KINDS
#define PTWALK_TRACE_EVENTS_KINDS

/* SLUB */
enum slab_event_kind {
	SEV_NEW_SLAB,		/* new slab from the buddy allocator */
	SEV_ORDER_FALLBACK,	/* oo failed; the min order was used */
	SEV_FROM_PARTIAL,	/* a partial slab became the CPU's slab */
	SEV_CPU_FULL,		/* the CPU's slab had no free object left */
	SEV_DEACTIVATE,		/* the CPU's slab left it (node, flush) */
	SEV_TO_PARTIAL,		/* a full slab got a free object */
	SEV_EMPTY_KEPT,		/* empty, kept: nr_partial < min_partial */
	SEV_DISCARD,		/* an empty slab went back to the buddies */
	SEV_LARGE,		/* kmalloc_large: pages, no cache */
	SEV_LARGE_FREE,
	SEV_GFP_FIXED,		/* kmalloc_fix_flags() dropped flags */
};

/* the page allocator */
enum buddy_state {			/* why a buddy did not merge */
	BUDDY_OUTSIDE_ZONE,
	BUDDY_RESERVED,
	BUDDY_OTHER_ORDER,		/* free, but a block of another order */
	BUDDY_IN_USE,
};
enum alloc_reserves {			/* what the slow path may dip into */
	RESERVES_NONE,
	RESERVES_ATOMIC,	/* ALLOC_NON_BLOCK | ALLOC_MIN_RESERVE */
	RESERVES_HIGH,			/* __GFP_HIGH */
};
/* Why a zone failed zone_watermark_ok(), in numbers. */
struct zone_wmark_fail {
	unsigned long nr_free;		/* the zone's free pages */
	unsigned long mark;		/* the watermark checked */
	long min;			/* mark less the reserves allowed */
	long reserve;			/* lowmem_reserve for the zone asked */
	unsigned order;
	int largest;			/* the largest free order, -1: none */
	int wmark;			/* WMARK_MIN, _LOW, _HIGH */
	bool atomic;			/* the reserves of an atomic allocation
					 * (else __GFP_HIGH's) */
};
struct zoneref;

/* address-space switches */
enum asid_how {
	ASID_FREE,		/* a free ASID (PCID slot) */
	ASID_REUSED,		/* the slot of another mm, taken over */
	ASID_CURRENT,		/* still this mm's, its entries good */
	ASID_STALE,		/* still this mm's, its tlb_gen old */
	ASID_KEPT,		/* the old ASID, kept for a new generation */
	ASID_ROLLOVER,		/* all used: a new generation */
};
enum idle_how {			/* the root <- swapper_pg_dir (or reserved) */
	IDLE_ROOT,		/* the root alone */
	IDLE_TAG0,		/* with tag 0 */
	IDLE_FLUSH,		/* non-global entries flushed */
};

/* VMAs */
enum mmap_placed {		/* where do_mmap() put a mapping */
	MMAP_FIXED,		/* at the MAP_FIXED address */
	MMAP_HINT,		/* at the hint */
	MMAP_HINT_TAKEN,	/* top-down: the hint was taken */
	MMAP_TOPDOWN,		/* top-down below mmap_base (no hint) */
};
enum brk_how {
	BRK_SAME_PAGE,		/* the break moves within its page */
	BRK_SHRINK,		/* [start, end) unmapped */
	BRK_GROW,		/* [start, end) mapped */
};

/* a debugger's read (src/hw/peek.c): where the bytes came from */
enum peek_how {
	PEEK_MAPPED,		/* through the tables: nothing to say */
	PEEK_ACCESS_FLAG,	/* mapped with the access flag clear */
	PEEK_OLD,		/* mapped by Linux's PTE, old */
	PEEK_SWAPPER,		/* through swapper_pg_dir (init_mm) */
	PEEK_ANON,		/* not faulted in: anonymous, zeros */
	PEEK_PAGE_CACHE,	/* not faulted in: the page cache of path */
	PEEK_FILE,		/* not faulted in: path, not cached */
	PEEK_PROT_NONE,		/* present to Linux, not to the MMU */
	PEEK_HIDDEN,		/* the same, not PROT_NONE */
};

/* page faults */
enum pte_fault_how {		/* handle_pte_fault() found the PTE */
	PTE_NONE,
	PTE_NOT_PRESENT,	/* and not a page */
	PTE_PRESENT,
};
enum do_fault_how {		/* a file page: do_fault() */
	FAULT_READ,		/* do_read_fault() */
	FAULT_COW,		/* do_cow_fault(): a write, private */
	FAULT_SHARED,		/* do_shared_fault(): a write, shared */
};
enum filemap_how {
	FILEMAP_BEYOND_EOF,	/* SIGBUS */
	FILEMAP_CACHED,		/* in the page cache: a minor fault */
	FILEMAP_READ,		/* read into a new page: a major fault */
};
enum wp_how {			/* do_wp_page() */
	WP_PFN_SHARED,		/* no struct page, shared: made writable */
	WP_SHARED,		/* wp_page_shared: made writable */
	WP_REUSE,		/* anonymous, one reference: wp_page_reuse */
	WP_COPY_NOPAGE,		/* no struct page, not RAM: a zeroed page */
	WP_COPY_ZERO,		/* the zero page: a zeroed page */
	WP_COPY_ANON,		/* anonymous and shared: copy on write */
	WP_COPY_FILE,		/* a page cache page: copy on write */
};
enum set_pte_why {		/* what set_pte_at() installs, and why */
	SETPTE_PLAIN,		/* nothing to add */
	SETPTE_ZERO_PAGE,	/* the zero page */
	SETPTE_MKWRITE_MKDIRTY,	/* a new anonymous page, written */
	SETPTE_READ_ONLY,	/* a file page of a writable VMA */
	SETPTE_PRIVATE_COPY,	/* the private copy of a file page */
	SETPTE_SHARED_FILE,	/* the page cache page, written */
	SETPTE_NEW_PAGE,	/* wp_page_copy's page */
};
/*
 * A PTE's value; with linux_pte (Linux keeps its own PTE beside the
 * hardware one, as on arm) the Linux view decoded and the hardware entry
 */
struct trace_pte {
	u64 val;
	u64 hw;
	bool linux_pte;
	bool present, young, dirty, write, user, exec, special;
};
#endif

/*
 * The page allocator (src/mm/page_alloc.c)
 */
/*
 * alloc_pages_node(): the zone gfp asks for and the zonelist tried
 * (zonerefs: the node's, built at boot and never changed)
 */
TRACE_EVENT(alloc_pages,
	gfp_t gfp;
	unsigned order;
	const char *high_zone;
	int high_zoneidx, nid;
	const struct zoneref *zonerefs;
)
TRACE_EVENT(zone_wmark_fail,
	const char *zone;
	int node;
	struct zone_wmark_fail w;
)
TRACE_EVENT(alloc_slowpath,
	bool kswapd;			/* __GFP_KSWAPD_RECLAIM: wake kswapd */
	enum alloc_reserves reserves;
)
TRACE_EVENT(warn_alloc,
	unsigned order;
	gfp_t gfp;
)
/* __rmqueue_smallest(): block pfn of free_area[area] for order */
TRACE_EVENT(rmqueue_smallest,
	const char *zone;
	unsigned area, order;
	u64 pfn;
)
/* expand(): the block of order at pfn split; its upper half freed */
TRACE_EVENT(expand,
	unsigned order;
	u64 pfn, upper_pfn;
)
TRACE_EVENT(free_one_page,
	unsigned order;
	u64 pfn;
	const char *zone;
	int node;
)
TRACE_EVENT(buddy_no_merge,
	unsigned order;
	u64 buddy_pfn;
	enum buddy_state why;
)
/* the buddy of order at buddy_pfn merged: a block of order + 1 at pfn */
TRACE_EVENT(buddy_merge,
	unsigned order;
	u64 buddy_pfn, pfn;
)
TRACE_EVENT(add_to_free_list,
	unsigned order;
	u64 pfn;
	const char *zone;
	bool to_tail;
	unsigned long nr_free;		/* blocks on the list, after */
)
/* __free_pages() of a page someone else still holds */
TRACE_EVENT(free_pages_refcount,
	int refcount;
	bool compound;
)

/*
 * SLUB (src/mm/slub.c)
 */
/* ___slab_alloc(): no partial slab on node: a new slab */
TRACE_EVENT(slab_alloc_new,
	const char *cache;
	int node;
	unsigned order, objects;
)
/* in the slab allocator's own buffer: what one call did to the slabs */
TRACE_EVENT(slab,
	enum slab_event_kind kind;
	char cache[48];			/* the cache's name ("": none) */
	unsigned long min_partial;
	unsigned objects;		/* objects of the slab */
	u64 pfn;
	unsigned order;
	int node, cpu;
	unsigned long nr_partial;	/* the node's, after the event; for
					 * SEV_EMPTY_KEPT: when checked */
	gfp_t gfp;			/* SEV_NEW_SLAB: what alloc_pages got */
)

/*
 * vmalloc (src/mm/vmalloc.c)
 */
/* alloc_vmap_area(): the lowest fit for size in [vstart, vend) */
TRACE_EVENT(alloc_vmap_area,
	u64 size, align, vstart, vend, addr;
)
/* no room for size: the lazily freed areas are purged, then a retry */
TRACE_EVENT(alloc_vmap_area_full,
	u64 size;
)
TRACE_EVENT(purge_vmap_area_lazy,
	u64 areas, pages, start, end;
)
TRACE_EVENT(vmap_pages_range,
	u64 start, end;
	unsigned nr_pages;
)
/* __vmalloc_area_node(): the pages array, kmalloc'ed or vmalloc'ed */
TRACE_EVENT(vmalloc_pages_array,
	u64 bytes, va;
	bool vmalloced;
)
TRACE_EVENT(remove_vm_area,
	u64 addr, pages;
)
TRACE_EVENT(vmap_lazy_drain,
	u64 lazy_nr, lazy_max;
)
TRACE_EVENT(preallocate_vmalloc_pages,
	long entries;
)

/*
 * highmem (src/mm/highmem.c)
 */
TRACE_EVENT(flush_all_zero_pkmaps,
	unsigned slots;			/* slots unmapped */
)
/* map_new_virtual(): the scan wrapped to slot 0 */
TRACE_EVENT(pkmap_wrap,
)
TRACE_EVENT(map_new_virtual,
	unsigned slot;
	u64 va, pfn;
)
/* kmap_high(): the page has a pkmap address already */
TRACE_EVENT(kmap_high_mapped,
	u64 pfn, va;
)
TRACE_EVENT(kunmap_high,
	int slot, count;		/* pkmap_count[slot], after */
)
/*
 * local: kmap_local (5.11+: the slot's pte is cleared and flushed at
 * unmap), else the older kmap_atomic (the pte stays, flushed at map)
 */
TRACE_EVENT(kmap_atomic,
	int cpu, slot;
	unsigned fix;
	u64 va, pfn;
	bool local;
)
TRACE_EVENT(kunmap_atomic,
	int cpu, slot;
	u64 va;
	bool local;
)

/*
 * ioremap and DMA (src/mm/ioremap.c, dma.c)
 */
/* fn: the function of the cache mode; max_shift: the largest leaf */
TRACE_EVENT(ioremap_page_range,
	u64 start, end, phys;
	const char *fn;
	unsigned max_shift;
)
/* __dma_alloc_buffer(): a block of order split, the pages past freed */
TRACE_EVENT(dma_alloc_buffer,
	unsigned order, freed;
)
/* __dma_alloc_remap(): from the top of [start, end), ptes mapped */
TRACE_EVENT(dma_alloc_remap,
	u64 start, end, va, align;
	unsigned ptes;
)
/* dma_coherent_ok() refused pfn: freed, a lower zone is tried */
TRACE_EVENT(dma_coherent_retry,
	u64 pfn, mask;
)

/*
 * TLB maintenance (src/mm/tlbflush.c)
 */
TRACE_EVENT(flush_tlb_all,
	int cpus;
)
/* full: more than ceiling pages, the whole TLB instead */
TRACE_EVENT(flush_tlb_kernel_range,
	u64 start, end, pages;
	int cpus, ceiling;
	bool full;
)
TRACE_EVENT(flush_tlb_page,
	u64 va;
	unsigned asid;
	int cpus;
)
TRACE_EVENT(flush_tlb_range,
	u64 start, end, pages;
	unsigned asid;
	int ceiling;
	bool full;
)
TRACE_EVENT(flush_tlb_mm,
	unsigned asid;
)

/*
 * User page tables (src/mm/memory.c); lvl, parent: levels (LVL_*)
 */
/* __pte_alloc() and its kin: a new lvl table linked from parent[index] */
TRACE_EVENT(pgtable_alloc,
	int lvl, parent;
	u64 table, start, end, index;
)
/* free_pgtables(): a lvl table freed, parent[first..last] cleared */
TRACE_EVENT(free_pgtables,
	int lvl, parent;
	u64 table, start, end, first, last;
)
/* pgd_alloc(): the pgd a slab object (size bytes at va) */
TRACE_EVENT(pgd_alloc_slab,
	u64 size, va;
)
/*
 * pgd_alloc(): entries first..last (the kernel's, from kernel_start)
 * copied from swapper_pg_dir; user_only: first entries, all empty;
 * user_pgd: with PTI, the user pgd (0: none), whose kernel entries come
 * from swapper_pg_dir's user half
 */
TRACE_EVENT(pgd_alloc,
	u64 pgd, first, last, kernel_start, user_pgd;
	bool user_only;
)
/* own_kernel: the kernel's pmds copied, not shared (PTI) */
TRACE_EVENT(pgd_prepopulate_pmd,
	u64 pmds;
	bool own_kernel;
)
/* zap_pte_range(): pte at epa maps a pfn without a struct page */
TRACE_EVENT(zap_pte_nopage,
	u64 pte, epa, pfn;
)
/* ptes cleared, anon and file pages released */
TRACE_EVENT(zap_page_range,
	u64 start, end, ptes, anon, file;
)
TRACE_EVENT(change_protection,
	u64 start, end, ptes;
)

/*
 * Page faults (src/mm/memory.c)
 */
/*
 * The CPU's report: addr the fault address, code what the arch's
 * fault_code says of it, acc the access (ACC_*); the arch's words
 * (struct arch_words) say how they read
 */
TRACE_EVENT(page_fault,
	u64 addr, code;
	unsigned acc;
)
TRACE_EVENT(pgtable_bad,
)
TRACE_EVENT(no_context,
)
/*
 * vmalloc_fault(): the lvl entry for addr copied from swapper_pg_dir
 * (ref, at ref_epa) into the pgd at root (pair: both words of an arm
 * pmd pair); missing: swapper_pg_dir has none either
 */
TRACE_EVENT(vmalloc_fault,
	u64 addr, root, ref_epa, ref;
	int lvl;
	bool pair, missing;
)
TRACE_EVENT(fault_no_process,
	int cpu;
)
/* find_vma(addr): the VMA [start, end), when found */
TRACE_EVENT(find_vma,
	u64 addr;
	bool found;
	u64 start, end;
	unsigned long flags;
	const char *name;
)
TRACE_EVENT(expand_stack_refused,
	const char *why;
)
/* access_error() found nothing wrong with an access acc to the VMA */
TRACE_EVENT(access_ok,
	unsigned acc;
	unsigned long flags;
)
/* bad_area(): SIGSEGV, SEGV_MAPERR or (else) SEGV_ACCERR */
TRACE_EVENT(bad_area,
	const char *why;
	bool maperr;
	int pid;
	const char *comm;
)
TRACE_EVENT(do_sigbus,
	int pid;
	const char *comm;
)
TRACE_EVENT(fault_done,
	bool major;
	int pid;
	u64 min_flt, maj_flt;
)
TRACE_EVENT(handle_mm_fault_oom,
	const char *why;
)
TRACE_EVENT(handle_pte_fault,
	enum pte_fault_how how;
	u64 epa;
	struct trace_pte pte;
	u64 pfn;
)
/* a read maps the zero page (zero_pfn); a write gets a page */
TRACE_EVENT(do_anonymous_page,
	bool write;
	u64 zero_pfn;
)
TRACE_EVENT(anon_vma_prepare,
)
TRACE_EVENT(do_fault,
	enum do_fault_how how;
	u64 pgoff;
	const char *path;
)
/* size: the file's (FILEMAP_BEYOND_EOF), else the bytes read */
TRACE_EVENT(filemap_fault,
	enum filemap_how how;
	u64 pgoff;
	const char *path;
	u64 size, offset, pfn;
)
/* count, mapcount: WP_COPY_ANON's page; path: WP_COPY_FILE's file */
TRACE_EVENT(do_wp_page,
	enum wp_how how;
	u64 pfn;
	int count, mapcount;
	const char *path;
)
/* page_cache: the page stays clean in the page cache */
TRACE_EVENT(copy_user_highpage,
	u64 from, to;
	bool page_cache;
)
/* the old page after wp_page_copy: page_remove_rmap + put_page */
TRACE_EVENT(wp_page_copy_put,
	u64 pfn;
	int count, mapcount;
)
/* a user page for a fault: alloc_pages(GFP_HIGHUSER_MOVABLE[|__GFP_ZERO]) */
TRACE_EVENT(fault_alloc_page,
	bool zero, failed;
	u64 pfn;
	const char *why;
)
TRACE_EVENT(set_pte_at,
	u64 epa, old;
	struct trace_pte pte;
	enum set_pte_why why;
)
/* present and allowed: pte_mkyoung (and pte_mkdirty for a write) */
TRACE_EVENT(pte_mkyoung,
	bool write;
)
/* the PTE allows the access already: a stale TLB entry */
TRACE_EVENT(spurious_fault,
)
/* get_user_pages(): the page at addr faulted in for the kernel */
TRACE_EVENT(get_user_pages,
	u64 addr;
	bool write;
)

/*
 * VMAs (src/mm/mmap.c); flags are vm_flags
 */
/* do_mmap(): [start, end) placed; file: a file mapping (else anonymous) */
TRACE_EVENT(do_mmap,
	u64 start, end;
	unsigned long flags;
	bool file;
	enum mmap_placed placed;
)
TRACE_EVENT(mmap_region,
	u64 start, end;
	unsigned long flags;
	bool file;
	const char *path;
)
/* vma_merge(): [start, end) joins [prev_start, prev_end) */
TRACE_EVENT(vma_merge,
	u64 start, end;
	unsigned long flags;
	u64 prev_start, prev_end;
)
TRACE_EVENT(split_vma,
	u64 start, end;
	unsigned long flags;
	u64 addr;
)
/* do_munmap(): the VMA [start, end) removed */
TRACE_EVENT(do_munmap,
	u64 start, end;
	unsigned long flags;
	bool file;
	const char *path;
)
TRACE_EVENT(do_munmap_none,
	u64 start, end;
)
TRACE_EVENT(mprotect_fixup,
	u64 start, end;
	unsigned long flags, newflags;
)
/* grow: the VMA [start, end) grows to new_end, else a new VMA */
TRACE_EVENT(do_brk_flags,
	u64 start, end, new_end;
	unsigned long flags;
	bool grow;
)
/* brk(): the break from old to brk; [start, end) unmapped or mapped */
TRACE_EVENT(brk,
	enum brk_how how;
	u64 old, brk, start, end;
)
TRACE_EVENT(expand_stack,
	u64 old_start, start, size, rlimit;
)

/*
 * exec (src/mm/exec.c)
 */
TRACE_EVENT(exec,
	const char *path;
	int pid;
	u16 type, machine;		/* the ELF header's e_type, e_machine */
)
/*
 * PT_INTERP names a file that cannot be used: not mapped, the entry is
 * the program's own; err: the errno Linux would fail the exec with
 */
TRACE_EVENT(interp_unusable,
	const char *interp;
	const char *why;		/* the error opening or reading it */
	int err;
	bool bad_elf;			/* opened, but not a usable ELF */
)
TRACE_EVENT(exec_mm_alloc,
	u64 task_size, stack_top, mmap_base;
)
TRACE_EVENT(setup_arg_pages,
	u64 start, end;
	bool exec_stack;		/* no PT_GNU_STACK, or PF_X in it */
)
/*
 * An ET_DYN's load_bias: interp, from ELF_ET_DYN_BASE (base) aligned to
 * align; else placed like an mmap; layout: at base, as exec --layout says
 */
TRACE_EVENT(load_bias,
	u64 base, align;
	bool interp, layout;
)
TRACE_EVENT(elf_map,
	int phdr;			/* its index in the program headers */
	unsigned prot;			/* PROT_* */
	u64 offset, filesz, addr, memsz;
)
TRACE_EVENT(set_brk,
	u64 start, end;
)
TRACE_EVENT(padzero,
	u64 addr, len;
)
TRACE_EVENT(load_elf_interp,
	const char *path;
)
TRACE_EVENT(create_elf_tables,
	int argc;
	u64 argv, envp, auxv;
	int nauxv;
	u64 sp;
)
TRACE_EVENT(start_thread,
	u64 pc, sp, brk;
)

/*
 * fork and exit (src/mm/fork.c)
 */
TRACE_EVENT(copy_process,
	int pid, ppid;
	const char *comm;
)
/*
 * copy_page_range(): copied PTEs, wrprotected made read-only in both;
 * zero: zero-page PTEs shared; nopage: PTEs of pfns without a struct page
 */
TRACE_EVENT(copy_page_range,
	u64 start, end, copied, wrprotected, zero, nopage;
)
TRACE_EVENT(dup_mmap,
	int vmas;
)
TRACE_EVENT(do_exit,
	int pid;
	const char *comm;
)

/*
 * Address-space switches (src/mm/context.c and the arch's context code)
 */
TRACE_EVENT(switch_to_running,
	int cpu, pid;
)
TRACE_EVENT(switch_mm_same,
	int cpu;
)
/*
 * choose_new_asid(): the mm's ASID slot on cpu, tag the hardware's tag of
 * it; ctx_id is the mm's, or the slot's old owner's
 */
TRACE_EVENT(choose_new_asid,
	int cpu;
	unsigned asid, tag;
	enum asid_how how;
	u64 ctx_id;
)
/* new_context(): for ASID_ROLLOVER, asid is the number of ASIDs */
TRACE_EVENT(new_context,
	enum asid_how how;
	u64 asid, generation;
)
/* check_and_switch_context(): the ASID is of the current generation */
TRACE_EVENT(check_and_switch_context,
	int cpu;
	unsigned asid;
)
/*
 * The root register of cpu loaded with pgd: tagged, with tag (its entries
 * flushed or not); else the non-global entries dropped (and the global
 * ones kept)
 */
TRACE_EVENT(load_root,
	int cpu;
	u64 pgd;
	bool tagged, flush;
	unsigned tag;
	unsigned dropped, kept;
)
/*
 * PTI without PCID: a user-mode fault's entry to the kernel and its return
 * each load the root (the kernel pgd, then the user pgd at pgd): the
 * non-global TLB entries are dropped, the global ones kept
 */
TRACE_EVENT(pti_user_return,
	int cpu;
	u64 pgd;
	unsigned dropped, kept;
)
TRACE_EVENT(switch_to_idle,
	int cpu;
	enum idle_how how;
	bool reserved;			/* reserved_pg_dir */
)

/*
 * A debugger's read (src/hw/peek.c): pages start..end (inclusive) read
 * the same way
 */
TRACE_EVENT(peek,
	u64 start, end;
	enum peek_how how;
	const char *path;
)
