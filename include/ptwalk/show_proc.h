/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A process's memory as /proc shows it (src/ui/show_proc.c).
 */
#ifndef PTWALK_SHOW_PROC_H
#define PTWALK_SHOW_PROC_H

#include "cmd.h"
#include "mm.h"

/* One /proc/PID/maps line (show_map_vma), without the newline. */
void maps_line(const struct machine *m, const struct mm_struct *mm,
	       const struct vm_area_struct *v, struct strbuf *sb);
/* What a maps line says of a VMA, in either world. */
struct maps_row {
	u64 start, end;
	u64 flags;		/* vm_flags: VM_READ ... VM_MAYSHARE */
	u64 offset;		/* bytes into the file, 0 for anonymous */
	unsigned major, minor;	/* the file's device */
	u64 ino;
	const char *name;	/* "" for none */
};
void maps_fmt(const struct machine *m, const struct maps_row *r,
	      struct strbuf *sb);

/*
 * One line of ps, of a simulated process or of a real task in an image:
 * both worlds print it alike.
 */
struct ps_row {
	int pid, ppid;
	int cpu;		/* the CPU it runs on, -1 when none */
	bool current;		/* runs on the current CPU */
	u64 min_flt, maj_flt;
	u64 vsz_kb, rss_anon_kb, rss_file_kb, pgtables_kb;
	bool has_mm;		/* false: a kernel thread */
	u64 mm, pgd;		/* pgd: physical on a simulated machine,
				   mm->pgd (virtual) in an image */
	u64 task;		/* the task_struct (images), else 0 */
	const char *state;
	char comm[64];		/* kernel threads in brackets */
};
void show_ps(struct ctx *ctx, const struct ps_row *r, int n);

#endif
