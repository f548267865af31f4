// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A disassembly, as dis and x/i print it.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/disasm.h"
#include "ptwalk/mm.h"
#include "ptwalk/ksym.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

#define DIS_MAX_N	1000

/* "name+0x12" for addr, or "" when no symbol is near. */
static void
sym_name(struct machine *m, struct task_struct *t, u64 addr, char *buf,
	 size_t n)
{
	buf[0] = 0;
	if (addr < m->lay.task_size) {
		const struct kernel_ops *ops = m->profile ? m->profile->ops :
			NULL;
		const char *name = NULL;
		u64 v;

		if (t != NULL && t->mm != NULL) {
			const struct elf_sym *s = user_sym_at(t->mm, addr, &v,
							      NULL);

			name = s != NULL ? s->name : NULL;
		} else if (ops != NULL && ops->user_sym_at != NULL) {
			name = ops->user_sym_at(m, addr, &v);
		}
		if (name == NULL)
			return;
		if (addr == v)
			snprintf(buf, n, "%s", name);
		else
			snprintf(buf, n, "%s+%#llx", name,
				 (unsigned long long)(addr - v));
		return;
	}
	{
		const struct ksym *k = machine_ksym_at(m, addr);

		if (k == NULL || addr - k->value > 16 * MiB)
			return;
		if (addr == k->value)
			snprintf(buf, n, "%s", k->name);
		else
			snprintf(buf, n, "%s+%#llx", k->name,
				 (unsigned long long)(addr - k->value));
	}
}

/* arm: A32 or T32 at addr, from the mapping symbols or the function */
static enum dis_mode
arm_mode(struct machine *m, struct task_struct *t, u64 addr)
{
	const struct elf_info *ei = NULL;
	const struct elf_sym *s;
	u64 v;
	int i;

	if (t == NULL || t->mm == NULL || addr >= m->lay.task_size)
		return DIS_ARM;
	for (i = 0; i < 2; i++) {
		struct file *f = t->mm->img[i].file;
		char k;

		if (f == NULL || f->elf == NULL || addr < t->mm->img[i].bias)
			continue;
		k = elf_map_kind(f->elf, addr - t->mm->img[i].bias);
		if (k == 't')
			return DIS_THUMB;
		if (k == 'a')
			return DIS_ARM;
	}
	s = user_sym_at(t->mm, addr, &v, &ei);
	if (s != NULL && s->thumb)
		return DIS_THUMB;
	return DIS_ARM;
}

/*
 * The instruction as one unit that a wrapped line never splits: the
 * mnemonic, its operands, the symbol of its target (or of the address a
 * pc-relative pair forms).
 */
static void
insn_text(struct strbuf *sb, const struct dis_insn *d, const char *target)
{
	size_t i;

	sb_reset(sb);
	if (d->op_str[0])
		sb_addf(sb, "%-7s %s", d->mnemonic, d->op_str);
	else
		sb_adds(sb, d->mnemonic);
	if (target[0])
		sb_addf(sb, " <%s>", target);
	for (i = 0; i < sb->len; i++)
		if (sb->buf[i] == ' ')
			sb->buf[i] = NBSP;
}

/* The columns of one instruction: its symbol, bytes and text. */
static void
insn_cols(struct machine *m, struct task_struct *t, const struct dis_insn *d,
	  char *name, size_t n, struct strbuf *bytes, struct strbuf *text)
{
	char target[160] = "";
	int b;

	sb_reset(bytes);
	for (b = 0; b < d->len; b++)
		sb_addf(bytes, "%s%02x", b ? " " : "", d->bytes[b]);
	sym_name(m, t, d->addr, target, sizeof(target));
	if (target[0])
		snprintf(name, n, "<%s>", target);
	else
		name[0] = 0;
	target[0] = 0;
	if (d->has_target)
		sym_name(m, t, d->target, target, sizeof(target));
	else if (d->has_ref)
		sym_name(m, t, d->ref, target, sizeof(target));
	insn_text(text, d, target);
}

/*
 * One line an instruction: address, symbol+offset, bytes, instruction.
 * The bytes are left out when the listing would not fit the width
 * (gdb shows them only when asked); JSON always has them.
 */
