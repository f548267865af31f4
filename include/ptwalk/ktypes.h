/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's types, from the BTF the kernel carries in its image
 * (src/image/btf.c, read with libbpf), and typed reads of kernel memory.
 *
 * The BTF is found on first use, never at open: between the symbols
 * __start_BTF and __stop_BTF when the machine has them, else by its header
 * (magic 0xeB9F, version 1) in the kernel image from _stext on, read
 * through the kernel's own page tables.  A dump without BTF (or with a
 * corrupt one) keeps everything else; the calls below then fail with an
 * error saying so.
 *
 * Member paths name a member of a struct or union and the members inside
 * it: "task_struct.mm", "mm_struct.mm_mt.ma_root", "zone.free_area[3]".
 * Members of anonymous structs and unions are found through them, as C
 * finds them.
 */
#ifndef PTWALK_KTYPES_H
#define PTWALK_KTYPES_H

#include "types.h"

struct machine;
struct error;
struct btf;

/* Where a member lies in its outermost struct. */
struct kmember {
	u64 offset;		/* bytes from the start of the struct */
	u64 size;		/* bytes (a bitfield: of its storage unit) */
	unsigned bit_offset;	/* bitfields: bits past offset, else 0 */
	unsigned bit_size;	/* bitfields: their width, else 0 */
	u32 type_id;		/* the member's BTF type */
};

/*
 * The kernel's BTF, loaded on first use; NULL with the error when the
 * machine has none or it cannot be parsed.  Where it was found (*va, *size)
 * when those are not NULL.
 */
const struct btf *ktypes_btf(struct machine *m, u64 *va, u64 *size,
			     struct error *e);
/* Whether the BTF was looked for already (and found). */
bool ktypes_loaded(const struct machine *m);
/*
 * --btf FILE: the kernel's types from a raw BTF file instead of the dump's;
 * refused when a SIZE() or OFFSET() of the dump's VMCOREINFO disagrees
 * with it, or its pointers are not the dump's size.
 */
int ktypes_load_file(struct machine *m, const char *path, struct error *e);
/* Free what ktypes_btf() loaded (the machine's release calls it). */
void ktypes_release(struct machine *m);

/*
 * A named struct or union (else typedef, enum, then any kind): its BTF
 * type id, or a negative errno with the error.
 */
int ktype_id(struct machine *m, const char *name, u32 *id, struct error *e);
/* sizeof(NAME) */
int ktype_size(struct machine *m, const char *name, u64 *size,
	       struct error *e);
/* The offset and size of STRUCT.MEMBER[.MEMBER...] */
int ktype_member(struct machine *m, const char *path, struct kmember *km,
		 struct error *e);
/* The value of an enumerator (MM_ANONPAGES, maple_leaf_64). */
int ktype_enum(struct machine *m, const char *name, s64 *val,
	       struct error *e);
/* offsetof(), or 0 with the error (for callers that check e->code). */
int ktype_offset(struct machine *m, const char *path, u64 *off,
		 struct error *e);

/*
 * Read n bytes of kernel memory at va through the kernel's page tables
 * (swapper's, whatever process a CPU runs), never the TLB.
 */
int kread(struct machine *m, u64 va, void *buf, u64 n, struct error *e);
/* The physical address of kernel address va (swapper's tables). */
int kva_pa(struct machine *m, u64 va, u64 *pa, struct error *e);
/*
 * Each page of the kernel image from _stext on (128 MiB at most) that
 * the kernel's tables map to RAM, in address order, until fn returns
 * true: then 0.  -ENOENT when fn never did (or _stext is unknown).
 */
int kimage_scan(struct machine *m, bool (*fn)(void *arg, u64 va,
					      const u8 *page),
		void *arg);
/* An integer, enum, pointer or bitfield member of the object at obj. */
int kread_field(struct machine *m, u64 obj, const char *path, u64 *val,
		struct error *e);
/* A pointer-sized word at va. */
int kread_ulong(struct machine *m, u64 va, u64 *val, struct error *e);

#endif
