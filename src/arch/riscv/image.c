// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * riscv memory images.  QEMU's riscv dumps (target/riscv/arch_dump.c)
 * carry NT_PRSTATUS and the FP state of every hart, no satp: the root
 * comes from --cr3, from the roots a core ptwalk saved, or from the
 * VMCOREINFO: SYMBOL(swapper_pg_dir) less the kernel mapping's offset.
 * Linux 6.1 writes the common VMCOREINFO only; from 6.2
 * (arch/riscv/kernel/crash_core.c) it adds VA_BITS, phys_ram_base, the
 * vmalloc, vmemmap and module ranges and va_kernel_pa_offset, which
 * ptwalk reads when present and writes in the cores it saves.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/image_info.h"
#include "riscv.h"

/*
 * Live guests: QEMU's riscv gdbstub (target/riscv/gdbstub.c) describes
 * the CSRs it serves in riscv-csr.xml, satp and sstatus among them, and
 * the hart's privilege level as "priv" (its virtual feature).  The slots
 * of image_cpu.ctl[]: satp, sstatus, priv (those of arch.gdb_regs).
 */
#define RV_GDB_SATP	0
#define RV_GDB_PRIV	2
#define RV_PRIV_M	3

static unsigned
satp_mode(const struct machine *m, u64 satp)
{
	return m->arch->is64 ? (unsigned)(satp >> 60) :
		(unsigned)((satp >> 31) & 1);
}

/* The VA size of the first hart whose satp translates (64-bit). */
static u64
satp_va_bits(const struct image_info *ii, u64 dflt)
{
	int i;

	for (i = 0; i < ii->ncpus; i++) {
		unsigned mode = (unsigned)(ii->cpu[i].ctl[RV_GDB_SATP] >> 60);

		if (!ii->cpu[i].have_ctl || mode == SATP_MODE_BARE)
			continue;
		return mode == SATP_MODE_SV57 ? 57 : mode == SATP_MODE_SV48 ?
			48 : mode == SATP_MODE_SV39 ? 39 : mode;
	}
	return dflt;
}

u32
riscv_gdb_elf_machine(const struct arch *a, const struct image_info *ii,
		      int *elf_class)
{
	(void)ii;
	*elf_class = a->elf->elf_class;
	return EM_RISCV;
}

bool
riscv_gdb_root(const struct machine *m, const struct image_cpu *c, int r,
	       u64 *root, u16 *asid)
{
	unsigned a;
	char why[160];

	if (r != 0 || !c->have_ctl ||
	    riscv_satp_decode(&m->mmu, c->ctl[RV_GDB_SATP], root, &a, why,
			      sizeof(why)))
		return false;
	*asid = (u16)a;
	return true;
}

const char *
riscv_gdb_mmu_off(const struct machine *m, const struct image_cpu *c)
{
	unsigned mode = satp_mode(m, c->ctl[RV_GDB_SATP]);

	if (mode == SATP_MODE_BARE)
		return "satp.MODE is 0 (Bare): the MMU is off";
	if (mode != riscv_satp_mode(&m->mmu))
		return "satp.MODE is not the paging mode ptwalk read when it "
			"attached: attach again";
	return NULL;
}

/*
 * riscv64 reads the VA size from the file (riscv64-sv48 and riscv64-sv57
 * are for simulated machines, and for files that do not say: raw, LiME,
 * a 6.1 core, given with --arch); riscv32 takes the 32-bit cores.
 */
bool
riscv_image_match(const struct arch *a, const struct image_info *ii)
{
	if (ii->elf_class == ELFCLASS32)
		return !a->is64;
	return a == &arch_riscv64;
}

/*
 * The VA size of a riscv64 image: the file's (ptwalk's note, the
 * VMCOREINFO of 6.2 on); else the mode the arch names (riscv64-sv48,
 * riscv64-sv57: a raw or LiME file, or a 6.1 core, says nothing), else
 * a live guest's satp, else Sv39.  A named mode the file contradicts is
 * refused.
 */
