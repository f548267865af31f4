// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Kernel page-table isolation (cf. arch/x86/mm/pti.c): whether the kernel
 * turns it on, and the user half of swapper_pg_dir that pti_init() and
 * pti_finalize() build.  The per-process pgds copy that half
 * (pgd_alloc in src/mm/memory.c; m->user_pgd_offset says where it is).
 */
#include "ptwalk/machine.h"
#include "ptwalk/mmu.h"
#include "ptwalk/pgtable.h"
#include "x86.h"

enum pti_clone_level { PTI_CLONE_PMD, PTI_CLONE_PTE };

/*
 * X86_FEATURE_PTI: a kernel built with CONFIG_PAGE_TABLE_ISOLATION (which
 * needs PAE or 64-bit) on a CPU with X86_BUG_CPU_MELTDOWN (every Intel
 * CPU QEMU models; no AMD one).  A kernel that turns it on keeps its own
 * mappings non-global (__default_kernel_pte_mask without _PAGE_GLOBAL),
 * but for what it clones into the user half.
 */
void
x86_pti_select(struct machine *m)
{
	const struct x86_kernel *k = m->profile->data;
	bool bug = m->mmu.features & F_MELTDOWN;
	bool asked = m->opts.cpu_set & F_MELTDOWN,
	     refused = m->opts.cpu_clear & F_MELTDOWN;

	m->user_pgd_offset = 0;
	m->user_tag_bit = 0;
	m->mmu.features &= ~F_PTI;
	if (!k->pti) {
		m->pti_why = "off: this kernel predates page-table isolation "
			"(4.15)";
		return;
	}
	if (!bug) {
		m->pti_why = refused ? "off: the CPU is not affected by "
			"Meltdown (--cpu nomeltdown)" : "off: QEMU's qemu64 CPU "
			"is AuthenticAMD, which Meltdown does not affect "
			"(--cpu meltdown: an Intel CPU)";
		return;
	}
	m->pti_why = asked ? "on: the CPU has the Meltdown bug (--cpu "
		"meltdown): Kernel/User page tables isolation: enabled" :
		"on: QEMU's qemu32 CPU is GenuineIntel, with the Meltdown bug: "
		"Kernel/User page tables isolation: enabled";
	m->user_pgd_offset = PAGE_SIZE;
	m->mmu.features |= F_PTI;
	/* X86_CR3_PTI_PCID_USER_BIT */
	m->user_tag_bit = (m->mmu.features & F_PCID) ? 0x800 : 0;
}

/* The G bit of every leaf in [start, end) of swapper_pg_dir, set or not. */
static void
set_global(struct machine *m, u64 start, u64 end, bool on)
{
	u64 va = start;

	while (va < end) {
		struct walk w;
		const struct walk_step *s;
		u64 e;

		mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);
		if (w.fault != WF_NONE || w.nsteps == 0) {
			va = (va + PAGE_SIZE) & PAGE_MASK;
			continue;
		}
		s = &w.step[w.nsteps - 1];
		e = on && (m->mmu.features & F_PGE) ? s->entry | _PAGE_GLOBAL :
			s->entry & ~(u64)_PAGE_GLOBAL;
		phys_write_entry(&m->phys, s->entry_pa, m->mmu.lv[s->lvl].esize,
				 e);
		va = (va & ~((1ULL << w.shift) - 1)) + (1ULL << w.shift);
	}
}

/* The walk's step at lvl, or NULL. */
static const struct walk_step *
step_at(const struct walk *w, int lvl)
{
	int i;

	for (i = 0; i < w->nsteps; i++)
		if (w->step[i].lvl == lvl)
			return &w->step[i];
	return NULL;
}

/* Copy one entry of swapper_pg_dir into the user half, made global. */
static int
clone_entry(struct machine *m, u64 va, const struct walk_step *s,
	    struct error *e)
{
	u64 user = m->swapper_pg_dir + m->user_pgd_offset, epa, ent = s->entry;
	int r = pgtable_slot(m, user, va, s->lvl, true, &epa, e);

	if (r)
		return r;
	if (m->mmu.features & F_PGE)
		ent |= _PAGE_GLOBAL;
	phys_write_entry(&m->phys, s->entry_pa, m->mmu.lv[s->lvl].esize, ent);
	phys_write_entry(&m->phys, epa, m->mmu.lv[s->lvl].esize, ent);
	return 0;
}

/*
 * pti_clone_pgtable(): [start, end) of the kernel's tables into the user
 * half: whole pmds (their page tables shared) where the kernel maps a
 * large page or level says so, else the present ptes one by one; both
 * copies become global.
 */
