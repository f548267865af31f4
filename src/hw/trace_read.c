// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Reading memory-access traces: the format told by the content, lines
 * split in one fixed buffer, numbers parsed by table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/mmu.h"
#include "ptwalk/progress.h"
#include "ptwalk/replay.h"
#include "ptwalk/util.h"

/* hex digit values + 1, 0 for anything else */
static const u8 hexval1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* Hex digits at p: the end, or NULL when none or wider than 64 bits. */
static inline const char *
parse_hex(const char *p, u64 *v)
{
	const char *s;
	u64 x = 0;
	u8 d;

	while (*p == '0' && hexval1[(u8)p[1]] != 0)
		p++;
	for (s = p; (d = hexval1[(u8)*p]) != 0; p++)
		x = (x << 4) | (u8)(d - 1);
	if (p == s || p - s > 16)
		return NULL;
	*v = x;
	return p;
}

static inline const char *
parse_dec(const char *p, u64 *v)
{
	const char *s = p;
	u64 x = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		if (x > (~0ULL - 9) / 10)
			return NULL;
		x = x * 10 + (u64)(*p - '0');
	}
	if (p == s)
		return NULL;
	*v = x;
	return p;
}

static inline const char *
skip_blank(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

const char *
trace_fmt_name(enum trace_fmt f)
{
	switch (f) {
	case TFMT_PLAIN:
		return "r|w|x ADDR";
	case TFMT_LACKEY:
		return "valgrind lackey";
	case TFMT_DRCACHESIM:
		return "drcachesim view";
	case TFMT_ARRAY:
		return "array loop";
	default:
		return "unknown";
	}
}

void
trace_reader_init(struct trace_reader *r, int fd, bool own)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->own_fd = own;
	r->buf = xmalloc(TREAD_BUF + 1);
	r->buf[0] = 0;
}

void
trace_reader_release(struct trace_reader *r)
{
	if (r->own_fd && r->fd >= 0)
		close(r->fd);
	free(r->buf);
	r->buf = NULL;
}

/*
 * lackey: "I  0400d7d4,8", " L 04222cac,8", " S ...", " M ...": where the
 * line ends (a NUL: the caller compares it with the line's length), or
 * NULL when it is not one
 */
static inline const char *
parse_lackey_to(const char *p, struct trace_rec *rec)
{
	u64 size;

	if (p[0] == 'I' && p[1] == ' ') {
		rec->acc = ACC_EXEC;
		rec->modify = false;
	} else if (p[0] == ' ' && p[1] != 0 && p[2] == ' ') {
		switch (p[1]) {
		case 'L':
			rec->acc = ACC_READ;
			rec->modify = false;
			break;
		case 'S':
			rec->acc = ACC_WRITE;
			rec->modify = false;
			break;
		case 'M':
			rec->acc = ACC_READ;
			rec->modify = true;
			break;
		default:
			return NULL;
		}
	} else {
		return NULL;
	}
	p = skip_blank(p + 2);
	if ((p = parse_hex(p, &rec->va)) == NULL || *p != ',')
		return NULL;
	if ((p = parse_dec(p + 1, &size)) == NULL || size > 0xffffffffULL)
		return NULL;
	rec->size = (u32)size;
	rec->expr = NULL;
	return skip_blank(p);
}

/* A whole line: where its NUL is, or NULL. */
static inline const char *
parse_lackey(const char *p, struct trace_rec *rec)
{
	p = parse_lackey_to(p, rec);
	return p == NULL || *p ? NULL : p;
}

static const char *
word_is(const char *p, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(p, w, n) || (p[n] != ' ' && p[n] != '\t'))
		return NULL;
	return p + n;
}

/*
 * drcachesim view: "<rec> <instr>: <tid> read  8 byte(s) @ 0x... by PC ..."
 * (older views: "T<tid> read  8 byte(s) @ 0x...").  1 an access, 0 a line
 * with no access (markers, headers, other records), -1 a bad line.
 */
