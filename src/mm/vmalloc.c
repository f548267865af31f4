// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The vmalloc area (cf. mm/vmalloc.c, Linux 6.1): vmap_area placement,
 * vm_struct, page-by-page allocation and mapping, lazy purge.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/log2.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/progress.h"
#include "ptwalk/slab.h"
#include "ptwalk/tlbflush.h"
#include "ptwalk/vmalloc.h"

const char *const vm_kind_names[NR_VM_KINDS] = {
	[VMK_VMALLOC] = "vmalloc",
	[VMK_PAGES_ARRAY] = "vmalloc (pages array)",
	[VMK_IOREMAP] = "ioremap",
	[VMK_VMAP] = "vmap",
	[VMK_MODULE] = "module_alloc",
	[VMK_DMA] = "dma_alloc_coherent",
	[VMK_KERNEL] = "kernel image",
};

static void vm_page_describe(struct machine *m, const struct page *page,
			     struct strbuf *sb);

/* The owner tag of every page an area maps (page_set_owner). */
const struct page_owner_type page_owner_vmalloc = {
	"vmalloc", vm_page_describe
};

static unsigned
ptr_size(const struct machine *m)
{
	return m->arch->is64 ? 8 : 4;
}

u64
lazy_max_pages(const struct machine *m)
{
	/* fls(num_online_cpus()) * 32M of pages */
	return (u64)fls64((u64)m->ncpus) * (32 * MiB / PAGE_SIZE);
}

/*
 * The vmap_area list: busy areas and lazily freed ones, by address.
 */

static struct vmap_area *
insert_vmap_area(struct vmalloc_state *vs, u64 start, u64 end)
{
	struct vmap_area **pp = &vs->areas, *va;

	while (*pp != NULL && (*pp)->va_start < start)
		pp = &(*pp)->next;
	va = xcalloc(1, sizeof(*va));
	va->va_start = start;
	va->va_end = end;
	va->next = *pp;
	*pp = va;
	return va;
}

static void
unlink_vmap_area(struct vmalloc_state *vs, struct vmap_area *va)
{
	struct vmap_area **pp = &vs->areas;

	while (*pp != NULL && *pp != va)
		pp = &(*pp)->next;
	if (*pp != NULL)
		*pp = va->next;
	free(va);
}

/* Rebuild vm->next (the live areas by address). */
static void
relink_vmlist(struct vmalloc_state *vs)
{
	struct vm_struct **tail = &vs->vmlist;
	struct vmap_area *va;

	for (va = vs->areas; va != NULL; va = va->next)
		if (va->vm != NULL) {
			*tail = va->vm;
			tail = &va->vm->next;
		}
	*tail = NULL;
}

/*
 * The lowest address in [vstart, vend) where size bytes fit at align
 * (find_vmap_lowest_match); 0 when none.
 */
static u64
find_lowest_match(const struct vmalloc_state *vs, u64 size, u64 align,
		  u64 vstart, u64 vend)
{
	const struct vmap_area *va;
	u64 addr = ALIGN_UP(vstart, align);

	if (addr < vstart)
		return 0;
	for (va = vs->areas; va != NULL; va = va->next) {
		if (va->va_end <= addr)
			continue;
		if (addr + size <= va->va_start && addr + size > addr)
			break;
		addr = ALIGN_UP(va->va_end, align);
		if (addr < va->va_end || addr >= vend)
			return 0;
	}
	if (addr + size < addr || addr + size > vend)
		return 0;
	return addr;
}

void
purge_vmap_area_lazy(struct machine *m)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va, *next;
	u64 start = ~0ULL, end = 0, n = 0;

	for (va = vs->areas; va != NULL; va = va->next)
		if (va->vm == NULL) {
			start = MIN(start, va->va_start);
			end = MAX(end, va->va_end);
			n++;
		}
	if (n == 0)
		return;
	trace_event(m, purge_vmap_area_lazy, .areas = n,
		    .pages = vs->vmap_lazy_nr, .start = start, .end = end);
	flush_tlb_kernel_range(m, start, end);
	for (va = vs->areas; va != NULL; va = next) {
		next = va->next;
		if (va->vm == NULL)
			unlink_vmap_area(vs, va);
	}
	vs->vmap_lazy_nr = 0;
	vs->nr_purges++;
}

