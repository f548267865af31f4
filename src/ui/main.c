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
#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/boot_record.h"
#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/image.h"
#include "ptwalk/live_pid.h"
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"
#include "ptwalk/options.h"
#include "ptwalk/progress.h"
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
	struct strbuf help;
	int i;

	sb_init(&help);
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
		sb_reset(&help);
		option_help(&help, o);
		wrap(f, help.buf, 27);
	}
	sb_release(&help);
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
banner(FILE *f, struct machine *m)
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
		wrap(f, sb.buf, 0);
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
		wrap(f, sb.buf, 0);
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
	wrap(f, sb.buf, 0);
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
	for (i = 0; i < nfiles && !ctx->quit && !interrupt_pending(); i++) {
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
			if (!ctx->quiet && ctx->pid != NULL)
				fprintf(repl_stream(), "ptwalk %s: live process "
					"%d (%s), its /proc view.  Type 'help "
					"attach' for the commands.\n",
					PTWALK_VERSION, ctx->pid->pid,
					ctx->pid->comm);
			else if (!ctx->quiet)
				banner(repl_stream(), ctx->m);
			fflush(NULL);
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
	if (interrupt_pending()) {
		/* a script stopped by Ctrl-C ends as a shell's would */
		if (!interrupt_reported())
			fprintf(stderr, "ptwalk: interrupted\n");
		return 130;
	}
	if (ctx->read_failed)
		return 2;
	return ctx->nerr ? 1 : 0;
}

/* What the command line asked for. */
struct run_opts {
	struct machine_opts mo;
	struct image_opts io;
	bool sim_opts;		/* an option that only a simulated machine takes */
	const char *command;
	bool json, bail, quiet, echo, nopager;
	u64 seed;
	const char *pid;	/* --pid */
	bool writable;		/* --writable */
	bool other_opts;	/* an option of the machine or image */
};

/* An option that describes the machine or the image: 0 or the exit status. */
static int
machine_option(int c, const char *arg, struct run_opts *o)
{
	long l;
	char *end;

	switch (c) {
	case 'a':
		o->mo.arch = arg;
		return 0;
	case 'i':
		o->io.path = arg;
		return 0;
	case 1020:
		if (!strcmp(arg, "auto")) {
			o->io.root_auto[0] = true;
			return 0;
		}
		o->io.have_root[0] = true;
		return parse_size(arg, "--cr3", &o->io.root[0]) ? 2 : 0;
	case 1022:
	case 1023:
		if (!strcmp(arg, "auto")) {
			o->io.root_auto[c - 1022] = true;
			return 0;
		}
		o->io.have_root[c - 1022] = true;
		return parse_size(arg, c == 1022 ? "--ttbr0" : "--ttbr1",
				  &o->io.root[c - 1022]) ? 2 : 0;
	case 1021:
		return parse_size(arg, "--phys-base", &o->io.phys_base) ? 2 : 0;
	case 1024:
		o->io.symbols = arg;
		return 0;
	case 1025:
		o->io.btf = arg;
		return 0;
	case 1060:
		o->io.qemu = arg;
		return 0;
	case 1061:
		o->io.qemu_ram = arg;
		return 0;
	case 'e':
		o->mo.exec = arg;
		return 0;
	}
	/* the rest describe a simulated machine only */
	o->sim_opts = true;
	switch (c) {
	case 'm':
		if (parse_size(arg, "--mem", &o->mo.mem))
			return 2;
		if (o->mo.mem == 0)
			return bad("--mem 0: a machine needs some RAM (at least "
				   "16M)%s", "");
		return 0;
	case 1009:
		l = strtol(arg, &end, 0);
		if (*end || l < 1 || l > 64)
			return bad("--nodes '%s': give 1 to 64", arg);
		o->mo.nodes = (int)l;
		return 0;
	case 1000:
		l = strtol(arg, &end, 0);
		if (*end || l < 1 || l > 64)
			return bad("--cpus '%s': give 1 to 64", arg);
		o->mo.cpus = (int)l;
		return 0;
	case 1001:
		return parse_features(arg, &o->mo) ? 2 : 0;
	case 1002:
		return parse_size(arg, "--vmalloc", &o->mo.vmalloc_size) ? 2 : 0;
	case 1007:
		o->mo.variant = arg;
		return 0;
	case 1011:
		if (boot_mode_parse(arg) < 0)
			return bad("--boot '%s': choose one of " BOOT_MODES,
				   arg);
		o->mo.boot = arg;
		return 0;
	case 1008:
		l = strtol(arg, &end, 10);
		if (*end || end == arg || l < 1 || l > 64)
			return bad("--va-bits '%s': give the number of virtual "
				   "address bits, 39 or 48", arg);
		o->mo.va_bits = (int)l;
		return 0;
	}
	return 0;
}

/* Whether getopt's c is an option of the machine or the image. */
static bool
is_machine_option(int c)
{
	static const int ids[] = { 'a', 'i', 'e', 'm', 1000, 1001, 1002, 1007,
				   1008, 1009, 1011, 1020, 1021, 1022, 1023,
				   1024, 1025, 1060, 1061 };
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (ids[i] == c)
			return true;
	return false;
}

