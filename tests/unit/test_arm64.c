// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64: descriptor encode/decode round trips, the rights of AP/UXN/PXN and
 * of table descriptors, TTBR selection, the 6.1 layout and boot tables,
 * page-table building, access flag and dirty state.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/ksym.h"
#include "ptwalk/image_info.h"
#include "ptwalk/machine.h"
#include "ptwalk/peek.h"
#include "ptwalk/pgtable.h"
#include "helpers.h"
#include "arm64_hwdef.h"	/* src/arch/arm64 (the Makefile says where) */

static bool
has_flag(const struct machine *m, int lvl, u64 e, const char *name)
{
	const char *n[40];
	int k = m->arch->flag_names(&m->mmu, lvl, e, n, 40), i;

	for (i = 0; i < k; i++)
		if (!strcmp(n[i], name))
			return true;
	return false;
}

/* The field of the entry's format that holds bit b. */
static const struct bitfield *
field_of(const struct machine *m, int lvl, u64 e, unsigned b)
{
	const struct bitfield *f = m->arch->fields(&m->mmu, lvl, e);

	for (; f->name != NULL; f++)
		if (f->lo <= b && b <= f->hi)
			return f;
	return NULL;
}

/* The leaf levels of a paging mode: pte, pmd and the L1 level. */
static int
leaf_levels(const struct machine *m, int *lv)
{
	int i, n = 0;

	for (i = 0; i < m->mmu.nwalk; i++)
		if (m->mmu.lv[m->mmu.walk[i]].leaf_shift)
			lv[n++] = m->mmu.walk[i];
	return n;
}

/* Rights a leaf grants, from the ARM ARM's AP/UXN/PXN rules. */
static u16
expect_perm(unsigned ap, bool uxn, bool pxn)
{
	bool user = ap & 1, ro = ap & 2;
	u16 p = P_KR;

	if (!ro)
		p |= P_KW;
	if (user)
		p |= P_UR | (ro ? 0 : P_UW);
	if (!uxn)
		p |= P_UX;
	if (!pxn && !(user && !ro))
		p |= P_KX;
	return p;
}

/*
 * Every generic protection through mk_leaf and back through decode, at
 * every level that can hold a leaf, for both VA sizes.
 */
static void
roundtrip(int va_bits)
{
	static const pgprot_t prots[] = {
		PAGE_KERNEL, PAGE_KERNEL_EXEC, PAGE_KERNEL_RO, PAGE_KERNEL_RX,
		PAGE_KERNEL_NOCACHE, PAGE_KERNEL_WC,
		P_KR | P_UR | P_YOUNG,
		P_KR | P_KW | P_UR | P_UW | P_YOUNG | P_DIRTY,
		P_KR | P_KW | P_UR | P_UW | P_YOUNG,
		P_KR | P_UR | P_UX | P_YOUNG,
		P_KR | P_UR | P_YOUNG | P_DIRTY,
		PAGE_KERNEL | P_SPECIAL,
	};
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = va_bits, .exec = "none");
	const struct mmu *mmu = &m->mmu;
	int lv[4], n = leaf_levels(m, lv), k;
	size_t i;

	assert_int_equal(n, 3);
	for (k = 0; k < n; k++) {
		int lvl = lv[k];
		unsigned shift = mmu->lv[lvl].leaf_shift;

		for (i = 0; i < ARRAY_SIZE(prots); i++) {
			pgprot_t p = prots[i];
			u64 pa = (lvl == LVL_PTE ? 0x12345ULL : 0x5ULL) << shift;
			u64 e = m->arch->mk_leaf(mmu, lvl, pa, p);
			bool user = p & (P_UR | P_UW | P_UX);
			bool write = p & (P_KW | P_UW);
			struct pte_decode d;
			u16 want = p & P_PERM;

			m->arch->decode(mmu, lvl, e, &d);
			assert_int_equal(d.kind, PT_LEAF);
			assert_int_equal(d.shift, shift);
			assert_true(d.addr == pa);
			/* the kernel gets the user's data rights (no PAN), never
			 * executes user pages; a clean user page is read-only
			 * until written (no TCR_EL1.HD) */
			if (user) {
				want |= P_KR;
				want &= (u16)~P_KX;
				if (p & P_UW)
					want |= P_KW;
			}
			if (user && write && !(p & P_DIRTY))
				want &= (u16)~(P_KW | P_UW);
			assert_int_equal(d.perm, want);
			assert_int_equal(!!(d.attr & P_GLOBAL),
					 !!(p & P_GLOBAL));
			assert_int_equal(!!(d.attr & P_YOUNG), !!(p & P_YOUNG));
			assert_int_equal(!!(d.attr & P_NOCACHE),
					 !!(p & P_NOCACHE));
			assert_int_equal(!!(d.attr & P_WC), !!(p & P_WC));
			/* kernel read-only mappings carry no dirty bit */
			assert_int_equal(!!(d.attr & P_DIRTY), !!(p & P_DIRTY) &&
					 (user || write));
			assert_int_equal(!!(d.attr & P_SPECIAL),
					 lvl == LVL_PTE && (p & P_SPECIAL));
			/* the bits Linux's protections have */
			assert_true((e & PTE_SH_MASK) == PTE_SHARED);
			assert_int_equal(!!(e & PTE_NG), !(p & P_GLOBAL));
			assert_int_equal(!!(e & PTE_WRITE), write);
			assert_int_equal(!!(e & PTE_TABLE_BIT), lvl == LVL_PTE);
			if (user)
				assert_true(e & PTE_PXN);
			/* and the Linux view sees it present and writable */
			m->arch->sw_decode(mmu, lvl, e, &d);
			assert_true(d.attr & P_PRESENT);
			assert_int_equal(!!(d.perm & P_KW), write);
		}
	}
	machine_free(m);
}

