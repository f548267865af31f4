// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Highmem mappings: kmap (persistent pkmap slots), kmap_atomic (per-CPU
 * fixmap slots), and the fixmap indices (cf. mm/highmem.c,
 * arch/arm/mm/highmem.c, include/asm-generic/fixmap.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/highmem.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/tlbflush.h"

/* kmap_prot: PAGE_KERNEL on x86-32 and arm */
#define KMAP_PROT	PAGE_KERNEL

/*
 * The fixmap
 */

unsigned
fix_end(const struct machine *m)
{
	unsigned end = 0;
	int i;

	for (i = 0; i < m->nfix; i++)
		end = MAX(end, m->fix[i].idx + m->fix[i].count);
	return end;
}

int
fix_to_virt(const struct machine *m, unsigned idx, u64 *va, struct error *e)
{
	unsigned end = fix_end(m);

	if (idx >= end)
		return error_set(e, -EINVAL, "fixmap index %u is beyond "
				 "__end_of_fixed_addresses (%u): the kernel "
				 "refuses it at build time", idx, end);
	*va = layout_fix_to_virt(&m->lay, idx);
	return 0;
}

int
virt_to_fix(const struct machine *m, u64 va, unsigned *idx, struct error *e)
{
	const struct layout *L = &m->lay;
	unsigned end = fix_end(m);
	u64 lo, hi, page = va & PAGE_MASK;

	if (end == 0)
		return error_set(e, -EINVAL, "this machine has no fixmap");
	if (L->fixmap_up) {
		lo = layout_fix_to_virt(L, 0);
		hi = layout_fix_to_virt(L, end - 1) + PAGE_SIZE;
	} else {
		lo = layout_fix_to_virt(L, end - 1);
		hi = layout_fix_to_virt(L, 0) + PAGE_SIZE;
	}
	if (va < lo || va >= hi)
		return error_set(e, -EINVAL, "0x%llx is outside the fixmap "
				 "(0x%llx-0x%llx)", (unsigned long long)va,
				 (unsigned long long)lo,
				 (unsigned long long)(hi - 1));
	*idx = (unsigned)(L->fixmap_up ? (page - L->fixaddr_start) >>
			  PAGE_SHIFT : (L->fixaddr_top - page) >> PAGE_SHIFT);
	return 0;
}

const struct fixslot *
fix_slot(const struct machine *m, unsigned idx)
{
	int i;

	for (i = 0; i < m->nfix; i++)
		if (idx >= m->fix[i].idx && idx < m->fix[i].idx + m->fix[i].count)
			return &m->fix[i];
	return NULL;
}

void
fix_name(const struct machine *m, unsigned idx, struct strbuf *sb)
{
	const struct fixslot *f = fix_slot(m, idx);

	if (f == NULL)
		sb_addf(sb, "%u (no name: between the named groups)", idx);
	else if (idx == f->idx)
		sb_adds(sb, f->name);
	else
		sb_addf(sb, "%s+%u", f->name, idx - f->idx);
}

bool
fix_parse(const struct machine *m, const char *s, unsigned *idx)
{
	const char *plus = strchr(s, '+');
	size_t n = plus ? (size_t)(plus - s) : strlen(s);
	int i;

	for (i = 0; i < m->nfix; i++) {
		const struct fixslot *f = &m->fix[i];
		char *end;
		unsigned long off = 0;

		if (strlen(f->name) != n || strncasecmp(f->name, s, n))
			continue;
		if (plus) {
			off = strtoul(plus + 1, &end, 0);
			if (*end || end == plus + 1)
				return false;
		}
		*idx = f->idx + (unsigned)off;
		return true;
	}
	return false;
}

static int
fix_lookup(const struct machine *m, const char *name)
{
	int i;

	for (i = 0; i < m->nfix; i++)
		if (!strcmp(m->fix[i].name, name))
			return (int)m->fix[i].idx;
	return -1;
}

/*
 * kmap: the persistent slots
 */

int
pkmap_nr(const struct machine *m, u64 addr)
{
	const struct highmem_state *hm = highmem_of(m);

	if (hm == NULL || hm->last_pkmap == 0 || addr < m->lay.pkmap_base ||
	    addr >= PKMAP_ADDR(m, hm->last_pkmap))
		return -1;
	return (int)((addr - m->lay.pkmap_base) >> PAGE_SHIFT);
}

static void
set_kernel_pte(struct machine *m, u64 va, struct page *page)
{
	pgtable_map(m, m->swapper_pg_dir, va, page_to_phys(m, page), PAGE_SIZE,
		    PAGE_SHIFT, KMAP_PROT, NULL);
}

unsigned
flush_all_zero_pkmaps(struct machine *m)
{
	struct highmem_state *hm = highmem_of(m);
	unsigned i, n = 0;

	hm->nr_flush_all++;
	for (i = 0; i < hm->last_pkmap; i++) {
		struct page *page = hm->pkmap_page[i];

		if (hm->pkmap_count[i] != 1)
			continue;
		hm->pkmap_count[i] = 0;
		pgtable_clear(m, m->swapper_pg_dir, PKMAP_ADDR(m, i));
		set_page_address(page, 0);
		hm->pkmap_page[i] = NULL;
		n++;
	}
	trace_event(m, flush_all_zero_pkmaps, .slots = n);
	if (n)
		flush_tlb_kernel_range(m, PKMAP_ADDR(m, 0),
				       PKMAP_ADDR(m, hm->last_pkmap));
	return n;
}

/* map_new_virtual: the next free slot after last_pkmap_nr. */
static u64
map_new_virtual(struct machine *m, struct page *page, struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	unsigned mask = hm->last_pkmap - 1, count = hm->last_pkmap, i;
	bool any = false;

	/* a full pass finds nothing only when every count is 2 or more */
	for (i = 0; i < hm->last_pkmap; i++)
		if (hm->pkmap_count[i] < 2)
			any = true;
	if (!any)
		return error_set(e, -EAGAIN, "all %u pkmap slots are in use "
				 "(every pkmap_count > 1): the caller would "
				 "sleep on pkmap_map_wait until a kunmap frees "
				 "one (kmap may sleep; kmap_atomic never does)",
				 hm->last_pkmap), 0;
	for (;;) {
		hm->last_pkmap_nr = (hm->last_pkmap_nr + 1) & mask;
		if (hm->last_pkmap_nr == 0) {
			trace_event(m, pkmap_wrap);
			flush_all_zero_pkmaps(m);
			count = hm->last_pkmap;
		}
		if (hm->pkmap_count[hm->last_pkmap_nr] == 0)
			break;
		if (--count == 0)
			return error_set(e, -EAGAIN, "no free pkmap slot"), 0;
	}
	i = hm->last_pkmap_nr;
	set_kernel_pte(m, PKMAP_ADDR(m, i), page);
	hm->pkmap_count[i] = 1;
	hm->pkmap_page[i] = page;
	set_page_address(page, PKMAP_ADDR(m, i));
	trace_event(m, map_new_virtual, .slot = i, .va = PKMAP_ADDR(m, i),
		    .pfn = page_to_pfn(m, page));
	return PKMAP_ADDR(m, i);
}

u64
kmap(struct machine *m, struct page *page, int *slot, struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	u64 va;
	int nr;

	*slot = -1;
	if (!highmem_configured(m) || !PageHighMem(m, page))
		return page_address(m, page);
	/* kmap_high */
	va = page->virtual;
	if (va == 0) {
		va = map_new_virtual(m, page, e);
		if (va == 0)
			return 0;
	} else {
		trace_event(m, kmap_high_mapped, .pfn = page_to_pfn(m, page),
			    .va = va);
	}
	nr = pkmap_nr(m, va);
	hm->pkmap_count[nr]++;
	*slot = nr;
	return va;
}

int
kunmap(struct machine *m, struct page *page, struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	u64 va;
	int nr;

	if (!highmem_configured(m) || !PageHighMem(m, page))
		return 0;
	va = page->virtual;
	nr = pkmap_nr(m, va);
	if (va == 0 || nr < 0)
		return error_set(e, -EINVAL, "pfn 0x%llx is not kmapped: "
				 "kunmap_high finds no address for it (the "
				 "kernel would BUG)",
				 (unsigned long long)page_to_pfn(m, page));
	if (hm->pkmap_count[nr] < 2)
		return error_set(e, -EINVAL, "pfn 0x%llx has no kmap user: "
				 "its pkmap slot %d waits for the flush "
				 "(pkmap_count 1); one kunmap too many (the "
				 "kernel would BUG)",
				 (unsigned long long)page_to_pfn(m, page), nr);
	hm->pkmap_count[nr]--;
	trace_event(m, kunmap_high, .slot = nr, .count = hm->pkmap_count[nr]);
	return 0;
}

/*
 * kmap_atomic: per-CPU fixmap slots
 */

u64
kmap_atomic(struct machine *m, struct page *page, int cpu, int *idx,
	    struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	struct kmap_atomic_cpu *kc;
	unsigned fix;
	u64 va;

	*idx = -1;
	if (cpu < 0 || cpu >= m->ncpus)
		return error_set(e, -EINVAL, "no cpu%d: this machine has %d",
				 cpu, m->ncpus), 0;
	if (!highmem_configured(m) || !PageHighMem(m, page))
		return page_address(m, page);
	kc = &hm->cpu[cpu];
	if (kc->depth >= (int)hm->km_max_idx)
		return error_set(e, -EBUSY, "cpu%d's %u kmap_atomic slots are "
				 "all in use: unmap one first (the kernel would "
				 "BUG in kmap_atomic_idx_push)", cpu,
				 hm->km_max_idx), 0;
	fix = (unsigned)hm->fix_kmap_begin + (unsigned)kc->depth +
		hm->km_max_idx * (unsigned)cpu;
	va = layout_fix_to_virt(&m->lay, fix);
	set_kernel_pte(m, va, page);
	if (m->profile->kmap_flush_on_map) {
		/* set_fixmap_pte / set_top_pte: local_flush_tlb_kernel_page */
		tlb_flush_page_all(&m->cpu[cpu].tlb, va);
		trace_event(m, kmap_atomic, .cpu = cpu, .slot = kc->depth,
			    .fix = fix, .va = va, .pfn = page_to_pfn(m, page));
	} else {
		trace_event(m, kmap_atomic, .cpu = cpu, .slot = kc->depth,
			    .fix = fix, .va = va, .pfn = page_to_pfn(m, page),
			    .local = true);
	}
	kc->page[kc->depth++] = page;
	*idx = (int)fix;
	return va;
}

bool
kmap_atomic_slot(const struct machine *m, u64 addr, int *cpu, int *depth)
{
	const struct highmem_state *hm = highmem_of(m);
	unsigned idx, rel;

	if (hm == NULL || hm->fix_kmap_begin < 0 || hm->km_max_idx == 0 ||
	    virt_to_fix(m, addr, &idx, NULL))
		return false;
	if (idx < (unsigned)hm->fix_kmap_begin)
		return false;
	rel = idx - (unsigned)hm->fix_kmap_begin;
	if (rel >= hm->km_max_idx * (unsigned)hm->ncpus)
		return false;
	*cpu = (int)(rel / hm->km_max_idx);
	*depth = (int)(rel % hm->km_max_idx);
	return true;
}

int
kunmap_atomic(struct machine *m, u64 addr, struct error *e)
{
	struct highmem_state *hm = highmem_of(m);
	struct kmap_atomic_cpu *kc;
	int cpu, depth;
	u64 top;

	if (!highmem_configured(m) || !kmap_atomic_slot(m, addr, &cpu, &depth))
		return 1;	/* not a slot: a lowmem address, nothing */
	kc = &hm->cpu[cpu];
	if (depth >= kc->depth)
		return error_set(e, -EINVAL, "0x%llx is kmap_atomic slot %d of "
				 "cpu%d, which is not in use (cpu%d has %d)",
				 (unsigned long long)addr, depth, cpu, cpu,
				 kc->depth);
	top = layout_fix_to_virt(&m->lay, (unsigned)hm->fix_kmap_begin +
				 (unsigned)(kc->depth - 1) +
				 hm->km_max_idx * (unsigned)cpu);
	if (depth != kc->depth - 1)
		return error_set(e, -EINVAL, "kunmap_atomic out of order: "
				 "0x%llx is slot %d of cpu%d, but slot %d "
				 "(0x%llx, pfn 0x%llx) was mapped after it and "
				 "must be unmapped first: the slots are a "
				 "stack", (unsigned long long)addr, depth,
				 cpu, kc->depth - 1, (unsigned long long)top,
				 (unsigned long long)page_to_pfn(m,
				 kc->page[kc->depth - 1]));
	if (!m->profile->kmap_flush_on_map) {
		pgtable_clear(m, m->swapper_pg_dir, top);
		tlb_flush_page_all(&m->cpu[cpu].tlb, top);
		trace_event(m, kunmap_atomic, .cpu = cpu, .slot = depth,
			    .va = top, .local = true);
	} else {
		trace_event(m, kunmap_atomic, .cpu = cpu, .slot = depth,
			    .va = top);
	}
	kc->page[--kc->depth] = NULL;
	return 0;
}

int
highmem_init(struct machine *m, struct error *e)
{
	const struct layout *L = &m->lay;
	struct highmem_state *hm = xcalloc(1, sizeof(*hm));
	int i;

	(void)e;
	m->kern->hm = hm;
	hm->fix_kmap_begin = fix_lookup(m, "FIX_KMAP_BEGIN");
	hm->ncpus = m->ncpus;
	if (L->pkmap_base == 0 || L->last_pkmap == 0)
		return 0;
	hm->last_pkmap = L->last_pkmap;
	hm->pkmap_count = xcalloc(hm->last_pkmap, sizeof(int));
	hm->pkmap_page = xcalloc(hm->last_pkmap, sizeof(struct page *));
	hm->km_max_idx = L->km_max_idx;
	if (hm->fix_kmap_begin >= 0 && hm->km_max_idx) {
		hm->cpu = xcalloc((size_t)m->ncpus, sizeof(*hm->cpu));
		for (i = 0; i < m->ncpus; i++)
			hm->cpu[i].page = xcalloc(hm->km_max_idx,
						  sizeof(struct page *));
	}
	return 0;
}

void
highmem_release(struct machine *m)
{
	struct highmem_state *hm = highmem_of(m);
	int i;

	if (hm == NULL)
		return;
	if (hm->cpu != NULL)
		for (i = 0; i < hm->ncpus; i++)
			free(hm->cpu[i].page);
	free(hm->cpu);
	free(hm->pkmap_count);
	free(hm->pkmap_page);
	free(hm);
	m->kern->hm = NULL;
}
