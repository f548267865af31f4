// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The VMAs of a process, as /proc/PID/maps shows them.
 */
#include <stdlib.h>

#include "ptwalk/arg.h"
#include "ptwalk/ktask.h"
#include "ptwalk/figure.h"
#include "ptwalk/out.h"
#include "ptwalk/show_pid.h"
#include "ptwalk/show_proc.h"

static int
maps_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct vm_area_struct *v;
	struct strbuf sb;

	if (arg_task_live(ctx, args->argc > 0 ? args->argv[0] : NULL, &t))
		return -1;
	sb_init(&sb);
	j_int(ctx, "pid", t->pid);
	j_arr(ctx, "vmas");
	for (v = t->mm->mmap; v != NULL; v = v->vm_next) {
		sb_reset(&sb);
		maps_line(m, t->mm, v, &sb);
		out_printf(ctx, "%s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "start", v->vm_start);
		j_hex(ctx, "end", v->vm_end);
		j_hex(ctx, "flags", v->vm_flags);
		j_hex(ctx, "offset", v->vm_file ? v->vm_pgoff << PAGE_SHIFT : 0);
		j_str(ctx, "name", vma_name(t->mm, v));
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	sb_release(&sb);
	if (cmd_figure_wanted(ctx)) {
		struct figure *f = xmalloc(sizeof(*f));

		fig_maps(f, m, t->pid, t->mm);
		cmd_set_figure(ctx, f);
	}
	return 0;
}

/* The VMAs of a real task's mm, from its maple tree. */
static int
maps_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct ktask t;
	struct kvma *v;
	struct strbuf sb, warn;
	struct error e;
	int n, i, r = 0;

	sb_init(&warn);
	if (arg_ktask(ctx, args->argc > 0 ? args->argv[0] : NULL, &t, &warn)) {
		sb_release(&warn);
		return -1;
	}
	sb_reset(&warn);	/* the task list's troubles are ps's */
	if (t.mm == 0) {
		sb_release(&warn);
		return cmd_error(ctx, "pid %d (%s) is a kernel thread: no "
				 "address space", t.pid, t.comm);
	}
	if (kvmas_read(m, t.mm, &v, &n, &warn, &e)) {
		sb_release(&warn);
		return cmd_error(ctx, "pid %d: %s", t.pid, e.msg);
	}
	sb_init(&sb);
	j_int(ctx, "pid", t.pid);
	j_hex(ctx, "mm", t.mm);
	j_arr(ctx, "vmas");
	for (i = 0; i < n; i++) {
		struct maps_row row = {
			.start = v[i].start, .end = v[i].end,
			.flags = v[i].flags,
			.offset = v[i].file ? v[i].pgoff << PAGE_SHIFT : 0,
			.major = v[i].dev_major, .minor = v[i].dev_minor,
			.ino = v[i].ino, .name = v[i].name,
		};

		sb_reset(&sb);
		maps_fmt(m, &row, &sb);
		out_printf(ctx, "%s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "start", row.start);
		j_hex(ctx, "end", row.end);
		j_hex(ctx, "flags", row.flags);
		j_hex(ctx, "offset", row.offset);
		j_str(ctx, "name", row.name);
		j_hex(ctx, "vma", v[i].addr);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (warn.len)
		out_printf(ctx, "%s", warn.buf);
	free(v);
	sb_release(&sb);
	sb_release(&warn);
	return r;
}

const struct cmd cmd_maps = {
	.name = "maps",
	.family = FAM_PROCESS,
	.usage = "[PID]",
	.summary = "the VMAs of the current process (or PID), as /proc/PID/maps",
	.help =
	"Exactly the format of /proc/PID/maps (show_map_vma): start-end,\n"
	"rights with p (private) or s (shared), the file offset, the device\n"
	"and inode, and the name: the file, [heap] for the VMA around brk,\n"
	"[stack] for the one holding the initial stack pointer.  Files are\n"
	"named as they were given to exec and mmap (Linux prints the absolute\n"
	"path) and live on the simulated disk 08:01, inode numbers given as\n"
	"files are first opened, so that transcripts do not depend on the\n"
	"host.  No [vdso] or [vvar]: ptwalk maps no vDSO.  No [vectors] (the\n"
	"arm vector page's gate VMA; the page itself is mapped user-readable\n"
	"at 0xffff0000), no [sigpage] (arm's signal-return page) and no\n"
	"[vsyscall] (64-bit x86's legacy page at 0xffffffffff600000, --xp\n"
	"under Debian's vsyscall=xonly: neither the gate VMA nor the page is\n"
	"modelled).  With\n"
	"--svg, --png or --pdf it also draws the VMAs as a figure, each box\n"
	"patterned by its rights, with a bar for the part of it that the\n"
	"page tables map (present pages), on the simulated machine.\n"
	"\n"
	"On a memory image, the real task's VMAs (PID, or the one chosen with\n"
	"switch) from its mm's maple tree, named as the kernel names them:\n"
	"the file's path from its dentries up to the root across mounts, its\n"
	"device and inode; a special mapping's own name ([vdso], [vvar]);\n"
	"[heap] and [stack].  The lines are the guest's /proc/PID/maps.  A\n"
	"maple node outside the dump, a path that cannot be read: one line\n"
	"each after the VMAs that could be.\n"
	"\n"
	"On a live process (--pid, attach), its VMAs from /proc/PID/maps,\n"
	"in the same format.\n",
	.complete = "pid",
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_PROCFMT | CMD_FIGURE,
	.run = maps_run,
	.run_pid = pid_maps,
	.run_image = maps_image,
};
