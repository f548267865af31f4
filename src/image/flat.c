// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Flattened dumps (makedumpfile -F, for dumps sent through a pipe), read in
 * place.  The file (makedumpfile.h, "flattened format"):
 *
 *   0      struct makedumpfile_header { char signature[16] "makedumpfile";
 *          int64 type (1); int64 version (1); }, padded to 4096 bytes
 *   4096   records: struct makedumpfile_data_header { int64 offset;
 *          int64 buf_size; } then buf_size bytes that belong at offset
 *          of the dump that 'makedumpfile -R' rebuilds
 *   end    a record header of offset -1, buf_size -1
 *
 * The integers are big-endian.  Records come in the order makedumpfile
 * wrote them: page descriptors and page data interleave, so offsets go
 * back and forth; bytes no record writes are zeros (the holes of the
 * rebuilt file), and where two records write the same bytes the later
 * one counts, as in the rebuilt file.  Opening reads the 16-byte record
 * headers into an index of extents sorted by offset; the data stays in
 * the mapped file and is copied out only when a page is read.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "image_fmt.h"
#include "ptwalk/hostmap.h"

#define FLAT_HDR_SIZE	4096
#define FLAT_REC_HDR	16

struct flat_rec {
	u64 off, size;		/* where it belongs in the dump */
	u64 foff;		/* where its bytes are in the file */
};

struct flat {
	const u8 *map;
	u64 size;		/* of the flattened file */
	struct flat_rec *r;	/* by off */
	size_t n;
	size_t nrec;		/* records in the file */
	bool cut;		/* the file ends before its end marker */
	u64 lsize;		/* of the dump it holds */
};