static int
parse_drcachesim(const char *line, struct trace_rec *rec)
{
	const char *p = strstr(line, " byte(s) @ 0x"), *q, *k;
	u64 size;

	if (p == NULL) {
		q = skip_blank(line);
		if (strchr(q, '<') != NULL || *q == '-' || *q == 0 ||
		    !strncmp(q, "Output format", 13))
			return 0;
		return -1;
	}
	/* back over the size to the kind */
	for (q = p; q > line && q[-1] >= '0' && q[-1] <= '9'; q--)
		;
	if (q == p || parse_dec(q, &size) != p || size > 0xffffffffULL)
		return -1;
	for (k = q; k > line && (k[-1] == ' ' || k[-1] == '\t'); k--)
		;
	for (q = k; q > line && q[-1] != ' ' && q[-1] != '\t'; q--)
		;
	if (k - q == 6 && !strncmp(q, "ifetch", 6))
		rec->acc = ACC_EXEC;
	else if (k - q == 4 && !strncmp(q, "read", 4))
		rec->acc = ACC_READ;
	else if (k - q == 5 && !strncmp(q, "write", 5))
		rec->acc = ACC_WRITE;
	else
		return 0;	/* prefetch, flush, non-fetched instr ... */
	if (parse_hex(p + 13, &rec->va) == NULL)
		return -1;
	rec->size = (u32)size;
	rec->modify = false;
	rec->expr = NULL;
	return 1;
}

static int
plain_kind(const char *p, const char **end)
{
	static const struct {
		const char *w;
		u8 acc;
	} k[] = {
		{ "r", ACC_READ }, { "w", ACC_WRITE }, { "x", ACC_EXEC },
		{ "read", ACC_READ }, { "write", ACC_WRITE },
		{ "exec", ACC_EXEC }, { "fetch", ACC_EXEC },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(k); i++)
		if ((*end = word_is(p, k[i].w)) != NULL)
			return k[i].acc;
	return -1;
}

/* r|w|x ADDR [SIZE]: ADDR a number, else an expression (no SIZE then) */
static int
parse_plain(char *line, struct trace_rec *rec)
{
	const char *p = skip_blank(line), *q;
	char *h;
	int acc;
	u64 v;

	if ((h = strchr(line, '#')) != NULL)
		*h = 0;
	if (*p == 0)
		return 0;
	if ((acc = plain_kind(p, &q)) < 0)
		return -1;
	p = skip_blank(q);
	if (*p == 0)
		return -1;
	rec->acc = (u8)acc;
	rec->modify = false;
	rec->size = 1;
	rec->expr = NULL;
	q = NULL;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		q = parse_hex(p + 2, &v);
	else if (*p >= '0' && *p <= '9')
		q = parse_dec(p, &v);
	if (q != NULL && (*q == 0 || *q == ' ' || *q == '\t')) {
		const char *s = skip_blank(q);
		u64 size;

		rec->va = v;
		if (*s == 0)
			return 1;
		q = parse_dec(s, &size);
		if (q != NULL && *skip_blank(q) == 0 && size > 0 &&
		    size <= 0xffffffffULL) {
			rec->size = (u32)size;
			return 1;
		}
	}
	/* trailing blanks off: the expression is evaluated as written */
	for (h = line + strlen(line); h > p && (h[-1] == ' ' || h[-1] == '\t');)
		*--h = 0;
	rec->expr = p;
	return 1;
}

static bool
valgrind_note(const char *p)
{
	return p[0] == '=' && p[1] == '=';
}

/* The first lines: which format is it? */
static enum trace_fmt
detect(char *line)
{
	struct trace_rec rec;
	const char *p = skip_blank(line);
	const char *q;

	if (parse_lackey(line, &rec) != NULL)
		return TFMT_LACKEY;
	if (strstr(line, " byte(s) @ 0x") != NULL ||
	    strstr(line, "<marker:") != NULL ||
	    !strncmp(p, "Output format:", 14) || strstr(line, "<--record#->"))
		return TFMT_DRCACHESIM;
	if (plain_kind(p, &q) >= 0)
		return TFMT_PLAIN;
	return TFMT_NONE;
}

static int
bad(struct trace_reader *r, char *why, size_t n, const char *fmt)
{
	r->bad++;
	snprintf(why, n, "%s", fmt);
	if (r->good == 0 && r->bad >= TREAD_PROBE) {
		snprintf(why, n, "not a trace: %llu bad lines and no access "
			 "(formats: valgrind lackey, drcachesim view, r|w|x "
			 "ADDR [SIZE])", (unsigned long long)r->bad);
		return TR_FATAL;
	}
	return TR_BAD;
}

int
trace_parse_line(struct trace_reader *r, char *line, size_t len,
		 struct trace_rec *rec, char *why, size_t n)
{
	int k;

