/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * riscv: the privileged architecture's page-based virtual memory (Sv32,
 * Sv39, Sv48, Sv57) and Linux 6.1's use of it (arch/riscv/include/asm/
 * pgtable-bits.h, pgtable.h, page.h).  Included only inside this folder
 * and by tests/unit/test_riscv.c.
 */
#ifndef PTWALK_ARCH_RISCV_H
#define PTWALK_ARCH_RISCV_H

#include "ptwalk/arch.h"

/* PTE bits (privileged spec 4.3.1, 4.4.1) */
#define RV_V		BIT(0)
#define RV_R		BIT(1)
#define RV_W		BIT(2)
#define RV_X		BIT(3)
#define RV_U		BIT(4)
#define RV_G		BIT(5)
#define RV_A		BIT(6)
#define RV_D		BIT(7)
#define RV_RSW		(3ULL << 8)
#define RV_RWX		(RV_R | RV_W | RV_X)
#define RV_PPN_SHIFT	10
/* Sv39/48/57: PPN 53:10, reserved 60:54, PBMT 62:61 (Svpbmt), N 63 */
#define RV_PPN64	GENMASK(53, 10)
#define RV_RSVD64	GENMASK(60, 54)
#define RV_PBMT_SHIFT	61
#define RV_PBMT		(3ULL << RV_PBMT_SHIFT)
#define RV_PBMT_NC	(1ULL << RV_PBMT_SHIFT)
#define RV_PBMT_IO	(2ULL << RV_PBMT_SHIFT)
#define RV_N		BIT(63)
/* Sv32: PPN 31:10 (34-bit physical addresses) */
#define RV_PPN32	GENMASK(31, 10)

/* Linux's software bits (pgtable-bits.h, 6.1) */
#define RV_SPECIAL	BIT(8)		/* _PAGE_SOFT */
#define RV_PROT_NONE	RV_R		/* on a not-present pte */

/* satp (privileged spec 4.1.11) */
#define SATP_MODE_BARE	0
#define SATP_MODE_SV32	1
#define SATP_MODE_SV39	8
#define SATP_MODE_SV48	9
#define SATP_MODE_SV57	10

/* scause exception codes of page faults */
#define SCAUSE_FETCH_PF	12
#define SCAUSE_LOAD_PF	13
#define SCAUSE_STORE_PF	15

/* F_* bits of --cpu are in ptwalk/arch.h: F_SVADU, F_SVPBMT */

struct machine;
struct machine_opts;
struct error;
struct mmu;
struct walk;

/* disasm.c: LLVM's, RV64GC and RV32GC */
extern const struct arch_disasm riscv64_disasm, riscv32_disasm;

/* riscv.c */
u64 riscv_pte_ppn_mask(const struct mmu *mmu);
/*
 * satp: the value for a root, its mode and ASID; and back, naming a MODE
 * this hart does not implement (returns -1 with the reason in why).
 */
u64 riscv_satp(const struct mmu *mmu, u64 root, unsigned asid);
int riscv_satp_decode(const struct mmu *mmu, u64 satp, u64 *root,
		      unsigned *asid, char *why, size_t n);
unsigned riscv_satp_mode(const struct mmu *mmu);
const char *riscv_satp_mode_name(unsigned mode);

/* image.c: live guests over QEMU's gdbstub */
struct image_cpu;
u32 riscv_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		     int *elf_class);
bool riscv_gdb_root(const struct machine *m, const struct image_cpu *c,
		    int r, u64 *root, u16 *asid);
const char *riscv_gdb_mmu_off(const struct machine *m,
			      const struct image_cpu *c);

/* xv6.c: --kernel xv6 */
extern const struct kernel_ops xv6_ops;
int xv6_setup(struct machine *m, const struct machine_opts *o,
	      struct error *e);
int xv6_paging_init(struct machine *m, struct error *e);

/* init.c */
int riscv_mmu_init(struct mmu *mmu, struct error *e);
int riscv_setup(struct machine *m, const struct machine_opts *o,
		struct error *e);
int riscv_paging_init(struct machine *m, struct error *e);
/* the layout's parts, for a simulated machine and an image */
void riscv_layout64(struct machine *m, unsigned vb);
void riscv_layout32(struct machine *m);
void riscv_set_vmemmap(struct machine *m);
void riscv_regions64(struct machine *m);
void riscv_regions32(struct machine *m);
void riscv_ksyms(struct machine *m);
void riscv_layout_syms(struct machine *m);
#define RISCV_RAM_BASE		0x80000000ULL
extern const struct kernel_profile riscv64_profiles[];
extern const struct kernel_profile riscv64_sv_profiles[];
extern const struct kernel_profile riscv32_profiles[];

/* image.c */
struct image_info;
struct strbuf;
bool riscv_image_match(const struct arch *a, const struct image_info *ii);
int riscv_image_setup(struct machine *m, struct error *e);
int riscv_image_mmu(struct machine *m, struct error *e);
bool riscv_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
			  unsigned user_end);
void riscv_save_notes(struct machine *m, struct strbuf *notes);
void riscv_save_vmcoreinfo(struct machine *m, struct strbuf *sb);

/* fault.c */
u64 riscv_fault_code(const struct machine *m, const struct walk *w,
		     unsigned acc);
/* words.c */
extern const struct arch_words riscv_words;
/* ioremap.c */
extern const struct ioremap_mode riscv_ioremap_modes[];
unsigned riscv_ioremap_max_order(const struct machine *m);
/* mm.c */
extern const struct arch_mm riscv64_mm, riscv32_mm;

extern const struct arch arch_riscv64, arch_riscv64_sv48, arch_riscv64_sv57,
	arch_riscv32;

#endif
