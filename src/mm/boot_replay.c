// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A machine that looks booted: the boot record of a real guest replayed
 * through the kernel's own allocators (include/ptwalk/boot_record.h).
 * The vmalloc space is filled in the guest's address order (its gaps are
 * areas allocated and freed again, so every later area lands where the
 * guest's next one would), the slab caches are created and brought to
 * their active objects, the pages of tasks and page tables allocated, and
 * last each zone's free lists are cut to the guest's blocks per order.
 * sim: Linux has no such step; it stands for what a real boot allocates
 * between mm_init and the shell (cf. init/main.c start_kernel, rest_init,
 * kernel_init_freeable, and the first processes).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/boot_record.h"
#include "ptwalk/ioremap.h"
#include "ptwalk/module.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/util.h"
#include "ptwalk/vmalloc.h"

static void boot_page_describe(struct machine *m, const struct page *page,
			       struct strbuf *sb);

const struct page_owner_type page_owner_boot = {
	"boot", boot_page_describe
};

/* The guest's memory no line names: what the zone shaping holds. */
static struct boot_line unnamed_line = {
	.kind = BL_PAGES, .name = "held",
};

static void
boot_page_describe(struct machine *m, const struct page *page,
		   struct strbuf *sb)
{
	const struct boot_line *l = page->owner_data;
	const struct boot_state *bs = boot_state_of(m);

	if (l == &unnamed_line || l == NULL || bs == NULL) {
		sb_addf(sb, "held since boot: memory the guest's kernel used "
			"at boot that no line of its record names (page cache, "
			"percpu, ...), kept so the free lists have the guest's "
			"shape");
		return;
	}
	sb_addf(sb, "held since boot: %s, as the %s guest at boot "
		"(data/boot/%s.boot line %d)", l->name ? l->name : "pages",
		bs->rec.name, bs->rec.name, l->lineno);
}

/*
 * The kernel the machine models is the record's (Linux 6.1): its profile
 * is that release.
 */
static bool
models_kernel(const struct machine *m, const char *version)
{
	const char *km = m->profile ? m->profile->release : NULL;
	const char *p = km ? strstr(km, "Linux ") : NULL;
	size_t n = strlen(version);

	return p != NULL && !strncmp(p + 6, version, n) &&
		(p[6 + n] < '0' || p[6 + n] > '9') && p[6 + n] != '.';
}

/* The arch's record with the RAM closest to the machine's (by ratio). */
static int
choose_record(struct machine *m, struct boot_record *best, struct error *e)
{
	const struct boot_record_file *f;
	struct boot_record r;
	double bestd = 0;

	memset(best, 0, sizeof(*best));
	for (f = boot_record_files; f->name != NULL; f++) {
		double d;

		if (boot_record_parse(f->name, f->text, &r, e)) {
			boot_record_free(best);
			return -EINVAL;
		}
		if (strcmp(r.arch, m->arch->name)) {
			boot_record_free(&r);
			continue;
		}
		d = (double)r.mem / (double)m->ram_size;
		if (d < 1)
			d = 1 / d;
		if (best->text == NULL || d < bestd) {
			boot_record_free(best);
			*best = r;
			bestd = d;
		} else {
			boot_record_free(&r);
		}
	}
	return 0;
}

static void
skip(struct boot_state *bs, const struct boot_line *l, const char *why)
{
	if (bs->nskips++ == 0) {
		bs->skip_line = l ? l->lineno : 0;
		snprintf(bs->skip_why, sizeof(bs->skip_why), "%s", why);
	}
}

static u64
scaled(const struct boot_state *bs, u64 n)
{
	return (n * bs->scale_num + bs->scale_den / 2) / bs->scale_den;
}

/* Enough memory left to go on: a quarter of RAM stays free. */
static bool
room(const struct machine *m)
{
	return global_free_pages(m) > page_alloc_of(m)->totalram_pages / 4;
}

static struct page *
hold(struct page *p, struct boot_line *l)
{
	if (p != NULL)
		page_set_owner(p, &page_owner_boot, l);
	return p;
}

