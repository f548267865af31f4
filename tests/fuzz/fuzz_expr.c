// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer harness: numbers and expressions (src/expr.c) and the
 * splitting of a command line into words.
 *
 * Each input, as text, is evaluated three ways: parse_number(); expr_eval()
 * with a lookup of its own (a few names, every other one unknown); and the
 * evaluation every command argument gets (arg_eval(): kernel and user
 * symbols, $_, $N, $$, registers) in a session on a booted machine with a
 * value history.  None of them changes the machine, so it is booted once.
 * The line is then split into words as cmd_run_line() does.
 *
 * Properties: the same text gives the same answer twice, and a refusal
 * always comes with a message.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ptwalk/boot.h"
#include "ptwalk/cmd.h"
#include "ptwalk/expr.h"

#define MAX_INPUT	1024

static struct machine *m;
static struct ctx ctx;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct machine_opts mo;
	struct error e;
	static const u64 history[] = {
		0xc0001000, 0x1000, 0, 0xffffffffffffffffULL, 0x7fffffff,
	};
	unsigned i;

	(void)argc;
	(void)argv;
	fuzz_init();
	memset(&mo, 0, sizeof(mo));
	mo.mem = 128 << 20;	/* every arch boots in it */
	mo.boot = "clean";
	error_clear(&e);
	m = machine_new(&mo, &e);
	if (m == NULL) {
		fprintf(stderr, "fuzz: boot: %s\n", e.msg);
		abort();
	}
	ctx_init(&ctx, m);
	ctx.out = fuzz_devnull();
	ctx.redirect = REDIRECT_NEVER;	/* never a shell command */
	ctx.vals = xcalloc(ARRAY_SIZE(history), sizeof(*ctx.vals));
	ctx.avals = ctx.nvals = (int)ARRAY_SIZE(history);
	for (i = 0; i < ARRAY_SIZE(history); i++)
		ctx.vals[i] = history[i];
	return 0;
}

static int
names(void *opaque, const char *name, u64 *v, char *err, size_t n)
{
	(void)opaque;
	if (!strcmp(name, "a")) {
		*v = 1;
		return 0;
	}
	if (!strcmp(name, "max")) {
		*v = ~0ULL;
		return 0;
	}
	if (!strcmp(name, "$_")) {
		*v = 0x1000;
		return 0;
	}
	snprintf(err, n, "unknown symbol '%s'", name);
	return -1;
}

/* A refusal says why (the reporter escapes what it quotes). */
static void
check_message(const char *what, const char *text, const char *err)
{
	if (err[0] != 0)
		return;
	fuzz_mute(false);
	fprintf(stderr, "fuzz: %s('%s') failed without a message\n", what,
		text);
	abort();
}

static void
eval_twice(const char *what, const char *s, const struct expr_env *env)
{
	char e1[256], e2[256];
	u64 v1 = 0, v2 = 0;
	int r1, r2;

	e1[0] = e2[0] = 0;
	r1 = env ? expr_eval(s, env, &v1, e1, sizeof(e1)) :
		parse_number(s, &v1, e1, sizeof(e1));
	r2 = env ? expr_eval(s, env, &v2, e2, sizeof(e2)) :
		parse_number(s, &v2, e2, sizeof(e2));
	if (r1 != r2 || (r1 == 0 && v1 != v2) || (r1 && strcmp(e1, e2))) {
		fuzz_mute(false);
		fprintf(stderr, "fuzz: %s('%s') answers differently twice\n",
			what, s);
		abort();
	}
	if (r1)
		check_message(what, s, e1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expr_env env = { names, NULL };
	char *s, *err = NULL, **argv = NULL, msg[256];
	int argc = 0;
	u64 v;

	if (size > MAX_INPUT)
		return -1;
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	fuzz_mute(true);
	eval_twice("parse_number", s, NULL);
	eval_twice("expr_eval", s, &env);
	msg[0] = 0;
	if (arg_eval(&ctx, s, &v, msg, sizeof(msg)))
		check_message("arg_eval", s, msg);
	if (cmd_split(s, &argv, &argc, &err) == 0)
		cmd_free_argv(argv, argc);
	else
		free(err);
	fuzz_mute(false);
	free(s);
	return 0;
}
