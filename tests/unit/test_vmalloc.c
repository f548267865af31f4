// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * vmalloc: placement, guard pages, the pages behind an area, lazy purge,
 * exhaustion, refused frees, and a property test of random vmalloc/vfree
 * sequences on i386, arm, x86_64 and arm64.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/ksym.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"
#include "helpers.h"

/* Free pages plus those the kernel keeps after use: page tables, slabs. */
static unsigned long
free_and_kept(struct machine *m)
{
	return global_free_pages(m) +
		(unsigned long)global_node_page_state(m, NR_PAGETABLE) +
		(unsigned long)(global_node_page_state(m,
			NR_SLAB_UNRECLAIMABLE_B) / PAGE_SIZE);
}

static u64
must_vmalloc(struct machine *m, u64 size)
{
	struct error e;
	u64 va = vmalloc(m, size, "test", &e);

	if (va == 0)
		fail_msg("vmalloc(%llu): %s", (unsigned long long)size, e.msg);
	return va;
}

static int
walk_kernel(struct machine *m, u64 va, u64 *pa)
{
	struct walk w;
	int r = mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);

	*pa = w.pa;
	return r;
}

/* One of the arch's static vm areas (arm's CMA remap, PCI I/O window). */
static bool
is_static(const struct machine *m, const struct vmap_area *va)
{
	unsigned i;

	for (i = 0; i < m->lay.nr_static_vm; i++)
		if (m->lay.static_vm[i].addr == va->va_start)
			return true;
	return false;
}

/*
 * Every live area: inside the range (the arch's static areas may lie
 * anywhere), disjoint, mapped page by page.
 */
static void
check_areas(struct machine *m)
{
	struct vmalloc_state *vs = vmalloc_of(m);
	const struct vmap_area *va, *prev = NULL;
	u64 vmalloc_pages = 0;
	struct error e;

	for (va = vs->areas; va != NULL; prev = va, va = va->next) {
		const struct vm_struct *vm = va->vm;
		unsigned i;
		u64 pa;

		if (prev != NULL)
			assert_true(prev->va_end <= va->va_start);
		assert_true(va->va_start < va->va_end);
		if (vm == NULL || vm->kind == VMK_KERNEL || is_static(m, va))
			continue;
		assert_true(va->va_start >= m->lay.vmalloc_start);
		assert_true(va->va_end <= m->lay.vmalloc_end);
		assert_int_equal(vm->addr, va->va_start);
		assert_int_equal(vm->size, va->va_end - va->va_start);
		assert_int_equal(get_vm_area_size(vm),
				 (u64)vm->nr_pages << PAGE_SHIFT);
		for (i = 0; i < vm->nr_pages; i++) {
			assert_int_equal(walk_kernel(m, vm->addr +
						     (u64)i * PAGE_SIZE, &pa),
					 WF_NONE);
			assert_int_equal(pa, page_to_phys(m, vm->pages[i]));
			assert_ptr_equal(vm->pages[i]->owner_data, vm);
			assert_int_equal(page_ref_count(vm->pages[i]), 1);
		}
		/* the guard page faults */
		assert_int_not_equal(walk_kernel(m, vm->addr + get_vm_area_size(vm),
						 &pa), WF_NONE);
		if (vm->flags & VM_ALLOC)
			vmalloc_pages += vm->nr_pages;
	}
	assert_int_equal(vmalloc_pages, global_node_page_state(m, NR_VMALLOC));
	error_clear(&e);
	if (sim_page_alloc_check(m, &e))
		fail_msg("allocator inconsistent: %s", e.msg);
}

static void
test_seed_placement(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 160 * MiB);
	struct vm_struct *vm;
	u64 va, pa;

	(void)state;
	va = must_vmalloc(m, 1000000);
	assert_int_equal(va, 0xca800000ULL);
	vm = find_vm_area(m, va);
	assert_non_null(vm);
	assert_int_equal(vm->nr_pages, 245);
	assert_int_equal(vm->size, 246 * PAGE_SIZE);
	assert_int_equal(walk_kernel(m, va + 244 * PAGE_SIZE, &pa), WF_NONE);
	assert_int_not_equal(walk_kernel(m, va + 245 * PAGE_SIZE, &pa),
			     WF_NONE);
	/* the next area starts after the guard page */
	assert_int_equal(must_vmalloc(m, 1), va + 246 * PAGE_SIZE);
	check_areas(m);
	machine_free(m);
}

static void
test_lazy_purge(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct vmalloc_state *vs = vmalloc_of(m);
	struct error e;
	u64 a, b, c;

	(void)state;
	a = must_vmalloc(m, 8 * PAGE_SIZE);
	b = must_vmalloc(m, PAGE_SIZE);
	assert_int_equal(vfree(m, a, &e), 0);
	assert_int_equal(vs->vmap_lazy_nr, 9);
	/* the freed range stays reserved until the purge */
	c = must_vmalloc(m, PAGE_SIZE);
	assert_true(c > b);
	assert_int_equal(vfree(m, a, &e), -EINVAL);
	purge_vmap_area_lazy(m);
	assert_int_equal(vs->vmap_lazy_nr, 0);
	assert_int_equal(must_vmalloc(m, PAGE_SIZE), a);
	check_areas(m);
	machine_free(m);
}