	/* a lackey line parsed to its end has no NUL inside */
	if (likely(r->fmt == TFMT_LACKEY) &&
	    likely(parse_lackey(line, rec) == line + len)) {
		r->good++;
		return TR_REC;
	}
	if (memchr(line, 0, len) != NULL) {
		snprintf(why, n, "binary data (a NUL byte): not a text trace");
		return TR_FATAL;
	}
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = 0;
	if (r->fmt == TFMT_LACKEY) {
		if (parse_lackey(line, rec) == line + len) {
			r->good++;
			return TR_REC;
		}
		if (len == 0 || valgrind_note(line))
			return 0;
		return bad(r, why, n, "not a lackey line ('I  ADDR,SIZE', "
			   "' L|S|M ADDR,SIZE')");
	}
	if (r->fmt == TFMT_NONE) {
		const char *p = skip_blank(line);

		if (*p == 0 || *p == '#' || valgrind_note(line))
			return 0;
		r->fmt = detect(line);
		if (r->fmt == TFMT_NONE)
			return bad(r, why, n, "not a trace line (formats: "
				   "valgrind lackey, drcachesim view, "
				   "r|w|x ADDR [SIZE])");
		return trace_parse_line(r, line, len, rec, why, n);
	}
	if (r->fmt == TFMT_DRCACHESIM) {
		k = parse_drcachesim(line, rec);
		if (k < 0)
			return bad(r, why, n, "not a drcachesim view line "
				   "('... read|write|ifetch N byte(s) @ "
				   "0xADDR')");
	} else {
		k = parse_plain(line, rec);
		if (k < 0)
			return bad(r, why, n, "each line is 'r|w|x ADDR "
				   "[SIZE]'");
	}
	if (k > 0)
		r->good++;
	return k > 0 ? TR_REC : 0;
}

/* Refill: keep the partial line at pos, read after it. */
static int
refill(struct trace_reader *r, char *why, size_t n)
{
	ssize_t k;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	do
		k = read(r->fd, r->buf + r->len, TREAD_BUF - r->len);
	while (k < 0 && errno == EINTR && !interrupt_pending());
	if (k < 0) {
		if (errno == EINTR)
			return 0;	/* Ctrl-C: the caller sees it */
		snprintf(why, n, "read error: %s", strerror(errno));
		return TR_FATAL;
	}
	if (k == 0)
		r->eof = true;
	r->len += (size_t)k;
	r->buf[r->len] = 0;	/* a sentinel: the parsers stop at a NUL */
	return 1;
}

int
trace_read(struct trace_reader *r, struct trace_rec *rec, char *why,
	   size_t n)
{
	/*
	 * A lackey line parsed straight from the buffer, in one pass: the
	 * parser stops at the newline, or at the sentinel after the data
	 * (then the line is not whole yet, and the general path reads on).
	 */
	if (likely(r->fmt == TFMT_LACKEY && !r->skipping)) {
		const char *p = r->buf + r->pos, *q = parse_lackey_to(p, rec);

		if (likely(q != NULL && *q == '\n' && q - p < TREAD_LINE)) {
			r->pos = (size_t)(q + 1 - r->buf);
			r->lineno++;
			r->good++;
			return TR_REC;
		}
	}
	for (;;) {
		char *s = r->buf + r->pos, *nl;
		size_t avail = r->len - r->pos, len;
		int k;

		nl = memchr(s, '\n', avail);
		if (nl == NULL) {
			if (r->eof) {
				if (avail == 0)
					return TR_EOF;
				nl = s + avail;		/* the last line */
			} else if (r->skipping || avail >= TREAD_LINE) {
				/* a long line: drop what we have */
				r->pos = r->len;
				if (!r->skipping) {
					r->lineno++;
					r->skipping = true;
					return bad(r, why, n, "line longer "
						   "than 4096 bytes");
				}
				if ((k = refill(r, why, n)) <= 0)
					return k;
				continue;
			} else {
				if ((k = refill(r, why, n)) <= 0)
					return k;
				continue;
			}
		}
		len = (size_t)(nl - s);
		*nl = 0;
		r->pos += len + (r->pos + len < r->len);
		if (r->skipping) {
			r->skipping = false;
			continue;
		}
		r->lineno++;
		if (len >= TREAD_LINE)
			return bad(r, why, n, "line longer than 4096 bytes");
		k = trace_parse_line(r, s, len, rec, why, n);
		if (k != 0)
			return k;
	}
}