/* alloc_vmap_area: place, purging the lazy areas once when full. */
static struct vmap_area *
alloc_vmap_area(struct machine *m, u64 size, u64 align, u64 vstart, u64 vend,
		struct error *e)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	u64 addr = find_lowest_match(vs, size, align, vstart, vend);
	char buf[32];

	if (addr == 0 && vs->vmap_lazy_nr) {
		trace_event(m, alloc_vmap_area_full, .size = size);
		purge_vmap_area_lazy(m);
		addr = find_lowest_match(vs, size, align, vstart, vend);
	}
	if (addr == 0) {
		fmt_size(buf, sizeof(buf), size);
		return error_set(e, -ENOMEM, "vmap allocation for size %llu "
				 "(%s with the guard page) failed: no free gap "
				 "in 0x%llx-0x%llx%s",
				 (unsigned long long)size, buf,
				 (unsigned long long)vstart,
				 (unsigned long long)vend,
				 vstart == m->lay.vmalloc_start ?
				 " (use vmalloc=<size> to increase size)" : ""),
			NULL;
	}
	trace_event(m, alloc_vmap_area, .size = size, .align = align,
		    .vstart = vstart, .vend = vend, .addr = addr);
	return insert_vmap_area(vs, addr, addr + size);
}

struct vm_struct *
__get_vm_area_caller(struct machine *m, u64 size, unsigned long flags,
		     u64 align, u64 start, u64 end, const char *caller,
		     struct error *e)
{
	struct vmap_area *va;
	struct vm_struct *vm;
	u64 real;

	if (size == 0)
		return error_set(e, -EINVAL, "size 0: there is nothing to "
				 "map"), NULL;
	if (align_up_overflows(size, PAGE_SIZE))
		return error_set(e, -ENOMEM, "vmap allocation for size %llu "
				 "failed: larger than the whole range "
				 "0x%llx-0x%llx",
				 (unsigned long long)size,
				 (unsigned long long)start,
				 (unsigned long long)end), NULL;
	size = ALIGN_UP(size, PAGE_SIZE);
	if (flags & VM_IOREMAP) {
		int o = get_count_order(size);

		o = MAX(o, PAGE_SHIFT);
		o = MIN(o, (int)m->arch->mm->ioremap_max_order(m));
		align = 1ULL << o;
	}
	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	real = size + ((flags & VM_NO_GUARD) ? 0 : PAGE_SIZE);
	if (real < size || real > end - start)
		return error_set(e, -ENOMEM, "vmap allocation for size %llu "
				 "failed: larger than the whole range "
				 "0x%llx-0x%llx", (unsigned long long)real,
				 (unsigned long long)start,
				 (unsigned long long)end), NULL;
	va = alloc_vmap_area(m, real, align, start, end, e);
	if (va == NULL)
		return NULL;
	vm = xcalloc(1, sizeof(*vm));
	vm->addr = va->va_start;
	vm->size = real;
	vm->flags = flags;
	vm->caller = caller;
	vm->page_shift = PAGE_SHIFT;
	va->vm = vm;
	relink_vmlist(vmalloc_of(m));
	return vm;
}

/* Drop an area that never went live: no flush, no lazy list. */
static void
drop_area(struct machine *m, struct vm_struct *vm)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va = vmap_area_at(m, vm->addr);

	if (va != NULL && va->vm == vm)
		unlink_vmap_area(vs, va);
	relink_vmlist(vs);
	free(vm->pages);
	free(vm);
}

static u64
kernel_root(const struct machine *m)
{
	return m->swapper_pg_dir;
}

/* Unmap [addr, addr + size) leaf by leaf (vunmap_range_noflush). */
static void
unmap_range(struct machine *m, u64 addr, u64 size)
{
	u64 a = addr, end = addr + size;

	while (a < end) {
		unsigned shift;

		pgtable_clear_leaf(m, kernel_root(m), a, &shift);
		if (shift == 0)
			shift = PAGE_SHIFT;
		a = ALIGN_DOWN(a, 1ULL << shift) + (1ULL << shift);
	}
}

