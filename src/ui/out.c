// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Text and JSON printers.
 *
 * Text is fitted to the width of the output: out_printf() and out_puts()
 * gather a line, and a line wider than the output is broken at word
 * boundaries, each continuation indented under the column its value starts
 * at (a hanging indent).  Where a line is a row of fields separated by two
 * or more spaces (a walk step, a table row), a break between fields is
 * preferred to one inside a field.  A word is never broken: a path or a
 * number wider than the room left stands alone on its line.  A command that
 * prints a /proc file's format (CMD_PROCFMT) keeps the kernel's columns.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ptwalk/out.h"

/*
 * The width: $COLUMNS, else the terminal's (the output's, or at the prompt
 * the session's terminal, where a pager shows the output).  Output to a
 * file or a pipe with no COLUMNS is not wrapped at all (the widest width):
 * a script that greps a line finds it whole.
 */
static int
tty_width(int fd)
{
	struct winsize ws;

	if (fd < 0 || !isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0)
		return 0;
	return ws.ws_col;
}

int
out_width(struct ctx *ctx)
{
	const char *c = getenv("COLUMNS");
	long w = 0;

	if (c != NULL && *c) {
		char *end;

		w = strtol(c, &end, 10);
		if (*end || w <= 0)
			w = 0;
	}
	if (w == 0 && ctx->out != NULL)
		w = tty_width(fileno(ctx->out));
	if (w == 0 && ctx->interactive)
		w = tty_width(STDOUT_FILENO);
	if (w == 0)
		w = OUT_MAX_WIDTH;
	if (w < OUT_MIN_WIDTH)
		w = OUT_MIN_WIDTH;
	if (w > OUT_MAX_WIDTH)
		w = OUT_MAX_WIDTH;
	return (int)w;
}

static int
width(struct ctx *ctx)
{
	if (ctx->width == 0)
		ctx->width = out_width(ctx);
	return ctx->width;
}

