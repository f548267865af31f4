// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory images: opening a 4 GiB image (ELF core and raw dump) and
 * reaching the prompt, end to end, with the process's peak RSS; and
 * `translate -f` of 10 million addresses end to end (parsing, walking
 * through the TLB, printing).
 */
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"

#define IMAGE_SIZE	(4 * GiB)
#define NADDR		10000000

static char dir[] = "/tmp/ptwalk-bench-XXXXXX";

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Copy the frames that hold data of m into fd at data_off + pa. */
static void
copy_frames(struct machine *m, int fd, u64 data_off)
{
	int i;

	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];
		u64 off;

		if (!(r->flags & PHYS_FILE))
			continue;
		for (off = 0; off < r->size; off += PAGE_SIZE) {
			size_t n = (size_t)MIN(PAGE_SIZE, r->size - off);

			if (pwrite(fd, r->host + off, n,
				   (off_t)(data_off + r->start + off)) != (ssize_t)n) {
				perror("bench: write");
				exit(1);
			}
		}
	}
	if (ftruncate(fd, (off_t)(data_off + IMAGE_SIZE)) != 0) {
		perror("bench: ftruncate");
		exit(1);
	}
}

/*
 * A 4 GiB image of a simulated x86_64 machine: a dense ELF core (one
 * PT_LOAD for all of RAM, as QEMU writes a 4 GiB guest) and a raw dump,
 * both sparse on disk but 4 GiB long.
 */
static u64
make_images(const char *elfpath, const char *rawpath)
{
	struct machine *m = bench_boot("x86_64", IMAGE_SIZE), *img;
	struct image_opts o;
	struct error e;
	char *small = path("small.core");
	u64 root = m->swapper_pg_dir, note_off, note_len = 0, data_off;
	struct strbuf notes;
	Elf *elf;
	GElf_Ehdr eh;
	GElf_Phdr p;
	int fd;

	if (image_save(m, small, &e)) {
		fprintf(stderr, "bench: save: %s\n", e.msg);
		exit(1);
	}
	machine_free(m);
	memset(&o, 0, sizeof(o));
	o.path = small;
	img = image_open(&o, &e);
	if (img == NULL) {
		fprintf(stderr, "bench: open: %s\n", e.msg);
		exit(1);
	}
	/* the raw dump */
	fd = open(rawpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(rawpath);
		exit(1);
	}
	copy_frames(img, fd, 0);
	close(fd);
	/* the ELF core: the notes of the small core, one PT_LOAD */
	sb_init(&notes);
	{
		int sfd = open(small, O_RDONLY);
		Elf *s;
		size_t i, n;

		elf_version(EV_CURRENT);
		s = elf_begin(sfd, ELF_C_READ, NULL);
		elf_getphdrnum(s, &n);
		for (i = 0; i < n; i++) {
			gelf_getphdr(s, (int)i, &p);
			if (p.p_type == PT_NOTE) {
				char *buf = xmalloc(p.p_filesz);

				if (pread(sfd, buf, p.p_filesz, (off_t)p.p_offset) !=
				    (ssize_t)p.p_filesz)
					exit(1);
				sb_add(&notes, buf, p.p_filesz);
				free(buf);
			}
		}
		elf_end(s);
		close(sfd);
	}
	note_len = notes.len;
	fd = open(elfpath, O_RDWR | O_CREAT | O_TRUNC, 0644);
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	gelf_newehdr(elf, ELFCLASS64);
	gelf_getehdr(elf, &eh);
	elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_type = ET_CORE;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(Elf64_Ehdr);
	gelf_update_ehdr(elf, &eh);
	gelf_newphdr(elf, 2);
	note_off = sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr);
	data_off = ALIGN_UP(note_off + note_len, PAGE_SIZE);
	memset(&p, 0, sizeof(p));
	p.p_type = PT_NOTE;
	p.p_offset = note_off;
	p.p_filesz = p.p_memsz = note_len;
	gelf_update_phdr(elf, 0, &p);
	p.p_type = PT_LOAD;
	p.p_offset = data_off;
	p.p_paddr = 0;
	p.p_filesz = p.p_memsz = IMAGE_SIZE;
	gelf_update_phdr(elf, 1, &p);
	if (elf_update(elf, ELF_C_WRITE) < 0) {
		fprintf(stderr, "bench: %s\n", elf_errmsg(-1));
		exit(1);
	}
	elf_end(elf);
	if (pwrite(fd, notes.buf, note_len, (off_t)note_off) != (ssize_t)note_len)
		exit(1);
	copy_frames(img, fd, data_off);
	close(fd);
	sb_release(&notes);
	machine_free(img);
	unlink(small);
	free(small);
	return root;
}

