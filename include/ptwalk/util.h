/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Host helpers: allocation that cannot fail, growable strings, errors.
 */
#ifndef PTWALK_UTIL_H
#define PTWALK_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include "types.h"

struct error;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* PATH's directory, its name shortened if need be, ".tmp" and six
 * characters for mkostemp() to replace */
char *host_temp_template(const char *path);
/* every byte written at off (pwrite); the error names WHAT */
int host_pwrite_all(int fd, const void *buf, u64 len, u64 off,
		    const char *what, struct error *e);
/* is the page (PAGE_SIZE bytes) all zeros? */
bool page_is_zero(const void *p);

/* A growable string.  sb_init() must be called before use. */
struct strbuf {
	char *buf;
	size_t len, alloc;
};
void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_adds(struct strbuf *sb, const char *s);

/*
 * An error: the kernel-style negative errno plus a message for people.
 * The simulated kernel and everything below it report failures this
 * way and never print.
 */
struct error {
	int code;		/* -EINVAL, -ENOMEM, ... ; 0 = no error */
	char msg[512];
};
int error_set(struct error *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static inline void error_clear(struct error *e) { e->code = 0; e->msg[0] = 0; }

/*
 * Scratch space for a formatter that returns a string: each call hands out
 * the next of FMT_BUFS buffers of FMT_BUF_LEN bytes, so the results of a
 * few formatters can be passed to one printf.  A result is good until
 * FMT_BUFS further calls; keep it longer and it must be copied.
 */
#define FMT_BUFS	32
#define FMT_BUF_LEN	256
char *fmt_buf(void);

/* Human-readable sizes: "4K", "2M", "1.5G" style (binary units). */
void fmt_size(char *buf, size_t n, u64 bytes);
/*
 * A count and its noun, singular for 1: plural(1, "page", NULL) is
 * "1 page", plural(3, "page", NULL) "3 pages", plural(2, "entry",
 * "entries") "2 entries".  Eight rotating static buffers: a few per
 * printf call.
 */
const char *plural(u64 n, const char *one, const char *many);
/* Size in the kernel's "kB" for /proc style files. */

int edit_distance(const char *a, const char *b);

/*
 * Opening a file the user named.  The open never blocks (a FIFO without a
 * writer, a tape): it is made with O_NONBLOCK, the type is checked with
 * fstat, and only then is O_NONBLOCK cleared.  A directory is refused as
 * "is a directory"; anything but a regular file is refused unless
 * HOST_OPEN_STREAM says the user asked for a stream (a pipe, a terminal,
 * a character device such as /dev/stdin).  `what` names the file in the
 * message ("the script", "the image").  Returns the descriptor (O_CLOEXEC)
 * or -1 with *e set; st, when not NULL, receives the file's stat.
 */
#define HOST_OPEN_STREAM 0x1	/* FIFOs, sockets, character devices too */
struct stat;
int host_open(const char *path, unsigned flags, const char *what,
	      struct stat *st, struct error *e);
/* What a file of st_mode is when not a regular one: "a directory" ... */
const char *host_file_kind(unsigned st_mode);
/* The same as a stdio stream for reading. */
FILE *host_fopen(const char *path, unsigned flags, const char *what,
		 struct error *e);

#endif
