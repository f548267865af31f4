// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A real dump's symbols: the x86_64 KASLR guest of testdata/images
 * (decompressed into a scratch folder) opened, its kallsyms checked on the
 * first lookup and read on demand, then 1 million random kernel-text
 * addresses resolved to "symbol+0xoff" as every printed address is; then
 * the whole table decoded (as sym --list does) and the lookups again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"
#include "ptwalk/ksym.h"

/* CPU seconds of this thread: the figure other loads leave alone */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define FIXTURE	"testdata/images/x86_64-kaslr.core.xz"
#define NLOOK	1000000

/* 1M text addresses to a symbol, then to "symbol+0xoff". */
static void
lookups(struct machine *m, u64 text, u64 etext, const char *how)
{
	const struct ksym *k;
	double t0, t, c0, c;
	u64 s = 7, sum = 0;
	char buf[600];
	long i;

	machine_ksym_at(m, text);
	t0 = bench_now();
	c0 = cpu_now();
	for (i = 0; i < NLOOK; i++) {
		u64 va = text + bench_rand(&s) % (etext - text);

		k = machine_ksym_at(m, va);
		sum += va - k->value;
	}
	c = cpu_now() - c0;
	t = bench_now() - t0;
	bench_report(xasprintf("kallsyms: address -> symbol, %s", how),
		     NLOOK / t, "lookups/s",
		     xasprintf("1M text addresses; %.1fM/s of CPU time",
			       NLOOK / c / 1e6));
	t0 = bench_now();
	c0 = cpu_now();
	for (i = 0; i < NLOOK; i++) {
		u64 va = text + bench_rand(&s) % (etext - text);

		k = machine_ksym_at(m, va);
		sum += (u64)snprintf(buf, sizeof(buf), "%s+0x%llx", k->name,
				     (unsigned long long)(va - k->value));
	}
	c = cpu_now() - c0;
	t = bench_now() - t0;
	bench_report(xasprintf("kallsyms: -> \"symbol+0xoff\", %s", how),
		     NLOOK / t, "lookups/s",
		     xasprintf("formatted; %.1fM/s of CPU time%s",
			       NLOOK / c / 1e6, sum ? "" : " "));
}

static void
kallsyms_run(void)
{
	char dir[] = "/tmp/ptwalk-bench-ks-XXXXXX", *core, *cmd;
	const struct ksym *text, *etext;
	struct image_opts o = { 0 };
	struct machine *m;
	struct error e;
	double t0, t, c0, c;

	if (access(FIXTURE, R_OK) != 0 || mkdtemp(dir) == NULL) {
		printf("  (no %s: skipped)\n", FIXTURE);
		return;
	}
	core = xasprintf("%s/core", dir);
	cmd = xasprintf("xz -dc %s > %s", FIXTURE, core);
	if (system(cmd) != 0) {
		printf("  (xz failed: skipped)\n");
		return;
	}
	o.path = core;
	t0 = bench_now();
	m = image_open(&o, &e);
	t = bench_now() - t0;
	if (m == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	bench_report("kallsyms: open the 128M KASLR dump", t * 1e3, "ms",
		     "symbols not decoded yet");
	t0 = bench_now();
	c0 = cpu_now();
	text = machine_ksym(m, "_stext");
	c = cpu_now() - c0;
	t = bench_now() - t0;
	bench_report("kallsyms: first lookup (tables checked)", t * 1e3, "ms",
		     xasprintf("read on demand from then on; %.1f ms of CPU",
			       c * 1e3));
	etext = machine_ksym(m, "_etext");
	if (text == NULL || etext == NULL || etext->value <= text->value) {
		fprintf(stderr, "bench: no _stext/_etext\n");
		exit(1);
	}
	lookups(m, text->value, etext->value, "on demand");
	t0 = bench_now();
	c0 = cpu_now();
	machine_ksyms_load(m);
	c = cpu_now() - c0;
	t = bench_now() - t0;
	bench_report("kallsyms: whole table decoded (sym --list)", t * 1e3,
		     "ms", xasprintf("%d symbols; %.0f ms of CPU", m->nksyms,
				     c * 1e3));
	lookups(m, text->value, etext->value, "decoded");
	machine_free(m);
	unlink(core);
	rmdir(dir);
}

const struct bench bench_kallsyms = {
	.name = "kallsyms",
	.what = "a real dump's kallsyms: open, decode, 1M address lookups",
	.run = kallsyms_run,
};
