// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Find page-table roots in physical memory (src/image/roots.c): the
 * candidates of a scan, best first, with what each maps.
 */
#include "ptwalk/out.h"
#include "ptwalk/roots.h"

static void
show_cand(struct ctx *ctx, const struct root_cand *c)
{
	struct machine *m = ctx->m;
	char notes[96];

	snprintf(notes, sizeof(notes), "%s%s%s%s",
		 c->ktext ? " kernel" : c->kmapped ? " _stext" :
		 c->kcode_pages ? " code" : "",
		 m->swapper_pg_dir == c->pa && m->swapper_pg_dir ?
		 " swapper" : "", c->current ? " cpu" : "",
		 c->bad ? " bad" : "");
	out_printf(ctx, "  %s %5d %4u %7s %6llu %7s %7s %s\n", fpa(m, c->pa),
		   c->score, c->entries, fsize(c->pages * PAGE_SIZE),
		   (unsigned long long)c->ranges,
		   c->kernel_pages ? fsize(c->kernel_pages * PAGE_SIZE) : "-",
		   c->user_pages ? fsize(c->user_pages * PAGE_SIZE) : "-",
		   notes[0] ? notes + 1 : "");
	j_obj(ctx, NULL);
	j_hex(ctx, "pa", c->pa);
	j_int(ctx, "score", c->score);
	j_int(ctx, "entries", (int)c->entries);
	j_u64(ctx, "pages", c->pages);
	j_u64(ctx, "ranges", c->ranges);
	j_u64(ctx, "kernel_pages", c->kernel_pages);
	j_u64(ctx, "user_pages", c->user_pages);
	j_u64(ctx, "kernel_code_pages", c->kcode_pages);
	j_bool(ctx, "maps_kernel", c->ktext);
	j_bool(ctx, "maps_stext", c->kmapped);
	j_bool(ctx, "loaded", c->current);
	j_u64(ctx, "malformed", c->bad);
	j_obj_end(ctx);
}

static int
roots_run(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct arch *a = m->arch;
	struct roots_scan rs = { .max = 20 };
	const char *n = args_get(ctx, "-n");
	const char *rn;
	struct error e;
	long v;
	int i;

	if (n != NULL) {
		if (arg_int(ctx, n, "-n", 0, 1000000, &v))
			return -1;
		rs.max = (int)v;
	}
	if (args_has(ctx, "--all"))
		rs.max = 0;
	if (a->root_name[1] != NULL && !args_has(ctx, "--user"))
		rs.which = 1;
	rn = a->root_name[rs.which];
	error_clear(&e);
	if (roots_scan(m, &rs, &e))
		return cmd_err(ctx, &e);
	cmd_set_value(ctx, rs.n ? rs.c[0].pa : 0);
	j_str(ctx, "register", rn);
	j_u64(ctx, "blocks", rs.tables);
	j_str(ctx, "kernel_check", rs.kcheck);
	j_arr(ctx, "roots");
	if (rs.n == 0) {
		j_arr_end(ctx);
		roots_free(&rs);
		return cmd_error(ctx, "none of the %llu blocks of %s "
				 "of RAM is a plausible %s page table (%s): "
				 "no root to offer", (unsigned long long)rs.tables,
				 fsize(m->phys.total), a->name, rn);
	}
	out_printf(ctx, "%s roots (%s): %d best of %llu blocks in %s of RAM\n",
		   a->name, rn, rs.n, (unsigned long long)rs.tables,
		   fsize(m->phys.total));
	out_printf(ctx, "kernel check: %s\n", rs.kcheck);
	out_printf(ctx, "  %-*s score  ent  mapped ranges  kernel    user "
		   "notes\n", (int)strlen(fpa(m, 0)), rn);
	for (i = 0; i < rs.n; i++)
		show_cand(ctx, &rs.c[i]);
	j_arr_end(ctx);
	roots_free(&rs);
	return 0;
}

static const struct cmd_opt roots_opts[] = {
	{ "-n", "N", NULL, "list the N best (default 20)" },
	{ "--all", NULL, NULL, "list every candidate" },
	{ "--user", NULL, NULL, "with two root registers (arm64): the "
	  "user-space root (TTBR0), not the kernel's" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_roots = {
	.name = "roots",
	.family = FAM_IMAGE,
	.usage = "[-n N] [--all] [--user]",
	.summary = "find page-table roots in memory by scanning it",
	.help =
	"Scans every block of physical memory that could hold a top-level\n"
	"page table of the machine's paging mode (4K pages; 32 bytes on\n"
	"i386-pae; 16K on arm) and lists the plausible ones, best first, as\n"
	"Volatility's DTB scan does: every non-zero entry must decode to a\n"
	"table inside RAM or a leaf, the arch's own checks must pass (x86:\n"
	"the user half's entries allow user access, a PAE pgd has its four\n"
	"pmds; arm: the table pointers come in the pairs pmd_populate writes;\n"
	"riscv: pointers carry no A, D or U), and the tables below must be\n"
	"well-formed.  Each candidate is walked whole: the memory it maps,\n"
	"the runs of contiguous addresses, how much lies in the kernel's and\n"
	"in the user's half.  When the image's kernel is known (VMCOREINFO,\n"
	"kallsyms) a candidate that translates init_uts_ns to the utsname\n"
	"\"Linux\" and the release scores highest (note: kernel); one\n"
	"that maps only _stext scores less.  Without them the score rests on\n"
	"structure alone, and a table that maps more ranks higher; one that\n"
	"maps kernel code (read-only executable pages in the kernel's half)\n"
	"higher, which an identity map or a copy of the linear map does not;\n"
	"the kernel's own table (kernel pages and no user pages) a little\n"
	"higher.\n"
	"Columns: the score, the table's non-empty entries (ent), the memory\n"
	"mapped, its runs of contiguous addresses, the kernel's and the\n"
	"user's half.  Notes: kernel (maps the image's kernel), _stext (maps\n"
	"_stext only), code (maps kernel code, no symbols to say more), swapper (the machine's swapper_pg_dir), cpu (a CPU\n"
	"holds it now), bad (malformed entries below, which cost score).\n"
	"\n"
	"--cr3 auto (--ttbr0 auto, --ttbr1 auto) when opening an image uses\n"
	"the best candidate and `machine` says so.  When no block is\n"
	"plausible, roots says so and offers none; --cr3 auto then fails.\n"
	"The scan only reads memory; Ctrl-C stops it.  The value ($_) is the\n"
	"best candidate.  It runs on a simulated machine too.\n",
	.complete = "none",
	.opts = roots_opts,
	.min_args = 0,
	.max_args = 0,
	.value = VALUE_PA,
	.run = roots_run,
};
