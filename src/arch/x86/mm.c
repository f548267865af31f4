// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of x86 (struct arch_mm), as
 * arch/x86/mm and arch/x86/include/asm answer it for 32-bit and 64-bit
 * kernels.
 */
#include "ptwalk/arch.h"
#include "x86.h"

const struct arch_mm x86_32_mm = {
	.fault_code = x86_fault_code,
	.fault_note = x86_fault_note,
	.access_error = x86_access_error,
};

const struct arch_mm x86_64_mm = {
	.fault_code = x86_fault_code,
	.fault_note = x86_fault_note,
	.access_error = x86_access_error,
};
