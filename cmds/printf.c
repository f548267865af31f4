// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Print values under a format string: gdb's printf.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"

#define MAX_WIDTH 1024	/* a width or precision above this is a typo */

/* The string literal at *pp, escapes done, into sb. */
static int
literal(struct ctx *ctx, const char **pp, struct strbuf *sb)
{
	static const char from[] = "abefnrtv\\\"'", to[] = "\a\b\033\f\n\r\t\v\\\"'";
	const char *p = *pp;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '"')
		return cmd_error(ctx, "FORMAT must be a string in double quotes: "
				 "printf \"%%#x\\n\", $_");
	for (p++; *p && *p != '"'; p++) {
		const char *e;

		if (*p != '\\') {
			sb_addc(sb, *p);
			continue;
		}
		p++;
		if (*p >= '0' && *p <= '7') {
			int v = 0, n;

			for (n = 0; n < 3 && *p >= '0' && *p <= '7'; n++)
				v = v * 8 + (*p++ - '0');
			p--;
			sb_addc(sb, (char)v);
		} else if (*p && (e = strchr(from, *p)) != NULL) {
			sb_addc(sb, to[e - from]);
		} else {
			return cmd_error(ctx, "FORMAT: unknown escape '\\%c' (\\n, "
					 "\\t, \\\", \\\\, \\NNN ...)", *p ? *p : ' ');
		}
	}
	if (*p != '"')
		return cmd_error(ctx, "FORMAT: missing closing '\"'");
	*pp = p + 1;
	return 0;
}

/* The values after the format: expressions separated by commas. */
static int
values(struct ctx *ctx, const char *p, u64 **vp, int *np)
{
	int n = 0, depth = 0;
	const char *start;

	*vp = NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == 0)
		goto out;
	if (*p != ',')
		return cmd_error(ctx, "a ',' must follow the format, not '%.20s'",
				 p);
	for (start = ++p;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if (*p == 0 || (*p == ',' && depth == 0)) {
			char *e = xasprintf("%.*s", (int)(p - start), start);
			char what[32];
			u64 v;
			int r;

			snprintf(what, sizeof(what), "value %d", n + 1);
			if (strspn(e, " \t") == strlen(e))
				r = cmd_error(ctx, "%s is empty", what);
			else if ((r = arg_u64(ctx, e, what, &v)) == 0) {
				*vp = xrealloc(*vp, (size_t)(n + 1) * sizeof(**vp));
				(*vp)[n++] = v;
			}
			free(e);
			if (r)
				return -1;
			if (*p == 0)
				break;
			start = p + 1;
		}
	}
out:
	*np = n;
	return 0;
}

/*
 * One conversion of v: spec is "%", the flags, width and precision, h the
 * number of h length letters (the others change nothing: every value is
 * 64 bits), conv the letter.
 */
static int
convert(struct ctx *ctx, const char *spec, int h, char conv, u64 v,
	struct strbuf *out)
{
	char f[48];

	if (h >= 2)
		v = conv == 'd' || conv == 'i' ? (u64)(long long)(signed char)v :
			(unsigned char)v;
	else if (h == 1)
		v = conv == 'd' || conv == 'i' ? (u64)(long long)(short)v :
			(unsigned short)v;
	switch (conv) {
	case 'd': case 'i':
		snprintf(f, sizeof(f), "%sll%c", spec, conv);
		sb_addf(out, f, (long long)v);
		break;
	case 'u': case 'x': case 'X': case 'o':
		snprintf(f, sizeof(f), "%sll%c", spec, conv);
		sb_addf(out, f, (unsigned long long)v);
		break;
	case 'c':
		snprintf(f, sizeof(f), "%sc", spec);
		sb_addf(out, f, (int)(unsigned char)v);
		break;
	case 'p': {
		char hex[24];

		snprintf(hex, sizeof(hex), "0x%llx", (unsigned long long)v);
		snprintf(f, sizeof(f), "%ss", spec);
		sb_addf(out, f, hex);
		break;
	}
	case 's':
		return cmd_error(ctx, "%%s: ptwalk's values are numbers ('x/s "
				 "ADDR' shows a string in memory)");
	default:
		return cmd_error(ctx, "'%%%c': not a conversion printf knows "
				 "(d i u x X o c p, and %%%%)", conv);
	}
	return 0;
}