static void
run(void)
{
	const char *bin = getenv("PTWALK");
	char *elfp, *rawp, *addrs, *out, cr3[32], cmd[512];
	double best, rss, t, maxrss;
	u64 root, s = 99;
	FILE *f;
	long i;
	int k;

	if (bin == NULL || mkdtemp(dir) == NULL) {
		fprintf(stderr, "bench: set PTWALK to the ptwalk binary\n");
		exit(1);
	}
	elfp = path("4g.core");
	rawp = path("4g.raw");
	addrs = path("addrs");
	out = path("out");
	root = make_images(elfp, rawp);
	snprintf(cr3, sizeof(cr3), "0x%llx", (unsigned long long)root);
	{
		const char *a1[] = { bin, "-q", "-i", elfp, "-c", "quit", NULL };
		const char *a2[] = { bin, "-q", "-i", rawp, "--arch", "x86_64",
			       "--cr3", cr3, "-c", "quit", NULL };
		const char *a3[] = { bin, "-q", "-c", "quit", NULL };
		const char **argvs[] = { a1, a2, a3 };
		const char *names[] = {
			"open a 4G ELF core, to the prompt",
			"open a 4G raw dump, to the prompt",
			"(start ptwalk, default machine, for scale)",
		};

		for (k = 0; k < 3; k++) {
			best = 1e9;
			maxrss = 0;
			for (i = 0; i < 10; i++) {
				t = bench_spawn(argvs[k], out, &rss);
				best = MIN(best, t);
				maxrss = MAX(maxrss, rss);
			}
			snprintf(cmd, sizeof(cmd), "best of 10, peak RSS %.1f MiB",
				 maxrss);
			bench_report(names[k], best * 1e3, "ms", cmd);
		}
	}
	/* 10 million addresses: the direct map, the kernel text, faults */
	f = fopen(addrs, "w");
	for (i = 0; i < NADDR; i++) {
		u64 r = bench_rand(&s), va;

		if (r % 16 == 0)
			va = 0xffffffff81000000ULL + (r >> 8) % (32 * MiB);
		else if (r % 16 == 1)
			va = 0xffffc90000000000ULL + (r >> 8) % GiB;	/* faults */
		else
			va = 0xffff888000000000ULL + (r >> 8) % IMAGE_SIZE;
		fprintf(f, "0x%llx\n", (unsigned long long)va);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "translate -f %s", addrs);
	{
		const char *a[] = { bin, "-q", "-i", elfp, "-c", cmd, NULL };

		t = bench_spawn(a, out, &rss);
		snprintf(cmd, sizeof(cmd), "%.2f s for 10M, peak RSS %.1f MiB",
			 t, rss);
		bench_report("translate -f, 10M addresses, end to end",
			     (double)NADDR / t, "addr/s", cmd);
	}
	unlink(elfp);
	unlink(rawp);
	unlink(addrs);
	unlink(out);
	rmdir(dir);
}

const struct bench bench_image = {
	.name = "image",
	.what = "memory images: open 4G to the prompt, translate -f of 10M",
	.run = run,
};
