// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Write a value to memory, through the MMU or physically.
 */
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_pid.h"

static int
write_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	bool phys = args_has(ctx, "--phys");
	struct xfmt f;
	struct error e;
	u64 addr, v, pa = 0;
	u8 buf[8];

	if (arg_xfmt(ctx, args->fmt, &f))
		return -1;
	if (f.items && (f.count != 1 || f.fmt != 'x'))
		return cmd_error(ctx, "/%s: give only a unit: b, h, w or g",
				 args->fmt);
	if (arg_u64(ctx, args->argv[0], phys ? "PADDR" : "VADDR", &addr) ||
	    arg_u64(ctx, args->argv[1], "VALUE", &v))
		return -1;
	if (f.unit < 8 && (v >> (f.unit * 8)))
		return cmd_error(ctx, "VALUE 0x%llx does not fit in %s "
				 "(use /b /h /w /g)", (unsigned long long)v,
				 plural(f.unit, "byte", NULL));
	memcpy(buf, &v, sizeof(buf));	/* little-endian host and targets */
	if (phys) {
		if (!phys_is_ram(&m->phys, addr)) {
			char why[160];

			phys_describe_hole(&m->phys, addr, why, sizeof(why));
			return cmd_error(ctx, "physical address %s is %s",
					 fpa(m, addr), why);
		}
		if (phys_write(&m->phys, addr, buf, f.unit, &e))
			return cmd_err(ctx, &e);
		pa = addr;
	} else {
		if (machine_check_va(m, addr, &e))
			return cmd_error(ctx, "VADDR: %s", e.msg);
		if (machine_access(m, machine_cpu(m), addr, ACC_WRITE, &pa, &e)) {
			show_trace(ctx);
			return cmd_err(ctx, &e);
		}
		show_trace(ctx);
		if (machine_write_virt(m, machine_cpu(m), addr, buf, f.unit, &e))
			return cmd_err(ctx, &e);
	}
	out_printf(ctx, "wrote 0x%0*llx (%s) at %s%s%s\n",
		   (int)f.unit * 2, (unsigned long long)v,
		   plural(f.unit, "byte", NULL), phys ? fpa(m, addr) : fva(m, addr),
		   phys ? "" : " = physical ", phys ? "" : fpa(m, pa));
	j_hex(ctx, phys ? "pa" : "va", addr);
	j_hex(ctx, "pa", pa);
	j_hex(ctx, "written", v);
	j_int(ctx, "size", f.unit);
	return 0;
}

static const struct cmd_opt write_opts[] = {
	{ "--phys", NULL, NULL, "the address is physical: no translation" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_write = {
	.name = "write",
	.family = FAM_MEMORY,
	.usage = "[/b|/h|/w|/g] [--phys] ADDR VALUE",
	.summary = "store VALUE at ADDR through the MMU (or physically)",
	.help =
	"Stores VALUE, 1, 2, 4 or 8 bytes (/b /h /w /g; default the word size\n"
	"of the arch), little-endian.  The address is translated as a CPU\n"
	"write: through the TLB, setting accessed and dirty bits, faulting\n"
	"where the mapping is missing or read-only (a user address goes to\n"
	"the kernel's fault handler).  On arm the MMU has no accessed or\n"
	"dirty bits: Linux emulates young and dirty by faults on the\n"
	"hardware PTE it keeps absent or read-only.  With --phys ADDR is\n"
	"physical.\n"
	"Writing a page-table entry this way changes the tables without any\n"
	"TLB flush, as a store by the kernel would: translations the TLB\n"
	"already holds stay stale until 'tlb flush'.  On a memory image the\n"
	"write lands in a private copy, never in the file.\n"
	"\n"
	"On a live process, write stores through /proc/PID/mem and only\n"
	"after --pid PID --writable (or attach --writable PID): it changes\n"
	"the running program.  No --phys there.\n",
	.complete = "addr",
	.opts = write_opts,
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_FMT | CMD_TRACE,
	.run = write_run,
	.run_pid = pid_write,
};
