// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The 32-bit ARM kernel's address space and its boot page tables
 * (arch/arm/mm/mmu.c: sanity_check_meminfo, paging_init).
 *
 * The machine is a Versatile Express with a Cortex-A9 MPCore tile, as QEMU
 * models it (vexpress-a9): RAM at PHYS_OFFSET 0x60000000, ARMv7 with TEX
 * remap, an SMP kernel (shared, write-allocate memory), 3G/1G split,
 * HIGHMEM.  Two kernels are modelled (--kernel):
 *
 *   3.4  Linux 3.4: VMALLOC_END 0xff000000, the 2M DMA consistent area at
 *        0xffc00000, fixmap 0xfff00000-0xfffe0000 counting up and used
 *        whole for kmap_atomic, lowmem mapped with RWX sections.
 *   5.4  Linux 5.4: VMALLOC_END 0xff800000, no consistent area (CMA and
 *        vmalloc-space remapping), fixmap 0xffc00000-0xfff00000 counting
 *        down from FIXADDR_TOP, STRICT_KERNEL_RWX section permissions,
 *        L_PTE_NONE, the vector page plus the kernel-only page of vector entry code.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"
#include "ptwalk/pgtable.h"
#include "arm.h"

#define PAGE_OFFSET	0xc0000000ULL
#define PHYS_OFFSET	0x60000000ULL
#define TEXT_OFFSET	0x8000ULL
#define PMD_SIZE	(1ULL << PGDIR_SHIFT)		/* 2M */
#define VMALLOC_OFFSET	(8 * MiB)
#define VECTORS_BASE	0xffff0000ULL
#define KM_TYPE_NR	16	/* arch/arm/include/asm/kmap_types.h */
#define NR_CPUS_ARM	4	/* CONFIG_NR_CPUS default (range 2-32) */
#define DACR_3X		0x15	/* user, kernel: "manager" = client on v7 */
#define DACR_5X		0x55	/* + the vectors domain; no SW PAN */
#define PRRR		0xff0a81a8ULL	/* proc-v7-2level.S */
#define NMRR		0x40e040e0ULL

const struct arm_variant arm_variants[] = {
	{
		.name = "3.4",
		.vmalloc_end = 0xff000000ULL,
		.consistent_base = 0xffc00000ULL,
		.consistent_end = 0xffe00000ULL,
		.fixaddr_start = 0xfff00000ULL,
		.fixaddr_end = 0xfffe0000ULL,
		.fixmap_up = true,
		.pte_none = false,
		.strict_rwx = false,
		.vectors_pages = 1,
		.vectors_domain = DOMAIN_USER,
		.dacr = DACR_3X,
		/* 224 fixmap slots hold KM_TYPE_NR 16 per CPU */
		.max_cpus = 14,
		.stext = 0x8000, .etext = 0x468000, .rodata = 0x3a0000,
		.init_begin = 0x468000, .init_end = 0x4a0000,
		.sdata = 0x4a0000, .edata = 0x4f0000, .bss = 0x4f0000,
		.end = 0x540000,
	},
	{
		.name = "5.4",
		.vmalloc_end = 0xff800000ULL,
		.fixaddr_start = 0xffc00000ULL,
		.fixaddr_end = 0xfff00000ULL,
		.fixmap_up = false,
		.pte_none = true,
		.strict_rwx = true,
		.vectors_pages = 2,
		.vectors_domain = DOMAIN_VECTORS,
		.dacr = DACR_5X,
		.max_cpus = 32,		/* CONFIG_NR_CPUS range 2-32 */
		/* _stext, rodata and __init_begin on 1M boundaries */
		.stext = 0x100000, .etext = 0x900000, .rodata = 0x900000,
		.init_begin = 0xc00000, .init_end = 0xd00000,
		.sdata = 0xd00000, .edata = 0xe00000, .bss = 0xe00000,
		.end = 0xe80000,
	},
	{ .name = NULL },
};

/*
 * The kernels of --kernel.  The page allocator's constants (struct page,
 * watermarks) are still those of the 6.1 model.
 */
