// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The benchmark driver: runs every bench (or those named) in a child
 * process and prints its figures and peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ptwalk/boot.h"
#include "bench.h"

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