static void test_roundtrip_48(void **s) { (void)s; roundtrip(48); }
static void test_roundtrip_39(void **s) { (void)s; roundtrip(39); }

/* Every named bit: the flag names and the field table know it. */
static void
test_flag_bits(void **state)
{
	static const struct {
		u64 bit;
		const char *flag;
		const char *field;
	} bits[] = {
		{ PTE_AF, "AF", "AF" },
		{ PTE_NG, "nG", "nG" },
		{ PTE_NS, "NS", "NS" },
		{ PTE_CONT, "Cont", "Cont" },
		{ PTE_DBM, "DBM", "DBM" },
		{ PTE_PXN, "PXN", "PXN" },
		{ PTE_UXN, "UXN", "UXN" },
		{ PTE_GP, "GP", "GP" },
		{ PTE_DIRTY, "DIRTY", "DIRTY" },
		{ PTE_SPECIAL, "SPECIAL", "SPECIAL" },
		{ PTE_DEVMAP, "DEVMAP", "DEVMAP" },
	};
	static const struct {
		u64 val;
		const char *flag;
	} multi[] = {
		{ 0ULL << 6, "AP=rw/--" }, { 1ULL << 6, "AP=rw/rw" },
		{ 2ULL << 6, "AP=r-/--" }, { 3ULL << 6, "AP=r-/r-" },
		{ 0ULL << 8, "SH=NSH" }, { 2ULL << 8, "SH=OSH" },
		{ 3ULL << 8, "SH=ISH" },
		{ PTE_ATTRINDX(MT_NORMAL), "MT_NORMAL" },
		{ PTE_ATTRINDX(MT_NORMAL_TAGGED), "MT_NORMAL_TAGGED" },
		{ PTE_ATTRINDX(MT_NORMAL_NC), "MT_NORMAL_NC" },
		{ PTE_ATTRINDX(MT_DEVICE_nGnRnE), "MT_DEVICE_nGnRnE" },
		{ PTE_ATTRINDX(MT_DEVICE_nGnRE), "MT_DEVICE_nGnRE" },
	};
	static const struct {
		u64 bit;
		const char *flag;
	} tbits[] = {
		{ PMD_TABLE_PXN, "PXNTable" }, { PMD_TABLE_UXN, "UXNTable" },
		{ PMD_TABLE_AP_NOEL0, "APTable=noEL0" },
		{ PMD_TABLE_AP_RO, "APTable=RO" }, { PMD_TABLE_NS, "NSTable" },
	};
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = 48, .exec = "none");
	int lv[4], n = leaf_levels(m, lv), k;
	size_t i;

	(void)state;
	for (k = 0; k < n; k++) {
		int lvl = lv[k];
		u64 base = 0x40000000ULL | (lvl == LVL_PTE ? PTE_TYPE_PAGE :
					     PMD_TYPE_SECT);

		assert_true(has_flag(m, lvl, base, "V"));
		assert_true(has_flag(m, lvl, base, lvl == LVL_PTE ? "PAGE" :
				     "BLOCK"));
		for (i = 0; i < ARRAY_SIZE(bits); i++) {
			const struct bitfield *f;
			unsigned b = (unsigned)__builtin_ctzll(bits[i].bit);

			assert_true(has_flag(m, lvl, base | bits[i].bit,
					     bits[i].flag));
			assert_false(has_flag(m, lvl, base, bits[i].flag));
			f = field_of(m, lvl, base | bits[i].bit, b);
			assert_non_null(f);
			assert_string_equal(f->name, bits[i].field);
		}
		for (i = 0; i < ARRAY_SIZE(multi); i++)
			assert_true(has_flag(m, lvl, base | multi[i].val,
					     multi[i].flag));
	}
	for (k = 0; k < m->mmu.nwalk - 1; k++) {
		int lvl = m->mmu.walk[k];
		u64 t = 0x41000000ULL | PMD_TYPE_TABLE;

		assert_true(has_flag(m, lvl, t, "TABLE"));
		for (i = 0; i < ARRAY_SIZE(tbits); i++) {
			assert_true(has_flag(m, lvl, t | tbits[i].bit,
					     tbits[i].flag));
			assert_false(has_flag(m, lvl, t, tbits[i].flag));
		}
		assert_string_equal(field_of(m, lvl, t, 59)->name, "PXNTable");
		assert_string_equal(field_of(m, lvl, t, 61)->name, "APTable");
	}
	/* PROT_NONE ptes and their page format */
	assert_true(has_flag(m, LVL_PTE, PTE_PROT_NONE | 0x40000402ULL,
			     "PROT_NONE"));
	assert_string_equal(field_of(m, LVL_PTE, PTE_PROT_NONE | 0x402, 10)->name,
			    "AF");
	/* a swap entry */
	assert_string_equal(field_of(m, LVL_PTE, 0x1234500, 9)->name,
			    "SWPOFF");
	machine_free(m);
}

