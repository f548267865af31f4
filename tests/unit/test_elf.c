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
	{ "testdata/elf/demo-i386", ELF_EM_386, false, false, 0xc0000000 },
	{ "testdata/elf/demo-i386-pie", ELF_EM_386, false, true, 0xc0000000 },
	{ "testdata/elf/demo-x86_64", ELF_EM_X86_64, true, false,
	  0x7ffffffff000 },
	{ "testdata/elf/demo-x86_64-pie", ELF_EM_X86_64, true, true,
	  0x7ffffffff000 },
	{ "testdata/elf/demo-arm", ELF_EM_ARM, false, false, 0xbf000000 },
	{ "testdata/elf/demo-arm-pie", ELF_EM_ARM, false, true, 0xbf000000 },
	{ "testdata/elf/demo-arm64", ELF_EM_AARCH64, true, false, 1ULL << 48 },
	{ "testdata/elf/demo-arm64-pie", ELF_EM_AARCH64, true, true,
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
		assert_int_equal(s->type, ELF_STT_FUNC);
		t = elf_sym_at(ei, s->value + 2);
		assert_non_null(t);
		assert_string_equal(t->name, "main");
		assert_non_null(elf_sym_find(ei, "big"));
		assert_non_null(elf_sym_find(ei, "fork_and_write"));
		assert_null(elf_sym_find(ei, "no_such_symbol"));
		if (fixtures[i].machine == ELF_EM_ARM) {
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
			ELF_EM_386 ? ELF_EM_ARM : ELF_EM_386, false, "other",
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
		r = elf_check_exec(ei, ELF_EM_386, false, "i386", 0xc0000000,
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
			if (elf_check_exec(ei, ELF_EM_X86_64, true, "x86_64",
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
