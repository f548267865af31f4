// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * dis: instructions decoded per second from the demo program's code read
 * through the MMU, by Capstone (x86-64, A64) and by LLVM (RISC-V), and
 * what the first RISC-V listing pays to load libLLVM (a start of ptwalk
 * does not: the library is loaded then, not linked).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "ptwalk/boot.h"
#include "ptwalk/disasm.h"
#include "ptwalk/mm.h"

#define NINSN	200
#define ROUNDS	2000

static struct machine *
boot_demo(const char *arch, u64 *main_va)
{
	struct machine_opts o;
	struct machine *m;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.arch = arch;
	o.mem = 256 * MiB;
	m = machine_new(&o, &e);
	if (m == NULL || current_task(m) == NULL ||
	    user_sym_find(current_task(m)->mm, "main", main_va, NULL)) {
		fprintf(stderr, "bench: boot %s with its demo: %s\n", arch,
			m ? "no main" : e.msg);
		exit(1);
	}
	return m;
}

static int
decode(struct machine *m, u64 va, struct dis_insn *ins)
{
	struct error e;
	int k = dis_decode(m, machine_cpu(m), va, DIS_DEFAULT, ins, NINSN, &e);

	if (k <= 0) {
		fprintf(stderr, "bench: dis %#llx: %s\n",
			(unsigned long long)va, k < 0 ? e.msg : "nothing");
		exit(1);
	}
	return k;
}

static void
dis_arch(const char *arch, const char *label, bool first)
{
	struct dis_insn *ins = xcalloc(NINSN, sizeof(*ins));
	struct machine *m;
	double t0, t;
	u64 va, n = 0;
	int i;

	m = boot_demo(arch, &va);
	t0 = bench_now();
	decode(m, va, ins);
	t = bench_now() - t0;
	if (first)
		bench_report("dis riscv64: first listing", t * 1e3, "ms",
			     "dlopen libLLVM-14.so.1, target, context");
	t0 = bench_now();
	for (i = 0; i < ROUNDS; i++)
		n += (u64)decode(m, va, ins);
	t = bench_now() - t0;
	bench_report(label, (double)n / t, "insns/s",
		     "200 at main a listing, read through the MMU");
	machine_free(m);
	free(ins);
}

static void
dis_run(void)
{
	dis_arch("riscv64", "dis riscv64 (LLVM)", true);
	dis_arch("x86_64", "dis x86_64 (Capstone)", false);
	dis_arch("arm64", "dis arm64 (Capstone)", false);
}

const struct bench bench_dis = {
	.name = "dis",
	.what = "disassembly: Capstone and LLVM, and loading libLLVM",
	.run = dis_run,
};
