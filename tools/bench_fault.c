// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Demand paging: page faults per second through the MMU (machine_access,
 * the kernel's fault handler, the retry), and exec of a 10 MiB ELF, which
 * must read nothing of the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/boot.h"
#include "ptwalk/mm.h"

#define REGION	(128 * MiB)
#define ROUNDS	4

/* A machine whose pid 1 runs the built-in demo program. */
static struct machine *
boot_with_demo(const char *arch, u64 mem)
{
	struct machine_opts o;
	struct machine *m;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.arch = arch;
	o.mem = mem;
	m = machine_new(&o, &e);
	if (m == NULL || current_task(m) == NULL) {
		fprintf(stderr, "bench: boot %s: %s\n", arch,
			m ? "no process" : e.msg);
		exit(1);
	}
	return m;
}

/* Touch every page of [base, base + len) with acc; returns the faults. */
static u64
touch_all(struct machine *m, struct task_struct *t, u64 base, u64 len,
	  unsigned acc)
{
	u64 a, pa, f0 = t->min_flt + t->maj_flt;
	struct error e;

	for (a = base; a < base + len; a += PAGE_SIZE)
		if (machine_access(m, machine_cpu(m), a, acc, &pa, &e)) {
			fprintf(stderr, "bench: touch %#llx: %s\n",
				(unsigned long long)a, e.msg);
			exit(1);
		}
	return t->min_flt + t->maj_flt - f0;
}

static u64
map_anon(struct machine *m, struct task_struct *t)
{
	struct error e;
	u64 base;

	if (do_mmap(m, t->mm, NULL, 0, REGION, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e)) {
		fprintf(stderr, "bench: mmap: %s\n", e.msg);
		exit(1);
	}
	return base;
}

static void
unmap(struct machine *m, struct task_struct *t, u64 base)
{
	struct error e;

	if (do_munmap(m, t->mm, base, REGION, &e)) {
		fprintf(stderr, "bench: munmap: %s\n", e.msg);
		exit(1);
	}
}

static void
faults(const char *arch)
{
	struct machine *m = boot_with_demo(arch, 1 * GiB);
	struct task_struct *t = current_task(m);
	double t0, best_w = 0, best_r = 0;
	u64 base, n;
	int i;
	char name[64];

	/* warm up: the host backs the frames once */
	base = map_anon(m, t);
	touch_all(m, t, base, REGION, ACC_WRITE);
	unmap(m, t, base);
	for (i = 0; i < ROUNDS; i++) {
		double dt;

		base = map_anon(m, t);
		t0 = bench_now();
		n = touch_all(m, t, base, REGION, ACC_WRITE);
		dt = bench_now() - t0;
		best_w = MAX(best_w, (double)n / dt);
		unmap(m, t, base);
		base = map_anon(m, t);
		t0 = bench_now();
		n = touch_all(m, t, base, REGION, ACC_READ);
		dt = bench_now() - t0;
		best_r = MAX(best_r, (double)n / dt);
		unmap(m, t, base);
	}
	snprintf(name, sizeof(name), "%s minor faults, write (anon page)", arch);
	bench_report(name, best_w, "faults/s", "alloc + zero + map, 128M");
	snprintf(name, sizeof(name), "%s minor faults, read (zero page)", arch);
	bench_report(name, best_r, "faults/s", "map the zero page, 128M");
	machine_free(m);
}

