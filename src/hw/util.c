// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Host helpers: allocation that cannot fail, growable strings, errors.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/util.h"

static void
oom(size_t n)
{
	fprintf(stderr, "ptwalk: out of host memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (p == NULL)
		oom(n * m);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *
xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return sb.buf;
}

void
sb_init(struct strbuf *sb)
{
	sb->alloc = 64;
	sb->len = 0;
	sb->buf = xmalloc(sb->alloc);
	sb->buf[0] = 0;
}

void
sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = 0;
}

static void
sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->alloc)
		return;
	while (sb->len + extra + 1 > sb->alloc)
		sb->alloc *= 2;
	sb->buf = xrealloc(sb->buf, sb->alloc);
}

void
sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n + 1 > sb->alloc - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = 0;
}

void
sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

int
error_set(struct error *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
fmt_size(char *buf, size_t n, u64 bytes)
{
	static const char unit[] = "KMGTPE";
	int u = -1;
	u64 v = bytes;

	char t[24];
	size_t i = sizeof(t) - 1, l;

	if (bytes >= 1024 && !(bytes & 1023))
		while (v >= 1024 && (v & 1023) == 0 && u < 5) {
			v >>= 10;
			u++;
		}
	/* "%llu" and the unit, by hand: sizes fill ptdump's rows */
	t[i] = 0;
	if (u >= 0)
		t[--i] = unit[u];
	do
		t[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (n == 0)
		return;
	l = MIN(n - 1, sizeof(t) - 1 - i);
	memcpy(buf, t + i, l);
	buf[l] = 0;
}

int
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int *prev, *cur, *pp, r;

	if (la > 64 || lb > 64)
		return 99;
	prev = xcalloc(lb + 1, sizeof(int));
	cur = xcalloc(lb + 1, sizeof(int));
	pp = xcalloc(lb + 1, sizeof(int));
	for (j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int c = a[i - 1] == b[j - 1] ? 0 : 1;
			int v = MIN(prev[j] + 1, cur[j - 1] + 1);

			v = MIN(v, prev[j - 1] + c);
			/* transposition (Damerau) */
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1])
				v = MIN(v, pp[j - 2] + 1);
			cur[j] = v;
		}
		memcpy(pp, prev, (lb + 1) * sizeof(int));
		memcpy(prev, cur, (lb + 1) * sizeof(int));
	}
	r = prev[lb];
	free(prev);
	free(cur);
	free(pp);
	return r;
}

const char *
host_file_kind(unsigned mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

int
host_open(const char *path, unsigned flags, const char *what,
	  struct stat *stp, struct error *e)
{
	struct stat st;
	int fd, fl;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		error_set(e, -errno, "cannot open %s '%s': %s", what, path,
			  strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		error_set(e, -err, "%s '%s': %s", what, path, strerror(err));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		error_set(e, -EISDIR, "%s '%s' is a directory", what, path);
		return -1;
	}
	if (!S_ISREG(st.st_mode) &&
	    (!(flags & HOST_OPEN_STREAM) || S_ISBLK(st.st_mode))) {
		close(fd);
		error_set(e, -EINVAL, "%s '%s' is %s, not a regular file", what,
			  path, host_file_kind(st.st_mode));
		return -1;
	}
	fl = fcntl(fd, F_GETFL);
	if (fl != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if (stp != NULL)
		*stp = st;
	return fd;
}

FILE *
host_fopen(const char *path, unsigned flags, const char *what,
	   struct error *e)
{
	int fd = host_open(path, flags, what, NULL, e);
	FILE *f;

	if (fd < 0)
		return NULL;
	f = fdopen(fd, "r");
	if (f == NULL) {
		error_set(e, -errno, "%s '%s': %s", what, path, strerror(errno));
		close(fd);
	}
	return f;
}

char *
fmt_buf(void)
{
	static char buf[FMT_BUFS][FMT_BUF_LEN];
	static unsigned next;

	next = (next + 1) % FMT_BUFS;
	return buf[next];
}

const char *
plural(u64 n, const char *one, const char *many)
{
	char *b = fmt_buf();

	if (n == 1)
		snprintf(b, FMT_BUF_LEN, "1 %s", one);
	else if (many != NULL)
		snprintf(b, FMT_BUF_LEN, "%llu %s", (unsigned long long)n,
			 many);
	else
		snprintf(b, FMT_BUF_LEN, "%llu %ss", (unsigned long long)n,
			 one);
	return b;
}

/*
 * The name of a temporary file that a writer fills and then renames to
 * path (save, figures): in path's directory, path's own name NAME followed by ".tmp" and
 * the six characters that mkostemp() replaces with a unique suffix (the
 * template ends in six 'X's, as mkostemp requires).  NAME is shortened,
 * never in the middle of a UTF-8 character, when the whole (NAME plus 10
 * characters) would be longer than the directory's longest name.
 */
char *
host_temp_template(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t dirlen = base ? (size_t)(base - path) + 1 : 0, blen, keep;
	char *dir = base ? xasprintf("%.*s", (int)dirlen, path) : xstrdup(".");
	long max = pathconf(dir, _PC_NAME_MAX);
	char *t;

	free(dir);
	if (max <= 0 || max > 4096)
		max = NAME_MAX;
	base = base ? base + 1 : path;
	blen = strlen(base);
	keep = MIN(blen, max > 16 ? (size_t)max - 10 : 6);
	/* not in the middle of a UTF-8 character */
	while (keep > 0 && keep < blen &&
	       ((unsigned char)base[keep] & 0xc0) == 0x80)
		keep--;
	t = xasprintf("%.*s%.*s.tmp......", (int)dirlen, path, (int)keep, base);
	memset(t + strlen(t) - 6, 'X', 6);	/* what mkostemp replaces */
	return t;
}

/*
 * Write all LEN bytes of BUF at OFF of FD (pwrite, in pieces of at most
 * 1 GiB, again after EINTR); the error says "cannot write WHAT".
 */
int
host_pwrite_all(int fd, const void *buf, u64 len, u64 off, const char *what,
		struct error *e)
{
	const u8 *p = buf;

	while (len > 0) {
		ssize_t w = pwrite(fd, p, (size_t)MIN(len, 1ULL << 30),
				   (off_t)off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return error_set(e, -errno, "cannot write %s: %s", what,
					 w < 0 ? strerror(errno) :
					 "nothing was written");
		p += w;
		off += (u64)w;
		len -= (u64)w;
	}
	return 0;
}

/* Is the page at P (PAGE_SIZE bytes) all zeros? */
bool
page_is_zero(const void *p)
{
	static const u8 zero[256];
	const u8 *b = p;
	unsigned i;

	for (i = 0; i < PAGE_SIZE; i += sizeof(zero))
		if (memcmp(b + i, zero, sizeof(zero)))
			return false;
	return true;
}
