// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory dumps for x and xp: a canonical hexdump, or gdb-style x/NFU items.
 */
#include <ctype.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"

int
xfmt_parse(struct ctx *ctx, const char *s, struct xfmt *f)
{
	const char *p = s;

	f->count = 0;
	f->fmt = 'x';
	f->unit = ctx->m && ctx->m->arch->is64 ? 8 : 4;
	f->items = false;
	if (s == NULL)
		return 0;
	f->items = true;
	f->count = 1;
	if (isdigit((unsigned char)*p)) {
		f->count = 0;
		while (isdigit((unsigned char)*p)) {
			f->count = f->count * 10 + (u64)(*p - '0');
			if (f->count > 1 << 20)
				return cmd_error(ctx, "/%s: count too large (at "
						 "most 1048576)", s);
			p++;
		}
		if (f->count == 0)
			return cmd_error(ctx, "/%s: count must be positive", s);
	}
	for (; *p; p++) {
		if (strchr("xduotcas", *p))
			f->fmt = *p;
		else if (*p == 'b')
			f->unit = 1;
		else if (*p == 'h')
			f->unit = 2;
		else if (*p == 'w')
			f->unit = 4;
		else if (*p == 'g')
			f->unit = 8;
		else
			return cmd_error(ctx, "/%s: unknown letter '%c' (formats "
					 "x d u o t c a s; units b h w g)", s, *p);
	}
	if (f->fmt == 'c')
		f->unit = 1;
	if (f->fmt == 'a')
		f->unit = ctx->m && ctx->m->arch->is64 ? 8 : 4;
	return 0;
}

static u64
load(const u8 *p, unsigned unit)
{
	u64 v = 0;

	memcpy(&v, p, unit);	/* little-endian host and targets */
	return v;
}

static void
hexdump(struct ctx *ctx, u64 addr, const u8 *buf, u64 len, bool virt)
{
	const struct machine *m = ctx->m;
	u64 i, j;

	for (i = 0; i < len; i += 16) {
		char asc[17];

		out_printf(ctx, "%s:  ", virt ? fva(m, addr + i) : fpa(m, addr + i));
		for (j = 0; j < 16; j++) {
			if (i + j < len) {
				out_printf(ctx, "%02x ", buf[i + j]);
				asc[j] = isprint(buf[i + j]) ? (char)buf[i + j] : '.';
			} else {
				out_printf(ctx, "   ");
				asc[j] = ' ';
			}
			if (j == 7)
				out_printf(ctx, " ");
		}
		asc[16] = 0;
		out_printf(ctx, " |%s|\n", asc);
	}
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
		u64 off = 0;

		for (n = 0; n < f->count && off < len; n++) {
			u64 e = off;

			while (e < len && buf[e])
				e++;
			out_printf(ctx, "%s:  \"", virt ? fva(m, addr + off) :
				   fpa(m, addr + off));
			for (i = off; i < e; i++)
				out_printf(ctx, isprint(buf[i]) ? "%c" : "\\%03o",
					   buf[i]);
			out_printf(ctx, "\"\n");
			off = e + 1;
		}
		return;
	}
	per = f->fmt == 'c' ? 8 : (f->fmt == 't' ? (f->unit >= 4 ? 1 : 16 / f->unit / 2) : 16 / f->unit);
	if (f->fmt == 'a')
		per = 1;
	if (per == 0)
		per = 1;
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
		case 'c':
			out_printf(ctx, isprint((int)v) ? "  '%c'" : "  '\\%03o'",
				   (int)v);
			break;
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
