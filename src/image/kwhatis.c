// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * What an address is in an image's kernel, from the real structures:
 * the kernel image's symbols, the vmalloc areas (vmap_area_list) and the
 * tasks' stacks among them, the struct page of the frame (free buddy
 * blocks, page tables, slabs) and, for a slab page, the object of its
 * cache that holds the address and whether the slab's free list has it
 * (mm/slub.c: the free pointer at s->offset in each free object, stored
 * as ptr ^ s->random ^ swab(&ptr) with CONFIG_SLAB_FREELIST_HARDENED) and,
 * with slub_debug, the part of the object's slot (slub_layout.h: red
 * zones, the free pointer, the tracks);
 * for a user address, the VMA of the task that was switched to.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/slub_layout.h"

/* include/linux/page-flags.h (6.1): page_type in _mapcount, inverted */
#define PAGE_TYPE_BASE	0xf0000000u
#define PG_table	0x00000200u
#define VM_NO_GUARD	0x00000040u	/* include/linux/vmalloc.h */
#define FREELIST_MAX	(1u << 16)

static void __attribute__((format(printf, 3, 4)))
wline(struct kwhatis *w, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (w->n == KWHAT_LINES)
		return;
	w->l[w->n].key = key;
	va_start(ap, fmt);
	vsnprintf(w->l[w->n].text, sizeof(w->l[w->n].text), fmt, ap);
	va_end(ap);
	w->n++;
}

void
kwhatis_release(struct kwhatis *w)
{
	knotes_release(&w->notes);
	memset(w, 0, sizeof(*w));
}

/*
 * Vmalloc areas
 */

/* The task whose stack (task_struct.stack) is the area at addr. */
static bool
stack_owner(struct machine *m, u64 addr, char *buf, size_t n)
{
	struct ktask *t;
	struct strbuf warn;
	struct error e;
	int nt, i;
	u64 stack;
	bool found = false;

	sb_init(&warn);
	if (ktasks_read(m, &t, &nt, &warn, &e)) {
		sb_release(&warn);
		return false;
	}
	for (i = 0; i < nt && !found; i++)
		if (!kread_field(m, t[i].addr, "task_struct.stack", &stack,
				 &e) && stack == addr) {
			snprintf(buf, n, "the kernel stack of pid %d (%s)",
				 t[i].pid, t[i].comm);
			found = true;
		}
	free(t);
	sb_release(&warn);
	return found;
}

static bool
vmalloc_owner(struct machine *m, u64 va, struct kwhatis *w)
{
	struct kvm_areas vs;
	struct error e;
	size_t i;
	char who[176] = "";
	bool found = false;

	if (kvm_areas_read(m, &vs, &e))
		return false;
	for (i = 0; i < vs.n; i++) {
		const struct kvm_area *a = &vs.a[i];
		bool guard = a->have_vm && !(a->flags & VM_NO_GUARD) &&
			va >= a->addr + a->size - PAGE_SIZE;

		if (va < a->addr || va - a->addr >= a->size)
			continue;
		if (a->have_vm && stack_owner(m, a->addr, who, sizeof(who)))
			;
		else
			snprintf(who, sizeof(who), "%s", a->unpurged ?
				 "freed, not yet purged" : a->vm_map_ram ?
				 "vm_map_ram" : a->caller[0] ? a->caller :
				 "caller not known");
		wline(w, "owner", "%s 0x%llx-0x%llx (%llu bytes) of %s, "
		      "page %llu%s", a->vm_map_ram ? "vm_map_ram area" :
		      "vmalloc area", (unsigned long long)a->addr,
		      (unsigned long long)(a->addr + a->size),
		      (unsigned long long)a->size, who,
		      (unsigned long long)((va - a->addr) >> PAGE_SHIFT),
		      guard ? ": its guard page, never mapped" : "");
		found = true;
		break;
	}
	for (i = 0; i < (size_t)vs.notes.n; i++)
		knote(&w->notes, "%s", vs.notes.line[i]);
	kvm_areas_release(&vs);
	return found;
}

/*
 * Slab objects
 */

