// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 kernel layout and boot-time page tables of Linux 6.1, 4K pages
 * (arch/arm64/include/asm/memory.h, Documentation/arm64/memory.rst,
 * arch/arm64/mm/mmu.c), on a QEMU virt machine: RAM at 0x40000000, the
 * kernel Image loaded 2M into RAM, the device tree at RAM + 128M.
 *
 * The linear map starts at PAGE_OFFSET = -(1 << VA_BITS) and covers half
 * of the kernel space up to PAGE_END = -(1 << (VA_BITS - 1)); above it come
 * the modules (128M), the kernel image at KIMAGE_VADDR = MODULES_END, which
 * is also VMALLOC_START, vmalloc up to VMEMMAP_START - 256M, the fixmap
 * below FIXADDR_TOP = VMEMMAP_START - 32M, PCI I/O, and the vmemmap.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "arm64.h"
#include "arm64_hwdef.h"

static const struct arm64_priv priv48 = { { 0, 0, 1, 2, 3 } };
static const struct arm64_priv priv39 = { { 1, 1, 1, 2, 3 } };

#define PHYS_OFFSET		0x40000000ULL	/* QEMU virt RAM base */
#define TEXT_LOAD_OFFSET	(2 * MiB)	/* QEMU loads the Image here */
#define PA_BITS_A72		44
#define NR_CPUS_ARM64		256		/* defconfig CONFIG_NR_CPUS */
#define MODULES_VSIZE		(128 * MiB)
#define STRUCT_PAGE_SIZE	64ULL
#define VMEMMAP_SHIFT		(PAGE_SHIFT - 6)
#define PCI_IO_SIZE		(16 * MiB)
#define FDT_SIZE		(1 * MiB)	/* QEMU's device tree buffer */
#define MEM_MIN_ARM64		(64 * MiB)
#define SWAPPER_BLOCK_SIZE	(2 * MiB)

/* __create_pgd_mapping() flags (arch/arm64/mm/mmu.c) */
#define NO_BLOCK_MAPPINGS	BIT(0)
#define NO_CONT_MAPPINGS	BIT(1)
#define NO_EXEC_MAPPINGS	BIT(2)

/*
 * The kernel image: offsets from _text of a 6.1 defconfig-sized Image.
 * Segments are SEGMENT_ALIGN (64K) aligned as vmlinux.lds.S aligns them;
 * the page-table directories sit at the end of the read-only data.
 */
static const struct {
	const char *name;
	u64 off;
	u64 size;
	char type;
} image[] = {
	{ "_text", 0x0000000, 0, 'T' },
	{ "_stext", 0x0010000, 0, 'T' },
	{ "_etext", 0x1010000, 0, 'T' },
	{ "__start_rodata", 0x1010000, 0, 'R' },
	{ "__entry_tramp_text_start", 0x15f0000, 0, 'T' },
	{ "__entry_tramp_text_end", 0x15f2000, 0, 'T' },
	{ "__idmap_text_start", 0x15f3000, 0, 'T' },
	{ "__idmap_text_end", 0x15f4000, 0, 'T' },
	{ "idmap_pg_dir", 0x15f4000, PAGE_SIZE, 'R' },
	{ "tramp_pg_dir", 0x15f5000, PAGE_SIZE, 'R' },
	{ "reserved_pg_dir", 0x15f6000, PAGE_SIZE, 'R' },
	{ "swapper_pg_dir", 0x15f7000, PAGE_SIZE, 'R' },
	{ "__init_begin", 0x1600000, 0, 'T' },
	{ "__inittext_begin", 0x1600000, 0, 'T' },
	{ "__inittext_end", 0x16b0000, 0, 'T' },
	{ "__initdata_begin", 0x16b0000, 0, 'D' },
	{ "__initdata_end", 0x1800000, 0, 'D' },
	{ "__init_end", 0x1800000, 0, 'D' },
	{ "_data", 0x1800000, 0, 'D' },
	{ "_sdata", 0x1800000, 0, 'D' },
	{ "_edata", 0x1a40000, 0, 'D' },
	{ "__bss_start", 0x1a40000, 0, 'B' },
	{ "empty_zero_page", 0x1a40000, PAGE_SIZE, 'B' },
	{ "bm_pte", 0x1a41000, PAGE_SIZE, 'B' },
	{ "bm_pmd", 0x1a42000, PAGE_SIZE, 'B' },
	{ "bm_pud", 0x1a43000, PAGE_SIZE, 'B' },
	{ "__bss_stop", 0x1ad0000, 0, 'B' },
	{ "init_pg_dir", 0x1ad0000, 3 * PAGE_SIZE, 'B' },
	{ "init_pg_end", 0x1ad3000, 0, 'B' },
	{ "_end", 0x1ae0000, 0, 'B' },
};

