// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory images: save then --image reproduces every walk on every arch;
 * bad files (empty, not a core, truncated, overlapping, unaligned, roots
 * and tables outside the image, loops) never crash and never change the
 * file; truncated and corrupted cores fed to the loader (run under ASan).
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/image.h"
#include "ptwalk/kernel.h"
#include "ptwalk/ksym.h"
#include "helpers.h"

#include <elf.h>

static char tmpdir[] = "/tmp/ptwalk-test-image-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
tmp(const char *name)
{
	static char path[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
	return path[k];
}

static struct machine *
open_img(const char *path, const char *arch, const u64 *cr3,
	 struct error *e)
{
	struct image_opts o;

	memset(&o, 0, sizeof(o));
	o.path = path;
	o.arch = arch;
	if (cr3 != NULL) {
		o.root[0] = *cr3;
		o.have_root[0] = true;
	}
	error_clear(e);
	return image_open(&o, e);
}

static void
write_file(const char *path, const void *buf, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
}

static u8 *
read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	u8 *buf;
	long l;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	l = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)l + 1);
	assert_int_equal(fread(buf, 1, (size_t)l, f), (size_t)l);
	fclose(f);
	*n = (size_t)l;
	return buf;
}

/* Same answer from both machines at va; returns the next va to probe. */
static u64
same_walk(struct machine *a, struct machine *b, u64 va)
{
	struct walk wa, wb;
	int fa = machine_walk(a, machine_cpu(a), va, &wa);
	int fb = machine_walk(b, machine_cpu(b), va, &wb);
	unsigned lvl, shift;
	u64 span;

	if (fa != fb || (fa == WF_NONE && (wa.pa != wb.pa ||
					   wa.shift != wb.shift ||
					   wa.perm != wb.perm ||
					   wa.attr != wb.attr)))
		fail_msg("va 0x%llx: simulated fault %d pa 0x%llx, image "
			 "fault %d pa 0x%llx", (unsigned long long)va, fa,
			 (unsigned long long)wa.pa, fb,
			 (unsigned long long)wb.pa);
	if (fa == WF_NONE)
		return va + (1ULL << wa.shift);
	if (wa.nsteps == 0)
		return va + PAGE_SIZE;
	lvl = wa.step[wa.nsteps - 1].lvl;
	shift = a->mmu.lv[lvl].shift;
	span = 1ULL << shift;
	return (va | (span - 1)) + 1;
}

static void
compare_all(struct machine *a, struct machine *b)
{
	u64 va = 0, top = a->arch->is64 ? 0 : 1ULL << 32;
	long n = 0;
	int i;

	/* every mapping and every hole of the address space, in order */
	do {
		u64 next = same_walk(a, b, va);
		u64 s;

		if (a->arch->is64 && a->arch->va_check(&a->mmu, next)) {
			/* the hole: on to the lowest kernel address */
			u64 k1 = ~0ULL << (a->mmu.va_bits - 1);
			u64 k2 = ~0ULL << a->mmu.va_bits;

			next = !a->arch->va_check(&a->mmu, k2) && k2 > next ?
				k2 : k1;
		}
		/* and a few addresses inside each step */
		for (s = va + PAGE_SIZE * 7; s < next && s > va; s += (next - va) / 3 + 1)
			same_walk(a, b, s & PAGE_MASK);
		if (next <= va)
			break;
		va = next;
		n++;
	} while ((top == 0 || va < top) && n < 2000000);
	assert_true(n > 10);
	/* the layout */
	assert_int_equal(a->nregions, b->nregions);
	for (i = 0; i < a->nregions; i++) {
		assert_string_equal(a->regions[i].name, b->regions[i].name);
		assert_true(a->regions[i].start == b->regions[i].start);
		assert_true(a->regions[i].end == b->regions[i].end);
		assert_int_equal(a->regions[i].flags, b->regions[i].flags);
		assert_true(a->regions[i].offset == b->regions[i].offset);
	}
	assert_true(a->lay.page_offset == b->lay.page_offset);
	assert_true(a->lay.high_memory == b->lay.high_memory);
	assert_true(a->lay.vmalloc_start == b->lay.vmalloc_start);
	assert_int_equal(a->ncpus, b->ncpus);
	for (i = 0; i < a->ncpus; i++) {
		assert_true(a->cpu[i].root[0] == b->cpu[i].root[0]);
		assert_true(a->cpu[i].root[1] == b->cpu[i].root[1]);
		assert_int_equal(a->cpu[i].root_valid[1], b->cpu[i].root_valid[1]);
		if (a->arch->reg_names[0] != NULL)
			assert_memory_equal(a->cpu[i].regs, b->cpu[i].regs,
					    sizeof(a->cpu[i].regs));
	}
	assert_int_equal(a->mmu.features, b->mmu.features);
	assert_int_equal(a->mmu.pa_bits, b->mmu.pa_bits);
	/* __pa and __va agree */
	{
		struct error e1, e2;
		u64 p1 = 0, p2 = 0;

		assert_int_equal(machine_va(a, a->ram_start + 0x123000, &p1,
					    &e1),
				 machine_va(b, a->ram_start + 0x123000, &p2,
					    &e2));
		assert_true(p1 == p2);
	}
}

