// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel-state readers of an image (src/image/kmem.c, printk.c,
 * vmap.c) on structures written into a booted machine's memory, laid out
 * by a VMCOREINFO text of the test's own: the readers follow the offsets
 * it gives, whatever they are.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"
#include "ptwalk/image_info.h"
#include "ptwalk/kstate.h"

/* Where the test's structures go: a free stretch of the direct map. */
#define AREA_PA		(32 * MiB)

struct fixture {
	struct machine *m;
	struct image_info *ii;
	u64 base;		/* the direct-map address of AREA_PA */
	unsigned ls;		/* sizeof(long) */
};

static void
put(struct fixture *f, u64 va, u64 v, unsigned size)
{
	u8 b[8];
	unsigned i;
	struct error e;

	for (i = 0; i < size; i++)
		b[i] = (u8)(v >> (8 * i));
	assert_int_equal(phys_write(&f->m->phys, va - f->base + AREA_PA, b,
				    size, &e), 0);
}

static void
put_bytes(struct fixture *f, u64 va, const char *s, size_t n)
{
	struct error e;

	assert_int_equal(phys_write(&f->m->phys, va - f->base + AREA_PA, s,
				    n, &e), 0);
}

static void
fixture_init(struct fixture *f, const char *arch)
{
	struct error e;

	memset(f, 0, sizeof(*f));
	f->m = boot(.arch = arch, .mem = 128 * MiB, .exec = "none");
	f->ls = f->m->arch->is64 ? 8 : 4;
	assert_int_equal(machine_va(f->m, AREA_PA, &f->base, &e), 0);
	f->ii = xcalloc(1, sizeof(*f->ii));
	f->m->img = f->ii;
}

static void
fixture_vmcoreinfo(struct fixture *f, const char *text)
{
	free(f->ii->vmcoreinfo);
	f->ii->vmcoreinfo = xstrdup(text);
	vmcoreinfo_index(f->ii);
}

static void
fixture_free(struct fixture *f)
{
	f->m->img = NULL;
	image_info_free(f->ii);
	machine_free(f->m);
}

/*
 * A printk ring buffer of 8 descriptors and 256 bytes of text: ids 5..9,
 * one per kind of record (plain, two lines, lost text, empty line, a
 * block wrapped to the start of the ring), in a layout of the test's own.
 */
static void
write_prb(struct fixture *f, struct strbuf *vi)
{
	unsigned L = f->ls;
	u64 prb = f->base, rb = prb + 64, descs = rb + 256, infos = descs + 512;
	u64 data = infos + 1024, clear = data + 512, idbits = L * 8 - 2;
	/* desc: state_var @0, lpos begin @L, next @2L; info: 32 bytes */
	static const struct { u64 id, state, begin, next, ts; const char *t; }
	rec[] = {
		{ 5, 2, 256 + 40, 256 + 56, 1500000000, "hello" },
		{ 6, 2, 256 + 56, 256 + 80, 2000000000, "two\nlines" },
		{ 7, 2, 1, 1, 2100000000, NULL },	/* FAILED_LPOS */
		{ 8, 1, 3, 3, 2200000000, "" },		/* NO_LPOS */
		{ 9, 2, 256 + 240, 512 + 16, 3000000123, "wrap" },
	};
	size_t i;

	put(f, prb, rb, L);
	put(f, rb + 0, 3, 4);			/* count_bits */
	put(f, rb + L, descs, L);
	put(f, rb + 2 * L, infos, L);
	put(f, rb + 3 * L, 9, L);		/* head_id */
	put(f, rb + 4 * L, 5, L);		/* tail_id */
	put(f, rb + 5 * L, 8, 4);		/* size_bits */
	put(f, rb + 6 * L, data, L);
	for (i = 0; i < ARRAY_SIZE(rec); i++) {
		u64 d = descs + (rec[i].id & 7) * 3 * L;
		u64 in = infos + (rec[i].id & 7) * 32;
		u64 at;

		put(f, d, rec[i].state << idbits | rec[i].id, L);
		put(f, d + L, rec[i].begin, L);
		put(f, d + 2 * L, rec[i].next, L);
		put(f, in, rec[i].id + 5, 8);		/* seq */
		put(f, in + 8, rec[i].ts, 8);
		put(f, in + 16, rec[i].t ? strlen(rec[i].t) : 0, 2);
		put(f, in + 18, 0, 1);			/* facility */
		put(f, in + 19, 6 << 5, 1);		/* level 6 */
		if (rec[i].t == NULL || rec[i].begin & 1)
			continue;
		at = (rec[i].begin >> 8) == (rec[i].next >> 8) ?
			rec[i].begin & 255 : 0;
		put(f, data + at, rec[i].id, L);
		put_bytes(f, data + at + L, rec[i].t, strlen(rec[i].t));
	}
	put(f, clear, 0, 4);
	put(f, clear + 8, 11, 8);
	sb_addf(vi, "SYMBOL(prb)=%llx\nSYMBOL(clear_seq)=%llx\n",
		(unsigned long long)prb, (unsigned long long)clear);
	sb_addf(vi, "OFFSET(printk_ringbuffer.desc_ring)=0\n"
		"OFFSET(printk_ringbuffer.text_data_ring)=%u\n"
		"OFFSET(prb_desc_ring.count_bits)=0\n"
		"OFFSET(prb_desc_ring.descs)=%u\n"
		"OFFSET(prb_desc_ring.infos)=%u\n"
		"OFFSET(prb_desc_ring.head_id)=%u\n"
		"OFFSET(prb_desc_ring.tail_id)=%u\n"
		"SIZE(prb_desc)=%u\nOFFSET(prb_desc.state_var)=0\n"
		"OFFSET(prb_desc.text_blk_lpos)=%u\n"
		"OFFSET(prb_data_blk_lpos.begin)=0\n"
		"OFFSET(prb_data_blk_lpos.next)=%u\n"
		"SIZE(printk_info)=32\nOFFSET(printk_info.seq)=0\n"
		"OFFSET(printk_info.ts_nsec)=8\n"
		"OFFSET(printk_info.text_len)=16\n"
		"OFFSET(printk_info.caller_id)=20\n"
		"OFFSET(prb_data_ring.size_bits)=0\n"
		"OFFSET(prb_data_ring.data)=%u\n"
		"OFFSET(atomic_long_t.counter)=0\n"
		"OFFSET(latched_seq.val)=8\n",
		5 * L, L, 2 * L, 3 * L, 4 * L, 3 * L, L, L, L);
}

