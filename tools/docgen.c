// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Generate the man page's option and command lists and the bash and zsh
 * completions from the option and command tables, so that they cannot
 * drift.  make docs writes them; make check verifies them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/arch.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/cmd.h"
#include "ptwalk/gfp.h"
#include "ptwalk/options.h"
#include "ptwalk/util.h"

static void
roff(FILE *o, const char *s)
{
	bool bol = true;

	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", o);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", o);
		else if (*s == '-')
			fputs("\\-", o);
		else
			fputc(*s, o);
	}
}

static void
man_options(FILE *o)
{
	struct strbuf help;
	int i;

	sb_init(&help);
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *d = &option_docs[i];

		fputs(".TP\n", o);
		if (d->shrt)
			fprintf(o, "\\fB\\-%c\\fR, ", d->shrt);
		fprintf(o, "\\fB\\-\\-");
		roff(o, d->lng);
		fprintf(o, "\\fR");
		if (d->arg) {
			fprintf(o, " \\fI");
			roff(o, d->arg);
			fprintf(o, "\\fR");
		}
		fputc('\n', o);
		sb_reset(&help);
		option_help(&help, d);
		roff(o, help.buf);
		fputc('\n', o);
	}
	sb_release(&help);
}

/*
 * A command's help text as troff fills it: a paragraph (lines that start
 * with a letter) is one filled paragraph; an indented block is a list of
 * tagged paragraphs when it is a two-column table ("  TERM  description",
 * continuation lines under the description, a deeper-indented line
 * continuing the term), else kept as it is.
 */
struct help_item {
	struct strbuf term, desc;
};

/* The column the description of a two-column block starts at, or -1. */
static int
desc_column(char **lines, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		const char *l = lines[i], *p = l + strspn(l, " ");
		const char *gap = strstr(p, "  ");

		if (gap != NULL && gap[strspn(gap, " ")])
			return (int)(gap - l) + (int)strspn(gap, " ");
	}
	return -1;
}

static void
add_words(struct strbuf *sb, const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return;
	if (sb->len)
		sb_addc(sb, ' ');
	sb_add(sb, s, n);
}

/* Parse a block as a table; false when it is not one. */
static bool
help_table(char **lines, int n, struct help_item *it, int *nit)
{
	int d = desc_column(lines, n), ind = (int)strspn(lines[0], " "), i;

	*nit = 0;
	if (d < 0)
		return false;
	for (i = 0; i < n; i++) {
		const char *l = lines[i];
		int lead = (int)strspn(l, " "), len = (int)strlen(l);
		struct help_item *cur = *nit ? &it[*nit - 1] : NULL;

		if (lead >= d) {
			if (cur == NULL)
				return false;
			add_words(&cur->desc, l + d, (size_t)(len - d));
			continue;
		}
		if (len > d && l[d - 1] != ' ')
			return false;	/* text across the description column */
		if (lead > ind && cur != NULL) {
			add_words(&cur->term, l + lead, (size_t)(MIN(len, d) - lead));
		} else {
			cur = &it[(*nit)++];
			sb_init(&cur->term);
			sb_init(&cur->desc);
			add_words(&cur->term, l + lead, (size_t)(MIN(len, d) - lead));
		}
		if (len > d)
			add_words(&cur->desc, l + d, (size_t)(len - d));
	}
	return true;
}

static void
man_help_block(FILE *o, char **lines, int n)
{
	struct help_item *it = xcalloc((size_t)n, sizeof(*it));
	int nit, i, d = desc_column(lines, n) - (int)strspn(lines[0], " ");

	if (help_table(lines, n, it, &nit)) {
		fprintf(o, ".RS\n");
		for (i = 0; i < nit; i++) {
			fprintf(o, ".TP %dn\n\\fB", d);
			roff(o, it[i].term.buf);
			fprintf(o, "\\fR\n");
			roff(o, it[i].desc.buf);
			fputc('\n', o);
		}
		fprintf(o, ".RE\n");
	} else {
		fprintf(o, ".RS\n.nf\n");
		for (i = 0; i < n; i++) {
			roff(o, lines[i] + strspn(lines[i], " "));
			fputc('\n', o);
		}
		fprintf(o, ".fi\n.RE\n");
	}
	for (i = 0; i < nit; i++) {
		sb_release(&it[i].term);
		sb_release(&it[i].desc);
	}
	free(it);
}

