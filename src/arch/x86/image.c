// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * x86 memory images: the paging mode from the CPU state (CR0, CR3, CR4 of
 * QEMU's note; the ELF machine says long mode, as QEMU chooses EM_X86_64
 * only when EFER.LMA is set) or from the VMCOREINFO, the roots of every
 * CPU, and the layout facts the file gives.  And the notes of a saved
 * core, as QEMU writes them (target/i386/arch_dump.c).
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"
#include "x86.h"

#define START_KERNEL_MAP	0xffffffff80000000ULL
#define DEFAULT_TEXT		0xffffffff81000000ULL	/* no KASLR */
#define PAGE_OFFSET_BASE_L4	0xffff888000000000ULL
#define PAGE_OFFSET_BASE_L5	0xff11000000000000ULL
#define VMALLOC_BASE_L4		0xffffc90000000000ULL
#define VMALLOC_BASE_L5		0xffa0000000000000ULL
#define VMEMMAP_BASE_L4		0xffffea0000000000ULL
#define VMEMMAP_BASE_L5		0xffd4000000000000ULL
#define CPU_ENTRY_AREA_BASE	0xfffffe0000000000ULL
#define MODULES_END_64		0xffffffffff000000ULL
#define FIXADDR_TOP_64		0xffffffffff7ff000ULL
#define FIXADDR_TOP_32		0xfffff000ULL
#define VMALLOC_OFFSET		(8 * MiB)

/* The first CPU whose paging is on (CR0.PG), or NULL. */
static const struct image_cpu *
paging_cpu(const struct image_info *ii)
{
	int i;

	for (i = 0; i < ii->ncpus; i++)
		if (ii->cpu[i].have_ctl && (ii->cpu[i].ctl[X86_CR0] & X86_CR0_PG))
			return &ii->cpu[i];
	return NULL;
}

bool
x86_image_match(const struct arch *a, const struct image_info *ii)
{
	const struct image_cpu *c = paging_cpu(ii);
	u64 v;
	bool la57 = false, pae = false;

	if (c != NULL) {
		la57 = (c->ctl[X86_CR4] & X86_CR4_LA57) != 0;
		pae = (c->ctl[X86_CR4] & X86_CR4_PAE) != 0;
	} else {
		la57 = vmcoreinfo_u64(ii, "NUMBER(pgtable_l5_enabled)", &v) &&
			v == 1;
		pae = vmcoreinfo_str(ii, "CONFIG_X86_PAE", NULL) != NULL;
	}
	if (ii->elf_machine == EM_X86_64)
		return la57 ? a == &arch_x86_64_la57 : a == &arch_x86_64;
	return pae ? a == &arch_i386_pae : a == &arch_i386;
}

static unsigned
features_from(struct machine *m)
{
	const struct image_info *ii = m->img;
	const struct image_cpu *c = paging_cpu(ii);
	const struct arch *a = m->arch;
	unsigned f;

	/*
	 * EFER is not in QEMU's note: NX is taken as enabled in PAE and
	 * long mode (Linux sets EFER.NXE whenever the CPU has NX, and an
	 * entry with bit 63 set exists only then); 1G pages and PSE-36 are
	 * decoded where the mode allows them.
	 */
	if (a == &arch_i386)
		f = F_PSE | F_PGE | F_PSE36;
	else if (a == &arch_i386_pae)
		f = F_PSE | F_PGE | F_NX;
	else
		f = F_PSE | F_PGE | F_NX | F_GBPAGES;
	if (c != NULL) {
		u64 cr4 = c->ctl[X86_CR4];

		if (!(cr4 & X86_CR4_PGE))
			f &= ~(unsigned)F_PGE;
		if (a == &arch_i386 && !(cr4 & X86_CR4_PSE))
			f &= ~(unsigned)F_PSE;
		if (cr4 & X86_CR4_PCIDE)
			f |= F_PCID;
	}
	if (ii->features != NULL)
		image_note_features(ii, &f);
	return f;
}

