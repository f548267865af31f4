// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Save the machine as an ELF core that --image opens again.
 */
#include "ptwalk/image.h"
#include "ptwalk/out.h"

static int
save_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct error e;

	error_clear(&e);
	if (ctx->m->live != NULL)
		return cmd_error(ctx, "a live guest (--qemu) cannot be saved "
				 "yet: its pages are read on demand; use QEMU's "
				 "dump-guest-memory");
	if (image_save(ctx->m, args->argv[0], &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "saved %s (%s, %d CPU%s) to %s\n",
		   ctx->m->image ? "the image" : "the machine",
		   ctx->m->arch->name, ctx->m->ncpus,
		   ctx->m->ncpus == 1 ? "" : "s", args->argv[0]);
	j_str(ctx, "file", args->argv[0]);
	return 0;
}

const struct cmd cmd_save = {
	.name = "save",
	.family = FAM_IMAGE,
	.usage = "FILE",
	.summary = "write the machine as an ELF core (QEMU's layout) for --image",
	.help =
	"Writes the machine's physical memory and CPU state to FILE as an\n"
	"ELF core in the layout of QEMU's dump-guest-memory: a PT_NOTE with\n"
	"an NT_PRSTATUS note and QEMU's CPU-state note (CR0, CR2, CR3, CR4)\n"
	"for every CPU, a VMCOREINFO note (the kernel's page table, phys_base,\n"
	"and the layout as NUMBER(PAGE_OFFSET), NUMBER(VMALLOC_START)...) and\n"
	"a note with the CPU features; then one PT_LOAD per run of frames\n"
	"that hold data, and zero-filled PT_LOADs (p_filesz 0) for the rest\n"
	"of RAM, so a 4G machine with little in use saves to a small file.\n"
	"'ptwalk --image FILE' opens it with the same arch, roots, direct map\n"
	"and regions, and every walk gives the same answer.  On an image,\n"
	"save writes it with the changes made by 'write'; it refuses to\n"
	"write over the image being read.\n",
	.complete = "file",
	.min_args = 1,
	.max_args = 1,
	.run = save_run,
};