static void
man_help(FILE *o, const char *help)
{
	char *text = xstrdup(help), *p = text, **block = NULL;
	int nb = 0, ab = 0;
	bool para = false;

	for (;;) {
		char *nl = strchr(p, '\n'), *l = p;
		bool end = *p == 0;

		if (nl != NULL)
			*nl = 0;
		if (nb > 0 && (end || *l != ' ')) {
			man_help_block(o, block, nb);
			nb = 0;
			para = false;
		}
		if (end)
			break;
		if (*l == ' ') {
			if (nb == ab) {
				ab = ab ? 2 * ab : 8;
				block = xrealloc(block, (size_t)ab * sizeof(*block));
			}
			block[nb++] = l;
		} else if (*l == 0) {
			para = false;
		} else {
			if (!para)
				fputs(".IP\n", o);
			para = true;
			roff(o, l);
			fputc('\n', o);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	if (nb > 0)
		man_help_block(o, block, nb);
	free(block);
	free(text);
}

static void
man_commands(FILE *o)
{
	int f, i;

	/* names such as swapper_pg_dir are not to be hyphenated */
	fputs(".nh\n", o);

	for (f = 0; f < NR_FAMILIES; f++) {
		bool any = false;

		for (i = 0; cmd_table[i]; i++) {
			const struct cmd *c = cmd_table[i];

			if ((int)c->family != f)
				continue;
			if (!any) {
				fprintf(o, ".SS \"");
				roff(o, family_names[f]);
				fprintf(o, "\"\n");
			}
			any = true;
			fprintf(o, ".TP\n\\fB");
			roff(o, c->name);
			fprintf(o, "\\fR");
			if (c->usage[0]) {
				fprintf(o, " \\fI");
				roff(o, c->usage);
				fprintf(o, "\\fR");
			}
			fputc('\n', o);
			roff(o, c->summary);
			fputc('\n', o);
			if (c->aliases) {
				fprintf(o, ".br\nAliases: \\fB");
				roff(o, c->aliases);
				fprintf(o, "\\fR\n");
			}
			if (c->help && c->help[0])
				man_help(o, c->help);
			if (cmd_opt_next(c, NULL) != NULL) {
				const struct cmd_opt *q;

				fprintf(o, ".IP\nOptions:\n");
				cmd_for_each_opt(c, q) {
					fprintf(o, ".RS\n.TP\n\\fB");
					roff(o, q->name);
					fprintf(o, "\\fR");
					if (q->arg) {
						fprintf(o, " \\fI");
						roff(o, q->arg);
						fprintf(o, "\\fR");
					}
					fputc('\n', o);
					roff(o, q->help);
					fprintf(o, "\n.RE\n");
				}
			}
		}
	}
}

/*
 * A help topic (`help expressions` ...) as man text: its paragraphs are
 * filled by the formatter, its indented lines (tables, examples) kept as
 * they are.
 */
static int
man_topic(FILE *o, const char *name)
{
	const struct help_topic *t = help_topic_find(name);
	const char *p;
	bool verbatim = false;

	if (t == NULL) {
		fprintf(stderr, "docgen: no help topic '%s'\n", name);
		return 1;
	}
	for (p = t->text; *p;) {
		size_t l = strcspn(p, "\n");
		char *line = xasprintf("%.*s\n", (int)l, p);

		if (verbatim && (l == 0 || p[0] != ' ')) {
			fputs(".fi\n", o);
			verbatim = false;
		}
		if (l == 0) {
			fputs(".PP\n", o);
		} else {
			if (p[0] == ' ' && !verbatim) {
				fputs(".nf\n", o);
				verbatim = true;
			}
			roff(o, line);
		}
		free(line);
		p += l;
		if (*p)
			p++;
	}
	if (verbatim)
		fputs(".fi\n", o);
	return 0;
}

/*
 * The width examples run at: 80 columns less the page's indent, so that
 * a transcript fits an 80-column terminal as man shows it.
 */
#define MAN_EXAMPLE_WIDTH 73

/*
 * An EXAMPLES transcript: the template holds the "ptwalk> CMD" lines of a
 * block between @EXAMPLE@ [ARGS] and @END@; the page gets them with the
 * output ptwalk really prints, so the examples cannot go stale.
 */
static int
example(const char *ptwalk, const char *args, const char *cmds, FILE *out)
{
	char dir[] = "/tmp/ptwalk-example-XXXXXX";
	char *shell, *line = NULL, *path, *a = xstrdup(args), *hash;
	bool may_fail = false;
	size_t cap = 0;
	FILE *p, *f;
	int rc;

	hash = strstr(a, "#fails");
	if (hash != NULL) {
		may_fail = true;
		*hash = 0;
	}
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	path = xasprintf("%s/example.cmd", dir);
	f = fopen(path, "w");
	if (f == NULL || fputs(cmds, f) < 0 || fclose(f)) {
		perror(path);
		return 1;
	}
	shell = xasprintf("cd '%s' && COLUMNS=%d '%s' --quiet --echo %s "
			  "example.cmd 2>&1 </dev/null", dir, MAN_EXAMPLE_WIDTH,
			  ptwalk, a);
	p = popen(shell, "r");
	if (p == NULL) {
		perror(shell);
		return 1;
	}
	while (getline(&line, &cap, p) >= 0)
		roff(out, line);
	rc = pclose(p);
	unlink(path);
	rmdir(dir);
	free(shell);
	free(line);
	free(path);
	free(a);
	if (rc != 0 && !may_fail) {
		fprintf(stderr, "docgen: an example failed (%s):\n%s", args, cmds);
		return 1;
	}
	return 0;
}

/* A "ptwalk> CMD" line of an example: CMD, roff escapes undone. */
static void
command_line(const char *l, struct strbuf *cmds)
{
	if (!strncmp(l, "\\&", 2))
		l += 2;
	if (strncmp(l, "ptwalk> ", 8))
		return;
	for (l += 8; *l; l++) {
		if (l[0] == '\\' && l[1] == '-') {
			sb_addc(cmds, '-');
			l++;
		} else if (l[0] == '\\' && l[1] == 'e') {
			sb_addc(cmds, '\\');
			l++;
		} else {
			sb_addc(cmds, *l);
		}
	}
}

static int
gen_man(const char *tmpl, const char *ptwalk)
{
	FILE *f = fopen(tmpl, "r");
	char *line = NULL, *args = NULL;
	size_t cap = 0;
	struct strbuf cmds;
	bool in = false;
	int rc = 0, lineno = 0, start = 0;

	if (f == NULL) {
		perror(tmpl);
		return 1;
	}
	sb_init(&cmds);
	printf(".\\\" Generated from %s by ptwalk-docgen: edit that file and "
	       "the command table, then run make docs.\n", tmpl);
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		/* a template's example block holds only "ptwalk> " lines */
		if (in && strncmp(line, ".\\\" @END@", 9) &&
		    strncmp(line, "ptwalk> ", 8) && strncmp(line, "\\&ptwalk> ", 10)) {
			fprintf(stderr, "docgen: %s:%d: the example block of line "
				"%d has no .\\\" @END@ before this line\n", tmpl,
				lineno, start);
			rc = 1;
			break;
		}
		if (!strncmp(line, ".\\\" @OPTIONS@", 13)) {
			man_options(stdout);
		} else if (!strncmp(line, ".\\\" @COMMANDS@", 14)) {
			man_commands(stdout);
		} else if (!strncmp(line, ".\\\" @TOPIC@ ", 12)) {
			line[strcspn(line, "\n")] = 0;
			if (man_topic(stdout, line + 12))
				rc = 1;
		} else if (!strncmp(line, ".\\\" @EXAMPLE@", 13)) {
			in = true;
			start = lineno;
			free(args);
			args = xstrdup(line + 13);
			args[strcspn(args, "\n")] = 0;
			sb_reset(&cmds);
			fputs(line, stdout);
		} else if (in && !strncmp(line, ".\\\" @END@", 9)) {
			in = false;
			if (example(ptwalk, args, cmds.buf, stdout))
				rc = 1;
			fputs(line, stdout);
		} else if (in) {
			command_line(line, &cmds);
		} else {
			fputs(line, stdout);
		}
	}
	if (in && rc == 0) {
		fprintf(stderr, "docgen: %s: the example block of line %d has no "
			".\\\" @END@\n", tmpl, start);
		rc = 1;
	}
	free(line);
	free(args);
	sb_release(&cmds);
	fclose(f);
	return rc;
}

/* An example block of a generated page: its commands and its output. */
struct block {
	int line;		/* of its @EXAMPLE@ */
	char *args;		/* ptwalk's options, "#fails" */
	struct strbuf cmds, want;
	int ncmds;
};

static void
blocks_free(struct block *b, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(b[i].args);
		sb_release(&b[i].cmds);
		sb_release(&b[i].want);
	}
	free(b);
}

