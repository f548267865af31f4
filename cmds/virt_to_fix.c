// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The fixmap index of a virtual address.
 */
#include "ptwalk/highmem.h"
#include "ptwalk/out.h"

static int
virt_to_fix_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct strbuf sb;
	struct error e;
	unsigned idx;
	u64 va;

	if (arg_va(ctx, args->argv[0], "ADDR", &va))
		return -1;
	if (virt_to_fix(m, va, &idx, &e))
		return cmd_err(ctx, &e);
	sb_init(&sb);
	fix_name(m, idx, &sb);
	out_printf(ctx, "virt_to_fix(%s) = %u  (%s)\n", fva(m, va), idx, sb.buf);
	j_hex(ctx, "va", va);
	j_int(ctx, "idx", idx);
	j_str(ctx, "name", sb.buf);
	sb_release(&sb);
	cmd_set_value(ctx, idx);
	return 0;
}

const struct cmd cmd_virt_to_fix = {
	.name = "virt_to_fix",
	.family = FAM_REGIONS,
	.usage = "ADDR",
	.summary = "the fixmap index (and its name) of an address in the fixmap",
	.help =
	"virt_to_fix(addr) is (FIXADDR_TOP - (addr & PAGE_MASK)) >> 12 (on\n"
	"the arm 3.x layout (addr - FIXADDR_START) >> 12), with the name of\n"
	"the enum fixed_addresses entry it falls in.  The value ($_) is the\n"
	"index.  An address outside the fixmap is refused.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_NUMBER,
	.run = virt_to_fix_run,
};
