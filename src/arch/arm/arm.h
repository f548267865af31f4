/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * 32-bit ARM private definitions: the short-descriptor hardware format
 * (arch/arm/include/asm/pgtable-2level-hwdef.h) and Linux's own PTE bits
 * (arch/arm/include/asm/pgtable-2level.h).
 */
#ifndef PTWALK_ARCH_ARM_H
#define PTWALK_ARCH_ARM_H

#include "ptwalk/arch.h"

/*
 * Hardware first-level (L1) descriptors: Linux calls them pmd entries;
 * the pgd and pmd are folded together on 2-level ARM.
 */
#define PMD_TYPE_MASK		0x3ULL
#define PMD_TYPE_FAULT		0x0ULL
#define PMD_TYPE_TABLE		0x1ULL
#define PMD_TYPE_SECT		0x2ULL
#define PMD_BIT4		BIT(4)	/* SBZ on v7; needed on ARMv5 tables */
#define PMD_DOMAIN(d)		((u64)(d) << 5)
#define PMD_DOMAIN_MASK		GENMASK(8, 5)
#define PMD_PROTECTION		BIT(9)	/* v5: P/ECC */
#define PMD_SECT_BUFFERABLE	BIT(2)
#define PMD_SECT_CACHEABLE	BIT(3)
#define PMD_SECT_XN		BIT(4)	/* v6 */
#define PMD_SECT_AP_WRITE	BIT(10)
#define PMD_SECT_AP_READ	BIT(11)
#define PMD_SECT_TEX(x)		((u64)(x) << 12)
#define PMD_SECT_APX		BIT(15)	/* v6 */
#define PMD_SECT_S		BIT(16)	/* v6 */
#define PMD_SECT_nG		BIT(17)	/* v6 */
#define PMD_SECT_SUPER		BIT(18)	/* v6 */
#define PMD_SECT_NS		BIT(19)	/* security extensions */
#define PMD_SECT_WB		(PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)
#define PMD_SECT_WBWA		(PMD_SECT_TEX(1) | PMD_SECT_WB)

#define SECTION_SHIFT		20
#define SECTION_SIZE		(1ULL << SECTION_SHIFT)
#define SUPERSECTION_SHIFT	24

/* Hardware second-level (L2) descriptors. */
#define PTE_TYPE_MASK		0x3ULL
#define PTE_TYPE_FAULT		0x0ULL
#define PTE_TYPE_LARGE		0x1ULL
#define PTE_TYPE_SMALL		0x2ULL
#define PTE_BUFFERABLE		BIT(2)
#define PTE_CACHEABLE		BIT(3)
#define PTE_EXT_XN		BIT(0)	/* small pages, v6 */
#define PTE_EXT_AP0		BIT(4)
#define PTE_EXT_AP1		BIT(5)
#define PTE_EXT_TEX(x)		((u64)(x) << 6)
#define PTE_EXT_APX		BIT(9)
#define PTE_EXT_SHARED		BIT(10)
#define PTE_EXT_NG		BIT(11)
#define PTE_LARGE_XN		BIT(15)

/* Linux PTE bits (pgtable-2level.h, 3.x and later). */
#define L_PTE_PRESENT		BIT(0)
#define L_PTE_YOUNG		BIT(1)
#define L_PTE_FILE		BIT(2)	/* 3.x, only when !PRESENT */
#define L_PTE_DIRTY		BIT(6)
#define L_PTE_RDONLY		BIT(7)
#define L_PTE_USER		BIT(8)
#define L_PTE_XN		BIT(9)
#define L_PTE_SHARED		BIT(10)
#define L_PTE_NONE		BIT(11)	/* 3.8+: PROT_NONE */

#define L_PTE_MT_SHIFT		2
#define L_PTE_MT_MASK		(0xfULL << L_PTE_MT_SHIFT)
#define L_PTE_MT_UNCACHED	(0x00ULL << 2)	/* strongly ordered */
#define L_PTE_MT_BUFFERABLE	(0x01ULL << 2)	/* normal non-cacheable */
#define L_PTE_MT_WRITETHROUGH	(0x02ULL << 2)
#define L_PTE_MT_WRITEBACK	(0x03ULL << 2)
#define L_PTE_MT_MINICACHE	(0x06ULL << 2)	/* XScale */
#define L_PTE_MT_WRITEALLOC	(0x07ULL << 2)
#define L_PTE_MT_DEV_SHARED	(0x04ULL << 2)
#define L_PTE_MT_DEV_NONSHARED	(0x0cULL << 2)
#define L_PTE_MT_DEV_WC		(0x09ULL << 2)
#define L_PTE_MT_DEV_CACHED	(0x0bULL << 2)

/* Linux's PTE page: two Linux tables, then the two hardware tables. */
#define PTRS_PER_PTE		512
#define PTE_HWTABLE_OFF		(PTRS_PER_PTE * 4)	/* 2048 */
#define PGDIR_SHIFT		21
#define PTRS_PER_PGD		2048

/* arch/arm/include/asm/domain.h */
#define DOMAIN_KERNEL		0
#define DOMAIN_USER		1
#define DOMAIN_IO		2
#define DOMAIN_VECTORS		3	/* 4.3+ */
#define DOMAIN_CLIENT		1