static int
image_va_bits(const struct machine *m, u64 *vb, struct error *e)
{
	const struct arch *a = m->arch;
	u64 named = a->va_bits_choices[1] == 0 ? a->va_bits_choices[0] : 0;
	bool said = ptwalk_note_u64(m->img, "va_bits", vb) ||
		vmcoreinfo_u64(m->img, "NUMBER(VA_BITS)", vb);

	if (!said) {
		*vb = named ? named : satp_va_bits(m->img, 39);
		return 0;
	}
	if (*vb != 39 && *vb != 48 && *vb != 57)
		return error_set(e, -EINVAL, "the image's kernel has a "
				 "%llu-bit VA; riscv64 translates 39 (Sv39), "
				 "48 (Sv48) or 57 (Sv57) bits",
				 (unsigned long long)*vb);
	if (named && *vb != named)
		return error_set(e, -EINVAL, "the image's kernel has a "
				 "%llu-bit VA (Sv%llu), not the Sv%llu of "
				 "--arch %s: open it with --arch riscv64",
				 (unsigned long long)*vb,
				 (unsigned long long)*vb,
				 (unsigned long long)named, a->name);
	return 0;
}

int
riscv_image_mmu(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct mmu *mmu = &m->mmu;
	u64 vb = 39;
	unsigned f = 0;

	/* a raw or LiME file has no class: the arch given says */
	if (ii->elf_class != ELFCLASSNONE &&
	    (ii->elf_class == ELFCLASS64) != m->arch->is64)
		return error_set(e, -EINVAL, "a %d-bit core: %s walks %s; "
				 "open it with --arch %s",
				 ii->elf_class == ELFCLASS64 ? 64 : 32,
				 m->arch->name, m->arch->is64 ?
				 "Sv39, Sv48 or Sv57" : "Sv32",
				 m->arch->is64 ? "riscv32" : "riscv64");
	if (m->arch->is64) {
		int r = image_va_bits(m, &vb, e);

		if (r)
			return r;
	} else {
		vb = 32;
	}
	image_note_features(ii, &f);
	mmu->features = f;
	mmu->va_bits = (u8)vb;
	return riscv_mmu_init(mmu, e);
}

/*
 * The privileged spec reserves D, A and U in a pointer to the next level
 * (Linux's _PAGE_TABLE is V alone), and Linux's pgds hold no other
 * non-zero entries than valid ones.
 */
bool
riscv_root_plausible(const struct mmu *mmu, const u8 *table, u64 size,
		     unsigned user_end)
{
	unsigned esize = mmu->arch->is64 ? 8 : 4, i;
	u64 e;

	(void)user_end;
	for (i = 0; i < size / esize; i++) {
		e = 0;
		memcpy(&e, table + i * esize, esize);
		if (e == 0)
			continue;
		if (!(e & RV_V))
			return false;
		if (!(e & (RV_R | RV_W | RV_X)) &&
		    (e & (RV_A | RV_D | RV_U)))
			return false;
	}
	return true;
}

/* A live guest's hart i: satp's root, or a warning why none. */
static bool
live_root(struct machine *m, int i, u64 *root, u16 *asid)
{
	const struct image_cpu *ic = &m->img->cpu[i];
	const char *off = riscv_gdb_mmu_off(m, ic);

	if (off != NULL) {
		image_warn(m->img, "hart %d: %s; no page-table root: xp reads "
			   "physical memory", i, off);
		return false;
	}
	if (ic->ctl[RV_GDB_PRIV] == RV_PRIV_M)
		image_warn(m->img, "hart %d runs in M-mode, whose accesses are "
			   "not translated: walks use satp's table, that of "
			   "S and U modes", i);
	return riscv_gdb_root(m, ic, 0, root, asid);
}

