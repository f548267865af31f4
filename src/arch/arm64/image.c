// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * arm64 memory images.  QEMU's arm dumps carry no system registers (only
 * NT_PRSTATUS and the FP/SIMD state of every CPU), so the roots come from
 * the VMCOREINFO that Linux 6.1 writes (arch/arm64/kernel/crash_core.c):
 * TTBR1 is __pa_symbol(swapper_pg_dir) = SYMBOL(swapper_pg_dir) -
 * NUMBER(kimage_voffset); VA_BITS, PHYS_OFFSET, KERNELOFFSET and the
 * module, vmalloc and vmemmap ranges are there too.  TTBR0, the running
 * process's table, is in no note: give --ttbr0.  A core ptwalk saved adds
 * the roots and registers of every CPU in its own note.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "arm64.h"
#include "arm64_hwdef.h"

#define PA_BITS_LINUX	48	/* CONFIG_ARM64_PA_BITS: MAX_PHYSMEM_BITS */

/*
 * Live guests: QEMU's aarch64 gdbstub (target/arm/gdbstub.c) describes
 * the system registers in its system-registers.xml, numbered as it
 * builds the list; the slots of image_cpu.ctl[] are those of
 * arch.gdb_regs: TCR_EL1, MAIR_EL1, SCTLR_EL1 (QEMU's "SCTLR", the cpreg
 * both states share), TTBR0_EL1, TTBR1_EL1.
 */
#define GDB_TCR		0
#define GDB_SCTLR	2
#define GDB_TTBR0	3
#define TCR_EPD0	BIT(7)
#define TCR_EPD1	BIT(23)
#define TTBR_BADDR	GENMASK(47, 1)

u32
arm64_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		     int *elf_class)
{
	(void)ii;
	*elf_class = a->elf->elf_class;
	return EM_AARCH64;
}

const char *
arm64_gdb_mmu_off(const struct machine *m, const struct image_cpu *c)
{
	(void)m;
	if (!(c->ctl[GDB_SCTLR] & 1))
		return "SCTLR_EL1.M is clear: the MMU is off";
	return NULL;
}

bool
arm64_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
	       u64 *root, u16 *asid)
{
	u64 tcr = c->ctl[GDB_TCR], ttbr = c->ctl[GDB_TTBR0 + r];
	u64 asid_from = c->ctl[GDB_TTBR0 + ((tcr & TCR_A1) ? 1 : 0)];

	if (!c->have_ctl || arm64_gdb_mmu_off(m, c) != NULL ||
	    (tcr & (r ? TCR_EPD1 : TCR_EPD0)))
		return false;
	*root = ttbr & TTBR_BADDR & m->mmu.pa_mask & PAGE_MASK;
	*asid = (u16)((asid_from >> 48) & ((tcr & TCR_ASID16) ? 0xffff : 0xff));
	return true;
}

/* The VA size and granule of a live guest's TCR_EL1 (first vCPU's with the MMU on). */
static int
tcr_va_bits(struct machine *m, u64 *vb, struct error *e)
{
	const struct image_info *ii = m->img;
	u64 tcr;
	unsigned t0, t1;
	int i;

	for (i = 0; i < ii->ncpus; i++)
		if (ii->cpu[i].have_ctl && !arm64_gdb_mmu_off(m, &ii->cpu[i]))
			break;
	if (i == ii->ncpus)
		return 0;
	tcr = ii->cpu[i].ctl[GDB_TCR];
	t0 = (unsigned)(tcr & 63);
	t1 = (unsigned)((tcr >> 16) & 63);
	if ((!(tcr & TCR_EPD0) && ((tcr >> 14) & 3) != 0) ||
	    (!(tcr & TCR_EPD1) && ((tcr >> 30) & 3) != 2))
		return error_set(e, -EINVAL, "cpu%d: TCR_EL1=0x%llx: TG0/TG1 "
				 "choose a 16K or 64K granule; ptwalk models "
				 "arm64 with 4K pages", i,
				 (unsigned long long)tcr);
	if (!(tcr & TCR_EPD0) && !(tcr & TCR_EPD1) && t0 != t1)
		return error_set(e, -EINVAL, "cpu%d: TCR_EL1=0x%llx: T0SZ=%u "
				 "and T1SZ=%u differ; ptwalk models one VA "
				 "size for TTBR0 and TTBR1", i,
				 (unsigned long long)tcr, t0, t1);
	*vb = 64 - ((tcr & TCR_EPD1) ? t0 : t1);
	if (tcr & TCR_HA)
		m->mmu.features |= F_HAFDBS;
	return 0;
}

