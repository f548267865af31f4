// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Kernel profiles (--kernel): every arch's are whole and documented, the
 * first is the default, and the x86 ones give their release's layout and
 * zones (Linux 6.1 as Debian's guests show it, the classic 2.6).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/machine.h"
#include "ptwalk/options.h"
#include "ptwalk/page_alloc.h"
#include "helpers.h"

static const struct option_doc *
option(const char *name)
{
	int i;

	for (i = 0; option_docs[i].lng != NULL; i++)
		if (!strcmp(option_docs[i].lng, name))
			return &option_docs[i];
	return NULL;
}

/* Is w one of the comma-separated words after "words:"? */
static bool
in_words(const char *list, const char *w)
{
	size_t l = strlen(w);
	const char *p = list + strlen("words:");

	while (*p) {
		size_t n = strcspn(p, ",");

		if (n == l && !strncmp(p, w, l))
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* Each profile: whole, completed and documented by --kernel's help. */
static void
test_profiles_documented(void **state)
{
	const struct option_doc *o = option("kernel");
	int i;

	(void)state;
	assert_non_null(o);
	for (i = 0; arch_list[i] != NULL; i++) {
		const struct arch *a = arch_list[i];
		const struct kernel_profile *p;

		assert_non_null(a->profiles);
		assert_ptr_equal(arch_profile(a, NULL), &a->profiles[0]);
		assert_null(arch_profile(a, "9.9"));
		for (p = a->profiles; p->name != NULL; p++) {
			assert_ptr_equal(arch_profile(a, p->name), p);
			assert_non_null(p->release);
			assert_non_null(p->model);
			assert_non_null(p->data);
			assert_true(p->struct_page_size >= 32);
			assert_true(in_words(o->complete, p->name));
			assert_non_null(strstr(o->help, p->name));
		}
	}
}

/* i386 6.1 with 1G: the guest's HighMem start, kmap window, CEA. */
static void
test_i386_61(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB,
				 .variant = "6.1", .exec = "none");
	struct machine *p = boot(.arch = "i386-pae", .mem = 1 * GiB,
				 .variant = "6.1", .exec = "none");

	(void)state;
	assert_int_equal(m->lay.high_memory, 0xf6bfe000);
	assert_int_equal(m->lay.pkmap_base, 0xfec00000);
	assert_int_equal(m->lay.cpu_entry_area, 0xff400000);
	assert_int_equal(m->lay.ktext, 0xc1000000);
	assert_int_equal(m->lay.vmalloc_end - m->lay.vmalloc_start, 120 * MiB);
	assert_int_equal(p->lay.high_memory, 0xf6ffe000);
	assert_int_equal(p->lay.pkmap_base, 0xff000000);
	assert_int_equal(p->lay.cpu_entry_area, 0xff400000);
	machine_free(m);
	machine_free(p);
}

/* vmalloc=N gives exactly N with 6.1, N less the top with 2.6. */
static void
test_vmalloc_exact(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB,
				 .vmalloc_size = 200 * MiB, .variant = "6.1",
				 .exec = "none");
	struct machine *c = boot(.arch = "i386", .mem = 160 * MiB,
				 .variant = "2.6", .exec = "none");

	(void)state;
	assert_int_equal(m->lay.vmalloc_end - m->lay.vmalloc_start, 200 * MiB);
	assert_int_equal(c->lay.vmalloc_start, 0xca800000);
	assert_int_equal(c->lay.pkmap_base, 0xff800000);
	machine_free(m);
	machine_free(c);
}

/*
 * x86_64 6.1 with 128M: modules above the 1G image space, the e820 holes
 * (page 0, the ISA hole, the top 128K) not present, the first MiB
 * reserved: the zones of the guest.
 */
static void
test_x86_64_zones(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB,
				 .exec = "none");
	struct page_alloc *pgalloc = page_alloc_of(m);
	struct zone *dma = &NODE_DATA(pgalloc, 0)->node_zones[ZONE_DMA];
	struct zone *dma32 = &NODE_DATA(pgalloc, 0)->node_zones[ZONE_DMA32];

	(void)state;
	assert_int_equal(m->lay.modules_vaddr, 0xffffffffc0000000ULL);
	assert_int_equal(dma->zone_start_pfn, 1);
	assert_int_equal(dma->spanned_pages, 4095);
	assert_int_equal(dma->present_pages, 3998);
	assert_int_equal(dma->managed_pages, 3840);
	assert_int_equal(dma32->spanned_pages, 28640);
	assert_int_equal(dma32->present_pages, 28640);
	assert_true(zone_configured(pgalloc, ZONE_DEVICE));
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profiles_documented),
		cmocka_unit_test(test_i386_61),
		cmocka_unit_test(test_vmalloc_exact),
		cmocka_unit_test(test_x86_64_zones),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
