// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv kernel layout and boot-time page tables of Linux 6.1
 * (Documentation/riscv/vm-layout.rst, arch/riscv/include/asm/pgtable.h,
 * page.h, fixmap.h, arch/riscv/mm/init.c) on QEMU's virt machine: RAM at
 * 0x80000000, OpenSBI at its start (reserved), the kernel Image loaded
 * at 0x80200000 (riscv64) or 0x80400000 (riscv32).
 *
 * riscv64: the kernel half of the address space holds, from the bottom,
 * the fixmap (2M) below FIXADDR_TOP = PCI_IO_START, PCI I/O (16M), the
 * vmemmap, vmalloc (a quarter of the kernel half, up to PAGE_OFFSET), the
 * direct map from PAGE_OFFSET (phys_ram_base there) up to the KASAN
 * shadow, and in the last 4G the modules and BPF (the 2G below the
 * kernel) and the kernel image mapping at KERNEL_LINK_ADDR =
 * 0xffffffff80000000.  riscv32 has the kernel in its linear map at
 * PAGE_OFFSET 0xc0000000, vmalloc, vmemmap, PCI I/O and the fixmap below.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "riscv.h"

#define RAM_BASE		0x80000000ULL	/* QEMU virt DRAM */
#define OPENSBI_SIZE		(512 * 1024ULL)	/* fw_jump's reserved region */
#define KERNEL_LINK_ADDR	0xffffffff80000000ULL
#define NR_CPUS_RISCV		64	/* Debian's CONFIG_NR_CPUS */
#define STRUCT_PAGE_MAX_SHIFT	6
#define PCI_IO_SIZE		(16 * MiB)
#define BPF_JIT_REGION_SIZE	(128 * MiB)
#define FDT_SIZE		(1 * MiB)
#define MEM_MIN_RISCV		(64 * MiB)

/* The Linux 6.1 release's constants of each width. */
struct riscv_kernel {
	u64 text_offset;	/* where the Image goes above RAM_BASE */
	u64 page_offset_sv32;
};

static const struct riscv_kernel linux61 = {
	.text_offset = 0,	/* per width below */
	.page_offset_sv32 = 0xc0000000ULL,
};

#define RISCV64_LINUX61 { \
		.name = "6.1", \
		.release = "Linux 6.1", \
		.model = "Linux 6.1 riscv64 (Documentation/riscv/vm-layout.rst), " \
			"4K pages, no KASLR; QEMU virt (RAM at 0x80000000, " \
			"OpenSBI reserved at its start)", \
		.data = &linux61, \
		.struct_page_size = 64, \
	}

/* riscv64 (Sv39): Linux, and xv6, which runs Sv39 only */
const struct kernel_profile riscv64_profiles[] = {
	RISCV64_LINUX61,
	{
		.name = "xv6",
		.release = "xv6-riscv",
		.model = "xv6-riscv (github.com/mit-pdos/xv6-riscv, MIT "
			"6.1810): Sv39, kvmmake's kernel page table, kalloc's "
			"free list over [end, PHYSTOP), processes loaded by "
			"exec.c; QEMU virt with 128M (PHYSTOP)",
		.data = &linux61,
		.struct_page_size = 64,
		.mem_default = 128 * MiB,
		.mem_max = 128 * MiB,
		.mem_max_why = "PHYSTOP is KERNBASE + 128M",
		.ops = &xv6_ops,
	},
	{ .name = NULL },
};

/* riscv64-sv48, riscv64-sv57 */
const struct kernel_profile riscv64_sv_profiles[] = {
	RISCV64_LINUX61,
	{ .name = NULL },
};

const struct kernel_profile riscv32_profiles[] = {
	{
		.name = "6.1",
		.release = "Linux 6.1",
		.model = "Linux 6.1 riscv32 (Sv32, PAGE_OFFSET 0xc0000000), 4K "
			"pages; QEMU virt (RAM at 0x80000000, OpenSBI reserved "
			"at its start)",
		.data = &linux61,
		.struct_page_size = 32,
	},
	{ .name = NULL },
};

/*
 * The kernel image: offsets from _start of a defconfig-sized 6.1 Image.
 * With STRICT_KERNEL_RWX the text, init, rodata and data segments are
 * SECTION_ALIGN (the PMD size: 2M, 4M on riscv32) apart, as
 * vmlinux.lds.S aligns them; swapper_pg_dir and empty_zero_page are
 * page-aligned .bss.
 */
