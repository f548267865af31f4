// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory use per VMA, as /proc/PID/smaps shows it.
 */
#include <stdlib.h>

#include "ptwalk/arg.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktask.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/out.h"
#include "ptwalk/show_pid.h"
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
		{ 0x200, "um" }, { VM_PFNMAP, "pf" }, { 0x1000, "uw" },
		{ VM_LOCKED, "lo" }, { VM_IO, "io" }, { 0x8000, "sr" },
		{ 0x10000, "rr" }, { VM_DONTCOPY, "dc" },
		{ VM_DONTEXPAND, "de" }, { VM_ACCOUNT, "ac" },
		{ VM_NORESERVE, "nr" }, { 0x400000, "ht" },
		{ 0x800000, "sf" }, { 0x1000000, "ar" }, { 0x2000000, "wf" },
		{ 0x4000000, "dd" }, { VM_SOFTDIRTY, "sd" },
		{ 0x10000000, "mm" }, { 0x20000000, "hg" },
		{ 0x40000000, "nh" }, { 0x80000000UL, "mg" },
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

/*
 * A real task's VMAs with what its page tables say of each: the lines of
 * smaps that need no struct page.
 */
static void
smaps_image_vma(struct ctx *ctx, u64 root, u64 zero, const struct kvma *v,
		struct strbuf *sb)
{
	struct machine *m = ctx->m;
	struct kvma_rss r;
	struct maps_row row = {
		.start = v->start, .end = v->end, .flags = v->flags,
		.offset = v->file ? v->pgoff << PAGE_SHIFT : 0,
		.major = v->dev_major, .minor = v->dev_minor,
		.ino = v->ino, .name = v->name,
	};

	kvma_rss(m, root, v->start, v->end, zero, &r);
	sb_reset(sb);
	maps_fmt(m, &row, sb);
	out_printf(ctx, "%s\n", sb->buf);
	kb(ctx, "Size:", v->end - v->start);
	kb(ctx, "KernelPageSize:", PAGE_SIZE);
	kb(ctx, "MMUPageSize:", PAGE_SIZE);
	kb(ctx, "Rss:", r.resident);
	sb_reset(sb);
	vm_flags_str((unsigned long)v->flags, sb);
	out_printf(ctx, "VmFlags: %s\n", sb->buf);
	j_obj(ctx, NULL);
	j_hex(ctx, "start", v->start);
	j_hex(ctx, "end", v->end);
	j_str(ctx, "name", v->name);
	j_u64(ctx, "size", v->end - v->start);
	j_u64(ctx, "rss", r.resident);
	j_str(ctx, "vmflags", sb->buf);
	j_obj_end(ctx);
}

static int
smaps_image(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const char *addr = args_get(ctx, "--addr");
	struct strbuf sb, warn;
	struct kvma *v = NULL;
	struct ktask t;
	struct error e;
	const struct ksym *z = machine_ksym(m, "empty_zero_page");
	u64 root, only = 0, zero = 0;
	int n = 0, i, shown = 0, r = 0;

	sb_init(&warn);
	sb_init(&sb);
	if ((addr != NULL && arg_u64(ctx, addr, "--addr", &only)) ||
	    arg_ktask(ctx, args->argc > 0 ? args->argv[0] : NULL, &t,
		      &warn)) {
		r = -1;
		goto out;
	}
	sb_reset(&warn);
	if (t.mm == 0) {
		r = cmd_error(ctx, "pid %d (%s) is a kernel thread: no address "
			      "space", t.pid, t.comm);
		goto out;
	}
	if (kva_pa(m, t.pgd, &root, &e) ||
	    kvmas_read(m, t.mm, &v, &n, &warn, &e)) {
		r = cmd_error(ctx, "pid %d: %s", t.pid, e.msg);
		goto out;
	}
	/* the shared zero page is no process's memory */
	if (z == NULL || kva_pa(m, z->value, &zero, &e))
		zero = 0;
	j_int(ctx, "pid", t.pid);
	j_arr(ctx, "vmas");
	for (i = 0; i < n; i++) {
		if (addr != NULL && (only < v[i].start || only >= v[i].end))
			continue;
		smaps_image_vma(ctx, root, zero, &v[i], &sb);
		shown++;
	}
	j_arr_end(ctx);
	if (warn.len)
		out_printf(ctx, "%s", warn.buf);
	if (addr != NULL && shown == 0)
		r = cmd_error(ctx, "no VMA of pid %d contains %s", t.pid,
			      fva(m, only));
out:
	free(v);
	sb_release(&sb);
	sb_release(&warn);
	return r;
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
	"are not simulated and read 0.\n"
	"\n"
	"On a memory image, a real task's VMAs (PID, or the one chosen with\n"
	"switch) with the lines its page tables and VMAs give exactly: Size,\n"
	"KernelPageSize, MMUPageSize, Rss (the bytes its present PTEs and huge\n"
	"leaves map, the shared zero page left out when the kernel's symbols\n"
	"name it) and VmFlags.  Pss, the clean/dirty split, Referenced and\n"
	"Anonymous need each page's struct page and are left out.\n"
	"\n"
	"On a live process (--pid, attach), the kernel's own\n"
	"/proc/PID/smaps of every VMA (or the one holding VADDR): every\n"
	"figure is the kernel's (Rss, Pss, Swap, AnonHugePages, Locked ...).\n",
	.complete = "pid",
	.opts = smaps_opts,
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_PROCFMT,
	.run = smaps_run,
	.run_pid = pid_smaps,
	.run_image = smaps_image,
};