/* What the two profiles differ in: rodata=on or rodata=full. */
struct arm64_profile {
	bool rodata_full;
};

static const struct arm64_profile rodata_on = { false };
static const struct arm64_profile rodata_full_on = { true };

/*
 * The kernels of --kernel: Linux 6.1 with rodata=on (block mappings in the
 * linear map) or rodata=full (4K pages).
 */
const struct kernel_profile arm64_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 arm64 (Documentation/arm64/memory.rst), "
			"4K pages, no KASLR, no KPTI, rodata=on; QEMU virt (RAM "
			"at 0x40000000), Cortex-A72",
		.data = &rodata_on,
		.struct_page_size = 64,
	},
	{
		.name = "6.1-rodata-full",
		.release = "Linux 6.1, rodata=full",
		.model = "Linux 6.1 arm64 (Documentation/arm64/memory.rst), "
			"4K pages, no KASLR, no KPTI, rodata=full; QEMU virt "
			"(RAM at 0x40000000), Cortex-A72",
		.data = &rodata_full_on,
		.struct_page_size = 64,
	},
	{ .name = NULL },
};

static bool
rodata_full(const struct machine *m)
{
	const struct arm64_profile *p = m->profile->data;

	return p->rodata_full;
}

static u64
isym(const struct machine *m, const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(image); i++)
		if (!strcmp(image[i].name, name))
			return m->lay.kimage_vaddr + image[i].off;
	return 0;
}

/* __pa_symbol(): va - kimage_voffset */
static u64
kpa(const struct machine *m, u64 va)
{
	return va - m->lay.kimage_vaddr + m->lay.phys_base;
}

/* __phys_to_virt(): the linear-map address of a physical one */
static u64
lm(const struct machine *m, u64 pa)
{
	return (pa - m->lay.phys_offset) | m->lay.page_offset;
}

/*
 * Levels
 */

/*
 * The fast translation walk (mmu_translate_walk): a table descriptor is
 * bits[1:0] = 0b11, its restrictions PXNTable, UXNTable and APTable[1]
 * index the rights table; APTable[0] (never set by Linux), an address
 * beyond the PA size, blocks and faults take the full walk.
 */
static void
fast_init(struct mmu *mmu)
{
	int i;

	mmu_fast_geometry(mmu);
	for (i = 0; i < mmu->nwalk; i++)
		mmu->fast_rsvd[i] = GENMASK(51, mmu->pa_bits) |
			PMD_TABLE_AP_NOEL0;
	mmu->fast_tmask = PTE_TYPE_MASK;
	mmu->fast_tval = PMD_TYPE_TABLE;
	mmu->fast_addr = PTE_ADDR_MASK;
	mmu->fast_pbit[0] = 59;		/* PXNTable */
	mmu->fast_pbit[1] = 60;		/* UXNTable */
	mmu->fast_pbit[2] = 62;		/* APTable[1] */
	for (i = 0; i < 8; i++) {
		u16 p = P_PERM;

		if (i & 1)
			p &= (u16)~P_KX;
		if (i & 2)
			p &= (u16)~P_UX;
		if (i & 4)
			p &= (u16)~(P_KW | P_UW);
		mmu->fast_plut[i] = p;
	}
}

/*
 * The fixmap (arch/arm64/include/asm/fixmap.h, 6.1) with ACPI APEI GHES,
 * SDEI, UNMAP_KERNEL_AT_EL0 and RELOCATABLE configured, as defconfig has.
 */
enum {
	FIX_HOLE = 0,
	FIX_FDT_END = 1,
	FIX_FDT = FIX_FDT_END + (2 * MiB + 2 * MiB) / PAGE_SIZE - 1,
	FIX_EARLYCON_MEM_BASE,
	FIX_TEXT_POKE0,
	FIX_APEI_GHES_IRQ,
	FIX_APEI_GHES_SEA,
	FIX_APEI_GHES_SDEI_NORMAL,
	FIX_APEI_GHES_SDEI_CRITICAL,
	FIX_ENTRY_TRAMP_TEXT4,
	FIX_ENTRY_TRAMP_TEXT3,
	FIX_ENTRY_TRAMP_TEXT2,
	FIX_ENTRY_TRAMP_TEXT1,
	__end_of_permanent_fixed_addresses,
	FIX_BTMAP_END = __end_of_permanent_fixed_addresses,
	/* NR_FIX_BTMAPS (256K / 4K) x FIX_BTMAPS_SLOTS 7 */
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + 64 * 7 - 1,
	FIX_PTE,
	FIX_PMD,
	FIX_PUD,
	FIX_PGD,
	__end_of_fixed_addresses
};

static u64
fix_to_virt(const struct machine *m, unsigned idx)
{
	return m->lay.fixaddr_top - ((u64)idx << PAGE_SHIFT);
}

