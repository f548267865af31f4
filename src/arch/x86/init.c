// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 kernel layouts and the boot-time page tables (paging_init).
 *
 * i386 / i386-pae model the classic 3G/1G kernel (2.6-3.x): MAXMEM =
 * -PAGE_OFFSET - __VMALLOC_RESERVE (896 MiB), VMALLOC_START = high_memory +
 * 8 MiB, VMALLOC_END = PKMAP_BASE - 2 pages, PKMAP_BASE from
 * FIXADDR_BOOT_START, the fixmap index order of Linux 3.18
 * (arch/x86/include/asm/fixmap.h) with KM_MAX_IDX kmap_atomic slots per CPU
 * (kmap_local, 5.11+).  x86_64 models Linux 6.1 (Documentation/x86/x86_64/mm.rst).
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "x86.h"

static const struct x86_priv priv_2level = { X86_2LEVEL };
static const struct x86_priv priv_pae = { X86_PAE };
static const struct x86_priv priv_long = { X86_LONG };

#define NR_CPUS_32	8	/* CONFIG_NR_CPUS default for 32-bit SMP */
#define NR_CPUS_64	64
#define KM_MAX_IDX	16	/* include/asm-generic/kmap_size.h */
#define MAX_IO_APICS_32	64
#define MAX_IO_APICS_64	128
#define TOTAL_FIX_BTMAPS 512	/* NR_FIX_BTMAPS 64 x FIX_BTMAPS_SLOTS 8 */
#define VMALLOC_OFFSET	(8 * MiB)
/*
 * sizeof(struct cpu_entry_area) on 32-bit, in pages: the GDT, a guard
 * page, the entry stack, a guard page, the doublefault stack, the TSS
 * with its I/O bitmaps (5 pages), the debug store and its BTS/PEBS
 * buffers (1 + 32 pages).
 */
#define CEA_PAGES_PER_CPU 43

/*
 * The kernels of --kernel, the default first.
 *
 * 2.6: the classic i386 kernel of the textbooks: MAXMEM = -PAGE_OFFSET -
 * __VMALLOC_RESERVE (896M), PKMAP_BASE below FIXADDR_BOOT_START, a 4.5M
 * kernel loaded at 1M, 32-byte struct pages, every frame but page 0 and
 * the ISA hole allocatable.
 *
 * 6.1: Debian bookworm's 686, 686-pae and amd64 kernels (6.1.0-57,
 * 6.1.192) on QEMU's pc machine, as the guests of testdata/images show
 * them: NR_CPUS 32 (8192 on amd64), MAXMEM = VMALLOC_END - PAGE_OFFSET -
 * __VMALLOC_RESERVE below the cpu_entry_area and LDT PMDs, the kernel at
 * 16M with the section boundaries of /proc/iomem and System.map, the
 * first MiB reserved, BIOS e820 holes, 40-byte struct pages on 32-bit,
 * THP's min_free_kbytes, KERNEL_IMAGE_SIZE 1G (RANDOMIZE_BASE).
 */
static const struct x86_kernel k26_32 = {
	.nr_cpus = 8,
	.phys_start = 0x100000,
	.etext = 0x2c0000, .sdata = 0x380000, .edata = 0x400000,
	.bss = 0x400000, .end = 0x480000,
};

static const struct x86_kernel k61_686 = {
	.nr_cpus = 32,
	.cpu_entry_area = true,
	.maxmem_below_vmalloc_end = true,
	.phys_start = 0x1000000,
	.etext = 0x9256c0, .sdata = 0xc46000, .edata = 0xd7cc00,
	.bss = 0xe7e000, .end = 0xef2000,
	.freed = { { 0xd92000, 0xe76000, "initmem" } },
	.reserve_first_mib = true,
	.qemu_e820 = true,
};

static const struct x86_kernel k61_686_pae = {
	.nr_cpus = 32,
	.cpu_entry_area = true,
	.maxmem_below_vmalloc_end = true,
	.phys_start = 0x1000000,
	.etext = 0x93c940, .sdata = 0xc5c000, .edata = 0xd98700,
	.bss = 0xea2000, .end = 0xf19000,
	.freed = { { 0xdaf000, 0xe98000, "initmem" } },
	.reserve_first_mib = true,
	.qemu_e820 = true,
	/* the entry text lies in .text, which pti_finalize clones whole */
	.pti = true,
	.entry_text = 0, .entry_text_end = 0x93c940, .end_rodata = 0xc5b000,
};

static const struct x86_kernel k61_amd64 = {
	.nr_cpus = 64,
	.phys_start = 0x1000000,
	.etext = 0xe01d32, .sdata = 0x1a00000, .edata = 0x1c48980,
	.bss = 0x2310000, .end = 0x3430000,
	.freed = {
		{ 0xe02000, 0x1000000, "text/rodata gap" },
		{ 0x18eb000, 0x1a00000, "rodata/data gap" },
		{ 0x1e03000, 0x2000000, "unused decrypted memory" },
		{ 0x2044000, 0x2306000, "initmem" },
	},
	.kernel_image_size = 1 * GiB,
	.reserve_first_mib = true,
	.qemu_e820 = true,
	/* ALIGN_ENTRY_TEXT_BEGIN/END: the entry text is one 2M pmd */
	.pti = true,
	.entry_text = 0xc00000, .entry_text_end = 0xe00000,
	.end_rodata = 0x1a00000,
};

