// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Examine memory at a virtual address, read through the MMU.
 */
#include <stdlib.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"

#define X_MAX	(1ULL << 20)

static int
x_run(struct ctx *ctx, int argc, char **argv)
{
	struct machine *m = ctx->m;
	struct xfmt f;
	struct error e;
	u64 va, len;
	u8 *buf;

	if (xfmt_parse(ctx, ctx->cmdfmt, &f))
		return -1;
	if (arg_va(ctx, argv[1], "VADDR", &va))
		return -1;
	if (f.items && argc > 2)
		return cmd_error(ctx, "give either /FMT or LEN, not both");
	if (argc > 2) {
		if (arg_u64(ctx, argv[2], "LEN", &len))
			return -1;
	} else {
		len = f.items ? (f.fmt == 's' ? 256 * f.count : f.count * f.unit)
			: 64;
	}
	if (len == 0 || len > X_MAX)
		return cmd_error(ctx, "LEN: %llu bytes (give 1 to %llu)",
				 (unsigned long long)len,
				 (unsigned long long)X_MAX);
	buf = xmalloc(len);
	if (f.fmt == 's') {
		/* strings: read page by page until the count is met */
		u64 got = 0, strs = 0;

		while (got < len && strs < f.count) {
			u64 n = MIN(len - got, PAGE_SIZE -
				    ((va + got) & (PAGE_SIZE - 1)));
			u64 i;

			if (machine_read_virt(m, machine_cpu(m), va + got,
					      buf + got, n, &e)) {
				if (got == 0) {
					free(buf);
					return cmd_err(ctx, &e);
				}
				break;
			}
			for (i = got; i < got + n; i++)
				if (buf[i] == 0)
					strs++;
			got += n;
		}
		len = got;
	} else if (machine_read_virt(m, machine_cpu(m), va, buf, len, &e)) {
		free(buf);
		return cmd_err(ctx, &e);
	}
	show_dump(ctx, va, buf, len, &f, true);
	free(buf);
	return 0;
}

const struct cmd cmd_x = {
	.name = "x",
	.aliases = "rd",
	.family = FAM_MEMORY,
	.usage = "[/FMT] VADDR [LEN]",
	.summary = "examine memory at VADDR, read through the MMU",
	.help =
	"Reads memory as the CPU would: every page is translated on the\n"
	"current CPU (through its TLB), accessed bits are set, and a page\n"
	"that is not mapped faults.  Without /FMT it prints a hexdump of LEN\n"
	"bytes (default 64) with the characters beside.  With /FMT it works\n"
	"like gdb's x: x/NFU prints N items of unit U (b 1, h 2, w 4, g 8\n"
	"bytes) in format F: x hex, d signed, u unsigned, o octal, t binary,\n"
	"c character, a address with the nearest symbol, s string.  Then $_\n"
	"is the last item.  'rd' is the crash(8) name.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 2,
	.run = x_run,
};
