// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv: PTEs built and decoded back at every leaf level of Sv32, Sv39,
 * Sv48 and Sv57, the reserved encodings and misaligned superpages,
 * Svpbmt and Svnapot, satp, the faults (scause) with Svade and Svadu, and
 * Linux 6.1's layouts and boot tables; --kernel xv6: kvmmake's table,
 * kalloc's order, exec and a property test of sbrk against a model.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/ksym.h"
#include "ptwalk/image_info.h"
#include "ptwalk/machine.h"
#include "ptwalk/pgtable.h"
#include "helpers.h"
#include "riscv.h"	/* src/arch/riscv (the Makefile says where) */

static const struct {
	const char *arch;
	int va_bits;
} modes[] = {
	{ "riscv32", 0 }, { "riscv64", 39 }, { "riscv64", 48 },
	{ "riscv64", 57 }, { "riscv64-sv48", 0 }, { "riscv64-sv57", 0 },
};

static struct machine *
boot_mode(size_t i, unsigned feat)
{
	return boot(.arch = modes[i].arch, .va_bits = modes[i].va_bits,
		    .mem = 128 * MiB, .cpu_set = feat, .exec = "none");
}

static void
decode(const struct machine *m, int lvl, u64 e, struct pte_decode *d)
{
	m->arch->decode(&m->mmu, lvl, e, d);
}

static void
bad_desc(const struct machine *m, int lvl, u64 e, char *buf, size_t n)
{
	struct pte_decode d;

	decode(m, lvl, e, &d);
	assert_int_equal(d.kind, PT_BAD);
	m->arch->bad_desc(&m->mmu, lvl, e, &d, buf, n);
}

/* Every leaf level, every protection: mk_leaf then decode gives it back. */
static void
test_roundtrip(void **state)
{
	static const pgprot_t prots[] = {
		PAGE_KERNEL, PAGE_KERNEL_RO, PAGE_KERNEL_RX, PAGE_KERNEL_EXEC,
		P_UR | P_YOUNG, P_UR | P_UW | P_YOUNG | P_DIRTY,
		P_UR | P_UX | P_YOUNG, P_UR | P_UW | P_YOUNG,
	};
	size_t i, k;
	int w;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		struct machine *m = boot_mode(i, 0);
		const struct mmu *mmu = &m->mmu;

		for (w = 0; w < mmu->nwalk; w++) {
			int lvl = mmu->walk[w];
			unsigned shift = mmu->lv[lvl].leaf_shift;
			/* above 4G: the 34-bit space of Sv32 too */
			u64 pa = (1ULL << shift) |
				((3ULL << 32) & ~((1ULL << shift) - 1));
			struct pte_decode d;
			u64 t;

			assert_true(shift >= 12);
			for (k = 0; k < ARRAY_SIZE(prots); k++) {
				u64 e = m->arch->mk_leaf(mmu, lvl, pa, prots[k]);
				u16 want = 0;

				decode(m, lvl, e, &d);
				assert_int_equal(d.kind, PT_LEAF);
				assert_int_equal(d.shift, shift);
				assert_true(d.addr == pa);
				assert_int_equal(!!(d.attr & P_GLOBAL),
						 !!(prots[k] & P_GLOBAL));
				assert_int_equal(!!(d.attr & P_YOUNG),
						 !!(prots[k] & P_YOUNG));
				assert_int_equal(!!(d.attr & P_DIRTY),
						 !!(prots[k] & P_DIRTY));
				/* U pages: the kernel with SUM, never X */
				if (prots[k] & P_UR)
					want |= P_UR | P_KR;
				if ((prots[k] & P_UW) && (prots[k] & P_DIRTY))
					want |= P_UW | P_KW;
				want |= prots[k] & (P_UX | P_KR | P_KX);
				if ((prots[k] & P_KW) && (prots[k] & P_DIRTY))
					want |= P_KW;
				assert_int_equal(d.perm, want);
				/* Linux's view: writable whatever D says */
				m->arch->sw_decode(mmu, lvl, e, &d);
				if (prots[k] & P_UW)
					assert_true(d.perm & P_UW);
			}
			t = m->arch->mk_table(mmu, lvl, pa, PAGE_TABLE_KERNEL);
			decode(m, lvl, t, &d);
			if (lvl == LVL_PTE) {
				/* a pointer at level 0 */
				assert_int_equal(d.kind, PT_BAD);
			} else {
				assert_int_equal(d.kind, PT_TABLE);
				assert_true(d.addr == pa);
				assert_int_equal(d.perm, P_PERM);
			}
		}
		machine_free(m);
	}
}

