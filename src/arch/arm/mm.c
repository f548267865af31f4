// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of 32-bit ARM (struct arch_mm), as
 * arch/arm/mm and arch/arm/include/asm answer it.
 */
#include "ptwalk/arch.h"
#include "arm.h"

const struct arch_mm arm_mm = {
	.fault_code = arm_fault_code,
	.fault_note = arm_fault_note,
};
