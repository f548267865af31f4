/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Architectures: data plus a few functions.
 *
 * The generic walker (src/hw/mmu.c) knows nothing about any architecture: it
 * indexes tables with the level geometry below and asks the arch to decode
 * each entry into a struct pte_decode.  Adding an architecture touches
 * src/arch/ and one line of the arch list, nothing else (ARCHITECTURE.md
 * says which members an arch must have).  Generic code reaches an arch
 * only through the members below, never by its name or ELF machine.
 *
 * Levels are always named as Linux names them: pgd, p4d, pud, pmd, pte.  A
 * level the arch does not have is "folded" (pgtable-nop4d.h etc.): it is
 * shown but not walked.
 */
#ifndef PTWALK_ARCH_H
#define PTWALK_ARCH_H

#include "types.h"
#include "util.h"

struct machine;
struct mmu;
struct cpu;
struct strbuf;
struct phys;
struct exec_layout;
struct walk;
struct image_info;
struct image_cpu;
struct dis_insn;
struct mm_struct;
struct dma_buf;

enum pt_lvl { LVL_PGD, LVL_P4D, LVL_PUD, LVL_PMD, LVL_PTE, NR_LEVELS };

/*
 * Generic protection of a mapping (the arch-neutral pgprot of ptwalk).
 * Low bits: who may do what.  High bits: attributes.  Every arch turns
 * these into its own entry bits (mk_leaf) and back (decode).
 */
#define P_KR		0x0001	/* kernel read */
#define P_KW		0x0002	/* kernel write */
#define P_KX		0x0004	/* kernel execute */
#define P_UR		0x0008	/* user read */
#define P_UW		0x0010	/* user write */
#define P_UX		0x0020	/* user execute */
#define P_PERM		0x003f
#define P_GLOBAL	0x0100	/* survives address-space switches */
#define P_YOUNG		0x0200	/* accessed */
#define P_DIRTY		0x0400
#define P_NOCACHE	0x0800	/* uncached / device (strong) */
#define P_WC		0x1000	/* write-combining / bufferable */
#define P_SPECIAL	0x2000	/* no struct page refcounting (zero page) */
#define P_PROTNONE	0x4000	/* PROT_NONE marker, not present */
#define P_PRESENT	0x8000	/* only in decode results of Linux PTEs */
#define P_UCMINUS	0x10000	/* x86 UC- (PCD only): ioremap default */

typedef u32 pgprot_t;

/* Linux's named protections in generic form. */
#define PAGE_NONE		(P_PROTNONE | P_YOUNG)
#define PAGE_KERNEL		(P_KR | P_KW | P_GLOBAL | P_YOUNG | P_DIRTY)
#define PAGE_KERNEL_EXEC	(PAGE_KERNEL | P_KX)
#define PAGE_KERNEL_RO		(P_KR | P_GLOBAL | P_YOUNG | P_DIRTY)
#define PAGE_KERNEL_RX		(PAGE_KERNEL_RO | P_KX)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | P_NOCACHE)
#define PAGE_KERNEL_WC		(PAGE_KERNEL | P_WC)
#define PAGE_TABLE_USER		(P_KR | P_KW | P_KX | P_UR | P_UW | P_UX)
#define PAGE_TABLE_KERNEL	(P_KR | P_KW | P_KX)

/* What decoding one entry found. */
enum pt_kind {
	PT_NONE,	/* not present */
	PT_TABLE,	/* points to the next level's table */
	PT_LEAF,	/* maps a page (4K) or a huge page/section/block */
	PT_BAD,		/* reserved bits set / invalid encoding */
};

struct pte_decode {
	u8 kind;	/* enum pt_kind */
	u8 shift;	/* PT_LEAF: log2 of the page size */
	u16 perm;	/* P_K* P_U* this entry allows (tables: restriction) */
	u32 attr;	/* P_GLOBAL, P_YOUNG, ... */
	u64 addr;	/* next table / page base (physical) */
	u64 bad;	/* PT_BAD: the offending bits */
};