static const struct {
	const char *name;
	u64 off;
	u64 size;
	char type;
} image[] = {
	{ "_start", 0x0000000, 0, 'T' },
	{ "_text", 0x0002000, 0, 'T' },
	{ "_stext", 0x0002000, 0, 'T' },
	{ "_etext", 0x0a5c000, 0, 'T' },
	{ "__init_begin", 0x0c00000, 0, 'T' },
	{ "__init_text_begin", 0x0c00000, 0, 'T' },
	{ "__init_text_end", 0x0c7c000, 0, 'T' },
	{ "__init_data_begin", 0x0c7c000, 0, 'D' },
	{ "__init_end", 0x0e00000, 0, 'D' },
	{ "__start_rodata", 0x1000000, 0, 'R' },
	{ "__end_rodata", 0x13d8000, 0, 'R' },
	{ "_data", 0x1400000, 0, 'D' },
	{ "_sdata", 0x1400000, 0, 'D' },
	{ "_edata", 0x14f0000, 0, 'D' },
	{ "__bss_start", 0x14f0000, 0, 'B' },
	{ "empty_zero_page", 0x14f0000, PAGE_SIZE, 'B' },
	{ "swapper_pg_dir", 0x14f1000, PAGE_SIZE, 'B' },
	{ "__bss_stop", 0x1580000, 0, 'B' },
	{ "_end", 0x1580000, 0, 'B' },
};

static u64
image_off(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(image); i++)
		if (!strcmp(image[i].name, name))
			return image[i].off;
	return 0;
}

static u64
isym(const struct machine *m, const char *name)
{
	return m->lay.kimage_vaddr + image_off(name);
}

/* __pa_symbol() */
static u64
kpa(const struct machine *m, u64 va)
{
	return va - m->lay.kimage_vaddr + m->lay.phys_base;
}

/* __va(): the direct map's address of a physical one */
static u64
lm(const struct machine *m, u64 pa)
{
	return pa - m->lay.phys_offset + m->lay.page_offset;
}

/* The fixmap of 6.1 (asm/fixmap.h): no FIX_FDT yet. */
enum {
	FIX_HOLE,
	FIX_PTE,
	FIX_PMD,
	FIX_PUD,
	FIX_P4D,
	FIX_TEXT_POKE1,
	FIX_TEXT_POKE0,
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
	FIX_BTMAP_END = __end_of_permanent_fixed_addresses,
	/* NR_FIX_BTMAPS (256K / 4K) x FIX_BTMAPS_SLOTS 7 */
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + 64 * 7 - 1,
	__end_of_fixed_addresses
};

static void
fixmap_slots(struct machine *m)
{
	machine_add_fix(m, "FIX_HOLE", FIX_HOLE, 1);
	machine_add_fix(m, "FIX_PTE", FIX_PTE, 1);
	machine_add_fix(m, "FIX_PMD", FIX_PMD, 1);
	machine_add_fix(m, "FIX_PUD", FIX_PUD, 1);
	machine_add_fix(m, "FIX_P4D", FIX_P4D, 1);
	machine_add_fix(m, "FIX_TEXT_POKE1", FIX_TEXT_POKE1, 1);
	machine_add_fix(m, "FIX_TEXT_POKE0", FIX_TEXT_POKE0, 1);
	machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", FIX_EARLYCON_MEM_BASE, 1);
	machine_add_fix(m, "FIX_BTMAP_END", FIX_BTMAP_END,
			FIX_BTMAP_BEGIN - FIX_BTMAP_END + 1);
}

/*
 * Layouts
 */

/* VMEMMAP_START: VMEMMAP_SIZE below VMALLOC_START */
static u64
vmemmap_start(const struct machine *m)
{
	unsigned vb = m->mmu.va_bits;

	return m->lay.vmalloc_start -
		(1ULL << (vb - PAGE_SHIFT - 1 + STRUCT_PAGE_MAX_SHIFT));
}

/*
 * vmemmap is VMEMMAP_START in 6.1 (the struct page of pfn 0, which is no
 * RAM here): the struct page of phys_ram_base is phys_ram_base's pfn
 * pages into it, where the memory map starts.
 */
