// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * 32-bit ARM memory images.  QEMU's arm dumps carry NT_PRSTATUS and the
 * VFP state of every CPU but no CP15 registers, and Linux's arm VMCOREINFO
 * has SYMBOL(swapper_pg_dir) but neither PAGE_OFFSET nor PHYS_OFFSET.  So:
 * PHYS_OFFSET is the start of the lowest range (crash(8) does the same),
 * TTBR0 is __pa(swapper_pg_dir) with the 3G/1G PAGE_OFFSET unless the
 * file says otherwise (or --ttbr0), and PAGE_OFFSET is the VMSPLIT choice
 * that maps PHYS_OFFSET.  The layout above the direct map is the modelled
 * kernel's (3.x before Linux 4, else 5.x).  A core ptwalk saved adds the
 * roots, registers and kernel variant in its own note.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"
#include "arm.h"

#define VMALLOC_OFFSET	(8 * MiB)
#define PMD_SIZE_ARM	(2 * MiB)
#define VECTORS_BASE	0xffff0000ULL

/*
 * Live guests: QEMU's arm gdbstub (target/arm/gdbstub.c) describes the
 * cp15 registers in its system-registers.xml, by the names of QEMU's
 * cpregs (the 32-bit TTBR0 is "TTBR0_EL1", PRRR and NMRR are "MAIR0"
 * and "MAIR1", CONTEXTIDR is "CONTEXTIDR_EL1"); the slots of
 * image_cpu.ctl[] are those of arch.gdb_regs: TTBCR, DACR, CONTEXTIDR,
 * PRRR, NMRR (as struct cpu's regs), then TTBR0, TTBR1, SCTLR.
 */
#define GDB_TTBCR	0
#define GDB_CONTEXTIDR	2
#define GDB_TTBR0	5
#define GDB_SCTLR	7
#define TTBCR_EAE	BIT(31)

u32
arm_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		   int *elf_class)
{
	(void)ii;
	*elf_class = a->elf->elf_class;
	return EM_ARM;
}

const char *
arm_gdb_mmu_off(const struct machine *m, const struct image_cpu *c)
{
	(void)m;
	if (!(c->ctl[GDB_SCTLR] & 1))
		return "SCTLR.M is clear: the MMU is off";
	if (c->ctl[GDB_TTBCR] & TTBCR_EAE)
		return "TTBCR.EAE is set: the CPU walks LPAE long descriptors, "
			"ptwalk's arm short ones";
	if (c->ctl[GDB_TTBCR] & 7)
		return "TTBCR.N is not 0: TTBR0 and TTBR1 split the address "
			"space, ptwalk's arm walks TTBR0 alone (N=0, as Linux "
			"sets it)";
	return NULL;
}

bool
arm_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
	     u64 *root, u16 *asid)
{
	if (r != 0 || !c->have_ctl || arm_gdb_mmu_off(m, c) != NULL)
		return false;
	*root = c->ctl[GDB_TTBR0] & 0xffffc000ULL;
	*asid = (u16)(c->ctl[GDB_CONTEXTIDR] & 0xff);
	return true;
}

/* A live guest's vCPU i: TTBR0, or a warning why none. */
static bool
live_root(struct machine *m, int i)
{
	static const char *const names[8] = {
		"ttbcr", "dacr", "contextidr", "prrr", "nmrr", "ttbr0",
		"ttbr1", "sctlr",
	};
	const struct image_cpu *ic = &m->img->cpu[i];
	const char *off = arm_gdb_mmu_off(m, ic);
	struct cpu *c = &m->cpu[i];

	/* the registers read, those of the simulated machine first */
	memcpy(m->img->reg_names, names, sizeof(names));

	memcpy(c->regs, ic->ctl, sizeof(c->regs));
	if (off != NULL) {
		image_warn(m->img, "cpu%d: %s; no page-table root: xp reads "
			   "physical memory", i, off);
		return false;
	}
	c->root_valid[0] = arm_gdb_root(m, ic, 0, &c->root[0], &c->asid);
	return c->root_valid[0];
}

bool
arm_image_match(const struct arch *a, const struct image_info *ii)
{
	(void)ii;
	return a == &arch_arm;
}

/* The kernel variant: ptwalk's note, else the release of the VMCOREINFO. */
static const struct arm_variant *
variant(const struct image_info *ii)
{
	const char *p = ii->features ? strstr(ii->features, "variant=") : NULL;
	size_t l;
	const char *rel = vmcoreinfo_str(ii, "OSRELEASE", &l);

	if (p != NULL) {
		char name[16];
		size_t n = strcspn(p + 8, "\n");

		if (n < sizeof(name)) {
			memcpy(name, p + 8, n);
			name[n] = 0;
			if (arm_find_variant(name) != NULL)
				return arm_find_variant(name);
		}
	}
	if (rel != NULL && atoi(rel) >= 4)
		return arm_find_variant("5.x");
	return arm_find_variant("3.x");
}