struct pt_level {
	const char *name;	/* Linux: pgd p4d pud pmd pte */
	const char *hw;		/* the arch's own: PML4, PDPT, L0, first-level */
	u8 shift;		/* index = (va >> shift) & ((1 << bits) - 1) */
	u8 bits;
	u8 esize;		/* entry size in bytes */
	bool folded;		/* Linux has it, the hardware does not walk it */
	u8 leaf_shift;		/* a huge leaf here maps 1 << leaf_shift (0: none) */
};

/* One named field of an entry, for `pte --raw` and `walk`. */
struct bitfield {
	u8 lo, hi;		/* bit range */
	const char *name;	/* "RW", "AP[2:1]", "PFN" */
	const char *meaning;	/* what it means when set (or what it holds) */
	const char *clear;	/* what it means when clear (NULL: "-") */
};

/* CPU features (the --cpu option). */
#define F_PSE		0x0001	/* 4M pages (i386), 2M pages */
#define F_PGE		0x0002	/* global pages */
#define F_NX		0x0004	/* no-execute (EFER.NXE) */
#define F_GBPAGES	0x0008	/* 1G pages */
#define F_PCID		0x0010	/* PCID tags in the TLB */
#define F_PSE36		0x0040
#define F_HAFDBS	0x0080	/* arm64: hardware access flag and dirty state */
#define F_MELTDOWN	0x0100	/* x86: X86_BUG_CPU_MELTDOWN (an Intel CPU) */
/*
 * x86: the kernel isolates its page tables (X86_FEATURE_PTI): its own
 * mappings are made without _PAGE_GLOBAL.  Set by the kernel, not by --cpu.
 */
#define F_PTI		0x0200
#define F_SVADU		0x0400	/* riscv: hardware A/D updates (else Svade) */
#define F_SVPBMT	0x0800	/* riscv: page-based memory types */

struct machine_opts {
	const char *arch;
	u64 mem;
	int cpus;
	int nodes;
	unsigned cpu_set, cpu_clear;	/* --cpu feature,nofeature */
	int va_bits;			/* arm64: 39 or 48 */
	u64 vmalloc_size;		/* vmalloc= boot parameter (0: default) */
	const char *variant;		/* --kernel VERSION: a profile's name */
	u64 seed;
	const char *exec;		/* -e: pid 1's program ("none": none) */
	const char *boot;		/* --boot booted|clean (NULL: booted) */
};

/*
 * A kernel other than Linux that a profile models (xv6): it brings itself
 * up in place of src/mm's kernel_init (after the arch's setup and
 * paging_init), keeps its state behind m->okern and frees it in
 * m->release.  The commands of the Linux kernel (CMD_SIM) are refused on
 * it; the commands made for it ask these members.
 */
struct kernel_ops {
	int (*boot)(struct machine *m, struct error *e);
	/* the running process's page table (0: none), its pid and name */
	u64 (*user_root)(struct machine *m, int *pid, const char **name);
	/* grow (n > 0) or shrink the running process by n bytes: sbrk(n) */
	int (*sbrk)(struct machine *m, long long n, u64 *old, struct error *e);
	/*
	 * the running program's symbol at or below va: its name and value
	 * (NULL: none), for dis and x/i
	 */
	const char *(*user_sym_at)(struct machine *m, u64 va, u64 *value);
};

/*
 * A kernel profile (--kernel VERSION): one kernel release as the arch
 * models it, internally consistent.  Every constant the simulated machine
 * takes from its kernel comes from the profile: the arch folder's own in
 * data (layout constants, fixmap order, image placement, what boot
 * reserves: for its setup and paging_init), the generic ones below (for
 * the kernel in src/mm).  Nothing mixes two releases.  An arch lists its
 * profiles in struct arch; the first is the default.
 */