void
riscv_set_vmemmap(struct machine *m)
{
	struct layout *L = &m->lay;

	L->vmemmap_base = vmemmap_start(m) + (L->phys_offset >> PAGE_SHIFT) *
		m->profile->struct_page_size;
	L->fixaddr_top = vmemmap_start(m) - PCI_IO_SIZE;
}

/* The 64-bit layout of pgtable.h and page.h for VA_BITS vb. */
void
riscv_layout64(struct machine *m, unsigned vb)
{
	struct layout *L = &m->lay;
	u64 pgdir = 1ULL << m->mmu.lv[LVL_PGD].shift;
	/* KERN_VIRT_SIZE: half of the kernel's half of the pgd */
	u64 kern_virt_size = (256 * pgdir) / 2;
	L->page_offset = vb == 57 ? 0xff60000000000000ULL :
		vb == 48 ? 0xffffaf8000000000ULL : 0xffffffd800000000ULL;
	/* the direct map ends where the KASAN shadow starts */
	L->maxmem = (vb == 57 ? 0xffdf000000000000ULL :
		     vb == 48 ? 0xffffef8000000000ULL :
		     0xfffffff700000000ULL) - L->page_offset;
	L->vmalloc_end = L->page_offset - 1;
	L->vmalloc_start = L->page_offset - kern_virt_size / 2;
	L->kimage_vaddr = KERNEL_LINK_ADDR;
	L->phys_base = RAM_BASE + 2 * MiB;
	/* TASK_SIZE_64: half of the pgd */
	L->task_size = 256 * pgdir;
	L->stack_top = L->task_size;
}

void
riscv_layout32(struct machine *m)
{
	const struct riscv_kernel *k = &linux61;
	struct layout *L = &m->lay;

	L->page_offset = k->page_offset_sv32;
	L->maxmem = (1ULL << 32) - L->page_offset;
	L->vmalloc_end = L->page_offset - 1;
	L->vmalloc_start = L->page_offset - L->maxmem / 2;
	/* the kernel is linked at PAGE_OFFSET, loaded a megapage into RAM */
	L->phys_base = RAM_BASE + 4 * MiB;
	L->kimage_vaddr = L->page_offset + 4 * MiB;
}

