/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The readers of the image formats other than ELF and raw, each in its own
 * file: kdump-compressed (kdump.c), LiME and AVML (lime.c).  image.c picks
 * one by the file's first bytes (image_fmt_detect) and calls its open.
 */
#ifndef PTWALK_IMAGE_FMT_H
#define PTWALK_IMAGE_FMT_H

#include "ptwalk/image_info.h"
#include "ptwalk/phys.h"

/* Default size of the cache of decompressed pages (set image-cache). */
#define IMAGE_CACHE_DEFAULT	(4 * MiB)

/*
 * By content: IMG_KDUMP, IMG_LIME, IMG_AVML, or -1 with *why set when the
 * file is a dump variant ptwalk cannot read (old diskdump...), or
 * -1 with *why NULL when it is none of these.
 */
int image_fmt_detect(const u8 *h, size_t n, const char **why);

int kdump_open(struct phys *ph, struct image_info *ii, struct error *e);

/*
 * flat.c: a flattened dump (makedumpfile -F) read in place: an index of
 * its records by offset; flat_read copies bytes of the dump it holds
 * (zeros where no record writes; in a file cut short, an error unless
 * holes).
 */
struct flat;
int flat_open(const u8 *map, u64 size, const char *path, struct image_info *ii,
	      struct flat **out, struct error *e);
u64 flat_size(const struct flat *f);
size_t flat_records(const struct flat *f);
int flat_read(const struct flat *f, u64 off, void *dst, u64 len, bool holes,
	      struct error *e);
void flat_free(struct flat *f);
int lime_open(struct phys *ph, struct image_info *ii, struct error *e);

/* kdump_save.c: m as a kdump-compressed dump on fd (save --format kdump) */
struct save_opts;
struct strbuf;
int kdump_save(struct machine *m, int fd, const struct strbuf *notes,
	       const char *vi, const struct save_opts *o, struct error *e);

/* notes.c: the notes of a core, one at a time or a buffer of them */
void image_note(struct image_info *ii, const char *name, u32 namesz, u32 type,
		const u8 *desc, u32 descsz, int *nprs, int *narch);
int image_notes_buf(struct image_info *ii, const u8 *buf, u64 size, int *nprs,
		    int *narch);
/* the roots and registers of ptwalk's own note (a dump save wrote) */
void ptwalk_note_cpus(struct image_info *ii);

/*
 * The machine of physical memory ph whose format ii describes (a live
 * target): the arch, CPUs, roots and symbols, as for a file.  ph and ii
 * are the machine's from then on, or freed on failure.
 */
struct machine *image_machine(struct phys *ph, struct image_info *ii,
			      struct error *e);

#endif
