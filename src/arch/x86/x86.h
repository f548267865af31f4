/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * x86 private definitions: entry bits (arch/x86/include/asm/pgtable_types.h).
 */
#ifndef PTWALK_ARCH_X86_H
#define PTWALK_ARCH_X86_H

#include "ptwalk/arch.h"

#define _PAGE_PRESENT	BIT(0)
#define _PAGE_RW	BIT(1)
#define _PAGE_USER	BIT(2)
#define _PAGE_PWT	BIT(3)
#define _PAGE_PCD	BIT(4)
#define _PAGE_ACCESSED	BIT(5)
#define _PAGE_DIRTY	BIT(6)
#define _PAGE_PSE	BIT(7)
#define _PAT_4K		BIT(7)
#define _PAGE_GLOBAL	BIT(8)
#define _PAGE_PROTNONE	BIT(8)	/* when PRESENT is clear */
#define _PAGE_SPECIAL	BIT(9)
#define _PAT_LARGE	BIT(12)
#define _PAGE_NX	BIT(63)

#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)	/* 0x067 */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			 _PAGE_DIRTY)			/* 0x063 */

enum x86_mode { X86_2LEVEL, X86_PAE, X86_LONG };

struct x86_priv {
	enum x86_mode mode;
};

struct machine;
struct machine_opts;
struct error;
int x86_setup(struct machine *m, const struct machine_opts *o,
	      struct error *e);
int x86_paging_init(struct machine *m, struct error *e);
struct mmu;
struct strbuf;
struct image_info;
int x86_mmu_init(struct mmu *mmu, struct error *e);
/* image.c */
bool x86_image_match(const struct arch *a, const struct image_info *ii);
int x86_image_setup(struct machine *m, struct error *e);
int x86_image_mmu(struct machine *m, struct error *e);
bool x86_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
			unsigned user_end);
#define X86_EFER_LMA	(1ULL << 10)
u32 x86_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
			int *elf_class);
const char *x86_gdb_mmu_off(const struct machine *m,
			    const struct image_cpu *c);
bool x86_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
		  u64 *root, u16 *asid);
void x86_save_notes(struct machine *m, struct strbuf *notes);
void x86_save_vmcoreinfo(struct machine *m, struct strbuf *sb);

void x86_image_regions(struct machine *m);

/*
 * What an x86 kernel profile fixes (kernel_profile.data).  The kernel
 * image is given by its physical load address and the offsets from _text
 * of _etext, _sdata, _edata, __bss_start and _end, and the parts of it the
 * booted kernel has freed (initmem, the gaps free_kernel_image_pages()
 * frees, unused decrypted bss): the rest stays reserved.
 */
struct x86_kernel {
	unsigned nr_cpus;		/* CONFIG_NR_CPUS */
	bool cpu_entry_area;		/* 4.15+: 32-bit CPU_ENTRY_AREA, LDT */
	bool maxmem_below_vmalloc_end;	/* 2.6.27+: MAXMEM from VMALLOC_END */
	u64 phys_start;			/* CONFIG_PHYSICAL_START */
	u64 etext, sdata, edata, bss, end;
	struct { u64 start, end; const char *what; } freed[4];
	u64 kernel_image_size;		/* x86_64: MODULES_VADDR offset */
	bool reserve_first_mib;		/* 5.13+: reserve_real_mode() */
	bool qemu_e820;			/* page 0, ISA hole, top 128K not RAM */
	/*
	 * CONFIG_PAGE_TABLE_ISOLATION, and the offsets from _text of
	 * __entry_text_start/end and __end_rodata_aligned (what pti_init
	 * and pti_finalize clone into the user half).
	 */
	bool pti;
	u64 entry_text, entry_text_end, end_rodata;
};

/* pti.c: kernel page-table isolation */
#define X86_64_CPU_ENTRY_AREA_BASE	0xfffffe0000000000ULL
void x86_pti_select(struct machine *m);
int x86_pti_init(struct machine *m, u64 idt, struct error *e);

/* init.c: the kernels of --kernel */
extern const struct kernel_profile x86_32_profiles[], x86_pae_profiles[],
	x86_64_profiles[], x86_la57_profiles[];

/*
 * QEMU's QEMUCPUState, version 1 (target/i386/arch_dump.c), without the
 * later kernel_gs_base: the note "QEMU" of type 0 of every CPU.
 */
#define QEMU_CPUSTATE_VERSION	1
#define QEMU_CPUSTATE_BYTES	432
#define QEMU_CS_RSP		(8 + 6 * 8)
#define QEMU_CS_RIP		(8 + 16 * 8)
#define QEMU_CS_RFLAGS		(8 + 17 * 8)
#define QEMU_CR_OFF		(8 + 18 * 8 + 10 * 24)	/* cr[0..4] */
bool x86_core_note(struct image_info *ii, const char *name, u32 namesz,
		   u32 type, const u8 *desc, u32 descsz, int *ncpu);

/* struct cpu regs[] of x86 */
enum { X86_CR0, X86_CR2, X86_CR3, X86_CR4, X86_RIP, X86_RSP, X86_RFLAGS,
       X86_EFER };
#define X86_CR0_PG	BIT(31)
#define X86_CR0_WP	BIT(16)
#define X86_CR4_PSE	BIT(4)
#define X86_CR4_PAE	BIT(5)
#define X86_CR4_PGE	BIT(7)
#define X86_CR4_LA57	BIT(12)
#define X86_CR4_PCIDE	BIT(17)

struct mmu;
void x86_set_decoder(struct mmu *mmu);

/* fault.c: the page-fault error code (arch/x86/include/asm/trap_pf.h) */
#define X86_PF_PROT	0x01
#define X86_PF_WRITE	0x02
#define X86_PF_USER	0x04
#define X86_PF_RSVD	0x08
#define X86_PF_INSTR	0x10
struct walk;
u64 x86_fault_code(const struct machine *m, const struct walk *w,
		   unsigned acc);
const char *x86_access_error(u64 ec, unsigned acc, unsigned long vm_flags);
/* words.c: how the trace says x86's reports */
extern const struct arch_words x86_words;

extern const struct arch arch_i386, arch_i386_pae, arch_x86_64,
	arch_x86_64_la57;
/* disasm.c */
extern const struct arch_disasm x86_32_disasm, x86_64_disasm;
/* ioremap.c */
extern const struct ioremap_mode x86_ioremap_modes[];
unsigned x86_ioremap_max_order(const struct machine *m);
/* tlb.c: CR3 and PCID switches */
extern const struct arch_context x86_tlb_context;
/* mm.c: the kernel's questions, answered for 32-bit and 64-bit x86 */
extern const struct arch_mm x86_32_mm, x86_64_mm;

#endif
