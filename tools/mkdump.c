// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * mkdump: write the memory of an ELF core (QEMU's dump-guest-memory) in
 * the other dump formats ptwalk reads, for the test fixtures:
 *
 *   mkdump kdump IN.core OUT [-c zlib|lzo|snappy|zstd|none] [-d LEVEL]
 *          [-x PFN-PFN]... [--split PFN-PFN] [--32]
 *   mkdump lime IN.core OUT
 *   mkdump avml IN.core OUT
 *
 * kdump: the kdump-compressed layout of makedumpfile's diskdump_mod.h and
 * QEMU's dump.h, header version 6: the header (64-bit layout, or with
 * --32 the packed 32-bit one QEMU writes for 32-bit guests), the
 * sub-header with the core's notes after it, bitmap 1 (pages of the
 * PT_LOADs) and bitmap 2 (less the pfn ranges -x leaves out, recorded as
 * dump level -d), a page descriptor per page of bitmap 2, then the pages,
 * each compressed unless that does not make it smaller; pages of zeros
 * share one descriptor's data, as makedumpfile writes them.  --split
 * writes the part of a split dump that holds the given pfns.
 * lime: LiME version 1, a 32-byte header before each PT_LOAD's bytes.
 * avml: AVML version 2, each PT_LOAD in blocks of at most 16 MiB, all-zero
 * blocks left out, each a header, a Snappy framed stream and its length.
 *
 *   mkdump flatten IN OUT [-r RECORD] [--overlap]
 *
 * flatten: any file IN (a kdump) in makedumpfile's flattened format (-F):
 * a 4096-byte header, then records of RECORD bytes (default 4096), the
 * even ones first then the odd ones, as makedumpfile interleaves page
 * descriptors and data; --overlap writes the first record a second time,
 * which no makedumpfile writes.
 */
#include <elf.h>
#include <lzo/lzo1x.h>
#include <snappy-c.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#define PG	4096ULL

struct load { uint64_t pa, size, off; };

static uint8_t *core;
static size_t core_len;
static struct load ld[64];
static int nld;
static const uint8_t *notes;
static uint64_t notes_len;
static unsigned machine;

static void
die(const char *m)
{
	fprintf(stderr, "mkdump: %s\n", m);
	exit(1);
}

static void
read_core(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	int i, phnum;
	bool is64;

	if (f == NULL || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 64)
		die("cannot read the core");
	rewind(f);
	core = malloc((size_t)n);
	core_len = (size_t)n;
	if (fread(core, 1, core_len, f) != core_len)
		die("short read");
	fclose(f);
	if (memcmp(core, ELFMAG, SELFMAG))
		die("not an ELF file");
	is64 = core[EI_CLASS] == ELFCLASS64;
	memcpy(&machine, core + 18, 2);
	machine &= 0xffff;
	phnum = is64 ? ((Elf64_Ehdr *)core)->e_phnum :
		((Elf32_Ehdr *)core)->e_phnum;
	for (i = 0; i < phnum; i++) {
		uint64_t t, off, pa, sz;

		if (is64) {
			Elf64_Phdr p;

			memcpy(&p, core + ((Elf64_Ehdr *)core)->e_phoff +
			       (size_t)i * sizeof(p), sizeof(p));
			t = p.p_type; off = p.p_offset; pa = p.p_paddr;
			sz = p.p_filesz;
		} else {
			Elf32_Phdr p;

			memcpy(&p, core + ((Elf32_Ehdr *)core)->e_phoff +
			       (size_t)i * sizeof(p), sizeof(p));
			t = p.p_type; off = p.p_offset; pa = p.p_paddr;
			sz = p.p_filesz;
		}
		if (off + sz > core_len)
			die("a segment lies beyond the end of the core");
		if (t == PT_NOTE) {
			notes = core + off;
			notes_len = sz;
		} else if (t == PT_LOAD && sz >= PG && nld < 64) {
			ld[nld].pa = pa;
			ld[nld].size = sz & ~(PG - 1);
			ld[nld].off = off;
			nld++;
		}
	}
	if (nld == 0)
		die("no PT_LOAD");
}

static void
put(FILE *f, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, f) != n)
		die("write failed");
}

static void
put64(FILE *f, uint64_t v)
{
	put(f, &v, 8);
}