/* Map the pages of an area one PTE each (vmap_pages_range). */
static int
map_pages(struct machine *m, struct vm_struct *vm, struct error *e)
{
	unsigned i;

	for (i = 0; i < vm->nr_pages; i++) {
		u64 va = vm->addr + (u64)i * PAGE_SIZE;
		u64 pa = page_to_phys(m, vm->pages[i]);

		if (pgtable_map(m, kernel_root(m), va, pa, PAGE_SIZE,
				PAGE_SHIFT, vm->prot, e)) {
			unmap_range(m, vm->addr, (u64)i * PAGE_SIZE);
			return e ? e->code : -ENOMEM;
		}
	}
	trace_event(m, vmap_pages_range, .start = vm->addr,
		    .end = vm->addr + (u64)vm->nr_pages * PAGE_SIZE,
		    .nr_pages = vm->nr_pages);
	return 0;
}

static void
free_area_pages(struct machine *m, struct vm_struct *vm, unsigned n)
{
	struct progress pg;
	unsigned i;

	progress_begin(&pg, "vfree", "pages", n, 0);
	for (i = 0; i < n; i++) {
		struct page *p = vm->pages[i];

		progress_add(&pg, 1);	/* freeing cannot stop half-way */

		page_set_owner(p, NULL, NULL);
		if (vm->kind == VMK_VMALLOC || vm->kind == VMK_PAGES_ARRAY ||
		    vm->kind == VMK_MODULE)
			mod_node_page_state(page_zone(m, p)->zone_pgdat,
					    NR_VMALLOC, -1);
		__free_pages(m, p, 0, NULL);
	}
	progress_end(&pg);
}

static void release_area(struct machine *m, struct vm_struct *vm);

/* kvfree(area->pages) */
static void
free_pages_array(struct machine *m, struct vm_struct *vm)
{
	if (vm->pages_area != NULL)
		release_area(m, vm->pages_area);
	else if (vm->pages_va != 0)
		kfree(m, vm->pages_va, NULL);
	vm->pages_area = NULL;
	vm->pages_va = 0;
}

/* Store the pages array where Linux keeps it: kmalloc'ed or vmalloc'ed. */
static void
write_pages_array(struct machine *m, struct vm_struct *vm)
{
	struct vm_struct *arr = vm->pages_area;
	unsigned i, ps = ptr_size(m);

	if (arr == NULL && vm->pages_va != 0) {
		u64 pa;

		if (machine_pa(m, vm->pages_va, &pa, NULL))
			return;
		for (i = 0; i < vm->nr_pages; i++)
			phys_write_entry(&m->phys, pa + (u64)i * ps, ps,
					 sim_page_va(m, vm->pages[i]));
		return;
	}
	if (arr == NULL)
		return;
	for (i = 0; i < vm->nr_pages; i++) {
		u64 off = (u64)i * ps;
		struct page *p = arr->pages[off >> PAGE_SHIFT];
		u64 pa = page_to_phys(m, p) + (off & (PAGE_SIZE - 1));

		phys_write_entry(&m->phys, pa, ps,
				 sim_page_va(m, vm->pages[i]));
	}
}

u64
__vmalloc_node_range(struct machine *m, u64 size, u64 align, u64 start,
		     u64 end, gfp_t gfp, pgprot_t prot,
		     unsigned long vm_flags, const char *caller,
		     enum vm_kind kind, struct error *e)
{
	const struct page_alloc *pgalloc = page_alloc_of(m);
	struct vm_struct *vm;
	u64 real = ALIGN_UP(size, PAGE_SIZE), array;
	struct progress pg;
	unsigned i, n;

