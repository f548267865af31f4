// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * LiME and AVML memory images, and the detection of every dump format
 * other than ELF and raw by its first bytes.
 *
 * LiME (the Linux Memory Extractor, lime-forensics' "lime" format): each
 * physical range is a 32-byte header, then its bytes:
 *	u32 magic 0x4C694D45 ("EMiL"), u32 version 1,
 *	u64 s_addr, u64 e_addr (inclusive), u8 reserved[8]
 * AVML (Microsoft's acquisition tool) version 2: the same header with the
 * magic "AVML" and version 2, then the range's bytes as a Snappy framed
 * stream (https://github.com/google/snappy/blob/main/framing_format.txt),
 * then a u64 with the stream's length in bytes.  AVML writes ranges of at
 * most 16 MiB this way and leaves all-zero ones out.
 *
 * LiME ranges are mapped from the file as ELF PT_LOADs are; AVML ranges
 * are paged in: opening reads the chunk headers of each stream (the
 * uncompressed length of each chunk is a varint at its start), and a page
 * read decompresses the one chunk (at most 64 KiB) that holds it.
 */
#include <errno.h>
#include <snappy-c.h>
#include <stdlib.h>
#include <string.h>

#include "image_fmt.h"
#include "ptwalk/hostmap.h"

#define LIME_MAGIC	0x4C694D45u
#define AVML_MAGIC	0x4C4D5641u
#define LIME_HDR	32
#define SNAPPY_CHUNK	65536
/* AVML's block limit; a range of any size is read */
#define AVML_MAX_RANGE	(1ULL << 40)

static u64
rd(const u8 *p, unsigned size)
{
	u64 v = 0;

	memcpy(&v, p, size);
	return v;
}

int
image_fmt_detect(const u8 *h, size_t n, const char **why)
{
	*why = NULL;
	if (n >= 8 && !memcmp(h, "KDUMP   ", 8))
		return IMG_KDUMP;
	if (n >= 8 && !memcmp(h, "DISKDUMP", 8)) {
		*why = "a dump of the old diskdump driver (\"DISKDUMP\"): ptwalk "
			"reads kdump-compressed dumps (\"KDUMP   \"), ELF cores, "
			"LiME, AVML and raw files";
		return -1;
	}
	if (n >= 12 && !memcmp(h, "makedumpfile", 12))
		return IMG_KDUMP;	/* flattened: kdump_open reads it */
	if (n >= 8 && rd(h, 4) == LIME_MAGIC) {
		if (rd(h + 4, 4) != 1) {
			*why = "a LiME image of a version other than 1: ptwalk "
				"reads LiME version 1";
			return -1;
		}
		return IMG_LIME;
	}
	if (n >= 8 && rd(h, 4) == AVML_MAGIC) {
		if (rd(h + 4, 4) != 2) {
			*why = "an AVML image of a version other than 2: ptwalk "
				"reads AVML version 2 (and LiME)";
			return -1;
		}
		return IMG_AVML;
	}
	return -1;
}

/* One chunk of an AVML range's Snappy stream. */
struct avml_chunk {
	u64 pa;			/* physical address of its first byte */
	u64 off;		/* file offset of its data (after the CRC) */
	u32 clen, ulen;		/* compressed (0: stored) and data length */
};

struct avml {
	const u8 *map;
	u64 size;
	struct avml_chunk *c;	/* by pa */
	size_t nc, alloc;
	ssize_t cached;		/* chunk decompressed in buf, or -1 */
	u8 cbuf[SNAPPY_CHUNK + 64];
	u8 buf[SNAPPY_CHUNK];
};

/* CRC-32C (Castagnoli), masked as the Snappy framing format stores it. */
static u32
crc32c_masked(const u8 *p, size_t n)
{
	u32 crc = ~0u;
	int k;

	while (n--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1)));
	}
	crc = ~crc;
	return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

static struct avml_chunk *
avml_find(struct avml *a, u64 pa)
{
	size_t lo = 0, hi = a->nc;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct avml_chunk *c = &a->c[mid];

		if (pa < c->pa)
			hi = mid;
		else if (pa - c->pa >= c->ulen)
			lo = mid + 1;
		else
			return c;
	}
	return NULL;
}

/* Decompress chunk c into a->buf (checked against its CRC). */
static int
avml_chunk_load(struct avml *a, struct avml_chunk *c, char *why, size_t n)
{
	u32 len = c->clen ? c->clen : c->ulen, crc;
	size_t out = sizeof(a->buf);
	struct error e;

	if (a->cached == c - a->c)
		return 0;
	a->cached = -1;
	if (hostmap_copy(a->cbuf, a->map + c->off - 4, len + 4, &e)) {
		snprintf(why, n, "unreadable: %s", e.msg);
		return -1;
	}
	crc = (u32)rd(a->cbuf, 4);
	if (c->clen == 0) {
		memcpy(a->buf, a->cbuf + 4, len);
	} else if (snappy_uncompress((const char *)a->cbuf + 4, len,
				     (char *)a->buf, &out) != SNAPPY_OK ||
		   out != c->ulen) {
		snprintf(why, n, "unreadable: the Snappy chunk at offset 0x%llx "
			 "(physical 0x%llx) does not decompress",
			 (unsigned long long)(c->off - 8),
			 (unsigned long long)c->pa);
		return -1;
	}
	if (crc32c_masked(a->buf, c->ulen) != crc) {
		snprintf(why, n, "unreadable: the Snappy chunk at offset 0x%llx "
			 "(physical 0x%llx) fails its CRC check",
			 (unsigned long long)(c->off - 8),
			 (unsigned long long)c->pa);
		return -1;
	}
	a->cached = c - a->c;
	return 0;
}