const struct kernel_profile arm_profiles[] = {
	{
		.name = "3.4",
		.release = "Linux 3.4",
		.model = "Linux 3.4 ARMv7 SMP, Cortex-A9 MPCore (vexpress-a9): "
			"3G/1G, HIGHMEM, VMALLOC_END 0xff000000, 2M DMA "
			"consistent area, fixmap 0xfff00000-0xfffe0000 "
			"counting up, lowmem in RWX sections",
		.data = &arm_variants[0],
		.struct_page_size = 32,
		.kmap_flush_on_map = true,
	},
	{
		.name = "5.4",
		.release = "Linux 5.4",
		.model = "Linux 5.4 ARMv7 SMP, Cortex-A9 MPCore (vexpress-a9): "
			"3G/1G, HIGHMEM, VMALLOC_END 0xff800000, fixmap "
			"0xffc00000-0xfff00000 counting down, "
			"STRICT_KERNEL_RWX sections, L_PTE_NONE",
		.data = &arm_variants[1],
		.struct_page_size = 32,
		.kmap_flush_on_map = true,
	},
	{ .name = NULL },
};

static const struct arm_priv arm_priv_3x = {
	&arm_variants[0], true, PAGE_OFFSET - 16 * MiB
};
static const struct arm_priv arm_priv_5x = {
	&arm_variants[1], true, PAGE_OFFSET - 16 * MiB
};

static void levels(struct mmu *mmu);

/*
 * The short-descriptor translation regime, for the kernel variant in
 * mmu->priv (none yet: the 3.x one): a simulated machine and an image.
 */
int
arm_mmu_init(struct mmu *mmu, struct error *e)
{
	(void)e;
	if (mmu->priv == NULL)
		mmu->priv = (void *)&arm_priv_3x;
	levels(mmu);
	return 0;
}

/* Select the variant v's Linux PTE rules (an image's kernel). */
void
arm_mmu_variant(struct mmu *mmu, const struct arm_variant *v)
{
	mmu->priv = (void *)(v == &arm_variants[0] ? &arm_priv_3x :
			     &arm_priv_5x);
}

static void
levels(struct mmu *mmu)
{
	int i;

	/* hardware first level = Linux pgd (the pmd folded into it) */
	mmu_level(mmu, LVL_PGD, "L1", SECTION_SHIFT, 12, 4, SECTION_SHIFT);
	/* hardware second level (a coarse table) = Linux pte */
	mmu_level(mmu, LVL_PTE, "L2", PAGE_SHIFT, 8, 4, PAGE_SHIFT);
	for (i = LVL_P4D; i <= LVL_PMD; i++)
		mmu_fold(mmu, i, LVL_PGD);
	mmu_finish_levels(mmu);
	/* what the TLB can hold: 4K, 64K large pages, sections, supersections */
	mmu->npage_shifts = 4;
	mmu->page_shifts[0] = PAGE_SHIFT;
	mmu->page_shifts[1] = 16;
	mmu->page_shifts[2] = SECTION_SHIFT;
	mmu->page_shifts[3] = SUPERSECTION_SHIFT;
	mmu->va_bits = 32;
	mmu->va_mode = VA_ZEROEXT;
	mmu->pa_bits = 32;	/* Cortex-A9: no 40-bit supersections */
	mmu->pa_mask = GENMASK(31, 0);

	/*
	 * The fast translation walk: a first-level entry of type 0b01 is
	 * a table pointer (its address in bits 31:10) that restricts no
	 * rights on a CPU without PXN; the leaf goes to arm_decode.
	 */
	mmu_fast_geometry(mmu);
	mmu->fast_tmask = PMD_TYPE_MASK;
	mmu->fast_tval = PMD_TYPE_TABLE;
	mmu->fast_addr = 0xfffffc00ULL;
	for (i = 0; i < 8; i++)
		mmu->fast_plut[i] = P_PERM;
}

