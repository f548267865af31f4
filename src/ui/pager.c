// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Output sinks: the pager, `| SHELLCMD` and `> FILE`.
 *
 * cf. git's pager.c (the pager only when standard output is a terminal,
 * LESS=FRX when LESS is unset) and crash(8)'s output redirection.  Unlike
 * git, the pager starts only once a command's output is longer than the
 * screen: shorter output is printed as it comes and nothing is spawned.
 *
 * The sink is a stdio stream (fopencookie) with a large buffer, so its
 * write function runs when the buffer fills, when the stream is flushed
 * (before every message on standard error) and at the end: at each of
 * those points the output so far either still fits on the screen and is
 * printed, or the pager is started and gets it and the rest.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ptwalk/out.h"
#include "ptwalk/pager.h"

extern char **environ;

#define SINK_BUF	(64 << 10)	/* the stream's buffer */
#define SINK_KEEP	(16 << 20)	/* output kept to show again on failure */

struct sink {
	enum sink_kind kind;
	FILE *f;		/* ctx->out while the sink is open */
	FILE *prev;		/* ctx->out before */
	char *target;		/* the file or the shell command */
	int fd;			/* the file, or the pipe to the process; -1 */
	pid_t pid;		/* the shell command or the pager; -1 */
	bool gone;		/* the reader closed the pipe (EPIPE) */
	bool nopager;		/* the pager could not be started */
	int werr;		/* the first write error (errno), or 0 */
	struct strbuf keep;	/* what went to fd, to show again on failure */
	bool kept_all;
	bool pipe_ignored;
	struct sigaction old_pipe;
	int rows, cols;		/* the pager: the screen */
	int shown, col;		/* lines printed so far, column of the last */
};

const char *
pager_command(void)
{
	const char *p = getenv("PTWALK_PAGER");

	if (p == NULL)
		p = getenv("PAGER");
	if (p == NULL)
		p = "less -FRX";
	while (isspace((unsigned char)*p))
		p++;
	if (*p == 0 || !strcmp(p, "cat"))
		return NULL;
	return p;
}

bool
pager_wanted(const struct ctx *ctx)
{
	return ctx->pager && ctx->interactive && ctx->in == NULL &&
	       ctx->out == stdout && isatty(STDOUT_FILENO) &&
	       pager_command() != NULL;
}

static int
env_int(const char *name, int def)
{
	const char *v = getenv(name);
	long l = v != NULL ? strtol(v, NULL, 10) : 0;

	return l > 0 && l < 10000 ? (int)l : def;
}

static void
screen_size(struct sink *s)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0) {
		s->rows = ws.ws_row;
		s->cols = ws.ws_col;
		return;
	}
	s->rows = env_int("LINES", 24);
	s->cols = env_int("COLUMNS", 80);
}

/*
 * Whether buf, after what was printed already, still leaves a line for
 * the prompt; if so it is counted as printed.  Long lines count as the
 * terminal wraps them.
 */
static bool
fits(struct sink *s, const char *buf, size_t n)
{
	int shown = s->shown, col = s->col;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			shown++;
			col = 0;
			continue;
		}
		if ((c & 0xc0) == 0x80)
			continue;	/* a UTF-8 continuation byte */
		if (col >= s->cols) {
			shown++;
			col = 0;
		}
		col = c == '\t' ? MIN((col / 8 + 1) * 8, s->cols) : col + 1;
	}
	if (shown + (col > 0) > s->rows - 1)
		return false;
	s->shown = shown;
	s->col = col;
	return true;
}

static void
ignore_sigpipe(struct sink *s)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGPIPE, &sa, &s->old_pipe) == 0)
		s->pipe_ignored = true;
}

/* The environment of the pager: LESS=FRX unless the user set LESS. */
static char **
pager_env(void)
{
	static char less[] = "LESS=FRX";
	char **env;
	size_t n = 0;

	if (getenv("LESS") != NULL)
		return NULL;
	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 2, sizeof(*env));
	memcpy(env, environ, n * sizeof(*env));
	env[n] = less;
	return env;
}

