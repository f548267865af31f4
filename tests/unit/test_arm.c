// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM: set_pte_ext translation of every Linux PTE bit, hardware
 * decode of every descriptor kind, Linux's PTE page, the boot layout and
 * tables of both modelled kernels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/ksym.h"
#include "ptwalk/image_info.h"
#include "ptwalk/machine.h"
#include "ptwalk/pgtable.h"
#include "helpers.h"
#include "arm.h"		/* src/arch/arm (the Makefile says where) */

static int
boot_fails(const char *variant, u64 mem, int cpus, u64 vmalloc,
	   const char *want)
{
	struct machine_opts o;
	struct error e;
	struct machine *m;

	memset(&o, 0, sizeof(o));
	o.exec = "none";	/* the bare machine: no process */
	o.arch = "arm";
	o.mem = mem;
	o.variant = variant;
	o.cpus = cpus;
	o.vmalloc_size = vmalloc;
	error_clear(&e);
	m = machine_new(&o, &e);
	if (m != NULL) {
		machine_free(m);
		return 0;
	}
	return strstr(e.msg, want) != NULL;
}

static const struct arm_priv *
priv(const struct machine *m)
{
	return m->mmu.priv;
}

/* the hardware view of a rights set: what decode() must give */
static u16
rights(bool apx, bool user, bool xn)
{
	u16 p = P_KR;

	if (!apx)
		p |= P_KW;
	if (user)
		p |= apx ? P_UR : P_UR | P_UW;
	if (!xn)
		p |= P_KX | (user ? P_UX : 0);
	return p;
}

/*
 * Every combination of the Linux PTE bits through set_pte_ext(): the
 * hardware entry follows proc-v7-2level.S bit by bit and decodes to the
 * rights Linux meant (once young and dirty).
 */
static void
linux_to_hw(const char *variant)
{
	struct machine *m = boot(.arch = "arm", .mem = 64 * MiB,
				 .variant = variant, .exec = "none");
	const struct arm_priv *ap = priv(m);
	static const u64 mts[] = {
		L_PTE_MT_UNCACHED, L_PTE_MT_BUFFERABLE, L_PTE_MT_WRITETHROUGH,
		L_PTE_MT_WRITEBACK, L_PTE_MT_WRITEALLOC, L_PTE_MT_DEV_SHARED,
		L_PTE_MT_DEV_NONSHARED, L_PTE_MT_DEV_WC, L_PTE_MT_DEV_CACHED,
	};
	static const u32 mt_attr[] = {
		P_NOCACHE, P_WC, 0, 0, 0, P_NOCACHE, P_NOCACHE, P_WC, 0,
	};
	unsigned bits, k, va_user;

	for (bits = 0; bits < 128; bits++)
		for (k = 0; k < ARRAY_SIZE(mts); k++)
			for (va_user = 0; va_user < 2; va_user++) {
		bool young = bits & 1, dirty = bits & 2, rdonly = bits & 4;
		bool user = bits & 8, xn = bits & 16, shared = bits & 32;
		bool present = !(bits & 64);
		u64 va = va_user ? 0x00008000 : 0xd0000000;
		u64 lp = 0x12345000ULL | mts[k] |
			(present ? L_PTE_PRESENT : 0) |
			(young ? L_PTE_YOUNG : 0) | (dirty ? L_PTE_DIRTY : 0) |
			(rdonly ? L_PTE_RDONLY : 0) | (user ? L_PTE_USER : 0) |
			(xn ? L_PTE_XN : 0) | (shared ? L_PTE_SHARED : 0);
		u64 hw = arm_hw_pte(ap, lp, va);
		bool apx = rdonly || !dirty;
		struct pte_decode d;

		if (!young || !present) {
			assert_true(hw == 0);
			continue;
		}
		assert_true((hw & 0xfffff000ULL) == 0x12345000ULL);
		assert_true((hw & 3) == PTE_TYPE_SMALL + (xn ? 1 : 0));
		assert_int_equal(!!(hw & PTE_EXT_AP0), 1);
		assert_int_equal(!!(hw & PTE_EXT_AP1), user);
		assert_int_equal(!!(hw & PTE_EXT_APX), apx);
		assert_int_equal(!!(hw & PTE_EXT_SHARED), shared);
		assert_int_equal(!!(hw & PTE_EXT_NG), va_user && user);
		assert_true((hw & (PTE_BUFFERABLE | PTE_CACHEABLE)) ==
			    (mts[k] & 0xc));
		assert_int_equal(!!(hw & PTE_EXT_TEX(1)), !!(mts[k] & BIT(4)));
		assert_true((hw & (PTE_EXT_TEX(6))) == 0);
		m->arch->decode(&m->mmu, LVL_PTE, hw, &d);
		assert_int_equal(d.kind, PT_LEAF);
		assert_int_equal(d.shift, 12);
		assert_true(d.addr == 0x12345000ULL);
		assert_int_equal(d.perm, rights(apx, user, xn));
		assert_int_equal(!!(d.attr & P_GLOBAL), !(va_user && user));
		assert_int_equal(d.attr & (P_NOCACHE | P_WC), mt_attr[k]);
	}
	machine_free(m);
}