/* Parse the options: -1 to go on, else the exit status. */
static int
parse_options(int argc, char **argv, struct run_opts *o)
{
	struct option lopts[64];
	char sopts[64];
	int c, i, n = 0, sn = 1, r;

	sopts[0] = ':';
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *d = &option_docs[i];

		lopts[n].name = d->lng;
		lopts[n].has_arg = d->arg ? required_argument : no_argument;
		lopts[n].flag = NULL;
		lopts[n].val = d->id;
		n++;
		if (d->shrt) {
			sopts[sn++] = d->shrt;
			if (d->arg)
				sopts[sn++] = ':';
		}
	}
	memset(&lopts[n], 0, sizeof(lopts[n]));
	sopts[sn] = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, sopts, lopts, NULL)) != -1) {
		if (is_machine_option(c)) {
			o->other_opts = true;
			r = machine_option(c, optarg, o);
			if (r)
				return r;
			continue;
		}
		switch (c) {
		case 'c':
			o->command = optarg;
			break;
		case 1030:
			o->pid = optarg;
			break;
		case 1031:
			o->writable = true;
			break;
		case 1003:
			o->json = true;
			break;
		case 1004:
			o->bail = true;
			break;
		case 1005:
			o->echo = true;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 1010:
			o->nopager = true;
			break;
		case 1006:
			if (parse_size(optarg, "--seed", &o->seed))
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
	return -1;
}

/* The simulated machine or the image the options describe. */
static int
open_machine(struct run_opts *o, struct machine **mp)
{
	struct machine *m;
	struct error e;
	int i;

	error_clear(&e);
	o->mo.seed = o->seed;
	if (o->io.qemu_ram != NULL && o->io.qemu == NULL)
		return bad("%s", "--qemu-ram FILE goes with --qemu ADDRESS (the "
			   "registers come from the gdbstub)");
	if (o->io.qemu != NULL && (o->io.path != NULL || o->io.have_root[0] ||
				   o->io.have_root[1] || o->io.phys_base))
		return bad("%s", "--qemu takes the guest's memory and registers "
			   "from QEMU: drop --image, --cr3, --ttbr0, --ttbr1 "
			   "and --phys-base");
	if (o->io.path != NULL || o->io.qemu != NULL) {
		if (o->sim_opts)
			return bad("%s", "--mem, --cpus, --nodes, --cpu, --vmalloc, "
				   "--kernel and --va-bits describe a simulated machine: an image "
				   "brings its own (drop them or --image)");
		o->io.arch = o->mo.arch;
		m = o->io.qemu != NULL ? live_qemu_open(&o->io, &e) :
			image_open(&o->io, &e);
		if (m != NULL)
			for (i = 0; i < m->img->nwarn; i++)
				fprintf(stderr, "ptwalk: warning: %s\n",
					m->img->warn[i]);
	} else {
		if (o->io.have_root[0] || o->io.have_root[1] ||
		    o->io.root_auto[0] || o->io.root_auto[1] || o->io.phys_base ||
		    o->io.symbols || o->io.btf)
			return bad("%s", "--cr3, --ttbr0, --ttbr1, --phys-base, "
				   "--symbols and --btf go with --image FILE");
		m = machine_new(&o->mo, &e);
	}
	if (m == NULL) {
		fprintf(stderr, "ptwalk: %s\n", e.msg);
		return 2;
	}
	*mp = m;
	return 0;
}

/* The live process of --pid: 0 or the exit status. */
static int
open_pid(struct run_opts *o, struct live_pid **lpp)
{
	struct error e;
	char *end;
	long pid;

	if (o->other_opts || o->sim_opts)
		return bad("%s", "--pid attaches a live process: the options "
			   "of a simulated machine or an image do not go "
			   "with it");
	pid = strtol(o->pid, &end, 10);
	if (*end || end == o->pid || pid <= 0 || pid > 0x7fffffff)
		return bad("--pid '%s': give a process id", o->pid);
	error_clear(&e);
	*lpp = live_pid_open((int)pid, o->writable, &e);
	if (*lpp == NULL) {
		fprintf(stderr, "ptwalk: %s\n", e.msg);
		return 2;
	}
	if (o->writable)
		fprintf(stderr, "ptwalk: warning: --writable: 'write' stores "
			"into the running process %d (%s) through "
			"/proc/%d/mem\n", (*lpp)->pid, (*lpp)->comm,
			(*lpp)->pid);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run_opts o;
	struct machine *m = NULL;
	struct live_pid *lp = NULL;
	struct ctx ctx;
	int rc;

	memset(&o, 0, sizeof(o));
	o.seed = 1;
	rc = parse_options(argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (o.pid != NULL)
		rc = open_pid(&o, &lp);
	else if (o.writable)
		rc = bad("%s", "--writable goes with --pid PID");
	else
		rc = open_machine(&o, &m);
	if (rc)
		return rc;
	ctx_init(&ctx, m);
	ctx.pid = lp;
	ctx.json = o.json;
	ctx.bail = o.bail;
	ctx.echo = o.echo;
	ctx.quiet = o.quiet;
	ctx.pager = !o.nopager;
	ctx.seed = o.seed;
	interrupt_install(false);	/* the REPL installs its own way */
	rc = run_inputs(&ctx, o.command, argv + optind, argc - optind);
	fflush(stdout);
	ctx_release(&ctx);
	machine_free(ctx.m);	/* `image` may have replaced the machine */
	return rc;
}
