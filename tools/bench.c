// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The benchmark driver: runs every bench (or those named) in a child
 * process and prints its figures and peak RSS.
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

#include "ptwalk/boot.h"
#include "bench.h"

extern char **environ;

#define BENCH(n) extern const struct bench bench_##n;
#include "benchlist.h"
#undef BENCH

static const struct bench *const benches[] = {
#define BENCH(n) &bench_##n,
#include "benchlist.h"
#undef BENCH
	NULL
};

double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void
bench_report(const char *name, double value, const char *unit,
	     const char *note)
{
	char v[32];

	if (value >= 1e6)
		snprintf(v, sizeof(v), "%.1fM", value / 1e6);
	else if (value >= 1e4)
		snprintf(v, sizeof(v), "%.1fk", value / 1e3);
	else
		snprintf(v, sizeof(v), "%.3g", value);
	printf("  %-44s %10s %-10s %s\n", name, v, unit, note ? note : "");
	fflush(stdout);
}

struct machine *
bench_boot(const char *arch, u64 mem)
{
	struct machine_opts o;
	struct error e;
	struct machine *m;

	memset(&o, 0, sizeof(o));
	o.arch = arch;
	o.mem = mem;
	o.exec = "none";	/* the bare machine: benches start no process */
	m = machine_new(&o, &e);
	if (m == NULL) {
		fprintf(stderr, "bench: boot %s: %s\n", arch, e.msg);
		exit(1);
	}
	return m;
}

u64
bench_rand(u64 *s)
{
	u64 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

int
main(int argc, char **argv)
{
	int i, j, failed = 0;

	for (i = 0; benches[i]; i++) {
		const struct bench *b = benches[i];
		struct rusage ru;
		int status;
		pid_t pid;

		if (argc > 1) {
			bool want = false;

			for (j = 1; j < argc; j++)
				if (!strcmp(argv[j], b->name))
					want = true;
			if (!want)
				continue;
		}
		printf("%s: %s\n", b->name, b->what);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			b->run();
			fflush(stdout);
			_exit(0);
		}
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
			perror("bench");
			return 1;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			printf("  (failed)\n");
			failed++;
		}
		printf("  %-44s %10.1f MiB\n", "peak RSS of this bench",
		       (double)ru.ru_maxrss / 1024.0);
	}
	return failed != 0;
}

/* Run argv (argv[0] looked up in PATH) with stdout to out and stdin from
 * /dev/null; exits on failure.  Wall seconds; *rss: its peak RSS in MiB. */
double
bench_spawn(const char *const *cargv, const char *out, double *rss)
{
	posix_spawn_file_actions_t fa;
	char *const *argv = (char *const *)(void *)cargv;
	struct rusage ru;
	double t0 = bench_now();
	pid_t pid;
	int st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT |
					 O_TRUNC, 0644);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		perror(argv[0]);
		exit(1);
	}
	posix_spawn_file_actions_destroy(&fa);
	if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st)) {
		fprintf(stderr, "bench: %s failed\n", argv[0]);
		exit(1);
	}
	*rss = (double)ru.ru_maxrss / 1024.0;
	return bench_now() - t0;
}