/* The table address in a CR3 value (and the PCID). */
static u64
cr3_root(const struct machine *m, u64 cr3, u16 *pcid)
{
	const struct mmu *mmu = &m->mmu;

	*pcid = 0;
	if (m->arch == &arch_i386)
		return cr3 & 0xfffff000ULL;
	if (m->arch == &arch_i386_pae)
		return cr3 & 0xffffffe0ULL;	/* the PDPT: 32-byte aligned */
	if (mmu->features & F_PCID)
		*pcid = (u16)(cr3 & 0xfff);
	return cr3 & mmu->pa_mask & PAGE_MASK;
}

static int
set_roots(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	bool is64 = m->arch->is64;
	u64 sym, base, pgd_pa = 0;
	bool have_sym = false;
	int i, nroot = 0;

	if (vmcoreinfo_u64(ii, is64 ? "SYMBOL(init_top_pgt)" :
			   "SYMBOL(swapper_pg_dir)", &sym) ||
	    vmcoreinfo_u64(ii, "SYMBOL(swapper_pg_dir)", &sym)) {
		if (is64) {
			if (!vmcoreinfo_u64(ii, "NUMBER(phys_base)", &base))
				base = 0;
			if (sym >= START_KERNEL_MAP) {
				pgd_pa = sym - START_KERNEL_MAP + base;
				have_sym = true;
			}
		} else {
			if (!vmcoreinfo_u64(ii, "NUMBER(PAGE_OFFSET)", &base))
				base = 0xC0000000ULL;
			if (sym >= base) {
				pgd_pa = sym - base;
				have_sym = true;
			}
		}
	}
	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];
		const struct image_cpu *ic = &ii->cpu[i];
		u16 pcid = 0;

		if (ic->have_ctl) {
			memcpy(c->regs, ic->ctl, sizeof(c->regs));
			c->fault_addr = ic->ctl[X86_CR2];
		}
		if (ii->opts.have_root[0]) {
			c->root[0] = cr3_root(m, ii->opts.root[0], &pcid);
			snprintf(ii->root_from, sizeof(ii->root_from),
				 "--cr3 (every CPU)");
		} else if (ic->have_ctl && (ic->ctl[X86_CR0] & X86_CR0_PG)) {
			c->root[0] = cr3_root(m, ic->ctl[X86_CR3], &pcid);
			snprintf(ii->root_from, sizeof(ii->root_from),
				 "CR3 of each CPU (QEMU's CPU notes)");
		} else if (have_sym) {
			c->root[0] = pgd_pa;
			if (ic->have_ctl)
				image_warn(ii, "cpu%d: paging is off (CR0.PG "
					   "clear): it is given the kernel's "
					   "page table", i);
			snprintf(ii->root_from, sizeof(ii->root_from),
				 "VMCOREINFO SYMBOL(%s): the kernel's page table",
				 is64 ? "init_top_pgt" : "swapper_pg_dir");
		} else {
			if (ic->have_ctl)
				image_warn(ii, "cpu%d: paging is off (CR0.PG "
					   "clear): no page-table root", i);
			continue;
		}
		c->root_valid[0] = true;
		c->asid = pcid;
		if (nroot++ == 0)
			m->cur = i;
	}
	if (nroot == 0 && ii->opts.qemu != NULL) {
		/* as on the other arches: xp still reads the guest's RAM */
		snprintf(ii->root_from, sizeof(ii->root_from), "none: no vCPU "
			 "has paging on, no VMCOREINFO in the guest's RAM "
			 "(xp reads it)");
		return 0;
	}
	if (nroot == 0)
		return error_set(e, -EINVAL, "the image does not say where the "
				 "page tables are (no QEMU CPU note with CR3 "
				 "and paging on, no VMCOREINFO with the "
				 "kernel's page table): give --cr3 PADDR");
	if (have_sym)
		m->swapper_pg_dir = pgd_pa;
	return 0;
}

static void
ksym_if(struct machine *m, const char *name, u64 v)
{
	if (v)
		machine_add_ksym(m, name, v, 0, 'A');
}

