// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Property test of demand paging on every arch: a process runs a fixture,
 * maps more of it (private read-only and writable file mappings) and an
 * anonymous region, then makes 20 000 random reads, writes and fetches
 * through the simulated MMU, unmapping and remapping a page now and then.
 * Checked after every access against a plain model:
 *  - the number of page faults is exactly what Linux takes: one for the
 *    first touch of a page, one more for the first write to a page mapped
 *    read-only (copy-on-write, the zero page), none otherwise; so every
 *    page faults in at most once unless it was unmapped;
 *  - the bytes read equal the file's bytes at the page's file offset
 *    (zero past the end of the file and after the data, in the bss), or
 *    what was written since.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/mm.h"
#include "helpers.h"

#define OPS		20000
#define REGION_PAGES	64

enum pstate { S_NONE, S_RO, S_RW };

struct mregion {
	u64 start, npages;
	unsigned long flags;
	struct file *file;
	u64 off;		/* file offset of start */
	u64 zero_from;		/* padzero: zero from here to the page end */
	u8 *shadow;		/* expected bytes */
	u8 *state;		/* enum pstate per page */
	bool remap;		/* a mapping of the test's own */
};

static u64 seed = 0x1234567;

static u64
rnd(void)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return seed * 0x2545F4914F6CDD1DULL;
}

/* What a freshly mapped page of region r holds. */
static void
fresh_page(const struct mregion *r, u64 p)
{
	u8 *s = r->shadow + p * PAGE_SIZE;
	u64 va = r->start + p * PAGE_SIZE;

	memset(s, 0, PAGE_SIZE);
	if (r->file != NULL) {
		u64 off = r->off + p * PAGE_SIZE;

		if (off < r->file->size)
			memcpy(s, r->file->data + off,
			       MIN(PAGE_SIZE, r->file->size - off));
		if (r->zero_from >= va && r->zero_from < va + PAGE_SIZE)
			memset(s + (r->zero_from - va), 0,
			       PAGE_SIZE - (r->zero_from - va));
	}
}

static enum pstate
pte_state(struct machine *m, struct mm_struct *mm, u64 va)
{
	struct pte_decode d;
	u64 v = user_pte(m, mm, va, NULL);

	if (v == 0)
		return S_NONE;
	if (m->arch->sw_decode != NULL)
		m->arch->sw_decode(&m->mmu, LVL_PTE, v, &d);
	else
		m->arch->decode(&m->mmu, LVL_PTE, v, &d);
	if (d.kind != PT_LEAF)
		return S_NONE;
	return (d.perm & P_UW) ? S_RW : S_RO;
}

static u64
faults(const struct task_struct *t)
{
	return t->min_flt + t->maj_flt;
}

