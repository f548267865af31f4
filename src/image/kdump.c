// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * kdump-compressed dumps ("KDUMP   ", the diskdump format of makedumpfile
 * -c/-l/-p/-z and of QEMU's dump-guest-memory -z/-l/-s), header version 6.
 *
 * The file, in blocks of block_size bytes (the page size):
 *   block 0             struct disk_dump_header (32- or 64-bit layout)
 *   blocks 1..          struct kdump_sub_header, then the notes and the
 *                       VMCOREINFO at the offsets it gives
 *   bitmap_blocks       bitmap 1 (a bit per pfn in memory), then bitmap 2
 *                       (a bit per pfn in the dump), LSB first
 *   descriptors         struct page_desc { offset, size, flags, page_flags }
 *                       per pfn of bitmap 2 in pfn order (of this part's
 *                       [start_pfn, end_pfn) in a split dump)
 *   page data           each page raw (size == block_size, flags 0) or
 *                       compressed by zlib, lzo, snappy or zstd
 *
 * cf. makedumpfile's diskdump_mod.h and crash's diskdump.c.  Opening reads
 * the headers and counts bitmap 2 into a rank per 64 pfns; no page is
 * decompressed until it is read (src/hw/phys_lazy.c).
 */
#include <errno.h>
#include <lzo/lzo1x.h>
#include <snappy-c.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "image_fmt.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/elf.h"
#include "ptwalk/hostmap.h"

#define KDUMP_SIG		"KDUMP   "
#define KDUMP_VERSION		6
#define UTS_LEN			65

/* page_desc.flags and disk_dump_header.status */
#define DUMP_ZLIB		0x01
#define DUMP_LZO		0x02
#define DUMP_SNAPPY		0x04
#define DUMP_INCOMPLETE		0x08
#define DUMP_ZSTD		0x20
#define DUMP_COMPRESSED		(DUMP_ZLIB | DUMP_LZO | DUMP_SNAPPY | DUMP_ZSTD)

#define PAGE_DESC_SIZE		24

struct kdump {
	const u8 *map;		/* the whole file, mapped (flattened: the
				   headers and bitmaps, copied out) */
	u64 size;		/* of map */
	u64 lsize;		/* of the dump: the file's, or flat_size() */
	struct flat *flat;	/* the records of a flattened dump, or NULL */
	u8 *prefix;		/* flattened: the copy map points to */
	const char *path;
	u32 block_size;
	u64 max_mapnr;
	const u8 *bitmap1, *bitmap2;
	u64 bitmap_len;		/* bytes of each bitmap */
	u64 *rank;		/* pfns in bitmap 2 before each 64 */
	u64 pd_off;		/* offset of the first page descriptor */
	u64 start_pfn, end_pfn;	/* of this part (all, unless split) */
	u64 rank_start;		/* pfns in bitmap 2 before start_pfn */
	bool split;
	int dump_level;
	u8 cbuf[PAGE_SIZE];	/* compressed bytes of one page */
};

static u64
rd(const u8 *p, unsigned size)
{
	u64 v = 0;

	memcpy(&v, p, size);	/* little-endian dumps on a little-endian host */
	return v;
}

/* len bytes at offset off of the dump, from the file or its records */
static int
kd_read(const struct kdump *k, u64 off, void *dst, u64 len, struct error *e)
{
	if (k->flat != NULL)
		return flat_read(k->flat, off, dst, len, false, e);
	return hostmap_copy(dst, k->map + off, (size_t)len, e);
}

static bool
bit(const u8 *bm, u64 pfn)
{
	return (bm[pfn >> 3] >> (pfn & 7)) & 1;
}

/* pfns set in bitmap 2 before pfn */
static u64
rank_of(const struct kdump *k, u64 pfn)
{
	u64 w = pfn >> 6, word = 0;
	unsigned n = (unsigned)(pfn & 63);

	memcpy(&word, k->bitmap2 + w * 8, MIN((u64)8, k->bitmap_len - w * 8));
	if (n == 0)
		return k->rank[w];
	return k->rank[w] + (u64)__builtin_popcountll(word & ((1ULL << n) - 1));
}

