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

static void
usage(FILE *f)
{
	int i;

	fprintf(f, "usage: ptwalk [OPTIONS] [SCRIPT.cmd ...]\n\n");
	for (i = 0; option_docs[i].lng; i++) {
		const struct option_doc *o = &option_docs[i];
		char left[64];

		if (o->shrt)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->shrt,
				 o->lng, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->lng,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-26s %s\n", left, o->help);
	}
	fprintf(f, "\nWith no SCRIPT and no -c, commands are read from the "
		"prompt (or from stdin when\nit is not a terminal). Exit "
		"status: 0 all commands succeeded, 1 a command\nfailed, 2 bad "
		"usage or an unreadable file. See ptwalk(1) and ptwalk-labs(7).\n");
}

static int
bad(const char *fmt, const char *a)
{
	fprintf(stderr, "ptwalk: ");
	fprintf(stderr, fmt, a);
	fprintf(stderr, "\n(see 'ptwalk --help')\n");
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
banner(const struct machine *m)
{
	char ram[32], low[32], high[32];

	if (m->image) {
		fmt_size(ram, sizeof(ram), m->ram_size);
		printf("ptwalk %s: %s image '%s', %s of memory, %d CPU%s.  "
		       "Type 'help' for the commands.\n", PTWALK_VERSION,
		       m->arch->name, m->image_path, ram, m->ncpus,
		       m->ncpus == 1 ? "" : "s");
		return;
	}

	fmt_size(ram, sizeof(ram), m->ram_size);
	fmt_size(low, sizeof(low), m->lay.lowmem_end);
	fmt_size(high, sizeof(high), m->ram_size - m->lay.lowmem_end);
	printf("ptwalk %s: %s, %s RAM", PTWALK_VERSION, m->arch->name, ram);
	if (m->ram_size > m->lay.lowmem_end)
		printf(" (%s lowmem + %s highmem)", low, high);
	printf(", %d CPU%s.  Type 'help' for the commands.\n", m->ncpus,
	       m->ncpus == 1 ? "" : "s");
	if (m->kern != NULL && task_list((struct machine *)m) != NULL) {
		const struct task_struct *t = task_list((struct machine *)m);

		printf("pid %d runs %s; its pages arrive by page faults: try "
		       "'maps', 'dis main', 'touch big w', 'fork'.\n", t->pid,
		       t->mm->img[0].file ? t->mm->img[0].file->path : t->comm);
	}
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
	int c, i, n = 0, sn = 1, rc = 0;

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
			sim_opts = true;
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
			fprintf(stderr, "ptwalk: option '%s' needs a value\n",
				argv[optind - 1]);
			usage(stderr);
			return 2;
		default:
			if (optopt)
				fprintf(stderr, "ptwalk: unknown option '-%c'\n",
					optopt);
			else
				fprintf(stderr, "ptwalk: unknown option '%s'\n",
					argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	mo.seed = seed;
	error_clear(&e);
	if (io.path != NULL) {
		if (sim_opts)
			return bad("%s", "--mem, --cpus, --nodes, --cpu, --vmalloc, "
				   "--kernel and --va-bits describe a simulated machine: an image "
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

	if (command != NULL) {
		if (script_run_string(&ctx, "-c", command))
			rc = 1;
	}
	for (i = optind; i < argc && !ctx.quit && !(rc && bail); i++) {
		int r = script_run_file(&ctx, argv[i]);

		if (r == -2) {
			fprintf(stderr, "ptwalk: cannot read '%s': %s\n",
				argv[i], strerror(errno));
			rc = 2;
			goto out;
		}
		if (r)
			rc = 1;
	}
	if (command == NULL && optind >= argc) {
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			if (!quiet)
				banner(m);
			repl_run(&ctx);
		} else {
			script_run_stream(&ctx, stdin, "<stdin>");
		}
	}
	if (ctx.nerr)
		rc = 1;
	if (ctx.quit && ctx.quit_status >= 0)
		rc = ctx.quit_status ? ctx.quit_status : rc;
out:
	fflush(stdout);
	ctx_release(&ctx);
	machine_free(ctx.m);	/* `image` may have replaced the machine */
	return rc;
}