/* vmap: pages of their own, mapped in the vmalloc area. */
static u64
replay_vmap(struct machine *m, struct boot_line *l, struct error *e)
{
	unsigned n = (unsigned)(l->size / PAGE_SIZE) - 1, i;
	struct page **pages;
	u64 va = 0;

	if (n == 0)
		return error_set(e, -EINVAL, "no pages"), 0;
	pages = xcalloc(n, sizeof(*pages));
	for (i = 0; i < n; i++) {
		pages[i] = hold(alloc_pages(m, GFP_KERNEL, 0, e), l);
		if (pages[i] == NULL)
			break;
	}
	if (i == n)
		va = vmap(m, pages, n, VM_MAP | (l->dma_coherent ?
						  VM_DMA_COHERENT : 0),
			  PAGE_KERNEL, l->caller, VMK_VMAP, e);
	if (va == 0)
		while (i-- > 0)
			__free_pages(m, pages[i], 0, NULL);
	free(pages);
	return va;
}

/* An area at its fixed address, unless the kernel has it already. */
static u64
replay_early(struct machine *m, struct boot_line *l, struct error *e)
{
	struct vmap_area *va = vmap_area_at(m, l->addr);
	struct vm_struct *vm;

	if (va != NULL && va->va_start == l->addr && va->vm != NULL)
		return l->addr;
	vm = __get_vm_area_caller(m, l->size, VM_MAP | VM_NO_GUARD, PAGE_SIZE,
				  l->addr, l->addr + l->size, l->caller, e);
	if (vm == NULL)
		return 0;
	vm->kind = l->ioremap ? VMK_IOREMAP : VMK_VMAP;
	vm->flags = (l->ioremap ? VM_IOREMAP : VM_MAP) | VM_NO_GUARD;
	vm->phys_addr = l->phys;
	if (l->phys && vmap_phys_range(m, vm, l->phys, l->size, PAGE_SHIFT,
				       l->ioremap ? PAGE_KERNEL_NOCACHE :
				       PAGE_KERNEL, e)) {
		free_vm_struct(m, remove_vm_area(m, vm->addr));
		purge_vmap_area_lazy(m);
		return 0;
	}
	return vm->addr;
}

/* The first percpu chunk: pcpu_get_vm_areas() from the top, no guard. */
static u64
replay_percpu(struct machine *m, struct boot_line *l, struct error *e)
{
	u64 end = ALIGN_DOWN(m->lay.vmalloc_end - 1, l->align);
	struct vm_struct *vm;

	if (end - m->lay.vmalloc_start < l->size)
		return error_set(e, -ENOMEM, "no room"), 0;
	vm = __get_vm_area_caller(m, l->size, VM_ALLOC | VM_NO_GUARD,
				  l->align, end - l->size, end, l->caller, e);
	if (vm == NULL)
		return 0;
	vm->kind = VMK_VMALLOC;
	vm->prot = PAGE_KERNEL;
	return vm->addr;
}

/* One line of the vmalloc space: the area's address, 0 if it failed. */
static u64
replay_area(struct machine *m, struct boot_line *l, struct error *e)
{
	u64 start = m->lay.vmalloc_start, end = m->lay.vmalloc_end, va;
	bool direct;

	switch (l->kind) {
	case BL_VMALLOC:
		va = __vmalloc_node_range(m, l->size - PAGE_SIZE, l->align,
					  start, end, GFP_KERNEL, PAGE_KERNEL,
					  0, l->caller, VMK_VMALLOC, e);
		if (va != 0 && l->stack)
			mod_node_page_state(NODE_DATA(page_alloc_of(m), 0),
					    NR_KERNEL_STACK_KB,
					    (long)(l->size - PAGE_SIZE) >> 10);
		return va;
	case BL_VMAP:
		return replay_vmap(m, l, e);
	case BL_IOREMAP:
		va = ioremap_caller(m, l->phys, l->size - PAGE_SIZE, NULL,
				    l->caller, &direct, e);
		if (va != 0 && direct)
			return error_set(e, -EINVAL, "the direct map holds "
					 "it"), 0;
		return va;
	case BL_EARLY:
		return replay_early(m, l, e);
	case BL_MODULE:
		return module_alloc(m, l->size - PAGE_SIZE, l->caller, e);
	case BL_PERCPU:
		return replay_percpu(m, l, e);
	default:
		return 0;
	}
}

