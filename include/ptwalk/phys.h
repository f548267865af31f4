/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Physical memory: the only way any layer reaches RAM.
 *
 * Simulated RAM is one sparse anonymous mapping (untouched frames cost the
 * host nothing); a memory image is one private mapping of the file whose
 * ranges (ELF PT_LOAD or raw) become physical ranges.  Writes to an image
 * land in private copy-on-write pages of that mapping: the file on disk is
 * never changed.
 *
 * RAM frames that hold data are known: a bit per frame (`dirty`) is set by
 * every write, which goes through phys_write_entry(), phys_write(),
 * phys_zero() or a pointer from phys_ptr_w(); phys_ptr() is for reading,
 * or for writing into frames marked beforehand (SLUB marks a new slab's
 * frames with phys_ptr_w(), then writes its free pointers through it).
 * A frame without the bit reads as zeros, so zeroing it (__GFP_ZERO, a new
 * page table) or copying zeros into it writes nothing, and reading it
 * reads nothing: touching 4 GiB of anonymous memory or vzalloc(2G) costs
 * the host only the page descriptors, not 4 KiB a frame.
 */
#ifndef PTWALK_PHYS_H
#define PTWALK_PHYS_H

#include <string.h>
#include "types.h"
#include "util.h"

#define PHYS_RAM	0x1	/* simulated RAM */
#define PHYS_FILE	0x2	/* backed by an image file */
#define PHYS_ZERO	0x4	/* image: zero-filled (ELF p_memsz > p_filesz) */
#define PHYS_LAZY	0x8	/* image: pages filled on first access */

/*
 * The pages of a compressed image, filled into a private anonymous
 * mapping on first access (src/hw/phys_lazy.c).  fill() writes the page
 * at physical pa (page aligned) into dst, or says why it cannot (excluded
 * from the dump, a corrupt stream...) and returns -1.
 */
struct phys_pager {
	int (*fill)(void *ctx, u64 pa, u8 *dst, char *why, size_t n);
	void (*release)(void *ctx);
	void *ctx;
};
struct phys_lazy;

struct phys_range {
	u64 start, size;	/* physical [start, start + size) */
	u8 *host;		/* host address of start */
	unsigned flags;
};

struct phys {
	struct phys_range *r;	/* sorted by start, non-overlapping */
	int nr, alloc;
	int hint;		/* last range hit */
	void *map;		/* the one host mapping (RAM or file) */
	size_t map_len;
	int fd;			/* image file or -1 */
	u64 total;		/* bytes in all ranges */
	struct phys_zmap {	/* anonymous mappings of PHYS_ZERO ranges */
		void *addr;
		size_t len;
	} *zmap;
	int nzmap;
	/* simulated RAM: its host mapping and a bit per frame with data */
	u8 *ram;
	u64 ram_len;		/* 0: no RAM (an image) */
	u64 *dirty;
	size_t dirty_len;	/* bytes of the bitmap's own mapping */
	struct phys_lazy *lazy;	/* the pages of PHYS_LAZY ranges, or NULL */
};

void phys_init(struct phys *p);
void phys_release(struct phys *p);
/* Simulated RAM [base, base + size), zero-filled, lazily backed. */
int phys_add_ram(struct phys *p, u64 base, u64 size, struct error *e);
/*
 * Image: map the whole file privately; phys_add_file_range() then makes
 * file bytes [off, off + len) the physical range [start, start + len).
 */
int phys_map_file(struct phys *p, int fd, size_t len, struct error *e);
int phys_add_file_range(struct phys *p, u64 start, u64 len, u64 off,
			struct error *e);

/* Image: [start, start + len) reads as zeros (private, writable). */
int phys_add_zero_range(struct phys *p, u64 start, u64 len, struct error *e);

/*
 * Image: physical [lo, hi) is read page by page through pg, with at most
 * cache_pages pages kept (written pages are kept for good); then
 * phys_add_lazy_range() makes [start, start + len) of it memory.
 */
int phys_lazy_init(struct phys *p, u64 lo, u64 hi, const struct phys_pager *pg,
		   u64 cache_pages, struct error *e);
int phys_add_lazy_range(struct phys *p, u64 start, u64 len, struct error *e);
void phys_lazy_set_cache(struct phys *p, u64 cache_pages);
/* Pages filled and dropped since the start; the cache's size in pages. */
void phys_lazy_stats(const struct phys *p, u64 *filled, u64 *dropped,
		     u64 *cache_pages);
