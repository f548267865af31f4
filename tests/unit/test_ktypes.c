// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel's types from a dump's BTF: a BTF section built with libbpf,
 * written into a simulated kernel image, saved as a core and opened as an
 * image is found by its header (and between __start_BTF and __stop_BTF),
 * and gives member offsets (nested, anonymous, arrays, bitfields), sizes
 * and typed reads; without it, or corrupt, the image still opens, its
 * symbols still work and the type calls say why they fail.  --btf FILE:
 * accepted when it agrees with the dump, refused when its pointers, its
 * pte_t or a SIZE() or OFFSET() of VMCOREINFO do not.
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

#include "ptwalk/image.h"
#include "ptwalk/image_info.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktypes.h"
#include "helpers.h"

static char tmpdir[] = "/tmp/ptwalk-test-ktypes-XXXXXX";

/*
 * struct inner { int a; unsigned int flag:3; unsigned int mode:5; };
 * struct outer { long id; struct { struct inner in; char name[8]; };
 *                struct inner arr[2]; struct inner *next; };
 */
static struct btf *
make_btf(void)
{
	struct btf *b = btf__new_empty();
	int i_int, u_int, l_long, c_char, inner, anon, arr, name, ptr;

	i_int = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
	u_int = btf__add_int(b, "unsigned int", 4, 0);
	l_long = btf__add_int(b, "long", 8, BTF_INT_SIGNED);
	c_char = btf__add_int(b, "char", 1, BTF_INT_SIGNED);
	inner = btf__add_struct(b, "inner", 8);
	btf__add_field(b, "a", i_int, 0, 0);
	btf__add_field(b, "flag", u_int, 32, 3);
	btf__add_field(b, "mode", u_int, 35, 5);
	name = btf__add_array(b, i_int, c_char, 8);
	anon = btf__add_struct(b, NULL, 16);
	btf__add_field(b, "in", inner, 0, 0);
	btf__add_field(b, "name", name, 64, 0);
	arr = btf__add_array(b, i_int, inner, 2);
	ptr = btf__add_ptr(b, inner);
	assert_true(btf__add_struct(b, "outer", 48) > 0);
	btf__add_field(b, "id", l_long, 0, 0);
	btf__add_field(b, "", anon, 64, 0);
	btf__add_field(b, "arr", arr, 192, 0);
	btf__add_field(b, "next", ptr, 320, 0);
	return b;
}

/* The object: id 7, in.a -5, flag 5, mode 17, "task", arr[1].a 42. */
static void
make_obj(u8 *o)
{
	u32 bits = 5 | (17 << 3);
	s32 a = -5, a1 = 42;
	u64 id = 7;

	memset(o, 0, 48);
	memcpy(o, &id, 8);
	memcpy(o + 8, &a, 4);
	memcpy(o + 12, &bits, 4);
	memcpy(o + 16, "task", 5);
	memcpy(o + 32, &a1, 4);
}

enum blob { BLOB_GOOD, BLOB_NONE, BLOB_CORRUPT };

/*
 * A simulated x86_64 kernel with the BTF (or a corrupt header) at
 * _stext + 1 MiB and an object after it, saved and opened as an image.
 * *btf_va and *obj_va say where they lie.
 */
static struct machine *
image_with(enum blob what, u64 *btf_va, u64 *obj_va)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB,
				 .exec = "none");
	const struct ksym *k = machine_ksym(m, "_stext");
	struct btf *b = make_btf();
	const void *raw;
	u32 size;
	u8 obj[48];
	u64 pa;
	struct error e;
	struct image_opts o = { .path = NULL };
	char path[256];

	assert_non_null(k);
	raw = btf__raw_data(b, &size);
	assert_non_null(raw);
	*btf_va = k->value + MiB;
	*obj_va = *btf_va + 64 * KiB;
	assert_int_equal(machine_pa(m, *btf_va, &pa, &e), 0);
	if (what == BLOB_GOOD) {
		assert_int_equal(phys_write(&m->phys, pa, raw, size, &e), 0);
	} else if (what == BLOB_CORRUPT) {
		u8 *bad = xmalloc(size);

		/* a sound header, the first type of an unknown kind */
		memcpy(bad, raw, size);
		memset(bad + 24 + 4, 0xff, 4);
		assert_int_equal(phys_write(&m->phys, pa, bad, size, &e), 0);
		free(bad);
	}
	make_obj(obj);
	assert_int_equal(machine_pa(m, *obj_va, &pa, &e), 0);
	assert_int_equal(phys_write(&m->phys, pa, obj, sizeof(obj), &e), 0);
	btf__free(b);
	snprintf(path, sizeof(path), "%s/k%d.core", tmpdir, (int)what);
	assert_int_equal(image_save(m, path, &e), 0);
	machine_free(m);
	o.path = path;
	m = image_open(&o, &e);
	assert_non_null(m);
	unlink(path);
	return m;
}