int
arm_image_mmu(struct machine *m, struct error *e)
{
	const struct arm_variant *v = variant(m->img);

	arm_mmu_variant(&m->mmu, v);
	if (arm_mmu_init(&m->mmu, e))
		return -EINVAL;
	m->profile = arm_profile_of(v);
	m->opts.variant = v->name;
	return 0;
}

/*
 * How Linux fills a pgd: a Linux pmd is two hardware entries, and
 * pmd_populate writes both, pointing at the two 1K hardware tables that
 * lie side by side in one page (arch/arm/include/asm/pgalloc.h); no
 * entry is non-zero without being a table or a section.
 */
bool
arm_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
		   unsigned user_end)
{
	unsigned i, n = (unsigned)(size / 4);
	u32 e0, e1;

	(void)mmu;
	(void)user_end;
	for (i = 0; i + 1 < n; i += 2) {
		memcpy(&e0, table + i * 4, 4);
		memcpy(&e1, table + i * 4 + 4, 4);
		if ((e0 & PMD_TYPE_MASK) == PMD_TYPE_TABLE ||
		    (e1 & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
			if ((e0 & PMD_TYPE_MASK) != PMD_TYPE_TABLE ||
			    (e1 & PMD_TYPE_MASK) != PMD_TYPE_TABLE ||
			    (e1 & ~0x3ffU) != (e0 & ~0x3ffU) + 0x400)
				return false;
		}
	}
	return true;
}

/*
 * PAGE_OFFSET: the VMCOREINFO's, else the VMSPLIT choice whose first
 * address the page tables map to PHYS_OFFSET.
 */
static void
arm_image_page_offset(struct machine *m, u64 root)
{
	static const u64 splits[] = {
		0xC0000000ULL, 0xB0000000ULL, 0x80000000ULL, 0x40000000ULL,
	};
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	u64 po;
	size_t k;

	if (vmcoreinfo_u64(ii, "NUMBER(PAGE_OFFSET)", &po)) {
		L->page_offset = po;
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "NUMBER(PAGE_OFFSET) and NUMBER(PHYS_OFFSET) of the "
			 "VMCOREINFO");
	} else {
		for (k = 0; k < ARRAY_SIZE(splits); k++) {
			struct walk w;

			if (mmu_walk(&m->mmu, &m->phys, root, splits[k], &w) ==
			    WF_NONE && w.pa == L->phys_offset) {
				L->page_offset = splits[k];
				break;
			}
		}
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 L->page_offset ? "PHYS_OFFSET is the lowest range; "
			 "0x%llx (a VMSPLIT choice) maps it: PAGE_OFFSET" :
			 "not found: no VMSPLIT PAGE_OFFSET maps the lowest "
			 "range (0x%llx)", (unsigned long long)(L->page_offset ?
			 L->page_offset : L->phys_offset));
	}
}

/*
 * Above the direct map: the lowmem end the page tables show, then the
 * modelled kernel V's regions (VMALLOC_END, the fixmap, ...).
 */
static void
arm_image_layout(struct machine *m, const struct arm_variant *v, u64 root)
{
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	u64 end;

	end = image_linear_end(m, root, L->page_offset - L->phys_offset);
	L->lowmem_end = end > L->phys_offset ? end - L->phys_offset : 0;
	L->high_memory = L->page_offset + L->lowmem_end;
	L->maxmem = L->lowmem_end;
	L->task_size = L->page_offset - 16 * MiB;
	L->stack_top = L->task_size;
	L->modules_vaddr = L->page_offset - 16 * MiB;
	L->modules_end = L->page_offset - PMD_SIZE_ARM;
	L->pkmap_base = L->page_offset - PMD_SIZE_ARM;
	L->last_pkmap = 512;
	L->vmalloc_start = vmcoreinfo_or(ii, "NUMBER(VMALLOC_START)",
				 (L->high_memory + VMALLOC_OFFSET) &
				 ~(VMALLOC_OFFSET - 1));
	L->vmalloc_end = vmcoreinfo_or(ii, "NUMBER(VMALLOC_END)", v->vmalloc_end);
	L->consistent_base = v->consistent_base;
	L->consistent_end = v->consistent_end;
	L->vectors = VECTORS_BASE;
	L->fixmap_up = v->fixmap_up;
	L->fixaddr_start = v->fixaddr_start;
	L->fixaddr_top = v->fixmap_up ? v->fixaddr_end :
		v->fixaddr_end - PAGE_SIZE;
	L->fixaddr_boot_start = L->fixaddr_start;
	snprintf(ii->layout_note, sizeof(ii->layout_note), "above the direct "
		 "map, the layout of the modelled kernel %s (VMALLOC_END, the "
		 "fixmap%s)", v->name, v->consistent_end ?
		 ", the DMA consistent area" : "");
	arm_regions(m, v);
	machine_add_ksym(m, "PAGE_OFFSET", L->page_offset, 0, 'A');
	machine_add_ksym(m, "PHYS_OFFSET", L->phys_offset, 0, 'A');
	machine_add_ksym(m, "high_memory", L->high_memory, 0, 'A');
	machine_add_ksym(m, "VMALLOC_START", L->vmalloc_start, 0, 'A');
	machine_add_ksym(m, "VMALLOC_END", L->vmalloc_end, 0, 'A');
}

