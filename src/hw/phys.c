// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Physical memory: sparse anonymous RAM or a private mapping of an image.
 *
 * RAM costs the host only the frames that hold data (see the dirty bitmap
 * in include/ptwalk/phys.h): zeroing a clean frame is a bit test, a dirty
 * one is cleared with memset (a few frames) or given back to the host with
 * MADV_DONTNEED (a long span), and reading a clean frame reads nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ptwalk/hostmap.h"
#include "ptwalk/phys.h"

static struct phys_range empty_range;

/* Dirty spans this long are given back to the host rather than cleared. */
#define ADVISE_FRAMES	64

void
phys_init(struct phys *p)
{
	memset(p, 0, sizeof(*p));
	p->fd = -1;
	p->r = &empty_range;
}

void
phys_release(struct phys *p)
{
	int i;

	if (p->map != NULL && p->map != MAP_FAILED)
		munmap(p->map, p->map_len);
	for (i = 0; i < p->nzmap; i++)
		munmap(p->zmap[i].addr, p->zmap[i].len);
	if (p->dirty != NULL)
		munmap(p->dirty, p->dirty_len);
	free(p->zmap);
	phys_lazy_release(p);
	if (p->fd >= 0)
		close(p->fd);
	if (p->r != &empty_range)
		free(p->r);
	phys_init(p);
}

static int
phys_insert(struct phys *p, u64 start, u64 size, u8 *host, unsigned flags,
	    struct error *e)
{
	int i, j;

	if (size == 0)
		return 0;
	if (start + size < start)
		return error_set(e, -EINVAL, "physical range 0x%llx+0x%llx "
				 "wraps around", (unsigned long long)start,
				 (unsigned long long)size);
	/* images add their ranges in order: append without a search */
	if (p->nr > 0 && start >= p->r[p->nr - 1].start + p->r[p->nr - 1].size)
		i = p->nr;
	else
		i = 0;
	for (; i < p->nr; i++) {
		const struct phys_range *r = &p->r[i];

		if (start < r->start + r->size && r->start < start + size)
			return error_set(e, -EEXIST, "physical range "
				"0x%llx-0x%llx overlaps 0x%llx-0x%llx",
				(unsigned long long)start,
				(unsigned long long)(start + size - 1),
				(unsigned long long)r->start,
				(unsigned long long)(r->start + r->size - 1));
	}
	if (p->r == &empty_range) {
		p->alloc = 8;
		p->r = xcalloc((size_t)p->alloc, sizeof(*p->r));
	} else if (p->nr == p->alloc) {
		p->alloc *= 2;
		p->r = xrealloc(p->r, (size_t)p->alloc * sizeof(*p->r));
	}
	if (p->nr > 0 && start >= p->r[p->nr - 1].start)
		i = p->nr;
	else
		for (i = 0; i < p->nr && p->r[i].start < start; i++)
			;
	for (j = p->nr; j > i; j--)
		p->r[j] = p->r[j - 1];
	p->r[i].start = start;
	p->r[i].size = size;
	p->r[i].host = host;
	p->r[i].flags = flags;
	p->nr++;
	p->hint = 0;
	p->total += size;
	return 0;
}

int
phys_add_ram(struct phys *p, u64 base, u64 size, struct error *e)
{
	void *m, *d;
	size_t dlen;
	int r;

	if (p->map != NULL)
		return error_set(e, -EEXIST, "RAM is already mapped");
	m = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m == MAP_FAILED)
		return error_set(e, -ENOMEM, "cannot reserve %llu MiB of host "
				 "address space for simulated RAM: %s",
				 (unsigned long long)(size >> 20),
				 strerror(errno));
#ifdef MADV_NOHUGEPAGE
	/* a frame with data costs 4K of the host, not a 2M huge page */
	madvise(m, size, MADV_NOHUGEPAGE);
#endif
	/* the dirty bitmap: sparse as well, a host page per 128M of RAM */
	dlen = (size_t)(ALIGN_UP((size + PAGE_SIZE - 1) >> PAGE_SHIFT, 64) / 8);
	d = mmap(NULL, dlen, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (d == MAP_FAILED) {
		munmap(m, size);
		return error_set(e, -ENOMEM, "cannot reserve host memory for "
				 "the RAM's frame bitmap: %s", strerror(errno));
	}
	p->map = m;
	p->map_len = size;
	r = phys_insert(p, base, size, m, PHYS_RAM, e);
	if (r) {
		munmap(d, dlen);
		return r;
	}
	p->ram = m;
	p->ram_len = size;
	p->dirty = d;
	p->dirty_len = dlen;
	return 0;
}

