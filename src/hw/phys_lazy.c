// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Physical memory paged in lazily from a compressed image.
 *
 * The physical span of the image is one private anonymous mapping that
 * costs the host nothing until a page is read: the first access to a page
 * asks the image's pager (kdump-compressed, AVML) to fill it.  Filled pages
 * are remembered in a ring of cache_pages entries; when the ring is full
 * the oldest page is given back to the host (MADV_DONTNEED) and filled
 * again on its next access.  A page written through phys_ptr_w() or
 * phys_write() leaves the ring for good: the overlay is never lost.
 *
 * cf. the page cache of a compressed file system: squashfs_readpage()
 * decompresses a block on a fault, and the pages are dropped under
 * pressure.  A pointer from phys_ptr() stays valid until cache_pages other
 * pages are filled, at least PHYS_LAZY_MIN_CACHE.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ptwalk/phys.h"

#define PHYS_LAZY_MIN_CACHE	64

enum { PG_EMPTY, PG_FILLED, PG_PINNED };

struct phys_lazy {
	struct phys_pager pg;
	u64 lo, hi;		/* physical span of the mapping */
	u8 *base;		/* host address of lo */
	size_t len;
	u8 *state;		/* PG_* per page of the span */
	u64 *ring;		/* page numbers (from lo) of filled pages */
	u64 cap, head, used;
	u64 filled, dropped;
	bool advise;		/* host pages are 4K: can give pages back */
};

