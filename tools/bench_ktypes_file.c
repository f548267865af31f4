// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The types of a dump without BTF (the i386 guest of testdata/images,
 * a Debian 686 kernel): from --btf FILE (testdata/images/i386.btf.xz,
 * parsed and checked against VMCOREINFO at open), and, when
 * PTWALK_BENCH_VMLINUX names that kernel's vmlinux with DWARF (Debian's
 * linux-image-6.1.0-57-686-dbg), from its DWARF converted as ps asks for
 * each struct: CPU time of the open, of ps first (types loaded or
 * converted on the way) and of ps again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ptwalk/image.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"

#define CORE	"testdata/images/i386.core.xz"
#define BTF	"testdata/images/i386.btf.xz"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
ps_once(struct machine *m)
{
	struct ktask *t;
	struct strbuf warn;
	struct error e;
	double c0 = cpu_now();
	int n;

	sb_init(&warn);
	if (ktasks_read(m, &t, &n, &warn, &e) == 0)
		free(t);
	else
		fprintf(stderr, "bench: ps: %s\n", e.msg);
	sb_release(&warn);
	return cpu_now() - c0;
}

/* Open with o, ps twice: three figures under the label what. */
static void
one(struct image_opts *o, const char *what)
{
	struct machine *m;
	struct error e;
	double c0 = cpu_now(), open, first, again;

	m = image_open(o, &e);
	if (m == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return;
	}
	open = cpu_now() - c0;
	first = ps_once(m);
	again = ps_once(m);
	bench_report(xasprintf("ktypes_file: %s, open + ps", what),
		     (open + first) * 1e3, "ms CPU",
		     xasprintf("open %.1f, ps first %.1f, again %.1f ms",
			       open * 1e3, first * 1e3, again * 1e3));
	machine_free(m);
}

static void
ktypes_file_run(void)
{
	char dir[] = "/tmp/ptwalk-bench-ktf-XXXXXX", *core, *btf, *cmd;
	const char *vmlinux = getenv("PTWALK_BENCH_VMLINUX");
	struct image_opts o = { 0 };

	if (access(CORE, R_OK) != 0 || access(BTF, R_OK) != 0 ||
	    mkdtemp(dir) == NULL) {
		printf("  (no %s or %s: skipped)\n", CORE, BTF);
		return;
	}
	core = xasprintf("%s/core", dir);
	btf = xasprintf("%s/i386.btf", dir);
	cmd = xasprintf("xz -dc %s > %s && xz -dc %s > %s", CORE, core, BTF,
			btf);
	if (system(cmd) != 0) {
		printf("  (xz failed: skipped)\n");
		return;
	}
	o.path = core;
	o.btf = btf;
	one(&o, "--btf i386.btf");
	if (vmlinux != NULL) {
		o.btf = NULL;
		o.symbols = vmlinux;
		one(&o, "--symbols vmlinux (DWARF)");
	} else {
		printf("  (PTWALK_BENCH_VMLINUX unset: the DWARF path is not "
		       "measured)\n");
	}
	unlink(core);
	unlink(btf);
	rmdir(dir);
}

const struct bench bench_ktypes_file = {
	.name = "ktypes_file",
	.what = "a dump without BTF: its types from --btf or a vmlinux's DWARF",
	.run = ktypes_file_run,
};