struct kernel_profile {
	const char *name;		/* --kernel NAME: "6.1", "2.6" */
	const char *release;		/* the release: "Linux 2.6.11" */
	const char *model;		/* what it models, for machine */
	const void *data;		/* the arch's own constants */
	/* sizeof(struct page) (include/linux/mm_types.h) */
	u16 struct_page_size;
	/*
	 * THP (2.6.38+): khugepaged's set_recommended_min_free_kbytes()
	 * raises min_free_kbytes to fit pageblock-sized allocations.
	 */
	bool thp;
	/*
	 * What boot takes from memblock besides the memory map: the first
	 * percpu chunk, percpu_pages per possible CPU (pcpu_embed_first_chunk:
	 * static, reserved and dynamic areas, as "percpu: Embedded N
	 * pages/cpu" says), and the dentry and inode hash tables (0: none
	 * modelled).
	 */
	u16 percpu_pages;
	bool hash_tables;
	bool zone_device;		/* CONFIG_ZONE_DEVICE: the Device zone */
	/*
	 * kmap_atomic: whether a slot's TLB entry is flushed when it is
	 * mapped and its PTE left at unmap (the arch's own kmap_atomic
	 * before 5.11) rather than cleared and flushed at unmap
	 * (kmap_local, 5.11+).
	 */
	bool kmap_flush_on_map;
	/*
	 * The board this kernel is modelled on, where it differs from the
	 * arch's: where RAM starts (0: the arch's ram_base) and how much
	 * fits (0: the arch's mem_max, and why).
	 */
	u64 ram_base, mem_max;
	const char *mem_max_why;
	u64 mem_default;		/* RAM without --mem (0: the arch's) */
	/* a kernel other than Linux (NULL: Linux, src/mm) */
	const struct kernel_ops *ops;
};

/* A region of the kernel's virtual address space. */
#define REG_DIRECT	0x1	/* pa = va - offset */
#define REG_USER	0x2
#define REG_GAP		0x4	/* a deliberate hole */
#define REG_KIMAGE	0x8	/* kernel image mapping (pa = va - offset) */

struct region {
	const char *name;	/* "lowmem", "vmalloc", "pkmap" ... */
	u64 start, end;		/* [start, end) */
	const char *what;	/* what lives there / allocates there */
	const char *conv;	/* how to get the physical address */
	unsigned flags;
	u64 offset;		/* REG_DIRECT/REG_KIMAGE: va - pa */
};

/* A cache mode of the arch's ioremap family. */
struct ioremap_mode {
	const char *name;	/* "uc-", "wc" ... as the command takes it */
	const char *fn;		/* "ioremap", "ioremap_wc" ... */
	pgprot_t prot;
	const char *what;	/* "UC- (PCD): uncached, MTRR may override" */
};

/*
 * What the programs and the cores of an ELF machine hold (the arches that
 * run its programs share one): its name for messages, the --arch choices
 * to suggest for its programs, the symbols of the ARM ELF ABI, the offset
 * of pr_pid in its NT_PRSTATUS notes, and core_note: a note of its cores
 * that only it knows (x86: QEMU's CPU state), read into ii with
 * image_add_cpu(ii, ncpu), or false when the note is not one (NULL: none).
 */
struct arch_elf {
	const char *name;		/* elf.h's name and the arch's */
	const char *hint;		/* "--arch i386 or i386-pae" */
	bool mapping_symbols;		/* $a, $t, $d, $x mark code and data */
	bool thumb_bit;			/* bit 0 of an STT_FUNC: Thumb code */
	u8 prstatus_pid;
	/* utsname.machine of its kernels (prefixes, ','-separated) and class */
	const char *uts_machine;
	u8 elf_class;
	bool (*core_note)(struct image_info *ii, const char *name,
			  u32 namesz, u32 type, const u8 *desc, u32 descsz,
			  int *ncpu);
};

/*
 * LLVM's C disassembler (src/image/disasm_llvm.c), for an arch that
 * Capstone 4 has not: libLLVM is loaded on the first `dis`.  target names
 * LLVMInitialize<target>TargetInfo (TargetMC, Disassembler); triple, cpu
 * and features are LLVMCreateDisasmCPUFeatures'; max_len is the longest
 * instruction in bytes.  LLVM gives text only: annotate reads the
 * mnemonic and operands split from it and sets what the arch knows
 * (branch targets made absolute, calls, the addresses that pc-relative
 * pairs form), keeping state_size bytes of state along one listing (zeroed
 * at its start); undecoded, when LLVM decodes nothing at code (n >=
 * max_len bytes), makes the line for the bytes that the arch's length
 * encoding says are one unit, and returns their length.
 */
struct arch_disasm_llvm {
	const char *target, *triple, *cpu, *features;
	u8 max_len;
	size_t state_size;
	void (*annotate)(void *state, struct dis_insn *in);
	unsigned (*undecoded)(const u8 *code, size_t n, struct dis_insn *in);
};

