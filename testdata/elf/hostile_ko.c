// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Hostile module-shaped objects for insmod: x86_64 relocatable ELF files
 * (ET_REL) whose section headers ask for what the module loader must
 * refuse before it lays anything out: alignments of 2^63 (which wrap
 * ALIGN()), alignments that are not a power of two or exceed a page, a
 * .bss of 2^62 bytes, sections that add up to more than the module area.
 * And one well-formed object with symbols, for the symbols insmod adds.
 *
 * Built and run by make-hostile.sh (any C compiler; only <elf.h>):
 *	hostile_ko DIR	writes DIR/hostile-*.ko and DIR/syms-x86_64.ko
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sect {
	const char *name;
	uint32_t type;		/* SHT_PROGBITS or SHT_NOBITS */
	uint64_t flags;
	uint64_t align;
	uint64_t size;		/* NOBITS: any; PROGBITS: bytes in the file */
};

struct sym {
	const char *name;
	int sect;		/* index in the sect array */
	uint64_t value, size;
	unsigned char info;
};

static unsigned char file[65536];
static size_t len;

static size_t
put(const void *p, size_t n, size_t align)
{
	size_t at = (len + align - 1) & ~(align - 1);

	if (at + n > sizeof(file)) {
		fprintf(stderr, "hostile_ko: too big\n");
		exit(1);
	}
	memset(file + len, 0, at - len);
	if (p != NULL)
		memcpy(file + at, p, n);
	else
		memset(file + at, 0x90, n);	/* nop: some bytes */
	len = at + n;
	return at;
}

static size_t
add_str(char *tab, size_t *n, const char *s)
{
	size_t at = *n;

	strcpy(tab + at, s);
	*n += strlen(s) + 1;
	return at;
}