/* table / block / page / invalid / reserved encodings at each level */
static void
test_descriptor_kinds(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = 48, .exec = "none");
	const struct mmu *mmu = &m->mmu;
	struct pte_decode d;

	(void)state;
	/* L0: table yes, block no */
	mmu->arch->decode(mmu, LVL_PGD, 0x41000003ULL, &d);
	assert_int_equal(d.kind, PT_TABLE);
	assert_true(d.addr == 0x41000000ULL);
	mmu->arch->decode(mmu, LVL_PGD, 0x40000701ULL, &d);
	assert_int_equal(d.kind, PT_BAD);
	/* L1 1G block, L2 2M block, both ignore the RES0 bits below */
	mmu->arch->decode(mmu, LVL_PUD, 0x80000701ULL | (1ULL << 21), &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 30);
	assert_true(d.addr == 0x80000000ULL);
	mmu->arch->decode(mmu, LVL_PMD, 0x40200701ULL, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 21);
	/* L3: 0b11 is a page, 0b01 reserved */
	mmu->arch->decode(mmu, LVL_PTE, 0x40201703ULL, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 12);
	assert_true(d.addr == 0x40201000ULL);
	mmu->arch->decode(mmu, LVL_PTE, 0x40201701ULL, &d);
	assert_int_equal(d.kind, PT_BAD);
	/* invalid at every level, whatever else is set */
	mmu->arch->decode(mmu, LVL_PTE, 0xfffffffffffffffeULL, &d);
	assert_int_equal(d.kind, PT_NONE);
	mmu->arch->decode(mmu, LVL_PMD, 0, &d);
	assert_int_equal(d.kind, PT_NONE);
	/* output address beyond the A72's 44 bits: address size fault */
	mmu->arch->decode(mmu, LVL_PTE, (1ULL << 44) | 0x703, &d);
	assert_int_equal(d.kind, PT_BAD);
	assert_true(d.bad == (1ULL << 44));
	mmu->arch->decode(mmu, LVL_PMD, (1ULL << 48) | 0x3, &d);
	assert_int_equal(d.kind, PT_BAD);
	/* PROT_NONE: invalid to the MMU, present to Linux */
	mmu->arch->sw_decode(mmu, LVL_PTE, m->arch->mk_leaf(mmu, LVL_PTE,
				0x40000000ULL, PAGE_NONE), &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_true(d.attr & P_PROTNONE);
	assert_int_equal(d.perm, 0);
	machine_free(m);
}

/* AP[2:1] x UXN x PXN: the 16 combinations */
static void
test_rights_matrix(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = 48, .exec = "none");
	const struct mmu *mmu = &m->mmu;
	unsigned ap, x;

	(void)state;
	for (ap = 0; ap < 4; ap++)
		for (x = 0; x < 4; x++) {
			bool uxn = x & 1, pxn = x & 2;
			u64 e = 0x40000000ULL | PTE_TYPE_PAGE | PTE_AF |
				((u64)ap << 6) | (uxn ? PTE_UXN : 0) |
				(pxn ? PTE_PXN : 0);
			struct pte_decode d;

			mmu->arch->decode(mmu, LVL_PTE, e, &d);
			assert_int_equal(d.kind, PT_LEAF);
			assert_int_equal(d.perm, expect_perm(ap, uxn, pxn));
		}
	machine_free(m);
}

/* the table descriptors' hierarchical restrictions, through a walk */
static void
test_table_restrictions(void **state)
{
	static const struct {
		u64 bits;
		u16 lost;
	} t[] = {
		{ PMD_TABLE_PXN, P_KX },
		{ PMD_TABLE_UXN, P_UX },
		{ PMD_TABLE_AP_NOEL0, P_UR | P_UW },
		{ PMD_TABLE_AP_RO, P_KW | P_UW },
		{ PMD_TABLE_AP_RO | PMD_TABLE_AP_NOEL0, P_UR | P_UW | P_KW },
	};
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = 48, .exec = "none");
	u64 va = 0x0000123456789000ULL, root, epa;
	struct error e;
	struct walk w;
	struct xlat x;
	size_t i;

	(void)state;
	root = pgtable_alloc_table(m, LVL_PGD, &e);
	assert_true(root != 0);
	/* a user page everybody may use: AP=01, UXN=0, PXN=0 */
	assert_int_equal(pgtable_slot(m, root, va, LVL_PTE, true, &epa, &e), 0);
	phys_write_entry(&m->phys, epa, 8, 0x40300000ULL | PTE_TYPE_PAGE |
			 PTE_AF | PTE_USER | PTE_SHARED | PTE_NG);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, root, va, &w), WF_NONE);
	/* the user tables carry PXNTable (pud_populate for a process mm) */
	assert_true(w.step[0].entry & PMD_TABLE_PXN);
	assert_int_equal(w.perm, P_KR | P_KW | P_UR | P_UW | P_UX);
	for (i = 0; i < ARRAY_SIZE(t); i++) {
		u64 pmd = w.step[2].entry_pa, old = 0;

		phys_read_entry(&m->phys, pmd, 8, &old);
		phys_write_entry(&m->phys, pmd, 8, (old & ~PMD_TABLE_PXN) |
				 t[i].bits);
		assert_int_equal(mmu_walk(&m->mmu, &m->phys, root, va, &w),
				 WF_NONE);
		assert_int_equal(w.perm, (P_KR | P_KW | P_UR | P_UW | P_UX) &
				 ~t[i].lost);
		/* the fast translation walk agrees (or falls back) */
		assert_int_equal(mmu_translate_walk(&m->mmu, &m->phys, root,
						    va, &x), WF_NONE);
		assert_int_equal(x.perm, w.perm);
		assert_true(x.pa == w.pa);
		phys_write_entry(&m->phys, pmd, 8, old);
	}
	machine_free(m);
}

