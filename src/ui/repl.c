// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The interactive prompt on GNU Readline: history, completion, Ctrl-C.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/gfp.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/kernel.h"
#include "ptwalk/ksym.h"
#include "ptwalk/mm.h"
#include "ptwalk/progress.h"
#include "ptwalk/script.h"
#include "ptwalk/slab.h"

static int
ksyms_load_cb(void *arg)
{
	return machine_ksyms_load(arg);
}

/*
 * The kernel's symbols of an image are decoded on first use, from the
 * mapped file: a file truncated meanwhile is an error, never a SIGBUS.
 */
static void
ksyms_load_guarded(struct machine *m)
{
	struct error e;
	int r;

	error_clear(&e);
	hostmap_call(ksyms_load_cb, m, &r, &e);
}

static struct ctx *repl_ctx;

/*
 * Completion
 */

struct cands {
	char **v;
	int n, a;
};

static void
cand_add(struct cands *c, const char *text, const char *s)
{
	if (strncmp(s, text, strlen(text)))
		return;
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->v[i], s))
			return;
	if (c->n + 2 > c->a) {
		c->a = c->a ? c->a * 2 : 32;
		c->v = xrealloc(c->v, (size_t)c->a * sizeof(*c->v));
	}
	c->v[c->n++] = xstrdup(s);
	c->v[c->n] = NULL;
}

static void
cand_words(struct cands *c, const char *text, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t l = strcspn(p, ",");
		char w[128];

		if (l < sizeof(w)) {
			memcpy(w, p, l);
			w[l] = 0;
			cand_add(c, text, w);
		}
		p += l;
		if (*p == ',')
			p++;
	}
}

/* The processes of this machine (a live target's PID), from /proc. */
static void
host_pids(struct cands *c, const char *text)
{
	DIR *d = opendir("/proc");
	struct dirent *de;

	while (d != NULL && (de = readdir(d)) != NULL)
		if (isdigit((unsigned char)de->d_name[0]))
			cand_add(c, text, de->d_name);
	if (d != NULL)
		closedir(d);
}

/* The spec word for positional argument i (the last one repeats). */
static void
spec_for(const char *spec, int i, char *out, size_t n)
{
	const char *p = spec ? spec : "";
	const char *last = "none";
	size_t lastl = 4;

	for (int k = 0; *p; k++) {
		size_t l = strcspn(p, " ");

		last = p;
		lastl = l;
		if (k == i)
			break;
		p += l;
		while (*p == ' ')
			p++;
	}
	snprintf(out, n, "%.*s", (int)MIN(lastl, n - 1), last);
}

static void
complete_kind(struct ctx *ctx, struct cands *c, const char *kind,
	      const char *text)
{
	int i;

	if (!strcmp(kind, "cmd")) {
		for (i = 0; cmd_table[i]; i++)
			cand_add(c, text, cmd_table[i]->name);
		cand_add(c, text, "gfp");
		for (i = 0; help_topics[i].name; i++)
			cand_add(c, text, help_topics[i].name);
	} else if (!strcmp(kind, "arch")) {
		for (i = 0; arch_list[i]; i++)
			cand_add(c, text, arch_list[i]->name);
	} else if (!strcmp(kind, "gfp")) {
		for (i = 0; gfp_names[i].name; i++)
			cand_add(c, text, gfp_names[i].name);
	} else if (!strncmp(kind, "words:", 6) || !strncmp(kind, "expr:", 5)) {
		cand_words(c, text, strchr(kind, ':') + 1);
	} else if (!strcmp(kind, "slabcache") && ctx->m != NULL &&
		   slab_of(ctx->m) != NULL) {
		struct list_head *l;

		list_for_each(l, &slab_of(ctx->m)->slab_caches)
			cand_add(c, text, list_entry(l, struct kmem_cache,
						     list)->name);
	} else if ((!strcmp(kind, "addr") || !strcmp(kind, "line")) &&
		   ctx->m != NULL) {
		if (text[0] == '$') {
			cand_add(c, text, "$_");
			for (i = 0; i < 2; i++)
				if (ctx->m->arch->root_name[i]) {
					char b[32];

					snprintf(b, sizeof(b), "$%s",
						 ctx->m->arch->root_name[i]);
					cand_add(c, text, b);
				}
		} else if (isalpha((unsigned char)text[0]) || text[0] == '_') {
			struct task_struct *t = ctx->m->kern ?
				current_task(ctx->m) : NULL;

			ksyms_load_guarded(ctx->m);
			for (i = 0; i < ctx->m->nksyms; i++)
				cand_add(c, text, ctx->m->ksyms[i].name);
			/* the running program's symbols too */
			for (i = 0; t != NULL && i < 2; i++) {
				const struct file *f = t->mm->img[i].file;
				int j;

				for (j = 0; f != NULL && f->elf != NULL &&
				     j < f->elf->nsym; j++)
					cand_add(c, text, f->elf->sym[j].name);
			}
		}
	} else if (!strcmp(kind, "pid") && (ctx->pid != NULL ||
					      ctx->m == NULL)) {
		host_pids(c, text);
	} else if (!strcmp(kind, "pid") && ctx->m->kern != NULL) {
		struct task_struct *t;

		for (t = task_list(ctx->m); t != NULL; t = t->next) {
			char b[16];

			snprintf(b, sizeof(b), "%d", t->pid);
			cand_add(c, text, b);
		}
	}
}

