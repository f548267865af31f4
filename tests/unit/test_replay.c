// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Trace replay: the reader's formats and bad input, and a property test
 * of the replay's TLB figures against a plain reference model written
 * here: a fully associative LRU TLB over page numbers.  For the same
 * geometry (one set of N ways) and the same lackey trace, the replay's
 * hits and misses must be the model's exactly.
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
#include "helpers.h"

#define PAGES	256
#define LINES	50000

static u64 seed = 0x9e3779b97f4a7c15ULL;

static u64
rnd(void)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return seed * 0x2545F4914F6CDD1DULL;
}

/* The reference: N page numbers, most recent first. */
struct lru {
	u64 page[1024];
	int n, cap;
	u64 hits, misses;
};

static void
lru_lookup(struct lru *l, u64 page)
{
	int i;

	for (i = 0; i < l->n && l->page[i] != page; i++)
		;
	if (i < l->n) {
		l->hits++;
	} else {
		l->misses++;
		if (l->n < l->cap)
			l->n++;
		i = l->n - 1;	/* the least recent goes */
	}
	memmove(&l->page[1], &l->page[0], (size_t)i * sizeof(u64));
	l->page[0] = page;
}

/* Replay the file at path; the replay's figures in *st. */
static void
replay_file(struct machine *m, const char *path, struct replay_stats *st)
{
	struct trace_reader r;
	struct trace_rec rec;
	struct replay rp;
	struct error e;
	char why[200];
	int fd = open(path, O_RDONLY), k;

	assert_true(fd >= 0);
	trace_reader_init(&r, fd, true);
	replay_init(&rp, m, machine_cpu(m));
	while ((k = trace_read(&r, &rec, why, sizeof(why))) == TR_REC) {
		error_clear(&e);
		if (replay_access(&rp, &rec, &e))
			fail_msg("line %llu: %s", (unsigned long long)r.lineno,
				 e.msg);
	}
	assert_int_equal(k, TR_EOF);
	replay_sync(&rp);
	*st = rp.st;
	replay_release(&rp);
	trace_reader_release(&r);
}

/* A region of PAGES pages, every page written once (no faults after). */
static u64
prefaulted_region(struct machine *m)
{
	struct task_struct *t = current_task(m);
	struct error e;
	u64 base, a, pa;

	assert_non_null(t);
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, PAGES * PAGE_SIZE,
				 PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e), 0);
	for (a = base; a < base + PAGES * PAGE_SIZE; a += PAGE_SIZE)
		assert_int_equal(machine_access(m, machine_cpu(m), a, ACC_WRITE,
						&pa, &e), 0);
	return base;
}

/* One set of `ways` ways: fully associative, LRU. */
static void
fully_associative(struct machine *m, unsigned ways)
{
	struct cpu *c = machine_cpu(m);
	u8 shifts[4];
	int n = c->tlb.nshifts, i;

	for (i = 0; i < n; i++)
		shifts[i] = c->tlb.shifts[i];
	tlb_release(&c->tlb);
	assert_int_equal(tlb_init(&c->tlb, ways, ways, shifts, n), 0);
}

static void
check_geometry(unsigned ways)
{
	struct machine *m = boot(.arch = "x86_64");
	struct lru l = { .cap = (int)ways };
	struct replay_stats st;
	char path[] = "/tmp/ptwalk-replay-XXXXXX";
	u64 base = prefaulted_region(m), i, hot = 1 + ways / 2;
	int fd = mkstemp(path);
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fully_associative(m, ways);
	for (i = 0; i < LINES; i++) {
		u64 r = rnd();
		/* a hot set that fits, and strays over the whole region */
		u64 page = (r & 3) ? (r >> 8) % hot : (r >> 8) % PAGES;
		u64 off = (r >> 20) & (PAGE_SIZE - 1);
		unsigned size = 1u << ((r >> 40) & 3);
		u64 va = base + page * PAGE_SIZE + off;
		static const char *const kind[] = { " L", " S", " M" };
		int k = (int)((r >> 50) % 3);

		if (va + size > base + PAGES * PAGE_SIZE)
			size = 1;
		fprintf(f, "%s %llx,%u\n", kind[k], (unsigned long long)va,
			size);
		/* the model: each page the access touches; M twice */
		lru_lookup(&l, va / PAGE_SIZE);
		if ((va + size - 1) / PAGE_SIZE != va / PAGE_SIZE)
			lru_lookup(&l, (va + size - 1) / PAGE_SIZE);
		if (k == 2) {
			lru_lookup(&l, va / PAGE_SIZE);
			if ((va + size - 1) / PAGE_SIZE != va / PAGE_SIZE)
				lru_lookup(&l, (va + size - 1) / PAGE_SIZE);
		}
	}
	assert_int_equal(fclose(f), 0);
	replay_file(m, path, &st);
	unlink(path);
	assert_true(st.misses > 0 && st.hits > 0);
	assert_int_equal(st.misses, l.misses);
	assert_int_equal(st.hits, l.hits);
	assert_int_equal(st.lookups, st.hits + st.misses);
	assert_int_equal(st.min_flt + st.maj_flt, 0);
	machine_free(m);
}