static int
avml_fill(void *ctx, u64 pa, u8 *dst, char *why, size_t n)
{
	struct avml *a = ctx;
	u64 done = 0;

	while (done < PAGE_SIZE) {
		struct avml_chunk *c = avml_find(a, pa + done);
		u64 o, k;

		if (c == NULL) {
			snprintf(why, n, "not in the image (AVML leaves out "
				 "blocks of zeros)");
			return -1;
		}
		if (avml_chunk_load(a, c, why, n))
			return -1;
		o = pa + done - c->pa;
		k = MIN(PAGE_SIZE - done, c->ulen - o);
		memcpy(dst + done, a->buf + o, k);
		done += k;
	}
	return 0;
}

static void
avml_release(void *ctx)
{
	struct avml *a = ctx;

	free(a->c);
	free(a);
}

/*
 * The chunks of the Snappy stream of the range [pa, pa + len) at file
 * offset off; *end is the offset after the stream.
 */
static int
avml_stream(struct avml *a, u64 pa, u64 len, u64 off, u64 *end,
	    const char *path, struct error *e)
{
	u64 got = 0, pos = off;

	while (got < len) {
		u32 clen, type;
		size_t ulen = 0;

		if (a->size - pos < 4)
			return error_set(e, -EINVAL, "'%s': the AVML range at "
					 "physical 0x%llx is cut short at offset "
					 "0x%llx: a truncated image", path,
					 (unsigned long long)pa,
					 (unsigned long long)pos);
		type = a->map[pos];
		clen = (u32)rd(a->map + pos + 1, 3);
		if (clen > a->size - pos - 4)
			return error_set(e, -EINVAL, "'%s': the Snappy chunk at "
					 "offset 0x%llx (%u bytes) ends beyond the "
					 "end of the file: a truncated image", path,
					 (unsigned long long)pos, clen);
		if (type == 0x00 || type == 0x01) {
			if (clen >= 4 && type == 0x01)
				ulen = clen - 4;
			else if (clen >= 4 && snappy_uncompressed_length(
				(const char *)a->map + pos + 8, clen - 4,
				&ulen) != SNAPPY_OK)
				ulen = 0;
			if (clen < 4 || clen - 4 > SNAPPY_CHUNK + 32 ||
			    ulen == 0 || ulen > SNAPPY_CHUNK || ulen > len - got)
				return error_set(e, -EINVAL, "'%s': the Snappy "
						 "chunk at offset 0x%llx has a bad "
						 "length", path,
						 (unsigned long long)pos);
			if (a->nc == a->alloc) {
				a->alloc = a->alloc ? 2 * a->alloc : 64;
				a->c = xrealloc(a->c, a->alloc * sizeof(*a->c));
			}
			a->c[a->nc].pa = pa + got;
			a->c[a->nc].off = pos + 8;
			a->c[a->nc].clen = type == 0x00 ? clen - 4 : 0;
			a->c[a->nc].ulen = (u32)ulen;
			a->nc++;
			got += ulen;
		} else if (type < 0x80) {
			return error_set(e, -EINVAL, "'%s': the Snappy chunk at "
					 "offset 0x%llx has the reserved type "
					 "0x%02x", path, (unsigned long long)pos,
					 type);
		}
		pos += 4 + (u64)clen;
	}
	*end = pos;
	return 0;
}

/* One range header: [*s, *e] inclusive, page aligned for AVML. */
static int
range_header(const u8 *h, u32 magic, u64 pos, u64 *s, u64 *len,
	     const char *path, struct error *e)
{
	u64 end;

	if ((u32)rd(h, 4) != magic)
		return error_set(e, -EINVAL, "'%s': no range header at offset "
				 "0x%llx (the magic is 0x%08llx): a damaged "
				 "image", path, (unsigned long long)pos,
				 (unsigned long long)rd(h, 4));
	*s = rd(h + 8, 8);
	end = rd(h + 16, 8);
	if (end < *s || end - *s >= AVML_MAX_RANGE)
		return error_set(e, -EINVAL, "'%s': the range header at offset "
				 "0x%llx gives physical 0x%llx-0x%llx", path,
				 (unsigned long long)pos, (unsigned long long)*s,
				 (unsigned long long)end);
	*len = end - *s + 1;
	return 0;
}

