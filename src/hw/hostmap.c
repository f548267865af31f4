// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Host file mappings and the SIGBUS guard (see include/ptwalk/hostmap.h).
 *
 * The handler only reads the registry and the guard stack, copies a name
 * and jumps: nothing it does allocates or takes a lock.  It runs with
 * SA_NODEFER so that SIGBUS is not left blocked after the jump (the guards
 * use sigsetjmp(env, 0): no system call on entry).  A fault outside every
 * registered mapping, or with no guard, puts the previous action back and
 * returns: the access faults again and ends as it always would (a core, or
 * the sanitizer's report).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/hostmap.h"

struct hostmap {
	const char *addr;
	size_t len;
	char *what;
};

static struct hostmap *maps;
static int nmaps, amaps;
static struct hostmap_guard *volatile guard_top;
static struct sigaction old_bus;

static void
on_sigbus(int sig, siginfo_t *si, void *uc)
{
	const char *a = si->si_addr;
	struct hostmap_guard *g = guard_top;
	size_t i, k;

	(void)sig;
	(void)uc;
	for (k = 0; g != NULL && k < (size_t)nmaps; k++)
		if (a >= maps[k].addr && (size_t)(a - maps[k].addr) < maps[k].len)
			break;
	if (g == NULL || k == (size_t)nmaps) {
		sigaction(SIGBUS, &old_bus, NULL);
		return;
	}
	for (i = 0; maps[k].what[i] && i + 1 < sizeof(g->what); i++)
		g->what[i] = maps[k].what[i];
	g->what[i] = 0;
	g->off = (size_t)(a - maps[k].addr);
	guard_top = g->prev;
	siglongjmp(g->env, 1);
}

/* Ours, again if another handler was put in place since (it is chained). */
static void
install(void)
{
	struct sigaction sa, cur;

	if (sigaction(SIGBUS, NULL, &cur) == 0 && (cur.sa_flags & SA_SIGINFO) &&
	    cur.sa_sigaction == on_sigbus)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old_bus);
}

void
hostmap_add(const void *addr, size_t len, const char *what)
{
	if (addr == NULL || len == 0)
		return;
	install();
	if (nmaps == amaps) {
		amaps = amaps ? amaps * 2 : 8;
		maps = xrealloc(maps, (size_t)amaps * sizeof(*maps));
	}
	maps[nmaps].addr = addr;
	maps[nmaps].len = len;
	maps[nmaps].what = xstrdup(what);
	nmaps++;
}

void
hostmap_del(const void *addr)
{
	int i;

	for (i = 0; i < nmaps; i++)
		if (maps[i].addr == addr)
			break;
	if (addr == NULL || i == nmaps)
		return;
	free(maps[i].what);
	maps[i] = maps[--nmaps];
	if (nmaps == 0) {
		free(maps);
		maps = NULL;
		amaps = 0;
	}
}

void
hostmap_guard_push(struct hostmap_guard *g)
{
	g->prev = guard_top;
	g->what[0] = 0;
	g->off = 0;
	guard_top = g;
}

void
hostmap_guard_pop(struct hostmap_guard *g)
{
	guard_top = g->prev;
}

int
hostmap_fault_error(const struct hostmap_guard *g, struct error *e)
{
	return error_set(e, -EIO, "%s changed or was truncated under ptwalk: "
			 "its byte at offset 0x%zx can no longer be read (open "
			 "it again to read what it holds now)", g->what,
			 g->off);
}

int
hostmap_call(int (*fn)(void *arg), void *arg, int *ret, struct error *e)
{
	struct hostmap_guard g;

	hostmap_guard_push(&g);
	if (sigsetjmp(g.env, 0))
		return hostmap_fault_error(&g, e);
	*ret = fn(arg);
	hostmap_guard_pop(&g);
	return 0;
}

int
hostmap_copy(void *dst, const void *src, size_t n, struct error *e)
{
	struct hostmap_guard g;

	hostmap_guard_push(&g);
	if (sigsetjmp(g.env, 0))
		return hostmap_fault_error(&g, e);
	memcpy(dst, src, n);
	hostmap_guard_pop(&g);
	return 0;
}