static void
run_arch(const char *arch, const char *file)
{
	struct machine *m;
	struct task_struct *t;
	struct vm_area_struct *v;
	struct mregion rg[16];
	struct error e;
	struct cpu *c;
	u64 addr, mine[3], elf_bss = 0, bias, nfaults = 0, nbytes = 0, nremap = 0;
	const struct elf_info *ei;
	int nr = 0, k, op;

	memset(rg, 0, sizeof(rg));
	m = boot(.arch = arch, .exec = file);
	c = machine_cpu(m);
	t = current_task(m);
	assert_non_null(t);
	ei = t->mm->img[0].file->elf;
	bias = t->mm->img[0].bias;
	for (k = 0; k < ei->nseg; k++)
		if (ei->seg[k].type == 1 && ei->seg[k].memsz > ei->seg[k].filesz)
			elf_bss = ei->seg[k].vaddr + ei->seg[k].filesz + bias;

	/* more mappings of the same file, and anonymous memory */
	assert_int_equal(do_mmap(m, t->mm, t->mm->img[0].file, 0, 5 * PAGE_SIZE,
				 PROT_READ, MAP_PRIVATE, 0, &mine[0], &e), 0);
	assert_int_equal(do_mmap(m, t->mm, t->mm->img[0].file, 0, 8 * PAGE_SIZE,
				 PROT_READ | PROT_WRITE, MAP_PRIVATE, 1, &mine[1],
				 &e), 0);
	assert_int_equal(do_mmap(m, t->mm, NULL, 0, 64 * PAGE_SIZE,
				 PROT_READ | PROT_WRITE, MAP_PRIVATE |
				 MAP_ANONYMOUS, 0, &mine[2], &e), 0);

	/* the model: every VMA but the stack, at most REGION_PAGES each */
	for (v = t->mm->mmap; v != NULL && nr < 16; v = v->vm_next) {
		struct mregion *r;
		u64 p;

		if (v->vm_flags & VM_GROWSDOWN)
			continue;
		r = &rg[nr++];
		r->start = v->vm_start;
		r->npages = MIN((v->vm_end - v->vm_start) >> PAGE_SHIFT,
				REGION_PAGES);
		r->flags = v->vm_flags;
		r->file = v->vm_file;
		r->off = v->vm_pgoff << PAGE_SHIFT;
		/* pages past the end of the file would be SIGBUS */
		if (r->file != NULL)
			r->npages = MIN(r->npages, (ALIGN_UP(r->file->size,
				PAGE_SIZE) - r->off) >> PAGE_SHIFT);
		r->remap = v->vm_start == mine[0] || v->vm_start == mine[1] ||
			v->vm_start == mine[2];
		if (r->file != NULL && elf_bss >= v->vm_start &&
		    elf_bss < v->vm_end)
			r->zero_from = elf_bss;
		r->shadow = xmalloc(r->npages * PAGE_SIZE);
		r->state = xcalloc(r->npages, 1);
		for (p = 0; p < r->npages; p++) {
			fresh_page(r, p);
			r->state[p] = (u8)pte_state(m, t->mm,
						    r->start + p * PAGE_SIZE);
		}
	}
	assert_true(nr >= 6);

	for (op = 0; op < OPS; op++) {
		struct mregion *r = &rg[rnd() % (u64)nr];
		u64 p = rnd() % r->npages, va = r->start + p * PAGE_SIZE;
		u64 f0 = faults(t), want, off, len, pa;
		u8 buf[PAGE_SIZE];
		int kind = (int)(rnd() % 8);

		if (kind == 0 && r->remap) {
			/* munmap the page and map it again: it faults anew */
			assert_int_equal(do_munmap(m, t->mm, va, PAGE_SIZE, &e), 0);
			assert_int_equal(do_mmap(m, t->mm, r->file, va, PAGE_SIZE,
						 (r->flags & VM_WRITE) ?
						 PROT_READ | PROT_WRITE :
						 PROT_READ, MAP_PRIVATE |
						 MAP_FIXED | (r->file ? 0 :
							      MAP_ANONYMOUS),
						 (r->off >> PAGE_SHIFT) + p,
						 &addr, &e), 0);
			assert_int_equal(addr, va);
			fresh_page(r, p);
			r->state[p] = S_NONE;
			nremap++;
			continue;
		}
		off = rnd() % PAGE_SIZE;
		len = 1 + rnd() % MIN(64, PAGE_SIZE - off);
		if (kind <= 3 || !(r->flags & VM_WRITE)) {
			if (kind == 1 && (r->flags & VM_EXEC)) {
				want = r->state[p] == S_NONE;
				if (machine_access(m, c, va + off, ACC_EXEC,
						   &pa, &e))
					fail_msg("%s fetch %#llx: %s", arch,
						 (unsigned long long)(va + off),
						 e.msg);
			} else {
				want = r->state[p] == S_NONE;
				if (kind == 2)	/* sometimes the whole page */
					off = 0, len = PAGE_SIZE;
				if (machine_read_virt(m, c, va + off, buf, len,
						      &e))
					fail_msg("%s read %#llx: %s", arch,
						 (unsigned long long)(va + off),
						 e.msg);
				if (memcmp(buf, r->shadow + p * PAGE_SIZE + off,
					   len))
					fail_msg("%s: bytes at %#llx differ",
						 arch, (unsigned long long)
						 (va + off));
				nbytes += len;
			}
			if (r->state[p] == S_NONE)
				r->state[p] = S_RO;
		} else {
			u64 x = rnd(), j;

			want = r->state[p] != S_RW;
			for (j = 0; j < len; j++)
				buf[j] = (u8)(x >> (8 * (j & 7))) ^ (u8)j;
			if (machine_write_virt(m, c, va + off, buf, len, &e))
				fail_msg("%s write %#llx: %s", arch,
					 (unsigned long long)(va + off), e.msg);
			memcpy(r->shadow + p * PAGE_SIZE + off, buf, len);
			r->state[p] = S_RW;
		}
		if (faults(t) - f0 != want)
			fail_msg("%s: op %d at %#llx took %llu faults, expected "
				 "%llu", arch, op, (unsigned long long)va,
				 (unsigned long long)(faults(t) - f0),
				 (unsigned long long)want);
		nfaults += want;
		/* the state the model assumes is the PTE's */
		if (pte_state(m, t->mm, va) != r->state[p])
			fail_msg("%s: page %#llx is in state %d, the model says "
				 "%d", arch, (unsigned long long)va,
				 pte_state(m, t->mm, va), r->state[p]);
	}
	if (nfaults < 100 || nbytes < 100000 || nremap < 10)
		fail_msg("%s: too little exercised (%llu faults, %llu bytes, "
			 "%llu remaps)", arch, (unsigned long long)nfaults,
			 (unsigned long long)nbytes,
			 (unsigned long long)nremap);
	for (k = 0; k < nr; k++) {
		free(rg[k].shadow);
		free(rg[k].state);
	}
	machine_free(m);
}

static void
test_i386(void **state)
{
	(void)state;
	run_arch("i386", "testdata/elf/demo-i386");
}

static void
test_i386_pae(void **state)
{
	(void)state;
	run_arch("i386-pae", "testdata/elf/demo-i386-pie");
}

static void
test_x86_64(void **state)
{
	(void)state;
	run_arch("x86_64", "testdata/elf/demo-x86_64-pie");
}

static void
test_arm(void **state)
{
	(void)state;
	run_arch("arm", "testdata/elf/demo-arm");
}

static void
test_arm64(void **state)
{
	(void)state;
	run_arch("arm64", "testdata/elf/demo-arm64");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_i386),
		cmocka_unit_test(test_i386_pae),
		cmocka_unit_test(test_x86_64),
		cmocka_unit_test(test_arm),
		cmocka_unit_test(test_arm64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
