/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Command files, -c strings, stdin, and the interactive REPL.
 */
#ifndef PTWALK_SCRIPT_H
#define PTWALK_SCRIPT_H

#include <stdio.h>
#include "cmd.h"

#define SCRIPT_MAX_LINE		65535
#define SCRIPT_MAX_DEPTH	16

/* Returns 0, -1 when a command failed, -2 when the file is unreadable. */
int script_run_file(struct ctx *ctx, const char *path);
int script_run_stream(struct ctx *ctx, FILE *f, const char *name);
int script_run_string(struct ctx *ctx, const char *name, const char *text);

int repl_run(struct ctx *ctx);
/* Readline completion for tests: candidates for the line up to point. */
char **repl_candidates(struct ctx *ctx, const char *line, int start,
		       const char *text);

#endif
