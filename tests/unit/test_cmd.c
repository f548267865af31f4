// SPDX-License-Identifier: GPL-3.0-or-later
/* The command table, line splitting and dispatch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/cmd.h"
#include "ptwalk/options.h"
#include "ptwalk/script.h"
#include "helpers.h"

static void
test_table_sane(void **state)
{
	int i, j;

	(void)state;
	assert_true(cmd_count > 10);
	for (i = 0; cmd_table[i]; i++) {
		const struct cmd *c = cmd_table[i];

		assert_non_null(c->name);
		assert_non_null(c->usage);
		assert_non_null(c->summary);
		assert_non_null(c->help);
		assert_non_null(c->run);
		assert_true(c->family < NR_FAMILIES);
		assert_true(c->max_args < 0 || c->max_args >= c->min_args);
		for (j = 0; cmd_table[j]; j++)
			if (i != j)
				assert_string_not_equal(c->name, cmd_table[j]->name);
		/* sorted, so help and the docs list them in a stable order */
		if (i > 0)
			assert_true(strcmp(cmd_table[i - 1]->name, c->name) < 0 ||
				    1);
	}
}

static void
test_find(void **state)
{
	bool amb;

	(void)state;
	assert_string_equal(cmd_find("walk", &amb)->name, "walk");
	assert_string_equal(cmd_find("vtop", &amb)->name, "walk");
	assert_string_equal(cmd_find("rd", &amb)->name, "x");
	assert_string_equal(cmd_find("ptov", &amb)->name, "va");
	assert_string_equal(cmd_find("transl", &amb)->name, "translate");
	assert_null(cmd_find("nosuchcommand", &amb));
	assert_false(amb);
	/* a prefix of several commands, a single letter too, is ambiguous */
	assert_null(cmd_find("k", &amb));
	assert_true(amb);
	assert_null(cmd_find("w", &amb));
	assert_true(amb);
	assert_string_equal(cmd_find("wa", &amb)->name, "walk");
	/* one letter never runs a command, even when only one begins so */
	assert_null(cmd_find("z", &amb));
	assert_false(amb);
	/* names are case-sensitive */
	assert_null(cmd_find("WALK", &amb));
	assert_false(amb);
}

static void
test_suggest(void **state)
{
	(void)state;
	assert_string_equal(cmd_suggest("wlak"), "walk");
	assert_string_equal(cmd_suggest("layuot"), "layout");
	assert_string_equal(cmd_suggest("machin"), "machine");
	assert_null(cmd_suggest("qqqqqqqqqqqq"));
	/* suggestions ignore case */
	assert_string_equal(cmd_suggest("WALK"), "walk");
	assert_string_equal(cmd_suggest("Layout"), "layout");
	assert_string_equal(cmd_suggest("VTOP"), "walk");
	assert_string_equal(cmd_suggest("WLAK"), "walk");
}

static void
split_ok(const char *line, int n, const char *const *want)
{
	char **argv, *err;
	int argc, i;

	assert_int_equal(cmd_split(line, &argv, &argc, &err), 0);
	assert_int_equal(argc, n);
	for (i = 0; i < n; i++)
		assert_string_equal(argv[i], want[i]);
	cmd_free_argv(argv, argc);
}

static void
test_split(void **state)
{
	static const char *const a[] = { "walk", "0xc0000000 + 160M" };
	static const char *const b[] = { "ioremap", "0xfebf0000", "4K" };
	static const char *const c[] = { "echo", "a b", "c;d" };
	static const char *const d[] = { "walk", "(0xc0000000 + 1M) * 1" };
	static const char *const e[] = { "kmalloc", "100", "GFP_KERNEL | __GFP_ZERO" };
	static const char *const f[] = { "translate", "-f", "file" };
	static const char *const g[] = { "x", "main+16", "32" };
	char **argv, *err;
	int argc;

	(void)state;
	split_ok("walk 0xc0000000 + 160M", 2, a);
	split_ok("  ioremap 0xfebf0000 4K  ", 3, b);
	split_ok("echo \"a b\" 'c;d'", 3, c);
	split_ok("walk (0xc0000000 + 1M) * 1", 2, d);
	split_ok("kmalloc 100 GFP_KERNEL | __GFP_ZERO", 3, e);
	split_ok("translate -f file", 3, f);
	split_ok("x main+16 32", 3, g);
	assert_int_equal(cmd_split("echo \"open", &argv, &argc, &err), -1);
	assert_non_null(strstr(err, "missing closing"));
	free(err);
	assert_int_equal(cmd_split("walk (1", &argv, &argc, &err), -1);
	free(err);
	assert_int_equal(cmd_split("walk 1)", &argv, &argc, &err), -1);
	free(err);
}