const struct kernel_profile x86_32_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 i386 (Debian bookworm 686, QEMU pc): 3G/1G "
			"split, HIGHMEM4G, MAXMEM = VMALLOC_END - PAGE_OFFSET - "
			"128M, cpu_entry_area at 0xff400000, kernel at 16M, "
			"first MiB reserved, 40-byte struct pages, THP",
		.data = &k61_686,
		.struct_page_size = 40,
		.thp = true,
		.percpu_pages = 33,
		.hash_tables = true,
	},
	{
		.name = "2.6",
		.release = "Linux 2.6",
		.model = "Linux 2.6 i386, the classic kernel of the "
			"textbooks: 3G/1G split, HIGHMEM, MAXMEM 896M, "
			"kernel at 1M, fixmap order of 3.18, kmap_local slots "
			"(KM_MAX_IDX 16)",
		.data = &k26_32,
		.struct_page_size = 32,
	},
	{ .name = NULL },
};

const struct kernel_profile x86_pae_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 i386 PAE (Debian bookworm 686-pae, QEMU "
			"pc): 3G/1G split, HIGHMEM64G, MAXMEM = VMALLOC_END - "
			"PAGE_OFFSET - 128M, cpu_entry_area at 0xff400000, "
			"kernel at 16M, first MiB reserved, 40-byte struct "
			"pages, THP",
		.data = &k61_686_pae,
		.struct_page_size = 40,
		.thp = true,
		.percpu_pages = 33,
		.hash_tables = true,
	},
	{
		.name = "2.6",
		.release = "Linux 2.6",
		.model = "Linux 2.6 i386 PAE, the classic kernel of the "
			"textbooks: 3G/1G split, HIGHMEM64G, MAXMEM 896M, "
			"kernel at 1M, fixmap order of 3.18, kmap_local slots "
			"(KM_MAX_IDX 16)",
		.data = &k26_32,
		.struct_page_size = 32,
	},
	{ .name = NULL },
};

const struct kernel_profile x86_64_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 x86_64, 4-level (Documentation/x86/x86_64/"
			"mm.rst; Debian bookworm amd64, QEMU pc), no KASLR: "
			"KERNEL_IMAGE_SIZE 1G, kernel at 16M, first MiB "
			"reserved, THP",
		.data = &k61_amd64,
		.struct_page_size = 64,
		.thp = true,
		.percpu_pages = 62,
		.hash_tables = true,
		.zone_device = true,
	},
	{ .name = NULL },
};

const struct kernel_profile x86_la57_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 x86_64, 5-level LA57 (Documentation/x86/"
			"x86_64/mm.rst; Debian bookworm amd64, QEMU pc), no "
			"KASLR: KERNEL_IMAGE_SIZE 1G, kernel at 16M, first MiB "
			"reserved, THP",
		.data = &k61_amd64,
		.struct_page_size = 64,
		.thp = true,
		.percpu_pages = 62,
		.hash_tables = true,
		.zone_device = true,
	},
	{ .name = NULL },
};

/* Where the firmware's map ends RAM (max_pfn): QEMU keeps 128K below 4G. */
static u64
e820_ram_end(const struct machine *m, const struct x86_kernel *k)
{
	u64 end = m->ram_start + m->ram_size;

	return k->qemu_e820 && end <= 4 * GiB ? end - 128 * KiB : end;
}

/* The kernel image: its section boundaries from its load address. */
static void
set_image(struct layout *L, const struct x86_kernel *k, u64 text)
{
	L->ktext = text;
	L->ketext = text + k->etext;
	L->kdata = text + k->sdata;
	L->kedata = text + k->edata;
	L->kbss = text + k->bss;
	L->kend = text + k->end;
}

/*
 * What boot reserves below the kernel and of the kernel: the first MiB
 * (6.1: reserve_real_mode()) or page 0 and the ISA hole (2.6); the BIOS
 * e820 map's holes of QEMU (page 0, 0x9fc00-0xfffff, the top 128K below
 * 4G), which are no RAM at all; the kernel image, of which what the
 * booted kernel freed is free again.
 */
static void
reserve_boot(struct machine *m, const struct x86_kernel *k, u64 text_pa)
{
	u64 s = text_pa, ram_end = m->ram_start + m->ram_size;
	int i;

	if (k->qemu_e820) {
		memblock_remove(m, 0, PAGE_SIZE, "e820 reserved: BIOS data");
		memblock_remove(m, 0x9f000, 0x100000 - 0x9f000,
				"e820: EBDA, ISA hole, BIOS ROM");
		memblock_remove(m, e820_ram_end(m, k), ram_end -
				e820_ram_end(m, k), "e820 reserved: top of RAM");
	}
	if (k->reserve_first_mib) {
		memblock_reserve(m, 0, 1 * MiB, "first MiB (reserve_real_mode)");
	} else {
		memblock_reserve(m, 0, PAGE_SIZE, "BIOS data page (page 0)");
		memblock_reserve(m, 0x9f000, 0x100000 - 0x9f000,
				 "ISA hole: EBDA, VGA, BIOS ROM");
	}
	for (i = 0; i < (int)ARRAY_SIZE(k->freed) && k->freed[i].what; i++) {
		memblock_reserve(m, s, text_pa + k->freed[i].start - s,
				 "kernel image");
		memblock_reserve_late(m, text_pa + k->freed[i].start,
				      k->freed[i].end - k->freed[i].start,
				      k->freed[i].what);
		s = text_pa + k->freed[i].end;
	}
	memblock_reserve(m, s, text_pa + k->end - s, "kernel image");
}