static void test_linux_to_hw_3x(void **s) { (void)s; linux_to_hw("3.4"); }
static void test_linux_to_hw_5x(void **s) { (void)s; linux_to_hw("5.4"); }

/* PROT_NONE: 3.x a kernel-only read-only page, 5.x L_PTE_NONE and no entry */
static void
test_prot_none(void **state)
{
	struct machine *m3 = boot(.arch = "arm", .mem = 64 * MiB,
				  .variant = "3.4", .exec = "none");
	struct machine *m5 = boot(.arch = "arm", .mem = 64 * MiB,
				  .variant = "5.4", .exec = "none");
	u64 l3 = m3->arch->mk_leaf(&m3->mmu, LVL_PTE, 0x61000000, PAGE_NONE);
	u64 l5 = m5->arch->mk_leaf(&m5->mmu, LVL_PTE, 0x61000000, PAGE_NONE);
	struct pte_decode d;

	(void)state;
	assert_false(l3 & L_PTE_NONE);
	assert_true(l3 & L_PTE_PRESENT);
	assert_true((l3 & (L_PTE_RDONLY | L_PTE_XN | L_PTE_USER)) ==
		    (L_PTE_RDONLY | L_PTE_XN));
	m3->arch->decode(&m3->mmu, LVL_PTE, arm_hw_pte(priv(m3), l3, 0x8000),
			 &d);
	assert_int_equal(d.perm, P_KR);
	assert_true(l5 & L_PTE_NONE);
	assert_true(arm_hw_pte(priv(m5), l5, 0x8000) == 0);
	m5->arch->sw_decode(&m5->mmu, LVL_PTE, l5, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_true(d.attr & P_PROTNONE);
	assert_int_equal(d.perm, 0);
	machine_free(m3);
	machine_free(m5);
}

static const pgprot_t prots[] = {
	PAGE_KERNEL, PAGE_KERNEL_EXEC, PAGE_KERNEL_RO, PAGE_KERNEL_RX,
	PAGE_KERNEL_NOCACHE, PAGE_KERNEL_WC,
	P_KR | P_UR | P_YOUNG,					/* PAGE_READONLY, old */
	P_KR | P_KW | P_UR | P_UW | P_YOUNG | P_DIRTY,		/* shared RW */
	P_KR | P_KW | P_UR | P_UW | P_YOUNG,			/* clean */
	P_KR | P_KX | P_UR | P_UX | P_YOUNG,			/* text */
	P_KR | P_KW | P_KX | P_UR | P_UW | P_UX | P_DIRTY,	/* old */
};

/* the Linux view decodes back to what mk_leaf was given */
static void
test_mk_leaf_sw_roundtrip(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 64 * MiB,
				 .exec = "none");
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(prots); i++) {
		pgprot_t p = prots[i];
		u64 v = m->arch->mk_leaf(&m->mmu, LVL_PTE, 0x62345000, p);
		struct pte_decode d;
		u16 want = (u16)(p & P_PERM);

		m->arch->sw_decode(&m->mmu, LVL_PTE, v, &d);
		assert_int_equal(d.kind, PT_LEAF);
		assert_true(d.addr == 0x62345000ULL);
		/* Linux can't say "user but not kernel": kernel rights follow */
		if (want & P_UW)
			want |= P_KW;
		if (want & P_UX)
			want |= P_KX;
		assert_int_equal(d.perm, want | P_KR);
		assert_int_equal(!!(d.attr & P_YOUNG), !!(p & P_YOUNG));
		assert_int_equal(!!(d.attr & P_DIRTY), !!(p & P_DIRTY));
		assert_int_equal(!!(d.attr & P_NOCACHE), !!(p & P_NOCACHE));
		assert_int_equal(!!(d.attr & P_WC), !!(p & P_WC));
		assert_true(d.attr & P_PRESENT);
		/* SMP: shared, write-allocate unless a device/wc type */
		if (!(p & (P_NOCACHE | P_WC)))
			assert_true((v & L_PTE_MT_MASK) == L_PTE_MT_WRITEALLOC);
		assert_true(v & L_PTE_SHARED);
		/* and again through the generic encoder: same value */
		assert_true(m->arch->mk_leaf(&m->mmu, LVL_PTE, d.addr,
					     (pgprot_t)(d.perm | (d.attr &
					     (P_YOUNG | P_DIRTY | P_NOCACHE |
					      P_WC)))) == v);
	}
	machine_free(m);
}

