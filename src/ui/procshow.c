// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Presenting processes for the commands.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/procshow.h"

int
task_arg(struct ctx *ctx, const char *arg, struct task_struct **t)
{
	struct machine *m = ctx->m;
	long pid;

	if (arg == NULL) {
		*t = current_task(m);
		if (*t == NULL)
			return cmd_error(ctx, "no process runs on cpu%d (give a "
					 "PID, or exec a program)", m->cur);
		return 0;
	}
	if (arg_int(ctx, arg, "PID", 1, 32767, &pid))
		return -1;
	*t = find_task(m, (int)pid);
	if (*t == NULL)
		return cmd_error(ctx, "no process with pid %ld (see ps)", pid);
	return 0;
}

int
task_arg_live(struct ctx *ctx, const char *arg, struct task_struct **t)
{
	if (task_arg(ctx, arg, t))
		return -1;
	if ((*t)->mm == NULL)
		return cmd_error(ctx, "pid %d has no address space", (*t)->pid);
	return 0;
}

void
maps_line(const struct machine *m, const struct mm_struct *mm,
	  const struct vm_area_struct *v, struct strbuf *sb)
{
	const char *name = vma_name(mm, v);
	u64 dev = v->vm_file ? v->vm_file->dev : 0;
	u64 ino = v->vm_file ? v->vm_file->ino : 0;
	u64 pgoff = v->vm_file ? v->vm_pgoff : 0;
	size_t start = sb->len, width = 25 + (m->arch->is64 ? 8 : 4) * 6 - 1;

	sb_addf(sb, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
		(unsigned long long)v->vm_start, (unsigned long long)v->vm_end,
		(v->vm_flags & VM_READ) ? 'r' : '-',
		(v->vm_flags & VM_WRITE) ? 'w' : '-',
		(v->vm_flags & VM_EXEC) ? 'x' : '-',
		(v->vm_flags & VM_MAYSHARE) ? 's' : 'p',
		(unsigned long long)(pgoff << PAGE_SHIFT),
		(unsigned)(dev >> 8), (unsigned)(dev & 0xff),
		(unsigned long long)ino);
	if (name[0]) {
		while (sb->len - start < width)
			sb_addc(sb, ' ');
		sb_addc(sb, ' ');
		sb_adds(sb, name);
	}
}

void
vm_flags_str(unsigned long flags, struct strbuf *sb)
{
	static const struct {
		unsigned long bit;
		const char *mn;
	} names[] = {
		{ VM_READ, "rd" }, { VM_WRITE, "wr" }, { VM_EXEC, "ex" },
		{ VM_SHARED, "sh" }, { VM_MAYREAD, "mr" },
		{ VM_MAYWRITE, "mw" }, { VM_MAYEXEC, "me" },
		{ VM_MAYSHARE, "ms" }, { VM_GROWSDOWN, "gd" },
		{ VM_PFNMAP, "pf" }, { VM_LOCKED, "lo" }, { VM_IO, "io" },
		{ VM_DONTCOPY, "dc" }, { VM_DONTEXPAND, "de" },
		{ VM_ACCOUNT, "ac" }, { VM_NORESERVE, "nr" },
		{ VM_SOFTDIRTY, "sd" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & names[i].bit)
			sb_addf(sb, "%s ", names[i].mn);
}

int
access_kind(const char *s)
{
	if (!strcmp(s, "r") || !strcmp(s, "read"))
		return ACC_READ;
	if (!strcmp(s, "w") || !strcmp(s, "write"))
		return ACC_WRITE;
	if (!strcmp(s, "x") || !strcmp(s, "exec") || !strcmp(s, "fetch"))
		return ACC_EXEC;
	return -1;
}

int
parse_prot(struct ctx *ctx, const char *s, unsigned *prot)
{
	static const struct {
		const char *name;
		unsigned v;
	} names[] = {
		{ "PROT_NONE", PROT_NONE }, { "PROT_READ", PROT_READ },
		{ "PROT_WRITE", PROT_WRITE }, { "PROT_EXEC", PROT_EXEC },
		{ "none", PROT_NONE }, { "read", PROT_READ },
		{ "write", PROT_WRITE }, { "exec", PROT_EXEC },
	};
	size_t i, n = strlen(s);
	u64 v;

	/* "rwx" letters ("rw", "r-x"; '-' for a missing right) */
	if (n >= 1 && n <= 3 && strspn(s, "rwx-") == n) {
		unsigned p = 0;

		for (i = 0; i < n; i++)
			if (s[i] == 'r')
				p |= PROT_READ;
			else if (s[i] == 'w')
				p |= PROT_WRITE;
			else if (s[i] == 'x')
				p |= PROT_EXEC;
		*prot = p;
		return 0;
	}
	if (strchr(s, '|') != NULL || strncmp(s, "PROT_", 5) == 0 ||
	    !strcmp(s, "none") || !strcmp(s, "read") || !strcmp(s, "write") ||
	    !strcmp(s, "exec")) {
		char *copy = xstrdup(s), *save = NULL, *w;
		unsigned p = 0;

		for (w = strtok_r(copy, "| ", &save); w;
		     w = strtok_r(NULL, "| ", &save)) {
			for (i = 0; i < ARRAY_SIZE(names); i++)
				if (!strcmp(w, names[i].name))
					break;
			if (i == ARRAY_SIZE(names)) {
				cmd_error(ctx, "PROT: unknown '%s' (give rwx "
					  "letters like rw or rx, none, or "
					  "PROT_READ|PROT_WRITE|PROT_EXEC)", w);
				free(copy);
				return -1;
			}
			p |= names[i].v;
		}
		free(copy);
		*prot = p;
		return 0;
	}
	if (isalpha((unsigned char)s[0]) && strspn(s, "abcdefghijklmnopqrstuvwxyz"
						    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_")
	    == n)
		return cmd_error(ctx, "PROT: '%s' is not rwx letters (r, rw, rx, "
				 "rwx), none, or PROT_READ|PROT_WRITE|"
				 "PROT_EXEC", s);
	if (arg_u64(ctx, s, "PROT", &v))
		return -1;
	if (v & ~7ULL)
		return cmd_error(ctx, "PROT: %#llx has bits other than "
				 "PROT_READ|PROT_WRITE|PROT_EXEC (7)",
				 (unsigned long long)v);
	*prot = (unsigned)v;
	return 0;
}