/* The roots of every hart: --cr3, a live guest's satp, ptwalk's note, the VMCOREINFO. */
static int
image_roots(struct machine *m, bool have_swapper, u64 swapper_pa,
	    struct error *e)
{
	struct image_info *ii = m->img;
	int i, nroot = 0;

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];
		const struct image_cpu *ic = &ii->cpu[i];

		if (ii->opts.have_root[0]) {
			c->root[0] = ii->opts.root[0];
			c->root_valid[0] = true;
		} else if (ic->have_ctl) {
			c->root_valid[0] = live_root(m, i, &c->root[0],
						     &c->asid);
			memcpy(c->regs, ic->ctl, sizeof(c->regs));
			if (c->root_valid[0] && nroot++ == 0)
				m->cur = i;
			continue;
		} else if (ic->have_root[0]) {
			c->root[0] = ic->root[0];
			c->root_valid[0] = true;
		} else if (have_swapper) {
			c->root[0] = swapper_pa;
			c->root_valid[0] = true;
		}
		if (ic->have_regs)
			memcpy(c->regs, ic->regs, sizeof(c->regs));
		c->asid = ic->asid;
		if (c->root_valid[0] && nroot++ == 0)
			m->cur = i;
	}
	if (have_swapper)
		m->swapper_pg_dir = swapper_pa;
	if (nroot == 0 && ii->cpu[0].have_ctl)
		return 0;	/* a live guest whose MMU is off: said */
	if (nroot == 0)
		return error_set(e, -EINVAL, "the image does not say where the "
				 "page table is (no VMCOREINFO with "
				 "swapper_pg_dir, no satp in QEMU's riscv "
				 "notes): give --cr3 PADDR, satp's PPN << 12");
	snprintf(ii->root_from, sizeof(ii->root_from), "%s",
		 ii->opts.have_root[0] ? "--cr3 (every hart)" :
		 ii->cpu[m->cur].have_root[0] ? "the roots ptwalk saved" :
		 "VMCOREINFO: satp's root = swapper_pg_dir - "
		 "va_kernel_pa_offset");
	return 0;
}

int
riscv_image_setup(struct machine *m, struct error *e)
{
	struct image_info *ii = m->img;
	struct layout *L = &m->lay;
	u64 off, swapper = 0, end;
	bool have_swapper;

	if (riscv_image_mmu(m, e))
		return -EINVAL;
	vmcoreinfo_add_symbols(m);
	if (m->arch->is64)
		riscv_layout64(m, m->mmu.va_bits);
	else
		riscv_layout32(m);
	L->phys_offset = vmcoreinfo_or(ii, "NUMBER(phys_ram_base)",
				       m->phys.r[0].start & ~(2 * MiB - 1));
	snprintf(ii->direct_from, sizeof(ii->direct_from), "%s",
		 vmcoreinfo_u64(ii, "NUMBER(phys_ram_base)", &off) ?
		 "PAGE_OFFSET from VA_BITS, NUMBER(phys_ram_base) of the "
		 "VMCOREINFO" : "PAGE_OFFSET from VA_BITS; phys_ram_base taken "
		 "as the start of the lowest range");
	riscv_set_vmemmap(m);
	L->vmalloc_start = vmcoreinfo_or(ii, "NUMBER(VMALLOC_START)",
					 L->vmalloc_start);
	L->vmalloc_end = vmcoreinfo_or(ii, "NUMBER(VMALLOC_END)",
				       L->vmalloc_end);
	L->kimage_vaddr = vmcoreinfo_or(ii, "NUMBER(KERNEL_LINK_ADDR)",
					L->kimage_vaddr);
	/* riscv32: the kernel lies in the linear map */
	off = vmcoreinfo_or(ii, "NUMBER(va_kernel_pa_offset)", m->arch->is64 ?
			    L->kimage_vaddr - (L->phys_offset + 2 * MiB) :
			    L->page_offset - L->phys_offset);
	L->phys_base = L->kimage_vaddr - off;
	L->ktext = vmcoreinfo_or(ii, "SYMBOL(_text)", L->kimage_vaddr);
	L->kend = vmcoreinfo_or(ii, "SYMBOL(_end)", 0);
	L->modules_vaddr = vmcoreinfo_or(ii, "NUMBER(MODULES_VADDR)",
					 L->kend ? L->kend - 2 * GiB :
					 L->vmalloc_start);
	L->modules_end = vmcoreinfo_or(ii, "NUMBER(MODULES_END)",
				       m->arch->is64 ? L->kimage_vaddr :
				       L->page_offset);
	if (L->kend == 0)
		L->kend = m->arch->is64 ? L->modules_vaddr + 2 * GiB :
			L->kimage_vaddr;
	L->fixaddr_start = L->fixaddr_top - PAGE_SIZE * 8;
	L->fixaddr_boot_start = L->fixaddr_start;
	if (m->arch->is64)
		L->kernel_pgd_start = -L->task_size;
	else
		L->task_size = L->stack_top = L->kernel_pgd_start =
			L->fixaddr_top - 4 * MiB;
	snprintf(ii->layout_note, sizeof(ii->layout_note), "the regions of "
		 "Documentation/riscv/vm-layout.rst (Linux 6.1, Sv%u)",
		 m->mmu.va_bits);
	have_swapper = vmcoreinfo_u64(ii, "SYMBOL(swapper_pg_dir)", &swapper);
	if (image_roots(m, have_swapper, swapper - off, e))
		return -EINVAL;
	L->lowmem_end = 0;
	end = image_linear_end(m, machine_cpu(m)->root[0],
			       L->page_offset - L->phys_offset);
	if (end > L->phys_offset)
		L->lowmem_end = end - L->phys_offset;
	L->high_memory = L->page_offset + L->lowmem_end;
	if (m->arch->is64)
		riscv_regions64(m);
	else
		riscv_regions32(m);
	riscv_layout_syms(m);
	return 0;
}