void
riscv_regions64(struct machine *m)
{
	const struct layout *L = &m->lay;
	u64 kstart = -(L->task_size), pci = L->fixaddr_top;
	u64 fix = L->fixaddr_top - 2 * MiB, dm_end = L->page_offset + L->maxmem;

	machine_add_region(m, "user", 0, L->task_size,
			   "user space of the running process",
			   "walk VADDR (the process's page tables)", REG_USER, 0);
	machine_add_region(m, "non-canonical", L->task_size, kstart,
			   "bits 63..VA_BITS differ from bit VA_BITS-1: any "
			   "access is a page fault", "none", REG_GAP, 0);
	machine_add_region(m, "unused", kstart, fix, "the bottom of the "
			   "kernel half: nothing maps it", "unmapped", REG_GAP, 0);
	machine_add_region(m, "fixmap", fix, L->fixaddr_top,
			   "fixmap (FIXADDR_SIZE = PMD_SIZE): text poking, "
			   "earlycon, early_ioremap slots",
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
	machine_add_region(m, "PCI I/O", pci, vmemmap_start(m),
			   "PCI I/O port space (PCI_IOBASE)", "walk VADDR", 0, 0);
	machine_add_region(m, "vmemmap", vmemmap_start(m), L->vmalloc_start,
			   "struct page array (SPARSEMEM_VMEMMAP)", "walk VADDR",
			   0, 0);
	machine_add_region(m, "vmalloc", L->vmalloc_start, L->page_offset,
			   "vmalloc and ioremap, guard page after each area",
			   "walk VADDR (swapper_pg_dir): frames are not "
			   "contiguous", 0, 0);
	machine_add_region(m, "direct map", L->page_offset, dm_end,
			   "direct mapping of all physical memory from "
			   "phys_ram_base", "__pa(va) = va - PAGE_OFFSET + "
			   "phys_ram_base (va_pa_offset)", REG_DIRECT,
			   L->page_offset - L->phys_offset);
	machine_add_region(m, "kasan", dm_end, 0xffffffff00000000ULL,
			   "KASAN shadow (when configured)", "unmapped",
			   REG_GAP, 0);
	machine_add_region(m, "unused", 0xffffffff00000000ULL, L->modules_vaddr,
			   "below MODULES_VADDR = PFN_ALIGN(_end) - 2G",
			   "unmapped", REG_GAP, 0);
	machine_add_region(m, "modules", L->modules_vaddr,
			   L->modules_end - BPF_JIT_REGION_SIZE,
			   "module_alloc(): loadable modules (the 2G below the "
			   "kernel's end, within reach of its calls)",
			   "walk VADDR", 0, 0);
	machine_add_region(m, "BPF", L->modules_end - BPF_JIT_REGION_SIZE,
			   L->modules_end, "BPF JIT (BPF_JIT_REGION: the top "
			   "128M of the module range)", "walk VADDR", 0, 0);
	machine_add_region(m, "kernel image", L->kimage_vaddr, L->kend,
			   "kernel image mapping (KERNEL_LINK_ADDR): text, "
			   "init, rodata, data, bss",
			   "__pa_symbol(va) = va - va_kernel_pa_offset",
			   REG_KIMAGE, L->kimage_vaddr - L->phys_base);
	machine_add_region(m, "unused", L->kend, 0,
			   "the rest of the kernel's 2G", "unmapped", REG_GAP, 0);
}

void
riscv_regions32(struct machine *m)
{
	const struct layout *L = &m->lay;
	u64 fix = L->fixaddr_top - 4 * MiB;

	machine_add_region(m, "user", 0, fix, "user space of the running "
			   "process (TASK_SIZE = FIXADDR_START)",
			   "walk VADDR (the process's page tables)", REG_USER, 0);
	machine_add_region(m, "fixmap", fix, L->fixaddr_top,
			   "fixmap (FIXADDR_SIZE = PGDIR_SIZE): text poking, "
			   "earlycon, early_ioremap slots",
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
	machine_add_region(m, "PCI I/O", L->fixaddr_top, vmemmap_start(m),
			   "PCI I/O port space (PCI_IOBASE)", "walk VADDR", 0, 0);
	machine_add_region(m, "vmemmap", vmemmap_start(m), L->vmalloc_start,
			   "struct page array (SPARSEMEM_VMEMMAP)", "walk VADDR",
			   0, 0);
	machine_add_region(m, "vmalloc", L->vmalloc_start, L->page_offset,
			   "vmalloc, ioremap and modules (MODULES_VADDR = "
			   "VMALLOC_START), guard page after each area",
			   "walk VADDR (swapper_pg_dir)", 0, 0);
	machine_add_region(m, "lowmem", L->page_offset, L->high_memory,
			   "linear map of all RAM, the kernel image in it",
			   "__pa(va) = va - PAGE_OFFSET + phys_ram_base",
			   REG_DIRECT, L->page_offset - L->phys_offset);
	machine_add_region(m, "unused", L->high_memory, 1ULL << 32,
			   "above the end of RAM", "unmapped", REG_GAP, 0);
}

void
riscv_ksyms(struct machine *m)
{
	struct layout *L = &m->lay;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(image); i++)
		machine_add_ksym(m, image[i].name,
				 L->kimage_vaddr + image[i].off, image[i].size,
				 image[i].type);
	riscv_layout_syms(m);
}

/* The layout's constants as symbols (a simulated machine and an image). */
void
riscv_layout_syms(struct machine *m)
{
	struct layout *L = &m->lay;

	machine_add_ksym(m, "PAGE_OFFSET", L->page_offset, 0, 'A');
	machine_add_ksym(m, "phys_ram_base", L->phys_offset, 0, 'A');
	machine_add_ksym(m, "va_pa_offset", L->page_offset - L->phys_offset,
			 0, 'A');
	machine_add_ksym(m, "va_kernel_pa_offset",
			 L->kimage_vaddr - L->phys_base, 0, 'A');
	machine_add_ksym(m, "high_memory", L->high_memory, 0, 'A');
	machine_add_ksym(m, "VMALLOC_START", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "VMALLOC_END", L->vmalloc_end, 0, 'A');
	machine_add_ksym(m, "VMEMMAP_START", vmemmap_start(m), 0, 'A');
	machine_add_ksym(m, "vmemmap", vmemmap_start(m), 0, 'A');
	machine_add_ksym(m, "PCI_IO_START", L->fixaddr_top, 0, 'A');
	machine_add_ksym(m, "FIXADDR_TOP", L->fixaddr_top, 0, 'A');
	machine_add_ksym(m, "FIXADDR_START", L->fixaddr_start, 0, 'A');
	machine_add_ksym(m, "MODULES_VADDR", L->modules_vaddr, 0, 'A');
	machine_add_ksym(m, "MODULES_END", L->modules_end, 0, 'A');
	machine_add_ksym(m, "TASK_SIZE", L->task_size, 0, 'A');
}

int
riscv_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	struct mmu *mmu = &m->mmu;
	struct layout *L = &m->lay;
	char have[32];
	int i;

	if (m->profile->ops == &xv6_ops)
		return xv6_setup(m, o, e);
	mmu->va_bits = (u8)(m->arch->is64 ? o->va_bits : 32);
	if (riscv_mmu_init(mmu, e))
		return -EINVAL;
	fmt_size(have, sizeof(have), m->ram_size);
	if (m->ram_size < MEM_MIN_RISCV)
		return error_set(e, -EINVAL, "--mem %s: OpenSBI, the kernel "
				 "Image and QEMU's device tree need at least "
				 "64M of RAM", have);
	if (m->arch->is64)
		riscv_layout64(m, mmu->va_bits);
	else
		riscv_layout32(m);
	if (m->ram_size > L->maxmem)
		return error_set(e, -EINVAL, "--mem %s: with Sv%u the direct map "
				 "holds at most %lluG of RAM%s", have,
				 mmu->va_bits, (unsigned long long)(L->maxmem >>
								    30),
				 m->arch->is64 && mmu->va_bits < 57 ?
				 "; use --va-bits 48 or 57" : "");
	L->phys_offset = RAM_BASE;	/* phys_ram_base */
	riscv_set_vmemmap(m);
	L->lowmem_end = m->ram_size;
	L->high_memory = L->page_offset + m->ram_size;
	L->nr_cpus = (unsigned)MAX(NR_CPUS_RISCV, m->ncpus);
	L->km_max_idx = 0;
	/* zone_sizes_init(): ZONE_DMA32 below 4G on riscv64, no ZONE_DMA */
	L->dma_limit = 0;
	L->dma32_limit = m->arch->is64 ? 4 * GiB : 0;
	L->fixaddr_start = L->fixaddr_top -
		((u64)__end_of_permanent_fixed_addresses << PAGE_SHIFT);
	L->fixaddr_boot_start = L->fixaddr_top -
		((u64)__end_of_fixed_addresses << PAGE_SHIFT);
	L->ktext = isym(m, "_stext");
	L->ketext = isym(m, "_etext");
	L->kdata = isym(m, "_sdata");
	L->kedata = isym(m, "_edata");
	L->kbss = isym(m, "__bss_start");
	L->kend = isym(m, "_end");
	if (m->arch->is64) {
		/* MODULES_VADDR = PFN_ALIGN(_end) - 2G, MODULES_END = _start */
		L->modules_end = L->kimage_vaddr;
		L->modules_vaddr = ALIGN_UP(L->kend, PAGE_SIZE) - 2 * GiB;
		L->kernel_pgd_start = -L->task_size;
		riscv_regions64(m);
	} else {
		L->modules_vaddr = L->vmalloc_start;
		L->modules_end = L->page_offset;
		L->task_size = L->fixaddr_top - 4 * MiB;
		L->stack_top = L->task_size;
		L->kernel_pgd_start = L->task_size;
		riscv_regions32(m);
	}
	fixmap_slots(m);
	riscv_ksyms(m);
	for (i = 0; i < m->ncpus; i++) {
		m->cpu[i].asid = 0;
		m->cpu[i].regs[1] = 1ULL << 18;	/* sstatus.SUM */
	}
	return 0;
}

