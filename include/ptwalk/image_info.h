/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a memory image says of its machine (m->img): the file's format and
 * warnings, the state of each CPU, the VMCOREINFO and PTWALK notes, and the
 * helpers of the arch folders' image code (src/arch/image_info.c).  The
 * file is opened and parsed in src/image (image.h).
 */
#ifndef PTWALK_IMAGE_INFO_H
#define PTWALK_IMAGE_INFO_H

#include "machine.h"

enum image_format { IMG_RAW, IMG_ELF, IMG_KDUMP, IMG_LIME, IMG_AVML, IMG_QEMU };

/* Warnings kept of one image; the rest are counted in a last one. */
#define IMAGE_WARN_MAX	50

/* The state of one CPU as the file gives it. */
struct image_cpu {
	int id;			/* pr_pid of NT_PRSTATUS or the note order */
	bool have_ctl;		/* control registers known (QEMU's note) */
	u64 ctl[8];		/* in the order of image_info.reg_names */
	/* from the "PTWALK" note of a core ptwalk saved */
	bool have_root[2];
	u64 root[2];
	u16 asid;
	bool have_regs;
	int gdb_tid;		/* a live guest: the vCPU's gdb thread id */
	u64 regs[8];		/* struct cpu regs[] */
};

struct image_opts {
	const char *path;
	const char *arch;	/* --arch, or NULL */
	u64 root[2];		/* --cr3 / --ttbr0 --ttbr1 */
	bool have_root[2];
	bool root_auto[2];	/* --cr3 auto: the best root a scan finds */
	u64 phys_base;		/* raw images: physical address of byte 0 */
	const char *symbols;	/* --symbols: a System.map or a vmlinux */
	const char *btf;	/* --btf: the kernel's types, raw BTF */
	const char *qemu;	/* --qemu ADDRESS: a live guest's gdbstub */
	const char *qemu_ram;	/* --qemu-ram FILE: its shared RAM file */
};

struct image_info {
	enum image_format format;
	char kind[96];		/* "QEMU dump-guest-memory ELF core" ... */
	unsigned elf_machine;
	int elf_class;		/* 1: ELFCLASS32, 2: ELFCLASS64 */
	int nload;		/* PT_LOAD headers used */
	u64 file_size;
	int ncpus;
	struct image_cpu *cpu;
	char *vmcoreinfo;	/* the VMCOREINFO note's text, or NULL */
	struct vmci_index *vmci;	/* its lines by key (vmcoreinfo_index) */
	char *features;		/* the "PTWALK" note: CPU features, or NULL */
	struct image_opts opts;	/* what the command line said */
	char root_from[256];	/* where the roots came from */
	char direct_from[160];	/* how the direct map was found (or not) */
	char layout_note[240];	/* what the layout facts rest on */
	char vmci_from[240];	/* a live guest: where its VMCOREINFO is */
	const char *reg_names[8];	/* of struct cpu regs[] (x86: cr0...) */
	/* compressed and filtered dumps (kdump-compressed, AVML) */
	char compression[48];	/* "zlib", "lzo, snappy" ... or "" */
	int dump_level;		/* makedumpfile -d, or -1 */
	u64 pages_present, pages_excluded;
	char **warn;		/* warnings for the user, in order */
	int nwarn;
	int nwarn_dropped;	/* beyond IMAGE_WARN_MAX: only counted */
	struct ktypes *ktypes;	/* the kernel's BTF, on first use (ktypes.h) */
};

void image_info_free(struct image_info *ii);
void image_warn(struct image_info *ii, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The CPU of the next CPU note of a kind (*ncpu_notes counts them). */
struct image_cpu *image_add_cpu(struct image_info *ii, int *ncpu_notes);

/*
 * VMCOREINFO lookups: "SYMBOL(swapper_pg_dir)", "NUMBER(phys_base)",
 * "KERNELOFFSET", "PAGESIZE", "CONFIG_X86_PAE".  Values are read as the
 * kernel prints them: SYMBOL() and KERNELOFFSET in hex, the rest in
 * decimal unless they start with 0x.
 */
bool vmcoreinfo_u64(const struct image_info *ii, const char *key, u64 *v);
/* The value of key, or dflt when the VMCOREINFO lacks it. */
u64 vmcoreinfo_or(const struct image_info *ii, const char *key, u64 dflt);
/* Every SYMBOL(name)=value of the VMCOREINFO becomes a kernel symbol. */
void vmcoreinfo_add_symbols(struct machine *m);
/* The lines every saved VMCOREINFO starts with (release, page size, ...). */
void vmcoreinfo_save_common(struct machine *m, struct strbuf *sb);
/* The text after "KEY=" up to the end of its line, or NULL. */
const char *vmcoreinfo_str(const struct image_info *ii, const char *key,
			   size_t *len);

/*
 * Lowest va in [lo, hi) that is mapped under root, found by walking with
 * the level sizes (unmapped tables are skipped whole).  *pa is its
 * translation.  false when none.
 */
bool image_first_mapped(struct machine *m, u64 root, u64 lo, u64 hi,
			u64 *va, u64 *pa);
/*
 * The end of the linear mapping va = pa + off that starts at page_offset:
 * the end of the last physical range mapped there.
 */
u64 image_linear_end(struct machine *m, u64 root, u64 off);

/* The "features=" line of the PTWALK note, when there is one, into *f. */
void image_note_features(const struct image_info *ii, unsigned *f);
/* The "PTWALK" note: "KEY=VALUE" lines (arch, features, va_bits). */
bool ptwalk_note_u64(const struct image_info *ii, const char *key, u64 *v);

/* Index the VMCOREINFO text of ii for lookups (when the note is read). */
void vmcoreinfo_index(struct image_info *ii);

/* Notes for save: one ELF note (name, type, desc) appended to sb. */
void note_add(struct strbuf *sb, const char *name, u32 type,
	      const void *desc, size_t descsz);

#endif
