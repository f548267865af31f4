// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Map anonymous memory or a file into the running process.
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static const struct {
	const char *name, *alt;
	unsigned v;
} map_flags[] = {
	{ "MAP_SHARED", "shared", MAP_SHARED },
	{ "MAP_PRIVATE", "private", MAP_PRIVATE },
	{ "MAP_FIXED", "fixed", MAP_FIXED },
	{ "MAP_ANONYMOUS", "anonymous", MAP_ANONYMOUS },
	{ "MAP_ANON", "anon", MAP_ANONYMOUS },
	{ "MAP_GROWSDOWN", "growsdown", MAP_GROWSDOWN },
	{ "MAP_NORESERVE", "noreserve", MAP_NORESERVE },
	{ "MAP_FIXED_NOREPLACE", "noreplace", MAP_FIXED_NOREPLACE },
};

static int
parse_flags(struct ctx *ctx, const char *s, unsigned *out)
{
	char *copy = xstrdup(s), *save = NULL, *w;
	unsigned f = 0;
	size_t i;

	for (w = strtok_r(copy, "|,", &save); w; w = strtok_r(NULL, "|,", &save)) {
		for (i = 0; i < ARRAY_SIZE(map_flags); i++)
			if (!strcmp(w, map_flags[i].name) ||
			    !strcmp(w, map_flags[i].alt))
				break;
		if (i == ARRAY_SIZE(map_flags)) {
			cmd_error(ctx, "FLAGS: unknown '%s' (give private or "
				  "shared, with anonymous, fixed, noreplace, "
				  "growsdown, noreserve; or MAP_* names), "
				  "joined by | or ,", w);
			free(copy);
			return -1;
		}
		f |= map_flags[i].v;
	}
	free(copy);
	*out = f;
	return 0;
}

static int
mmap_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct file *file = NULL;
	struct error e;
	unsigned prot, flags;
	u64 addr, len, off = 0, got;
	int r;

	if (arg_task_live(ctx, NULL, &t))
		return -1;
	if (arg_u64(ctx, args->argv[0], "ADDR", &addr) ||
	    arg_u64(ctx, args->argv[1], "LEN", &len) ||
	    arg_prot(ctx, args->argv[2], &prot) ||
	    parse_flags(ctx, args->argv[3], &flags))
		return -1;
	if (args->argc == 5)
		return cmd_error(ctx, "a file mapping needs FILE and OFF");
	if (args->argc == 6) {
		if (flags & MAP_ANONYMOUS)
			return cmd_error(ctx, "MAP_ANONYMOUS takes no FILE");
		if (arg_u64(ctx, args->argv[5], "OFF", &off))
			return -1;
		if (off & (PAGE_SIZE - 1))
			return cmd_error(ctx, "OFF %#llx is not a multiple of "
					 "the page size (EINVAL)",
					 (unsigned long long)off);
		if (file_open(m, args->argv[4], &file, &e))
			return cmd_err(ctx, &e);
	} else if (!(flags & MAP_ANONYMOUS)) {
		return cmd_error(ctx, "without FILE the mapping must be "
				 "anonymous (add 'anonymous' to FLAGS)");
	}
	r = do_mmap(m, t->mm, file, addr, len, prot, flags, off >> PAGE_SHIFT,
		    &got, &e);
	if (file != NULL)
		fput(m, file);
	show_trace(ctx);
	if (r)
		return cmd_err(ctx, &e);
	out_printf(ctx, "pid %d: mapped %s-%s\n", t->pid, fva(m, got),
		   fva(m, got + ALIGN_UP(len, PAGE_SIZE)));
	j_hex(ctx, "addr", got);
	j_u64(ctx, "len", ALIGN_UP(len, PAGE_SIZE));
	cmd_set_value(ctx, got);
	return 0;
}

const struct cmd cmd_mmap = {
	.name = "mmap",
	.family = FAM_PROCESS,
	.usage = "ADDR LEN PROT FLAGS [FILE OFF]",
	.summary = "map memory into the running process (the mmap system call)",
	.help =
	"do_mmap as Linux does it.  ADDR 0 lets the kernel choose: top-down\n"
	"from mmap_base, the highest gap that fits (a free ADDR is taken as a\n"
	"hint); 'fixed' maps exactly at ADDR, replacing what was there;\n"
	"'noreplace' fails instead.  PROT: rwx letters (r, rw, rx, rwx) or\n"
	"none, or PROT_READ|PROT_WRITE|PROT_EXEC.  FLAGS: private or shared, with\n"
	"anonymous, fixed, noreplace, growsdown, noreserve (or MAP_* names)\n"
	"joined by | or ','.  FILE OFF map a host file from offset OFF (a\n"
	"multiple of 4K): its pages come from the page cache on demand; a\n"
	"shared writable mapping writes the page cache, never the host file.\n"
	"A new VMA merges with a neighbour that has the same flags, file and\n"
	"contiguous offset.  Shared anonymous memory (shmem) is not\n"
	"simulated.  The value ($_) is the address.\n",
	.complete = "addr expr words:r,rw,rx,rwx,none "
		"words:private|anonymous,shared,private,fixed file expr",
	.min_args = 4,
	.max_args = 6,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_VA,
	.run = mmap_run,
};
