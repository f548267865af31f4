// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 for the disassembler (Capstone): A64 code, BL as a call, and the
 * immediate target of a branch.
 */
#include <capstone/capstone.h>

#include "arm64.h"

static const char *const calls[] = { "bl", NULL };

static bool
branch_target(const void *detail, u64 *t)
{
	const cs_detail *d = detail;
	int i;

	for (i = 0; i < d->arm64.op_count; i++)
		if (d->arm64.operands[i].type == ARM64_OP_IMM) {
			*t = (u64)d->arm64.operands[i].imm;
			return true;
		}
	return false;
}

const struct arch_disasm arm64_disasm = {
	.cs_arch = CS_ARCH_ARM64,
	.cs_mode = CS_MODE_ARM,
	.name = "AArch64 (A64)",
	.calls = calls,
	.branch_target = branch_target,
};