/*
 * Boot tables
 */

/*
 * setup_bootmem(): the kernel from _start (its reservation rounded up to
 * PMD_SIZE on riscv64), the device tree QEMU put 2M-aligned below the
 * top of RAM (at most 3G), and OpenSBI's region at the start of RAM,
 * which its device tree reserves.
 */
static void
reserve_boot(struct machine *m)
{
	const struct layout *L = &m->lay;
	u64 kstart = L->phys_base, kend = kpa(m, L->kend);
	u64 ram_end = m->ram_start + m->ram_size;
	u64 fdt = ALIGN_DOWN(MIN(ram_end, RAM_BASE + 3 * GiB) - FDT_SIZE,
			     2 * MiB);

	if (m->arch->is64)
		kend = ALIGN_UP(kend, 2 * MiB);
	memblock_reserve(m, RAM_BASE, OPENSBI_SIZE, "OpenSBI (reserved-memory "
			 "mmode_resv)");
	memblock_reserve(m, kstart, kend - kstart, "kernel image");
	memblock_reserve(m, fdt, FDT_SIZE, "device tree blob");
	m->memblock_next = kend;
}

/* map [va, va + size) to pa with pages up to max_shift */
static int
map(struct machine *m, u64 va, u64 pa, u64 size, unsigned max_shift,
    pgprot_t prot, struct error *e)
{
	if (size == 0)
		return 0;
	return pgtable_map_range(m, m->swapper_pg_dir, va, pa, size, max_shift,
				 prot, e);
}