static void
ksyms(struct machine *m, const struct arm_variant *v)
{
	struct layout *L = &m->lay;

	machine_add_ksym(m, "_text", PAGE_OFFSET + TEXT_OFFSET, 0, 'T');
	machine_add_ksym(m, "_stext", L->ktext, 0, 'T');
	machine_add_ksym(m, "_etext", L->ketext, 0, 'T');
	if (v->strict_rwx)
		machine_add_ksym(m, "__start_rodata_section_aligned",
				 PAGE_OFFSET + v->rodata, 0, 'R');
	else
		machine_add_ksym(m, "__start_rodata", PAGE_OFFSET + v->rodata,
				 0, 'R');
	machine_add_ksym(m, "__init_begin", PAGE_OFFSET + v->init_begin, 0,
			 'T');
	machine_add_ksym(m, "__init_end", PAGE_OFFSET + v->init_end, 0, 'D');
	machine_add_ksym(m, "_sdata", L->kdata, 0, 'D');
	machine_add_ksym(m, "_edata", L->kedata, 0, 'D');
	machine_add_ksym(m, "__bss_start", L->kbss, 0, 'B');
	machine_add_ksym(m, "_end", L->kend, 0, 'B');
	/* head.S: .equ swapper_pg_dir, KERNEL_RAM_VADDR - PG_DIR_SIZE */
	machine_add_ksym(m, "swapper_pg_dir", PAGE_OFFSET + 0x4000, 16 * KiB,
			 'A');

	machine_add_ksym(m, "PAGE_OFFSET", PAGE_OFFSET, 0, 'A');
	machine_add_ksym(m, "PHYS_OFFSET", PHYS_OFFSET, 0, 'A');
	machine_add_ksym(m, "TASK_SIZE", L->task_size, 0, 'A');
	machine_add_ksym(m, "TASK_UNMAPPED_BASE",
			 ALIGN_UP(L->task_size / 3, 16 * MiB), 0, 'A');
	machine_add_ksym(m, "MODULES_VADDR", L->modules_vaddr, 0, 'A');
	machine_add_ksym(m, "MODULES_END", L->modules_end, 0, 'A');
	machine_add_ksym(m, "PKMAP_BASE", L->pkmap_base, 0, 'A');
	machine_add_ksym(m, "high_memory", L->high_memory, 0, 'A');
	machine_add_ksym(m, "VMALLOC_START", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "VMALLOC_END", L->vmalloc_end, 0, 'A');
	if (L->consistent_end) {
		machine_add_ksym(m, "CONSISTENT_BASE", L->consistent_base, 0,
				 'A');
		machine_add_ksym(m, "CONSISTENT_END", L->consistent_end, 0,
				 'A');
	}
	machine_add_ksym(m, "FIXADDR_START", L->fixaddr_start, 0, 'A');
	machine_add_ksym(m, "FIXADDR_TOP", L->fixaddr_top, 0, 'A');
	if (!v->fixmap_up)
		machine_add_ksym(m, "FIXADDR_END", v->fixaddr_end, 0, 'A');
	machine_add_ksym(m, "VECTORS_BASE", VECTORS_BASE, 0, 'A');
}