/* The example blocks of a generated page, in order; -1 if unreadable. */
static int
read_blocks(const char *page, struct block **bp)
{
	FILE *f = fopen(page, "r");
	struct block *b = NULL, *cur = NULL;
	char *line = NULL;
	size_t cap = 0;
	int n = 0, lineno = 0;

	if (f == NULL) {
		perror(page);
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		if (!strncmp(line, ".\\\" @EXAMPLE@", 13)) {
			b = xrealloc(b, (size_t)(n + 1) * sizeof(*b));
			cur = &b[n++];
			cur->line = lineno;
			cur->args = xstrdup(line + 13);
			cur->args[strcspn(cur->args, "\n")] = 0;
			sb_init(&cur->cmds);
			sb_init(&cur->want);
			cur->ncmds = 0;
		} else if (cur != NULL && !strncmp(line, ".\\\" @END@", 9)) {
			cur = NULL;
		} else if (cur != NULL) {
			size_t l = cur->cmds.len;

			command_line(line, &cur->cmds);
			if (cur->cmds.len != l)
				cur->ncmds++;
			sb_adds(&cur->want, line);
		}
	}
	free(line);
	fclose(f);
	*bp = b;
	return n;
}

/* Report a block's output against the page's: 0 when equal. */
static int
compare(const char *what, const char *page, const struct block *b,
	const char *got, bool failed)
{
	const char *a = b->want.buf, *g = got;
	int ln = 1;

	if (!failed && !strcmp(a, g)) {
		printf("PASS %s%s:%d\n", what, page, b->line);
		return 0;
	}
	while (*a && *a == *g) {
		if (*a == '\n')
			ln++;
		a++;
		g++;
	}
	printf("FAIL %s%s:%d: %s; first difference in line %d of the block:\n"
	       "  page: %.*s\n  now:  %.*s\n", what, page, b->line,
	       failed ? "an example failed" : "the output differs", ln,
	       (int)strcspn(a, "\n"), a, (int)strcspn(g, "\n"), g);
	return 1;
}