/* TTBR0 below, TTBR1 above, a translation fault in between */
static void
ttbr_select(int va_bits)
{
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .va_bits = va_bits, .exec = "none");
	struct cpu *c = machine_cpu(m);
	u64 top_user = (1ULL << va_bits) - 1;
	u64 kbase = -(1ULL << va_bits);
	struct error e;
	struct walk w;

	assert_true(m->mmu.split_roots);
	assert_int_equal(mmu_root_index(&m->mmu, 0x400000), 0);
	assert_int_equal(mmu_root_index(&m->mmu, kbase), 1);
	assert_true(c->root[1] == m->swapper_pg_dir);
	assert_true(c->root[0] == m->reserved_pg_dir);
	assert_true(c->root[0] != c->root[1]);
	/* user addresses go to the empty reserved_pg_dir */
	assert_int_equal(machine_walk(m, c, 0x400000, &w), WF_NOT_PRESENT);
	assert_true(w.root == m->reserved_pg_dir);
	assert_int_equal(w.fault_lvl, LVL_PGD);
	assert_int_equal(machine_walk(m, c, top_user, &w), WF_NOT_PRESENT);
	/* the linear map through TTBR1 */
	assert_int_equal(machine_walk(m, c, kbase + 0x1234, &w), WF_NONE);
	assert_true(w.root == m->swapper_pg_dir);
	assert_true(w.pa == 0x40001234ULL);
	/* not covered by either: bits 63..VA_BITS mixed */
	assert_int_equal(machine_walk(m, c, top_user + 1, &w), WF_VA_RANGE);
	assert_int_equal(machine_walk(m, c, kbase - 1, &w), WF_VA_RANGE);
	assert_int_equal(machine_walk(m, c, 0x8000000000000000ULL, &w),
			 WF_VA_RANGE);
	assert_int_equal(machine_walk(m, c, 0x00ff000000000000ULL, &w),
			 WF_VA_RANGE);
	assert_int_equal(machine_check_va(m, top_user + 1, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "not covered by TTBR0/TTBR1"));
	assert_int_equal(machine_check_va(m, kbase, &e), 0);
	machine_free(m);
}

static void test_ttbr_48(void **s) { (void)s; ttbr_select(48); }
static void test_ttbr_39(void **s) { (void)s; ttbr_select(39); }