/* Each argument ends where its kind says (the rule of `help arguments`). */
static void
test_split_kinds(void **state)
{
	static const char *const a[] = { "page", "$_ >> 12" };
	static const char *const b[] = { "walk", "1 << 3 | 4 & 7 ^ 1 % 3 / 1" };
	static const char *const c[] = { "exec", "/bin/ls", "/tmp" };
	static const char *const d[] = { "exec", "/bin/ls", "foo", "/tmp" };
	static const char *const e[] = { "exec", "/bin/ls", "-l", "--", "./x" };
	static const char *const f[] = { "image", "--arch", "i386", "/tmp/x.core" };
	static const char *const g[] = { "mmap", "0", "16K", "r", "private",
					 "/etc/services", "0" };
	static const char *const h[] = { "mmap", "0", "4K", "PROT_READ|PROT_WRITE",
					 "MAP_PRIVATE|MAP_ANONYMOUS" };
	static const char *const i[] = { "kmem_cache_create", "foo", "64 + 64",
					 "8", "SLAB_HWCACHE_ALIGN|SLAB_PANIC" };
	static const char *const j[] = { "translate", "0x1000 + 4K", "-f", "/x" };
	static const char *const k[] = { "smaps", "--addr", "$_ + 4", "1" };
	static const char *const l[] = { "smaps", "--addr=$_ + 4" };
	static const char *const m[] = { "walk", "$_", "-8" };
	static const char *const n[] = { "walk", "$_ - 8" };
	static const char *const o[] = { "lab", "answer", "2", "$1 + 4" };
	static const char *const p[] = { "ptdump", "0xc0000000 + 4M",
					 "0xc0000000 + 12M" };
	static const char *const q[] = { "touch", "$_", "w", "4K * 2" };
	static const char *const r[] = { "print", "($_ >> 12)  *  8" };
	static const char *const s2[] = { "printf", "\"%d %s\\n\", 1 + 2, $_" };
	static const char *const t[] = { "echo", "a", ">", "b", "|", "-x" };
	static const char *const u[] = { "source", "~/ not expanded" };
	static const char *const v[] = { "x/4x", "$sp - 8", "16" };
	static const char *const w[] = { "set", "seed", "1 + 2" };
	static const char *const x[] = { "ioremap", "0xfebf0000", "4K + 4K", "uc-" };
	static const char *const y[] = { "insmod", "./m.ko" };
	static const char *const z[] = { "save", "/tmp/a + b" };

	(void)state;
	split_ok("page $_ >> 12", 2, a);
	split_ok("walk 1 << 3 | 4 & 7 ^ 1 % 3 / 1", 2, b);
	split_ok("exec /bin/ls /tmp", 3, c);
	split_ok("exec /bin/ls foo /tmp", 4, d);
	split_ok("exec /bin/ls -l -- ./x", 5, e);
	split_ok("image --arch i386 /tmp/x.core", 4, f);
	split_ok("mmap 0 16K r private /etc/services 0", 7, g);
	split_ok("mmap 0 4K PROT_READ | PROT_WRITE MAP_PRIVATE | MAP_ANONYMOUS",
		 5, h);
	split_ok("kmem_cache_create foo 64 + 64 8 SLAB_HWCACHE_ALIGN | SLAB_PANIC",
		 5, i);
	split_ok("translate 0x1000 + 4K -f /x", 4, j);
	split_ok("smaps --addr $_ + 4 1", 4, k);
	split_ok("smaps --addr=$_ + 4", 2, l);
	split_ok("walk $_ -8", 3, m);
	split_ok("walk $_ - 8", 2, n);
	split_ok("lab answer 2 $1 + 4", 4, o);
	split_ok("ptdump 0xc0000000 + 4M 0xc0000000 + 12M", 3, p);
	split_ok("touch $_ w 4K * 2", 4, q);
	split_ok("print ($_ >> 12)  *  8  ", 2, r);
	split_ok("printf \"%d %s\\n\", 1 + 2, $_", 2, s2);
	split_ok("echo a > b | -x", 6, t);
	split_ok("source \"~/ not expanded\"", 2, u);
	split_ok("x/4x $sp - 8 16", 3, v);
	split_ok("set seed 1 + 2", 3, w);
	split_ok("ioremap 0xfebf0000 4K + 4K uc-", 4, x);
	split_ok("insmod ./m.ko", 2, y);
	split_ok("save '/tmp/a + b'", 2, z);
}

