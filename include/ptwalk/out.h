/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Output: aligned text for people, or exactly one JSON object per command
 * result on one line.  Commands call both the text printers and the JSON
 * builders; each is a no-op in the other mode, so a command reads straight
 * through once.
 */
#ifndef PTWALK_OUT_H
#define PTWALK_OUT_H

#include "cmd.h"
#include "format.h"

/*
 * Text: lines wider than the output are wrapped at word boundaries with a
 * hanging indent (see src/ui/out.c); NBSP is a space where a line never
 * breaks.  The width is $COLUMNS, else the terminal's, else 80.
 */
#define NBSP		'\a'
#define NBSP_STR	"\a"
#define OUT_PROSE	72	/* the measure of paragraphs */
#define OUT_MIN_WIDTH	40
#define OUT_MAX_WIDTH	1000
void out_printf(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void out_puts(struct ctx *ctx, const char *s);
/* Write a partial line gathered so far (before writing elsewhere). */
void out_flush(struct ctx *ctx);
/* The width text is fitted to. */
int out_width(struct ctx *ctx);
/*
 * Prose wrapped at the prose measure: the first line after first, the
 * others after rest; a newline breaks the line, an empty line separates
 * paragraphs.
 */
void out_wrap(struct ctx *ctx, const char *first, const char *rest,
	      const char *text);
/* A help text: paragraphs filled again, indented lines kept. */
void out_text(struct ctx *ctx, const char *text);
static inline bool out_json(const struct ctx *ctx) { return ctx->json; }

/* Start/finish the object of one command (the dispatcher does this). */
void out_begin(struct ctx *ctx);
void out_end(struct ctx *ctx);
/* Finish this object and start another for the same command. */
void j_next(struct ctx *ctx);

void j_str(struct ctx *ctx, const char *key, const char *s);
void j_hex(struct ctx *ctx, const char *key, u64 v);
void j_u64(struct ctx *ctx, const char *key, u64 v);
void j_int(struct ctx *ctx, const char *key, long long v);
void j_bool(struct ctx *ctx, const char *key, bool v);
void j_null(struct ctx *ctx, const char *key);
void j_arr(struct ctx *ctx, const char *key);
void j_arr_end(struct ctx *ctx);
void j_obj(struct ctx *ctx, const char *key);
void j_obj_end(struct ctx *ctx);
/* A raw JSON string value with escaping into sb. */
void json_escape(struct strbuf *sb, const char *s);


#endif