/* Run `sh -c CMD` reading from a pipe whose other end becomes s->fd. */
static int
spawn(struct sink *s, const char *cmd, bool pager, struct error *e)
{
	static const int defsigs[] = { SIGPIPE, SIGINT, SIGQUIT, SIGTERM,
				       SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU };
	char *argv[] = { (char *)"sh", (char *)"-c", (char *)cmd, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t def, none;
	char **env = pager ? pager_env() : NULL;
	int p[2], r;
	size_t i;

	if (pipe2(p, O_CLOEXEC) != 0)
		return error_set(e, -errno, "cannot make a pipe: %s",
				 strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[0], STDIN_FILENO);
	posix_spawnattr_init(&at);
	sigemptyset(&def);
	for (i = 0; i < ARRAY_SIZE(defsigs); i++)
		sigaddset(&def, defsigs[i]);
	sigemptyset(&none);
	posix_spawnattr_setsigdefault(&at, &def);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF |
				 POSIX_SPAWN_SETSIGMASK);
	fflush(stdout);
	fflush(s->prev);
	r = posix_spawn(&s->pid, "/bin/sh", &fa, &at, argv,
			env != NULL ? env : environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	free(env);
	close(p[0]);
	if (r != 0) {
		close(p[1]);
		s->pid = -1;
		return error_set(e, -r, "cannot run /bin/sh: %s", strerror(r));
	}
	s->fd = p[1];
	ignore_sigpipe(s);
	return 0;
}

static void
fd_write(struct sink *s, const char *buf, size_t n)
{
	if (s->kept_all) {
		if (s->keep.len + n <= SINK_KEEP)
			sb_add(&s->keep, buf, n);
		else
			s->kept_all = false;
	}
	while (n > 0 && !s->gone && s->werr == 0) {
		ssize_t w = write(s->fd, buf, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE && s->pid > 0)
				s->gone = true;	/* `| head`, or the pager quit */
			else
				s->werr = errno;
			return;
		}
		buf += w;
		n -= (size_t)w;
	}
}

static ssize_t
sink_cookie_write(void *cookie, const char *buf, size_t n)
{
	struct sink *s = cookie;

	if (s->kind == SINK_PAGER && s->fd < 0) {
		struct error e;

		if (!s->nopager && !fits(s, buf, n)) {
			free(s->target);
			s->target = xstrdup(pager_command());
			if (spawn(s, s->target, true, &e) != 0)
				s->nopager = true;	/* no /bin/sh */
		}
		if (s->fd < 0) {
			fwrite(buf, 1, n, s->prev);
			fflush(s->prev);
			return (ssize_t)n;
		}
	}
	fd_write(s, buf, n);
	return (ssize_t)n;
}

