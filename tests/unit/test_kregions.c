// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The other kernel regions: ioremap placement and refusals, coherent DMA
 * buffers per arch (zones, the arm consistent area from the top down,
 * the two virtual addresses), module_alloc ranges and insmod's layout,
 * whatis owners, and a property test of random sequences over every
 * allocator (no overlap, every page accounted for, everything back).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/ioremap.h"
#include "ptwalk/module.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"
#include "ptwalk/whatis.h"
#include "helpers.h"

static unsigned long
free_and_kept(struct machine *m)
{
	return global_free_pages(m) +
		(unsigned long)global_node_page_state(m, NR_PAGETABLE) +
		(unsigned long)(global_node_page_state(m,
			NR_SLAB_UNRECLAIMABLE_B) / PAGE_SIZE);
}

static u64
kwalk(struct machine *m, u64 va)
{
	struct walk w;

	if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w) != WF_NONE)
		return ~0ULL;
	return w.pa;
}

static void
check_alloc(struct machine *m)
{
	struct error e;

	error_clear(&e);
	if (sim_page_alloc_check(m, &e))
		fail_msg("allocator inconsistent: %s", e.msg);
}

static void
test_ioremap(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct error e;
	bool direct;
	u64 a, b;

	(void)state;
	a = ioremap_caller(m, 0xfebf0123, 0x100, NULL, "t", &direct, &e);
	assert_int_equal(a & 0xfff, 0x123);
	assert_int_equal(kwalk(m, a), 0xfebf0123);
	/* 16M: aligned to 4M (IOREMAP_MAX_ORDER = PMD_SHIFT on x86-32) */
	b = ioremap_caller(m, 0xfd000000, 16 * MiB, NULL, "t", &direct, &e);
	assert_int_equal(b & (4 * MiB - 1), 0);
	/* RAM the page allocator manages is refused, reserved RAM is not */
	assert_int_equal(ioremap_caller(m, 0x1000000, 4096, NULL, "t",
					&direct, &e), 0);
	assert_non_null(strstr(e.msg, "ioremap on RAM"));
	assert_int_not_equal(ioremap_caller(m, 0xa0000, 4096, NULL, "t",
					    &direct, &e), 0);
	assert_int_equal(iounmap(m, a, &e), 0);
	assert_int_equal(kwalk(m, a), ~0ULL);
	assert_int_equal(iounmap(m, a, &e), -EINVAL);
	assert_int_equal(vfree(m, b, &e), -EINVAL);
	machine_free(m);

	/* x86_64: 2M leaves for an aligned 512M range */
	m = boot(.arch = "x86_64", .mem = 2 * GiB);
	a = ioremap_caller(m, 0xc0000000, 512 * MiB, NULL, "t", &direct, &e);
	assert_int_not_equal(a, 0);
	{
		struct walk w;

		mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, a, &w);
		assert_int_equal(w.shift, 21);
	}
	machine_free(m);

	/* arm refuses all RAM; arm64 ioremap_cache of RAM is the linear map */
	m = boot(.arch = "arm", .variant = "3.4", .mem = 1 * GiB);
	assert_int_equal(ioremap_caller(m, 0x9fc00000, 4096, NULL, "t",
					&direct, &e), 0);
	machine_free(m);
	m = boot(.arch = "arm64", .mem = 1 * GiB);
	a = ioremap_caller(m, 0x40100000, 4096, ioremap_mode_find(m, "cache"),
			   "t", &direct, &e);
	assert_true(direct);
	assert_int_equal(a, 0xffff000000100000ULL);
	machine_free(m);
}

