// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Highmem: kmap slots and pkmap_count, the wrap and flush_all_zero_pkmaps,
 * the "would sleep" case, kmap_atomic stacks, fix_to_virt/virt_to_fix
 * round trips, 64-bit behaviour, and a random kmap/kunmap property test.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/highmem.h"
#include "ptwalk/page_alloc.h"
#include "helpers.h"

static struct page *
high_page(struct machine *m)
{
	struct error e;
	struct page *p = alloc_pages(m, GFP_HIGHUSER, 0, &e);

	if (p == NULL)
		fail_msg("alloc_pages: %s", e.msg);
	return p;
}

/* The kernel's own tables map va to page (or nothing when page NULL). */
static void
assert_maps(struct machine *m, u64 va, struct page *page)
{
	struct walk w;
	int r = mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);

	if (page == NULL) {
		assert_int_not_equal(r, WF_NONE);
		return;
	}
	assert_int_equal(r, WF_NONE);
	assert_int_equal(w.pa, page_to_phys(m, page));
}

static void
test_kmap_basic(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct highmem_state *hm = highmem_of(m);
	struct page *p = high_page(m), *q = high_page(m);
	struct error e;
	int slot;
	u64 va, vb;

	(void)state;
	assert_int_equal(page_address(m, p), 0);
	va = kmap(m, p, &slot, &e);
	/* the scan starts after last_pkmap_nr 0: slot 1 */
	assert_int_equal(slot, 1);
	assert_int_equal(va, m->lay.pkmap_base + PAGE_SIZE);
	assert_int_equal(hm->pkmap_count[1], 2);
	assert_int_equal(page_address(m, p), va);
	assert_maps(m, va, p);
	/* a second kmap of the same page shares the slot */
	assert_int_equal(kmap(m, p, &slot, &e), va);
	assert_int_equal(hm->pkmap_count[1], 3);
	vb = kmap(m, q, &slot, &e);
	assert_int_equal(vb, va + PAGE_SIZE);
	assert_int_equal(kunmap(m, p, &e), 0);
	assert_int_equal(kunmap(m, p, &e), 0);
	assert_int_equal(hm->pkmap_count[1], 1);
	/* still mapped until the flush */
	assert_maps(m, va, p);
	assert_int_equal(kunmap(m, p, &e), -EINVAL);
	/* kmap again reuses the address */
	assert_int_equal(kmap(m, p, &slot, &e), va);
	/* a lowmem page: its direct-map address, no slot */
	{
		struct page *low = pfn_to_page(m, 0x1000);

		assert_int_equal(kmap(m, low, &slot, &e),
				 page_address(m, low));
		assert_int_equal(slot, -1);
		assert_int_equal(kunmap(m, low, &e), 0);
	}
	/* a highmem page never kmapped */
	assert_int_equal(kunmap(m, high_page(m), &e), -EINVAL);
	machine_free(m);
}

static void
test_kmap_full_and_wrap(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct highmem_state *hm = highmem_of(m);
	unsigned n = hm->last_pkmap, i;
	struct page **pages = calloc(n + 1, sizeof(*pages));
	struct error e;
	int slot;
	u64 va;

	(void)state;
	for (i = 0; i < n; i++) {
		pages[i] = high_page(m);
		assert_int_not_equal(kmap(m, pages[i], &slot, &e), 0);
		/* slots 1..n-1, then 0 after the wrap */
		assert_int_equal(slot, (int)((i + 1) % n));
	}
	assert_int_equal(hm->nr_flush_all, 1);
	pages[n] = high_page(m);
	/* every slot in use: the caller would sleep; nothing changes */
	assert_int_equal(kmap(m, pages[n], &slot, &e), 0);
	assert_int_equal(e.code, -EAGAIN);
	assert_non_null(strstr(e.msg, "pkmap_map_wait"));
	assert_int_equal(hm->last_pkmap_nr, 0);
	assert_int_equal(page_address(m, pages[n]), 0);
	/* release slot 5: its count goes to 1; the next kmap wraps, flushes */
	va = page_address(m, pages[4]);
	assert_int_equal(kunmap(m, pages[4], &e), 0);
	assert_int_equal(hm->pkmap_count[5], 1);
	assert_int_equal(kmap(m, pages[n], &slot, &e), va);
	assert_int_equal(slot, 5);
	assert_int_equal(hm->nr_flush_all, 2);
	assert_int_equal(page_address(m, pages[4]), 0);
	assert_maps(m, va, pages[n]);
	free(pages);
	machine_free(m);
}

