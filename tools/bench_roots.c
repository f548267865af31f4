// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * roots: the scan of a 1 GiB raw dump for page-table roots, as
 * `--cr3 auto` and `roots` run it.  The dump holds the pages of a booted
 * x86_64 machine with 32 processes where they hold data, and
 * pseudo-random bytes everywhere else (the worst case for a scan that
 * stops at the first entry a block cannot hold).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"
#include "ptwalk/mm.h"
#include "ptwalk/roots.h"

#define DUMP_SIZE	GiB

/* Write m's RAM as a raw dump, random bytes in the pages without data. */
static void
write_dump(struct machine *m, const char *path)
{
	static u64 buf[PAGE_SIZE / 8];
	u64 pa, seed = 42;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t i;

	if (fd < 0) {
		perror("bench: roots dump");
		exit(1);
	}
	for (pa = 0; pa < DUMP_SIZE; pa += PAGE_SIZE) {
		const u8 *h = phys_ptr(&m->phys, pa, PAGE_SIZE);
		bool data = false;

		for (i = 0; h != NULL && i < PAGE_SIZE / 8; i++)
			if (((const u64 *)h)[i] != 0)
				data = true;
		if (data)
			memcpy(buf, h, PAGE_SIZE);
		else
			for (i = 0; i < PAGE_SIZE / 8; i++)
				buf[i] = bench_rand(&seed);
		if (write(fd, buf, PAGE_SIZE) != (ssize_t)PAGE_SIZE) {
			perror("bench: roots dump");
			exit(1);
		}
	}
	close(fd);
}

static void
run(void)
{
	struct machine *m = bench_boot("x86_64", DUMP_SIZE), *img;
	char path[] = "/tmp/ptwalk-bench-roots-XXXXXX";
	struct image_opts o = { 0 };
	struct roots_scan rs = { .max = 0 };
	struct error e;
	char note[160];
	struct task_struct *t, *child;
	int fd, i;

	if (exec_demo(m, &t, &e) == 0)
		for (i = 0; i < 32; i++)
			if (do_fork(m, t, &child, &e))
				break;
	fd = mkstemp(path);
	if (fd < 0) {
		perror("bench: mkstemp");
		exit(1);
	}
	close(fd);
	write_dump(m, path);
	machine_free(m);
	o.path = path;
	o.arch = "x86_64";
	o.root_auto[0] = true;
	img = image_open(&o, &e);
	unlink(path);
	if (img == NULL) {
		fprintf(stderr, "bench: roots: %s\n", e.msg);
		exit(1);
	}
	if (roots_scan(img, &rs, &e)) {
		fprintf(stderr, "bench: roots: %s\n", e.msg);
		exit(1);
	}
	snprintf(note, sizeof(note), "1 GiB raw x86_64 dump, %d candidates, "
		 "%.3f s", rs.n, rs.secs);
	bench_report("roots scan", (double)DUMP_SIZE / MiB / rs.secs, "MiB/s",
		     note);
	roots_free(&rs);
	machine_free(img);
}

const struct bench bench_roots = {
	.name = "roots",
	.what = "roots: scanning a 1 GiB raw dump for page-table roots",
	.run = run,
};
