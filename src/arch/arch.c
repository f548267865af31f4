// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The architecture list: one line per architecture, the default first.
 * Each line names the struct arch that a folder under src/arch defines.
 */
#include <elf.h>
#include <string.h>

#include "ptwalk/arch.h"
#include "ptwalk/arch_list.h"

#define ARCH_LIST(ARCH)		\
	ARCH(arch_i386)		\
	ARCH(arch_i386_pae)	\
	ARCH(arch_x86_64)	\
	ARCH(arch_x86_64_la57)	\
	ARCH(arch_arm)		\
	ARCH(arch_arm64)	\
	ARCH(arch_riscv64)	\
	ARCH(arch_riscv64_sv48)	\
	ARCH(arch_riscv64_sv57)	\
	ARCH(arch_riscv32)	\
	/* the end of the list */

#define ARCH_DECLARE(a)	extern const struct arch a;
#define ARCH_ENTRY(a)	&a,

ARCH_LIST(ARCH_DECLARE)

const struct arch *const arch_list[] = {
	ARCH_LIST(ARCH_ENTRY)
	NULL
};

const struct feature_name feature_names[] = {
	{ "pse", F_PSE, "large pages in 2-level/PAE paging (CR4.PSE)" },
	{ "pge", F_PGE, "global pages (CR4.PGE)" },
	{ "nx", F_NX, "no-execute bit (EFER.NXE)" },
	{ "gbpages", F_GBPAGES, "1G pages in the x86_64 direct map" },
	{ "pcid", F_PCID, "PCID-tagged TLB entries (CR4.PCIDE)" },
	{ "pse36", F_PSE36, "PSE-36: 4M pages above 4G" },
	{ "hafdbs", F_HAFDBS, "hardware access flag and dirty state "
	  "(ARMv8.1 TCR_EL1.HA/HD)" },
	{ "meltdown", F_MELTDOWN, "the CPU has the Meltdown bug "
	  "(X86_BUG_CPU_MELTDOWN), so a 6.1 kernel isolates its page tables "
	  "(PTI); on by default where QEMU's default CPU has it (qemu32, an "
	  "Intel model), off where it does not (qemu64, an AMD model)" },
	{ "svadu", F_SVADU, "the walker sets A and D (Svadu); without it a "
	  "clear A or a store to a clean page faults (Svade)" },
	{ "svpbmt", F_SVPBMT, "page-based memory types (Svpbmt: PTE bits "
	  "62:61)" },
	{ NULL, 0, NULL }
};

const struct arch *
arch_find(const char *name)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++)
		if (!strcmp(arch_list[i]->name, name))
			return arch_list[i];
	return NULL;
}

const struct kernel_profile *
arch_profile(const struct arch *a, const char *name)
{
	const struct kernel_profile *p;

	if (a->profiles == NULL)
		return NULL;
	if (name == NULL)
		return &a->profiles[0];
	for (p = a->profiles; p->name != NULL; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

void
arch_names(struct strbuf *sb)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", arch_list[i]->name);
}

const struct arch_elf *
arch_elf_find(unsigned machine)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++)
		if (arch_list[i]->elf_machine == machine)
			return arch_list[i]->elf;
	return NULL;
}

bool
arch_elf_by_uts(const char *machine, size_t len, unsigned *em, int *cls)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++) {
		const struct arch_elf *ae = arch_list[i]->elf;
		const char *p = ae ? ae->uts_machine : NULL;

		while (p != NULL && *p) {
			size_t n = strcspn(p, ",");

			if (n <= len && !strncmp(machine, p, n)) {
				*em = arch_list[i]->elf_machine;
				*cls = ae->elf_class;
				return true;
			}
			p += n + (p[n] == ',');
		}
	}
	return false;
}

/* ELF machines of no arch here, named in the messages about their files. */
const struct elf_other_machine elf_other_machines[] = {
	{ EM_PPC64, "EM_PPC64 (ppc64)" },
	{ EM_PPC, "EM_PPC (ppc)" },
	{ EM_S390, "EM_S390 (s390)" },
	{ EM_MIPS, "EM_MIPS (mips)" },
	{ EM_SPARCV9, "EM_SPARCV9 (sparc64)" },
	{ 0, NULL }
};