/* sections from mk_leaf decode to the rights asked for */
static void
test_section_roundtrip(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 64 * MiB,
				 .exec = "none");
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(prots); i++) {
		pgprot_t p = prots[i];
		u64 v = m->arch->mk_leaf(&m->mmu, LVL_PGD, 0x64100000, p);
		struct pte_decode d;
		bool wr = p & (P_KW | P_UW), user = p & (P_UR | P_UW | P_UX);

		m->arch->decode(&m->mmu, LVL_PGD, v, &d);
		assert_int_equal(d.kind, PT_LEAF);
		assert_int_equal(d.shift, 20);
		assert_true(d.addr == 0x64100000ULL);
		assert_int_equal(d.perm, rights(!wr, user,
						!(p & (P_KX | P_UX))));
		assert_true(d.attr & P_GLOBAL);
		assert_int_equal(!!(d.attr & P_NOCACHE), !!(p & P_NOCACHE));
		assert_int_equal(!!(d.attr & P_WC), !!(p & P_WC));
		assert_true((v & PMD_DOMAIN_MASK) ==
			    PMD_DOMAIN(user ? DOMAIN_USER : DOMAIN_KERNEL));
	}
	/* MT_MEMORY on SMP: the classic 0x1140e; RW data 0x1141e */
	assert_true(m->arch->mk_leaf(&m->mmu, LVL_PGD, 0x60000000,
				     PAGE_KERNEL_EXEC) == 0x6001140eULL);
	assert_true(m->arch->mk_leaf(&m->mmu, LVL_PGD, 0x60000000,
				     PAGE_KERNEL) == 0x6001141eULL);
	machine_free(m);
}

/* hand-made descriptors of every kind */
static void
test_decode_kinds(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 64 * MiB,
				 .exec = "none");
	const struct arch *a = m->arch;
	struct pte_decode d;
	u64 super;

	(void)state;
	a->decode(&m->mmu, LVL_PGD, 0, &d);
	assert_int_equal(d.kind, PT_NONE);
	a->decode(&m->mmu, LVL_PGD, 0x12345c31, &d);	/* user table */
	assert_int_equal(d.kind, PT_TABLE);
	assert_true(d.addr == 0x12345c00ULL);
	a->decode(&m->mmu, LVL_PGD, 0x12345c03, &d);	/* 0b11 */
	assert_int_equal(d.kind, PT_BAD);
	assert_true(d.bad == 3);
	/* section: kernel RO (APX AP=01), XN, not global */
	a->decode(&m->mmu, LVL_PGD, 0x40000000 | PMD_TYPE_SECT |
		  PMD_SECT_AP_WRITE | PMD_SECT_APX | PMD_SECT_XN |
		  PMD_SECT_nG, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 20);
	assert_int_equal(d.perm, P_KR);
	assert_false(d.attr & P_GLOBAL);
	assert_true(d.attr & P_NOCACHE);	/* TEX[0]CB = 000: SO */
	/* AP=00: no access at all */
	a->decode(&m->mmu, LVL_PGD, 0x40000000 | PMD_TYPE_SECT, &d);
	assert_int_equal(d.perm, 0);
	/* supersection with both extended base fields */
	super = 0xab000000ULL | (0x3ULL << 20) | (0x5ULL << 5) |
		PMD_SECT_SUPER | PMD_TYPE_SECT | PMD_SECT_AP_WRITE |
		PMD_SECT_AP_READ | PMD_SECT_WBWA;
	a->decode(&m->mmu, LVL_PGD, super, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 24);
	assert_true(d.addr == 0x53ab000000ULL);
	assert_int_equal(d.perm, rights(false, true, false));
	assert_int_equal(d.attr & (P_NOCACHE | P_WC), 0);
	/* large page: XN is bit 15, TEX bits 14:12 */
	a->decode(&m->mmu, LVL_PTE, 0x76540000 | PTE_TYPE_LARGE |
		  PTE_EXT_AP0 | PTE_EXT_AP1 | PTE_LARGE_XN | (1 << 12) |
		  PTE_BUFFERABLE, &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 16);
	assert_true(d.addr == 0x76540000ULL);
	assert_int_equal(d.perm, rights(false, true, true));
	assert_true(d.attr & P_NOCACHE);	/* n = 101: SO */
	/* small page with XN in bit 0, device memory (n = 100) */
	a->decode(&m->mmu, LVL_PTE, 0x10001000 | PTE_TYPE_SMALL | PTE_EXT_XN |
		  PTE_EXT_AP0 | PTE_EXT_TEX(1), &d);
	assert_int_equal(d.kind, PT_LEAF);
	assert_int_equal(d.shift, 12);
	assert_int_equal(d.perm, P_KR | P_KW);
	assert_true(d.attr & P_NOCACHE);
	a->decode(&m->mmu, LVL_PTE, 0x10001000, &d);	/* type 00 */
	assert_int_equal(d.kind, PT_NONE);
	machine_free(m);
}

