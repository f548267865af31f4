// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the harnesses share: quiet stdio, the sandbox and memory files.
 *
 * The sandbox interposes the C library's file and process calls (the
 * harness is linked statically with libptwalk, so its definitions are the
 * ones the library calls).  A fuzzed script can name any file (`source`,
 * `exec`, `image`, `insmod`, `trace`, `mmap ... FILE`) and write one with
 * `save`: in the sandbox it reads the repository's testdata/ only, so runs
 * are the same everywhere, and never writes or runs anything.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "ptwalk/util.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif

const char *fuzz_top = FUZZ_TOP;

/* per thread: libFuzzer's own threads (the RSS watch) are never held */
static __thread volatile sig_atomic_t sandbox_on;
static char sandbox_root[PATH_MAX];	/* realpath of testdata, then '/' */
static FILE *devnull;
static FILE *real_stdout, *real_stderr;
static bool verbose;
static char memfile[64];		/* the last fuzz_file(), readable */
static char sandbox_cwd[PATH_MAX];	/* testdata/golden */
static int home_fd = -1;		/* the directory the fuzzer runs in */

/* The next definition of a C library function (libc's, or ASan's). */
#define REAL(name) ((__typeof__(&name))real_sym(#name))

static void *
real_sym(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (p == NULL) {
		fprintf(real_stderr ? real_stderr : stderr,
			"fuzz: no %s in the C library\n", name);
		abort();
	}
	return p;
}

void
fuzz_init(void)
{
	const char *t = getenv("PTWALK_TOP");
	char path[PATH_MAX];

	if (t != NULL && *t)
		fuzz_top = t;
	verbose = getenv("PTWALK_FUZZ_VERBOSE") != NULL;
	snprintf(path, sizeof(path), "%s/testdata", fuzz_top);
	if (realpath(path, sandbox_root) == NULL) {
		fprintf(stderr, "fuzz: no testdata under '%s' (set "
			"PTWALK_TOP)\n", fuzz_top);
		abort();
	}
	snprintf(sandbox_cwd, sizeof(sandbox_cwd), "%s/golden", sandbox_root);
	strncat(sandbox_root, "/",
		sizeof(sandbox_root) - strlen(sandbox_root) - 1);
	home_fd = REAL(open)(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (home_fd < 0)
		abort();
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL || freopen("/dev/null", "r", stdin) == NULL)
		abort();
	real_stdout = stdout;
	real_stderr = stderr;
}

FILE *
fuzz_devnull(void)
{
	return devnull;
}

void
fuzz_mute(bool on)
{
	fflush(stdout);
	fflush(stderr);
	stdout = on && !verbose ? devnull : real_stdout;
	stderr = on && !verbose ? devnull : real_stderr;
}

/*
 * A crash, a sanitizer report or a timeout while the sandbox is on: out of
 * it, so that libFuzzer can write the input that did it (in the directory
 * it was started in).  Async-signal-safe.
 */
static void
escape(void)
{
	if (!sandbox_on)
		return;
	sandbox_on = false;
	if (home_fd >= 0 && fchdir(home_fd) != 0)
		_exit(2);
}

/* ASan and UBSan call these when they start a report. */
void __asan_on_error(void);
void __ubsan_on_report(void);
void __asan_on_error(void) { escape(); }
void __ubsan_on_report(void) { escape(); }

static const int crash_signals[] = {
	SIGALRM, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGINT, SIGTERM,
	SIGXFSZ, SIGUSR1, SIGUSR2,
};
static struct sigaction next_handler[NSIG];

/*
 * Out of the sandbox while the next handler runs; back in if it returns
 * (libFuzzer's SIGALRM handler returns while the input has not yet run
 * for -timeout seconds: the input goes on, in the sandbox).
 */
static void
on_signal(int sig, siginfo_t *si, void *uc)
{
	const struct sigaction *n = &next_handler[sig];
	bool was = sandbox_on;

	escape();
	if (n->sa_flags & SA_SIGINFO) {
		n->sa_sigaction(sig, si, uc);
	} else if (n->sa_handler == SIG_DFL) {
		signal(sig, SIG_DFL);
		raise(sig);
	} else if (n->sa_handler != SIG_IGN) {
		n->sa_handler(sig);
	}
	if (was) {
		if (chdir(sandbox_cwd) != 0)
			_exit(2);
		sandbox_on = true;
	}
}

/* In front of the handlers libFuzzer and the sanitizers have set. */
static void
wrap_signals(void)
{
	static bool done;
	unsigned i;

	if (done)
		return;
	done = true;
	for (i = 0; i < ARRAY_SIZE(crash_signals); i++) {
		int sig = crash_signals[i];
		struct sigaction sa;

		if (sigaction(sig, NULL, &next_handler[sig]) != 0)
			continue;
		sa = next_handler[sig];
		sa.sa_sigaction = on_signal;
		sa.sa_flags |= SA_SIGINFO;
		sa.sa_flags &= ~(SA_RESETHAND | SA_NODEFER);
		sigaction(sig, &sa, NULL);
	}
}

