// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A real dump's kernel state: the x86_64 KASLR guest of testdata/images
 * (decompressed into a scratch folder) opened, then what ps, buddyinfo
 * and vmallocinfo read (every task, every zone's free lists, every
 * vmalloc area), first with the symbols and types decoded on the way,
 * then again with them known: CPU time of each part and of the three.
 * Then ptwalk itself, a new process each time (the file in the page
 * cache): to the prompt, each command alone and the three together, wall
 * and CPU time.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"
#include "ptwalk/kstate.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define FIXTURE	"testdata/images/x86_64-kaslr.core.xz"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ps, buddyinfo, vmallocinfo's readers once; CPU seconds of each */
static void
three(struct machine *m, double *c)
{
	struct ktask *t;
	struct strbuf warn;
	struct kzones zs;
	struct kvm_areas vs;
	struct error e;
	double c0;
	int n;

	sb_init(&warn);
	c0 = cpu_now();
	if (ktasks_read(m, &t, &n, &warn, &e) == 0)
		free(t);
	c[0] = cpu_now() - c0;
	c0 = cpu_now();
	if (kzones_read(m, &zs, false, &e) == 0)
		kzones_release(&zs);
	c[1] = cpu_now() - c0;
	c0 = cpu_now();
	if (kvm_areas_read(m, &vs, &e) == 0)
		kvm_areas_release(&vs);
	c[2] = cpu_now() - c0;
	sb_release(&warn);
}

extern char **environ;

/* ptwalk -q -i core -c cmds once: wall seconds, CPU seconds in *cpu. */
static double
cold_once(const char *bin, const char *core, const char *cmds, double *cpu)
{
	const char *args[] = { bin, "-q", "-i", core, "-c", cmds, NULL };
	char *const *argv = (char *const *)(void *)args;
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	double t0 = bench_now();
	pid_t pid;
	int st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, bin, &fa, NULL, argv, environ) != 0) {
		perror(bin);
		exit(1);
	}
	posix_spawn_file_actions_destroy(&fa);
	if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0) {
		fprintf(stderr, "bench: ptwalk -c '%s' failed\n", cmds);
		exit(1);
	}
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
	return bench_now() - t0;
}

#define COLD_RUNS	7

/* Each command line from a new process: the best wall and CPU times. */
static void
cold(const char *core)
{
	static const char *const cmds[][2] = {
		{ "quit", "open the dump, to the prompt" },
		{ "ps", "ps" },
		{ "buddyinfo", "buddyinfo" },
		{ "vmallocinfo", "vmallocinfo" },
		{ "ps; buddyinfo; vmallocinfo", "ps + buddyinfo + vmallocinfo" },
	};
	const char *bin = getenv("PTWALK");
	size_t k;
	int i;

	if (bin == NULL) {
		printf("  (PTWALK unset: no ptwalk to run)\n");
		return;
	}
	for (k = 0; k < ARRAY_SIZE(cmds); k++) {
		double wall = 1e9, cpu = 1e9, c, w;

		for (i = 0; i < COLD_RUNS; i++) {
			w = cold_once(bin, core, cmds[k][0], &c);
			wall = MIN(wall, w);
			cpu = MIN(cpu, c);
		}
		bench_report(xasprintf("kstate: new ptwalk, %s", cmds[k][1]),
			     wall * 1e3, "ms", xasprintf("best of %d; CPU "
							 "(user + sys) %.1f ms",
							 COLD_RUNS, cpu * 1e3));
	}
}

static void
kstate_run(void)
{
	char dir[] = "/tmp/ptwalk-bench-kst-XXXXXX", *core, *cmd;
	struct image_opts o = { 0 };
	struct machine *m;
	struct error e;
	double c0, dec, c[3];

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
	c0 = cpu_now();
	m = image_open(&o, &e);
	if (m == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	c[0] = cpu_now() - c0;
	machine_ksym(m, "_stext");
	c[1] = cpu_now() - c0 - c[0];
	ktypes_btf(m, NULL, NULL, &e);
	dec = cpu_now() - c0;
	c[2] = dec - c[0] - c[1];
	bench_report("kstate: open, kallsyms and BTF decoded", dec * 1e3,
		     "ms CPU", xasprintf("open %.1f, kallsyms %.1f, BTF %.1f ms",
				       c[0] * 1e3, c[1] * 1e3, c[2] * 1e3));
	three(m, c);
	bench_report("kstate: ps + buddyinfo + vmallocinfo, first",
		     (c[0] + c[1] + c[2] + dec) * 1e3, "ms CPU",
		     xasprintf("with the decoding; ps %.1f, buddyinfo %.1f, "
			       "vmallocinfo %.1f ms", c[0] * 1e3, c[1] * 1e3,
			       c[2] * 1e3));
	three(m, c);
	bench_report("kstate: ps + buddyinfo + vmallocinfo, again",
		     (c[0] + c[1] + c[2]) * 1e3, "ms CPU",
		     xasprintf("ps %.1f, buddyinfo %.1f, vmallocinfo %.1f ms",
			       c[0] * 1e3, c[1] * 1e3, c[2] * 1e3));
	machine_free(m);
	cold(core);
	unlink(core);
	rmdir(dir);
}

const struct bench bench_kstate = {
	.name = "kstate",
	.what = "a real dump's ps, buddyinfo and vmallocinfo readers",
	.run = kstate_run,
};
