// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Capstone disassembly of code read through the MMU.
 */
#include <capstone/capstone.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/disasm.h"
#include "ptwalk/peek.h"

#define DIS_MAX_PAGES	64

static int
cs_mode_of(const struct machine *m, enum dis_mode mode, cs_arch *arch,
	   cs_mode *cm)
{
	const char *n = m->arch->cs_name ? m->arch->cs_name : "";

	if (!strcmp(n, "x86")) {
		*arch = CS_ARCH_X86;
		*cm = m->arch->is64 ? CS_MODE_64 : CS_MODE_32;
		return 0;
	}
	if (!strcmp(n, "arm64") || !strcmp(n, "aarch64")) {
		*arch = CS_ARCH_ARM64;
		*cm = CS_MODE_ARM;
		return 0;
	}
	if (!strcmp(n, "arm")) {
		*arch = CS_ARCH_ARM;
		*cm = mode == DIS_THUMB ? CS_MODE_THUMB : CS_MODE_ARM;
		return 0;
	}
	return -EINVAL;
}

const char *
dis_mode_name(const struct machine *m, enum dis_mode mode)
{
	cs_arch a;
	cs_mode cm;

	if (cs_mode_of(m, mode, &a, &cm))
		return "unknown";
	if (a == CS_ARCH_X86)
		return cm == CS_MODE_64 ? "x86-64" : "x86 (32-bit)";
	if (a == CS_ARCH_ARM64)
		return "AArch64 (A64)";
	return cm == CS_MODE_THUMB ? "ARM (Thumb-2, T32)" : "ARM (A32)";
}

static bool
in_group(const cs_insn *in, int g)
{
	int i;

	if (in->detail == NULL)
		return false;
	for (i = 0; i < in->detail->groups_count; i++)
		if (in->detail->groups[i] == g)
			return true;
	return false;
}

/* The immediate target of a call or a jump, if any. */
static bool
branch_target(cs_arch arch, const cs_insn *in, u64 *t)
{
	const cs_detail *d = in->detail;
	int i;

	if (d == NULL || !(in_group(in, CS_GRP_JUMP) || in_group(in, CS_GRP_CALL) ||
			   in_group(in, CS_GRP_BRANCH_RELATIVE)))
		return false;
	switch (arch) {
	case CS_ARCH_X86:
		for (i = 0; i < d->x86.op_count; i++)
			if (d->x86.operands[i].type == X86_OP_IMM) {
				*t = (u64)d->x86.operands[i].imm;
				return true;
			}
		break;
	case CS_ARCH_ARM:
		for (i = 0; i < d->arm.op_count; i++)
			if (d->arm.operands[i].type == ARM_OP_IMM) {
				*t = (u64)(u32)d->arm.operands[i].imm;
				return true;
			}
		break;
	case CS_ARCH_ARM64:
		for (i = 0; i < d->arm64.op_count; i++)
			if (d->arm64.operands[i].type == ARM64_OP_IMM) {
				*t = (u64)d->arm64.operands[i].imm;
				return true;
			}
		break;
	default:
		break;
	}
	return false;
}

int
dis_decode(struct machine *m, struct cpu *c, u64 addr, enum dis_mode mode,
	   struct dis_insn *out, int n, struct error *e)
{
	u8 buf[DIS_MAX_PAGES * PAGE_SIZE];
	u64 base = addr, have = 0, pos = 0;	/* buf holds [base, base+have) */
	cs_arch arch;
	cs_mode cm;
	csh h;
	cs_insn *in;
	int k = 0;

	if (cs_mode_of(m, mode, &arch, &cm))
		return error_set(e, -EINVAL, "no disassembler for %s",
				 m->arch->name);
	if (cs_open(arch, cm, &h) != CS_ERR_OK)
		return error_set(e, -EINVAL, "Capstone cannot open %s",
				 dis_mode_name(m, mode));
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	in = cs_malloc(h);
	while (k < n) {
		u64 avail = have - pos, va, len, done;
		int r;

		if (avail > 0) {
			const u8 *code = buf + pos;
			size_t size = (size_t)avail;
			u64 a = base + pos, t;

			if (cs_disasm_iter(h, &code, &size, &a, in)) {
				struct dis_insn *o = &out[k++];

				o->addr = in->address;
				o->len = (u8)in->size;
				memcpy(o->bytes, in->bytes, MIN(in->size, 16));
				snprintf(o->mnemonic, sizeof(o->mnemonic), "%s",
					 in->mnemonic);
				snprintf(o->op_str, sizeof(o->op_str), "%s",
					 in->op_str);
				o->is_call = in_group(in, CS_GRP_CALL) ||
					!strcmp(in->mnemonic, "bl") ||
					!strcmp(in->mnemonic, "blx");
				o->has_target = branch_target(arch, in, &t);
				o->target = o->has_target ? t : 0;
				pos += in->size;
				continue;
			}
			/* not an instruction, and not for want of bytes */
			if (avail >= 16)
				break;
		}
		/* the next instruction runs on: fetch the next page */
		if (have + PAGE_SIZE > sizeof(buf))
			break;
		va = base + have;
		len = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		/* a debugger's read: no fetch, no fault, nothing changed */
		r = machine_peek_virt(m, c, va, buf + have, len, &done, e);
		if (r) {
			if (k == 0) {
				cs_free(in, 1);
				cs_close(&h);
				return r;
			}
			break;
		}
		have += len;
	}
	cs_free(in, 1);
	cs_close(&h);
	return k;
}
