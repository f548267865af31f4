/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Commands.  Each cmds/NAME.c defines one `const struct cmd cmd_NAME`; the
 * build collects them into the command table (build/cmdlist.h), from which
 * `help`, completion, the man page's command list and the shell completions
 * are all made.
 */
#ifndef PTWALK_CMD_H
#define PTWALK_CMD_H

#include <ctype.h>
#include <signal.h>
#include <stdio.h>

#include "machine.h"
#include "util.h"

struct ctx;
struct figure;
struct live_pid;

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

/*
 * What the dispatcher does for a command (struct cmd .flags), so that no
 * command does it itself.
 */
#define CMD_SIM		0x1	/* needs a simulated machine, or on an image
				   its run_image (struct cmd) */
#define CMD_NOMACHINE	0x2	/* runs without any machine */
/*
 * Prints a /proc file's format (slabinfo, buddyinfo, maps ...): its lines
 * keep the kernel's columns at any width and are never wrapped.
 */
#define CMD_PROCFMT	0x4
#define CMD_FMT		0x8	/* takes a /FMT suffix: x/4x, p/x */
/* ... the commands that do, for the message of those that do not */
#define CMD_FMT_NAMES	"x, xp, write and print"
/*
 * The kernel's trace: the dispatcher starts it (kt_begin) before the
 * command runs and ends it after; the command prints what it holds with
 * show_trace() where its output wants the steps.  CMD_TRACE: always;
 * CMD_TRACE_VERBOSE: only with `set verbose on` (an allocator's steps).
 * Without either the kernel runs untraced.
 */
#define CMD_TRACE		0x10
#define CMD_TRACE_VERBOSE	0x20
/*
 * Draws its result as a figure (include/ptwalk/figure.h): the dispatcher
 * gives it the options --svg, --png and --pdf and writes the files.
 */
#define CMD_FIGURE		0x40

/* ctx->redirect besides 0 (off) and 1 (on) */
#define REDIRECT_AUTO	(-1)	/* at the prompt only (the default) */
#define REDIRECT_NEVER	(-2)	/* off, and `set redirect` cannot change it:
				   no shell commands (fuzzing, untrusted input) */

/*
 * What a command's value is: the number it keeps in the value history
 * ($_, $1 ...; JSON "value").  Its entry declares it, and the dispatcher
 * keeps a value only from a command that declares one.
 */
enum cmd_value {
	VALUE_NONE,	/* keeps no value */
	VALUE_VA,	/* a virtual address: kmalloc, vmalloc, va, sym ... */
	VALUE_PA,	/* a physical address: pa, walk, translate, touch ... */
	VALUE_PAGE,	/* a struct page's address: alloc_pages, pfn_to_page */
	VALUE_PFN,	/* a page frame number: page_to_pfn */
	VALUE_ENTRY,	/* an entry: of a page table (pte), of pagemap */
	VALUE_NUMBER,	/* any other number: print, a pid, a CPU, a size */
};

/* An option a command accepts. */
struct cmd_opt {
	const char *name;	/* "--walk", "-f" */
	const char *arg;	/* NULL: a flag; else the value's name: "FILE" */
	const char *complete;	/* how to complete the value (see below) */
	const char *help;
};

/*
 * Argument specs (.complete), one word per positional argument, the last
 * one repeating.  Each says how the argument is completed and what kind of
 * argument it is, which decides how the words of a line are grouped into
 * arguments (cmd_split, and `help arguments`):
 *   expressions, pieces separated by spaces and operators joined into one:
 *     "addr" (symbols completed), "expr", "expr:a,b,c" (those words
 *     completed), "pid", "gfp"
 *   flag lists, pieces joined across '|' only: "words:a,b,c"
 *   single words, never joined: "word", "slabcache" (slab cache names),
 *     "cmd", "arch", "none"
 *   "file": a path, never joined; ~/ is the home directory
 *   "args": this and every later word as written (no options), e.g. the
 *     arguments of a program
 *   "line": the rest of the line as typed, one argument (print, printf)
 * An option's .complete says the same of its value; NULL is an expression.
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
	enum cmd_value value;	/* what the value it keeps ($_) is */
	/* the command: its arguments are cmd_args(ctx) */
	int (*run)(struct ctx *ctx);
	/*
	 * A CMD_SIM command on a memory image: the same command reading
	 * the real kernel's structures (NULL: it needs a simulated machine)
	 */
	int (*run_image)(struct ctx *ctx);
	/*
	 * The command on a live process (--pid, attach): what /proc shows
	 * of it (src/ui/show_pid*.c).  NULL: not available there, unless
	 * CMD_NOMACHINE.
	 */
	int (*run_pid)(struct ctx *ctx);
};

