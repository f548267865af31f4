// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live process as a target: its /proc files (see ptwalk/live_pid.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/live_pid.h"

#define PF_KTHREAD	0x00200000	/* include/linux/sched.h */
#define CAP_SYS_ADMIN_BIT 21

static long
page_size(void)
{
	static long ps;

	if (ps == 0)
		ps = sysconf(_SC_PAGESIZE);
	return ps;
}

/* The whole of a /proc file (they have no size); NULL with errno. */
static char *
slurp(const char *path, size_t *len)
{
	size_t n = 0, a = 4096;
	char *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return NULL;
	buf = xmalloc(a + 1);
	while ((r = read(fd, buf + n, a - n)) > 0) {
		n += (size_t)r;
		if (n == a) {
			a *= 2;
			buf = xrealloc(buf, a + 1);
		}
	}
	if (r < 0) {
		int err = errno;

		close(fd);
		free(buf);
		errno = err;
		return NULL;
	}
	close(fd);
	buf[n] = 0;
	if (len != NULL)
		*len = n;
	return buf;
}

/* /proc/PID/stat: comm, state, flags and start time. */
struct pid_stat {
	char comm[32];
	char state;
	unsigned long flags;
	unsigned long long starttime;
};

static int
read_stat(int pid, struct pid_stat *st)
{
	char path[64], *buf, *p, *q;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	buf = slurp(path, NULL);
	if (buf == NULL)
		return -1;
	p = strchr(buf, '(');
	q = strrchr(buf, ')');
	if (p == NULL || q == NULL || q < p) {
		free(buf);
		errno = EINVAL;
		return -1;
	}
	snprintf(st->comm, sizeof(st->comm), "%.*s", (int)(q - p - 1), p + 1);
	/* after ")": field 3 state ... field 9 flags ... field 22 starttime */
	p = q + 2;
	st->state = *p;
	for (i = 3; i < 22 && p != NULL; i++) {
		if (i == 9)
			st->flags = strtoul(p, NULL, 10);
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	st->starttime = p != NULL ? strtoull(p, NULL, 10) : 0;
	free(buf);
	return 0;
}

/* Whether this process has CAP_SYS_ADMIN in its effective set. */
static bool
have_sys_admin(void)
{
	char *buf = slurp("/proc/self/status", NULL), *p;
	bool r = false;

	if (buf == NULL)
		return false;
	p = strstr(buf, "\nCapEff:");
	if (p != NULL)
		r = (strtoull(p + 8, NULL, 16) >> CAP_SYS_ADMIN_BIT) & 1;
	free(buf);
	return r;
}

static int
open_proc(int pid, const char *what, int flags, struct error *e)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, what);
	fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		error_set(e, -errno, "cannot open %s: %s%s", path,
			  strerror(errno), errno == EACCES || errno == EPERM ?
			  " (reading another user's process needs ptrace "
			  "access: CAP_SYS_PTRACE or the same user)" : "");
	return fd;
}

struct live_pid *
live_pid_open(int pid, bool writable, struct error *e)
{
	struct live_pid *lp;
	struct pid_stat st;

	if (pid <= 0)
		return error_set(e, -EINVAL, "pid %d: give a process id above "
				 "0", pid), NULL;
	if (read_stat(pid, &st))
		return error_set(e, -ESRCH, "no process %d", pid), NULL;
	if (st.flags & PF_KTHREAD)
		return error_set(e, -EINVAL, "pid %d (%s) is a kernel thread: "
				 "it has no mm, no user address space to show",
				 pid, st.comm), NULL;
	if (st.state == 'Z' || st.state == 'X')
		return error_set(e, -ESRCH, "pid %d (%s) has exited (a zombie: "
				 "its memory is gone)", pid, st.comm), NULL;
	lp = xcalloc(1, sizeof(*lp));
	lp->pid = pid;
	lp->starttime = st.starttime;
	lp->writable = writable;
	lp->scan = -1;
	snprintf(lp->comm, sizeof(lp->comm), "%s", st.comm);
	lp->kflags_fd = lp->kcount_fd = -1;
	lp->pagemap_fd = open_proc(pid, "pagemap", O_RDONLY, e);
	lp->mem_fd = lp->pagemap_fd < 0 ? -1 :
		open_proc(pid, "mem", writable ? O_RDWR : O_RDONLY, e);
	if (lp->mem_fd < 0 || live_pid_read_maps(lp, e)) {
		live_pid_close(lp);
		return NULL;
	}
	lp->kflags_fd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
	lp->kcount_fd = open("/proc/kpagecount", O_RDONLY | O_CLOEXEC);
	lp->pfn_hidden = !have_sys_admin();
	return lp;
}

void
live_pid_close(struct live_pid *lp)
{
	int i;

	if (lp == NULL)
		return;
	if (lp->mem_fd >= 0)
		close(lp->mem_fd);
	if (lp->pagemap_fd >= 0)
		close(lp->pagemap_fd);
	if (lp->kflags_fd >= 0)
		close(lp->kflags_fd);
	if (lp->kcount_fd >= 0)
		close(lp->kcount_fd);
	for (i = 0; i < lp->nvma; i++)
		free(lp->vma[i].name);
	free(lp->vma);
	free(lp);
}

int
live_pid_check(struct live_pid *lp, struct error *e)
{
	struct pid_stat st;

	if (read_stat(lp->pid, &st))
		return error_set(e, -ESRCH, "process %d (%s) has exited",
				 lp->pid, lp->comm);
	if (st.starttime != lp->starttime)
		return error_set(e, -ESRCH, "process %d (%s) has exited; pid "
				 "%d is now another process (%s): attach it "
				 "again", lp->pid, lp->comm, lp->pid, st.comm);
	if (st.state == 'Z' || st.state == 'X')
		return error_set(e, -ESRCH, "process %d (%s) has exited",
				 lp->pid, lp->comm);	/* a zombie, not reaped */
	return 0;
}

