// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Who owns a kernel virtual address: each allocator is asked in turn.
 */
#include <string.h>

#include "ptwalk/dma.h"
#include "ptwalk/highmem.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"
#include "ptwalk/whatis.h"

static void
page_owner_phrase(struct machine *m, u64 pfn, struct strbuf *sb)
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
		sb_adds(sb, "a direct-map address: ");
		page_owner_phrase(m, page_to_pfn(m, page), sb);
		return (int)(sb->len - start);
	}
	return 0;
}