bool
arm64_image_match(const struct arch *a, const struct image_info *ii)
{
	(void)ii;
	return a == &arch_arm64;
}

int
arm64_image_mmu(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct mmu *mmu = &m->mmu;
	u64 v, vb = 48;
	unsigned f = 0;

	/* VA_BITS: ptwalk's note, the VMCOREINFO, or TCR_EL1.T1SZ */
	if (!ptwalk_note_u64(ii, "va_bits", &vb) &&
	    !vmcoreinfo_u64(ii, "NUMBER(VA_BITS)", &vb) &&
	    vmcoreinfo_u64(ii, "NUMBER(TCR_EL1_T1SZ)", &v))
		vb = 64 - v;
	if (vb != 39 && vb != 48)
		return error_set(e, -EINVAL, "the image's kernel has a %llu-bit "
				 "VA; ptwalk models arm64 with 4K pages and 39 or "
				 "48 bits", (unsigned long long)vb);
	image_note_features(ii, &f);
	mmu->features = f;
	if (ii->cpu[0].have_ctl && tcr_va_bits(m, &vb, e))
		return -EINVAL;
	mmu->va_bits = (u8)vb;
	if (!ptwalk_note_u64(ii, "pa_bits", &v) &&
	    !vmcoreinfo_u64(ii, "NUMBER(MAX_PHYSMEM_BITS)", &v))
		v = PA_BITS_LINUX;
	if (v < 32 || v > 48)
		v = PA_BITS_LINUX;
	mmu->pa_bits = (u8)v;
	return arm64_mmu_init(mmu, e) ? -EINVAL : 0;
}

/* A live guest's vCPU i: its roots, or a warning why none. */
static bool
live_roots(struct machine *m, int i)
{
	const struct image_cpu *ic = &m->img->cpu[i];
	const char *off = arm64_gdb_mmu_off(m, ic);
	struct cpu *c = &m->cpu[i];
	int r;

	memcpy(c->regs, ic->ctl, sizeof(c->regs));
	if (off != NULL) {
		image_warn(m->img, "cpu%d: %s; no page-table root: xp reads "
			   "physical memory", i, off);
		return false;
	}
	for (r = 0; r < 2; r++)
		c->root_valid[r] = arm64_gdb_root(m, ic, r, &c->root[r],
						  &c->asid);
	return c->root_valid[0] || c->root_valid[1];
}

/* The regions of a live guest whose MMU is off everywhere. */
static int
live_layout_end(struct machine *m)
{
	arm64_regions(m);
	arm64_layout_syms(m);
	return 0;
}