/* Columns of s[0..n): a UTF-8 continuation byte takes none. */
static int
ucols(const char *s, size_t n)
{
	int c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Write s[0..n), a NBSP as a space. */
static void
put_span(FILE *f, const char *s, size_t n)
{
	while (n > 0) {
		const char *nb = memchr(s, NBSP, n);
		size_t k = nb ? (size_t)(nb - s) : n;

		fwrite(s, 1, k, f);
		if (nb == NULL)
			break;
		fputc(' ', f);
		s += k + 1;
		n -= k + 1;
	}
}

/*
 * A line is a row of fields separated by runs of two or more spaces: a
 * label and its value, a walk step's address arithmetic, flags and next
 * table, the cells of a table.  Spaces inside "..." separate nothing.
 */
#define MAX_FIELDS	32
#define LABEL_MAX	24	/* a field this wide or less is a label or a cell */
#define MIN_ROOM	30	/* the least room a hanging indent may leave */

struct field {
	size_t pos, end;	/* bytes [pos, end) */
	int col, width;		/* its first column and its columns */
};

struct line {
	const char *s;
	size_t n;
	int indent;
	int nf;
	struct field f[MAX_FIELDS];
};

/*
 * The last byte of the unit that starts at s[i], where a line never
 * breaks: a quoted string, a short parenthesized group ("(P US A)",
 * "(order 0)"); else i.
 */
#define GROUP_MAX	16

static size_t
quote_end(const char *s, size_t i, size_t n)
{
	const char *q;
	size_t j;

	if (s[i] == '"') {
		q = memchr(s + i + 1, '"', n - i - 1);
		return q ? (size_t)(q - s) : i;
	}
	if (s[i] != '(')
		return i;
	for (j = i + 1; j < n && j <= i + GROUP_MAX; j++) {
		if (s[j] == '(')
			return i;
		if (s[j] == ')')
			return j;
	}
	return i;
}

static void
split_fields(struct line *L)
{
	const char *s = L->s;
	size_t i, fpos;
	int col;

	L->indent = 0;
	while ((size_t)L->indent < L->n && s[L->indent] == ' ')
		L->indent++;
	L->nf = 0;
	i = fpos = (size_t)L->indent;
	col = L->indent;
	while (i <= L->n) {
		size_t j = i;

		while (j < L->n && s[j] == ' ')
			j++;
		if (i == L->n || (j - i >= 2 && j < L->n)) {
			struct field *f = &L->f[L->nf];

			f->pos = fpos;
			f->end = i;
			f->col = col - ucols(s + fpos, i - fpos);
			f->width = ucols(s + fpos, i - fpos);
			if (i == L->n || L->nf == MAX_FIELDS - 1) {
				f->end = L->n;
				f->width = ucols(s + fpos, L->n - fpos);
				L->nf++;
				return;
			}
			L->nf++;
			col += (int)(j - i);
			fpos = i = j;
			continue;
		}
		if (j > i) {
			col += (int)(j - i);
			i = j;
			continue;
		}
		j = quote_end(s, i, L->n);
		col += ucols(s + i, j - i + 1);
		i = j + 1;
	}
}

static int
field_of(const struct line *L, size_t pos)
{
	int k = 0;

	while (k + 1 < L->nf && L->f[k + 1].pos <= pos)
		k++;
	return k;
}

/* Where a line breaks: [.., at) stays, the next line starts at next. */
struct brk {
	size_t at, next;
	int col;		/* the column at `at` */
};

/*
 * The last break of L->s[i..n), which starts at column col, before the
 * text passes width w: at any space (word) and at a run between fields
 * (field).  A word wider than the room is kept whole, alone on its line.
 * False when the rest fits, or is one word that cannot be broken.
 */
static bool
find_breaks(const struct line *L, size_t i, int col, int w, struct brk *word,
	    struct brk *field)
{
	const char *s = L->s;
	size_t n = L->n;

	word->col = field->col = -1;
	while (i < n) {
		size_t j = i;

		if (s[i] != ' ') {
			j = quote_end(s, i, n);
			col += ucols(s + i, j - i + 1);
			i = j + 1;
			if (col > w && word->col >= 0)
				return true;
			continue;
		}
		while (j < n && s[j] == ' ')
			j++;
		if (j == n)	/* only trailing spaces left */
			return col > w && word->col >= 0;
		if (col <= w) {
			*word = (struct brk){ i, j, col };
			if (j - i >= 2 && i > (size_t)L->indent)
				*field = *word;
		} else if (word->col < 0) {
			*word = (struct brk){ i, j, col };
			return true;
		}
		col += (int)(j - i);
		i = j;
	}
	/* one word to the end: nowhere to break */
	return col > w && word->col >= 0;
}

static bool
short_before(const struct line *L, int k)
{
	int i;

	for (i = 0; i < k; i++)
		if (L->f[i].width > LABEL_MAX)
			return false;
	return true;
}

/*
 * An indented line that starts with a short word and one space ("region
 * vmalloc; ...", "frames 245 pages ..."): a label whose column is one
 * space wide; continuations hang under its value.  -1 otherwise.
 */
#define WORD_LABEL_MAX	8

static int
label_hang(const struct line *L)
{
	size_t i = (size_t)L->indent, j = i;

	if (L->indent < 2)
		return -1;
	while (j < L->n && (isalnum((unsigned char)L->s[j]) || L->s[j] == '_'))
		j++;
	if (j == i || j - i > WORD_LABEL_MAX || j + 1 >= L->n ||
	    L->s[j] != ' ' || L->s[j + 1] == ' ')
		return -1;
	return L->indent + (int)(j - i) + 1;
}

/*
 * Choose the first break of a line wider than w, and the hanging indent of
 * its continuations:
 * - inside a wide field that is a column of its own (short fields before
 *   it, enough room under it): a word break, hanging under that field
 *   (a table's last column, a label's long value);
 * - else between fields in the right half: the short cells after it move
 *   down, hanging under the value after a short label (a walk step);
 * - else at the last word, under the field it falls in, or four columns in.
 */
static void
first_break(const struct line *L, int w, struct brk *b, int *hang)
{
	struct brk word, field;
	int k;

	find_breaks(L, (size_t)L->indent, L->indent, w, &word, &field);
	k = field_of(L, word.at);
	*hang = -1;
	if (k >= 1 && L->f[k].width > LABEL_MAX && short_before(L, k) &&
	    w - L->f[k].col >= MIN_ROOM && word.at > L->f[k].pos) {
		*b = word;
		*hang = L->f[k].col;
		return;
	}
	if (field.col >= w / 2) {
		*b = field;
		if (L->nf >= 2 && L->f[0].width <= LABEL_MAX &&
		    L->f[1].pos < field.at)
			*hang = L->f[1].col;
	} else {
		*b = word;
		if (k >= 1 && short_before(L, k) && word.at > L->f[k].pos)
			*hang = L->f[k].col;
	}
	if (*hang < 0 && L->nf == 1)
		*hang = label_hang(L);
	if (*hang < 0 || w - *hang < MIN_ROOM)
		*hang = L->indent + 4;
	if (w - *hang < MIN_ROOM)
		*hang = w > MIN_ROOM + 4 ? 4 : 0;
}

/*
 * Write one line (without its newline) fitted to width w.  With hang < 0
 * the breaks and the hanging indent follow the line's fields; else every
 * space is a word break (prose, whose sentences may end with two spaces)
 * and continuations start at column hang.
 */
static void
wrap_line(struct ctx *ctx, const char *s, size_t n, int hang, int w)
{
	FILE *f = ctx->out;
	struct line L = { .s = s, .n = n };
	struct brk b, field;
	bool fields = hang < 0;
	size_t i = 0;

	/* unwrapped output, or a line that fits: no fields to look at */
	if (w <= 0 || (n <= (size_t)w && memchr(s, '\t', n) == NULL)) {
		put_span(f, s, n);
		fputc('\n', f);
		return;
	}
	split_fields(&L);
	if (!find_breaks(&L, (size_t)L.indent, L.indent, w, &b, &field)) {
		put_span(f, s, n);
		fputc('\n', f);
		return;
	}
	if (fields)
		first_break(&L, w, &b, &hang);
	for (;;) {
		put_span(f, s + i, b.at - i);
		fputc('\n', f);
		i = b.next;
		fprintf(f, "%*s", hang, "");
		if (!find_breaks(&L, i, hang, w, &b, &field))
			break;
		/* keep short cells together, as on the first line */
		if (fields && field.col >= hang + (w - hang) / 2 &&
		    L.f[field_of(&L, b.at)].width <= LABEL_MAX)
			b = field;
	}
	put_span(f, s + i, n - i);
	fputc('\n', f);
}

static bool
procfmt(const struct ctx *ctx)
{
	return ctx->item != NULL && ctx->item->cmd != NULL &&
	       (ctx->item->cmd->flags & CMD_PROCFMT);
}

/* Write the complete lines gathered; keep a partial one. */
static void
drain(struct ctx *ctx)
{
	struct strbuf *l = &ctx->oline;
	size_t start = 0;
	char *nl;

	while ((nl = memchr(l->buf + start, '\n', l->len - start)) != NULL) {
		size_t n = (size_t)(nl - (l->buf + start));

		if (procfmt(ctx)) {
			put_span(ctx->out, l->buf + start, n);
			fputc('\n', ctx->out);
		} else {
			wrap_line(ctx, l->buf + start, n, -1, width(ctx));
		}
		start += n + 1;
	}
	if (start > 0) {
		memmove(l->buf, l->buf + start, l->len - start);
		l->len -= start;
		l->buf[l->len] = 0;
	}
}

void
out_flush(struct ctx *ctx)
{
	if (ctx->oline.buf == NULL || ctx->oline.len == 0)
		return;
	drain(ctx);
	if (ctx->oline.len > 0) {
		put_span(ctx->out, ctx->oline.buf, ctx->oline.len);
		sb_reset(&ctx->oline);
	}
}

void
out_printf(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->json)
		return;
	if (ctx->oline.buf == NULL)
		sb_init(&ctx->oline);
	va_start(ap, fmt);
	sb_vaddf(&ctx->oline, fmt, ap);
	va_end(ap);
	drain(ctx);
}

