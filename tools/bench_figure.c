// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Figures: the time to draw a `layout` and a `walk` as SVG (describe and
 * write), and to render the same figure as PNG and PDF through librsvg
 * (the first render also loads the fonts: reported apart); the frame map
 * of a 4 GiB machine; the vmalloc figure of a machine whose areas map
 * half a million scattered frames; a slab figure of a cache's 24 slabs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/figure.h"
#include "ptwalk/mmu.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/gfp.h"
#include "ptwalk/kstate.h"
#include "ptwalk/slab.h"
#include "ptwalk/vmalloc.h"

/* Milliseconds to describe the figure and write it in fmt, best of n. */
static double
draw_ms(struct machine *m, bool walk, enum fig_format fmt, const char *path,
	int n)
{
	double best = 1e9;
	int i;

	for (i = 0; i < n; i++) {
		double t0 = bench_now(), t;
		struct figure f;
		struct error e;

		if (walk) {
			struct walk w;

			machine_walk(m, machine_cpu(m), m->lay.page_offset, &w);
			fig_walk(&f, m, machine_cpu(m), &w);
		} else {
			fig_layout(&f, m);
		}
		if (fig_write(&f, path, fmt, &e)) {
			fprintf(stderr, "bench: %s\n", e.msg);
			exit(1);
		}
		fig_release(&f);
		t = (bench_now() - t0) * 1000;
		best = t < best ? t : best;
	}
	return best;
}

/*
 * The frame map of a 4 GiB machine (a million frames) fragmented at its
 * worst: half its free memory allocated page by page and every other page
 * freed again, so that runs alternate all along.
 */
