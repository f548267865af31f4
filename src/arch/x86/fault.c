// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 page faults (cf. arch/x86/mm/fault.c): the error code the CPU pushes
 * with #PF, and access_error().
 */
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "x86.h"

u64
x86_fault_code(const struct machine *m, const struct walk *w, unsigned acc)
{
	u64 ec = 0;

	if (w->fault == WF_PROTECTION || w->fault == WF_RESERVED)
		ec |= X86_PF_PROT;
	if (acc & ACC_WRITE)
		ec |= X86_PF_WRITE;
	if (acc & ACC_USER)
		ec |= X86_PF_USER;
	if (w->fault == WF_RESERVED)
		ec |= X86_PF_RSVD;
	if ((acc & ACC_EXEC) && (m->mmu.features & F_NX))
		ec |= X86_PF_INSTR;
	return ec;
}

/* access_error(): a read of a present page faults only for its rights */
const char *
x86_access_error(u64 ec, unsigned acc, unsigned long vm_flags)
{
	if ((acc & ACC_WRITE) && !(vm_flags & VM_WRITE))
		return "a write to a VMA without VM_WRITE";
	if (!(acc & ACC_WRITE) && (ec & X86_PF_PROT))
		return (acc & ACC_EXEC) ? "an instruction fetch from a VMA "
			"without VM_EXEC (NX)" : "a read of a present page it "
			"may not read";
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return "the VMA allows no access (PROT_NONE)";
	return NULL;
}
