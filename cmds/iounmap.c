// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Undo an ioremap.
 */
#include "ptwalk/ioremap.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"
#include "ptwalk/whatis.h"

static int
iounmap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct vm_struct *vm;
	struct error e;
	u64 addr, size, phys;

	if (arg_va(ctx, args->argv[0], "ADDR", &addr))
		return -1;
	vm = find_vm_area(m, addr & PAGE_MASK);
	if (vm == NULL || vm->kind != VMK_IOREMAP) {
		struct strbuf sb;
		int r;

		sb_init(&sb);
		if (kaddr_owner(m, addr, &sb) > 0)
			r = cmd_error(ctx, "bad address %s: it is %s",
				      fva(m, addr), sb.buf);
		else
			r = cmd_error(ctx, "bad address %s: no "
				      "ioremap area starts there",
				      fva(m, addr));
		sb_release(&sb);
		return r;
	}
	size = get_vm_area_size(vm);
	phys = vm->phys_addr;
	if (iounmap(m, addr, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "iounmap(%s): %s-%s (phys %s) unmapped; the vmap_area "
		   "waits for the lazy purge\n", fva(m, addr),
		   fva(m, addr & PAGE_MASK), fva(m, (addr & PAGE_MASK) + size - 1),
		   fpa(m, phys));
	j_hex(ctx, "va", addr);
	j_hex(ctx, "pa", phys);
	j_u64(ctx, "size", size);
	show_trace(ctx);
	return 0;
}

const struct cmd cmd_iounmap = {
	.name = "iounmap",
	.family = FAM_REGIONS,
	.usage = "ADDR",
	.summary = "undo an ioremap (ADDR: what ioremap returned)",
	.help =
	"Finds the VM_IOREMAP area of ADDR (its first page; the sub-page\n"
	"offset ioremap added is allowed), clears its entries and puts the\n"
	"vmap_area on the lazy purge list, as vfree does (no pages are freed:\n"
	"the memory belongs to the device).  Any other address is refused\n"
	"and the message says what owns it.\n",
	.complete = "addr",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.run = iounmap_run,
};
