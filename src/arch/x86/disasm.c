// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 for the disassembler (Capstone): 32-bit and 64-bit code, and the
 * immediate target of a call or a jump.
 */
#include <capstone/capstone.h>

#include "x86.h"

static bool
branch_target(const void *detail, u64 *t)
{
	const cs_detail *d = detail;
	int i;

	for (i = 0; i < d->x86.op_count; i++)
		if (d->x86.operands[i].type == X86_OP_IMM) {
			*t = (u64)d->x86.operands[i].imm;
			return true;
		}
	return false;
}

const struct arch_disasm x86_32_disasm = {
	.cs_arch = CS_ARCH_X86,
	.cs_mode = CS_MODE_32,
	.name = "x86 (32-bit)",
	.branch_target = branch_target,
};

const struct arch_disasm x86_64_disasm = {
	.cs_arch = CS_ARCH_X86,
	.cs_mode = CS_MODE_64,
	.name = "x86-64",
	.branch_target = branch_target,
};
