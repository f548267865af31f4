// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A kernel type's layout as pahole prints it (ptype), and one object's
 * members (struct TYPE ADDR, as crash's struct), from the dump's BTF.
 */
#include <stdarg.h>
#include <string.h>

#include <bpf/btf.h>

#include "ptwalk/ksym.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/out.h"

#define CACHELINE	64
#define DECL_COL	40	/* the comment column of a member line */
#define MAX_DEPTH	8	/* nested structs shown inside an object */

/* libbpf's declaration printer, made once per command (it sizes itself
 * by the number of types) and writing into the strbuf *out points to. */
struct decl_printer {
	struct btf_dump *d;
	struct strbuf *out;
};
static struct decl_printer printer;

static void
dump_printf(void *arg, const char *fmt, va_list ap)
{
	struct decl_printer *p = arg;

	sb_vaddf(p->out, fmt, ap);
}

/* "struct list_head *next", as C declares it. */
static void
decl(const struct btf *btf, u32 tid, const char *name, struct strbuf *sb)
{
	LIBBPF_OPTS(btf_dump_emit_type_decl_opts, o, .field_name = name);

	if (printer.d == NULL)
		printer.d = btf_dump__new(btf, dump_printf, &printer, NULL);
	if (printer.d == NULL) {
		sb_addf(sb, "? %s", name);
		return;
	}
	printer.out = sb;
	btf_dump__emit_type_decl(printer.d, tid, &o);
}

/* The struct or union tid is, under typedefs and qualifiers, or NULL. */
static const struct btf_type *
composite(const struct btf *btf, u32 tid, u32 *cid)
{
	s32 r = btf__resolve_type(btf, tid);
	const struct btf_type *t = r > 0 ? btf__type_by_id(btf, (u32)r) : NULL;

	if (t == NULL || !btf_is_composite(t))
		return NULL;
	if (cid != NULL)
		*cid = (u32)r;
	return t;
}

/*
 * ptype: pahole's layout
 */

struct layout_sum {
	u64 end;		/* the end of the last member (bytes) */
	u64 sum;		/* bytes of members */
	unsigned members, holes;
	u64 hole_bytes;
	u64 line;		/* the cacheline last announced */
};

static void
indent(struct strbuf *sb, int depth)
{
	int i;

	for (i = 0; i <= depth; i++)
		sb_addc(sb, '\t');
}

/* Pad a member line to the comment column (tabs of 8). */
static void
pad(struct strbuf *sb, size_t start, int depth)
{
	size_t col = (size_t)(depth + 1) * 8 + (sb->len - start -
						 (size_t)depth - 1);

	do {
		sb_addc(sb, ' ');
		col++;
	} while (col < DECL_COL);
}

static void layout_members(struct ctx *ctx, const struct btf *btf,
			   const struct btf_type *t, u64 base, int depth,
			   struct layout_sum *ls);

static void
layout_hole(struct ctx *ctx, u64 off, struct layout_sum *ls, int depth,
	    bool top)
{
	struct strbuf sb;

	if (!top || off <= ls->end || ls->members == 0)
		return;
	sb_init(&sb);
	indent(&sb, depth);
	sb_addf(&sb, "/* XXX %llu byte%s hole, try to pack */\n",
		(unsigned long long)(off - ls->end), off - ls->end == 1 ? "" :
		"s");
	out_printf(ctx, "\n%s\n", sb.buf);
	ls->holes++;
	ls->hole_bytes += off - ls->end;
	sb_release(&sb);
}

/* One member: its declaration, offset and size. */
static void
layout_member(struct ctx *ctx, const struct btf *btf,
	      const struct btf_type *t, int i, u64 base, int depth,
	      struct layout_sum *ls)
{
	const struct btf_member *mb = &btf_members(t)[i];
	const char *name = btf__name_by_offset(btf, mb->name_off);
	u64 bits = base * 8 + btf_member_bit_offset(t, (u32)i);
	u32 bsz = btf_member_bitfield_size(t, (u32)i);
	long long sz = btf__resolve_size(btf, mb->type);
	u64 off = bits / 8, size = sz < 0 ? 0 : (u64)sz;
	const struct btf_type *sub = composite(btf, mb->type, NULL);
	bool top = btf_is_struct(t);
	struct strbuf sb;

	if (top && bsz == 0)
		layout_hole(ctx, off, ls, depth, top);
	if (top && off / CACHELINE > ls->line && bsz == 0) {
		ls->line = off / CACHELINE;
		out_printf(ctx, "\t/* --- cacheline %llu boundary (%llu bytes) "
			   "--- */\n", (unsigned long long)ls->line,
			   (unsigned long long)(ls->line * CACHELINE));
	}
	sb_init(&sb);
	indent(&sb, depth);
	if (sub != NULL && sub->name_off == 0) {
		/* an anonymous struct or union: its members inline */
		struct layout_sum in = { .line = ~0ULL };

		out_printf(ctx, "%s%s {\n", sb.buf, btf_is_struct(sub) ?
			   "struct" : "union");
		layout_members(ctx, btf, sub, off, depth + 1, &in);
		sb_reset(&sb);
		indent(&sb, depth);
		if (name != NULL && name[0] != 0)
			sb_addf(&sb, "} %s;", name);
		else
			sb_adds(&sb, "};");
	} else {
		decl(btf, mb->type, name, &sb);
		if (bsz)
			sb_addf(&sb, ":%u", bsz);
		sb_addc(&sb, ';');
	}
	pad(&sb, 0, depth);
	if (bsz)
		sb_addf(&sb, "/* %5llu:%2u %4llu */",
			(unsigned long long)off, (unsigned)(bits % 8),
			(unsigned long long)size);
	else
		sb_addf(&sb, "/* %5llu %5llu */", (unsigned long long)off,
			(unsigned long long)size);
	out_printf(ctx, "%s\n", sb.buf);
	sb_release(&sb);
	if (bsz == 0 || off + size > ls->end) {
		if (off + size > ls->end)
			ls->end = off + size;
		ls->sum += size;
	}
	ls->members++;
}

static void
layout_members(struct ctx *ctx, const struct btf *btf,
	       const struct btf_type *t, u64 base, int depth,
	       struct layout_sum *ls)
{
	int i, n = btf_vlen(t);

	for (i = 0; i < n; i++)
		layout_member(ctx, btf, t, i, base, depth, ls);
}

static int
ptype_show(struct ctx *ctx, const struct btf *btf, u32 id, const char *name)
{
	u32 cid;
	const struct btf_type *c = composite(btf, id, &cid);
	struct layout_sum ls = { .line = 0 };
	long long sz;
	struct strbuf sb;

	if (c == NULL) {
		sb_init(&sb);
		decl(btf, id, "", &sb);
		sz = btf__resolve_size(btf, id);
		out_printf(ctx, "type = %s%s", sb.buf, sz >= 0 ? "" : "\n");
		if (sz >= 0)
			out_printf(ctx, "  /* size: %lld */\n", sz);
		sb_release(&sb);
		return 0;
	}
	sz = btf__resolve_size(btf, cid);
	out_printf(ctx, "%s %s {\n", btf_is_struct(c) ? "struct" : "union",
		   btf__name_by_offset(btf, c->name_off));
	layout_members(ctx, btf, c, 0, 0, &ls);
	out_printf(ctx, "\n\t/* size: %lld, cachelines: %lld, members: %d */\n",
		   sz, (sz + CACHELINE - 1) / CACHELINE, btf_vlen(c));
	if (ls.holes)
		out_printf(ctx, "\t/* sum members: %llu, holes: %u, sum holes: "
			   "%llu */\n", (unsigned long long)ls.sum, ls.holes,
			   (unsigned long long)ls.hole_bytes);
	if (btf_is_struct(c) && sz > (long long)ls.end)
		out_printf(ctx, "\t/* padding: %llu */\n",
			   (unsigned long long)sz - ls.end);
	if (sz % CACHELINE)
		out_printf(ctx, "\t/* last cacheline: %lld bytes */\n",
			   sz % CACHELINE);
	out_printf(ctx, "};\n");
	j_str(ctx, "type", name);
	j_u64(ctx, "size", (u64)sz);
	j_int(ctx, "members", btf_vlen(c));
	cmd_set_value(ctx, (u64)sz);
	return 0;
}

/*
 * struct TYPE ADDR: one object's members
 */

static void obj_members(struct ctx *ctx, const struct btf *btf,
			const struct btf_type *t, u64 addr, int depth);

/* A char array as a C string, the bytes up to the first NUL. */
static void
obj_chars(struct ctx *ctx, const u8 *buf, u64 n, struct strbuf *sb)
{
	u64 i;

	(void)ctx;
	sb_addc(sb, '"');
	for (i = 0; i < n && buf[i]; i++) {
		if (buf[i] >= 32 && buf[i] < 127 && buf[i] != '"' &&
		    buf[i] != '\\')
			sb_addc(sb, (char)buf[i]);
		else
			sb_addf(sb, "\\%03o", buf[i]);
	}
	sb_addc(sb, '"');
}

/* The value of a scalar, pointer or char array of size n at addr. */
static void
obj_value(struct ctx *ctx, const struct btf *btf, u32 tid, u64 addr,
	  u64 n, u32 bsz, unsigned bit, struct strbuf *sb)
{
	s32 r = btf__resolve_type(btf, tid);
	const struct btf_type *t = r > 0 ? btf__type_by_id(btf, (u32)r) : NULL;
	u8 buf[64];
	u64 v = 0;
	struct error e;

	if (t != NULL && btf_is_array(t)) {
		const struct btf_type *el = btf__type_by_id(btf,
			(u32)btf__resolve_type(btf, btf_array(t)->type));

		if (el != NULL && btf_is_int(el) && el->size == 1 &&
		    n <= sizeof(buf)) {
			if (kread(ctx->m, addr, buf, n, &e))
				sb_addf(sb, "<%s>", e.msg);
			else
				obj_chars(ctx, buf, n, sb);
			return;
		}
		sb_addf(sb, "{...} /* %u elements */", btf_array(t)->nelems);
		return;
	}
	if (n == 0 || n > 8) {
		sb_addf(sb, "/* %llu bytes */", (unsigned long long)n);
		return;
	}
	if (kread(ctx->m, addr, &v, n, &e)) {
		sb_addf(sb, "<%s>", e.msg);
		return;
	}
	if (bsz) {
		v >>= bit;
		v &= bsz < 64 ? (1ULL << bsz) - 1 : ~0ULL;
	}
	if (t != NULL && btf_is_ptr(t)) {
		const struct ksym *k = v ? machine_ksym_at(ctx->m, v) : NULL;

		sb_addf(sb, "0x%llx", (unsigned long long)v);
		if (k != NULL && v - k->value < (k->size ? k->size : 4096))
			sb_addf(sb, " <%s+%llu>", k->name,
				(unsigned long long)(v - k->value));
	} else if (t != NULL && btf_is_int(t) &&
		   (btf_int_encoding(t) & BTF_INT_SIGNED) && bsz == 0) {
		long long sv = (long long)(v << (64 - 8 * n)) >> (64 - 8 * n);

		sb_addf(sb, "%lld", sv);
	} else if (t != NULL && btf_is_int(t) && n == 1 &&
		   (btf_int_encoding(t) & BTF_INT_BOOL)) {
		sb_adds(sb, v ? "true" : "false");
	} else {
		sb_addf(sb, "%llu", (unsigned long long)v);
		if (v > 9)
			sb_addf(sb, " (0x%llx)", (unsigned long long)v);
	}
}

static void
obj_member(struct ctx *ctx, const struct btf *btf, const struct btf_type *t,
	   int i, u64 addr, int depth)
{
	const struct btf_member *mb = &btf_members(t)[i];
	const char *name = btf__name_by_offset(btf, mb->name_off);
	u64 bits = btf_member_bit_offset(t, (u32)i);
	u32 bsz = btf_member_bitfield_size(t, (u32)i);
	long long sz = btf__resolve_size(btf, mb->type);
	const struct btf_type *sub = composite(btf, mb->type, NULL);
	u64 at = addr + bits / 8;
	struct strbuf sb;

	if (sub != NULL && (name == NULL || name[0] == 0)) {
		obj_members(ctx, btf, sub, at, depth);
		return;
	}
	sb_init(&sb);
	indent(&sb, depth);
	if (sub != NULL) {
		if (depth + 1 < MAX_DEPTH) {
			out_printf(ctx, "%s%s = {\n", sb.buf, name);
			obj_members(ctx, btf, sub, at, depth + 1);
			out_printf(ctx, "%s},\n", sb.buf);
		} else {
			out_printf(ctx, "%s%s = {...},\n", sb.buf, name);
		}
		sb_release(&sb);
		return;
	}
	sb_addf(&sb, "%s = ", name);
	if (bsz)
		obj_value(ctx, btf, mb->type, at, (bits % 8 + bsz + 7) / 8, bsz,
			  (unsigned)(bits % 8), &sb);
	else
		obj_value(ctx, btf, mb->type, at, sz < 0 ? 0 : (u64)sz, 0, 0,
			  &sb);
	out_printf(ctx, "%s,\n", sb.buf);
	sb_release(&sb);
}

static void
obj_members(struct ctx *ctx, const struct btf *btf, const struct btf_type *t,
	    u64 addr, int depth)
{
	int i, n = btf_vlen(t);

	for (i = 0; i < n && !(ctx->interrupted && *ctx->interrupted); i++)
		obj_member(ctx, btf, t, i, addr, depth);
}

static int
struct_show(struct ctx *ctx, const struct btf *btf, u32 id, const char *name,
	    u64 addr)
{
	u32 cid;
	const struct btf_type *c = composite(btf, id, &cid);
	struct error e;
	u8 probe;

	if (c == NULL)
		return cmd_error(ctx, "'%s' is not a struct or union", name);
	if (kread(ctx->m, addr, &probe, 1, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "%s %s {\n", btf_is_struct(c) ? "struct" : "union",
		   btf__name_by_offset(btf, c->name_off));
	obj_members(ctx, btf, c, addr, 0);
	out_printf(ctx, "}\n");
	j_str(ctx, "type", name);
	j_hex(ctx, "addr", addr);
	cmd_set_value(ctx, addr);
	return 0;
}

static int
ptype_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const struct btf *btf;
	struct error e;
	u32 id;
	u64 addr = 0;
	int r;

	/* one a command cut short (the image file shrank) left behind */
	btf_dump__free(printer.d);
	printer.d = NULL;
	btf = ktypes_btf(ctx->m, NULL, NULL, &e);
	if (btf == NULL)
		return cmd_error(ctx, "%s: '%s' needs the kernel's types",
				 e.msg, cmd_entry(ctx)->name);
	if (ktype_id(ctx->m, args->argv[0], &id, &e))
		return cmd_err(ctx, &e);
	if (args->argc >= 2 && arg_va(ctx, args->argv[1], "ADDR", &addr))
		return -1;
	if (args->argc < 2)
		r = ptype_show(ctx, btf, id, args->argv[0]);
	else
		r = struct_show(ctx, btf, id, args->argv[0], addr);
	btf_dump__free(printer.d);
	printer.d = NULL;
	return r;
}

const struct cmd cmd_ptype = {
	.name = "ptype",
	.family = FAM_IMAGE,
	.usage = "TYPE",
	.summary = "a kernel type's layout (pahole) from the dump's BTF",
	.help =
	"The members of the struct or union TYPE (task_struct, mm_struct,\n"
	"'struct page') as pahole prints them: each declaration with its\n"
	"offset and size in bytes (bitfields: offset:bit and the size of\n"
	"their unit), the holes between members, the cacheline boundaries,\n"
	"then the size, cachelines, members, holes and padding.  Anonymous\n"
	"structs and unions are shown inline.  Other types (typedefs, enums,\n"
	"integers) print their declaration and size.  The types are the\n"
	"kernel's own BTF, found in the dump on first use (between\n"
	"__start_BTF and __stop_BTF, else by its header in the kernel image),\n"
	"or given: --btf FILE (raw BTF, checked against the dump's\n"
	"VMCOREINFO), or --symbols with a vmlinux that has DWARF, whose types\n"
	"are converted to BTF as they are asked for; a dump without any says\n"
	"so.  The value ($_) is the size.\n",
	.complete = "word",
	.min_args = 1,
	.max_args = 1,
	.value = VALUE_NUMBER,
	.run = ptype_run,
};

const struct cmd cmd_struct = {
	.name = "struct",
	.family = FAM_IMAGE,
	.usage = "TYPE [ADDR]",
	.summary = "the members of a kernel object, from the dump's BTF",
	.help =
	"With ADDR, the object of type TYPE there, read from the dump through\n"
	"the kernel's page tables, member by member as crash's struct shows\n"
	"it: numbers in decimal (and hex above 9), pointers in hex with the\n"
	"symbol they point into, char arrays as strings, nested structs in\n"
	"braces (anonymous ones inline), other arrays by their length.  A\n"
	"member that cannot be read says why.  Without ADDR, the layout, as\n"
	"ptype.  The value ($_) is ADDR.\n",
	.complete = "word addr",
	.min_args = 1,
	.max_args = 2,
	.value = VALUE_VA,
	.run = ptype_run,
};
