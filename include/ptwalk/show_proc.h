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

#endif
