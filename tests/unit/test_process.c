// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Processes: no frame leaks through exec, fork, copy-on-write, munmap and
 * exit (the page allocator's free count comes back, its invariants hold);
 * vmalloc_fault copies a kernel pgd entry made after the process; PROT_NONE
 * keeps the pages of a range and gives them back; the shared zero page is
 * never freed or counted.
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
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "helpers.h"

static void
access_ok(struct machine *m, u64 va, unsigned acc)
{
	struct error e;
	u64 pa;

	if (machine_access(m, machine_cpu(m), va, acc, &pa, &e))
		fail_msg("access %#llx: %s", (unsigned long long)va, e.msg);
}

static void
leaks_cpu(const char *arch, const char *file, const char *variant,
	  unsigned cpu_set, unsigned cpu_clear)
{
	struct machine *m = boot(.arch = arch, .exec = "none",
				 .variant = variant, .cpu_set = cpu_set,
				 .cpu_clear = cpu_clear);
	unsigned long free0 = 0, free1 = 0;
	struct error e;
	int round;

	for (round = 0; round < 12; round++) {
		struct exec_args a;
		struct task_struct *t, *c;
		u64 big, addr;

		memset(&a, 0, sizeof(a));
		a.path = file;
		assert_int_equal(do_execve(m, &a, &t, &e), 0);
		assert_int_equal(switch_to(m, machine_cpu(m), t, &e), 0);
		assert_int_equal(user_sym_find(t->mm, "big", &big, NULL), 0);
		access_ok(m, big, ACC_WRITE);
		access_ok(m, big + 8192, ACC_READ);		/* zero page */
		access_ok(m, big + 16384, ACC_READ);
		access_ok(m, big + 16384, ACC_WRITE);	/* COW of the zero page */
		assert_int_equal(do_mmap(m, t->mm, NULL, 0, 64 * KiB,
					 PROT_READ | PROT_WRITE, MAP_PRIVATE |
					 MAP_ANONYMOUS, 0, &addr, &e), 0);
		access_ok(m, addr, ACC_WRITE);
		access_ok(m, addr + 4096, ACC_WRITE);
		assert_int_equal(do_fork(m, t, &c, &e), 0);
		assert_int_equal(switch_to(m, machine_cpu(m), c, &e), 0);
		access_ok(m, big, ACC_WRITE);		/* the child copies */
		access_ok(m, addr + 8192, ACC_WRITE);
		assert_int_equal(do_munmap(m, c->mm, addr, 8192, &e), 0);
		assert_int_equal(do_exit(m, c, &e), 0);
		assert_int_equal(switch_to(m, machine_cpu(m), t, &e), 0);
		access_ok(m, big, ACC_WRITE);		/* reuse: one user */
		assert_int_equal(do_exit(m, t, &e), 0);
		assert_null(task_list(m));
		if (sim_page_alloc_check(m, &e))
			fail_msg("%s round %d: %s", arch, round, e.msg);
		/* the page cache fills in the first round, then stays */
		if (round == 1)
			free0 = global_free_pages(m);
		if (round > 1) {
			free1 = global_free_pages(m);
			assert_int_equal(free1, free0);
		}
	}
	machine_free(m);
}

static void
leaks(const char *arch, const char *file)
{
	leaks_cpu(arch, file, NULL, 0, 0);
}

static void
test_no_leaks(void **state)
{
	(void)state;
	/* PTI: order-1 pgds, PAE's pmd copies, the user pgd's entries */
	leaks_cpu("i386-pae", "testdata/elf/demo-i386-pie", "6.1", 0, 0);
	leaks_cpu("x86_64", "testdata/elf/demo-x86_64", NULL, F_MELTDOWN, 0);
	leaks_cpu("x86_64", "testdata/elf/demo-x86_64", NULL, F_MELTDOWN,
		  F_PCID);
	leaks("i386", "testdata/elf/demo-i386");
	leaks("i386-pae", "testdata/elf/demo-i386-pie");
	leaks("x86_64", "testdata/elf/demo-x86_64");
	leaks("arm", "testdata/elf/demo-arm");
	leaks("arm64", "testdata/elf/demo-arm64-pie");
}

/*
 * i386 without PAE and arm: a kernel page table made in swapper_pg_dir
 * after the process (what vmalloc does) is missing from the process's pgd;
 * the kernel-mode fault copies the pgd entry (on arm the pair of
 * first-level words) from swapper_pg_dir.
 */
static void
vmalloc_fault_on(const char *arch)
{
	struct machine *m = boot(.arch = arch);
	struct task_struct *t = current_task(m);
	const struct pt_level *L = &m->mmu.lv[LVL_PGD];
	struct page *p;
	struct error e;
	u64 va = ALIGN_UP(m->lay.vmalloc_start, 4 * MiB), idx, k, mine, ref;

	assert_non_null(t);
	idx = (va >> L->shift) & ((1ULL << L->bits) - 1);
	p = alloc_page(m, GFP_KERNEL | __GFP_ZERO, &e);
	assert_non_null(p);
	assert_int_equal(pgtable_map(m, m->swapper_pg_dir, va,
				     page_to_phys(m, p), PAGE_SIZE, PAGE_SHIFT,
				     PAGE_KERNEL, &e), 0);
	mine = ref = 0;
	phys_read_entry(&m->phys, t->mm->pgd + idx * L->esize, L->esize, &mine);
	phys_read_entry(&m->phys, m->swapper_pg_dir + idx * L->esize, L->esize,
			&ref);
	assert_int_equal(mine, 0);
	assert_int_not_equal(ref, 0);
	access_ok(m, va, ACC_WRITE);
	for (k = idx & ~1ULL; k <= (idx | 1); k++) {
		mine = ref = 0;
		phys_read_entry(&m->phys, t->mm->pgd + k * L->esize, L->esize,
				&mine);
		phys_read_entry(&m->phys, m->swapper_pg_dir + k * L->esize,
				L->esize, &ref);
		if (k == idx || ref != 0)
			assert_int_equal(mine, ref);
	}
	machine_free(m);
}

static void
test_vmalloc_fault(void **state)
{
	(void)state;
	vmalloc_fault_on("i386");
	vmalloc_fault_on("arm");
}

/* PROT_NONE keeps the pages; giving the rights back finds them again. */
static void
test_prot_none(void **state)
{
	static const char *const arches[] = { "i386", "x86_64", "arm", "arm64" };
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(arches); i++) {
		struct machine *m = boot(.arch = arches[i]);
		struct task_struct *t = current_task(m);
		struct error e;
		u64 addr, pa1 = 0, pa2 = 0, pm;
		u8 v = 0x5a, r = 0;

		assert_int_equal(do_mmap(m, t->mm, NULL, 0, 3 * PAGE_SIZE,
					 PROT_READ | PROT_WRITE, MAP_PRIVATE |
					 MAP_ANONYMOUS, 0, &addr, &e), 0);
		assert_int_equal(machine_write_virt(m, machine_cpu(m), addr + 5,
						    &v, 1, &e), 0);
		assert_int_equal(machine_access(m, machine_cpu(m), addr,
						ACC_READ, &pa1, &e), 0);
		assert_int_equal(do_mprotect(m, t->mm, addr, 3 * PAGE_SIZE,
					     PROT_NONE, &e), 0);
		pm = pagemap_entry(m, t->mm, addr);
		assert_true(pm & PM_PRESENT);	/* pte_present(PROT_NONE) */
		/* an access now is a SIGSEGV ... */
		assert_int_not_equal(machine_access(m, machine_cpu(m), addr,
						    ACC_READ, &pa2, &e), 0);
		assert_int_equal(t->state, TASK_KILLED);
		/* ... but the page is still there for a PROT_READ again */
		t->state = TASK_RUNNING;
		assert_int_equal(do_mprotect(m, t->mm, addr, 3 * PAGE_SIZE,
					     PROT_READ, &e), 0);
		assert_int_equal(machine_read_virt(m, machine_cpu(m), addr + 5,
						   &r, 1, &e), 0);
		assert_int_equal(r, 0x5a);
		assert_int_equal(machine_access(m, machine_cpu(m), addr,
						ACC_READ, &pa2, &e), 0);
		assert_int_equal(pa1, pa2);
		machine_free(m);
	}
}

