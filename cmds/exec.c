// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Start a new process running an ELF program.
 */
#include <string.h>

#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"

static int
exec_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct exec_args a = {
		.path = args->argv[0], .argc = args->argc, .argv = args->argv,
		.root = args_get(ctx, "--root"),
	};
	const char *layout = args_get(ctx, "--layout");
	struct task_struct *t;
	struct error e;

	if (layout != NULL && strcmp(layout, "linux")) {
		if (strcmp(layout, "valgrind"))
			return cmd_error(ctx, "--layout: '%s' is not linux or "
					 "valgrind", layout);
		a.layout = m->arch->mm->valgrind_layout;
		if (a.layout == NULL)
			return cmd_error(ctx, "--layout valgrind: where "
					 "valgrind places programs on %s is "
					 "not known",
					 m->arch->name);
	}
	error_clear(&e);
	if (do_execve(m, &a, &t, &e) ||
	    switch_to(m, machine_cpu(m), t, &e)) {
		show_trace(ctx);
		return cmd_err(ctx, &e);
	}
	show_trace(ctx);
	out_printf(ctx, "pid %d (%s) runs on cpu%d: entry %s", t->pid, t->comm,
		   m->cur, fva(m, t->entry));
	if (t->mm->img[1].file != NULL) {
		u64 at;

		user_sym_find(t->mm, "AT_ENTRY", &at, NULL);
		out_printf(ctx, " in %s (the program's AT_ENTRY is %s)",
			   t->mm->img[1].file->path, fva(m, at));
	}
	out_printf(ctx, ", sp %s\n", fva(m, t->sp));
	j_int(ctx, "pid", t->pid);
	j_str(ctx, "comm", t->comm);
	j_hex(ctx, "entry", t->entry);
	j_hex(ctx, "sp", t->sp);
	cmd_set_value(ctx, t->entry);
	return 0;
}

static const struct cmd_opt exec_opts[] = {
	{ "--root", "DIR", "file", "look the interpreter (PT_INTERP) up "
	  "under DIR, as in a chroot" },
	{ "--layout", "HOW", "words:linux,valgrind", "linux (the default), "
	  "or valgrind: the program placed as valgrind runs it, to replay "
	  "its lackey traces" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_exec = {
	.name = "exec",
	.family = FAM_PROCESS,
	.usage = "[--root DIR] [--layout linux|valgrind] FILE [ARG...]",
	.summary = "start a new process running the ELF program FILE",
	.help =
	"Creates a process (a new pid, a new mm with its own pgd whose kernel\n"
	"half is copied from swapper_pg_dir) and loads FILE as Linux 6.1's\n"
	"load_elf_binary does, with address-space randomisation off: the\n"
	"stack VMA (VM_GROWSDOWN, the argument pages + 128K) at STACK_TOP\n"
	"with argv, envp (HOME=/ TERM=linux) and the auxiliary vector, one\n"
	"private file VMA per PT_LOAD, the bss (the tail of the last file\n"
	"page zeroed by padzero, anonymous pages after it), brk just after\n"
	"the bss, and the interpreter (PT_INTERP) when present.  A PIE with an\n"
	"interpreter is placed at ELF_ET_DYN_BASE, one without (a static\n"
	"PIE) below mmap_base like an mmap.  Nothing is read from the file:\n"
	"the only pages present afterwards are the stack pages exec wrote\n"
	"and the page padzero touched.  The process then runs on the current\n"
	"CPU (its pgd is loaded, see switch).  The trace shows every step.\n"
	"ELF32 and ELF64 for the machine's arch only: the error for another\n"
	"machine's program names the --arch that runs it, if one does.\n"
	"Where Linux fails the exec because the interpreter is missing,\n"
	"ptwalk says why and loads the program alone.  No vDSO is mapped.\n"
	"The ARGs after FILE are the program's, as written ('-l' and '--'\n"
	"included): exec /bin/ls -l /tmp.  The value ($_) is the entry\n"
	"point, so 'exec FILE; dis $_ 8' shows the first instructions.\n"
	"--layout valgrind places the program as valgrind (3.19, amd64)\n"
	"does when it runs it, so that a lackey trace of that run replays\n"
	"at its own addresses (see trace): a PIE at 0x108000, the\n"
	"interpreter at 0x4000000, the stack below 0x1fff001000.  What is\n"
	"approximated: the stack's contents (valgrind's auxv and strings\n"
	"differ, so the first stack addresses may differ by a few bytes),\n"
	"mmaps, which stay where Linux puts them, and valgrind's own\n"
	"mappings, which are absent.  No ASLR either way: compare a native\n"
	"trace with a run under 'setarch -R'.\n",
	.complete = "file args",
	.opts = exec_opts,
	.min_args = 1,
	.max_args = -1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_VA,
	.run = exec_run,
};
