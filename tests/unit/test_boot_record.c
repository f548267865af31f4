// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Boot records: the parser against hostile text (every bad line a clear
 * error naming the line, nothing kept), every embedded record parses, and
 * a booted machine holds what its record says (--boot booted).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/boot_record.h"
#include "ptwalk/ksym.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"
#include "helpers.h"

#define HEAD "arch x86_64\nkernel 6.1\nmem 134217728\ncpus 2\n"

/* text must be refused with an error holding want. */
static void
refused(const char *text, const char *want)
{
	struct boot_record r;
	struct error e;

	error_clear(&e);
	if (boot_record_parse("t", text, &r, &e) == 0)
		fail_msg("accepted: %s", text);
	if (strstr(e.msg, want) == NULL)
		fail_msg("'%s': error '%s' lacks '%s'", text, e.msg, want);
	assert_null(r.text);
	assert_null(r.lines);
	assert_int_equal(r.nlines, 0);
}

static void
test_hostile(void **state)
{
	(void)state;
	refused(NULL, "boot record t: empty");
	refused("", "arch, kernel and mem lines are required");
	refused("arch x86_64\nkernel 6.1\n", "required");
	refused(HEAD "frobnicate size=4096\n", "line 5: unknown line: "
		"frobnicate");
	refused(HEAD "vmalloc size=4097 caller=f\n", "line 5: size= must be a "
		"whole number of pages");
	refused(HEAD "vmalloc size=0 caller=f\n", "whole number of pages");
	refused(HEAD "vmalloc size=-4096 caller=f\n", "a number is missing");
	refused(HEAD "vmalloc size=99999999999999999999999 caller=f\n",
		"not a number");
	refused(HEAD "vmalloc size=0x20000000000 caller=f\n", "out of range");
	refused(HEAD "vmalloc size=8192\n", "an area needs caller=");
	refused(HEAD "vmalloc size=8192 pages=3 caller=f\n", "pages=: out of "
		"range");
	refused(HEAD "vmalloc size=8192 align=12288 caller=f\n", "power of "
		"two");
	refused(HEAD "vmalloc size=8192 colour=red caller=f\n", "unknown word: "
		"colour=red");
	refused(HEAD "vmalloc size=8192 caller=\n", "caller= must name");
	refused(HEAD "ioremap size=8192 caller=f\n", "needs phys=");
	refused(HEAD "early size=8192 addr=0x123 caller=f\n", "page aligned");
	refused(HEAD "cache\n", "a cache needs a name");
	refused(HEAD "cache size=8 active=1\n", "a cache needs a name");
	refused(HEAD "cache x size=0 active=1\n", "size= must be at least 1");
	refused(HEAD "cache x size=8 active=99999999999\n", "active=: out of "
		"range");
	refused(HEAD "cache x size=8 active=1 caller=f\n", "no caller");
	refused(HEAD "pages what=anon order=11 count=1\n", "order=: out of "
		"range");
	refused(HEAD "pages order=0 count=1\n", "pages need what=");
	refused(HEAD "zone DMA managed=10 free=1,,2\n", "numbers separated by "
		"commas");
	refused(HEAD "zone DMA managed=10 free=1,2,3,4,5,6,7,8,9,10,11,12,13\n",
		"more orders");
	refused(HEAD "zone DMA managed=10\n", "needs free=");
	refused(HEAD "zone A managed=1 free=1\nzone B managed=1 free=1\n"
		"zone C managed=1 free=1\nzone D managed=1 free=1\n"
		"zone E managed=1 free=1\n", "line 9: too many zones");
	refused("arch x86_64 i386\n", "one value expected");
	refused("mem 12\n", "at least a page");
	refused(HEAD "vmap a b c d e f g h i j k l m n o p q caller=f\n",
		"too many words");
}

/* A record of 5000 lines stops at the line limit, with its number. */
static void
test_too_long(void **state)
{
	size_t n = 5000, i;
	char *t = malloc(sizeof(HEAD) + n * 32), *p = t;

	(void)state;
	p += sprintf(p, "%s", HEAD);
	for (i = 0; i < n; i++)
		p += sprintf(p, "pages what=anon order=0 count=1\n");
	refused(t, "line 4101: too many lines");
	free(t);
}

static void
test_embedded_parse(void **state)
{
	const struct boot_record_file *f;
	int n = 0;

	(void)state;
	for (f = boot_record_files; f->name != NULL; f++, n++) {
		struct boot_record r;
		struct error e;

		if (boot_record_parse(f->name, f->text, &r, &e))
			fail_msg("%s", e.msg);
		assert_true(r.nlines > 0);
		assert_true(r.nzones > 0);
		boot_record_free(&r);
	}
	assert_true(n >= 5);
}

static struct zone *
zone_named(struct machine *m, const char *name)
{
	struct page_alloc *pa = page_alloc_of(m);
	int t;

	for (t = 0; t < MAX_NR_ZONES; t++)
		if (pa->node_data[0]->node_zones[t].name != NULL &&
		    !strcmp(pa->node_data[0]->node_zones[t].name, name))
			return &pa->node_data[0]->node_zones[t];
	return NULL;
}

