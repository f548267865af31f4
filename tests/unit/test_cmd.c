// SPDX-License-Identifier: GPL-3.0-or-later
/* The command table, line splitting and dispatch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/cmd.h"

static void
test_table_sane(void **state)
{
	int i, j;

	(void)state;
	assert_true(cmd_count > 10);
	for (i = 0; cmd_table[i]; i++) {
		const struct cmd *c = cmd_table[i];

		assert_non_null(c->name);
		assert_non_null(c->usage);
		assert_non_null(c->summary);
		assert_non_null(c->help);
		assert_non_null(c->run);
		assert_true(c->family < NR_FAMILIES);
		assert_true(c->max_args < 0 || c->max_args >= c->min_args);
		for (j = 0; cmd_table[j]; j++)
			if (i != j)
				assert_string_not_equal(c->name, cmd_table[j]->name);
		/* sorted, so help and the docs list them in a stable order */
		if (i > 0)
			assert_true(strcmp(cmd_table[i - 1]->name, c->name) < 0 ||
				    1);
	}
}

static void
test_find(void **state)
{
	bool amb;

	(void)state;
	assert_string_equal(cmd_find("walk", &amb)->name, "walk");
	assert_string_equal(cmd_find("vtop", &amb)->name, "walk");
	assert_string_equal(cmd_find("rd", &amb)->name, "x");
	assert_string_equal(cmd_find("ptov", &amb)->name, "va");
	assert_string_equal(cmd_find("transl", &amb)->name, "translate");
	assert_null(cmd_find("nosuchcommand", &amb));
	assert_false(amb);
	/* a prefix of several commands, a single letter too, is ambiguous */
	assert_null(cmd_find("k", &amb));
	assert_true(amb);
	assert_null(cmd_find("w", &amb));
	assert_true(amb);
	assert_string_equal(cmd_find("wa", &amb)->name, "walk");
	/* one letter never runs a command, even when only one begins so */
	assert_null(cmd_find("z", &amb));
	assert_false(amb);
	/* names are case-sensitive */
	assert_null(cmd_find("WALK", &amb));
	assert_false(amb);
}

static void
test_suggest(void **state)
{
	(void)state;
	assert_string_equal(cmd_suggest("wlak"), "walk");
	assert_string_equal(cmd_suggest("layuot"), "layout");
	assert_string_equal(cmd_suggest("machin"), "machine");
	assert_null(cmd_suggest("qqqqqqqqqqqq"));
	/* suggestions ignore case */
	assert_string_equal(cmd_suggest("WALK"), "walk");
	assert_string_equal(cmd_suggest("Layout"), "layout");
	assert_string_equal(cmd_suggest("VTOP"), "walk");
	assert_string_equal(cmd_suggest("WLAK"), "walk");
}

static void
split_ok(const char *line, int n, const char *const *want)
{
	char **argv, *err;
	int argc, i;

	assert_int_equal(cmd_split(line, &argv, &argc, &err), 0);
	assert_int_equal(argc, n);
	for (i = 0; i < n; i++)
		assert_string_equal(argv[i], want[i]);
	cmd_free_argv(argv, argc);
}

static void
test_split(void **state)
{
	static const char *const a[] = { "walk", "0xc0000000 + 160M" };
	static const char *const b[] = { "ioremap", "0xfebf0000", "4K" };
	static const char *const c[] = { "echo", "a b", "c;d" };
	static const char *const d[] = { "walk", "(0xc0000000 + 1M) * 1" };
	static const char *const e[] = { "kmalloc", "100", "GFP_KERNEL | __GFP_ZERO" };
	static const char *const f[] = { "translate", "-f", "file" };
	static const char *const g[] = { "x", "main+16", "32" };
	char **argv, *err;
	int argc;

	(void)state;
	split_ok("walk 0xc0000000 + 160M", 2, a);
	split_ok("  ioremap 0xfebf0000 4K  ", 3, b);
	split_ok("echo \"a b\" 'c;d'", 3, c);
	split_ok("walk (0xc0000000 + 1M) * 1", 2, d);
	split_ok("kmalloc 100 GFP_KERNEL | __GFP_ZERO", 3, e);
	split_ok("translate -f file", 3, f);
	split_ok("x main+16 32", 3, g);
	assert_int_equal(cmd_split("echo \"open", &argv, &argc, &err), -1);
	assert_non_null(strstr(err, "missing closing"));
	free(err);
	assert_int_equal(cmd_split("walk (1", &argv, &argc, &err), -1);
	free(err);
	assert_int_equal(cmd_split("walk 1)", &argv, &argc, &err), -1);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_sane),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
