// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's types from DWARF (src/image/dwarf.c): the types of
 * tests/unit/dwarf/sample.h, built with -g into a shared object, are
 * converted to BTF and their layouts compared with what the same compiler
 * says of them here (offsetof, sizeof, the bits a bitfield sets): structs
 * and unions, anonymous members, bitfields, arrays of one and two
 * dimensions and flexible ones, pointers to the struct itself and to a
 * struct only declared, enums (signed, 8-byte), typedefs, qualifiers,
 * function pointers, floats, bools.  And a file without DWARF.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <bpf/btf.h>

#include "ptwalk/kdwarf.h"
#include "ptwalk/util.h"
#include "dwarf/sample.h"

#ifndef DWARF_SAMPLE
#define DWARF_SAMPLE "build/tests/dwarf-sample.so"
#endif
#define DWARF_SAMPLE_NODEBUG DWARF_SAMPLE ".nodebug"

static struct kdwarf *kd;

static int
setup(void **state)
{
	struct error e;

	(void)state;
	kd = kdwarf_open(DWARF_SAMPLE, &e);
	if (kd == NULL)
		fprintf(stderr, "%s\n", e.msg);
	return kd == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	kdwarf_free(kd);
	return 0;
}

static u32
type_id(const char *name)
{
	struct error e;
	u32 id = 0;

	assert_int_equal(kdwarf_type(kd, name, 0, &id, &e), 0);
	return id;
}

/* Member name of composite id, through anonymous members: bit offset. */
static bool
find(const struct btf *btf, u32 id, const char *name, u64 *bits, u32 *bsz,
     u32 *type)
{
	const struct btf_type *t = btf__type_by_id(btf, btf__resolve_type(btf, id));
	const struct btf_member *m = btf_members(t);
	int i;

	for (i = 0; i < btf_vlen(t); i++) {
		const char *n = btf__name_by_offset(btf, m[i].name_off);
		u64 off = btf_member_bit_offset(t, (u32)i);

		if (n != NULL && !strcmp(n, name)) {
			*bits = off;
			*bsz = btf_member_bitfield_size(t, (u32)i);
			*type = m[i].type;
			return true;
		}
		if ((n == NULL || !n[0]) &&
		    find(btf, m[i].type, name, bits, bsz, type)) {
			*bits += off;
			return true;
		}
	}
	return false;
}

static u64
member_off(u32 id, const char *name)
{
	u64 bits;
	u32 bsz, type;

	assert_true(find(kdwarf_btf(kd), id, name, &bits, &bsz, &type));
	assert_int_equal(bsz, 0);
	assert_int_equal(bits % 8, 0);
	return bits / 8;
}

/* The lowest bit set in obj (little-endian bit numbering). */
static unsigned
low_bit(const void *obj, size_t n)
{
	const unsigned char *p = obj;
	unsigned i;

	for (i = 0; i < n * 8; i++)
		if (p[i / 8] & (1u << (i % 8)))
			return i;
	return ~0u;
}

static void
test_struct_layout(void **state)
{
	const struct btf *btf;
	u32 id = type_id("sample_task");

	(void)state;
	btf = kdwarf_btf(kd);
	assert_true(btf_is_struct(btf__type_by_id(btf, id)));
	assert_int_equal(btf__resolve_size(btf, id), sizeof(struct sample_task));
#define OFF(m) assert_int_equal(member_off(id, #m), offsetof(struct sample_task, m))
	OFF(id); OFF(pid); OFF(tgid); OFF(both); OFF(bits); OFF(comm);
	OFF(grid); OFF(cv); OFF(tasks); OFF(parent); OFF(hidden);
	OFF(state); OFF(flags); OFF(fn); OFF(ratio); OFF(on_cpu); OFF(flex);
#undef OFF
	id = type_id("sample_u");
	assert_true(btf_is_union(btf__type_by_id(btf, id)));
	assert_int_equal(btf__resolve_size(btf, id), sizeof(union sample_u));
	assert_int_equal(member_off(id, "l"), 0);
	assert_int_equal(member_off(id, "c"), 0);
}