/*
 * The examples of a generated page are tests: run each block's commands
 * again and compare the output with the block.  One line per example,
 * "PASS PAGE:LINE" or "FAIL PAGE:LINE" and the first difference.
 */
static int
check_examples(const char *page, const char *ptwalk)
{
	struct block *b;
	int n = read_blocks(page, &b), i, nfail = 0;

	if (n < 0)
		return 2;
	for (i = 0; i < n; i++) {
		char *got = NULL;
		size_t glen = 0;
		FILE *o = open_memstream(&got, &glen);
		int rc;

		if (o == NULL) {
			perror("open_memstream");
			return 2;
		}
		rc = example(ptwalk, b[i].args, b[i].cmds.buf, o);
		fclose(o);
		nfail += compare("", page, &b[i], got, rc != 0);
		free(got);
	}
	blocks_free(b, n);
	return nfail ? 1 : 0;
}

/*
 * Drop the note `lab start` prints when it clears the value history: in
 * a page each example starts a fresh ptwalk, whose history is empty.
 */
static void
drop_history_note(struct strbuf *sb)
{
	static const char note[] = "\nThe value history starts again";
	char *p = strstr(sb->buf, note), *end;

	if (p == NULL)
		return;
	end = strstr(p, ").\n");
	if (end == NULL)
		return;
	end += 3;
	memmove(p, end, strlen(end) + 1);
	sb->len = strlen(sb->buf);
}

