// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live process's pages classified (present, swapped, file, soft-dirty
 * ...) per second, on a child with 1 GiB mapped and touched: through
 * pagemap reads, and through the PAGEMAP_SCAN ioctl where the kernel has
 * it (Linux 6.7+).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ptwalk/live_pid.h"
#include "bench.h"

#define MAPPED	(1ULL << 30)

/* A child with MAPPED bytes of anonymous memory, every page touched. */
static pid_t
start_child(void)
{
	int fd[2];
	pid_t pid;
	char c = 0;

	if (pipe(fd))
		exit(1);
	pid = fork();
	if (pid == 0) {
		char *p = mmap(NULL, MAPPED, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

		c = p == MAP_FAILED ? 1 : 0;
		if (write(fd[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(fd[1]);
	if (pid < 0 || read(fd[0], &c, 1) != 1 || c != 0) {
		fprintf(stderr, "bench live_pid: no child with 1 GiB mapped\n");
		exit(1);
	}
	close(fd[0]);
	return pid;
}

static void
live_pid_run(void)
{
	struct live_census c;
	struct live_pid *lp;
	struct error e;
	pid_t pid = start_child();
	double t0, t;
	int i, n = 5, r = 0;
	u64 pages = 0;

	lp = live_pid_open(pid, false, &e);
	if (lp == NULL) {
		fprintf(stderr, "bench live_pid: %s\n", e.msg);
		kill(pid, SIGKILL);
		exit(1);
	}
	t0 = bench_now();
	for (i = 0; i < n; i++) {
		if (live_census_pagemap(lp, 0, ~0ULL, &c, &e))
			break;
		pages += c.pages;
	}
	t = bench_now() - t0;
	bench_report("live pid: pages classified, pagemap reads",
		     (double)pages / t, "pages/s",
		     xasprintf("1 GiB touched, %llu pages in its VMAs, %llu "
			       "present; %.1f ms a pass",
			       (unsigned long long)c.pages,
			       (unsigned long long)c.present, t * 1e3 / n));
	pages = 0;
	t0 = bench_now();
	for (i = 0; i < n && r == 0; i++) {
		r = live_census_scan(lp, 0, ~0ULL, &c, &e);
		pages += c.pages;
	}
	t = bench_now() - t0;
	if (r != 0)
		bench_report("live pid: pages classified, PAGEMAP_SCAN", 0,
			     "pages/s", e.code == -ENOTTY ? "unavailable: "
			     "this kernel has no PAGEMAP_SCAN (Linux 6.7+)" :
			     e.msg);
	else
		bench_report("live pid: pages classified, PAGEMAP_SCAN",
			     (double)pages / t, "pages/s",
			     xasprintf("%llu pages, %llu present; %.2f ms a "
				       "pass", (unsigned long long)c.pages,
				       (unsigned long long)c.present,
				       t * 1e3 / n));
	live_pid_close(lp);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

const struct bench bench_live_pid = {
	.name = "live_pid",
	.what = "a live process's pages by kind: pagemap reads and "
		"PAGEMAP_SCAN",
	.run = live_pid_run,
};
