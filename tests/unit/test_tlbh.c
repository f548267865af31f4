// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The TLB hierarchy model (iTLB, dTLB, STLB, page-walk caches) against a
 * plain reference written here: every array a list of page numbers per
 * set, most recent first; every walk cache a list of VA prefixes, most
 * recent first; a walk starts below the deepest prefix cached.  Random
 * streams of pages of three sizes, fetches and data, through small and
 * preset geometries: every counter must be the reference's.  Then a
 * lackey trace replayed through a machine with the model set, against
 * the same reference fed the pages the trace touches.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/mm.h"
#include "ptwalk/replay.h"
#include "ptwalk/tlbh.h"
#include "helpers.h"

static u64 seed = 0x2545f4914f6cdd1dULL;

static u64
rnd(void)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return seed * 0x2545F4914F6CDD1DULL;
}

/* An MRU list of keys. */
struct mru {
	u64 *k;
	int n, cap;
};

/* Is key there?  Either way it ends in front (fill: insert when not). */
static bool
mru_use(struct mru *l, u64 key, bool fill)
{
	int i;

	for (i = 0; i < l->n && l->k[i] != key; i++)
		;
	if (i == l->n) {
		if (!fill || l->cap == 0)
			return false;
		if (l->n < l->cap)
			l->n++;
		i = l->n - 1;
		memmove(&l->k[1], &l->k[0], (size_t)i * sizeof(u64));
		l->k[0] = key;
		return false;
	}
	memmove(&l->k[1], &l->k[0], (size_t)i * sizeof(u64));
	l->k[0] = key;
	return true;
}

struct ref_arr {
	int sets;
	u8 sizes;
	struct mru *set;
};

struct ref {
	struct ref_arr arr[TLBH_LEVELS][TLBH_ARRAYS];
	struct mru pwc[TLBH_PWC];
	int vshift[4];		/* x86_64: 39 30 21 12 */
	u64 hits[TLBH_LEVELS], misses[TLBH_LEVELS], walks, refs[4];
	u64 pwc_hits[TLBH_PWC];
};

static void
ref_init(struct ref *r, const struct tlbh_geom *g)
{
	int l, a, s;

	memset(r, 0, sizeof(*r));
	for (l = 0; l < TLBH_LEVELS; l++)
		for (a = 0; a < TLBH_ARRAYS; a++) {
			const struct tlbh_arr_geom *ag = &g->arr[l][a];
			struct ref_arr *ra = &r->arr[l][a];

			if (ag->entries == 0)
				continue;
			ra->sets = ag->entries / ag->ways;
			ra->sizes = ag->sizes;
			ra->set = calloc((size_t)ra->sets, sizeof(*ra->set));
			for (s = 0; s < ra->sets; s++) {
				ra->set[s].cap = ag->ways;
				ra->set[s].k = calloc(ag->ways, sizeof(u64));
			}
		}
	for (a = 0; a < TLBH_PWC; a++) {
		r->pwc[a].cap = g->pwc[a];
		r->pwc[a].k = calloc(g->pwc[a] + 1u, sizeof(u64));
	}
	r->vshift[0] = 39;
	r->vshift[1] = 30;
	r->vshift[2] = 21;
	r->vshift[3] = 12;
}

static void
ref_free(struct ref *r)
{
	int l, a, s;

	for (l = 0; l < TLBH_LEVELS; l++)
		for (a = 0; a < TLBH_ARRAYS; a++) {
			for (s = 0; s < r->arr[l][a].sets; s++)
				free(r->arr[l][a].set[s].k);
			free(r->arr[l][a].set);
		}
	for (a = 0; a < TLBH_PWC; a++)
		free(r->pwc[a].k);
}

/* The level's array for size index sz, or NULL. */
static struct ref_arr *
ref_find(struct ref *r, int l, int sz)
{
	int a;

	for (a = 0; a < TLBH_ARRAYS; a++)
		if (r->arr[l][a].sets && (r->arr[l][a].sizes & (1 << sz)))
			return &r->arr[l][a];
	return NULL;
}

static bool
ref_level(struct ref *r, int l, int sz, u64 vpn)
{
	struct ref_arr *ra = ref_find(r, l, sz);

	if (ra == NULL)
		return true;	/* passed by: no lookup */
	if (mru_use(&ra->set[vpn % (u64)ra->sets], vpn * 4 + (u64)sz, true)) {
		r->hits[l]++;
		return false;
	}
	r->misses[l]++;
	return true;
}