/* A placeholder of size bytes at or above from (0: no room). */
static u64
placeholder(struct machine *m, u64 from, u64 size, struct error *e)
{
	struct vm_struct *vm;

	vm = __get_vm_area_caller(m, size, VM_MAP | VM_NO_GUARD, PAGE_SIZE,
				  from, m->lay.vmalloc_end, NULL, e);
	if (vm == NULL)
		return 0;
	vm->kind = VMK_VMAP;
	return vm->addr;
}

static void
free_placeholders(struct machine *m, struct boot_record *r, u64 *addr,
		  const char *gap, char which)
{
	int i;

	for (i = 0; i < r->nlines; i++)
		if (gap[i] == which && addr[i] != 0)
			free_vm_struct(m, remove_vm_area(m, addr[i]));
}

/*
 * The areas in the guest's order.  Its gaps, and the areas this machine
 * refuses, are placeholders freed and purged at the end (the address
 * space stays where the guest had it); its unpurged areas are freed
 * last, and wait for the lazy purge as they did in the guest.
 */
static void
replay_vmalloc_space(struct machine *m, struct boot_state *bs)
{
	struct boot_record *r = &bs->rec;
	u64 *addr = xcalloc((size_t)r->nlines + 1, sizeof(*addr));
	char *gap = xcalloc((size_t)r->nlines + 1, 1);
	u64 cursor = m->lay.vmalloc_start;	/* the end of the last area */
	struct vmap_area *va;
	struct error e;
	int i;

	for (i = 0; i < r->nlines; i++) {
		struct boot_line *l = &r->lines[i];

		if (l->kind == BL_CACHE || l->kind == BL_PAGES)
			continue;
		if (l->kind == BL_GAP || l->kind == BL_UNPURGED) {
			addr[i] = placeholder(m, cursor, l->size, &e);
			gap[i] = l->kind == BL_GAP ? 'g' : 'u';
		} else {
			bs->areas++;
			addr[i] = replay_area(m, l, &e);
			if (addr[i] != 0)
				bs->areas_done++;
			else
				skip(bs, l, e.msg);
		}
		if (addr[i] == 0 && (l->kind == BL_VMALLOC ||
				     l->kind == BL_VMAP ||
				     l->kind == BL_IOREMAP)) {
			addr[i] = placeholder(m, cursor, l->size, &e);
			gap[i] = 'g';
		}
		va = addr[i] ? vmap_area_at(m, addr[i]) : NULL;
		if (va != NULL && addr[i] >= m->lay.vmalloc_start &&
		    addr[i] < m->lay.vmalloc_end && l->kind != BL_PERCPU)
			cursor = MAX(cursor, va->va_end);
	}
	free_placeholders(m, r, addr, gap, 'g');
	purge_vmap_area_lazy(m);
	free_placeholders(m, r, addr, gap, 'u');
	free(gap);
	free(addr);
}

/* Create the caches the kernel lacks, then bring each to its objects. */
static void
replay_caches(struct machine *m, struct boot_state *bs)
{
	struct boot_record *r = &bs->rec;
	struct error e;
	int i;

	for (i = 0; i < r->nlines; i++) {
		struct boot_line *l = &r->lines[i];

		if (l->kind != BL_CACHE)
			continue;
		bs->caches++;
		if (kmem_cache_find(m, l->name) != NULL)
			continue;
		if (kmem_cache_create(m, l->name, l->objsize, 0, 0, &e) == NULL)
			skip(bs, l, e.msg);
		else
			bs->caches_created++;
	}
	for (i = 0; i < r->nlines; i++) {
		struct boot_line *l = &r->lines[i];
		struct kmem_cache *s;
		struct slabinfo si;
		u64 want, n;

		if (l->kind != BL_CACHE || l->active == 0 ||
		    (s = kmem_cache_find(m, l->name)) == NULL)
			continue;
		get_slabinfo(m, s, &si);
		want = scaled(bs, l->active);
		for (n = si.active_objs; n < want; n++) {
			if (!room(m)) {
				skip(bs, l, "a quarter of RAM is left free");
				break;
			}
			if (kmem_cache_alloc(m, s, GFP_KERNEL, &e) == 0) {
				skip(bs, l, e.msg);
				break;
			}
			bs->objects++;
		}
	}
}