struct kslab_obj {
	u64 cache, slab, base, size, objects, offset, random;
	bool hardened;
	struct slub_geom g;
};

/* The free pointer stored at ptr (freelist_ptr_decode()) */
static int
next_free(struct machine *m, const struct kslab_obj *s, u64 ptr, u64 *next,
	  struct error *e)
{
	u64 at = ptr + s->offset, v;
	unsigned long_size = m->arch->is64 ? 8 : 4;

	if (kread_ulong(m, at, &v, e))
		return -1;
	if (s->hardened)
		v ^= s->random ^ (long_size == 8 ? __builtin_bswap64(at) :
				  __builtin_bswap32((u32)at));
	*next = v;
	return 0;
}

/* 1: obj is on the free list from head; 0: not; -1: the list is broken */
static int
on_freelist(struct machine *m, const struct kslab_obj *s, u64 head, u64 obj,
	    const char *which, struct kwhatis *w)
{
	u64 p = head, n, idx;
	struct error e;

	for (n = 0; p != 0; n++) {
		if (p == obj)
			return 1;
		if (n > s->objects || !slub_is_object(&s->g, s->base, p, &idx)) {
			knote(&w->notes, "%s: an entry 0x%llx that is no object "
			      "of the slab: not followed", which,
			      (unsigned long long)p);
			return -1;
		}
		if (next_free(m, s, p, &p, &e)) {
			knote(&w->notes, "%s: %s", which, e.msg);
			return -1;
		}
	}
	return 0;
}

/*
 * A CPU slab (frozen): the free objects are also on the lockless freelist
 * of its CPU's kmem_cache_cpu (s->cpu_slab + __per_cpu_offset[cpu]).
 */
static int
on_cpu_freelist(struct machine *m, const struct kslab_obj *s, u64 obj,
		struct kwhatis *w)
{
	u64 pcpu, offs, off, kcc, slab, fl;
	unsigned long_size = m->arch->is64 ? 8 : 4;
	struct error e;
	int cpu, r;

	if (kread_field(m, s->cache, "kmem_cache.cpu_slab", &pcpu, &e) ||
	    !kinfo_symbol(m, "__per_cpu_offset", &offs)) {
		knote(&w->notes, "a CPU slab: its CPU's lockless freelist is "
		      "not read (%s)", e.msg[0] ? e.msg : "__per_cpu_offset "
		      "is not in the symbol table");
		return -1;
	}
	for (cpu = 0; cpu < 64; cpu++) {
		if (kread_ulong(m, offs + (u64)cpu * long_size, &off, &e))
			break;
		kcc = pcpu + off;
		if (kread_field(m, kcc, "kmem_cache_cpu.slab", &slab, &e))
			break;
		if (slab != s->slab)
			continue;
		if (kread_field(m, kcc, "kmem_cache_cpu.freelist", &fl, &e))
			break;
		r = on_freelist(m, s, fl, obj, "the CPU freelist", w);
		return r < 0 ? -1 : r ? 2 + cpu : 0;
	}
	return 0;
}

/*
 * The slot's geometry; the debug fields (red_left_pad, with
 * CONFIG_SLUB_DEBUG) are 0 when BTF lacks them, struct track's size 0
 * when unknown.
 */
static void
slab_debug_geometry(struct machine *m, struct kslab_obj *s)
{
	struct slub_geom *g = &s->g;
	u64 v = 0, t = 0;
	struct error e;

	g->size = s->size;
	g->offset = s->offset;
	g->objects = s->objects;
	g->ptr_size = m->arch->is64 ? 8 : 4;
	g->object_size = kread_field(m, s->cache, "kmem_cache.object_size",
				     &v, &e) ? s->size : v;
	g->inuse = kread_field(m, s->cache, "kmem_cache.inuse", &v, &e) ?
		g->object_size : v;
	g->red_left_pad = kread_field(m, s->cache, "kmem_cache.red_left_pad",
				      &v, &e) ? 0 : v;
	g->flags = kread_field(m, s->cache, "kmem_cache.flags", &v, &e) ? 0 :
		(u32)v;
	g->track_size = ktype_size(m, "track", &t, &e) ? 0 : (unsigned)t;
}