static void
test_bitfields(void **state)
{
	const struct btf *btf = kdwarf_btf(kd);
	u32 id = type_id("sample_bits"), bsz, type;
	struct sample_bits s;
	u64 bits;

	(void)state;
	assert_int_equal(btf__resolve_size(btf, id), sizeof(s));
#define FIELD(m, w) do {							\
		memset(&s, 0, sizeof(s));				\
		s.m = 1;						\
		assert_true(find(btf, id, #m, &bits, &bsz, &type));	\
		assert_int_equal(bits, low_bit(&s, sizeof(s)));		\
		assert_int_equal(bsz, w);				\
	} while (0)
	FIELD(a, 3); FIELD(b, 5); FIELD(c, 7); FIELD(wide, 40);
#undef FIELD
	assert_int_equal(member_off(id, "tail"), offsetof(struct sample_bits, tail));
	assert_true(find(btf, id, "c", &bits, &bsz, &type));
	type = (u32)btf__resolve_type(btf, type);
	assert_true(btf_int_encoding(btf__type_by_id(btf, type)) & BTF_INT_SIGNED);
}

static void
test_arrays_pointers(void **state)
{
	const struct btf *btf = kdwarf_btf(kd);
	const struct btf_type *t;
	u32 id = type_id("sample_task"), bsz, type;
	u64 bits;

	(void)state;
	/* char comm[16]; short grid[3][5]: arrays of arrays */
	assert_true(find(btf, id, "comm", &bits, &bsz, &type));
	t = btf__type_by_id(btf, type);
	assert_true(btf_is_array(t));
	assert_int_equal(btf_array(t)->nelems, 16);
	assert_true(find(btf, id, "grid", &bits, &bsz, &type));
	t = btf__type_by_id(btf, type);
	assert_int_equal(btf_array(t)->nelems, 3);
	assert_int_equal(btf_array(btf__type_by_id(btf, btf_array(t)->type))->nelems, 5);
	assert_int_equal(btf__resolve_size(btf, type), sizeof(short[3][5]));
	assert_true(find(btf, id, "flex", &bits, &bsz, &type));
	assert_int_equal(btf_array(btf__type_by_id(btf, type))->nelems, 0);
	/* a pointer to the struct itself, patched once it is converted */
	assert_true(find(btf, id, "parent", &bits, &bsz, &type));
	t = btf__type_by_id(btf, type);
	assert_true(btf_is_ptr(t));
	assert_int_equal(t->type, id);
	assert_int_equal(btf__resolve_size(btf, type), sizeof(void *));
	/* to a struct no unit defines: a forward declaration */
	assert_true(find(btf, id, "hidden", &bits, &bsz, &type));
	t = btf__type_by_id(btf, btf__type_by_id(btf, type)->type);
	assert_true(btf_is_fwd(t));
	assert_string_equal(btf__name_by_offset(btf, t->name_off), "sample_opaque");
	/* const volatile int *: qualifiers over int */
	assert_true(find(btf, id, "cv", &bits, &bsz, &type));
	type = btf__type_by_id(btf, type)->type;
	assert_true(btf_is_mod(btf__type_by_id(btf, type)));
	assert_true(btf_is_int(btf__type_by_id(btf, btf__resolve_type(btf, type))));
	/* void (*)(struct sample_task *, int, ...) */
	assert_true(find(btf, id, "fn", &bits, &bsz, &type));
	t = btf__type_by_id(btf, btf__type_by_id(btf, type)->type);
	assert_true(btf_is_func_proto(t));
	assert_int_equal(btf_vlen(t), 3);
	assert_int_equal(btf_params(t)[2].type, 0);	/* ... */
	/* a typedef, a double, a _Bool */
	assert_true(find(btf, id, "flags", &bits, &bsz, &type));
	t = btf__type_by_id(btf, type);
	assert_true(btf_is_typedef(t));
	assert_string_equal(btf__name_by_offset(btf, t->name_off), "sample_ulong");
	assert_int_equal(btf__resolve_size(btf, type), sizeof(sample_ulong));
	assert_true(find(btf, id, "ratio", &bits, &bsz, &type));
	assert_true(btf_is_float(btf__type_by_id(btf, type)));
	assert_true(find(btf, id, "on_cpu", &bits, &bsz, &type));
	assert_int_equal(btf_int_encoding(btf__type_by_id(btf, type)), BTF_INT_BOOL);
	/* a base type by its name */
	t = btf__type_by_id(btf, type_id("int"));
	assert_true(btf_is_int(t));
	assert_int_equal(t->size, sizeof(int));
	assert_true(btf_int_encoding(t) & BTF_INT_SIGNED);
	/* once converted, a type is not converted again */
	assert_int_equal(type_id("sample_list"), type_id("sample_list"));
	assert_int_equal(type_id("sample_ulong"), type_id("sample_ulong"));
}

static void
test_enums(void **state)
{
	const struct btf *btf = kdwarf_btf(kd);
	struct error e;
	s64 v;
	u32 id;

	(void)state;
	assert_int_equal(kdwarf_enumerator(kd, "S_RUN", &v, &e), 0);
	assert_int_equal(v, S_RUN);
	assert_int_equal(kdwarf_enumerator(kd, "S_DEAD", &v, &e), 0);
	assert_int_equal(v, S_DEAD);
	assert_int_equal(kdwarf_enumerator(kd, "N_MINUS", &v, &e), 0);
	assert_int_equal(v, -3);
	assert_int_equal(kdwarf_enumerator(kd, "B_HUGE", &v, &e), 0);
	assert_int_equal(v, (s64)B_HUGE);
	id = type_id("sample_big");
	assert_true(btf_is_enum64(btf__type_by_id(btf, id)));
	assert_int_equal(btf__resolve_size(btf, id), sizeof(enum sample_big));
	id = type_id("sample_state");
	assert_true(btf_is_enum(btf__type_by_id(btf, id)));
	assert_int_equal(btf_vlen(btf__type_by_id(btf, id)), 3);
	assert_int_equal(kdwarf_enumerator(kd, "S_NONE", &v, &e), -ENOENT);
	assert_non_null(strstr(e.msg, "no enumerator 'S_NONE'"));
}

static void
test_missing(void **state)
{
	char path[] = "/tmp/ptwalk-test-dwarf-XXXXXX";
	struct error e;
	u32 id;
	int fd;

	(void)state;
	assert_int_equal(kdwarf_type(kd, "no_such_struct", 0, &id, &e), -ENOENT);
	assert_non_null(strstr(e.msg, "no type 'no_such_struct'"));
	/* declared only, defined nowhere: not a type of the DWARF */
	assert_int_equal(kdwarf_type(kd, "sample_opaque", 0, &id, &e), -ENOENT);
	/* an ELF without .debug_info, a file that is no ELF */
	assert_false(kdwarf_present(DWARF_SAMPLE_NODEBUG));
	assert_null(kdwarf_open(DWARF_SAMPLE_NODEBUG, &e));
	assert_non_null(strstr(e.msg, "has no DWARF (no .debug_info"));
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "not an ELF\n", 11), 11);
	close(fd);
	assert_null(kdwarf_open(path, &e));
	assert_non_null(strstr(e.msg, "has no DWARF"));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_struct_layout),
		cmocka_unit_test(test_bitfields),
		cmocka_unit_test(test_arrays_pointers),
		cmocka_unit_test(test_enums),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