static void
check_prb(const char *arch)
{
	struct fixture f;
	struct strbuf vi, out;
	struct klog log;
	struct error e;
	size_t i;

	fixture_init(&f, arch);
	sb_init(&vi);
	write_prb(&f, &vi);
	fixture_vmcoreinfo(&f, vi.buf);
	assert_int_equal(klog_read(f.m, &log, &e), 0);
	assert_int_equal(log.n, 4);
	assert_int_equal(log.clear_seq, 11);
	assert_int_equal(log.notes.n, 1);	/* id 7 lost its text */
	assert_non_null(strstr(log.notes.line[0], "1 records"));
	sb_init(&out);
	for (i = 0; i < log.n; i++)
		klog_format(&log.rec[i], &out);
	assert_string_equal(out.buf,
		"[    1.500000] hello\n"
		"[    2.000000] two\n"
		"[    2.000000] lines\n"
		"[    2.200000] \n"
		"[    3.000000] wrap\n");
	assert_int_equal(log.rec[0].seq, 10);
	assert_int_equal(log.rec[0].level, 6);
	klog_release(&log);
	/* a ring that says it has 2^30 descriptors is no ring */
	put(&f, f.base + 64, 30, 4);
	assert_int_not_equal(klog_read(f.m, &log, &e), 0);
	assert_non_null(strstr(e.msg, "not a printk ring buffer"));
	/* a VMCOREINFO without the ring's lines names the first missing */
	fixture_vmcoreinfo(&f, "OSRELEASE=6.1\n");
	assert_int_not_equal(klog_read(f.m, &log, &e), 0);
	assert_string_equal(e.msg, "the dump's VMCOREINFO has no SYMBOL(prb)");
	sb_release(&out);
	sb_release(&vi);
	fixture_free(&f);
}

static void
test_prb_32(void **state)
{
	(void)state;
	check_prb("i386");
}

static void
test_prb_64(void **state)
{
	(void)state;
	check_prb("x86_64");
}

/*
 * vmap_area_list: va_start @0, va_end (after it), list @4L.  Two areas,
 * then the same list made to loop and to leave the mapped memory.
 */
static void
test_vmap_list(void **state)
{
	struct fixture f;
	struct strbuf vi;
	struct kvm_areas vs;
	struct error e;
	u64 head, a, b, lo;
	unsigned L;

	(void)state;
	fixture_init(&f, "x86_64");
	L = f.ls;
	head = f.base;
	a = head + 64;
	b = head + 128;
	put(&f, head, a + 4 * L, L);
	put(&f, a, 0xffffc90000000000ULL, L);
	put(&f, a + L, 0xffffc90000005000ULL, L);
	put(&f, a + 4 * L, b + 4 * L, L);
	put(&f, b, 0xffffc90000005000ULL, L);
	put(&f, b + L, 0xffffc90000007000ULL, L);
	put(&f, b + 4 * L, head, L);
	sb_init(&vi);
	sb_addf(&vi, "SYMBOL(vmap_area_list)=%llx\n"
		"OFFSET(vmap_area.va_start)=0\nOFFSET(vmap_area.list)=%u\n",
		(unsigned long long)head, 4 * L);
	fixture_vmcoreinfo(&f, vi.buf);
	assert_int_equal(kvm_areas_read(f.m, &vs, &e), 0);
	assert_int_equal(vs.n, 2);
	assert_true(vs.a[0].addr == 0xffffc90000000000ULL);
	assert_true(vs.a[0].size == 0x5000);
	assert_true(vs.a[1].size == 0x2000);
	assert_false(vs.a[0].have_vm);
	/* the note says what the types would have given */
	assert_int_equal(vs.notes.n, 1);
	assert_non_null(strstr(vs.notes.line[0], "callers"));
	kvm_areas_release(&vs);
	/* b points back at a: found at once, not after a million areas */
	put(&f, b + 4 * L, a + 4 * L, L);
	assert_int_equal(kvm_areas_read(f.m, &vs, &e), 0);
	assert_true(vs.n < 8);
	assert_non_null(strstr(vs.notes.line[0], "loops"));
	kvm_areas_release(&vs);
	/* b points where nothing is mapped: the areas before it stay */
	lo = 0xffffc7ffdead0000ULL;
	put(&f, b + 4 * L, lo, L);
	assert_int_equal(kvm_areas_read(f.m, &vs, &e), 0);
	assert_int_equal(vs.n, 2);
	assert_non_null(strstr(vs.notes.line[0], "is not mapped"));
	kvm_areas_release(&vs);
	sb_release(&vi);
	fixture_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prb_32),
		cmocka_unit_test(test_prb_64),
		cmocka_unit_test(test_vmap_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
