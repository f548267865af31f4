// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The page allocator: alloc/free pairs per second at orders 0 and 3, and
 * the boot of a 64G x86_64 machine (time; the driver adds the peak RSS).
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "ptwalk/page_alloc.h"

#define BATCH	512

static struct page *
must_alloc(struct machine *m, gfp_t gfp, unsigned order)
{
	struct error e;
	struct page *p = alloc_pages(m, gfp, order, &e);

	if (p == NULL) {
		fprintf(stderr, "bench: alloc_pages: %s\n", e.msg);
		exit(1);
	}
	return p;
}

static void
must_free(struct machine *m, struct page *p, unsigned order)
{
	struct error e;

	if (__free_pages(m, p, order, &e)) {
		fprintf(stderr, "bench: __free_pages: %s\n", e.msg);
		exit(1);
	}
}

/* Allocate and free at once: each pair splits a block and merges it back. */
static void
pairs(struct machine *m, const char *arch, unsigned order)
{
	double t0 = bench_now(), t;
	long n = 0, i;
	char name[80];

	do {
		for (i = 0; i < 100000; i++)
			must_free(m, must_alloc(m, GFP_KERNEL, order), order);
		n += i;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s order-%u pairs, one at a time", arch,
		 order);
	bench_report(name, (double)n / t, "pairs/s",
		     "each splits a larger block and merges it back");
}

/* BATCH allocations, then their frees in a shuffled order. */
static void
batches(struct machine *m, const char *arch, unsigned order)
{
	struct page *held[BATCH];
	double t0 = bench_now(), t;
	long n = 0;
	u64 s = 11;
	int i;
	char name[80];

	do {
		for (i = 0; i < BATCH; i++)
			held[i] = must_alloc(m, GFP_KERNEL, order);
		for (i = BATCH - 1; i > 0; i--) {
			int j = (int)(bench_rand(&s) % (u64)(i + 1));
			struct page *x = held[i];

			held[i] = held[j];
			held[j] = x;
		}
		for (i = 0; i < BATCH; i++)
			must_free(m, held[i], order);
		n += BATCH;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s order-%u pairs, %d at a time", arch,
		 order, BATCH);
	bench_report(name, (double)n / t, "pairs/s", "frees in random order");
}

static void
page_alloc_run(void)
{
	static const char *const arches[] = { "i386", "x86_64" };
	size_t a;

	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		struct machine *m = bench_boot(arches[a], 1 * GiB);

		pairs(m, arches[a], 0);
		batches(m, arches[a], 0);
		pairs(m, arches[a], 3);
		batches(m, arches[a], 3);
		machine_free(m);
	}
}

const struct bench bench_page_alloc = {
	.name = "page_alloc",
	.what = "buddy allocator: alloc_pages + __free_pages pairs per second",
	.run = page_alloc_run,
};

static void
boot_64g_run(void)
{
	double t0, t;
	struct machine *m;
	struct page *p;

	t0 = bench_now();
	m = bench_boot("x86_64", 64 * GiB);
	t = bench_now() - t0;
	bench_report("x86_64 64G: machine_new (boot)", t * 1e3, "ms",
		     "paging_init, vmemmap, free lists, watermarks");
	p = must_alloc(m, GFP_KERNEL, 0);
	must_free(m, p, 0);
	t0 = bench_now();
	machine_free(m);
	t = bench_now() - t0;
	bench_report("x86_64 64G: machine_free", t * 1e3, "ms", NULL);
}

const struct bench bench_boot_64g = {
	.name = "boot_64g",
	.what = "boot a 64G x86_64 machine (16M frames) and allocate once",
	.run = boot_64g_run,
};
