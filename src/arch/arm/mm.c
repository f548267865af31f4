// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of 32-bit ARM (struct arch_mm), as
 * arch/arm/mm and arch/arm/include/asm answer it.
 */
#include "ptwalk/machine.h"
#include "arm.h"
#include "context.h"

/* STRICT_MODULE_RWX came after 3.4, the kernel with a consistent area */
static bool
strict_module_rwx(const struct machine *m)
{
	return m->lay.consistent_end == 0;
}

/* ELF_ET_DYN_BASE: TASK_SIZE / 3 * 2 */
static u64
et_dyn_base(const struct machine *m)
{
	return m->lay.stack_top / 3 * 2;
}

const struct arch_mm arm_mm = {
	.fault_code = arm_fault_code,
	.platform = "v7l",
	.hwcap = 0x3fb0d6,
	.mmap_min_addr = 32768,
	.et_dyn_base = et_dyn_base,
	.context = &arm_asid_context,
	.asid_bits = 8,
	.ioremap_modes = arm_ioremap_modes,
	.ioremap_max_order = arm_ioremap_max_order,
	.dma_alloc = arm_dma_alloc,
	.module_prot = PAGE_KERNEL_EXEC,
	.strict_module_rwx = strict_module_rwx,
};
