// SPDX-License-Identifier: GPL-3.0-or-later
/* Figures: descriptions, their SVG, the files and the figure options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "ptwalk/figure.h"
#include "ptwalk/gfp.h"
#include "ptwalk/kstate.h"
#include "ptwalk/mmu.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"
#include "helpers.h"

static int
count(const char *s, const char *what)
{
	int n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* Labels are text elements, escaped; bytes XML cannot hold become '?'. */
static void
test_svg_text(void **state)
{
	struct figure f;
	struct strbuf sb;
	struct fig_item *it;

	(void)state;
	fig_init(&f, "a <title> & more");
	f.width = 200;
	it = fig_box(&f, 10, 10, 50, 20, FS_GAP);
	fig_box_what(it, "region", "a\"b");
	fig_box_span(it, 0xfffffe0000000000ULL, 0);
	fig_text(&f, 5, 5, FF_LABEL, FA_MIDDLE, "x<y & 'z'\x01\xff");
	fig_caption(&f, "one");
	fig_finish(&f, 40);
	sb_init(&sb);
	fig_svg(&f, &sb);
	assert_non_null(strstr(sb.buf, "<title>a &lt;title&gt; &amp; more"
			       "</title>"));
	assert_non_null(strstr(sb.buf, ">x&lt;y &amp; &apos;z&apos;?" "?</text>"));
	assert_non_null(strstr(sb.buf, "data-name=\"a&quot;b\""));
	/* a span up to the top of a 64-bit space ends at 2^64 */
	assert_non_null(strstr(sb.buf, "data-end=\"0x10000000000000000\""));
	assert_non_null(strstr(sb.buf, ">one</text>"));
	/* the legend names the gap style once */
	assert_int_equal(count(sb.buf, ">gap, guard or unused</text>"), 1);
	assert_true(f.height > 40);
	sb_release(&sb);
	fig_release(&f);
}

static void
test_wrap(void **state)
{
	char *l[3];
	int n, i;

	(void)state;
	n = fig_wrap("aaa bbb ccc ddd", 7, l, 3);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "aaa bbb");
	assert_string_equal(l[1], "ccc ddd");
	for (i = 0; i < n; i++)
		free(l[i]);
	/* more than fits: the last line says so */
	n = fig_wrap("aaa bbb ccc ddd eee", 7, l, 2);
	assert_int_equal(n, 2);
	assert_string_equal(l[1], "ccc ddd...");
	for (i = 0; i < n; i++)
		free(l[i]);
	/* a word longer than the line is cut */
	n = fig_wrap("abcdefghij", 4, l, 3);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "abcd");
	for (i = 0; i < n; i++)
		free(l[i]);
}

/* A file is whole or absent: nothing is left beside a failed one. */
static void
test_write(void **state)
{
	char dir[] = "/tmp/ptwalk-fig-XXXXXX", path[300], buf[8];
	struct figure f;
	struct error e;
	FILE *in;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fig_init(&f, "t");
	f.width = 100;
	fig_box(&f, 1, 1, 10, 10, FS_TABLE);
	fig_finish(&f, 20);
	snprintf(path, sizeof(path), "%s/no/such.svg", dir);
	assert_int_not_equal(fig_write(&f, path, FIG_SVG, &e), 0);
	assert_non_null(strstr(e.msg, "cannot write"));
	/* a directory in the way: the temporary is removed */
	snprintf(path, sizeof(path), "%s/d", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_not_equal(fig_write(&f, path, FIG_PNG, &e), 0);
	assert_int_equal(rmdir(path), 0);
	snprintf(path, sizeof(path), "%s/f.png", dir);
	assert_int_equal(fig_write(&f, path, FIG_PNG, &e), 0);
	in = fopen(path, "rb");
	assert_non_null(in);
	assert_int_equal(fread(buf, 1, 4, in), 4);
	fclose(in);
	assert_memory_equal(buf, "\x89PNG", 4);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);	/* empty: no temporaries */
	fig_release(&f);
}