/*
 * The disassembler (src/image/disasm.c): Capstone's cs_arch and cs_mode
 * of the arch's code, and of Thumb where the arch has it (thumb_name
 * NULL: it has not); calls: mnemonics that are calls although Capstone
 * does not group them so (NULL-terminated, NULL: none); branch_target:
 * the immediate target of a branch in a cs_detail.  llvm non-NULL: LLVM
 * instead of Capstone (cs_* and the Capstone members unused).
 */
struct arch_disasm {
	int cs_arch, cs_mode;
	const char *name;		/* "x86-64", "ARM (A32)" */
	int thumb_mode;
	const char *thumb_name;
	const char *const *calls;
	bool (*branch_target)(const void *cs_detail, u64 *target);
	const struct arch_disasm_llvm *llvm;
};

/*
 * Address-space switches and the TLB entries of user mappings (x86: CR3
 * and PCIDs, arch/x86/mm/tlb.c; ARM: ASIDs with generations,
 * arch/arm/mm/context.c).  init makes the arch's own state for a booted
 * kernel, release frees it; the other members get it back as state.
 * switch_mm loads mm on cpu c (its pgd, its tag), leave_mm switches c to
 * init_mm; flush_tlb_page and flush_tlb_mm drop mm's entries on every CPU
 * that may hold them.
 */
struct arch_context {
	void *(*init)(struct machine *m);
	void (*release)(void *state);
	void (*switch_mm)(struct machine *m, void *state, struct cpu *c,
			  struct mm_struct *mm);
	void (*leave_mm)(struct machine *m, void *state, struct cpu *c);
	void (*flush_tlb_page)(struct machine *m, void *state,
			       struct mm_struct *mm, u64 va);
	void (*flush_tlb_mm)(struct machine *m, void *state,
			     struct mm_struct *mm);
};

/*
 * What the simulated kernel (src/mm) asks of an architecture, as Linux's
 * arch/<a>/mm and asm/ headers answer it.  One per family (the arches of
 * a family that answer alike share it); reached as m->arch->mm.
 */
struct arch_mm {
	/*
	 * Page faults (arch/<a>/mm/fault.c).  fault_code: what the CPU
	 * reports of a failed walk (x86 error code, ARM FSR, arm64 ESR;
	 * struct arch_words says how it reads).  access_error: why the VMA
	 * does not allow the access, or NULL when it does; with no
	 * access_error the access needs the VMA's VM_EXEC (a fetch),
	 * VM_WRITE (a write) or any access flag (a read).
	 */
	u64 (*fault_code)(const struct machine *m, const struct walk *w,
			  unsigned acc);
	const char *(*access_error)(u64 code, unsigned acc,
				    unsigned long vm_flags);

	/*
	 * Processes (asm/elf.h, asm/processor.h): ELF_PLATFORM (the
	 * AT_PLATFORM string; NULL: none, no AT_PLATFORM), ELF_HWCAP and ELF_HWCAP2, the default
	 * mmap_min_addr, ELF_ET_DYN_BASE (where a PIE with an interpreter
	 * goes), and whether arch_align_stack() rounds the stack pointer
	 * down to 16 bytes.
	 */
	const char *platform;
	u64 hwcap, hwcap2;
	u64 mmap_min_addr;
	u64 (*et_dyn_base)(const struct machine *m);
	bool align_stack16;
	/*
	 * Where valgrind places a client it runs (exec --layout valgrind):
	 * a PIE, its interpreter, the top of its stack; NULL when not known.
	 */
	const struct exec_layout *valgrind_layout;
	/* Switching address spaces; ASIDs of asid_bits bits (0: none). */
	const struct arch_context *context;
	unsigned asid_bits;

	/*
	 * ioremap (arch/<a>/mm/ioremap.c): the cache modes, the default
	 * first, NULL-terminated.  RAM is refused, all of it unless
	 * ioremap_reserved_ram (x86: RAM the page allocator does not manage
	 * may be mapped); ioremap_cache_ram: ioremap_cache of RAM returns its
	 * linear-map address (arm64).  ioremap_max_order: IOREMAP_MAX_ORDER,
	 * log2 of the largest alignment of an ioremap area.
	 */
	const struct ioremap_mode *ioremap_modes;
	bool ioremap_reserved_ram;
	bool ioremap_cache_ram;
	unsigned (*ioremap_max_order)(const struct machine *m);