static int
slab_geometry(struct machine *m, const struct kpage *head, u64 va, u64 pfn,
	      struct kslab_obj *s, struct error *e)
{
	u64 size, off;

	memset(s, 0, sizeof(*s));
	s->cache = head->slab_cache_va;
	s->slab = head->page;
	if (kread_field(m, s->cache, "kmem_cache.size", &size, e) ||
	    kread_field(m, s->cache, "kmem_cache.offset", &off, e) ||
	    kread_field(m, s->slab, "slab.objects", &s->objects, e))
		return -1;
	s->size = size ? size : 1;
	s->offset = off;
	s->hardened = !kread_field(m, s->cache, "kmem_cache.random",
				   &s->random, e);
	/* the slab's pages are contiguous in the direct map */
	s->base = (va & ~(u64)(PAGE_SIZE - 1)) -
		((pfn - head->pfn) << PAGE_SHIFT);
	slab_debug_geometry(m, s);
	return 0;
}

/* The part of the slot, beyond the object's own bytes (slub_debug). */
static void
slab_part(const struct kslab_obj *s, const struct slub_where *at, bool free,
	  struct kwhatis *w)
{
	const struct slub_geom *g = &s->g;
	const char *name = slub_part_name(at->part);

	switch (at->part) {
	case SLUB_OBJECT:
		if (at->in_freeptr && free)
			wline(w, "where", "the free pointer to the next free "
			      "object (s->offset 0x%llx)",
			      (unsigned long long)g->offset);
		return;
	case SLUB_RED_LEFT:
		wline(w, "where", "%s before the object (red_left_pad %llu), "
		      "byte 0x%llx", name, (unsigned long long)g->red_left_pad,
		      (unsigned long long)at->part_off);
		return;
	case SLUB_RED_RIGHT:
	case SLUB_WORD_PAD:
		wline(w, "where", "%s after the object (object_size %llu, "
		      "inuse %llu), byte 0x%llx", name,
		      (unsigned long long)g->object_size,
		      (unsigned long long)g->inuse,
		      (unsigned long long)at->part_off);
		return;
	case SLUB_FREEPTR:
		wline(w, "where", "%s (s->offset 0x%llx, outside the object)%s",
		      name, (unsigned long long)g->offset,
		      free ? "" : ": unused while allocated");
		return;
	default:
		wline(w, "where", "%s after the object (past s->inuse %llu), "
		      "byte 0x%llx", name, (unsigned long long)g->inuse,
		      (unsigned long long)at->part_off);
		return;
	}
}

static void
slab_owner(struct machine *m, u64 va, u64 pfn, const struct kpage *head,
	   struct kwhatis *w)
{
	struct kslab_obj s;
	struct slub_where at;
	struct error e;
	u64 fl, frozen = 0;
	int r;

	if (head->slab_cache[0] == 0) {
		wline(w, "owner", "a slab page (PG_slab); its cache needs the "
		      "kernel's types (BTF)");
		return;
	}
	if (slab_geometry(m, head, va, pfn, &s, &e)) {
		wline(w, "owner", "a slab of cache %s (%s)", head->slab_cache,
		      e.msg);
		return;
	}
	slub_locate(&s.g, s.base, va, &at);
	if (at.part == SLUB_TAIL) {
		wline(w, "owner", "a slab of cache %s: past its %llu objects "
		      "(the slab's unused tail)", head->slab_cache,
		      (unsigned long long)s.objects);
		return;
	}
	r = -1;
	if (!kread_field(m, s.slab, "slab.freelist", &fl, &e))
		r = on_freelist(m, &s, fl, at.object, "the slab's freelist", w);
	kread_field(m, s.slab, "slab.frozen", &frozen, &e);
	if (r == 0 && frozen)
		r = on_cpu_freelist(m, &s, at.object, w);
	wline(w, "owner", "slab object %llu of cache %s at 0x%llx %c 0x%llx "
	      "(size %llu, %llu per slab): %s", (unsigned long long)at.index,
	      head->slab_cache, (unsigned long long)at.object,
	      at.off < 0 ? '-' : '+', (unsigned long long)(at.off < 0 ?
							  -at.off : at.off),
	      (unsigned long long)s.size, (unsigned long long)s.objects,
	      r == 0 ? "allocated" : r == 1 ? "free (on the slab's freelist)" :
	      r > 1 ? "free (on its CPU's freelist)" :
	      "allocated or free: the free list could not be followed");
	slab_part(&s, &at, r >= 1, w);
}

