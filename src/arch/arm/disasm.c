// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM for the disassembler (Capstone): A32 code and Thumb-2 (T32),
 * BL and BLX as calls, and the immediate target of a branch.
 */
#include <capstone/capstone.h>

#include "arm.h"

static const char *const calls[] = { "bl", "blx", NULL };

static bool
branch_target(const void *detail, u64 *t)
{
	const cs_detail *d = detail;
	int i;

	for (i = 0; i < d->arm.op_count; i++)
		if (d->arm.operands[i].type == ARM_OP_IMM) {
			*t = (u64)(u32)d->arm.operands[i].imm;
			return true;
		}
	return false;
}

const struct arch_disasm arm_disasm = {
	.cs_arch = CS_ARCH_ARM,
	.cs_mode = CS_MODE_ARM,
	.name = "ARM (A32)",
	.thumb_mode = CS_MODE_THUMB,
	.thumb_name = "ARM (Thumb-2, T32)",
	.calls = calls,
	.branch_target = branch_target,
};
