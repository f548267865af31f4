/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TLB maintenance as the kernel does it after changing page tables
 * (arch/x86/mm/tlb.c, arch/arm/include/asm/tlbflush.h): every CPU's TLB,
 * since a kernel mapping is shared by all and user mappings may be cached
 * on any CPU that ran the mm (ptwalk shoots down on every CPU at once).
 * Each call records what it did in the kernel's trace.
 */
#ifndef PTWALK_TLBFLUSH_H
#define PTWALK_TLBFLUSH_H

#include "machine.h"

/*
 * Above this many pages a range flush becomes a full flush
 * (x86 tlb_single_page_flush_ceiling).
 */
#define TLB_FLUSH_CEILING	33

/* Everything, global entries too (x86: CR4.PGE toggle; arm: TLBIALL). */
void flush_tlb_all(struct machine *m);
/* A kernel range on every CPU (vfree, kunmap, iounmap). */
void flush_tlb_kernel_range(struct machine *m, u64 start, u64 end);
/* One user page of the address space asid on every CPU. */
void flush_tlb_page(struct machine *m, u16 asid, u64 va);
/* A user range of address space asid (munmap, mprotect, COW). */
void flush_tlb_range(struct machine *m, u16 asid, u64 start, u64 end);
/* Every non-global entry of address space asid (exit, fork's COW). */
void flush_tlb_mm(struct machine *m, u16 asid);

#endif