/*
 * RANDOMIZE_MEMORY (arch/x86/mm/kaslr.c) places the direct map, vmalloc
 * space and the vmemmap in that order, each at a PUD-aligned random
 * base.  vmalloc space's first area (the first CPU's IRQ stack) is at
 * vmalloc_base and the vmemmap's first page is the struct page of pfn 0,
 * at vmemmap_base: the first mapping after the direct map, and the first
 * after vmalloc space, rounded down to 1G.
 */
static void
randomized_bases(struct machine *m, u64 root, bool la57)
{
	struct layout *L = &m->lay;
	u64 va, pa, vsize = (la57 ? 12800ULL : 32ULL) << 40;
	u64 from = ALIGN_UP(L->page_offset + L->maxmem, GiB);

	if (!image_first_mapped(m, root, from, CPU_ENTRY_AREA_BASE, &va, &pa))
		return;
	L->vmalloc_start = va & ~(GiB - 1);
	L->vmalloc_end = L->vmalloc_start + vsize - 1;
	if (image_first_mapped(m, root, L->vmalloc_end + 1,
			       CPU_ENTRY_AREA_BASE, &va, &pa))
		L->vmemmap_base = va & ~(GiB - 1);
}

static void
layout_64(struct machine *m)
{
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	bool la57 = m->arch == &arch_x86_64_la57;
	u64 root = machine_cpu(m)->root[0];
	u64 base = la57 ? PAGE_OFFSET_BASE_L5 : PAGE_OFFSET_BASE_L4;
	u64 v, va, pa, text, ksize;
	bool randomized;

	L->kimage_vaddr = START_KERNEL_MAP;
	L->task_size = la57 ? (1ULL << 56) - PAGE_SIZE : (1ULL << 47) - PAGE_SIZE;
	L->stack_top = (1ULL << 47) - PAGE_SIZE;
	L->maxmem = la57 ? (32ULL << 50) : 64 * TiB;
	/* the kernel image: KERNELOFFSET, else its first mapped page */
	if (vmcoreinfo_u64(ii, "KERNELOFFSET", &v)) {
		text = DEFAULT_TEXT + v;
	} else if (image_first_mapped(m, root, START_KERNEL_MAP,
				      START_KERNEL_MAP + GiB, &va, &pa)) {
		text = va & ~(2 * MiB - 1);
	} else {
		text = 0;
	}
	if (vmcoreinfo_u64(ii, "NUMBER(phys_base)", &v)) {
		L->phys_base = v;
	} else if (text && image_first_mapped(m, root, text, text + GiB,
					      &va, &pa)) {
		L->phys_base = pa - (va - START_KERNEL_MAP);
	}
	ksize = vmcoreinfo_or(ii, "NUMBER(KERNEL_IMAGE_SIZE)",
		      text == DEFAULT_TEXT ? 512 * MiB : GiB);
	L->modules_vaddr = vmcoreinfo_or(ii, "NUMBER(MODULES_VADDR)",
				 START_KERNEL_MAP + ksize);
	L->modules_end = vmcoreinfo_or(ii, "NUMBER(MODULES_END)", MODULES_END_64);
	if (text) {
		L->ktext = text;
		L->kend = START_KERNEL_MAP + ksize;
		machine_add_ksym(m, "_text", text, 0, 'T');
	}
	/* the direct map: NUMBER(PAGE_OFFSET), else the lowest mapping */
	if (vmcoreinfo_u64(ii, "NUMBER(PAGE_OFFSET)", &v)) {
		L->page_offset = v;
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "NUMBER(PAGE_OFFSET) of the VMCOREINFO");
	} else if (image_first_mapped(m, root, base, CPU_ENTRY_AREA_BASE,
				      &va, &pa) &&
		   !((va - pa) & (GiB - 1))) {
		L->page_offset = va - pa;
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "the lowest kernel mapping above 0x%llx maps physical "
			 "0x%llx at 0x%llx: page_offset_base 0x%llx",
			 (unsigned long long)base, (unsigned long long)pa,
			 (unsigned long long)va,
			 (unsigned long long)L->page_offset);
	} else {
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "not found: nothing above 0x%llx maps memory at a "
			 "1G-aligned offset", (unsigned long long)base);
	}
	randomized = L->page_offset != base;
	if (L->page_offset) {
		L->lowmem_end = image_linear_end(m, root, L->page_offset);
		L->high_memory = L->page_offset + L->lowmem_end;
		/* randomized: the region's size depends on the padding */
		if (randomized)
			L->maxmem = ALIGN_UP(L->lowmem_end, PAGE_SIZE);
	}
	/* vmalloc and vmemmap move with RANDOMIZE_MEMORY: only the file says */
	L->vmalloc_start = vmcoreinfo_or(ii, "NUMBER(VMALLOC_START)",
				 randomized ? 0 : la57 ? VMALLOC_BASE_L5 :
				 VMALLOC_BASE_L4);
	L->vmalloc_end = vmcoreinfo_or(ii, "NUMBER(VMALLOC_END)", L->vmalloc_start ?
			       L->vmalloc_start + ((la57 ? 12800ULL : 32ULL) << 40)
			       - 1 : 0);
	L->vmemmap_base = vmcoreinfo_or(ii, "NUMBER(VMEMMAP_START)",
				randomized ? 0 : la57 ? VMEMMAP_BASE_L5 :
				VMEMMAP_BASE_L4);
	L->fixaddr_top = vmcoreinfo_or(ii, "NUMBER(FIXADDR_TOP)", FIXADDR_TOP_64);
	L->fixaddr_start = vmcoreinfo_or(ii, "NUMBER(FIXADDR_START)", 0);
	L->fixaddr_boot_start = vmcoreinfo_or(ii, "NUMBER(FIXADDR_BOOT_START)",
				      L->fixaddr_start ? L->fixaddr_start :
				      L->modules_end);
	if (randomized && !L->vmalloc_start && L->page_offset)
		randomized_bases(m, root, la57);
	if (randomized && !L->vmalloc_start)
		snprintf(ii->layout_note, sizeof(ii->layout_note),
			 "the direct map is not at 0x%llx: the kernel randomizes "
			 "its memory regions (RANDOMIZE_MEMORY) and the file "
			 "does not say where vmalloc and vmemmap are",
			 (unsigned long long)base);
	else if (randomized && !vmcoreinfo_u64(ii, "NUMBER(VMALLOC_START)", &v))
		snprintf(ii->layout_note, sizeof(ii->layout_note),
			 "RANDOMIZE_MEMORY: page_offset_base, vmalloc_base and "
			 "vmemmap_base are the 1G-aligned starts of the first "
			 "mappings of the direct map, of what follows it and "
			 "of what follows vmalloc space, in that order");
	else
		snprintf(ii->layout_note, sizeof(ii->layout_note),
			 "the regions of Documentation/x86/x86_64/mm.rst "
			 "(Linux 6.1) with the bases the file gives");
	ksym_if(m, "page_offset_base", L->page_offset);
	ksym_if(m, "PAGE_OFFSET", L->page_offset);
	ksym_if(m, "high_memory", L->high_memory);
	ksym_if(m, "vmalloc_base", L->vmalloc_start);
	ksym_if(m, "VMALLOC_START", L->vmalloc_start);
	ksym_if(m, "VMALLOC_END", L->vmalloc_end);
	ksym_if(m, "vmemmap_base", L->vmemmap_base);
	ksym_if(m, "VMEMMAP_START", L->vmemmap_base);
	ksym_if(m, "__START_KERNEL_map", L->kimage_vaddr);
	ksym_if(m, "MODULES_VADDR", L->modules_vaddr);
	ksym_if(m, "MODULES_END", L->modules_end);
	ksym_if(m, "FIXADDR_TOP", L->fixaddr_top);
	ksym_if(m, "FIXADDR_START", L->fixaddr_start);
	ksym_if(m, "TASK_SIZE", L->task_size);
	machine_add_ksym(m, "phys_base", L->phys_base, 0, 'A');
}

