// SPDX-License-Identifier: GPL-3.0-or-later
/* Fitting text to the output's width: breaks, hanging indents, units. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/out.h"

static const struct cmd proc_cmd = {
	.name = "procfile", .usage = "", .summary = "", .help = "",
	.flags = CMD_PROCFMT,
};

/* Print lines at width w, return what came out (caller frees). */
static char *
render(int w, const struct cmd *c, const char *const *lines)
{
	struct cmd_item item = { .cmd = c };
	struct ctx ctx;
	char *buf = NULL;
	size_t len = 0;

	ctx_init(&ctx, NULL);
	ctx.out = open_memstream(&buf, &len);
	ctx.item = &item;
	ctx.width = w;
	for (; *lines; lines++)
		out_printf(&ctx, "%s\n", *lines);
	out_flush(&ctx);
	fclose(ctx.out);
	ctx_release(&ctx);
	return buf;
}

static void
check(int w, const char *line, const char *want)
{
	const char *in[] = { line, NULL };
	char *got = render(w, NULL, in);

	assert_string_equal(got, want);
	free(got);
}

/* A label's value wraps under the value. */
static void
test_label_value(void **state)
{
	(void)state;
	check(40, "  cache   kmalloc-128: object 0 of 32 in its slab, 128 bytes",
	      "  cache   kmalloc-128: object 0 of 32 in\n"
	      "          its slab, 128 bytes\n");
}

/* A row of short fields breaks between fields, under the value. */
static void
test_fields(void **state)
{
	(void)state;
	check(44, "  pgd[1] PD   0x1000 + 1*4 = 0x1004: 0x2063  P RW A D  -> table 0x2000",
	      "  pgd[1] PD   0x1000 + 1*4 = 0x1004: 0x2063\n"
	      "              P RW A D  -> table 0x2000\n");
}

/* A table's long last column wraps in its column. */
static void
test_last_column(void **state)
{
	(void)state;
	check(64, "  5:2     MT       0x7          memory type XXCB: 0x0 uncached, 0x1 bufferable",
	      "  5:2     MT       0x7          memory type XXCB: 0x0 uncached,\n"
	      "                                0x1 bufferable\n");
	/* too little room under it: four columns in */
	check(60, "  5:2     MT       0x7          memory type XXCB: 0x0 uncached, 0x1 bufferable",
	      "  5:2     MT       0x7          memory type XXCB: 0x0\n"
	      "      uncached, 0x1 bufferable\n");
}

/* Prose without fields hangs four columns in. */
static void
test_prose(void **state)
{
	(void)state;
	check(40, "the quick brown fox jumps over the lazy dog again and again",
	      "the quick brown fox jumps over the lazy\n"
	      "    dog again and again\n");
}

/* A word wider than the room stands alone; it is never split. */
static void
test_long_word(void **state)
{
	(void)state;
	check(40, "  file   /a/very/long/path/that/does/not/fit/anywhere/at/all end",
	      "  file\n"
	      "      /a/very/long/path/that/does/not/fit/anywhere/at/all\n"
	      "      end\n");
}

/* A continuation that is one long word is written whole, as it is. */
static void
test_long_tail(void **state)
{
	struct ctx ctx;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	ctx_init(&ctx, NULL);
	ctx.out = open_memstream(&buf, &len);
	ctx.width = 40;
	out_wrap(&ctx, "1. ", "   ", "a few words then "
		 "/a/path/much/wider/than/the/forty/columns/of/this/output");
	fclose(ctx.out);
	ctx_release(&ctx);
	assert_string_equal(buf, "1. a few words then\n"
			    "   /a/path/much/wider/than/the/forty/columns/of/this/output\n");
	free(buf);
	check(40, "  label   words and /a/path/much/wider/than/the/forty/columns/x",
	      "  label   words and\n"
	      "          /a/path/much/wider/than/the/forty/columns/x\n");
}

/* Quoted strings, short groups and NBSP never break. */
static void
test_units(void **state)
{
	(void)state;
	check(40, "0x1000:  \"a quoted string with spaces\" and more text",
	      "0x1000:  \"a quoted string with spaces\"\n"
	      "         and more text\n");
	check(40, "set_pte_at: pte at 0x1140: 0x0 -> 0x225 (P US A)",
	      "set_pte_at: pte at 0x1140: 0x0 -> 0x225\n"
	      "    (P US A)\n");
	check(40, "ranges of the process, a range " "pa" NBSP_STR "0x00000000",
	      "ranges of the process, a range\n"
	      "    pa 0x00000000\n");
}

/* A line that fits is untouched, trailing spaces and all. */
static void
test_fits(void **state)
{
	(void)state;
	check(40, "short line  with  runs  ", "short line  with  runs  \n");
}

/* A /proc format keeps its columns at any width. */
static void
test_procfmt(void **state)
{
	const char *in[] = {
		"Node 0, zone      DMA      1      2      3      3      3      3",
		NULL,
	};
	char *got = render(40, &proc_cmd, in);

	(void)state;
	assert_string_equal(got, "Node 0, zone      DMA      1      2      3"
			    "      3      3      3\n");
	free(got);
}

/* Pieces of a line are gathered until its newline. */
static void
test_pieces(void **state)
{
	struct ctx ctx;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	ctx_init(&ctx, NULL);
	ctx.out = open_memstream(&buf, &len);
	ctx.width = 40;
	out_printf(&ctx, "the quick brown fox ");
	out_puts(&ctx, "jumps over the lazy dog ");
	out_printf(&ctx, "again and again\nnext");
	out_flush(&ctx);
	fclose(ctx.out);
	ctx_release(&ctx);
	assert_string_equal(buf, "the quick brown fox jumps over the lazy\n"
			    "    dog again and again\nnext");
	free(buf);
}

/* out_text fills paragraphs again and keeps indented lines. */
static void
test_text(void **state)
{
	struct ctx ctx;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	ctx_init(&ctx, NULL);
	ctx.out = open_memstream(&buf, &len);
	ctx.width = 30;
	out_text(&ctx, "One two three\nfour five.\nSix seven eight nine ten.\n"
		 "  kept   as it is\n");
	fclose(ctx.out);
	ctx_release(&ctx);
	assert_string_equal(buf, "One two three four five.  Six\n"
			    "seven eight nine ten.\n"
			    "  kept   as it is\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_label_value),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_last_column),
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_long_tail),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_fits),
		cmocka_unit_test(test_procfmt),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
