/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where a command's output goes when it is not simply standard output:
 * through $PAGER when it is longer than the terminal, into a shell command
 * (`CMD | SHELLCMD`) or into a file (`CMD > FILE`, `CMD >> FILE`).  A sink
 * replaces ctx->out while one command runs.  When the output cannot reach
 * its target (the shell command or the pager could not run, the file could
 * not be written), sink_close() shows it on the previous output instead
 * and says why: nothing a command printed is lost silently.
 */
#ifndef PTWALK_PAGER_H
#define PTWALK_PAGER_H

#include "cmd.h"

enum sink_kind {
	SINK_PAGER,	/* the terminal, through $PAGER once a screen is full */
	SINK_PIPE,	/* | SHELLCMD */
	SINK_FILE,	/* > FILE */
	SINK_APPEND,	/* >> FILE */
};

struct sink;

/*
 * Send ctx->out to the target: a shell command, a file name, or NULL for
 * the pager.  A file is opened (created, truncated or appended to) at
 * once, so that a command whose output has nowhere to go is not run.
 * NULL with *e set when the target cannot be opened or started.
 */
struct sink *sink_open(struct ctx *ctx, enum sink_kind kind,
		       const char *target, struct error *e);
/*
 * Flush and close the sink, wait for the shell command or the pager, and
 * give ctx->out back.  0, or -1 with *e saying what went wrong (the output
 * was then shown on the previous output).
 */
int sink_close(struct ctx *ctx, struct sink *s, struct error *e);

/* The pager command ($PTWALK_PAGER, $PAGER, less -FRX), or NULL: none. */
const char *pager_command(void);
/* Whether a command typed at the prompt goes through the pager now. */
bool pager_wanted(const struct ctx *ctx);

#endif
