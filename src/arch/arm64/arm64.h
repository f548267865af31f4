/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * arm64: the architecture entry and its setup (arm64.c, init.c).
 * The descriptor bits are in arm64_hwdef.h.
 */
#ifndef PTWALK_ARCH_ARM64_H
#define PTWALK_ARCH_ARM64_H

#include "ptwalk/arch.h"

struct machine;
struct machine_opts;
struct error;
int arm64_setup(struct machine *m, const struct machine_opts *o,
		struct error *e);
int arm64_paging_init(struct machine *m, struct error *e);
struct mmu;
struct layout;
struct strbuf;
struct image_info;
int arm64_mmu_init(struct mmu *mmu, struct error *e);
void arm64_layout_va(struct layout *L, unsigned vb);
void arm64_regions(struct machine *m);
void arm64_layout_syms(struct machine *m);
/* image.c */
bool arm64_image_match(const struct arch *a, const struct image_info *ii);
int arm64_image_setup(struct machine *m, struct error *e);
int arm64_image_mmu(struct machine *m, struct error *e);
struct image_cpu;
u32 arm64_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		     int *elf_class);
bool arm64_gdb_root(const struct machine *m, const struct image_cpu *c,
		    int r, u64 *root, u16 *asid);
const char *arm64_gdb_mmu_off(const struct machine *m,
			      const struct image_cpu *c);
void arm64_save_notes(struct machine *m, struct strbuf *notes);
void arm64_save_vmcoreinfo(struct machine *m, struct strbuf *sb);

/* fault.c: ESR_ELx (arch/arm64/include/asm/esr.h) */
#define ESR_EC_SHIFT		26
#define ESR_EC_IABT_LOW		0x20	/* instruction abort from EL0 */
#define ESR_EC_DABT_LOW		0x24	/* data abort from EL0 */
#define ESR_EC_CUR		0x01	/* ... from the current EL: +1 */
#define ESR_IL			BIT(25)	/* a 32-bit instruction */
#define ESR_WNR			BIT(6)	/* write, not read */
#define ESR_FSC			0x3f	/* the fault status code */
#define ESR_FSC_TYPE		0x3c
#define ESR_FSC_LEVEL		0x03
#define FSC_FAULT		0x04	/* translation fault, level 0-3 */
#define FSC_ACCESS		0x08	/* access flag fault */
#define FSC_PERM		0x0c	/* permission fault */
struct walk;
u64 arm64_fault_code(const struct machine *m, const struct walk *w,
		     unsigned acc);
/* words.c: how the trace says arm64's reports */
extern const struct arch_words arm64_words;

/* disasm.c */
extern const struct arch_disasm arm64_disasm;
/* ioremap.c */
extern const struct ioremap_mode arm64_ioremap_modes[];
unsigned arm64_ioremap_max_order(const struct machine *m);

extern const struct arch arch_arm64;
extern const struct arch_mm arm64_mm;
extern const struct kernel_profile arm64_profiles[];

#endif
