/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * make bench: throughput figures, printed and never asserted.  Each
 * tools/bench_*.c file defines `const struct bench bench_NAME`; the
 * Makefile collects them into build/benchlist.h.  Every bench runs in a
 * child process so that its peak RSS is its own.
 */
#ifndef PTWALK_BENCH_H
#define PTWALK_BENCH_H

#include "ptwalk/machine.h"

struct bench {
	const char *name;
	const char *what;
	void (*run)(void);
};

/* Monotonic seconds. */
double bench_now(void);
/* Print one figure: "name  value unit  (note)". */
void bench_report(const char *name, double value, const char *unit,
		  const char *note);
/* Boot a machine or exit with the error. */
struct machine *bench_boot(const char *arch, u64 mem);
/* A fast PRNG (xorshift64*) for address streams. */
u64 bench_rand(u64 *state);
/* Run argv with stdout to out: wall seconds, *rss its peak RSS in MiB. */
double bench_spawn(const char *const *argv, const char *out, double *rss);

#endif