	/*
	 * dma_alloc_coherent() where DMA is not coherent (arm: remapped
	 * uncached).  NULL: dma-direct, pages from the zone the mask reaches.
	 */
	struct dma_buf *(*dma_alloc)(struct machine *m, u64 size, u64 mask,
				     struct error *e);

	/*
	 * Modules (arch/<a>/kernel/module.c): module_alloc() maps with
	 * module_prot (PAGE_KERNEL_EXEC where the text is executable at
	 * once, else PAGE_KERNEL and the loader makes it so); module_range
	 * moves its range (NULL: the layout's MODULES_VADDR-MODULES_END);
	 * strict_module_rwx: does the loader make text read-only and data
	 * non-executable (NULL: yes)?
	 */
	pgprot_t module_prot;
	void (*module_range)(const struct machine *m, u64 *start, u64 *end);
	bool (*strict_module_rwx)(const struct machine *m);
};

/*
 * The words of the arch's own registers, instructions and functions, as
 * the kernel's trace says them (src/ui/trace_print*.c): the printers are
 * generic and put these pieces together; a piece left NULL says nothing.
 * One per family, in src/arch/<family>/words.c, reached as m->arch->words:
 * the printers themselves name no register, instruction or function of an
 * arch (tests/cli/arch-names.sh holds them to it).
 *
 * A page fault reads "KIND: ADDR_REG=VA CODE_REG=CODE (WORDS)": the kind
 * is the first of kinds whose access matches ((acc & acc_mask) == acc);
 * WORDS says the fields of the code, joined by ", ", each the first of its
 * words whose access and code match ((code & mask) == value).
 */
struct fault_kind {
	unsigned acc_mask, acc;		/* ACC_* */
	const char *name;		/* "#PF", "data abort" */
	const char *addr_reg;		/* "cr2", "FAR" */
	const char *code_reg;		/* "error_code", "FSR" */
};

struct fault_word {
	u8 field;			/* the words of one field are adjacent */
	unsigned acc_mask, acc;
	u64 mask, value;
	const char *word;		/* "W=1 write" */
};

struct arch_words {
	const struct fault_kind *fault_kinds;	/* { .name = NULL } ends */
	const struct fault_word *fault_words;	/* { .word = NULL } ends */
	/* the register of the fault address, as $NAME ("cr2", "far") */
	const char *fault_addr;
	/*
	 * Loading an mm's pgd into root_name[0] (the load_root event):
	 * "cpuN: ROOT <- PGD", then without a tag the untagged words and
	 * the TLB entries dropped and kept; with a tag: tag, its number,
	 * tag_note, then flush or noflush as the tag's entries were flushed
	 * or kept.  split_note follows PGD where user and kernel have roots
	 * of their own (mmu.split_roots).
	 */
	const char *untagged;		/* ": without PCID a CR3 write ..." */
	const char *tag, *tag_note;	/* " | PCID " */
	const char *flush, *noflush;	/* ": that PCID's entries flushed" */
	const char *split_note;		/* " (the user tables)" */
	/*
	 * pgd_alloc of a pgd whose entries the CPU loads with the root
	 * (pgd_prepopulate_pmd): the paging mode and why the user pmds are
	 * preallocated.  NULL: the arch has none.
	 */
	const char *prealloc_mode, *prealloc_why;
	/*
	 * dma_alloc where the buffer is remapped (dma_alloc_remap): the
	 * allocator of the remapped area and the table of its PTEs.  NULL:
	 * dma-direct.
	 */
	const char *dma_remap_alloc, *dma_remap_ptes;
};