static void
layout_32(struct machine *m)
{
	static const u64 splits[] = {
		0xC0000000ULL, 0xB0000000ULL, 0x80000000ULL, 0x78000000ULL,
		0x40000000ULL,	/* CONFIG_VMSPLIT_3G, 3G_OPT, 2G, 2G_OPT, 1G */
	};
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	u64 root = machine_cpu(m)->root[0], v;
	size_t i;

	if (vmcoreinfo_u64(ii, "NUMBER(PAGE_OFFSET)", &v)) {
		L->page_offset = v;
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "NUMBER(PAGE_OFFSET) of the VMCOREINFO");
	} else {
		for (i = 0; i < ARRAY_SIZE(splits); i++) {
			struct walk w;

			if (mmu_walk(&m->mmu, &m->phys, root, splits[i], &w) ==
			    WF_NONE && w.pa == 0) {
				L->page_offset = splits[i];
				snprintf(ii->direct_from, sizeof(ii->direct_from),
					 "0x%llx (a VMSPLIT choice) maps "
					 "physical 0: PAGE_OFFSET",
					 (unsigned long long)splits[i]);
				break;
			}
		}
		if (!L->page_offset)
			snprintf(ii->direct_from, sizeof(ii->direct_from),
				 "not found: no VMSPLIT PAGE_OFFSET (0xc0000000, "
				 "0xb0000000, 0x80000000, 0x78000000, "
				 "0x40000000) maps physical 0");
	}
	L->last_pkmap = m->arch == &arch_i386_pae ? 512 : 1024;
	L->fixaddr_top = vmcoreinfo_or(ii, "NUMBER(FIXADDR_TOP)", FIXADDR_TOP_32);
	if (!L->page_offset)
		return;
	L->task_size = L->page_offset;
	L->stack_top = L->page_offset;
	L->lowmem_end = image_linear_end(m, root, L->page_offset);
	L->high_memory = L->page_offset + L->lowmem_end;
	L->maxmem = L->lowmem_end;
	/* VMALLOC_START = high_memory + VMALLOC_OFFSET (pgtable_32_types.h) */
	L->vmalloc_start = vmcoreinfo_or(ii, "NUMBER(VMALLOC_START)",
				 L->high_memory + VMALLOC_OFFSET);
	L->vmalloc_end = vmcoreinfo_or(ii, "NUMBER(VMALLOC_END)", 0);
	L->pkmap_base = vmcoreinfo_or(ii, "NUMBER(PKMAP_BASE)", 0);
	L->fixaddr_start = vmcoreinfo_or(ii, "NUMBER(FIXADDR_START)", 0);
	L->fixaddr_boot_start = vmcoreinfo_or(ii, "NUMBER(FIXADDR_BOOT_START)",
				      L->fixaddr_start);
	L->modules_vaddr = L->vmalloc_start;
	L->modules_end = L->vmalloc_end;
	if (!L->vmalloc_end || !L->pkmap_base || !L->fixaddr_start)
		snprintf(ii->layout_note, sizeof(ii->layout_note),
			 "VMALLOC_END, PKMAP_BASE and FIXADDR_START depend on "
			 "the kernel's configuration (NR_CPUS, the fixmap) and "
			 "the file does not give them: one region runs from "
			 "VMALLOC_START to the top");
	else
		snprintf(ii->layout_note, sizeof(ii->layout_note),
			 "the 32-bit regions with the boundaries the file "
			 "gives");
	ksym_if(m, "PAGE_OFFSET", L->page_offset);
	ksym_if(m, "high_memory", L->high_memory);
	ksym_if(m, "VMALLOC_START", L->vmalloc_start);
	ksym_if(m, "VMALLOC_END", L->vmalloc_end);
	ksym_if(m, "PKMAP_BASE", L->pkmap_base);
	ksym_if(m, "FIXADDR_START", L->fixaddr_start);
	ksym_if(m, "FIXADDR_TOP", L->fixaddr_top);
	ksym_if(m, "TASK_SIZE", L->task_size);
}