static void
ref_lookup(struct ref *r, u64 va, int sz, bool fetch)
{
	static const int shift[3] = { 12, 21, 30 };
	int leaf = 3 - sz, start = 0, i;
	u64 vpn = va >> shift[sz];

	if (!ref_level(r, fetch ? TLBH_ITLB : TLBH_DTLB, sz, vpn))
		return;
	if (!ref_level(r, TLBH_STLB, sz, vpn))
		return;
	r->walks++;
	for (i = leaf - 1; i >= 0; i--)
		if (mru_use(&r->pwc[2 - i], va >> r->vshift[i], false)) {
			r->pwc_hits[2 - i]++;
			start = i + 1;
			break;
		}
	for (i = start; i <= leaf; i++) {
		r->refs[i]++;
		if (i < leaf)
			mru_use(&r->pwc[2 - i], va >> r->vshift[i], true);
	}
}

static void
compare(const struct tlbh *h, const struct ref *r)
{
	int l, i;

	for (l = 0; l < TLBH_LEVELS; l++) {
		assert_int_equal(tlbh_level_hits(h, l), r->hits[l]);
		assert_int_equal(tlbh_level_misses(h, l), r->misses[l]);
	}
	assert_int_equal(h->walks, r->walks);
	for (i = 0; i < 4; i++)
		assert_int_equal(h->refs[i], r->refs[i]);
	for (i = 0; i < 3; i++)
		assert_int_equal(h->pwc_hits[i], r->pwc_hits[i]);
}

static const struct tlbh_geom small = {
	.name = "small",
	.arr = {
		[TLBH_ITLB] = { { 8, 2, 1 }, { 2, 2, 2 } },
		[TLBH_DTLB] = { { 16, 4, 1 }, { 4, 4, 2 }, { 2, 1, 4 } },
		[TLBH_STLB] = { { 64, 4, 3 } },
	},
	.pwc = { 4, 2, 1, 0 },
};

/*
 * A random stream: a hot region and strays, over a space wide enough
 * for every walk cache to miss sometimes.
 */
static void
stream(struct machine *m, const struct tlbh_geom *g, int n)
{
	struct tlbh h;
	struct ref r;
	int i;

	assert_int_equal(tlbh_init(&h, g, &m->mmu), 0);
	ref_init(&r, g);
	for (i = 0; i < n; i++) {
		u64 x = rnd(), va;
		int sz = (x & 15) < 11 ? 0 : (x & 15) < 15 ? 1 : 2;
		bool fetch = ((x >> 4) & 3) == 0;

		va = (x & 0x30) ? ((x >> 8) & 0x3fffff) << 6 :
			((x >> 8) & 0x7fffffffffULL) << 8;
		va &= (1ULL << 47) - 1;
		tlbh_lookup(&h, va, 12u + 9u * (unsigned)sz, fetch);
		ref_lookup(&r, va, sz, fetch);
	}
	compare(&h, &r);
	assert_true(h.walks > 0 && tlbh_level_hits(&h, TLBH_DTLB) > 0);
	tlbh_release(&h);
	ref_free(&r);
}

static void
test_small(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .exec = "none");

	(void)state;
	stream(m, &small, 200000);
	machine_free(m);
}

static void
test_presets(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .exec = "none");
	const struct tlbh_geom *g;

	(void)state;
	for (g = tlbh_presets; g->name[0]; g++)
		stream(m, g, 200000);
	machine_free(m);
}

/* The sizes of x86_64, its levels: what the reference assumes. */
static void
test_walk_shape(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .exec = "none");
	struct tlbh h;

	(void)state;
	assert_int_equal(tlbh_init(&h, tlbh_preset("skylake"), &m->mmu), 0);
	assert_int_equal(h.nwalk, 4);
	assert_int_equal(h.nsizes, 3);
	assert_int_equal(tlbh_size(&h, 12), 0);
	assert_int_equal(tlbh_size(&h, 21), 1);
	assert_int_equal(tlbh_size(&h, 30), 2);
	/* the first walk reads every level; the second, of the next page,
	 * starts at the pte thanks to the PDE cache */
	tlbh_lookup(&h, 0x400000, 12, false);
	tlbh_lookup(&h, 0x401000, 12, false);
	assert_int_equal(h.refs[0], 1);
	assert_int_equal(h.refs[3], 2);
	assert_int_equal(h.pwc_hits[0], 1);
	/* a 2M page in the next 1G: the PML4E cache hits, then two
	 * references, none in the pte's level */
	tlbh_lookup(&h, 0x40000000, 21, false);
	assert_int_equal(h.refs[3], 2);
	assert_int_equal(h.refs[2], 2);
	tlbh_flush_page(&h, 0x401000);
	tlbh_lookup(&h, 0x401000, 12, false);
	assert_int_equal(h.pwc_hits[2], 1);
	/* invlpg emptied the walk caches too: the pml4e is read again */
	assert_int_equal(h.walks, 4);
	assert_int_equal(h.refs[0], 2);
	tlbh_release(&h);
	machine_free(m);
}

