// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * save --format kdump: the machine's memory as a kdump-compressed dump in
 * the layout kdump.c reads (makedumpfile's diskdump_mod.h, header
 * version 6, the 64-bit header layout makedumpfile writes on a 64-bit
 * host):
 *
 *   block 0      disk_dump_header: "KDUMP   ", utsname (machine of the
 *                arch, release from the VMCOREINFO), status (the
 *                compression), block_size 4096, sub_hdr_size,
 *                bitmap_blocks, max_mapnr, nr_cpus
 *   block 1..    kdump_sub_header (dump level, the notes' and the
 *                VMCOREINFO's offsets, max_mapnr_64), then the notes save
 *                writes into an ELF core (CPU state, VMCOREINFO, ptwalk's
 *                own), then the VMCOREINFO text
 *   bitmaps      bitmap 1: every page of physical memory; bitmap 2: the
 *                pages written (less zero pages at dump level 1, and
 *                less pages the image cannot give: excluded or unreadable;
 *                the dump level of a filtered image is kept)
 *   descriptors  { offset, size, flags, page_flags } per page of bitmap 2
 *   data         each page compressed (zlib, lzo, snappy or zstd) unless
 *                that does not make it smaller; zero pages share one copy
 *
 * Memory is read a page at a time through phys_read, so images paged in
 * lazily are saved without holding them whole; descriptors and data go
 * out through two buffers.
 */
#include <errno.h>
#include <lzo/lzo1x.h>
#include <snappy-c.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "image_fmt.h"
#include "ptwalk/arch.h"
#include "ptwalk/image.h"

#define BLOCK		PAGE_SIZE
#define SUB_HDR_LEN	104
#define PD_SIZE		24
#define DATA_BUF	(1 * MiB)
#define UTS_LEN		65

struct ksave {
	struct machine *m;
	int fd;
	const struct save_opts *o;
	struct error *e;
	int level;		/* o's, and the filtered image's */
	u64 max_mapnr;
	u8 *bm1, *bm2;		/* bitmap_len bytes each */
	u64 bitmap_len, npages, pd_off, data_off;
	u8 *pd, *data;		/* the buffers: descriptors, page data */
	u64 npd, ndata;		/* bytes in them */
	u64 pd_at, data_at;	/* file offsets of their first byte */
	u64 zero_off;		/* data of the first zero page, or 0 */
	void *wrk;		/* lzo's work memory */
	u8 page[PAGE_SIZE], cbuf[2 * PAGE_SIZE];
};

static void
put(u8 *p, u64 v, unsigned size)
{
	memcpy(p, &v, size);	/* little-endian, as the host */
}

static int
pw(struct ksave *k, const void *buf, u64 len, u64 off)
{
	return host_pwrite_all(k->fd, buf, len, off, "the dump", k->e);
}

/* Bitmap 1 from the ranges; bitmap 2 from what can be read and kept. */
static void
ksave_bitmaps(struct ksave *k)
{
	struct phys *ph = &k->m->phys;
	u64 max_pa = 0, pfn;
	int i;

	for (i = 0; i < ph->nr; i++)
		max_pa = MAX(max_pa, ph->r[i].start + ph->r[i].size);
	k->max_mapnr = (max_pa + PAGE_SIZE - 1) >> PAGE_SHIFT;
	k->bitmap_len = ((k->max_mapnr + 7) / 8 + BLOCK - 1) / BLOCK * BLOCK;
	if (k->bitmap_len == 0)
		k->bitmap_len = BLOCK;
	k->bm1 = xcalloc(1, (size_t)k->bitmap_len);
	k->bm2 = xcalloc(1, (size_t)k->bitmap_len);
	for (i = 0; i < ph->nr; i++) {
		const struct phys_range *r = &ph->r[i];

		for (pfn = (r->start + PAGE_SIZE - 1) >> PAGE_SHIFT;
		     (pfn + 1) << PAGE_SHIFT <= r->start + r->size; pfn++) {
			struct error e;

			k->bm1[pfn >> 3] |= (u8)(1 << (pfn & 7));
			if (phys_read(ph, pfn << PAGE_SHIFT, k->page, PAGE_SIZE,
				      &e) != 0)
				continue;	/* excluded or unreadable */
			if ((k->o->dump_level & 1) && page_is_zero(k->page))
				continue;
			k->bm2[pfn >> 3] |= (u8)(1 << (pfn & 7));
			k->npages++;
		}
	}
}

/* The page in k->page, compressed into k->cbuf: its size and flag. */
static u32
ksave_compress(struct ksave *k, u32 *flags)
{
	size_t n = sizeof(k->cbuf);
	uLongf zl = sizeof(k->cbuf);
	lzo_uint ll = sizeof(k->cbuf);

	*flags = 0;
	switch (k->o->compress) {
	case SAVE_ZLIB:
		if (compress2(k->cbuf, &zl, k->page, PAGE_SIZE, Z_BEST_SPEED) ==
		    Z_OK)
			n = zl, *flags = 0x01;
		break;
	case SAVE_LZO:
		if (lzo1x_1_compress(k->page, PAGE_SIZE, k->cbuf, &ll,
				     k->wrk) == LZO_E_OK)
			n = ll, *flags = 0x02;
		break;
	case SAVE_SNAPPY:
		if (snappy_compress((const char *)k->page, PAGE_SIZE,
				    (char *)k->cbuf, &n) == SNAPPY_OK)
			*flags = 0x04;
		break;
	case SAVE_ZSTD:
		n = ZSTD_compress(k->cbuf, sizeof(k->cbuf), k->page, PAGE_SIZE,
				  1);
		if (!ZSTD_isError(n))
			*flags = 0x20;
		break;
	default:
		break;
	}
	if (*flags == 0 || n >= PAGE_SIZE) {
		*flags = 0;
		memcpy(k->cbuf, k->page, PAGE_SIZE);
		return PAGE_SIZE;
	}
	return (u32)n;
}

static int
ksave_flush(struct ksave *k)
{
	if (pw(k, k->pd, k->npd, k->pd_at) || pw(k, k->data, k->ndata,
						 k->data_at))
		return -1;
	k->pd_at += k->npd;
	k->data_at += k->ndata;
	k->npd = k->ndata = 0;
	return 0;
}

/* One page of bitmap 2: its descriptor, and its data unless shared. */
static int
ksave_page(struct ksave *k, u64 pfn)
{
	u8 *d = k->pd + k->npd;
	u32 size, flags;
	u64 off;
	bool zero;

	if (phys_read(&k->m->phys, pfn << PAGE_SHIFT, k->page, PAGE_SIZE,
		      k->e) != 0)
		return -1;	/* it changed since the bitmaps */
	zero = page_is_zero(k->page);
	size = ksave_compress(k, &flags);
	if (zero && k->zero_off != 0) {
		off = k->zero_off;
	} else {
		if (k->ndata + size > DATA_BUF && ksave_flush(k))
			return -1;
		d = k->pd + k->npd;
		off = k->data_at + k->ndata;
		memcpy(k->data + k->ndata, k->cbuf, size);
		k->ndata += size;
		if (zero)
			k->zero_off = off;
	}
	put(d, off, 8);
	put(d + 8, size, 4);
	put(d + 12, flags, 4);
	put(d + 16, 0, 8);
	k->npd += PD_SIZE;
	if (k->npd + PD_SIZE > DATA_BUF / 4)
		return ksave_flush(k);
	return 0;
}

/* The header block and the sub-header with the notes after it. */
static int
ksave_headers(struct ksave *k, const struct strbuf *notes, const char *vi,
	      u32 sub_blocks)
{
	const struct arch_elf *ae = k->m->arch->elf;
	u64 hlen = (1 + (u64)sub_blocks) * BLOCK;
	u8 *h = xcalloc(1, (size_t)hlen), *s = h + BLOCK;
	const char *rel = vi ? strstr(vi, "OSRELEASE=") : NULL;
	size_t ml = strcspn(ae->uts_machine, ",");
	int rc;

	memcpy(h, "KDUMP   ", 8);
	put(h + 8, 6, 4);
	memcpy(h + 12, "Linux", 5);
	if (rel != NULL)
		memcpy(h + 12 + 2 * UTS_LEN, rel + 10,
		       MIN(strcspn(rel + 10, "\n"), (size_t)UTS_LEN - 1));
	memcpy(h + 12 + 4 * UTS_LEN, ae->uts_machine, MIN(ml, UTS_LEN - 1));
	put(h + 424, k->o->compress == SAVE_ZLIB ? 0x01 :
	    k->o->compress == SAVE_LZO ? 0x02 : k->o->compress == SAVE_SNAPPY ?
	    0x04 : k->o->compress == SAVE_ZSTD ? 0x20 : 0, 4);
	put(h + 428, BLOCK, 4);
	put(h + 432, sub_blocks, 4);
	put(h + 436, 2 * k->bitmap_len / BLOCK, 4);
	put(h + 440, (u32)MIN(k->max_mapnr, 0xffffffffULL), 4);
	put(h + 460, (u64)k->m->ncpus, 4);
	put(s + 8, (u64)k->level, 4);
	put(s + 32, BLOCK + SUB_HDR_LEN + notes->len, 8);
	put(s + 40, vi ? strlen(vi) : 0, 8);
	put(s + 48, BLOCK + SUB_HDR_LEN, 8);
	put(s + 56, notes->len, 8);
	put(s + 96, k->max_mapnr, 8);
	memcpy(s + SUB_HDR_LEN, notes->buf, notes->len);
	if (vi != NULL)
		memcpy(s + SUB_HDR_LEN + notes->len, vi, strlen(vi));
	rc = pw(k, h, hlen, 0);
	free(h);
	return rc;
}

int
kdump_save(struct machine *m, int fd, const struct strbuf *notes,
	   const char *vi, const struct save_opts *o, struct error *e)
{
	struct ksave *k = xcalloc(1, sizeof(*k));
	u64 sub = SUB_HDR_LEN + notes->len + (vi ? strlen(vi) : 0), pfn;
	u32 sub_blocks = (u32)((sub + BLOCK - 1) / BLOCK);
	int rc;

	k->m = m;
	k->fd = fd;
	k->o = o;
	k->e = e;
	/* pages a filtered dump left out stay out, for the same reason */
	k->level = o->dump_level | (m->img != NULL && m->img->dump_level > 0 ?
				    m->img->dump_level : 0);
	ksave_bitmaps(k);
	k->pd_off = (1 + (u64)sub_blocks) * BLOCK + 2 * k->bitmap_len;
	k->data_off = k->pd_off + k->npages * PD_SIZE;
	k->pd_at = k->pd_off;
	k->data_at = k->data_off;
	k->pd = xmalloc(DATA_BUF / 4);
	k->data = xmalloc(DATA_BUF);
	k->wrk = xmalloc(LZO1X_1_MEM_COMPRESS);
	rc = ksave_headers(k, notes, vi, sub_blocks);
	if (!rc)
		rc = pw(k, k->bm1, k->bitmap_len, k->pd_off - 2 * k->bitmap_len);
	if (!rc)
		rc = pw(k, k->bm2, k->bitmap_len, k->pd_off - k->bitmap_len);
	for (pfn = 0; !rc && pfn < k->max_mapnr; pfn++)
		if (k->bm2[pfn >> 3] & (1 << (pfn & 7)))
			rc = ksave_page(k, pfn);
	if (!rc)
		rc = ksave_flush(k);
	if (!rc && ftruncate(fd, (off_t)k->data_at) != 0)
		rc = error_set(e, -errno, "cannot write the dump: %s",
			       strerror(errno));
	free(k->bm1);
	free(k->bm2);
	free(k->pd);
	free(k->data);
	free(k->wrk);
	free(k);
	return rc;
}