struct arch {
	const char *name;		/* --arch NAME */
	const char *summary;		/* for --arch listing */
	/* --kernel: the kernels modelled, the default first; { NULL } ends */
	const struct kernel_profile *profiles;
	bool vmalloc_param;		/* takes --vmalloc (vmalloc= at boot) */
	bool huge_vmap;			/* HAVE_ARCH_HUGE_VMAP: huge ioremap leaves */
	const struct arch_disasm *dis;	/* NULL: no disassembler */
	bool is64;
	u8 va_digits, pa_digits;	/* print widths */
	u32 elf_machine;		/* e_machine of its programs (elf.h) */
	const struct arch_elf *elf;	/* that machine's conventions */
	unsigned features;		/* defaults of this CPU */
	unsigned features_ok;		/* which can be toggled */
	u64 mem_default, mem_max;	/* bytes of RAM */
	const char *mem_max_why;	/* why mem_max (NULL: generic message) */
	const char *mem_max_msg;	/* the whole complaint past mem_max */
	u64 mem_min;			/* least RAM (0: 16M) */
	const char *mem_min_why;	/* why mem_min */
	u64 ram_base;			/* where RAM starts (arm: PHYS_OFFSET) */
	unsigned tlb_entries, tlb_ways;	/* default TLB */
	/*
	 * ARCH_DMA_MINALIGN (0: not defined): kmalloc's smallest size and
	 * alignment (KMALLOC_MIN_SIZE) on arches whose DMA is not coherent.
	 */
	unsigned dma_minalign;
	const char *root_name[2];	/* "cr3" / "ttbr0", "ttbr1" */
	const char *tag_name;		/* the TLB tag: "PCID", "ASID" */
	const char *reg_names[8];	/* names of cpu->regs[] for `machine` */
	/* --va-bits choices, 0-terminated, first = default (none: fixed) */
	u8 va_bits_choices[4];
	const char *va_bits_help;	/* "39 (3 levels) or 48 (4 levels)" */

	/*
	 * The paging structures alone (levels, entry sizes, page sizes,
	 * address widths) for mmu->features: what a memory image in this
	 * mode needs too.  setup() calls it first.
	 */
	int (*mmu_init)(struct mmu *mmu, struct error *e);
	/* Fill m->mmu and m->lay and the region table, for RAM and opts. */
	int (*setup)(struct machine *m, const struct machine_opts *o,
		     struct error *e);
	/* Build the boot-time kernel page tables (swapper_pg_dir). */
	int (*paging_init)(struct machine *m, struct error *e);

	/* Hardware decode of one entry at a level (hot path). */
	void (*decode)(const struct mmu *mmu, int lvl, u64 entry,
		       struct pte_decode *d);
	/* Rejects a VA the hardware cannot translate: 0 or enum walk_fault. */
	int (*va_check)(const struct mmu *mmu, u64 va);

	/* Building entries: values are Linux's (arm: the Linux PTE). */
	u64 (*mk_table)(const struct mmu *mmu, int lvl, u64 table_pa,
			pgprot_t prot);
	u64 (*mk_leaf)(const struct mmu *mmu, int lvl, u64 pa, pgprot_t prot);
	/* Linux view of a leaf (pte_present, pte_young...): NULL = decode. */
	void (*sw_decode)(const struct mmu *mmu, int lvl, u64 val,
			  struct pte_decode *d);
	/*
	 * Write/read a leaf at a hardware entry address.  NULL: plain store
	 * and load of esize bytes.  arm stores the Linux PTE and the
	 * hardware PTE (set_pte_ext) 2048 bytes apart.
	 */
	void (*set_leaf)(struct machine *m, int lvl, u64 entry_pa, u64 val,
			 u64 va);
	u64 (*get_leaf)(struct machine *m, int lvl, u64 entry_pa);
	/*
	 * Link a new table into the entry at entry_pa.  NULL: store
	 * mk_table().  arm writes the two first-level words of a Linux pgd.
	 */
	void (*populate)(struct machine *m, int lvl, u64 entry_pa,
			 u64 table_pa, pgprot_t prot);
	/* Bytes of a table at a level (pgd: 16K on arm, 32 on PAE). */
	u64 (*table_size)(const struct mmu *mmu, int lvl);

	/*
	 * What the hardware does to the entries of a successful walk for an
	 * access (x86: set Accessed on every level, Dirty on a written leaf).
	 * NULL: nothing (arm: young/dirty are emulated by Linux in software).
	 */
	void (*update_ad)(const struct mmu *mmu, struct phys *ph,
			  struct walk *w, unsigned acc);

