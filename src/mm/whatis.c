// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Who owns a kernel virtual address: each allocator is asked in turn.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/module.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"
#include "ptwalk/whatis.h"

void
kpage_owner(struct machine *m, u64 pfn, struct strbuf *sb)
{
	struct page_state st;
	struct page *head;

	sim_page_state(m, pfn, &st);
	switch (st.kind) {
	case PS_NOT_RAM:
		sb_adds(sb, "not RAM");
		break;
	case PS_RESERVED:
		sb_addf(sb, "a page reserved at boot (%s)", st.what);
		break;
	case PS_FREE:
		sb_addf(sb, "a free page: inside a free order-%u block of the "
			"buddy allocator (pfn 0x%llx)", st.order,
			(unsigned long long)st.head);
		break;
	case PS_ALLOCATED:
	case PS_TAIL_COMPOUND:
		head = pfn_to_page(m, st.head);
		if (head->owner != NULL) {
			sb_addf(sb, "a %s page", head->owner->name);
			if (head->owner->describe != NULL) {
				sb_adds(sb, ": ");
				head->owner->describe(m, head, sb);
			}
		} else {
			char g[200];

			gfp_format(head->alloc_gfp, g, sizeof(g));
			sb_addf(sb, "a page allocated from the buddy allocator "
				"(order-%u block at pfn 0x%llx, %s)", st.order,
				(unsigned long long)st.head, g);
		}
		break;
	case PS_ORPHAN:
		sb_adds(sb, "a page in no free list and no allocated block");
		break;
	}
}

int
kaddr_owner(struct machine *m, u64 addr, struct strbuf *sb)
{
	size_t start = sb->len;
	const struct vmap_area *va = vmap_area_at(m, addr);
	struct page *page;
	const struct dma_buf *db;
	unsigned idx;
	bool alias;
	int nr;

	db = dma_buf_at(m, addr, &alias);
	if (db != NULL) {
		sb_addf(sb, "%s the coherent DMA buffer at 0x%llx (dma_handle "
			"0x%llx, %llu bytes)", alias ? "the lowmem alias of" :
			addr == db->cpu_addr ? "the start of" : "inside",
			(unsigned long long)db->cpu_addr,
			(unsigned long long)db->dma_handle,
			(unsigned long long)db->size);
		return (int)(sb->len - start);
	}
	if (m->lay.consistent_end && addr >= m->lay.consistent_base &&
	    addr < m->lay.consistent_end) {
		sb_adds(sb, "an unused part of the DMA consistent area");
		return (int)(sb->len - start);
	}
	if (va != NULL) {
		const struct vm_struct *vm = va->vm;

		if (vm == NULL)
			sb_addf(sb, "a freed vmap area 0x%llx-0x%llx waiting "
				"for the lazy purge",
				(unsigned long long)va->va_start,
				(unsigned long long)va->va_end);
		else if (addr >= vm->addr + get_vm_area_size(vm))
			sb_addf(sb, "the guard page of the %s area 0x%llx-"
				"0x%llx (%s)", vm_kind_names[vm->kind],
				(unsigned long long)vm->addr,
				(unsigned long long)(vm->addr + vm->size),
				vm->caller);
		else
			sb_addf(sb, "%s the %s area 0x%llx-0x%llx (%s)",
				addr == vm->addr ? "the start of" :
				"inside", vm_kind_names[vm->kind],
				(unsigned long long)vm->addr,
				(unsigned long long)(vm->addr + vm->size),
				vm->caller);
		if (vm != NULL && vm->kind == VMK_MODULE && module_at(m, addr))
			sb_addf(sb, ", module %s", module_at(m, addr)->name);
		return (int)(sb->len - start);
	}
	nr = pkmap_nr(m, addr);
	if (nr >= 0) {
		const struct highmem_state *hm = highmem_of(m);

		if (hm->pkmap_count[nr] == 0)
			sb_addf(sb, "pkmap slot %d (kmap), free", nr);
		else
			sb_addf(sb, "pkmap slot %d: kmap of pfn 0x%llx, "
				"pkmap_count %d (%d user%s)", nr,
				(unsigned long long)page_to_pfn(m,
				hm->pkmap_page[nr]), hm->pkmap_count[nr],
				hm->pkmap_count[nr] - 1,
				hm->pkmap_count[nr] == 2 ? "" : "s");
		return (int)(sb->len - start);
	}
	if (virt_to_fix(m, addr, &idx, NULL) == 0) {
		int cpu, depth;

		sb_adds(sb, "fixmap slot ");
		fix_name(m, idx, sb);
		sb_addf(sb, " (index %u)", idx);
		if (kmap_atomic_slot(m, addr, &cpu, &depth)) {
			const struct highmem_state *hm = highmem_of(m);

			if (depth < hm->cpu[cpu].depth)
				sb_addf(sb, ": kmap_atomic slot %d of cpu%d, "
					"pfn 0x%llx", depth, cpu,
					(unsigned long long)page_to_pfn(m,
					hm->cpu[cpu].page[depth]));
			else
				sb_addf(sb, ": kmap_atomic slot %d of cpu%d, "
					"not in use", depth, cpu);
		}
		return (int)(sb->len - start);
	}
	page = virt_to_page(m, addr, NULL);
	if (page != NULL) {
		struct slab_obj_info si;

		sb_adds(sb, "a direct-map address: ");
		if (slab_lookup(m, addr, &si) == 0) {
			sb_adds(sb, "slab: ");
			slab_describe(m, &si, sb);
		} else {
			kpage_owner(m, page_to_pfn(m, page), sb);
		}
		return (int)(sb->len - start);
	}
	return 0;
}