void
arm_regions(struct machine *m, const struct arm_variant *v)
{
	struct layout *L = &m->lay;
	u64 vec_end = VECTORS_BASE + PAGE_SIZE * v->vectors_pages;
	u64 above = L->vmalloc_end;

	machine_add_region(m, "null-trap", 0, PAGE_SIZE,
			   "page 0: never user-mappable (FIRST_USER_ADDRESS "
			   "= PAGE_SIZE), catches NULL pointers (low vectors "
			   "on CPUs without high vectors)", "unmapped",
			   REG_GAP, 0);
	machine_add_region(m, "user", PAGE_SIZE, L->task_size,
			   "user space of the running process (TASK_SIZE = "
			   "PAGE_OFFSET - 16M)",
			   "walk VADDR (the process's page tables)", REG_USER, 0);
	machine_add_region(m, "modules", L->modules_vaddr, L->modules_end,
			   "module_alloc(): loadable modules, within 32M of "
			   "the kernel text for ARM branches",
			   "walk VADDR (swapper_pg_dir): 4K pages", 0, 0);
	machine_add_region(m, "pkmap", L->pkmap_base,
			   L->pkmap_base + PAGE_SIZE * L->last_pkmap,
			   "kmap(): LAST_PKMAP 512 permanent slots for highmem "
			   "pages (PAGE_OFFSET - 2M)",
			   "walk VADDR (the pkmap pte table)", 0, 0);
	machine_add_region(m, "lowmem", L->page_offset, L->high_memory,
			   "direct map of lowmem in 1M sections: kernel "
			   "image, slab, get_free_pages, page tables",
			   "__pa(va) = va - PAGE_OFFSET + PHYS_OFFSET",
			   REG_DIRECT, L->page_offset - L->phys_offset);
	machine_add_region(m, "gap", L->high_memory, L->vmalloc_start,
			   "VMALLOC_OFFSET hole (high_memory + 8M rounded "
			   "down to 8M): catches overruns off lowmem",
			   "unmapped", REG_GAP, 0);
	machine_add_region(m, "vmalloc", L->vmalloc_start, L->vmalloc_end,
			   "vmalloc, ioremap (aligned up to 16M), static I/O "
			   "maps; 4K guard page after each area",
			   "walk VADDR (swapper_pg_dir): frames are not contiguous",
			   0, 0);
	if (L->consistent_end) {
		machine_add_region(m, "gap", above, L->consistent_base,
				   "unused (room for the DMA area to grow)",
				   "unmapped", REG_GAP, 0);
		machine_add_region(m, "dma-consistent", L->consistent_base,
				   L->consistent_end,
				   "dma_alloc_coherent(): pages remapped "
				   "uncached, handed out from the top down",
				   "walk VADDR (swapper_pg_dir)", 0, 0);
		above = L->consistent_end;
	}
	machine_add_region(m, "gap", above, L->fixaddr_start, "unused",
			   "unmapped", REG_GAP, 0);
	machine_add_region(m, "fixmap", L->fixaddr_start,
			   v->fixmap_up ? L->fixaddr_top : v->fixaddr_end,
			   v->fixmap_up ?
			   "fixmap: every slot for kmap_atomic, KM_TYPE_NR "
			   "16 per CPU" :
			   "fixmap: earlycon, kmap_atomic (KM_TYPE_NR 16 per "
			   "CPU), text poke; early_ioremap shares the kmap "
			   "slots",
			   v->fixmap_up ?
			   "fix_to_virt(idx) = FIXADDR_START + idx * 4K" :
			   "fix_to_virt(idx) = FIXADDR_TOP - idx * 4K", 0, 0);
	machine_add_region(m, "gap", v->fixmap_up ? L->fixaddr_top :
			   v->fixaddr_end, VECTORS_BASE,
			   "unused here (XScale flush area, TCM on other CPUs)",
			   "unmapped", REG_GAP, 0);
	machine_add_region(m, "vectors", VECTORS_BASE, vec_end,
			   v->vectors_pages > 1 ?
			   "CPU vector page (high vectors, SCTLR.V) with the "
			   "kuser helpers, user-readable; then the "
			   "kernel-only vector entry code" :
			   "CPU vector page (high vectors, SCTLR.V) with the "
			   "vector entry code and kuser helpers, user-readable",
			   "walk VADDR: a memblock page mapped by a second-level "
			   "table", 0, 0);
	machine_add_region(m, "gap", vec_end, 1ULL << 32,
			   "unused on ARMv7 without aliasing caches "
			   "(copy_user_page windows on older CPUs)",
			   "unmapped", REG_GAP, 0);
}

const struct arm_variant *
arm_find_variant(const char *name)
{
	int i;

	if (name == NULL)
		return &arm_variants[0];
	for (i = 0; arm_variants[i].name != NULL; i++)
		if (!strcmp(name, arm_variants[i].name))
			return &arm_variants[i];
	/* the names of saved cores before the profiles */
	if (!strcmp(name, "3.x"))
		return &arm_variants[0];
	if (!strcmp(name, "5.x"))
		return &arm_variants[1];
	return NULL;
}