/* One line of /proc/PID/maps (show_map_vma) into v; -1 if malformed. */
static int
parse_vma(char *line, struct live_vma *v)
{
	unsigned long long s, en, off, ino;
	int n = 0;

	memset(v, 0, sizeof(*v));
	if (sscanf(line, "%llx-%llx %4s %llx %x:%x %llu %n", &s, &en, v->perms,
		   &off, &v->dev_major, &v->dev_minor, &ino, &n) < 7)
		return -1;
	v->start = s;
	v->end = en;
	v->pgoff = off;
	v->ino = ino;
	v->name = xstrdup(line + n);
	return 0;
}

int
live_pid_read_maps(struct live_pid *lp, struct error *e)
{
	char path[64], *buf, *line, *save = NULL;
	int i, a = 0;

	if (live_pid_check(lp, e))
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/maps", lp->pid);
	buf = slurp(path, NULL);
	if (buf == NULL)
		return error_set(e, -errno, "cannot read %s: %s", path,
				 strerror(errno));
	for (i = 0; i < lp->nvma; i++)
		free(lp->vma[i].name);
	free(lp->vma);
	lp->vma = NULL;
	lp->nvma = 0;
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		if (lp->nvma == a) {
			a = a ? 2 * a : 64;
			lp->vma = xrealloc(lp->vma, (size_t)a * sizeof(*lp->vma));
		}
		if (parse_vma(line, &lp->vma[lp->nvma]) == 0)
			lp->nvma++;
	}
	free(buf);
	/* a process exiting between the two reads leaves no VMA */
	if (lp->nvma == 0 && live_pid_check(lp, e))
		return -1;
	return 0;
}

const struct live_vma *
live_pid_vma(const struct live_pid *lp, u64 va)
{
	int lo = 0, hi = lp->nvma - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct live_vma *v = &lp->vma[mid];

		if (va < v->start)
			hi = mid - 1;
		else if (va >= v->end)
			lo = mid + 1;
		else
			return v;
	}
	return NULL;
}

int
live_pid_pagemap(struct live_pid *lp, u64 va, u64 n, u64 *ent,
		 struct error *e)
{
	u64 off = va / (u64)page_size() * 8, want = n * 8, got = 0;
	ssize_t r;

	while (got < want) {
		r = pread(lp->pagemap_fd, (char *)ent + got, want - got,
			  (off_t)(off + got));
		if (r < 0) {
			int err = errno;

			if (live_pid_check(lp, e))
				return -1;
			return error_set(e, -err, "pagemap of pid %d at 0x%llx: "
					 "%s", lp->pid, (unsigned long long)va,
					 strerror(err));
		}
		if (r == 0)	/* beyond the user address space */
			return error_set(e, -ERANGE, "0x%llx is beyond pid "
					 "%d's user address space", (unsigned
					 long long)(va + got / 8 *
					 (u64)page_size()), lp->pid);
		got += (u64)r;
	}
	return 0;
}

int
live_pid_kpage(struct live_pid *lp, u64 pfn, u64 *flags, u64 *count,
	       struct error *e)
{
	ssize_t r1, r2;

	if (lp->kflags_fd < 0 || lp->kcount_fd < 0)
		return error_set(e, -EPERM, "/proc/kpageflags and "
				 "/proc/kpagecount need CAP_SYS_ADMIN");
	r1 = pread(lp->kflags_fd, flags, 8, (off_t)(pfn * 8));
	r2 = pread(lp->kcount_fd, count, 8, (off_t)(pfn * 8));
	if (r1 < 0 || r2 < 0)
		return error_set(e, -errno, "pfn 0x%llx: %s", (unsigned long
				 long)pfn, strerror(errno));
	if (r1 != 8 || r2 != 8)
		return error_set(e, -EINVAL, "pfn 0x%llx is beyond the last "
				 "frame of this machine (max_pfn)",
				 (unsigned long long)pfn);
	return 0;
}

/* Read or write n bytes at va, page by page; the bytes done, or -1. */
static long
mem_rw(struct live_pid *lp, u64 va, void *buf, u64 n, bool wr,
       struct error *e)
{
	u64 done = 0, ps = (u64)page_size();
	ssize_t r;

	while (done < n) {
		u64 chunk = ps - (va + done) % ps;

		if (chunk > n - done)
			chunk = n - done;
		if (wr)
			r = pwrite(lp->mem_fd, (const char *)buf + done, chunk,
				   (off_t)(va + done));
		else
			r = pread(lp->mem_fd, (char *)buf + done, chunk,
				  (off_t)(va + done));
		if (r <= 0) {
			int err = r < 0 ? errno : EIO;

			if (live_pid_check(lp, e))
				return -1;
			error_set(e, -err, "cannot %s memory at 0x%llx: %s",
				  wr ? "write" : "access",
				  (unsigned long long)(va + done),
				  live_pid_vma(lp, va + done) == NULL ?
				  "no VMA there" : strerror(err));
			return done ? (long)done : -1;
		}
		done += (u64)r;
	}
	return (long)done;
}

long
live_pid_read(struct live_pid *lp, u64 va, void *buf, u64 n, struct error *e)
{
	return mem_rw(lp, va, buf, n, false, e);
}

long
live_pid_write(struct live_pid *lp, u64 va, const void *buf, u64 n,
	       struct error *e)
{
	if (!lp->writable)
		return error_set(e, -EPERM, "pid %d was attached read-only: "
				 "writes need --pid %d --writable", lp->pid,
				 lp->pid);
	return mem_rw(lp, va, (void *)buf, n, true, e);
}