static void
test_layout_48(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 1 * GiB, .va_bits = 48,
				 .exec = "none");
	const struct layout *L = &m->lay;
	const struct ksym *k;
	struct error e;
	u64 pa, va;

	(void)state;
	assert_int_equal(m->mmu.nwalk, 4);
	assert_true(m->mmu.lv[LVL_P4D].folded);
	assert_true(L->page_offset == 0xffff000000000000ULL);
	assert_true(machine_ksym(m, "PAGE_END")->value ==
		    0xffff800000000000ULL);
	assert_true(L->modules_vaddr == 0xffff800000000000ULL);
	assert_true(L->modules_end == 0xffff800008000000ULL);
	assert_true(L->kimage_vaddr == 0xffff800008000000ULL);
	assert_true(L->vmalloc_start == 0xffff800008000000ULL);
	assert_true(L->vmalloc_end == 0xfffffbfff0000000ULL);
	assert_true(L->fixaddr_top == 0xfffffbfffe000000ULL);
	assert_true(L->vmemmap_base == 0xfffffc0000000000ULL);
	assert_true(machine_ksym(m, "VMEMMAP_END")->value ==
		    0xfffffe0000000000ULL);
	assert_true(machine_ksym(m, "PCI_IO_START")->value ==
		    0xfffffbfffe800000ULL);
	assert_true(machine_ksym(m, "PCI_IO_END")->value ==
		    0xfffffbffff800000ULL);
	/* 1035 permanent fixmap slots (FIX_HOLE..FIX_ENTRY_TRAMP_TEXT1) */
	assert_true(L->fixaddr_start == L->fixaddr_top - 1035 * PAGE_SIZE);
	assert_true(L->task_size == 1ULL << 48);
	assert_true(L->high_memory == 0xffff000040000000ULL);
	assert_true(L->phys_offset == 0x40000000ULL);
	/* the kernel image 2M into RAM: kimage_voffset */
	k = machine_ksym(m, "kimage_voffset");
	assert_true(k->value == 0xffff800008000000ULL - 0x40200000ULL);
	/* __pa: the linear map and the image */
	assert_int_equal(machine_pa(m, 0xffff000000123456ULL, &pa, &e), 0);
	assert_true(pa == 0x40123456ULL);
	assert_int_equal(machine_pa(m, machine_ksym(m, "swapper_pg_dir")->value,
				    &pa, &e), 0);
	assert_true(pa == m->swapper_pg_dir);
	assert_true(pa == 0x40200000ULL + 0x15f7000);
	assert_int_equal(machine_pa(m, 0xffff000040000000ULL, &pa, &e), -EFAULT);
	assert_int_equal(machine_pa(m, L->vmalloc_end - PAGE_SIZE, &pa, &e),
			 -EFAULT);
	assert_int_equal(machine_va(m, 0x40001000ULL, &va, &e), 0);
	assert_true(va == 0xffff000000001000ULL);
	assert_int_equal(machine_va(m, 0x1000, &va, &e), -EFAULT);
	/* zones on QEMU virt: ZONE_DMA up to 4G, no DMA32 */
	assert_true(L->dma_limit == 4 * GiB);
	assert_true(L->dma32_limit == 4 * GiB);
	/* regions: the top guard reaches the end of the address space */
	assert_string_equal(machine_region(m, ~0ULL)->name, "guard");
	assert_string_equal(machine_region(m, 0x0001000000000000ULL)->name,
			    "unmapped");
	/* the 64K before _stext is vmalloc space; the image from _stext */
	assert_string_equal(machine_region(m, L->kimage_vaddr)->name,
			    "vmalloc");
	assert_string_equal(machine_region(m, L->kimage_vaddr +
					   0x10000)->name, "kernel image");
	/* TCR_EL1.NFD1 as CONFIG_RANDOMIZE_BASE sets it */
	assert_true(machine_cpu(m)->regs[0] & BIT(54));
	machine_free(m);
}

static void
test_layout_39(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 1 * GiB, .va_bits = 39,
				 .exec = "none");
	const struct layout *L = &m->lay;
	struct walk w;

	(void)state;
	assert_int_equal(m->mmu.nwalk, 3);
	assert_true(m->mmu.lv[LVL_P4D].folded);
	assert_true(m->mmu.lv[LVL_PUD].folded);
	assert_int_equal(m->mmu.lv[LVL_PGD].shift, 30);
	assert_int_equal(m->mmu.lv[LVL_PGD].leaf_shift, 30);
	assert_string_equal(m->mmu.lv[LVL_PGD].hw, "L1");
	assert_true(L->page_offset == 0xffffff8000000000ULL);
	assert_true(L->modules_vaddr == 0xffffffc000000000ULL);
	assert_true(L->kimage_vaddr == 0xffffffc008000000ULL);
	assert_true(L->vmemmap_base == 0xfffffffe00000000ULL);
	assert_true(L->vmalloc_end == 0xfffffffdf0000000ULL);
	assert_true(L->fixaddr_top == 0xfffffffdfe000000ULL);
	assert_true(L->task_size == 1ULL << 39);
	assert_int_equal(m->cpu[0].regs[0] & 63, 25);	/* T0SZ = 64 - 39 */
	assert_int_equal((m->cpu[0].regs[0] >> 16) & 63, 25);
	/* 3-level walk of the linear map: pgd (L1), pmd block */
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  L->page_offset + 0x2345678, &w), WF_NONE);
	assert_int_equal(w.nsteps, 2);
	assert_int_equal(w.shift, 21);
	assert_true(w.pa == 0x42345678ULL);
	machine_free(m);
}

/* swapper_pg_dir as paging_init() leaves it */
static void
test_boot_tables(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 1 * GiB, .va_bits = 48,
				 .exec = "none");
	const struct layout *L = &m->lay;
	u64 text = machine_ksym(m, "_text")->value;
	u64 stext = machine_ksym(m, "_stext")->value;
	u64 rodata = machine_ksym(m, "__start_rodata")->value;
	u64 init = machine_ksym(m, "__init_begin")->value;
	u64 data = machine_ksym(m, "_sdata")->value;
	struct walk w;

	(void)state;