int
phys_lazy_init(struct phys *p, u64 lo, u64 hi, const struct phys_pager *pg,
	       u64 cache_pages, struct error *e)
{
	struct phys_lazy *l;
	u64 npages;
	void *m;

	lo &= PAGE_MASK;
	hi = ALIGN_UP(hi, PAGE_SIZE);
	if (p->lazy != NULL)
		return error_set(e, -EEXIST, "the image already has paged "
				 "memory");
	if (hi <= lo || hi - lo != (size_t)(hi - lo) ||
	    (hi - lo) >> PAGE_SHIFT > (1ULL << 40) / PAGE_SIZE)
		return error_set(e, -EINVAL, "physical span 0x%llx-0x%llx of "
				 "the image is empty or too large for this host",
				 (unsigned long long)lo, (unsigned long long)hi);
	npages = (hi - lo) >> PAGE_SHIFT;
	m = mmap(NULL, (size_t)(hi - lo), PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m == MAP_FAILED)
		return error_set(e, -ENOMEM, "cannot reserve %llu MiB of host "
				 "address space for the image's pages: %s",
				 (unsigned long long)((hi - lo) >> 20),
				 strerror(errno));
#ifdef MADV_NOHUGEPAGE
	madvise(m, (size_t)(hi - lo), MADV_NOHUGEPAGE);
#endif
	l = xcalloc(1, sizeof(*l));
	l->pg = *pg;
	l->lo = lo;
	l->hi = hi;
	l->base = m;
	l->len = (size_t)(hi - lo);
	/* a byte per page, itself lazily backed: 1 MiB per 4 GiB of span */
	l->state = mmap(NULL, (size_t)npages, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (l->state == MAP_FAILED) {
		munmap(m, l->len);
		free(l);
		return error_set(e, -ENOMEM, "cannot reserve the page states "
				 "of the image: %s", strerror(errno));
	}
	l->advise = sysconf(_SC_PAGESIZE) == (long)PAGE_SIZE;
	p->lazy = l;
	phys_lazy_set_cache(p, cache_pages);
	return 0;
}

void
phys_lazy_set_cache(struct phys *p, u64 cache_pages)
{
	struct phys_lazy *l = p->lazy;
	u64 i;

	if (l == NULL)
		return;
	if (cache_pages < PHYS_LAZY_MIN_CACHE)
		cache_pages = PHYS_LAZY_MIN_CACHE;
	if (cache_pages > (l->len >> PAGE_SHIFT) + PHYS_LAZY_MIN_CACHE)
		cache_pages = (l->len >> PAGE_SHIFT) + PHYS_LAZY_MIN_CACHE;
	/* pages filled so far are dropped: they are filled again on use */
	for (i = 0; i < l->used; i++) {
		u64 pg = l->ring[(l->head + i) % l->cap];

		if (l->state[pg] != PG_FILLED)
			continue;
		l->state[pg] = PG_EMPTY;
		if (l->advise)
			madvise(l->base + (pg << PAGE_SHIFT), PAGE_SIZE,
				MADV_DONTNEED);
		l->dropped++;
	}
	free(l->ring);
	l->ring = xcalloc((size_t)cache_pages, sizeof(*l->ring));
	l->cap = cache_pages;
	l->head = l->used = 0;
}

void
phys_lazy_stats(const struct phys *p, u64 *filled, u64 *dropped,
		u64 *cache_pages)
{
	const struct phys_lazy *l = p->lazy;

	*filled = l ? l->filled : 0;
	*dropped = l ? l->dropped : 0;
	*cache_pages = l ? l->cap : 0;
}

/* Host address of paged [start, start + len), or NULL when outside. */
u8 *
phys_lazy_host(struct phys *p, u64 start, u64 len)
{
	struct phys_lazy *l = p->lazy;

	if (l == NULL || start < l->lo || start > l->hi ||
	    len > l->hi - start || (start | len) & (PAGE_SIZE - 1))
		return NULL;
	return l->base + (start - l->lo);
}

/* Make room in the ring, dropping the oldest page still filled. */
static void
ring_push(struct phys_lazy *l, u64 pg)
{
	while (l->used == l->cap) {
		u64 old = l->ring[l->head];

		l->head = (l->head + 1) % l->cap;
		l->used--;
		if (l->state[old] != PG_FILLED)
			continue;	/* pinned since: stays */
		l->state[old] = PG_EMPTY;
		if (l->advise)
			madvise(l->base + (old << PAGE_SHIFT), PAGE_SIZE,
				MADV_DONTNEED);
		l->dropped++;
	}
	l->ring[(l->head + l->used) % l->cap] = pg;
	l->used++;
}

/*
 * Host pointer to [pa, pa + len) of range r, every page filled; NULL
 * (and why, when asked) when a page cannot be read.
 */
u8 *
phys_lazy_ptr(struct phys *p, const struct phys_range *r, u64 pa, u64 len,
	      bool pin, char *why, size_t n)
{
	struct phys_lazy *l = p->lazy;
	u64 off = pa - r->start, pg, last;
	char tmp[8];

	if (l == NULL || off >= r->size || r->size - off < len)
		return NULL;
	if (why == NULL) {
		why = tmp;
		n = sizeof(tmp);
	}
	pg = (pa - l->lo) >> PAGE_SHIFT;
	last = len ? (pa + len - 1 - l->lo) >> PAGE_SHIFT : pg;
	for (; pg <= last; pg++) {
		u8 *dst = l->base + (pg << PAGE_SHIFT);

		if (l->state[pg] == PG_EMPTY) {
			if (l->pg.fill(l->pg.ctx, l->lo + (pg << PAGE_SHIFT),
				       dst, why, n))
				return NULL;
			l->filled++;
			l->state[pg] = PG_FILLED;
			if (!pin)
				ring_push(l, pg);
		}
		if (pin)
			l->state[pg] = PG_PINNED;
	}
	return r->host + off;
}

void
phys_lazy_release(struct phys *p)
{
	struct phys_lazy *l = p->lazy;

	if (l == NULL)
		return;
	if (l->pg.release != NULL)
		l->pg.release(l->pg.ctx);
	munmap(l->base, l->len);
	munmap(l->state, (size_t)(l->len >> PAGE_SHIFT));
	free(l->ring);
	free(l);
	p->lazy = NULL;
}
