// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * ptwalk: an interactive page-table walker and simulator of Linux memory
 * management.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/arch.h"
#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/image.h"
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "ptwalk/options.h"
#include "ptwalk/script.h"

/*
 * Print s from column col on, wrapped at 80 columns with the following
 * lines indented by col; the spaces between words are kept.
 */
static void
wrap(FILE *f, const char *s, int col)
{
	int at = col, sp = 0;

	while (*s == ' ')
		s++;
	while (*s) {
		int w = (int)strcspn(s, " ");

		if (at > col && at + sp + w > 79) {
			fprintf(f, "\n%*s", col, "");
			at = col;
		} else {
			fprintf(f, "%*s", sp, "");
			at += sp;
		}
		fprintf(f, "%.*s", w, s);
		at += w;
		s += w;
		sp = (int)strspn(s, " ");
		s += sp;
	}
	fputc('\n', f);
}

static void
usage(FILE *f)
{
	int i;

	fprintf(f, "usage: ptwalk [OPTIONS] [SCRIPT.cmd ...]\n"
		"       ptwalk [OPTIONS] -c COMMANDS\n\n");
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *o = &option_docs[i];
		char left[64];

		if (o->shrt)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->shrt,
				 o->lng, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->lng,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-24s ", left);
		wrap(f, o->help, 27);
	}
	fprintf(f, "\nWith no SCRIPT and no -c, commands are read at the "
		"prompt when stdin is a\nterminal, else from stdin; a SCRIPT "
		"of - is stdin.  Exit status: 0 all commands\nsucceeded, 1 a "
		"command failed, 2 bad usage or input that could not be read;\n"
		"at the prompt, 0 or the STATUS of 'quit STATUS'.  See ptwalk(1) "
		"and\nptwalk-labs(7).\n");
}

static int
bad(const char *fmt, const char *a)
{
	fprintf(stderr, "ptwalk: ");
	fprintf(stderr, fmt, a);
	fprintf(stderr, "\n(see 'ptwalk --help')\n");
	return 2;
}

static const struct option_doc *
option_by_id(int id)
{
	int i;

	for (i = 0; option_docs[i].lng; i++)
		if (option_docs[i].id == id)
			return &option_docs[i];
	return NULL;
}

static int
missing_value(const char *arg, int id)
{
	const struct option_doc *o = option_by_id(id);

	fprintf(stderr, "ptwalk: option '%s' needs a value%s%s%s\n", arg,
		o != NULL ? " (" : "", o != NULL ? o->arg : "",
		o != NULL ? ")" : "");
	fprintf(stderr, "(see 'ptwalk --help')\n");
	return 2;
}

/* An option getopt_long did not take: say which, and the closest ones. */
static int
bad_option(const char *arg, int shrt)
{
	const char *name = arg + 2, *best = NULL;
	size_t l = strcspn(name, "=");
	char word[64];
	struct strbuf sb;
	int i, n = 0, bd = 99;

	if (shrt) {
		fprintf(stderr, "ptwalk: unknown option '-%c'\n", shrt);
		fprintf(stderr, "(see 'ptwalk --help')\n");
		return 2;
	}
	if (strncmp(arg, "--", 2) || l >= sizeof(word))
		l = 0;
	snprintf(word, sizeof(word), "%.*s", (int)l, name);
	sb_init(&sb);
	for (i = 0; l > 0 && option_docs[i].lng; i++) {
		int d = edit_distance(word, option_docs[i].lng);

		if (!strncmp(option_docs[i].lng, word, l)) {
			sb_addf(&sb, "%s--%s", n ? ", " : "", option_docs[i].lng);
			n++;
		}
		if (d < bd) {
			bd = d;
			best = option_docs[i].lng;
		}
	}
	if (n > 1)
		fprintf(stderr, "ptwalk: ambiguous option '--%s', could be: %s\n",
			word, sb.buf);
	else if (best != NULL && bd <= 2)
		fprintf(stderr, "ptwalk: unknown option '--%s'; did you mean "
			"'--%s'?\n", word, best);
	else
		fprintf(stderr, "ptwalk: unknown option '%s'\n", arg);
	fprintf(stderr, "(see 'ptwalk --help')\n");
	sb_release(&sb);
	return 2;
}

static int
parse_size(const char *s, const char *opt, u64 *v)
{
	char err[200];

	if (parse_number(s, v, err, sizeof(err))) {
		fprintf(stderr, "ptwalk: %s: %s\n", opt, err);
		return -1;
	}
	return 0;
}