#define WALK(va) mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, (va), &w)
	/* the header before _stext is not mapped */
	assert_int_equal(WALK(text), WF_NOT_PRESENT);
	/* text: 4K pages with the contiguous hint, then 2M blocks, ROX */
	assert_int_equal(WALK(stext), WF_NONE);
	assert_int_equal(w.shift, 12);
	assert_true(w.step[3].entry & PTE_CONT);
	assert_int_equal(w.perm, P_KR | P_KX);
	assert_true(w.attr & P_GLOBAL);
	assert_int_equal(WALK(text + 2 * MiB), WF_NONE);
	assert_int_equal(w.shift, 21);
	assert_int_equal(w.perm, P_KR | P_KX);
	/* rodata read-only, no contiguous hint; init unmapped; data RW */
	assert_int_equal(WALK(rodata), WF_NONE);
	assert_int_equal(w.perm, P_KR);
	assert_false(w.step[3].entry & PTE_CONT);
	assert_int_equal(WALK(init), WF_NOT_PRESENT);
	assert_int_equal(WALK(data), WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KW);
	assert_true(w.pa == 0x40200000ULL + (data - text));
	/* linear map: 2M blocks (32M runs with the hint), tables PXN */
	assert_int_equal(WALK(L->page_offset + 32 * MiB), WF_NONE);
	assert_int_equal(w.shift, 21);
	assert_true(w.step[2].entry & PTE_CONT);
	assert_true(w.step[0].entry & PMD_TABLE_PXN);
	assert_true(w.step[0].entry & PMD_TABLE_UXN);
	assert_int_equal(w.perm, P_KR | P_KW);
	/* the linear alias of the kernel text: read-only, not executable */
	assert_int_equal(WALK(L->page_offset + 0x210000), WF_NONE);
	assert_int_equal(w.perm, P_KR);
	assert_int_equal(w.shift, 12);
	assert_false(w.step[3].entry & PTE_CONT);
	/* ... and the alias of the init memory is writable again */
	assert_int_equal(WALK(L->page_offset + 0x200000 + (init - text)),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KW);
	/* the device tree in the fixmap: a 2M read-only block */
	assert_int_equal(WALK(L->fixaddr_top - 1024 * PAGE_SIZE + 0x10),
			 WF_NONE);
	assert_int_equal(w.shift, 21);
	assert_true(w.pa == 0x48000010ULL);
	assert_int_equal(w.perm, P_KR);
	/* the entry trampoline: FIX_ENTRY_TRAMP_TEXT1, a global ROX page */
	assert_int_equal(WALK(machine_ksym(m, "TRAMP_VALIAS")->value), WF_NONE);
	assert_int_equal(w.shift, 12);
	assert_int_equal(w.perm, P_KR | P_KX);
	assert_true(w.pa == 0x40200000ULL + 0x15f0000);
	/* the fixmap tables are bm_pud, bm_pmd, bm_pte of .bss */
	assert_true(w.step[1].table == 0x40200000ULL + 0x1a43000);
	assert_true(w.step[3].table == 0x40200000ULL + 0x1a41000);
	/* nothing at the user end of swapper_pg_dir */
	assert_int_equal(WALK(L->vmalloc_end - PAGE_SIZE), WF_NOT_PRESENT);
#undef WALK
	machine_free(m);
}

/* 4G of RAM: 1G blocks; rodata=full: 4K pages only */
static void
test_linear_map_variants(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 4 * GiB, .va_bits = 48,
				 .exec = "none");
	struct walk w;

	(void)state;
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  m->lay.page_offset + 1 * GiB + 0x1234, &w),
			 WF_NONE);
	assert_int_equal(w.shift, 30);
	assert_int_equal(w.nsteps, 2);
	assert_true(w.pa == 0x80001234ULL);
	machine_free(m);

	m = boot(.arch = "arm64", .mem = 1 * GiB, .va_bits = 48,
		 .variant = "6.1-rodata-full", .exec = "none");
	assert_string_equal(m->opts.variant, "6.1-rodata-full");
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  m->lay.page_offset + 32 * MiB, &w), WF_NONE);
	assert_int_equal(w.shift, 12);
	assert_false(w.step[3].entry & PTE_CONT);
	/* the kernel alias keeps its blocks (NO_CONT_MAPPINGS only) */
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  m->lay.page_offset + 4 * MiB, &w), WF_NONE);
	assert_int_equal(w.shift, 21);
	machine_free(m);
}

/* 64G in 4K pages: 128M of page tables step over the device tree */
static void
test_memblock_no_overlap(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 64 * GiB,
				 .va_bits = 48, .variant = "6.1-rodata-full",
				 .exec = "none");
	int i, j;

	(void)state;
	for (i = 0; i < m->nmemblock; i++)
		for (j = i + 1; j < m->nmemblock; j++) {
			const struct memblock_region *a = &m->memblock[i];
			const struct memblock_region *b = &m->memblock[j];

			if (a->base < b->base + b->size &&
			    b->base < a->base + a->size)
				fail_msg("memblock %s 0x%llx+0x%llx overlaps %s "
					 "0x%llx+0x%llx", a->what,
					 (unsigned long long)a->base,
					 (unsigned long long)a->size, b->what,
					 (unsigned long long)b->base,
					 (unsigned long long)b->size);
		}
	assert_true(m->memblock_next > 0x48000000ULL + 1 * MiB);
	machine_free(m);
}