/*
 * The counter of meminfo that a pages line fills (and its unit in kB per
 * page, 0 for pages): the machine's own pages count towards it already.
 */
static const struct {
	const char *what;
	enum node_stat_item item;
	unsigned kb;
} pages_stat[] = {
	{ "kernel-stack", NR_KERNEL_STACK_KB, 4 },
	{ "page-table", NR_PAGETABLE, 0 },
	{ "anon", NR_ANON_MAPPED, 0 },
};

static void
replay_pages_line(struct machine *m, struct boot_state *bs,
		  struct boot_line *l)
{
	u64 n, want = scaled(bs, l->pages), have = 0, per = 1ULL << l->order;
	struct error e;
	struct page *p;
	int k = -1;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pages_stat); i++)
		if (!strcmp(l->name, pages_stat[i].what))
			k = (int)i;
	if (k >= 0) {
		long v = global_node_page_state(m, pages_stat[k].item);

		have = v > 0 ? (u64)v / (pages_stat[k].kb ?
					 pages_stat[k].kb : 1) / per : 0;
	}
	for (n = have; n < want; n++) {
		if (!room(m)) {
			skip(bs, l, "a quarter of RAM is left free");
			break;
		}
		p = hold(alloc_pages(m, GFP_KERNEL, l->order, &e), l);
		if (p == NULL) {
			skip(bs, l, e.msg);
			break;
		}
		bs->pages += per;
		if (k >= 0 && pages_stat[k].item != NR_ANON_MAPPED)
			mod_node_page_state(page_zone(m, p)->zone_pgdat,
					    pages_stat[k].item, (long)(per *
					    MAX(pages_stat[k].kb, 1u)));
	}
}

static void
replay_pages(struct machine *m, struct boot_state *bs)
{
	int i;

	for (i = 0; i < bs->rec.nlines; i++)
		if (bs->rec.lines[i].kind == BL_PAGES)
			replay_pages_line(m, bs, &bs->rec.lines[i]);
}

/* Hold a block of z of this order (and take it off the free lists). */
static struct page *
hold_block(struct machine *m, struct boot_state *bs, struct zone *z,
	   unsigned order)
{
	struct page *p = alloc_pages_zone_boot(m, z, order, GFP_KERNEL);

	if (p == NULL)
		return NULL;
	hold(p, &unnamed_line);
	bs->held_pages += 1UL << order;
	return p;
}

/*
 * The free blocks per order the zone should keep: the guest's, scaled
 * down with less RAM; what the guest had in use stays in use, and the
 * rest of the zone free in max-order blocks.
 */
static void
shape_target(const struct boot_zone *rz, const struct zone *z,
	     unsigned long *n)
{
	u64 num = MIN((u64)z->managed_pages, (u64)rz->managed);
	u64 gfree = 0, sub = 0, total, used;
	int o;

	for (o = 0; o < MAX_ORDER; o++)
		n[o] = 0;
	for (o = 0; o < rz->nfree; o++) {
		gfree += (u64)rz->free[o] << o;
		if (o >= MAX_ORDER - 1)
			continue;
		n[o] = (unsigned long)((rz->free[o] * num + rz->managed / 2) /
				       rz->managed);
		sub += (u64)n[o] << o;
	}
	used = rz->managed > gfree ? rz->managed - gfree : 0;
	total = MAX(gfree * num / rz->managed,
		    z->managed_pages > used ? z->managed_pages - used : 0);
	n[MAX_ORDER - 1] = total > sub ?
		(unsigned long)((total - sub) >> (MAX_ORDER - 1)) : 0;
}

#define SHAPE_MAX	256

/*
 * The runs of orders [j, k) to free as one carved block each: n[o] runs
 * cover order o (below the top order), as few as the counts allow.
 */