static void
fixmap_slots(struct machine *m)
{
	machine_add_fix(m, "FIX_HOLE", FIX_HOLE, 1);
	machine_add_fix(m, "FIX_FDT_END", FIX_FDT_END, FIX_FDT - FIX_FDT_END);
	machine_add_fix(m, "FIX_FDT", FIX_FDT, 1);
	machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", FIX_EARLYCON_MEM_BASE, 1);
	machine_add_fix(m, "FIX_TEXT_POKE0", FIX_TEXT_POKE0, 1);
	machine_add_fix(m, "FIX_APEI_GHES_IRQ", FIX_APEI_GHES_IRQ, 1);
	machine_add_fix(m, "FIX_APEI_GHES_SEA", FIX_APEI_GHES_SEA, 1);
	machine_add_fix(m, "FIX_APEI_GHES_SDEI_NORMAL", FIX_APEI_GHES_SDEI_NORMAL, 1);
	machine_add_fix(m, "FIX_APEI_GHES_SDEI_CRITICAL", FIX_APEI_GHES_SDEI_CRITICAL,
		1);
	machine_add_fix(m, "FIX_ENTRY_TRAMP_TEXT4", FIX_ENTRY_TRAMP_TEXT4, 1);
	machine_add_fix(m, "FIX_ENTRY_TRAMP_TEXT3", FIX_ENTRY_TRAMP_TEXT3, 1);
	machine_add_fix(m, "FIX_ENTRY_TRAMP_TEXT2", FIX_ENTRY_TRAMP_TEXT2, 1);
	machine_add_fix(m, "FIX_ENTRY_TRAMP_TEXT1", FIX_ENTRY_TRAMP_TEXT1, 1);
	machine_add_fix(m, "FIX_BTMAP_END", FIX_BTMAP_END,
		FIX_BTMAP_BEGIN - FIX_BTMAP_END + 1);
	machine_add_fix(m, "FIX_PTE", FIX_PTE, 1);
	machine_add_fix(m, "FIX_PMD", FIX_PMD, 1);
	machine_add_fix(m, "FIX_PUD", FIX_PUD, 1);
	machine_add_fix(m, "FIX_PGD", FIX_PGD, 1);
}

/*
 * TCR_EL1 as __cpu_setup() writes it: T0SZ/T1SZ from VA_BITS, write-back
 * inner-shareable walks, 4K granules, the ASID in TTBR1 (A1) and 16 bits
 * wide, top-byte-ignore for user addresses, and TBI1/TBID1 for the
 * kernel's with CONFIG_ARM64_MTE (TCR_MTE_FLAGS without KASAN_HW_TAGS),
 * IPS from the CPU's PARange; HA when the CPU has hardware access flags
 * and HD once the dirty-state capability is on.
 */
static u64
tcr_el1(const struct mmu *mmu)
{
	u64 tcr = TCR_T0SZ(mmu->va_bits) | TCR_T1SZ(mmu->va_bits) |
		TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |
		TCR_IRGN1_WBWA | TCR_ORGN1_WBWA | TCR_SH1_INNER | TCR_TG1_4K |
		TCR_A1 | TCR_ASID16 | TCR_TBI0 | TCR_TBI1 | TCR_TBID1;

	tcr |= (u64)(mmu->pa_bits == 44 ? 4 : 5) << TCR_IPS_SHIFT;
	if (mmu->features & F_HAFDBS)
		tcr |= TCR_HA | TCR_HD;
	return tcr;
}

/* INIT_SCTLR_EL1_MMU_ON (asm/sysreg.h): M C SA SA0 SED I DZE UCT nTWE
 * IESB SPAN ITFSB UCI EPAN LSMAOE nTLSMD EIS TSCXT EOS */
#define INIT_SCTLR_EL1_MMU_ON \
	(BIT(0) | BIT(2) | BIT(3) | BIT(4) | BIT(8) | BIT(11) | BIT(12) | \
	 BIT(14) | BIT(15) | BIT(18) | BIT(20) | BIT(21) | BIT(22) | \
	 BIT(23) | BIT(26) | BIT(28) | BIT(29) | BIT(37) | BIT(57))

/* MAIR_EL1_SET (arch/arm64/mm/proc.S) */
#define MAIR_EL1_SET \
	(MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRnE, MT_DEVICE_nGnRnE) | \
	 MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRE, MT_DEVICE_nGnRE) | \
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL_NC, MT_NORMAL_NC) | \
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL, MT_NORMAL) | \
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL, MT_NORMAL_TAGGED))

static void
ksyms(struct machine *m)
{
	struct layout *L = &m->lay;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(image); i++)
		machine_add_ksym(m, image[i].name,
				 L->kimage_vaddr + image[i].off, image[i].size,
				 image[i].type);
	arm64_layout_syms(m);
}