void
fuzz_sandbox(bool on)
{
	if (on == (bool)sandbox_on)
		return;
	wrap_signals();
	/* relative names mean what they mean to the golden tests */
	if (on ? chdir(sandbox_cwd) : fchdir(home_fd))
		abort();
	sandbox_on = on;
}

int
fuzz_file(const uint8_t *data, size_t size, char *path, size_t n)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < size) {
		ssize_t w = write(fd, data + done, size - done);

		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	snprintf(path, n, "/proc/self/fd/%d", fd);
	snprintf(memfile, sizeof(memfile), "%s", path);
	return fd;
}

/*
 * The sandbox
 */

static int
refuse(void)
{
	errno = EACCES;
	return -1;
}

/* May the sandboxed process read path? */
static bool
readable(const char *path)
{
	char real[PATH_MAX];

	if (path != NULL && memfile[0] && !strcmp(path, memfile))
		return true;
	if (path == NULL || realpath(path, real) == NULL)
		return false;
	return !strncmp(real, sandbox_root, strlen(sandbox_root));
}

static bool
writes(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY ||
		(flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

static bool
mode_writes(const char *mode)
{
	return mode == NULL || strpbrk(mode, "wa+") != NULL;
}

int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (sandbox_on && (writes(flags) || !readable(path)))
		return refuse();
	return REAL(open)(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (sandbox_on && (writes(flags) || !readable(path)))
		return refuse();
	return REAL(open64)(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	/* relative to a directory the sandbox cannot see: refused */
	if (sandbox_on && (writes(flags) ||
			   (path[0] != '/' && dirfd != AT_FDCWD) ||
			   !readable(path)))
		return refuse();
	return REAL(openat)(dirfd, path, flags, mode);
}

int
creat(const char *path, mode_t mode)
{
	if (sandbox_on)
		return refuse();
	return REAL(creat)(path, mode);
}

FILE *
fopen(const char *path, const char *mode)
{
	if (sandbox_on && (mode_writes(mode) || !readable(path))) {
		errno = EACCES;
		return NULL;
	}
	return REAL(fopen)(path, mode);
}

FILE *
fopen64(const char *path, const char *mode)
{
	if (sandbox_on && (mode_writes(mode) || !readable(path))) {
		errno = EACCES;
		return NULL;
	}
	return REAL(fopen64)(path, mode);
}

FILE *
freopen(const char *path, const char *mode, FILE *f)
{
	if (sandbox_on) {
		errno = EACCES;
		return NULL;
	}
	return REAL(freopen)(path, mode, f);
}

int
mkstemp(char *tmpl)
{
	if (sandbox_on)
		return refuse();
	return REAL(mkstemp)(tmpl);
}

int
mkostemp(char *tmpl, int flags)
{
	if (sandbox_on)
		return refuse();
	return REAL(mkostemp)(tmpl, flags);
}

int
rename(const char *from, const char *to)
{
	if (sandbox_on)
		return refuse();
	return REAL(rename)(from, to);
}

int
renameat(int fd1, const char *from, int fd2, const char *to)
{
	if (sandbox_on)
		return refuse();
	return REAL(renameat)(fd1, from, fd2, to);
}

int
unlink(const char *path)
{
	if (sandbox_on)
		return refuse();
	return REAL(unlink)(path);
}

int
truncate(const char *path, off_t len)
{
	if (sandbox_on)
		return refuse();
	return REAL(truncate)(path, len);
}

FILE *
popen(const char *cmd, const char *mode)
{
	if (sandbox_on) {
		errno = EACCES;
		return NULL;
	}
	return REAL(popen)(cmd, mode);
}

int
system(const char *cmd)
{
	if (sandbox_on)
		return cmd == NULL ? 0 : refuse();
	return REAL(system)(cmd);
}

pid_t
fork(void)
{
	if (sandbox_on)
		return refuse();
	return REAL(fork)();
}

int
execve(const char *path, char *const argv[], char *const envp[])
{
	if (sandbox_on)
		return refuse();
	return REAL(execve)(path, argv, envp);
}

int
execv(const char *path, char *const argv[])
{
	if (sandbox_on)
		return refuse();
	return REAL(execv)(path, argv);
}

int
execvp(const char *file, char *const argv[])
{
	if (sandbox_on)
		return refuse();
	return REAL(execvp)(file, argv);
}

int
posix_spawn(pid_t *pid, const char *path,
	    const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *at,
	    char *const argv[], char *const envp[])
{
	if (sandbox_on)
		return EACCES;
	return REAL(posix_spawn)(pid, path, fa, at, argv, envp);
}

int
posix_spawnp(pid_t *pid, const char *file,
	     const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *at,
	     char *const argv[], char *const envp[])
{
	if (sandbox_on)
		return EACCES;
	return REAL(posix_spawnp)(pid, file, fa, at, argv, envp);
}