static void
test_reserved_encodings(void **state)
{
	size_t i;
	char buf[200];

	(void)state;
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		struct machine *m = boot_mode(i, 0);
		u64 ppn = 0x80000ULL << RV_PPN_SHIFT;
		struct pte_decode d;

		/* W without R, with or without X */
		bad_desc(m, LVL_PTE, ppn | RV_V | RV_W, buf, sizeof(buf));
		assert_non_null(strstr(buf, "W=1 with R=0 is a reserved"));
		bad_desc(m, LVL_PMD, ppn | RV_V | RV_W | RV_X, buf,
			 sizeof(buf));
		assert_non_null(strstr(buf, "reserved encoding"));
		/* a pointer where a leaf must be */
		bad_desc(m, LVL_PTE, ppn | RV_V, buf, sizeof(buf));
		assert_non_null(strstr(buf, "pointer at level 0"));
		/* a superpage whose PPN has bits below its size */
		bad_desc(m, LVL_PMD, ppn | (1ULL << RV_PPN_SHIFT) | RV_V | RV_R,
			 buf, sizeof(buf));
		assert_non_null(strstr(buf, "misaligned superpage"));
		/* not valid: nothing */
		decode(m, LVL_PTE, ppn | RV_R | RV_W, &d);
		assert_int_equal(d.kind, PT_NONE);
		machine_free(m);
	}
}

/* The walker names the faults: through machine_walk on a built table. */
static void
test_walk_faults(void **state)
{
	struct machine *m = boot(.arch = "riscv64", .mem = 128 * MiB,
				 .exec = "none");
	struct cpu *c = machine_cpu(m);
	u64 va = m->lay.vmalloc_start + 16 * GiB, epa;
	struct error e;
	struct walk w;

	(void)state;
	assert_int_equal(pgtable_map(m, m->swapper_pg_dir, va, 0x80400000ULL,
				     2 * MiB, 21, PAGE_KERNEL, &e), 0);
	assert_int_equal(machine_walk(m, c, va, &w), WF_NONE);
	assert_int_equal(w.shift, 21);
	assert_int_equal(pgtable_slot(m, m->swapper_pg_dir, va, LVL_PMD,
				      false, &epa, &e), 0);
	/* misaligned: PPN[0] != 0 */
	phys_write_entry(&m->phys, epa, 8, ((0x80401ULL) << RV_PPN_SHIFT) |
			 RV_V | RV_R | RV_A | RV_D | RV_G);
	tlb_flush_all(&c->tlb);
	assert_int_equal(machine_walk(m, c, va, &w), WF_RESERVED);
	assert_int_equal(w.fault_lvl, LVL_PMD);
	/* W without R */
	phys_write_entry(&m->phys, epa, 8, ((0x80400ULL) << RV_PPN_SHIFT) |
			 RV_V | RV_W | RV_A | RV_D);
	assert_int_equal(machine_walk(m, c, va, &w), WF_RESERVED);
	assert_true(w.fault_info == RV_W);
	/* non-canonical: bit 38 not repeated above */
	assert_int_equal(machine_walk(m, c, 0x0000008000000000ULL, &w),
			 WF_NONCANONICAL);
	machine_free(m);
}