int
arm_image_setup(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	const struct arm_variant *v;
	u64 swapper, po, root = 0;
	const struct ksym *ks = machine_ksym(m, "swapper_pg_dir");
	bool have_swapper, from_map = false;
	int i, nroot = 0;

	if (arm_image_mmu(m, e))
		return -EINVAL;
	v = variant(ii);
	L->phys_offset = vmcoreinfo_or(ii, "NUMBER(PHYS_OFFSET)",
			       m->phys.r[0].start & ~(16 * MiB - 1));
	po = vmcoreinfo_or(ii, "NUMBER(PAGE_OFFSET)", 0xC0000000ULL);
	have_swapper = vmcoreinfo_u64(ii, "SYMBOL(swapper_pg_dir)", &swapper);
	if (!have_swapper && ks != NULL) {
		/* --symbols: the System.map's */
		swapper = ks->value;
		have_swapper = from_map = true;
	}
	have_swapper = have_swapper && swapper >= po;
	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];
		const struct image_cpu *ic = &ii->cpu[i];

		if (ic->have_ctl) {
			if (live_root(m, i) && nroot++ == 0) {
				m->cur = i;
				root = c->root[0];
			}
			continue;
		}
		if (ii->opts.have_root[0])
			c->root[0] = ii->opts.root[0] & ~0x3fffULL;
		else if (ic->have_root[0])
			c->root[0] = ic->root[0];
		else if (have_swapper)
			c->root[0] = swapper - po + L->phys_offset;
		else
			continue;
		c->root_valid[0] = true;
		if (ic->have_regs)
			memcpy(c->regs, ic->regs, sizeof(c->regs));
		c->asid = ic->asid;
		if (nroot++ == 0) {
			m->cur = i;
			root = c->root[0];
		}
	}
	if (nroot == 0 && ii->cpu[0].have_ctl)
		return 0;	/* a live guest whose MMU is off: said */
	if (nroot == 0)
		return error_set(e, -EINVAL, "the image does not say where the "
				 "page tables are (no VMCOREINFO with "
				 "swapper_pg_dir): give --symbols System.map "
				 "or --ttbr0 PADDR");
	snprintf(ii->root_from, sizeof(ii->root_from), "%s",
		 ii->opts.have_root[0] ? "--ttbr0 (every CPU)" :
		 ii->cpu[m->cur].have_root[0] ? "the roots ptwalk saved" :
		 from_map ? "--symbols: TTBR0 = __pa(swapper_pg_dir)" :
		 "VMCOREINFO: TTBR0 = __pa(swapper_pg_dir)");
	if (have_swapper)
		m->swapper_pg_dir = swapper - po + L->phys_offset;

	arm_image_page_offset(m, root);
	if (!L->page_offset)
		return 0;
	arm_image_layout(m, v, root);
	if (have_swapper)
		machine_add_ksym(m, "swapper_pg_dir", swapper, 16 * KiB, 'D');
	return 0;
}

/*
 * Saving: QEMU's notes for an ARM CPU (target/arm/arch_dump.c):
 * NT_PRSTATUS with pr_pid at 24, then NT_ARM_VFP.
 */
#define ARM_PRSTATUS	148
#define ARM_VFP		260

void
arm_save_notes(struct machine *m, struct strbuf *notes)
{
	u8 prs[ARM_PRSTATUS], vfp[ARM_VFP];
	int i;

	for (i = 0; i < m->ncpus; i++) {
		u32 pid = (u32)i + 1;

		memset(prs, 0, sizeof(prs));
		memcpy(prs + 24, &pid, 4);
		note_add(notes, "CORE", NT_PRSTATUS, prs, sizeof(prs));
		memset(vfp, 0, sizeof(vfp));
		note_add(notes, "LINUX", NT_ARM_VFP, vfp, sizeof(vfp));
	}
}

/*
 * Linux's arm VMCOREINFO (kernel/crash_core.c; the arch adds nothing but
 * CONFIG_ARM_LPAE) and the layout as NUMBER() lines in the style of
 * arch/riscv, so that a saved machine opens with the same layout.
 */
void
arm_save_vmcoreinfo(struct machine *m, struct strbuf *sb)
{
	const struct layout *L = &m->lay;

	vmcoreinfo_save_common(m, sb);
	sb_addf(sb, "NUMBER(PAGE_OFFSET)=0x%llx\n",
		(unsigned long long)L->page_offset);
	sb_addf(sb, "NUMBER(PHYS_OFFSET)=0x%llx\n",
		(unsigned long long)L->phys_offset);
	sb_addf(sb, "NUMBER(VMALLOC_START)=0x%llx\n",
		(unsigned long long)L->vmalloc_start);
	sb_addf(sb, "NUMBER(VMALLOC_END)=0x%llx\n",
		(unsigned long long)L->vmalloc_end);
}
