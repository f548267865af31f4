/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kernel's types from the DWARF of a vmlinux (src/image/dwarf.c, read
 * with elfutils' libdw), for the kernels that carry no BTF (Debian's 686
 * and 686-pae): each type is converted into an in-memory BTF (libbpf's
 * writer) when first asked for by name, with every type it reaches, so
 * that the readers of the kernel's BTF work on it unchanged.
 *
 * Types are found by name among the top-level DIEs of the compilation
 * units, in their order; a name two units define differently is the
 * first unit's (as the kernel's own types are defined once, in headers).
 * A pointer to a type that a unit only declares leads to its definition
 * in another unit, or to a forward declaration where no unit defines it.
 */
#ifndef PTWALK_KDWARF_H
#define PTWALK_KDWARF_H

#include "types.h"

struct kdwarf;
struct btf;
struct error;

/*
 * The DWARF of the ELF file at path; NULL with the error when the file has
 * none (no .debug_info) or libdw cannot read it.
 */
struct kdwarf *kdwarf_open(const char *path, struct error *e);
/* Whether the ELF file at path has a .debug_info section. */
bool kdwarf_present(const char *path);
/* The BTF the conversions fill (empty at first, owned by kd). */
struct btf *kdwarf_btf(struct kdwarf *kd);
/*
 * The struct, union, typedef, enum or base type NAME (in that order of
 * kinds; with kind 's', 'u', 't', 'e' or 'b' that kind only), converted:
 * its BTF id, or
 * -ENOENT when no unit defines it (another negative errno with the error
 * when its DWARF cannot be converted).
 */
int kdwarf_type(struct kdwarf *kd, const char *name, int kind, u32 *id,
		struct error *e);
/* The value of the enumerator NAME, its enum converted; -ENOENT if none. */
int kdwarf_enumerator(struct kdwarf *kd, const char *name, s64 *val,
		      struct error *e);
void kdwarf_free(struct kdwarf *kd);

#endif
