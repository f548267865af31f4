// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * dis against objdump: every function of every ELF fixture, loaded by exec
 * and read through the simulated MMU (its pages fault in), is decoded by
 * Capstone (by LLVM on riscv) and compared instruction by instruction with
 * the `objdump -d` listing made when the fixture was built
 * (testdata/elf/NAME.objdump): the same addresses, the same bytes, the
 * same mnemonics.  A missing libLLVM is one clear error.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/disasm.h"
#include "ptwalk/mm.h"
#include "helpers.h"
#include "../../src/image/disasm_impl.h"

#define MAXI	512

struct ref_insn {
	u64 addr;
	u8 bytes[16];
	int len;
	char mn[32];
};

/* objdump prints arm units as big-endian words or halfwords */
static int
parse_bytes(const char *s, u8 *out)
{
	int n = 0;

	while (*s) {
		char tok[20];
		int k = 0, digits, i;
		u64 v;

		while (*s == ' ')
			s++;
		while (isxdigit((unsigned char)*s) && k < 19)
			tok[k++] = *s++;
		tok[k] = 0;
		if (k == 0)
			break;
		digits = k;
		v = strtoull(tok, NULL, 16);
		for (i = 0; i < digits / 2 && n < 16; i++)
			out[n++] = (u8)(v >> (8 * i));
	}
	return n;
}