/*
 * Saving: the NT_PRSTATUS QEMU writes for a hart (pr_pid at 32, 24 on
 * riscv32; the 31 registers and pc after it) and NT_PRFPREG (32 FP
 * registers and fcsr).
 */
#define RV64_PRSTATUS	376
#define RV32_PRSTATUS	204
#define RV_FPREGS	(32 * 8 + 8)

void
riscv_save_notes(struct machine *m, struct strbuf *notes)
{
	u8 prs[RV64_PRSTATUS], fp[RV_FPREGS];
	size_t n = m->arch->is64 ? RV64_PRSTATUS : RV32_PRSTATUS;
	int i;

	for (i = 0; i < m->ncpus; i++) {
		u32 pid = (u32)i + 1;

		memset(prs, 0, sizeof(prs));
		memcpy(prs + m->arch->elf->prstatus_pid, &pid, 4);
		note_add(notes, "CORE", NT_PRSTATUS, prs, n);
		memset(fp, 0, sizeof(fp));
		note_add(notes, "CORE", NT_PRFPREG, fp, sizeof(fp));
	}
}

/* The VMCOREINFO: the common lines, then riscv's (as 6.2 writes them). */
void
riscv_save_vmcoreinfo(struct machine *m, struct strbuf *sb)
{
	const struct layout *L = &m->lay;

#define NUM(k, v) sb_addf(sb, "NUMBER(" k ")=0x%llx\n", (unsigned long long)(v))
	vmcoreinfo_save_common(m, sb);
	sb_addf(sb, "SYMBOL(_text)=%llx\n", (unsigned long long)L->ktext);
	sb_addf(sb, "SYMBOL(_end)=%llx\n", (unsigned long long)L->kend);
	sb_addf(sb, "NUMBER(VA_BITS)=%u\n", m->mmu.va_bits);
	NUM("phys_ram_base", L->phys_offset);
	NUM("PAGE_OFFSET", L->page_offset);
	NUM("VMALLOC_START", L->vmalloc_start);
	NUM("VMALLOC_END", L->vmalloc_end);
	if (m->arch->is64) {
		NUM("MODULES_VADDR", L->modules_vaddr);
		NUM("MODULES_END", L->modules_end);
	}
	NUM("KERNEL_LINK_ADDR", L->kimage_vaddr);
	NUM("va_kernel_pa_offset", L->kimage_vaddr - L->phys_base);
#undef NUM
}
