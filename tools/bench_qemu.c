// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live QEMU guest: `ptwalk --qemu ... -c ptdump` end to end (attach,
 * registers, every page-table page read, the dump printed, detach), over
 * the gdbstub and through the RAM file.  The guest is the tiny x86_64 one
 * of the tests (tests/live/guest.S, 16 MiB of RAM, 6 page-table pages):
 * the figure is the cost per attach and per page read, not a Linux
 * guest's.  Needs qemu-system-x86_64, as and ld; says so and stops
 * without them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define RUNS	20

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

static double
time_runs(const char *cmd)
{
	double t0 = bench_now();
	int i;

	for (i = 0; i < RUNS; i++)
		if (system(cmd) != 0) {
			fprintf(stderr, "bench: '%s' failed\n", cmd);
			return -1;
		}
	return (bench_now() - t0) / RUNS;
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
