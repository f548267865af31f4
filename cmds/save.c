// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Save the machine as an ELF core or a kdump-compressed dump that --image
 * opens again.
 */
#include <string.h>

#include "ptwalk/image.h"
#include "ptwalk/out.h"

static const char *const compress_names[] = {
	[SAVE_NONE] = "none", [SAVE_ZLIB] = "zlib", [SAVE_LZO] = "lzo",
	[SAVE_SNAPPY] = "snappy", [SAVE_ZSTD] = "zstd",
};

/* --format, --compress and --dump-level into o */
static int
save_opts(struct ctx *ctx, struct save_opts *o)
{
	const char *f = args_get(ctx, "--format"), *c = args_get(ctx,
								"--compress");
	long level = 0;
	int i;

	o->format = SAVE_ELF;
	o->compress = SAVE_ZLIB;
	o->dump_level = 0;
	if (f != NULL && !strcmp(f, "kdump"))
		o->format = SAVE_KDUMP;
	else if (f != NULL && !strcmp(f, "lime"))
		o->format = SAVE_LIME;
	else if (f != NULL && strcmp(f, "elf"))
		return cmd_error(ctx, "--format: '%s' is not a format save "
				 "writes: elf, kdump or lime", f);
	if (o->format != SAVE_KDUMP && (c != NULL ||
					args_has(ctx, "--dump-level")))
		return cmd_error(ctx, "%s: %s is not compressed or filtered: "
				 "add --format kdump", c ? "--compress" :
				 "--dump-level", o->format == SAVE_LIME ?
				 "a LiME image" : "an ELF core");
	if (c != NULL) {
		for (i = 0; i <= SAVE_ZSTD; i++)
			if (!strcmp(c, compress_names[i]))
				break;
		if (i > SAVE_ZSTD)
			return cmd_error(ctx, "--compress: '%s' is none of zlib, "
					 "lzo, snappy, zstd, none", c);
		o->compress = (enum save_compress)i;
	}
	if (args_has(ctx, "--dump-level") &&
	    arg_int(ctx, args_get(ctx, "--dump-level"), "--dump-level", 0, 31,
		    &level))
		return -1;
	if (level & ~1L)
		return cmd_error(ctx, "--dump-level %ld: save leaves out zero "
				 "pages (1) only; page cache, user and free "
				 "pages (2, 4, 8, 16) need the kernel's page "
				 "flags, which makedumpfile reads", level);
	o->dump_level = (int)level;
	return 0;
}

static int
save_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct save_opts o;
	struct error e;

	if (save_opts(ctx, &o))
		return -1;
	error_clear(&e);
	if (ctx->m->live != NULL)
		return cmd_error(ctx, "a live guest (--qemu) cannot be saved "
				 "yet: its pages are read on demand; use QEMU's "
				 "dump-guest-memory");
	if (image_save_as(ctx->m, args->argv[0], &o, &e))
		return cmd_err(ctx, &e);
	out_printf(ctx, "saved %s (%s, %d CPU%s) to %s", ctx->m->image ?
		   "the image" : "the machine", ctx->m->arch->name,
		   ctx->m->ncpus, ctx->m->ncpus == 1 ? "" : "s", args->argv[0]);
	if (o.format == SAVE_KDUMP)
		out_printf(ctx, " as a kdump-compressed dump (%s, dump level "
			   "%d)", compress_names[o.compress], o.dump_level);
	else if (o.format == SAVE_LIME)
		out_printf(ctx, " as a LiME image (it names no arch or root: "
			   "open it with --arch %s and the root, or 'auto')",
			   ctx->m->arch->name);
	out_printf(ctx, "\n");
	j_str(ctx, "file", args->argv[0]);
	j_str(ctx, "format", o.format == SAVE_KDUMP ? "kdump" :
	      o.format == SAVE_LIME ? "lime" : "elf");
	if (o.format == SAVE_KDUMP) {
		j_str(ctx, "compress", compress_names[o.compress]);
		j_int(ctx, "dump_level", o.dump_level);
	}
	return 0;
}

static const struct cmd_opt save_cmd_opts[] = {
	{ "--format", "elf|kdump|lime", "words:elf,kdump,lime", "the file's "
	  "format (default elf)" },
	{ "--compress", "ALGO", "words:zlib,lzo,snappy,zstd,none",
	  "kdump: compress each page with zlib (default), lzo, snappy or "
	  "zstd, or not" },
	{ "--dump-level", "N", "word", "kdump: 1 leaves out zero pages "
	  "(default 0)" },
	{ NULL, NULL, NULL, NULL },
};

const struct cmd cmd_save = {
	.name = "save",
	.family = FAM_IMAGE,
	.usage = "FILE",
	.summary = "write the machine as an ELF core, a kdump-compressed dump "
		   "or a LiME image",
	.help =
	"Writes the machine's physical memory and CPU state to FILE as an\n"
	"ELF core in the layout of QEMU's dump-guest-memory: a PT_NOTE with\n"
	"an NT_PRSTATUS note and QEMU's CPU-state note (CR0, CR2, CR3, CR4)\n"
	"for every CPU, a VMCOREINFO note (the kernel's page table, phys_base,\n"
	"and the layout as NUMBER(PAGE_OFFSET), NUMBER(VMALLOC_START)...) and\n"
	"a note with the CPU features; then one PT_LOAD per run of frames\n"
	"that hold data, and zero-filled PT_LOADs (p_filesz 0) for the rest\n"
	"of RAM, so a 4G machine with little in use saves to a small file.\n"
	"With --format kdump it writes a kdump-compressed dump instead (the\n"
	"\"KDUMP   \" format of makedumpfile -c/-l/-p/-z, header version 6):\n"
	"the same notes after the sub-header, a bitmap of memory and one of\n"
	"the pages written, then a descriptor and the data of each page,\n"
	"compressed by --compress (zlib by default; a page that does not\n"
	"shrink is stored as it is; zero pages share one copy).\n"
	"--dump-level 1 leaves zero pages out, as makedumpfile -d 1 does;\n"
	"the other dump levels (page cache, user and free pages) need the\n"
	"kernel's page flags and are refused.  Pages an image cannot give\n"
	"(excluded from a filtered dump, unreadable) stay out of the dump.\n"
	"With --format lime it writes a LiME image (lime-forensics' format,\n"
	"version 1): each RAM range as a 32-byte header and all its bytes,\n"
	"frames without data left as holes of the file (sparse on disk).\n"
	"LiME carries no arch, CPU state or VMCOREINFO: open it with --arch\n"
	"ARCH and --cr3 PADDR or --cr3 auto (the arch's root options).\n"
	"'ptwalk --image FILE' opens an ELF core or a kdump with the same\n"
	"arch, roots, direct map and regions, and every walk gives the same\n"
	"answer.  On an image,\n"
	"save writes it with the changes made by 'write'; it refuses to\n"
	"write over the image being read.\n",
	.complete = "file",
	.opts = save_cmd_opts,
	.min_args = 1,
	.max_args = 1,
	.run = save_run,
};