/*
 * The frame and its struct page
 */

static void
page_text(const struct kpage *p, char *buf, size_t n)
{
	switch (p->state) {
	case KP_FREE_HEAD:
		snprintf(buf, n, "free: head of an order-%u block", p->order);
		return;
	case KP_FREE:
		snprintf(buf, n, "free: in the order-%u block at pfn 0x%llx",
			 p->order, (unsigned long long)p->block_pfn);
		return;
	case KP_TAIL:
		snprintf(buf, n, "a tail page of the compound page at pfn "
			 "0x%llx", (unsigned long long)p->block_pfn);
		return;
	case KP_SLAB:
		snprintf(buf, n, "slab of cache %s", p->slab_cache[0] ?
			 p->slab_cache : "(not named without the types)");
		return;
	case KP_USED:
		break;
	}
	if (((u32)p->mapcount & (PAGE_TYPE_BASE | PG_table)) == PAGE_TYPE_BASE)
		snprintf(buf, n, "a page table (page_type PG_table)");
	else if (p->mapping & 1)
		snprintf(buf, n, "anonymous, mapped %lld times, _refcount %lld",
			 (long long)p->mapcount + 1, (long long)p->refcount);
	else if (p->mapping)
		snprintf(buf, n, "page cache of mapping 0x%llx, mapped %lld "
			 "times, _refcount %lld", (unsigned long long)p->mapping,
			 (long long)p->mapcount + 1, (long long)p->refcount);
	else
		snprintf(buf, n, "in use (allocated or reserved), _refcount "
			 "%lld", (long long)p->refcount);
}

void
kwhatis_frame(struct machine *m, u64 pfn, struct kwhatis *w)
{
	struct kpage p;
	struct error e;
	char what[200];

	if (kpage_read(m, pfn, &p, &e)) {
		wline(w, "frame", "pfn 0x%llx: %s", (unsigned long long)pfn,
		      e.msg);
		return;
	}
	page_text(&p, what, sizeof(what));
	wline(w, "frame", "pfn 0x%llx, struct page 0x%llx, flags %s: %s",
	      (unsigned long long)pfn, (unsigned long long)p.page,
	      p.flag_names[0] ? p.flag_names : "-", what);
}

/*
 * The owner
 */

static void
user_owner(struct machine *m, u64 va, int pid, struct kwhatis *w)
{
	struct ktask *t;
	struct kvma *v;
	struct strbuf warn;
	struct error e;
	int nt, nv, i;
	u64 mm = 0;
	char comm[16] = "";

	if (pid <= 0) {
		wline(w, "owner", "user space: no task was switched to "
		      "('switch PID' first, then 'maps')");
		return;
	}
	sb_init(&warn);
	if (ktasks_read(m, &t, &nt, &warn, &e) == 0) {
		for (i = 0; i < nt; i++)
			if (t[i].pid == pid) {
				mm = t[i].mm;
				snprintf(comm, sizeof(comm), "%s", t[i].comm);
			}
		free(t);
	}
	if (mm == 0 || kvmas_read(m, mm, &v, &nv, &warn, &e)) {
		wline(w, "owner", "user space of pid %d: its VMAs cannot be "
		      "read", pid);
		sb_release(&warn);
		return;
	}
	for (i = 0; i < nv && !(va >= v[i].start && va < v[i].end); i++)
		;
	if (i == nv)
		wline(w, "owner", "user space of pid %d (%s): in no VMA", pid,
		      comm);
	else
		wline(w, "owner", "VMA 0x%llx-0x%llx %c%c%c%c %s of pid %d "
		      "(%s), page %llu", (unsigned long long)v[i].start,
		      (unsigned long long)v[i].end, v[i].flags & 1 ? 'r' : '-',
		      v[i].flags & 2 ? 'w' : '-', v[i].flags & 4 ? 'x' : '-',
		      v[i].flags & 8 ? 's' : 'p', v[i].name[0] ? v[i].name :
		      "(anonymous)", pid, comm,
		      (unsigned long long)((va - v[i].start) >> PAGE_SHIFT));
	free(v);
	sb_release(&warn);
}

