// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The one get_order() and its helpers: the kernel's values at every power
 * of two and beside it, and no shift by 64 or wrap at the largest sizes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "ptwalk/log2.h"

/* The reference: the smallest order whose block holds size. */
static unsigned
order_by_loop(u64 size)
{
	unsigned o = 0;

	while (o < 64 - PAGE_SHIFT && (PAGE_SIZE << o) < size)
		o++;
	return o;
}

static void
test_get_order_powers(void **state)
{
	unsigned b;

	(void)state;
	assert_int_equal(get_order(0), 0);
	assert_int_equal(get_order(1), 0);
	assert_int_equal(get_order(PAGE_SIZE), 0);
	assert_int_equal(get_order(PAGE_SIZE + 1), 1);
	for (b = 0; b < 64; b++) {
		u64 v = 1ULL << b;

		assert_int_equal(get_order(v), order_by_loop(v));
		assert_int_equal(get_order(v - 1), order_by_loop(v - 1));
		assert_int_equal(get_order(v + 1), order_by_loop(v + 1));
	}
}

static void
test_get_order_largest(void **state)
{
	(void)state;
	/* what used to shift by 64 or loop for ever */
	assert_int_equal(get_order(0x8000000000000001ULL), 52);
	assert_int_equal(get_order(~0ULL), 52);
	assert_int_equal(get_order(~0ULL - PAGE_SIZE + 1), 52);
	assert_int_equal(get_order(1ULL << 63), 51);
}

static void
test_fls_ilog2(void **state)
{
	unsigned b;

	(void)state;
	assert_int_equal(fls32(0), 0);
	assert_int_equal(fls64(0), 0);
	assert_int_equal(fls32(0x80000000u), 32);
	assert_int_equal(fls64(~0ULL), 64);
	for (b = 0; b < 64; b++) {
		assert_int_equal(fls64(1ULL << b), b + 1);
		assert_int_equal(ilog2_u64(1ULL << b), b);
		assert_true(is_power_of_2(1ULL << b));
		if (b > 1)
			assert_false(is_power_of_2((1ULL << b) + 1));
	}
	assert_false(is_power_of_2(0));
	assert_int_equal(get_count_order(0), -1);
	assert_int_equal(get_count_order(1), 0);
	assert_int_equal(get_count_order(3), 2);
	assert_int_equal(get_count_order(4), 2);
	assert_int_equal(get_count_order(~0ULL), 64);
}

static void
test_align_up_overflows(void **state)
{
	(void)state;
	assert_false(align_up_overflows(0, PAGE_SIZE));
	assert_false(align_up_overflows(~0ULL - PAGE_SIZE + 1, PAGE_SIZE));
	assert_true(align_up_overflows(~0ULL - PAGE_SIZE + 2, PAGE_SIZE));
	assert_true(align_up_overflows(~0ULL, PAGE_SIZE));
	assert_false(align_up_overflows(~0ULL, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_order_powers),
		cmocka_unit_test(test_get_order_largest),
		cmocka_unit_test(test_fls_ilog2),
		cmocka_unit_test(test_align_up_overflows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
