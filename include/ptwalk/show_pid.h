/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The commands on a live process (struct cmd .run_pid): what /proc shows
 * of it, printed in the kernel's formats (src/ui/show_pid.c: pagemap's
 * view of pages and frames; src/ui/show_pid_proc.c: maps, smaps, memory).
 */
#ifndef PTWALK_SHOW_PID_H
#define PTWALK_SHOW_PID_H

#include "cmd.h"

int pid_translate(struct ctx *ctx);
int pid_walk(struct ctx *ctx);
int pid_pagemap(struct ctx *ctx);
int pid_whatis(struct ctx *ctx);
int pid_page(struct ctx *ctx);
int pid_maps(struct ctx *ctx);
int pid_smaps(struct ctx *ctx);
int pid_x(struct ctx *ctx);
int pid_write(struct ctx *ctx);

/*
 * Once per attached process, the one line saying what is hidden without
 * CAP_SYS_ADMIN (PFNs read as 0, no kpageflags or kpagecount).
 */
void pid_note_priv(struct ctx *ctx);
/* A PID argument of maps, smaps, pagemap: the attached one or none. */
int pid_arg_same(struct ctx *ctx, const char *s);

#endif
