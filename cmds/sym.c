// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Look up a symbol by name, or the symbol at an address.
 */
#include <ctype.h>
#include <string.h>

#include "ptwalk/ksym.h"
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

/* --list: the kernel's symbols, then the running program's. */
static int
sym_list(struct ctx *ctx)
{
	struct machine *m = ctx->m;
	const struct ksym *k;
	int i;

	machine_ksyms_load(m);
	j_arr(ctx, "symbols");
	for (i = 0; i < m->nksyms; i++) {
		k = &m->ksyms[i];
		out_printf(ctx, "%s %c %s%s%s%s\n", fva(m, k->value), k->type,
			   k->name, k->module ? "\t[" : "",
			   k->module ? k->module : "", k->module ? "]" : "");
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
					   s->type == STT_FUNC ? 'U' : 'u',
					   s->name);
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

/* The program of a kernel of its own (--kernel xv6): pid and name. */
static const char *
own_kernel_prog(struct machine *m, int *pid,
		const char *(**sym_at)(struct machine *, u64, u64 *))
{
	const struct kernel_ops *ops = m->profile ? m->profile->ops : NULL;
	const char *prog = "";

	*pid = 0;
	if (sym_at != NULL)
		*sym_at = ops != NULL ? ops->user_sym_at : NULL;
	if (ops != NULL && ops->user_root != NULL)
		ops->user_root(m, pid, &prog);
	return prog;
}

/* An address of such a program: its symbol at or below it. */
static int
own_kernel_addr(struct ctx *ctx, u64 v)
{
	struct machine *m = ctx->m;
	const char *(*sym_at)(struct machine *, u64, u64 *);
	int pid;
	const char *prog = own_kernel_prog(m, &pid, &sym_at);
	const char *name;
	u64 sv;

	name = sym_at(m, v, &sv);
	if (name == NULL)
		return cmd_error(ctx, "no symbol of pid %d at or below %s",
				 pid, fva(m, v));
	if (v - sv)
		out_printf(ctx, "%s = %s+%#llx (pid %d: %s)\n", fva(m, v),
			   name, (unsigned long long)(v - sv), pid, prog);
	else
		out_printf(ctx, "%s = %s (pid %d: %s)\n", fva(m, v), name, pid,
			   prog);
	j_hex(ctx, "addr", v);
	j_str(ctx, "name", name);
	j_u64(ctx, "offset", v - sv);
	cmd_set_value(ctx, sv);
	return 0;
}

/* NAME of the running program (or a field of its mm_struct). */
static int
sym_user_name(struct ctx *ctx, const char *name, u64 v)
{
	struct machine *m = ctx->m;
	const struct elf_info *ei = NULL;
	struct task_struct *t = m->kern ? current_task(m) : NULL;

	if (t == NULL) {	/* a kernel of its own (--kernel xv6) */
		int pid;
		const char *prog = own_kernel_prog(m, &pid, NULL);

		out_printf(ctx, "%s = %s (pid %d: %s)\n", name, fva(m, v), pid,
			   prog);
		j_str(ctx, "name", name);
		j_hex(ctx, "addr", v);
		cmd_set_value(ctx, v);
		return 0;
	}
	user_sym_find(t->mm, name, &v, &ei);
	out_printf(ctx, "%s = %s (pid %d: %s)\n", name, fva(m, v), t->pid,
		   ei ? ei->name : !strcmp(name, "AT_ENTRY") ?
		   "the program's entry, from the auxiliary vector" :
		   !strcmp(name, "_start") ? "no symbol table: _start is the "
		   "program's entry (AT_ENTRY)" : "a field of its mm_struct");
	j_str(ctx, "name", name);
	j_hex(ctx, "addr", v);
	cmd_set_value(ctx, v);
	return 0;
}

/* A kernel symbol by name. */
static int
sym_kernel_name(struct ctx *ctx, const struct ksym *k)
{
	out_printf(ctx, "%s = %s (%s%s%s%s%s)\n", k->name,
		   fva(ctx->m, k->value), type_name(k->type),
		   k->size ? ", size " : "", k->size ? fsize(k->size) : "",
		   k->module ? ", module " : "", k->module ? k->module : "");
	j_str(ctx, "name", k->name);
	j_hex(ctx, "addr", k->value);
	j_str(ctx, "type", type_name(k->type));
	if (k->module != NULL)
		j_str(ctx, "module", k->module);
	cmd_set_value(ctx, k->value);
	return 0;
}

/* A user address: the running program's symbol at or below it. */
static int
sym_user_addr(struct ctx *ctx, u64 v)
{
	struct machine *m = ctx->m;
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
		out_printf(ctx, "%s = %s (pid %d: %s)\n", fva(m, v), s->name,
			   t->pid, ei->name);
	j_hex(ctx, "addr", v);
	j_str(ctx, "name", s->name);
	j_u64(ctx, "offset", v - sv);
	cmd_set_value(ctx, sv);
	return 0;
}

/* A kernel address: the symbol at or below it, +offset. */
static int
sym_kernel_addr(struct ctx *ctx, u64 v)
{
	struct machine *m = ctx->m;
	const struct ksym *k = machine_ksym_at(m, v);

	if (k == NULL && machine_ksyms_missing(m) != NULL)
		return cmd_error(ctx, "no symbol at or below %s (%s)",
				 fva(m, v), machine_ksyms_missing(m));
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

static int
sym_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *name = args->argc > 0 ? args->argv[0] : NULL;
	struct machine *m = ctx->m;
	const struct ksym *k;
	u64 v;

	if (args_has(ctx, "--list")) {
		if (args->argc > 0)
			return cmd_error(ctx, "--list takes no NAME");
		return sym_list(ctx);
	}
	if (name == NULL)
		return cmd_usage(ctx);
	k = machine_ksym(m, name);
	if (k == NULL && m->user_sym != NULL && m->user_sym(m, name, &v) == 0)
		return sym_user_name(ctx, name, v);
	if (k != NULL)
		return sym_kernel_name(ctx, k);
	/* a name that is no symbol may still be an expression: main + 5 */
	if (!isdigit((unsigned char)name[0]) && name[0] != '$' &&
	    name[0] != '(' && strpbrk(name, "+-*/%&|^~<>") == NULL)
		return machine_ksyms_missing(m) != NULL ?
			cmd_error(ctx, "no symbol '%s' (%s)",
				  name, machine_ksyms_missing(m)) :
			cmd_error(ctx, "no symbol '%s'", name);
	if (arg_u64(ctx, name, "ADDR", &v))
		return -1;
	if (m->kern != NULL && v < m->lay.task_size && current_task(m) != NULL)
		return sym_user_addr(ctx, v);
	if (m->kern == NULL && v < m->lay.task_size && m->profile != NULL &&
	    m->profile->ops != NULL && m->profile->ops->user_sym_at != NULL)
		return own_kernel_addr(ctx, v);
	return sym_kernel_addr(ctx, v);
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
	"--list prints them all.  The value is the symbol's address.\n"
	"\n"
	"On a memory image the kernel's symbols are the dump's own: every\n"
	"symbol of /proc/kallsyms with its type and address (KASLR applied),\n"
	"decoded from the kallsyms tables the VMCOREINFO of Linux 6.0 and\n"
	"later locates, on the first lookup; or those of --symbols FILE (a\n"
	"System.map or a vmlinux).  The size is the distance to the next\n"
	"symbol, as the kernel's %pS gives it.  A kernel variable that is\n"
	"also a layout constant names the variable (x/gx page_offset_base\n"
	"reads it).  When the dump has no kallsyms, an unknown name says why.\n"
	"A kallsyms of code only (no CONFIG_KALLSYMS_ALL: Debian's arm64 and\n"
	"686 kernels) lacks the data symbols; four of them are then found\n"
	"from the kernel's structures with its BTF and checked against them\n"
	"when first named: init_task (the task swapper/0 of the kernel image,\n"
	"pid 0, its tasks list sound), init_mm (the kernel image's mm_struct\n"
	"whose pgd is VMCOREINFO's swapper_pg_dir, with its 2 users),\n"
	"slab_caches (the head of the ring of kmem_cache.list, entered from a\n"
	"task_struct's cache) and __per_cpu_offset (the array that makes\n"
	"every busy cache's cpu_slab a kmem_cache_cpu whose slab is of that\n"
	"cache).  They are shown as data (D), without a size for\n"
	"__per_cpu_offset.\n",
	.complete = "addr",
	.opts = sym_opts,
	.min_args = 0,
	.max_args = 1,
	.value = VALUE_VA,
	.run = sym_run,
};
