/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's symbols of a memory image (src/image/kallsyms.c,
 * src/image/symfile.c): decoded from the kallsyms tables in the dump's own
 * memory, which Linux 6.0 and later locate in VMCOREINFO
 * (SYMBOL(kallsyms_names), kallsyms_num_syms, kallsyms_token_table,
 * kallsyms_token_index, kallsyms_offsets with kallsyms_relative_base, or
 * kallsyms_addresses), or read from a System.map or a vmlinux given with
 * --symbols.  Every symbol lands in the machine's table (ksym.h).
 */
#ifndef PTWALK_KALLSYMS_H
#define PTWALK_KALLSYMS_H

#include "machine.h"
#include "util.h"

/* Bounds no real kernel comes near: a table beyond them is corrupt. */
#define KALLSYMS_MAX_SYMS	(1 << 21)
#define KALLSYMS_MAX_BYTES	(64u << 20)	/* names, read or expanded */
#define KSYM_NAME_LEN		512		/* include/linux/kallsyms.h */

/* Decode kallsyms from m's memory now; the error says what is missing. */
int kallsyms_read(struct machine *m, struct error *e);
/*
 * Decode kallsyms on the first symbol lookup (machine_ksym_defer); when
 * the dump cannot have them, say why at once (machine_ksyms_error).
 */
void kallsyms_defer(struct machine *m);

/*
 * --symbols FILE, a System.map or a vmlinux.  symfile_read() reads it,
 * relocated by the dump's KERNELOFFSET; symfile_early() adds, before the
 * arch reads the image, the symbol that places the page tables
 * (swapper_pg_dir) for a dump whose VMCOREINFO does not;
 * symfile_load() then refuses a file of another kernel (its symbols must
 * agree with the VMCOREINFO's SYMBOL() lines, its build ID with BUILD-ID,
 * its linux_banner with OSRELEASE, and the dump's memory at linux_banner
 * must read "Linux version RELEASE") or makes its symbols the machine's,
 * and frees sf either way.
 */
struct symfile;
struct symfile *symfile_read(struct machine *m, const char *path,
			     struct error *e);
void symfile_early(struct machine *m, const struct symfile *sf);
int symfile_load(struct machine *m, struct symfile *sf, struct error *e);
void symfile_free(struct symfile *sf);

/*
 * Reading the kernel's virtual memory for the decoders: through the
 * kernel's own page tables (swapper_pg_dir, else the CPU's kernel root).
 */
struct kview {
	struct machine *m;
	u64 root;
	u64 page_va;		/* the page held, or 1 */
	u64 page_pa;		/* its physical address */
	const u8 *page;
};
int kview_init(struct kview *k, struct machine *m, struct error *e);
int kview_read(struct kview *k, u64 va, void *buf, size_t n,
	       struct error *e);

#endif