static void
show_insns(struct ctx *ctx, struct task_struct *t, const struct dis_insn *ins,
	   int k, int w)
{
	struct machine *m = ctx->m;
	struct strbuf sb, it;
	char name[200], tname[160];
	int i, widest = 0;
	bool bytes;

	sb_init(&sb);
	sb_init(&it);
	for (i = 0; i < k; i++) {
		insn_cols(m, t, &ins[i], name, sizeof(name), &sb, &it);
		widest = MAX(widest, 2 + (int)strlen(fva(m, ins[i].addr)) + 1 +
			     w + 2 + MAX(20, (int)sb.len) + 2 + (int)it.len);
	}
	bytes = widest <= ctx->width;
	j_arr(ctx, "insns");
	for (i = 0; i < k; i++) {
		const struct dis_insn *d = &ins[i];

		insn_cols(m, t, d, name, sizeof(name), &sb, &it);
		if (bytes)
			out_printf(ctx, "  %s %-*s  %-20s  %s\n", fva(m, d->addr),
				   w, name, sb.buf, it.buf);
		else
			out_printf(ctx, "  %s %-*s  %s\n", fva(m, d->addr), w,
				   name, it.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "addr", d->addr);
		j_str(ctx, "bytes", sb.buf);
		j_str(ctx, "mnemonic", d->mnemonic);
		j_str(ctx, "operands", d->op_str);
		if (name[0]) {
			sym_name(m, t, d->addr, name, sizeof(name));
			j_str(ctx, "symbol", name);
		}
		if (d->has_target) {
			j_hex(ctx, "target", d->target);
			tname[0] = 0;
			sym_name(m, t, d->target, tname, sizeof(tname));
			if (tname[0])
				j_str(ctx, "target_symbol", tname);
		}
		if (d->has_ref) {
			j_hex(ctx, "ref", d->ref);
			tname[0] = 0;
			sym_name(m, t, d->ref, tname, sizeof(tname));
			if (tname[0])
				j_str(ctx, "ref_symbol", tname);
		}
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	sb_release(&sb);
	sb_release(&it);
}

int
show_dis(struct ctx *ctx, const char *where, long n, int force)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	struct task_struct *t = m->kern ? current_task(m) : NULL;
	enum dis_mode mode = DIS_DEFAULT;
	struct dis_insn *ins;
	struct error e;
	char name[200];
	u64 addr;
	int k, i, w = 0;
	bool thumb = dis_has_thumb(m);

	if (arg_u64(ctx, where, "ADDR", &addr))
		return -1;
	if (n < 1 || n > DIS_MAX_N)
		return cmd_error(ctx, "N: %ld is out of range (1..%d)", n,
				 DIS_MAX_N);
	if (force != DIS_DEFAULT && !thumb)
		return cmd_error(ctx, "--arm and --thumb are for the arm arch");
	if (thumb) {
		if (force == DIS_THUMB || (addr & 1))
			mode = DIS_THUMB;
		else if (force == DIS_ARM)
			mode = DIS_ARM;
		else
			mode = arm_mode(m, t, addr);
		addr &= ~1ULL;
	}
	if (machine_check_va(m, addr, &e))
		return cmd_error(ctx, "ADDR: %s", e.msg);
	ins = xcalloc((size_t)n, sizeof(*ins));
	error_clear(&e);
	k = dis_decode(m, c, addr, mode, ins, (int)n, &e);
	show_trace(ctx);
	if (k < 0) {
		free(ins);
		return cmd_err(ctx, &e);
	}
	sym_name(m, t, addr, name, sizeof(name));
	out_printf(ctx, "%s code at %s%s%s%s:\n", dis_mode_name(m, mode),
		   fva(m, addr), name[0] ? " <" : "", name, name[0] ? ">" : "");
	j_str(ctx, "mode", dis_mode_name(m, mode));
	for (i = 0; i < k; i++) {
		sym_name(m, t, ins[i].addr, name, sizeof(name));
		if (name[0])
			w = MAX(w, (int)strlen(name) + 2);
	}
	show_insns(ctx, t, ins, k, w);
	if (k < n) {
		if (e.code)
			out_printf(ctx, "  (stopped: %s)\n", e.msg);
		else
			out_printf(ctx, "  (stopped: the next bytes are not an "
				   "instruction)\n");
	}
	cmd_set_value(ctx, k > 0 ? ins[k - 1].addr + ins[k - 1].len : addr);
	free(ins);
	return 0;
}