	if (size == 0 || real < size || (real >> PAGE_SHIFT) >
	    pgalloc->totalram_pages)
		return error_set(e, -EINVAL, "vmalloc error: size %llu, %s",
				 (unsigned long long)size, size == 0 ?
				 "a zero-sized area is refused" :
				 "exceeds total pages"), 0;
	vm = __get_vm_area_caller(m, real, VM_ALLOC | VM_UNINITIALIZED |
				  vm_flags, align, start, end, caller, e);
	if (vm == NULL)
		return 0;
	vm->kind = kind;
	vm->prot = prot;
	n = (unsigned)(real >> PAGE_SHIFT);
	if (!(gfp & (__GFP_DMA | __GFP_DMA32)))
		gfp |= __GFP_HIGHMEM;
	gfp |= __GFP_NOWARN;

	/* the pages array: kmalloc up to a page, else vmalloc (vpages) */
	array = (u64)n * ptr_size(m);
	vm->pages = xcalloc(n, sizeof(*vm->pages));
	if (array <= PAGE_SIZE && slab_of(m) != NULL) {
		struct error e2;

		vm->pages_va = kmalloc(m, array, GFP_KERNEL | __GFP_ZERO |
				       __GFP_NOWARN, &e2);
		if (vm->pages_va == 0) {
			drop_area(m, vm);
			return error_set(e, e2.code, "vmalloc error: size %llu, "
					 "failed to allocate the pages array "
					 "(%llu bytes): %s",
					 (unsigned long long)size,
					 (unsigned long long)array, e2.msg), 0;
		}
		trace_event(m, vmalloc_pages_array, .bytes = array,
			    .va = vm->pages_va);
	} else if (array > PAGE_SIZE) {
		struct error e2;
		u64 av = __vmalloc_node_range(m, array, 1,
					      m->lay.vmalloc_start,
					      m->lay.vmalloc_end,
					      (gfp & ~__GFP_HIGHMEM) |
					      __GFP_ZERO, PAGE_KERNEL, 0,
					      caller, VMK_PAGES_ARRAY, &e2);

		if (av == 0) {
			drop_area(m, vm);
			return error_set(e, e2.code, "vmalloc error: size %llu, "
					 "failed to allocate the pages array "
					 "(%llu bytes): %s",
					 (unsigned long long)size,
					 (unsigned long long)array, e2.msg), 0;
		}
		vm->pages_area = find_vm_area(m, av);
		vm->pages_area->owner = vm;
		vm->pages_va = av;
		trace_event(m, vmalloc_pages_array, .bytes = array, .va = av,
			    .vmalloced = true);
	}

	progress_begin(&pg, "vmalloc", "pages", n, 0);
	for (i = 0; i < n; i++) {
		struct page *p = alloc_pages(m, gfp, 0, e);

		if (p == NULL)
			break;
		vm->pages[i] = p;
		vm->nr_pages = i + 1;
		page_set_owner(p, &page_owner_vmalloc, vm);
		if (kind == VMK_VMALLOC || kind == VMK_PAGES_ARRAY ||
		    kind == VMK_MODULE)
			mod_node_page_state(page_zone(m, p)->zone_pgdat,
					    NR_VMALLOC, 1);
		/* vm_area_alloc_pages(): stop on fatal_signal_pending() */
		if (progress_add(&pg, 1) != 0) {
			char why[200];

			progress_why(&pg, why, sizeof(why));
			error_set(e, pg.stop, "vmalloc error: size %llu, %s; "
				  "they are freed again",
				  (unsigned long long)size, why);
			i++;
			break;
		}
	}
	progress_end(&pg);
	if (i < n || pg.stop) {
		free_area_pages(m, vm, i);
		free_pages_array(m, vm);
		drop_area(m, vm);
		return 0;
	}
	if (map_pages(m, vm, e)) {
		free_area_pages(m, vm, n);
		free_pages_array(m, vm);
		drop_area(m, vm);
		return 0;
	}
	write_pages_array(m, vm);
	vm->flags &= ~VM_UNINITIALIZED;
	vmalloc_of(m)->nr_vmalloc_pages += n;
	return vm->addr;
}

u64
vmalloc(struct machine *m, u64 size, const char *caller, struct error *e)
{
	return __vmalloc_node_range(m, size, 1, m->lay.vmalloc_start,
				    m->lay.vmalloc_end, GFP_KERNEL, PAGE_KERNEL,
				    0, caller, VMK_VMALLOC, e);
}