/*
 * Linux's PTE page: a table for 0xd0000000 links both first-level words
 * (+2048, +3072); each PTE is stored twice, 2048 bytes apart.
 */
static void
test_pte_page(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 256 * MiB,
				 .exec = "none");
	u64 pgd = m->swapper_pg_dir, w0 = 0, w1 = 0, page, lv = 0, hv = 0, epa;
	struct walk w;
	struct error e;

	(void)state;
	assert_int_equal(pgtable_map(m, pgd, 0xd0000000, 0x61000000, PAGE_SIZE,
				     12, PAGE_KERNEL, &e), 0);
	assert_int_equal(pgtable_map(m, pgd, 0xd0103000, 0x61003000, PAGE_SIZE,
				     12, PAGE_KERNEL, &e), 0);
	phys_read_entry(&m->phys, pgd + 0xd00 * 4, 4, &w0);
	phys_read_entry(&m->phys, pgd + 0xd01 * 4, 4, &w1);
	page = w0 & ~0xfffULL;
	assert_true(w0 == (page | 0x800 | _PAGE_KERNEL_TABLE));
	assert_true(w1 == (page | 0xc00 | _PAGE_KERNEL_TABLE));
	/* 0xd0103000: Linux pte index 256 + 3 */
	phys_read_entry(&m->phys, page + 259 * 4, 4, &lv);
	phys_read_entry(&m->phys, page + 2048 + 259 * 4, 4, &hv);
	assert_true((lv & 0xfffff000ULL) == 0x61003000ULL);
	assert_true(lv & L_PTE_PRESENT);
	assert_true(hv == arm_hw_pte(priv(m), lv, 0xd0103000));
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xd0103abc, &w),
			 WF_NONE);
	assert_int_equal(w.nsteps, 2);
	assert_true(w.step[1].entry_pa == page + 3072 + 3 * 4);
	assert_true(w.pa == 0x61003abcULL);
	assert_int_equal(w.perm, P_KR | P_KW);	/* PAGE_KERNEL is XN */
	assert_true(w.attr & P_GLOBAL);
	/* get_leaf gives the Linux copy */
	assert_int_equal(pgtable_slot(m, pgd, 0xd0103000, LVL_PTE, false, &epa,
				      &e), 0);
	assert_true(m->arch->get_leaf(m, LVL_PTE, epa) == lv);
	/* pgtable_clear clears both copies */
	assert_true(pgtable_clear(m, pgd, 0xd0103000) == lv);
	phys_read_entry(&m->phys, page + 259 * 4, 4, &lv);
	phys_read_entry(&m->phys, page + 2048 + 259 * 4, 4, &hv);
	assert_true(lv == 0 && hv == 0);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xd0103abc, &w),
			 WF_NOT_PRESENT);
	assert_int_equal(w.fault_lvl, LVL_PTE);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xd0000000, &w),
			 WF_NONE);
	machine_free(m);
}

