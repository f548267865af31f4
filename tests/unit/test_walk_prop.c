// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Property test of the walker and the TLB on every arch: 100 000 random
 * map/unmap operations with 4K and huge pages, each followed by
 * translations checked against a plain reference map, three ways: the
 * full walk, the fast translation walk, and the TLB (which must equal a
 * TLB flushed after every change, and must stay stale where a flush is
 * deliberately left out).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/machine.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/tlbflush.h"
#include "helpers.h"

#define OPS	100000
#define SPAN	(32 * MiB)

static u64 seed;

static u64
rnd(void)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return seed * 0x2545F4914F6CDD1DULL;
}

struct refmap {
	u64 base;		/* region start */
	unsigned shift;		/* page size of the region */
	u64 n;
	u64 *pa;		/* 0 = unmapped, else pa + 1 */
};

static u64
ref_lookup(const struct refmap *r, u64 va, bool *in)
{
	u64 i;

	*in = va >= r->base && va < r->base + (r->n << r->shift);
	if (!*in)
		return 0;
	i = (va - r->base) >> r->shift;
	if (r->pa[i] == 0)
		return 0;
	return r->pa[i] - 1 + (va & ((1ULL << r->shift) - 1)) + 1;
}

/* What the tables must say for va: 0 unmapped, else pa + 1. */
static u64
expect(const struct refmap *a, const struct refmap *b, u64 va)
{
	bool in;
	u64 v = ref_lookup(a, va, &in);

	if (in)
		return v;
	return ref_lookup(b, va, &in);
}

static unsigned
huge_shift(const struct mmu *mmu)
{
	unsigned best = 0;
	int i;

	for (i = 0; i < mmu->npage_shifts; i++)
		if (mmu->page_shifts[i] > best && mmu->page_shifts[i] <= 22)
			best = mmu->page_shifts[i];
	return best;
}

static void
check(struct machine *m, const struct refmap *a, const struct refmap *b,
      u64 va, const char *arch, long op)
{
	u64 want = expect(a, b, va);
	struct walk w;
	struct xlat x;
	int f1 = mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);
	int f2 = mmu_translate_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &x);

	if (want == 0) {
		if (f1 != WF_NOT_PRESENT || f2 != WF_NOT_PRESENT)
			fail_msg("%s op %ld: 0x%llx should fault, got %d/%d", arch,
				 op, (unsigned long long)va, f1, f2);
		return;
	}
	if (f1 || f2 || w.pa != want - 1 || x.pa != want - 1 ||
	    w.perm != x.perm || w.shift != x.shift)
		fail_msg("%s op %ld: 0x%llx -> 0x%llx/0x%llx (faults %d/%d), "
			 "want 0x%llx", arch, op, (unsigned long long)va,
			 (unsigned long long)w.pa, (unsigned long long)x.pa, f1,
			 f2, (unsigned long long)(want - 1));
}

/* The TLB after correct flushes equals the tables. */
static void
check_tlb(struct machine *m, const struct refmap *a, const struct refmap *b,
	  u64 va, const char *arch, long op)
{
	u64 want = expect(a, b, va);
	struct xlat x;
	bool hit;
	int f = machine_xlat(m, machine_cpu(m), va, ACC_READ, &x, &hit);

	if (want == 0 ? f != WF_NOT_PRESENT : (f != 0 || x.pa != want - 1))
		fail_msg("%s op %ld: TLB says 0x%llx (fault %d, hit %d) for "
			 "0x%llx, tables 0x%llx", arch, op,
			 (unsigned long long)x.pa, f, hit,
			 (unsigned long long)va, (unsigned long long)want);
}

static u64
random_va(const struct refmap *a, const struct refmap *b)
{
	const struct refmap *r = (rnd() & 1) ? a : b;

	return r->base + rnd() % (r->n << r->shift);
}