static void
test_pbmt_napot(void **state)
{
	unsigned feat;
	char buf[200];

	(void)state;
	for (feat = 0; feat <= F_SVPBMT; feat += F_SVPBMT) {
		struct machine *m = boot(.arch = "riscv64", .mem = 128 * MiB,
					 .cpu_set = feat, .exec = "none");
		const struct mmu *mmu = &m->mmu;
		u64 leaf = (0x80000ULL << RV_PPN_SHIFT) | RV_V | RV_R | RV_A;
		struct pte_decode d;
		u64 e;

		decode(m, LVL_PTE, leaf | RV_PBMT_NC, &d);
		if (feat) {
			assert_int_equal(d.kind, PT_LEAF);
			assert_true(d.attr & P_WC);
			decode(m, LVL_PTE, leaf | RV_PBMT_IO, &d);
			assert_true(d.attr & P_NOCACHE);
			e = m->arch->mk_leaf(mmu, LVL_PTE, 0x10000000ULL,
					     PAGE_KERNEL_NOCACHE);
			assert_true((e & RV_PBMT) == RV_PBMT_IO);
		} else {
			bad_desc(m, LVL_PTE, leaf | RV_PBMT_NC, buf,
				 sizeof(buf));
			assert_non_null(strstr(buf, "without Svpbmt"));
			e = m->arch->mk_leaf(mmu, LVL_PTE, 0x10000000ULL,
					     PAGE_KERNEL_NOCACHE);
			assert_true((e & RV_PBMT) == 0);
		}
		bad_desc(m, LVL_PTE, leaf | RV_PBMT, buf, sizeof(buf));
		assert_non_null(strstr(buf, "PBMT=3 is reserved"));
		/* Svnapot: a 64K page from PPN[3:0] = 1000 */
		decode(m, LVL_PTE, ((0x80008ULL) << RV_PPN_SHIFT) | RV_N |
		       RV_V | RV_R | RV_A, &d);
		assert_int_equal(d.kind, PT_LEAF);
		assert_int_equal(d.shift, 16);
		assert_true(d.addr == 0x80000000ULL);
		bad_desc(m, LVL_PMD, leaf | RV_N, buf, sizeof(buf));
		assert_non_null(strstr(buf, "Svnapot"));
		bad_desc(m, LVL_PGD, (0x80000ULL << RV_PPN_SHIFT) | RV_V |
			 (1ULL << 54), buf, sizeof(buf));
		assert_non_null(strstr(buf, "0x40000000000000"));
		machine_free(m);
	}
}

static void
test_satp(void **state)
{
	size_t i;
	char why[200];

	(void)state;
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		struct machine *m = boot_mode(i, 0);
		const struct mmu *mmu = &m->mmu;
		u64 root = 0x81234000ULL, got;
		unsigned asid;
		u64 s = riscv_satp(mmu, root, 5);

		assert_int_equal(riscv_satp_decode(mmu, s, &got, &asid, why,
						   sizeof(why)), 0);
		assert_true(got == root);
		assert_int_equal(asid, 5);
		/* the boot CPU's satp: swapper_pg_dir, ASID 0 */
		assert_int_equal(riscv_satp_decode(mmu, m->cpu[0].regs[0],
						   &got, &asid, why,
						   sizeof(why)), 0);
		assert_true(got == m->swapper_pg_dir);
		if (m->arch->is64) {
			unsigned other = mmu->va_bits == 39 ? 9 : 8;

			assert_int_equal(riscv_satp_decode(mmu, (s & ~(15ULL << 60))
				| ((u64)other << 60), &got, &asid, why,
				sizeof(why)), -1);
			assert_non_null(strstr(why, other == 9 ? "MODE=9 (Sv48)"
					       : "MODE=8 (Sv39)"));
			assert_int_equal(riscv_satp_decode(mmu, 5ULL << 60,
				&got, &asid, why, sizeof(why)), -1);
			assert_non_null(strstr(why, "MODE=5 (reserved)"));
		} else {
			assert_int_equal(riscv_satp_decode(mmu, s & ~(1ULL << 31),
				&got, &asid, why, sizeof(why)), -1);
			assert_non_null(strstr(why, "Bare"));
		}
		machine_free(m);
	}
}