static u64
be64(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static int
rec_cmp(const void *a, const void *b)
{
	const struct flat_rec *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

static int
u64_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* The record headers from FLAT_HDR_SIZE to the end marker. */
static void
flat_scan(struct flat *f, struct image_info *ii, size_t *alloc)
{
	u64 pos = FLAT_HDR_SIZE;

	for (;;) {
		u64 off, sz;

		if (f->size - pos < FLAT_REC_HDR) {
			image_warn(ii, "the flattened dump ends at byte %llu "
				   "without its end marker: a truncated dump; "
				   "pages past the cut are unreadable",
				   (unsigned long long)f->size);
			f->cut = true;
			return;
		}
		off = be64(f->map + pos);
		sz = be64(f->map + pos + 8);
		if (off == ~0ULL && sz == ~0ULL)
			return;
		if ((off | sz) >> 62 || sz > f->size - pos - FLAT_REC_HDR) {
			image_warn(ii, "the flattened dump's record at byte %llu "
				   "(%llu bytes for offset 0x%llx) runs past "
				   "the end of the file (%llu bytes): a "
				   "truncated dump; pages past the cut are "
				   "unreadable", (unsigned long long)pos,
				   (unsigned long long)sz,
				   (unsigned long long)off,
				   (unsigned long long)f->size);
			f->cut = true;
			return;
		}
		if (sz > 0) {
			if (f->n == *alloc) {
				*alloc = *alloc ? *alloc * 2 : 256;
				f->r = xrealloc(f->r, *alloc * sizeof(*f->r));
			}
			f->r[f->n].off = off;
			f->r[f->n].size = sz;
			f->r[f->n].foff = pos + FLAT_REC_HDR;
			f->n++;
		}
		pos += FLAT_REC_HDR + sz;
	}
}

/* Emit [a, b) from record w, or extend the last extent if it continues. */
static void
flat_emit(struct flat_rec *out, size_t *n, const struct flat_rec *w, u64 a,
	  u64 b)
{
	struct flat_rec *l = *n ? &out[*n - 1] : NULL;
	u64 foff = w->foff + (a - w->off);

	if (l != NULL && l->off + l->size == a && l->foff + l->size == foff) {
		l->size += b - a;
		return;
	}
	out[*n].off = a;
	out[*n].size = b - a;
	out[*n].foff = foff;
	(*n)++;
}

/*
 * Records by offset, as 'makedumpfile -R' would lay them out: where two
 * write the same bytes (makedumpfile -E -F writes the program headers
 * again at the end) the later one in the file wins.  A sweep over the
 * records' ends with the records that cover each piece.
 */
static int
flat_resolve(struct flat *f, const char *path, struct error *e)
{
	size_t np = 2 * f->n, i, j = 0, na = 0, no = 0, k;
	u64 *pt = xmalloc(np * sizeof(*pt));
	struct flat_rec *out = xmalloc(np * sizeof(*out)), *act[64];

	qsort(f->r, f->n, sizeof(*f->r), rec_cmp);
	for (i = 0; i < f->n; i++) {
		pt[2 * i] = f->r[i].off;
		pt[2 * i + 1] = f->r[i].off + f->r[i].size;
	}
	qsort(pt, np, sizeof(*pt), u64_cmp);
	for (i = 0; i + 1 < np; i++) {
		const struct flat_rec *w = NULL;

		if (pt[i] == pt[i + 1])
			continue;
		for (k = 0; k < na; k++)	/* drop those that ended */
			if (act[k]->off + act[k]->size <= pt[i])
				act[k--] = act[--na];
		for (; j < f->n && f->r[j].off <= pt[i]; j++) {
			if (na == 64) {
				int r = error_set(e, -EINVAL, "'%s': more than "
						  "64 records of the flattened "
						  "dump write offset 0x%llx: a "
						  "damaged dump", path,
						  (unsigned long long)pt[i]);

				free(pt);
				free(out);
				return r;
			}
			act[na++] = &f->r[j];
		}
		for (k = 0; k < na; k++)
			if (w == NULL || act[k]->foff > w->foff)
				w = act[k];
		if (w != NULL)
			flat_emit(out, &no, w, pt[i], pt[i + 1]);
	}
	free(pt);
	free(f->r);
	f->r = out;
	f->n = no;
	return 0;
}

int
flat_open(const u8 *map, u64 size, const char *path, struct image_info *ii,
	  struct flat **out, struct error *e)
{
	struct flat *f;
	size_t alloc = 0;
	u64 type, version;

	*out = NULL;
	if (size < FLAT_HDR_SIZE + FLAT_REC_HDR)
		return error_set(e, -EINVAL, "'%s' is a flattened dump "
				 "(makedumpfile -F) cut short inside its header "
				 "(%llu bytes)", path, (unsigned long long)size);
	type = be64(map + 16);
	version = be64(map + 24);
	if (type != 1 || version != 1)
		return error_set(e, -EINVAL, "'%s' is a flattened dump of type "
				 "%llu version %llu: ptwalk reads type 1 version "
				 "1; rebuild the dump with 'makedumpfile -R DUMP "
				 "< FILE' and open DUMP", path,
				 (unsigned long long)type,
				 (unsigned long long)version);
	f = xcalloc(1, sizeof(*f));
	f->map = map;
	f->size = size;
	flat_scan(f, ii, &alloc);
	f->nrec = f->n;
	if (f->n == 0) {
		flat_free(f);
		return error_set(e, -EINVAL, "'%s': the flattened dump holds no "
				 "record", path);
	}
	if (flat_resolve(f, path, e)) {
		flat_free(f);
		return -1;
	}
	f->lsize = f->r[f->n - 1].off + f->r[f->n - 1].size;
	*out = f;
	return 0;
}

u64
flat_size(const struct flat *f)
{
	return f->lsize;
}

size_t
flat_records(const struct flat *f)
{
	return f->nrec;
}

/* The last record that starts at or before off, or -1. */
static ssize_t
flat_find(const struct flat *f, u64 off)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->r[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo - 1;
}

int
flat_read(const struct flat *f, u64 off, void *dst, u64 len, bool holes,
	  struct error *e)
{
	u8 *d = dst;

	if (off > f->lsize || len > f->lsize - off)
		return error_set(e, -EINVAL, "offset 0x%llx of the dump lies "
				 "beyond its last record (0x%llx)",
				 (unsigned long long)(off + len),
				 (unsigned long long)f->lsize);
	while (len > 0) {
		ssize_t i = flat_find(f, off);
		const struct flat_rec *r = i >= 0 ? &f->r[i] : NULL;
		u64 n;

		if (r != NULL && off < r->off + r->size) {
			n = MIN(len, r->off + r->size - off);
			if (hostmap_copy(d, f->map + r->foff + (off - r->off),
					 (size_t)n, e))
				return -1;
		} else if (f->cut && !holes) {
			return error_set(e, -EIO, "offset 0x%llx of the dump is "
					 "in no record of the flattened dump, "
					 "which is cut short: a truncated dump",
					 (unsigned long long)off);
		} else {	/* a hole up to the next record */
			n = MIN(len, f->r[i + 1].off - off);
			memset(d, 0, (size_t)n);
		}
		d += n;
		off += n;
		len -= n;
	}
	return 0;
}

void
flat_free(struct flat *f)
{
	if (f == NULL)
		return;
	free(f->r);
	free(f);
}
