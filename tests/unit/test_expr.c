// SPDX-License-Identifier: GPL-3.0-or-later
/* Numbers and expressions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/expr.h"

static int
lookup(void *o, const char *name, u64 *v, char *err, size_t n)
{
	(void)o;
	static const struct {
		const char *name;
		u64 v;
	} vars[] = { { "main", 0x401000 }, { "$_", 1 }, { "$", 2 },
		     { "$$", 3 }, { "$$12", 12 }, { "$7", 7 }, { "$cr3", 0x1000 } };
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (!strcmp(name, vars[i].name)) {
			*v = vars[i].v;
			return 0;
		}
	snprintf(err, n, "unknown symbol '%s'", name);
	return -1;
}

static u64
ev(const char *s)
{
	struct expr_env env = { lookup, NULL };
	char err[200];
	u64 v = 0;

	if (expr_eval(s, &env, &v, err, sizeof(err)))
		fail_msg("'%s': %s", s, err);
	return v;
}

static const char *
everr(const char *s)
{
	static char err[200];
	struct expr_env env = { lookup, NULL };
	u64 v;

	err[0] = 0;
	if (expr_eval(s, &env, &v, err, sizeof(err)) == 0)
		fail_msg("'%s' should fail", s);
	return err;
}

static void
test_bases(void **state)
{
	(void)state;
	assert_int_equal(ev("0x1f"), 31);
	assert_int_equal(ev("0X1F"), 31);
	assert_int_equal(ev("0755"), 0755);
	assert_int_equal(ev("0b101"), 5);
	assert_int_equal(ev("42"), 42);
	assert_int_equal(ev("0"), 0);
	assert_true(ev("0xffffffffffffffff") == ~0ULL);
	assert_true(ev("1_000") == 1000);
}

static void
test_suffixes(void **state)
{
	(void)state;
	assert_true(ev("4K") == 4096);
	assert_true(ev("4k") == 4096);
	assert_true(ev("160M") == 160ULL << 20);
	assert_true(ev("1G") == 1ULL << 30);
	assert_true(ev("2T") == 2ULL << 40);
	assert_true(ev("1MiB") == 1ULL << 20);
}

static void
test_hex_suffix_is_error(void **state)
{
	(void)state;
	/* suffixes are for decimal sizes; after hex digits they are garbage */
	assert_non_null(strstr(everr("0x10K"), "bad number"));
	assert_true(ev("0x1b") == 0x1b);	/* 'b' is a hex digit */
}

static void
test_operators(void **state)
{
	(void)state;
	assert_true(ev("0xc0000000 + 160M") == 0xca000000ULL);
	assert_true(ev("(1 + 2) * 3") == 9);
	assert_true(ev("1 + 2 * 3") == 7);
	assert_true(ev("100 / 7") == 14);
	assert_true(ev("100 % 7") == 2);
	assert_true(ev("1 << 12") == 4096);
	assert_true(ev("0x1234 >> 4") == 0x123);
	assert_true(ev("0xff & 0x0f | 0x100") == 0x10f);
	assert_true(ev("0xf0 ^ 0xff") == 0x0f);
	assert_true(ev("~0 >> 60") == 15);
	assert_true(ev("main+16") == 0x401010);
	assert_true(ev("-0") == 0);
}

/* The precedence and grouping help expressions documents: C's. */
static void
test_precedence(void **state)
{
	(void)state;
	assert_true(ev("8 - 2 - 1") == 5);
	assert_true(ev("1 + 2 << 3") == 24);
	assert_true(ev("64 / 4 / 2") == 8);
	assert_true(ev("1 | 2 ^ 3 & 6") == (1 | (2 ^ (3 & 6))));
	assert_true(ev("1 << 2 + 1") == 8);
	assert_true(ev("~0 & 0xff") == 0xff);
	assert_true(ev("- 0 + 5") == 5);
	assert_true(ev("+ 5") == 5);
	assert_true(ev("0x1234 >>4") == 0x123);
	assert_true(ev("1<< 4") == 16);
	assert_true(ev("  ( 1 + 1 ) * ( 2 )  ") == 4);
}

/* $_, $, $$, $$N, $N and registers reach the lookup as whole names. */
static void
test_names(void **state)
{
	(void)state;
	assert_true(ev("$_ + $ + $$") == 6);
	assert_true(ev("$$12 - $7") == 5);
	assert_true(ev("$cr3 >> 12") == 1);
	assert_true(ev("($$12)") == 12);
	assert_non_null(strstr(everr("$$x"), "unknown symbol '$$x'"));
}

static void
test_errors(void **state)
{
	(void)state;
	assert_non_null(strstr(everr("0x10000000000000000"), "64 bits"));
	assert_non_null(strstr(everr("18446744073709551616"), "64 bits"));
	assert_non_null(strstr(everr("0xffffffffffffffff + 1"), "overflow"));
	assert_non_null(strstr(everr("1 - 2"), "negative"));
	assert_non_null(strstr(everr("1 / 0"), "division by zero"));
	assert_non_null(strstr(everr("12xyz"), "bad number"));
	assert_non_null(strstr(everr("(1 + 2"), "')'"));
	assert_non_null(strstr(everr("1 +"), "missing operand"));
	assert_non_null(strstr(everr("foo"), "unknown symbol"));
	assert_non_null(strstr(everr("1 << 64"), "shift"));
	assert_non_null(strstr(everr("16E"), "bad number"));
	assert_non_null(strstr(everr("0x8000000000000000 * 2"), "overflow"));
	assert_non_null(strstr(everr("-1"), "negative"));
	assert_non_null(strstr(everr("1 2"), "unexpected"));
	assert_non_null(strstr(everr("20000000T"), "64 bits"));
}

static void
test_parse_number(void **state)
{
	char err[100];
	u64 v;

	(void)state;
	assert_int_equal(parse_number("160M", &v, err, sizeof(err)), 0);
	assert_true(v == 160ULL << 20);
	assert_int_equal(parse_number("1 + 1", &v, err, sizeof(err)), -1);
	assert_int_equal(parse_number("abc", &v, err, sizeof(err)), -1);
	assert_int_equal(parse_number("", &v, err, sizeof(err)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bases),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_hex_suffix_is_error),
		cmocka_unit_test(test_operators),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_parse_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
