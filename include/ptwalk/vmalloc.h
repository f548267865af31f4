/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The vmalloc area (mm/vmalloc.c, include/linux/vmalloc.h): virtually
 * contiguous kernel memory built from single pages mapped one by one into
 * swapper_pg_dir (init_mm).  Every area has a struct vm_struct and a
 * struct vmap_area; ioremap, vmap, module_alloc and the arm 5.x DMA
 * remapping use the same areas.
 *
 *   u64 va = vmalloc(m, 1000000, "cmd_vmalloc", &e);    (0: failed, e says why)
 *   struct vm_struct *vm = find_vm_area(m, va);
 *   vfree(m, va, &e);
 *
 * Modelled: Linux 6.1's placement (alloc_vmap_area: the lowest free gap
 * of [start, end) that fits size + the guard page at the alignment), the
 * guard page (VM_NO_GUARD aside), pages from the buddy allocator one at a
 * time with GFP_KERNEL | __GFP_HIGHMEM, the pages array (kmalloc'ed up to
 * a page, else itself vmalloc'ed: "vpages"), the lazy TLB flush of freed
 * areas (the range is unmapped at once and the pages go back to the buddy
 * allocator, but the address range stays reserved and the TLB unflushed
 * until purge_vmap_area_lazy(): when more than lazy_max_pages() are
 * waiting, or when an allocation finds no room).
 * sim: vm_struct and vmap_area live in host memory, not in simulated RAM
 * (the pages array is in simulated RAM, kmalloc'ed or vmalloc'ed); the
 * augmented free-space tree is a sorted list (same placement, O(n)).
 */
#ifndef PTWALK_VMALLOC_H
#define PTWALK_VMALLOC_H

#include "gfp.h"
#include "kernel.h"
#include "machine.h"

struct page;
struct strbuf;

/* include/linux/vmalloc.h (6.1) */
#define VM_IOREMAP		0x00000001
#define VM_ALLOC		0x00000002
#define VM_MAP			0x00000004
#define VM_USERMAP		0x00000008
#define VM_DMA_COHERENT		0x00000010
#define VM_UNINITIALIZED	0x00000020
#define VM_NO_GUARD		0x00000040
#define VM_KASAN		0x00000080
#define VM_FLUSH_RESET_PERMS	0x00000100
#define VM_MAP_PUT_PAGES	0x00000200
#define VM_ALLOW_HUGE_VMAP	0x00000400
#define VM_DEFER_KMEMLEAK	0x00000800

/* sim: what an area is for, for whatis, layout and error messages */
enum vm_kind {
	VMK_VMALLOC,		/* vmalloc, vzalloc */
	VMK_PAGES_ARRAY,	/* the vmalloc'ed pages array of an area */
	VMK_IOREMAP,
	VMK_VMAP,
	VMK_MODULE,		/* module_alloc */
	VMK_DMA,		/* dma_alloc_coherent remapping */
	VMK_KERNEL,		/* arm64: the kernel image segments */
	NR_VM_KINDS
};
extern const char *const vm_kind_names[NR_VM_KINDS];
/* The owner tag of the pages an area maps (page_alloc.h). */
struct page_owner_type;
extern const struct page_owner_type page_owner_vmalloc;

struct vm_struct {
	struct vm_struct *next;		/* the next live area by address */
	u64 addr;
	u64 size;			/* with the guard page */
	unsigned long flags;		/* VM_* */
	struct page **pages;
	unsigned nr_pages;
	u64 phys_addr;			/* ioremap: the physical base */
	const char *caller;		/* symbol of the caller (static) */
	/* sim */
	enum vm_kind kind;
	pgprot_t prot;
	unsigned page_shift;		/* leaf size (ioremap may use huge) */
	u64 pages_va;			/* the pages array in simulated memory
					 * (kmalloc or vmalloc; 0: none) */
	struct vm_struct *pages_area;	/* vpages: the area holding it */
	void *owner;			/* the module, DMA buffer ... */
	char name[56];			/* module name, device ... */
};

struct vmap_area {
	u64 va_start, va_end;
	struct vm_struct *vm;		/* NULL: freed, waiting for the purge */
	struct vmap_area *next;		/* by address, busy and lazy alike */
};

struct vmalloc_state {
	struct vmap_area *areas;	/* sorted by va_start */
	struct vm_struct *vmlist;	/* live areas by address */
	u64 vmap_lazy_nr;		/* pages waiting for the purge */
	u64 nr_purges;
	u64 nr_vmalloc_pages;
};

int vmalloc_init(struct machine *m, struct error *e);
void vmalloc_release(struct machine *m);

static inline struct vmalloc_state *
vmalloc_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->vm : NULL;
}