/* SVG that librsvg cannot read is an error, not a crash. */
static void
test_render_bad(void **state)
{
	static const char bad[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
	FILE *out = tmpfile();
	struct error e;

	(void)state;
	assert_non_null(out);
	assert_int_not_equal(fig_render(bad, sizeof(bad) - 1, FIG_PNG, out,
					&e), 0);
	assert_true(e.msg[0] != 0);
	fclose(out);
}

/* One box per region, plus the holes; none overlapping, high on top. */
static void
test_layout_boxes(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB);
	struct figure f;
	double last = -1;
	u64 prev = 0;
	int i, regions = 0;
	bool first = true;

	(void)state;
	fig_layout(&f, m);
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];

		if (it->kind != FIG_BOX || it->role == NULL ||
		    (strcmp(it->role, "region") && strcmp(it->role, "hole")))
			continue;
		regions += !strcmp(it->role, "region");
		assert_true(it->y >= last - 1e-9);
		if (!first)
			assert_true(it->start < prev);
		last = it->y + it->h;
		prev = it->start;
		first = false;
	}
	assert_int_equal(regions, m->nregions);
	fig_release(&f);
	machine_free(m);
}

/* A walk: one table per step, the entry named as the text names it. */
static void
test_walk_items(void **state)
{
	struct machine *m = boot(.arch = "i386");
	struct walk w;
	struct figure f;
	int i, tables = 0, entries = 0, pages = 0;

	(void)state;
	machine_walk(m, machine_cpu(m), m->lay.page_offset, &w);
	fig_walk(&f, m, machine_cpu(m), &w);
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];

		if (it->kind != FIG_BOX || it->role == NULL)
			continue;
		tables += !strcmp(it->role, "table");
		entries += !strcmp(it->role, "entry");
		pages += !strcmp(it->role, "page");
	}
	assert_int_equal(tables, w.nsteps);
	assert_int_equal(entries, w.nsteps);
	assert_int_equal(pages, 1);
	fig_release(&f);
	machine_free(m);
}

/* Spans beyond what a figure shows are grouped, and the caption says so. */
static void
test_spans_grouped(void **state)
{
	struct machine *m = boot(.arch = "i386");
	struct fig_spans s = { NULL, 0, 0 };
	struct figure f;
	u64 va = 0x10000000;
	int i, boxes = 0;
	double last = -1;

	(void)state;
	for (i = 0; i < 450; i++, va += 2 * PAGE_SIZE)
		fig_spans_add(&s, va, va + PAGE_SIZE, "r", i % 3 ? "rw-" :
			      "r-x", "d");
	fig_spans(&f, m, "t", &s, "range");
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];

		if (it->kind != FIG_BOX || it->role == NULL)
			continue;
		boxes++;
		assert_true(it->y >= last - 1e-9);
		last = it->y + it->h;
	}
	assert_int_equal(boxes, 150);
	assert_non_null(strstr(f.caption.buf, "the 450 ranges are drawn as "
			       "150 boxes of up to 3"));
	fig_release(&f);
	fig_spans_release(&s);
	machine_free(m);
}

/*
 * A fragmented zone: runs of frames drawn left to right within the strip,
 * never over each other, one zone box per populated zone.
 */
static void
test_frames(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 256 * MiB);
	struct page_alloc *pg = page_alloc_of(m);
	struct page *p[4000];
	struct figure f;
	struct error e;
	double last_x = 0, last_y = -1;
	int i, n = 0, zones = 0, populated = 0, t;

	(void)state;
	for (i = 0; i < 4000; i++)
		if ((p[n] = alloc_pages(m, GFP_KERNEL, 0, &e)) != NULL)
			n++;
	for (i = 0; i < n; i += 2)
		__free_pages(m, p[i], 0, &e);
	for (t = 0; t < MAX_NR_ZONES; t++)
		populated += zone_configured(pg, t) &&
			populated_zone(&pg->node_data[0]->node_zones[t]);
	fig_frames(&f, m, NULL);
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];

		if (it->kind != FIG_BOX)
			continue;
		if (it->role != NULL && !strcmp(it->role, "zone"))
			zones++;
		if (it->style == FS_FREE || it->y > f.height - 80)
			continue;	/* strips and legend */
		assert_true(it->x >= 20 && it->x + it->w <= 20 + 840 + 1e-6);
		if (it->y == last_y)
			assert_true(it->x >= last_x - 1e-6);
		last_x = it->x + it->w;
		last_y = it->y;
	}
	assert_int_equal(zones, populated);
	for (i = 1; i < n; i += 2)
		__free_pages(m, p[i], 0, &e);
	fig_release(&f);
	machine_free(m);
}