/* scause of each access; Svade faults on a clear A or D, Svadu sets them */
static void
test_faults_ad(void **state)
{
	unsigned feat;

	(void)state;
	for (feat = 0; feat <= F_SVADU; feat += F_SVADU) {
		struct machine *m = boot(.arch = "riscv64", .mem = 128 * MiB,
					 .cpu_set = feat, .exec = "none");
		struct cpu *c = machine_cpu(m);
		u64 va = m->lay.vmalloc_start + 16 * GiB, epa, ent = 0, pa;
		struct error e;
		struct walk w;

		assert_int_equal(m->arch->mm->fault_code(m, &w, ACC_EXEC), 12);
		assert_int_equal(m->arch->mm->fault_code(m, &w, ACC_READ), 13);
		assert_int_equal(m->arch->mm->fault_code(m, &w, ACC_WRITE), 15);
		assert_int_equal(pgtable_map(m, m->swapper_pg_dir, va,
					     0x80400000ULL, PAGE_SIZE, 12,
					     P_KR | P_KW | P_GLOBAL, &e), 0);
		assert_int_equal(pgtable_slot(m, m->swapper_pg_dir, va,
					      LVL_PTE, false, &epa, &e), 0);
		if (!feat) {
			assert_true(m->mmu.young_required);
			assert_int_equal(machine_access(m, c, va, ACC_READ, &pa,
							&e), -EFAULT);
			/* with A set, a store to the clean page still faults */
			phys_read_entry(&m->phys, epa, 8, &ent);
			phys_write_entry(&m->phys, epa, 8, ent | RV_A);
			assert_int_equal(machine_access(m, c, va, ACC_READ, &pa,
							&e), 0);
			assert_int_equal(machine_access(m, c, va, ACC_WRITE,
							&pa, &e), -EFAULT);
		} else {
			assert_false(m->mmu.young_required);
			assert_int_equal(machine_access(m, c, va, ACC_WRITE,
							&pa, &e), 0);
			assert_true(pa == 0x80400000ULL);
			phys_read_entry(&m->phys, epa, 8, &ent);
			assert_true(ent & RV_A);
			assert_true(ent & RV_D);
		}
		machine_free(m);
	}
}

static u64
sym(const struct machine *m, const char *name)
{
	const struct ksym *k = machine_ksym(m, name);

	assert_non_null(k);
	return k->value;
}

/* Documentation/riscv/vm-layout.rst of 6.1, QEMU virt */
static void
test_layouts(void **state)
{
	static const struct {
		int vb;
		u64 fixmap, pci, vmemmap, vmalloc, direct, task;
	} want[] = {
		{ 39, 0xffffffc6fee00000ULL, 0xffffffc6ff000000ULL,
		  0xffffffc700000000ULL, 0xffffffc800000000ULL,
		  0xffffffd800000000ULL, 0x0000004000000000ULL },
		{ 48, 0xffff8d7ffee00000ULL, 0xffff8d7fff000000ULL,
		  0xffff8d8000000000ULL, 0xffff8f8000000000ULL,
		  0xffffaf8000000000ULL, 0x0000800000000000ULL },
		{ 57, 0xff1bfffffee00000ULL, 0xff1bffffff000000ULL,
		  0xff1c000000000000ULL, 0xff20000000000000ULL,
		  0xff60000000000000ULL, 0x0100000000000000ULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		struct machine *m = boot(.arch = "riscv64", .va_bits =
					 want[i].vb, .mem = 128 * MiB,
					 .exec = "none");
		const struct layout *L = &m->lay;

		assert_true(L->fixaddr_top - 2 * MiB == want[i].fixmap);
		assert_true(sym(m, "PCI_IO_START") == want[i].pci);
		assert_true(sym(m, "VMEMMAP_START") == want[i].vmemmap);
		assert_true(L->vmalloc_start == want[i].vmalloc);
		assert_true(L->page_offset == want[i].direct);
		assert_true(L->task_size == want[i].task);
		assert_true(sym(m, "_start") == 0xffffffff80000000ULL);
		assert_true(sym(m, "MODULES_END") == 0xffffffff80000000ULL);
		assert_true(L->dma32_limit == 4 * GiB && L->dma_limit == 0);
		assert_true(m->ram_start == 0x80000000ULL);
		machine_free(m);
	}
}

/* The walk of the direct map, Sv39 (and the kernel image, every mode) */
static void
test_boot_tables(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		struct machine *m = boot_mode(i, 0);
		struct cpu *c = machine_cpu(m);
		struct walk w;
		u64 stext = sym(m, "_stext");

		assert_int_equal(machine_walk(m, c, m->lay.page_offset + 0x1000,
					      &w), WF_NONE);
		assert_true(w.pa == 0x80001000ULL);
		assert_true(w.perm == (P_KR | P_KW));
		assert_int_equal(machine_walk(m, c, stext, &w), WF_NONE);
		assert_true(w.perm == (P_KR | P_KX));
		assert_true(w.pa == (m->arch->is64 ? 0x80202000ULL :
				     0x80402000ULL));
		/* the kernel's own alias in the direct map: not executable */
		if (m->arch->is64) {
			assert_int_equal(machine_walk(m, c, m->lay.page_offset +
						      0x202000, &w), WF_NONE);
			assert_true(w.perm == P_KR);
		}
		machine_free(m);
	}
	{
		struct machine *m = boot(.arch = "riscv64", .exec = "none");
		struct walk w;

		assert_int_equal(machine_walk(m, machine_cpu(m),
					      0xffffffd800001000ULL, &w),
				 WF_NONE);
		assert_true(w.pa == 0x80001000ULL);
		assert_int_equal(w.shift, 21);
		assert_int_equal(w.nsteps, 2);
		machine_free(m);
	}
}