/* The task whose mm->pgd (or with PTI its user half) is the page at pg */
static bool
pgd_owner(struct machine *m, u64 pg, struct kwhatis *w)
{
	struct ktask *t;
	struct strbuf warn;
	struct error e;
	int nt, i;
	bool found = false;

	sb_init(&warn);
	if (ktasks_read(m, &t, &nt, &warn, &e) == 0) {
		for (i = 0; i < nt && !found; i++)
			if (t[i].mm && t[i].pid == t[i].tgid &&
			    (t[i].pgd == pg || (m->user_pgd_offset &&
			     t[i].pgd + m->user_pgd_offset == pg))) {
				wline(w, "owner", "a page of the direct map: the "
				      "pgd of pid %d (%s)%s", t[i].pid,
				      t[i].comm, t[i].pgd == pg ? "" :
				      ", its user half (PTI)");
				found = true;
			}
		free(t);
	}
	sb_release(&warn);
	return found;
}

/* A kernel address mapped at pfn: its page says who owns it. */
static void
page_owner(struct machine *m, u64 va, u64 pfn, struct kwhatis *w)
{
	struct kpage p, head;
	struct error e;
	char what[200];

	if (kpage_read(m, pfn, &p, &e))
		return;
	if (p.state == KP_TAIL && kpage_read(m, p.block_pfn, &head, &e) == 0 &&
	    head.state == KP_SLAB) {
		slab_owner(m, va, pfn, &head, w);
		return;
	}
	if (p.state == KP_SLAB) {
		slab_owner(m, va, pfn, &p, w);
		return;
	}
	if (p.state == KP_USED &&
	    pgd_owner(m, va & ~(u64)(PAGE_SIZE - 1), w))
		return;
	page_text(&p, what, sizeof(what));
	wline(w, "owner", "a page of the direct map: %s", what);
}

/* The kernel image: the layout's bounds, else _stext to _end (or _etext) */
static bool
in_kimage(struct machine *m, u64 va)
{
	const struct ksym *a, *b;

	if (m->lay.ktext)
		return va >= m->lay.ktext &&
			va < (m->lay.kend ? m->lay.kend : m->lay.ketext);
	a = machine_ksym(m, "_stext");
	b = machine_ksym(m, "_end");
	if (b == NULL)
		b = machine_ksym(m, "_etext");
	return a != NULL && b != NULL && va >= a->value && va < b->value;
}

void
kwhatis_owner(struct machine *m, u64 va, int pid, struct kwhatis *w)
{
	const struct ksym *k;
	u64 pa;
	struct error e;

	if (va < m->lay.task_size) {
		user_owner(m, va, pid, w);
		return;
	}
	k = machine_ksym_at(m, va);
	if (k != NULL && k->module == NULL && in_kimage(m, va)) {
		wline(w, "owner", "the kernel image: %s+0x%llx (%c)", k->name,
		      (unsigned long long)(va - k->value), k->type);
		return;
	}
	if (k != NULL && k->module != NULL && k->size &&
	    va - k->value < k->size) {
		wline(w, "owner", "module %s: %s+0x%llx", k->module, k->name,
		      (unsigned long long)(va - k->value));
		return;
	}
	if (m->lay.vmalloc_start && va >= m->lay.vmalloc_start &&
	    va < m->lay.vmalloc_end && vmalloc_owner(m, va, w))
		return;
	if (kva_pa(m, va, &pa, &e) == 0 && phys_is_ram(&m->phys, pa))
		page_owner(m, va, pa >> PAGE_SHIFT, w);
	if (w->n == 0)
		wline(w, "owner", "none the dump's kernel structures name");
}