int
phys_map_file(struct phys *p, int fd, size_t len, struct error *e)
{
	void *m;

	if (len == 0)
		return error_set(e, -EINVAL, "the image is empty");
	/*
	 * MAP_PRIVATE with write permission: stores go to private
	 * copy-on-write pages (the overlay) and never reach the file.
	 */
	m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE,
		 fd, 0);
	if (m == MAP_FAILED)
		return error_set(e, -errno, "cannot map the image: %s",
				 strerror(errno));
	p->map = m;
	p->map_len = len;
	p->fd = fd;
	return 0;
}

int
phys_add_file_range(struct phys *p, u64 start, u64 len, u64 off,
		    struct error *e)
{
	if (off > p->map_len || len > p->map_len - off)
		return error_set(e, -EINVAL, "file range 0x%llx+0x%llx lies "
				 "beyond the end of the image",
				 (unsigned long long)off,
				 (unsigned long long)len);
	return phys_insert(p, start, len, (u8 *)p->map + off, PHYS_FILE, e);
}

int
phys_add_lazy_range(struct phys *p, u64 start, u64 len, struct error *e)
{
	u8 *h = phys_lazy_host(p, start, len);

	if (h == NULL)
		return error_set(e, -EINVAL, "paged range 0x%llx+0x%llx lies "
				 "outside the image's span or is not page "
				 "aligned", (unsigned long long)start,
				 (unsigned long long)len);
	return phys_insert(p, start, len, h, PHYS_LAZY, e);
}

int
phys_add_zero_range(struct phys *p, u64 start, u64 len, struct error *e)
{
	void *m;
	int r;

	if (len == 0)
		return 0;
	if (len != (size_t)len)
		return error_set(e, -ENOMEM, "zero-filled range of 0x%llx bytes "
				 "is too large for this host",
				 (unsigned long long)len);
	m = mmap(NULL, (size_t)len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m == MAP_FAILED)
		return error_set(e, -ENOMEM, "cannot map a zero-filled range of "
				 "0x%llx bytes: %s", (unsigned long long)len,
				 strerror(errno));
	r = phys_insert(p, start, len, m, PHYS_ZERO, e);
	if (r) {
		munmap(m, (size_t)len);
		return r;
	}
	/* grown by doubling: an image can have tens of thousands */
	if ((p->nzmap & (p->nzmap - 1)) == 0)
		p->zmap = xrealloc(p->zmap, (size_t)(p->nzmap ? 2 * p->nzmap :
						     1) * sizeof(*p->zmap));
	p->zmap[p->nzmap].addr = m;
	p->zmap[p->nzmap].len = (size_t)len;
	p->nzmap++;
	return 0;
}

const struct phys_range *
phys_find(struct phys *p, u64 pa)
{
	int lo = 0, hi = p->nr - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct phys_range *r = &p->r[mid];

		if (pa < r->start)
			hi = mid - 1;
		else if (pa - r->start >= r->size)
			lo = mid + 1;
		else {
			p->hint = mid;
			return r;
		}
	}
	return NULL;
}

u8 *
phys_lookup_slow(struct phys *p, u64 pa, u64 len)
{
	const struct phys_range *r = p->nr > 0 ? &p->r[p->hint] : NULL;
	u64 off;

	if (r == NULL || pa - r->start >= r->size)
		r = phys_find(p, pa);
	if (r == NULL)
		return NULL;
	if (r->flags & PHYS_LAZY)
		return phys_lazy_ptr(p, r, pa, len, false, NULL, 0);
	off = pa - r->start;
	if (r->size - off < len)
		return NULL;
	return r->host + off;
}

u64
phys_readable(struct phys *p, u64 pa, u64 len)
{
	u64 ok = 0;

	while (ok < len) {
		const struct phys_range *r = phys_find(p, pa + ok);
		u64 n;

		if (r == NULL)
			break;
		n = MIN(len - ok, r->size - (pa + ok - r->start));
		if (r->flags & PHYS_LAZY) {
			n = MIN(n, PAGE_SIZE - ((pa + ok) & (PAGE_SIZE - 1)));
			if (phys_lazy_ptr(p, r, pa + ok, n, false, NULL, 0) ==
			    NULL)
				break;
		}
		ok += n;
	}
	return ok;
}

bool
phys_is_ram(struct phys *p, u64 pa)
{
	return phys_find(p, pa) != NULL;
}