void
out_puts(struct ctx *ctx, const char *s)
{
	if (ctx->json)
		return;
	if (ctx->oline.buf == NULL)
		sb_init(&ctx->oline);
	sb_adds(&ctx->oline, s);
	drain(ctx);
}

/*
 * Prose: text wrapped at the prose measure, the first line after first,
 * the others after rest (spaces); a newline breaks the line, an empty line
 * is a paragraph break.
 */
void
out_wrap(struct ctx *ctx, const char *first, const char *rest,
	 const char *text)
{
	int w = width(ctx) < OUT_PROSE ? width(ctx) : OUT_PROSE;
	const char *p = text, *ind = first;
	struct strbuf sb;

	if (ctx->json)
		return;
	out_flush(ctx);
	sb_init(&sb);
	while (*p) {
		size_t l = strcspn(p, "\n");

		sb_reset(&sb);
		sb_adds(&sb, ind);
		sb_add(&sb, p, l);
		wrap_line(ctx, sb.buf, sb.len, (int)strlen(rest), w);
		ind = rest;
		p += l;
		if (*p == '\n')
			p++;
		if (*p == '\n') {	/* a paragraph break */
			fputc('\n', ctx->out);
			p++;
		}
	}
	sb_release(&sb);
}

/*
 * A help text: its paragraphs (lines that start with a letter) are filled
 * again at the prose measure; indented lines (tables, examples) are kept.
 */