/* pgtable_map / pgtable_clear and walks at every page size */
static void
test_pgtable_map(void **state)
{
	static const unsigned shifts[] = { 12, 21, 30 };
	int vb[] = { 48, 39 };
	size_t i, j;

	(void)state;
	for (j = 0; j < ARRAY_SIZE(vb); j++) {
		struct machine *m = boot(.arch = "arm64", .mem = 2 * GiB,
					 .va_bits = vb[j], .exec = "none");
		struct error e;
		u64 root = pgtable_alloc_table(m, LVL_PGD, &e);

		assert_true(root != 0);
		for (i = 0; i < ARRAY_SIZE(shifts); i++) {
			unsigned s = shifts[i];
			u64 va = (0x40ULL + i) << 30, pa = 0x80000000ULL;
			u64 kva = ALIGN_UP(m->lay.vmalloc_start, GiB) +
				(0x10ULL + i) * GiB;
			struct walk w;
			pgprot_t up = P_KR | P_KW | P_UR | P_UW | P_YOUNG |
				P_DIRTY;

			/* a user mapping */
			assert_int_equal(pgtable_map(m, root, va, pa, 1ULL << s,
						     s, up, &e), 0);
			assert_int_equal(mmu_walk(&m->mmu, &m->phys, root,
						  va + 0x123, &w), WF_NONE);
			assert_int_equal(w.shift, s);
			assert_true(w.pa == pa + 0x123);
			assert_int_equal(w.perm, P_KR | P_KW | P_UR | P_UW);
			assert_false(w.attr & P_GLOBAL);
			assert_true(w.step[w.nsteps - 1].entry & PTE_NG);
			/* a kernel mapping in swapper_pg_dir */
			assert_int_equal(pgtable_map(m, m->swapper_pg_dir, kva,
						     pa, 1ULL << s, s,
						     PAGE_KERNEL, &e), 0);
			assert_int_equal(mmu_walk(&m->mmu, &m->phys,
						  m->swapper_pg_dir, kva + 8,
						  &w), WF_NONE);
			assert_int_equal(w.shift, s);
			assert_true(w.attr & P_GLOBAL);
			/* kernel tables carry UXNTable */
			if (w.nsteps >= 2)
				assert_true(w.step[w.nsteps - 2].entry &
					    PMD_TABLE_UXN);
			if (s == 12) {
				u64 old = pgtable_clear(m, root, va);

				assert_true((old & PTE_ADDR_MASK) == pa);
				assert_int_equal(mmu_walk(&m->mmu, &m->phys,
							  root, va, &w),
						 WF_NOT_PRESENT);
				assert_int_equal(w.fault_lvl, LVL_PTE);
			}
		}
		machine_free(m);
	}
}

/* AF = 0: a fault without TCR_EL1.HA, set by the walker with it */
static void
test_access_flag(void **state)
{
	unsigned feat;

	(void)state;
	for (feat = 0; feat <= F_HAFDBS; feat += F_HAFDBS) {
		struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
					 .va_bits = 48, .cpu_set = feat,
					 .exec = "none");
		struct cpu *c = machine_cpu(m);
		u64 va = m->lay.vmalloc_start + 64 * GiB, epa, ent, pa;
		struct error e;
		struct walk w;
		struct xlat x;
		bool hit;

		assert_int_equal(pgtable_map(m, m->swapper_pg_dir, va,
					     0x40400000ULL, PAGE_SIZE, 12,
					     P_KR | P_KW | P_GLOBAL | P_DIRTY,
					     &e), 0);
		assert_int_equal(pgtable_slot(m, m->swapper_pg_dir, va,
					      LVL_PTE, false, &epa, &e), 0);
		phys_read_entry(&m->phys, epa, 8, &ent);
		assert_false(ent & PTE_AF);
		if (!feat) {
			assert_true(m->mmu.young_required);
			assert_int_equal(machine_translate(m, c, va, ACC_READ |
							   ACC_AD, &w, &hit),
					 WF_ACCESS_FLAG);
			/* the mapping exists: walks and probes translate it */
			assert_int_equal(mmu_translate_walk(&m->mmu, &m->phys,
					 m->swapper_pg_dir, va, &x), WF_NONE);
			assert_true(x.pa == 0x40400000ULL);
			assert_false(x.attr & P_YOUNG);
			assert_int_equal(machine_walk(m, c, va, &w), WF_NONE);
			assert_int_equal(w.access_fault, WF_ACCESS_FLAG);
			assert_true(w.pa == 0x40400000ULL);
			assert_int_equal(machine_translate(m, c, va, ACC_READ |
							   ACC_PROBE, &w, &hit),
					 WF_NONE);
			assert_int_equal(machine_xlat(m, c, va, ACC_READ, &x,
						      &hit), WF_NONE);
			assert_true(x.pa == 0x40400000ULL);
			/* a probe needs the rights all the same */
			assert_int_equal(machine_translate(m, c, va, ACC_READ |
							   ACC_USER | ACC_PROBE,
							   &w, &hit),
					 WF_PROTECTION);
			/* no TLB entry for a translation an access faults on */
			assert_null(tlb_peek(&c->tlb, va, c->asid));
			/* a debugger's read gets the bytes and sets nothing */
			{
				u64 v = 1, done;

				assert_int_equal(machine_peek_virt(m, c, va, &v,
								   8, &done,
								   &e), 0);
				assert_true(done == 8);
			}
			/* only an access faults */
			assert_int_equal(machine_access(m, c, va, ACC_READ, &pa,
							&e), -EFAULT);
			assert_non_null(strstr(e.msg, "access flag"));
			/* nothing cached, nothing written */
			assert_null(tlb_peek(&c->tlb, va, c->asid));
			phys_read_entry(&m->phys, epa, 8, &ent);
			assert_false(ent & PTE_AF);
		} else {
			assert_false(m->mmu.young_required);
			assert_true(c->regs[0] & TCR_HA);
			assert_int_equal(machine_access(m, c, va, ACC_READ, &pa,
							&e), 0);
			assert_true(pa == 0x40400000ULL);
			phys_read_entry(&m->phys, epa, 8, &ent);
			assert_true(ent & PTE_AF);
		}
		machine_free(m);
	}
}

