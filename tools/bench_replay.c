// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Trace replay: valgrind lackey lines per second replayed through the MMU
 * of x86_64's demo process (trace_read + replay_access, as `trace` does),
 * on a TLB-friendly trace (16 pages) and a miss-heavy one (random over
 * 64 MiB), each against a loop that only parses the same file, in the
 * same run; the ratio replay / parse-only is the replay's own cost.
 * Rates are per CPU second (see cpu_now).  Then the same replays with
 * the Skylake TLB hierarchy model (set tlb-model skylake) fed as well.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/boot.h"
#include "ptwalk/mm.h"
#include "ptwalk/replay.h"

#define REGION	(64 * MiB)
#define LINES	(4 << 20)

/*
 * CPU seconds of this thread: the machine is often shared, and the loops
 * neither sleep nor wait (the file is in the page cache after the first
 * read), so CPU time is their cost.
 */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static struct machine *
boot_demo(void)
{
	struct machine_opts o;
	struct machine *m;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.arch = "x86_64";
	o.mem = 1 * GiB;
	m = machine_new(&o, &e);
	if (m == NULL || current_task(m) == NULL) {
		fprintf(stderr, "bench: boot: %s\n", m ? "no process" : e.msg);
		exit(1);
	}
	return m;
}

/* The region mapped and every page of it faulted in. */
static u64
map_region(struct machine *m, u64 *text)
{
	struct task_struct *t = current_task(m);
	struct vm_area_struct *v;
	struct error e;
	u64 base, a, pa;

	if (do_mmap(m, t->mm, NULL, 0, REGION, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e)) {
		fprintf(stderr, "bench: mmap: %s\n", e.msg);
		exit(1);
	}
	for (a = base; a < base + REGION; a += PAGE_SIZE)
		if (machine_access(m, machine_cpu(m), a, ACC_WRITE, &pa, &e)) {
			fprintf(stderr, "bench: touch: %s\n", e.msg);
			exit(1);
		}
	*text = 0;
	for (v = t->mm->mmap; v != NULL; v = v->vm_next)
		if (v->vm_flags & VM_EXEC) {
			*text = v->vm_start;
			break;
		}
	if (*text == 0 || machine_access(m, machine_cpu(m), *text, ACC_EXEC,
					 &pa, &e)) {
		fprintf(stderr, "bench: no text page\n");
		exit(1);
	}
	return base;
}

/* A lackey trace: fetches in the text page, loads/stores/modifies in pages. */
static void
write_trace(const char *path, u64 text, u64 base, u64 pages, u64 seed)
{
	FILE *f = fopen(path, "w");
	u64 s = seed, i;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	for (i = 0; i < LINES; i++) {
		u64 r = bench_rand(&s);
		u64 a = base + ((r >> 8) % pages) * PAGE_SIZE + ((r >> 40) & 0xff8);

		switch (r & 3) {
		case 0:
			fprintf(f, "I  %08llx,%u\n", (unsigned long long)
				(text + ((r >> 20) & 0x7f0)), 3 + (unsigned)(r >> 60));
			break;
		case 1:
			fprintf(f, " L %08llx,8\n", (unsigned long long)a);
			break;
		case 2:
			fprintf(f, " S %08llx,8\n", (unsigned long long)a);
			break;
		default:
			fprintf(f, " M %08llx,4\n", (unsigned long long)a);
		}
	}
	if (fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* Lines per second over the whole file: parse only, or replay. */
static double
run_file(const char *path, struct replay *rp, u64 *sum)
{
	struct trace_reader r;
	struct trace_rec rec;
	struct error e;
	char why[200];
	double t0, t;
	int fd = open(path, O_RDONLY), k;

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	trace_reader_init(&r, fd, true);
	t0 = cpu_now();
	while ((k = trace_read(&r, &rec, why, sizeof(why))) == TR_REC) {
		if (rp == NULL) {
			*sum += rec.va + rec.acc;
			continue;
		}
		if (replay_access(rp, &rec, &e)) {
			fprintf(stderr, "bench: %s:%llu: %s\n", path,
				(unsigned long long)r.lineno, e.msg);
			exit(1);
		}
	}
	t = cpu_now() - t0;
	if (k != TR_EOF) {
		fprintf(stderr, "bench: %s: %s\n", path, why);
		exit(1);
	}
	trace_reader_release(&r);
	return (double)LINES / t;
}

static void
measure(struct machine *m, const char *label, const char *path)
{
	struct replay rp;
	double parse = 0, replay = 0, x;
	u64 sum = 0;
	char name[100], note[120];
	int i;

	/* the best of three of each, interleaved */
	for (i = 0; i < 3; i++) {
		x = run_file(path, NULL, &sum);
		parse = x > parse ? x : parse;
		replay_init(&rp, m, machine_cpu(m));
		x = run_file(path, &rp, &sum);
		replay = x > replay ? x : replay;
		replay_sync(&rp);
		replay_release(&rp);
	}
	snprintf(name, sizeof(name), "lackey parse only, %s trace", label);
	bench_report(name, parse, "lines/s", sum == 1 ? "" : NULL);
	snprintf(name, sizeof(name), "lackey replay, %s trace", label);
	snprintf(note, sizeof(note), "%.2f x parse only (CPU time); TLB %.1f%% hits, "
		 "%llu pages", replay / parse, rp.st.lookups ? 100.0 *
		 (double)rp.st.hits / (double)rp.st.lookups : 0.0,
		 (unsigned long long)rp.st.pages);
	bench_report(name, replay, "lines/s", note);
}

/* The same replay with the Skylake TLB hierarchy model fed too. */
static void
measure_model(struct machine *m, const char *label, const char *path)
{
	struct replay rp;
	double replay = 0, x;
	u64 sum = 0;
	char name[100];
	int i;

	machine_tlb_model(m, tlbh_preset("skylake"));
	for (i = 0; i < 3; i++) {
		replay_init(&rp, m, machine_cpu(m));
		x = run_file(path, &rp, &sum);
		replay = x > replay ? x : replay;
		replay_release(&rp);
	}
	machine_tlb_model(m, NULL);
	snprintf(name, sizeof(name), "lackey replay + skylake model, %s",
		 label);
	bench_report(name, replay, "lines/s", "");
}

static void
run(void)
{
	struct machine *m = boot_demo();
	char dir[] = "/tmp/ptwalk-bench-XXXXXX", hit[64], miss[64];
	u64 text, base;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(hit, sizeof(hit), "%s/hit.lackey", dir);
	snprintf(miss, sizeof(miss), "%s/miss.lackey", dir);
	base = map_region(m, &text);
	write_trace(hit, text, base, 16, 1);
	write_trace(miss, text, base, REGION / PAGE_SIZE, 2);
	measure(m, "TLB-friendly (16 pages)", hit);
	measure(m, "miss-heavy (64M random)", miss);
	measure_model(m, "TLB-friendly", hit);
	measure_model(m, "miss-heavy", miss);
	unlink(hit);
	unlink(miss);
	rmdir(dir);
	machine_free(m);
}

const struct bench bench_replay = {
	.name = "replay",
	.what = "lackey trace replay vs parse-only, TLB-friendly and miss-heavy",
	.run = run,
};
