// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer harness: the command language and every command behind it.
 *
 * An input is a command file, as `ptwalk --quiet FILE` reads it (the
 * script reader, cmd_run_line, the splitter, the options, the dispatcher
 * and the commands).  A first line "# args: OPTIONS" (as the golden tests
 * have) picks the machine: --arch, --mem (at most 1G), --cpus, --nodes,
 * --kernel, --va-bits, --vmalloc, --cpu, -e, --seed, and --json, --bail,
 * --echo for the session; other options are ignored.
 *
 * Speed and determinism: booting costs milliseconds, running a short
 * script much less.  So each machine configuration is booted once and
 * kept while the inputs run only commands that read (a fixed list,
 * `pure` below); an input that may change the machine (a command of it,
 * cut and split as the reader and the dispatcher do, names another
 * command) is run on the kept machine, which is then freed: the next input
 * boots afresh.  Every
 * input therefore starts on a freshly booted machine and a fresh session.
 * With PTWALK_FUZZ_VERIFY=1 each input classed as reading only is run a
 * second time on a new machine and the outputs must agree, which checks
 * the list.
 *
 * Files: the sandbox (fuzz_common.c) lets scripts read testdata/ only
 * (the working directory is testdata/golden, as for the golden tests) and
 * write nothing.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"
#include "ptwalk/script.h"

#define MAX_INPUT	65536	/* bytes per input (run.sh: -max_len) */
#define MAX_MEM		(1ULL << 30)	/* i386 has highmem above 896M */
#define NSLOTS		8

/* Commands that only read the machine (and the session, which is new). */
static const char *const pure[] = {
	"help", "echo", "layout", "machine", "cpus", "pa", "va", "page_to_pfn",
	"pfn_to_page", "page_address", "virt_to_page", "fix_to_virt",
	"virt_to_fix", "fixmap", "sym", "buddyinfo", "zoneinfo", "meminfo",
	"page", "slabinfo", "slab", "ksize", "vmallocinfo", "lsmod", "ps",
	"maps", "whatis", "xp", "pte", "walk", "quit", "lab", "image",
	NULL
};

struct config {
	char key[512];		/* what the machine depends on */
	struct machine_opts mo;
	char arch[32], variant[32], exec[256];
	bool json, bail, echo;
	u64 seed;
};

static struct slot {
	char key[512];
	struct machine *m;
} slots[NSLOTS];

static bool verify, verbose;
static const struct cmd *pure_cmds[ARRAY_SIZE(pure)];

static bool
is_pure(const struct cmd *c)
{
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(pure_cmds) && pure_cmds[i] != NULL; i++)
		if (pure_cmds[i] == c)
			return true;
	return false;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int i, n = 0;
	bool amb;

	(void)argc;
	(void)argv;
	fuzz_init();
	verify = getenv("PTWALK_FUZZ_VERIFY") != NULL;
	verbose = getenv("PTWALK_FUZZ_VERBOSE") != NULL;
	for (i = 0; pure[i] != NULL; i++) {
		const struct cmd *c = cmd_find(pure[i], &amb);

		if (c != NULL && !strcmp(c->name, pure[i]))
			pure_cmds[n++] = c;
	}
	return 0;
}

/*
 * The "# args:" line
 */

static void
set_str(char *dst, size_t n, const char *v)
{
	snprintf(dst, n, "%s", v);
}

static void
features(struct machine_opts *mo, const char *list)
{
	char buf[256], *save = NULL, *w;
	int i;

	set_str(buf, sizeof(buf), list);
	for (w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		bool off = !strncmp(w, "no", 2);

		for (i = 0; feature_names[i].name; i++)
			if (!strcmp(feature_names[i].name, off ? w + 2 : w)) {
				if (off)
					mo->cpu_clear |= feature_names[i].bit;
				else
					mo->cpu_set |= feature_names[i].bit;
			}
	}
}

