// SPDX-License-Identifier: GPL-3.0-or-later
/* x86 entries: encode/decode round trips, the i386 boot tables, the walker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/machine.h"
#include "ptwalk/pgtable.h"
#include "helpers.h"

static const pgprot_t prots[] = {
	PAGE_KERNEL, PAGE_KERNEL_EXEC, PAGE_KERNEL_RO, PAGE_KERNEL_NOCACHE,
	P_KR | P_UR | P_YOUNG, P_KR | P_KW | P_UR | P_UW | P_YOUNG | P_DIRTY,
	P_KR | P_KX | P_UR | P_UX | P_YOUNG, PAGE_KERNEL_WC,
};

/* mk_leaf then decode gives back the rights and attributes */
static void
roundtrip(const char *arch)
{
	struct machine *m = boot(.arch = arch, .mem = 128 * MiB);
	const struct mmu *mmu = &m->mmu;
	size_t i;
	int k;

	for (k = 0; k < mmu->nwalk; k++) {
		int lvl = mmu->walk[k];
		unsigned shift = mmu->lv[lvl].leaf_shift;

		if (shift == 0)
			continue;
		for (i = 0; i < ARRAY_SIZE(prots); i++) {
			u64 pa = (lvl == LVL_PTE ? 0x12345ULL : 0x3ULL) << shift;
			u64 e = m->arch->mk_leaf(mmu, lvl, pa & mmu->pa_mask, prots[i]);
			struct pte_decode d;
			u16 want = (u16)(prots[i] & P_PERM);

			pa &= mmu->pa_mask;
			m->arch->decode(mmu, lvl, e, &d);
			assert_int_equal(d.kind, PT_LEAF);
			assert_int_equal(d.shift, shift);
			assert_true(d.addr == pa);
			/* x86 grants kernel read with any mapping, and kernel
			 * rights with user ones; exec without NX everywhere */
			if (want & P_UW)
				want |= P_KW;
			if (want & P_UX)
				want |= P_KX;
			if (!(mmu->features & F_NX) || !strcmp(arch, "i386"))
				want |= P_KX | ((want & P_UR) ? P_UX : 0);
			want |= P_KR;
			assert_int_equal(d.perm, want);
			assert_int_equal(!!(d.attr & P_GLOBAL),
					 !!(prots[i] & P_GLOBAL));
			assert_int_equal(!!(d.attr & P_NOCACHE),
					 !!(prots[i] & P_NOCACHE));
			assert_int_equal(!!(d.attr & P_DIRTY),
					 !!(prots[i] & P_DIRTY));
		}
	}
	machine_free(m);
}

static void test_roundtrip_i386(void **s) { (void)s; roundtrip("i386"); }
static void test_roundtrip_pae(void **s) { (void)s; roundtrip("i386-pae"); }
static void test_roundtrip_x86_64(void **s) { (void)s; roundtrip("x86_64"); }
static void test_roundtrip_la57(void **s) { (void)s; roundtrip("x86_64-la57"); }

static void
test_i386_lowmem_pse(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct walk w;

	(void)state;
	assert_true(m->lay.high_memory == 0xf8000000ULL);
	assert_true(m->lay.vmalloc_start == 0xf8800000ULL);
	assert_true(m->lay.vmalloc_end == 0xff7fe000ULL);
	assert_true(m->lay.pkmap_base == 0xff800000ULL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xc0100000, &w), WF_NONE);
	assert_int_equal(w.nsteps, 1);
	assert_int_equal(w.step[0].index, 768);
	assert_true(w.step[0].entry == 0x1e3);
	assert_int_equal(w.shift, 22);
	assert_true(w.pa == 0x00100000);
	/* last lowmem byte, first vmalloc byte */
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xf7ffffff, &w), WF_NONE);
	assert_true(w.pa == 0x37ffffff);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xf8800000, &w), WF_NOT_PRESENT);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0x100000000ULL, &w), WF_VA_RANGE);
	machine_free(m);
}

static void
test_i386_160m(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 160 * MiB);

	(void)state;
	assert_true(m->lay.high_memory == 0xca000000ULL);
	assert_true(m->lay.vmalloc_start == 0xca800000ULL);
	assert_true(m->lay.lowmem_end == 160 * MiB);
	machine_free(m);
}