/* user mappings: nG in the hardware copy, user table descriptor */
static void
test_user_mapping(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 256 * MiB,
				 .exec = "none");
	u64 pgd = m->swapper_pg_dir, w0 = 0;
	pgprot_t p = P_KR | P_KW | P_UR | P_UW | P_YOUNG;
	struct walk w;
	struct error e;

	(void)state;
	assert_int_equal(pgtable_map(m, pgd, 0x8000, 0x62000000, PAGE_SIZE, 12,
				     p, &e), 0);
	phys_read_entry(&m->phys, pgd, 4, &w0);
	assert_true((w0 & 0xfff) == (0x800 | _PAGE_USER_TABLE));
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0x8000, &w),
			 WF_NONE);
	assert_false(w.attr & P_GLOBAL);
	assert_true(w.step[1].entry & PTE_EXT_NG);
	/* clean: read-only in hardware until Linux marks it dirty */
	assert_int_equal(w.perm, P_KR | P_UR);
	assert_int_equal(pgtable_map(m, pgd, 0x8000, 0x62000000, PAGE_SIZE, 12,
				     p | P_DIRTY, &e), 0);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0x8000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KW | P_UR | P_UW);
	/* old: no hardware entry at all */
	assert_int_equal(pgtable_map(m, pgd, 0x9000, 0x62001000, PAGE_SIZE, 12,
				     P_KR | P_UR, &e), 0);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0x9000, &w),
			 WF_NOT_PRESENT);
	/* ... yet a Linux mapping that pgtable_clear_leaf removes */
	{
		unsigned sh;
		u64 old = pgtable_clear_leaf(m, pgd, 0x9000, &sh);

		assert_true((old & 0xfffff000ULL) == 0x62001000ULL);
		assert_int_equal(sh, 12);
		assert_true(pgtable_clear_leaf(m, pgd, 0x9000, &sh) == 0);
	}
	machine_free(m);
}

/* sections and 4K pages built by pgtable_map, walked by the MMU */
static void
test_map_sections(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 256 * MiB,
				 .exec = "none");
	u64 pgd = m->swapper_pg_dir;
	struct walk w;
	struct error e;

	(void)state;
	assert_int_equal(pgtable_map(m, pgd, 0xe0000000, 0x68000000, 2 * MiB,
				     20, PAGE_KERNEL_RO, &e), 0);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xe01fffff, &w),
			 WF_NONE);
	assert_int_equal(w.nsteps, 1);
	assert_int_equal(w.shift, 20);
	assert_true(w.pa == 0x681fffffULL);
	assert_int_equal(w.perm, P_KR);
	/* no 64K or 16M pages are built: pgtable_map refuses them */
	assert_int_not_equal(pgtable_map(m, pgd, 0xe1000000, 0x69000000,
					 16 * MiB, 24, PAGE_KERNEL, &e), 0);
	/* pgtable_map_range picks sections where aligned, else 4K */
	assert_int_equal(pgtable_map_range(m, pgd, 0xe2000000, 0x6a000000,
					   SECTION_SIZE + 2 * PAGE_SIZE, 24,
					   PAGE_KERNEL, &e), 0);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xe2000000, &w),
			 WF_NONE);
	assert_int_equal(w.shift, 20);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xe2101000, &w),
			 WF_NONE);
	assert_int_equal(w.shift, 12);
	assert_true(w.pa == 0x6a101000ULL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0x100000000ULL, &w),
			 WF_VA_RANGE);
	/* a table pointer beyond RAM stops the walk */
	phys_write_entry(&m->phys, pgd + 0xe30 * 4, 4, 0x10000001);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, pgd, 0xe3000000, &w),
			 WF_BEYOND_RAM);
	machine_free(m);
}

struct layout_case {
	const char *variant;
	u64 mem, lowmem, high, vstart, vend;
};

