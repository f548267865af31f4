// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Host memory for simulated RAM: what vzalloc(2G) and a write to every
 * page of 4 GiB of anonymous memory cost the host (time, and resident
 * memory beyond the machine at boot), and what a long loop's progress
 * meter costs per unit of work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "ptwalk/boot.h"
#include "ptwalk/mm.h"
#include "ptwalk/progress.h"
#include "ptwalk/vmalloc.h"

static struct machine *
boot_8g(void)
{
	struct machine_opts o;
	struct machine *m;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.arch = "x86_64";
	o.mem = 8 * GiB;
	m = machine_new(&o, &e);
	if (m == NULL || current_task(m) == NULL) {
		fprintf(stderr, "bench: boot: %s\n", m ? "no process" : e.msg);
		exit(1);
	}
	return m;
}

static void
report_mem(const char *name, double dt, u64 before, u64 frames)
{
	char note[96];
	u64 used = host_mem_used();

	snprintf(note, sizeof(note), "host memory +%.1f MiB (%.0f bytes a "
		 "frame)", (double)(used - before) / MiB,
		 (double)(used - before) / (double)frames);
	bench_report(name, dt, "s", note);
}

static void
vzalloc_2g(void)
{
	struct machine *m = boot_8g();
	u64 used = host_mem_used(), va;
	struct error e;
	double t0 = bench_now();

	va = vzalloc(m, 2 * GiB, "bench", &e);
	if (va == 0) {
		fprintf(stderr, "bench: vzalloc: %s\n", e.msg);
		exit(1);
	}
	report_mem("x86_64 8G: vzalloc(2G)", bench_now() - t0, used,
		   2 * GiB / PAGE_SIZE);
	t0 = bench_now();
	vfree(m, va, &e);
	bench_report("x86_64 8G: vfree of it", bench_now() - t0, "s", NULL);
	machine_free(m);
}

static void
touch_4g(void)
{
	struct machine *m = boot_8g();
	struct task_struct *t = current_task(m);
	u64 used = host_mem_used(), base, a, pa;
	struct error e;
	double t0;

	if (do_mmap(m, t->mm, NULL, 0, 4 * GiB, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e)) {
		fprintf(stderr, "bench: mmap: %s\n", e.msg);
		exit(1);
	}
	t0 = bench_now();
	for (a = base; a < base + 4 * GiB; a += PAGE_SIZE)
		if (machine_access(m, machine_cpu(m), a, ACC_WRITE, &pa, &e)) {
			fprintf(stderr, "bench: touch: %s\n", e.msg);
			exit(1);
		}
	report_mem("x86_64 8G: write to each page of 4G", bench_now() - t0,
		   used, 4 * GiB / PAGE_SIZE);
	t0 = bench_now();
	do_munmap(m, t->mm, base, 4 * GiB, &e);
	bench_report("x86_64 8G: munmap of it", bench_now() - t0, "s", NULL);
	machine_free(m);
}

/* The counter test a long loop pays per unit, polls included. */
static void
meter(void)
{
	struct progress pg;
	volatile u64 sink = 0;
	u64 i, n = 200000000;
	double t0, plain, with;

	t0 = bench_now();
	for (i = 0; i < n; i++)
		sink += i;
	plain = bench_now() - t0;
	progress_begin(&pg, "bench", "units", n, 0);
	t0 = bench_now();
	for (i = 0; i < n; i++) {
		sink += i;
		if (progress_add(&pg, 1))
			break;
	}
	with = bench_now() - t0;
	progress_end(&pg);
	bench_report("progress_add(), per unit of work",
		     (with - plain) / (double)n * 1e9, "ns",
		     "a counter compare; a poll every ms or so");
}

static void
hostmem_run(void)
{
	vzalloc_2g();
	touch_4g();
	meter();
}

const struct bench bench_hostmem = {
	.name = "hostmem",
	.what = "host memory for simulated RAM: vzalloc(2G), 4G written",
	.run = hostmem_run,
};