static void
use_addn(struct region_use *u, int *n, int max, const char *region,
	 const char *what, u64 count, u64 bytes)
{
	int i;

	if (count == 0)
		return;
	for (i = 0; i < *n; i++)
		if (u[i].region == region && !strcmp(u[i].what, what)) {
			u[i].count += count;
			u[i].bytes += bytes;
			return;
		}
	if (*n >= max)
		return;
	u[*n].region = region;
	snprintf(u[*n].what, sizeof(u[*n].what), "%s", what);
	u[*n].count = count;
	u[*n].bytes = bytes;
	(*n)++;
}

static void
use_add(struct region_use *u, int *n, int max, const char *region,
	const char *what, u64 bytes)
{
	use_addn(u, n, max, region, what, 1, bytes);
}

static const char *
rname(const struct machine *m, u64 va)
{
	const struct region *r = machine_region(m, va);

	return r != NULL ? r->name : "?";
}

static int
region_rank(const struct machine *m, const char *name)
{
	int i;

	for (i = 0; i < m->nregions; i++)
		if (m->regions[i].name == name)
			return i;
	return m->nregions;
}

int
region_usage(struct machine *m, struct region_use *u, int max)
{
	const struct vmalloc_state *vs = vmalloc_of(m);
	const struct highmem_state *hm = highmem_of(m);
	const struct dma_state *ds = dma_of(m);
	const struct slab_state *ss = slab_of(m);
	const struct vmap_area *va;
	const struct dma_buf *b;
	int n = 0, i, c;

	if (page_alloc_of(m) != NULL) {
		const struct page_alloc *pgalloc = page_alloc_of(m);
		u64 used = 0;
		int nid, t;

		for (nid = 0; nid < pgalloc->nr_nodes; nid++)
			for (t = 0; t < MAX_NR_ZONES; t++) {
				const struct zone *z =
					&pgalloc->node_data[nid]->node_zones[t];

				if (!is_highmem_idx(t))
					used += z->managed_pages -
						z->nr_free_pages;
			}
		use_addn(u, &n, max, rname(m, m->lay.page_offset),
			 "pages the buddy allocator handed out (all users)",
			 used, used * PAGE_SIZE);
	}
	if (ss != NULL) {
		struct list_head *l;

		list_for_each(l, &ss->slab_caches) {
			struct kmem_cache *s = list_entry(l, struct kmem_cache,
							  list);
			struct slabinfo si;

			get_slabinfo(m, s, &si);
			use_addn(u, &n, max, rname(m, m->lay.page_offset),
				 "slab objects in use", si.active_objs,
				 (u64)si.active_objs * s->object_size);
		}
	}
	for (va = vs ? vs->areas : NULL; va != NULL; va = va->next) {
		const struct vm_struct *vm = va->vm;
		char what[64];

		if (vm == NULL) {
			use_add(u, &n, max, rname(m, va->va_start),
				"freed areas waiting for the purge",
				va->va_end - va->va_start);
			continue;
		}
		snprintf(what, sizeof(what), "%s areas", vm_kind_names[vm->kind]);
		use_add(u, &n, max, rname(m, vm->addr), what,
			get_vm_area_size(vm));
	}
	if (hm != NULL && hm->last_pkmap) {
		for (i = 0; i < (int)hm->last_pkmap; i++)
			if (hm->pkmap_count[i] > 1)
				use_add(u, &n, max, rname(m, PKMAP_ADDR(m, i)),
					"kmap slots in use", PAGE_SIZE);
			else if (hm->pkmap_count[i] == 1)
				use_add(u, &n, max, rname(m, PKMAP_ADDR(m, i)),
					"kmap slots unused, not yet flushed",
					PAGE_SIZE);
		for (c = 0; hm->cpu != NULL && c < hm->ncpus; c++)
			for (i = 0; i < hm->cpu[c].depth; i++)
				use_add(u, &n, max, rname(m, layout_fix_to_virt(
					&m->lay, (unsigned)hm->fix_kmap_begin +
					(unsigned)i + hm->km_max_idx *
					(unsigned)c)), "kmap_atomic slots in use",
					PAGE_SIZE);
	}
	for (b = ds ? ds->bufs : NULL; b != NULL; b = b->next)
		use_add(u, &n, max, rname(m, b->cpu_addr),
			"coherent DMA buffers", b->size);
	/* in the order of the region table (stable) */
	for (i = 1; i < n; i++) {
		struct region_use x = u[i];
		int k = i;

		while (k > 0 && region_rank(m, u[k - 1].region) >
		       region_rank(m, x.region)) {
			u[k] = u[k - 1];
			k--;
		}
		u[k] = x;
	}
	return n;
}