static void
test_layouts(void **state)
{
	static const struct layout_case c[] = {
		{ "3.4", 1 * GiB, 760 * MiB, 0xef800000, 0xf0000000,
		  0xff000000 },
		{ "3.4", 256 * MiB, 256 * MiB, 0xd0000000, 0xd0800000,
		  0xff000000 },
		{ "3.4", 768 * MiB, 760 * MiB, 0xef800000, 0xf0000000,
		  0xff000000 },
		{ "3.4", 100 * MiB, 100 * MiB, 0xc6400000, 0xc6800000,
		  0xff000000 },
		{ "5.4", 1 * GiB, 768 * MiB, 0xf0000000, 0xf0800000,
		  0xff800000 },
		{ "5.4", 256 * MiB, 256 * MiB, 0xd0000000, 0xd0800000,
		  0xff800000 },
		{ "5.4", 768 * MiB, 768 * MiB, 0xf0000000, 0xf0800000,
		  0xff800000 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct machine *m = boot(.arch = "arm", .mem = c[i].mem,
					 .variant = c[i].variant,
					 .exec = "none");
		const struct layout *L = &m->lay;
		bool v3 = !strcmp(c[i].variant, "3.4");

		assert_true(L->lowmem_end == c[i].lowmem);
		assert_true(L->high_memory == c[i].high);
		assert_true(L->vmalloc_start == c[i].vstart);
		assert_true(L->vmalloc_end == c[i].vend);
		assert_true(L->page_offset == 0xc0000000ULL);
		assert_true(L->phys_offset == 0x60000000ULL);
		assert_true(m->ram_start == 0x60000000ULL);
		assert_true(L->task_size == 0xbf000000ULL);
		assert_true(L->modules_vaddr == 0xbf000000ULL);
		assert_true(L->modules_end == 0xbfe00000ULL);
		assert_true(L->pkmap_base == 0xbfe00000ULL);
		assert_int_equal(L->last_pkmap, 512);
		assert_true(L->vectors == 0xffff0000ULL);
		assert_true(L->dma_limit == 0);
		assert_true(L->consistent_base == (v3 ? 0xffc00000ULL : 0));
		assert_true(L->consistent_end == (v3 ? 0xffe00000ULL : 0));
		assert_true(L->fixaddr_start == (v3 ? 0xfff00000ULL :
						 0xffc00000ULL));
		assert_true(L->fixaddr_top == (v3 ? 0xfffe0000ULL :
					       0xffeff000ULL));
		/* fix_to_virt: 3.x counts up from START, 5.x down from TOP */
		assert_true(layout_fix_to_virt(L, 1) == (v3 ? 0xfff01000ULL :
							 0xffefe000ULL));
		assert_true(machine_ksym(m, "swapper_pg_dir")->value ==
			    0xc0004000ULL);
		assert_true(machine_ksym(m, "_text")->value == 0xc0008000ULL);
		assert_true(m->swapper_pg_dir == 0x60004000ULL);
		machine_free(m);
	}
}

/* swapper_pg_dir after paging_init */
static void
test_boot_tables(void **state)
{
	struct machine *m3 = boot(.arch = "arm", .mem = 1 * GiB,
				  .variant = "3.4", .exec = "none");
	struct machine *m5 = boot(.arch = "arm", .mem = 1 * GiB,
				  .variant = "5.4", .exec = "none");
	u64 pgd = m3->swapper_pg_dir, v = 0;
	struct walk w;
	int i;
	bool image = false, swapper = false;

	(void)state;
	/* lowmem: RWX sections on 3.x */
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xc0000000, &w),
			 WF_NONE);
	assert_true(w.step[0].entry == 0x6001140eULL);
	assert_int_equal(w.perm, P_KR | P_KW | P_KX);
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xef7fffff, &w),
			 WF_NONE);
	assert_true(w.pa == 0x8f7fffffULL);
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xef800000, &w),
			 WF_NOT_PRESENT);
	/* nothing below PAGE_OFFSET but the pkmap table */
	for (i = 0; i < 0xbfe; i++) {
		phys_read_entry(&m3->phys, pgd + (u64)i * 4, 4, &v);
		assert_true(v == 0);
	}
	phys_read_entry(&m3->phys, pgd + 0xbfe * 4, 4, &v);
	assert_true((v & 0xfff) == (0x800 | _PAGE_KERNEL_TABLE));
	/* the vector page: user r-x, kernel r-x, global; table in domain 1 */
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xffff0000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KX | P_UR | P_UX);
	assert_true(w.attr & P_GLOBAL);
	assert_true((w.step[0].entry & 0xfff) == (0xc00 | PMD_TYPE_TABLE |
						  PMD_DOMAIN(DOMAIN_USER)));
	/* the 3.x fixmap shares that table; the consistent area has one */
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xfff00000, &w),
			 WF_NOT_PRESENT);
	assert_int_equal(w.fault_lvl, LVL_PTE);
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xffdff000, &w),
			 WF_NOT_PRESENT);
	assert_int_equal(w.fault_lvl, LVL_PTE);
	for (i = 0; i < m3->nmemblock; i++) {
		if (!strcmp(m3->memblock[i].what, "kernel image") &&
		    m3->memblock[i].base == 0x60008000ULL)
			image = true;
		if (!strcmp(m3->memblock[i].what, "swapper_pg_dir") &&
		    m3->memblock[i].base == 0x60004000ULL &&
		    m3->memblock[i].size == 16 * KiB)
			swapper = true;
	}
	assert_true(image && swapper);

	/* 5.x: text RX, rodata RO, the rest XN; stubs page kernel only */
	pgd = m5->swapper_pg_dir;
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xc0000000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KW);
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xc0100000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KX);
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xc0a00000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR);
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xefffffff, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KW);
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xffff1000, &w),
			 WF_NONE);
	assert_int_equal(w.perm, P_KR | P_KX);
	assert_true((w.step[0].entry & 0x1e0) == PMD_DOMAIN(DOMAIN_VECTORS));
	assert_int_equal(mmu_walk(&m5->mmu, &m5->phys, pgd, 0xffc00000, &w),
			 WF_NOT_PRESENT);
	assert_int_equal(w.fault_lvl, LVL_PTE);
	machine_free(m3);
	machine_free(m5);

	/*
	 * 100.5M: the last 2M chunk of lowmem is not section-aligned at its
	 * end, so create_mapping() maps it with 4K pages in a table linked
	 * with MT_MEMORY's prot_l1 (0x01)
	 */
	m3 = boot(.arch = "arm", .mem = 100 * MiB + 512 * KiB, .variant = "3.4",
		  .exec = "none");
	pgd = m3->swapper_pg_dir;
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xc63fffff, &w),
			 WF_NONE);
	assert_int_equal(w.shift, 20);
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xc647f123, &w),
			 WF_NONE);
	assert_int_equal(w.shift, 12);
	assert_true(w.pa == 0x6647f123ULL);
	assert_int_equal(w.perm, P_KR | P_KW | P_KX);
	assert_true((w.step[0].entry & 0x3ff) == PMD_TYPE_TABLE);
	assert_int_equal(mmu_walk(&m3->mmu, &m3->phys, pgd, 0xc6480000, &w),
			 WF_NOT_PRESENT);
	machine_free(m3);
}

