// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The notes of the kernel-state readers of an image.
 */
#include "ptwalk/out.h"
#include "ptwalk/show_kstate.h"

void
show_knotes(struct ctx *ctx, const struct knotes *kn)
{
	int i;

	if (kn->n == 0)
		return;
	j_arr(ctx, "notes");
	for (i = 0; i < kn->n; i++) {
		if (!out_json(ctx))
			cmd_warn(ctx, "%s", kn->line[i]);
		j_str(ctx, NULL, kn->line[i]);
	}
	if (kn->dropped && !out_json(ctx))
		cmd_warn(ctx, "and %d more", kn->dropped);
	j_arr_end(ctx);
}