static void
test_found_by_header(void **s)
{
	u64 bva, ova, off, v, size;
	struct machine *m = image_with(BLOB_GOOD, &bva, &ova);
	struct kmember km;
	struct error e;

	(void)s;
	assert_false(ktypes_loaded(m));	/* nothing read at open */
	assert_non_null(ktypes_btf(m, &v, &size, &e));
	assert_true(ktypes_loaded(m));
	assert_int_equal(v, bva);
	assert_true(size > 24);
	assert_int_equal(ktype_size(m, "outer", &size, &e), 0);
	assert_int_equal(size, 48);
	assert_int_equal(ktype_size(m, "struct inner", &size, &e), 0);
	assert_int_equal(size, 8);
	/* through the anonymous struct, nested, arrays */
	assert_int_equal(ktype_offset(m, "outer.name", &off, &e), 0);
	assert_int_equal(off, 16);
	assert_int_equal(ktype_offset(m, "outer.in.a", &off, &e), 0);
	assert_int_equal(off, 8);
	assert_int_equal(ktype_offset(m, "outer.arr[1].a", &off, &e), 0);
	assert_int_equal(off, 32);
	assert_int_equal(ktype_member(m, "outer.in.mode", &km, &e), 0);
	assert_int_equal(km.offset, 12);
	assert_int_equal(km.bit_offset, 3);
	assert_int_equal(km.bit_size, 5);
	assert_int_equal(ktype_member(m, "outer.next", &km, &e), 0);
	assert_int_equal(km.offset, 40);
	assert_int_equal(km.size, 8);
	/* typed reads */
	assert_int_equal(kread_field(m, ova, "outer.id", &v, &e), 0);
	assert_int_equal(v, 7);
	assert_int_equal(kread_field(m, ova, "outer.in.a", &v, &e), 0);
	assert_int_equal((s32)v, -5);
	assert_int_equal(kread_field(m, ova, "outer.in.flag", &v, &e), 0);
	assert_int_equal(v, 5);
	assert_int_equal(kread_field(m, ova, "outer.in.mode", &v, &e), 0);
	assert_int_equal(v, 17);
	assert_int_equal(kread_field(m, ova, "outer.arr[1].a", &v, &e), 0);
	assert_int_equal(v, 42);
	/* what is not there */
	assert_int_not_equal(ktype_offset(m, "outer.nope", &off, &e), 0);
	assert_non_null(strstr(e.msg, "no member 'nope' in 'outer'"));
	assert_int_not_equal(ktype_offset(m, "outer.arr[2].a", &off, &e), 0);
	assert_non_null(strstr(e.msg, "past the 2 elements"));
	assert_int_not_equal(ktype_size(m, "task_struct", &size, &e), 0);
	assert_non_null(strstr(e.msg, "no type 'task_struct'"));
	assert_int_not_equal(ktype_offset(m, "outer", &off, &e), 0);
	assert_int_not_equal(kread_field(m, ova, "outer.name", &v, &e), 0);
	assert_int_not_equal(kread_field(m, 0xffff800000000000ULL, "outer.id", &v, &e), 0);
	assert_non_null(strstr(e.msg, "not mapped"));
	machine_free(m);
}

static void
test_found_by_symbols(void **s)
{
	u64 bva, ova, va, size;
	struct machine *m = image_with(BLOB_GOOD, &bva, &ova);
	struct error e;

	(void)s;
	/* the bounds the kallsyms give win over the scan */
	machine_add_ksym(m, "__start_BTF", bva, 0, 'R');
	machine_add_ksym(m, "__stop_BTF", bva + 40, 0, 'R');
	assert_null(ktypes_btf(m, NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "corrupt"));
	machine_free(m);
	m = image_with(BLOB_GOOD, &bva, &ova);
	machine_add_ksym(m, "__start_BTF", bva, 0, 'R');
	machine_add_ksym(m, "__stop_BTF", bva + 120 * MiB, 0, 'R');
	assert_null(ktypes_btf(m, &va, &size, &e));
	assert_non_null(strstr(e.msg, "not a BTF section"));
	machine_free(m);
}

