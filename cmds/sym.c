// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Look up a symbol by name, or the symbol at an address.
 */
#include <ctype.h>
#include <string.h>

#include "ptwalk/mm.h"
#include "ptwalk/out.h"

static const char *
type_name(char t)
{
	switch (t) {
	case 'T': return "text";
	case 'D': return "data";
	case 'R': return "read-only data";
	case 'B': return "bss";
	case 'A': return "constant";
	case 't': return "text (local)";
	case 'd': return "data (local)";
	case 'r': return "read-only data (local)";
	case 'b': return "bss (local)";
	case 'U': return "user text";
	case 'u': return "user data";
	default: return "symbol";
	}
}

static int
sym_run(struct ctx *ctx, int argc, char **argv)
{
	struct machine *m = ctx->m;
	const struct ksym *k;
	u64 v;
	int i;

	if (args_has(ctx, "--list")) {
		if (argc > 1)
			return cmd_error(ctx, "--list takes no NAME");
		j_arr(ctx, "symbols");
		for (i = 0; i < m->nksyms; i++) {
			k = &m->ksyms[i];
			out_printf(ctx, "%s %c %s%s%s%s\n", fva(m, k->value),
				   k->type, k->name, k->module ? "\t[" : "",
				   k->module ? k->module : "",
				   k->module ? "]" : "");
			j_obj(ctx, NULL);
			j_str(ctx, "name", k->name);
			j_hex(ctx, "value", k->value);
			if (k->module != NULL)
				j_str(ctx, "module", k->module);
			j_obj_end(ctx);
		}
		j_arr_end(ctx);
		if (m->kern != NULL && current_task(m) != NULL) {
			struct mm_struct *mm = current_task(m)->mm;

			j_arr(ctx, "user");
			for (i = 0; i < 2; i++) {
				struct file *f = mm->img[i].file;
				int j;

				if (f == NULL || f->elf == NULL)
					continue;
				for (j = 0; j < f->elf->nsym; j++) {
					const struct elf_sym *s = &f->elf->sym[j];
					u64 a = s->value + mm->img[i].bias;

					out_printf(ctx, "%s %c %s\n", fva(m, a),
						   s->type == STT_FUNC ?
						   'U' : 'u', s->name);
					j_obj(ctx, NULL);
					j_str(ctx, "name", s->name);
					j_hex(ctx, "value", a);
					j_str(ctx, "file", f->path);
					j_obj_end(ctx);
				}
			}
			j_arr_end(ctx);
		}
		return 0;
	}
	if (argc < 2)
		return cmd_usage(ctx);
	k = machine_ksym(m, argv[1]);
	if (k == NULL && m->user_sym != NULL && m->user_sym(m, argv[1], &v) == 0) {
		const struct elf_info *ei = NULL;
		struct task_struct *t = current_task(m);

		user_sym_find(t->mm, argv[1], &v, &ei);
		out_printf(ctx, "%s = %s (pid %d: %s)\n", argv[1], fva(m, v),
			   t->pid, ei ? ei->name : !strcmp(argv[1], "AT_ENTRY") ?
			   "the program's entry, from the auxiliary vector" :
			   !strcmp(argv[1], "_start") ? "no symbol table: "
			   "_start is the program's entry (AT_ENTRY)" :
			   "a field of its mm_struct");
		j_str(ctx, "name", argv[1]);
		j_hex(ctx, "addr", v);
		cmd_set_value(ctx, v);
		return 0;
	}
	if (k != NULL) {
		out_printf(ctx, "%s = %s (%s%s%s%s%s)\n", k->name,
			   fva(m, k->value), type_name(k->type),
			   k->size ? ", size " : "",
			   k->size ? fsize(k->size) : "",
			   k->module ? ", module " : "",
			   k->module ? k->module : "");
		j_str(ctx, "name", k->name);
		j_hex(ctx, "addr", k->value);
		j_str(ctx, "type", type_name(k->type));
		if (k->module != NULL)
			j_str(ctx, "module", k->module);
		cmd_set_value(ctx, k->value);
		return 0;
	}
	/* a name that is no symbol may still be an expression: main + 5 */
	if (!isdigit((unsigned char)argv[1][0]) && argv[1][0] != '$' &&
	    argv[1][0] != '(' && strpbrk(argv[1], "+-*/%&|^~<>") == NULL)
		return cmd_error(ctx, "no symbol '%s'", argv[1]);
	if (arg_u64(ctx, argv[1], "ADDR", &v))
		return -1;
	if (m->kern != NULL && v < m->lay.task_size && current_task(m) != NULL) {
		struct task_struct *t = current_task(m);
		const struct elf_info *ei;
		const struct elf_sym *s;
		u64 sv;

		s = user_sym_at(t->mm, v, &sv, &ei);
		if (s == NULL)
			return cmd_error(ctx, "no symbol of pid %d at or below %s",
					 t->pid, fva(m, v));
		if (v - sv)
			out_printf(ctx, "%s = %s+%#llx (pid %d: %s)\n", fva(m, v),
				   s->name, (unsigned long long)(v - sv), t->pid,
				   ei->name);
		else
			out_printf(ctx, "%s = %s (pid %d: %s)\n", fva(m, v),
				   s->name, t->pid, ei->name);
		j_hex(ctx, "addr", v);
		j_str(ctx, "name", s->name);
		j_u64(ctx, "offset", v - sv);
		cmd_set_value(ctx, sv);
		return 0;
	}
	k = machine_ksym_at(m, v);
	if (k == NULL)
		return cmd_error(ctx, "no symbol at or below %s", fva(m, v));
	if (v - k->value)
		out_printf(ctx, "%s = %s+%#llx%s%s%s\n", fva(m, v), k->name,
			   (unsigned long long)(v - k->value),
			   k->module ? " [" : "", k->module ? k->module : "",
			   k->module ? "]" : "");
	else
		out_printf(ctx, "%s = %s%s%s%s\n", fva(m, v), k->name,
			   k->module ? " [" : "", k->module ? k->module : "",
			   k->module ? "]" : "");
	j_hex(ctx, "addr", v);
	j_str(ctx, "name", k->name);
	if (k->module != NULL)
		j_str(ctx, "module", k->module);
	j_u64(ctx, "offset", v - k->value);
	cmd_set_value(ctx, k->value);
	return 0;
}

static const struct cmd_opt sym_opts[] = {
	{ "--list", NULL, NULL, "list every symbol" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_sym = {
	.name = "sym",
	.family = FAM_MEMORY,
	.usage = "NAME | ADDR | --list",
	.summary = "symbol lookup: name to address, address to name+offset",
	.help =
	"Kernel symbols of the simulated kernel image (_text, _etext,\n"
	"swapper_pg_dir, empty_zero_page ...), the layout constants\n"
	"(PAGE_OFFSET, VMALLOC_START, high_memory ...) and, when a process\n"
	"runs, the symbols of its ELF (.symtab/.dynsym).  Every symbol also\n"
	"works in expressions: 'walk swapper_pg_dir', 'x high_memory - 16'.\n"
	"--list prints them all.  The value is the symbol's address.\n",
	.complete = "addr",
	.opts = sym_opts,
	.min_args = 0,
	.max_args = 1,
	.run = sym_run,
};