static void
write_ko(const char *dir, const char *name, const struct sect *sec, int nsec,
	 const struct sym *sym, int nsym)
{
	Elf64_Ehdr eh;
	Elf64_Shdr sh[32];
	Elf64_Sym st[32];
	char shstr[1024], str[1024], path[4096];
	size_t nshstr = 1, nstr = 1, off[32];
	int i, nsh, symidx = 0, stridx = 0, shstridx, nlocal = 0;
	FILE *f;

	len = sizeof(eh);
	memset(sh, 0, sizeof(sh));
	shstr[0] = str[0] = 0;
	for (i = 0; i < nsec; i++) {
		off[i] = sec[i].type == SHT_NOBITS ? len :
			put(NULL, sec[i].size, 16);
		sh[i + 1].sh_name = (Elf64_Word)add_str(shstr, &nshstr, sec[i].name);
		sh[i + 1].sh_type = sec[i].type;
		sh[i + 1].sh_flags = sec[i].flags;
		sh[i + 1].sh_offset = off[i];
		sh[i + 1].sh_size = sec[i].size;
		sh[i + 1].sh_addralign = sec[i].align;
	}
	nsh = nsec + 1;
	if (nsym > 0) {
		memset(st, 0, sizeof(st));
		for (i = 0; i < nsym; i++) {
			st[i + 1].st_name = (Elf64_Word)add_str(str, &nstr,
								sym[i].name);
			st[i + 1].st_info = sym[i].info;
			st[i + 1].st_shndx = (Elf64_Section)(sym[i].sect + 1);
			st[i + 1].st_value = sym[i].value;
			st[i + 1].st_size = sym[i].size;
			if (ELF64_ST_BIND(sym[i].info) == STB_LOCAL &&
			    nlocal == i)
				nlocal++;
		}
		symidx = nsh++;
		stridx = nsh++;
		sh[symidx].sh_name = (Elf64_Word)add_str(shstr, &nshstr, ".symtab");
		sh[symidx].sh_type = SHT_SYMTAB;
		sh[symidx].sh_offset = put(st, (size_t)(nsym + 1) * sizeof(*st), 8);
		sh[symidx].sh_size = (size_t)(nsym + 1) * sizeof(*st);
		sh[symidx].sh_link = (Elf64_Word)stridx;
		sh[symidx].sh_info = (Elf64_Word)(1 + nlocal);	/* first global */
		sh[symidx].sh_entsize = sizeof(*st);
		sh[symidx].sh_addralign = 8;
		sh[stridx].sh_name = (Elf64_Word)add_str(shstr, &nshstr, ".strtab");
		sh[stridx].sh_type = SHT_STRTAB;
		sh[stridx].sh_offset = put(str, nstr, 1);
		sh[stridx].sh_size = nstr;
		sh[stridx].sh_addralign = 1;
	}
	shstridx = nsh++;
	sh[shstridx].sh_name = (Elf64_Word)add_str(shstr, &nshstr, ".shstrtab");
	sh[shstridx].sh_type = SHT_STRTAB;
	sh[shstridx].sh_offset = put(shstr, nshstr, 1);
	sh[shstridx].sh_size = nshstr;
	sh[shstridx].sh_addralign = 1;
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_REL;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = (Elf64_Half)nsh;
	eh.e_shstrndx = (Elf64_Half)shstridx;
	eh.e_shoff = put(sh, (size_t)nsh * sizeof(Elf64_Shdr), 8);
	memcpy(file, &eh, sizeof(eh));
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(file, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	printf("  GEN     %s\n", path);
}

#define AX	(SHF_ALLOC | SHF_EXECINSTR)
#define WA	(SHF_ALLOC | SHF_WRITE)
#define A	SHF_ALLOC
#define HUGE	(1ULL << 63)

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	const struct sect data_rodata[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".data", SHT_PROGBITS, WA, HUGE, 16 },
		{ ".rodata", SHT_PROGBITS, A, HUGE, 16 },
	};
	const struct sect data_bss[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".data", SHT_PROGBITS, WA, HUGE, 16 },
		{ ".bss", SHT_NOBITS, WA, 32, 4096 },
	};
	const struct sect npot[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".data", SHT_PROGBITS, WA, 24, 16 },
	};
	const struct sect big_align[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".data", SHT_PROGBITS, WA, 65536, 16 },
	};
	const struct sect huge_bss[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".bss", SHT_NOBITS, WA, 64, 1ULL << 62 },
	};
	const struct sect too_big[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 32 },
		{ ".bss", SHT_NOBITS, WA, 64, 1ULL << 30 },
		{ ".bss.a", SHT_NOBITS, WA, 64, 1ULL << 30 },
		{ ".bss.b", SHT_NOBITS, WA, 64, 1ULL << 30 },
	};
	const struct sect good[] = {
		{ ".text", SHT_PROGBITS, AX, 16, 48 },
		{ ".init.text", SHT_PROGBITS, AX, 16, 16 },
		{ ".rodata", SHT_PROGBITS, A, 4096, 64 },
		{ ".data", SHT_PROGBITS, WA, 8, 16 },
		{ ".bss", SHT_NOBITS, WA, 64, 8192 },
	};
	const struct sym good_syms[] = {	/* the locals first */
		{ "helper", 0, 16, 32, ELF64_ST_INFO(STB_LOCAL, STT_FUNC) },
		{ "counter", 3, 8, 8, ELF64_ST_INFO(STB_LOCAL, STT_OBJECT) },
		{ "f", 0, 0, 16, ELF64_ST_INFO(STB_GLOBAL, STT_FUNC) },
		{ "syms_init", 1, 0, 16, ELF64_ST_INFO(STB_GLOBAL, STT_FUNC) },
		{ "table", 2, 0, 64, ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT) },
		{ "buffer", 4, 0, 8192, ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT) },
	};

	write_ko(dir, "hostile-align-data-rodata.ko", data_rodata, 3, NULL, 0);
	write_ko(dir, "hostile-align-data-bss.ko", data_bss, 3, NULL, 0);
	write_ko(dir, "hostile-align-npot.ko", npot, 2, NULL, 0);
	write_ko(dir, "hostile-align-64k.ko", big_align, 2, NULL, 0);
	write_ko(dir, "hostile-bss-huge.ko", huge_bss, 2, NULL, 0);
	write_ko(dir, "hostile-too-big.ko", too_big, 4, NULL, 0);
	write_ko(dir, "syms-x86_64.ko", good, 5, good_syms, 6);
	return 0;
}