/* The layout's constants as symbols (a simulated machine and an image). */
void
arm64_layout_syms(struct machine *m)
{
	struct layout *L = &m->lay;

	machine_add_ksym(m, "PAGE_OFFSET", L->page_offset, 0, 'A');
	machine_add_ksym(m, "PAGE_END", L->page_offset + L->maxmem, 0, 'A');
	machine_add_ksym(m, "PHYS_OFFSET", L->phys_offset, 0, 'A');
	machine_add_ksym(m, "memstart_addr", L->phys_offset, 0, 'A');
	machine_add_ksym(m, "high_memory", L->high_memory, 0, 'A');
	machine_add_ksym(m, "MODULES_VADDR", L->modules_vaddr, 0, 'A');
	machine_add_ksym(m, "MODULES_END", L->modules_end, 0, 'A');
	machine_add_ksym(m, "KIMAGE_VADDR", L->kimage_vaddr, 0, 'A');
	machine_add_ksym(m, "kimage_voffset", L->kimage_vaddr - L->phys_base,
			 0, 'A');
	machine_add_ksym(m, "VMALLOC_START", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "VMALLOC_END", L->vmalloc_end, 0, 'A');
	machine_add_ksym(m, "FIXADDR_START", L->fixaddr_start, 0, 'A');
	machine_add_ksym(m, "FIXADDR_TOP", L->fixaddr_top, 0, 'A');
	machine_add_ksym(m, "PCI_IO_START", L->vmemmap_base - 24 * MiB, 0,
			 'A');
	machine_add_ksym(m, "PCI_IO_END", L->vmemmap_base - 8 * MiB, 0, 'A');
	machine_add_ksym(m, "VMEMMAP_START", L->vmemmap_base, 0, 'A');
	machine_add_ksym(m, "VMEMMAP_END", L->vmemmap_base +
			 (L->maxmem >> VMEMMAP_SHIFT), 0, 'A');
	/* struct page *vmemmap = VMEMMAP_START - (memstart_addr >> 12) */
	machine_add_ksym(m, "vmemmap", L->vmemmap_base - (L->phys_offset >>
			 PAGE_SHIFT) * STRUCT_PAGE_SIZE, 0, 'A');
	machine_add_ksym(m, "TASK_SIZE", L->task_size, 0, 'A');
	machine_add_ksym(m, "TRAMP_VALIAS", fix_to_virt(m,
			 FIX_ENTRY_TRAMP_TEXT1), 0, 'A');
}

/*
 * The translation regime for mmu->va_bits (39 or 48; 0: 48) and
 * mmu->pa_bits (0: the Cortex-A72's 44): the same for a simulated machine
 * and for a memory image.
 */
int
arm64_mmu_init(struct mmu *mmu, struct error *e)
{
	unsigned vb = mmu->va_bits ? mmu->va_bits : 48;
	int i;

	if (vb != 39 && vb != 48)
		return error_set(e, -EINVAL, "a %u-bit VA: ptwalk models arm64 "
				 "with 4K pages and 39 or 48 bits", vb);
	if (mmu->pa_bits == 0)
		mmu->pa_bits = PA_BITS_A72;
	if (vb == 48) {
		mmu->priv = (void *)&priv48;
		mmu_level(mmu, LVL_PGD, "L0", 39, 9, 8, 0);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_level(mmu, LVL_PUD, "L1", 30, 9, 8, 30);
	} else {
		mmu->priv = (void *)&priv39;
		mmu_level(mmu, LVL_PGD, "L1", 30, 9, 8, 30);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_fold(mmu, LVL_PUD, LVL_PGD);
	}
	mmu_level(mmu, LVL_PMD, "L2", 21, 9, 8, 21);
	mmu_level(mmu, LVL_PTE, "L3", 12, 9, 8, 12);
	mmu_finish_levels(mmu);
	mmu->va_bits = (u8)vb;
	mmu->pa_mask = GENMASK(mmu->pa_bits - 1, 0);
	mmu->split_roots = true;
	mmu->va_mode = VA_SPLIT;
	/* output address bits beyond the PA size: an address size fault */
	for (i = 0; i < NR_LEVELS; i++) {
		mmu->rsvd_table[i] = GENMASK(51, mmu->pa_bits);
		mmu->rsvd_leaf[i] = GENMASK(49, mmu->pa_bits);
	}
	fast_init(mmu);
	mmu->young_required = !(mmu->features & F_HAFDBS);

	return 0;
}

/*
 * The parts of the 6.1 layout that follow from VA_BITS alone
 * (asm/memory.h, asm/fixmap.h): a simulated machine and an image share it.
 */