/* One option and its value (NULL for a flag); false: not known. */
static void
option(struct config *c, const char *o, const char *v)
{
	u64 n = 0;
	char err[128];

	if (v != NULL && parse_number(v, &n, err, sizeof(err)))
		n = 0;
	if (!strcmp(o, "--json"))
		c->json = true;
	else if (!strcmp(o, "--bail"))
		c->bail = true;
	else if (!strcmp(o, "--echo"))
		c->echo = true;
	else if (v == NULL)
		return;
	else if (!strcmp(o, "-a") || !strcmp(o, "--arch"))
		set_str(c->arch, sizeof(c->arch), v);
	else if (!strcmp(o, "-m") || !strcmp(o, "--mem"))
		c->mo.mem = MIN(n, MAX_MEM);
	else if (!strcmp(o, "--cpus"))
		c->mo.cpus = (int)MIN(n, 64);
	else if (!strcmp(o, "--nodes"))
		c->mo.nodes = (int)MIN(n, 64);
	else if (!strcmp(o, "--va-bits"))
		c->mo.va_bits = (int)MIN(n, 64);
	else if (!strcmp(o, "--vmalloc"))
		c->mo.vmalloc_size = n;
	else if (!strcmp(o, "--kernel"))
		set_str(c->variant, sizeof(c->variant), v);
	else if (!strcmp(o, "--cpu"))
		features(&c->mo, v);
	else if (!strcmp(o, "-e") || !strcmp(o, "--exec"))
		set_str(c->exec, sizeof(c->exec), v);
	else if (!strcmp(o, "--seed"))
		c->seed = n;
}

static void
parse_args(struct config *c, const char *text, size_t len)
{
	char line[512], *w, *save = NULL, *prev = NULL;

	memset(c, 0, sizeof(*c));
	c->seed = 1;
	if (len > 8 && !memcmp(text, "# args:", 7)) {
		const char *nl = memchr(text, '\n', len);
		size_t l = nl ? (size_t)(nl - text) : len;

		snprintf(line, sizeof(line), "%.*s", (int)MIN(l - 7,
			 sizeof(line) - 1), text + 7);
		for (w = strtok_r(line, " \t", &save); w;
		     w = strtok_r(NULL, " \t", &save)) {
			if (prev != NULL) {
				option(c, prev, w);
				prev = NULL;
			} else if (!strcmp(w, "--json") ||
				   !strcmp(w, "--bail") ||
				   !strcmp(w, "--echo")) {
				option(c, w, NULL);
			} else if (w[0] == '-') {
				prev = w;
			}
		}
	}
	c->mo.arch = c->arch[0] ? c->arch : NULL;
	c->mo.variant = c->variant[0] ? c->variant : NULL;
	c->mo.exec = c->exec[0] ? c->exec : NULL;
	c->mo.seed = c->seed;
	snprintf(c->key, sizeof(c->key),
		 "%s/%llu/%d/%d/%d/%llu/%s/%x/%x/%s/%llu", c->arch,
		 (unsigned long long)c->mo.mem, c->mo.cpus, c->mo.nodes,
		 c->mo.va_bits, (unsigned long long)c->mo.vmalloc_size,
		 c->variant, c->mo.cpu_set, c->mo.cpu_clear, c->exec,
		 (unsigned long long)c->seed);
}

/*
 * Machines kept between inputs
 */

static struct slot *
slot_for(const char *key)
{
	int i;

	for (i = 0; i < NSLOTS; i++)
		if (slots[i].m != NULL && !strcmp(slots[i].key, key))
			return &slots[i];
	for (i = 0; i < NSLOTS; i++)
		if (slots[i].m == NULL)
			return &slots[i];
	/* all taken by other configurations: start over */
	for (i = 0; i < NSLOTS; i++) {
		machine_free(slots[i].m);
		slots[i].m = NULL;
	}
	return &slots[0];
}

static struct machine *
boot(const struct config *c)
{
	struct error e;
	struct machine *m;

	error_clear(&e);
	fuzz_sandbox(true);	/* -e FILE reads like any file */
	m = machine_new(&c->mo, &e);
	fuzz_sandbox(false);
	return m;
}

/*
 * Might the input change the machine?  Its lines are cut into commands as
 * the script reader and cmd_run_line() cut them (a line with a NUL byte is
 * skipped, a '\r' before the newline dropped, ';' and '#' outside quotes
 * end a command) and each is split as the dispatcher splits it: a command
 * whose name (before any /FMT) is found and is not pure says yes, and so
 * does one that cmd_split() refuses (the dispatcher's own split might
 * differ).  Unknown and ambiguous names run nothing.
 */
static bool
command_changes(const char *text)
{
	char **argv = NULL, *err = NULL;
	const struct cmd *c = NULL;
	int argc = 0;
	bool amb;

	if (cmd_split(text, &argv, &argc, &err)) {
		free(err);
		return true;
	}
	if (argc > 0) {
		argv[0][strcspn(argv[0], "/")] = 0;
		c = cmd_find(argv[0], &amb);
	}
	cmd_free_argv(argv, argc);
	return c != NULL && !is_pure(c);
}

