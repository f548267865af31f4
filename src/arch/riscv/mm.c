// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What the simulated kernel asks of riscv (struct arch_mm), as
 * arch/riscv/mm and arch/riscv/include/asm answer it in 6.1; the ASID
 * allocator of arch/riscv/mm/context.c (generations, as arm64's) with
 * satp written on every switch: MODE, the mm's ASID and its pgd's PPN.
 */
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "riscv.h"
#include "../arm/context.h"

/* ELF_ET_DYN_BASE: two thirds of TASK_SIZE */
static u64
et_dyn_base(const struct machine *m)
{
	return m->lay.task_size / 3 * 2;
}

static void
set_satp(struct machine *m, struct cpu *c)
{
	c->regs[0] = riscv_satp(&m->mmu, c->root[0], c->asid);
}

static void *
ctx_init(struct machine *m)
{
	int i;

	for (i = 0; i < m->ncpus; i++)
		set_satp(m, &m->cpu[i]);
	return arm_asid_context.init(m);
}

static void
ctx_switch_mm(struct machine *m, void *st, struct cpu *c,
	      struct mm_struct *mm)
{
	arm_asid_context.switch_mm(m, st, c, mm);
	set_satp(m, c);
}

static void
ctx_leave_mm(struct machine *m, void *st, struct cpu *c)
{
	arm_asid_context.leave_mm(m, st, c);
	set_satp(m, c);
}

/* sfence.vma by address and ASID on every hart, as the ASID is global */
static void
ctx_flush_tlb_page(struct machine *m, void *st, struct mm_struct *mm, u64 va)
{
	arm_asid_context.flush_tlb_page(m, st, mm, va);
}

static void
ctx_flush_tlb_mm(struct machine *m, void *st, struct mm_struct *mm)
{
	arm_asid_context.flush_tlb_mm(m, st, mm);
}

static void
ctx_release(void *st)
{
	arm_asid_context.release(st);
}

static const struct arch_context riscv_context = {
	.init = ctx_init,
	.release = ctx_release,
	.switch_mm = ctx_switch_mm,
	.leave_mm = ctx_leave_mm,
	.flush_tlb_page = ctx_flush_tlb_page,
	.flush_tlb_mm = ctx_flush_tlb_mm,
};

const struct arch_mm riscv64_mm = {
	.fault_code = riscv_fault_code,
	.platform = NULL,
	.hwcap = 0x112d,	/* COMPAT_HWCAP_ISA_I M A F D C */
	.mmap_min_addr = 65536,
	.et_dyn_base = et_dyn_base,
	.context = &riscv_context,
	.asid_bits = 16,
	.ioremap_modes = riscv_ioremap_modes,
	.ioremap_max_order = riscv_ioremap_max_order,
	.module_prot = PAGE_KERNEL,
};

const struct arch_mm riscv32_mm = {
	.fault_code = riscv_fault_code,
	.platform = NULL,
	.hwcap = 0x112d,
	.mmap_min_addr = 65536,
	.et_dyn_base = et_dyn_base,
	.context = &riscv_context,
	.asid_bits = 9,
	.ioremap_modes = riscv_ioremap_modes,
	.ioremap_max_order = riscv_ioremap_max_order,
	.module_prot = PAGE_KERNEL,
};
