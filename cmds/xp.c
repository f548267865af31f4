// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Examine physical memory.
 */
#include <stdlib.h>

#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

#define XP_MAX	(1ULL << 20)

static int
xp_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct xfmt f;
	struct error e;
	u64 pa, len;
	u8 *buf;

	if (arg_xfmt(ctx, args->fmt, &f))
		return -1;
	if (arg_u64(ctx, args->argv[0], "PADDR", &pa))
		return -1;
	if (arg_xlen(ctx, &f, args->argc > 1 ? args->argv[1] : NULL, XP_MAX,
		     &len))
		return -1;
	if (pa + len < pa)
		return cmd_error(ctx, "PADDR + LEN wraps around");
	if (!phys_is_ram(&m->phys, pa)) {
		char why[160];

		phys_describe_hole(&m->phys, pa, why, sizeof(why));
		return cmd_error(ctx, "physical address %s is %s", fpa(m, pa),
				 why);
	}
	buf = xmalloc(len);
	if (phys_read(&m->phys, pa, buf, len, &e)) {
		/* print what there is up to the hole, then fail */
		u64 ok = phys_readable(&m->phys, pa, len);

		if (ok > 0 && f.fmt != 's') {
			struct xfmt g = f;

			if (g.items)
				g.count = ok / g.unit;
			if (!g.items || g.count)
				show_dump(ctx, pa, buf, g.items ? g.count * g.unit
					  : ok, &g, false);
		}
		free(buf);
		return cmd_err(ctx, &e);
	}
	show_dump(ctx, pa, buf, len, &f, false);
	free(buf);
	return 0;
}

const struct cmd cmd_xp = {
	.name = "xp",
	.family = FAM_MEMORY,
	.usage = "[/FMT] PADDR [LEN]",
	.summary = "examine physical memory at PADDR",
	.help =
	"Like x, but PADDR is a physical address: no translation, no TLB.\n"
	"An address outside RAM (or in a hole of an image) is refused and\n"
	"the message says where physical memory ends or which hole it is.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 2,
	.flags = CMD_FMT,
	.value = VALUE_NUMBER,
	.run = xp_run,
};