/* 32 MiB per fls(CPUs) of lazily freed areas before a purge. */
u64 lazy_max_pages(const struct machine *m);

/*
 * Reserve an area (get_vm_area_caller / __get_vm_area_node): size is
 * rounded up to pages, the guard page added unless VM_NO_GUARD; VM_IOREMAP
 * aligns as Linux does (up to IOREMAP_MAX_ORDER).  Nothing is mapped.
 */
struct vm_struct *__get_vm_area_caller(struct machine *m, u64 size,
				       unsigned long flags, u64 align,
				       u64 start, u64 end, const char *caller,
				       struct error *e);
/* The usable size: without the guard page (get_vm_area_size). */
static inline u64
get_vm_area_size(const struct vm_struct *vm)
{
	return (vm->flags & VM_NO_GUARD) ? vm->size : vm->size - PAGE_SIZE;
}

/*
 * __vmalloc_node_range: an area in [start, end) with its pages from the
 * buddy allocator, mapped with prot.  Returns the address (0 on failure:
 * nothing changed but page tables the attempt created).
 */
u64 __vmalloc_node_range(struct machine *m, u64 size, u64 align, u64 start,
			 u64 end, gfp_t gfp, pgprot_t prot,
			 unsigned long vm_flags, const char *caller,
			 enum vm_kind kind, struct error *e);
u64 vmalloc(struct machine *m, u64 size, const char *caller, struct error *e);
u64 vzalloc(struct machine *m, u64 size, const char *caller, struct error *e);
/*
 * vfree / vunmap: addr must be the start of a live area (of the right
 * kind: the message names the allocator that owns any other address).
 */
int vfree(struct machine *m, u64 addr, struct error *e);
int vunmap(struct machine *m, u64 addr, struct error *e);
/* vmap: map count given pages in a VM_MAP (or flags) area. */
u64 vmap(struct machine *m, struct page **pages, unsigned count,
	 unsigned long flags, pgprot_t prot, const char *caller,
	 enum vm_kind kind, struct error *e);
/*
 * Map [addr, addr + size) of an area to phys (ioremap_page_range): the
 * largest leaves up to max_shift the alignment allows.
 */
int vmap_phys_range(struct machine *m, struct vm_struct *vm, u64 phys,
		    u64 size, unsigned max_shift, pgprot_t prot,
		    struct error *e);
/* Unmap and forget an area without freeing its pages (remove_vm_area). */
struct vm_struct *remove_vm_area(struct machine *m, u64 addr);
/* Free a vm_struct remove_vm_area returned (its pages array too). */
void free_vm_struct(struct machine *m, struct vm_struct *vm);

/* The live area starting at addr (find_vm_area), or NULL. */
struct vm_struct *find_vm_area(const struct machine *m, u64 addr);
/*
 * sim: the vmap_area covering addr with its guard page (busy or lazily
 * freed), or NULL.
 */
struct vmap_area *vmap_area_at(const struct machine *m, u64 addr);
bool is_vmalloc_addr(const struct machine *m, u64 addr);
struct page *vmalloc_to_page(struct machine *m, u64 addr);
/* Flush and release every lazily freed area (__purge_vmap_area_lazy). */
void purge_vmap_area_lazy(struct machine *m);

#endif