int
arm64_image_setup(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	u64 v, vb, voff = 0, swapper = 0, kaslr = 0, end;
	bool have_voff, have_swapper;
	int i, nroot = 0;

	if (arm64_image_mmu(m, e))
		return -EINVAL;
	vb = m->mmu.va_bits;
	vmcoreinfo_add_symbols(m);

	/* the layout that follows from VA_BITS, then what the file says */
	arm64_layout_va(L, (unsigned)vb);
	have_voff = vmcoreinfo_u64(ii, "NUMBER(kimage_voffset)", &voff);
	have_swapper = vmcoreinfo_u64(ii, "SYMBOL(swapper_pg_dir)", &swapper);
	if (vmcoreinfo_u64(ii, "NUMBER(PHYS_OFFSET)", &v)) {
		L->phys_offset = v;
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "PAGE_OFFSET from VA_BITS, NUMBER(PHYS_OFFSET) of the "
			 "VMCOREINFO");
	} else {
		/* as crash(8) does: RAM starts at the lowest PT_LOAD */
		L->phys_offset = m->phys.r[0].start & ~(GiB - 1);
		snprintf(ii->direct_from, sizeof(ii->direct_from),
			 "PAGE_OFFSET from VA_BITS; PHYS_OFFSET taken as the "
			 "start of the lowest range, 1G aligned (no VMCOREINFO)");
	}
	L->modules_vaddr = vmcoreinfo_or(ii, "NUMBER(MODULES_VADDR)", L->modules_vaddr);
	L->modules_end = vmcoreinfo_or(ii, "NUMBER(MODULES_END)", L->modules_end);
	if (vmcoreinfo_u64(ii, "KERNELOFFSET", &kaslr))
		L->kimage_vaddr = L->modules_end + kaslr;
	L->vmalloc_start = vmcoreinfo_or(ii, "NUMBER(VMALLOC_START)", L->modules_end);
	L->vmalloc_end = vmcoreinfo_or(ii, "NUMBER(VMALLOC_END)", L->vmalloc_end);
	L->vmemmap_base = vmcoreinfo_or(ii, "NUMBER(VMEMMAP_START)", L->vmemmap_base);
	if (have_voff) {
		L->phys_base = L->kimage_vaddr - voff;
		L->ktext = vmcoreinfo_or(ii, "SYMBOL(_text)", L->kimage_vaddr);
		L->kend = vmcoreinfo_or(ii, "SYMBOL(_end)", 0);
	}
	snprintf(ii->layout_note, sizeof(ii->layout_note), "the regions of "
		 "Documentation/arm64/memory.rst (Linux 6.1, 4K pages, %llu-bit "
		 "VA)%s", (unsigned long long)vb, L->kend ? "" : "; the end of "
		 "the kernel Image is not in the file");

	/* the roots: the note, the options, the VMCOREINFO */
	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];
		const struct image_cpu *ic = &ii->cpu[i];
		int r;

		if (ic->have_ctl) {
			if (live_roots(m, i) && nroot++ == 0)
				m->cur = i;
			continue;
		}
		for (r = 0; r < 2; r++) {
			if (ii->opts.have_root[r]) {
				c->root[r] = ii->opts.root[r];
				c->root_valid[r] = true;
			} else if (ic->have_root[r]) {
				c->root[r] = ic->root[r];
				c->root_valid[r] = true;
			}
		}
		if (!c->root_valid[1] && have_swapper && have_voff) {
			c->root[1] = swapper - voff;
			c->root_valid[1] = true;
		}
		if (ic->have_regs)
			memcpy(c->regs, ic->regs, sizeof(c->regs));
		c->asid = ic->asid;
		if (c->root_valid[1] && nroot++ == 0)
			m->cur = i;
	}
	if (have_swapper && have_voff)
		m->swapper_pg_dir = swapper - voff;
	if (nroot == 0 && ii->cpu[0].have_ctl)
		return live_layout_end(m);	/* the MMU off: said */
	if (nroot == 0)
		return error_set(e, -EINVAL, "the image does not say where the "
				 "kernel's page table is (no VMCOREINFO with "
				 "swapper_pg_dir and kimage_voffset): give "
				 "--ttbr1 PADDR (and --ttbr0 for user space)");
	snprintf(ii->root_from, sizeof(ii->root_from), "%s",
		 ii->opts.have_root[1] ? "--ttbr1 (every CPU)" :
		 ii->cpu[m->cur].have_root[1] ? "the roots ptwalk saved" :
		 "VMCOREINFO: TTBR1 = swapper_pg_dir - kimage_voffset; TTBR0 "
		 "(user space) is not in the file");
	end = image_linear_end(m, machine_cpu(m)->root[1],
			       L->page_offset - L->phys_offset);
	if (end > L->phys_offset) {
		L->lowmem_end = end - L->phys_offset;
		L->high_memory = L->page_offset + L->lowmem_end;
	}
	arm64_regions(m);
	arm64_layout_syms(m);
	return 0;
}

