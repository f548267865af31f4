// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Walker and TLB throughput on every arch: full walks per second with the
 * TLB off, translations per second on TLB hits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/machine.h"
#include "ptwalk/pgtable.h"

#define NADDR	(1 << 20)
#define SPAN	(256 * MiB)	/* mapped range: 65536 4K pages */

/* A free stretch of kernel virtual space to map into (vmalloc area). */
static u64
bench_base(const struct machine *m)
{
	return ALIGN_UP(m->lay.vmalloc_start, 1 * GiB);
}

static void
map_span(struct machine *m, u64 base, u64 span)
{
	struct error e;
	u64 frames = (m->ram_size >> PAGE_SHIFT) / 2, s = 42, off;

	for (off = 0; off < span; off += PAGE_SIZE) {
		u64 pa = m->ram_start + ((bench_rand(&s) % frames) << PAGE_SHIFT) +
			m->ram_size / 4;

		pa = MIN(pa, m->ram_start + m->ram_size - PAGE_SIZE);
		if (pgtable_map(m, m->swapper_pg_dir, base + off, pa, PAGE_SIZE,
				PAGE_SHIFT, PAGE_KERNEL, &e)) {
			fprintf(stderr, "bench: map: %s\n", e.msg);
			exit(1);
		}
	}
}

static void
walks(const char *arch)
{
	/* 1G, or the most the arch holds (riscv32: 1020M) */
	struct machine *m = bench_boot(arch, MIN(1 * GiB,
						 arch_find(arch)->mem_max));
	u64 base, *va = malloc(NADDR * sizeof(*va)), s = 7, sum = 0, span;
	struct walk w;
	double t0, t;
	long n = 0, i;
	char name[80];

	if (va == NULL)
		exit(1);
	base = bench_base(m);
	span = SPAN;
	if (base + SPAN > m->lay.vmalloc_end) {
		/* a small vmalloc area (arm 6.1: 240M): its first half */
		base = m->lay.vmalloc_start;
		span = MIN(SPAN, ALIGN_DOWN((m->lay.vmalloc_end - base) / 2,
					    2 * MiB));
	}
	map_span(m, base, span);
	for (i = 0; i < NADDR; i++)
		va[i] = base + (bench_rand(&s) % span);
	t0 = bench_now();
	do {
		for (i = 0; i < NADDR; i++) {
			mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va[i], &w);
			sum += w.pa;
		}
		n += NADDR;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s walks with steps (walk cmd)", arch);
	bench_report(name, (double)n / t, "walks/s", sum == 1 ? "" : NULL);

	/* the TLB-miss path: a full walk of every level, no step records */
	{
		struct xlat x;

		n = 0;
		t0 = bench_now();
		do {
			for (i = 0; i < NADDR; i++) {
				mmu_translate_walk(&m->mmu, &m->phys,
						   m->swapper_pg_dir, va[i], &x);
				sum += x.pa;
			}
			n += NADDR;
			t = bench_now() - t0;
		} while (t < 0.5);
		snprintf(name, sizeof(name), "%s walks, 4K pages, TLB off", arch);
		bench_report(name, (double)n / t, "walks/s", NULL);
	}

	/*
	 * TLB hits: up to 1024 consecutive pages, no more than the TLB
	 * holds (arm's Cortex-A9 has 128 entries), so every set fits
	 */
	{
		struct cpu *c = machine_cpu(m);
		u64 reach = MIN(1024, c->tlb.sets * c->tlb.ways);
		struct xlat x;
		bool hit;

		for (i = 0; i < NADDR; i++)
			va[i] = base + ((bench_rand(&s) % reach) << PAGE_SHIFT) +
				(bench_rand(&s) & (PAGE_SIZE - 1));
		for (i = 0; i < 2048; i++)
			machine_xlat(m, c, va[i], ACC_READ, &x, &hit);
		n = 0;
		t0 = bench_now();
		do {
			for (i = 0; i < NADDR; i++) {
				machine_xlat(m, c, va[i], ACC_READ, &x, &hit);
				sum += x.pa;
			}
			n += NADDR;
			t = bench_now() - t0;
		} while (t < 0.5);
		snprintf(name, sizeof(name), "%s translations, TLB hits", arch);
		bench_report(name, (double)n / t, "trans/s", NULL);
	}
	free(va);
	machine_free(m);
}

static void
run(void)
{
	int i;

	for (i = 0; arch_list[i]; i++)
		walks(arch_list[i]->name);
}

const struct bench bench_walk = {
	.name = "walk",
	.what = "page-table walks and TLB translations, every arch",
	.run = run,
};
