// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Text and JSON printers.
 */
#include <stdarg.h>
#include <string.h>

#include "ptwalk/out.h"

void
out_printf(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->json)
		return;
	va_start(ap, fmt);
	vfprintf(ctx->out, fmt, ap);
	va_end(ap);
}

void
out_puts(struct ctx *ctx, const char *s)
{
	if (!ctx->json)
		fputs(s, ctx->out);
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

static void
j_key(struct ctx *ctx, const char *key)
{
	int d = ctx->jdepth - 1;

	if (!ctx->jopen) {
		/* a field before the dispatcher opened the object */
		out_begin(ctx);
		d = ctx->jdepth - 1;
	}
	if (d < 0)
		d = 0;
	if (!ctx->jfirst[d])
		sb_addc(&ctx->js, ',');
	ctx->jfirst[d] = false;
	if (key != NULL) {
		json_escape(&ctx->js, key);
		sb_addc(&ctx->js, ':');
	}
}

void
out_begin(struct ctx *ctx)
{
	if (!ctx->json)
		return;
	sb_reset(&ctx->js);
	sb_addc(&ctx->js, '{');
	ctx->jdepth = 1;
	ctx->jfirst[0] = true;
	ctx->jopen = true;
	j_str(ctx, "cmd", ctx->cmd != NULL ? ctx->cmd->name :
	      (ctx->cmdname ? ctx->cmdname : ""));
}

static void
j_close(struct ctx *ctx)
{
	while (ctx->jdepth > 1) {
		/* unbalanced builder use: close what is open */
		sb_addc(&ctx->js, '}');
		ctx->jdepth--;
	}
	sb_adds(&ctx->js, "}\n");
	fputs(ctx->js.buf, ctx->out);
	ctx->jopen = false;
	ctx->jdepth = 0;
}

void
j_next(struct ctx *ctx)
{
	if (!ctx->json)
		return;
	if (ctx->jopen)
		j_close(ctx);
	out_begin(ctx);
}

void
out_end(struct ctx *ctx)
{
	if (!ctx->json)
		return;
	if (!ctx->jopen)
		out_begin(ctx);
	if (ctx->has_value)
		j_hex(ctx, "value", ctx->value);
	if (ctx->failed)
		j_str(ctx, "error", ctx->err.buf);
	j_close(ctx);
}

void
j_str(struct ctx *ctx, const char *key, const char *s)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	json_escape(&ctx->js, s ? s : "");
}

void
j_hex(struct ctx *ctx, const char *key, u64 v)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	sb_addf(&ctx->js, "\"0x%llx\"", (unsigned long long)v);
}

void
j_u64(struct ctx *ctx, const char *key, u64 v)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	if (v > (1ULL << 53))
		sb_addf(&ctx->js, "\"0x%llx\"", (unsigned long long)v);
	else
		sb_addf(&ctx->js, "%llu", (unsigned long long)v);
}

void
j_int(struct ctx *ctx, const char *key, long long v)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	sb_addf(&ctx->js, "%lld", v);
}

void
j_bool(struct ctx *ctx, const char *key, bool v)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	sb_adds(&ctx->js, v ? "true" : "false");
}

void
j_null(struct ctx *ctx, const char *key)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	sb_adds(&ctx->js, "null");
}

static void
j_open(struct ctx *ctx, const char *key, char c)
{
	if (!ctx->json)
		return;
	j_key(ctx, key);
	sb_addc(&ctx->js, c);
	if (ctx->jdepth < (int)ARRAY_SIZE(ctx->jfirst)) {
		ctx->jfirst[ctx->jdepth] = true;
		ctx->jdepth++;
	}
}

static void
j_shut(struct ctx *ctx, char c)
{
	if (!ctx->json || ctx->jdepth <= 1)
		return;
	sb_addc(&ctx->js, c);
	ctx->jdepth--;
}

void j_arr(struct ctx *ctx, const char *key) { j_open(ctx, key, '['); }
void j_arr_end(struct ctx *ctx) { j_shut(ctx, ']'); }
void j_obj(struct ctx *ctx, const char *key) { j_open(ctx, key, '{'); }
void j_obj_end(struct ctx *ctx) { j_shut(ctx, '}'); }

/*
 * Formatting helpers
 */

static char fbuf[16][40];
static int fnext;

static char *
nextbuf(void)
{
	fnext = (fnext + 1) % 16;
	return fbuf[fnext];
}

const char *
fva(const struct machine *m, u64 va)
{
	char *b = nextbuf();

	snprintf(b, 40, "0x%0*llx", m ? m->arch->va_digits : 8,
		 (unsigned long long)va);
	return b;
}

const char *
fpa(const struct machine *m, u64 pa)
{
	char *b = nextbuf();

	snprintf(b, 40, "0x%0*llx", m ? m->arch->pa_digits : 8,
		 (unsigned long long)pa);
	return b;
}

const char *
fentry(const struct machine *m, int lvl, u64 e)
{
	char *b = nextbuf();

	snprintf(b, 40, "0x%0*llx", m->mmu.lv[lvl].esize * 2,
		 (unsigned long long)e);
	return b;
}

const char *
fsize(u64 bytes)
{
	char *b = nextbuf();

	fmt_size(b, 40, bytes);
	return b;
}