char **
repl_candidates(struct ctx *ctx, const char *line, int start, const char *text)
{
	struct cands c = { NULL, 0, 0 };
	const char *seg = line, *p;
	char **argv = NULL, *err = NULL, *head;
	int argc = 0, pos = 0, i;
	const struct cmd *cmd;
	bool amb;
	const char *pending = NULL;

	/* the command being typed starts after the last ';' before point */
	for (p = line; p < line + start; p++)
		if (*p == ';')
			seg = p + 1;
	head = xmalloc((size_t)(line + start - seg) + 1);
	memcpy(head, seg, (size_t)(line + start - seg));
	head[line + start - seg] = 0;
	if (cmd_split(head, &argv, &argc, &err) || argc == 0) {
		free(err);
		if (argv == NULL || argc == 0)
			complete_kind(ctx, &c, "cmd", text);
		goto out;
	}
	{
		char *slash = strchr(argv[0], '/');

		if (slash)
			*slash = 0;
	}
	cmd = cmd_find(argv[0], &amb);
	if (cmd == NULL)
		goto out;
	for (i = 1; i < argc; i++) {
		const struct cmd_opt *o = NULL, *q;

		pending = NULL;
		cmd_for_each_opt(cmd, q)
			if (!strcmp(q->name, argv[i]))
				o = q;
		if (o != NULL) {
			if (o->arg) {
				if (i + 1 < argc)
					i++;
				else
					pending = o->complete ? o->complete :
						"none";
			}
			continue;
		}
		pos++;
		/* "PAGE_OFFSET +": the word being typed goes on with it */
		if (i == argc - 1 && *argv[i] &&
		    strchr("+-*/%&|^~<>(", argv[i][strlen(argv[i]) - 1]))
			pos--;
	}
	if (pending != NULL) {
		complete_kind(ctx, &c, pending, text);
		if (!strcmp(pending, "file"))
			rl_attempted_completion_over = 0;
		goto out;
	}
	if (text[0] == '-') {
		const struct cmd_opt *q;

		cmd_for_each_opt(cmd, q)
			cand_add(&c, text, q->name);
		goto out;
	}
	{
		char kind[256];

		spec_for(cmd->complete, pos, kind, sizeof(kind));
		if (!strcmp(kind, "file"))
			rl_attempted_completion_over = 0;
		else
			complete_kind(ctx, &c, kind, text);
	}
out:
	cmd_free_argv(argv, argc);
	free(head);
	return c.v;
}

