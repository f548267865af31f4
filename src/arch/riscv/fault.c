// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv page faults (cf. arch/riscv/mm/fault.c): the exception code the
 * trap leaves in scause, 12 for an instruction fetch, 13 for a load, 15
 * for a store or AMO, with the faulting address in stval.  A store to a
 * clean page, or any access to a page whose A is clear, faults as well
 * under Svade: the kernel sets A and D.
 */
#include "ptwalk/machine.h"
#include "riscv.h"

u64
riscv_fault_code(const struct machine *m, const struct walk *w, unsigned acc)
{
	(void)m;
	(void)w;
	if (acc & ACC_EXEC)
		return SCAUSE_FETCH_PF;
	if (acc & ACC_WRITE)
		return SCAUSE_STORE_PF;
	return SCAUSE_LOAD_PF;
}
