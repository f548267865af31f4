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
/* a line longer than SCRIPT_MAX_LINE is skipped if it ends within this */
#define SCRIPT_MAX_SKIP		(1 << 20)

/*
 * Run the commands of a file: 0; -1 when a command failed; -2 when it
 * cannot be opened (*e says why; -ELOOP: a source loop or too deep); -3
 * when it could not be read to its end (a read error, a line with no end:
 * said on stderr, and ctx->read_failed is set).  Only regular files are
 * read, except with SCRIPT_ARG (a file named on the command line), where
 * "-" is stdin and /dev/stdin, /dev/fd/N and /proc/self/fd/N may be pipes
 * or devices.  The stream and string forms return the same.
 */
#define SCRIPT_ARG	0x1
int script_run_file(struct ctx *ctx, const char *path, unsigned flags,
		    struct error *e);
/*
 * Where `source PATH` looks: a relative PATH inside a command file is
 * first looked for in that file's directory, then in the current one
 * (*other_dir is set when it was not in the file's).  Returns a new
 * string.
 */
char *script_resolve(const struct ctx *ctx, const char *path,
		     bool *other_dir);
int script_run_stream(struct ctx *ctx, FILE *f, const char *name);
int script_run_string(struct ctx *ctx, const char *name, const char *text);

int repl_run(struct ctx *ctx);
/*
 * Where the prompt, the line being edited and the banner go: stdout when
 * it is a terminal, else stderr (ptwalk | tee log), else /dev/tty.
 */
FILE *repl_stream(void);
/* Readline completion for tests: candidates for the line up to point. */
char **repl_candidates(struct ctx *ctx, const char *line, int start,
		       const char *text);

#endif
