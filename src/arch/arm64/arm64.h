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
void arm64_save_notes(struct machine *m, struct strbuf *notes);
void arm64_save_vmcoreinfo(struct machine *m, struct strbuf *sb);

/* fault.c */
struct walk;
u64 arm64_fault_code(const struct machine *m, const struct walk *w,
		     unsigned acc);
void arm64_fault_trace(u64 esr, struct trace_page_fault *f);

/* disasm.c */
extern const struct arch_disasm arm64_disasm;
/* ioremap.c */
extern const struct ioremap_mode arm64_ioremap_modes[];
unsigned arm64_ioremap_max_order(const struct machine *m);

extern const struct arch arch_arm64;
extern const struct arch_mm arm64_mm;
extern const struct kernel_profile arm64_profiles[];

#endif
