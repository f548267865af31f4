/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's trace (src/hw/ktrace.c): the simulated kernel never prints;
 * it records what it did ("split order-3 block ...", "do_anonymous_page:
 * ...") and commands show the lines.  kt() does nothing unless a command
 * turned tracing on.
 */
#ifndef PTWALK_KTRACE_H
#define PTWALK_KTRACE_H

#include "types.h"

struct machine;

/* What the kernel did, step by step: a machine's m->kt. */
struct ktrace {
	bool on;
	bool verbose;	/* `set verbose`: nested allocator steps too */
	int n, alloc;
	char **line;
};

void kt_begin(struct machine *m);
void kt(struct machine *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kt_end(struct machine *m);

#endif
