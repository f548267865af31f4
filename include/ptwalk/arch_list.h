/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The list of architectures (src/arch/arch.c): finding one by name or by
 * ELF machine, the names of the ELF machines none runs, the CPU features
 * of --cpu.  struct arch itself, what an arch is, is in arch.h; the layers
 * that only use the arch of their machine never see the list.
 */
#ifndef PTWALK_ARCH_LIST_H
#define PTWALK_ARCH_LIST_H

#include "arch.h"

struct strbuf;

/* The architectures, NULL-terminated: the first is the default. */
extern const struct arch *const arch_list[];
const struct arch *arch_find(const char *name);
/* The profile --kernel name selects on a (NULL: the default; none). */
const struct kernel_profile *arch_profile(const struct arch *a,
					  const char *name);
/* The conventions of an ELF machine, from its first arch (NULL: none). */
const struct arch_elf *arch_elf_find(unsigned machine);
/* The ELF machine and class of a kernel's utsname.machine; false: none. */
bool arch_elf_by_uts(const char *machine, size_t len, unsigned *em, int *cls);
/* The names of ELF machines no arch runs ({ 0, NULL }-terminated). */
struct elf_other_machine {
	u16 machine;
	const char *name;	/* elf.h's name and the usual arch name */
};
extern const struct elf_other_machine elf_other_machines[];
/* "i386, i386-pae, x86_64, ..." */
void arch_names(struct strbuf *sb);

/* Feature names for --cpu. */
struct feature_name {
	const char *name;
	unsigned bit;
	const char *what;
};
extern const struct feature_name feature_names[];

#endif