static int
parse_features(const char *s, struct machine_opts *o)
{
	char *copy = xstrdup(s), *save = NULL, *w;
	int rc = 0;

	for (w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		bool off = !strncmp(w, "no", 2);
		const char *n = off ? w + 2 : w;
		int i;

		for (i = 0; feature_names[i].name; i++)
			if (!strcmp(feature_names[i].name, n))
				break;
		if (!feature_names[i].name) {
			fprintf(stderr, "ptwalk: --cpu: unknown feature '%s' "
				"(known:", w);
			for (i = 0; feature_names[i].name; i++)
				fprintf(stderr, "%s %s", i ? "," : "",
					feature_names[i].name);
			fprintf(stderr, "; prefix no to remove)\n");
			rc = -1;
			break;
		}
		if (off)
			o->cpu_clear |= feature_names[i].bit;
		else
			o->cpu_set |= feature_names[i].bit;
	}
	free(copy);
	return rc;
}

static void
banner(struct machine *m)
{
	char ram[32], low[32], high[32];
	struct task_struct *t;
	struct strbuf sb;
	u64 v;

	sb_init(&sb);
	fmt_size(ram, sizeof(ram), m->ram_size);
	if (m->image) {
		sb_addf(&sb, "ptwalk %s: %s image '%s', %s of memory, %d CPU%s.  "
			"Type 'help' for the commands.", PTWALK_VERSION,
			m->arch->name, m->image_path, ram, m->ncpus,
			m->ncpus == 1 ? "" : "s");
		wrap(stdout, sb.buf, 0);
		sb_release(&sb);
		return;
	}
	fmt_size(low, sizeof(low), m->lay.lowmem_end);
	fmt_size(high, sizeof(high), m->ram_size - m->lay.lowmem_end);
	sb_addf(&sb, "ptwalk %s: %s, %s RAM", PTWALK_VERSION, m->arch->name, ram);
	if (m->ram_size > m->lay.lowmem_end)
		sb_addf(&sb, " (%s lowmem + %s highmem)", low, high);
	sb_addf(&sb, ", %d CPU%s.", m->ncpus, m->ncpus == 1 ? "" : "s");
	t = m->kern != NULL ? task_list(m) : NULL;
	if (t != NULL && t->mm != NULL) {
		wrap(stdout, sb.buf, 0);
		sb_reset(&sb);
		sb_addf(&sb, "pid %d runs %s; its pages arrive by page faults: "
			"try 'maps'", t->pid, t->mm->img[0].file ?
			t->mm->img[0].file->path : t->comm);
		if (user_sym_find(t->mm, "main", &v, NULL) == 0)
			sb_adds(&sb, ", 'dis main'");
		/* the demo's 1 MiB bss array: 64K in, no page is there yet */
		if (user_sym_find(t->mm, "big", &v, NULL) == 0)
			sb_adds(&sb, ", 'touch big+64K w' (a page fault)");
		sb_adds(&sb, ", 'fork'.");
	}
	sb_adds(&sb, "  Type 'help' for the commands.");
	wrap(stdout, sb.buf, 0);
	sb_release(&sb);
}

/*
 * Run -c, then the command files, else stdin: at the prompt when stdin is
 * a terminal.  Returns the exit status: that of `quit STATUS` if given;
 * else at the prompt 0; else 2 when an input could not be read, 1 when a
 * command failed, 0 when all succeeded.
 */