/* the CPU: TTBR0 = swapper_pg_dir, ASID 0, DACR, TEX remap registers */
static void
test_cpu_and_tlb(void **state)
{
	struct machine *m = boot(.arch = "arm", .variant = "3.4",
				 .mem = 128 * MiB, .exec = "none");
	struct cpu *c = machine_cpu(m);
	struct walk w;
	bool hit;

	(void)state;
	assert_true(c->root[0] == 0x60004000ULL);
	assert_true(c->root_valid[0] && !c->root_valid[1]);
	assert_int_equal(c->asid, 0);
	assert_true(c->regs[1] == 0x15);
	assert_true(c->regs[3] == 0xff0a81a8ULL);
	assert_int_equal(c->tlb.sets * c->tlb.ways, 128);
	assert_int_equal(machine_translate(m, c, 0xc0123456, ACC_READ, &w,
					   &hit), WF_NONE);
	assert_false(hit);
	assert_int_equal(machine_translate(m, c, 0xc01fffff, ACC_WRITE, &w,
					   &hit), WF_NONE);
	assert_true(hit);	/* the same 1M section */
	assert_true(w.pa == 0x601fffffULL);
	assert_int_equal(machine_translate(m, c, 0xffff0000, ACC_WRITE |
					   ACC_USER, &w, &hit),
			 WF_PROTECTION);
	assert_true(m->arch->update_ad == NULL);
	machine_free(m);
}

/*
 * 6.1 armmp on QEMU virt: RAM at 0x40000000, swapper_pg_dir below _text at
 * TEXT_OFFSET 0x208000, the device tree in two read-only sections at
 * 0xff800000, the CMA area (top 16M of lowmem) in 4K pages, the fixmap
 * from 0xffc80000.
 */
static void
test_profile_61(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 256 * MiB,
				 .exec = "none");
	struct walk w;

	(void)state;
	assert_string_equal(m->profile->name, "6.1");
	assert_true(m->ram_start == 0x40000000ULL);
	assert_true(m->swapper_pg_dir == 0x40204000ULL);
	assert_true(m->lay.high_memory == 0xd0000000ULL);
	assert_true(m->lay.vmalloc_start == 0xd0800000ULL);
	assert_true(m->lay.vmalloc_end == 0xff800000ULL);
	assert_true(m->lay.fixaddr_start == 0xffc80000ULL);
	assert_true(m->lay.fixaddr_top == 0xffeff000ULL);
	assert_true(m->lay.dma_limit == 0x50000000ULL);
	assert_true(machine_ksym(m, "_text")->value == 0xc0208000ULL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xff800000ULL, &w), WF_NONE);
	assert_int_equal(w.shift, SECTION_SHIFT);
	assert_true(w.pa == 0x48000000ULL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xff900000ULL, &w), WF_NONE);
	assert_int_not_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				      0xffa00000ULL, &w), WF_NONE);
	/* the CMA area in pages, the rest of lowmem in sections */
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xcf000000ULL, &w), WF_NONE);
	assert_int_equal(w.shift, PAGE_SHIFT);
	assert_true(w.pa == 0x4f000000ULL);
	assert_int_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				  0xcef00000ULL, &w), WF_NONE);
	assert_int_equal(w.shift, SECTION_SHIFT);
	machine_free(m);
}