int
x86_image_mmu(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct mmu *mmu = &m->mmu;
	u64 bits;
	int r;

	mmu->features = features_from(m);
	r = x86_mmu_init(mmu, e);
	if (r)
		return r;
	/*
	 * MAXPHYADDR is not in the file: the kernel's MAX_PHYSMEM_BITS when
	 * the VMCOREINFO has it, else every address bit of the entry format.
	 */
	if (m->arch != &arch_i386) {
		if (!vmcoreinfo_u64(ii, "NUMBER(MAX_PHYSMEM_BITS)", &bits) ||
		    bits < 32 || bits > 52)
			bits = 52;
		mmu->pa_bits = (u8)bits;
		mmu->pa_mask = GENMASK(bits - 1, 0);
		x86_set_decoder(mmu);
	}
	/*
	 * QEMU's TCG page walker sets the accessed bit of PAE PDPTEs, a bit
	 * hardware reserves there (Intel SDM 4.4.1): a dump taken under QEMU
	 * has it in every PDPTE the guest used, so an image accepts it.
	 */
	if (m->arch == &arch_i386_pae)
		mmu->rsvd_table[LVL_PGD] &= ~(u64)_PAGE_ACCESSED;
	return 0;
}

/*
 * How Linux fills a pgd: every entry of the user half is a _PAGE_TABLE
 * (User set); a PAE pgd has the kernel's pmd in its last entry and
 * each of its pmds (PREALLOCATED_PMDS) is a different page.
 */