void
arm64_layout_va(struct layout *L, unsigned vb)
{
	u64 page_end = -(1ULL << (vb - 1));

	L->page_offset = -(1ULL << vb);
	L->maxmem = 1ULL << (vb - 1);
	L->modules_vaddr = page_end;
	L->modules_end = page_end + MODULES_VSIZE;
	L->kimage_vaddr = L->modules_end;
	L->vmalloc_start = L->modules_end;
	L->vmemmap_base = -(1ULL << (vb - VMEMMAP_SHIFT));
	L->vmalloc_end = L->vmemmap_base - 256 * MiB;
	L->fixaddr_top = L->vmemmap_base - 32 * MiB;
	L->fixaddr_start = L->fixaddr_top -
		((u64)__end_of_permanent_fixed_addresses << PAGE_SHIFT);
	L->fixaddr_boot_start = L->fixaddr_top -
		((u64)__end_of_fixed_addresses << PAGE_SHIFT);
	L->task_size = 1ULL << vb;	/* TASK_SIZE_64 */
	L->stack_top = L->task_size;	/* STACK_TOP = DEFAULT_MAP_WINDOW */
}

/* The regions of `layout` from m->lay (asm/memory.h, memory.rst). */
void
arm64_regions(struct machine *m)
{
	const struct layout *L = &m->lay;
	unsigned vb = m->mmu.va_bits;
	u64 page_end = -(1ULL << (vb - 1));
	u64 vmemmap_size = (page_end - L->page_offset) >> VMEMMAP_SHIFT;
	u64 pci_io_end = L->vmemmap_base - 8 * MiB;

	machine_add_region(m, "user", 0, L->task_size,
			   "user space of the running process (TTBR0_EL1)",
			   "walk VADDR (the process's page tables, TTBR0)", REG_USER,
			   0);
	machine_add_region(m, "unmapped", L->task_size, L->page_offset,
			   "neither TTBR0 nor TTBR1 covers it: any access is "
			   "a translation fault", "none", REG_GAP, 0);
	machine_add_region(m, "linear map", L->page_offset, page_end,
			   "linear map of all RAM (kernel logical memory map)",
			   "__pa(va) = (va & ~PAGE_OFFSET) + PHYS_OFFSET",
			   REG_DIRECT, L->page_offset - L->phys_offset);
	machine_add_region(m, "modules", L->modules_vaddr, L->modules_end,
			   "module_alloc(): loadable modules", "walk VADDR", 0, 0);
	if (L->kend) {
		machine_add_region(m, "kernel image", L->kimage_vaddr, L->kend,
				   "the kernel Image at KIMAGE_VADDR (= "
				   "VMALLOC_START, held by vm_structs): text, "
				   "rodata, init, data, bss",
				   "__pa_symbol(va) = va - kimage_voffset",
				   REG_KIMAGE, L->kimage_vaddr - L->phys_base);
		machine_add_region(m, "vmalloc", L->kend, L->vmalloc_end,
				   "vmalloc and ioremap, guard page after each "
				   "area", "walk VADDR (swapper_pg_dir): frames are not "
				   "contiguous", 0, 0);
	} else {
		/* an image that does not say where the kernel Image ends */
		machine_add_region(m, "vmalloc", L->vmalloc_start,
				   L->vmalloc_end, "vmalloc and ioremap, the "
				   "kernel Image at its start (KIMAGE_VADDR)",
				   "walk VADDR (swapper_pg_dir)", 0, 0);
	}
	machine_add_region(m, "fixmap-free", L->vmalloc_end,
			   L->fixaddr_boot_start,
			   "unused part of the fixed-mappings area", "unmapped",
			   REG_GAP, 0);
	machine_add_region(m, "fixmap-boot", L->fixaddr_boot_start,
			   L->fixaddr_start,
			   "boot-time fixmap slots (early_ioremap, FIX_PTE.."
			   "FIX_PGD)", "fix_to_virt(idx) = FIXADDR_TOP - idx * "
			   "4K", 0, 0);
	machine_add_region(m, "fixmap", L->fixaddr_start, L->fixaddr_top,
			   "fixmap: device tree, entry trampoline, earlycon, "
			   "text poking", "fix_to_virt(idx) = FIXADDR_TOP - "
			   "idx * 4K", 0, 0);
	machine_add_region(m, "guard", L->fixaddr_top, pci_io_end - PCI_IO_SIZE,
			   "guard region", "unmapped", REG_GAP, 0);
	machine_add_region(m, "PCI I/O", pci_io_end - PCI_IO_SIZE, pci_io_end,
			   "PCI I/O port space (PCI_IOBASE)", "walk VADDR", 0, 0);
	machine_add_region(m, "guard", pci_io_end, L->vmemmap_base,
			   "guard region", "unmapped", REG_GAP, 0);
	machine_add_region(m, "vmemmap", L->vmemmap_base,
			   L->vmemmap_base + vmemmap_size,
			   "struct page array (SPARSEMEM_VMEMMAP)", "walk VADDR", 0,
			   0);
	machine_add_region(m, "guard", L->vmemmap_base + vmemmap_size, 0,
			   "guard region up to the top", "unmapped", REG_GAP,
			   0);
}