/* What a dump level leaves out, for "excluded from the dump (...)". */
static void
excluded_why(const struct kdump *k, char *why, size_t n)
{
	int d = k->dump_level;
	const char *cls[4] = { NULL };
	char list[96] = "";
	int i, nc = 0;

	if (d & 0x6)
		cls[nc++] = "page cache";
	if (d & 0x8)
		cls[nc++] = "user page";
	if (d & 0x10)
		cls[nc++] = "free page";
	for (i = 0; i < nc; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 "%s%s", i == 0 ? "" : i == nc - 1 ? " or " : ", ",
			 cls[i]);
	if (d < 0 || nc == 0)
		snprintf(why, n, "excluded from the dump");
	else
		snprintf(why, n, "excluded from the dump (dump level %d: %s)",
			 d, list);
}

static int
decompress(struct kdump *k, u32 flags, u32 csize, u8 *dst, char *why,
	   size_t n, u64 pfn)
{
	const char *how = NULL;
	size_t out = k->block_size;
	bool ok = false;

	if (flags & DUMP_ZLIB) {
		uLongf d = k->block_size;

		how = "zlib";
		ok = uncompress(dst, &d, k->cbuf, csize) == Z_OK &&
			d == k->block_size;
	} else if (flags & DUMP_LZO) {
		lzo_uint d = k->block_size;

		how = "lzo";
		ok = lzo1x_decompress_safe(k->cbuf, csize, dst, &d, NULL) ==
			LZO_E_OK && d == k->block_size;
	} else if (flags & DUMP_SNAPPY) {
		how = "snappy";
		ok = snappy_uncompressed_length((const char *)k->cbuf, csize,
						&out) == SNAPPY_OK &&
			out == k->block_size &&
			snappy_uncompress((const char *)k->cbuf, csize,
					  (char *)dst, &out) == SNAPPY_OK &&
			out == k->block_size;
	} else if (flags & DUMP_ZSTD) {
		size_t d = ZSTD_decompress(dst, k->block_size, k->cbuf, csize);

		how = "zstd";
		ok = !ZSTD_isError(d) && d == k->block_size;
	}
	if (ok)
		return 0;
	snprintf(why, n, "unreadable: the %s data of pfn 0x%llx (%u bytes) "
		 "does not decompress to a page", how,
		 (unsigned long long)pfn, csize);
	return -1;
}

/* phys_pager.fill: the page at pa, from its descriptor. */
static int
kdump_fill(void *ctx, u64 pa, u8 *dst, char *why, size_t n)
{
	struct kdump *k = ctx;
	u64 pfn = pa >> PAGE_SHIFT, idx, pd, off;
	u32 csize, flags;
	struct error e;

	if (pfn >= k->max_mapnr || !bit(k->bitmap1, pfn)) {
		snprintf(why, n, "not in the dump's memory");
		return -1;
	}
	if (!bit(k->bitmap2, pfn)) {
		excluded_why(k, why, n);
		return -1;
	}
	if (pfn < k->start_pfn || pfn >= k->end_pfn) {
		snprintf(why, n, "in another part of the split dump (this part "
			 "holds pfns 0x%llx-0x%llx)",
			 (unsigned long long)k->start_pfn,
			 (unsigned long long)(k->end_pfn - 1));
		return -1;
	}
	idx = rank_of(k, pfn) - k->rank_start;
	pd = k->pd_off + idx * PAGE_DESC_SIZE;
	if (pd > k->lsize || k->lsize - pd < PAGE_DESC_SIZE) {
		snprintf(why, n, "unreadable: the page descriptor of pfn "
			 "0x%llx (at offset 0x%llx) lies beyond the end of the "
			 "file: a truncated dump", (unsigned long long)pfn,
			 (unsigned long long)pd);
		return -1;
	}
	if (kd_read(k, pd, k->cbuf, PAGE_DESC_SIZE, &e)) {
		snprintf(why, n, "unreadable: %s", e.msg);
		return -1;
	}
	off = rd(k->cbuf, 8);
	csize = (u32)rd(k->cbuf + 8, 4);
	flags = (u32)rd(k->cbuf + 12, 4);
	if (csize > k->block_size || csize == 0) {
		snprintf(why, n, "unreadable: the descriptor of pfn 0x%llx "
			 "gives %u bytes of data, %s a page",
			 (unsigned long long)pfn, csize,
			 csize ? "more than" : "not even");
		return -1;
	}
	if (flags & ~(u32)DUMP_COMPRESSED ||
	    __builtin_popcount(flags) > 1) {
		snprintf(why, n, "unreadable: the descriptor of pfn 0x%llx has "
			 "unknown compression flags 0x%x",
			 (unsigned long long)pfn, flags);
		return -1;
	}
	if (flags == 0 && csize != k->block_size) {
		snprintf(why, n, "unreadable: the descriptor of pfn 0x%llx gives "
			 "%u bytes of uncompressed data, not a page",
			 (unsigned long long)pfn, csize);
		return -1;
	}
	if (off > k->lsize || k->lsize - off < csize) {
		snprintf(why, n, "unreadable: the data of pfn 0x%llx (offset "
			 "0x%llx, %u bytes) lies beyond the end of the file "
			 "(%llu bytes): a truncated dump",
			 (unsigned long long)pfn, (unsigned long long)off,
			 csize, (unsigned long long)k->lsize);
		return -1;
	}
	if (kd_read(k, off, flags ? k->cbuf : dst, csize, &e)) {
		snprintf(why, n, "unreadable: %s", e.msg);
		return -1;
	}
	return flags ? decompress(k, flags, csize, dst, why, n, pfn) : 0;
}

