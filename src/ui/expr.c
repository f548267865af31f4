// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Numbers and expressions (recursive descent, unsigned 64-bit).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ptwalk/expr.h"

struct parser {
	const char *s, *p;
	const struct expr_env *env;
	char *err;
	size_t n;
	int depth;
	bool failed;
};

static int
fail(struct parser *ps, const char *fmt, const char *a)
{
	if (!ps->failed) {
		snprintf(ps->err, ps->n, fmt, a);
		ps->failed = true;
	}
	return -1;
}

static void
skip(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static int
digit(int c, int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < base ? d : -1;
}

/* Number at ps->p: digits, then an optional K/M/G/T/P suffix (+ "iB"/"B"). */
static int
number(struct parser *ps, u64 *v)
{
	const char *start = ps->p, *q = ps->p;
	char tok[80];
	int base = 10, d, shift = 0;
	u64 x = 0;
	bool any = false;

	if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
		base = 16;
		q += 2;
	} else if (q[0] == '0' && (q[1] == 'b' || q[1] == 'B') &&
		   (q[2] == '0' || q[2] == '1')) {
		base = 2;
		q += 2;
	} else if (q[0] == '0' && isdigit((unsigned char)q[1])) {
		base = 8;
		q += 1;
	}
	for (;; q++) {
		if (*q == '_' && any)
			continue;
		d = digit((unsigned char)*q, base);
		if (d < 0)
			break;
		any = true;
		if (x > (UINT64_MAX - (u64)d) / (u64)base) {
			size_t l = strcspn(start, " \t+-*/%()&|^<>~");

			snprintf(tok, sizeof(tok), "%.*s", (int)MIN(l, 60), start);
			return fail(ps, "'%s' does not fit in 64 bits", tok);
		}
		x = x * (u64)base + (u64)d;
	}
	if (!any && base == 8)
		any = true;	/* "0" */
	switch (*q) {
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	case 't': case 'T': shift = 40; break;
	case 'p': case 'P': shift = 50; break;
	}
	if (shift && base != 16) {
		q++;
		if (q[0] == 'i' && q[1] == 'B')
			q += 2;
		else if (q[0] == 'B')
			q++;
		if (x > (UINT64_MAX >> shift)) {
			snprintf(tok, sizeof(tok), "%.*s",
				 (int)MIN((size_t)(q - start), 60), start);
			return fail(ps, "'%s' does not fit in 64 bits", tok);
		}
		x <<= shift;
	}
	if (!any || isalnum((unsigned char)*q) || *q == '_' || *q == '.') {
		size_t l = strcspn(start, " \t+-*/%()&|^<>~");

		snprintf(tok, sizeof(tok), "%.*s", (int)MIN(l, 60), start);
		return fail(ps, base == 8 && !any ? "bad number '%s'" :
			    "bad number '%s'", tok);
	}
	ps->p = q;
	*v = x;
	return 0;
}

static int expr_or(struct parser *ps, u64 *v);

static int
primary(struct parser *ps, u64 *v)
{
	char name[128];
	size_t l;

	skip(ps);
	if (*ps->p == '(') {
		if (++ps->depth > 64)
			return fail(ps, "%s", "expression nested too deeply");
		ps->p++;
		if (expr_or(ps, v))
			return -1;
		skip(ps);
		if (*ps->p != ')')
			return fail(ps, "%s", "missing ')'");
		ps->p++;
		ps->depth--;
		return 0;
	}
	if (isdigit((unsigned char)*ps->p))
		return number(ps, v);
	if (*ps->p == '$' || isalpha((unsigned char)*ps->p) || *ps->p == '_' ||
	    *ps->p == '.') {
		const char *q = ps->p + 1;
		char err[256];

		while (isalnum((unsigned char)*q) || *q == '_' || *q == '.' ||
		       *q == '@' || (*q == '$' && ps->p[0] == '$' && q == ps->p + 1))
			q++;
		l = (size_t)(q - ps->p);
		if (l >= sizeof(name))
			return fail(ps, "%s", "symbol name too long");
		memcpy(name, ps->p, l);
		name[l] = 0;
		ps->p = q;
		if (ps->env == NULL || ps->env->lookup == NULL)
			return fail(ps, "unknown symbol '%s'", name);
		err[0] = 0;
		if (ps->env->lookup(ps->env->opaque, name, v, err, sizeof(err))) {
			if (!ps->failed) {
				snprintf(ps->err, ps->n, "%s", err[0] ? err :
					 "unknown symbol");
				ps->failed = true;
			}
			return -1;
		}
		return 0;
	}
	if (*ps->p == 0)
		return fail(ps, "%s", "missing operand");
	name[0] = *ps->p;
	name[1] = 0;
	return fail(ps, "unexpected '%s'", name);
}