int
arm64_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	struct mmu *mmu = &m->mmu;
	struct layout *L = &m->lay;
	unsigned vb = (unsigned)o->va_bits;
	char have[32];
	int i;

	mmu->va_bits = (u8)vb;
	mmu->pa_bits = PA_BITS_A72;
	if (arm64_mmu_init(mmu, e))
		return -EINVAL;

	fmt_size(have, sizeof(have), m->ram_size);
	if (m->ram_size < MEM_MIN_ARM64)
		return error_set(e, -EINVAL, "--mem %s: the arm64 kernel Image "
				 "(29M, loaded at 0x40200000) and QEMU's device "
				 "tree need at least 64M of RAM", have);
	/* the linear map covers PAGE_OFFSET..PAGE_END: 2^(VA_BITS-1) */
	L->maxmem = 1ULL << (vb - 1);
	if (m->ram_size > L->maxmem)
		return error_set(e, -EINVAL, "--mem %s: with %u-bit VA the "
				 "linear map (PAGE_OFFSET..PAGE_END) holds at "
				 "most %lluG of RAM; use --va-bits 48", have, vb,
				 (unsigned long long)(L->maxmem >> 30));

	/* asm/memory.h, 6.1 */
	arm64_layout_va(L, vb);
	L->phys_offset = PHYS_OFFSET;	/* memstart_addr, 1G aligned */
	L->lowmem_end = m->ram_size;
	L->high_memory = L->page_offset + m->ram_size;
	L->nr_cpus = (unsigned)MAX(NR_CPUS_ARM64, m->ncpus);
	L->km_max_idx = 0;
	/*
	 * zone_sizes_init(): ZONE_DMA up to the DT/ACPI DMA limit, which is
	 * the 32-bit limit when no device restricts it (QEMU virt), so
	 * ZONE_DMA32 (also <= 4G) is empty; ZONE_NORMAL above 4G.
	 */
	L->dma_limit = 4 * GiB;
	L->dma32_limit = 4 * GiB;

	/* the kernel Image */
	L->phys_base = PHYS_OFFSET + TEXT_LOAD_OFFSET;
	L->ktext = isym(m, "_text");
	L->ketext = isym(m, "_etext");
	L->kdata = isym(m, "_sdata");
	L->kedata = isym(m, "_edata");
	L->kbss = isym(m, "__bss_start");
	L->kend = isym(m, "_end");

	fixmap_slots(m);

	arm64_regions(m);
	ksyms(m);

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		c->regs[0] = tcr_el1(mmu);
		c->regs[1] = MAIR_EL1_SET;
		c->regs[2] = INIT_SCTLR_EL1_MMU_ON;
		c->asid = 0;	/* init_mm: the reserved ASID 0 */
	}
	return 0;
}

/*
 * Building swapper_pg_dir: __create_pgd_mapping() and its alloc_init_*
 * helpers.  A range gets blocks where VA and PA are aligned to the level
 * (unless NO_BLOCK_MAPPINGS), the contiguous hint on aligned runs of 16
 * entries (unless NO_CONT_MAPPINGS), new tables from memblock with
 * UXNTable, plus PXNTable under NO_EXEC_MAPPINGS.  Existing leaves are
 * rewritten with the new protection (update_mapping_prot).
 */