static void
kdump_release(void *ctx)
{
	struct kdump *k = ctx;

	free(k->rank);
	flat_free(k->flat);
	free(k->prefix);
	free(k);
}

/* utsname.machine: the ELF machine and class of the dumped kernel. */
static int
machine_of(struct image_info *ii, const char *mach, struct error *e)
{
	unsigned em;
	int cls;

	if (arch_elf_by_uts(mach, strnlen(mach, UTS_LEN), &em, &cls)) {
		ii->elf_machine = em;
		ii->elf_class = cls;
		return 0;
	}
	return error_set(e, -EINVAL, "'%s' is a kdump-compressed dump of a "
			 "'%.*s' machine, an architecture ptwalk does not "
			 "know", ii->opts.path, UTS_LEN, mach);
}

/* The header fields after utsname, in the 32- or 64-bit layout. */
struct kdump_hdr {
	u32 version, status, block_size, sub_hdr_size, bitmap_blocks;
	u32 max_mapnr, nr_cpus;
	bool is64;
};

static bool
block_size_ok(u32 bs)
{
	return bs >= 4096 && bs <= 65536 && !(bs & (bs - 1));
}

static int
kdump_header(struct kdump *k, struct image_info *ii, struct kdump_hdr *h,
	     struct error *e)
{
	const u8 *p = k->map;
	unsigned base;

	if (k->size < 464)
		return error_set(e, -EINVAL, "'%s' is a kdump-compressed dump "
				 "cut short inside its header (%llu bytes)",
				 k->path, (unsigned long long)k->size);
	h->version = (u32)rd(p + 8, 4);
	if (h->version != KDUMP_VERSION)
		return error_set(e, -EINVAL, "'%s' is a kdump-compressed dump "
				 "with header version %u: ptwalk reads version "
				 "6 (makedumpfile 1.5 and later, QEMU)", k->path,
				 h->version);
	/* timestamp: 8 bytes (32-bit layout) or 16: block_size tells */
	h->is64 = block_size_ok((u32)rd(p + 428, 4));
	if (!h->is64 && !block_size_ok((u32)rd(p + 416, 4)))
		return error_set(e, -EINVAL, "'%s': the kdump header gives no "
				 "valid block size (0x%x or 0x%x): a damaged "
				 "header", k->path, (u32)rd(p + 428, 4),
				 (u32)rd(p + 416, 4));
	base = h->is64 ? 424 : 412;
	h->status = (u32)rd(p + base, 4);
	h->block_size = (u32)rd(p + base + 4, 4);
	h->sub_hdr_size = (u32)rd(p + base + 8, 4);
	h->bitmap_blocks = (u32)rd(p + base + 12, 4);
	h->max_mapnr = (u32)rd(p + base + 16, 4);
	h->nr_cpus = (u32)rd(p + base + 36, 4);
	if (h->block_size != PAGE_SIZE)
		return error_set(e, -EINVAL, "'%s' is a kdump-compressed dump "
				 "of %u-byte pages: ptwalk reads 4K pages",
				 k->path, h->block_size);
	k->block_size = h->block_size;
	return machine_of(ii, (const char *)p + 12 + 4 * UTS_LEN, e);
}