static void
run_arch(const char *arch)
{
	struct machine *m;
	struct refmap a, b;
	struct error e;
	u64 frames, va, pa, old;
	unsigned hs, sh;
	long op;

	m = boot(.arch = arch, .mem = 512 * MiB, .exec = "none");
	hs = huge_shift(&m->mmu);
	assert_true(hs > PAGE_SHIFT);
	a.shift = PAGE_SHIFT;
	a.base = m->lay.vmalloc_start;
	/* arm64: the kernel image sits at VMALLOC_START (KIMAGE_VADDR) */
	if (m->lay.ktext >= a.base && m->lay.kend > a.base &&
	    m->lay.kend < m->lay.vmalloc_end)
		a.base = m->lay.kend;
	a.base = ALIGN_UP(a.base, 1ULL << 22);
	a.n = SPAN >> PAGE_SHIFT;
	b.shift = hs;
	b.base = ALIGN_UP(a.base + SPAN, 1ULL << 22);
	b.n = SPAN >> hs;
	assert_true(b.base + SPAN <= m->lay.vmalloc_end);
	a.pa = calloc(a.n, sizeof(u64));
	b.pa = calloc(b.n, sizeof(u64));
	frames = m->ram_size >> PAGE_SHIFT;
	seed = 0x9e3779b97f4a7c15ULL;

	for (op = 0; op < OPS; op++) {
		unsigned k = (unsigned)(rnd() % 100);
		bool flush = (rnd() % 20) != 0;	/* 1 in 20 changes unflushed */
		struct refmap *r = k < 70 ? &a : &b;
		u64 i = rnd() % r->n, before = 0, cached = 0;
		struct tlb_entry *te;
		struct xlat x;
		bool hit;

		va = r->base + (i << r->shift);
		te = tlb_peek(&machine_cpu(m)->tlb, va, machine_cpu(m)->asid);
		if (te != NULL) {
			cached = te->pa + 1;
			before = te->shift;
		}
		if ((k < 70 && k >= 45) || (k >= 85)) {
			/* unmap */
			old = pgtable_clear_leaf(m, m->swapper_pg_dir, va, &sh);
			if ((old != 0) != (r->pa[i] != 0))
				fail_msg("%s op %ld: unmap of 0x%llx found %s", arch,
					 op, (unsigned long long)va,
					 old ? "a mapping" : "none");
			r->pa[i] = 0;
		} else {
			/* map (or remap) */
			if (r->shift == PAGE_SHIFT)
				pa = m->ram_start + ((rnd() % frames) << PAGE_SHIFT);
			else
				pa = m->ram_start + ((rnd() % (frames >> (hs - 12)))
						     << hs);
			if (pgtable_map(m, m->swapper_pg_dir, va, pa,
					1ULL << r->shift, r->shift, PAGE_KERNEL, &e))
				fail_msg("%s op %ld: map 0x%llx: %s", arch, op,
					 (unsigned long long)va, e.msg);
			r->pa[i] = pa + 1;
		}
		check(m, &a, &b, va, arch, op);
		if (!flush && cached) {
			/* the stale translation stays until the flush */
			int f = machine_xlat(m, machine_cpu(m), va, ACC_READ, &x,
					     &hit);

			if (!hit || f || x.pa != cached - 1)
				fail_msg("%s op %ld: unflushed change of 0x%llx: "
					 "TLB should still say 0x%llx (shift %llu)",
					 arch, op, (unsigned long long)va,
					 (unsigned long long)(cached - 1),
					 (unsigned long long)before);
		}
		flush_tlb_kernel_range(m, va, va + (1ULL << r->shift));
		check_tlb(m, &a, &b, va, arch, op);
		for (k = 0; k < 4; k++) {
			u64 v = random_va(&a, &b);

			check(m, &a, &b, v, arch, op);
			check_tlb(m, &a, &b, v, arch, op);
		}
	}
	free(a.pa);
	free(b.pa);
	machine_free(m);
}

static void
test_all_arches(void **state)
{
	int i;

	(void)state;
	for (i = 0; arch_list[i] != NULL; i++)
		run_arch(arch_list[i]->name);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_arches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