static int
map_level(struct machine *m, int wi, u64 table, u64 addr, u64 end, u64 phys,
	  u64 prot, unsigned flags, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[wi];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 size = 1ULL << L->shift;
	u64 cont_size = lvl == LVL_PTE ? CONT_PTE_SIZE :
		(lvl == LVL_PMD ? CONT_PMD_SIZE : 0);

	while (addr < end) {
		u64 cnext = end, cprot = prot;

		if (cont_size) {
			cnext = (addr & ~(cont_size - 1)) + cont_size;
			if (cnext > end || cnext == 0)
				cnext = end;
			if (!((addr | cnext | phys) & (cont_size - 1)) &&
			    !(flags & NO_CONT_MAPPINGS))
				cprot |= PTE_CONT;
		}
		while (addr < cnext) {
			u64 next = (addr & ~(size - 1)) + size;
			u64 epa = table + ((addr >> L->shift) &
					   ((1ULL << L->bits) - 1)) * 8;
			struct pte_decode d;
			u64 old;

			if (next > cnext || next == 0)
				next = cnext;
			if (!phys_read_entry(&m->phys, epa, 8, &old))
				return error_set(e, -EFAULT, "%s table at "
						 "0x%llx is outside RAM",
						 L->name,
						 (unsigned long long)table);
			mmu->arch->decode(mmu, lvl, old, &d);
			if (lvl == LVL_PTE) {
				phys_write_entry(&m->phys, epa, 8,
						 (phys & PTE_ADDR_MASK) | cprot);
			} else if (L->leaf_shift &&
				   !((addr | next | phys) & (size - 1)) &&
				   !(flags & NO_BLOCK_MAPPINGS)) {
				if (d.kind == PT_TABLE)
					return error_set(e, -EEXIST, "0x%llx: "
						"a %s table is in the way of a "
						"block", (unsigned long long)addr,
						L->name);
				phys_write_entry(&m->phys, epa, 8,
						 (phys & PTE_ADDR_MASK) |
						 (cprot & ~PTE_TABLE_BIT));
			} else {
				u64 t;
				int r;

				if (d.kind == PT_LEAF || d.kind == PT_BAD)
					return error_set(e, -EEXIST, "0x%llx: "
						"the %s entry is a block, not "
						"a table", (unsigned long long)addr,
						L->name);
				if (d.kind == PT_NONE) {
					u64 tval = PMD_TYPE_TABLE |
						PMD_TABLE_UXN;

					t = pgtable_alloc_table(m,
						mmu->walk[wi + 1], e);
					if (t == 0)
						return e ? e->code : -ENOMEM;
					if (flags & NO_EXEC_MAPPINGS)
						tval |= PMD_TABLE_PXN;
					phys_write_entry(&m->phys, epa, 8,
							 t | tval);
				} else {
					t = d.addr;
				}
				r = map_level(m, wi + 1, t, addr, next, phys,
					      prot, flags, e);
				if (r)
					return r;
			}
			phys += next - addr;
			addr = next;
		}
	}
	return 0;
}

static int
create_mapping(struct machine *m, u64 phys, u64 virt, u64 size, u64 prot,
	       unsigned flags, struct error *e)
{
	if (size == 0)
		return 0;
	return map_level(m, 0, m->swapper_pg_dir, virt, virt + size, phys, prot,
			 flags, e);
}

/* vunmap_range(): clear the leaves of [addr, end); tables stay. */
static void
unmap_level(struct machine *m, int wi, u64 table, u64 addr, u64 end)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[wi];
	const struct pt_level *L = &mmu->lv[lvl];
	u64 size = 1ULL << L->shift;

	while (addr < end) {
		u64 next = (addr & ~(size - 1)) + size;
		u64 epa = table + ((addr >> L->shift) &
				   ((1ULL << L->bits) - 1)) * 8, old;
		struct pte_decode d;

		if (next > end || next == 0)
			next = end;
		if (phys_read_entry(&m->phys, epa, 8, &old)) {
			mmu->arch->decode(mmu, lvl, old, &d);
			if (d.kind == PT_LEAF)
				phys_write_entry(&m->phys, epa, 8, 0);
			else if (d.kind == PT_TABLE)
				unmap_level(m, wi + 1, d.addr, addr, next);
		}
		addr = next;
	}
}

/*
 * early_fixmap_init(): the fixmap's tables are bm_pud, bm_pmd and bm_pte in
 * the kernel's .bss, linked with bare table descriptors, and map_kernel()
 * copies the pgd entry into swapper_pg_dir.
 */
static void
early_fixmap_init(struct machine *m)
{
	const struct mmu *mmu = &m->mmu;
	const char *const bm[] = { "bm_pud", "bm_pmd", "bm_pte" };
	u64 addr = m->lay.fixaddr_start, table = m->swapper_pg_dir;
	int i, first = 3 - (mmu->nwalk - 1);

	for (i = 0; i < mmu->nwalk - 1; i++) {
		const struct pt_level *L = &mmu->lv[mmu->walk[i]];
		u64 next = kpa(m, isym(m, bm[first + i]));
		u64 epa = table + ((addr >> L->shift) &
				   ((1ULL << L->bits) - 1)) * 8;

		phys_write_entry(&m->phys, epa, 8, next | PMD_TYPE_TABLE);
		table = next;
	}
}

/* map_kernel_segment() for [start, end) of the image */
static int
map_segment(struct machine *m, const char *start, const char *end, u64 prot,
	    unsigned flags, struct error *e)
{
	u64 va = isym(m, start), va_end = isym(m, end);

	return create_mapping(m, kpa(m, va), va, va_end - va, prot, flags, e);
}