/* The sub-header: dump level, split part, notes and VMCOREINFO. */
static int
kdump_sub(struct kdump *k, struct image_info *ii, const struct kdump_hdr *h,
	  struct error *e)
{
	const u8 *s = k->map + k->block_size;
	u64 need = h->is64 ? 104 : 80, off_vmci, size_vmci, off_note, size_note;
	int nprs = 0, narch = 0;

	if (h->sub_hdr_size == 0 || k->size < k->block_size + need)
		return error_set(e, -EINVAL, "'%s': the kdump sub-header is "
				 "missing or cut short", k->path);
	k->dump_level = (int)rd(s + (h->is64 ? 8 : 4), 4);
	k->split = rd(s + (h->is64 ? 12 : 8), 4) != 0;
	off_vmci = rd(s + (h->is64 ? 32 : 20), 8);
	size_vmci = rd(s + (h->is64 ? 40 : 28), h->is64 ? 8 : 4);
	off_note = rd(s + (h->is64 ? 48 : 32), 8);
	size_note = rd(s + (h->is64 ? 56 : 40), h->is64 ? 8 : 4);
	k->start_pfn = rd(s + (h->is64 ? 80 : 56), 8);
	k->end_pfn = rd(s + (h->is64 ? 88 : 64), 8);
	k->max_mapnr = rd(s + (h->is64 ? 96 : 72), 8);
	if (k->max_mapnr == 0)
		k->max_mapnr = h->max_mapnr;
	if (size_note > 0 && off_note <= k->size && size_note <= k->size - off_note) {
		image_notes_buf(ii, k->map + off_note, size_note, &nprs, &narch);
		if (ii->features != NULL)	/* a dump save wrote */
			ptwalk_note_cpus(ii);
	}
	else if (size_note > 0)
		image_warn(ii, "the notes (offset 0x%llx, %llu bytes) lie beyond "
			   "the end of the file: no CPU state",
			   (unsigned long long)off_note,
			   (unsigned long long)size_note);
	if (ii->vmcoreinfo == NULL && size_vmci > 0 && off_vmci <= k->size &&
	    size_vmci <= k->size - off_vmci && size_vmci < 1 * MiB) {
		ii->vmcoreinfo = xmalloc(size_vmci + 1);
		memcpy(ii->vmcoreinfo, k->map + off_vmci, size_vmci);
		ii->vmcoreinfo[size_vmci] = 0;
		vmcoreinfo_index(ii);
	}
	if (ii->vmcoreinfo == NULL)
		image_warn(ii, "the dump has no VMCOREINFO");
	return 0;
}

