// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * ELF executables with libelf: header and program headers checked as the
 * kernel's loader checks them (fs/binfmt_elf.c), symbols from .symtab and
 * .dynsym.  Nothing here reads a segment's contents.
 */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/elf.h"

#define PATH_MAX_LINUX	4096

const char *
elf_machine_name(u16 machine)
{
	static char buf[32];
	const struct arch_elf *ae = arch_elf_find(machine);
	const struct elf_other_machine *o;

	if (ae != NULL)
		return ae->name;
	for (o = elf_other_machines; o->name != NULL; o++)
		if (o->machine == machine)
			return o->name;
	snprintf(buf, sizeof(buf), "machine %u", machine);
	return buf;
}

const char *
elf_type_name(u16 type)
{
	switch (type) {
	case ET_NONE: return "ET_NONE";
	case ET_REL: return "ET_REL (relocatable object)";
	case ET_EXEC: return "ET_EXEC (executable)";
	case ET_DYN: return "ET_DYN (position-independent)";
	case ET_CORE: return "ET_CORE (core dump)";
	default: return "unknown type";
	}
}

static int
cmp_sym(const void *a, const void *b)
{
	const struct elf_sym *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	/* functions and objects before untyped labels, then by name */
	if ((x->type == STT_NOTYPE) != (y->type == STT_NOTYPE))
		return x->type == STT_NOTYPE ? 1 : -1;
	if (x->dynamic != y->dynamic)
		return x->dynamic ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int
cmp_map(const void *a, const void *b)
{
	const struct elf_mapsym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return 0;
}

/* By value, then name; .symtab's before .dynsym's, each in table order. */
static int
cmp_dup(const void *a, const void *b)
{
	const struct elf_sym *x = a, *y = b;
	int c;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	if (x->dynamic != y->dynamic)
		return x->dynamic ? 1 : -1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * .dynsym repeats most of .symtab: a .dynsym symbol is dropped when one of
 * the same name and value comes before it.  Sorting makes this
 * O(n log n); a search per symbol took seconds on large libraries.
 */
static void
drop_dynamic_dups(struct elf_info *ei)
{
	int i, k = 0;

	qsort(ei->sym, (size_t)ei->nsym, sizeof(*ei->sym), cmp_dup);
	for (i = 0; i < ei->nsym; i++) {
		struct elf_sym *y = &ei->sym[i];

		if (y->dynamic && k > 0 && ei->sym[k - 1].value == y->value &&
		    !strcmp(ei->sym[k - 1].name, y->name)) {
			free(y->name);
			continue;
		}
		ei->sym[k++] = *y;
	}
	ei->nsym = k;
}

static void
note(struct elf_info *ei, const char *fmt, const char *what)
{
	if (ei->sym_note == NULL)
		ei->sym_note = xasprintf(fmt, what);
}

/* Read one symbol table; problems leave a note, never fail the parse. */
static void
read_symtab(struct elf_info *ei, Elf *elf, Elf_Scn *scn, GElf_Shdr *sh,
	    bool dynamic)
{
	Elf_Data *d;
	size_t i, n, alloc = (size_t)ei->nsym;
	const struct arch_elf *ae = arch_elf_find(ei->machine);
	bool mapping = ae != NULL && ae->mapping_symbols;
	bool thumb = ae != NULL && ae->thumb_bit;

	if (sh->sh_entsize == 0 || sh->sh_offset > ei->size ||
	    sh->sh_size > ei->size - sh->sh_offset) {
		note(ei, "the %s section lies outside the file",
		     dynamic ? ".dynsym" : ".symtab");
		return;
	}
	d = elf_getdata(scn, NULL);
	if (d == NULL) {
		note(ei, "libelf cannot read %s", elf_errmsg(-1));
		return;
	}
	n = sh->sh_size / sh->sh_entsize;
	for (i = 0; i < n; i++) {
		GElf_Sym s;
		const char *name;
		struct elf_sym *y;
		u8 type;

		if (gelf_getsym(d, (int)i, &s) == NULL)
			break;
		type = GELF_ST_TYPE(s.st_info);
		if (s.st_shndx == SHN_UNDEF || s.st_name == 0 ||
		    type == STT_SECTION || type == STT_FILE || type == STT_TLS)
			continue;
		name = elf_strptr(elf, sh->sh_link, s.st_name);
		if (name == NULL || name[0] == 0)
			continue;
		if (mapping && name[0] == '$' && name[1] != 0 &&
		    strchr("atdx", name[1]) && (name[2] == 0 || name[2] == '.')) {
			ei->map = xrealloc(ei->map, (size_t)(ei->nmap + 1) *
					   sizeof(*ei->map));
			ei->map[ei->nmap].addr = s.st_value;
			ei->map[ei->nmap].kind = name[1];
			ei->nmap++;
			continue;
		}
		if ((size_t)ei->nsym == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			ei->sym = xrealloc(ei->sym, alloc * sizeof(*ei->sym));
		}
		y = &ei->sym[ei->nsym++];
		y->name = xstrdup(name);
		y->value = s.st_value;
		y->size = s.st_size;
		y->type = type;
		y->bind = (u8)GELF_ST_BIND(s.st_info);
		y->dynamic = dynamic;
		y->order = ei->nsym - 1;
		y->thumb = false;
		if (thumb && type == STT_FUNC && (s.st_value & 1)) {
			y->thumb = true;
			y->value &= ~1ULL;
		}
	}
}

static void
read_symbols(struct elf_info *ei, Elf *elf)
{
	size_t shnum, shstrndx;
	Elf_Scn *scn = NULL;
	int pass;

	if (elf_getshdrnum(elf, &shnum) || elf_getshdrstrndx(elf, &shstrndx)) {
		note(ei, "no readable section headers (%s)", elf_errmsg(-1));
		return;
	}
	if (shnum == 0) {
		note(ei, "%s", "no section headers");
		return;
	}
	/* .symtab first: it is the complete one; .dynsym adds what it lacks */
	for (pass = 0; pass < 2; pass++) {
		scn = NULL;
		while ((scn = elf_nextscn(elf, scn)) != NULL) {
			GElf_Shdr sh;

			if (gelf_getshdr(scn, &sh) == NULL)
				break;
			if (sh.sh_type == (pass ? SHT_DYNSYM : SHT_SYMTAB))
				read_symtab(ei, elf, scn, &sh, pass == 1);
		}
	}
	if (ei->nsym == 0) {
		note(ei, "%s", "stripped: no .symtab and no defined .dynsym "
		     "symbols");
	} else {
		drop_dynamic_dups(ei);
		qsort(ei->sym, (size_t)ei->nsym, sizeof(*ei->sym), cmp_sym);
	}
	if (ei->nmap)
		qsort(ei->map, (size_t)ei->nmap, sizeof(*ei->map), cmp_map);
}

bool
elf_header_truncated(const void *data, u64 size, char *why, size_t n)
{
	const u8 *b = data;
	const char *of;

	if (size < SELFMAG || memcmp(b, ELFMAG, SELFMAG))
		return false;
	if (size > EI_CLASS && b[EI_CLASS] == ELFCLASS64)
		of = size < sizeof(Elf64_Ehdr) ? "64" : NULL;
	else if (size > EI_CLASS && b[EI_CLASS] == ELFCLASS32)
		of = size < sizeof(Elf32_Ehdr) ? "52" : NULL;
	else
		of = size < sizeof(Elf32_Ehdr) ? "52/64" : NULL;
	if (of == NULL)
		return false;
	snprintf(why, n, "truncated ELF header: %llu byte%s of %s",
		 (unsigned long long)size, size == 1 ? "" : "s", of);
	return true;
}

int
elf_parse(const char *name, const void *data, u64 size, struct elf_info **out,
	  struct error *e)
{
	const u8 *b = data;
	struct elf_info *ei;
	GElf_Ehdr eh;
	Elf *elf;
	size_t phnum, i, ehsize, phsize;
	char why[64];

	*out = NULL;
	if (elf_header_truncated(data, size, why, sizeof(why)))
		return error_set(e, -ENOEXEC, "%s: %s", name, why);
	if (size < EI_NIDENT || memcmp(b, ELFMAG, SELFMAG))
		return error_set(e, -ENOEXEC, "%s: not an ELF file (no "
				 "\\177ELF magic at the start)", name);
	if (b[EI_CLASS] != ELFCLASS32 && b[EI_CLASS] != ELFCLASS64)
		return error_set(e, -ENOEXEC, "%s: bad ELF class %u (neither "
				 "ELFCLASS32 nor ELFCLASS64)", name,
				 b[EI_CLASS]);
	if (b[EI_DATA] == ELFDATA2MSB)
		return error_set(e, -ENOEXEC, "%s: a big-endian ELF; the "
				 "simulated machines are little-endian", name);
	if (b[EI_DATA] != ELFDATA2LSB)
		return error_set(e, -ENOEXEC, "%s: bad ELF data encoding %u",
				 name, b[EI_DATA]);
	ehsize = b[EI_CLASS] == ELFCLASS64 ? sizeof(Elf64_Ehdr) :
		sizeof(Elf32_Ehdr);
	if (size < ehsize)
		return error_set(e, -ENOEXEC, "%s: truncated: %llu bytes, "
				 "shorter than the %zu-byte ELF header", name,
				 (unsigned long long)size, ehsize);
	elf_version(EV_CURRENT);
	elf = elf_memory((char *)(uintptr_t)data, (size_t)size);
	if (elf == NULL)
		return error_set(e, -ENOEXEC, "%s: libelf: %s", name,
				 elf_errmsg(-1));
	if (elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &eh) == NULL) {
		error_set(e, -ENOEXEC, "%s: libelf cannot read the header: %s",
			  name, elf_errmsg(-1));
		elf_end(elf);
		return e ? e->code : -ENOEXEC;
	}
	ei = xcalloc(1, sizeof(*ei));
	ei->name = xstrdup(name);
	ei->data = data;
	ei->size = size;
	ei->is64 = b[EI_CLASS] == ELFCLASS64;
	ei->type = eh.e_type;
	ei->machine = eh.e_machine;
	ei->entry = eh.e_entry;
	ei->phoff = eh.e_phoff;
	ei->phentsize = eh.e_phentsize;
	phsize = ei->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	/* the kernel reads e_phnum as it is (no PN_XNUM extension) */
	phnum = eh.e_phnum;
	ei->phnum = (u16)MIN(phnum, 0xffff);
	if (phnum > 0) {
		if (eh.e_phentsize != phsize) {
			error_set(e, -ENOEXEC, "%s: e_phentsize %u, not the "
				  "%zu bytes of an Elf%d_Phdr", name,
				  eh.e_phentsize, phsize, ei->is64 ? 64 : 32);
			goto fail;
		}
		if (phnum > 65536U / phsize) {
			error_set(e, -ENOEXEC, "%s: %zu program headers: more "
				  "than the kernel reads (65536 bytes of them)",
				  name, phnum);
			goto fail;
		}
		if (eh.e_phoff > size || phnum * phsize > size - eh.e_phoff) {
			error_set(e, -ENOEXEC, "%s: truncated: the program "
				  "headers (offset %#llx, %zu bytes) run past "
				  "the end of the %llu-byte file", name,
				  (unsigned long long)eh.e_phoff,
				  phnum * phsize, (unsigned long long)size);
			goto fail;
		}
	}
	ei->seg = xcalloc(phnum ? phnum : 1, sizeof(*ei->seg));
	for (i = 0; i < phnum; i++) {
		GElf_Phdr ph;
		struct elf_seg *s = &ei->seg[ei->nseg];

		if (gelf_getphdr(elf, (int)i, &ph) == NULL) {
			error_set(e, -ENOEXEC, "%s: program header %zu: %s",
				  name, i, elf_errmsg(-1));
			goto fail;
		}
		s->type = ph.p_type;
		s->flags = ph.p_flags;
		s->offset = ph.p_offset;
		s->vaddr = ph.p_vaddr;
		s->filesz = ph.p_filesz;
		s->memsz = ph.p_memsz;
		s->align = ph.p_align;
		ei->nseg++;
		if (ph.p_type == PT_INTERP && ei->interp == NULL &&
		    ph.p_filesz >= 2 && ph.p_filesz <= PATH_MAX_LINUX &&
		    ph.p_offset <= size && ph.p_filesz <= size - ph.p_offset &&
		    b[ph.p_offset + ph.p_filesz - 1] == 0)
			ei->interp = xstrdup((const char *)b + ph.p_offset);
	}
	if (ei->type == ET_EXEC || ei->type == ET_DYN)
		read_symbols(ei, elf);
	elf_end(elf);
	*out = ei;
	return 0;
fail:
	elf_end(elf);
	elf_free(ei);
	return e ? e->code : -ENOEXEC;
}

void
elf_free(struct elf_info *ei)
{
	int i;

	if (ei == NULL)
		return;
	for (i = 0; i < ei->nsym; i++)
		free(ei->sym[i].name);
	free(ei->sym);
	free(ei->map);
	free(ei->seg);
	free(ei->interp);
	free(ei->sym_note);
	free(ei->name);
	free(ei);
}

int
elf_check_exec(const struct elf_info *ei, u16 machine, bool is64,
	       const char *arch, u64 task_size, struct error *e)
{
	const char *n = ei->name;
	u64 prev_end = 0;
	int i, nload = 0;
	bool have_interp = false;

	if (ei->type == ET_CORE)
		return error_set(e, -ENOEXEC, "%s is a core dump (ET_CORE), "
				 "not a program: there is nothing to execute "
				 "(a memory image opens with --image)", n);
	if (ei->type == ET_REL)
		return error_set(e, -ENOEXEC, "%s is a relocatable object "
				 "(ET_REL, a .o file): link it into an "
				 "executable first", n);
	if (ei->type != ET_EXEC && ei->type != ET_DYN)
		return error_set(e, -ENOEXEC, "%s: e_type %u is neither "
				 "ET_EXEC nor ET_DYN: the kernel only loads "
				 "executables and PIEs", n, ei->type);
	if (ei->machine != machine) {
		const struct arch_elf *ae = arch_elf_find(ei->machine);
		const char *hint = ae != NULL ? ae->hint : NULL;

		return error_set(e, -ENOEXEC, "%s is built for %s but this "
				 "machine is %s, which runs %s programs%s%s",
				 n, elf_machine_name(ei->machine), arch,
				 elf_machine_name(machine),
				 hint ? "; start ptwalk with " : "",
				 hint ? hint : "");
	}
	if (ei->is64 != is64)
		return error_set(e, -ENOEXEC, "%s is a %d-bit ELF but %s runs "
				 "%d-bit programs", n, ei->is64 ? 64 : 32, arch,
				 is64 ? 64 : 32);
	if (ei->phnum < 1)
		return error_set(e, -ENOEXEC, "%s has no program headers: the "
				 "kernel has nothing to map", n);
	for (i = 0; i < ei->nseg; i++) {
		const struct elf_seg *s = &ei->seg[i];

		if (s->type == PT_INTERP && !have_interp) {
			have_interp = true;
			if (s->filesz < 2 || s->filesz > PATH_MAX_LINUX)
				return error_set(e, -ENOEXEC, "%s: PT_INTERP of "
					"%llu bytes (the kernel takes 2 to "
					"%d)", n, (unsigned long long)s->filesz,
					PATH_MAX_LINUX);
			if (s->offset > ei->size ||
			    s->filesz > ei->size - s->offset)
				return error_set(e, -EIO, "%s: PT_INTERP lies "
					"beyond the end of the file", n);
			if (ei->interp == NULL)
				return error_set(e, -ENOEXEC, "%s: the "
					"PT_INTERP path is not NUL-terminated",
					n);
		}
		if (s->type != PT_LOAD)
			continue;
		nload++;
		if (s->filesz > s->memsz)
			return error_set(e, -EINVAL, "%s: PT_LOAD %d has "
				"p_filesz %#llx > p_memsz %#llx", n, i,
				(unsigned long long)s->filesz,
				(unsigned long long)s->memsz);
		if (s->memsz > task_size || s->vaddr >= task_size ||
		    task_size - s->memsz < s->vaddr)
			return error_set(e, -EINVAL, "%s: PT_LOAD %d "
				"[%#llx, +%#llx) does not fit below TASK_SIZE "
				"%#llx", n, i, (unsigned long long)s->vaddr,
				(unsigned long long)s->memsz,
				(unsigned long long)task_size);
		if (s->filesz && (s->offset > ei->size ||
				  s->filesz > ei->size - s->offset))
			return error_set(e, -EINVAL, "%s: PT_LOAD %d: file "
				"bytes [%#llx, %#llx) extend beyond the end of "
				"the file (%llu bytes): truncated", n, i,
				(unsigned long long)s->offset,
				(unsigned long long)(s->offset + s->filesz),
				(unsigned long long)ei->size);
		if ((s->offset & (PAGE_SIZE - 1)) !=
		    (s->vaddr & (PAGE_SIZE - 1)))
			return error_set(e, -EINVAL, "%s: PT_LOAD %d: p_offset "
				"%#llx and p_vaddr %#llx differ modulo the page "
				"size, so mmap cannot map it", n, i,
				(unsigned long long)s->offset,
				(unsigned long long)s->vaddr);
		if (nload > 1 && s->vaddr < prev_end)
			return error_set(e, -EINVAL, "%s: PT_LOAD %d at %#llx "
				"overlaps the previous one (ending at %#llx) or "
				"is out of order: PT_LOADs must ascend by "
				"p_vaddr", n, i, (unsigned long long)s->vaddr,
				(unsigned long long)prev_end);
		prev_end = s->vaddr + s->memsz;
	}
	if (nload == 0)
		return error_set(e, -ENOEXEC, "%s has no PT_LOAD segment: "
				 "nothing to map", n);
	return 0;
}

const struct elf_sym *
elf_sym_find(const struct elf_info *ei, const char *name)
{
	const struct elf_sym *best = NULL;
	int i;

	for (i = 0; i < ei->nsym; i++) {
		const struct elf_sym *s = &ei->sym[i];

		if (strcmp(s->name, name))
			continue;
		if (best == NULL || (best->bind == STB_LOCAL &&
				     s->bind != STB_LOCAL))
			best = s;
	}
	return best;
}

const struct elf_sym *
elf_sym_at(const struct elf_info *ei, u64 addr)
{
	int lo = 0, hi = ei->nsym - 1, at = -1, i;
	const struct elf_sym *best = NULL;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (ei->sym[mid].value <= addr) {
			at = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (at < 0)
		return NULL;
	/* among the symbols at that value prefer a sized one containing addr */
	for (i = at; i >= 0 && ei->sym[i].value == ei->sym[at].value; i--) {
		const struct elf_sym *s = &ei->sym[i];

		if (s->size && addr < s->value + s->size)
			return s;
		if (best == NULL || (best->type == STT_NOTYPE &&
				     s->type != STT_NOTYPE))
			best = s;
	}
	/* a sized symbol further down may still contain addr */
	for (i = at; i >= 0; i--) {
		const struct elf_sym *s = &ei->sym[i];

		if (s->size && addr < s->value + s->size &&
		    (s->type == STT_FUNC || s->type == STT_OBJECT))
			return s;
		if (addr - s->value > (1 << 20))
			break;
	}
	return best;
}

char
elf_map_kind(const struct elf_info *ei, u64 addr)
{
	int lo = 0, hi = ei->nmap - 1, at = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (ei->map[mid].addr <= addr) {
			at = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return at < 0 ? 0 : ei->map[at].kind;
}