/* Format the literal fmt with v[0..n); every value used exactly once. */
static int
render(struct ctx *ctx, const char *fmt, const u64 *v, int n,
       struct strbuf *out)
{
	const char *p = fmt;
	int used = 0;

	for (; *p; p++) {
		char spec[32];
		size_t s = 0;
		int h = 0;
		long width = 0, prec = 0;

		if (*p != '%') {
			sb_addc(out, *p);
			continue;
		}
		if (p[1] == '%') {
			sb_addc(out, '%');
			p++;
			continue;
		}
		spec[s++] = *p++;
		while (*p && strchr("-+ #0", *p) && s < 8)
			spec[s++] = *p++;
		for (; *p >= '0' && *p <= '9' && s < 20; p++) {
			width = width * 10 + (*p - '0');
			spec[s++] = *p;
		}
		if (*p == '.')
			for (spec[s++] = *p++; *p >= '0' && *p <= '9' && s < 28; p++) {
				prec = prec * 10 + (*p - '0');
				spec[s++] = *p;
			}
		spec[s] = 0;
		if (*p == '*')
			return cmd_error(ctx, "'*' widths are not supported: "
					 "write the number");
		if (width > MAX_WIDTH || prec > MAX_WIDTH || (*p >= '0' &&
							    *p <= '9'))
			return cmd_error(ctx, "'%s': a width or precision above %d",
					 spec, MAX_WIDTH);
		for (; *p && strchr("hlzj", *p); p++)
			h += *p == 'h';
		if (*p == 0)
			return cmd_error(ctx, "FORMAT ends inside a conversion");
		if (used == n)
			return cmd_error(ctx, "the format has more conversions "
					 "than the %d value%s given", n,
					 n == 1 ? "" : "s");
		if (convert(ctx, spec, h, *p, v[used++], out))
			return -1;
	}
	if (used < n)
		return cmd_error(ctx, "%d value%s given but the format uses %d",
				 n, n == 1 ? "" : "s", used);
	return 0;
}

static int
printf_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *p = args->argv[0];
	struct strbuf fmt, out;
	u64 *v = NULL;
	int n = 0, r;

	sb_init(&fmt);
	sb_init(&out);
	r = literal(ctx, &p, &fmt);
	if (r == 0)
		r = values(ctx, p, &v, &n);
	if (r == 0)
		r = render(ctx, fmt.buf, v, n, &out);
	if (r == 0) {
		out_puts(ctx, out.buf);
		j_str(ctx, "text", out.buf);
	}
	free(v);
	sb_release(&fmt);
	sb_release(&out);
	return r;
}

const struct cmd cmd_printf = {
	.name = "printf",
	.family = FAM_SESSION,
	.usage = "\"FORMAT\"[, EXPR...]",
	.summary = "print values under a C format string, as gdb's printf",
	.help =
	"Formats the values of the EXPRs ('help expressions') as C's printf\n"
	"does: printf \"pgd index %u, offset %#x\\n\", $_ >> 22, $_ & 0xfff.\n"
	"Conversions: %d %i (signed), %u, %x %X, %o, %c, %p (0x...) and %%,\n"
	"with flags (- + space # 0), a width and a precision; l, ll, z and j\n"
	"are accepted (every value is 64 bits), h and hh cut the value to 16\n"
	"and 8 bits.  FORMAT takes the escapes \\n \\t \\\" \\\\ \\a \\b \\e \\f \\r\n"
	"\\v and \\NNN (octal).  As in gdb, no newline is added: end FORMAT\n"
	"with \\n.  The values are separated by commas; the format must use\n"
	"each exactly once.  Nothing enters the value history.  Where echo\n"
	"prints its words as they are, printf shows values: $_, $N,\n"
	"registers, symbols.\n",
	.complete = "line",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = printf_run,
};
