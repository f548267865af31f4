// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Long loops: an interrupt leaves the machine consistent (vzalloc frees
 * what it took, touch keeps what it touched, fork releases the child,
 * ioremap unmaps), assigns nothing and says how far it got; the progress
 * meter polls; frames without data cost the host nothing.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/cmd.h"
#include "ptwalk/ioremap.h"
#include "ptwalk/mm.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/progress.h"
#include "ptwalk/vmalloc.h"
#include "helpers.h"

/* A session whose output goes nowhere; errors still reach stderr. */
struct session {
	struct ctx ctx;
	struct cmd_input in;	/* errors say "test:LINE: " */
	FILE *out;
};

static void
session_start(struct session *s, struct machine *m)
{
	ctx_init(&s->ctx, m);
	s->out = fopen("/dev/null", "w");
	assert_non_null(s->out);
	s->ctx.out = s->out;
	memset(&s->in, 0, sizeof(s->in));
	s->in.name = "test";
	s->ctx.in = &s->in;
}

static void
session_end(struct session *s)
{
	struct machine *m = s->ctx.m;

	ctx_release(&s->ctx);
	fclose(s->out);
	machine_free(m);
	interrupt_clear();
}

/* Free pages plus those the kernel keeps after use: page tables, slabs. */
static unsigned long
free_and_kept(struct machine *m)
{
	return global_free_pages(m) +
		(unsigned long)global_node_page_state(m, NR_PAGETABLE) +
		(unsigned long)(global_node_page_state(m,
			NR_SLAB_UNRECLAIMABLE_B) / PAGE_SIZE);
}

/* Run line in the session; its error messages (stderr) go to err. */
static int
run_capture(struct session *s, const char *line, char *err, size_t n)
{
	FILE *f = tmpfile();
	int saved = dup(STDERR_FILENO), r;
	size_t got;

	assert_non_null(f);
	fflush(stderr);
	dup2(fileno(f), STDERR_FILENO);
	r = cmd_run_line(&s->ctx, line);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(f);
	got = fread(err, 1, n - 1, f);
	err[got] = 0;
	fclose(f);
	return r;
}

static void
test_meter_polls(void **state)
{
	struct progress pg;
	char why[200];
	u64 i;

	(void)state;
	interrupt_clear();
	progress_begin(&pg, "test", "things", 100000, 0);
	for (i = 0; i < 100000; i++)
		assert_int_equal(progress_add(&pg, 1), 0);
	interrupt_raise();
	/* the next poll sees it, after at most one stride */
	for (i = 0; i < (1ULL << 25) && progress_add(&pg, 1) == 0; i++)
		;
	assert_int_equal(pg.stop, -EINTR);
	assert_true(i <= pg.stride);
	progress_end(&pg);
	progress_why(&pg, why, sizeof(why));
	assert_non_null(strstr(why, "interrupted after "));
	assert_non_null(strstr(why, " of 100000 things"));
	assert_true(interrupt_reported());
	interrupt_clear();
	assert_false(interrupt_reported());
	assert_false(interrupt_pending());
}

static void
test_vzalloc_interrupted(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 1 * GiB,
				 .exec = "none");
	unsigned long free0 = free_and_kept(m);
	u64 vpages0 = vmalloc_of(m)->nr_vmalloc_pages, va;
	struct error e;

	(void)state;
	interrupt_raise();
	va = vzalloc(m, 256 * MiB, "test", &e);
	assert_int_equal(va, 0);
	assert_int_equal(e.code, -EINTR);
	assert_non_null(strstr(e.msg, "interrupted after "));
	/* every page back in the buddy allocator, no area left */
	assert_int_equal(free_and_kept(m), free0);
	assert_int_equal(vmalloc_of(m)->nr_vmalloc_pages, vpages0);
	interrupt_clear();
	/* and the next one succeeds */
	va = vzalloc(m, 256 * MiB, "test", &e);
	assert_int_not_equal(va, 0);
	assert_int_equal(vfree(m, va, &e), 0);
	machine_free(m);
}