/* The bitmaps and the rank of each 64 pfns in bitmap 2. */
static int
kdump_bitmaps(struct kdump *k, struct image_info *ii,
	      const struct kdump_hdr *h, struct error *e)
{
	u64 off = (1 + (u64)h->sub_hdr_size) * k->block_size;
	u64 len = (u64)h->bitmap_blocks * k->block_size, w, nw, sum = 0;

	if (len == 0 || off > k->size || len > k->size - off)
		return error_set(e, -EINVAL, "'%s': the kdump bitmaps (offset "
				 "0x%llx, %llu bytes) end beyond the end of the "
				 "file (%llu bytes): a truncated dump", k->path,
				 (unsigned long long)off,
				 (unsigned long long)len,
				 (unsigned long long)k->size);
	k->bitmap_len = len / 2;
	k->bitmap1 = k->map + off;
	k->bitmap2 = k->bitmap1 + k->bitmap_len;
	k->pd_off = off + len;
	if (k->max_mapnr > k->bitmap_len * 8) {
		image_warn(ii, "the header gives %llu pfns but the bitmaps hold "
			   "%llu: the rest is left out",
			   (unsigned long long)k->max_mapnr,
			   (unsigned long long)(k->bitmap_len * 8));
		k->max_mapnr = k->bitmap_len * 8;
	}
	if (!k->split) {
		k->start_pfn = 0;
		k->end_pfn = k->max_mapnr;
	} else if (k->start_pfn >= k->end_pfn || k->end_pfn > k->max_mapnr) {
		return error_set(e, -EINVAL, "'%s': a split dump part of pfns "
				 "0x%llx-0x%llx, outside its 0x%llx pfns",
				 k->path, (unsigned long long)k->start_pfn,
				 (unsigned long long)k->end_pfn,
				 (unsigned long long)k->max_mapnr);
	}
	nw = (k->max_mapnr + 63) / 64;
	k->rank = xcalloc((size_t)nw + 1, sizeof(*k->rank));
	/* hostmap_call guards these reads: a file cut under ptwalk */
	for (w = 0; w < nw; w++) {
		u64 b1 = 0, b2 = 0;
		unsigned keep = (unsigned)MIN((u64)64, k->max_mapnr - w * 64);
		u64 mask = keep == 64 ? ~0ULL : (1ULL << keep) - 1;

		memcpy(&b1, k->bitmap1 + w * 8, MIN((u64)8, k->bitmap_len - w * 8));
		memcpy(&b2, k->bitmap2 + w * 8, MIN((u64)8, k->bitmap_len - w * 8));
		k->rank[w] = sum;
		sum += (u64)__builtin_popcountll(b2 & mask);
		if (b2 & ~b1 & mask)
			return error_set(e, -EINVAL, "'%s': bitmap 2 has pfns "
					 "that bitmap 1 lacks (near pfn 0x%llx): "
					 "a damaged dump", k->path,
					 (unsigned long long)(w * 64));
		ii->pages_excluded += (u64)__builtin_popcountll((b1 & ~b2) &
								 mask);
	}
	k->rank[nw] = sum;
	k->rank_start = rank_of(k, k->start_pfn);
	ii->pages_present = (k->end_pfn < k->max_mapnr ?
			     rank_of(k, k->end_pfn) : sum) - k->rank_start;
	if (k->pd_off + ii->pages_present * PAGE_DESC_SIZE > k->lsize)
		image_warn(ii, "bitmap 2 has %llu pages but the file ends "
			   "inside their page descriptors: a truncated dump; "
			   "pages past the end are unreadable",
			   (unsigned long long)ii->pages_present);
	return 0;
}

/* Physical memory: the runs of bitmap 1, paged in through kdump_fill. */
static int
kdump_ranges(struct kdump *k, struct phys *ph, struct image_info *ii,
	     struct error *e)
{
	struct phys_pager pg = { kdump_fill, kdump_release, k };
	u64 pfn, first = ~0ULL, last = 0, run = 0;
	int nruns = 0;

	for (pfn = 0; pfn < k->max_mapnr; pfn++) {
		if (!(pfn & 63) && k->bitmap1[pfn >> 3] == 0 &&
		    pfn + 64 <= k->max_mapnr && !rd(k->bitmap1 + (pfn >> 3), 8)) {
			pfn += 63;
			continue;
		}
		if (bit(k->bitmap1, pfn)) {
			first = MIN(first, pfn);
			last = pfn;
		}
	}
	if (first == ~0ULL)
		return error_set(e, -EINVAL, "'%s': bitmap 1 of the kdump "
				 "holds no page: nothing to read", k->path);
	if (phys_lazy_init(ph, first << PAGE_SHIFT, (last + 1) << PAGE_SHIFT,
			   &pg, IMAGE_CACHE_DEFAULT / PAGE_SIZE, e))
		return -1;
	for (pfn = first; pfn <= last + 1; pfn++) {
		bool in = pfn <= last && bit(k->bitmap1, pfn);

		if (in && run == 0)
			run = pfn + 1;	/* run start + 1 */
		if (!in && run != 0) {
			if (++nruns > 65536)
				return error_set(e, -EINVAL, "'%s': bitmap 1 "
						 "splits memory into more than "
						 "65536 ranges: a damaged dump",
						 k->path);
			if (phys_add_lazy_range(ph, (run - 1) << PAGE_SHIFT,
						(pfn - run + 1) << PAGE_SHIFT, e))
				return -1;
			run = 0;
		}
	}
	ii->nload = nruns;
	return 0;
}