static int
pti_clone_pgtable(struct machine *m, u64 start, u64 end,
		  enum pti_clone_level level, struct error *e)
{
	const u64 pmd_size = 1ULL << m->mmu.lv[LVL_PMD].shift;
	u64 va = start;

	while (va < end) {
		struct walk w;
		const struct walk_step *pmd, *pte;
		int r;

		mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va, &w);
		pmd = step_at(&w, LVL_PMD);
		if (pmd == NULL || pmd->d.kind == PT_NONE ||
		    pmd->d.kind == PT_BAD) {
			va = (va & ~(pmd_size - 1)) + pmd_size;
			continue;
		}
		if (pmd->d.kind == PT_LEAF || level == PTI_CLONE_PMD) {
			r = clone_entry(m, va, pmd, e);
			va = (va & ~(pmd_size - 1)) + pmd_size;
		} else {
			pte = step_at(&w, LVL_PTE);
			r = pte && pte->d.kind == PT_LEAF ?
				clone_entry(m, va, pte, e) : 0;
			va = (va & PAGE_MASK) + PAGE_SIZE;
		}
		if (r)
			return r;
	}
	return 0;
}

/*
 * pti_clone_p4d() (64-bit): the user half shares the kernel's whole top
 * entry for va; setup_cpu_entry_areas() made its tables, with the
 * read-only IDT at CPU_ENTRY_AREA_RO_IDT.
 */
static int
pti_clone_p4d(struct machine *m, u64 va, u64 idt, struct error *e)
{
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->lv[LVL_P4D].folded ? LVL_PGD : LVL_P4D;
	u64 kent, uent, ent = 0;
	int r = pgtable_slot(m, m->swapper_pg_dir, va, LVL_PTE, false, &kent,
			     NULL);

	if (r) {
		r = pgtable_map(m, m->swapper_pg_dir, va, idt, PAGE_SIZE,
				PAGE_SHIFT, PAGE_KERNEL_RO, e);
		if (r)
			return r;
	}
	r = pgtable_slot(m, m->swapper_pg_dir, va, lvl, false, &kent, e);
	if (!r)
		r = pgtable_slot(m, m->swapper_pg_dir + m->user_pgd_offset, va,
				 lvl, true, &uent, e);
	if (r)
		return r;
	phys_read_entry(&m->phys, kent, mmu->lv[lvl].esize, &ent);
	phys_write_entry(&m->phys, uent, mmu->lv[lvl].esize, ent);
	return 0;
}

/*
 * pti_init() and pti_finalize(): the cpu_entry_area (32-bit: its pmds,
 * since one pgd entry maps the whole kernel; 64-bit: its p4d), the
 * kernel image made non-global up to its last pmd, the entry text's pmds,
 * and, where no PCID tags the kernel's TLB entries
 * (pti_kernel_image_global_ok), the text and rodata up to
 * __end_rodata_aligned (32-bit: pte by pte), the text global again.
 */
int
x86_pti_init(struct machine *m, u64 idt, struct error *e)
{
	const struct x86_kernel *k = m->profile->data;
	const struct layout *L = &m->lay;
	const u64 pmd_size = 1ULL << m->mmu.lv[LVL_PMD].shift;
	u64 image_end = (L->kend + pmd_size - 1) & ~(pmd_size - 1);
	int r;

	if (!m->user_pgd_offset)
		return 0;
	if (m->arch->is64)
		r = pti_clone_p4d(m, X86_64_CPU_ENTRY_AREA_BASE, idt, e);
	else
		r = pti_clone_pgtable(m, L->cpu_entry_area,
				      L->cpu_entry_area_end, PTI_CLONE_PMD, e);
	if (r)
		return r;
	/* cea_set_pte(): the area is in both halves, its ptes global */
	if (m->arch->is64)
		set_global(m, X86_64_CPU_ENTRY_AREA_BASE,
			   X86_64_CPU_ENTRY_AREA_BASE + PAGE_SIZE, true);
	else
		set_global(m, L->cpu_entry_area, L->cpu_entry_area_end, true);
	/* pti_set_kernel_image_nonglobal() */
	set_global(m, L->ktext, image_end, false);
	r = pti_clone_pgtable(m, L->ktext + k->entry_text,
			      L->ktext + k->entry_text_end, PTI_CLONE_PMD, e);
	if (r || (m->mmu.features & F_PCID))
		return r;
	/* pti_clone_kernel_text() */
	r = pti_clone_pgtable(m, L->ktext, L->ktext + k->end_rodata,
			      m->arch->is64 ? PTI_CLONE_PMD : PTI_CLONE_PTE, e);
	if (!r)
		set_global(m, L->ktext, (L->ketext + PAGE_SIZE - 1) & PAGE_MASK,
			   true);
	return r;
}
