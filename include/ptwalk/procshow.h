/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Presenting processes for the commands: the PID argument, the
 * /proc/PID/maps line, VmFlags, an access's outcome.
 */
#ifndef PTWALK_PROCSHOW_H
#define PTWALK_PROCSHOW_H

#include "cmd.h"
#include "mm.h"

/* PID (an expression) or, when arg is NULL, the task on the current CPU. */
int task_arg(struct ctx *ctx, const char *arg, struct task_struct **t);
/* The same, and the task must have an address space that is alive. */
int task_arg_live(struct ctx *ctx, const char *arg, struct task_struct **t);
/* One /proc/PID/maps line (show_map_vma), without the newline. */
void maps_line(const struct machine *m, const struct mm_struct *mm,
	       const struct vm_area_struct *v, struct strbuf *sb);
/* "rd wr mr mw me ac " (show_smap_vma_flags) */
void vm_flags_str(unsigned long flags, struct strbuf *sb);
/* "r", "w", "x" -> ACC_*; -1 when none of them */
int access_kind(const char *s);
/* PROT: "rwx", "r-x", "---", PROT_READ|PROT_WRITE or a number */
int parse_prot(struct ctx *ctx, const char *s, unsigned *prot);

/*
 * Disassemble n instructions at the expression `where` (force: a
 * dis_mode, DIS_DEFAULT to choose) and print them: dis and x/i.
 */
int dis_show(struct ctx *ctx, const char *where, long n, int force);

#endif