void
phys_describe_hole(struct phys *p, u64 pa, char *buf, size_t n)
{
	const struct phys_range *r = phys_find(p, pa);
	int i;
	u64 prev_end = 0;

	if (r != NULL && (r->flags & PHYS_LAZY)) {
		pa &= PAGE_MASK;
		snprintf(buf, n, "readable");
		phys_lazy_ptr(p, r, pa, PAGE_SIZE, false, buf, n);
		return;
	}
	if (p->nr == 0) {
		snprintf(buf, n, "no physical memory");
		return;
	}
	if (pa >= p->r[p->nr - 1].start + p->r[p->nr - 1].size) {
		snprintf(buf, n, "beyond the end of physical memory (0x%llx)",
			 (unsigned long long)(p->r[p->nr - 1].start +
					      p->r[p->nr - 1].size));
		return;
	}
	for (i = 0; i < p->nr; i++) {
		if (pa < p->r[i].start) {
			if (i == 0)
				snprintf(buf, n, "below the start of physical "
					 "memory (0x%llx)",
					 (unsigned long long)p->r[0].start);
			else
				snprintf(buf, n, "in the hole 0x%llx-0x%llx "
					 "between physical ranges",
					 (unsigned long long)prev_end,
					 (unsigned long long)(p->r[i].start - 1));
			return;
		}
		prev_end = p->r[i].start + p->r[i].size;
	}
	snprintf(buf, n, "not backed");
}

/*
 * RAM
 */

static inline bool
frame_dirty(const struct phys *p, u64 f)
{
	return p->dirty[f >> 6] & (1ULL << (f & 63));
}

static bool
all_zero(const u8 *h, size_t n)
{
	u64 w[8];
	size_t i = 0;

	/* 64 bytes at a time: data usually shows in the first block */
	for (; i + sizeof(w) <= n; i += sizeof(w)) {
		memcpy(w, h + i, sizeof(w));
		if (w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7])
			return false;
	}
	for (; i < n; i++)
		if (h[i])
			return false;
	return true;
}

/* Clear frames [f0, f1), all dirty: give long spans back to the host. */
static void
clear_frames(struct phys *p, u64 f0, u64 f1)
{
	u8 *h = p->ram + (f0 << PAGE_SHIFT);
	size_t n = (size_t)((f1 - f0) << PAGE_SHIFT);
	long psz = sysconf(_SC_PAGESIZE);
	u64 f;

	if (f1 - f0 < ADVISE_FRAMES || psz <= 0 ||
	    ((uintptr_t)h | n) & (uintptr_t)(psz - 1) ||
	    madvise(h, n, MADV_DONTNEED) != 0)
		memset(h, 0, n);
	for (f = f0; f < f1; f++)
		p->dirty[f >> 6] &= ~(1ULL << (f & 63));
}

/*
 * Store n bytes of src (NULL: zeros) at byte off of RAM.  Clean frames
 * stay clean when what they receive is zeros.
 */
static void
ram_store(struct phys *p, u64 off, const u8 *src, u64 n)
{
	u64 run = 0, nrun = 0;	/* whole dirty frames to clear */

	while (n > 0) {
		u64 f = off >> PAGE_SHIFT, o = off & (PAGE_SIZE - 1);
		u64 k = MIN(n, PAGE_SIZE - o);
		bool zeros = src == NULL ||
			(k == PAGE_SIZE && all_zero(src, PAGE_SIZE));

		if (zeros && k == PAGE_SIZE) {
			if (frame_dirty(p, f)) {
				if (nrun > 0 && run + nrun != f) {
					clear_frames(p, run, run + nrun);
					nrun = 0;
				}
				if (nrun++ == 0)
					run = f;
			}
		} else if (zeros) {
			if (frame_dirty(p, f))
				memset(p->ram + off, 0, k);
		} else {
			memcpy(p->ram + off, src, k);
			p->dirty[f >> 6] |= 1ULL << (f & 63);
		}
		off += k;
		n -= k;
		if (src != NULL)
			src += k;
	}
	if (nrun > 0)
		clear_frames(p, run, run + nrun);
}

/* Read n bytes at byte off of RAM: clean frames are zeros, unread. */
static void
ram_load(struct phys *p, u64 off, u8 *buf, u64 n)
{
	while (n > 0) {
		u64 f = off >> PAGE_SHIFT;
		u64 k = MIN(n, PAGE_SIZE - (off & (PAGE_SIZE - 1)));

		if (frame_dirty(p, f))
			memcpy(buf, p->ram + off, k);
		else
			memset(buf, 0, k);
		off += k;
		n -= k;
		buf += k;
	}
}