u8 *phys_lazy_host(struct phys *p, u64 start, u64 len);
u8 *phys_lazy_ptr(struct phys *p, const struct phys_range *r, u64 pa, u64 len,
		  bool pin, char *why, size_t n);
void phys_lazy_release(struct phys *p);

const struct phys_range *phys_find(struct phys *p, u64 pa);
u8 *phys_lookup_slow(struct phys *p, u64 pa, u64 len);

/*
 * Host pointer to [pa, pa + len) when the whole span lies in one range,
 * else NULL: for reading.  This is the walker's hot path: one compare in
 * the common case.
 */
static inline u8 *
phys_ptr(struct phys *p, u64 pa, u64 len)
{
	const struct phys_range *r = &p->r[p->hint];
	u64 off = pa - r->start;

	if (likely(p->nr > 0 && off < r->size && r->size - off >= len &&
		   !(r->flags & PHYS_LAZY)))
		return r->host + off;
	return phys_lookup_slow(p, pa, len);
}

/* The RAM frames of host bytes [h, h + len) may hold data from now on. */
static inline void
phys_mark_dirty(struct phys *p, const u8 *h, u64 len)
{
	/* no RAM: ram_len 0, and no offset is below it */
	u64 off = (u64)((uintptr_t)h - (uintptr_t)p->ram), f, last;

	if (likely(off < p->ram_len && len > 0)) {
		last = (off + len - 1) >> PAGE_SHIFT;
		for (f = off >> PAGE_SHIFT; f <= last; f++)
			p->dirty[f >> 6] |= 1ULL << (f & 63);
	}
}

/* As phys_ptr(), for writing up to len bytes through the pointer. */
static inline u8 *
phys_ptr_w(struct phys *p, u64 pa, u64 len)
{
	u8 *h;

	if (unlikely(p->lazy != NULL)) {
		const struct phys_range *r = phys_find(p, pa);

		if (r != NULL && (r->flags & PHYS_LAZY))
			return phys_lazy_ptr(p, r, pa, len, true, NULL, 0);
	}
	h = phys_ptr(p, pa, len);
	if (h != NULL)
		phys_mark_dirty(p, h, len);
	return h;
}

static inline bool
phys_read_entry(struct phys *p, u64 pa, unsigned size, u64 *val)
{
	u8 *h = phys_ptr(p, pa, size);

	if (unlikely(h == NULL))
		return false;
	if (size == 8) {
		memcpy(val, h, 8);
	} else {
		u32 v;

		memcpy(&v, h, 4);
		*val = v;
	}
	return true;
}

static inline bool
phys_write_entry(struct phys *p, u64 pa, unsigned size, u64 val)
{
	u8 *h = phys_ptr_w(p, pa, size);

	if (unlikely(h == NULL))
		return false;
	if (size == 8) {
		memcpy(h, &val, 8);
	} else {
		u32 v = (u32)val;

		memcpy(h, &v, 4);
	}
	return true;
}

/* Copy across ranges; the error names the hole or the end of RAM. */
int phys_read(struct phys *p, u64 pa, void *buf, u64 len, struct error *e);
int phys_write(struct phys *p, u64 pa, const void *buf, u64 len,
	       struct error *e);
/*
 * Zeroing and copying into RAM keep frames without data free on the host:
 * pages of zeros are left alone (or given back with MADV_DONTNEED), so
 * only frames that hold data use host memory.
 */
int phys_zero(struct phys *p, u64 pa, u64 len, struct error *e);
/* Bytes of [pa, pa + len) readable from pa on, up to the first gap. */
u64 phys_readable(struct phys *p, u64 pa, u64 len);
/* Explain why pa is not backed: "beyond RAM", "in a hole ...". */
void phys_describe_hole(struct phys *p, u64 pa, char *buf, size_t n);
bool phys_is_ram(struct phys *p, u64 pa);
/* May this frame hold data (written, host-resident)?  Used by save. */
bool phys_frame_touched(struct phys *p, u64 pa);
/*
 * Residency of the frames of [pa, pa + len) inside one range: vec[i] bit 0
 * set when frame i may hold data (RAM: written since it was last zeroed;
 * an image: host-resident).  0 or -1 when the span is not in one range.
 */
int phys_residency(struct phys *p, u64 pa, u64 len, unsigned char *vec);

#endif
