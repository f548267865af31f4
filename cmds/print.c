// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Compute an expression and keep it in the value history: gdb's print.
 */
#include <string.h>

#include "ptwalk/kernel.h"
#include "ptwalk/ksym.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"

/* " <name+0x12>" for p/a, when a symbol is near addr. */
static void
symbol_of(struct machine *m, u64 addr, struct strbuf *sb)
{
	const struct ksym *k;

	if (m == NULL)
		return;
	if (addr < m->lay.task_size) {
		struct task_struct *t = m->kern != NULL ? current_task(m) : NULL;
		const struct elf_sym *s;
		u64 v;

		if (t == NULL || t->mm == NULL)
			return;
		s = user_sym_at(t->mm, addr, &v, NULL);
		if (s != NULL && addr == v)
			sb_addf(sb, " <%s>", s->name);
		else if (s != NULL)
			sb_addf(sb, " <%s+%llu>", s->name,
				(unsigned long long)(addr - v));
		return;
	}
	k = machine_ksym_at(m, addr);
	if (k == NULL || (k->size ? addr - k->value >= k->size :
			  addr - k->value > 16 * MiB))
		return;
	if (addr == k->value)
		sb_addf(sb, " <%s>", k->name);
	else
		sb_addf(sb, " <%s+%llu>", k->name,
			(unsigned long long)(addr - k->value));
}

/* p/c: the low byte as gdb shows a char: 65 'A', 10 '\n', 200 '\310'. */
static void
char_of(u64 v, struct strbuf *sb)
{
	static const char esc[] = "\a\b\f\n\r\t\v", let[] = "abfnrtv";
	unsigned char c = (unsigned char)v;
	const char *e = c ? strchr(esc, c) : NULL;

	sb_addf(sb, "%d '", (signed char)c);
	if (e != NULL)
		sb_addf(sb, "\\%c", let[e - esc]);
	else if (c == '\'' || c == '\\')
		sb_addf(sb, "\\%c", c);
	else if (c >= 0x20 && c < 0x7f)
		sb_addc(sb, (char)c);
	else
		sb_addf(sb, "\\%03o", c);
	sb_addc(sb, '\'');
}

static int
format(struct ctx *ctx, char f, u64 v, struct strbuf *sb)
{
	int bits = 64, i;

	switch (f) {
	case 'x':
		sb_addf(sb, "0x%llx", (unsigned long long)v);
		break;
	case 'z':
		sb_addf(sb, "0x%0*llx", ctx->m != NULL && v <= 0xffffffffULL ?
			ctx->m->arch->va_digits : 16, (unsigned long long)v);
		break;
	case 'd':
		sb_addf(sb, "%lld", (long long)v);
		break;
	case 'u':
		sb_addf(sb, "%llu", (unsigned long long)v);
		break;
	case 'o':
		sb_addf(sb, v ? "0%llo" : "%llo", (unsigned long long)v);
		break;
	case 't':
		while (bits > 1 && !(v >> (bits - 1)))
			bits--;
		for (i = bits - 1; i >= 0; i--)
			sb_addc(sb, (v >> i) & 1 ? '1' : '0');
		break;
	case 'c':
		char_of(v, sb);
		break;
	case 'a':
		sb_addf(sb, "0x%llx", (unsigned long long)v);
		symbol_of(ctx->m, v, sb);
		break;
	default:
		return cmd_error(ctx, "'/%c': not a print format (x hex, d "
				 "signed and u unsigned decimal, o octal, t "
				 "binary, c char, a address, z zero-padded hex)",
				 f);
	}
	return 0;
}

static int
print_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *fmt = args->fmt;
	struct strbuf sb;
	char f = 'x';
	u64 v;
	int r;

	if (fmt != NULL) {
		if (strlen(fmt) != 1)
			return cmd_error(ctx, "'/%s': give one format letter, "
					 "as in p/x or p/d", fmt);
		f = fmt[0];
	}
	if (args->argc > 0 && arg_u64(ctx, args->argv[0], "EXPR", &v))
		return -1;
	if (args->argc == 0) {
		/* as gdb: print alone shows the last value again */
		if (ctx->nvals == 0)
			return cmd_error(ctx, "no value yet (the value history "
					 "is empty): give an EXPR");
		v = ctx->vals[ctx->nvals - 1];
	}
	sb_init(&sb);
	r = format(ctx, f, v, &sb);
	if (r == 0) {
		j_str(ctx, "format", (char[]){ f, 0 });
		j_str(ctx, "text", sb.buf);
		cmd_set_value_text(ctx, v, sb.buf);
	}
	sb_release(&sb);
	return r;
}

const struct cmd cmd_print = {
	.name = "print",
	.aliases = "p inspect",
	.family = FAM_SESSION,
	.usage = "[/FMT] [EXPR]",
	.summary = "evaluate an expression and keep it as $N (gdb's print)",
	.help =
	"Computes EXPR ('help expressions') and keeps the value in the\n"
	"value history, shown as '$N = VALUE': print PAGE_OFFSET + 160M,\n"
	"p ($_ >> 12) & 0x3ff, p $$2.  Without EXPR, the last value again.\n"
	"The value is shown in hexadecimal (ptwalk's values are mostly\n"
	"addresses; gdb shows decimal unless told), or as FMT says:\n"
	"  p/x   hexadecimal          p/d   signed decimal\n"
	"  p/u   unsigned decimal     p/o   octal\n"
	"  p/t   binary               p/c   the low byte as a character\n"
	"  p/a   an address, with the symbol it falls in: 0x... <main+16>\n"
	"  p/z   hexadecimal, zero-padded to the address width\n"
	"EXPR is the rest of the command as typed, so spaces and operators\n"
	"need no quoting; at the prompt '| CMD' and '> FILE' redirect as after\n"
	"any command ('help output').  With --json: \"value\" (a \"0x...\"\n"
	"string), \"format\" and \"text\", the value as shown.\n",
	.complete = "line",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_NOMACHINE | CMD_FMT,
	.value = VALUE_NUMBER,
	.run = print_run,
};
