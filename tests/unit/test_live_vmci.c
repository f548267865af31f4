// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The VMCOREINFO of a live guest found in its RAM (src/image/live_vmci.c),
 * over a RAM made in the test: the ELF note vmcoreinfo_note and the text
 * vmcoreinfo_data are found at the start of their page, look-alikes whose
 * text does not parse are passed over, a RAM without one says how many
 * pages it searched, and the place is kept per target: the next search
 * reads that page first, and searches again once it holds another text.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/image/live_qemu.h"

#define BASE	0x100000ULL
#define NPAGES	256ULL

static u8 *ram;
static int reads;	/* read() calls */
static u64 heads;	/* pages whose heads were asked */

static const char text[] =
	"OSRELEASE=6.1.0-test\nBUILD-ID=0123456789abcdef\nPAGESIZE=4096\n"
	"SYMBOL(init_uts_ns)=ffffffff82012340\nSYMBOL(_stext)=ffffffff81000000\n";

static int
src_heads(void *ctx, u64 pa, u64 n, u8 *out, struct error *e)
{
	u64 i;

	(void)ctx;
	(void)e;
	for (i = 0; i < n; i++)
		memcpy(out + i * VMCI_HEAD, ram + (pa - BASE) + i * PAGE_SIZE,
		       VMCI_HEAD);
	heads += n;
	return 0;
}

static int
src_read(void *ctx, u64 pa, u8 *dst, u64 len, struct error *e)
{
	(void)ctx;
	reads++;
	if (pa < BASE || pa + len > BASE + NPAGES * PAGE_SIZE)
		return error_set(e, -EFAULT, "outside the RAM");
	memcpy(dst, ram + (pa - BASE), len);
	return 0;
}

static const struct vmci_src src = { NULL, src_heads, src_read };
static const u64 ranges[1][2] = { { BASE, NPAGES * PAGE_SIZE } };

static void
put_note(u64 page, const char *t)
{
	u8 *p = ram + page * PAGE_SIZE;
	u32 namesz = 11, descsz = (u32)strlen(t), type = 0;

	memcpy(p, &namesz, 4);
	memcpy(p + 4, &descsz, 4);
	memcpy(p + 8, &type, 4);
	memcpy(p + 12, "VMCOREINFO", 11);
	memcpy(p + 24, t, descsz);
}

static int
setup(void **state)
{
	char dir[] = "/tmp/ptwalk-vmci-XXXXXX";

	(void)state;
	ram = calloc(NPAGES, PAGE_SIZE);
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CACHE_HOME", dir, 1);
	reads = 0;
	heads = 0;
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", getenv("XDG_CACHE_HOME"));

	(void)state;
	free(ram);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

static void
test_note(void **state)
{
	struct vmci_found f;
	struct error e;

	(void)state;
	put_note(40, text);
	error_clear(&e);
	assert_int_equal(vmci_scan(&src, ranges, 1, NULL, &f, &e), 0);
	assert_non_null(f.text);
	assert_string_equal(f.text, text);
	assert_true(f.note);
	assert_int_equal(f.pa, BASE + 40 * PAGE_SIZE);
	assert_false(f.cached);
	free(f.text);
}

static void
test_data_page_and_lookalikes(void **state)
{
	struct vmci_found f;
	struct error e;

	(void)state;
	/* from the top down: the look-alikes above come first */
	memcpy(ram + 200 * PAGE_SIZE, "OSRELEASE=x\nno equals sign\n", 27);
	put_note(190, "OSRELEASE=y\nPAGESIZE=4000\nSYMBOL(a)=1\n");
	memcpy(ram + 100 * PAGE_SIZE, text, strlen(text));
	error_clear(&e);
	assert_int_equal(vmci_scan(&src, ranges, 1, NULL, &f, &e), 0);
	assert_non_null(f.text);
	assert_string_equal(f.text, text);
	assert_false(f.note);
	assert_int_equal(f.pa, BASE + 100 * PAGE_SIZE);
	assert_int_equal(f.rejected, 2);
	free(f.text);
}

static void
test_none(void **state)
{
	struct vmci_found f;
	struct error e;

	(void)state;
	memcpy(ram + 3 * PAGE_SIZE + 8, text, strlen(text));	/* not a page start */
	error_clear(&e);
	assert_int_equal(vmci_scan(&src, ranges, 1, "unix:/t", &f, &e), 0);
	assert_null(f.text);
	assert_int_equal(f.pages, NPAGES);
	assert_int_equal(heads, NPAGES);
}

static void
test_cache(void **state)
{
	static const char other[] =
		"OSRELEASE=6.1.0-test\nBUILD-ID=fedcba9876543210\nPAGESIZE=4096\n"
		"SYMBOL(init_uts_ns)=ffffffff82012340\n";
	struct vmci_found f;
	struct error e;

	(void)state;
	put_note(10, text);
	error_clear(&e);
	assert_int_equal(vmci_scan(&src, ranges, 1, "unix:/t", &f, &e), 0);
	assert_false(f.cached);
	free(f.text);
	/* the next attach to the target reads that page only */
	heads = 0;
	assert_int_equal(vmci_scan(&src, ranges, 1, "unix:/t", &f, &e), 0);
	assert_true(f.cached);
	assert_int_equal(f.pa, BASE + 10 * PAGE_SIZE);
	assert_int_equal(heads, 0);
	free(f.text);
	/* another target searches */
	assert_int_equal(vmci_scan(&src, ranges, 1, "host:1", &f, &e), 0);
	assert_false(f.cached);
	free(f.text);
	/* another kernel's text there (another BUILD-ID): searched again */
	memset(ram + 10 * PAGE_SIZE, 0, PAGE_SIZE);
	put_note(10, other);
	put_note(20, text);
	assert_int_equal(vmci_scan(&src, ranges, 1, "unix:/t", &f, &e), 0);
	assert_false(f.cached);
	assert_int_equal(f.pa, BASE + 20 * PAGE_SIZE);
	free(f.text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_page_and_lookalikes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
