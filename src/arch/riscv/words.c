// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * How the kernel's trace says riscv's reports: the page faults by their
 * scause (12, 13, 15) with stval, and satp loaded with the pgd and the
 * ASID (satp.ASID), as switch_mm() writes it.
 */
#include "ptwalk/machine.h"
#include "riscv.h"

static const struct fault_kind riscv_fault_kinds[] = {
	{ ACC_EXEC, ACC_EXEC, "instruction page fault", "stval", "scause" },
	{ ACC_EXEC | ACC_WRITE, ACC_WRITE, "store/AMO page fault", "stval",
	  "scause" },
	{ 0, 0, "load page fault", "stval", "scause" },
	{ .name = NULL }
};

static const struct fault_word riscv_fault_words[] = {
	{ 0, 0, 0, 0xff, SCAUSE_FETCH_PF, "12: fetch" },
	{ 0, 0, 0, 0xff, SCAUSE_LOAD_PF, "13: load" },
	{ 0, 0, 0, 0xff, SCAUSE_STORE_PF, "15: store or AMO" },
	{ 0, 0, 0, 0, 0, "not a page fault" },
	{ .word = NULL }
};

const struct arch_words riscv_words = {
	.fault_kinds = riscv_fault_kinds,
	.fault_words = riscv_fault_words,
	.fault_addr = "stval",
	.tag = ", ASID ",
	.tag_note = " in satp.ASID",
	.noflush = ": user entries are tagged, kernel entries global (G)",
};
