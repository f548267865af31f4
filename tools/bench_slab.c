// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The slab allocator: kmalloc/kfree pairs of 64-byte objects per second
 * (the CPU slab's fast path), batches that cross slabs (new slabs from the
 * buddy allocator, full and partial slabs), and the large path.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "ptwalk/slab.h"

#define BATCH	4096

static u64
must_kmalloc(struct machine *m, u64 size)
{
	struct error e;
	u64 p = kmalloc(m, size, GFP_KERNEL, &e);

	if (p == 0) {
		fprintf(stderr, "bench: kmalloc: %s\n", e.msg);
		exit(1);
	}
	return p;
}

static void
must_kfree(struct machine *m, u64 p)
{
	struct error e;

	if (kfree(m, p, &e)) {
		fprintf(stderr, "bench: kfree: %s\n", e.msg);
		exit(1);
	}
}

static void
pairs(struct machine *m, const char *arch, u64 size, const char *note)
{
	double t0 = bench_now(), t;
	long n = 0, i;
	char name[80];

	do {
		for (i = 0; i < 200000; i++)
			must_kfree(m, must_kmalloc(m, size));
		n += i;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s kmalloc(%llu)/kfree pairs", arch,
		 (unsigned long long)size);
	bench_report(name, (double)n / t, "pairs/s", note);
}

/* BATCH objects, then their frees in a shuffled order. */
static void
batches(struct machine *m, const char *arch, u64 size)
{
	u64 *held = malloc(BATCH * sizeof(*held));
	double t0 = bench_now(), t;
	long n = 0;
	u64 s = 7;
	int i;
	char name[80];

	do {
		for (i = 0; i < BATCH; i++)
			held[i] = must_kmalloc(m, size);
		for (i = BATCH - 1; i > 0; i--) {
			int j = (int)(bench_rand(&s) % (u64)(i + 1));
			u64 x = held[i];

			held[i] = held[j];
			held[j] = x;
		}
		for (i = 0; i < BATCH; i++)
			must_kfree(m, held[i]);
		n += BATCH;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s kmalloc(%llu) x%d, shuffled kfree",
		 arch, (unsigned long long)size, BATCH);
	bench_report(name, (double)n / t, "pairs/s",
		     "new slabs, full and partial lists, empty slabs freed");
	free(held);
}

static void
slab_run(void)
{
	struct machine *m = bench_boot("i386", 1 * GiB);

	pairs(m, "i386", 64, "one CPU slab: the fast path");
	batches(m, "i386", 64);
	pairs(m, "i386", 20000, "kmalloc_large: order-3 compound pages");
	machine_free(m);
	m = bench_boot("x86_64", 4 * GiB);
	pairs(m, "x86_64", 64, "one CPU slab: the fast path");
	batches(m, "x86_64", 64);
	machine_free(m);
}

const struct bench bench_slab = {
	.name = "slab",
	.what = "slab allocator: kmalloc + kfree pairs per second",
	.run = slab_run,
};
