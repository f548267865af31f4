// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Disassemble code read through the MMU.
 */
#include "ptwalk/disasm.h"
#include "ptwalk/show.h"

static int
dis_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	long n = 10;
	int force = DIS_DEFAULT;

	if (args->argc > 1 && arg_int(ctx, args->argv[1], "N", 1, 1000, &n))
		return -1;
	if (args_has(ctx, "--thumb") && args_has(ctx, "--arm"))
		return cmd_error(ctx, "give --arm or --thumb, not both");
	if (args_has(ctx, "--thumb"))
		force = DIS_THUMB;
	else if (args_has(ctx, "--arm"))
		force = DIS_ARM;
	return show_dis(ctx, args->argv[0], n, force);
}

static const struct cmd_opt dis_opts[] = {
	{ "--arm", NULL, NULL, "arm: decode A32 instructions" },
	{ "--thumb", NULL, NULL, "arm: decode Thumb-2 (T32) instructions" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_dis = {
	.name = "dis",
	.family = FAM_MEMORY,
	.usage = "[--arm|--thumb] ADDR|SYMBOL [N]",
	.summary = "disassemble N instructions (default 10) at ADDR",
	.help =
	"Capstone in the machine's instruction set: x86 32-bit on i386,\n"
	"x86-64, A64 on arm64; on arm A32 or Thumb-2 as the program's mapping\n"
	"symbols ($a, $t) or the function symbol's low bit say (an odd ADDR\n"
	"means Thumb; --arm and --thumb force one).  RISC-V (RV64GC, RV32GC\n"
	"with compressed instructions) is LLVM's disassembler, loaded on the\n"
	"first listing (Debian libllvm14): branch targets as addresses, the\n"
	"address an auipc or lui pair forms after '#', bytes that are not an\n"
	"instruction as .2byte or .4byte lines, as objdump prints them.  The code is read as x\n"
	"reads it, as a debugger does: through the current CPU's page tables,\n"
	"page by page as far as the instructions go, with no fetch, no fault\n"
	"and no change to the machine; a page not faulted in yet is read\n"
	"from where its first fetch would bring it (a trace line says so) and\n"
	"stays unmapped; 'touch ADDR x' fetches as the CPU does.  Each line\n"
	"has the address, the symbol+offset, the bytes (when the listing\n"
	"fits the width) and the instruction; call and jump targets are\n"
	"named.  Symbols come from the kernel and\n"
	"from the running process's ELF (.symtab, .dynsym): 'dis main+16'.\n"
	"Intel syntax on x86.  The value ($_) is the address after the last\n"
	"instruction, so 'dis $_' continues.\n",
	.complete = "addr expr",
	.opts = dis_opts,
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_TRACE,
	.value = VALUE_VA,
	.run = dis_run,
};