/* xv6: kvmmake's mappings, kalloc's order from PHYSTOP down, exec's image */
static void
test_xv6_boot(void **state)
{
	struct machine *m = boot(.arch = "riscv64", .variant = "xv6");
	struct cpu *k = &m->cpu[1], *u = &m->cpu[0];
	const u64 tramp = (1ULL << 38) - 4096;
	struct walk w;
	int i;

	(void)state;
	assert_non_null(m);
	/* kvmmake's first kalloc is the top page: the root */
	assert_true(m->swapper_pg_dir == 0x88000000ULL - 4096);
	assert_int_equal(machine_walk(m, k, 0x10000000ULL, &w), WF_NONE);
	assert_true(w.pa == 0x10000000ULL && w.perm == (P_KR | P_KW));
	assert_int_equal(machine_walk(m, k, 0x0c3ff000ULL, &w), WF_NONE);
	assert_int_equal(machine_walk(m, k, 0x0c400000ULL, &w) == WF_NONE, 0);
	assert_int_equal(machine_walk(m, k, 0x80000000ULL, &w), WF_NONE);
	assert_true(w.perm == (P_KR | P_KX));
	assert_int_equal(machine_walk(m, k, 0x87fff123ULL, &w), WF_NONE);
	assert_true(w.pa == 0x87fff123ULL && w.perm == (P_KR | P_KW));
	assert_int_equal(machine_walk(m, k, 0x88000000ULL, &w) == WF_NONE, 0);
	/* every kernel stack mapped, its guard page not */
	for (i = 0; i < 64; i++) {
		u64 ks = tramp - (u64)(i + 1) * 2 * 4096;

		assert_int_equal(machine_walk(m, k, ks, &w), WF_NONE);
		assert_int_equal(machine_walk(m, k, ks - 4096, &w) == WF_NONE,
				 0);
	}
	/* the trampoline: one page in both tables, never U */
	assert_int_equal(machine_walk(m, k, tramp, &w), WF_NONE);
	assert_true(w.pa == 0x80007000ULL && w.perm == (P_KR | P_KX));
	assert_int_equal(machine_walk(m, u, tramp, &w), WF_NONE);
	assert_true(w.pa == 0x80007000ULL);
	/* init: text R-X U at 0, the guard page without U, the stack */
	assert_int_equal(machine_walk(m, u, 0, &w), WF_NONE);
	assert_true(w.perm & P_UX);
	assert_false(w.perm & P_UW);
	assert_int_equal(machine_walk(m, u, 0x2000, &w), WF_NONE);
	assert_false(w.perm & (P_UR | P_UW | P_UX));
	assert_int_equal(machine_walk(m, u, 0x3000, &w), WF_NONE);
	assert_true(w.perm & P_UW);
	assert_int_equal(machine_walk(m, u, 0x4000, &w) == WF_NONE, 0);
	/* the trapframe: in the user table only */
	assert_int_equal(machine_walk(m, u, tramp - 4096, &w), WF_NONE);
	assert_int_equal(machine_walk(m, k, tramp - 4096, &w) == WF_NONE, 0);
	machine_free(m);
}

/*
 * sbrk against a model: a random walk of growths and shrinks; after each,
 * every page below p->sz but the guard translates user-accessible (the
 * TLB, flushed by sbrk, agreeing with the walk), nothing above it is
 * mapped, and kalloc's list is LIFO: shrinking by a page then growing by
 * one gives the same frame back.
 */