bool
x86_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
		   unsigned user_end)
{
	unsigned esize = mmu->arch->is64 || mmu->arch == &arch_i386_pae ? 8 : 4;
	unsigned i, j, n = (unsigned)(size / esize);
	u64 e, f;

	for (i = 0; i < n; i++) {
		e = 0;
		memcpy(&e, table + i * esize, esize);
		if (mmu->arch == &arch_i386_pae) {
			if (!(e & _PAGE_PRESENT)) {
				if (i + 1 == n)	/* the kernel's pmd */
					return false;
				continue;
			}
			for (j = 0; j < i; j++) {
				f = 0;
				memcpy(&f, table + j * esize, esize);
				if ((e & PAGE_MASK) == (f & PAGE_MASK))
					return false;
			}
		} else if (i < user_end && (e & _PAGE_PRESENT) &&
			   !(e & _PAGE_USER)) {
			return false;
		}
	}
	return true;
}

int
x86_image_setup(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	int r;

	r = x86_image_mmu(m, e);
	if (r)
		return r;
	ii->reg_names[X86_CR0] = "cr0";
	ii->reg_names[X86_CR2] = "cr2";
	ii->reg_names[X86_CR3] = "cr3";
	ii->reg_names[X86_CR4] = "cr4";
	r = set_roots(m, e);
	if (r)
		return r;
	vmcoreinfo_add_symbols(m);
	if (m->arch->is64)
		layout_64(m);
	else
		layout_32(m);
	x86_image_regions(m);
	return 0;
}

/*
 * Reading: QEMU's CPU-state note of every CPU, whose control registers
 * say the paging mode and the roots
 */

static u64
get(const u8 *p, unsigned size)
{
	u64 v = 0;

	memcpy(&v, p, size);	/* little-endian cores on a little-endian host */
	return v;
}

bool
x86_core_note(struct image_info *ii, const char *name, u32 namesz, u32 type,
	      const u8 *desc, u32 descsz, int *ncpu)
{
	struct image_cpu *c;

	if (namesz != 5 || memcmp(name, "QEMU", 5) || type != 0)
		return false;
	if (descsz < 4) {
		image_warn(ii, "a QEMU CPU note of %u bytes, too short to say "
			   "its version: ignored", descsz);
		return true;
	}
	if (descsz < QEMU_CPUSTATE_BYTES ||
	    get(desc, 4) != QEMU_CPUSTATE_VERSION) {
		image_warn(ii, "a QEMU CPU note of %u bytes, version %llu, is "
			   "not the layout ptwalk reads (version 1, at least "
			   "%d bytes): ignored", descsz,
			   (unsigned long long)get(desc, 4),
			   QEMU_CPUSTATE_BYTES);
		return true;
	}
	c = image_add_cpu(ii, ncpu);
	c->have_ctl = true;
	c->ctl[X86_CR0] = get(desc + QEMU_CR_OFF + 0 * 8, 8);
	c->ctl[X86_CR2] = get(desc + QEMU_CR_OFF + 2 * 8, 8);
	c->ctl[X86_CR3] = get(desc + QEMU_CR_OFF + 3 * 8, 8);
	c->ctl[X86_CR4] = get(desc + QEMU_CR_OFF + 4 * 8, 8);
	c->ctl[X86_RIP] = get(desc + QEMU_CS_RIP, 8);
	c->ctl[X86_RSP] = get(desc + QEMU_CS_RSP, 8);
	c->ctl[X86_RFLAGS] = get(desc + QEMU_CS_RFLAGS, 8);
	return true;
}