static void
test_bad_machines(void **state)
{
	(void)state;
	assert_true(boot_fails("3.4", 3 * GiB, 0, 0, "2.5G is all that fits"));
	assert_true(boot_fails(NULL, 3 * GiB + 4 * KiB, 0, 0,
			       "3G is all that fits"));
	assert_false(boot_fails(NULL, 3 * GiB, 0, 0, "RAM"));
	assert_true(boot_fails(NULL, 0, 9, 0, "at most 8 CPUs"));
	assert_true(boot_fails(NULL, 16 * MiB, 0, 0, "give it at least 25M"));
	assert_false(boot_fails(NULL, 25 * MiB, 0, 0, "RAM"));
	assert_true(boot_fails("4.x", 0, 0, 0, "arm models 6.1"));
	assert_true(boot_fails("3.4", 0, 15, 0, "at most 14 CPUs"));
	assert_false(boot_fails("5.4", 0, 15, 0, "CPUs"));
	assert_true(boot_fails(NULL, 0, 0, 8 * MiB, "at least 16M"));
	assert_true(boot_fails("3.4", 0, 0, 1000 * MiB, "at most 976M"));
	assert_true(boot_fails(NULL, 0, 0, 1000 * MiB, "at most 984M"));
	assert_false(boot_fails(NULL, 2560 * MiB, 0, 0, "RAM"));
}

/*
 * A live guest's vCPU (QEMU's gdbstub, slots TTBCR, DACR, CONTEXTIDR,
 * PRRR, NMRR, TTBR0, TTBR1, SCTLR): TTBR0's 16K-aligned table and
 * CONTEXTIDR's ASID; the MMU off, LPAE and TTBCR.N > 0 have no root.
 */
static void
test_gdb_root(void **state)
{
	struct machine *m = boot(.arch = "arm", .mem = 256 * MiB);
	const struct arch *a = m->arch;
	struct image_cpu c = { .have_ctl = true };
	u64 root = 0;
	u16 asid = 0;

	(void)state;
	assert_string_equal(a->gdb_arch, "arm");
	c.ctl[2] = 0x1203;
	c.ctl[5] = 0x40110059;
	c.ctl[7] = 1;
	assert_null(a->gdb_mmu_off(m, &c));
	assert_true(a->gdb_root(m, &c, 0, &root, &asid));
	assert_int_equal(root, 0x40110000ULL);
	assert_int_equal(asid, 3);
	c.ctl[0] = 1;		/* TTBCR.N = 1 */
	assert_non_null(strstr(a->gdb_mmu_off(m, &c), "TTBCR.N"));
	assert_false(a->gdb_root(m, &c, 0, &root, &asid));
	c.ctl[0] = 1U << 31;	/* EAE */
	assert_non_null(strstr(a->gdb_mmu_off(m, &c), "LPAE"));
	c.ctl[0] = 0;
	c.ctl[7] = 0;
	assert_non_null(strstr(a->gdb_mmu_off(m, &c), "SCTLR.M"));
	assert_false(a->gdb_root(m, &c, 0, &root, &asid));
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux_to_hw_3x),
		cmocka_unit_test(test_linux_to_hw_5x),
		cmocka_unit_test(test_prot_none),
		cmocka_unit_test(test_mk_leaf_sw_roundtrip),
		cmocka_unit_test(test_section_roundtrip),
		cmocka_unit_test(test_decode_kinds),
		cmocka_unit_test(test_pte_page),
		cmocka_unit_test(test_user_mapping),
		cmocka_unit_test(test_map_sections),
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_boot_tables),
		cmocka_unit_test(test_cpu_and_tlb),
		cmocka_unit_test(test_bad_machines),
		cmocka_unit_test(test_profile_61),
		cmocka_unit_test(test_gdb_root),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