/*
 * The first boot-time fixmap slot (FIX_BTMAP_END): the 512 slots are kept
 * inside one page table (arch/x86/include/asm/fixmap.h).
 */
static unsigned
btmap_end(unsigned end_perm, unsigned ptrs_per_pte)
{
	if ((end_perm ^ (end_perm + TOTAL_FIX_BTMAPS - 1)) & -ptrs_per_pte)
		return end_perm + TOTAL_FIX_BTMAPS -
			(end_perm & (TOTAL_FIX_BTMAPS - 1));
	return end_perm;
}

static void
ksyms_image(struct machine *m)
{
	struct layout *L = &m->lay;

	machine_add_ksym(m, "_text", L->ktext, 0, 'T');
	machine_add_ksym(m, "_stext", L->ktext, 0, 'T');
	machine_add_ksym(m, "_etext", L->ketext, 0, 'T');
	machine_add_ksym(m, "_sdata", L->kdata, 0, 'D');
	machine_add_ksym(m, "_edata", L->kedata, 0, 'D');
	machine_add_ksym(m, "__bss_start", L->kbss, 0, 'B');
	machine_add_ksym(m, "_end", L->kend, 0, 'B');
}

static void
ksyms_layout(struct machine *m)
{
	struct layout *L = &m->lay;

	machine_add_ksym(m, "PAGE_OFFSET", L->page_offset, 0, 'A');
	machine_add_ksym(m, "high_memory", L->high_memory, 0, 'A');
	machine_add_ksym(m, "VMALLOC_START", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "VMALLOC_END", L->vmalloc_end, 0, 'A');
	machine_add_ksym(m, "MODULES_VADDR", L->modules_vaddr, 0, 'A');
	machine_add_ksym(m, "MODULES_END", L->modules_end, 0, 'A');
	machine_add_ksym(m, "FIXADDR_START", L->fixaddr_start, 0, 'A');
	machine_add_ksym(m, "FIXADDR_TOP", L->fixaddr_top, 0, 'A');
	machine_add_ksym(m, "TASK_SIZE", L->task_size, 0, 'A');
	if (L->pkmap_base)
		machine_add_ksym(m, "PKMAP_BASE", L->pkmap_base, 0, 'A');
	if (L->vmemmap_base)
		machine_add_ksym(m, "VMEMMAP_START", L->vmemmap_base, 0, 'A');
	if (L->kimage_vaddr)
		machine_add_ksym(m, "__START_KERNEL_map", L->kimage_vaddr, 0,
				 'A');
}

/*
 * 32-bit
 */

/*
 * The paging structures of each mode, for mmu->features: the same for a
 * simulated machine and for a memory image in that mode.
 */
int
x86_mmu_init(struct mmu *mmu, struct error *e)
{
	const struct arch *a = mmu->arch;

	(void)e;
	if (a == &arch_i386_pae) {
		mmu->priv = (void *)&priv_pae;
		mmu_level(mmu, LVL_PGD, "PDPT", 30, 2, 8, 0);
		mmu_level(mmu, LVL_PMD, "PD", 21, 9, 8,
		      (mmu->features & F_PSE) ? 21 : 0);
		mmu_level(mmu, LVL_PTE, "PT", 12, 9, 8, 12);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_fold(mmu, LVL_PUD, LVL_PGD);
		mmu->pa_bits = 36;	/* MAX_PHYSMEM_BITS of X86_PAE */
		mmu->va_bits = 32;
	} else if (a == &arch_i386) {
		mmu->priv = (void *)&priv_2level;
		mmu_level(mmu, LVL_PGD, "PD", 22, 10, 4,
		      (mmu->features & F_PSE) ? 22 : 0);
		mmu_level(mmu, LVL_PTE, "PT", 12, 10, 4, 12);
		mmu_fold(mmu, LVL_P4D, LVL_PGD);
		mmu_fold(mmu, LVL_PUD, LVL_PGD);
		mmu_fold(mmu, LVL_PMD, LVL_PGD);
		mmu->pa_bits = (mmu->features & F_PSE36) ? 40 : 32;
		mmu->va_bits = 32;
	} else {
		bool la57 = a == &arch_x86_64_la57;

		mmu->priv = (void *)&priv_long;
		if (la57) {
			mmu_level(mmu, LVL_PGD, "PML5", 48, 9, 8, 0);
			mmu_level(mmu, LVL_P4D, "PML4", 39, 9, 8, 0);
		} else {
			mmu_level(mmu, LVL_PGD, "PML4", 39, 9, 8, 0);
			mmu_fold(mmu, LVL_P4D, LVL_PGD);
		}
		mmu_level(mmu, LVL_PUD, "PDPT", 30, 9, 8, 30);
		mmu_level(mmu, LVL_PMD, "PD", 21, 9, 8, 21);
		mmu_level(mmu, LVL_PTE, "PT", 12, 9, 8, 12);
		mmu->va_bits = la57 ? 57 : 48;
		mmu->pa_bits = la57 ? 52 : 46;
	}
	mmu_finish_levels(mmu);
	mmu->pa_mask = GENMASK(mmu->pa_bits - 1, 0);
	x86_set_decoder(mmu);
	return 0;
}