static int
unary(struct parser *ps, u64 *v)
{
	skip(ps);
	if (*ps->p == '~') {
		ps->p++;
		if (unary(ps, v))
			return -1;
		*v = ~*v;
		return 0;
	}
	if (*ps->p == '+') {
		ps->p++;
		return unary(ps, v);
	}
	if (*ps->p == '-') {
		ps->p++;
		if (unary(ps, v))
			return -1;
		if (*v != 0)
			return fail(ps, "%s", "negative value (addresses and "
				    "sizes are unsigned)");
		return 0;
	}
	return primary(ps, v);
}

static int
mul(struct parser *ps, u64 *v)
{
	u64 r;

	if (unary(ps, v))
		return -1;
	for (;;) {
		char op;

		skip(ps);
		op = *ps->p;
		if (op != '*' && op != '/' && op != '%')
			return 0;
		ps->p++;
		if (unary(ps, &r))
			return -1;
		if (op == '*') {
			if (__builtin_mul_overflow(*v, r, v))
				return fail(ps, "%s", "overflow: the product "
					    "does not fit in 64 bits");
		} else {
			if (r == 0)
				return fail(ps, "%s", "division by zero");
			*v = op == '/' ? *v / r : *v % r;
		}
	}
}

static int
add(struct parser *ps, u64 *v)
{
	u64 r;

	if (mul(ps, v))
		return -1;
	for (;;) {
		char op;

		skip(ps);
		op = *ps->p;
		if (op != '+' && op != '-')
			return 0;
		ps->p++;
		if (mul(ps, &r))
			return -1;
		if (op == '+') {
			if (__builtin_add_overflow(*v, r, v))
				return fail(ps, "%s", "overflow: the sum does "
					    "not fit in 64 bits");
		} else {
			if (r > *v)
				return fail(ps, "%s", "negative result "
					    "(addresses are unsigned)");
			*v -= r;
		}
	}
}

static int
shift(struct parser *ps, u64 *v)
{
	u64 r;

	if (add(ps, v))
		return -1;
	for (;;) {
		bool left;

		skip(ps);
		if (ps->p[0] == '<' && ps->p[1] == '<')
			left = true;
		else if (ps->p[0] == '>' && ps->p[1] == '>')
			left = false;
		else
			return 0;
		ps->p += 2;
		if (add(ps, &r))
			return -1;
		if (r >= 64)
			return fail(ps, "%s", "shift count must be below 64");
		if (left) {
			if (r && (*v >> (64 - r)))
				return fail(ps, "%s", "overflow: the shift "
					    "loses bits");
			*v <<= r;
		} else {
			*v >>= r;
		}
	}
}

#define BINOP(fn, next, ch, expr)					\
static int								\
fn(struct parser *ps, u64 *v)						\
{									\
	u64 r;								\
									\
	if (next(ps, v))						\
		return -1;						\
	for (;;) {							\
		skip(ps);						\
		if (ps->p[0] != ch || ps->p[1] == ch)			\
			return 0;					\
		ps->p++;						\
		if (next(ps, &r))					\
			return -1;					\
		*v = expr;						\
	}								\
}
BINOP(expr_and, shift, '&', *v & r)
BINOP(expr_xor, expr_and, '^', *v ^ r)
BINOP(expr_or, expr_xor, '|', *v | r)

int
expr_eval(const char *s, const struct expr_env *env, u64 *v, char *err,
	  size_t n)
{
	struct parser ps = { s, s, env, err, n, 0, false };

	if (expr_or(&ps, v))
		return -1;
	skip(&ps);
	if (*ps.p != 0) {
		char tok[64];

		snprintf(tok, sizeof(tok), "%.40s", ps.p);
		fail(&ps, "unexpected '%s'", tok);
		return -1;
	}
	return 0;
}

int
parse_number(const char *s, u64 *v, char *err, size_t n)
{
	struct parser ps = { s, s, NULL, err, n, 0, false };

	while (*ps.p == ' ')
		ps.p++;
	if (!isdigit((unsigned char)*ps.p)) {
		snprintf(err, n, "bad number '%.40s'", s);
		return -1;
	}
	if (number(&ps, v))
		return -1;
	skip(&ps);
	if (*ps.p) {
		snprintf(err, n, "bad number '%.40s'", s);
		return -1;
	}
	return 0;
}