/* A 10 MiB ELF64 x86_64 executable: a text page and 10 MiB of data. */
static char *
make_big_elf(void)
{
	static const u64 data = 10 * MiB;
	char *path = xstrdup("/tmp/ptwalk-bench-XXXXXX");
	u8 hdr[4096];
	u8 *zero;
	int fd = mkstemp(path);
	u64 v;

	if (fd < 0) {
		perror("bench: mkstemp");
		exit(1);
	}
	memset(hdr, 0, sizeof(hdr));
	memcpy(hdr, "\177ELF\2\1\1", 7);
	v = 2;					/* ET_EXEC */
	memcpy(hdr + 16, &v, 2);
	v = 62;					/* EM_X86_64 */
	memcpy(hdr + 18, &v, 2);
	v = 1;
	memcpy(hdr + 20, &v, 4);
	v = 0x401000;				/* e_entry */
	memcpy(hdr + 24, &v, 8);
	v = 64;					/* e_phoff */
	memcpy(hdr + 32, &v, 8);
	v = 64;
	memcpy(hdr + 52, &v, 2);		/* e_ehsize */
	v = 56;
	memcpy(hdr + 54, &v, 2);		/* e_phentsize */
	v = 2;
	memcpy(hdr + 56, &v, 2);		/* e_phnum */
	{
		/* PT_LOAD r-x: the first page; PT_LOAD rw-: 10 MiB + bss */
		u64 ph[2][7] = {
			{ 1 | (5ULL << 32), 0, 0x400000, 0x400000, 4096, 4096,
			  4096 },
			{ 1 | (6ULL << 32), 4096, 0x600000, 0x600000, data,
			  data + MiB, 4096 },
		};

		memcpy(hdr + 64, ph, sizeof(ph));
	}
	zero = xcalloc(1, (size_t)data);
	if (write(fd, hdr, sizeof(hdr)) != (ssize_t)sizeof(hdr) ||
	    write(fd, zero, (size_t)data) != (ssize_t)data) {
		perror("bench: write");
		exit(1);
	}
	free(zero);
	close(fd);
	return path;
}

static void
exec_big(void)
{
	struct machine *m = bench_boot("x86_64", 1 * GiB);
	char *path = make_big_elf();
	struct exec_args a;
	struct task_struct *t;
	struct error e;
	double t0, first, sum = 0;
	u64 rss = 0;
	int i, n = 200;

	memset(&a, 0, sizeof(a));
	a.path = path;
	for (i = 0; i <= n; i++) {
		t0 = bench_now();
		if (do_execve(m, &a, &t, &e)) {
			fprintf(stderr, "bench: exec: %s\n", e.msg);
			exit(1);
		}
		if (i == 0)
			first = bench_now() - t0;
		else
			sum += bench_now() - t0;
		rss = MAX(rss, t->mm->rss[MM_FILEPAGES] +
			  t->mm->rss[MM_ANONPAGES]);
		do_exit(m, t, &e);
	}
	{
		char note[96];

		snprintf(note, sizeof(note), "first %.3f ms; at most %llu "
			 "pages present after exec", first * 1e3,
			 (unsigned long long)rss);
		bench_report("exec of a 10M ELF (x86_64)", sum / n * 1e3, "ms",
			     note);
	}
	unlink(path);
	free(path);
	machine_free(m);
}

/* Read faults on a file mapping: first from the file, then cached. */
static void
file_faults(void)
{
	struct machine *m = boot_with_demo("x86_64", 1 * GiB);
	struct task_struct *t = current_task(m);
	char *path = make_big_elf();
	struct file *f;
	struct error e;
	double t0, major = 0, minor = 0;
	u64 base, n, len = 10 * MiB;
	int i;

	if (file_open(m, path, &f, &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	for (i = 0; i <= ROUNDS; i++) {
		double dt;

		if (do_mmap(m, t->mm, f, 0, len, PROT_READ, MAP_PRIVATE, 1,
			    &base, &e)) {
			fprintf(stderr, "bench: mmap: %s\n", e.msg);
			exit(1);
		}
		t0 = bench_now();
		n = touch_all(m, t, base, len, ACC_READ);
		dt = bench_now() - t0;
		if (i == 0)
			major = (double)n / dt;
		else
			minor = MAX(minor, (double)n / dt);
		if (do_munmap(m, t->mm, base, len, &e)) {
			fprintf(stderr, "bench: munmap: %s\n", e.msg);
			exit(1);
		}
	}
	bench_report("x86_64 major faults, read (from the file)", major,
		     "faults/s", "do_read_fault: a 4K copy into the page cache");
	bench_report("x86_64 minor faults, read (page cache)", minor,
		     "faults/s", "do_read_fault: the cached page, 10M");
	fput(m, f);
	unlink(path);
	free(path);
	machine_free(m);
}

static void
run(void)
{
	faults("i386");
	faults("x86_64");
	faults("arm64");
	file_faults();
	exec_big();
}

const struct bench bench_fault = {
	.name = "fault",
	.what = "demand paging: minor faults per second; exec of a 10M ELF",
	.run = run,
};