static void
frames(void)
{
	struct machine *m = bench_boot("x86_64", 4 * GiB);
	u64 n = (m->ram_size >> PAGE_SHIFT) / 2, i, k = 0;
	struct page **p = malloc(n * sizeof(*p));
	char path[64];
	struct error e;
	struct figure f;
	struct stat st;
	double t0, t;

	snprintf(path, sizeof(path), "/tmp/ptwalk-bench-%d.svg", (int)getpid());
	for (i = 0; i < n; i++)
		if ((p[k] = alloc_pages(m, GFP_HIGHUSER, 0, &e)) != NULL)
			k++;
	for (i = 0; i < k; i += 2)
		__free_pages(m, p[i], 0, &e);
	t0 = bench_now();
	fig_frames(&f, m, NULL);
	if (fig_write(&f, path, FIG_SVG, &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	t = bench_now() - t0;
	fig_release(&f);
	bench_report("frame map of 4G x86_64, fragmented, SVG", t * 1000, "ms",
		     "limit 1000 ms");
	if (stat(path, &st) == 0)
		bench_report("  its size", (double)st.st_size / 1e6, "MB",
			     "limit 5 MB");
	unlink(path);
	free(p);
	machine_free(m);
}

/* Write f as SVG to path: milliseconds (from t0) and megabytes. */
static void
write_report(struct figure *f, const char *path, double t0, const char *what)
{
	struct error e;
	struct stat st;
	char name[128];

	if (fig_write(f, path, FIG_SVG, &e)) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	bench_report(what, (bench_now() - t0) * 1000, "ms", "limit 1000 ms");
	fig_release(f);
	snprintf(name, sizeof(name), "  its size");
	if (stat(path, &st) == 0)
		bench_report(name, (double)st.st_size / 1e6, "MB",
			     "limit 5 MB");
	unlink(path);
}

/* The areas as vmallocinfo reads them, for fig_vmalloc. */
static void
areas_of(struct machine *m, struct kvm_areas *vs)
{
	const struct vm_struct *vm;

	memset(vs, 0, sizeof(*vs));
	for (vm = vmalloc_of(m)->vmlist; vm != NULL; vm = vm->next) {
		struct kvm_area *a;

		vs->a = realloc(vs->a, (vs->n + 1) * sizeof(*vs->a));
		a = &vs->a[vs->n++];
		memset(a, 0, sizeof(*a));
		a->have_vm = true;
		a->addr = vm->addr;
		a->size = vm->size;
		a->flags = vm->flags;
		a->nr_pages = vm->nr_pages;
	}
}

/*
 * 2 GiB of vmalloc areas of 4 MiB (half a million pages) on a 4 GiB
 * machine whose free memory was fragmented first, so that the frames
 * scatter; then the figure of the areas (walking every page).
 */
static void
vmalloc_fig(const char *path)
{
	struct machine *m = bench_boot("x86_64", 4 * GiB);
	u64 n = 65536, i, k = 0;
	struct page **p = malloc(n * sizeof(*p));
	struct kvm_areas vs;
	struct figure f;
	struct error e;
	double t0;

	for (i = 0; i < n; i++)
		if ((p[k] = alloc_pages(m, GFP_KERNEL, 0, &e)) != NULL)
			k++;
	for (i = 0; i < k; i += 2)
		__free_pages(m, p[i], 0, &e);
	for (i = 0; i < 512; i++)
		if (vmalloc(m, 4 * MiB, "bench", &e) == 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			exit(1);
		}
	areas_of(m, &vs);
	t0 = bench_now();
	fig_vmalloc(&f, m, &vs);
	write_report(&f, path, t0, "vmalloc figure, 512 areas of 4M, SVG");
	free(vs.a);
	free(p);
	machine_free(m);
}

/* A cache of 8-byte objects with 40 slabs, every other object free. */
static void
slab_fig(const char *path)
{
	struct machine *m = bench_boot("x86_64", 1 * GiB);
	struct kmem_cache *s;
	struct figure f;
	struct error e;
	u64 *obj, n = 512 * 40, i;
	double t0;

	s = kmem_cache_create(m, "bench", 8, 0, 0, &e);
	obj = malloc(n * sizeof(*obj));
	if (s == NULL || obj == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	for (i = 0; i < n; i++)
		obj[i] = kmem_cache_alloc(m, s, GFP_KERNEL, &e);
	for (i = 0; i < n; i += 2)
		if (obj[i])
			kmem_cache_free(m, s, obj[i], &e);
	t0 = bench_now();
	fig_slab(&f, m, s);
	write_report(&f, path, t0, "slab figure, 40 slabs of 512 objects, "
		     "SVG");
	free(obj);
	machine_free(m);
}

static void
run(void)
{
	static const char *const arches[] = { "i386", "x86_64", "arm" };
	char path[64], name[96];
	struct machine *m;
	double first;
	unsigned k;

	snprintf(path, sizeof(path), "/tmp/ptwalk-bench-%d.fig", (int)getpid());
	m = bench_boot("x86_64", 1 * GiB);
	first = draw_ms(m, false, FIG_PNG, path, 1);
	bench_report("first PNG render (loads the fonts)", first, "ms", NULL);
	machine_free(m);
	for (k = 0; k < sizeof(arches) / sizeof(arches[0]); k++) {
		m = bench_boot(arches[k], 1 * GiB);
		snprintf(name, sizeof(name), "%s layout figure, SVG", arches[k]);
		bench_report(name, draw_ms(m, false, FIG_SVG, path, 20), "ms",
			     "limit 50 ms");
		snprintf(name, sizeof(name), "%s walk figure, SVG", arches[k]);
		bench_report(name, draw_ms(m, true, FIG_SVG, path, 20), "ms",
			     "limit 50 ms");
		snprintf(name, sizeof(name), "%s layout figure, PNG", arches[k]);
		bench_report(name, draw_ms(m, false, FIG_PNG, path, 5), "ms",
			     NULL);
		snprintf(name, sizeof(name), "%s walk figure, PNG", arches[k]);
		bench_report(name, draw_ms(m, true, FIG_PNG, path, 5), "ms",
			     NULL);
		snprintf(name, sizeof(name), "%s walk figure, PDF", arches[k]);
		bench_report(name, draw_ms(m, true, FIG_PDF, path, 5), "ms",
			     NULL);
		machine_free(m);
	}
	unlink(path);
	frames();
	snprintf(path, sizeof(path), "/tmp/ptwalk-bench-%d.svg", (int)getpid());
	vmalloc_fig(path);
	slab_fig(path);
}

const struct bench bench_figure = {
	.name = "figure",
	.what = "figures: layout and walk (SVG, PNG, PDF), frame map, "
		"vmalloc, slab",
	.run = run,
};