/*
 * exec of randomly corrupted programs: refused with a reason or loaded;
 * a loaded one is touched at its entry and exits; nothing leaks or crashes.
 */
static void
test_fuzz_exec(void **state)
{
	struct machine *m = boot(.arch = "i386", .exec = "none");
	FILE *f = fopen("testdata/elf/demo-i386", "rb");
	u8 *good, *d;
	long n;
	u64 s = 99;
	int i, j, loaded = 0;

	(void)state;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	good = xmalloc((size_t)n);
	d = xmalloc((size_t)n);
	assert_int_equal(fread(good, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	for (i = 0; i < 300; i++) {
		struct exec_args a;
		struct task_struct *t;
		struct file *fl;
		struct error e;
		char name[32];
		u64 pa;

		memcpy(d, good, (size_t)n);
		for (j = 0; j < 1 + i % 4; j++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			/* the ELF header and the program headers: 0..0xd4 */
			d[s % 0xd4] ^= (u8)(1u << ((s >> 20) & 7));
		}
		snprintf(name, sizeof(name), "/fuzz/%d", i);
		fl = file_from_memory(m, name, d, (u64)n);
		memset(&a, 0, sizeof(a));
		a.path = name;
		a.file = fl;
		if (do_execve(m, &a, &t, &e) == 0) {
			loaded++;
			assert_int_equal(switch_to(m, machine_cpu(m), t, &e), 0);
			machine_access(m, machine_cpu(m), t->entry, ACC_EXEC,
				       &pa, &e);
			machine_access(m, machine_cpu(m), t->sp, ACC_WRITE, &pa,
				       &e);
			assert_int_equal(do_exit(m, t, &e), 0);
		} else {
			assert_true(e.msg[0] != 0);
		}
		fput(m, fl);
		if (sim_page_alloc_check(m, &e))
			fail_msg("round %d: %s", i, e.msg);
	}
	assert_true(loaded > 10);
	free(good);
	free(d);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_leaks),
		cmocka_unit_test(test_vmalloc_fault),
		cmocka_unit_test(test_prot_none),
		cmocka_unit_test(test_fuzz_exec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