/* The options CMD_FIGURE adds (src/ui/figure_render.c). */
extern const struct cmd_opt cmd_figure_opts[];
/*
 * Every option a command takes: its own, then those its flags add.
 * cmd_opt_next(c, NULL) is the first; NULL after the last.
 */
const struct cmd_opt *cmd_opt_next(const struct cmd *c,
				   const struct cmd_opt *q);
#define cmd_for_each_opt(c, q) \
	for ((q) = cmd_opt_next((c), NULL); (q) != NULL; \
	     (q) = cmd_opt_next((c), (q)))

extern const struct cmd *const cmd_table[];
extern const int cmd_count;

/*
 * Exact name or alias, else a unique prefix of two or more characters;
 * NULL otherwise, with *ambiguous set when the name is a prefix of several
 * commands (a single letter too).
 */
const struct cmd *cmd_find(const char *name, bool *ambiguous);
/* The closest command name, ignoring case; NULL when none is close. */
const char *cmd_suggest(const char *name);
/*
 * Fail the running command for a name cmd_find() did not find: "ambiguous
 * command 'k', could be: ...", "unknown command 'WALK'; did you mean
 * 'walk'?" or "unknown command 'foo' (type 'help' for the list)".
 */
int cmd_unknown(struct ctx *ctx, const char *name, bool ambiguous);

/*
 * The running command's arguments, parsed by the dispatcher by what its
 * entry declares (tmux's struct args): the positional ones, counted
 * between min_args and max_args, the options, the /FMT suffix.
 */
#define MAX_OPTS 8
struct args {
	int argc;		/* positional arguments */
	char **argv;		/* argv[0] .. argv[argc - 1], then NULL */
	const char *fmt;	/* the /FMT suffix (x/4x: "4x"), or NULL */
	int nopt;
	const struct cmd_opt *opt[MAX_OPTS];
	char *val[MAX_OPTS];
};
bool args_has(const struct ctx *ctx, const char *name);
const char *args_get(const struct ctx *ctx, const char *name);

/*
 * The running command (tmux's cmdq_item): what the dispatcher parsed and
 * what the command produced.  A command that runs commands (`source`)
 * does not share its item: each command gets one of its own, on top of
 * the session's stack (ctx->item), and drops it when it ends.
 */
struct cmd_item {
	struct cmd_item *parent;	/* the command running this one */
	const struct cmd *cmd;		/* NULL: an unknown name */
	const char *name;		/* the name as typed */
	struct args args;
	/* the outcome: an error, the value ($_) */
	bool failed;
	struct strbuf err;
	bool has_value;
	u64 value;
	struct strbuf vtext;	/* how to show the value, when not 0x%llx */
	/* its JSON object, built as it runs (src/ui/out.c) */
	struct strbuf js;
	int jdepth;
	bool jfirst[16];
	bool jopen;
	/* the figure it drew (CMD_FIGURE), written by the dispatcher */
	struct figure *fig;
};

/*
 * An input being read (src/ui/script.c): a command file, -c or standard
 * input.  A file that a `source` in another reads has that one as its
 * parent; each input keeps its own position and error counts.
 */
struct cmd_input {
	struct cmd_input *parent;
	const char *name;	/* in messages: "FILE", "-c", "<stdin>" */
	const char *path;	/* a relative `source` starts from its
				   directory; NULL for streams and -c */
	char *real;		/* its real path (a source loop), or NULL */
	int depth;		/* 1 for the outermost */
	int line;
	int shown_errs;		/* errors printed from this input */
	int hidden_errs;	/* and the ones past CMD_MAX_SHOWN_ERRS */
};