int
arm_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	const struct arm_variant *v = m->profile->data;
	struct layout *L = &m->lay;
	u64 vmalloc_min, reserve;
	char buf[32];

	if ((unsigned)m->ncpus > v->max_cpus)
		return error_set(e, -EINVAL, "--cpus %d: the %s arm kernel "
				 "supports at most %u CPUs (%s)", m->ncpus,
				 v->name, v->max_cpus, v->fixmap_up ?
				 "224 fixmap slots hold 16 kmap_atomic slots "
				 "per CPU" : "CONFIG_NR_CPUS range 2-32");
	m->mmu.priv = (void *)(v == &arm_variants[0] ? &arm_priv_3x :
			       &arm_priv_5x);
	arm_mmu_init(&m->mmu, e);

	L->nr_cpus = (unsigned)MAX(NR_CPUS_ARM, m->ncpus);
	L->km_max_idx = KM_TYPE_NR;
	L->page_offset = PAGE_OFFSET;
	L->phys_offset = PHYS_OFFSET;
	L->task_size = PAGE_OFFSET - 16 * MiB;
	L->stack_top = L->task_size;
	L->modules_vaddr = PAGE_OFFSET - 16 * MiB;
	L->modules_end = PAGE_OFFSET - PMD_SIZE;	/* HIGHMEM */
	L->pkmap_base = PAGE_OFFSET - PMD_SIZE;
	L->last_pkmap = PTRS_PER_PTE;
	L->vmalloc_end = v->vmalloc_end;
	L->consistent_base = v->consistent_base;
	L->consistent_end = v->consistent_end;
	L->vectors = VECTORS_BASE;
	L->fixmap_up = v->fixmap_up;
	L->fixaddr_start = v->fixaddr_start;
	L->fixaddr_top = v->fixmap_up ? v->fixaddr_end :
		v->fixaddr_end - PAGE_SIZE;
	L->fixaddr_boot_start = L->fixaddr_start;
	/* no ZONE_DMA unless the machine sets arm_dma_zone_size */
	L->dma_limit = 0;
	L->dma32_limit = 0;

	/*
	 * sanity_check_meminfo(): lowmem ends at vmalloc_min, by default
	 * 240M of vmalloc plus the 8M gap below VMALLOC_END; vmalloc=
	 * moves it (early_vmalloc(), which clamps to 16M and to
	 * VMALLOC_END - PAGE_OFFSET - 32M).
	 */
	vmalloc_min = v->vmalloc_end - 240 * MiB - VMALLOC_OFFSET;
	if (o->vmalloc_size) {
		reserve = o->vmalloc_size;
		fmt_size(buf, sizeof(buf), reserve);
		if (reserve < 16 * MiB)
			return error_set(e, -EINVAL, "--vmalloc %s: arm needs "
					 "at least 16M (Linux would round it "
					 "up to 16M)", buf);
		if (reserve > v->vmalloc_end - (PAGE_OFFSET + 32 * MiB))
			return error_set(e, -EINVAL, "--vmalloc %s: arm leaves "
					 "at least 32M of lowmem, so at most "
					 "%lluM (Linux would clamp it)", buf,
					 (unsigned long long)((v->vmalloc_end -
					 PAGE_OFFSET - 32 * MiB) >> 20));
		vmalloc_min = v->vmalloc_end - reserve;
	}
	L->maxmem = (vmalloc_min - PAGE_OFFSET) & PAGE_MASK;
	L->lowmem_end = MIN(m->ram_size, L->maxmem);
	L->high_memory = PAGE_OFFSET + L->lowmem_end;
	L->vmalloc_start = (L->high_memory + VMALLOC_OFFSET) &
		~(VMALLOC_OFFSET - 1);

	/* the kernel image: zImage loads it at PHYS_OFFSET + TEXT_OFFSET */
	L->phys_base = PHYS_OFFSET + TEXT_OFFSET;
	L->ktext = PAGE_OFFSET + v->stext;
	L->ketext = PAGE_OFFSET + v->etext;
	L->kdata = PAGE_OFFSET + v->sdata;
	L->kedata = PAGE_OFFSET + v->edata;
	L->kbss = PAGE_OFFSET + v->bss;
	L->kend = PAGE_OFFSET + v->end;

	/* enum fixed_addresses */
	if (v->fixmap_up) {
		machine_add_fix(m, "FIX_KMAP_BEGIN", 0, (unsigned)((v->fixaddr_end -
			v->fixaddr_start) >> PAGE_SHIFT));
	} else {
		machine_add_fix(m, "FIX_EARLYCON_MEM_BASE", 0, 1);
		machine_add_fix(m, "FIX_KMAP_BEGIN", 1, KM_TYPE_NR * L->nr_cpus);
		machine_add_fix(m, "FIX_TEXT_POKE0", 1 + KM_TYPE_NR * L->nr_cpus, 1);
		machine_add_fix(m, "FIX_TEXT_POKE1", 2 + KM_TYPE_NR * L->nr_cpus, 1);
	}
	arm_regions(m, v);
	ksyms(m, v);
	return 0;
}