static void
test_dma(void **state)
{
	struct machine *m = boot(.arch = "arm", .variant = "3.4",
				 .mem = 1 * GiB);
	unsigned long kept = free_and_kept(m);
	struct dma_buf *b1, *b2, *b3;
	struct error e;
	bool alias;

	(void)state;
	/* the consistent area from the top down */
	b1 = dma_alloc_coherent(m, 8192, DMA_BIT_MASK(32), &e);
	assert_int_equal(b1->cpu_addr, m->lay.consistent_end - 8192);
	b2 = dma_alloc_coherent(m, 3000, DMA_BIT_MASK(32), &e);
	assert_int_equal(b2->cpu_addr, b1->cpu_addr - 4096);
	/* two virtual addresses for one frame */
	assert_int_equal(kwalk(m, b1->cpu_addr), b1->dma_handle);
	assert_int_equal(kwalk(m, page_address(m, b1->page)), b1->dma_handle);
	assert_ptr_equal(dma_buf_at(m, page_address(m, b1->page), &alias), b1);
	assert_true(alias);
	/* a 1M buffer is aligned to 1M */
	b3 = dma_alloc_coherent(m, 1 * MiB, DMA_BIT_MASK(32), &e);
	assert_int_equal(b3->cpu_addr, m->lay.consistent_base);
	assert_null(dma_alloc_coherent(m, 1 * MiB, DMA_BIT_MASK(32), &e));
	assert_null(dma_alloc_coherent(m, 4096, DMA_BIT_MASK(24), &e));
	assert_int_equal(dma_free_coherent(m, b2->cpu_addr, &e), 0);
	assert_int_equal(dma_free_coherent(m, b1->cpu_addr, &e), 0);
	assert_int_equal(dma_free_coherent(m, b3->cpu_addr, &e), 0);
	assert_int_equal(dma_free_coherent(m, 0xffdfe000, &e), -EINVAL);
	check_alloc(m);
	assert_int_equal(free_and_kept(m), kept);
	machine_free(m);

	/* x86_64: the zone follows the mask */
	m = boot(.arch = "x86_64", .mem = 8 * GiB);
	b1 = dma_alloc_coherent(m, 8192, DMA_BIT_MASK(24), &e);
	assert_true(b1->dma_handle + 8192 <= 16 * MiB);
	b2 = dma_alloc_coherent(m, 8192, DMA_BIT_MASK(32), &e);
	assert_true(b2->dma_handle + 8192 <= 4 * GiB);
	b3 = dma_alloc_coherent(m, 8192, DMA_BIT_MASK(64), &e);
	assert_true(b3->dma_handle >= 4 * GiB);
	assert_int_equal(b3->cpu_addr, page_address(m, b3->page));
	machine_free(m);

	/* arm 5.x: remapped in the vmalloc area */
	m = boot(.arch = "arm", .mem = 1 * GiB, .variant = "5.4");
	b1 = dma_alloc_coherent(m, 8192, DMA_BIT_MASK(32), &e);
	assert_true(is_vmalloc_addr(m, b1->cpu_addr));
	assert_int_equal(find_vm_area(m, b1->cpu_addr)->flags & VM_DMA_COHERENT,
			 VM_DMA_COHERENT);
	assert_int_equal(kwalk(m, b1->cpu_addr + 4096), b1->dma_handle + 4096);
	assert_int_equal(dma_free_coherent(m, b1->cpu_addr, &e), 0);
	machine_free(m);
}

