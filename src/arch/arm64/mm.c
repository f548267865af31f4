// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of arm64 (struct arch_mm), as
 * arch/arm64/mm and arch/arm64/include/asm answer it.
 */
#include "ptwalk/arch.h"
#include "arm64.h"

const struct arch_mm arm64_mm = {
	.fault_code = arm64_fault_code,
	.fault_note = arm64_fault_note,
};
