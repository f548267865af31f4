// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The vmalloc areas of an image's kernel (mm/vmalloc.c): vmap_area_list,
 * the busy areas by address, each a struct vmap_area on the list by its
 * list member, then purge_vmap_area_list's lazily freed ones when the
 * symbol table has it.  VMCOREINFO gives vmap_area.va_start and
 * vmap_area.list; the kernel's types (BTF) give the rest of vmap_area and
 * vm_struct.  Without them an area is its range only, said in a note.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"

#define VMAP_RAM	0x1	/* mm/vmalloc.c: vm_map_ram's area */
#define VM_UNINIT	0x20	/* VM_UNINITIALIZED of linux/vmalloc.h */
#define VMAP_LIST_MAX	(1u << 20)	/* areas walked before giving up */

struct vmap_layout {
	u64 head, purge, va_start, va_end, list;
	/* the rest when the types are known */
	bool have_vm, have_va_flags;
	u64 va_vm, va_flags;
	u64 vm_addr, vm_size, vm_flags, vm_pages, vm_nr_pages, vm_phys,
	    vm_caller;
	bool numa;		/* CONFIG_NUMA: the N<nid>= counts */
	int only_node;		/* the one online node, or -1: several */
};

static void
vmap_types(struct machine *m, struct vmap_layout *L)
{
	/* vmap_area.flags (VMAP_RAM) came with Linux 6.2 */
	L->have_va_flags = kinfo_offset(m, "vmap_area", "flags", &L->va_flags);
	L->have_vm = kinfo_offset(m, "vmap_area", "vm", &L->va_vm) &&
		kinfo_offset(m, "vm_struct", "addr", &L->vm_addr) &&
		kinfo_offset(m, "vm_struct", "size", &L->vm_size) &&
		kinfo_offset(m, "vm_struct", "flags", &L->vm_flags) &&
		kinfo_offset(m, "vm_struct", "pages", &L->vm_pages) &&
		kinfo_offset(m, "vm_struct", "nr_pages", &L->vm_nr_pages) &&
		kinfo_offset(m, "vm_struct", "phys_addr", &L->vm_phys) &&
		kinfo_offset(m, "vm_struct", "caller", &L->vm_caller);
}

static int
vmap_layout(struct machine *m, struct kmem *k, struct vmap_layout *L,
	    struct error *e)
{
	const struct kneed need[] = {
		{ "SYMBOL(vmap_area_list)", &L->head },
		{ "OFFSET(vmap_area.va_start)", &L->va_start },
		{ "OFFSET(vmap_area.list)", &L->list },
	};
	u64 mask, v;

	memset(L, 0, sizeof(*L));
	if (kneed_all(m, need, ARRAY_SIZE(need), e))
		return -1;
	/* unsigned long va_start, va_end: the first two members */
	if (!kinfo_offset(m, "vmap_area", "va_end", &L->va_end))
		L->va_end = L->va_start + k->long_size;
	if (!kinfo_symbol(m, "purge_vmap_area_list", &L->purge))
		L->purge = 0;
	vmap_types(m, L);
	/* CONFIG_NUMA: node_data[], or struct zone's node */
	L->numa = kinfo_symbol(m, "node_data", &v) ||
		kinfo_offset(m, "zone", "node", &v);
	L->only_node = 0;
	if (L->numa && kinfo_symbol(m, "node_online_map", &mask)) {
		u64 bits;
		struct error e2;

		L->only_node = -1;
		if (!kmem_read_ulong(k, mask, &bits, &e2) && bits != 0 &&
		    (bits & (bits - 1)) == 0)
			L->only_node = __builtin_ctzll(bits);
	}
	return 0;
}

static struct kvm_area *
area_new(struct kvm_areas *vs)
{
	if ((vs->n & (vs->n - 1)) == 0)
		vs->a = xrealloc(vs->a, (vs->n ? 2 * vs->n : 1) *
				 sizeof(*vs->a));
	memset(&vs->a[vs->n], 0, sizeof(vs->a[0]));
	return &vs->a[vs->n++];
}

/* The vm_struct of one area; 1 when it has none (vm_map_ram, or none). */
static int
read_vm(struct kmem *k, const struct vmap_layout *L, u64 va,
	struct kvm_area *a, struct error *e)
{
	u64 vm, fl, caller, pages;