/*
 * The image's segments as they are after boot (pgprot_from_va(),
 * mark_rodata_ro(), free_initmem()): text read-execute, init and data
 * read-write, rodata read-only.  va is where each is mapped: the kernel
 * mapping on riscv64, the linear map on riscv32.
 */
static int
map_image(struct machine *m, u64 va0, unsigned shift, bool alias,
	  struct error *e)
{
	static const struct {
		const char *start, *end;
		pgprot_t prot, alias_prot;
	} seg[] = {
		{ "_start", "__init_begin", PAGE_KERNEL_RX, PAGE_KERNEL_RO },
		{ "__init_begin", "__start_rodata", PAGE_KERNEL, PAGE_KERNEL },
		{ "__start_rodata", "_data", PAGE_KERNEL_RO, PAGE_KERNEL_RO },
		{ "_data", "_end", PAGE_KERNEL, PAGE_KERNEL },
	};
	size_t i;
	int r;

	for (i = 0; i < ARRAY_SIZE(seg); i++) {
		u64 s = image_off(seg[i].start), t = image_off(seg[i].end);

		if (i == ARRAY_SIZE(seg) - 1 && m->arch->is64)
			t = ALIGN_UP(t, 2 * MiB);
		r = map(m, va0 + s, m->lay.phys_base + s, t - s, shift,
			alias ? seg[i].alias_prot : seg[i].prot, e);
		if (r)
			return r;
	}
	return 0;
}

/*
 * setup_vm_final(): the linear map of every memory bank with the largest
 * mapping best_map_size() allows (PMD_SIZE: 2M, 4M on riscv32), the
 * kernel mapping (riscv64), then what boot changes after: the linear
 * alias of the kernel text and rodata made read-only, and the fixmap's
 * tables.
 */
int
riscv_paging_init(struct machine *m, struct error *e)
{
	struct layout *L = &m->lay;
	unsigned big = m->mmu.lv[LVL_PMD].leaf_shift;
	u64 kstart = L->phys_base, kend = kpa(m, L->kend);
	u64 ram_end = m->ram_start + m->ram_size;
	int r;

	if (m->profile->ops == &xv6_ops)
		return xv6_paging_init(m, e);
	m->swapper_pg_dir = kpa(m, isym(m, "swapper_pg_dir"));
	reserve_boot(m);
	if (m->arch->is64)
		kend = ALIGN_UP(kend, 2 * MiB);
	/* the linear map around the kernel, then the kernel's alias */
	r = map(m, lm(m, m->ram_start), m->ram_start, kstart - m->ram_start,
		big, PAGE_KERNEL, e);
	if (!r)
		r = map(m, lm(m, kend), kend, ram_end - kend, big, PAGE_KERNEL,
			e);
	if (!r)
		r = map_image(m, lm(m, kstart), big, m->arch->is64, e);
	if (!r && m->arch->is64)
		r = map_image(m, L->kimage_vaddr, big, false, e);
	if (r)
		return r;
	return pgtable_prealloc(m, m->swapper_pg_dir,
				L->fixaddr_top - (m->arch->is64 ? 2 : 4) * MiB,
				(m->arch->is64 ? 2 : 4) * MiB, e);
}