static void
test_kmap_atomic(void **state)
{
	static const char *const arches[] = { "i386", "i386-pae", "arm" };
	/* arm: the 3.4 kernel's kmap_atomic, which leaves the pte */
	static const char *const kernels[] = { NULL, NULL, "3.4" };
	size_t a;

	(void)state;
	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		struct machine *m = boot(.arch = arches[a], .mem = 1 * GiB,
					 .variant = kernels[a]);
		struct highmem_state *hm = highmem_of(m);
		struct page *p[20];
		u64 va[20], fix0;
		struct error e;
		int idx, i, cpu, depth;

		for (i = 0; i < 20; i++)
			p[i] = high_page(m);
		assert_int_equal(fix_to_virt(m, (unsigned)hm->fix_kmap_begin,
					     &fix0, &e), 0);
		for (i = 0; i < (int)hm->km_max_idx; i++) {
			va[i] = kmap_atomic(m, p[i], 1, &idx, &e);
			assert_int_equal(idx, hm->fix_kmap_begin + i +
					 (int)hm->km_max_idx);
			assert_int_equal(va[i], layout_fix_to_virt(&m->lay,
					 (unsigned)idx));
			assert_maps(m, va[i], p[i]);
			assert_true(kmap_atomic_slot(m, va[i], &cpu, &depth));
			assert_int_equal(cpu, 1);
			assert_int_equal(depth, i);
		}
		assert_int_equal(kmap_atomic(m, p[16], 1, &idx, &e), 0);
		assert_int_equal(e.code, -EBUSY);
		/* out of order: names the slot that must go first */
		assert_int_equal(kunmap_atomic(m, va[3], &e), -EINVAL);
		assert_non_null(strstr(e.msg, "slot 15"));
		for (i = (int)hm->km_max_idx - 1; i >= 0; i--) {
			assert_int_equal(kunmap_atomic(m, va[i], &e), 0);
			/* i386 (kmap_local) clears; arm leaves the pte */
			assert_maps(m, va[i], strcmp(arches[a], "arm") ? NULL :
				    p[i]);
		}
		assert_int_equal(hm->cpu[1].depth, 0);
		assert_int_equal(kunmap_atomic(m, va[0], &e), -EINVAL);
		/* cpu0's stack is its own */
		assert_int_equal(kmap_atomic(m, p[17], 0, &idx, &e), fix0);
		/* lowmem: the direct map, no slot */
		assert_int_equal(kmap_atomic(m, pfn_to_page(m,
			m->ram_start / PAGE_SIZE + 0x1000), 0, &idx, &e),
			page_address(m, pfn_to_page(m, m->ram_start /
						    PAGE_SIZE + 0x1000)));
		assert_int_equal(idx, -1);
		assert_int_equal(kunmap_atomic(m, m->lay.page_offset +
					       0x1000000, &e), 1);
		machine_free(m);
	}
}

static void
test_fixmap_round_trip(void **state)
{
	static const char *const arches[] = {
		"i386", "i386-pae", "x86_64", "arm", "arm64"
	};
	size_t a;

	(void)state;
	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		struct machine *m = boot(.arch = arches[a], .mem = 1 * GiB);
		unsigned end = fix_end(m), i, back;
		struct error e;
		u64 va;

		assert_true(end > 0);
		for (i = 0; i < end; i++) {
			assert_int_equal(fix_to_virt(m, i, &va, &e), 0);
			assert_int_equal(virt_to_fix(m, va + 0x123, &back, &e),
					 0);
			assert_int_equal(back, i);
		}
		assert_int_equal(fix_to_virt(m, end, &va, &e), -EINVAL);
		assert_int_not_equal(virt_to_fix(m, m->lay.page_offset, &back,
						 &e), 0);
		assert_true(fix_parse(m, m->fix[0].name, &back));
		assert_int_equal(back, m->fix[0].idx);
		machine_free(m);
	}
}

static void
test_64bit(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 2 * GiB);
	struct page *p = high_page(m);
	struct error e;
	int slot;

	(void)state;
	assert_false(highmem_configured(m));
	assert_int_equal(kmap(m, p, &slot, &e), page_address(m, p));
	assert_int_equal(slot, -1);
	assert_int_equal(kmap_atomic(m, p, 0, &slot, &e), page_address(m, p));
	assert_int_equal(kunmap(m, p, &e), 0);
	machine_free(m);
}

/* Random kmap/kunmap against reference counts. */
static void
test_property(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 1 * GiB);
	struct highmem_state *hm = highmem_of(m);
	enum { N = 700 };
	struct page *p[N];
	int users[N] = { 0 };
	u64 s = 0x2545f4914f6cdd1dULL;
	struct error e;
	int i, step, slot;

	(void)state;
	for (i = 0; i < N; i++)
		p[i] = high_page(m);
	for (step = 0; step < 20000; step++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		i = (int)(s % N);
		if (users[i] && (s >> 32) % 2) {
			assert_int_equal(kunmap(m, p[i], &e), 0);
			users[i]--;
		} else {
			u64 va = kmap(m, p[i], &slot, &e);

			if (va == 0) {
				assert_int_equal(e.code, -EAGAIN);
				continue;
			}
			users[i]++;
			assert_maps(m, va, p[i]);
			assert_int_equal(hm->pkmap_count[slot], users[i] + 1);
		}
	}
	/* no two pages share a slot */
	for (i = 0; i < N; i++) {
		int nr = pkmap_nr(m, page_address(m, p[i]));

		if (users[i]) {
			assert_true(nr >= 0);
			assert_ptr_equal(hm->pkmap_page[nr], p[i]);
		}
	}
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kmap_basic),
		cmocka_unit_test(test_kmap_full_and_wrap),
		cmocka_unit_test(test_kmap_atomic),
		cmocka_unit_test(test_fixmap_round_trip),
		cmocka_unit_test(test_64bit),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