u64
vzalloc(struct machine *m, u64 size, const char *caller, struct error *e)
{
	return __vmalloc_node_range(m, size, 1, m->lay.vmalloc_start,
				    m->lay.vmalloc_end,
				    GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL, 0,
				    caller, VMK_VMALLOC, e);
}

u64
vmap(struct machine *m, struct page **pages, unsigned count,
     unsigned long flags, pgprot_t prot, const char *caller,
     enum vm_kind kind, struct error *e)
{
	struct vm_struct *vm;

	if (count == 0)
		return error_set(e, -EINVAL, "vmap of no pages"), 0;
	vm = __get_vm_area_caller(m, (u64)count << PAGE_SHIFT, flags, 1,
				  m->lay.vmalloc_start, m->lay.vmalloc_end,
				  caller, e);
	if (vm == NULL)
		return 0;
	vm->kind = kind;
	vm->prot = prot;
	vm->pages = xcalloc(count, sizeof(*vm->pages));
	memcpy(vm->pages, pages, count * sizeof(*pages));
	vm->nr_pages = count;
	if (map_pages(m, vm, e)) {
		drop_area(m, vm);
		return 0;
	}
	/* vmap keeps nr_pages for the mapping, not for vmallocinfo */
	return vm->addr;
}

int
vmap_phys_range(struct machine *m, struct vm_struct *vm, u64 phys, u64 size,
		unsigned max_shift, pgprot_t prot, struct error *e)
{
	vm->prot = prot;
	if (pgtable_map_range(m, kernel_root(m), vm->addr, phys, size,
			      max_shift, prot, e)) {
		unmap_range(m, vm->addr, size);
		return e ? e->code : -ENOMEM;
	}
	return 0;
}

struct vm_struct *
remove_vm_area(struct machine *m, u64 addr)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va = vmap_area_at(m, addr);
	struct vm_struct *vm;
	u64 pages;

	if (va == NULL || va->vm == NULL || va->va_start != addr)
		return NULL;
	vm = va->vm;
	unmap_range(m, vm->addr, get_vm_area_size(vm));
	trace_event(m, remove_vm_area, .addr = addr,
		    .pages = get_vm_area_size(vm) >> PAGE_SHIFT);
	/* free_vmap_area_noflush */
	va->vm = NULL;
	relink_vmlist(vs);
	pages = (va->va_end - va->va_start) >> PAGE_SHIFT;
	vs->vmap_lazy_nr += pages;
	if (vs->vmap_lazy_nr > lazy_max_pages(m)) {
		trace_event(m, vmap_lazy_drain, .lazy_nr = vs->vmap_lazy_nr,
			    .lazy_max = lazy_max_pages(m));
		purge_vmap_area_lazy(m);
	}
	return vm;
}

void
free_vm_struct(struct machine *m, struct vm_struct *vm)
{
	(void)m;
	free(vm->pages);
	free(vm);
}

/* vfree's work once the area is known: unmap, free pages and array. */
static void
release_area(struct machine *m, struct vm_struct *vm)
{
	unsigned n = vm->nr_pages;

	if (remove_vm_area(m, vm->addr) != vm)
		return;
	if (vm->flags & VM_ALLOC) {
		free_area_pages(m, vm, n);
		vmalloc_of(m)->nr_vmalloc_pages -= n;
		free_pages_array(m, vm);
	}
	free_vm_struct(m, vm);
}