static char **
ptwalk_complete(const char *text, int start, int end)
{
	char **v;

	(void)end;
	rl_attempted_completion_over = 1;
	v = repl_candidates(repl_ctx, rl_line_buffer, start, text);
	if (v == NULL || v[0] == NULL) {
		free(v);
		if (!rl_attempted_completion_over)
			return rl_completion_matches(text,
					rl_filename_completion_function);
		return NULL;
	}
	{
		/* readline wants [common prefix, matches..., NULL] */
		int n = 0, i;
		char **m;
		size_t lcp;

		while (v[n])
			n++;
		m = xcalloc((size_t)n + 2, sizeof(*m));
		lcp = strlen(v[0]);
		for (i = 1; i < n; i++) {
			size_t k = 0;

			while (k < lcp && v[i][k] == v[0][k])
				k++;
			lcp = k;
		}
		m[0] = xmalloc(lcp + 1);
		memcpy(m[0], v[0], lcp);
		m[0][lcp] = 0;
		if (n == 1) {
			free(m[0]);
			m[0] = v[0];
			m[1] = NULL;
		} else {
			for (i = 0; i < n; i++)
				m[i + 1] = v[i];
		}
		free(v);
		return m;
	}
}

/*
 * Ctrl-C: cancel the line being typed, or interrupt a long command (the
 * handler, in src/hw/progress.c, sets the flag that long loops poll).
 */

static int
signal_hook(void)
{
	if (interrupt_flag && RL_ISSTATE(RL_STATE_READCMD)) {
		interrupt_clear();
		rl_replace_line("", 0);
		rl_crlf();
		rl_on_new_line();
		rl_redisplay();
	}
	return 0;
}

static char *
history_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg) {
		char *dir = xasprintf("%s/ptwalk", xdg), *p;

		mkdir(xdg, 0700);
		mkdir(dir, 0700);
		p = xasprintf("%s/history", dir);
		free(dir);
		return p;
	}
	if (home != NULL && *home)
		return xasprintf("%s/.ptwalk_history", home);
	return NULL;
}

/*
 * The prompt and the line being edited go to the terminal: stdout when it
 * is one, else stderr (ptwalk | tee log keeps the prompt out of the log),
 * else the controlling terminal.
 */
FILE *
repl_stream(void)
{
	static FILE *tty;

	if (isatty(STDOUT_FILENO))
		return stdout;
	if (isatty(STDERR_FILENO))
		return stderr;
	if (tty == NULL)
		tty = fopen("/dev/tty", "we");
	return tty != NULL ? tty : stderr;
}

int
repl_run(struct ctx *ctx)
{
	char *hist = history_path(), *line;
	int rc = 0;

	repl_ctx = ctx;
	ctx->interactive = true;
	rl_outstream = repl_stream();
	ctx->interrupted = &interrupt_flag;
	rl_readline_name = "ptwalk";
	rl_attempted_completion_function = ptwalk_complete;
	rl_completer_word_break_characters = (char *)" \t\n;|(";
	rl_catch_signals = 0;
	rl_signal_event_hook = signal_hook;
	interrupt_install(true);	/* no SA_RESTART: read() returns */
	using_history();
	stifle_history(2000);
	if (hist != NULL)
		read_history(hist);
	for (;;) {
		interrupt_clear();
		line = readline("ptwalk> ");
		if (line == NULL) {
			if (interrupt_flag)
				continue;
			fputc('\n', rl_outstream);
			break;
		}
		if (*line) {
			add_history(line);
			if (hist != NULL) {
				FILE *f = fopen(hist, "a");

				if (f != NULL) {
					fclose(f);
					append_history(1, hist);
					history_truncate_file(hist, 2000);
				}
			}
		}
		interrupt_clear();
		if (strlen(line) > SCRIPT_MAX_LINE) {
			fflush(ctx->out);
			fprintf(stderr, "error: line too long (%zu characters; "
				"the limit is %d): not run\n", strlen(line),
				SCRIPT_MAX_LINE);
			rc = -1;
		} else if (cmd_run_line(ctx, line)) {
			rc = -1;
		}
		free(line);
		fflush(ctx->out);
		/* a command that stopped has said so; else the line was cut */
		if (interrupt_flag && !interrupt_reported())
			fprintf(stderr, "interrupted\n");
		interrupt_clear();
		if (ctx->quit)
			break;
	}
	free(hist);
	return rc;
}
