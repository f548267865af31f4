/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Memory images: a QEMU dump-guest-memory ELF core, a kdump ELF vmcore (or
 * any ELF core whose PT_LOAD program headers carry physical addresses), or
 * a raw file of physical memory.  image_open() maps the file privately,
 * makes its ranges physical memory and builds a machine without a kernel
 * (m->kern == NULL, m->image == true).  The file is never written: stores
 * land in private copy-on-write pages and are lost unless `save`d.
 *
 * image_save() writes a machine (simulated or an image) as an ELF core in
 * the layout QEMU's dump-guest-memory uses: a PT_NOTE with the per-CPU
 * notes (NT_PRSTATUS "CORE" notes, then the "QEMU" CPU-state notes) and a
 * VMCOREINFO note, then one PT_LOAD per run of frames that hold data and
 * zero-filled PT_LOADs (p_filesz 0) for the rest of RAM.
 */
#ifndef PTWALK_IMAGE_H
#define PTWALK_IMAGE_H

#include "image_info.h"

/* Open an image and build its machine; warnings are in m->img->warn. */
struct machine *image_open(const struct image_opts *o, struct error *e);

/*
 * How save writes: an ELF core (QEMU's layout) or a kdump-compressed dump
 * (src/image/kdump_save.c) with a compression and a dump level (1: zero
 * pages left out; the other bits of makedumpfile's -d need the kernel's
 * page flags).
 */
enum save_format { SAVE_ELF, SAVE_KDUMP, SAVE_LIME };
enum save_compress { SAVE_NONE, SAVE_ZLIB, SAVE_LZO, SAVE_SNAPPY, SAVE_ZSTD };
struct save_opts {
	enum save_format format;
	enum save_compress compress;
	int dump_level;
};

/* Write m as an ELF core; the error says what failed. */
int image_save(struct machine *m, const char *path, struct error *e);
/* Write m in the format of o (NULL: an ELF core). */
int image_save_as(struct machine *m, const char *path,
		  const struct save_opts *o, struct error *e);

/*
 * A running QEMU guest (src/image/live_qemu.c): o->qemu is its gdbstub,
 * "unix:PATH" or "host:port"; o->qemu_ram, when set, the file of its
 * RAM (memory-backend-file, share=on).  The machine is an image whose
 * pages are read on demand and dropped before every command while the
 * guest runs; warnings are in m->img->warn.
 */
struct machine *live_qemu_open(const struct image_opts *o, struct error *e);
/*
 * Read the registers again and drop the cached pages; mode > 0: the guest
 * runs between commands from now on, < 0: it stays stopped, 0: as it was.
 */
int live_qemu_refresh(struct machine *m, int mode, struct error *e);
bool live_qemu_running(const struct machine *m);
/* Why a live guest's vCPU has no page-table root (its MMU off), or NULL. */
const char *live_qemu_no_root(const struct machine *m, int cpu);

#endif
