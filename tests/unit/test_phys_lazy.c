// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory paged in lazily (src/hw/phys_lazy.c), as compressed images use
 * it: a page is filled on its first read and again after the cache drops
 * it, with the same bytes; a written page is never dropped; a page the
 * pager cannot fill is an error that says why, and nothing else is lost.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "ptwalk/phys.h"

#define BASE	0x100000ULL
#define NPAGES	512ULL
#define BAD_PFN	(BASE / PAGE_SIZE + 7)

static int fills;

/* Each page holds its pfn in every word; pfn BAD_PFN is "excluded". */
static int
fill(void *ctx, u64 pa, u8 *dst, char *why, size_t n)
{
	u64 pfn = pa >> PAGE_SHIFT, i;

	(void)ctx;
	if (pfn == BAD_PFN) {
		snprintf(why, n, "excluded from the test");
		return -1;
	}
	for (i = 0; i < PAGE_SIZE; i += 8)
		memcpy(dst + i, &pfn, 8);
	fills++;
	return 0;
}

static void
setup_phys(struct phys *p)
{
	struct phys_pager pg = { fill, NULL, NULL };
	struct error e;

	phys_init(p);
	assert_int_equal(phys_lazy_init(p, BASE, BASE + NPAGES * PAGE_SIZE,
					&pg, 64, &e), 0);
	assert_int_equal(phys_add_lazy_range(p, BASE, NPAGES * PAGE_SIZE, &e),
			 0);
	fills = 0;
}

static void
test_refill_same_bytes(void **state)
{
	struct phys p;
	u64 pass, i, v;

	(void)state;
	setup_phys(&p);
	/* twice over 8 times the cache: every page filled twice */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < NPAGES; i++) {
			u64 pa = BASE + i * PAGE_SIZE + 8 * (i % 500);

			if (pa >> PAGE_SHIFT == BAD_PFN)
				continue;
			assert_true(phys_read_entry(&p, pa, 8, &v));
			assert_int_equal(v, pa >> PAGE_SHIFT);
		}
	assert_int_equal(fills, 2 * (NPAGES - 1));
	phys_release(&p);
}

static void
test_written_pages_stay(void **state)
{
	struct phys p;
	struct error e;
	u64 v = 0x1234, i, got;

	(void)state;
	setup_phys(&p);
	assert_int_equal(phys_write(&p, BASE + 16, &v, 8, &e), 0);
	assert_true(phys_write_entry(&p, BASE + PAGE_SIZE, 8, 0x5678));
	for (i = 2; i < NPAGES; i++)
		if ((BASE >> PAGE_SHIFT) + i != BAD_PFN)
			assert_true(phys_read_entry(&p, BASE + i * PAGE_SIZE, 8,
						    &got));
	assert_true(phys_read_entry(&p, BASE + 16, 8, &got));
	assert_int_equal(got, 0x1234);
	assert_true(phys_read_entry(&p, BASE + PAGE_SIZE, 8, &got));
	assert_int_equal(got, 0x5678);
	/* a smaller cache drops filled pages, never written ones */
	phys_lazy_set_cache(&p, 1);
	assert_true(phys_read_entry(&p, BASE + 16, 8, &got));
	assert_int_equal(got, 0x1234);
	phys_release(&p);
}

static void
test_unreadable_page(void **state)
{
	u64 bad = BAD_PFN << PAGE_SHIFT, v;
	struct phys p;
	struct error e;
	char why[200];
	u8 buf[3 * PAGE_SIZE];

	(void)state;
	setup_phys(&p);
	assert_null(phys_ptr(&p, bad + 8, 8));
	assert_false(phys_read_entry(&p, bad, 8, &v));
	assert_int_not_equal(phys_read(&p, bad - PAGE_SIZE, buf, sizeof(buf),
				       &e), 0);
	assert_non_null(strstr(e.msg, "excluded from the test"));
	phys_describe_hole(&p, bad + 100, why, sizeof(why));
	assert_string_equal(why, "excluded from the test");
	/* up to the page before it: readable */
	assert_int_equal(phys_readable(&p, bad - 2 * PAGE_SIZE, 3 * PAGE_SIZE),
			 2 * PAGE_SIZE);
	assert_true(phys_read_entry(&p, bad + PAGE_SIZE, 8, &v));
	assert_int_equal(v, BAD_PFN + 1);
	/* outside the range: an ordinary hole */
	phys_describe_hole(&p, BASE - PAGE_SIZE, why, sizeof(why));
	assert_non_null(strstr(why, "below the start"));
	phys_release(&p);
}

static void
test_bad_spans(void **state)
{
	struct phys_pager pg = { fill, NULL, NULL };
	struct phys p;
	struct error e;

	(void)state;
	phys_init(&p);
	assert_int_not_equal(phys_lazy_init(&p, BASE, BASE, &pg, 64, &e), 0);
	assert_int_not_equal(phys_lazy_init(&p, 0, 1ULL << 62, &pg, 64, &e), 0);
	assert_int_equal(phys_lazy_init(&p, BASE, 2 * BASE, &pg, 64, &e), 0);
	assert_int_not_equal(phys_add_lazy_range(&p, 0, PAGE_SIZE, &e), 0);
	assert_int_not_equal(phys_add_lazy_range(&p, BASE + 1, PAGE_SIZE, &e),
			     0);
	assert_int_equal(phys_add_lazy_range(&p, BASE, PAGE_SIZE, &e), 0);
	assert_int_not_equal(phys_add_lazy_range(&p, BASE, PAGE_SIZE, &e), 0);
	phys_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refill_same_bytes),
		cmocka_unit_test(test_written_pages_stay),
		cmocka_unit_test(test_unreadable_page),
		cmocka_unit_test(test_bad_spans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
