// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of arm64 (struct arch_mm), as
 * arch/arm64/mm and arch/arm64/include/asm answer it.
 */
#include "ptwalk/machine.h"
#include "ptwalk/ksym.h"
#include "arm64.h"
#include "../arm/context.h"

#define MODULES_VSIZE	(128 * MiB)

/* module_alloc_base = _etext - MODULES_VSIZE (no KASLR) */
static void
module_range(const struct machine *m, u64 *start, u64 *end)
{
	const struct ksym *et = machine_ksym(m, "_etext");

	if (et != NULL) {
		*start = et->value - MODULES_VSIZE;
		*end = *start + MODULES_VSIZE;
	}
}

/* ELF_ET_DYN_BASE: two thirds of the user address space */
static u64
et_dyn_base(const struct machine *m)
{
	return m->lay.stack_top / 3 * 2;
}

const struct arch_mm arm64_mm = {
	.fault_code = arm64_fault_code,
	.platform = "aarch64",
	.hwcap = 0x8ff,
	.mmap_min_addr = 32768,
	.et_dyn_base = et_dyn_base,
	.context = &arm_asid_context,
	.asid_bits = 16,
	.ioremap_modes = arm64_ioremap_modes,
	.ioremap_cache_ram = true,
	.ioremap_max_order = arm64_ioremap_max_order,
	.module_prot = PAGE_KERNEL,
	.module_range = module_range,
};
