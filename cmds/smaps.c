// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory use per VMA, as /proc/PID/smaps shows it.
 */
#include "ptwalk/arg.h"
#include "ptwalk/out.h"
#include "ptwalk/show_proc.h"

static void
kb(struct ctx *ctx, const char *label, u64 bytes)
{
	out_printf(ctx, "%-16s%8llu kB\n", label,
		   (unsigned long long)(bytes >> 10));
}

/* "rd wr mr mw me ac " (show_smap_vma_flags) */
static void
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

static int
smaps_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	struct task_struct *t;
	struct vm_area_struct *v;
	struct strbuf sb;
	u64 only = 0;
	bool one = false;

	if (arg_task_live(ctx, args->argc > 0 ? args->argv[0] : NULL, &t))
		return -1;
	if (args_get(ctx, "--addr") != NULL) {
		if (arg_u64(ctx, args_get(ctx, "--addr"), "--addr", &only))
			return -1;
		one = true;
		v = find_vma(t->mm, only);
		if (v == NULL || v->vm_start > only)
			return cmd_error(ctx, "no VMA of pid %d contains %s",
					 t->pid, fva(m, only));
	}
	sb_init(&sb);
	j_int(ctx, "pid", t->pid);
	j_arr(ctx, "vmas");
	for (v = t->mm->mmap; v != NULL; v = v->vm_next) {
		struct mem_size_stats s;

		if (one && (only < v->vm_start || only >= v->vm_end))
			continue;
		smaps_vma(m, v, &s);
		sb_reset(&sb);
		maps_line(m, t->mm, v, &sb);
		out_printf(ctx, "%s\n", sb.buf);
		kb(ctx, "Size:", v->vm_end - v->vm_start);
		kb(ctx, "KernelPageSize:", PAGE_SIZE);
		kb(ctx, "MMUPageSize:", PAGE_SIZE);
		kb(ctx, "Rss:", s.resident);
		kb(ctx, "Pss:", s.pss);
		kb(ctx, "Pss_Dirty:", s.pss_dirty);
		kb(ctx, "Shared_Clean:", s.shared_clean);
		kb(ctx, "Shared_Dirty:", s.shared_dirty);
		kb(ctx, "Private_Clean:", s.private_clean);
		kb(ctx, "Private_Dirty:", s.private_dirty);
		kb(ctx, "Referenced:", s.referenced);
		kb(ctx, "Anonymous:", s.anonymous);
		kb(ctx, "LazyFree:", 0);
		kb(ctx, "AnonHugePages:", 0);
		kb(ctx, "ShmemPmdMapped:", 0);
		kb(ctx, "FilePmdMapped:", 0);
		kb(ctx, "Shared_Hugetlb:", 0);
		out_printf(ctx, "Private_Hugetlb: %7u kB\n", 0);
		kb(ctx, "Swap:", 0);
		kb(ctx, "SwapPss:", 0);
		kb(ctx, "Locked:", 0);
		out_printf(ctx, "THPeligible:    0\n");
		sb_reset(&sb);
		vm_flags_str(v->vm_flags, &sb);
		out_printf(ctx, "VmFlags: %s\n", sb.buf);
		j_obj(ctx, NULL);
		j_hex(ctx, "start", v->vm_start);
		j_hex(ctx, "end", v->vm_end);
		j_str(ctx, "name", vma_name(t->mm, v));
		j_u64(ctx, "size", v->vm_end - v->vm_start);
		j_u64(ctx, "rss", s.resident);
		j_u64(ctx, "pss", s.pss);
		j_u64(ctx, "shared_clean", s.shared_clean);
		j_u64(ctx, "shared_dirty", s.shared_dirty);
		j_u64(ctx, "private_clean", s.private_clean);
		j_u64(ctx, "private_dirty", s.private_dirty);
		j_u64(ctx, "referenced", s.referenced);
		j_u64(ctx, "anonymous", s.anonymous);
		j_str(ctx, "vmflags", sb.buf);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	sb_release(&sb);
	return 0;
}

static const struct cmd_opt smaps_opts[] = {
	{ "--addr", "VADDR", "addr", "only the VMA containing VADDR" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_smaps = {
	.name = "smaps",
	.family = FAM_PROCESS,
	.usage = "[--addr VADDR] [PID]",
	.summary = "memory use of each VMA, as /proc/PID/smaps",
	.help =
	"The format of Linux 6.1's /proc/PID/smaps for every VMA (or the one\n"
	"containing VADDR): Size; Rss, the pages mapped (the shared zero page\n"
	"is not counted); Pss, each page divided by the number of mappings;\n"
	"Shared/Private Clean/Dirty by mapcount and dirty state; Referenced\n"
	"(accessed bit); Anonymous; and VmFlags, the vm_flags mnemonics (rd\n"
	"wr ex sh mr mw me ms gd ac ...).  Huge pages, swap, KSM and locking\n"
	"are not simulated and read 0.\n",
	.complete = "pid",
	.opts = smaps_opts,
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = smaps_run,
};