static void
test_lru_8(void **state)
{
	(void)state;
	check_geometry(8);
}

static void
test_lru_64(void **state)
{
	(void)state;
	check_geometry(64);
}

/*
 * Faults: each first read of an anonymous page maps the zero page (one
 * minor fault) and the access is looked up again: lookups = accesses +
 * faults, hits + misses = lookups.
 */
static void
test_faults(void **state)
{
	struct machine *m = boot(.arch = "x86_64");
	struct task_struct *t = current_task(m);
	struct replay_stats st;
	char path[] = "/tmp/ptwalk-replay-XXXXXX";
	int fd = mkstemp(path), i;
	struct error e;
	u64 base;
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, 16 * PAGE_SIZE,
				 PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e), 0);
	f = fdopen(fd, "w");
	for (i = 0; i < 16; i++)
		fprintf(f, "r 0x%llx\nr 0x%llx 8\n",
			(unsigned long long)(base + (u64)i * PAGE_SIZE),
			(unsigned long long)(base + (u64)i * PAGE_SIZE + 64));
	fclose(f);
	replay_file(m, path, &st);
	unlink(path);
	assert_int_equal(st.accesses, 32);
	assert_int_equal(st.min_flt, 16);
	assert_int_equal(st.lookups, 32 + 16);
	assert_int_equal(st.hits + st.misses, st.lookups);
	assert_int_equal(st.pages, 16);
	machine_free(m);
}

static int
parse(struct trace_reader *r, const char *line, struct trace_rec *rec)
{
	char buf[256], why[200];

	snprintf(buf, sizeof(buf), "%s", line);
	return trace_parse_line(r, buf, strlen(buf), rec, why, sizeof(why));
}

static void
test_formats(void **state)
{
	struct trace_reader r;
	struct trace_rec rec;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(parse(&r, "==12== Lackey", &rec), 0);
	assert_int_equal(parse(&r, " M 04222cac,8", &rec), TR_REC);
	assert_int_equal(r.fmt, TFMT_LACKEY);
	assert_true(rec.modify && rec.acc == ACC_READ);
	assert_int_equal(rec.va, 0x04222cac);
	assert_int_equal(rec.size, 8);
	assert_int_equal(parse(&r, "I  0400d7d4,3", &rec), TR_REC);
	assert_int_equal(rec.acc, ACC_EXEC);
	assert_int_equal(parse(&r, " X 0400d7d4,3", &rec), TR_BAD);
	assert_int_equal(parse(&r, "I  0400d7d4,", &rec), TR_BAD);
	assert_int_equal(parse(&r, "I  11112222333344445,1", &rec), TR_BAD);

	memset(&r, 0, sizeof(r));
	assert_int_equal(parse(&r, "Output format:", &rec), 0);
	assert_int_equal(r.fmt, TFMT_DRCACHESIM);
	assert_int_equal(parse(&r, "  9  4:  51038 write  8 byte(s) @ "
			       "0x00007ffd6b8d1c68 by PC 0x1", &rec), TR_REC);
	assert_int_equal(rec.acc, ACC_WRITE);
	assert_int_equal(rec.va, 0x00007ffd6b8d1c68ULL);
	assert_int_equal(parse(&r, "T51038 ifetch 3 byte(s) @ 0x401000 "
			       "48 89 e7", &rec), TR_REC);
	assert_int_equal(rec.acc, ACC_EXEC);
	assert_int_equal(rec.size, 3);
	assert_int_equal(parse(&r, "  9  4:  51038 prefetch 1 byte(s) @ 0x1",
			       &rec), 0);
	assert_int_equal(parse(&r, "  9  4:  51038 <marker: timestamp 1>",
			       &rec), 0);
	assert_int_equal(parse(&r, "garbage", &rec), TR_BAD);

	memset(&r, 0, sizeof(r));
	assert_int_equal(parse(&r, "w 0x1000 16 # a comment", &rec), TR_REC);
	assert_int_equal(r.fmt, TFMT_PLAIN);
	assert_int_equal(rec.va, 0x1000);
	assert_int_equal(rec.size, 16);
	assert_null(rec.expr);
	assert_int_equal(parse(&r, "fetch main + 4", &rec), TR_REC);
	assert_string_equal(rec.expr, "main + 4");
	assert_int_equal(parse(&r, "q 0x1000", &rec), TR_BAD);
}

/* A NUL is binary data at once; 16 bad lines with no access before. */
static void
test_not_a_trace(void **state)
{
	struct trace_reader r;
	struct trace_rec rec;
	char buf[32] = "r 0x1000\0xyz", why[200];
	int i, k = 0;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(trace_parse_line(&r, buf, 12, &rec, why, sizeof(why)),
			 TR_FATAL);
	memset(&r, 0, sizeof(r));
	for (i = 0; i < TREAD_PROBE && k != TR_FATAL; i++)
		k = parse(&r, "\x7f" "ELF junk", &rec);
	assert_int_equal(k, TR_FATAL);
	assert_int_equal(i, TREAD_PROBE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_not_a_trace),
		cmocka_unit_test(test_faults),
		cmocka_unit_test(test_lru_8),
		cmocka_unit_test(test_lru_64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