static int
wrong_area(struct machine *m, const char *fn, u64 addr, struct error *e)
{
	const struct vmap_area *va = vmap_area_at(m, addr);
	const struct vm_struct *vm = va ? va->vm : NULL;

	if (va == NULL)
		return error_set(e, -EINVAL, "Trying to %s() nonexistent vm "
				 "area (0x%llx)", fn, (unsigned long long)addr);
	if (vm == NULL)
		return error_set(e, -EINVAL, "Trying to %s() nonexistent vm "
				 "area (0x%llx): 0x%llx-0x%llx was freed "
				 "already and waits for the lazy purge", fn,
				 (unsigned long long)addr,
				 (unsigned long long)va->va_start,
				 (unsigned long long)va->va_end);
	if (addr >= vm->addr + get_vm_area_size(vm))
		return error_set(e, -EINVAL, "Trying to %s() nonexistent vm "
				 "area (0x%llx): it is the guard page of the "
				 "%s area at 0x%llx", fn,
				 (unsigned long long)addr,
				 vm_kind_names[vm->kind],
				 (unsigned long long)vm->addr);
	return error_set(e, -EINVAL, "Trying to %s() nonexistent vm area "
			 "(0x%llx): it is inside the %s area at 0x%llx "
			 "(offset 0x%llx); pass its start", fn,
			 (unsigned long long)addr, vm_kind_names[vm->kind],
			 (unsigned long long)vm->addr,
			 (unsigned long long)(addr - vm->addr));
}

int
vfree(struct machine *m, u64 addr, struct error *e)
{
	struct vm_struct *vm = find_vm_area(m, addr);

	if (vm == NULL)
		return wrong_area(m, "vfree", addr, e);
	if (vm->kind != VMK_VMALLOC && vm->kind != VMK_MODULE)
		return error_set(e, -EINVAL, "0x%llx is a%s %s area, not "
				 "vmalloc's: %s", (unsigned long long)addr,
				 vm->kind == VMK_IOREMAP ? "n" : "",
				 vm_kind_names[vm->kind],
				 vm->kind == VMK_IOREMAP ? "iounmap it" :
				 vm->kind == VMK_DMA ? "dma_free_coherent it" :
				 vm->kind == VMK_VMAP ? "vunmap it" :
				 vm->kind == VMK_PAGES_ARRAY ?
				 "it belongs to another area and goes with it" :
				 "the kernel never frees it");
	release_area(m, vm);
	return 0;
}

int
vunmap(struct machine *m, u64 addr, struct error *e)
{
	struct vm_struct *vm = find_vm_area(m, addr);

	if (vm == NULL)
		return wrong_area(m, "vunmap", addr, e);
	if (vm->flags & VM_ALLOC)
		return error_set(e, -EINVAL, "0x%llx is a vmalloc area: vfree "
				 "it", (unsigned long long)addr);
	release_area(m, vm);
	return 0;
}

struct vmap_area *
vmap_area_at(const struct machine *m, u64 addr)
{
	const struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va;

	if (vs == NULL)
		return NULL;
	for (va = vs->areas; va != NULL; va = va->next) {
		if (addr < va->va_start)
			return NULL;
		if (addr < va->va_end)
			return va;
	}
	return NULL;
}

struct vm_struct *
find_vm_area(const struct machine *m, u64 addr)
{
	struct vmap_area *va = vmap_area_at(m, addr);

	if (va == NULL || va->vm == NULL || va->va_start != addr)
		return NULL;
	return va->vm;
}

bool
is_vmalloc_addr(const struct machine *m, u64 addr)
{
	return addr >= m->lay.vmalloc_start && addr < m->lay.vmalloc_end;
}

struct page *
vmalloc_to_page(struct machine *m, u64 addr)
{
	struct walk w;

	if (mmu_walk(&m->mmu, &m->phys, kernel_root(m), addr, &w) != WF_NONE)
		return NULL;
	return pfn_to_page(m, w.pa >> PAGE_SHIFT);
}

static void
vm_page_describe(struct machine *m, const struct page *page,
		 struct strbuf *sb)
{
	const struct vm_struct *vm = page->owner_data;
	unsigned i;

	(void)m;
	for (i = 0; i < vm->nr_pages; i++)
		if (vm->pages[i] == page)
			break;
	sb_addf(sb, "page %u of %u of the %s area 0x%llx-0x%llx (%s)", i,
		vm->nr_pages, vm_kind_names[vm->kind],
		(unsigned long long)vm->addr,
		(unsigned long long)(vm->addr + vm->size), vm->caller);
}

/*
 * Boot: on arm64 the kernel image sits in the vmalloc area, described by
 * early vm_structs (map_kernel_segment -> vm_area_add_early): text,
 * rodata, init text, init data without guard pages, data+bss with one.
 */
