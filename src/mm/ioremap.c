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

static const struct ioremap_mode x86_modes[] = {
	{ "uc-", "ioremap", PAGE_KERNEL | P_UCMINUS,
	  "UC- (PCD): uncached, an MTRR may make it write-combining" },
	{ "uc", "ioremap_uc", PAGE_KERNEL | P_NOCACHE,
	  "UC (PCD|PWT): strictly uncached" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "WC (PWT, PAT entry 1): write-combining" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "WB: cached (for firmware tables, not registers)" },
	{ NULL, NULL, 0, NULL }
};

static const struct ioremap_mode arm_modes[] = {
	{ "device", "ioremap", PAGE_KERNEL | P_NOCACHE,
	  "MT_DEVICE: shared device memory (TEX remap index 4)" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "MT_DEVICE_WC: normal non-cacheable, bufferable" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "MT_DEVICE_CACHED: write-back cacheable" },
	{ NULL, NULL, 0, NULL }
};

static const struct ioremap_mode arm64_modes[] = {
	{ "device", "ioremap", PAGE_KERNEL | P_NOCACHE,
	  "Device-nGnRE (MT_DEVICE_nGnRE)" },
	{ "wc", "ioremap_wc", PAGE_KERNEL | P_WC,
	  "Normal non-cacheable (MT_NORMAL_NC)" },
	{ "cache", "ioremap_cache", PAGE_KERNEL,
	  "Normal write-back (MT_NORMAL); RAM gets its linear-map address" },
	{ NULL, NULL, 0, NULL }
};

static bool
is_arm(const struct machine *m)
{
	return !strcmp(m->arch->name, "arm");
}

static bool
is_arm64(const struct machine *m)
{
	return !strcmp(m->arch->name, "arm64");
}

const struct ioremap_mode *
ioremap_modes(const struct machine *m)
{
	if (is_arm(m))
		return arm_modes;
	if (is_arm64(m))
		return arm64_modes;
	return x86_modes;
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

	/* x86_64, x86 PAE and arm64; not x86 2-level, not arm (SMP) */
	if (is_arm(m) || (!m->arch->is64 && mmu->lv[LVL_PMD].folded))
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
	if (is_arm(m) || is_arm64(m)) {
		*why = "system RAM";
		return lo;
	}
	/* x86: __ioremap_check_ram: RAM not PageReserved */
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
		if (is_arm64(m) && mode->prot == PAGE_KERNEL) {
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
				 is_arm(m) || is_arm64(m) ?
				 " (a second, device-type mapping of RAM is "
				 "architecturally unpredictable)" :
				 " (only reserved RAM may be ioremapped)"), 0;
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
