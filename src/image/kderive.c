// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Data symbols a kallsyms of code only (no CONFIG_KALLSYMS_ALL: Debian's
 * arm64, 686 and armmp kernels) lacks, found from the kernel's own
 * structures and checked against them, never guessed:
 *   init_task         the task_struct named swapper/0 in the kernel image
 *                     whose pid is 0 and whose tasks list is sound
 *   init_mm           the mm_struct of the kernel image whose pgd is
 *                     swapper_pg_dir (VMCOREINFO), with its 2 users and
 *                     a sound mmlist
 *   slab_caches       the head of the kmem_cache.list ring (kslab_caches_find)
 *   __per_cpu_offset  the array of the kernel image whose first nr_cpus
 *                     entries turn every cache's cpu_slab into a
 *                     kmem_cache_cpu whose slab, when it has one, is a slab
 *                     of that cache (setup_per_cpu_areas() fills it)
 * Each needs the kernel's types (BTF).
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define PCPU_CHECK	8	/* caches a __per_cpu_offset candidate must fit */

struct mm_scan {
	struct machine *m;
	u64 pgd_off, mmlist_off, swapper, va;
	unsigned ls;
};

/* A word that is swapper_pg_dir, at mm_struct.pgd of an mm of 2 users */
static bool
mm_page(void *arg, u64 va, const u8 *page)
{
	struct mm_scan *ms = arg;
	struct error e;
	unsigned i;
	u64 w, users, cand, next, prev;

	for (i = 0; i + ms->ls <= PAGE_SIZE; i += ms->ls) {
		w = 0;
		memcpy(&w, page + i, ms->ls);
		if (w != ms->swapper || va + i < ms->pgd_off)
			continue;
		/*
		 * init_mm: .mm_users = ATOMIC_INIT(2), kept by the kernel;
		 * its mmlist heads the swapping mms' list (empty or sound)
		 */
		cand = va + i - ms->pgd_off;
		if (!kread_field(ms->m, cand, "mm_struct.mm_users.counter",
				 &users, &e) && (u32)users == 2 &&
		    !kread_ulong(ms->m, cand + ms->mmlist_off, &next, &e) &&
		    !kread_ulong(ms->m, next + ms->ls, &prev, &e) &&
		    prev == cand + ms->mmlist_off) {
			ms->va = cand;
			return true;
		}
	}
	return false;
}

/* The mm_struct of the kernel image whose pgd is swapper_pg_dir */
static bool
find_init_mm(struct machine *m, u64 *va)
{
	struct mm_scan ms = { .m = m, .ls = m->arch->is64 ? 8 : 4 };
	struct error e;

	if (ktype_offset(m, "mm_struct.pgd", &ms.pgd_off, &e) ||
	    ktype_offset(m, "mm_struct.mmlist", &ms.mmlist_off, &e) ||
	    !kinfo_symbol(m, "swapper_pg_dir", &ms.swapper) ||
	    kimage_scan(m, mm_page, &ms))
		return false;
	*va = ms.va;
	return true;
}

struct pcpu_scan {
	struct machine *m;
	u64 cache[PCPU_CHECK], cpu_slab[PCPU_CHECK];
	int ncache, ncpus;
	unsigned ls;
	u64 va;
};

/* Do the offsets off[0..ncpus) fit every cache's CPU slabs? */
static bool
pcpu_fits(struct pcpu_scan *ps, const u64 *off)
{
	struct error e;
	int c, i, seen = 0;
	u64 slab, cache;

	for (c = 0; c < ps->ncache; c++)
		for (i = 0; i < ps->ncpus; i++) {
			if (kread_field(ps->m, ps->cpu_slab[c] + off[i],
					"kmem_cache_cpu.slab", &slab, &e))
				return false;
			if (slab == 0)
				continue;
			if (kread_field(ps->m, slab, "slab.slab_cache", &cache,
					&e) || cache != ps->cache[c])
				return false;
			seen++;
		}
	return seen > 0;
}

static bool
pcpu_page(void *arg, u64 va, const u8 *page)
{
	struct pcpu_scan *ps = arg;
	u64 off[64];
	unsigned i, j;

	for (i = 0; (i + (unsigned)ps->ncpus) * ps->ls <= PAGE_SIZE; i++) {
		for (j = 0; j < (unsigned)ps->ncpus; j++) {
			off[j] = 0;
			memcpy(&off[j], page + (i + j) * ps->ls, ps->ls);
			if (off[j] == 0 || (j > 0 && (off[j] <= off[j - 1] ||
				(off[j] - off[j - 1]) % PAGE_SIZE)))
				break;
		}
		if (j == (unsigned)ps->ncpus && pcpu_fits(ps, off)) {
			ps->va = va + i * ps->ls;
			return true;
		}
	}
	return false;
}

static bool
find_per_cpu_offset(struct machine *m, u64 *va)
{
	struct pcpu_scan ps = { .m = m, .ncpus = MIN(MAX(m->ncpus, 1), 64),
				.ls = m->arch->is64 ? 8 : 4 };
	struct kslab_caches cs;
	struct error e;
	size_t i;

	if (kslab_caches_read(m, &cs, &e))
		return false;
	/* the caches most used: each CPU has a slab of them */
	for (i = 0; i < cs.n && ps.ncache < PCPU_CHECK; i++)
		if (cs.c[i].active_objs > 64 &&
		    !kread_field(m, cs.c[i].va, "kmem_cache.cpu_slab",
				 &ps.cpu_slab[ps.ncache], &e))
			ps.cache[ps.ncache++] = cs.c[i].va;
	kslab_caches_release(&cs);
	if (ps.ncache < 2 || kimage_scan(m, pcpu_page, &ps))
		return false;
	*va = ps.va;
	return true;
}

bool
kderive_symbol(struct machine *m, const char *name, u64 *va, u64 *size)
{
	struct error e;

	*size = 0;
	if (!strcmp(name, "init_task")) {
		if (ktask_init_scan(m, va, &e))
			return false;
		ktype_size(m, "task_struct", size, &e);
		return true;
	}
	if (!strcmp(name, "init_mm")) {
		if (!find_init_mm(m, va))
			return false;
		ktype_size(m, "mm_struct", size, &e);
		return true;
	}
	if (!strcmp(name, "slab_caches")) {
		*size = m->arch->is64 ? 16 : 8;	/* a list_head */
		return kslab_caches_find(m, va, &e) == 0;
	}
	if (!strcmp(name, "__per_cpu_offset"))
		return find_per_cpu_offset(m, va);
	return false;
}