static int
shape_runs(const unsigned long *n, unsigned (*run)[2])
{
	unsigned open[SHAPE_MAX];
	unsigned long prev = 0, i;
	int o, nopen = 0, nrun = 0;

	for (o = MAX_ORDER - 2; o >= -1; o--) {
		unsigned long cur = o >= 0 ? n[o] : 0;

		for (i = prev; i < cur && nopen < SHAPE_MAX; i++)
			open[nopen++] = (unsigned)o + 1;
		for (i = cur; i < prev && nopen > 0 && nrun < SHAPE_MAX; i++) {
			run[nrun][0] = (unsigned)(o + 1);
			run[nrun++][1] = open[--nopen];
		}
		prev = cur;
	}
	return nrun;
}

/*
 * Free the orders [j, k) of a held block of order k at page p: split into
 * pages, all but the first 2^j freed, which merge into one free block of
 * each order j..k-1 (the held first pages keep them from merging).
 */
static void
carve(struct machine *m, struct page *p, unsigned j, unsigned k)
{
	u64 pfn = page_to_pfn(m, p), i;

	split_page(m, p, k);
	for (i = 0; i < (1ULL << j); i++)
		hold(pfn_to_page(m, pfn + i), &unnamed_line);
	for (i = 1ULL << j; i < (1ULL << k); i++)
		__free_pages(m, pfn_to_page(m, pfn + i), 0, NULL);
}

/* The blocks drained from a zone's free lists, still held. */
struct drained {
	struct page **page;	/* NULL: given back or used */
	u8 *order;
	int n;
};

/* The held block of this order last drained (NULL: none). */
static struct page *
take_held(struct drained *d, unsigned o)
{
	int i;

	for (i = d->n - 1; i >= 0; i--)
		if (d->page[i] != NULL && d->order[i] == o) {
			struct page *p = d->page[i];

			d->page[i] = NULL;
			return p;
		}
	return NULL;
}

/*
 * The drained blocks the counts n[] can use whole (a drained block's
 * buddy was not free, so freed again it cannot merge), taken from d into
 * whole[]; rest[] what they do not cover.
 */
static int
use_whole(struct drained *d, const unsigned long *n, unsigned long *rest,
	  struct page **whole, u8 *worder)
{
	struct page *p;
	int o, nw = 0;

	for (o = 0; o < MAX_ORDER; o++) {
		rest[o] = n[o];
		while (o < MAX_ORDER - 1 && rest[o] > 0 &&
		       (p = take_held(d, (unsigned)o)) != NULL) {
			whole[nw] = p;
			worder[nw++] = (u8)o;
			rest[o]--;
		}
	}
	return nw;
}

/*
 * Free the blocks used whole and the runs of orders [j, k) they do not
 * cover: every block first (a drained one of order k, else a fresh one),
 * so that none is cut from a block already freed, then each freed or
 * carved.
 */
static void
free_runs(struct machine *m, struct boot_state *bs, struct zone *z,
	  struct drained *d, const unsigned long *n)
{
	static unsigned run[SHAPE_MAX][2];
	static struct page *src[SHAPE_MAX];
	unsigned long rest[MAX_ORDER];
	struct page **whole = xcalloc((size_t)d->n + 1, sizeof(*whole));
	u8 *worder = xcalloc((size_t)d->n + 1, 1);
	int r, nrun, nw = use_whole(d, n, rest, whole, worder);

	nrun = shape_runs(rest, run);
	for (r = 0; r < nrun; r++) {
		unsigned k = run[r][1];

		src[r] = take_held(d, k);
		if (src[r] != NULL)
			bs->held_pages -= 1UL << k;
		else
			src[r] = alloc_pages_zone_boot(m, z, k, GFP_KERNEL);
	}
	for (r = 0; r < nw; r++) {
		__free_pages(m, whole[r], worder[r], NULL);
		bs->held_pages -= 1UL << worder[r];
	}
	for (r = 0; r < nrun; r++)
		if (src[r] != NULL) {
			carve(m, src[r], run[r][0], run[r][1]);
			bs->held_pages += 1UL << run[r][0];
		}
	free(whole);
	free(worder);
}

/*
 * Cut the zone's free lists to n[]: take every block below the top order,
 * free those the counts can use whole and runs of orders carved from the
 * others (or from fresh blocks), give back the blocks still held, and
 * take the extra blocks of each order while about the target stays free.
 */