/*
 * "example.cmd:N:" in an error names the line of the whole session's
 * script; the page has the line of the block, first lines fewer.
 */
static void
renumber_errors(struct strbuf *sb, int first)
{
	static const char tag[] = "example.cmd:";
	struct strbuf out;
	const char *p = sb->buf, *q;

	sb_init(&out);
	while ((q = strstr(p, tag)) != NULL) {
		char *end;
		long ln = strtol(q + sizeof(tag) - 1, &end, 10);

		sb_add(&out, p, (size_t)(q - p) + sizeof(tag) - 1);
		if (end != q + sizeof(tag) - 1 && *end == ':')
			sb_addf(&out, "%ld", ln - first);
		p = end;
	}
	sb_adds(&out, p);
	sb_release(sb);
	*sb = out;
}

/*
 * The examples that take no options, run one after the other in ONE
 * ptwalk, as a student works through the page in one session: each must
 * print what the page shows (run alone), the history note aside.
 */
static int
check_session(const char *page, const char *ptwalk)
{
	struct block *b;
	struct strbuf script, part;
	char *got = NULL, *p;
	size_t glen = 0;
	FILE *o;
	int n = read_blocks(page, &b), i, nfail = 0, nrun = 0, seen = 0;
	bool *in;

	if (n < 0)
		return 2;
	in = xcalloc((size_t)n + 1, sizeof(*in));
	sb_init(&script);
	for (i = 0; i < n; i++) {
		char *a = xstrdup(b[i].args), *hash = strstr(a, "#fails");

		if (hash != NULL)
			*hash = 0;
		in[i] = a[strspn(a, " ")] == 0;
		if (in[i])
			sb_adds(&script, b[i].cmds.buf);
		free(a);
	}
	o = open_memstream(&got, &glen);
	if (o == NULL) {
		perror("open_memstream");
		return 2;
	}
	example(ptwalk, "#fails", script.buf, o);
	fclose(o);
	/* split the transcript at each block's first command */
	sb_init(&part);
	p = got;
	for (i = 0; i < n; i++) {
		int want = 0;

		if (!in[i])
			continue;
		sb_reset(&part);
		while (*p) {
			size_t l = strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0);

			if (!strncmp(p, "ptwalk> ", 8)) {
				if (want == b[i].ncmds)
					break;
				want++;
				seen++;
			}
			sb_add(&part, p, l);
			p += l;
		}
		drop_history_note(&part);
		renumber_errors(&part, seen - b[i].ncmds);
		nfail += compare("session ", page, &b[i], part.buf, false);
		nrun++;
	}
	if (nrun == 0) {
		printf("FAIL session %s: no example without options\n", page);
		nfail++;
	}
	sb_release(&part);
	sb_release(&script);
	free(got);
	free(in);
	blocks_free(b, n);
	return nfail ? 1 : 0;
}

static void
words(FILE *o, const char *kind)
{
	int i;

	if (kind == NULL)
		return;
	if (!strcmp(kind, "arch")) {
		for (i = 0; arch_list[i]; i++)
			fprintf(o, "%s%s", i ? " " : "", arch_list[i]->name);
	} else if (!strncmp(kind, "words:", 6) || !strncmp(kind, "expr:", 5)) {
		for (const char *p = strchr(kind, ':') + 1; *p; p++)
			fputc(*p == ',' ? ' ' : *p, o);
	} else if (!strcmp(kind, "cmd")) {
		for (i = 0; cmd_table[i]; i++)
			fprintf(o, "%s%s", i ? " " : "", cmd_table[i]->name);
	}
}

/*
 * A command whose first argument is one of fixed words (lab list ...,
 * tlb stats ...): those words, space separated; else NULL.
 */
static const char *
first_words(const struct cmd *c, char *buf, size_t n)
{
	size_t l, i, k;

	if (c->complete == NULL || (strncmp(c->complete, "words:", 6) &&
				    strncmp(c->complete, "expr:", 5)))
		return NULL;
	k = strcspn(c->complete, ":") + 1;
	l = strcspn(c->complete + k, " ");
	if (l >= n)
		l = n - 1;
	for (i = 0; i < l; i++)
		buf[i] = c->complete[k + i] == ',' ? ' ' : c->complete[k + i];
	buf[l] = 0;
	return buf;
}