static int
run_inputs(struct ctx *ctx, const char *command, char **files, int nfiles)
{
	bool interactive = false;
	struct error e;
	int i;

	if (command != NULL)
		script_run_string(ctx, "-c", command);
	for (i = 0; i < nfiles && !ctx->quit; i++) {
		if (ctx->bail && (ctx->nerr || ctx->read_failed))
			break;
		error_clear(&e);
		if (script_run_file(ctx, files[i], SCRIPT_ARG, &e) == -2) {
			fflush(ctx->out);
			fprintf(stderr, "ptwalk: %s\n", e.msg);
			return 2;
		}
	}
	if (command == NULL && nfiles == 0) {
		if (isatty(STDIN_FILENO)) {
			if (!ctx->quiet)
				banner(ctx->m);
			fflush(stdout);
			interactive = true;
			repl_run(ctx);
		} else {
			script_run_stream(ctx, stdin, "<stdin>");
		}
	}
	if (ctx->quit && ctx->quit_status >= 0)
		return ctx->quit_status;
	if (interactive)
		return 0;
	if (ctx->read_failed)
		return 2;
	return ctx->nerr ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct option lopts[64];
	char sopts[64];
	struct machine_opts mo;
	struct image_opts io;
	bool sim_opts = false;
	struct machine *m;
	struct ctx ctx;
	struct error e;
	const char *command = NULL;
	bool json = false, bail = false, quiet = false, echo = false;
	u64 seed = 1;
	int c, i, n = 0, sn = 1, rc;

	memset(&mo, 0, sizeof(mo));
	memset(&io, 0, sizeof(io));
	sopts[0] = ':';
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *o = &option_docs[i];

		lopts[n].name = o->lng;
		lopts[n].has_arg = o->arg ? required_argument : no_argument;
		lopts[n].flag = NULL;
		lopts[n].val = o->id;
		n++;
		if (o->shrt) {
			sopts[sn++] = o->shrt;
			if (o->arg)
				sopts[sn++] = ':';
		}
	}
	memset(&lopts[n], 0, sizeof(lopts[n]));
	sopts[sn] = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, sopts, lopts, NULL)) != -1) {
		long l;
		char *end;

		switch (c) {
		case 'a':
			mo.arch = optarg;
			break;
		case 'i':
			io.path = optarg;
			break;
		case 1020:
			if (parse_size(optarg, "--cr3", &io.root[0]))
				return 2;
			io.have_root[0] = true;
			break;
		case 1022:
		case 1023:
			if (parse_size(optarg, c == 1022 ? "--ttbr0" : "--ttbr1",
				       &io.root[c - 1022]))
				return 2;
			io.have_root[c - 1022] = true;
			break;
		case 1021:
			if (parse_size(optarg, "--phys-base", &io.phys_base))
				return 2;
			break;
		case 'm':
			sim_opts = true;
			if (parse_size(optarg, "--mem", &mo.mem))
				return 2;
			if (mo.mem == 0)
				return bad("--mem 0: a machine needs some RAM "
					   "(at least 16M)%s", "");
			break;
		case 1000:
			sim_opts = true;
			l = strtol(optarg, &end, 0);
			if (*end || l < 1 || l > 64)
				return bad("--cpus '%s': give 1 to 64", optarg);
			mo.cpus = (int)l;
			break;
		case 1009:
			l = strtol(optarg, &end, 0);
			if (*end || l < 1 || l > 64)
				return bad("--nodes '%s': give 1 to 64", optarg);
			mo.nodes = (int)l;
			break;
		case 1001:
			sim_opts = true;
			if (parse_features(optarg, &mo))
				return 2;
			break;
		case 1002:
			sim_opts = true;
			if (parse_size(optarg, "--vmalloc", &mo.vmalloc_size))
				return 2;
			break;
		case 1007:
			sim_opts = true;
			mo.variant = optarg;
			break;
		case 1008:
			sim_opts = true;
			l = strtol(optarg, &end, 10);
			if (*end || end == optarg || l < 1 || l > 64)
				return bad("--va-bits '%s': give the number of "
					   "virtual address bits, 39 or 48",
					   optarg);
			mo.va_bits = (int)l;
			break;
		case 'c':
			command = optarg;
			break;
		case 'e':
			mo.exec = optarg;
			break;
		case 1003:
			json = true;
			break;
		case 1004:
			bail = true;
			break;
		case 1005:
			echo = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 1006:
			if (parse_size(optarg, "--seed", &seed))
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("ptwalk %s\n", PTWALK_VERSION);
			return 0;
		case ':':
			return missing_value(argv[optind - 1], optopt);
		default:
			return bad_option(argv[optind - 1], optopt);
		}
	}
	mo.seed = seed;
	error_clear(&e);
	if (io.path != NULL) {
		if (sim_opts)
			return bad("%s", "--mem, --cpus, --cpu, --vmalloc, --kernel "
				   "and --va-bits describe a simulated machine: an image "
				   "brings its own (drop them or --image)");
		io.arch = mo.arch;
		m = image_open(&io, &e);
		if (m != NULL)
			for (i = 0; i < m->img->nwarn; i++)
				fprintf(stderr, "ptwalk: warning: %s\n",
					m->img->warn[i]);
	} else {
		if (io.have_root[0] || io.have_root[1] || io.phys_base)
			return bad("%s", "--cr3, --ttbr0, --ttbr1 and --phys-base "
				   "go with --image FILE");
		m = machine_new(&mo, &e);
	}
	if (m == NULL) {
		fprintf(stderr, "ptwalk: %s\n", e.msg);
		return 2;
	}
	ctx_init(&ctx, m);
	ctx.json = json;
	ctx.bail = bail;
	ctx.echo = echo;
	ctx.quiet = quiet;
	ctx.seed = seed;

	rc = run_inputs(&ctx, command, argv + optind, argc - optind);
	fflush(stdout);
	ctx_release(&ctx);
	machine_free(ctx.m);	/* `image` may have replaced the machine */
	return rc;
}