/* LiME: each range mapped from the file; cut or overlapping ones warned. */
static int
lime_ranges(struct phys *ph, struct image_info *ii, struct error *e)
{
	const char *path = ii->opts.path;
	u64 pos = 0, size = ph->map_len, s, len;

	while (size - pos >= LIME_HDR) {
		struct error e2;
		u64 have;

		if (range_header(ph->map + pos, LIME_MAGIC, pos, &s, &len, path,
				 e))
			return -1;
		have = MIN(len, size - pos - LIME_HDR);
		if (have < len)
			image_warn(ii, "the LiME range at offset 0x%llx "
				   "(physical 0x%llx-0x%llx) is cut short by the "
				   "end of the file: physical 0x%llx on is a hole",
				   (unsigned long long)pos, (unsigned long long)s,
				   (unsigned long long)(s + len - 1),
				   (unsigned long long)(s + have));
		if (have > 0 && phys_add_file_range(ph, s, have, pos + LIME_HDR,
						    &e2))
			image_warn(ii, "the LiME range at offset 0x%llx: %s: "
				   "ignored", (unsigned long long)pos, e2.msg);
		else
			ii->nload++;
		if (have < len)
			break;
		pos += LIME_HDR + len;
	}
	if (ph->nr == 0)
		return error_set(e, -EINVAL, "'%s': the LiME image holds no "
				 "memory", path);
	return 0;
}

/* AVML: the ranges and their chunks, then memory paged in from them. */
static int
avml_ranges(struct phys *ph, struct image_info *ii, struct avml *a,
	    struct error *e)
{
	const char *path = ii->opts.path;
	u64 pos = 0, s, len, end = 0, slen, lo = ~0ULL, hi = 0, prev_end = 0;

	while (a->size - pos >= LIME_HDR) {
		if (range_header(a->map + pos, AVML_MAGIC, pos, &s, &len, path,
				 e))
			return -1;
		if ((s | len) & (PAGE_SIZE - 1))
			return error_set(e, -EINVAL, "'%s': the AVML range at "
					 "offset 0x%llx (physical 0x%llx, %llu "
					 "bytes) is not page aligned", path,
					 (unsigned long long)pos,
					 (unsigned long long)s,
					 (unsigned long long)len);
		if (s < prev_end)
			return error_set(e, -EINVAL, "'%s': the AVML range at "
					 "offset 0x%llx (physical 0x%llx) overlaps "
					 "or comes before the one before it",
					 path, (unsigned long long)pos,
					 (unsigned long long)s);
		if (avml_stream(a, s, len, pos + LIME_HDR, &end, path, e))
			return -1;
		if (a->size - end < 8)
			return error_set(e, -EINVAL, "'%s': the AVML range at "
					 "offset 0x%llx lacks its length field: "
					 "a truncated image", path,
					 (unsigned long long)pos);
		slen = rd(a->map + end, 8);
		if (slen != end - pos - LIME_HDR)
			return error_set(e, -EINVAL, "'%s': the AVML range at "
					 "offset 0x%llx says its stream is %llu "
					 "bytes, but it is %llu", path,
					 (unsigned long long)pos,
					 (unsigned long long)slen,
					 (unsigned long long)(end - pos -
							      LIME_HDR));
		lo = MIN(lo, s);
		hi = s + len;
		prev_end = hi;
		pos = end + 8;
		ii->nload++;
	}
	if (a->nc == 0)
		return error_set(e, -EINVAL, "'%s': the AVML image holds no "
				 "memory", path);
	if (pos != a->size)
		image_warn(ii, "%llu bytes after the last AVML range are "
			   "ignored", (unsigned long long)(a->size - pos));
	{
		struct phys_pager pg = { avml_fill, avml_release, a };
		size_t i, j;

		if (phys_lazy_init(ph, lo, hi, &pg,
				   IMAGE_CACHE_DEFAULT / PAGE_SIZE, e))
			return -1;
		/* runs of chunks that follow each other are one range */
		for (i = 0; i < a->nc; i = j) {
			u64 rs = a->c[i].pa, re = rs + a->c[i].ulen;

			for (j = i + 1; j < a->nc && a->c[j].pa == re; j++)
				re += a->c[j].ulen;
			if (phys_add_lazy_range(ph, rs, re - rs, e))
				return -1;
			ii->pages_present += (re - rs) >> PAGE_SHIFT;
		}
	}
	return 0;
}

int
lime_open(struct phys *ph, struct image_info *ii, struct error *e)
{
	struct avml *a;

	ii->dump_level = -1;
	if (ii->format == IMG_LIME) {
		snprintf(ii->kind, sizeof(ii->kind), "LiME image");
		return lime_ranges(ph, ii, e);
	}
	snprintf(ii->kind, sizeof(ii->kind), "AVML image (version 2)");
	snprintf(ii->compression, sizeof(ii->compression), "snappy");
	a = xcalloc(1, sizeof(*a));
	a->map = ph->map;
	a->size = ph->map_len;
	a->cached = -1;
	if (avml_ranges(ph, ii, a, e)) {
		if (ph->lazy == NULL)
			avml_release(a);
		return -1;
	}
	return 0;
}