/* The case arm of an option in a shell `case`: "-a|--arch)". */
static void
option_pattern(FILE *o, const struct option_doc *d)
{
	if (d->shrt)
		fprintf(o, "-%c|", d->shrt);
	fprintf(o, "--%s)", d->lng);
}

static void
bash_values(void)
{
	int i;

	printf("# the values of an option: _ptwalk_values OPTION PARTIAL; "
	       "status 1 when\n# OPTION takes none\n"
	       "_ptwalk_values()\n{\n\tcase \"$1\" in\n");
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *d = &option_docs[i];

		if (!d->arg)
			continue;
		printf("\t");
		option_pattern(stdout, d);
		printf("\n");
		if (d->complete && !strcmp(d->complete, "file")) {
			printf("\t\tCOMPREPLY=( $(compgen -f -- \"$2\") ) ;;\n");
		} else if (d->complete && !strcmp(d->complete, "hostpid")) {
			printf("\t\tCOMPREPLY=( $(compgen -W \"$(cd /proc && "
			       "echo [0-9]*)\" -- \"$2\") ) ;;\n");
		} else if (!strcmp(d->lng, "command")) {
			printf("\t\tCOMPREPLY=( $(compgen -W \"$_ptwalk_commands\" "
			       "-- \"$2\") ) ;;\n");
		} else if (d->complete) {
			printf("\t\tCOMPREPLY=( $(compgen -W '");
			words(stdout, d->complete);
			printf("' -- \"$2\") ) ;;\n");
		} else {
			printf("\t\t;;\n");
		}
	}
	printf("\t*) return 1 ;;\n\tesac\n\treturn 0\n}\n\n");
}