/* Random replacement: the same seed, the same figures; lookups add up. */
static void
test_random(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .exec = "none");
	struct tlbh_geom g = small;
	struct tlbh a, b;
	int i, l;

	(void)state;
	g.random = true;
	g.seed = 42;
	assert_int_equal(tlbh_init(&a, &g, &m->mmu), 0);
	assert_int_equal(tlbh_init(&b, &g, &m->mmu), 0);
	for (i = 0; i < 50000; i++) {
		u64 va = (rnd() & 0xffff) << 12;

		tlbh_lookup(&a, va, 12, false);
		tlbh_lookup(&b, va, 12, false);
	}
	for (l = 0; l < TLBH_LEVELS; l++)
		assert_int_equal(tlbh_level_misses(&a, l),
				 tlbh_level_misses(&b, l));
	assert_int_equal(tlbh_level_hits(&a, TLBH_DTLB) +
			 tlbh_level_misses(&a, TLBH_DTLB), 50000);
	assert_int_equal(tlbh_level_misses(&a, TLBH_DTLB),
			 tlbh_level_hits(&a, TLBH_STLB) +
			 tlbh_level_misses(&a, TLBH_STLB));
	tlbh_release(&a);
	tlbh_release(&b);
	machine_free(m);
}

/* A bad geometry is refused. */
static void
test_check(void **state)
{
	struct tlbh_geom g = small;
	char why[160];

	(void)state;
	assert_int_equal(tlbh_geom_check(&g, why, sizeof(why)), 0);
	g.arr[TLBH_STLB][0].entries = 48;
	g.arr[TLBH_STLB][0].ways = 5;
	assert_true(tlbh_geom_check(&g, why, sizeof(why)) < 0);
	g = small;
	g.arr[TLBH_DTLB][1].sizes = 1;
	assert_true(tlbh_geom_check(&g, why, sizeof(why)) < 0);
}

#define PAGES	512
#define LINES	40000

/* Replay a lackey trace with the model set: the reference's figures. */
static void
test_replay(void **state)
{
	struct machine *m = boot(.arch = "x86_64");
	struct task_struct *t = current_task(m);
	char path[] = "/tmp/ptwalk-tlbh-XXXXXX", why[200];
	int fd = mkstemp(path), k, i;
	struct trace_reader rd;
	struct trace_rec rec;
	struct replay rp;
	struct error e;
	struct ref r;
	u64 base, a, pa;
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, PAGES * PAGE_SIZE,
				 PROT_READ | PROT_WRITE | PROT_EXEC,
				 MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e), 0);
	for (a = base; a < base + PAGES * PAGE_SIZE; a += PAGE_SIZE)
		assert_int_equal(machine_access(m, machine_cpu(m), a,
						ACC_WRITE, &pa, &e), 0);
	m->tlbh = malloc(sizeof(*m->tlbh));
	*m->tlbh = small;
	ref_init(&r, &small);
	f = fdopen(fd, "w");
	for (i = 0; i < LINES; i++) {
		u64 x = rnd(), page = (x & 3) ? (x >> 8) % 40 :
			(x >> 8) % PAGES, va;
		static const char *const kind[] = { "I ", " L", " S", " M" };
		int kd = (int)((x >> 50) & 3);

		va = base + page * PAGE_SIZE + ((x >> 20) & 0xff8);
		fprintf(f, "%s %llx,8\n", kind[kd], (unsigned long long)va);
		ref_lookup(&r, va, 0, kd == 0);
		if (kd == 3)
			ref_lookup(&r, va, 0, false);
	}
	fclose(f);
	trace_reader_init(&rd, open(path, O_RDONLY), true);
	replay_init(&rp, m, machine_cpu(m));
	assert_non_null(rp.h);
	while ((k = trace_read(&rd, &rec, why, sizeof(why))) == TR_REC)
		assert_int_equal(replay_access(&rp, &rec, &e), 0);
	assert_int_equal(k, TR_EOF);
	unlink(path);
	compare(rp.h, &r);
	assert_true(rp.h->walks > 0);
	replay_release(&rp);
	trace_reader_release(&rd);
	ref_free(&r);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_shape),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_presets),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_replay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
