// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The ELF reader: the fixtures of every arch parse with their segments and
 * symbols, and every hostile variant (truncated, segments beyond the
 * file, overlapping or unsorted PT_LOADs, absurd sizes, p_filesz >
 * p_memsz, core and relocatable files, a wrong machine) is refused with a
 * clear reason, never a crash.  Random corruption of the headers must
 * never crash either (ASan and UBSan run these in make check).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <elf.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "ptwalk/elf.h"

struct blob {
	u8 *data;
	u64 size;
};

static struct blob
load(const char *path)
{
	struct blob b = { NULL, 0 };
	FILE *f = fopen(path, "rb");
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b.data = xmalloc((size_t)n);
	assert_int_equal(fread(b.data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	b.size = (u64)n;
	return b;
}

static const struct {
	const char *file;
	u16 machine;
	bool is64, pie;
	u64 task_size;
} fixtures[] = {
	{ "testdata/elf/demo-i386", EM_386, false, false, 0xc0000000 },
	{ "testdata/elf/demo-i386-pie", EM_386, false, true, 0xc0000000 },
	{ "testdata/elf/demo-x86_64", EM_X86_64, true, false,
	  0x7ffffffff000 },
	{ "testdata/elf/demo-x86_64-pie", EM_X86_64, true, true,
	  0x7ffffffff000 },
	{ "testdata/elf/demo-arm", EM_ARM, false, false, 0xbf000000 },
	{ "testdata/elf/demo-arm-pie", EM_ARM, false, true, 0xbf000000 },
	{ "testdata/elf/demo-arm64", EM_AARCH64, true, false, 1ULL << 48 },
	{ "testdata/elf/demo-arm64-pie", EM_AARCH64, true, true,
	  1ULL << 48 },
};

static void
test_fixtures(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(fixtures); i++) {
		struct blob b = load(fixtures[i].file);
		struct elf_info *ei;
		struct error e;
		const struct elf_sym *s, *t;
		int nload = 0, k;

		assert_int_equal(elf_parse(fixtures[i].file, b.data, b.size,
					   &ei, &e), 0);
		assert_int_equal(ei->machine, fixtures[i].machine);
		assert_int_equal(ei->is64, fixtures[i].is64);
		assert_int_equal(ei->type, fixtures[i].pie ? 3 : 2);
		assert_null(ei->interp);
		assert_int_equal(elf_check_exec(ei, fixtures[i].machine,
						fixtures[i].is64, "test",
						fixtures[i].task_size, &e), 0);
		for (k = 0; k < ei->nseg; k++)
			nload += ei->seg[k].type == 1;
		assert_true(nload >= 2);
		/* the symbols the lessons use, and the reverse lookup */
		s = elf_sym_find(ei, "main");
		assert_non_null(s);
		assert_int_equal(s->type, STT_FUNC);
		t = elf_sym_at(ei, s->value + 2);
		assert_non_null(t);
		assert_string_equal(t->name, "main");
		assert_non_null(elf_sym_find(ei, "big"));
		assert_non_null(elf_sym_find(ei, "fork_and_write"));
		assert_null(elf_sym_find(ei, "no_such_symbol"));
		if (fixtures[i].machine == EM_ARM) {
			/* main is Thumb, _start and arm_add are ARM */
			assert_true(elf_sym_find(ei, "main")->thumb);
			assert_false(elf_sym_find(ei, "_start")->thumb);
			assert_false(elf_sym_find(ei, "arm_add")->thumb);
			assert_int_equal(elf_map_kind(ei, s->value), 't');
			assert_int_equal(elf_map_kind(ei,
				elf_sym_find(ei, "_start")->value), 'a');
		}
		/* the wrong machine names both */
		assert_int_not_equal(elf_check_exec(ei, fixtures[i].machine ==
			EM_386 ? EM_ARM : EM_386, false, "other",
			0xc0000000, &e), 0);
		assert_non_null(strstr(e.msg, "other"));
		assert_non_null(strstr(e.msg, elf_machine_name(ei->machine)));
		elf_free(ei);
		free(b.data);
	}
}

/* ELF32 offsets */
#define E_TYPE		16
#define E_PHOFF		28
#define E_PHENTSIZE	42
#define E_PHNUM		44
#define P_OFFSET	4
#define P_VADDR		8
#define P_FILESZ	16
#define P_MEMSZ		20

static void
put16(u8 *p, u16 v)
{
	memcpy(p, &v, 2);
}

static void
put32(u8 *p, u32 v)
{
	memcpy(p, &v, 4);
}

static u32
get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

/* Apply a corruption to a copy of the i386 fixture; expect a refusal. */
static void
expect_refused(const struct blob *good, void (*patch)(u8 *d, u64 *size),
	       const char *needle)
{
	u8 *d = xmalloc((size_t)good->size);
	u64 size = good->size;
	struct elf_info *ei;
	struct error e;
	int r;

	memcpy(d, good->data, (size_t)good->size);
	patch(d, &size);
	error_clear(&e);
	r = elf_parse("bad", d, size, &ei, &e);
	if (r == 0) {
		r = elf_check_exec(ei, EM_386, false, "i386", 0xc0000000,
				   &e);
		elf_free(ei);
	}
	assert_int_not_equal(r, 0);
	if (strstr(e.msg, needle) == NULL)
		fail_msg("'%s' does not say '%s'", e.msg, needle);
	free(d);
}

static u8 *
ph(u8 *d, int i)
{
	return d + get32(d + E_PHOFF) + 32 * i;
}

/* the i386 fixture's PT_LOADs are program headers 0..3 */
static void p_truncated(u8 *d, u64 *n) { (void)d; *n = 100; }
static void p_tiny(u8 *d, u64 *n) { (void)d; *n = 20; }
static void p_magic(u8 *d, u64 *n) { (void)n; d[1] = 'X'; }
static void p_class(u8 *d, u64 *n) { (void)n; d[4] = 9; }
static void p_bigendian(u8 *d, u64 *n) { (void)n; d[5] = 2; }
static void p_core(u8 *d, u64 *n) { (void)n; put16(d + E_TYPE, 4); }
static void p_rel(u8 *d, u64 *n) { (void)n; put16(d + E_TYPE, 1); }
static void p_phent(u8 *d, u64 *n) { (void)n; put16(d + E_PHENTSIZE, 7); }
static void p_phnum(u8 *d, u64 *n) { (void)n; put16(d + E_PHNUM, 0xffff); }
static void p_nophdr(u8 *d, u64 *n) { (void)n; put16(d + E_PHNUM, 0); }
static void p_phoff(u8 *d, u64 *n) { (void)n; put32(d + E_PHOFF, 0x7ffffff0); }
static void
p_filesz(u8 *d, u64 *n)
{
	(void)n;
	put32(ph(d, 3) + P_FILESZ, get32(ph(d, 3) + P_MEMSZ) + 1);
}
static void
p_beyond(u8 *d, u64 *n)
{
	(void)n;
	put32(ph(d, 1) + P_OFFSET, 0x100000);
}
static void
p_overlap(u8 *d, u64 *n)
{
	(void)n;
	put32(ph(d, 2) + P_VADDR, get32(ph(d, 1) + P_VADDR));
	put32(ph(d, 2) + P_OFFSET, get32(ph(d, 1) + P_OFFSET));
}
static void
p_absurd(u8 *d, u64 *n)
{
	(void)n;
	put32(ph(d, 3) + P_MEMSZ, 0xfffff000);
}
static void
p_misaligned(u8 *d, u64 *n)
{
	(void)n;
	put32(ph(d, 1) + P_OFFSET, get32(ph(d, 1) + P_OFFSET) + 4);
}
static void
p_noload(u8 *d, u64 *n)
{
	int i;

	(void)n;
	for (i = 0; i < 4; i++)
		put32(ph(d, i), 4);	/* PT_NOTE */
}

static void
test_hostile(void **state)
{
	struct blob b = load("testdata/elf/demo-i386");

	(void)state;
	expect_refused(&b, p_truncated, "truncated");
	expect_refused(&b, p_tiny, "truncated");
	expect_refused(&b, p_magic, "not an ELF");
	expect_refused(&b, p_class, "class");
	expect_refused(&b, p_bigendian, "big-endian");
	expect_refused(&b, p_core, "core dump");
	expect_refused(&b, p_rel, "relocatable");
	expect_refused(&b, p_phent, "e_phentsize");
	expect_refused(&b, p_phnum, "program headers");
	expect_refused(&b, p_nophdr, "no program headers");
	expect_refused(&b, p_phoff, "truncated");
	expect_refused(&b, p_filesz, "p_filesz");
	expect_refused(&b, p_beyond, "beyond the end of the file");
	expect_refused(&b, p_overlap, "overlaps");
	expect_refused(&b, p_absurd, "TASK_SIZE");
	expect_refused(&b, p_misaligned, "modulo the page size");
	expect_refused(&b, p_noload, "no PT_LOAD");
	free(b.data);
}

/* Random bytes over the headers: a result or an error, never a crash. */
static void
test_fuzz(void **state)
{
	struct blob b = load("testdata/elf/demo-x86_64");
	u8 *d = xmalloc((size_t)b.size);
	u64 s = 12345;
	int i, j, ok = 0;

	(void)state;
	for (i = 0; i < 3000; i++) {
		struct elf_info *ei;
		struct error e;

		memcpy(d, b.data, (size_t)b.size);
		for (j = 0; j < 1 + i % 8; j++) {
			u64 off;

			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			/* mostly the ELF and program headers, sometimes anywhere */
			off = (j & 1) ? s % b.size : s % 0x200;
			d[off] = (u8)(s >> 32);
		}
		if (elf_parse("fuzz", d, (i % 5) ? b.size : s % b.size, &ei,
			      &e) == 0) {
			if (elf_check_exec(ei, EM_X86_64, true, "x86_64",
					   0x7ffffffff000, &e) == 0)
				ok++;
			if (ei->nsym)
				elf_sym_at(ei, ei->sym[0].value + 1);
			elf_free(ei);
		}
	}
	assert_true(ok > 0);
	free(d);
	free(b.data);
}

/*
 * An ELF64 executable with a .symtab (names in .strtab, which ends the
 * file) and a .dynsym: [ehdr][phdr][.shstrtab][.dynsym][.dynstr][.symtab]
 * [section headers][.strtab].  Padding before the .strtab makes the
 * file's size a multiple of 8.
 */
struct tsym {
	const char *name;
	u64 value;
};

static void
grow_to(struct strbuf *sb, size_t align)
{
	while (sb->len % align)
		sb_addc(sb, 0);
}

static size_t
add_syms(struct strbuf *f, struct strbuf *str, const struct tsym *t, int n)
{
	Elf64_Sym y;
	size_t at;
	int i;

	grow_to(f, 8);
	at = f->len;
	memset(&y, 0, sizeof(y));
	sb_add(f, (const char *)&y, sizeof(y));
	for (i = 0; i < n; i++) {
		y.st_name = (u32)str->len;
		sb_add(str, t[i].name, strlen(t[i].name) + 1);
		y.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
		y.st_shndx = 1;		/* any defined section */
		y.st_value = t[i].value;
		y.st_size = 4;
		sb_add(f, (const char *)&y, sizeof(y));
	}
	return at;
}

static u8 *
make_elf(u16 machine, const struct tsym *sym, int nsym,
	 const struct tsym *dyn, int ndyn, u64 *size)
{
	static const char shstr[] = "\0.shstrtab\0.dynsym\0.dynstr\0.symtab"
		"\0.strtab";
	struct strbuf f, str, dstr;
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	Elf64_Shdr sh[6];
	size_t symoff, dynoff, dstroff, shoff, pad;

	sb_init(&f);
	sb_init(&str);
	sb_init(&dstr);
	sb_addc(&str, 0);
	sb_addc(&dstr, 0);
	memset(&eh, 0, sizeof(eh));
	memset(&ph, 0, sizeof(ph));
	memset(sh, 0, sizeof(sh));
	sb_add(&f, (const char *)&eh, sizeof(eh));
	sb_add(&f, (const char *)&ph, sizeof(ph));
	sh[1].sh_offset = f.len;
	sb_add(&f, shstr, sizeof(shstr));
	dynoff = add_syms(&f, &dstr, dyn, ndyn);
	dstroff = f.len;
	sb_add(&f, dstr.buf, dstr.len);
	symoff = add_syms(&f, &str, sym, nsym);
	grow_to(&f, 8);
	shoff = f.len;
	sb_add(&f, (const char *)sh, sizeof(sh));
	pad = (8 - (f.len + str.len) % 8) % 8;
	while (pad--)
		sb_addc(&f, 0);
	sh[5].sh_offset = f.len;
	sb_add(&f, str.buf, str.len);
	/* the headers, now that the offsets are known */
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = machine;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(eh);
	eh.e_shoff = shoff;
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(ph);
	eh.e_phnum = 1;
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = 6;
	eh.e_shstrndx = 1;
	ph.p_type = PT_LOAD;
	ph.p_vaddr = 0x400000;
	ph.p_filesz = ph.p_memsz = 0x1000;
	ph.p_align = 0x1000;
	sh[1].sh_name = 1;
	sh[1].sh_type = SHT_STRTAB;
	sh[1].sh_size = sizeof(shstr);
	sh[2].sh_name = 11;
	sh[2].sh_type = SHT_DYNSYM;
	sh[2].sh_offset = dynoff;
	sh[2].sh_size = (u64)(ndyn + 1) * sizeof(Elf64_Sym);
	sh[2].sh_link = 3;
	sh[2].sh_entsize = sizeof(Elf64_Sym);
	sh[3].sh_name = 19;
	sh[3].sh_type = SHT_STRTAB;
	sh[3].sh_offset = dstroff;
	sh[3].sh_size = dstr.len;
	sh[4].sh_name = 27;
	sh[4].sh_type = SHT_SYMTAB;
	sh[4].sh_offset = symoff;
	sh[4].sh_size = (u64)(nsym + 1) * sizeof(Elf64_Sym);
	sh[4].sh_link = 5;
	sh[4].sh_entsize = sizeof(Elf64_Sym);
	sh[5].sh_name = 35;
	sh[5].sh_type = SHT_STRTAB;
	sh[5].sh_size = f.len - sh[5].sh_offset;
	memcpy(f.buf, &eh, sizeof(eh));
	memcpy(f.buf + sizeof(eh), &ph, sizeof(ph));
	memcpy(f.buf + shoff, sh, sizeof(sh));
	sb_release(&str);
	sb_release(&dstr);
	*size = f.len;
	return (u8 *)f.buf;
}

/*
 * An arm64 symbol named exactly "$" is no mapping symbol and is read
 * without looking past its name: here the .strtab ends the file, and the
 * file ends where a page that cannot be read begins.
 */
static void
test_dollar_symbol(void **state)
{
	static const struct tsym syms[] = {
		{ "main", 0x401000 }, { "$x", 0x401000 }, { "$", 0x401010 },
	};
	long psz = sysconf(_SC_PAGESIZE);
	struct elf_info *ei;
	struct error e;
	u64 size;
	u8 *elf = make_elf(EM_AARCH64, syms, 3, NULL, 0, &size), *map;

	(void)state;
	assert_true(size % 8 == 0 && size < (u64)psz);
	assert_int_equal(elf[size - 2], '$');
	map = mmap(NULL, 2 * (size_t)psz, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + psz, (size_t)psz, PROT_NONE), 0);
	memcpy(map + psz - size, elf, size);
	assert_int_equal(elf_parse("dollar", map + psz - size, size, &ei, &e),
			 0);
	assert_non_null(elf_sym_find(ei, "main"));
	assert_non_null(elf_sym_find(ei, "$"));
	assert_int_equal(ei->nmap, 1);
	assert_int_equal(elf_map_kind(ei, 0x401004), 'x');
	elf_free(ei);
	munmap(map, 2 * (size_t)psz);
	free(elf);
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * .dynsym repeats .symtab: the repeats are dropped in O(n log n) (a search
 * per symbol took 3.3 s for 40 000); what .symtab lacks is kept.
 */
static void
test_dynsym_dups(void **state)
{
	enum { N = 100000 };
	struct tsym *sym = xcalloc(N, sizeof(*sym)), *dyn = xcalloc(N + 2,
								    sizeof(*dyn));
	char (*names)[16] = xcalloc(N, 16);
	struct elf_info *ei;
	struct error e;
	u64 size;
	double t;
	u8 *elf;
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(names[i], 16, "f%d", i);
		sym[i].name = dyn[i].name = names[i];
		sym[i].value = dyn[i].value = 0x401000 + (u64)i * 16;
	}
	dyn[N].name = "only_dynamic";		/* not in .symtab */
	dyn[N].value = 0x500000;
	dyn[N + 1].name = "f7";			/* same name, other value */
	dyn[N + 1].value = 0x500010;
	elf = make_elf(EM_X86_64, sym, N, dyn, N + 2, &size);
	t = seconds();
	assert_int_equal(elf_parse("dups", elf, size, &ei, &e), 0);
	t = seconds() - t;
	assert_true(t < 1.0);	/* processor time: 2 s before */
	assert_int_equal(ei->nsym, N + 2);
	assert_false(elf_sym_find(ei, "f99999")->dynamic);
	assert_true(elf_sym_find(ei, "only_dynamic")->dynamic);
	assert_string_equal(elf_sym_at(ei, 0x500014)->name, "f7");
	for (i = 1; i < ei->nsym; i++)
		assert_true(ei->sym[i - 1].value <= ei->sym[i].value);
	elf_free(ei);
	free(elf);
	free(names);
	free(sym);
	free(dyn);
}

