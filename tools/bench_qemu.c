// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live QEMU guest: `ptwalk --qemu ... -c ptdump` end to end (attach,
 * registers, every page-table page read, the dump printed, detach), over
 * the gdbstub and through the RAM file.  Two guests:
 * - the tiny x86_64 one of the tests (tests/live/guest.S, 16 MiB of RAM,
 *   6 page-table pages): the cost per attach and per page read;
 * - a real Debian 6.1 x86_64 guest's 128 MiB: a QEMU stopped before it
 *   ran (-S) whose RAM file is the RAM of testdata/images/x86_64-kaslr.core
 *   (as tests/cli/qemu-kstate.sh sets it up): the attach searches the RAM
 *   for the VMCOREINFO, the root is the kernel's init_top_pgt, and ptdump
 *   walks a real kernel's tables.  ptdump of the same root on the ELF
 *   core is timed beside it: what the live paths add.
 * Needs qemu-system-x86_64, as and ld; says so and stops without them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench.h"

#define RUNS	20
#define RUNS_REAL	5

static char dir[] = "/tmp/ptwalk-bench-qemu-XXXXXX";

static const char start_sh[] =
	"set -e; d=%s; as --64 -o $d/g.o tests/live/guest.S; "
	"ld -Ttext 0x7c00 --oformat binary -e _start -o $d/g.img $d/g.o; "
	"truncate -s 16M $d/ram; "
	"qemu-system-x86_64 -display none -nodefaults -m 16M "
	"-object memory-backend-file,id=mem,size=16M,mem-path=$d/ram,share=on "
	"-machine pc,memory-backend=mem -drive file=$d/g.img,format=raw,if=ide "
	"-gdb unix:$d/gdb,server=on,wait=off -S "
	"-monitor unix:$d/mon,server=on,wait=off -pidfile $d/pid "
	"-daemonize >/dev/null 2>&1; "
	"perl tests/live/monitor.pl $d/mon cont >/dev/null; sleep 0.5";

static const char real_sh[] =
	"set -e; d=%s; xz -dc testdata/images/x86_64-kaslr.core.xz >$d/k.core; "
	"off=$(readelf -lW $d/k.core | awk '$1 == \"LOAD\" && "
	"$4 == \"0x0000000000000000\" { print $2 }'); "
	"dd if=$d/k.core of=$d/kram bs=1M iflag=skip_bytes,count_bytes "
	"skip=$((off)) count=$((128 << 20)) status=none; "
	"qemu-system-x86_64 -display none -nodefaults -m 128M "
	"-object memory-backend-file,id=m,size=128M,mem-path=$d/kram,share=off "
	"-machine pc,memory-backend=m -gdb unix:$d/kgdb,server=on,wait=off -S "
	"-pidfile $d/kpid -daemonize >/dev/null 2>&1; sleep 0.3";

/* CPU seconds of the children waited for so far (user + system). */
static double
children_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double last_cpu;	/* of the last time_n, per run */

static double
time_n(const char *cmd, int runs)
{
	double t0 = bench_now(), c0 = children_cpu();
	int i;

	for (i = 0; i < runs; i++)
		if (system(cmd) != 0) {
			fprintf(stderr, "bench: '%s' failed\n", cmd);
			return -1;
		}
	last_cpu = (children_cpu() - c0) / runs;
	return (bench_now() - t0) / runs;
}

static double
time_runs(const char *cmd)
{
	return time_n(cmd, RUNS);
}

