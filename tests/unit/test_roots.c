// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * roots: on a booted machine of every arch, the scan finds the kernel's
 * swapper_pg_dir first and the pgd of pid 1 among the candidates; memory
 * with no table (all zero, then random bytes) gives no candidate.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "helpers.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/roots.h"

static bool
listed(const struct roots_scan *rs, u64 pa)
{
	int i;

	for (i = 0; i < rs->n; i++)
		if (rs->c[i].pa == pa)
			return true;
	return false;
}

static void
run_arch(const struct arch *a)
{
	struct machine *m = boot(.arch = a->name, .mem = 128 * MiB);
	struct roots_scan rs = { .which = a->root_name[1] != NULL };
	struct error e;

	assert_int_equal(roots_scan(m, &rs, &e), 0);
	assert_true(rs.n > 0);
	assert_int_equal(rs.c[0].pa, m->swapper_pg_dir);
	assert_true(rs.c[0].kmapped);
	assert_true(rs.c[0].kernel_pages > 0);
	roots_free(&rs);
	if (a->root_name[1] == NULL && machine_cpu(m)->root_valid[0] &&
	    machine_cpu(m)->root[0] != m->swapper_pg_dir) {
		rs.which = 0;
		assert_int_equal(roots_scan(m, &rs, &e), 0);
		assert_true(listed(&rs, machine_cpu(m)->root[0]));
		roots_free(&rs);
	}
	machine_free(m);
}

static void
test_all_arches(void **state)
{
	int i;

	(void)state;
	for (i = 0; arch_list[i] != NULL; i++)
		run_arch(arch_list[i]);
}

/* A machine without page tables: no candidate, zero or random memory. */
static void
test_none(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB,
				 .exec = "none");
	struct roots_scan rs = { 0 };
	struct error e;
	u64 pa, seed = 1;

	(void)state;
	/* nothing but random bytes where the RAM was */
	for (pa = m->ram_start; pa < m->ram_start + m->ram_size; pa += 8) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		phys_write_entry(&m->phys, pa, 8, seed);
	}
	assert_int_equal(roots_scan(m, &rs, &e), 0);
	assert_int_equal(rs.n, 0);
	assert_true(rs.tables > 0);
	roots_free(&rs);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_arches),
		cmocka_unit_test(test_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
