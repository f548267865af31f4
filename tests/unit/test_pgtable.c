// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Linux's page-table accessors (include/ptwalk/pgtable.h) on every arch:
 * pgd_offset_pgd, p4d_offset ... pte_offset_kernel and pgd_index ...
 * pte_index name the entries the hardware walk reads, folded levels
 * included; pgtable_slot() and user_pte_slot() find the same entries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "ptwalk/pgtable.h"
#include "../../src/mm/internal.h"

typedef u64 (*offset_fn)(struct machine *m, u64 upper, u64 va);

/* The accessor that goes from the entry above a level to the level's. */
static const offset_fn down[NR_LEVELS] = {
	[LVL_P4D] = p4d_offset,
	[LVL_PUD] = pud_offset,
	[LVL_PMD] = pmd_offset,
	[LVL_PTE] = pte_offset_kernel,
};

static u64
index_of(const struct mmu *mmu, int lvl, u64 va)
{
	switch (lvl) {
	case LVL_PGD:
		return pgd_index(mmu, va);
	case LVL_P4D:
		return p4d_index(mmu, va);
	case LVL_PUD:
		return pud_index(mmu, va);
	case LVL_PMD:
		return pmd_index(mmu, va);
	default:
		return pte_index(mmu, va);
	}
}

/*
 * Every step of the walk of va from root is the entry the accessors name,
 * at the index they give; a translated va's leaf entry is pgtable_slot's.
 * Returns the leaf entry's address (0 when va does not translate).
 */
static u64
check_walk(struct machine *m, u64 root, u64 va)
{
	const struct mmu *mmu = &m->mmu;
	u64 p = pgd_offset_pgd(mmu, root, va), epa = 0;
	int k, lvl = LVL_PGD;
	struct walk w;

	mmu_walk(mmu, &m->phys, root, va, &w);
	for (k = 0; k < w.nsteps; k++) {
		const struct walk_step *s = &w.step[k];

		for (lvl++; lvl <= s->lvl; lvl++)
			p = down[lvl](m, p, va);
		lvl = s->lvl;
		if (p != s->entry_pa || index_of(mmu, lvl, va) != s->index)
			fail_msg("%s va 0x%llx: %s entry 0x%llx index %llu, the "
				 "walk's 0x%llx index %u", m->arch->name,
				 (unsigned long long)va, mmu->lv[lvl].name,
				 (unsigned long long)p, (unsigned long long)
				 index_of(mmu, lvl, va),
				 (unsigned long long)s->entry_pa, s->index);
	}
	if (w.fault != WF_NONE)
		return 0;
	assert_int_equal(pgtable_slot(m, root, va, lvl, false, &epa, NULL), 0);
	assert_true(epa == p);
	return epa;
}

static void
kernel_tables(const char *arch)
{
	struct machine_opts o;
	struct machine *m;
	struct error e;
	u64 va, epa, pa;

	memset(&o, 0, sizeof(o));
	o.arch = arch;
	o.exec = "none";
	m = machine_new(&o, &e);
	if (m == NULL)
		fail_msg("boot %s: %s", arch, e.msg);
	/* the direct map and the kernel image, as paging_init built them */
	assert_true(check_walk(m, m->swapper_pg_dir, m->lay.page_offset) != 0);
	assert_true(check_walk(m, m->swapper_pg_dir,
			       m->lay.page_offset + 5 * MiB + 0x123) != 0);
	assert_true(check_walk(m, m->swapper_pg_dir, m->lay.kdata) != 0);
	/* a 4K page mapped now: pgtable_slot makes the missing tables */
	va = ALIGN_UP(m->lay.vmalloc_end - 8 * MiB, 1ULL << 22) + 0x5000;
	pa = m->ram_start + 0x7000;
	assert_int_equal(check_walk(m, m->swapper_pg_dir, va), 0);
	assert_int_equal(pgtable_map(m, m->swapper_pg_dir, va, pa, PAGE_SIZE,
				     PAGE_SHIFT, PAGE_KERNEL, &e), 0);
	epa = check_walk(m, m->swapper_pg_dir, va);
	assert_true(epa != 0);
	assert_int_equal(pgtable_slot(m, m->swapper_pg_dir, va, LVL_PTE, true,
				      &pa, &e), 0);
	assert_true(pa == epa);
	machine_free(m);
}

/* The demo program's entry, faulted in: user_pte_slot's PTE is the walk's. */
static void
user_tables(const char *arch)
{
	struct machine_opts o;
	struct task_struct *t;
	struct machine *m;
	struct error e;
	u64 pa, epa;

	memset(&o, 0, sizeof(o));
	o.arch = arch;
	m = machine_new(&o, &e);
	if (m == NULL)
		fail_msg("boot %s: %s", arch, e.msg);
	t = current_task(m);
	assert_non_null(t);
	assert_int_equal(machine_access(m, machine_cpu(m), t->entry, ACC_READ,
					&pa, &e), 0);
	epa = check_walk(m, t->mm->pgd, t->entry);
	assert_true(epa != 0);
	assert_int_equal(user_pte_slot(m, t->mm, t->entry, false, &pa, &e), 0);
	assert_true(pa == epa);
	machine_free(m);
}

static void
test_accessors(void **state)
{
	int i;

	(void)state;
	for (i = 0; arch_list[i] != NULL; i++) {
		kernel_tables(arch_list[i]->name);
		user_tables(arch_list[i]->name);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accessors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
