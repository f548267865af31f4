// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of x86 (struct arch_mm), as
 * arch/x86/mm and arch/x86/include/asm answer it for 32-bit and 64-bit
 * kernels.
 */
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "x86.h"

/* ELF_ET_DYN_BASE: ia32 (4.13+) */
static u64
et_dyn_base_32(const struct machine *m)
{
	(void)m;
	return 0x00400000;
}

/* ELF_ET_DYN_BASE: DEFAULT_MAP_WINDOW / 3 * 2 */
static u64
et_dyn_base_64(const struct machine *m)
{
	return m->lay.stack_top / 3 * 2;
}

/*
 * valgrind 3.19 on amd64 (coregrind/m_aspacemgr, m_ume): a PIE loaded at
 * 0x108000, ld.so at 0x4000000, the client stack ending at 0x1fff001000,
 * as lackey traces recorded with Debian's valgrind show them.
 */
static const struct exec_layout valgrind_amd64 = {
	.name = "valgrind (amd64)",
	.pie_base = 0x108000,
	.interp_base = 0x4000000,
	.stack_top = 0x1fff001000ULL,
};

const struct arch_mm x86_32_mm = {
	.fault_code = x86_fault_code,
	.access_error = x86_access_error,
	.platform = "i686",
	.hwcap = 0xbfebfbff,
	.mmap_min_addr = 65536,
	.et_dyn_base = et_dyn_base_32,
	.align_stack16 = true,
	.context = &x86_tlb_context,
	.ioremap_modes = x86_ioremap_modes,
	.ioremap_reserved_ram = true,
	.ioremap_max_order = x86_ioremap_max_order,
	.module_prot = PAGE_KERNEL,
};

const struct arch_mm x86_64_mm = {
	.fault_code = x86_fault_code,
	.access_error = x86_access_error,
	.platform = "x86_64",
	.hwcap = 0xbfebfbff,
	.hwcap2 = 0x2,
	.mmap_min_addr = 65536,
	.et_dyn_base = et_dyn_base_64,
	.align_stack16 = true,
	.valgrind_layout = &valgrind_amd64,
	.context = &x86_tlb_context,
	.ioremap_modes = x86_ioremap_modes,
	.ioremap_reserved_ram = true,
	.ioremap_max_order = x86_ioremap_max_order,
	.module_prot = PAGE_KERNEL,
};