/* The real guest's 128 MiB: ptdump live both ways, and on the core. */
static void
run_real(void)
{
	static const char *what[] = {
		"gdbstub, 1st", "--qemu-ram, 1st", "gdbstub", "--qemu-ram",
		"ELF core",
	};
	static const char *note[] = {
		"first attach: the RAM searched for the VMCOREINFO",
		"first attach: the RAM file searched for the VMCOREINFO",
		"real Debian 6.1 guest, 128 MiB, stopped; target < 500 ms",
		"real Debian 6.1 guest, 128 MiB, stopped; target < 100 ms",
		"the same guest's dump, the same root (init_top_pgt)",
	};
	static const int runs[] = { 1, 1, RUNS_REAL, RUNS_REAL, RUNS_REAL };
	char *cmd, *c[5], label[64], cr3[64];
	double t;
	FILE *f;
	int i;

	cmd = xasprintf(real_sh, dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "bench: cannot start the real guest's QEMU\n");
		exit(1);
	}
	free(cmd);
	/*
	 * The location found is kept per target in XDG_CACHE_HOME: the
	 * first attach searches, the next ones read that page
	 */
	c[0] = xasprintf("XDG_CACHE_HOME=%s/c0 build/ptwalk -q --qemu "
			 "unix:%s/kgdb -c ptdump >/dev/null 2>&1", dir, dir);
	c[1] = xasprintf("XDG_CACHE_HOME=%s/c1 build/ptwalk -q --qemu "
			 "unix:%s/kgdb --qemu-ram %s/kram -c ptdump >/dev/null "
			 "2>&1", dir, dir, dir);
	c[2] = xasprintf("XDG_CACHE_HOME=%s/c0 build/ptwalk -q --qemu "
			 "unix:%s/kgdb -c ptdump >/dev/null 2>&1", dir, dir);
	c[3] = xasprintf("XDG_CACHE_HOME=%s/c1 build/ptwalk -q --qemu "
			 "unix:%s/kgdb --qemu-ram %s/kram -c ptdump >/dev/null "
			 "2>&1", dir, dir, dir);
	/* init_top_pgt (SYMBOL - __START_KERNEL_map + phys_base), once */
	cmd = xasprintf("XDG_CACHE_HOME=%s/c2 build/ptwalk -q --qemu "
			"unix:%s/kgdb --qemu-ram %s/kram -c machine 2>/dev/null "
			"| sed -n 's/^cr3 *//p'", dir, dir, dir);
	f = popen(cmd, "r");
	if (f == NULL || fgets(cr3, sizeof(cr3), f) == NULL)
		snprintf(cr3, sizeof(cr3), "none");
	if (f != NULL)
		pclose(f);
	free(cmd);
	cr3[strcspn(cr3, "\n")] = 0;
	c[4] = xasprintf("build/ptwalk -q -i %s/k.core --cr3 %s -c ptdump "
			 ">/dev/null 2>&1", dir, cr3);
	for (i = 0; i < 5; i++) {
		char *n;

		t = time_n(c[i], runs[i]);
		snprintf(label, sizeof(label), "qemu ptdump 128M, %s", what[i]);
		/* CPU time: what a loaded machine's wall clock hides */
		n = xasprintf("%s; CPU %.0f ms", note[i], last_cpu * 1e3);
		bench_report(label, t * 1e3, "ms", n);
		free(n);
		free(c[i]);
	}
	cmd = xasprintf("kill $(cat %s/kpid) 2>/dev/null", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: stopping the real guest failed\n");
	free(cmd);
}

static void
run(void)
{
	char *cmd, *gdb, *ram;
	double t;

	if (system("command -v qemu-system-x86_64 >/dev/null") != 0) {
		bench_report("qemu", 0, "", "qemu-system-x86_64 is not "
			     "installed: skipped");
		return;
	}
	if (mkdtemp(dir) == NULL) {
		perror("bench: mkdtemp");
		exit(1);
	}
	cmd = xasprintf(start_sh, dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "bench: cannot start the guest\n");
		exit(1);
	}
	free(cmd);
	gdb = xasprintf("build/ptwalk -q --qemu unix:%s/gdb -c ptdump "
			">/dev/null", dir);
	ram = xasprintf("build/ptwalk -q --qemu unix:%s/gdb --qemu-ram "
			"%s/ram -c ptdump >/dev/null", dir, dir);
	t = time_runs(gdb);
	bench_report("qemu ptdump, gdbstub", t * 1e3, "ms",
		     "tiny 16 MiB guest, end to end; target < 500 ms");
	t = time_runs(ram);
	bench_report("qemu ptdump, --qemu-ram", t * 1e3, "ms",
		     "tiny 16 MiB guest, end to end; target < 100 ms");
	run_real();
	cmd = xasprintf("kill $(cat %s/pid) 2>/dev/null; rm -rf %s", dir, dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: cleaning %s failed\n", dir);
	free(cmd);
	free(gdb);
	free(ram);
}

const struct bench bench_qemu = {
	.name = "qemu",
	.what = "a live QEMU guest: ptdump over the gdbstub and the RAM file",
	.run = run,
};