/* map_mem(): the linear map of all RAM (__map_memblock) */
static int
map_mem(struct machine *m, struct error *e)
{
	u64 ram = m->ram_start, ram_end = m->ram_start + m->ram_size;
	u64 kstart = kpa(m, isym(m, "_stext"));
	u64 kend = kpa(m, isym(m, "__init_begin"));
	unsigned flags = NO_EXEC_MAPPINGS;
	int r;

	/* can_set_direct_map(): rodata=full maps the linear map with pages */
	if (rodata_full(m))
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;
	/*
	 * The kernel text and rodata are marked NOMAP for this pass, so that
	 * no writable alias of them appears; their alias is mapped next,
	 * without contiguous hints, to be made read-only after boot.
	 */
	r = create_mapping(m, ram, lm(m, ram), kstart - ram, A64_PAGE_KERNEL,
			   flags, e);
	if (!r)
		r = create_mapping(m, kend, lm(m, kend), ram_end - kend,
				   A64_PAGE_KERNEL, flags, e);
	if (!r)
		r = create_mapping(m, kstart, lm(m, kstart), kend - kstart,
				   A64_PAGE_KERNEL, NO_CONT_MAPPINGS, e);
	return r;
}

/* QEMU's -kernel loader: the DTB at RAM + min(RAM / 2, 128M) */
static u64
fdt_phys(const struct machine *m)
{
	return m->ram_start + MIN(m->ram_size / 2, 128 * MiB);
}

int
arm64_paging_init(struct machine *m, struct error *e)
{
	struct layout *L = &m->lay;
	u64 kstart = kpa(m, isym(m, "_stext")), kend = kpa(m, L->kend);
	u64 fdt = fdt_phys(m), tramp = kpa(m, isym(m,
					  "__entry_tramp_text_start"));
	u64 text_prot = A64_PAGE_KERNEL_ROX;
	int r, i;

	m->swapper_pg_dir = kpa(m, isym(m, "swapper_pg_dir"));
	m->reserved_pg_dir = kpa(m, isym(m, "reserved_pg_dir"));
	/* arm64_memblock_init(), early_init_fdt_reserve_self() */
	memblock_reserve(m, kstart, kend - kstart, "kernel image");
	memblock_reserve(m, fdt, FDT_SIZE, "device tree blob");
	m->memblock_next = kend;

	/* setup_machine_fdt(): the FDT in the fixmap, a 2M block, read-only */
	early_fixmap_init(m);
	r = create_mapping(m, ALIGN_DOWN(fdt, SWAPPER_BLOCK_SIZE),
			   fix_to_virt(m, FIX_FDT), SWAPPER_BLOCK_SIZE,
			   A64_PAGE_KERNEL_RO, NO_CONT_MAPPINGS, e);
	if (r)
		return r;

	/* map_kernel(): every segment with its own rights */
	r = map_segment(m, "_stext", "_etext", text_prot, 0, e);
	if (!r)
		r = map_segment(m, "__start_rodata", "__inittext_begin",
				A64_PAGE_KERNEL, NO_CONT_MAPPINGS, e);
	if (!r)
		r = map_segment(m, "__inittext_begin", "__inittext_end",
				text_prot, 0, e);
	if (!r)
		r = map_segment(m, "__initdata_begin", "__initdata_end",
				A64_PAGE_KERNEL, 0, e);
	if (!r)
		r = map_segment(m, "_data", "_end", A64_PAGE_KERNEL, 0, e);
	/* map_mem() */
	if (!r)
		r = map_mem(m, e);
	if (r)
		return r;

	/*
	 * After boot: mark_linear_text_alias_ro() and mark_rodata_ro()
	 * (update_mapping_prot), free_initmem() unmaps __init_begin..
	 * __init_end from the image mapping, and map_entry_trampoline()
	 * puts the trampoline text (global, ROX) and its data page (RO) in
	 * the fixmap.
	 */
	r = create_mapping(m, kstart, lm(m, kstart),
			   kpa(m, isym(m, "__init_begin")) - kstart,
			   A64_PAGE_KERNEL_RO, NO_CONT_MAPPINGS, e);
	if (!r)
		r = map_segment(m, "__start_rodata", "__inittext_begin",
				A64_PAGE_KERNEL_RO, NO_CONT_MAPPINGS, e);
	if (r)
		return r;
	unmap_level(m, 0, m->swapper_pg_dir, isym(m, "__init_begin"),
		    isym(m, "__init_end"));
	for (i = 0; i < 2; i++) {
		r = create_mapping(m, tramp + (u64)i * PAGE_SIZE,
				   fix_to_virt(m, FIX_ENTRY_TRAMP_TEXT1 -
					       (unsigned)i),
				   PAGE_SIZE, text_prot, NO_BLOCK_MAPPINGS |
				   NO_CONT_MAPPINGS, e);
		if (r)
			return r;
	}
	return create_mapping(m, tramp + 2 * PAGE_SIZE,
			      fix_to_virt(m, FIX_ENTRY_TRAMP_TEXT1 - 2),
			      PAGE_SIZE, A64_PAGE_KERNEL_RO, NO_BLOCK_MAPPINGS |
			      NO_CONT_MAPPINGS, e);
}