/*
 * The slab figure numbers each free object with its place on the free
 * list: the object slab_freelist() gives k-th carries k + 1.
 */
static void
test_slab_freelist(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 64 * MiB);
	struct kmem_cache *s;
	struct figure f;
	struct error e;
	u64 obj[5], fl[64], base;
	unsigned n, k;
	double ow;
	int i, texts = 0;

	(void)state;
	s = kmem_cache_create(m, "t", 200, 0, 0, &e);
	assert_non_null(s);
	for (i = 0; i < 5; i++)
		obj[i] = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	kmem_cache_free(m, s, obj[1], &e);
	kmem_cache_free(m, s, obj[3], &e);
	n = slab_freelist(m, s->cpu_slab[0].slab, fl, 64);
	base = page_address(m, s->cpu_slab[0].slab);
	ow = 860.0 * s->size / 4096;
	fig_slab(&f, m, s);
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];
		char *end;

		if (it->kind != FIG_TEXT || it->font != FF_MONO_SMALL)
			continue;
		k = (unsigned)strtoul(it->text, &end, 10);
		if (*end || k == 0 || k > n)
			continue;
		/* the number lies within the k-th free object's cell */
		assert_true(it->x >= 20 + (double)((fl[k - 1] - base) /
						   s->size) * ow);
		assert_true(it->x <= 20 + (double)((fl[k - 1] - base) /
						   s->size + 1) * ow);
		texts++;
	}
	assert_int_equal(texts, (int)n);
	fig_release(&f);
	machine_free(m);
}

/* The vmalloc figure's runs of frames are the area's pages. */
static void
test_vmalloc_runs(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 256 * MiB);
	struct kvm_areas vs = { 0 };
	struct kvm_area a = { 0 };
	struct vm_struct *vm;
	struct figure f;
	struct error e;
	u64 va, pages = 0;
	int i, runs = 0;
	unsigned k;

	(void)state;
	va = vmalloc(m, 30 * PAGE_SIZE, "t", &e);
	assert_true(va != 0);
	vm = find_vm_area(m, va);
	a.have_vm = true;
	a.addr = vm->addr;
	a.size = vm->size;
	a.flags = vm->flags;
	vs.a = &a;
	vs.n = 1;
	fig_vmalloc(&f, m, &vs);
	for (k = 1; k < vm->nr_pages; k++)
		if (page_to_pfn(m, vm->pages[k]) !=
		    page_to_pfn(m, vm->pages[k - 1]) + 1)
			runs++;
	for (i = 0; i < f.n; i++) {
		const struct fig_item *it = &f.items[i];
		unsigned long long lo, hi;

		if (it->kind != FIG_BOX || it->role == NULL ||
		    strcmp(it->role, "frames"))
			continue;
		assert_int_equal(sscanf(it->name, "%llx-%llx", &lo, &hi), 2);
		pages += hi - lo + 1;
		runs--;
	}
	assert_int_equal(runs, -1);	/* one more run than jumps */
	assert_int_equal(pages, 30);
	fig_release(&f);
	machine_free(m);
}

/* The dispatcher's options: a command's own, then the figure's, once. */
static void
test_opts(void **state)
{
	static const struct cmd_opt own[] = {
		{ "--a", NULL, NULL, "a" },
		{ NULL, NULL, NULL, NULL },
	};
	struct cmd c = { .name = "t", .opts = own, .flags = CMD_FIGURE };
	const struct cmd_opt *q;
	int n = 0;

	(void)state;
	cmd_for_each_opt(&c, q)
		n++;
	assert_int_equal(n, 1 + NR_FIG_FORMATS);
	c.flags = 0;
	n = 0;
	cmd_for_each_opt(&c, q)
		n++;
	assert_int_equal(n, 1);
	c.opts = NULL;
	c.flags = CMD_FIGURE;
	q = cmd_opt_next(&c, NULL);
	assert_string_equal(q->name, "--svg");
	c.flags = 0;
	assert_null(cmd_opt_next(&c, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_svg_text),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_render_bad),
		cmocka_unit_test(test_layout_boxes),
		cmocka_unit_test(test_walk_items),
		cmocka_unit_test(test_spans_grouped),
		cmocka_unit_test(test_frames),
		cmocka_unit_test(test_slab_freelist),
		cmocka_unit_test(test_vmalloc_runs),
		cmocka_unit_test(test_opts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