/* The kernel-built table descriptors (asm/pgalloc.h). */
#define _PAGE_USER_TABLE	(PMD_TYPE_TABLE | PMD_BIT4 | \
				 PMD_DOMAIN(DOMAIN_USER))	/* 0x31 */
#define _PAGE_KERNEL_TABLE	(PMD_TYPE_TABLE | PMD_BIT4 | \
				 PMD_DOMAIN(DOMAIN_KERNEL))	/* 0x11 */

/* Which kernel's layout (the --kernel option). */
struct arm_variant {
	const char *name;		/* "3.4", "5.4": the profile's */
	u64 vmalloc_end;
	u64 consistent_base, consistent_end;	/* 0: no consistent area */
	u64 fixaddr_start, fixaddr_end;
	bool fixmap_up;			/* fix_to_virt counts up (3.x) */
	bool pte_none;			/* L_PTE_NONE exists (3.8+) */
	bool strict_rwx;		/* STRICT_KERNEL_RWX section perms */
	unsigned vectors_pages;		/* 1, or 2 with the vector-entry page (3.11+) */
	unsigned vectors_domain;
	u32 dacr;			/* the kernel's DACR */
	unsigned max_cpus;		/* kmap_atomic slots must fit the fixmap */
	unsigned nr_cpus;		/* CONFIG_NR_CPUS: the fixmap's kmap slots */
	u64 phys_offset;		/* PHYS_OFFSET: where the board's RAM starts */
	u64 text_offset;		/* TEXT_OFFSET: _text - PAGE_OFFSET */
	bool dma_zone;			/* ZONE_DMA over all of lowmem (6.1 armmp) */
	u64 cma_size;			/* CMA at the top of lowmem, in 4K pages */
	u64 fdt_base, fdt_end;		/* the device tree's fixed mapping (5.x+) */
	u64 pci_io;			/* PCI_IO_VIRT_BASE's 2M, reserved (0: none) */
	bool free_init;			/* free_initmem(): init is not reserved */
	/* kernel image, offsets from PAGE_OFFSET */
	u64 stext, etext, rodata, init_begin, init_end, sdata, edata, bss, end;
};

struct arm_priv {
	const struct arm_variant *v;
	bool smp;			/* shared + write-allocate memory types */
	u64 task_size;			/* set_pte_at: nG below TASK_SIZE */
};

extern const struct arm_variant arm_variants[];
extern const struct kernel_profile arm_profiles[];

struct machine;
struct machine_opts;
struct error;
int arm_setup(struct machine *m, const struct machine_opts *o,
	      struct error *e);
int arm_paging_init(struct machine *m, struct error *e);
struct mmu;
struct strbuf;
struct image_info;
struct arch;
int arm_mmu_init(struct mmu *mmu, struct error *e);
void arm_mmu_variant(struct mmu *mmu, const struct arm_variant *v);
const struct arm_variant *arm_find_variant(const char *name);
const struct kernel_profile *arm_profile_of(const struct arm_variant *v);
void arm_regions(struct machine *m, const struct arm_variant *v);
/* image.c */
bool arm_image_match(const struct arch *a, const struct image_info *ii);
int arm_image_setup(struct machine *m, struct error *e);
int arm_image_mmu(struct machine *m, struct error *e);
struct image_cpu;
u32 arm_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		   int *elf_class);
bool arm_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
		  u64 *root, u16 *asid);
const char *arm_gdb_mmu_off(const struct machine *m,
			    const struct image_cpu *c);
bool arm_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
			unsigned user_end);
void arm_save_notes(struct machine *m, struct strbuf *notes);
void arm_save_vmcoreinfo(struct machine *m, struct strbuf *sb);
/* Link a PTE page into both first-level words of a Linux pgd entry. */
void arm_pmd_populate(struct machine *m, u64 entry_pa, u64 pte_page,
		      u64 prot_l1);
/* ARMv7 cpu_v7_set_pte_ext(): the hardware PTE for a Linux PTE. */
u64 arm_hw_pte(const struct arm_priv *ap, u64 linux_pte, u64 va);

/* fault.c: the short-descriptor fault status (FSR, IFSR) */
#define FSR_WNR		BIT(11)		/* write, not read */
#define FSR_FS		0xf		/* FS[3:0]; FS[4] (bit 10) is 0 here */
#define FS_TRANS_SECT	0x5
#define FS_TRANS_PAGE	0x7
#define FS_PERM_SECT	0xd
#define FS_PERM_PAGE	0xf
struct walk;
u64 arm_fault_code(const struct machine *m, const struct walk *w,
		   unsigned acc);
/* words.c: how the trace says arm's reports */
extern const struct arch_words arm_words;

/* disasm.c */
extern const struct arch_disasm arm_disasm;
/* dma-mapping.c */
struct dma_buf *arm_dma_alloc(struct machine *m, u64 size, u64 mask,
			      struct error *e);
/* ioremap.c */
extern const struct ioremap_mode arm_ioremap_modes[];
unsigned arm_ioremap_max_order(const struct machine *m);

extern const struct arch arch_arm;
extern const struct arch_mm arm_mm;

#endif
