/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Host files that ptwalk maps into its own memory (a memory image, the
 * programs processes run, a module being loaded) stay files on the host:
 * when one is truncated or rewritten shorter while mapped, reading a page
 * beyond its new end raises SIGBUS.  Each such mapping is registered with
 * a name for people; code that reads mappings runs under a guard, and a
 * SIGBUS inside a registered mapping ends the guarded code with an error
 * ("the image file 'x.core' changed or was truncated under ptwalk ...")
 * instead of ending ptwalk.  A SIGBUS anywhere else keeps its usual action.
 */
#ifndef PTWALK_HOSTMAP_H
#define PTWALK_HOSTMAP_H

#include <setjmp.h>
#include <stddef.h>

#include "util.h"

/* Register [addr, addr + len), which holds what ("the image file 'x'"). */
void hostmap_add(const void *addr, size_t len, const char *what);
/* Forget the mapping at addr (nothing when it is not registered). */
void hostmap_del(const void *addr);

/*
 * A guard, innermost first.  Use:
 *
 *	struct hostmap_guard g;
 *
 *	hostmap_guard_push(&g);
 *	if (sigsetjmp(g.env, 0)) {
 *		hostmap_fault_error(&g, e);	(the guard is popped)
 *		... free what the guarded code held ...
 *	}
 *	... read the mappings ...
 *	hostmap_guard_pop(&g);
 *
 * Objects of the function that calls sigsetjmp and are changed after it
 * must be volatile (or live elsewhere) to be read after a fault.
 */
struct hostmap_guard {
	sigjmp_buf env;
	struct hostmap_guard *prev;
	char what[160];		/* on a fault: the mapping's name */
	size_t off;		/* and the offset in it that could not be read */
};
void hostmap_guard_push(struct hostmap_guard *g);
void hostmap_guard_pop(struct hostmap_guard *g);
/* The error of a guard that caught a fault: -EIO. */
int hostmap_fault_error(const struct hostmap_guard *g, struct error *e);

/*
 * fn(arg) under a guard: 0 with fn's return value in *ret, or -EIO with
 * *e set when a mapped file changed under it.
 */
int hostmap_call(int (*fn)(void *arg), void *arg, int *ret, struct error *e);
/* memcpy() under a guard: 0, or -EIO with *e set. */
int hostmap_copy(void *dst, const void *src, size_t n, struct error *e);

#endif
