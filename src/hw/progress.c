// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Long loops: the SIGINT flag, the progress line on stderr, and the host
 * memory limit (see include/ptwalk/progress.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "ptwalk/progress.h"
#include "ptwalk/util.h"

#define NSEC		1000000000ULL
#define MSEC		1000000ULL
#define SHOW_AFTER	(1 * NSEC)	/* a loop this old shows a line */
#define REDRAW		(100 * MSEC)	/* redraws: 10 a second at most */
#define MEM_EVERY	(50 * MSEC)	/* how often host memory is read */
#define MEM_SLACK	(4ULL << 20)	/* growth that is not the loop's */
#define STRIDE_FIRST	64	/* small loops never poll */
#define STRIDE_MAX	(1ULL << 24)

volatile sig_atomic_t interrupt_flag;
bool progress_enabled = true;
u64 host_mem_limit = HOST_MEM_AUTO;

static bool interactive;
static bool reported;		/* a command said "interrupted after" */

static struct progress *top;	/* the innermost running loop */
static const char *label;	/* the running command */
static u64 t_start;		/* ns: the command's start, or first poll */
static u64 t_drawn;		/* ns: the last redraw */
static bool drawn;		/* a progress line is on the terminal */
static int err_tty = -1;	/* stderr (stdout) is a terminal; -1: ask */
static int out_tty = -1;
static u64 t_mem;		/* ns: the last look at host memory */
static u64 mem_base;		/* bytes used at the command's first look */
static u64 mem_seen;		/* bytes held when the limit stopped it */

/*
 * Ctrl-C
 */

static void
on_sigint(int sig)
{
	if (interrupt_flag && !interactive) {
		/* a second Ctrl-C in a script: stop now, as without us */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	interrupt_flag = 1;
}

void
interrupt_install(bool is_interactive)
{
	struct sigaction sa, old;

	interactive = is_interactive;
	/* a script started in the background by a shell keeps ignoring it */
	if (!interactive && sigaction(SIGINT, NULL, &old) == 0 &&
	    old.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a read() waiting for input returns */
	sigaction(SIGINT, &sa, NULL);
}

void
interrupt_clear(void)
{
	interrupt_flag = 0;
	reported = false;
}

void
interrupt_raise(void)
{
	interrupt_flag = 1;
}

bool
interrupt_reported(void)
{
	return reported;
}

/*
 * Host memory
 */

static u64
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * NSEC + (u64)ts.tv_nsec;
}

static u64
read_u64_file(const char *path)
{
	char buf[64];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	return strtoull(buf, NULL, 10);	/* "max" reads as 0: none */
}

u64
host_mem_limit_bytes(void)
{
	static u64 autolim;
	long pages, psz;
	u64 cg;

	if (host_mem_limit != HOST_MEM_AUTO)
		return host_mem_limit;
	if (autolim == 0) {
		pages = sysconf(_SC_PHYS_PAGES);
		psz = sysconf(_SC_PAGESIZE);
		autolim = pages > 0 && psz > 0 ? (u64)pages * (u64)psz / 2 : 0;
		/* a memory cgroup (a container) may allow less */
		cg = read_u64_file("/sys/fs/cgroup/memory.max");
		if (cg != 0 && (autolim == 0 || cg / 2 < autolim))
			autolim = cg / 2;
		if (autolim == 0)
			autolim = 1;
	}
	return autolim;
}

u64
host_mem_used(void)
{
	unsigned long long size, rss, shared;
	char buf[128];
	ssize_t n;
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	if (sscanf(buf, "%llu %llu %llu", &size, &rss, &shared) != 3)
		return 0;
	/* file pages (an image, ELF files) are the page cache's, not ours */
	return (rss - MIN(rss, shared)) * (u64)sysconf(_SC_PAGESIZE);
}

void
fmt_mem(char *buf, size_t n, u64 bytes)
{
	if (bytes >= GiB)
		snprintf(buf, n, "%.1fG", (double)bytes / (double)GiB);
	else
		snprintf(buf, n, "%.1fM", (double)bytes / (double)MiB);
}

/*
 * Over the limit, a loop stops if it is what makes ptwalk grow: a loop
 * that only reads (ptdump, translate -f) runs on.
 */
static int
check_mem(u64 now)
{
	u64 used;

	if (mem_seen)
		return -ENOMEM;	/* until the command ends */
	if (host_mem_limit == 0 || now - t_mem < MEM_EVERY)
		return 0;
	t_mem = now;
	used = host_mem_used();
	if (mem_base == 0)
		mem_base = used;
	if (used <= host_mem_limit_bytes() || used < mem_base + MEM_SLACK)
		return 0;
	mem_seen = used;
	return -ENOMEM;
}

/*
 * The progress line
 */

static void
put_err(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDERR_FILENO, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
clear_line(void)
{
	if (drawn)
		put_err("\r\033[K", 4);
	drawn = false;
}

static void
draw(const struct progress *pg, u64 now)
{
	const char *what = label != NULL ? label : pg->what;
	struct winsize ws;
	char line[160];
	size_t cols = 80;
	int n;

	if (!progress_enabled || now - t_start < SHOW_AFTER ||
	    (drawn && now - t_drawn < REDRAW))
		return;
	if (err_tty < 0)
		err_tty = isatty(STDERR_FILENO);
	if (!err_tty)
		return;
	if (pg->flags & PROGRESS_STREAM) {
		if (out_tty < 0)
			out_tty = isatty(STDOUT_FILENO);
		if (out_tty)
			return;	/* its own output shows how far it is */
	}
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 8)
		cols = ws.ws_col;
	if (pg->total)
		n = snprintf(line, sizeof(line), "\r%s: %llu of %llu %s "
			     "(%llu%%), %llus; Ctrl-C stops it", what,
			     (unsigned long long)pg->done,
			     (unsigned long long)pg->total, pg->unit,
			     (unsigned long long)(pg->done * 100 /
						  MAX(pg->total, pg->done)),
			     (unsigned long long)((now - t_start) / NSEC));
	else
		n = snprintf(line, sizeof(line), "\r%s: %llu %s, %llus; "
			     "Ctrl-C stops it", what,
			     (unsigned long long)pg->done, pg->unit,
			     (unsigned long long)((now - t_start) / NSEC));
	if (n < 0)
		return;
	/* never wrap: the \r would then redraw only the last row */
	if ((size_t)n > cols)
		n = (int)cols;
	if ((size_t)n >= sizeof(line) - 4)
		n = (int)sizeof(line) - 4;
	memcpy(line + n, "\033[K", 3);
	put_err(line, (size_t)n + 3);
	drawn = true;
	t_drawn = now;
}

/*
 * Loops
 */

void
progress_command(const char *name)
{
	label = name;
	t_start = top != NULL ? t_start : now_ns();
	mem_seen = 0;
	mem_base = 0;
}

void
progress_begin(struct progress *pg, const char *what, const char *unit,
	       u64 total, unsigned flags)
{
	pg->what = what;
	pg->unit = unit;
	pg->done = 0;
	pg->total = total;
	pg->stride = STRIDE_FIRST;
	pg->poll_at = STRIDE_FIRST;
	pg->t_poll = 0;
	pg->stop = 0;
	pg->flags = flags;
	pg->outer = top;
	top = pg;
}

int
progress_poll(struct progress *pg)
{
	u64 now = now_ns();

	if (t_start == 0)
		t_start = now;
	/* aim at one poll every 1 to 4 ms, whatever a unit costs */
	if (pg->t_poll != 0) {
		if (now - pg->t_poll < 1 * MSEC && pg->stride < STRIDE_MAX)
			pg->stride *= 2;
		else if (now - pg->t_poll > 4 * MSEC && pg->stride > 1)
			pg->stride /= 2;
	}
	pg->t_poll = now;
	pg->poll_at = pg->done + pg->stride;
	if (pg->stop)
		return pg->stop;
	if (interrupt_flag)
		pg->stop = -EINTR;
	else
		pg->stop = check_mem(now);
	if (!pg->stop && pg == top)
		draw(pg, now);
	return pg->stop;
}

void
progress_end(struct progress *pg)
{
	struct progress **pp;

	/* normally the innermost; unlink it wherever it is all the same */
	for (pp = &top; *pp != NULL && *pp != pg; pp = &(*pp)->outer)
		;
	if (*pp == pg)
		*pp = pg->outer;
	if (top == NULL)
		clear_line();
}

static void
how_far(const struct progress *pg, char *buf, size_t n)
{
	if (pg->total)
		snprintf(buf, n, "%llu of %llu %s",
			 (unsigned long long)pg->done,
			 (unsigned long long)pg->total, pg->unit);
	else
		snprintf(buf, n, "%llu %s", (unsigned long long)pg->done,
			 pg->unit);
}

void
progress_why(const struct progress *pg, char *buf, size_t n)
{
	char far[96], used[32], lim[32];

	how_far(pg, far, sizeof(far));
	if (pg->stop == -ENOMEM) {
		fmt_mem(used, sizeof(used), mem_seen);
		fmt_mem(lim, sizeof(lim), host_mem_limit_bytes());
		snprintf(buf, n, "stopped after %s: ptwalk holds %s of host "
			 "memory, over the limit of %s (set host-mem-limit)",
			 far, used, lim);
		return;
	}
	snprintf(buf, n, "interrupted after %s", far);
	reported = true;
}