/* DBM: a clean writable user page; HD makes the write succeed */
static void
test_dirty_state(void **state)
{
	unsigned feat;

	(void)state;
	for (feat = 0; feat <= F_HAFDBS; feat += F_HAFDBS) {
		struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
					 .va_bits = 48, .cpu_set = feat,
					 .exec = "none");
		struct cpu *c = machine_cpu(m);
		u64 root, va = 0x400000, epa, ent;
		struct error e;
		struct walk w;
		bool hit;

		root = pgtable_alloc_table(m, LVL_PGD, &e);
		c->root[0] = root;
		assert_int_equal(pgtable_map(m, root, va, 0x40500000ULL,
					     PAGE_SIZE, 12, P_KR | P_KW | P_UR |
					     P_UW | P_YOUNG, &e), 0);
		assert_int_equal(pgtable_slot(m, root, va, LVL_PTE, false,
					      &epa, &e), 0);
		phys_read_entry(&m->phys, epa, 8, &ent);
		assert_true(ent & PTE_DBM);
		assert_true(ent & PTE_RDONLY);
		/* a read works either way */
		assert_int_equal(machine_translate(m, c, va, ACC_READ | ACC_USER |
						   ACC_AD, &w, &hit), WF_NONE);
		assert_false(w.attr & P_DIRTY);
		if (!feat) {
			/* a permission fault Linux resolves (pte_mkdirty) */
			assert_int_equal(machine_translate(m, c, va, ACC_WRITE |
							   ACC_USER | ACC_AD,
							   &w, &hit),
					 WF_PROTECTION);
		} else {
			/* the TLB holds the clean entry: the write re-walks */
			assert_int_equal(machine_translate(m, c, va, ACC_WRITE |
							   ACC_USER | ACC_AD,
							   &w, &hit), WF_NONE);
			assert_false(hit);
			assert_true(w.attr & P_DIRTY);
			phys_read_entry(&m->phys, epa, 8, &ent);
			assert_false(ent & PTE_RDONLY);
		}
		machine_free(m);
	}
}

/*
 * A live guest's vCPU (QEMU's gdbstub, slots TCR_EL1, MAIR_EL1,
 * SCTLR_EL1, TTBR0_EL1, TTBR1_EL1): both roots, the ASID of the TTBR
 * TCR_EL1.A1 names (8 or 16 bits by TCR_EL1.AS), EPD0 turning TTBR0 off,
 * SCTLR_EL1.M clear turning both off.
 */
static void
test_gdb_roots(void **state)
{
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB);
	const struct arch *a = m->arch;
	struct image_cpu c = { .have_ctl = true };
	u64 root = 0;
	u16 asid = 0;

	(void)state;
	assert_string_equal(a->gdb_arch, "aarch64");
	c.ctl[0] = TCR_T0SZ(48) | TCR_T1SZ(48) | TCR_TG1_4K;
	c.ctl[2] = 1;
	c.ctl[3] = 0x40110000ULL | (0x1207ULL << 48) | 1;	/* CnP */
	c.ctl[4] = 0x40118000ULL | (0x0309ULL << 48);
	assert_null(a->gdb_mmu_off(m, &c));
	assert_true(a->gdb_root(m, &c, 0, &root, &asid));
	assert_int_equal(root, 0x40110000ULL);
	assert_int_equal(asid, 0x07);
	assert_true(a->gdb_root(m, &c, 1, &root, &asid));
	assert_int_equal(root, 0x40118000ULL);
	c.ctl[0] |= TCR_A1 | TCR_ASID16;
	assert_true(a->gdb_root(m, &c, 0, &root, &asid));
	assert_int_equal(asid, 0x0309);
	c.ctl[0] |= BIT(7);	/* EPD0 */
	assert_false(a->gdb_root(m, &c, 0, &root, &asid));
	assert_true(a->gdb_root(m, &c, 1, &root, &asid));
	c.ctl[2] = 0;
	assert_non_null(strstr(a->gdb_mmu_off(m, &c), "SCTLR_EL1.M"));
	assert_false(a->gdb_root(m, &c, 1, &root, &asid));
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_48),
		cmocka_unit_test(test_roundtrip_39),
		cmocka_unit_test(test_flag_bits),
		cmocka_unit_test(test_descriptor_kinds),
		cmocka_unit_test(test_rights_matrix),
		cmocka_unit_test(test_table_restrictions),
		cmocka_unit_test(test_ttbr_48),
		cmocka_unit_test(test_ttbr_39),
		cmocka_unit_test(test_layout_48),
		cmocka_unit_test(test_layout_39),
		cmocka_unit_test(test_boot_tables),
		cmocka_unit_test(test_linear_map_variants),
		cmocka_unit_test(test_memblock_no_overlap),
		cmocka_unit_test(test_pgtable_map),
		cmocka_unit_test(test_access_flag),
		cmocka_unit_test(test_dirty_state),
		cmocka_unit_test(test_gdb_roots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