/*
 * paging_init(): the boot page tables in swapper_pg_dir
 */

/* early_pte_alloc(): a PTE page from memblock, linked with prot_l1. */
static int
early_pte_alloc(struct machine *m, u64 va, u64 prot_l1, const char *what,
		struct error *e)
{
	u64 pgd = m->swapper_pg_dir, epa = pgd + ((va >> SECTION_SHIFT) << 2);
	u64 cur = 0, pte;

	phys_read_entry(&m->phys, epa, 4, &cur);
	if (cur != 0)
		return 0;
	if (memblock_alloc(m, PAGE_SIZE, PAGE_SIZE, what, &pte, e))
		return e ? e->code : -ENOMEM;
	arm_pmd_populate(m, epa, pte, prot_l1);
	return 0;
}

/*
 * create_mapping() of MT_MEMORY: sections where a 2M chunk is
 * section-aligned at both ends, else 4K pages in a table linked with
 * the type's prot_l1.
 */
static int
map_memory(struct machine *m, u64 va, u64 pa, u64 end, pgprot_t prot,
	   struct error *e)
{
	while (va < end) {
		u64 next = MIN((va + PMD_SIZE) & ~(PMD_SIZE - 1), end);
		int r;

		if (((va | next | pa) & (SECTION_SIZE - 1)) == 0) {
			r = pgtable_map(m, m->swapper_pg_dir, va, pa, next - va,
					SECTION_SHIFT, prot, e);
		} else {
			r = early_pte_alloc(m, va, PMD_TYPE_TABLE |
					    PMD_DOMAIN(DOMAIN_KERNEL),
					    "page tables", e);
			if (!r)
				r = pgtable_map(m, m->swapper_pg_dir, va, pa,
						next - va, PAGE_SHIFT, prot, e);
		}
		if (r)
			return r;
		pa += next - va;
		va = next;
	}
	return 0;
}

static int
map_lowmem(struct machine *m, const struct arm_variant *v, struct error *e)
{
	struct layout *L = &m->lay;
	u64 end = L->high_memory;
	int r;

	if (!v->strict_rwx)	/* 3.x: all of lowmem is MT_MEMORY (RWX) */
		return map_memory(m, PAGE_OFFSET, PHYS_OFFSET, end,
				  PAGE_KERNEL_EXEC, e);
	/*
	 * 5.x: MT_MEMORY_RW (XN) everywhere but the kernel text, then
	 * mark_rodata_ro(): text read-only and executable, rodata
	 * read-only, init and the rest XN.
	 */
	{
		struct {
			u64 start, end;
			pgprot_t prot;
		} part[] = {
			{ PAGE_OFFSET, L->ktext, PAGE_KERNEL },
			{ L->ktext, PAGE_OFFSET + v->rodata, PAGE_KERNEL_RX },
			{ PAGE_OFFSET + v->rodata, PAGE_OFFSET + v->init_begin,
			  PAGE_KERNEL_RO },
			{ PAGE_OFFSET + v->init_begin, end, PAGE_KERNEL },
		};
		size_t i;

		for (i = 0; i < ARRAY_SIZE(part); i++) {
			u64 s = part[i].start, t = MIN(part[i].end, end);

			if (s >= t)
				continue;
			r = map_memory(m, s, s - PAGE_OFFSET + PHYS_OFFSET, t,
				       part[i].prot, e);
			if (r)
				return r;
		}
	}
	return 0;
}