static int
phys_copy(struct phys *p, u64 pa, void *buf, const void *src, u64 len,
	  struct error *e)
{
	while (len > 0) {
		const struct phys_range *r = phys_find(p, pa);
		u64 off, n;

		if (r == NULL) {
			char why[160];

			phys_describe_hole(p, pa, why, sizeof(why));
			return error_set(e, -EFAULT, "physical address 0x%llx "
					 "is %s", (unsigned long long)pa, why);
		}
		off = pa - r->start;
		n = MIN(len, r->size - off);
		if (r->flags & PHYS_LAZY) {
			char why[200];

			/* page by page: a pointer may be dropped after */
			n = MIN(n, PAGE_SIZE - (pa & (PAGE_SIZE - 1)));
			if (phys_lazy_ptr(p, r, pa, n, buf == NULL, why,
					  sizeof(why)) == NULL)
				return error_set(e, -EIO, "physical address "
						 "0x%llx is %s",
						 (unsigned long long)pa, why);
		}
		if (r->host == p->ram && p->ram != NULL) {
			if (buf != NULL)
				ram_load(p, off, buf, n);
			else
				ram_store(p, off, src, n);
		} else if ((r->flags & PHYS_FILE) &&
			   (buf != NULL || src != NULL)) {
			/* an image file truncated under ptwalk: an error */
			int rc = buf ? hostmap_copy(buf, r->host + off, n, e) :
				hostmap_copy(r->host + off, src, n, e);

			if (rc)
				return rc;
		} else if (buf != NULL) {
			memcpy(buf, r->host + off, n);
		} else if (src != NULL) {
			memcpy(r->host + off, src, n);
		} else {
			memset(r->host + off, 0, n);
		}
		if (buf != NULL)
			buf = (u8 *)buf + n;
		if (src != NULL)
			src = (const u8 *)src + n;
		pa += n;
		len -= n;
	}
	return 0;
}

int
phys_read(struct phys *p, u64 pa, void *buf, u64 len, struct error *e)
{
	return phys_copy(p, pa, buf, NULL, len, e);
}

int
phys_write(struct phys *p, u64 pa, const void *buf, u64 len, struct error *e)
{
	return phys_copy(p, pa, NULL, buf, len, e);
}

int
phys_zero(struct phys *p, u64 pa, u64 len, struct error *e)
{
	return phys_copy(p, pa, NULL, NULL, len, e);
}

/* The RAM frame of pa, or -1 when pa is not in RAM. */
static s64
ram_frame(struct phys *p, const struct phys_range *r, u64 pa)
{
	if (p->ram == NULL || r->host != p->ram)
		return -1;
	return (s64)((pa - r->start) >> PAGE_SHIFT);
}

bool
phys_frame_touched(struct phys *p, u64 pa)
{
	const struct phys_range *r = phys_find(p, pa);
	unsigned char vec = 0;
	uintptr_t h;
	long psz = sysconf(_SC_PAGESIZE);
	s64 f;

	if (r == NULL)
		return false;
	if (r->flags & PHYS_LAZY)
		return true;
	if ((f = ram_frame(p, r, pa)) >= 0)
		return frame_dirty(p, (u64)f);
	h = (uintptr_t)(r->host + (pa - r->start));
	h &= ~(uintptr_t)(psz - 1);
	if (mincore((void *)h, (size_t)psz, &vec) != 0)
		return true;
	return vec & 1;
}

int
phys_residency(struct phys *p, u64 pa, u64 len, unsigned char *vec)
{
	const struct phys_range *r = phys_find(p, pa);
	long psz = sysconf(_SC_PAGESIZE);
	uintptr_t h, end;
	u64 i, n = len >> PAGE_SHIFT;
	s64 f;

	if (r == NULL || r->size - (pa - r->start) < len)
		return -1;
	if ((f = ram_frame(p, r, pa)) >= 0 && !(pa & (PAGE_SIZE - 1))) {
		for (i = 0; i < n; i++)
			vec[i] = frame_dirty(p, (u64)f + i);
		return 0;
	}
	if (r->flags & PHYS_LAZY) {
		/* a compressed image: every page in the file holds data */
		memset(vec, 1, n);
		return 0;
	}
	h = (uintptr_t)(r->host + (pa - r->start));
	end = h + len;
	if (psz != (long)PAGE_SIZE || (h & (PAGE_SIZE - 1))) {
		/* unusual host pages or an unaligned file range: all data */
		memset(vec, 1, n);
		return 0;
	}
	if (mincore((void *)h, end - h, vec) != 0)
		for (i = 0; i < n; i++)
			vec[i] = 1;
	return 0;
}