static int
gen_bash(void)
{
	char wb[512];
	int i;

	printf("# bash completion for ptwalk(1)\n"
	       "# Generated by ptwalk-docgen from the option and command "
	       "tables: do not edit.\n\n");
	printf("_ptwalk_commands='");
	for (i = 0; cmd_table[i]; i++) {
		printf("%s%s", i ? " " : "", cmd_table[i]->name);
		if (cmd_table[i]->aliases)
			printf(" %s", cmd_table[i]->aliases);
	}
	printf("'\n_ptwalk_options='");
	for (i = 0; option_docs[i].lng; i++) {
		if (option_docs[i].shrt)
			printf("-%c ", option_docs[i].shrt);
		printf("--%s%s", option_docs[i].lng, option_docs[i + 1].lng ?
		       " " : "");
	}
	printf("'\n\n# the words a command takes first (lab start, tlb flush ...)\n"
	       "_ptwalk_subcommands()\n{\n\tcase \"$1\" in\n");
	for (i = 0; cmd_table[i]; i++)
		if (first_words(cmd_table[i], wb, sizeof(wb)))
			printf("\t%s) echo '%s' ;;\n", cmd_table[i]->name, wb);
	printf("\tesac\n}\n\n");
	bash_values();
	printf("# in the argument of -c: ptwalk's commands, then their first "
	       "words.\n"
	       "# _ptwalk_command_words TEXT QUOTE: TEXT is the argument up to "
	       "the cursor,\n"
	       "# QUOTE the quote that opened it.  readline closes the quote "
	       "after a single\n"
	       "# match, and the next word would then be a command file: inside "
	       "quotes a\n"
	       "# single match is offered twice, with one space and with two, "
	       "so that the\n"
	       "# common part (the word and a space) is inserted and the quote "
	       "stays open.\n"
	       "_ptwalk_command_words()\n{\n"
	       "\tlocal seg=${1##*;} partial= keep list n\n"
	       "\tlocal -a w\n"
	       "\tread -ra w <<< \"$seg\"\n"
	       "\tn=${#w[@]}\n"
	       "\tif [[ -n $seg && $seg != *[[:space:]] ]]; then\n"
	       "\t\tpartial=${w[n-1]}\n"
	       "\t\tn=$((n - 1))\n"
	       "\tfi\n"
	       "\tcase $n in\n"
	       "\t0) list=$_ptwalk_commands ;;\n"
	       "\t1) list=$(_ptwalk_subcommands \"${w[0]}\") ;;\n"
	       "\t*) return 0 ;;\n"
	       "\tesac\n"
	       "\tkeep=${cur%%\"$partial\"}\n"
	       "\t[[ $cur == = ]] && keep=\n"
	       "\tcompopt +o filenames 2>/dev/null\n"
	       "\tCOMPREPLY=( $(compgen -W \"$list\" -- \"$partial\") )\n"
	       "\tCOMPREPLY=( \"${COMPREPLY[@]/#/$keep}\" )\n"
	       "\tif [[ -n $2 && ${#COMPREPLY[@]} == 1 ]]; then\n"
	       "\t\tcompopt -o nospace 2>/dev/null\n"
	       "\t\tCOMPREPLY=( \"${COMPREPLY[0]} \" \"${COMPREPLY[0]}  \" )\n"
	       "\tfi\n"
	       "}\n\n"
	       "_ptwalk()\n{\n"
	       "\tlocal cur prev line=${COMP_LINE:0:COMP_POINT} opt\n"
	       "\tCOMPREPLY=()\n"
	       "\tcur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
	       "\tprev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
	       "\tif [[ $line =~ (^|[[:space:]])(-c|--command)([[:space:]]+|=)"
	       "([\\\"\\']?)([^\\\"\\']*)$ ]] &&\n"
	       "\t   [[ -n ${BASH_REMATCH[4]} || $cur != -* ]]; then\n"
	       "\t\t_ptwalk_command_words \"${BASH_REMATCH[5]}\" "
	       "\"${BASH_REMATCH[4]}\"\n"
	       "\t\treturn 0\n"
	       "\tfi\n"
	       "\t# --opt=VALUE: bash splits the word at '=' when "
	       "COMP_WORDBREAKS holds it\n"
	       "\tif [[ $cur == = && $prev == --* ]]; then\n"
	       "\t\t_ptwalk_values \"$prev\" \"\"\n"
	       "\t\treturn 0\n"
	       "\tfi\n"
	       "\tif [[ $prev == = && ${COMP_WORDS[COMP_CWORD-2]} == --* ]]; then\n"
	       "\t\t_ptwalk_values \"${COMP_WORDS[COMP_CWORD-2]}\" \"$cur\"\n"
	       "\t\treturn 0\n"
	       "\tfi\n"
	       "\tif [[ $cur == --*=* ]]; then\n"
	       "\t\topt=${cur%%%%=*}\n"
	       "\t\t_ptwalk_values \"$opt\" \"${cur#*=}\" &&\n"
	       "\t\t\tCOMPREPLY=( \"${COMPREPLY[@]/#/$opt=}\" )\n"
	       "\t\treturn 0\n"
	       "\tfi\n"
	       "\t_ptwalk_values \"$prev\" \"$cur\" && return 0\n"
	       "\tif [[ \"$cur\" == -* ]]; then\n"
	       "\t\tCOMPREPLY=( $(compgen -W \"$_ptwalk_options\" -- \"$cur\") )\n"
	       "\t\treturn 0\n"
	       "\tfi\n"
	       "\tCOMPREPLY=( $(compgen -f -X '!*.cmd' -- \"$cur\") "
	       "$(compgen -d -- \"$cur\") )\n"
	       "}\n"
	       "complete -o filenames -F _ptwalk ptwalk\n");
	return 0;
}

static void
zq(const char *s)
{
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else if (*s == '[' || *s == ']' || *s == ':')
			printf("\\%c", *s);
		else
			putchar(*s);
	}
}