/* The session (tmux's client and cmdq_state): one per ptwalk process. */
struct ctx {
	struct machine *m;
	FILE *out;
	bool json, verbose, echo, bail, interactive, quiet;
	struct cmd_input *in;	/* the input being read; NULL at the prompt */
	int nerr;		/* failed commands */
	bool read_failed;	/* an input could not be read (exit status 2) */
	bool quit;		/* `quit` was run */
	int quit_status;
	volatile sig_atomic_t *interrupted;
	/* output: the pager and `| SHELLCMD`, `> FILE` (src/ui/pager.c) */
	bool pager;		/* page long output at a terminal (set pager) */
	int redirect;		/* set redirect: REDIRECT_AUTO, 0 off, 1 on */
	/* the value history: $1, $2, ... and $_ */
	u64 *vals;
	int nvals, avals;
	/* the running command, NULL between commands */
	struct cmd_item *item;
	/* text writer (src/ui/out.c): the line being gathered, the width */
	struct strbuf oline;
	int width;
	/*
	 * What a command keeps for the rest of the session (the lab of
	 * cmds/lab.c) and the function that frees it: the command sets both,
	 * ctx_release() calls it.  The session knows nothing more of it.
	 */
	void *kept;
	void (*kept_release)(void *kept);
	u64 seed;
	/*
	 * The live process attached (--pid, attach PID), NULL when none:
	 * while attached, commands run their run_pid on it; the machine,
	 * if any, waits until detach.
	 */
	struct live_pid *pid;
};

/*
 * The entry of the running command: several entries may share one run
 * function (kmalloc and kzalloc), as tmux's cmd_get_entry() tells them
 * apart.
 */
static inline const struct cmd *
cmd_entry(const struct ctx *ctx)
{
	return ctx->item->cmd;
}

/* The running command's arguments. */
static inline const struct args *
cmd_args(const struct ctx *ctx)
{
	return &ctx->item->args;
}

void ctx_init(struct ctx *ctx, struct machine *m);
void ctx_release(struct ctx *ctx);
/* Replace the session's machine (the old one is freed). */
void ctx_set_machine(struct ctx *ctx, struct machine *m);

/* Run one line (several commands separated by ';'); returns 0 or -1. */
int cmd_run_line(struct ctx *ctx, const char *line);
/*
 * Split one command into its arguments: words separated by spaces outside
 * quotes and parentheses, grouped by the kinds the command's argument
 * specs declare (see above).  No redirection: a line's `| CMD` and
 * `> FILE` are found by cmd_run_line.
 */
int cmd_split(const char *line, char ***argv, int *argc, char **err);
void cmd_free_argv(char **argv, int argc);
/* -X or --NAME (X a letter): what the splitter and the dispatcher take
 * for an option. */
static inline bool
cmd_looks_like_option(const char *s)
{
	return s[0] == '-' && (isalpha((unsigned char)s[1]) ||
			       (s[1] == '-' && s[2] != 0));
}
/*
 * Run one split command (src/ui/cmd.c).  lit[i] says argv[i] is positional
 * whatever it looks like (it was quoted, or followed `--`); lit may be NULL.
 */
int cmd_run_argv(struct ctx *ctx, int argc, char **argv, const bool *lit);
/* Report an error of a command line that is not the command's own (bad
 * quoting, a file that cannot be written); with json, also its object. */
void cmd_line_error(struct ctx *ctx, const struct cmd *c, bool json,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Help topics beyond the commands: `help expressions` ... (cmds/help.c) */
struct help_topic {
	const char *name;
	const char *aliases;	/* space separated: "expr $ $_" */
	const char *summary;
	const char *text;	/* paragraphs; indented lines are verbatim */
};
extern const struct help_topic help_topics[];
const struct help_topic *help_topic_find(const char *name);

/* Errors and results from commands. */
int cmd_error(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int cmd_err(struct ctx *ctx, const struct error *e);
void cmd_warn(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cmd_set_value(struct ctx *ctx, u64 v);
/* The same, shown as "$N = TEXT" instead of "$N = 0x..." (print/FMT). */
void cmd_set_value_text(struct ctx *ctx, u64 v, const char *text);
int cmd_usage(struct ctx *ctx);
/*
 * Whether an error message may be printed: at the prompt always; from a
 * command file, -c or stdin only the first CMD_MAX_SHOWN_ERRS of each
 * input, the others being counted in hidden_errs (they still fail).
 */
#define CMD_MAX_SHOWN_ERRS 100
bool cmd_error_shown(struct ctx *ctx);

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
