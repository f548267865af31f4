// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * ioremap and iounmap (cf. arch/x86/mm/ioremap.c __ioremap_caller,
 * arch/arm/mm/ioremap.c __arm_ioremap_pfn_caller, arch/arm64/mm/ioremap.c).
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "ptwalk/ioremap.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/vmalloc.h"

const struct ioremap_mode *
ioremap_modes(const struct machine *m)
{
	return m->arch->mm->ioremap_modes;
}

const struct ioremap_mode *
ioremap_mode_find(const struct machine *m, const char *name)
{
	const struct ioremap_mode *md;

	for (md = ioremap_modes(m); md->name != NULL; md++)
		if (!strcasecmp(md->name, name) || !strcmp(md->fn, name))
			return md;
	/* the common spellings */
	if (!strcasecmp(name, "nocache") || !strcasecmp(name, "uncached"))
		return ioremap_modes(m);
	if (!strcasecmp(name, "wb") || !strcasecmp(name, "cached"))
		for (md = ioremap_modes(m); md->name != NULL; md++)
			if (!strcmp(md->name, "cache"))
				return md;
	return NULL;
}

/* Huge vmap leaves (CONFIG_HAVE_ARCH_HUGE_VMAP): the largest shift. */
static unsigned
ioremap_max_page_shift(const struct machine *m)
{
	const struct mmu *mmu = &m->mmu;
	unsigned best = PAGE_SHIFT;
	int i;

	if (!m->arch->huge_vmap)
		return PAGE_SHIFT;
	for (i = 0; i < mmu->npage_shifts; i++)
		best = MAX(best, mmu->page_shifts[i]);
	return best;
}

/*
 * The first pfn of [pfn, end) the arch will not ioremap, or end.  Only
 * the part of the request that overlaps RAM is looked at (as
 * walk_system_ram_range() does), never every pfn of a device range.
 */
static u64
ram_conflict(struct machine *m, u64 pfn, u64 end, const char **why)
{
	u64 lo = pfn, hi = end, first;

	if (!pfn_range_ram(m, &lo, &hi))
		return end;
	if (!m->arch->mm->ioremap_reserved_ram) {
		*why = "system RAM";
		return lo;
	}
	/* __ioremap_check_ram (x86): RAM not PageReserved */
	first = first_unreserved_pfn(m, lo, hi);
	if (first < hi) {
		*why = "RAM the page allocator manages";
		return first;
	}
	return end;
}

u64
ioremap_caller(struct machine *m, u64 phys, u64 size,
	       const struct ioremap_mode *mode, const char *caller,
	       bool *direct, struct error *e)
{
	u64 last = phys + size - 1, offset, base, len, pfn;
	const char *why = NULL;
	struct vm_struct *vm;
	unsigned shift;

	*direct = false;
	if (mode == NULL)
		mode = ioremap_modes(m);
	/* phys_addr_t is 32 bits on x86 2-level paging and arm */
	if (m->arch->pa_digits <= 8 && (last >> 32))
		return error_set(e, -EINVAL, "0x%llx-0x%llx does not fit in "
				 "%s's 32-bit phys_addr_t",
				 (unsigned long long)phys,
				 (unsigned long long)last, m->arch->name), 0;
	if (size == 0 || last < phys)
		return error_set(e, -EINVAL, "size %llu: %s",
				 (unsigned long long)size, size ? "the range "
				 "wraps around" : "nothing to map"), 0;
	if (m->mmu.pa_bits < 64 && (last >> m->mmu.pa_bits))
		return error_set(e, -EINVAL, "invalid physical address 0x%llx: "
				 "beyond the %u physical address bits of %s", (unsigned long long)last,
				 m->mmu.pa_bits, m->arch->name), 0;
	base = phys & PAGE_MASK;
	offset = phys - base;
	len = ALIGN_UP(last + 1, PAGE_SIZE) - base;
	pfn = ram_conflict(m, base >> PAGE_SHIFT, (base + len) >> PAGE_SHIFT,
			   &why);
	if (pfn < (base + len) >> PAGE_SHIFT) {
		if (m->arch->mm->ioremap_cache_ram &&
		    mode->prot == PAGE_KERNEL) {
			/* ioremap_cache of RAM: the linear map has it */
			u64 va;

			if (machine_va(m, phys, &va, NULL) == 0) {
				*direct = true;
				return va;
			}
		}
		return error_set(e, -EINVAL, "%s on RAM at 0x%llx-0x%llx "
				 "refused: pfn 0x%llx is %s%s",
				 mode->fn, (unsigned long long)phys,
				 (unsigned long long)last,
				 (unsigned long long)pfn, why,
				 m->arch->mm->ioremap_reserved_ram ?
				 " (only reserved RAM may be ioremapped)" :
				 " (a second, device-type mapping of RAM is "
				 "architecturally unpredictable)"), 0;
	}
	vm = __get_vm_area_caller(m, len, VM_IOREMAP, 1, m->lay.vmalloc_start,
				  m->lay.vmalloc_end, caller, e);
	if (vm == NULL)
		return 0;
	vm->kind = VMK_IOREMAP;
	vm->phys_addr = base;
	shift = ioremap_max_page_shift(m);
	if (vmap_phys_range(m, vm, base, len, shift, mode->prot, e)) {
		remove_vm_area(m, vm->addr);
		free_vm_struct(m, vm);
		return 0;
	}
	trace_event(m, ioremap_page_range, .start = vm->addr,
		    .end = vm->addr + len, .phys = base, .fn = mode->fn,
		    .max_shift = shift);
	return vm->addr + offset;
}

int
iounmap(struct machine *m, u64 addr, struct error *e)
{
	u64 start = addr & PAGE_MASK;
	struct vm_struct *vm = find_vm_area(m, start);

	if (vm == NULL || vm->kind != VMK_IOREMAP)
		return error_set(e, -EINVAL, "bad address 0x%llx: no ioremap area starts there",
				 (unsigned long long)addr);
	remove_vm_area(m, start);
	free_vm_struct(m, vm);
	return 0;
}