int
arm_paging_init(struct machine *m, struct error *e)
{
	const struct arm_priv *ap = m->mmu.priv;
	const struct arm_variant *v = ap->v;
	struct layout *L = &m->lay;
	u64 pgd = PHYS_OFFSET + 0x4000, vectors, zero;
	u64 kstart = L->ktext - PAGE_OFFSET + PHYS_OFFSET;
	unsigned i;
	int r;

	/* arm_memblock_init(), arm_mm_memblock_reserve() */
	memblock_reserve(m, kstart, L->kend - L->ktext, "kernel image");
	memblock_reserve(m, pgd, 16 * KiB, "swapper_pg_dir");
	m->swapper_pg_dir = pgd;
	m->memblock_next = L->kend - PAGE_OFFSET + PHYS_OFFSET;

	r = map_lowmem(m, v, e);
	if (r)
		return r;

	/*
	 * devicemaps_init(): the vector page (and the vector-entry page) from
	 * memblock, mapped at 0xffff0000 through a table whose first-level
	 * entries carry the vectors' domain; MT_HIGH_VECTORS is user
	 * readable for the kuser helpers, MT_LOW_VECTORS kernel only.
	 */
	if (memblock_alloc(m, PAGE_SIZE * v->vectors_pages,
			   PAGE_SIZE * v->vectors_pages, "vectors page",
			   &vectors, e))
		return e ? e->code : -ENOMEM;
	r = early_pte_alloc(m, VECTORS_BASE, PMD_TYPE_TABLE |
			    PMD_DOMAIN(v->vectors_domain), "page tables", e);
	for (i = 0; !r && i < v->vectors_pages; i++)
		r = pgtable_map(m, pgd, VECTORS_BASE + i * PAGE_SIZE,
				vectors + i * PAGE_SIZE, PAGE_SIZE, PAGE_SHIFT,
				(i == 0 ? P_UR | P_UX : 0) | P_KR | P_KX |
				P_YOUNG | P_DIRTY, e);
	/* kmap_init(): pkmap_page_table; 5.x: the fixmap's own table */
	if (!r)
		r = early_pte_alloc(m, L->pkmap_base, _PAGE_KERNEL_TABLE,
				    "page tables", e);
	if (!r && !v->fixmap_up)
		r = early_pte_alloc(m, L->fixaddr_start, _PAGE_KERNEL_TABLE,
				    "page tables", e);
	/* the zero page */
	if (!r && memblock_alloc(m, PAGE_SIZE, PAGE_SIZE, "empty_zero_page",
				 &zero, e))
		r = e ? e->code : -ENOMEM;
	/*
	 * 3.x consistent_init() (a core_initcall): the PTE table of the
	 * DMA consistent area, linked like pte_alloc_kernel() does.
	 */
	if (!r && L->consistent_end)
		r = early_pte_alloc(m, L->consistent_base, _PAGE_KERNEL_TABLE,
				    "page tables", e);
	if (r)
		return r;

	/*
	 * sim: on arm empty_zero_page and vectors_page are pointers; these
	 * symbols name the pages themselves (their lowmem addresses).
	 */
	machine_add_ksym(m, "empty_zero_page", zero - PHYS_OFFSET +
			 PAGE_OFFSET, PAGE_SIZE, 'D');
	machine_add_ksym(m, "vectors_page", vectors - PHYS_OFFSET +
			 PAGE_OFFSET, PAGE_SIZE * v->vectors_pages, 'D');

	/* the CPUs' MMU registers (TTBR0 itself is the walk root) */
	for (i = 0; i < (unsigned)m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		c->regs[0] = 0;		/* TTBCR.N = 0: TTBR0 only */
		c->regs[1] = v->dacr;
		c->regs[2] = 0;		/* CONTEXTIDR: ASID 0 (init_mm) */
		c->regs[3] = PRRR;
		c->regs[4] = NMRR;
		c->asid = 0;
	}
	return 0;
}