/*
 * Saving: QEMU's per-CPU notes
 */

static void
cpu_ctl(struct machine *m, const struct cpu *c, u64 *ctl)
{
	const struct mmu *mmu = &m->mmu;
	u64 cr4 = 0;

	if (m->image && (c->regs[X86_CR0] || c->regs[X86_CR3])) {
		memcpy(ctl, c->regs, 7 * sizeof(*ctl));
		if (c->root_valid[0])
			ctl[X86_CR3] = c->root[0] |
				(ctl[X86_CR3] & (m->arch->is64 ? 0xfff : 0x18));
		return;
	}
	memset(ctl, 0, 7 * sizeof(*ctl));
	/* Linux: PG WP NE ET MP PE */
	ctl[X86_CR0] = 0x80050033ULL;
	ctl[X86_CR2] = c->fault_addr;
	ctl[X86_CR3] = c->root[0];
	if (mmu->features & F_PSE)
		cr4 |= X86_CR4_PSE;
	if (m->arch != &arch_i386)
		cr4 |= X86_CR4_PAE;
	if (mmu->features & F_PGE)
		cr4 |= X86_CR4_PGE;
	if (m->arch == &arch_x86_64_la57)
		cr4 |= X86_CR4_LA57;
	if (mmu->features & F_PCID) {
		cr4 |= X86_CR4_PCIDE;
		ctl[X86_CR3] |= c->asid & 0xfff;
	}
	ctl[X86_CR4] = cr4;
}

static void
put(u8 *p, u64 v, unsigned size)
{
	memcpy(p, &v, size);
}

void
x86_save_notes(struct machine *m, struct strbuf *notes)
{
	bool is64 = m->arch->is64;
	u8 prs[336], st[QEMU_CPUSTATE_BYTES];
	int i;

	/* NT_PRSTATUS of every CPU, pr_pid = the CPU's index + 1 */
	for (i = 0; i < m->ncpus; i++) {
		size_t n = is64 ? 336 : 144;

		memset(prs, 0, sizeof(prs));
		put(prs + (is64 ? 32 : 24), (u64)i + 1, 4);
		note_add(notes, "CORE", NT_PRSTATUS, prs, n);
	}
	/* then QEMU's CPU-state note of every CPU (QEMUCPUState, version 1) */
	for (i = 0; i < m->ncpus; i++) {
		u64 ctl[7];

		cpu_ctl(m, &m->cpu[i], ctl);
		memset(st, 0, sizeof(st));
		put(st, QEMU_CPUSTATE_VERSION, 4);
		put(st + 4, QEMU_CPUSTATE_BYTES, 4);
		put(st + QEMU_CS_RSP, ctl[X86_RSP], 8);
		put(st + QEMU_CS_RIP, ctl[X86_RIP], 8);
		put(st + QEMU_CS_RFLAGS, ctl[X86_RFLAGS] ? ctl[X86_RFLAGS] : 0x2,
		    8);
		put(st + QEMU_CR_OFF + 0 * 8, ctl[X86_CR0], 8);
		put(st + QEMU_CR_OFF + 2 * 8, ctl[X86_CR2], 8);
		put(st + QEMU_CR_OFF + 3 * 8, ctl[X86_CR3], 8);
		put(st + QEMU_CR_OFF + 4 * 8, ctl[X86_CR4], 8);
		note_add(notes, "QEMU", 0, st, sizeof(st));
	}
}

static void
num(struct strbuf *sb, const char *name, u64 v)
{
	if (v)
		sb_addf(sb, "NUMBER(%s)=0x%llx\n", name, (unsigned long long)v);
}

