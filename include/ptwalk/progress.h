/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Long loops: Ctrl-C, a progress line, and the host memory limit.
 *
 * SIGINT only sets a flag.  Every loop that can run long (touching a
 * range, vmalloc of gigabytes, ptdump, translate -f, trace, fork and exit
 * of a big process, lab generation ...) keeps a struct progress and calls
 * progress_add() once per unit of work.  That is one counter compare; every
 * so often (about every millisecond, the stride adapts) it calls
 * progress_poll(), which looks at the flag as Linux's long loops test
 * fatal_signal_pending(current), reads the clock, redraws the progress line
 * on stderr when it is a terminal and the loop has run for over a second,
 * and compares ptwalk's host memory with `set host-mem-limit`.
 *
 * A loop whose progress_add() returns non-zero stops at a consistent point
 * (a vmalloc frees what it allocated, a touch keeps the pages it touched),
 * fails with that code (-EINTR, or -ENOMEM for the host memory limit) and
 * says how far it got with progress_why().  Loops that must finish (freeing
 * a process) poll too, for the progress line, and ignore the answer.
 */
#ifndef PTWALK_PROGRESS_H
#define PTWALK_PROGRESS_H

#include <signal.h>
#include <stddef.h>

#include "types.h"

/*
 * Ctrl-C.  The REPL installs the handler interactively (a Ctrl-C at the
 * prompt clears the line, during a command it interrupts the command);
 * scripts, -c and stdin runs install it too: the running command stops,
 * the script stops, and ptwalk exits with status 130.  There a second
 * SIGINT, while the first is still pending, ends ptwalk at once, and a
 * SIGINT ignored from the start (a background job of a shell script)
 * stays ignored.
 */
extern volatile sig_atomic_t interrupt_flag;

static inline bool
interrupt_pending(void)
{
	return unlikely(interrupt_flag != 0);
}

void interrupt_install(bool interactive);
/* Forget a pending interrupt (the prompt, before each line). */
void interrupt_clear(void);
/* What SIGINT does; for tests. */
void interrupt_raise(void);
/* Has a command already said it was interrupted (progress_why())? */
bool interrupt_reported(void);

struct progress {
	const char *what;	/* "touch", "vmalloc": the line's label */
	const char *unit;	/* "pages" */
	u64 done, total;	/* total 0: not known in advance */
	u64 poll_at;		/* progress_add() polls when done is here */
	u64 stride;
	u64 t_poll;		/* ns: the last poll */
	int stop;		/* 0, -EINTR or -ENOMEM: the loop must stop */
	unsigned flags;
	struct progress *outer;
};

/*
 * A command starts (the dispatcher): its loops' progress line is labelled
 * with its name and shows once the command has run for a second.
 */
void progress_command(const char *name);

/* The loop prints as it goes: no progress line over its own output. */
#define PROGRESS_STREAM	0x1

void progress_begin(struct progress *pg, const char *what, const char *unit,
		    u64 total, unsigned flags);
int progress_poll(struct progress *pg);

/* n more units done; non-zero (-EINTR, -ENOMEM) when the loop must stop. */
static inline int
progress_add(struct progress *pg, u64 n)
{
	pg->done += n;
	if (unlikely(pg->done >= pg->poll_at))
		return progress_poll(pg);
	return 0;
}

/* Clears the progress line when this is the outermost loop. */
void progress_end(struct progress *pg);
/*
 * Why and where the loop stopped, for its error message: "interrupted after
 * 1234 of 1048576 pages", or the host memory limit with the figures.
 */
void progress_why(const struct progress *pg, char *buf, size_t n);

/* Settings (`set progress`, `set host-mem-limit`). */
extern bool progress_enabled;
/*
 * Bytes of host memory (resident and anonymous: simulated RAM that holds
 * data, page descriptors, ptwalk's own heap) ptwalk may use before a long
 * loop stops; 0: no limit; HOST_MEM_AUTO: half the host's RAM.
 */
#define HOST_MEM_AUTO	(~0ULL)
extern u64 host_mem_limit;
/* The limit in force, HOST_MEM_AUTO resolved. */
u64 host_mem_limit_bytes(void);
/* Resident anonymous host memory of ptwalk now, in bytes (0: unknown). */
u64 host_mem_used(void);
/* An amount of host memory for people: "11.8G", "640.0M". */
void fmt_mem(char *buf, size_t n, u64 bytes);

#endif