static void
test_absent_and_corrupt(void **s)
{
	u64 bva, ova, size;
	struct machine *m = image_with(BLOB_NONE, &bva, &ova);
	struct error e;

	(void)s;
	assert_null(ktypes_btf(m, NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "the dump has no BTF"));
	assert_int_not_equal(ktype_size(m, "outer", &size, &e), 0);
	assert_non_null(strstr(e.msg, "no BTF"));
	/* the symbols work all the same */
	assert_non_null(machine_ksym(m, "_stext"));
	assert_int_equal(kread(m, ova, &size, 8, &e), 0);
	assert_int_equal(size, 7);
	machine_free(m);
	m = image_with(BLOB_CORRUPT, &bva, &ova);
	assert_null(ktypes_btf(m, NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "is corrupt"));
	assert_int_not_equal(ktype_size(m, "outer", &size, &e), 0);
	assert_non_null(machine_ksym(m, "_stext"));
	machine_free(m);
}

/*
 * A raw BTF file: struct list_head of size lh (pointer members at 0 and
 * psz), pointers of psz bytes, a pte_t of pte bytes (0: none).
 */
static void
btf_file(const char *path, unsigned lh, unsigned psz, unsigned pte)
{
	struct btf *b = btf__new_empty();
	const void *raw;
	u32 size;
	int l, u, ptr;
	FILE *f;

	btf__set_pointer_size(b, psz);
	u = btf__add_int(b, "unsigned long", psz, 0);
	/* the pointer first: fields follow their struct */
	ptr = btf__add_ptr(b, (int)btf__type_cnt(b) + 1);
	l = btf__add_struct(b, "list_head", lh);
	assert_int_equal(l, ptr + 1);
	assert_int_equal(btf__add_field(b, "next", ptr, 0, 0), 0);
	assert_int_equal(btf__add_field(b, "prev", ptr, psz * 8, 0), 0);
	if (pte != 0) {
		int s = btf__add_struct(b, NULL, pte);

		assert_int_equal(btf__add_field(b, "pte", u, 0, 0), 0);
		btf__add_typedef(b, "pte_t", s);
	}
	raw = btf__raw_data(b, &size);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(raw, 1, size, f), size);
	fclose(f);
	btf__free(b);
}

static void
test_btf_file(void **s)
{
	u64 bva, ova, size;
	struct machine *m = image_with(BLOB_NONE, &bva, &ova);
	struct error e;
	char path[256];

	(void)s;
	snprintf(path, sizeof(path), "%s/k.btf", tmpdir);
	free(m->img->vmcoreinfo);
	m->img->vmcoreinfo = xstrdup("OSRELEASE=6.1.0\nSIZE(list_head)=16\n"
				     "OFFSET(list_head.prev)=8\n"
				     "SIZE(no_such_struct)=4\n");
	btf_file(path, 16, 8, 8);
	assert_int_equal(ktypes_load_file(m, path, &e), 0);
	assert_true(ktypes_loaded(m));
	assert_int_equal(ktype_size(m, "list_head", &size, &e), 0);
	assert_int_equal(size, 16);
	btf_file(path, 24, 8, 8);
	assert_int_not_equal(ktypes_load_file(m, path, &e), 0);
	assert_non_null(strstr(e.msg, "SIZE(list_head) is 24 there, 16 in "
			       "the dump's VMCOREINFO"));
	assert_false(ktypes_loaded(m));
	btf_file(path, 16, 8, 4);
	assert_int_not_equal(ktypes_load_file(m, path, &e), 0);
	assert_non_null(strstr(e.msg, "its pte_t is 4 bytes"));
	btf_file(path, 8, 4, 0);
	assert_int_not_equal(ktypes_load_file(m, path, &e), 0);
	assert_non_null(strstr(e.msg, "4-byte pointers"));
	/* nothing VMCOREINFO sizes is in it */
	free(m->img->vmcoreinfo);
	m->img->vmcoreinfo = xstrdup("SIZE(page)=64\n");
	btf_file(path, 16, 8, 0);
	assert_int_not_equal(ktypes_load_file(m, path, &e), 0);
	assert_non_null(strstr(e.msg, "none of the structs"));
	unlink(path);
	machine_free(m);
}

static void
test_simulated(void **s)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB,
				 .exec = "none");
	struct error e;
	u64 size;

	(void)s;
	assert_int_not_equal(ktype_size(m, "task_struct", &size, &e), 0);
	assert_non_null(strstr(e.msg, "simulated machine has no BTF"));
	machine_free(m);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found_by_header),
		cmocka_unit_test(test_found_by_symbols),
		cmocka_unit_test(test_absent_and_corrupt),
		cmocka_unit_test(test_btf_file),
		cmocka_unit_test(test_simulated),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