static void
test_touch_interrupted(void **state)
{
	struct session s;
	struct machine *m = boot(.arch = "x86_64", .mem = 1 * GiB);
	struct task_struct *t = current_task(m);
	u64 rss0 = t->mm->rss[MM_ANONPAGES];
	char err[512];
	int nvals, nerr;

	(void)state;
	session_start(&s, m);
	assert_int_equal(cmd_run_line(&s.ctx,
				      "mmap 0 64M rw private,anonymous"), 0);
	nvals = s.ctx.nvals;
	nerr = s.ctx.nerr;
	interrupt_raise();
	assert_int_equal(run_capture(&s, "touch $_ w 64M; kmalloc 64", err,
				     sizeof(err)), -1);
	/* failed, nothing assigned, the rest of the line not run */
	assert_int_equal(s.ctx.nerr, nerr + 1);
	assert_int_equal(s.ctx.nvals, nvals);
	assert_non_null(strstr(err, "test:0: touch: interrupted after "));
	assert_non_null(strstr(err, " of 16384 pages\n"));
	/* the pages touched stay touched, the others were never faulted */
	assert_true(t->mm->rss[MM_ANONPAGES] > rss0);
	assert_true(t->mm->rss[MM_ANONPAGES] < rss0 + 16384);
	interrupt_clear();
	assert_int_equal(cmd_run_line(&s.ctx, "touch $_ w 64M"), 0);
	assert_int_equal(t->mm->rss[MM_ANONPAGES], rss0 + 16384);
	session_end(&s);
}

static void
test_fork_interrupted(void **state)
{
	struct machine *m = boot(.arch = "i386", .mem = 1 * GiB);
	struct task_struct *t = current_task(m), *child;
	unsigned long free0;
	struct error e;
	u64 base, a, pa;
	int ntasks = 0, n;

	(void)state;
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, 16 * MiB,
				 PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e), 0);
	for (a = base; a < base + 16 * MiB; a += PAGE_SIZE)
		assert_int_equal(machine_access(m, machine_cpu(m), a,
						ACC_WRITE, &pa, &e), 0);
	for (child = task_list(m); child != NULL; child = child->next)
		ntasks++;
	free0 = free_and_kept(m);
	interrupt_raise();
	assert_int_equal(do_fork(m, t, &child, &e), -EINTR);
	assert_null(child);
	assert_non_null(strstr(e.msg, "fork interrupted after "));
	interrupt_clear();
	/* the child is gone with all it held */
	for (n = 0, child = task_list(m); child != NULL; child = child->next)
		n++;
	assert_int_equal(n, ntasks);
	assert_int_equal(free_and_kept(m), free0);
	/* the parent writes its pages as before, without faults */
	for (a = base; a < base + 16 * MiB; a += PAGE_SIZE)
		assert_int_equal(machine_access(m, machine_cpu(m), a,
						ACC_WRITE, &pa, &e), 0);
	machine_free(m);
}

static void
test_ioremap_interrupted(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 1 * GiB,
				 .exec = "none");
	struct error e;
	struct walk w;
	bool direct = false;
	u64 va;

	(void)state;
	interrupt_raise();
	/* 4K-aligned only: a million PTEs */
	va = ioremap_caller(m, 0x400001000ULL, 4 * GiB, NULL, "test", &direct,
			    &e);
	assert_int_equal(va, 0);
	assert_int_equal(e.code, -EINTR);
	assert_non_null(strstr(e.msg, "interrupted after "));
	interrupt_clear();
	/* nothing of it left mapped */
	assert_int_not_equal(mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir,
				      m->lay.vmalloc_start, &w), WF_NONE);
	machine_free(m);
}

