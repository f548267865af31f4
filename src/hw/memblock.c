// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The boot-time allocator (cf. mm/memblock.c): reserved ranges and
 * bottom-up allocations after the kernel image, all in lowmem so that the
 * kernel reaches them through the direct map.  The page allocator later
 * marks every range recorded here as reserved, and retires memblock
 * (m->memblock_retired).  The arch's paging_init builds the boot page
 * tables from here.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "ptwalk/memblock.h"

void
memblock_reserve(struct machine *m, u64 base, u64 size, const char *what)
{
	struct memblock_region *r;

	if (size == 0)
		return;
	if (m->nmemblock > 0) {
		r = &m->memblock[m->nmemblock - 1];
		if (r->base + r->size == base && !r->nomap && !r->late &&
		    !strcmp(r->what, what)) {
			r->size += size;
			return;
		}
	}
	m->memblock = xrealloc(m->memblock, (size_t)(m->nmemblock + 1) *
			       sizeof(*m->memblock));
	r = &m->memblock[m->nmemblock++];
	r->base = base;
	r->size = size;
	r->what = what;
	r->nomap = false;
	r->late = false;
}

void
memblock_reserve_late(struct machine *m, u64 base, u64 size, const char *what)
{
	if (size == 0)
		return;
	memblock_reserve(m, base, size, what);
	m->memblock[m->nmemblock - 1].late = true;
}

void
memblock_remove(struct machine *m, u64 base, u64 size, const char *what)
{
	if (size == 0)
		return;
	memblock_reserve(m, base, size, what);
	m->memblock[m->nmemblock - 1].nomap = true;
}

int
memblock_alloc(struct machine *m, u64 size, u64 align, const char *what,
	       u64 *pa, struct error *e)
{
	u64 base = ALIGN_UP(m->memblock_next, align);
	u64 limit = m->ram_start + m->lay.lowmem_end;
	bool moved = true;
	int i;

	if (m->memblock_retired)
		return error_set(e, -EBUSY, "memblock_alloc for %s after boot: "
				 "memblock is retired once the page allocator "
				 "runs (use alloc_pages)", what);
	/* step over what is already reserved (the device tree, initrd) */
	while (moved) {
		moved = false;
		for (i = 0; i < m->nmemblock; i++) {
			const struct memblock_region *r = &m->memblock[i];

			if (base < r->base + r->size && r->base < base + size &&
			    r->base + r->size > r->base) {
				base = ALIGN_UP(r->base + r->size, align);
				moved = true;
			}
		}
	}
	if (base + size > limit || base + size < base)
		return error_set(e, -ENOMEM, "out of boot memory: %llu bytes "
				 "for %s do not fit below 0x%llx",
				 (unsigned long long)size, what,
				 (unsigned long long)limit);
	if (phys_zero(&m->phys, base, size, e))
		return -EFAULT;
	m->memblock_next = base + size;
	memblock_reserve(m, base, size, what);
	*pa = base;
	return 0;
}