static void
test_xv6_sbrk_prop(void **state)
{
	struct machine *m = boot(.arch = "riscv64", .variant = "xv6",
				 .exec = "_sh");
	const struct kernel_ops *ops = m->profile->ops;
	struct cpu *c = &m->cpu[0];
	u64 sz, old, seed = 12345, guard = 0x3000;
	struct error e;
	struct walk w;
	int it, pid;
	const char *name;

	(void)state;
	assert_non_null(ops);
	assert_int_equal(ops->sbrk(m, 0, &sz, &e), 0);
	for (it = 0; it < 400; it++) {
		long long n;
		u64 va, pa0 = 0;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (long long)((seed >> 33) % 40000) - 16000;
		if (n < 0 && (u64)-n > sz - guard - 4096)
			n = -(long long)(sz - guard - 4096);
		/* every 10th: give back the top page, then take it again */
		if (it % 10 == 0 && ((sz - 1) & ~4095ULL) > guard + 4096) {
			u64 top = (sz - 1) & ~4095ULL;

			n = -(long long)(sz - top);
			assert_int_equal(machine_walk(m, c, top, &w), WF_NONE);
			pa0 = w.pa;
		}
		assert_int_equal(ops->sbrk(m, n, &old, &e), 0);
		assert_true(old == sz);
		sz = old + (u64)n;
		if (pa0) {
			assert_int_equal(ops->sbrk(m, 4096, &old, &e), 0);
			assert_int_equal(machine_walk(m, c, sz, &w), WF_NONE);
			assert_true(w.pa == pa0);
			sz += 4096;
		}
		for (va = 0; va < ((sz + 4095) & ~4095ULL) + 8 * 4096;
		     va += 4096) {
			int f = machine_walk(m, c, va, &w);
			struct walk t;
			bool hit;

			if (va >= ((sz + 4095) & ~4095ULL)) {
				assert_int_not_equal(f, WF_NONE);
				continue;
			}
			assert_int_equal(f, WF_NONE);
			assert_int_equal(!!(w.perm & P_UR), va != guard);
			if (va != guard) {
				assert_int_equal(machine_translate(m, c, va,
								   ACC_READ,
								   &t, &hit),
						 WF_NONE);
				assert_true(t.pa == w.pa);
			}
		}
	}
	ops->user_root(m, &pid, &name);
	assert_int_equal(pid, 1);
	assert_string_equal(name, "sh");
	machine_free(m);
}

/*
 * A live guest's hart (QEMU's gdbstub, slots satp, sstatus, priv): satp's
 * root and ASID in Sv39; Bare and another mode have no root, and say why.
 */
static void
test_gdb_satp(void **state)
{
	struct machine *m = boot(.arch = "riscv64", .mem = 128 * MiB);
	const struct arch *a = m->arch;
	struct image_cpu c = { .have_ctl = true };
	struct image_info ii = { .ncpus = 1, .cpu = &c };
	u64 root = 0;
	u16 asid = 0;
	int cls = 0;

	(void)state;
	assert_string_equal(a->gdb_arch, "riscv:rv64");
	assert_int_equal(a->gdb_elf_machine(a, &ii, &cls), a->elf_machine);
	assert_int_equal(cls, a->elf->elf_class);
	c.ctl[0] = (8ULL << 60) | (5ULL << 44) | 0x80010;
	assert_null(a->gdb_mmu_off(m, &c));
	assert_true(a->gdb_root(m, &c, 0, &root, &asid));
	assert_int_equal(root, 0x80010000ULL);
	assert_int_equal(asid, 5);
	assert_false(a->gdb_root(m, &c, 1, &root, &asid));
	c.ctl[0] = 0;
	assert_non_null(strstr(a->gdb_mmu_off(m, &c), "Bare"));
	assert_false(a->gdb_root(m, &c, 0, &root, &asid));
	c.ctl[0] = (9ULL << 60) | 0x80010;	/* Sv48 on an Sv39 machine */
	assert_non_null(a->gdb_mmu_off(m, &c));
	assert_false(a->gdb_root(m, &c, 0, &root, &asid));
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_reserved_encodings),
		cmocka_unit_test(test_walk_faults),
		cmocka_unit_test(test_pbmt_napot),
		cmocka_unit_test(test_satp),
		cmocka_unit_test(test_faults_ad),
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_boot_tables),
		cmocka_unit_test(test_xv6_boot),
		cmocka_unit_test(test_xv6_sbrk_prop),
		cmocka_unit_test(test_gdb_satp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
