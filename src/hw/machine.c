// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * struct machine: the bare machine (CPUs, TLBs, physical memory), regions,
 * __pa/__va and translation through the TLB.  What builds on it (the
 * simulated kernel of src/boot.c, a memory image) releases its own part
 * through m->release.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/hostmap.h"
#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"

struct machine *
machine_alloc(const struct arch *a, int ncpus, struct error *e)
{
	struct machine *m;
	int i;

	if (ncpus < 1 || ncpus > NR_CPUS_MAX) {
		error_set(e, -EINVAL, "%d CPUs: between 1 and %d", ncpus,
			  NR_CPUS_MAX);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	m->arch = a;
	m->opts.arch = a->name;
	m->profile = a->profiles;	/* the default, until boot picks one */
	m->mmu.arch = a;
	m->ncpus = ncpus;
	m->tlb_on = true;
	phys_init(&m->phys);
	m->cpu = xcalloc((size_t)ncpus, sizeof(*m->cpu));
	for (i = 0; i < ncpus; i++)
		m->cpu[i].id = i;
	return m;
}

int
machine_mmu_ready(struct machine *m, struct error *e)
{
	const struct arch *a = m->arch;
	int i;

	if (m->mmu.decode == NULL)
		m->mmu.decode = a->decode;
	for (i = 0; i < m->ncpus; i++) {
		tlb_release(&m->cpu[i].tlb);
		if (tlb_init(&m->cpu[i].tlb, a->tlb_entries, a->tlb_ways,
			     m->mmu.page_shifts, m->mmu.npage_shifts))
			return error_set(e, -EINVAL, "bad default TLB geometry");
	}
	return 0;
}

struct machine *
machine_new_bare(const struct arch *a, unsigned features, int ncpus,
		 struct error *e)
{
	struct machine *m = machine_alloc(a, ncpus, e);

	if (m == NULL)
		return NULL;
	m->mmu.features = features;
	if (a->mmu_init(&m->mmu, e) || machine_mmu_ready(m, e)) {
		machine_free(m);
		return NULL;
	}
	return m;
}

void
machine_free(struct machine *m)
{
	int i;

	if (m == NULL)
		return;
	if (m->release != NULL)
		m->release(m);
	kt_end(m);
	if (m->cpu != NULL)
		for (i = 0; i < m->ncpus; i++)
			tlb_release(&m->cpu[i].tlb);
	free(m->cpu);
	free(m->tlbh);
	if (m->tlbh_state != NULL)
		tlbh_release(m->tlbh_state);
	free(m->tlbh_state);
	hostmap_del(m->phys.map);	/* an image's mapping */
	phys_release(&m->phys);
	free(m->regions);
	free(m->fix);
	machine_ksyms_release(m);
	free(m->memblock);
	free(m->image_path);
	free(m);
}

void
machine_tlb_model(struct machine *m, const struct tlbh_geom *g)
{
	if (m->tlbh_state != NULL) {
		tlbh_release(m->tlbh_state);
		free(m->tlbh_state);
		m->tlbh_state = NULL;
	}
	if (g == NULL) {
		free(m->tlbh);
		m->tlbh = NULL;
		return;
	}
	if (m->tlbh == NULL)
		m->tlbh = xcalloc(1, sizeof(*m->tlbh));
	*m->tlbh = *g;
}

int
machine_add_region(struct machine *m, const char *name, u64 start, u64 end,
		   const char *what, const char *conv, unsigned flags,
		   u64 offset)
{
	struct region *r;

	/* end 0: up to the top of the address space */
	if (end != 0 && end <= start)
		return 0;
	m->regions = xrealloc(m->regions, (size_t)(m->nregions + 1) *
			      sizeof(*m->regions));
	r = &m->regions[m->nregions++];
	r->name = name;
	r->start = start;
	r->end = end;
	r->what = what;
	r->conv = conv;
	r->flags = flags;
	r->offset = offset;
	return 0;
}

const struct region *
machine_region(const struct machine *m, u64 va)
{
	int i;

	for (i = 0; i < m->nregions; i++)
		if (va >= m->regions[i].start &&
		    (va < m->regions[i].end || m->regions[i].end == 0))
			return &m->regions[i];
	return NULL;
}

unsigned
machine_add_fix(struct machine *m, const char *name, unsigned idx,
		unsigned count)
{
	m->fix = xrealloc(m->fix, (size_t)(m->nfix + 1) * sizeof(*m->fix));
	m->fix[m->nfix].name = name;
	m->fix[m->nfix].idx = idx;
	m->fix[m->nfix].count = count;
	m->nfix++;
	return idx + count;
}

int
machine_check_va(const struct machine *m, u64 va, struct error *e)
{
	int f = m->arch->va_check(&m->mmu, va);

	if (f == WF_VA_RANGE && m->mmu.split_roots) {
		char r0[16], r1[16];
		int i;

		for (i = 0; i < 15 && m->arch->root_name[0][i]; i++)
			r0[i] = (char)toupper((unsigned char)
					      m->arch->root_name[0][i]);
		r0[i] = 0;
		for (i = 0; i < 15 && m->arch->root_name[1][i]; i++)
			r1[i] = (char)toupper((unsigned char)
					      m->arch->root_name[1][i]);
		r1[i] = 0;
		return error_set(e, -EINVAL, "0x%llx: address not covered by "
				 "%s/%s for %u-bit VA: bits 63..%u must be all "
				 "0 (%s, user) or all 1 (%s, kernel); a "
				 "translation fault", (unsigned long long)va,
				 r0, r1, m->mmu.va_bits, m->mmu.va_bits, r0,
				 r1);
	}
	if (f == WF_VA_RANGE)
		return error_set(e, -EINVAL, "0x%llx is wider than %s's %u-bit "
				 "virtual address", (unsigned long long)va,
				 m->arch->name, m->mmu.va_bits);
	if (f == WF_NONCANONICAL)
		return error_set(e, -EINVAL, "0x%llx is not canonical: bits "
				 "63..%u must all equal bit %u",
				 (unsigned long long)va, m->mmu.va_bits - 1,
				 m->mmu.va_bits - 1);
	if (f)
		return error_set(e, -EINVAL, "0x%llx: %s",
				 (unsigned long long)va, walk_fault_name(f));
	return 0;
}

int
machine_pa(const struct machine *m, u64 va, u64 *pa, struct error *e)
{
	const struct region *r;

	if (machine_check_va(m, va, e))
		return -EINVAL;
	r = machine_region(m, va);
	if (r != NULL && (r->flags & REG_DIRECT)) {
		if (va >= m->lay.high_memory)
			return error_set(e, -EFAULT, "__pa(0x%llx): beyond "
				"high_memory 0x%llx, the end of the direct map "
				"of RAM", (unsigned long long)va,
				(unsigned long long)m->lay.high_memory);
		*pa = va - r->offset;
		return 0;
	}
	if (r != NULL && (r->flags & REG_KIMAGE)) {
		if (va < m->lay.ktext || va >= m->lay.kend)
			return error_set(e, -EFAULT, "__pa(0x%llx): outside "
				"the kernel image (_text 0x%llx - _end 0x%llx)",
				(unsigned long long)va,
				(unsigned long long)m->lay.ktext,
				(unsigned long long)m->lay.kend);
		*pa = va - r->offset;
		return 0;
	}
	if (r != NULL && (r->flags & REG_USER))
		return error_set(e, -EFAULT, "__pa(0x%llx): a user-space address "
				 "has no __pa; user pages are found by walking "
				 "the process's page tables (try: walk 0x%llx)",
				 (unsigned long long)va, (unsigned long long)va);
	if (r != NULL)
		return error_set(e, -EFAULT, "__pa(0x%llx): the address is in "
				 "%s, not in the direct map; __pa only "
				 "subtracts PAGE_OFFSET, and %s pages need a "
				 "page-table walk (try: walk 0x%llx)",
				 (unsigned long long)va, r->name, r->name,
				 (unsigned long long)va);
	return error_set(e, -EFAULT, "__pa(0x%llx): not a kernel address",
			 (unsigned long long)va);
}

int
machine_va(const struct machine *m, u64 pa, u64 *va, struct error *e)
{
	const struct layout *L = &m->lay;

	if (pa >= L->phys_offset && pa - L->phys_offset < L->lowmem_end) {
		*va = pa - L->phys_offset + L->page_offset;
		return 0;
	}
	if (pa >= m->ram_start && pa - m->ram_start < m->ram_size)
		return error_set(e, -EFAULT, "__va(0x%llx): the frame is "
			"highmem (above the lowmem limit 0x%llx): it has no "
			"permanent kernel address; map it with kmap or "
			"kmap_atomic", (unsigned long long)pa,
			(unsigned long long)(L->phys_offset + L->lowmem_end));
	return error_set(e, -EFAULT, "__va(0x%llx): not RAM (RAM is "
			 "0x%llx-0x%llx)", (unsigned long long)pa,
			 (unsigned long long)m->ram_start,
			 (unsigned long long)(m->ram_start + m->ram_size - 1));
}

/* The hardware's walk from cpu c's root. */
static int
hw_walk(struct machine *m, struct cpu *c, u64 va, unsigned acc,
	struct walk *w)
{
	int ri = mmu_root_index(&m->mmu, va);

	if (!c->root_valid[ri]) {
		w->va = va;
		w->root = 0;
		w->nsteps = 0;
		w->fault = WF_NO_ROOT;
		w->fault_lvl = LVL_PGD;
		w->access_fault = WF_NONE;
		return WF_NO_ROOT;
	}
	return mmu_walk(&m->mmu, &m->phys, cpu_root(m, c, ri, acc), va, w);
}

/*
 * The hardware found no leaf where the arch keeps its own copy of the
 * entry (arm: the Linux PTE beside the hardware one): when that copy maps
 * the page (present, not PROT_NONE), the mapping exists and only the
 * hardware entry is missing (young emulation: an old page has no hardware
 * entry until the access fault makes it young).  The walk reports it.
 */
static void
linux_view(struct machine *m, struct walk *w)
{
	const struct walk_step *s;
	struct pte_decode d;
	u16 perm = P_PERM;
	u64 mask;
	int i;

	if (w->fault != WF_NOT_PRESENT || w->nsteps == 0 ||
	    m->arch->get_leaf == NULL || m->arch->sw_decode == NULL)
		return;
	s = &w->step[w->nsteps - 1];
	m->arch->sw_decode(&m->mmu, s->lvl,
			   m->arch->get_leaf(m, s->lvl, s->entry_pa), &d);
	if (d.kind != PT_LEAF || !(d.attr & P_PRESENT) ||
	    (d.attr & P_PROTNONE))
		return;
	for (i = 0; i < w->nsteps - 1; i++)
		perm &= w->step[i].d.perm;
	mask = (1ULL << d.shift) - 1;
	w->pa = (d.addr & ~mask) | (w->va & mask);
	w->shift = d.shift;
	w->perm = perm & d.perm;
	w->attr = d.attr & ~(u32)P_PRESENT;
	w->fault = WF_NONE;
	w->access_fault = WF_NOT_PRESENT;
}

int
machine_walk(struct machine *m, struct cpu *c, u64 va, struct walk *w)
{
	hw_walk(m, c, va, 0, w);
	linux_view(m, w);
	return w->fault;
}

int
machine_walk_user(struct machine *m, struct cpu *c, u64 va, struct walk *w)
{
	hw_walk(m, c, va, ACC_USER, w);
	linux_view(m, w);
	return w->fault;
}

int
machine_translate(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		  struct walk *w, bool *hit)
{
	u16 need = acc_need(acc);
	int f;

	*hit = false;
	if (m->tlb_on) {
		struct tlb_entry *te = tlb_lookup(&c->tlb, va,
						  cpu_tag(m, c, acc));

		/* a write through a clean TLB entry re-walks to set Dirty */
		if (te != NULL && !((acc & ACC_AD) && (acc & ACC_WRITE) &&
				    !(te->attr & P_DIRTY) &&
				    m->arch->update_ad != NULL)) {
			u64 mask = (1ULL << te->shift) - 1;

			*hit = true;
			w->va = va;
			w->nsteps = 0;
			w->access_fault = WF_NONE;
			w->pa = te->pa | (va & mask);
			w->shift = te->shift;
			w->perm = te->perm;
			w->attr = te->attr;
			w->fault = (need & ~te->perm) ? WF_PROTECTION : WF_NONE;
			w->fault_lvl = LVL_PTE;
			return w->fault;
		}
	}
	f = hw_walk(m, c, va, acc, w);
	if (f)
		return f;
	/* an access takes the access flag fault first (before rights) */
	if (w->access_fault != WF_NONE && !(acc & ACC_PROBE)) {
		w->fault = w->access_fault;
		return w->fault;
	}
	if (need & ~w->perm) {
		w->fault = WF_PROTECTION;
		w->fault_lvl = w->step[w->nsteps - 1].lvl;
		return WF_PROTECTION;
	}
	/* a probe gets the translation, which the TLB does not cache */
	if (w->access_fault != WF_NONE)
		return WF_NONE;
	if ((acc & ACC_AD) && m->arch->update_ad != NULL) {
		struct walk_step *s = &w->step[w->nsteps - 1];

		m->arch->update_ad(&m->mmu, &m->phys, w, acc);
		m->arch->decode(&m->mmu, s->lvl, s->entry, &s->d);
		w->attr = s->d.attr;
	}
	if (m->tlb_on)
		tlb_fill(&c->tlb, va, cpu_tag(m, c, acc), w->shift, w->pa,
			 w->perm, w->attr, (w->attr & P_GLOBAL) != 0);
	return WF_NONE;
}

int
machine_xlat_miss(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		  struct xlat *x)
{
	int ri = mmu_root_index(&m->mmu, va);
	int f;

	if (!c->root_valid[ri]) {
		x->fault = WF_NO_ROOT;
		return WF_NO_ROOT;
	}
	f = mmu_translate_walk(&m->mmu, &m->phys, cpu_root(m, c, ri, acc),
			       va, x);
	if (f)
		return f;
	if (acc_need(acc) & ~x->perm) {
		x->fault = WF_PROTECTION;
		return WF_PROTECTION;
	}
	/* translated, but an access would fault: the TLB does not cache it */
	if (unlikely(mmu_old_faults(&m->mmu, x->attr)))
		return WF_NONE;
	if (m->tlb_on)
		tlb_fill(&c->tlb, va, cpu_tag(m, c, acc), x->shift, x->pa,
			 x->perm, x->attr, (x->attr & P_GLOBAL) != 0);
	return WF_NONE;
}

void
machine_fault_reason(const struct machine *m, const struct walk *w,
		     unsigned acc, char *why, size_t n)
{
	const char *lvl = m->mmu.lv[w->fault_lvl].name;

	switch (w->fault) {
	case WF_NOT_PRESENT:
		snprintf(why, n, "not present at the %s level", lvl);
		break;
	case WF_PROTECTION:
		if (acc & (ACC_READ | ACC_WRITE | ACC_EXEC))
			snprintf(why, n, "the %s is not allowed",
				 acc & ACC_WRITE ? "write" : acc & ACC_EXEC ?
				 "execution" : "read");
		else
			snprintf(why, n, "protection: the %s entry does not "
				 "allow the access", lvl);
		break;
	case WF_RESERVED:
		if (m->arch->bad_desc != NULL && w->nsteps > 0) {
			const struct walk_step *s = &w->step[w->nsteps - 1];
			char d[160];

			m->arch->bad_desc(&m->mmu, s->lvl, s->entry, &s->d, d,
					  sizeof(d));
			snprintf(why, n, "invalid %s entry: %s", lvl, d);
			break;
		}
		snprintf(why, n, "reserved bits 0x%llx set in the %s entry",
			 (unsigned long long)w->fault_info, lvl);
		break;
	case WF_ACCESS_FLAG:
		snprintf(why, n, "access flag fault: the accessed flag of the "
			 "%s entry is clear", lvl);
		break;
	case WF_VA_RANGE:
	case WF_NONCANONICAL: {
		struct error e;

		error_clear(&e);
		machine_check_va(m, w->va, &e);
		snprintf(why, n, "%s", e.msg[0] ? e.msg :
			 walk_fault_name(w->fault));
		break;
	}
	case WF_BEYOND_RAM:
		/* phys_find() only moves its lookup hint */
		if (phys_find((struct phys *)&m->phys, w->fault_info) != NULL) {
			/* in memory, but not readable: an excluded page */
			char hole[200];

			phys_describe_hole((struct phys *)&m->phys,
					   w->fault_info, hole, sizeof(hole));
			snprintf(why, n, "the %s table at 0x%llx is %s", lvl,
				 (unsigned long long)w->fault_info, hole);
			break;
		}
		snprintf(why, n, "the %s table at 0x%llx lies outside physical "
			 "memory", lvl, (unsigned long long)w->fault_info);
		break;
	default:
		snprintf(why, n, "%s", walk_fault_name(w->fault));
	}
}

/*
 * PTI without PCID: the fault entered the kernel and returns to user mode,
 * each a root load that drops the non-global TLB entries (with PCID the
 * kernel's and the user's entries keep their own tags).
 */
static void
pti_user_return(struct machine *m, struct cpu *c, unsigned acc)
{
	unsigned before, after;

	if (!(acc & ACC_USER) || !m->user_pgd_offset || m->user_tag_bit ||
	    !c->root_valid[0])
		return;
	before = tlb_count(&c->tlb);
	tlb_flush_nonglobal(&c->tlb);
	after = tlb_count(&c->tlb);
	trace_event(m, pti_user_return, .cpu = c->id,
		    .pgd = cpu_root(m, c, 0, ACC_USER),
		    .dropped = before - after, .kept = after);
}

int
machine_access(struct machine *m, struct cpu *c, u64 va, unsigned acc,
	       u64 *pa, struct error *e)
{
	struct walk w;
	bool hit;
	int f, tries;

	if (va < m->lay.task_size)
		acc |= ACC_USER;
	/* a memory image is inspected, not run: no accessed/dirty bits */
	if (!m->image)
		acc |= ACC_AD;
	for (tries = 0; tries < 4; tries++) {
		char why[200];

		f = machine_translate(m, c, va, acc, &w, &hit);
		if (f == WF_NONE) {
			*pa = w.pa;
			return 0;
		}
		c->fault_addr = va;
		if (f == WF_VA_RANGE || f == WF_NONCANONICAL)
			return machine_check_va(m, va, e);
		if (m->handle_fault != NULL) {
			if (m->handle_fault(m, c, va, acc, &w, e))
				return e ? e->code : -EFAULT;
			pti_user_return(m, c, acc);
			continue;
		}
		machine_fault_reason(m, &w, acc, why, sizeof(why));
		return error_set(e, -EFAULT, "page fault at 0x%llx: %s",
				 (unsigned long long)va, why);
	}
	return error_set(e, -EFAULT, "page fault at 0x%llx not resolved",
			 (unsigned long long)va);
}

static int
rw_virt(struct machine *m, struct cpu *c, u64 va, void *rbuf,
	const void *wbuf, u64 len, struct error *e)
{
	while (len > 0) {
		u64 pa, n = MIN(len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		int r = machine_access(m, c, va, wbuf ? ACC_WRITE : ACC_READ,
				       &pa, e);

		if (r)
			return r;
		if (!phys_is_ram(&m->phys, pa))
			return error_set(e, -EIO, "0x%llx maps physical "
					 "0x%llx, which is not RAM (device "
					 "memory is not simulated)",
					 (unsigned long long)va,
					 (unsigned long long)pa);
		r = wbuf ? phys_write(&m->phys, pa, wbuf, n, e) :
			phys_read(&m->phys, pa, rbuf, n, e);
		if (r)
			return r;
		if (rbuf)
			rbuf = (u8 *)rbuf + n;
		if (wbuf)
			wbuf = (const u8 *)wbuf + n;
		va += n;
		len -= n;
		if (va == 0 && len)
			return error_set(e, -EFAULT, "the access wraps around "
					 "the end of the address space");
	}
	return 0;
}

int
machine_read_virt(struct machine *m, struct cpu *c, u64 va, void *buf,
		  u64 len, struct error *e)
{
	return rw_virt(m, c, va, buf, NULL, len, e);
}

int
machine_write_virt(struct machine *m, struct cpu *c, u64 va, const void *buf,
		   u64 len, struct error *e)
{
	return rw_virt(m, c, va, NULL, buf, len, e);
}