	if (kmem_read_ulong(k, va + L->va_vm, &vm, e))
		return -1;
	if (vm == 0) {
		/* before 6.2 every busy area without a vm_struct is one */
		fl = VMAP_RAM;
		if (L->have_va_flags &&
		    kmem_read_ulong(k, va + L->va_flags, &fl, e))
			return -1;
		a->vm_map_ram = (fl & VMAP_RAM) != 0;
		return 1;
	}
	if (kmem_read_ulong(k, vm + L->vm_addr, &a->addr, e) ||
	    kmem_read_ulong(k, vm + L->vm_size, &a->size, e) ||
	    kmem_read_ulong(k, vm + L->vm_flags, &a->flags, e) ||
	    kmem_read_ulong(k, vm + L->vm_pages, &pages, e) ||
	    kmem_read_uint(k, vm + L->vm_nr_pages, 4, &a->nr_pages, e) ||
	    kmem_read_uint(k, vm + L->vm_phys, k->m->arch->pa_digits > 8 ? 8 :
		       4, &a->phys, e) ||
	    kmem_read_ulong(k, vm + L->vm_caller, &caller, e))
		return -1;
	a->have_vm = true;
	if (caller)
		ksym_pS(k->m, caller, a->caller, sizeof(a->caller));
	a->vpages = pages;	/* an address until the list is read */
	if (L->numa && a->nr_pages && pages && !(a->flags & VM_UNINIT) &&
	    L->only_node >= 0) {
		/* every page is on the one online node */
		a->node[0].nid = L->only_node;
		a->node[0].pages = a->nr_pages;
		a->nnode = 1;
	}
	return 0;
}

/* One list of vmap areas; unpurged: purge_vmap_area_list's. */
static int
walk_list(struct kmem *k, const struct vmap_layout *L, u64 head,
	  bool unpurged, struct kvm_areas *vs)
{
	u64 p, n = 0, start, end, mark = head, lam = 0, power = 1;
	struct error e;

	if (kmem_read_ulong(k, head, &p, &e))
		goto fail;
	for (; p != head; n++) {
		u64 va = p - L->list;
		struct kvm_area *a;

		/* Brent: a node seen again before the head is a loop */
		if (p == mark || n == VMAP_LIST_MAX) {
			knote(&vs->notes, "%s: the list loops back to 0x%llx "
			      "after %llu areas without reaching its head; "
			      "stopped there", unpurged ?
			      "purge_vmap_area_list" : "vmap_area_list",
			      (unsigned long long)p, (unsigned long long)n);
			return 0;
		}
		if (++lam == power) {
			mark = p;
			power *= 2;
			lam = 0;
		}
		if (kmem_read_ulong(k, va + L->va_start, &start, &e) ||
		    kmem_read_ulong(k, va + L->va_end, &end, &e))
			goto fail;
		a = area_new(vs);
		a->addr = start;
		a->size = end - start;
		a->unpurged = unpurged;
		if (!unpurged && L->have_vm && read_vm(k, L, va, a, &e) < 0)
			goto fail;
		if (kmem_read_ulong(k, p, &p, &e))
			goto fail;
	}
	return 0;
fail:
	knote(&vs->notes, "%s: %s; the areas after it are not shown",
	      unpurged ? "purge_vmap_area_list" : "vmap_area_list", e.msg);
	return 0;
}

/* vpages: is the pages array's address inside a vmalloc area? */
static void
resolve_vpages(struct kvm_areas *vs, size_t nbusy)
{
	size_t i, j;

	for (i = 0; i < nbusy; i++) {
		u64 pages = vs->a[i].vpages;

		vs->a[i].vpages = false;
		if (!vs->a[i].have_vm || pages == 0)
			continue;
		for (j = 0; j < nbusy; j++)
			if (pages - vs->a[j].addr < vs->a[j].size) {
				vs->a[i].vpages = true;
				break;
			}
	}
}

int
kvm_areas_read(struct machine *m, struct kvm_areas *vs, struct error *e)
{
	struct vmap_layout L;
	struct kmem k;
	size_t nbusy;

	memset(vs, 0, sizeof(*vs));
	if (kmem_init(&k, m, e) || vmap_layout(m, &k, &L, e))
		return -1;
	walk_list(&k, &L, L.head, false, vs);
	nbusy = vs->n;
	resolve_vpages(vs, nbusy);
	if (L.purge)
		walk_list(&k, &L, L.purge, true, vs);
	if (!L.have_vm)
		knote(&vs->notes, "the dump describes struct vmap_area only "
		      "in part and struct vm_struct not at all (VMCOREINFO, "
		      "no kernel types): callers, pages, phys and kinds are "
		      "not shown, and vm_map_ram areas are not told apart");
	return 0;
}

void
kvm_areas_release(struct kvm_areas *vs)
{
	free(vs->a);
	knotes_release(&vs->notes);
	memset(vs, 0, sizeof(*vs));
}