/* The commands of one line (modified in place), as cmd_run_line cuts it. */
static bool
line_changes(char *line)
{
	char *p = line, *start = line, quote = 0;

	for (;; p++) {
		char end;

		if (*p && quote) {
			if (*p == '\\' && quote == '"' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			quote = *p;
			continue;
		}
		if (*p != 0 && *p != ';' &&
		    (*p != '#' || (p != start &&
				   !isspace((unsigned char)p[-1]))))
			continue;
		end = *p;
		*p = 0;
		if (command_changes(start))
			return true;
		if (end != ';')
			return false;
		start = p + 1;
	}
}

static bool
changes_machine(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	char *line = xmalloc(len + 1);
	bool dirty = false;

	for (; !dirty && p < end; p = nl + 1) {
		size_t n;

		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (memchr(p, 0, n) != NULL)
			continue;	/* the reader skips it */
		if (n > 0 && p[n - 1] == '\r')
			n--;
		memcpy(line, p, n);
		line[n] = 0;
		dirty = line_changes(line);
	}
	free(line);
	return dirty;
}

/*
 * Running one input
 */

static struct machine *
run(const struct config *c, struct machine *m, const uint8_t *data,
    size_t size, FILE *out)
{
	struct ctx ctx;
	FILE *f;

	ctx_init(&ctx, m);
	ctx.json = c->json;
	ctx.bail = c->bail;
	ctx.echo = c->echo;
	ctx.seed = c->seed;
	ctx.out = out;
	ctx.redirect = REDIRECT_NEVER;	/* never a shell command */
	f = fmemopen((void *)data, size, "r");
	if (f == NULL)
		abort();
	fuzz_sandbox(true);
	script_run_stream(&ctx, f, "fuzz");
	fuzz_sandbox(false);
	fclose(f);
	fflush(out);
	ctx_release(&ctx);
	/* `image` and `lab start` replace the machine and free the old one */
	return ctx.m;
}

/* The input's output on m, as one string (to compare). */
static char *
transcript(const struct config *c, struct machine **mp, const uint8_t *data,
	   size_t size)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FILE *err = stderr;

	if (out == NULL)
		abort();
	stderr = out;
	*mp = run(c, *mp, data, size, out);
	stderr = err;
	fclose(out);
	return buf;
}

static void
check_same(const struct config *c, const uint8_t *data, size_t size,
	   struct slot *s)
{
	struct machine *fresh = boot(c);
	struct machine *m = s->m;
	char *a, *b;

	if (fresh == NULL)
		abort();
	a = transcript(c, &m, data, size);
	b = transcript(c, &fresh, data, size);
	if (m != s->m)
		s->m = NULL;
	if (strcmp(a, b)) {
		fuzz_mute(false);
		fprintf(stderr, "fuzz: a kept machine answers differently from "
			"a fresh one:\n--- kept\n%s\n--- fresh\n%s\n", a, b);
		abort();
	}
	free(a);
	free(b);
	if (fresh != NULL)
		machine_free(fresh);
	if (m != s->m)
		machine_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct slot *s;
	struct machine *m;
	bool dirty;

	if (size > MAX_INPUT)
		return -1;
	parse_args(&c, (const char *)data, size);
	dirty = changes_machine((const char *)data, size);
	if (verbose)
		fprintf(stderr, "fuzz: %s\n", dirty ? "may change the machine "
			"(it is booted afresh after)" : "reads the machine only");
	s = slot_for(c.key);
	fuzz_mute(true);
	if (s->m == NULL) {
		s->m = boot(&c);
		if (s->m == NULL) {
			fuzz_mute(false);
			return 0;	/* the options were refused */
		}
		snprintf(s->key, sizeof(s->key), "%s", c.key);
	}
	if (verify && !dirty) {
		check_same(&c, data, size, s);
		fuzz_mute(false);
		return 0;
	}
	m = run(&c, s->m, data, size, fuzz_devnull());
	if (m != s->m) {
		/* the kept machine was freed by `image` or `lab start` */
		machine_free(m);
		s->m = NULL;
	} else if (dirty) {
		machine_free(s->m);
		s->m = NULL;
	}
	fuzz_mute(false);
	return 0;
}
