// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The virtual address of a fixmap index.
 */
#include <ctype.h>
#include <strings.h>

#include "ptwalk/highmem.h"
#include "ptwalk/out.h"

static int
fix_to_virt_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const struct layout *L = &m->lay;
	struct strbuf sb;
	struct error e;
	unsigned idx;
	u64 v, va;

	/* NAME + N as an expression argument arrives with its spaces */
	for (char *r = args->argv[0], *w = args->argv[0];; r++)
		if (*r != ' ' && *r != '\t' && !(*w++ = *r))
			break;
	if (!fix_parse(m, args->argv[0], &idx)) {
		if (isalpha((unsigned char)args->argv[0][0]) &&
		    !strncasecmp(args->argv[0], "FIX_", 4))
			return cmd_error(ctx, "IDX: no fixmap index '%s' on "
					 "%s ('fixmap' lists them)",
					 args->argv[0], m->arch->name);
		if (arg_u64(ctx, args->argv[0], "IDX", &v))
			return -1;
		if (v > 0xffffffffULL)
			return cmd_error(ctx, "IDX: %llu is not a fixmap index",
					 (unsigned long long)v);
		idx = (unsigned)v;
	}
	if (fix_to_virt(m, idx, &va, &e))
		return cmd_err(ctx, &e);
	sb_init(&sb);
	fix_name(m, idx, &sb);
	if (L->fixmap_up)
		out_printf(ctx, "fix_to_virt(%u) = FIXADDR_START + %u * 4K = %s"
			   "  (%s)\n", idx, idx, fva(m, va), sb.buf);
	else
		out_printf(ctx, "fix_to_virt(%u) = FIXADDR_TOP - %u * 4K = %s"
			   "  (%s)\n", idx, idx, fva(m, va), sb.buf);
	j_int(ctx, "idx", idx);
	j_str(ctx, "name", sb.buf);
	j_hex(ctx, "va", va);
	sb_release(&sb);
	cmd_set_value(ctx, va);
	return 0;
}

const struct cmd cmd_fix_to_virt = {
	.name = "fix_to_virt",
	.family = FAM_REGIONS,
	.usage = "IDX|NAME[+N]",
	.summary = "the virtual address of a fixmap index (enum fixed_addresses)",
	.help =
	"fix_to_virt(idx) is FIXADDR_TOP - idx * 4K: the indices count down\n"
	"from the top of the address space (on the arm 3.x layout they count\n"
	"up from FIXADDR_START).  IDX is a number or a name of the arch's\n"
	"enum fixed_addresses (FIX_APIC_BASE, FIX_KMAP_BEGIN+3 ...); 'fixmap'\n"
	"lists them.  An index beyond __end_of_fixed_addresses is refused,\n"
	"as the kernel refuses it at build time.\n",
	.complete = "expr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM,
	.value = VALUE_VA,
	.run = fix_to_virt_run,
};