/*
 * A flattened dump: index its records, and copy out the headers and
 * bitmaps (read again and again) as far as the file can hold them.
 */
static int
kdump_unflatten(struct kdump *k, struct image_info *ii, struct kdump_hdr *h,
		struct error *e)
{
	u64 n, want, fsize = k->size;

	if (flat_open(k->map, k->size, k->path, ii, &k->flat, e))
		return -1;
	k->lsize = flat_size(k->flat);
	n = MIN(k->lsize, MIN(k->size, (u64)2 * 65536));
	k->prefix = xmalloc(n);
	if (flat_read(k->flat, 0, k->prefix, n, true, e))
		return -1;
	k->map = k->prefix;
	k->size = n;
	if (n >= SELFMAG && !memcmp(k->prefix, ELFMAG, SELFMAG))
		return error_set(e, -EINVAL, "'%s' is a flattened ELF dump "
				 "(makedumpfile -E -F): ptwalk reads flattened "
				 "kdump-compressed dumps in place, not this one; "
				 "rebuild it with 'makedumpfile -R DUMP < FILE' "
				 "and open DUMP", k->path);
	if (n < 8 || memcmp(k->prefix, KDUMP_SIG, 8))
		return error_set(e, -EINVAL, "'%s' is a flattened dump whose "
				 "data is not a kdump-compressed dump (no \"KDUMP"
				 "   \" at offset 0)", k->path);
	if (kdump_header(k, ii, h, e))
		return -1;
	/* header, sub-header and bitmaps; never more than the file holds */
	want = (1 + (u64)h->sub_hdr_size + h->bitmap_blocks) * h->block_size;
	n = MIN(want, MIN(k->lsize, fsize));
	free(k->prefix);
	k->prefix = xmalloc(n);
	k->map = k->prefix;
	k->size = n;
	return flat_read(k->flat, 0, k->prefix, n, true, e);
}

int
kdump_open(struct phys *ph, struct image_info *ii, struct error *e)
{
	struct kdump *k = xcalloc(1, sizeof(*k));
	struct kdump_hdr h = { 0 };
	static const char *const names[] = { "zlib", "lzo", "snappy" };
	bool flat;
	int i;

	k->map = ph->map;
	k->size = ph->map_len;
	k->lsize = ph->map_len;
	k->path = ii->opts.path;
	flat = k->size >= 12 && !memcmp(k->map, "makedumpfile", 12);
	if ((flat ? kdump_unflatten(k, ii, &h, e) : kdump_header(k, ii, &h, e)) ||
	    kdump_sub(k, ii, &h, e) || kdump_bitmaps(k, ii, &h, e)) {
		kdump_release(k);
		return -1;
	}
	ii->dump_level = k->dump_level;
	for (i = 0; i < 3; i++)
		if (h.status & (1u << i))
			snprintf(ii->compression, sizeof(ii->compression), "%s",
				 names[i]);
	if (h.status & DUMP_ZSTD)
		snprintf(ii->compression, sizeof(ii->compression), "zstd");
	if (h.status & DUMP_INCOMPLETE)
		image_warn(ii, "the dump is marked incomplete: the writer ran "
			   "out of space, pages past its end are unreadable");
	if (flat)
		snprintf(ii->kind, sizeof(ii->kind), "flattened kdump-compressed "
			 "dump (%zu records, read in place)",
			 flat_records(k->flat));
	else
		snprintf(ii->kind, sizeof(ii->kind), "kdump-compressed dump%s",
			 k->split ? " (one part of a split dump)" : "");
	if (kdump_ranges(k, ph, ii, e)) {
		if (ph->lazy == NULL)
			kdump_release(k);
		return -1;
	}
	return 0;
}