/* RAM frames: zeros cost nothing, data is kept, zeroing clears data. */
static void
test_phys_zero_frames(void **state)
{
	struct phys p;
	struct error e;
	u8 page[4096], back[4096];
	unsigned char vec[16];

	(void)state;
	phys_init(&p);
	assert_int_equal(phys_add_ram(&p, 0, 64 * MiB, &e), 0);
	memset(page, 0xa5, sizeof(page));
	/* a clean frame reads as zeros and stays clean when zeroed */
	assert_int_equal(phys_read(&p, 0x3000, back, sizeof(back), &e), 0);
	assert_true(back[0] == 0 && back[4095] == 0);
	assert_int_equal(phys_zero(&p, 0, 16 * PAGE_SIZE, &e), 0);
	assert_int_equal(phys_residency(&p, 0, 16 * PAGE_SIZE, vec), 0);
	for (int i = 0; i < 16; i++)
		assert_int_equal(vec[i], 0);
	/* data makes it dirty; zeroing it (part, then whole) clears it */
	assert_int_equal(phys_write(&p, 0x5000, page, sizeof(page), &e), 0);
	assert_true(phys_frame_touched(&p, 0x5000));
	assert_int_equal(phys_zero(&p, 0x5100, 16, &e), 0);
	assert_int_equal(phys_read(&p, 0x5000, back, sizeof(back), &e), 0);
	assert_int_equal(back[0x100], 0);
	assert_int_equal(back[0x110], 0xa5);
	assert_int_equal(phys_zero(&p, 0x5000, PAGE_SIZE, &e), 0);
	assert_false(phys_frame_touched(&p, 0x5000));
	assert_int_equal(phys_read(&p, 0x5000, back, sizeof(back), &e), 0);
	assert_int_equal(back[0x110], 0);
	/* an entry write and a write pointer mark the frame too */
	assert_true(phys_write_entry(&p, 0x7008, 8, 0x1234));
	assert_true(phys_frame_touched(&p, 0x7000));
	assert_non_null(phys_ptr_w(&p, 0x9000, 8));
	assert_true(phys_frame_touched(&p, 0x9000));
	/* a page of zeros copied over data clears it, over nothing writes
	   nothing */
	memset(page, 0, sizeof(page));
	assert_int_equal(phys_write(&p, 0x7000, page, sizeof(page), &e), 0);
	assert_false(phys_frame_touched(&p, 0x7000));
	assert_int_equal(phys_write(&p, 0xb000, page, sizeof(page), &e), 0);
	assert_false(phys_frame_touched(&p, 0xb000));
	/* a long span of data is given back to the host in one go */
	memset(page, 0x5a, sizeof(page));
	for (u64 a = 0x100000; a < 0x200000; a += PAGE_SIZE)
		assert_int_equal(phys_write(&p, a, page, sizeof(page), &e), 0);
	assert_int_equal(phys_zero(&p, 0x100000, 0x100000, &e), 0);
	for (u64 a = 0x100000; a < 0x200000; a += PAGE_SIZE)
		assert_false(phys_frame_touched(&p, a));
	assert_int_equal(phys_read(&p, 0x180000, back, sizeof(back), &e), 0);
	assert_int_equal(back[7], 0);
	phys_release(&p);
}

/* vzalloc(512M) and touching 512M cost the host page descriptors only. */
static void
test_host_memory_bounded(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 2 * GiB);
	struct task_struct *t = current_task(m);
	u64 used0 = host_mem_used(), va, base, a, pa;
	struct error e;

	(void)state;
	if (used0 == 0)
		skip();		/* no /proc/self/statm */
	va = vzalloc(m, 512 * MiB, "test", &e);
	assert_int_not_equal(va, 0);
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, 512 * MiB,
				 PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, 0, &base, &e), 0);
	for (a = base; a < base + 512 * MiB; a += PAGE_SIZE)
		assert_int_equal(machine_access(m, machine_cpu(m), a,
						ACC_WRITE, &pa, &e), 0);
	/* 256K frames: ~100 bytes each of descriptors and tables, not 4K */
	assert_true(host_mem_used() - used0 < 96 * MiB);
	machine_free(m);
}

/* Each test starts without a pending interrupt, whatever the last did. */
static int
no_interrupt(void **state)
{
	(void)state;
	interrupt_clear();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_meter_polls, no_interrupt),
		cmocka_unit_test_setup(test_vzalloc_interrupted, no_interrupt),
		cmocka_unit_test_setup(test_touch_interrupted, no_interrupt),
		cmocka_unit_test_setup(test_fork_interrupted, no_interrupt),
		cmocka_unit_test_setup(test_ioremap_interrupted, no_interrupt),
		cmocka_unit_test_setup(test_phys_zero_frames, no_interrupt),
		cmocka_unit_test_setup(test_host_memory_bounded, no_interrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
