/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Commands.  Each cmds/NAME.c defines one `const struct cmd cmd_NAME`; the
 * build collects them into the command table (build/cmdlist.h), from which
 * `help`, completion, the man page's command list and the shell completions
 * are all made.
 */
#ifndef PTWALK_CMD_H
#define PTWALK_CMD_H

#include <signal.h>
#include <stdio.h>

#include "machine.h"
#include "util.h"

struct ctx;

/* Families, in the order `help` lists them. */
enum cmd_family {
	FAM_SESSION,
	FAM_TRANSLATION,
	FAM_MEMORY,
	FAM_PAGE_ALLOC,
	FAM_SLAB,
	FAM_REGIONS,
	FAM_PROCESS,
	FAM_IMAGE,
	FAM_LAB,
	NR_FAMILIES
};
extern const char *const family_names[NR_FAMILIES];

#define CMD_SIM		0x1	/* needs a simulated machine (not an image) */
#define CMD_NOMACHINE	0x2	/* runs without any machine */
/*
 * Prints a /proc file's format (slabinfo, buddyinfo, maps ...): its lines
 * keep the kernel's columns at any width and are never wrapped.
 */
#define CMD_PROCFMT	0x4

/* An option a command accepts. */
struct cmd_opt {
	const char *name;	/* "--walk", "-f" */
	const char *arg;	/* NULL: a flag; else the value's name: "FILE" */
	const char *complete;	/* how to complete the value (see below) */
	const char *help;
};

/*
 * Completion specs, one word per positional argument, the last one
 * repeating: "addr" (symbols), "file", "arch", "gfp", "cmd", "setopt",
 * "pid", "slabcache" (slab cache names), "words:a,b,c", "none".
 */
struct cmd {
	const char *name;
	const char *aliases;	/* space separated, e.g. "vtop" */
	enum cmd_family family;
	const char *usage;	/* arguments only: "VADDR" */
	const char *summary;	/* one line */
	const char *help;	/* paragraphs */
	const char *complete;
	const struct cmd_opt *opts;	/* NULL-terminated, or NULL */
	int min_args, max_args;	/* positional counts; max -1 = unbounded */
	unsigned flags;
	int (*run)(struct ctx *ctx, int argc, char **argv);
};

extern const struct cmd *const cmd_table[];
extern const int cmd_count;

/* Exact name or alias, else a unique prefix; NULL with *ambiguous set. */
const struct cmd *cmd_find(const char *name, bool *ambiguous);
const char *cmd_suggest(const char *name);

/* Parsed options of the running command. */
#define MAX_OPTS 8
struct args {
	int nopt;
	const struct cmd_opt *opt[MAX_OPTS];
	char *val[MAX_OPTS];
};
bool args_has(const struct ctx *ctx, const char *name);
const char *args_get(const struct ctx *ctx, const char *name);

/* The session: one per ptwalk process. */
struct ctx {
	struct machine *m;
	FILE *out;
	bool json, verbose, echo, bail, interactive, quiet;
	const char *src;	/* current file or "-c"; NULL interactive */
	int line;
	int depth;		/* source nesting */
	int nerr;		/* failed commands */
	bool quit;		/* `quit` was run */
	int quit_status;
	volatile sig_atomic_t *interrupted;
	/* the value history: $1, $2, ... and $_ */
	u64 *vals;
	int nvals, avals;
	/* the running command */
	const struct cmd *cmd;
	const char *cmdname;
	char *cmdfmt;		/* x/FMT suffix */
	struct args args;
	bool has_value;
	u64 value;
	bool failed;
	struct strbuf err;
	/* text writer (src/out.c): the line being gathered, the width */
	struct strbuf oline;
	int width;
	/* JSON writer */
	struct strbuf js;
	int jdepth;
	bool jfirst[16];
	bool jopen;
	/* extension state owned by commands (lab, trace ...) */
	void *lab;
	void (*lab_release)(void *lab);	/* frees lab at ctx_release */
	u64 seed;
};

void ctx_init(struct ctx *ctx, struct machine *m);
void ctx_release(struct ctx *ctx);
/* Replace the session's machine (the old one is freed). */
void ctx_set_machine(struct ctx *ctx, struct machine *m);

/* Run one line (several commands separated by ';'); returns 0 or -1. */
int cmd_run_line(struct ctx *ctx, const char *line);
/* Split a line into words (quotes, parentheses, expression joining). */
int cmd_split(const char *line, char ***argv, int *argc, char **err);
void cmd_free_argv(char **argv, int argc);

/* Errors and results from commands. */
int cmd_error(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int cmd_err(struct ctx *ctx, const struct error *e);
void cmd_warn(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cmd_set_value(struct ctx *ctx, u64 v);
int cmd_usage(struct ctx *ctx);

/* Argument helpers: the error names the argument. */
int arg_u64(struct ctx *ctx, const char *s, const char *what, u64 *v);
int arg_va(struct ctx *ctx, const char *s, const char *what, u64 *va);
int arg_int(struct ctx *ctx, const char *s, const char *what, long min,
	    long max, long *v);
int arg_bool(struct ctx *ctx, const char *s, const char *what, bool *v);
/* Evaluate an expression as arg_u64 does, without failing the command. */
int arg_eval(struct ctx *ctx, const char *s, u64 *v, char *err, size_t n);

/* Every command that needs a simulated machine checks this. */
int cmd_need_sim(struct ctx *ctx);

#endif
