// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Start a new process running an ELF program.
 */
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
	struct task_struct *t;
	struct error e;

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
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_exec = {
	.name = "exec",
	.family = FAM_PROCESS,
	.usage = "[--root DIR] FILE [ARG...]",
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
	"point, so 'exec FILE; dis $_ 8' shows the first instructions.\n",
	.complete = "file args",
	.opts = exec_opts,
	.min_args = 1,
	.max_args = -1,
	.flags = CMD_SIM | CMD_TRACE,
	.value = VALUE_VA,
	.run = exec_run,
};