	/* Presentation (not hot). */
	int (*flag_names)(const struct mmu *mmu, int lvl, u64 entry,
			  const char **names, int max);
	const struct bitfield *(*fields)(const struct mmu *mmu, int lvl,
					  u64 entry);
	/*
	 * The fields of Linux's own copy of an entry where it differs from
	 * the hardware one (arm: the Linux PTE).  NULL: same as fields.
	 */
	const struct bitfield *(*sw_fields)(const struct mmu *mmu, int lvl,
					     u64 val);
	/* Extra lines for a walk step (arm: the Linux PTE). */
	void (*step_note)(struct machine *m, int lvl, u64 entry_pa, u64 entry,
			  struct strbuf *sb);
	/* Describe the paging mode: "i386 2-level (10/10/12)". */
	void (*describe)(const struct mmu *mmu, struct strbuf *sb);
	/* What a control register's fields mean (NULL: value only). */
	void (*reg_note)(const struct mmu *mmu, int idx, u64 val,
			 struct strbuf *sb);
	/*
	 * Why an entry decoded as PT_BAD is invalid, for people ("a block
	 * at L0").  NULL: "reserved bits 0x... set".
	 */
	void (*bad_desc)(const struct mmu *mmu, int lvl, u64 entry,
			 const struct pte_decode *d, char *buf, size_t n);

	/* The simulated kernel's questions (src/mm). */
	const struct arch_mm *mm;
	/* How the kernel's trace says the arch's reports. */
	const struct arch_words *words;

	/*
	 * Memory images (src/image/image.c).  image_match: is a core with this
	 * ELF machine in this arch's paging mode (from the CPU state or the
	 * VMCOREINFO)?  image_setup: features, levels, the roots of every
	 * CPU, then the layout facts the file gives (m->img).  save_notes:
	 * the per-CPU notes of a core of this machine, as QEMU writes them,
	 * and save_vmcoreinfo its VMCOREINFO text.
	 */
	bool (*image_match)(const struct arch *a, const struct image_info *ii);
	int (*image_setup)(struct machine *m, struct error *e);
	/*
	 * The image's paging mode alone (features, levels, address widths),
	 * before its roots are known: what a scan for roots walks with
	 * (src/image/roots.c).  NULL: roots cannot be scanned for.
	 */
	int (*image_mmu)(struct machine *m, struct error *e);
	/*
	 * The arch's own checks of a candidate top-level table of size bytes
	 * (after the generic ones: entries decode, tables lie in RAM): how
	 * Linux fills its pgds.  user_end: the first index of the kernel's
	 * half (nent when unknown).  NULL: none.
	 */
	bool (*root_plausible)(const struct mmu *mmu, const u8 *table,
			       u64 size, unsigned user_end);
	void (*save_notes)(struct machine *m, struct strbuf *notes);
	void (*save_vmcoreinfo)(struct machine *m, struct strbuf *sb);
	/*
	 * Live guests over the gdb remote protocol (src/image/live_qemu.c):
	 * gdb_arch is the <architecture> of the stub's target description;
	 * gdb_regs[] names the registers read into image_cpu.ctl[] (NULL:
	 * none in that slot; "A|B": A, else B; the stub must have the first
	 * gdb_need);
	 * gdb_elf_machine says which ELF machine and class the vCPUs' state
	 * is in (an x86_64 CPU outside long mode is an i386 one), or, when
	 * paging is off on all of them (a guest stopped before it ran),
	 * which the kernel of the VMCOREINFO found in its RAM is built for;
	 * gdb_root is the root in register r of a CPU state, and its ASID
	 * (false: that root is not in use); gdb_mmu_off, when the CPU state
	 * translates nothing (its MMU off), says why in a phrase
	 * ("SCTLR_EL1.M is clear"), else NULL.
	 */
	const char *gdb_arch;
	const char *gdb_regs[8];
	int gdb_need;
	u32 (*gdb_elf_machine)(const struct arch *a,
			       const struct image_info *ii, int *elf_class);
	bool (*gdb_root)(const struct machine *m, const struct image_cpu *c,
			 int r, u64 *root, u16 *asid);
	const char *(*gdb_mmu_off)(const struct machine *m,
				   const struct image_cpu *c);
};

#endif