static int
gen_zsh(void)
{
	struct strbuf help;
	char wb[512];
	int i;

	printf("#compdef ptwalk\n"
	       "# zsh completion for ptwalk(1)\n"
	       "# Generated by ptwalk-docgen from the option and command "
	       "tables: do not edit.\n\n"
	       "_ptwalk_commands() {\n"
	       "\tlocal -a cmds\n"
	       "\tcmds=(\n");
	for (i = 0; cmd_table[i]; i++) {
		printf("\t\t'");
		zq(cmd_table[i]->name);
		printf(":");
		zq(cmd_table[i]->summary);
		printf("'\n");
	}
	printf("\t)\n\t_describe 'ptwalk command' cmds \"$@\"\n}\n\n"
	       "# in the argument of -c: ptwalk's commands, then their first "
	       "words.  The\n# explicit suffix (a space, removed when a space "
	       "is typed) keeps an open\n# quote open: the next word belongs "
	       "to the same -c argument.\n"
	       "_ptwalk_command_line() {\n"
	       "\tsetopt localoptions extendedglob\n"
	       "\tlocal seg=${PREFIX##*;}\n"
	       "\tlocal -a w subs\n"
	       "\tseg=${seg##[[:space:]]#}\n"
	       "\tw=(${=seg})\n"
	       "\tif [[ $seg != *[[:space:]]* ]]; then\n"
	       "\t\tcompset -P '*;[[:space:]]#'\n"
	       "\t\t_ptwalk_commands -S ' ' -q\n"
	       "\t\treturn\n"
	       "\tfi\n"
	       "\t[[ $seg == *[[:space:]] ]] || w[-1]=()\n"
	       "\t(( ${#w} == 1 )) || return 1\n"
	       "\tcompset -P '*[[:space:]]'\n"
	       "\tcase ${w[1]} in\n");
	for (i = 0; cmd_table[i]; i++)
		if (first_words(cmd_table[i], wb, sizeof(wb)))
			printf("\t%s) subs=(%s) ;;\n", cmd_table[i]->name, wb);
	printf("\tesac\n"
	       "\tcompadd -S ' ' -q -a subs\n"
	       "}\n\n"
	       "_ptwalk() {\n\t_arguments -s -S \\\n");
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *d = &option_docs[i];

		printf("\t\t");
		/* -aVALUE or -a VALUE; --arch=VALUE or --arch VALUE */
		if (d->shrt)
			printf("'(-%c --%s)'{-%c%s,--%s%s}'", d->shrt, d->lng,
			       d->shrt, d->arg ? "+" : "", d->lng,
			       d->arg ? "=" : "");
		else
			printf("'--%s%s", d->lng, d->arg ? "=" : "");
		printf("[");
		sb_init(&help);
		option_help(&help, d);
		zq(help.buf);
		sb_release(&help);
		printf("]");
		if (d->arg) {
			printf(":");
			zq(d->arg);
			printf(":");
			if (d->complete && !strcmp(d->complete, "file"))
				printf("_files");
			else if (d->complete && !strcmp(d->complete, "hostpid"))
				printf("_pids");
			else if (!strcmp(d->lng, "command"))
				printf("_ptwalk_command_line");
			else if (d->complete) {
				printf("(");
				words(stdout, d->complete);
				printf(")");
			} else {
				printf(" ");
			}
		}
		printf("' \\\n");
	}
	printf("\t\t'*:command file:_files -g \"*.cmd\"'\n}\n\n"
	       "_ptwalk \"$@\"\n");
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "man")) {
		char *abs = realpath(argv[3], NULL);
		int rc;

		if (abs == NULL) {
			perror(argv[3]);
			return 1;
		}
		rc = gen_man(argv[2], abs);
		free(abs);
		return rc;
	}
	if (argc == 4 && !strcmp(argv[1], "examples")) {
		char *abs = realpath(argv[3], NULL);
		int rc;

		if (abs == NULL) {
			perror(argv[3]);
			return 2;
		}
		rc = check_examples(argv[2], abs);
		free(abs);
		return rc;
	}
	if (argc == 4 && !strcmp(argv[1], "session")) {
		char *abs = realpath(argv[3], NULL);
		int rc;

		if (abs == NULL) {
			perror(argv[3]);
			return 2;
		}
		rc = check_session(argv[2], abs);
		free(abs);
		return rc;
	}
	if (argc == 2 && !strcmp(argv[1], "bash"))
		return gen_bash();
	if (argc == 2 && !strcmp(argv[1], "zsh"))
		return gen_zsh();
	fprintf(stderr, "usage: ptwalk-docgen man TEMPLATE PTWALK | examples PAGE "
		"PTWALK | session PAGE PTWALK | bash | zsh\n");
	return 2;
}