static int
open_file(struct sink *s, struct error *e)
{
	int fl = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
		 (s->kind == SINK_APPEND ? O_APPEND : O_TRUNC);
	struct stat st;
	int fd;

	fd = open(s->target, fl, 0666);
	if (fd < 0) {
		int err = errno;

		if (err == ENXIO)
			return error_set(e, -err, "cannot write '%s': nothing "
					 "reads that FIFO", s->target);
		if (err == EISDIR)
			return error_set(e, -err, "cannot write '%s': it is a "
					 "directory", s->target);
		return error_set(e, -err, "cannot write '%s': %s", s->target,
				 strerror(err));
	}
	if (fstat(fd, &st) == 0 && (S_ISBLK(st.st_mode) ||
				    S_ISSOCK(st.st_mode))) {
		close(fd);
		return error_set(e, -EINVAL, "cannot write '%s': output goes "
				 "to files, pipes and terminals, not to a %s",
				 s->target, S_ISBLK(st.st_mode) ?
				 "block device" : "socket");
	}
	fl = fcntl(fd, F_GETFL);
	if (fl != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	s->fd = fd;
	return 0;
}

static void
sink_free(struct sink *s)
{
	sb_release(&s->keep);
	free(s->target);
	free(s);
}

struct sink *
sink_open(struct ctx *ctx, enum sink_kind kind, const char *target,
	  struct error *e)
{
	cookie_io_functions_t io = { .write = sink_cookie_write };
	struct sink *s = xcalloc(1, sizeof(*s));
	int r = 0;

	out_flush(ctx);	/* a partial line goes where it was begun */
	s->kind = kind;
	s->fd = -1;
	s->pid = -1;
	s->prev = ctx->out;
	s->kept_all = true;
	s->target = xstrdup(target != NULL ? target : "");
	sb_init(&s->keep);
	error_clear(e);
	if (kind == SINK_FILE || kind == SINK_APPEND)
		r = open_file(s, e);
	else if (kind == SINK_PIPE)
		r = spawn(s, s->target, false, e);
	else
		screen_size(s);
	if (r == 0) {
		s->f = fopencookie(s, "w", io);
		if (s->f == NULL)
			r = error_set(e, -errno, "cannot open a stream: %s",
				      strerror(errno));
	}
	if (r != 0) {
		struct error ignored;

		if (s->fd >= 0 || s->pid > 0) {
			s->f = NULL;
			sink_close(ctx, s, &ignored);
		} else {
			sink_free(s);
		}
		return NULL;
	}
	setvbuf(s->f, NULL, _IOFBF, SINK_BUF);
	ctx->out = s->f;
	return s;
}

/* Wait for the process; the pager is waited for with Ctrl-C ignored. */
static int
wait_child(struct sink *s)
{
	struct sigaction sa, old;
	int status = 0;

	if (s->pid <= 0)
		return 0;
	if (s->kind == SINK_PAGER) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_IGN;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, &old);
	}
	while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (s->kind == SINK_PAGER)
		sigaction(SIGINT, &old, NULL);
	return status;
}

/* What went wrong, if anything, once everything is written and waited. */
static int
verdict(struct sink *s, int status, struct error *e)
{
	const char *what = s->kind == SINK_PAGER ? "the pager" :
		"the shell command";

	if (s->werr != 0)
		return error_set(e, -s->werr, "cannot write %s'%s': %s",
				 s->pid > 0 ? "to " : "", s->target,
				 strerror(s->werr));
	if (s->pid <= 0)
		return 0;
	if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 ||
				  WEXITSTATUS(status) == 127))
		return error_set(e, -ENOENT, "%s '%s' could not run (status "
				 "%d)", what, s->target, WEXITSTATUS(status));
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGPIPE &&
	    WTERMSIG(status) != SIGINT) {
		/* it had the output; showing it again would be noise */
		s->keep.len = 0;
		return error_set(e, -EINTR, "%s '%s' was killed by signal %d "
				 "(%s)", what, s->target, WTERMSIG(status),
				 strsignal(WTERMSIG(status)));
	}
	return 0;
}

int
sink_close(struct ctx *ctx, struct sink *s, struct error *e)
{
	int status, rc;

	out_flush(ctx);
	if (s->f != NULL)
		fclose(s->f);	/* the last of the output goes out */
	ctx->out = s->prev;
	if (s->fd >= 0 && close(s->fd) != 0 && s->pid <= 0 && s->werr == 0)
		s->werr = errno;
	status = wait_child(s);
	if (s->pipe_ignored)
		sigaction(SIGPIPE, &s->old_pipe, NULL);
	error_clear(e);
	rc = verdict(s, status, e);
	if (rc != 0 && s->keep.len > 0) {
		/* nothing is lost: the output comes here instead */
		size_t l = strlen(e->msg);

		fwrite(s->keep.buf, 1, s->keep.len, s->prev);
		fflush(s->prev);
		if (s->kept_all)
			snprintf(e->msg + l, sizeof(e->msg) - l, "; the output "
				 "is shown above instead");
		else
			snprintf(e->msg + l, sizeof(e->msg) - l, "; the first "
				 "%d MiB of the output are shown above instead",
				 SINK_KEEP >> 20);
	}
	sink_free(s);
	return rc;
}
