// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * vmalloc: vmalloc + vfree pairs of 64K per second (16 pages from the
 * buddy allocator, 16 PTEs, the lazy purge every lazy_max_pages()).
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "ptwalk/vmalloc.h"

static void
pairs(const char *arch)
{
	struct machine *m = bench_boot(arch, 1 * GiB);
	double t0 = bench_now(), t;
	struct error e;
	long n = 0, i;
	char name[80];

	do {
		for (i = 0; i < 10000; i++) {
			u64 va = vmalloc(m, 64 * KiB, "bench", &e);

			if (va == 0 || vfree(m, va, &e)) {
				fprintf(stderr, "bench: vmalloc/vfree: %s\n",
					e.msg);
				exit(1);
			}
		}
		n += i;
		t = bench_now() - t0;
	} while (t < 0.5);
	snprintf(name, sizeof(name), "%s vmalloc+vfree 64K pairs", arch);
	bench_report(name, (double)n / t, "pairs/s",
		     "16 pages and PTEs each; purges included");
	machine_free(m);
}

static void
vmalloc_run(void)
{
	pairs("i386");
	pairs("x86_64");
	pairs("arm");
}

const struct bench bench_vmalloc = {
	.name = "vmalloc",
	.what = "vmalloc/vfree of 64K per second",
	.run = vmalloc_run,
};