static void
add_early(struct machine *m, const char *from, const char *to, bool guard)
{
	const struct ksym *a = machine_ksym(m, from), *b = machine_ksym(m, to);
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va;
	struct vm_struct *vm;
	u64 size;

	if (a == NULL || b == NULL || b->value <= a->value)
		return;
	size = ALIGN_UP(b->value - a->value, PAGE_SIZE) +
		(guard ? PAGE_SIZE : 0);
	va = insert_vmap_area(vs, a->value, a->value + size);
	vm = xcalloc(1, sizeof(*vm));
	vm->addr = a->value;
	vm->size = size;
	vm->flags = VM_MAP | (guard ? 0 : VM_NO_GUARD);
	vm->caller = "map_kernel";
	vm->kind = VMK_KERNEL;
	vm->page_shift = PAGE_SHIFT;
	snprintf(vm->name, sizeof(vm->name), "%s-%s", from, to);
	va->vm = vm;
}

/* A static vm area of the arch's (add_static_vm_early): VM_IOREMAP. */
static void
add_static(struct machine *m, const struct static_vm *sv)
{
	struct vmap_area *va;
	struct vm_struct *vm;

	va = insert_vmap_area(vmalloc_of(m), sv->addr, sv->addr + sv->size);
	vm = xcalloc(1, sizeof(*vm));
	vm->addr = sv->addr;
	vm->size = sv->size;
	vm->phys_addr = sv->phys;
	vm->flags = VM_IOREMAP | VM_NO_GUARD;
	vm->caller = sv->caller;
	vm->kind = VMK_IOREMAP;
	vm->page_shift = PAGE_SHIFT;
	snprintf(vm->name, sizeof(vm->name), "%s", sv->caller);
	va->vm = vm;
}

/*
 * x86_64 (arch/x86/mm/init_64.c preallocate_vmalloc_pages): the second
 * level of every top-level entry of the vmalloc range exists from boot, so
 * that the pgds of processes, which copy the kernel half of
 * swapper_pg_dir, never miss a vmalloc mapping (no vmalloc faults).
 */
static int
preallocate_vmalloc_pages(struct machine *m, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	const struct pt_level *top = &mmu->lv[mmu->walk[0]];
	int next = mmu->walk[1];
	u64 step = 1ULL << top->shift, a, epa;
	long n = 0;

	for (a = ALIGN_DOWN(m->lay.vmalloc_start, step);
	     a < m->lay.vmalloc_end && a >= ALIGN_DOWN(m->lay.vmalloc_start,
						       step); a += step) {
		int r = pgtable_slot(m, m->swapper_pg_dir, a, next, true, &epa,
				     e);

		if (r)
			return r;
		n++;
	}
	trace_event(m, preallocate_vmalloc_pages, .entries = n);
	return 0;
}

int
vmalloc_init(struct machine *m, struct error *e)
{
	const struct layout *L = &m->lay;
	unsigned i;

	m->kern->vm = xcalloc(1, sizeof(struct vmalloc_state));
	if (m->arch->is64 && !m->mmu.split_roots &&
	    preallocate_vmalloc_pages(m, e))
		return e ? e->code : -ENOMEM;
	if (L->kimage_vaddr && L->kimage_vaddr == L->vmalloc_start) {
		/* map_kernel_segment(_stext, _etext): not the 64K before */
		add_early(m, "_stext", "_etext", false);
		add_early(m, "__start_rodata", "__inittext_begin", false);
		add_early(m, "__inittext_begin", "__inittext_end", false);
		add_early(m, "__initdata_begin", "__initdata_end", false);
		add_early(m, "_data", "_end", true);
	}
	for (i = 0; i < L->nr_static_vm; i++)
		add_static(m, &L->static_vm[i]);
	relink_vmlist(m->kern->vm);
	return 0;
}

void
vmalloc_release(struct machine *m)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	struct vmap_area *va, *next;

	if (vs == NULL)
		return;
	for (va = vs->areas; va != NULL; va = next) {
		next = va->next;
		if (va->vm != NULL)
			free_vm_struct(m, va->vm);
		free(va);
	}
	free(vs);
	m->kern->vm = NULL;
}