static void
roundtrip_opts(const char *arch, u64 mem, const char *variant, int va_bits)
{
	struct machine *a = boot(.arch = arch, .mem = mem, .va_bits = va_bits,
				 .variant = variant), *b;
	struct error e;
	struct stat st;
	const char *path = tmp("rt.core");
	u64 data = 0x5a5a5a5a5a5a5a5aULL, back = 0;

	/* some data in a frame nothing else uses */
	assert_int_equal(phys_write(&a->phys, a->ram_start + 0x300000, &data,
				    8, &e), 0);
	assert_int_equal(image_save(a, path, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	/* only the frames in use are written */
	assert_true((u64)st.st_size < mem / 64);
	b = open_img(path, NULL, NULL, &e);
	if (b == NULL)
		fail_msg("open %s: %s", arch, e.msg);
	assert_string_equal(b->arch->name, arch);
	assert_null(b->kern);
	assert_true(b->image);
	assert_int_equal(b->img->nwarn, 0);
	assert_true(b->phys.total == mem);
	assert_int_equal(phys_read(&b->phys, a->ram_start + 0x300000, &back,
				   8, &e), 0);
	assert_true(back == data);
	back = 1;
	assert_int_equal(phys_read(&b->phys, a->ram_start + 0x400000, &back,
				   8, &e), 0);
	assert_true(back == 0);
	compare_all(a, b);
	machine_free(a);
	machine_free(b);
}

static void
roundtrip(const char *arch, u64 mem)
{
	roundtrip_opts(arch, mem, NULL, 0);
}

static void test_rt_i386(void **s) { (void)s; roundtrip("i386", 1 * GiB); }
static void test_rt_i386_small(void **s) { (void)s; roundtrip("i386", 160 * MiB); }
static void test_rt_pae(void **s) { (void)s; roundtrip("i386-pae", 2 * GiB); }
static void test_rt_x86_64(void **s) { (void)s; roundtrip("x86_64", 4 * GiB); }
static void test_rt_la57(void **s) { (void)s; roundtrip("x86_64-la57", 1 * GiB); }
static void test_rt_arm64(void **s) { (void)s; roundtrip("arm64", 1 * GiB); }
static void test_rt_arm(void **s) { (void)s; roundtrip("arm", 1 * GiB); }
static void test_rt_arm64_39(void **s) { (void)s; roundtrip_opts("arm64", 512 * MiB, "6.1-rodata-full", 39); }
static void test_rt_arm_5x(void **s) { (void)s; roundtrip_opts("arm", 768 * MiB, "5.4", 0); }

/*
 * A core without QEMU's CPU notes or ptwalk's note, as kdump writes one:
 * the kernel's page table comes from the VMCOREINFO alone, and every
 * kernel address walks as on the machine that was saved.
 */
static void
kdump_style(const char *arch)
{
	struct machine *a = boot(.arch = arch, .mem = 256 * MiB), *b;
	struct error e;
	u8 *core;
	size_t n, i;
	u64 va;
	int k;

	assert_int_equal(image_save(a, tmp("k.core"), &e), 0);
	core = read_file(tmp("k.core"), &n);
	for (i = 0; i + 8 < n && i < 65536; i++) {
		if (!memcmp(core + i, "QEMU", 5))
			core[i + 3] = 'X';	/* an unknown note */
		if (!memcmp(core + i, "PTWALK", 7))
			core[i + 5] = 'X';
	}
	write_file(tmp("k2.core"), core, n);
	free(core);
	b = open_img(tmp("k2.core"), NULL, NULL, &e);
	if (b == NULL)
		fail_msg("%s: %s", arch, e.msg);
	assert_non_null(strstr(b->img->root_from, "VMCOREINFO"));
	assert_true(b->lay.page_offset == a->lay.page_offset);
	/* every 2M of the kernel's half */
	for (k = 0, va = a->lay.page_offset; k < 4096 && va >= a->lay.page_offset;
	     k++, va += 2 * MiB)
		same_walk(a, b, va);
	for (va = a->lay.kimage_vaddr; va && va < a->lay.kimage_vaddr + 64 * MiB;
	     va += 64 * KiB)
		same_walk(a, b, va);
	machine_free(a);
	machine_free(b);
}

static void test_kdump_x86_64(void **s) { (void)s; kdump_style("x86_64"); }
static void test_kdump_arm64(void **s) { (void)s; kdump_style("arm64"); }

/* A saved i386 core, as bytes. */
static u8 *
small_core(size_t *n)
{
	struct machine *m = boot(.arch = "i386", .mem = 64 * MiB);
	struct error e;
	const char *path = tmp("small.core");

	assert_int_equal(image_save(m, path, &e), 0);
	machine_free(m);
	return read_file(path, n);
}

static void
test_bad_files(void **state)
{
	struct error e;
	struct machine *m;
	u8 page[PAGE_SIZE + 100];
	u8 *core;
	size_t n;
	u64 cr3;

	(void)state;
	/* missing and empty */
	assert_null(open_img(tmp("none"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "cannot open"));
	write_file(tmp("empty"), "", 0);
	assert_null(open_img(tmp("empty"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "empty"));
	/* a raw file needs --arch */
	memset(page, 0, sizeof(page));
	write_file(tmp("raw"), page, sizeof(page));
	assert_null(open_img(tmp("raw"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "--arch"));
	/* and a root */
	assert_null(open_img(tmp("raw"), "i386", NULL, &e));
	assert_non_null(strstr(e.msg, "--cr3"));
	/* not page aligned: the tail is dropped with a warning */
	cr3 = 0;
	m = open_img(tmp("raw"), "i386", &cr3, &e);
	assert_non_null(m);
	assert_int_equal(m->img->nwarn, 1);
	assert_non_null(strstr(m->img->warn[0], "not a whole number"));
	assert_true(m->phys.total == PAGE_SIZE);
	machine_free(m);
	/* less than a page */
	write_file(tmp("tiny"), page, 100);
	assert_null(open_img(tmp("tiny"), "i386", &cr3, &e));
	/* compressed files are named */
	write_file(tmp("xz"), "\xfd" "7zXZ\0\0\0\0", 10);
	assert_null(open_img(tmp("xz"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "xz"));
	/* an ELF that is not a core */
	core = small_core(&n);
	core[16] = 2;	/* e_type = ET_EXEC */
	write_file(tmp("exec"), core, n);
	assert_null(open_img(tmp("exec"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "not a memory dump"));
	free(core);
	/* the wrong --arch for the core */
	core = small_core(&n);
	write_file(tmp("ok"), core, n);
	assert_null(open_img(tmp("ok"), "x86_64", NULL, &e));
	assert_non_null(strstr(e.msg, "does not match"));
	free(core);
}

static void
test_truncated(void **state)
{
	struct machine *a = boot(.arch = "x86_64", .mem = 256 * MiB), *b;
	struct error e;
	u8 *core;
	size_t n;
	struct walk w;

	(void)state;
	assert_int_equal(image_save(a, tmp("t.core"), &e), 0);
	core = read_file(tmp("t.core"), &n);
	/* cut in the middle of the memory: the rest is a hole */
	write_file(tmp("cut.core"), core, n - 3000);
	b = open_img(tmp("cut.core"), NULL, NULL, &e);
	assert_non_null(b);
	assert_true(b->img->nwarn >= 1);
	assert_non_null(strstr(b->img->warn[0], "truncated"));
	/* walks still run: those that need the lost tables say so */
	machine_walk(b, machine_cpu(b), 0xffffffffff5fc000ULL, &w);
	assert_true(w.fault == WF_NONE || w.fault == WF_BEYOND_RAM);
	machine_free(b);
	/* cut in the program headers */
	write_file(tmp("cut2.core"), core, 100);
	assert_null(open_img(tmp("cut2.core"), NULL, NULL, &e));
	free(core);
	machine_free(a);
}

static void
test_overlap(void **state)
{
	struct machine *b;
	struct error e;
	u8 *core;
	size_t n;
	Elf64_Ehdr eh;
	Elf64_Phdr p1, p2;

	(void)state;
	{
		struct machine *a = boot(.arch = "x86_64", .mem = 128 * MiB);

		assert_int_equal(image_save(a, tmp("o.core"), &e), 0);
		machine_free(a);
	}
	core = read_file(tmp("o.core"), &n);
	memcpy(&eh, core, sizeof(eh));
	assert_true(eh.e_phnum >= 3);
	/* make PT_LOAD 2 start inside PT_LOAD 1 */
	memcpy(&p1, core + eh.e_phoff + eh.e_phentsize, sizeof(p1));
	memcpy(&p2, core + eh.e_phoff + 2 * eh.e_phentsize, sizeof(p2));
	p2.p_paddr = p1.p_paddr + 0x1000;
	memcpy(core + eh.e_phoff + 2 * eh.e_phentsize, &p2, sizeof(p2));
	write_file(tmp("o2.core"), core, n);
	b = open_img(tmp("o2.core"), NULL, NULL, &e);
	assert_non_null(b);
	assert_true(b->img->nwarn >= 1);
	assert_non_null(strstr(b->img->warn[0], "overlaps"));
	machine_free(b);
	free(core);
}

static void
test_roots_and_loops(void **state)
{
	u8 *mem = xcalloc(1, 4 * PAGE_SIZE);
	struct machine *m;
	struct error e;
	struct walk w;
	u64 cr3 = 0x10000000;	/* far outside the image */
	u32 pde;
	u64 e64;
	char why[200];

	(void)state;
	/* i386: pgd[0] points at the pgd itself; pgd[1] outside the image */
	pde = 0x00000003;
	memcpy(mem, &pde, 4);
	pde = 0x40000003;
	memcpy(mem + 4, &pde, 4);
	write_file(tmp("loop32"), mem, 4 * PAGE_SIZE);
	m = open_img(tmp("loop32"), "i386", &cr3, &e);
	assert_non_null(m);
	assert_true(m->img->nwarn >= 1);
	assert_non_null(strstr(m->img->warn[m->img->nwarn - 1], "outside") ?
			m->img->warn[0] : strstr(m->img->warn[0], "beyond"));
	assert_int_equal(machine_walk(m, machine_cpu(m), 0x1000, &w),
			 WF_BEYOND_RAM);
	machine_free(m);
	cr3 = 0;
	m = open_img(tmp("loop32"), "i386", &cr3, &e);
	assert_non_null(m);
	assert_int_equal(m->img->nwarn, 0);
	/* the loop: bounded by the two levels, page 0 maps page 0 */
	assert_int_equal(machine_walk(m, machine_cpu(m), 0x234, &w), WF_NONE);
	assert_true(w.pa == 0x234);
	assert_int_equal(w.nsteps, 2);
	/* a table outside the image: the walk says where it left */
	assert_int_equal(machine_walk(m, machine_cpu(m), 0x400000, &w),
			 WF_BEYOND_RAM);
	assert_true(w.fault_info == 0x40000000);
	phys_describe_hole(&m->phys, w.fault_info, why, sizeof(why));
	assert_non_null(strstr(why, "beyond the end"));
	machine_free(m);
	/* x86_64: a PML4 entry pointing at itself, four levels deep */
	memset(mem, 0, 4 * PAGE_SIZE);
	e64 = 0x0000000000000063ULL;
	memcpy(mem, &e64, 8);
	write_file(tmp("loop64"), mem, 4 * PAGE_SIZE);
	m = open_img(tmp("loop64"), "x86_64", &cr3, &e);
	assert_non_null(m);
	assert_int_equal(machine_walk(m, machine_cpu(m), 0x0, &w), WF_NONE);
	assert_int_equal(w.nsteps, 4);
	assert_true(w.pa == 0);
	machine_free(m);
	free(mem);
}

static void
test_file_unchanged(void **state)
{
	struct machine *a = boot(.arch = "i386", .mem = 64 * MiB), *b;
	struct error e;
	struct stat s1, s2;
	u8 *before, *after;
	size_t n1, n2;
	u32 v = 0xdeadbeef, r = 0;

	(void)state;
	assert_int_equal(image_save(a, tmp("u.core"), &e), 0);
	machine_free(a);
	before = read_file(tmp("u.core"), &n1);
	assert_int_equal(stat(tmp("u.core"), &s1), 0);
	sleep(1);
	b = open_img(tmp("u.core"), NULL, NULL, &e);
	assert_non_null(b);
	/* write through the MMU and physically, read it back */
	assert_int_equal(machine_write_virt(b, machine_cpu(b), 0xc0001000,
					    &v, 4, &e), 0);
	assert_int_equal(machine_read_virt(b, machine_cpu(b), 0xc0001000,
					   &r, 4, &e), 0);
	assert_true(r == v);
	assert_int_equal(phys_write(&b->phys, 0x500000, &v, 4, &e), 0);
	/* save elsewhere keeps the change; save over itself is refused */
	assert_int_equal(image_save(b, tmp("u2.core"), &e), 0);
	assert_int_not_equal(image_save(b, tmp("u.core"), &e), 0);
	assert_non_null(strstr(e.msg, "being read"));
	machine_free(b);
	after = read_file(tmp("u.core"), &n2);
	assert_int_equal(stat(tmp("u.core"), &s2), 0);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_true(s1.st_mtim.tv_sec == s2.st_mtim.tv_sec &&
		    s1.st_mtim.tv_nsec == s2.st_mtim.tv_nsec);
	b = open_img(tmp("u2.core"), NULL, NULL, &e);
	assert_non_null(b);
	r = 0;
	assert_int_equal(phys_read(&b->phys, 0x1000, &r, 4, &e), 0);
	assert_true(r == v);
	machine_free(b);
	free(before);
	free(after);
}

/* xorshift: deterministic corruption */
static u64
rnd(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
probe(const char *path)
{
	struct error e;
	struct machine *m = open_img(path, NULL, NULL, &e);
	static const u64 vas[] = {
		0, 0x1000, 0xc0000000, 0xc0100000, 0xf8800000, 0xfffff000,
		0xffff888000000000ULL, 0xffffffff81000000ULL,
	};
	size_t i;

	if (m == NULL) {
		assert_true(e.msg[0] != 0);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(vas); i++) {
		struct walk w;
		u64 pa;

		machine_walk(m, machine_cpu(m), vas[i], &w);
		machine_pa(m, vas[i], &pa, &e);
		machine_va(m, vas[i] & 0xffffff, &pa, &e);
	}
	machine_free(m);
}

static void
test_fuzz(void **state)
{
	static const char *const arches[] = { "i386", "x86_64" };
	u64 seed = 0x9e3779b97f4a7c15ULL;
	size_t a;

	(void)state;
	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		struct machine *m = boot(.arch = arches[a], .mem = 128 * MiB);
		struct error e;
		u8 *core, *bad;
		size_t n, cut;
		int i;

		assert_int_equal(image_save(m, tmp("f.core"), &e), 0);
		machine_free(m);
		core = read_file(tmp("f.core"), &n);
		bad = xmalloc(n);
		/* every truncation in the headers and notes, some after */
		for (cut = 1; cut < n; cut += cut < 4096 ? 7 : 4093) {
			write_file(tmp("f1.core"), core, cut);
			probe(tmp("f1.core"));
		}
		/* random bytes flipped, mostly in the headers and notes */
		for (i = 0; i < 300; i++) {
			int k, flips = 1 + (int)(rnd(&seed) % 8);
			size_t lim = rnd(&seed) % 4 ? MIN(n, 4096) : n;

			memcpy(bad, core, n);
			for (k = 0; k < flips; k++)
				bad[rnd(&seed) % lim] ^= (u8)(1u << (rnd(&seed) % 8));
			write_file(tmp("f2.core"), bad, n);
			probe(tmp("f2.core"));
		}
		free(bad);
		free(core);
	}
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * A kdump VMCOREINFO with 200 000 SYMBOL() lines opens in well under a
 * second (the note is indexed once; the symbols are hashed and sorted):
 * scanning the note for every key and comparing every name with every
 * symbol took minutes.  The first of two lines with one key counts.
 */
static void
test_vmcoreinfo_many_symbols(void **state)
{
	struct machine *a = boot(.arch = "x86_64", .mem = 128 * MiB), *b;
	struct error e;
	struct strbuf sb;
	const struct ksym *k;
	const char *s;
	size_t len;
	double t;
	int i;

	(void)state;
	assert_int_equal(image_save(a, tmp("vs.core"), &e), 0);
	machine_free(a);
	b = open_img(tmp("vs.core"), NULL, NULL, &e);
	assert_non_null(b);
	sb_init(&sb);
	sb_adds(&sb, b->img->vmcoreinfo);
	for (i = 0; i < 200000; i++)
		sb_addf(&sb, "SYMBOL(sym_%d)=%llx\n", i,
			0xffffffff90000000ULL + (unsigned long long)i * 16);
	sb_adds(&sb, "SYMBOL(sym_7)=1234\nNUMBER(x)=5\nNUMBER(x)=6\n");
	free(b->img->vmcoreinfo);
	b->img->vmcoreinfo = sb.buf;
	assert_int_equal(image_save(b, tmp("vs2.core"), &e), 0);
	machine_free(b);
	t = seconds();
	b = open_img(tmp("vs2.core"), NULL, NULL, &e);
	t = seconds() - t;
	assert_non_null(b);
	assert_true(t < 10.0);
	assert_true(b->nksyms > 200000);
	k = machine_ksym(b, "sym_199999");
	assert_non_null(k);
	assert_true(k->value == 0xffffffff90000000ULL + 199999ULL * 16);
	assert_true(machine_ksym(b, "sym_7")->value == 0xffffffff90000070ULL);
	k = machine_ksym_at(b, 0xffffffff90000000ULL + 123456ULL * 16 + 5);
	assert_non_null(k);
	assert_string_equal(k->name, "sym_123456");
	assert_true(vmcoreinfo_or(b->img, "NUMBER(x)", 0) == 5);
	s = vmcoreinfo_str(b->img, "OSRELEASE", &len);
	assert_non_null(s);
	assert_true(len > 0 && !strncmp(s, "ptwalk-", 7));
	assert_null(vmcoreinfo_str(b->img, "OSRELEAS", NULL));
	assert_null(vmcoreinfo_str(b->img, "SYMBOL(sym_200000)", NULL));
	machine_free(b);
}

/*
 * A VMCOREINFO note with no line of KEY=VALUE (an empty key, no '=') is
 * indexed as empty: every key is absent, and opening it is defined
 * behaviour (the empty index is never sorted).
 */
static void
test_vmcoreinfo_without_keys(void **state)
{
	struct machine *a = boot(.arch = "x86_64", .mem = 96 * MiB), *b;
	struct error e;

	(void)state;
	assert_int_equal(image_save(a, tmp("vk.core"), &e), 0);
	machine_free(a);
	b = open_img(tmp("vk.core"), NULL, NULL, &e);
	assert_non_null(b);
	free(b->img->vmcoreinfo);
	b->img->vmcoreinfo = xstrdup("OSRELEASE\n=5\nno key here\n");
	assert_int_equal(image_save(b, tmp("vk2.core"), &e), 0);
	machine_free(b);
	b = open_img(tmp("vk2.core"), NULL, NULL, &e);
	if (b == NULL) {
		assert_true(e.msg[0] != 0);
		return;
	}
	assert_null(vmcoreinfo_str(b->img, "OSRELEASE", NULL));
	assert_null(vmcoreinfo_str(b->img, "", NULL));
	assert_true(vmcoreinfo_or(b->img, "NUMBER(x)", 7) == 7);
	machine_free(b);
}

/*
 * The symbol table: names hashed, addresses bisected, ties at one address
 * answered by the first symbol added, constants never an address's name;
 * a module's symbols come and go together and never hide the kernel's.
 */
static void
test_ksyms(void **state)
{
	struct machine *m = boot(.arch = "x86_64", .mem = 128 * MiB);
	const struct ksym *k;
	char name[32];
	int i, n0 = m->nksyms;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof(name), "s%d", (i * 37) % 5000);
		machine_add_ksym(m, name, 0xffffffffa0000000ULL +
				 (u64)((i * 37) % 5000) * 0x100, 0, 't');
	}
	assert_int_equal(m->nksyms, n0 + 5000);
	machine_add_ksym(m, "s10", 0xffffffffa0000a00ULL, 8, 'T');
	assert_int_equal(m->nksyms, n0 + 5000);
	assert_int_equal(machine_ksym(m, "s10")->type, 'T');
	machine_add_ksym(m, "alias10", 0xffffffffa0000a00ULL, 0, 'T');
	machine_add_ksym(m, "CONST", 0xffffffffa0000a80ULL, 0, 'A');
	k = machine_ksym_at(m, 0xffffffffa0000aa0ULL);
	assert_string_equal(k->name, "s10");
	k = machine_ksym_at(m, 0xffffffffa0000000ULL + 4999 * 0x100 + 0xfff);
	assert_string_equal(k->name, "s4999");
	assert_null(machine_ksym_at(m, 0));
	assert_null(machine_ksym(m, "s5000"));
	/* modules: both define init_module; the kernel's s1 stays s1 */
	machine_add_module_ksym(m, "one", "init_module", 0xffffffffc0000000ULL,
				16, 't');
	machine_add_module_ksym(m, "one", "s1", 0xffffffffc0000010ULL, 16, 't');
	machine_add_module_ksym(m, "two", "init_module", 0xffffffffc0001000ULL,
				16, 't');
	k = machine_ksym(m, "init_module");
	assert_string_equal(k->module, "two");
	assert_null(machine_ksym(m, "s1")->module);
	k = machine_ksym_at(m, 0xffffffffc0000014ULL);
	assert_string_equal(k->name, "s1");
	assert_string_equal(k->module, "one");
	machine_del_module_ksyms(m, "two");
	k = machine_ksym(m, "init_module");
	assert_string_equal(k->module, "one");
	machine_del_module_ksyms(m, "one");
	assert_null(machine_ksym(m, "init_module"));
	assert_null(machine_ksym(m, "s1")->module);
	assert_int_equal(m->nksyms, n0 + 5002);
	k = machine_ksym_at(m, 0xffffffffc0000014ULL);
	assert_string_equal(k->name, "s4999");
	machine_free(m);
}

/* Files in the test directory named like save's temporary files. */
static int
temp_files(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strstr(de->d_name, ".tmp") != NULL;
	closedir(d);
	return n;
}

struct read_args {
	struct machine *m;
	u64 pa;
	struct error *e;
};

static int
read_cb(void *arg)
{
	struct read_args *a = arg;
	u64 v;

	return phys_read(&a->m->phys, a->pa, &v, 8, a->e);
}

static int
walk_cb(void *arg)
{
	struct read_args *a = arg;
	struct walk w;

	return machine_walk(a->m, machine_cpu(a->m), a->pa, &w);
}

/*
 * An image truncated under ptwalk: reads of the pages it lost end in an
 * error (never a SIGBUS), save fails and leaves nothing behind, and once
 * the file is whole again every read works.  A SIGBUS outside the files
 * ptwalk mapped keeps its usual action.
 */
static void
test_truncated_under(void **state)
{
	struct machine *a = boot(.arch = "x86_64", .mem = 128 * MiB), *b;
	struct read_args ra;
	struct error e;
	struct stat st;
	u8 *core;
	size_t n;
	pid_t pid;
	int r, status, i;
	u64 v = 0;

	(void)state;
	assert_int_equal(image_save(a, tmp("tu.core"), &e), 0);
	core = read_file(tmp("tu.core"), &n);
	b = open_img(tmp("tu.core"), NULL, NULL, &e);
	assert_non_null(b);
	assert_int_equal(truncate(tmp("tu.core"), 8192), 0);
	ra.m = b;
	ra.e = &e;
	error_clear(&e);
	/* the last range of data from the file (not a zero-filled one) */
	for (i = b->phys.nr - 1; i >= 0 && !(b->phys.r[i].flags & PHYS_FILE); i--)
		;
	assert_true(i >= 0);
	ra.pa = b->phys.r[i].start;
	/* phys_read() guards its copy: an error of its own */
	assert_int_equal(phys_read(&b->phys, ra.pa, &v, 8, &e), -EIO);
	assert_non_null(strstr(e.msg, "changed or was truncated under ptwalk"));
	assert_non_null(strstr(e.msg, "tu.core"));
	error_clear(&e);
	assert_int_equal(phys_write(&b->phys, ra.pa, &v, 8, &e), -EIO);
	assert_non_null(strstr(e.msg, "changed or was truncated under ptwalk"));
	/* the walker reads entries directly: the caller's guard catches it */
	ra.pa = a->lay.page_offset;
	assert_int_equal(hostmap_call(walk_cb, &ra, &r, &e), -EIO);
	assert_int_equal(image_save(b, tmp("tu2.core"), &e), -EIO);
	assert_non_null(strstr(e.msg, "changed or was truncated under ptwalk"));
	assert_int_not_equal(stat(tmp("tu2.core"), &st), 0);
	assert_int_equal(temp_files(), 0);
	/* whole again */
	write_file(tmp("tu.core"), core, n);
	ra.pa = b->phys.r[i].start;
	assert_int_equal(hostmap_call(read_cb, &ra, &r, &e), 0);
	assert_int_equal(r, 0);
	ra.pa = a->lay.page_offset;
	assert_int_equal(hostmap_call(walk_cb, &ra, &r, &e), 0);
	assert_int_equal(r, WF_NONE);
	assert_int_equal(image_save(b, tmp("tu2.core"), &e), 0);
	machine_free(b);
	machine_free(a);
	free(core);
	/* elsewhere: the usual end */
	write_file(tmp("other"), "0123456789", 10);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(tmp("other"), O_RDONLY);
		volatile char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
		struct hostmap_guard g;

		signal(SIGBUS, SIG_DFL);	/* not the test runner's */
		hostmap_add((const void *)0x1000, 4096, "nothing");
		hostmap_guard_push(&g);
		if (truncate(tmp("other"), 0) != 0 || sigsetjmp(g.env, 0))
			_exit(3);
		_exit(p[0] == '0' ? 0 : 4);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
}

/*
 * 23 000 PT_LOADs (a frame of data every 17 pages) open at once, under
 * ASan too (the list of them grew one element at a time: 38 s and more);
 * when most of them are broken, the first IMAGE_WARN_MAX warnings are
 * kept and the rest counted.
 */
static void
test_many_loads(void **state)
{
	struct machine *a = boot(.arch = "x86_64", .mem = 1 * GiB), *b;
	u64 v = 0x1234567812345678ULL, pa;
	Elf64_Ehdr eh;
	Elf64_Phdr p;
	struct error e;
	u8 *core;
	size_t n;
	double t;
	int i, bad = 0;

	(void)state;
	for (pa = 256 * MiB; pa < 1 * GiB; pa += 17 * PAGE_SIZE)
		assert_int_equal(phys_write(&a->phys, pa, &v, 8, &e), 0);
	assert_int_equal(image_save(a, tmp("many.core"), &e), 0);
	machine_free(a);
	t = seconds();
	b = open_img(tmp("many.core"), NULL, NULL, &e);
	t = seconds() - t;
	assert_non_null(b);
	assert_true(b->img->nload > 20000);
	assert_true(t < 10.0);
	assert_int_equal(b->img->nwarn, 0);
	assert_int_equal(phys_read(&b->phys, 1 * GiB - 17 * PAGE_SIZE, &pa, 8,
				   &e), 0);
	machine_free(b);
	/* every PT_LOAD after the first 100 loses its physical address */
	core = read_file(tmp("many.core"), &n);
	memcpy(&eh, core, sizeof(eh));
	for (i = 101; i < eh.e_phnum; i++) {
		memcpy(&p, core + eh.e_phoff + (size_t)i * eh.e_phentsize,
		       sizeof(p));
		p.p_paddr = ~0ULL;
		memcpy(core + eh.e_phoff + (size_t)i * eh.e_phentsize, &p,
		       sizeof(p));
		bad++;
	}
	write_file(tmp("many2.core"), core, n);
	free(core);
	b = open_img(tmp("many2.core"), NULL, NULL, &e);
	assert_non_null(b);
	assert_int_equal(b->img->nwarn, IMAGE_WARN_MAX + 1);
	assert_non_null(strstr(b->img->warn[0], "no physical address"));
	assert_non_null(strstr(b->img->warn[IMAGE_WARN_MAX], "more warnings"));
	assert_int_equal(atoi(strstr(b->img->warn[IMAGE_WARN_MAX], "and ") + 4),
			 bad - IMAGE_WARN_MAX);
	machine_free(b);
}

/*
 * A QEMU CPU note too short to hold its version, at the very end of a
 * file that ends on a page boundary: warned about, never read past.  And
 * a file that is only the start of an ELF header says so.
 */
static void
test_short_notes(void **state)
{
	u8 *core, *f;
	size_t n, size, at;
	struct machine *m;
	struct error e;
	Elf32_Ehdr eh;
	Elf32_Phdr p;
	u32 nh[3] = { 5, 0, 0 };	/* "QEMU", n_descsz 0, type 0 */
	u64 cr3 = 0x1000;
	int i;

	(void)state;
	core = small_core(&n);
	size = ALIGN_UP(n + 20, PAGE_SIZE);
	f = xcalloc(1, size);
	memcpy(f, core, n);
	at = size - 20;
	memcpy(f + at, nh, sizeof(nh));
	memcpy(f + at + 12, "QEMU", 5);
	memcpy(&eh, f, sizeof(eh));
	assert_int_equal(eh.e_ident[EI_CLASS], ELFCLASS32);
	memcpy(&p, f + eh.e_phoff, sizeof(p));
	assert_int_equal(p.p_type, PT_NOTE);
	p.p_offset = (Elf32_Off)at;
	p.p_filesz = 20;
	memcpy(f + eh.e_phoff, &p, sizeof(p));
	write_file(tmp("qnote.core"), f, size);
	/* the other notes are gone: the root is given */
	m = open_img(tmp("qnote.core"), "i386", &cr3, &e);
	if (m == NULL)
		fail_msg("%s", e.msg);
	for (i = 0; i < m->img->nwarn; i++)
		if (strstr(m->img->warn[i], "too short to say its version"))
			break;
	assert_true(i < m->img->nwarn);
	machine_free(m);
	/* 4 and 5 bytes of an ELF header */
	write_file(tmp("h4"), core, 4);
	assert_null(open_img(tmp("h4"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "truncated ELF header: 4 bytes of 52/64"));
	write_file(tmp("h5"), core, 5);
	assert_null(open_img(tmp("h5"), NULL, NULL, &e));
	assert_non_null(strstr(e.msg, "truncated ELF header: 5 bytes of 52"));
	free(f);
	free(core);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rt_i386),
		cmocka_unit_test(test_rt_i386_small),
		cmocka_unit_test(test_rt_pae),
		cmocka_unit_test(test_rt_x86_64),
		cmocka_unit_test(test_rt_la57),
		cmocka_unit_test(test_rt_arm64),
		cmocka_unit_test(test_rt_arm),
		cmocka_unit_test(test_rt_arm64_39),
		cmocka_unit_test(test_rt_arm_5x),
		cmocka_unit_test(test_kdump_x86_64),
		cmocka_unit_test(test_kdump_arm64),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_roots_and_loops),
		cmocka_unit_test(test_file_unchanged),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_vmcoreinfo_many_symbols),
		cmocka_unit_test(test_vmcoreinfo_without_keys),
		cmocka_unit_test(test_ksyms),
		cmocka_unit_test(test_truncated_under),
		cmocka_unit_test(test_many_loads),
		cmocka_unit_test(test_short_notes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