/* A file that starts with \177ELF and stops inside its header says so. */
static void
test_short_header(void **state)
{
	static const struct {
		size_t n;
		const char *msg;
	} cases[] = {
		{ 4, "truncated ELF header: 4 bytes of 52/64" },
		{ 5, "truncated ELF header: 5 bytes of 64" },
		{ 40, "truncated ELF header: 40 bytes of 64" },
		{ 63, "truncated ELF header: 63 bytes of 64" },
	};
	struct blob b = load("testdata/elf/demo-x86_64");
	struct blob b32 = load("testdata/elf/demo-i386");
	struct elf_info *ei;
	struct error e;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_not_equal(elf_parse("short", b.data, cases[i].n,
					       &ei, &e), 0);
		if (strstr(e.msg, cases[i].msg) == NULL)
			fail_msg("'%s' does not say '%s'", e.msg, cases[i].msg);
	}
	assert_int_not_equal(elf_parse("short", b32.data, 51, &ei, &e), 0);
	assert_non_null(strstr(e.msg, "51 bytes of 52"));
	assert_int_not_equal(elf_parse("short", b.data, 3, &ei, &e), 0);
	assert_non_null(strstr(e.msg, "not an ELF file"));
	free(b.data);
	free(b32.data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_dollar_symbol),
		cmocka_unit_test(test_dynsym_dups),
		cmocka_unit_test(test_short_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
