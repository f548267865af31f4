// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * How the kernel's trace says arm64's reports: the aborts and the
 * syndrome of each (ESR_EL1: the exception class, WnR and the fault status
 * code with its level), and TTBR0 loaded with the user tables while the
 * ASID goes in TTBR1 (TCR_EL1.A1, as Linux sets it).
 */
#include "ptwalk/machine.h"
#include "arm64.h"

#define ESR_EC_FROM_CUR	((u64)ESR_EC_CUR << ESR_EC_SHIFT)

static const struct fault_kind arm64_fault_kinds[] = {
	{ ACC_EXEC, ACC_EXEC, "instruction abort", "FAR", "ESR" },
	{ 0, 0, "data abort", "FAR", "ESR" },
	{ .name = NULL }
};

static const struct fault_word arm64_fault_words[] = {
	{ 0, 0, 0, ESR_FSC_TYPE, FSC_PERM, "permission fault" },
	{ 0, 0, 0, ESR_FSC_TYPE, FSC_ACCESS, "access flag fault" },
	{ 0, 0, 0, 0, 0, "translation fault" },
	{ 1, 0, 0, ESR_FSC_LEVEL, 0, "level 0" },
	{ 1, 0, 0, ESR_FSC_LEVEL, 1, "level 1" },
	{ 1, 0, 0, ESR_FSC_LEVEL, 2, "level 2" },
	{ 1, 0, 0, ESR_FSC_LEVEL, 3, "level 3" },
	{ 2, ACC_EXEC, 0, ESR_WNR, ESR_WNR, "WnR=1 write" },
	{ 2, ACC_EXEC, 0, 0, 0, "WnR=0 read" },
	{ 3, 0, 0, ESR_EC_FROM_CUR, ESR_EC_FROM_CUR, "from EL1" },
	{ 3, 0, 0, 0, 0, "from EL0" },
	{ .word = NULL }
};

const struct arch_words arm64_words = {
	.fault_kinds = arm64_fault_kinds,
	.fault_words = arm64_fault_words,
	.fault_addr = "far",
	.tag = ", ASID ",
	.tag_note = " in TTBR1[63:48] (TCR_EL1.A1)",
	.noflush = ": user entries are tagged, kernel entries global",
	.split_note = " (the user tables)",
};