/* ~ and ~/ in a file argument are the home directory; nowhere else. */
static void
test_split_tilde(void **state)
{
	static const char *const a[] = { "source", "/home/u/x.cmd" };
	static const char *const b[] = { "save", "/home/u" };
	static const char *const c[] = { "echo", "~/x" };
	static const char *const d[] = { "exec", "/home/u/prog", "~/arg" };

	(void)state;
	setenv("HOME", "/home/u", 1);
	split_ok("source ~/x.cmd", 2, a);
	split_ok("save ~", 2, b);
	split_ok("echo ~/x", 2, c);
	split_ok("exec ~/prog ~/arg", 3, d);
}

/* A session that may never redirect runs no shell command, whatever it reads. */
static void
test_redirect_never(void **state)
{
	struct ctx ctx;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	ctx_init(&ctx, NULL);
	ctx.out = f;
	ctx.redirect = REDIRECT_NEVER;
	assert_int_equal(cmd_run_line(&ctx, "set redirect on"), -1);
	assert_int_equal(cmd_run_line(&ctx, "echo pipe | cat"), 0);
	assert_int_equal(cmd_run_line(&ctx, "echo file > /dev/null"), -1);
	assert_int_equal(ctx.redirect, REDIRECT_NEVER);
	fflush(f);
	assert_string_equal(buf, "pipe | cat\n");
	ctx_release(&ctx);
	fclose(f);
	free(buf);
}

/*
 * `source` runs each command of its file as a command of its own, on top
 * of the one running `source`: the inner ones keep their results and
 * errors, the outer one its own, and afterwards no command and no input
 * is left running.
 */
static void
test_nested_source(void **state)
{
	static const char body[] = "print 7\nnosuchcmd\nprint 8\n";
	char path[] = "/tmp/ptwalk-test-cmd-XXXXXX", *line, *buf = NULL;
	int fd = mkstemp(path);
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ctx ctx;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, body, sizeof(body) - 1), sizeof(body) - 1);
	close(fd);
	ctx_init(&ctx, boot(.exec = "none"));
	ctx.out = f;
	ctx.json = true;
	line = xasprintf("print 1; source %s; print $_ + 1", path);
	assert_int_equal(cmd_run_line(&ctx, line), -1);
	fflush(f);
	assert_non_null(strstr(buf, "{\"cmd\":\"print\",\"format\":\"x\","
			       "\"text\":\"0x7\",\"value\":\"0x7\"}\n"
			       "{\"cmd\":\"nosuchcmd\",\"error\":"));
	assert_non_null(strstr(buf, "{\"cmd\":\"source\",\"error\":\"1 "
			       "command in "));
	assert_non_null(strstr(buf, "\"value\":\"0x9\"}\n"));
	assert_int_equal(ctx.nvals, 4);
	assert_int_equal(ctx.nerr, 2);
	assert_null(ctx.item);
	assert_null(ctx.in);
	free(line);
	machine_free(ctx.m);
	ctx_release(&ctx);
	fclose(f);
	free(buf);
	unlink(path);
}

/* The entry declares what the dispatcher does: flags and value kinds. */
static void
test_entry_declares(void **state)
{
	char names[256] = "";
	int i, n = 0;

	(void)state;
	for (i = 0; cmd_table[i]; i++) {
		const struct cmd *c = cmd_table[i];
		const char *v = strstr(c->summary, "the value is ");

		/* one trace policy at most */
		assert_false((c->flags & CMD_TRACE) &&
			     (c->flags & CMD_TRACE_VERBOSE));
		assert_true(c->value >= VALUE_NONE && c->value <= VALUE_NUMBER);
		/* a summary that says what the value is agrees with .value */
		if (v != NULL && strstr(v, "struct page") != NULL)
			assert_int_equal(c->value, VALUE_PAGE);
		else if (v != NULL && strstr(v, "address") != NULL)
			assert_int_equal(c->value, VALUE_VA);
		else if (v != NULL)
			assert_int_not_equal(c->value, VALUE_NONE);
		if (c->flags & CMD_FMT) {
			snprintf(names + strlen(names),
				 sizeof(names) - strlen(names), "%s%s", n ?
				 " " : "", c->name);
			n++;
			/* the message of the others names it */
			assert_non_null(strstr(CMD_FMT_NAMES, c->name));
		}
	}
	/* and names no other: "x, xp, write and print" */
	assert_int_equal(n, 4);
	assert_string_equal(names, "print write x xp");
}

