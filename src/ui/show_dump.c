// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory dumps for x and xp: a canonical hexdump, or gdb-style x/NFU items.
 */
#include <ctype.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/ksym.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static u64
load(const u8 *p, unsigned unit)
{
	u64 v = 0;

	memcpy(&v, p, unit);	/* little-endian host and targets */
	return v;
}

/*
 * A canonical hexdump: 16 bytes a line as hexdump -C prints them, or 8
 * where 16 do not fit the output (64-bit addresses at 80 columns).
 */
static void
hexdump(struct ctx *ctx, u64 addr, const u8 *buf, u64 len, bool virt)
{
	const struct machine *m = ctx->m;
	const char *a0 = virt ? fva(m, addr) : fpa(m, addr);
	u64 i, j, per = 16;

	/* "ADDR: xx xx ... xx  xx ... xx  |ascii|" */
	if ((int)strlen(a0) + 1 + 16 * 3 + 1 + 2 + 18 > ctx->width)
		per = 8;
	for (i = 0; i < len; i += per) {
		char asc[17];

		out_printf(ctx, "%s:", virt ? fva(m, addr + i) : fpa(m, addr + i));
		for (j = 0; j < per; j++) {
			if (i + j < len) {
				out_printf(ctx, " %02x", buf[i + j]);
				asc[j] = isprint(buf[i + j]) ? (char)buf[i + j] : '.';
			} else {
				out_printf(ctx, "   ");
				asc[j] = ' ';
			}
			if (j == 7 && per == 16)
				out_printf(ctx, " ");
		}
		asc[per] = 0;
		out_printf(ctx, "  |%s|\n", asc);
	}
}

/*
 * A character as gdb prints it in a string or a character constant: the
 * C escapes \a \b \f \n \r \t \v, the quote and the backslash escaped,
 * octal for any other byte that is not printable ASCII.
 */
static void
c_escape(struct strbuf *sb, u8 c, char quote)
{
	static const char esc[] = { ['\a'] = 'a', ['\b'] = 'b', ['\f'] = 'f',
		['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't', ['\v'] = 'v' };

	if (c < sizeof(esc) && esc[c])
		sb_addf(sb, "\\%c", esc[c]);
	else if (c == quote || c == '\\')
		sb_addf(sb, "\\%c", c);
	else if (c >= 0x20 && c < 0x7f)
		sb_addc(sb, (char)c);
	else
		sb_addf(sb, "\\%03o", c);
}

/* The widest item of format fmt and unit size: gdb's x/NFU columns. */
static int
item_width(const struct xfmt *f)
{
	static const int dec[9] = { [1] = 4, [2] = 6, [4] = 11, [8] = 20 };
	static const int udec[9] = { [1] = 3, [2] = 5, [4] = 10, [8] = 20 };

	switch (f->fmt) {
	case 'd':
		return dec[f->unit];
	case 'u':
		return udec[f->unit];
	case 'o':
		return 1 + ((int)f->unit * 8 + 2) / 3;
	case 't':
		return (int)f->unit * 8;
	case 'c':
		return 8;
	default:
		return 2 + (int)f->unit * 2;
	}
}

/* Items per line: 16 bytes' worth (fewer for t and c), halved to fit. */
static u64
items_per_line(struct ctx *ctx, const struct xfmt *f, int addr_width)
{
	u64 per;

	if (f->fmt == 'a')
		return 1;
	if (f->fmt == 'c')
		per = 8;
	else if (f->fmt == 't')
		per = f->unit >= 4 ? 1 : 16 / f->unit / 2;
	else
		per = 16 / f->unit;
	while (per > 1 && addr_width + 1 + (int)per * (2 + item_width(f)) >
	       ctx->width)
		per /= 2;
	return per;
}

static void
show_strings(struct ctx *ctx, u64 addr, const u8 *buf, u64 len,
	     const struct xfmt *f, bool virt)
{
	const struct machine *m = ctx->m;
	struct strbuf sb;
	u64 n, i, off = 0;

	sb_init(&sb);
	for (n = 0; n < f->count && off < len; n++) {
		u64 e = off;

		while (e < len && buf[e])
			e++;
		sb_reset(&sb);
		for (i = off; i < e; i++)
			c_escape(&sb, buf[i], '"');
		out_printf(ctx, "%s:  \"%s\"\n", virt ? fva(m, addr + off) :
			   fpa(m, addr + off), sb.buf);
		off = e + 1;
	}
	sb_release(&sb);
}

void
show_dump(struct ctx *ctx, u64 addr, const u8 *buf, u64 len,
	  const struct xfmt *f, bool virt)
{
	const struct machine *m = ctx->m;
	u64 i, per, n;
	struct strbuf hex;

	sb_init(&hex);
	for (i = 0; i < len; i++)
		sb_addf(&hex, "%02x", buf[i]);
	j_hex(ctx, virt ? "va" : "pa", addr);
	j_u64(ctx, "len", len);
	j_str(ctx, "bytes", hex.buf);
	sb_release(&hex);
	if (!f->items) {
		hexdump(ctx, addr, buf, len, virt);
		return;
	}
	if (f->fmt == 's') {
		show_strings(ctx, addr, buf, len, f, virt);
		return;
	}
	per = items_per_line(ctx, f, (int)strlen(virt ? fva(m, addr) :
						  fpa(m, addr)));
	for (n = 0; n < f->count; n++) {
		u64 v = load(buf + n * f->unit, f->unit);

		if (n % per == 0)
			out_printf(ctx, "%s%s:", n ? "\n" : "",
				   virt ? fva(m, addr + n * f->unit) :
				   fpa(m, addr + n * f->unit));
		switch (f->fmt) {
		case 'x':
			out_printf(ctx, "  0x%0*llx", (int)f->unit * 2,
				   (unsigned long long)v);
			break;
		case 'd': {
			s64 sv = f->unit == 8 ? (s64)v :
				(s64)(v ^ (1ULL << (f->unit * 8 - 1))) -
				(s64)(1ULL << (f->unit * 8 - 1));

			out_printf(ctx, "  %lld", (long long)sv);
			break;
		}
		case 'u':
			out_printf(ctx, "  %llu", (unsigned long long)v);
			break;
		case 'o':
			out_printf(ctx, "  0%llo", (unsigned long long)v);
			break;
		case 't': {
			int b;

			out_printf(ctx, "  ");
			for (b = (int)f->unit * 8 - 1; b >= 0; b--)
				out_printf(ctx, "%c", (v >> b) & 1 ? '1' : '0');
			break;
		}
		case 'c': {
			struct strbuf c;

			sb_init(&c);
			c_escape(&c, (u8)v, '\'');
			out_printf(ctx, "  %u '%s'", (unsigned)v, c.buf);
			sb_release(&c);
			break;
		}
		case 'a': {
			const struct ksym *k = m ? machine_ksym_at(m, v) : NULL;

			out_printf(ctx, "  0x%0*llx", (int)f->unit * 2,
				   (unsigned long long)v);
			if (k != NULL && v - k->value < 0x10000)
				out_printf(ctx, " <%s+%llu>", k->name,
					   (unsigned long long)(v - k->value));
			break;
		}
		}
		if (n + 1 == f->count)
			cmd_set_value(ctx, v);
	}
	out_printf(ctx, "\n");
}
