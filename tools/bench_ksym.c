// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Kernel symbols at the size of a real kallsyms: adding 150 000, then
 * lookups by name and the <symbol+offset> of random addresses.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"

#define NSYM	150000
#define NLOOK	(4 << 20)
#define BASE	0xffffffff81000000ULL

static void
ksym_run(void)
{
	struct machine *m = bench_boot("x86_64", 128 * MiB);
	const struct ksym *k;
	char name[32];
	u64 s = 11, sum = 0;
	double t0, t;
	long i;

	t0 = bench_now();
	for (i = 0; i < NSYM; i++) {
		long j = (i * 7919) % NSYM;	/* not in address order */

		snprintf(name, sizeof(name), "ksym_%ld", j);
		machine_add_ksym(m, name, BASE + (u64)j * 64, 64, 'T');
	}
	t = bench_now() - t0;
	bench_report("ksym add 150000", (double)NSYM / t, "symbols/s", NULL);
	t0 = bench_now();
	for (i = 0; i < NLOOK; i++) {
		k = machine_ksym_at(m, BASE + bench_rand(&s) % (NSYM * 64ULL));
		sum += k != NULL ? k->value : 0;
	}
	t = bench_now() - t0;
	bench_report("ksym addr->name", (double)NLOOK / t, "lookups/s",
		     "random addresses, bisection; the first one sorts");
	t0 = bench_now();
	for (i = 0; i < NLOOK; i++) {
		snprintf(name, sizeof(name), "ksym_%lu",
			 (unsigned long)(bench_rand(&s) % NSYM));
		k = machine_ksym(m, name);
		sum += k != NULL ? k->value : 0;
	}
	t = bench_now() - t0;
	bench_report("ksym name->addr", (double)NLOOK / t, "lookups/s",
		     sum == 1 ? "" : "hash; includes formatting the name");
	machine_free(m);
}

const struct bench bench_ksym = {
	.name = "ksym",
	.what = "kernel symbols: 150 000 added, looked up by name and address",
	.run = ksym_run,
};