void
out_text(struct ctx *ctx, const char *text)
{
	const char *p = text;
	struct strbuf para;

	if (ctx->json)
		return;
	sb_init(&para);
	while (*p) {
		size_t l = strcspn(p, "\n");

		if (l > 0 && *p != ' ') {
			if (para.len > 0)
				sb_adds(&para, strchr(".:?!", para.buf[para.len - 1]) ?
					"  " : " ");
			sb_add(&para, p, l);
		} else {
			if (para.len > 0)
				out_wrap(ctx, "", "", para.buf);
			sb_reset(&para);
			out_printf(ctx, "%.*s\n", (int)l, p);
		}
		p += l;
		if (*p == '\n')
			p++;
	}
	if (para.len > 0)
		out_wrap(ctx, "", "", para.buf);
	sb_release(&para);
}

void
json_escape(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': sb_adds(sb, "\\\""); break;
		case '\\': sb_adds(sb, "\\\\"); break;
		case '\n': sb_adds(sb, "\\n"); break;
		case '\t': sb_adds(sb, "\\t"); break;
		case '\r': sb_adds(sb, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				sb_addf(sb, "\\u%04x", c);
			} else if (c < 0x80) {
				sb_addc(sb, (char)c);
			} else {
				/* keep valid UTF-8; a stray byte becomes U+00XX */
				int n = (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ?
					2 : (c & 0xf8) == 0xf0 ? 3 : -1, k;

				for (k = 1; n > 0 && k <= n; k++)
					if (((unsigned char)s[k] & 0xc0) != 0x80)
						n = -1;
				if (n > 0) {
					sb_add(sb, s, (size_t)n + 1);
					s += n;
				} else {
					sb_addf(sb, "\\u%04x", c);
				}
			}
		}
	}
	sb_addc(sb, '"');
}

/* JSON goes into the running command's object (ctx->item). */
static bool
json_on(const struct ctx *ctx)
{
	return ctx->json && ctx->item != NULL;
}

/* Start a field (key NULL: an array element); returns where its value goes. */
static struct strbuf *
j_key(struct ctx *ctx, const char *key)
{
	struct cmd_item *it = ctx->item;
	int d;

	if (!it->jopen)
		out_begin(ctx);	/* a field before the dispatcher opened it */
	d = it->jdepth > 0 ? it->jdepth - 1 : 0;
	if (!it->jfirst[d])
		sb_addc(&it->js, ',');
	it->jfirst[d] = false;
	if (key != NULL) {
		json_escape(&it->js, key);
		sb_addc(&it->js, ':');
	}
	return &it->js;
}