static void
test_i386_nopse(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 128 * MiB,
				 .cpu_clear = F_PSE);
	struct walk w;

	(void)state;
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xc0123456, &w), WF_NONE);
	assert_int_equal(w.nsteps, 2);
	assert_int_equal(w.shift, 12);
	assert_true(w.pa == 0x00123456);
	assert_true((w.step[0].entry & 0xfff) == 0x063);	/* _KERNPG_TABLE */
	assert_true((w.step[1].entry & 0xfff) == 0x163);	/* PAGE_KERNEL */
	machine_free(m);
}

static void
test_reserved_and_beyond_ram(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 64 * MiB);
	struct walk w;
	u64 pde = m->swapper_pg_dir + 0x300 * 4;

	(void)state;
	/* a 4M PDE with bit 21 set: reserved with PSE-36 */
	phys_write_entry(&m->phys, pde, 4, 0x1e3 | (1u << 21));
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xc0000000, &w), WF_RESERVED);
	assert_true(w.fault_info == (1u << 21));
	/* a table pointer past RAM */
	phys_write_entry(&m->phys, pde, 4, 0x7fff0063);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xc0000000, &w), WF_BEYOND_RAM);
	machine_free(m);
}

static void
test_x86_64_canonical(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 256 * MiB);
	struct walk w;

	(void)state;
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0x0000800000000000ULL, &w), WF_NONCANONICAL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xffff888000123456ULL, &w), WF_NONE);
	assert_true(w.pa == 0x123456);
	assert_int_equal(w.step[0].index, 273);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xffffffff81000000ULL, &w), WF_NONE);
	assert_true(w.pa == 0x1000000);
	assert_int_equal(w.step[0].index, 511);
	assert_int_equal(w.step[1].index, 510);
	assert_int_equal(w.step[2].index, 8);
	assert_false(w.perm & P_KW);	/* text is read-only */
	assert_true(w.perm & P_KX);
	machine_free(m);
}

static void
test_update_ad(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 64 * MiB,
				 .cpu_clear = F_PSE);
	struct cpu *c = machine_cpu(m);
	struct walk w;
	struct error e;
	u64 pa, epa;

	(void)state;
	/* a fresh kernel PTE without A/D gets them on a write access */
	assert_int_equal(pgtable_map(m, m->swapper_pg_dir, 0xd0000000,
				     0x200000, PAGE_SIZE, 12,
				     P_KR | P_KW | P_GLOBAL, &e), 0);
	assert_int_equal(machine_access(m, c, 0xd0000000, ACC_WRITE, &pa, &e), 0);
	assert_true(pa == 0x200000);
	assert_int_equal(pgtable_slot(m, m->swapper_pg_dir, 0xd0000000, LVL_PTE,
				      false, &epa, &e), 0);
	mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, 0xd0000000, &w);
	assert_true(w.step[1].entry & 0x60);
	machine_free(m);
}

/* The G bit of the leaf that maps va from root (-1: not mapped). */
static int
global_at(struct machine *m, u64 root, u64 va)
{
	struct walk w;

	if (mmu_walk(&m->mmu, &m->phys, root, va, &w) != WF_NONE)
		return -1;
	return (w.step[w.nsteps - 1].entry & 0x100) != 0;
}

/*
 * PTI on i386-pae (the default: qemu32 has the Meltdown bug): the user
 * half of swapper_pg_dir maps the kernel text and the cpu_entry_area,
 * global, and nothing else of the kernel, whose own mappings are
 * non-global; a process's pgd is two pages, the PDPTEs of user space
 * shared, each with its own kernel pmd.
 */