static bool
zero(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* The page at pfn from the core, or NULL when no PT_LOAD holds it. */
static const uint8_t *
page(uint64_t pfn)
{
	int i;

	for (i = 0; i < nld; i++)
		if (pfn * PG >= ld[i].pa && pfn * PG - ld[i].pa < ld[i].size)
			return core + ld[i].off + (pfn * PG - ld[i].pa);
	return NULL;
}

static void
lime(FILE *f, bool avml)
{
	int i;

	for (i = 0; i < nld; i++) {
		uint64_t s = ld[i].pa, n = ld[i].size, o, b;

		if (!avml) {
			uint32_t h[2] = { 0x4C694D45u, 1 };

			put(f, h, 8);
			put64(f, s);
			put64(f, s + n - 1);
			put64(f, 0);
			put(f, core + ld[i].off, (size_t)n);
			continue;
		}
		for (o = 0; o < n; o += b) {
			const uint8_t *src = core + ld[i].off + o;
			uint32_t h[2] = { 0x4C4D5641u, 2 };
			long begin;
			uint64_t c;

			b = n - o < (16ULL << 20) ? n - o : 16ULL << 20;
			if (zero(src, (size_t)b))
				continue;
			put(f, h, 8);
			put64(f, s + o);
			put64(f, s + o + b - 1);
			put64(f, 0);
			begin = ftell(f);
			put(f, "\xff\x06\x00\x00sNaPpY", 10);
			for (c = 0; c < b; c += 65536) {
				size_t in = b - c < 65536 ? (size_t)(b - c) : 65536;
				size_t out = snappy_max_compressed_length(in);
				char *buf = malloc(out);
				uint32_t crc, len;
				uint8_t hdr[8];

				if (snappy_compress((const char *)src + c, in, buf,
						    &out) != SNAPPY_OK)
					die("snappy failed");
				{	/* CRC-32C, masked */
					uint32_t x = ~0u;
					size_t k;
					int j;

					for (k = 0; k < in; k++) {
						x ^= src[c + k];
						for (j = 0; j < 8; j++)
							x = (x >> 1) ^ (0x82F63B78u &
								(0u - (x & 1)));
					}
					x = ~x;
					crc = ((x >> 15) | (x << 17)) + 0xa282ead8u;
				}
				len = (uint32_t)out + 4;
				hdr[0] = 0x00;
				hdr[1] = (uint8_t)len;
				hdr[2] = (uint8_t)(len >> 8);
				hdr[3] = (uint8_t)(len >> 16);
				memcpy(hdr + 4, &crc, 4);
				put(f, hdr, 8);
				put(f, buf, out);
				free(buf);
			}
			put64(f, (uint64_t)(ftell(f) - begin));
		}
	}
}

struct kopt {
	int comp;		/* page_desc flag: 1 zlib, 2 lzo, 4 snappy, 0x20 zstd */
	int level;
	uint64_t x0[16], x1[16];
	int nx;
	uint64_t s0, s1;	/* split part, or 0, 0 */
	bool is32;
};

static bool
excluded(const struct kopt *o, uint64_t pfn)
{
	int i;

	for (i = 0; i < o->nx; i++)
		if (pfn >= o->x0[i] && pfn <= o->x1[i])
			return true;
	return false;
}

/* Compress one page: its bytes in out, the flag (0: stored raw). */
static int
compress_page(int comp, const uint8_t *in, uint8_t *out, uint32_t *n)
{
	static uint8_t wrk[LZO1X_1_MEM_COMPRESS];
	size_t sz = 2 * PG;
	uLongf zl = 2 * PG;
	lzo_uint ll = 2 * PG;

	if (comp == 1 && compress2(out, &zl, in, PG, 1) == Z_OK)
		sz = zl;
	else if (comp == 2 && lzo1x_1_compress(in, PG, out, &ll, wrk) == LZO_E_OK)
		sz = ll;
	else if (comp == 4 && snappy_compress((const char *)in, PG, (char *)out,
					      &sz) != SNAPPY_OK)
		sz = 2 * PG;
	else if (comp == 0x20)
		sz = ZSTD_compress(out, 2 * PG, in, PG, 1);
	if (comp == 0 || sz >= PG || (comp == 0x20 && ZSTD_isError(sz))) {
		memcpy(out, in, PG);
		*n = PG;
		return 0;
	}
	*n = (uint32_t)sz;
	return comp;
}

static void
kdump(FILE *f, const struct kopt *o)
{
	uint64_t maxpfn = 0, pfn, bmlen, bmblocks, subblocks, ndesc = 0, data;
	uint64_t start = o->s1 ? o->s0 : 0, end, zero_off = 0;
	uint32_t zero_n = 0, zero_fl = 0;
	uint8_t blk[PG], *bm1, *bm2, out[2 * PG];
	const char *mach;
	int i, pass;

	for (i = 0; i < nld; i++)
		if ((ld[i].pa + ld[i].size) / PG > maxpfn)
			maxpfn = (ld[i].pa + ld[i].size) / PG;
	end = o->s1 ? o->s1 + 1 : maxpfn;
	bmlen = (maxpfn + 7) / 8;
	bmblocks = (bmlen + PG - 1) / PG;
	bm1 = calloc(bmblocks, PG);
	bm2 = calloc(bmblocks, PG);
	for (pfn = 0; pfn < maxpfn; pfn++) {
		if (page(pfn) == NULL)
			continue;
		bm1[pfn / 8] |= (uint8_t)(1 << (pfn % 8));
		if (excluded(o, pfn))
			continue;
		bm2[pfn / 8] |= (uint8_t)(1 << (pfn % 8));
		if (pfn >= start && pfn < end)
			ndesc++;
	}
	subblocks = (104 + notes_len + PG - 1) / PG;
	/* block 0: the header */
	memset(blk, 0, sizeof(blk));
	memcpy(blk, "KDUMP   ", 8);
	blk[8] = 6;
	mach = machine == EM_X86_64 ? "x86_64" : machine == EM_386 ? "i686" :
		machine == EM_AARCH64 ? "aarch64" : "armv7l";
	memcpy(blk + 12, "Linux", 5);
	memcpy(blk + 12 + 4 * 65, mach, strlen(mach));
	{
		uint32_t h[10] = { (uint32_t)o->comp, (uint32_t)PG,
			(uint32_t)subblocks, (uint32_t)(2 * bmblocks),
			(uint32_t)maxpfn, 0, 0, 0, 0, 1 };

		memcpy(blk + (o->is32 ? 412 : 424), h, sizeof(h));
	}
	put(f, blk, PG);
	/* the sub-header, the notes after it */
	{
		uint8_t *sub = calloc(subblocks, PG);
		uint64_t noff = PG + 104;

		if (o->is32) {
			uint32_t lv = (uint32_t)o->level, sp = o->s1 != 0;
			uint32_t nl = (uint32_t)notes_len;

			memcpy(sub + 4, &lv, 4);
			memcpy(sub + 8, &sp, 4);
			memcpy(sub + 32, &noff, 8);
			memcpy(sub + 40, &nl, 4);
			memcpy(sub + 56, &start, 8);
			memcpy(sub + 64, &end, 8);
			memcpy(sub + 72, &maxpfn, 8);
		} else {
			uint32_t lv = (uint32_t)o->level, sp = o->s1 != 0;

			memcpy(sub + 8, &lv, 4);
			memcpy(sub + 12, &sp, 4);
			memcpy(sub + 48, &noff, 8);
			memcpy(sub + 56, &notes_len, 8);
			memcpy(sub + 80, &start, 8);
			memcpy(sub + 88, &end, 8);
			memcpy(sub + 96, &maxpfn, 8);
		}
		memcpy(sub + 104, notes, notes_len);
		put(f, sub, subblocks * PG);
		free(sub);
	}
	put(f, bm1, bmblocks * PG);
	put(f, bm2, bmblocks * PG);
	/* descriptors, then the data they point at */
	data = (1 + subblocks + 2 * bmblocks) * PG + ndesc * 24;
	for (pass = 0; pass < 2; pass++) {
		uint64_t at = data;

		zero_off = 0;
		for (pfn = start; pfn < end; pfn++) {
			const uint8_t *p = page(pfn);
			uint32_t n, fl;

			if (p == NULL || excluded(o, pfn))
				continue;
			if (zero(p, PG) && zero_off) {
				if (pass == 0) {
					uint32_t d[2] = { zero_n, zero_fl };

					put64(f, zero_off);
					put(f, d, 8);
					put64(f, 0);
				}
				continue;
			}
			fl = (uint32_t)compress_page(o->comp, p, out, &n);
			if (zero(p, PG)) {
				zero_off = at;
				zero_n = n;
				zero_fl = fl;
			}
			if (pass == 0) {
				uint32_t d[2] = { n, fl };

				put64(f, at);
				put(f, d, 8);
				put64(f, 0);
			} else {
				put(f, out, n);
			}
			at += n;
		}
	}
	free(bm1);
	free(bm2);
}

static void
be64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static void
flat_rec(FILE *f, const uint8_t *data, uint64_t off, uint64_t len)
{
	uint8_t h[16];

	be64(h, off);
	be64(h + 8, len);
	fwrite(h, 1, 16, f);
	if (len != ~0ULL)
		fwrite(data + off, 1, len, f);
}

static void
flatten(const char *in, FILE *f, uint64_t rec, bool overlap)
{
	FILE *i = fopen(in, "rb");
	uint8_t hdr[4096] = "makedumpfile", *d;
	uint64_t off;
	long n;
	int pass;

	if (i == NULL || fseek(i, 0, SEEK_END) || (n = ftell(i)) <= 0)
		die("cannot read the input");
	d = malloc((size_t)n);
	rewind(i);
	if (d == NULL || fread(d, 1, (size_t)n, i) != (size_t)n)
		die("cannot read the input");
	fclose(i);
	be64(hdr + 16, 1);
	be64(hdr + 24, 1);
	fwrite(hdr, 1, sizeof(hdr), f);
	for (pass = 0; pass < 2; pass++)
		for (off = (uint64_t)pass * rec; off < (uint64_t)n; off += 2 * rec)
			flat_rec(f, d, off, off + rec <= (uint64_t)n ? rec :
				 (uint64_t)n - off);
	if (overlap)
		flat_rec(f, d, 0, rec <= (uint64_t)n ? rec : (uint64_t)n);
	flat_rec(f, d, ~0ULL, ~0ULL);
	free(d);
}

static void
range(const char *s, uint64_t *a, uint64_t *b)
{
	char *e;

	*a = strtoull(s, &e, 0);
	if (*e != '-')
		die("give a pfn range as FIRST-LAST");
	*b = strtoull(e + 1, NULL, 0);
}

int
main(int argc, char **argv)
{
	struct kopt o = { .comp = 1, .level = 0 };
	FILE *f;
	int i;

	if (argc < 4)
		die("usage: mkdump kdump|lime|avml|flatten IN OUT [options]");
	if (!strcmp(argv[1], "flatten")) {
		uint64_t rec = 4096;
		bool overlap = false;

		for (i = 4; i < argc; i++)
			if (!strcmp(argv[i], "-r") && i + 1 < argc)
				rec = strtoull(argv[++i], NULL, 0);
			else if (!strcmp(argv[i], "--overlap"))
				overlap = true;
			else
				die("unknown option");
		if (rec == 0 || (f = fopen(argv[3], "wb")) == NULL)
			die("cannot create the output");
		flatten(argv[2], f, rec, overlap);
		if (fclose(f))
			die("write failed");
		return 0;
	}
	read_core(argv[2]);
	for (i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "-c") && i + 1 < argc) {
			const char *c = argv[++i];

			o.comp = !strcmp(c, "zlib") ? 1 : !strcmp(c, "lzo") ? 2 :
				!strcmp(c, "snappy") ? 4 : !strcmp(c, "zstd") ?
				0x20 : 0;
		} else if (!strcmp(argv[i], "-d") && i + 1 < argc) {
			o.level = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "-x") && i + 1 < argc && o.nx < 16) {
			range(argv[++i], &o.x0[o.nx], &o.x1[o.nx]);
			o.nx++;
		} else if (!strcmp(argv[i], "--split") && i + 1 < argc) {
			range(argv[++i], &o.s0, &o.s1);
		} else if (!strcmp(argv[i], "--32")) {
			o.is32 = true;
		} else {
			die("unknown option");
		}
	}
	f = fopen(argv[3], "wb");
	if (f == NULL)
		die("cannot create the output");
	if (!strcmp(argv[1], "kdump"))
		kdump(f, &o);
	else
		lime(f, !strcmp(argv[1], "avml"));
	if (fclose(f))
		die("write failed");
	return 0;
}
