// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * How the kernel's trace says 32-bit ARM's reports: the aborts and their
 * fault status (ARM ARM B3.13: FSR, IFSR and the fault address in FAR,
 * IFAR), TTBR0 loaded with the ASID in CONTEXTIDR, and the DMA consistent
 * area of Linux 3.4 (arch/arm/mm/dma-mapping.c).
 */
#include "ptwalk/machine.h"
#include "arm.h"

static const struct fault_kind arm_fault_kinds[] = {
	{ ACC_EXEC, ACC_EXEC, "prefetch abort", "IFAR", "IFSR" },
	{ 0, 0, "data abort", "FAR", "FSR" },
	{ .name = NULL }
};

/* the processor mode is the CPSR's, not the FSR's: said by the access */
static const struct fault_word arm_fault_words[] = {
	{ 0, 0, 0, FSR_FS, FS_PERM_PAGE, "permission fault, page" },
	{ 0, 0, 0, FSR_FS, FS_PERM_SECT, "permission fault, section" },
	{ 0, 0, 0, FSR_FS, FS_TRANS_PAGE, "translation fault, page" },
	{ 0, 0, 0, 0, 0, "translation fault, section" },
	{ 1, ACC_EXEC, 0, FSR_WNR, FSR_WNR, "WnR=1 write" },
	{ 1, ACC_EXEC, 0, 0, 0, "read" },
	{ 2, ACC_USER, ACC_USER, 0, 0, "user mode" },
	{ 2, 0, 0, 0, 0, "kernel mode" },
	{ .word = NULL }
};

const struct arch_words arm_words = {
	.fault_kinds = arm_fault_kinds,
	.fault_words = arm_fault_words,
	.fault_addr = "far",
	.tag = ", CONTEXTIDR.ASID ",
	.noflush = ": user entries are tagged (nG), kernel entries global",
	.dma_remap_alloc = "arm_vmregion_alloc",
	.dma_remap_ptes = "consistent_pte",
};