static void
x86_32_regions(struct machine *m)
{
	const struct layout *L = &m->lay;

	if (!L->page_offset)
		return;
	machine_add_region(m, "user", 0, L->task_size,
			   "user space of the running process (TASK_SIZE)",
			   "walk VADDR (the process's page tables)", REG_USER, 0);
	machine_add_region(m, "lowmem", L->page_offset, L->high_memory,
			   "direct map of lowmem: kernel image, slab, "
			   "get_free_pages, page tables",
			   "__pa(va) = va - PAGE_OFFSET", REG_DIRECT,
			   L->page_offset - L->phys_offset);
	machine_add_region(m, "gap", L->high_memory, L->vmalloc_start,
			   "VMALLOC_OFFSET hole: catches overruns off lowmem",
			   "unmapped", REG_GAP, 0);
	if (!L->vmalloc_end || !L->pkmap_base || !L->fixaddr_start) {
		/* an image that does not say where vmalloc ends */
		machine_add_region(m, "vmalloc+", L->vmalloc_start,
				   L->fixaddr_top + PAGE_SIZE,
				   "vmalloc and ioremap, then the kmap window "
				   "and the fixmap (their boundaries are not "
				   "known)", "walk VADDR (swapper_pg_dir)", 0, 0);
		return;
	}
	machine_add_region(m, "vmalloc", L->vmalloc_start, L->vmalloc_end,
			   "vmalloc, ioremap, modules (MODULES_VADDR = "
			   "VMALLOC_START), 4K guard page after each area",
			   "walk VADDR (swapper_pg_dir): frames are not contiguous",
			   0, 0);
	machine_add_region(m, "gap", L->vmalloc_end, L->pkmap_base,
			   "2-page hole before the kmap window", "unmapped",
			   REG_GAP, 0);
	machine_add_region(m, "pkmap", L->pkmap_base,
			   L->pkmap_base + PAGE_SIZE * L->last_pkmap,
			   "kmap(): LAST_PKMAP permanent slots for highmem pages",
			   "walk VADDR (the pkmap pte table)", 0, 0);
	if (L->cpu_entry_area) {
		u64 pmd = L->cpu_entry_area - L->ldt_base;

		machine_add_region(m, "gap", L->pkmap_base +
				   PAGE_SIZE * L->last_pkmap, L->ldt_base,
				   "unused", "unmapped", REG_GAP, 0);
		machine_add_region(m, "ldt", L->ldt_base, L->ldt_base + pmd,
				   "LDT remap (PTI): one PMD for the LDT of the "
				   "running process", "walk VADDR", 0, 0);
		machine_add_region(m, "cpu_entry_area", L->cpu_entry_area,
				   L->cpu_entry_area_end,
				   "read-only IDT page, then each CPU's GDT, "
				   "entry stack, TSS, debug store",
				   "walk VADDR (swapper_pg_dir)", 0, 0);
		machine_add_region(m, "gap", L->cpu_entry_area_end,
				   L->fixaddr_boot_start, "unused", "unmapped",
				   REG_GAP, 0);
	} else {
		machine_add_region(m, "gap", L->pkmap_base +
				   PAGE_SIZE * L->last_pkmap,
				   L->fixaddr_boot_start, "unused", "unmapped",
				   REG_GAP, 0);
	}
	machine_add_region(m, "fixmap-boot", L->fixaddr_boot_start,
			   L->fixaddr_start,
			   "boot-time fixmap slots (early_ioremap)",
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
	machine_add_region(m, "fixmap", L->fixaddr_start,
			   L->fixaddr_top + PAGE_SIZE,
			   L->cpu_entry_area ? "fixmap: kmap_atomic slots, "
			   "APIC, IO-APIC" : "fixmap: kmap_atomic slots, APIC, "
			   "IO-APIC, RO IDT",
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
}

static void x86_64_regions(struct machine *m);

void
x86_image_regions(struct machine *m)
{
	if (m->arch->is64)
		x86_64_regions(m);
	else
		x86_32_regions(m);
}

/* enum fixed_addresses of 3.18 (2.6 profile): HIGHMEM, APICs, PCI */
static unsigned
fixmap_318(struct machine *m, unsigned *end_perm, unsigned ptrs)
{
	unsigned idx;

	idx = machine_add_fix(m, "FIX_HOLE", 0, 1);
	idx = machine_add_fix(m, "FIX_DBGP_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_APIC_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_IO_APIC_BASE_0", idx, MAX_IO_APICS_32);
	idx = machine_add_fix(m, "FIX_RO_IDT", idx, 1);
	idx = machine_add_fix(m, "FIX_KMAP_BEGIN", idx,
			      KM_MAX_IDX * m->lay.nr_cpus);
	idx = machine_add_fix(m, "FIX_PCIE_MCFG", idx, 1);
	idx = machine_add_fix(m, "FIX_TEXT_POKE1", idx, 1);
	idx = machine_add_fix(m, "FIX_TEXT_POKE0", idx, 1);
	*end_perm = idx;
	idx = machine_add_fix(m, "FIX_BTMAP_END", btmap_end(idx, ptrs),
			      TOTAL_FIX_BTMAPS);
	return machine_add_fix(m, "FIX_WP_TEST", idx, 1);
}

/*
 * enum fixed_addresses of 6.1, 32-bit (arch/x86/include/asm/fixmap.h):
 * no FIX_RO_IDT (the IDT is in the cpu_entry_area), kmap_local slots,
 * APEI GHES.
 */
static unsigned
fixmap_61(struct machine *m, unsigned *end_perm, unsigned ptrs)
{
	unsigned idx;

	idx = machine_add_fix(m, "FIX_HOLE", 0, 1);
	idx = machine_add_fix(m, "FIX_DBGP_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_APIC_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_IO_APIC_BASE_0", idx, MAX_IO_APICS_32);
	idx = machine_add_fix(m, "FIX_KMAP_BEGIN", idx,
			      KM_MAX_IDX * m->lay.nr_cpus);
	idx = machine_add_fix(m, "FIX_PCIE_MCFG", idx, 1);
	idx = machine_add_fix(m, "FIX_APEI_GHES_IRQ", idx, 1);
	idx = machine_add_fix(m, "FIX_APEI_GHES_NMI", idx, 1);
	*end_perm = idx;
	idx = machine_add_fix(m, "FIX_BTMAP_END", btmap_end(idx, ptrs),
			      TOTAL_FIX_BTMAPS);
	return machine_add_fix(m, "FIX_WP_TEST", idx, 1);
}

/*
 * Where the kmap window ends the vmalloc area.  2.6: below the boot-time
 * fixmap.  4.15+ (arch/x86/include/asm/pgtable_32_areas.h): below the
 * cpu_entry_area (the read-only IDT page, then each CPU's area) and the
 * LDT PMD, each rounded down to PMD_SIZE.
 */
static void
pkmap_32(struct layout *L, const struct x86_kernel *k, u64 pmd_size)
{
	u64 mask = ~(pmd_size - 1);

	if (!k->cpu_entry_area) {
		L->pkmap_base = (L->fixaddr_boot_start -
				 PAGE_SIZE * (L->last_pkmap + 1)) & mask;
		return;
	}
	L->cpu_entry_area = (L->fixaddr_boot_start - PAGE_SIZE *
			     (CEA_PAGES_PER_CPU * L->nr_cpus + 1)) & mask;
	L->cpu_entry_area_end = L->cpu_entry_area + PAGE_SIZE *
		(CEA_PAGES_PER_CPU * L->nr_cpus + 1);
	L->ldt_base = (L->cpu_entry_area - PAGE_SIZE) & mask;
	L->pkmap_base = (L->ldt_base - PAGE_SIZE) & mask;
}

static int
x86_32_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	const struct x86_kernel *k = m->profile->data;
	struct mmu *mmu = &m->mmu;
	struct layout *L = &m->lay;
	bool pae = m->arch == &arch_i386_pae;
	u64 reserve, pmd_size, ptrs, limit;
	unsigned end_perm, end_fixed;
	char buf[32], img[32];

	x86_mmu_init(mmu, e);
	pmd_size = pae ? 2 * MiB : 4 * MiB;
	ptrs = pae ? 512 : 1024;

	L->nr_cpus = MAX(k->nr_cpus, (unsigned)m->ncpus);
	L->km_max_idx = KM_MAX_IDX;
	L->page_offset = 0xC0000000ULL;
	L->phys_offset = 0;
	end_fixed = k->cpu_entry_area ? fixmap_61(m, &end_perm, (unsigned)ptrs) :
		fixmap_318(m, &end_perm, (unsigned)ptrs);
	L->fixaddr_top = 0xFFFFF000ULL;
	L->fixaddr_start = L->fixaddr_top - ((u64)end_perm << PAGE_SHIFT);
	L->fixaddr_boot_start = L->fixaddr_top - ((u64)end_fixed << PAGE_SHIFT);
	L->last_pkmap = pae ? 512 : 1024;
	pkmap_32(L, k, pmd_size);
	L->vmalloc_end = L->pkmap_base - 2 * PAGE_SIZE;

	/* vmalloc=N: __VMALLOC_RESERVE = N + VMALLOC_OFFSET */
	reserve = o->vmalloc_size ? o->vmalloc_size + VMALLOC_OFFSET :
		128 * MiB;
	limit = k->maxmem_below_vmalloc_end ? L->vmalloc_end : 1ULL << 32;
	if (reserve >= limit - L->page_offset ||
	    limit - L->page_offset - reserve < k->phys_start + k->end) {
		fmt_size(buf, sizeof(buf), o->vmalloc_size);
		fmt_size(img, sizeof(img), k->phys_start + k->end);
		return error_set(e, -EINVAL, "vmalloc=%s leaves no room for "
				 "lowmem in the 1G kernel space (the kernel "
				 "image alone ends at %s)", buf, img);
	}
	L->maxmem = limit - L->page_offset - reserve;
	L->lowmem_end = MIN(e820_ram_end(m, k), L->maxmem);
	L->high_memory = L->page_offset + L->lowmem_end;
	L->vmalloc_start = L->high_memory + VMALLOC_OFFSET;
	L->modules_vaddr = L->vmalloc_start;
	L->modules_end = L->vmalloc_end;
	L->task_size = L->page_offset;
	L->stack_top = L->task_size;
	L->dma_limit = 16 * MiB;
	L->dma32_limit = 0;

	if (L->vmalloc_start + 16 * PAGE_SIZE > L->vmalloc_end) {
		fmt_size(buf, sizeof(buf), o->vmalloc_size);
		return error_set(e, -EINVAL, "vmalloc=%s: the vmalloc area "
				 "would be empty", buf);
	}
	if (k->phys_start + k->end + 8 * MiB > m->ram_size) {
		fmt_size(buf, sizeof(buf), m->ram_size);
		fmt_size(img, sizeof(img), k->phys_start + k->end);
		return error_set(e, -EINVAL, "--mem %s: the %s kernel image is "
				 "loaded at %lluM and ends at %s, leaving less "
				 "than 8M", buf, m->profile->release,
				 (unsigned long long)(k->phys_start >> 20), img);
	}
	/* the kernel image at CONFIG_PHYSICAL_START */
	L->phys_base = k->phys_start;
	set_image(L, k, L->page_offset + k->phys_start);

	x86_32_regions(m);
	ksyms_image(m);
	ksyms_layout(m);
	return 0;
}

/* The pmd (PAE) or pgd (2-level) that maps the kernel image is exec. */
static int
map_lowmem(struct machine *m, u64 root, struct error *e)
{
	struct layout *L = &m->lay;
	const struct mmu *mmu = &m->mmu;
	u64 pa, text_start = L->ktext - L->page_offset + L->phys_offset,
	    text_end = L->ketext - L->page_offset + L->phys_offset;
	unsigned big = 0;
	int i;

	for (i = 0; i < mmu->nwalk; i++) {
		const struct pt_level *lv = &mmu->lv[mmu->walk[i]];

		if (lv->leaf_shift && lv->leaf_shift != PAGE_SHIFT &&
		    lv->leaf_shift <= 22 && big == 0)
			big = lv->leaf_shift;
	}
	/*
	 * kernel_physical_mapping_init(): large pages where the CPU has
	 * PSE, else 4K PTEs; the kernel text is executable, the rest of
	 * lowmem is NX where NX exists (is_kernel_text()).
	 */
	for (pa = 0; pa < L->lowmem_end;) {
		unsigned shift = PAGE_SHIFT;
		u64 size, end;
		pgprot_t prot;
		int r;

		if (big && !(pa & ((1ULL << big) - 1)) &&
		    L->lowmem_end - pa >= (1ULL << big))
			shift = big;
		size = 1ULL << shift;
		end = pa + size;
		prot = (pa < text_end && end > text_start) ?
			PAGE_KERNEL_EXEC : PAGE_KERNEL;
		r = pgtable_map(m, root, L->page_offset + pa, pa, size, shift,
				prot, e);
		if (r)
			return r;
		pa = end;
	}
	return 0;
}

static int
set_fixmap(struct machine *m, const char *name, unsigned off, u64 pa,
	   pgprot_t prot, struct error *e)
{
	int i;

	for (i = 0; i < m->nfix; i++)
		if (!strcmp(m->fix[i].name, name))
			return pgtable_map(m, m->swapper_pg_dir,
				m->lay.fixaddr_top -
				((u64)(m->fix[i].idx + off) << PAGE_SHIFT),
				pa, PAGE_SIZE, PAGE_SHIFT, prot, e);
	return 0;
}

static int
x86_32_paging_init(struct machine *m, struct error *e)
{
	const struct x86_kernel *k = m->profile->data;
	struct layout *L = &m->lay;
	u64 pgd = L->kbss - L->page_offset;	/* swapper_pg_dir: .bss..page_aligned */
	/* PTI: PGD_ALIGN 8K, PTI_USER_PGD_FILL: the user half follows */
	u64 zero = pgd + PAGE_SIZE + m->user_pgd_offset, idt = zero + PAGE_SIZE,
	    pmd = idt + PAGE_SIZE;
	u64 pmd_size = m->mmu.lv[LVL_PMD].folded ? 4 * MiB : 2 * MiB;
	int r;

	reserve_boot(m, k, L->ktext - L->page_offset);
	m->swapper_pg_dir = pgd;
	machine_add_ksym(m, "swapper_pg_dir", L->page_offset + pgd,
			 PAGE_SIZE + m->user_pgd_offset, 'B');
	machine_add_ksym(m, "empty_zero_page", L->page_offset + zero,
			 PAGE_SIZE, 'B');
	machine_add_ksym(m, "idt_table", L->page_offset + idt, PAGE_SIZE, 'B');
	if (!m->mmu.lv[LVL_PMD].folded) {
		/* PAE: the kernel's pmd is initial_pg_pmd in .bss */
		u64 entry = pgd + 3 * 8;

		machine_add_ksym(m, "initial_pg_pmd", L->page_offset + pmd,
				 PAGE_SIZE, 'B');
		phys_write_entry(&m->phys, entry, 8,
				 m->arch->mk_table(&m->mmu, LVL_PGD, pmd,
						   PAGE_TABLE_KERNEL));
	}
	m->memblock_next = L->kend - L->page_offset;

	r = map_lowmem(m, pgd, e);
	if (r)
		return r;
	/* fixmap and boot-time slots: page_table_range_init() */
	r = pgtable_prealloc(m, pgd, L->fixaddr_boot_start & ~(pmd_size - 1),
			     (1ULL << 32) - (L->fixaddr_boot_start &
					     ~(pmd_size - 1)), e);
	if (r)
		return r;
	/* permanent_kmaps_init(): pkmap_page_table */
	r = pgtable_prealloc(m, pgd, L->pkmap_base,
			     PAGE_SIZE * L->last_pkmap, e);
	if (r)
		return r;
	/* init_apic_mappings(), io_apic_init_mappings() */
	r = set_fixmap(m, "FIX_APIC_BASE", 0, 0xfee00000, PAGE_KERNEL_NOCACHE,
		       e);
	if (!r)
		r = set_fixmap(m, "FIX_IO_APIC_BASE_0", 0, 0xfec00000,
			       PAGE_KERNEL_NOCACHE, e);
	if (r || !L->cpu_entry_area)
		return r ? r : set_fixmap(m, "FIX_RO_IDT", 0, idt,
					  PAGE_KERNEL_RO, e);
	/*
	 * setup_cpu_entry_areas(): the page tables of the area, and the
	 * read-only alias of idt_table at CPU_ENTRY_AREA_RO_IDT.
	 */
	r = pgtable_prealloc(m, pgd, L->cpu_entry_area,
			     L->cpu_entry_area_end - L->cpu_entry_area, e);
	if (!r)
		r = pgtable_map(m, pgd, L->cpu_entry_area, idt, PAGE_SIZE,
				PAGE_SHIFT, PAGE_KERNEL_RO, e);
	return r ? r : x86_pti_init(m, idt, e);
}

/*
 * 64-bit
 */

static void
x86_64_regions(struct machine *m)
{
	const struct layout *L = &m->lay;
	bool la57 = m->arch == &arch_x86_64_la57;

	machine_add_region(m, "user", 0, L->task_size + PAGE_SIZE,
			   "user space of the running process",
			   "walk VADDR (the process's page tables)", REG_USER, 0);
	machine_add_region(m, "non-canonical", L->task_size + PAGE_SIZE,
			   la57 ? 0xff00000000000000ULL : 0xffff800000000000ULL,
			   "non-canonical hole: any access faults (#GP)",
			   "none", REG_GAP, 0);
	machine_add_region(m, "guard", la57 ? 0xff00000000000000ULL :
			   0xffff800000000000ULL,
			   la57 ? 0xff10000000000000ULL : 0xffff880000000000ULL,
			   "guard hole, reserved for a hypervisor", "unmapped",
			   REG_GAP, 0);
	machine_add_region(m, "ldt-remap", la57 ? 0xff10000000000000ULL :
			   0xffff880000000000ULL, la57 ? 0xff11000000000000ULL :
			   0xffff888000000000ULL,
			   "LDT remap for PTI", "walk VADDR", 0, 0);
	if (L->page_offset)
		machine_add_region(m, "direct map", L->page_offset,
				   L->page_offset + L->maxmem,
				   "direct map of all physical memory "
				   "(page_offset_base)",
				   "__pa(va) = va - PAGE_OFFSET", REG_DIRECT,
				   L->page_offset - L->phys_offset);
	if (L->vmalloc_start)
		machine_add_region(m, "vmalloc", L->vmalloc_start,
				   L->vmalloc_end + 1,
				   "vmalloc and ioremap (vmalloc_base), guard "
				   "page after each area",
				   "walk VADDR (init_top_pgt): frames are not contiguous",
				   0, 0);
	if (L->vmemmap_base)
		machine_add_region(m, "vmemmap", L->vmemmap_base,
				   L->vmemmap_base + (la57 ? (1ULL << 49) : TiB),
				   "struct page array (virtual memory map)",
				   "walk VADDR", 0, 0);
	if (!la57)
		machine_add_region(m, "kasan", 0xffffec0000000000ULL,
				   0xfffffc0000000000ULL,
				   "KASAN shadow (when configured)", "walk VADDR",
				   REG_GAP, 0);
	machine_add_region(m, "cpu_entry_area", 0xfffffe0000000000ULL,
			   0xfffffe8000000000ULL,
			   "per-CPU entry area (GDT, TSS, entry stacks)",
			   "walk VADDR", 0, 0);
	machine_add_region(m, "espfix", 0xffffff0000000000ULL,
			   0xffffff8000000000ULL, "%esp fixup stacks", "walk VADDR",
			   0, 0);
	machine_add_region(m, "efi", 0xffffffef00000000ULL,
			   0xffffffff00000000ULL, "EFI runtime services",
			   "walk VADDR", 0, 0);
	machine_add_region(m, "kernel text", L->kimage_vaddr,
			   L->modules_vaddr,
			   "kernel image mapping (__START_KERNEL_map)",
			   "__pa(va) = va - __START_KERNEL_map + phys_base",
			   REG_KIMAGE, L->kimage_vaddr - L->phys_base);
	machine_add_region(m, "modules", L->modules_vaddr, L->modules_end,
			   "module_alloc(): loadable modules", "walk VADDR", 0, 0);
	machine_add_region(m, "fixmap", L->fixaddr_boot_start,
			   L->fixaddr_top + PAGE_SIZE,
			   "fixmap (fix_to_virt) incl. boot slots, vsyscall page",
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
}

static int
x86_64_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	struct mmu *mmu = &m->mmu;
	struct layout *L = &m->lay;
	bool la57 = m->arch == &arch_x86_64_la57;
	const struct x86_kernel *k = m->profile->data;
	unsigned idx, end_perm, bt_end, end_fixed;
	u64 vsyscall = 0xffffffffff600000ULL;

	(void)o;
	(void)e;
	x86_mmu_init(mmu, e);

	L->nr_cpus = (unsigned)MAX(NR_CPUS_64, m->ncpus);
	L->km_max_idx = 0;
	L->page_offset = la57 ? 0xff11000000000000ULL : 0xffff888000000000ULL;
	L->phys_offset = 0;
	L->maxmem = la57 ? (32ULL << 50) : 64 * TiB;
	L->lowmem_end = m->ram_size;
	L->high_memory = L->page_offset + m->ram_size;
	L->vmalloc_start = la57 ? 0xffa0000000000000ULL : 0xffffc90000000000ULL;
	L->vmalloc_end = L->vmalloc_start +
		((la57 ? 12800ULL : 32ULL) << 40) - 1;
	L->vmemmap_base = la57 ? 0xffd4000000000000ULL : 0xffffea0000000000ULL;
	L->kimage_vaddr = 0xffffffff80000000ULL;
	L->phys_base = 0;
	/* MODULES_VADDR = __START_KERNEL_map + KERNEL_IMAGE_SIZE */
	L->modules_vaddr = L->kimage_vaddr + k->kernel_image_size;
	L->modules_end = 0xffffffffff000000ULL;
	L->task_size = la57 ? (1ULL << 56) - PAGE_SIZE : (1ULL << 47) - PAGE_SIZE;
	L->stack_top = (1ULL << 47) - PAGE_SIZE;	/* DEFAULT_MAP_WINDOW */
	L->dma_limit = 16 * MiB;
	L->dma32_limit = 4 * GiB;

	/* enum fixed_addresses for x86_64 (6.1, IO-APIC, APEI GHES) */
	L->fixaddr_top = ALIGN_UP(vsyscall + PAGE_SIZE, 2 * MiB) - PAGE_SIZE;
	idx = (unsigned)((L->fixaddr_top - vsyscall) >> PAGE_SHIFT);
	idx = machine_add_fix(m, "VSYSCALL_PAGE", idx, 1);
	idx = machine_add_fix(m, "FIX_DBGP_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_APIC_BASE", idx, 1);
	idx = machine_add_fix(m, "FIX_IO_APIC_BASE_0", idx, MAX_IO_APICS_64);
	idx = machine_add_fix(m, "FIX_APEI_GHES_IRQ", idx, 1);
	idx = machine_add_fix(m, "FIX_APEI_GHES_NMI", idx, 1);
	end_perm = idx;
	bt_end = btmap_end(end_perm, 512);
	end_fixed = machine_add_fix(m, "FIX_BTMAP_END", bt_end, TOTAL_FIX_BTMAPS);
	L->fixaddr_start = L->fixaddr_top - ((u64)end_perm << PAGE_SHIFT);
	L->fixaddr_boot_start = L->fixaddr_top - ((u64)end_fixed << PAGE_SHIFT);

	/* the kernel image at CONFIG_PHYSICAL_START, 2M-aligned sections */
	set_image(L, k, L->kimage_vaddr + k->phys_start);

	x86_64_regions(m);
	ksyms_image(m);
	ksyms_layout(m);
	machine_add_ksym(m, "page_offset_base", L->page_offset, 0, 'A');
	machine_add_ksym(m, "vmalloc_base", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "vmemmap_base", L->vmemmap_base, 0, 'A');
	machine_add_ksym(m, "phys_base", L->phys_base, 0, 'A');
	return 0;
}

static int
x86_64_paging_init(struct machine *m, struct error *e)
{
	struct layout *L = &m->lay;
	u64 kpa = L->ktext - L->kimage_vaddr + L->phys_base;
	u64 data_pa = L->kdata - L->kimage_vaddr + L->phys_base;
	u64 pgd = data_pa;	/* init_top_pgt, head_64.S .data */
	unsigned big = (m->mmu.features & F_GBPAGES) ? 30 : 21;
	u64 va;
	int r;

	reserve_boot(m, m->profile->data, kpa);
	m->swapper_pg_dir = pgd;
	m->memblock_next = L->kend - L->kimage_vaddr + L->phys_base;
	machine_add_ksym(m, "init_top_pgt", L->kdata,
			 PAGE_SIZE + m->user_pgd_offset, 'D');
	machine_add_ksym(m, "swapper_pg_dir", L->kdata,
			 PAGE_SIZE + m->user_pgd_offset, 'D');
	machine_add_ksym(m, "empty_zero_page", L->kbss, PAGE_SIZE, 'B');

	/* the direct map: kernel_physical_mapping_init(), 1G or 2M pages */
	r = pgtable_map_range(m, pgd, L->page_offset, 0, m->ram_size, big,
			      PAGE_KERNEL, e);
	if (r)
		return r;
	/* the kernel image: 2M pages, text RX, rodata RO, data RW NX */
	for (va = L->ktext; va < L->kend; va += 2 * MiB) {
		pgprot_t prot = va < L->ketext ? PAGE_KERNEL_RX :
			va < L->kdata ? PAGE_KERNEL_RO : PAGE_KERNEL;

		r = pgtable_map(m, pgd, va, va - L->kimage_vaddr + L->phys_base,
				2 * MiB, 21, prot, e);
		if (r)
			return r;
	}
	/* fixmap page tables (level2_fixmap_pgt, level1_fixmap_pgt, bm_pte) */
	r = pgtable_prealloc(m, pgd, L->fixaddr_boot_start & ~(2 * MiB - 1),
			     L->fixaddr_top + PAGE_SIZE -
			     (L->fixaddr_boot_start & ~(2 * MiB - 1)), e);
	if (r)
		return r;
	r = set_fixmap(m, "FIX_APIC_BASE", 0, 0xfee00000, PAGE_KERNEL_NOCACHE,
		       e);
	if (!r)
		r = set_fixmap(m, "FIX_IO_APIC_BASE_0", 0, 0xfec00000,
			       PAGE_KERNEL_NOCACHE, e);
	if (r || !m->user_pgd_offset)
		return r;
	machine_add_ksym(m, "idt_table", L->kbss + PAGE_SIZE, PAGE_SIZE, 'B');
	return x86_pti_init(m, L->kbss + PAGE_SIZE - L->kimage_vaddr +
			    L->phys_base, e);
}

int
x86_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	if (m->arch->features_ok & F_MELTDOWN)
		x86_pti_select(m);
	if (m->arch->is64)
		return x86_64_setup(m, o, e);
	return x86_32_setup(m, o, e);
}

int
x86_paging_init(struct machine *m, struct error *e)
{
	if (m->arch->is64)
		return x86_64_paging_init(m, e);
	return x86_32_paging_init(m, e);
}