/*
 * x86_64 128M booted: the guest's areas and callers, its slab objects,
 * and its free blocks below order 10 in both zones.
 */
static void
test_booted_x86_64(void **state)
{
	static const unsigned long dma32[] = { 1, 2, 1, 4, 3, 2, 4, 5, 6, 3 };
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB,
				 .boot = "booted");
	struct boot_state *bs = boot_state_of(m);
	struct vmalloc_state *vs = vmalloc_of(m);
	struct kmem_cache *s;
	struct slabinfo si;
	struct vm_struct *vm;
	struct zone *z;
	unsigned stacks = 0, n = 0;
	int o;

	(void)state;
	assert_int_equal(bs->mode, BOOT_BOOTED);
	assert_string_equal(bs->rec.name, "x86_64");
	for (vm = vs->vmlist; vm != NULL; vm = vm->next, n++)
		stacks += vm->caller != NULL &&
			!strncmp(vm->caller, "kernel_clone+", 13);
	assert_int_equal(n, bs->areas_done);
	assert_true(n >= 80);
	assert_true(stacks >= 60);
	s = kmem_cache_find(m, "dentry");
	assert_non_null(s);
	get_slabinfo(m, s, &si);
	assert_true(si.active_objs >= 10353 && si.active_objs < 10353 + 21);
	z = zone_named(m, "DMA32");
	assert_non_null(z);
	for (o = 0; o < 10; o++)
		assert_int_equal(z->free_area[o].nr_free, dma32[o]);
	assert_true(z->free_area[10].nr_free < 16);
	machine_free(m);
}

/*
 * arm64 256M: one zone whose free blocks of every order below 10 are the
 * guest's, carved from blocks of many orders (none cut from a run freed
 * before it); the record's early areas over RAM (Debian's larger image)
 * are not replayed: the machine's own image areas stand, nothing skipped.
 */
static void
test_booted_arm64(void **state)
{
	static const unsigned long dma[] = { 2, 1, 3, 2, 3, 4, 3, 3, 4, 6 };
	struct machine *m = boot(.arch = "arm64", .mem = 256 * MiB,
				 .boot = "booted");
	struct boot_state *bs = boot_state_of(m);
	struct zone *z = zone_named(m, "DMA");
	int o;

	(void)state;
	assert_int_equal(bs->mode, BOOT_BOOTED);
	assert_non_null(z);
	for (o = 0; o < 10; o++)
		assert_int_equal(z->free_area[o].nr_free, dma[o]);
	assert_true(z->free_area[10].nr_free >= 40);
	assert_int_equal(bs->nskips, 0);
	assert_non_null(vmap_area_at(m, machine_ksym(m, "_stext")->value));
	machine_free(m);
}

/* Half the guest's RAM: objects and pages halved; clean stays empty. */
static void
test_scaled_and_clean(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 96 * MiB,
				 .boot = "booted");
	struct boot_state *bs = boot_state_of(m);
	struct kmem_cache *s;
	struct slabinfo si;

	(void)state;
	assert_int_equal(bs->scale_num * 4, bs->scale_den * 3);
	s = kmem_cache_find(m, "dentry");
	get_slabinfo(m, s, &si);
	assert_true(si.active_objs >= 10353 * 3 / 4 &&
		    si.active_objs < 10353 * 3 / 4 + 22);
	assert_true(global_free_pages(m) >=
		    page_alloc_of(m)->totalram_pages / 4 - 1024);
	machine_free(m);
	m = boot(.arch = "x86_64", .mem = 128 * MiB);
	bs = boot_state_of(m);
	assert_int_equal(bs->mode, BOOT_CLEAN);
	assert_null(bs->why_clean);
	assert_null(kmem_cache_find(m, "dentry"));
	assert_null(vmalloc_of(m)->vmlist);
	machine_free(m);
}

static void
test_bad_mode(void **state)
{
	struct machine_opts o = { .arch = "x86_64", .boot = "warm" };
	struct error e;

	(void)state;
	assert_int_equal(boot_mode_parse("booted"), BOOT_BOOTED);
	assert_int_equal(boot_mode_parse("clean"), BOOT_CLEAN);
	assert_int_equal(boot_mode_parse(NULL), BOOT_DEFAULT);
	assert_int_equal(boot_mode_parse("Booted"), -1);
	assert_null(machine_new(&o, &e));
	assert_non_null(strstr(e.msg, "--boot warm: choose one of booted, "
			       "clean"));
	o.boot = "booted";
	o.nodes = 2;
	assert_null(machine_new(&o, &e));
	assert_non_null(strstr(e.msg, "one-node"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_embedded_parse),
		cmocka_unit_test(test_booted_x86_64),
		cmocka_unit_test(test_booted_arm64),
		cmocka_unit_test(test_scaled_and_clean),
		cmocka_unit_test(test_bad_mode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