static void
test_pti_pae(void **state)
{
	struct machine *m = boot(.arch = "i386-pae", .mem = 1 * GiB,
				 .variant = "6.1");
	struct cpu *c = machine_cpu(m);
	u64 user = m->swapper_pg_dir + PAGE_SIZE, k[4], u[4];
	int i;

	(void)state;
	assert_true(m->user_pgd_offset == PAGE_SIZE);
	assert_int_equal(global_at(m, user, m->lay.ktext), 1);
	assert_int_equal(global_at(m, user, m->lay.cpu_entry_area), 1);
	assert_int_equal(global_at(m, user, m->lay.page_offset), -1);
	assert_int_equal(global_at(m, user, 0xc2000000), -1);
	assert_int_equal(global_at(m, m->swapper_pg_dir, m->lay.ktext), 1);
	assert_int_equal(global_at(m, m->swapper_pg_dir, 0xc2000000), 0);
	assert_int_equal(global_at(m, m->swapper_pg_dir, m->lay.page_offset),
			 0);
	assert_true((c->root[0] & (2 * PAGE_SIZE - 1)) == 0);
	for (i = 0; i < 4; i++) {
		phys_read_entry(&m->phys, c->root[0] + i * 8, 8, &k[i]);
		phys_read_entry(&m->phys, c->root[0] + PAGE_SIZE + i * 8, 8,
				&u[i]);
	}
	for (i = 0; i < 3; i++)
		assert_true(k[i] == u[i] && (k[i] & 1));
	assert_true(k[3] != u[3] && (k[3] & 1) && (u[3] & 1));
	machine_free(m);

	m = boot(.arch = "i386-pae", .mem = 1 * GiB, .variant = "6.1",
		 .cpu_clear = F_MELTDOWN);
	assert_true(m->user_pgd_offset == 0);
	assert_int_equal(global_at(m, m->swapper_pg_dir, 0xc2000000), 1);
	machine_free(m);
}

/*
 * x86_64 (qemu64: no PTI) with --cpu meltdown: with PCID only the entry
 * text's pmd of the kernel image is in the user half, without it the text
 * and rodata; the user pgd entries are the kernel pgd's without NX.
 */
static void
test_pti_x86_64(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 256 * MiB);
	u64 user, text = 0xffffffff81000000ULL, entry = 0xffffffff81c00000ULL;
	u64 ke = 0, ue = 0;

	(void)state;
	assert_true(m->user_pgd_offset == 0);
	machine_free(m);
	m = boot(.arch = "x86_64", .mem = 256 * MiB, .cpu_set = F_MELTDOWN);
	user = m->swapper_pg_dir + PAGE_SIZE;
	assert_true(m->user_pgd_offset == PAGE_SIZE);
	assert_true(m->user_tag_bit == 0x800);
	assert_int_equal(global_at(m, user, entry), 1);
	assert_int_equal(global_at(m, user, text), -1);
	assert_int_equal(global_at(m, user, 0xfffffe0000000000ULL), 1);
	assert_int_equal(global_at(m, user, m->lay.page_offset), -1);
	assert_int_equal(global_at(m, m->swapper_pg_dir, text), 0);
	assert_int_equal(global_at(m, m->swapper_pg_dir, m->lay.page_offset),
			 0);
	/* pid 1's pgd[0]: in both pgds, NX in the kernel's only */
	phys_read_entry(&m->phys, machine_cpu(m)->root[0], 8, &ke);
	phys_read_entry(&m->phys, machine_cpu(m)->root[0] + PAGE_SIZE, 8, &ue);
	assert_true((ke & 1) && (ke & ~(1ULL << 63)) == ue);
	assert_true(ke >> 63);
	machine_free(m);
	m = boot(.arch = "x86_64", .mem = 256 * MiB, .cpu_set = F_MELTDOWN,
		 .cpu_clear = F_PCID);
	user = m->swapper_pg_dir + PAGE_SIZE;
	assert_true(m->user_tag_bit == 0);
	assert_int_equal(global_at(m, user, text), 1);
	assert_int_equal(global_at(m, user, text + 0x1800000), 1);
	assert_int_equal(global_at(m, user, text + 0x1a00000), -1);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_i386),
		cmocka_unit_test(test_roundtrip_pae),
		cmocka_unit_test(test_roundtrip_x86_64),
		cmocka_unit_test(test_roundtrip_la57),
		cmocka_unit_test(test_i386_lowmem_pse),
		cmocka_unit_test(test_i386_160m),
		cmocka_unit_test(test_i386_nopse),
		cmocka_unit_test(test_reserved_and_beyond_ram),
		cmocka_unit_test(test_x86_64_canonical),
		cmocka_unit_test(test_update_ad),
		cmocka_unit_test(test_pti_pae),
		cmocka_unit_test(test_pti_x86_64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