void
out_begin(struct ctx *ctx)
{
	struct cmd_item *it = ctx->item;

	/* a terminal may have been resized since the last command */
	ctx->width = out_width(ctx);
	if (!json_on(ctx))
		return;
	sb_reset(&it->js);
	sb_addc(&it->js, '{');
	it->jdepth = 1;
	it->jfirst[0] = true;
	it->jopen = true;
	j_str(ctx, "cmd", it->cmd != NULL ? it->cmd->name :
	      it->name != NULL ? it->name : "");
}

static void
j_close(struct ctx *ctx)
{
	struct cmd_item *it = ctx->item;

	while (it->jdepth > 1) {
		/* unbalanced builder use: close what is open */
		sb_addc(&it->js, '}');
		it->jdepth--;
	}
	sb_adds(&it->js, "}\n");
	fputs(it->js.buf, ctx->out);
	it->jopen = false;
	it->jdepth = 0;
}

void
j_next(struct ctx *ctx)
{
	if (!json_on(ctx))
		return;
	if (ctx->item->jopen)
		j_close(ctx);
	out_begin(ctx);
}

void
out_end(struct ctx *ctx)
{
	struct cmd_item *it = ctx->item;

	out_flush(ctx);
	if (!json_on(ctx))
		return;
	if (!it->jopen)
		out_begin(ctx);
	if (it->has_value)
		j_hex(ctx, "value", it->value);
	if (it->failed)
		j_str(ctx, "error", it->err.buf);
	j_close(ctx);
}

void
j_str(struct ctx *ctx, const char *key, const char *s)
{
	if (json_on(ctx))
		json_escape(j_key(ctx, key), s ? s : "");
}

void
j_hex(struct ctx *ctx, const char *key, u64 v)
{
	if (json_on(ctx))
		sb_addf(j_key(ctx, key), "\"0x%llx\"", (unsigned long long)v);
}

void
j_u64(struct ctx *ctx, const char *key, u64 v)
{
	if (!json_on(ctx))
		return;
	if (v > (1ULL << 53))
		sb_addf(j_key(ctx, key), "\"0x%llx\"", (unsigned long long)v);
	else
		sb_addf(j_key(ctx, key), "%llu", (unsigned long long)v);
}

void
j_int(struct ctx *ctx, const char *key, long long v)
{
	if (json_on(ctx))
		sb_addf(j_key(ctx, key), "%lld", v);
}

void
j_bool(struct ctx *ctx, const char *key, bool v)
{
	if (json_on(ctx))
		sb_adds(j_key(ctx, key), v ? "true" : "false");
}

void
j_null(struct ctx *ctx, const char *key)
{
	if (json_on(ctx))
		sb_adds(j_key(ctx, key), "null");
}

static void
j_open(struct ctx *ctx, const char *key, char c)
{
	struct cmd_item *it = ctx->item;

	if (!json_on(ctx))
		return;
	sb_addc(j_key(ctx, key), c);
	if (it->jdepth < (int)ARRAY_SIZE(it->jfirst)) {
		it->jfirst[it->jdepth] = true;
		it->jdepth++;
	}
}

static void
j_shut(struct ctx *ctx, char c)
{
	if (!json_on(ctx) || ctx->item->jdepth <= 1)
		return;
	sb_addc(&ctx->item->js, c);
	ctx->item->jdepth--;
}

void j_arr(struct ctx *ctx, const char *key) { j_open(ctx, key, '['); }
void j_arr_end(struct ctx *ctx) { j_shut(ctx, ']'); }
void j_obj(struct ctx *ctx, const char *key) { j_open(ctx, key, '{'); }
void j_obj_end(struct ctx *ctx) { j_shut(ctx, '}'); }