static void
shape_zone(struct machine *m, struct boot_state *bs, struct zone *z,
	   const unsigned long *n)
{
	unsigned long want = 0, nblocks = 0;
	struct drained d = { NULL, NULL, 0 };
	struct page *p;
	int o, i;

	for (o = 0; o < MAX_ORDER; o++) {
		want += n[o] << o;
		if (o < MAX_ORDER - 1)
			nblocks += z->free_area[o].nr_free;
	}
	d.page = xcalloc(nblocks + 1, sizeof(*d.page));
	d.order = xcalloc(nblocks + 1, 1);
	for (o = MAX_ORDER - 2; o >= 0; o--)
		while (z->free_area[o].nr_free > 0 &&
		       (p = hold_block(m, bs, z, (unsigned)o)) != NULL) {
			d.page[d.n] = p;
			d.order[d.n++] = (u8)o;
		}
	free_runs(m, bs, z, &d, n);
	for (i = 0; i < d.n; i++)
		if (d.page[i] != NULL) {
			__free_pages(m, d.page[i], d.order[i], NULL);
			bs->held_pages -= 1UL << d.order[i];
		}
	free(d.page);
	free(d.order);
	/* the small blocks may cost one max-order block of the target */
	for (o = 0; o < MAX_ORDER; o++)
		while (z->free_area[o].nr_free > n[o] &&
		       z->nr_free_pages + (o < MAX_ORDER - 1 ?
					   MAX_ORDER_NR_PAGES : 0) >=
		       want + (1UL << o) &&
		       hold_block(m, bs, z, (unsigned)o))
			;
}

static void
replay_zones(struct machine *m, struct boot_state *bs)
{
	struct page_alloc *pgalloc = page_alloc_of(m);
	unsigned long n[MAX_ORDER];
	int i, t;

	for (i = 0; i < bs->rec.nzones; i++) {
		const struct boot_zone *rz = &bs->rec.zone[i];
		struct zone *z = NULL;

		for (t = 0; t < MAX_NR_ZONES; t++) {
			struct zone *c = &NODE_DATA(pgalloc, 0)->node_zones[t];

			if (c->name != NULL && managed_zone(c) &&
			    !strcmp(c->name, rz->name))
				z = c;
		}
		if (z == NULL || rz->managed == 0)
			continue;
		shape_target(rz, z, n);
		shape_zone(m, bs, z, n);
		bs->zones++;
	}
}

/* Why a machine boots clean by default (NULL: a record applies). */
static const char *
no_record(struct machine *m, struct boot_state *bs)
{
	if (bs->rec.text == NULL)
		return "no guest of this arch was recorded";
	if (!models_kernel(m, bs->rec.kernel))
		return "the boot records are of Linux 6.1";
	if (page_alloc_of(m)->nr_nodes != 1)
		return "the boot records are of one-node guests";
	return NULL;
}

int
boot_record_replay(struct machine *m, struct error *e)
{
	struct boot_state *bs;
	int mode = boot_mode_parse(m->opts.boot);

	if (mode < 0)
		return error_set(e, -EINVAL, "--boot %s: choose one of %s",
				 m->opts.boot, BOOT_MODES);
	bs = m->kern->boot = xcalloc(1, sizeof(*bs));
	bs->mode = BOOT_CLEAN;
	if (mode == BOOT_CLEAN)
		return 0;
	if (choose_record(m, &bs->rec, e))
		return -EINVAL;
	bs->why_clean = no_record(m, bs);
	if (bs->why_clean != NULL) {
		if (mode == BOOT_BOOTED)
			return error_set(e, -EINVAL, "--boot booted: no boot "
					 "record applies to this %s machine: "
					 "%s", m->arch->name, bs->why_clean);
		return 0;
	}
	bs->mode = BOOT_BOOTED;
	bs->scale_num = MIN(m->ram_size, bs->rec.mem);
	bs->scale_den = bs->rec.mem;
	replay_vmalloc_space(m, bs);
	replay_caches(m, bs);
	replay_pages(m, bs);
	replay_zones(m, bs);
	return 0;
}

void
boot_record_release(struct machine *m)
{
	struct boot_state *bs = boot_state_of(m);

	if (bs == NULL)
		return;
	boot_record_free(&bs->rec);
	free(bs);
	m->kern->boot = NULL;
}
