// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Compressed images: the real x86_64 guest of testdata/images (128 MiB)
 * as its ELF core and as kdump-compressed dumps (zlib, zstd) written by
 * build/mkdump.  Opening to the prompt (time, peak RSS), translate -f of
 * 1 million random direct-map addresses end to end, a full ptdump of the
 * kernel, each on the ELF core and on the dump; the same on the real
 * makedumpfile -F -l -d 31 dump of the same guest (testdata/dumps: the
 * flattened format read in place, 2/3 of the pages excluded); and pages
 * decompressed per second, reading every page of the dump once in this
 * process.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"

#define NADDR		1000000

static char dir[] = "/tmp/ptwalk-bench-kdump-XXXXXX";

/* Every page of the dump read once, in this process: pages per second. */
static void
read_all(const char *dump, const char *label)
{
	struct image_opts o = { .path = dump };
	struct machine *m;
	struct error e;
	u8 buf[PAGE_SIZE];
	u64 n = 0;
	double t;
	int i;

	m = image_open(&o, &e);
	if (m == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	t = bench_now();
	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];
		u64 off;

		for (off = 0; off + PAGE_SIZE <= r->size; off += PAGE_SIZE)
			if (phys_read(&m->phys, r->start + off, buf, PAGE_SIZE,
				      NULL) == 0)
				n++;
	}
	t = bench_now() - t;
	bench_report(label, (double)n / t, "pages/s", "every page once");
	machine_free(m);
}

static void
run(void)
{
	const char *bin = getenv("PTWALK");
	const char *src = "testdata/images/x86_64.core.xz";
	const char *flatsrc = "testdata/dumps/x86_64.mdf-l-d31.flat.xz";
	char *core, *zl, *zs, *fl, *addrs, *out, *mk, *sh, cmd[600];
	const char *files[4], *names[4] = { "ELF core", "kdump zlib",
					    "kdump zstd",
					    "makedumpfile -F -l -d 31" };
	double t, rss, best;
	u64 s = 7;
	FILE *f;
	int k, i;

	if (bin == NULL || mkdtemp(dir) == NULL || access(src, R_OK)) {
		fprintf(stderr, "bench: set PTWALK; needs %s\n", src);
		exit(1);
	}
	core = xasprintf("%s/core", dir);
	zl = xasprintf("%s/zlib.kdump", dir);
	zs = xasprintf("%s/zstd.kdump", dir);
	fl = xasprintf("%s/mdf.flat", dir);
	addrs = xasprintf("%s/addrs", dir);
	out = xasprintf("%s/out", dir);
	mk = xasprintf("%.*s/mkdump", (int)(strrchr(bin, '/') ?
					    strrchr(bin, '/') - bin : 1), bin);
	sh = xasprintf("xz -dc %s > %s && %s kdump %s %s -c zlib && "
		       "%s kdump %s %s -c zstd && xz -dc %s > %s", src, core,
		       mk, core, zl, mk, core, zs, flatsrc, fl);
	if (system(sh) != 0) {
		fprintf(stderr, "bench: cannot make the dumps\n");
		exit(1);
	}
	files[0] = core;
	files[1] = zl;
	files[2] = zs;
	files[3] = fl;
	f = fopen(addrs, "w");
	for (i = 0; i < NADDR; i++)
		fprintf(f, "0x%llx\n", (unsigned long long)
			(0xffff888000000000ULL + bench_rand(&s) % (128 * MiB)));
	fclose(f);
	for (k = 0; k < 4; k++) {
		const char *a[] = { bin, "-q", "-i", files[k], "-c", cmd, NULL };

		snprintf(cmd, sizeof(cmd), "quit");
		best = 1e9;
		for (i = 0; i < 10; i++)
			best = MIN(best, bench_spawn(a, out, &rss));
		snprintf(cmd, sizeof(cmd), "best of 10, peak RSS %.1f MiB", rss);
		{
			char label[80];

			snprintf(label, sizeof(label), "open 128M %s, to the "
				 "prompt", names[k]);
			bench_report(label, best * 1e3, "ms", cmd);
		}
		snprintf(cmd, sizeof(cmd), "translate -f %s", addrs);
		t = bench_spawn(a, out, &rss);
		snprintf(cmd, sizeof(cmd), "peak RSS %.1f MiB", rss);
		{
			char label[80];

			snprintf(label, sizeof(label), "translate -f 1M, %s",
				 names[k]);
			bench_report(label, (double)NADDR / t, "addr/s", cmd);
		}
		snprintf(cmd, sizeof(cmd), "ptdump kernel");
		t = bench_spawn(a, out, &rss);
		snprintf(cmd, sizeof(cmd), "peak RSS %.1f MiB", rss);
		{
			char label[80];

			snprintf(label, sizeof(label), "ptdump kernel, %s",
				 names[k]);
			bench_report(label, t * 1e3, "ms", cmd);
		}
	}
	read_all(zl, "read every page, kdump zlib");
	read_all(zs, "read every page, kdump zstd");
	unlink(core);
	unlink(zl);
	unlink(zs);
	unlink(fl);
	unlink(addrs);
	unlink(out);
	rmdir(dir);
}

const struct bench bench_kdump = {
	.name = "kdump",
	.what = "compressed images: 128M guest as ELF and kdump (open, "
		"translate -f 1M, ptdump, pages/s), and makedumpfile's "
		"flattened -d 31 dump",
	.run = run,
};
