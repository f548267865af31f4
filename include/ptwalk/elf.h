/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ELF executables read with libelf: the header, the program headers the
 * kernel's loader uses (PT_LOAD, PT_INTERP) and the symbols of .symtab and
 * .dynsym.  The bytes are the caller's (a private mapping of the file or a
 * built-in copy); parsing reads the headers and the symbol tables, never
 * the contents of the segments.
 */
#ifndef PTWALK_ELF_H
#define PTWALK_ELF_H

#include <elf.h>		/* EM_*, PT_*, PF_*, STT_*, AT_*, NT_* */

#include "types.h"
#include "util.h"

struct elf_seg {
	u32 type;		/* PT_LOAD, PT_INTERP, ... */
	u32 flags;		/* PF_R | PF_W | PF_X */
	u64 offset, vaddr, filesz, memsz, align;
};

struct elf_sym {
	char *name;
	u64 value;		/* address; arm Thumb functions: low bit clear */
	u64 size;
	u8 type;		/* STT_FUNC, STT_OBJECT, STT_NOTYPE ... */
	u8 bind;		/* STB_LOCAL, STB_GLOBAL, STB_WEAK */
	bool thumb;		/* arm: a Thumb function (st_value bit 0) */
	bool dynamic;		/* from .dynsym */
	int order;		/* in the order read (.symtab, then .dynsym) */
};

/* arm mapping symbols ($a, $t, $d): which instruction set is where */
struct elf_mapsym {
	u64 addr;
	char kind;		/* 'a' ARM, 't' Thumb, 'd' data, 'x' A64 */
};

struct elf_info {
	char *name;		/* what the caller called it (path) */
	const u8 *data;		/* the file's bytes (not owned) */
	u64 size;
	bool is64;
	u16 type;		/* ET_EXEC, ET_DYN, ... */
	u16 machine;		/* EM_* */
	u64 entry;
	u64 phoff;
	u16 phnum, phentsize;
	struct elf_seg *seg;	/* every program header */
	int nseg;
	char *interp;		/* PT_INTERP path or NULL */
	struct elf_sym *sym;	/* sorted by value, then name */
	int nsym;
	struct elf_mapsym *map;	/* sorted by addr */
	int nmap;
	char *sym_note;		/* why symbols are missing, or NULL */
};

/*
 * Parse an ELF file's bytes.  Fails (with a message naming the file and
 * the problem) on anything that is not a well-formed ELF header with
 * program headers inside the file.
 */
int elf_parse(const char *name, const void *data, u64 size,
	      struct elf_info **out, struct error *e);
void elf_free(struct elf_info *ei);
/*
 * A file that starts with \177ELF but is shorter than its ELF header:
 * why says so ("truncated ELF header: 5 bytes of 52/64").
 */
bool elf_header_truncated(const void *data, u64 size, char *why, size_t n);

/*
 * What load_elf_binary() refuses: wrong type (core, relocatable), wrong
 * machine (the message names both), no or bad PT_LOADs (beyond the file,
 * p_filesz > p_memsz, overlapping or unsorted, misaligned offsets, beyond
 * task_size), a bad PT_INTERP.  arch names the machine for the message.
 */
int elf_check_exec(const struct elf_info *ei, u16 machine, bool is64,
		   const char *arch, u64 task_size, struct error *e);

/* The name of an ELF machine for messages: elf.h's, and its arch's. */
const char *elf_machine_name(u16 machine);

/* "ET_EXEC", "ET_DYN (shared object or PIE)", ... */
const char *elf_type_name(u16 type);

/* A symbol by name (functions and objects first), or NULL. */
const struct elf_sym *elf_sym_find(const struct elf_info *ei,
				   const char *name);
/* The symbol containing addr, else the nearest below it, or NULL. */
const struct elf_sym *elf_sym_at(const struct elf_info *ei, u64 addr);
/* arm: the mapping-symbol kind in force at addr (0: none). */
char elf_map_kind(const struct elf_info *ei, u64 addr);

#endif