/* lowercase; no objdump-only prefixes; no .n/.w width suffixes */
static void
norm(char *mn)
{
	char *p;

	for (p = mn; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	p = strchr(mn, '.');
	if (p != NULL && (!strcmp(p, ".n") || !strcmp(p, ".w")))
		*p = 0;
}

/*
 * Where objdump prints the preferred alias and Capstone 4 (or LLVM 14) the
 * instruction
 */
static const struct {
	const char *capstone, *objdump;
} aliases[] = {
	{ "movz", "mov" },	/* A64: MOVZ, shown as MOV (wide immediate) */
	{ "movn", "mov" },	/* A64: MOVN, shown as MOV (inverted) */
	/* RISC-V: binutils 2.40 names the immediate forms as the others */
	{ "addi", "add" }, { "addiw", "addw" }, { "andi", "and" },
	{ "ori", "or" }, { "xori", "xor" }, { "slli", "sll" },
	{ "srli", "srl" }, { "srai", "sra" }, { "slliw", "sllw" },
	{ "srliw", "srlw" }, { "sraiw", "sraw" },
};

static bool
same_mnemonic(const char *cs, const char *od)
{
	char x[32], y[32];
	size_t i;

	snprintf(x, sizeof(x), "%s", cs);
	snprintf(y, sizeof(y), "%s", od);
	norm(x);
	norm(y);
	if (!strcmp(x, y))
		return true;
	for (i = 0; i < ARRAY_SIZE(aliases); i++)
		if (!strcmp(x, aliases[i].capstone) &&
		    !strcmp(y, aliases[i].objdump))
			return true;
	return false;
}

static int
compare_function(struct machine *m, struct task_struct *t, u64 bias,
		 const struct elf_info *ei, const char *name,
		 const struct ref_insn *ref, int n)
{
	struct dis_insn *got = xcalloc((size_t)n, sizeof(*got));
	enum dis_mode mode = DIS_DEFAULT;
	struct error e;
	int k, i, bad = 0;

	(void)t;
	if (ei->machine == EM_ARM)
		mode = elf_map_kind(ei, ref[0].addr) == 't' ? DIS_THUMB :
			DIS_ARM;
	k = dis_decode(m, machine_cpu(m), ref[0].addr + bias, mode, got, n, &e);
	if (k != n) {
		print_error("%s: decoded %d of %d instructions (%s)\n", name,
			    k, n, k < 0 ? e.msg : "");
		free(got);
		return 1;
	}
	for (i = 0; i < n; i++) {
		const struct ref_insn *r = &ref[i];
		const struct dis_insn *g = &got[i];

		if (g->addr != r->addr + bias || g->len != r->len ||
		    memcmp(g->bytes, r->bytes, (size_t)r->len) ||
		    !same_mnemonic(g->mnemonic, r->mn)) {
			print_error("%s+%#llx: objdump %d bytes '%s', dis %d "
				    "bytes '%s' at %#llx\n", name,
				    (unsigned long long)(r->addr - ref[0].addr),
				    r->len, r->mn, g->len, g->mnemonic,
				    (unsigned long long)g->addr);
			bad++;
		}
	}
	free(got);
	return bad;
}

static int
check_fixture(const char *arch, const char *file)
{
	char path[256], line[512], name[128] = "";
	struct machine *m;
	struct task_struct *t;
	struct ref_insn *ref = xcalloc(MAXI, sizeof(*ref));
	bool data = false;
	int n = 0, bad = 0, funcs = 0, insns = 0;
	FILE *f;

	m = boot(.arch = arch, .exec = file);
	t = current_task(m);
	assert_non_null(t);
	snprintf(path, sizeof(path), "%s.objdump", file);
	f = fopen(path, "r");
	assert_non_null(f);
	for (;;) {
		char *ok = fgets(line, sizeof(line), f);
		unsigned long long a;
		char nm[128];

		if (ok == NULL || sscanf(line, "%llx <%127[^>]>:", &a, nm) == 2) {
			if (n > 0) {
				bad += compare_function(m, t, t->mm->img[0].bias,
							t->mm->img[0].file->elf,
							name, ref, n);
				funcs++;
				insns += n;
			}
			if (ok == NULL)
				break;
			snprintf(name, sizeof(name), "%s", nm);
			n = 0;
			data = false;
			continue;
		}
		{
			char *c1 = strchr(line, ':'), *t1, *t2;

			if (c1 == NULL || data || !isxdigit((unsigned char)
							    line[strspn(line, " ")]))
				continue;
			t1 = strchr(c1, '\t');
			if (t1 == NULL)
				continue;
			t2 = strchr(t1 + 1, '\t');
			if (t2 == NULL)
				continue;	/* a continuation of long bytes */
			*t2 = 0;
			if (t2[1] == '.' || !strncmp(t2 + 1, "(bad)", 5) ||
			    !strncmp(t2 + 1, "udf", 3)) {
				data = true;	/* literal pool or padding */
				continue;
			}
			if (n == MAXI)
				continue;
			ref[n].addr = strtoull(line, NULL, 16);
			ref[n].len = parse_bytes(t1 + 1, ref[n].bytes);
			sscanf(t2 + 1, "%31s", ref[n].mn);
			n++;
		}
	}
	fclose(f);
	machine_free(m);
	free(ref);
	if (funcs < 5 || insns < 50)
		fail_msg("%s: only %d functions, %d instructions compared",
			 file, funcs, insns);
	return bad;
}

static void
test_objdump(void **state)
{
	static const struct {
		const char *arch, *file;
	} fx[] = {
		{ "i386", "testdata/elf/demo-i386" },
		{ "i386", "testdata/elf/demo-i386-pie" },
		{ "x86_64", "testdata/elf/demo-x86_64" },
		{ "x86_64", "testdata/elf/demo-x86_64-pie" },
		{ "arm", "testdata/elf/demo-arm" },
		{ "arm", "testdata/elf/demo-arm-pie" },
		{ "arm64", "testdata/elf/demo-arm64" },
		{ "arm64", "testdata/elf/demo-arm64-pie" },
		{ "riscv64", "testdata/elf/demo-riscv64" },
		{ "riscv64", "testdata/elf/demo-riscv64-pie" },
		{ "riscv32", "testdata/elf/demo-riscv32" },
	};
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(fx); i++)
		bad += check_fixture(fx[i].arch, fx[i].file);
	assert_int_equal(bad, 0);
}

/* Without libLLVM, the reason and the package, in one line */
static void
test_llvm_missing(void **state)
{
	struct error e;

	(void)state;
	error_clear(&e);
	assert_int_not_equal(dis_llvm_load("libLLVM-none.so.0", &e), 0);
	assert_non_null(strstr(e.msg, "libLLVM-none.so.0"));
	assert_non_null(strstr(e.msg, "install Debian libllvm14"));
	assert_null(strchr(e.msg, '\n'));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_llvm_missing),
		cmocka_unit_test(test_objdump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