/*
 * Saving: the notes QEMU writes for an aarch64 CPU
 * (target/arm/arch_dump.c): NT_PRSTATUS with pr_pid at 32 and the
 * general registers at 112, then NT_PRFPREG (the FP/SIMD state).
 */
#define AARCH64_PRSTATUS	392
#define AARCH64_FPSIMD		528

void
arm64_save_notes(struct machine *m, struct strbuf *notes)
{
	u8 prs[AARCH64_PRSTATUS], fp[AARCH64_FPSIMD];
	int i;

	for (i = 0; i < m->ncpus; i++) {
		u32 pid = (u32)i + 1;

		memset(prs, 0, sizeof(prs));
		memcpy(prs + 32, &pid, 4);
		note_add(notes, "CORE", NT_PRSTATUS, prs, sizeof(prs));
		memset(fp, 0, sizeof(fp));
		note_add(notes, "CORE", NT_PRFPREG, fp, sizeof(fp));
	}
}

/* The VMCOREINFO of Linux 6.1 arm64 (kernel/crash_core.c + arch). */
void
arm64_save_vmcoreinfo(struct machine *m, struct strbuf *sb)
{
	const struct layout *L = &m->lay;
	unsigned vb = m->mmu.va_bits;
	u64 page_end = -(1ULL << (vb - 1));

	vmcoreinfo_save_common(m, sb);
	/* two symbols a kernel could export too: the Image's extent */
	sb_addf(sb, "SYMBOL(_text)=%llx\n", (unsigned long long)L->ktext);
	sb_addf(sb, "SYMBOL(_end)=%llx\n", (unsigned long long)L->kend);
	sb_addf(sb, "NUMBER(MAX_PHYSMEM_BITS)=%d\n", PA_BITS_LINUX);
	sb_addf(sb, "NUMBER(VA_BITS)=%u\n", vb);
	sb_addf(sb, "NUMBER(MODULES_VADDR)=0x%llx\n",
		(unsigned long long)L->modules_vaddr);
	sb_addf(sb, "NUMBER(MODULES_END)=0x%llx\n",
		(unsigned long long)L->modules_end);
	sb_addf(sb, "NUMBER(VMALLOC_START)=0x%llx\n",
		(unsigned long long)L->vmalloc_start);
	sb_addf(sb, "NUMBER(VMALLOC_END)=0x%llx\n",
		(unsigned long long)L->vmalloc_end);
	sb_addf(sb, "NUMBER(VMEMMAP_START)=0x%llx\n",
		(unsigned long long)L->vmemmap_base);
	sb_addf(sb, "NUMBER(VMEMMAP_END)=0x%llx\n", (unsigned long long)
		(L->vmemmap_base + ((page_end - L->page_offset) >>
				    (PAGE_SHIFT - 6))));
	sb_addf(sb, "NUMBER(kimage_voffset)=0x%llx\n",
		(unsigned long long)(L->kimage_vaddr - L->phys_base));
	sb_addf(sb, "NUMBER(PHYS_OFFSET)=0x%llx\n",
		(unsigned long long)L->phys_offset);
	sb_addf(sb, "NUMBER(TCR_EL1_T1SZ)=0x%x\n", 64 - vb);
	sb_addf(sb, "KERNELOFFSET=%llx\n", (unsigned long long)
		(L->kimage_vaddr - L->modules_end));
	sb_addf(sb, "NUMBER(KERNELPACMASK)=0x0\n");
}