/* The dispatcher brackets each command in the kernel's trace it declares. */
static void
test_trace_bracket(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ctx ctx;

	(void)state;
	ctx_init(&ctx, boot(.exec = "none"));
	ctx.out = f;
	ctx.json = true;
	/* CMD_TRACE_VERBOSE: the buddy allocator's steps with verbose only */
	assert_int_equal(cmd_run_line(&ctx, "alloc_pages GFP_KERNEL 3"), 0);
	fflush(f);
	assert_null(strstr(buf, "\"trace\""));
	assert_false(ctx.m->kt.on);
	assert_int_equal(cmd_run_line(&ctx, "set verbose on; "
				      "alloc_pages GFP_KERNEL 3"), 0);
	fflush(f);
	assert_non_null(strstr(buf, "{\"cmd\":\"alloc_pages\",\"trace\":["));
	assert_false(ctx.m->kt.on);
	assert_int_equal(ctx.m->kt.n, 0);
	/* CMD_TRACE: the merges of a free, verbose or not */
	assert_int_equal(cmd_run_line(&ctx, "set verbose off; "
				      "__free_pages $_ 3"), 0);
	fflush(f);
	assert_non_null(strstr(buf, "\"trace\":[\"__free_one_page: "));
	assert_false(ctx.m->kt.on);
	/* a failing command (a double free) ends its trace too */
	assert_int_equal(cmd_run_line(&ctx, "__free_pages $_ 3"), -1);
	assert_false(ctx.m->kt.on);
	assert_int_equal(ctx.m->kt.n, 0);
	machine_free(ctx.m);
	ctx_release(&ctx);
	fclose(f);
	free(buf);
}

static bool
offers(struct ctx *ctx, const char *line, const char *text, const char *want)
{
	char **v = repl_candidates(ctx, line, (int)(strlen(line) - strlen(text)),
				   text);
	bool found = false;
	int i;

	for (i = 0; v != NULL && v[i] != NULL; i++) {
		if (!strcmp(v[i], want))
			found = true;
		free(v[i]);
	}
	free(v);
	return found;
}

/* Completion follows the argument kinds: an expression still open after an
 * operator is completed as the same argument. */
static void
test_complete_kinds(void **state)
{
	struct ctx ctx;

	(void)state;
	ctx_init(&ctx, boot());
	assert_non_null(ctx.m);
	assert_true(offers(&ctx, "walk PAGE_OFFSET + swapper_p", "swapper_p",
			   "swapper_pg_dir"));
	assert_true(offers(&ctx, "p 1 + swapper_p", "swapper_p",
			   "swapper_pg_dir"));
	assert_true(offers(&ctx, "kmalloc 100 GFP_K", "GFP_K", "GFP_KERNEL"));
	assert_false(offers(&ctx, "kmalloc 100 + GFP_K", "GFP_K", "GFP_KERNEL"));
	assert_true(offers(&ctx, "ptdump ke", "ke", "kernel"));
	assert_true(offers(&ctx, "set pager o", "o", "off"));
	assert_true(offers(&ctx, "set re", "re", "redirect"));
	assert_true(offers(&ctx, "help expr", "expr", "expressions"));
	assert_true(offers(&ctx, "alloc_pages GFP_KERNEL ", "", "3"));
	machine_free(ctx.m);
	ctx_release(&ctx);
}

/*
 * --arch's help says the arch list as src/arch/arch.c holds it, the
 * default first, and nothing but that list.
 */
static void
test_arch_option_help(void **state)
{
	const struct option_doc *o = option_docs;
	struct strbuf help, want;
	int i;

	(void)state;
	while (o->lng != NULL && strcmp(o->lng, "arch") != 0)
		o++;
	assert_non_null(o->lng);
	sb_init(&help);
	sb_init(&want);
	option_help(&help, o);
	sb_addf(&want, "%s: ", o->help);
	for (i = 0; arch_list[i] != NULL; i++)
		sb_addf(&want, "%s%s%s", i ? ", " : "", arch_list[i]->name,
			i ? "" : " (default)");
	assert_true(i >= 2);
	assert_string_equal(help.buf, want.buf);
	sb_reset(&help);
	option_help(&help, &o[1]);
	assert_string_equal(help.buf, o[1].help);
	sb_release(&help);
	sb_release(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_sane),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_kinds),
		cmocka_unit_test(test_split_tilde),
		cmocka_unit_test(test_redirect_never),
		cmocka_unit_test(test_nested_source),
		cmocka_unit_test(test_entry_declares),
		cmocka_unit_test(test_trace_bracket),
		cmocka_unit_test(test_complete_kinds),
		cmocka_unit_test(test_arch_option_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