static void
test_exhaustion(void **state)
{
	/* vmalloc=16M: a 16M area less the guard pages */
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB,
				 .vmalloc_size = 16 * MiB);
	u64 span = m->lay.vmalloc_end - m->lay.vmalloc_start;
	unsigned long free0 = free_and_kept(m);
	struct error e;
	u64 a;

	(void)state;
	a = must_vmalloc(m, span / 2);
	assert_int_equal(vmalloc(m, span / 2, "test", &e), 0);
	assert_int_equal(e.code, -ENOMEM);
	assert_non_null(strstr(e.msg, "vmap allocation"));
	/* nothing changed but the area that exists */
	assert_int_equal(vfree(m, a, &e), 0);
	/* a failing allocation purges the lazy areas and retries */
	assert_int_not_equal(vmalloc_of(m)->vmap_lazy_nr, 0);
	a = must_vmalloc(m, span / 2);
	assert_int_equal(a, m->lay.vmalloc_start);
	assert_int_equal(vmalloc_of(m)->vmap_lazy_nr, 0);
	assert_int_equal(vfree(m, a, &e), 0);
	purge_vmap_area_lazy(m);
	assert_int_equal(free_and_kept(m), free0);
	assert_int_equal(vmalloc(m, 0, "test", &e), 0);
	assert_int_equal(vmalloc(m, 64 * GiB, "test", &e), 0);
	check_areas(m);
	machine_free(m);
}

static void
test_bad_frees(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	unsigned long free0;
	struct error e;
	u64 a;

	(void)state;
	a = must_vmalloc(m, 3 * PAGE_SIZE);
	free0 = global_free_pages(m);
	assert_int_equal(vfree(m, a + PAGE_SIZE, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "inside"));
	assert_int_equal(vfree(m, a + 3 * PAGE_SIZE, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "guard page"));
	assert_int_equal(vfree(m, 0xc0100000ULL, &e), -EINVAL);
	assert_int_equal(global_free_pages(m), free0);
	assert_non_null(find_vm_area(m, a));
	check_areas(m);
	machine_free(m);
}

/* Large areas keep their pages array in the vmalloc area (vpages). */
static void
test_vpages(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct vm_struct *vm;
	struct error e;
	u64 a, v;
	unsigned i;

	(void)state;
	a = must_vmalloc(m, 2048 * PAGE_SIZE);
	vm = find_vm_area(m, a);
	assert_non_null(vm->pages_area);
	assert_int_equal(vm->pages_va, a + 2049 * PAGE_SIZE);
	/* the array holds the struct page addresses */
	for (i = 0; i < vm->nr_pages; i += 511) {
		assert_int_equal(machine_read_virt(m, &m->cpu[0],
						   vm->pages_va + 4 * i, &v, 4,
						   &e), 0);
		assert_int_equal((u32)v, (u32)sim_page_va(m, vm->pages[i]));
	}
	/* highmem first */
	assert_true(PageHighMem(m, vm->pages[0]));
	check_areas(m);
	assert_int_equal(vfree(m, vm->pages_va, &e), -EINVAL);
	assert_int_equal(vfree(m, a, &e), 0);
	assert_null(find_vm_area(m, a + 2049 * PAGE_SIZE));
	check_areas(m);
	machine_free(m);
}

static void
property(const char *arch, u64 mem)
{
	struct machine *m = boot(.arch = arch, .mem = mem);
	unsigned long free0 = free_and_kept(m);
	u64 live[64] = { 0 };
	u64 s = 0x9e3779b97f4a7c15ULL;
	struct error e;
	int step, i;

	for (step = 0; step < 600; step++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		i = (int)(s % 64);
		if (live[i]) {
			assert_int_equal(vfree(m, live[i], &e), 0);
			live[i] = 0;
		} else {
			u64 size = 1 + (s >> 20) % (40 * PAGE_SIZE);

			live[i] = must_vmalloc(m, size);
			assert_int_equal(get_vm_area_size(find_vm_area(m,
					 live[i])), ALIGN_UP(size, PAGE_SIZE));
		}
		if (step % 50 == 0)
			check_areas(m);
	}
	check_areas(m);
	for (i = 0; i < 64; i++)
		if (live[i])
			assert_int_equal(vfree(m, live[i], &e), 0);
	purge_vmap_area_lazy(m);
	assert_int_equal(global_node_page_state(m, NR_VMALLOC), 0);
	/* every page is back but the page tables and slabs kept */
	assert_int_equal(free_and_kept(m), free0);
	check_areas(m);
	machine_free(m);
}

static void
test_property(void **state)
{
	(void)state;
	property("i386", 1 * GiB);
	property("i386-pae", 2 * GiB);
	property("arm", 1 * GiB);
	property("x86_64", 2 * GiB);
	property("arm64", 2 * GiB);
}

static void
test_arm64_kernel_areas(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 1 * GiB);
	const struct ksym *end = machine_ksym(m, "_end");
	u64 a;
	int i;

	(void)state;
	/* first in the Image's 64K head before _stext */
	a = must_vmalloc(m, PAGE_SIZE);
	assert_int_equal(a, m->lay.kimage_vaddr);
	/* 4K + guard each: seven more fit before _stext, then past _end */
	for (i = 0; i < 7; i++)
		must_vmalloc(m, PAGE_SIZE);
	a = must_vmalloc(m, PAGE_SIZE);
	/* after the kernel image (_end) and its guard page */
	assert_int_equal(a, ALIGN_UP(end->value, PAGE_SIZE) + PAGE_SIZE);
	check_areas(m);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_placement),
		cmocka_unit_test(test_lazy_purge),
		cmocka_unit_test(test_exhaustion),
		cmocka_unit_test(test_bad_frees),
		cmocka_unit_test(test_vpages),
		cmocka_unit_test(test_property),
		cmocka_unit_test(test_arm64_kernel_areas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
