// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer harness: the answers of the lab exercises (`lab answer`,
 * `lab check`, `lab show`; src/lab.c, cmds/lab.c).
 *
 * Every exercise of ptwalk-labs(7) is started once per process, with two
 * seeds, as `lab start N --seed S` does.  An input is text: its first line
 * says which ("N" or "N S", S one of the seeds; "json" after them turns
 * JSON output on), every other line is the rest of a `lab` command:
 * "answer K VALUE", "check" or "show" (other subcommands are skipped:
 * they start or solve exercises, which the answers do not reach).  The
 * line runs as "lab LINE" through cmd_run_line(), with ';' and '#' made
 * spaces so that it stays one lab command.  Between inputs the answers are
 * cleared: each input starts with an exercise nobody has answered.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ptwalk/cmd.h"
#include "ptwalk/lab.h"

#define MAX_INPUT	4096
#define MAX_LINE	1024

static const u64 seeds[] = { 1, 7 };
#define NSEED ARRAY_SIZE(seeds)

static struct started {
	struct lab_run *r;
	struct machine *m;
} runs[LAB_MAX + 1][NSEED];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct error e;
	int n;
	unsigned s;

	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_mute(true);
	for (n = 1; n <= LAB_MAX; n++) {
		if (lab_find(n) == NULL)
			continue;
		for (s = 0; s < NSEED; s++) {
			error_clear(&e);
			if (lab_start(lab_find(n), seeds[s], &runs[n][s].r,
				      &runs[n][s].m, &e)) {
				fuzz_mute(false);
				fprintf(stderr, "fuzz: lab start %d --seed "
					"%llu: %s\n", n,
					(unsigned long long)seeds[s], e.msg);
				abort();
			}
		}
	}
	fuzz_mute(false);
	return 0;
}

/* Nobody has answered: what `lab start` leaves. */
static void
clear_answers(struct lab_run *r)
{
	int i;

	for (i = 0; i < r->nq; i++) {
		r->q[i].answered = false;
		r->q[i].got = 0;
		free(r->q[i].got_s);
		r->q[i].got_s = NULL;
	}
}

static bool
allowed(const char *line)
{
	static const char *const sub[] = { "answer", "check", "show" };
	size_t l = strcspn(line, " \t");
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(sub); i++)
		if (l == strlen(sub[i]) && !strncmp(line, sub[i], l))
			return true;
	return false;
}

static void
run_line(struct ctx *ctx, const char *p, size_t len)
{
	char line[MAX_LINE + 8];
	size_t i;

	if (len > MAX_LINE)
		return;
	memcpy(line, "lab ", 4);
	for (i = 0; i < len; i++)
		line[4 + i] = p[i] == ';' || p[i] == '#' || p[i] == 0 ? ' ' :
			p[i];
	line[4 + len] = 0;
	if (allowed(line + 4))
		cmd_run_line(ctx, line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl;
	char first[64];
	struct started *st;
	struct ctx ctx;
	struct cmd_input in = { .name = "fuzz", .depth = 1 };
	unsigned long n = 0, seed = seeds[0];
	size_t len;
	unsigned s;

	if (size > MAX_INPUT)
		return -1;
	nl = memchr(p, '\n', size);
	len = (size_t)((nl ? nl : end) - p);
	snprintf(first, sizeof(first), "%.*s",
		 (int)MIN(len, sizeof(first) - 1), p);
	if (sscanf(first, "%lu %lu", &n, &seed) < 1 || n < 1 || n > LAB_MAX)
		return 0;
	for (s = 0; s < NSEED && seeds[s] != seed; s++)
		;
	st = &runs[n][s < NSEED ? s : 0];
	if (st->r == NULL)
		return 0;
	ctx_init(&ctx, st->m);
	ctx.out = fuzz_devnull();
	ctx.redirect = REDIRECT_NEVER;	/* never a shell command */
	ctx.in = &in;
	ctx.json = strstr(first, "json") != NULL;
	ctx.kept = st->r;	/* the lab run, as cmds/lab.c keeps it */
	ctx.kept_release = NULL;
	fuzz_mute(true);
	for (p = nl ? nl + 1 : end; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		in.line++;
		run_line(&ctx, p, (size_t)((nl ? nl : end) - p));
	}
	fuzz_mute(false);
	ctx.kept = NULL;	/* kept for the next input */
	ctx.in = NULL;
	ctx_release(&ctx);
	clear_answers(st->r);
	return 0;
}