/*
 * The VMCOREINFO of the simulated kernel: the lines Linux writes
 * (kernel/crash_core.c, arch/x86/kernel/crash_core_{32,64}.c) and the
 * layout as NUMBER(PAGE_OFFSET), NUMBER(VMALLOC_START)... in the style of
 * arch/riscv, so that the layout survives the round trip.
 */
void
x86_save_vmcoreinfo(struct machine *m, struct strbuf *sb)
{
	const struct layout *L = &m->lay;
	const struct ksym *k;
	bool is64 = m->arch->is64;

	vmcoreinfo_save_common(m, sb);
	sb_addf(sb, "NUMBER(MAX_PHYSMEM_BITS)=%u\n", m->mmu.pa_bits);
	if (is64) {
		sb_addf(sb, "NUMBER(phys_base)=%lld\n", (long long)L->phys_base);
		k = machine_ksym(m, "init_top_pgt");
		if (k != NULL)
			sb_addf(sb, "SYMBOL(init_top_pgt)=%llx\n",
				(unsigned long long)k->value);
		sb_addf(sb, "NUMBER(pgtable_l5_enabled)=%d\n",
			m->arch == &arch_x86_64_la57);
		sb_addf(sb, "KERNELOFFSET=%llx\n", (unsigned long long)
			(L->ktext ? L->ktext - DEFAULT_TEXT : 0));
		sb_addf(sb, "NUMBER(KERNEL_IMAGE_SIZE)=%llu\n",
			(unsigned long long)(L->modules_vaddr - L->kimage_vaddr));
		sb_addf(sb, "NUMBER(sme_mask)=0\n");
	} else if (m->arch == &arch_i386_pae) {
		sb_addf(sb, "CONFIG_X86_PAE=y\n");
	}
	num(sb, "PAGE_OFFSET", L->page_offset);
	num(sb, "VMALLOC_START", L->vmalloc_start);
	num(sb, "VMALLOC_END", L->vmalloc_end);
	num(sb, "VMEMMAP_START", L->vmemmap_base);
	num(sb, "MODULES_VADDR", L->modules_vaddr);
	num(sb, "MODULES_END", L->modules_end);
	num(sb, "PKMAP_BASE", L->pkmap_base);
	num(sb, "FIXADDR_START", L->fixaddr_start);
	num(sb, "FIXADDR_BOOT_START", L->fixaddr_boot_start);
	num(sb, "FIXADDR_TOP", L->fixaddr_top);
}

/*
 * Live guests: QEMU's x86 gdbstub (target/i386/gdbstub.c) has cr0, cr2,
 * cr3, cr4 and efer among its core registers; its description says
 * i386:x86-64 whatever the mode, so EFER.LMA tells long mode apart.
 */
u32
x86_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		    int *elf_class)
{
	const struct image_cpu *c = paging_cpu(ii);
	u64 v;

	(void)a;
	*elf_class = ELFCLASS64;
	if (c != NULL && (c->ctl[X86_EFER] & X86_EFER_LMA))
		return EM_X86_64;
	/*
	 * No vCPU pages yet (-S): arch/x86/kernel/machine_kexec_64.c puts
	 * SYMBOL(init_top_pgt) and NUMBER(phys_base) in the VMCOREINFO,
	 * machine_kexec_32.c neither
	 */
	if (c == NULL && (vmcoreinfo_u64(ii, "SYMBOL(init_top_pgt)", &v) ||
			  vmcoreinfo_u64(ii, "NUMBER(phys_base)", &v)))
		return EM_X86_64;
	*elf_class = ELFCLASS32;
	return EM_386;
}

bool
x86_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
	     u64 *root, u16 *asid)
{
	if (r != 0 || !(c->ctl[X86_CR0] & X86_CR0_PG))
		return false;
	*root = cr3_root(m, c->ctl[X86_CR3], asid);
	return true;
}

const char *
x86_gdb_mmu_off(const struct machine *m, const struct image_cpu *c)
{
	(void)m;
	if (c->ctl[X86_CR0] & X86_CR0_PG)
		return NULL;
	return "CR0.PG is clear, paging is off";
}