static void
test_modules(void **state)
{
	/* 1G, riscv32 512M (its linear map holds less than 1G) */
	static const struct { const char *arch, *ko; } t[] = {
		{ "i386", "hello-i386.ko" }, { "x86_64", "hello-x86_64.ko" },
		{ "arm", "hello-arm.ko" }, { "arm64", "hello-arm64.ko" },
		{ "riscv64", "hello-riscv64.ko" },
		{ "riscv32", "hello-riscv32.ko" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(t); i++) {
		struct machine *m = boot(.arch = t[i].arch,
					 .mem = strcmp(t[i].arch, "riscv32") ?
					 1 * GiB : 512 * MiB);
		unsigned long kept = free_and_kept(m);
		char path[256], buf[16384];
		struct module *mod;
		struct error e;
		u64 start, end, a, pa;
		FILE *f;
		size_t n;
		int k;

		module_range(m, &start, &end);
		a = module_alloc(m, 10000, "t", &e);
		assert_true(a >= start && a < end);
		snprintf(path, sizeof(path), "testdata/elf/%s", t[i].ko);
		f = fopen(path, "rb");
		assert_non_null(f);
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		assert_int_equal(load_module(m, "hello", buf, n, &mod, &e), 0);
		assert_true(mod->core.base >= start && mod->core.base < end);
		assert_ptr_equal(module_at(m, mod->core.base + 1), mod);
		/* .rodata holds the greeting */
		for (k = 0; k < mod->nsect; k++)
			if (!strcmp(mod->sect[k].name, ".rodata"))
				break;
		assert_true(k < mod->nsect);
		pa = kwalk(m, mod->sect[k].addr);
		{
			char s[20];

			phys_read(&m->phys, pa, s, sizeof(s), NULL);
			assert_memory_equal(s, "hello from a module", 19);
		}
		assert_int_equal(load_module(m, "hello", buf, n, &mod, &e),
				 -EEXIST);
		assert_int_equal(delete_module(m, "hello", &e), 0);
		assert_int_equal(vfree(m, a, &e), 0);
		purge_vmap_area_lazy(m);
		check_alloc(m);
		assert_int_equal(free_and_kept(m), kept);
		machine_free(m);
	}
}

static void
test_whatis(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct strbuf sb;
	struct error e;
	u64 a;
	int slot;

	(void)state;
	sb_init(&sb);
	a = vmalloc(m, 3 * PAGE_SIZE, "caller_x", &e);
	assert_true(kaddr_owner(m, a + 5, &sb) > 0);
	assert_non_null(strstr(sb.buf, "caller_x"));
	sb_reset(&sb);
	kaddr_owner(m, a + 3 * PAGE_SIZE, &sb);
	assert_non_null(strstr(sb.buf, "guard page"));
	sb_reset(&sb);
	a = kmap(m, pfn_to_page(m, 0x3fc10), &slot, &e);
	kaddr_owner(m, a, &sb);
	assert_non_null(strstr(sb.buf, "pkmap slot"));
	sb_reset(&sb);
	kaddr_owner(m, 0xc0100000, &sb);
	assert_non_null(strstr(sb.buf, "kernel image"));
	sb_release(&sb);
	machine_free(m);
}

/* Random sequences over every allocator, everything freed at the end. */
static void
property(const char *arch, const char *variant)
{
	struct machine *m = boot(.arch = arch, .mem = 1 * GiB,
				 .variant = variant);
	unsigned long kept = free_and_kept(m);
	enum { N = 48 };
	struct { int kind; u64 addr; struct page *page; } live[N];
	u64 s = 0x853c49e6748fea9bULL;
	struct error e;
	int step, i;

	memset(live, 0, sizeof(live));
	for (step = 0; step < 400; step++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		i = (int)(s % N);
		if (live[i].kind) {
			switch (live[i].kind) {
			case 1:
			case 4:
				assert_int_equal(vfree(m, live[i].addr, &e), 0);
				break;
			case 2:
				assert_int_equal(iounmap(m, live[i].addr, &e),
						 0);
				break;
			case 3:
				assert_int_equal(dma_free_coherent(m,
						 live[i].addr, &e), 0);
				break;
			case 5:
				assert_int_equal(kunmap(m, live[i].page, &e),
						 0);
				assert_int_equal(__free_pages(m, live[i].page,
							      0, &e), 0);
				break;
			}
			live[i].kind = 0;
			continue;
		}
		live[i].kind = 1 + (int)((s >> 24) % 5);
		switch (live[i].kind) {
		case 1:
			live[i].addr = vmalloc(m, 1 + (s >> 33) % 65536, "p",
					       &e);
			break;
		case 2: {
			bool d;

			live[i].addr = ioremap_caller(m, 0xe0000000 +
				((u64)i << 20), 1 + (s >> 35) % (512 * KiB),
				NULL, "p", &d, &e);
			break;
		}
		case 3: {
			struct dma_buf *b = dma_alloc_coherent(m, 1 + (s >> 40)
				% (16 * KiB), DMA_BIT_MASK(32), &e);

			live[i].addr = b ? b->cpu_addr : 0;
			break;
		}
		case 4:
			live[i].addr = module_alloc(m, 1 + (s >> 30) % 32768,
						    "p", &e);
			break;
		case 5: {
			int slot;

			live[i].page = alloc_pages(m, GFP_HIGHUSER, 0, &e);
			live[i].addr = kmap(m, live[i].page, &slot, &e);
			break;
		}
		}
		if (live[i].addr == 0)
			fail_msg("%s step %d kind %d: %s", arch, step,
				 live[i].kind, e.msg);
		if (step % 40 == 0) {
			const struct vmap_area *va, *prev = NULL;

			for (va = vmalloc_of(m)->areas; va; va = va->next) {
				if (prev)
					assert_true(prev->va_end <=
						    va->va_start);
				prev = va;
			}
			check_alloc(m);
		}
	}
	for (i = 0; i < N; i++) {
		switch (live[i].kind) {
		case 1:
		case 4:
			assert_int_equal(vfree(m, live[i].addr, &e), 0);
			break;
		case 2:
			assert_int_equal(iounmap(m, live[i].addr, &e), 0);
			break;
		case 3:
			assert_int_equal(dma_free_coherent(m, live[i].addr,
							   &e), 0);
			break;
		case 5:
			kunmap(m, live[i].page, &e);
			assert_int_equal(__free_pages(m, live[i].page, 0, &e),
					 0);
			break;
		}
	}
	purge_vmap_area_lazy(m);
	check_alloc(m);
	assert_int_equal(free_and_kept(m), kept);
	machine_free(m);
}

static void
test_property(void **state)
{
	(void)state;
	property("i386", NULL);
	property("arm", NULL);
	property("arm", "5.4");
	property("x86_64", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ioremap),
		cmocka_unit_test(test_dma),
		cmocka_unit_test(test_modules),
		cmocka_unit_test(test_whatis),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
