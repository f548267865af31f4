// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Open a memory image in place of the current machine.
 */
#include "ptwalk/image.h"
#include "ptwalk/out.h"

/* --cr3 PADDR, or auto: the best root a scan finds (roots). */
static int
root_opt(struct ctx *ctx, const char *v, const char *name,
	 struct image_opts *o, int r)
{
	if (v == NULL)
		return 0;
	if (!strcmp(v, "auto")) {
		o->root_auto[r] = true;
		return 0;
	}
	if (arg_u64(ctx, v, name, &o->root[r]))
		return -1;
	o->have_root[r] = true;
	return 0;
}

static int
image_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct image_opts o = { 0 };
	const char *arch = args_get(ctx, "--arch");
	const char *cr3 = args_get(ctx, "--cr3");
	const char *t0 = args_get(ctx, "--ttbr0");
	const char *t1 = args_get(ctx, "--ttbr1");
	const char *base = args_get(ctx, "--phys-base");
	struct machine *m;
	struct error e;
	int i;

	o.path = args->argv[0];
	o.arch = arch;
	o.symbols = args_get(ctx, "--symbols");
	if (root_opt(ctx, cr3, "--cr3", &o, 0) ||
	    root_opt(ctx, t0, "--ttbr0", &o, 0) ||
	    root_opt(ctx, t1, "--ttbr1", &o, 1))
		return -1;
	if (base != NULL && arg_u64(ctx, base, "--phys-base", &o.phys_base))
		return -1;
	error_clear(&e);
	m = image_open(&o, &e);
	if (m == NULL)
		return cmd_err(ctx, &e);
	for (i = 0; i < m->img->nwarn; i++)
		cmd_warn(ctx, "%s", m->img->warn[i]);
	machine_free(ctx->m);
	ctx->m = m;
	out_printf(ctx, "%s: %s, %s, %s of memory in %d range%s, %d CPU%s\n",
		   m->image_path, m->img->kind, m->arch->name,
		   fsize(m->phys.total), m->phys.nr, m->phys.nr == 1 ? "" : "s",
		   m->ncpus, m->ncpus == 1 ? "" : "s");
	j_str(ctx, "image", m->image_path);
	j_str(ctx, "format", m->img->kind);
	j_str(ctx, "arch", m->arch->name);
	j_u64(ctx, "memory", m->phys.total);
	j_int(ctx, "cpus", m->ncpus);
	return 0;
}

static const struct cmd_opt image_opts[] = {
	{ "--arch", "ARCH", "arch", "the architecture (required for a raw "
	  "dump; must match an ELF core)" },
	{ "--cr3", "PADDR", "word", "x86, riscv: the page-table root of "
	  "every CPU; auto: the best a scan finds (roots)" },
	{ "--ttbr0", "PADDR", "word", "arm, arm64: the TTBR0 of every "
	  "CPU, or auto" },
	{ "--ttbr1", "PADDR", "word", "arm64: the TTBR1 of every CPU, or "
	  "auto" },
	{ "--phys-base", "PADDR", NULL, "raw dump: physical address of the "
	  "first byte (default 0)" },
	{ "--symbols", "FILE", "file", "the kernel's symbols from a System.map "
	  "or a vmlinux, not the dump's kallsyms" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_image = {
	.name = "image",
	.family = FAM_IMAGE,
	.usage = "[--arch ARCH] [--cr3|--ttbr0|--ttbr1 PADDR] [--phys-base "
		"PADDR] [--symbols FILE] FILE",
	.summary = "open a memory image (QEMU dump, kdump vmcore, raw) instead",
	.help =
	"Replaces the current machine (simulated or not) with the memory\n"
	"image FILE, as --image does on the command line: a QEMU\n"
	"dump-guest-memory ELF core, a kdump vmcore (any ELF core whose\n"
	"PT_LOAD headers carry physical addresses) or a raw dump of physical\n"
	"memory.  The arch and the page-table root of every CPU come from\n"
	"the file when it says (QEMU's CPU notes: CR0, CR3, CR4; the\n"
	"VMCOREINFO: swapper_pg_dir / init_top_pgt, phys_base, KERNELOFFSET);\n"
	"otherwise give --arch and the root (--cr3 on x86, --ttbr0 and\n"
	"--ttbr1 on arm and arm64).  The file is mapped privately and\n"
	"never written: 'write' changes a private copy, lost at exit unless\n"
	"saved with 'save'.  Warnings (a truncated core, overlapping ranges)\n"
	"are printed; the value history stays.\n"
	"\n"
	"The kernel's symbols (sym, symbol expressions such as init_task,\n"
	"every <symbol+offset>) come from the dump itself: Linux 6.0 and\n"
	"later name their kallsyms tables in the VMCOREINFO, and ptwalk\n"
	"decodes them on the first lookup, KASLR applied.  --symbols FILE\n"
	"takes them from a System.map or a vmlinux instead (a dump without\n"
	"VMCOREINFO, such as QEMU's of a 32-bit arm guest, has no other way;\n"
	"its swapper_pg_dir then gives the page tables): the file is\n"
	"relocated by KERNELOFFSET and refused when it is another kernel's\n"
	"(its symbols against the VMCOREINFO's SYMBOL() lines, its build ID\n"
	"against BUILD-ID, its release against OSRELEASE, the dump's memory\n"
	"at its linux_banner).\n",
	.complete = "file",
	.opts = image_opts,
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_NOMACHINE,
	.run = image_run,
};
