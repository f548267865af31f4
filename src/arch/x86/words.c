// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * How the kernel's trace says x86's reports: the bits of the page-fault
 * error code (Intel SDM vol. 3, 4.7), a CR3 load with and without PCID
 * (CR3 bit 63: NOFLUSH), and the PAE pmds loaded with CR3.
 */
#include "ptwalk/machine.h"
#include "x86.h"

static const struct fault_kind x86_fault_kinds[] = {
	{ 0, 0, "#PF", "cr2", "error_code" },
	{ .name = NULL }
};

static const struct fault_word x86_fault_words[] = {
	{ 0, 0, 0, X86_PF_PROT, X86_PF_PROT, "P=1 protection violation" },
	{ 0, 0, 0, 0, 0, "P=0 not present" },
	{ 1, 0, 0, X86_PF_WRITE, X86_PF_WRITE, "W=1 write" },
	{ 1, 0, 0, 0, 0, "W=0 read" },
	{ 2, 0, 0, X86_PF_USER, X86_PF_USER, "U=1 user mode" },
	{ 2, 0, 0, 0, 0, "U=0 kernel mode" },
	{ 3, 0, 0, X86_PF_RSVD, X86_PF_RSVD, "RSVD=1 reserved bit" },
	{ 4, 0, 0, X86_PF_INSTR, X86_PF_INSTR, "I=1 instruction fetch" },
	{ .word = NULL }
};

const struct arch_words x86_words = {
	.fault_kinds = x86_fault_kinds,
	.fault_words = x86_fault_words,
	.fault_addr = "cr2",
	.untagged = ": without PCID a CR3 write flushes every non-global TLB "
		"entry",
	.tag = " | PCID ",
	.flush = ": that PCID's entries flushed",
	.noflush = " | NOFLUSH (bit 63): no flush",
	.prealloc_mode = "PAE",
	.prealloc_why = "PDPTEs are loaded with CR3",
};
