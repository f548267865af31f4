// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Help topics beyond the commands: how a line is split into arguments,
 * what an expression may hold, where output goes.  `help TOPIC` prints
 * them and ptwalk(1) includes them (docgen's @TOPIC@), so the two cannot
 * drift.  Paragraphs are separated by blank lines; indented lines are
 * shown as they are (tables and examples), the others may be refilled.
 */
#include <string.h>

#include "ptwalk/cmd.h"

const struct help_topic help_topics[] = {
	{ "arguments", "args arg quoting quotes syntax words",
	  "how a line is split into commands and arguments",
	"A line holds one or more commands separated by ';'; a '#' at the\n"
	"start of a word begins a comment.  A command is its name (or an\n"
	"alias, or any unique prefix of the name) and its arguments,\n"
	"separated by spaces.\n"
	"\n"
	"\"...\" and '...' make one literal word, with its spaces, ';', '#',\n"
	"'|' and '>' (inside \"...\", \\\" and \\\\ stand for \" and \\).  A quoted\n"
	"word is never taken for an option, never joined to another word and\n"
	"never redirects output.  Parentheses group too: spaces inside them\n"
	"never split a word.\n"
	"\n"
	"Options start with '-' and a letter, or with '--': --walk, -f FILE.\n"
	"They may stand anywhere among the arguments; after '--' every word is\n"
	"an argument.\n"
	"\n"
	"Each argument of a command is of one kind, and its kind says where it\n"
	"ends:\n"
	"  expression   ADDR, VADDR, PADDR, SIZE, LEN, ORDER, PID, GFP ...:\n"
	"               it goes on over a space while the text so far ends\n"
	"               with an operator, or the next word starts with one of\n"
	"               + * / % << >> & | ^, or is a lone -.\n"
	"               'walk 0xc0000000 + 160M' and 'page $_ >> 12' have one\n"
	"               argument each; '$_ -8' is two ('-8', like '-x', is a\n"
	"               word of its own): write '$_ - 8' or '$_-8'.\n"
	"  flag list    PROT, FLAGS, MODE: one word, or words joined by '|'\n"
	"               or ',' (private|anonymous, 'private | anonymous').\n"
	"  word, file   NAME, FILE: one word.  A path is never read as an\n"
	"               expression: 'mmap 0 16K r private /etc/services 0'.\n"
	"               A FILE starting with ~/ is in the home directory.\n"
	"  program      the ARGs of 'exec FILE ARG...' and the words of echo\n"
	"  arguments    are taken as written, options and all:\n"
	"               'exec /bin/ls -l /tmp'.\n"
	"  line         print and printf take the rest of the command as\n"
	"               typed: 'print ($_ >> 12) * 8'.\n"
	"'help CMD' shows a command's usage; the names say the kinds.  Any\n"
	"argument can be quoted to make it exactly one word:\n"
	"'walk \"$_ + 4K\"', 'source \"my labs/lab 1.cmd\"'.\n"
	"\n"
	"At the prompt a lone '|', '>' or '>>' sends the output elsewhere\n"
	"('help output').\n" },

	{ "expressions", "expression expr numbers number operators "
	  "symbols registers values history value $ $_ $$ $N $$N",
	  "numbers, operators, symbols, registers and the value history",
	"Wherever a command takes a number (an address, a size, an order, a\n"
	"pid), an expression may stand.  Arithmetic is unsigned and 64 bits\n"
	"wide: an overflow, a negative result, a shift by 64 or more and a\n"
	"division by zero are errors, never a silent wrap-around.\n"
	"\n"
	"Numbers:\n"
	"  0x1f   0X1F         hexadecimal\n"
	"  0b101               binary\n"
	"  0755                octal (a leading 0)\n"
	"  42                  decimal\n"
	"  4K  160M  1G  2T    decimal with a binary size suffix K M G T P\n"
	"                      (each x1024; 4KB and 4KiB are the same);\n"
	"                      hexadecimal numbers take no suffix\n"
	"  1_000_000           '_' between digits is ignored\n"
	"\n"
	"Operators, from the tightest binding to the loosest, as in C:\n"
	"  ( )                 grouping\n"
	"  ~ - +               complement, minus (of 0 only), plus: unary\n"
	"  * / %               multiply, divide, remainder\n"
	"  + -                 add, subtract\n"
	"  << >>               shift left, shift right\n"
	"  &                   and\n"
	"  ^                   exclusive or\n"
	"  |                   or\n"
	"Operators of one level group from the left: 8 - 2 - 1 is 5, and\n"
	"1 + 2 << 3 is 24.  Spaces around operators are allowed:\n"
	"'walk 0xc0000000 + 160M' ('help arguments').\n"
	"\n"
	"Symbols:\n"
	"  swapper_pg_dir      the kernel's symbols ('sym --list')\n"
	"  PAGE_OFFSET         the layout's constants ('layout', 'sym PAGE_OFFSET')\n"
	"  main  big           the symbols of the running process's program\n"
	"A hexadecimal number needs its 0x: c0100000 is a symbol name.\n"
	"\n"
	"Registers of the current CPU:\n"
	"  $cr3                x86: the page-table root (CR3)\n"
	"  $ttbr0  $ttbr1      arm, arm64: the page-table roots\n"
	"  $cr2  $far          the address of the last page fault\n"
	"\n"
	"The value history, as in gdb: the primary result of a command (the\n"
	"physical address of a translation, the address an allocator\n"
	"returned, the entry point of a program, the value of print) is kept\n"
	"and shown as '$N = VALUE'.\n"
	"  $N                  the Nth value: $1, $2 ...\n"
	"  $_  $               the last value\n"
	"  $$                  the value before the last\n"
	"  $$N                 the value N back from the last: $$0 is $,\n"
	"                      $$1 is $$\n"
	"'print EXPR' (p) computes any expression and keeps its value, with\n"
	"p/x, p/d, p/o, p/t, p/c ... as in gdb; 'printf' formats several.\n" },

	{ "output", "pager redirect redirection pipe | > >>",
	  "the pager, and '| SHELLCMD', '> FILE' and '>> FILE'",
	"At the prompt, when standard output is a terminal, a command whose\n"
	"output is longer than the screen shows it through a pager:\n"
	"$PTWALK_PAGER, else $PAGER, else 'less -FRX' (with LESS=FRX when LESS\n"
	"is not set).  Shorter output is printed as it is.  'set pager off',\n"
	"the --no-pager option or PAGER=cat print everything directly.\n"
	"Quitting the pager early drops the rest of that command's output;\n"
	"the command itself runs to its end.\n"
	"\n"
	"As in crash(8), output can go elsewhere:\n"
	"  CMD | SHELLCMD      to SHELLCMD, run by /bin/sh:\n"
	"                      'slabinfo | sort -n -k 3', 'walk $_ | grep pte'\n"
	"  CMD > FILE          to FILE, created or emptied first\n"
	"  CMD >> FILE         to the end of FILE\n"
	"Only the output moves: errors and warnings stay on the terminal, and\n"
	"the value history keeps the command's value as usual.  SHELLCMD is\n"
	"the rest of the command, up to a ';' or '#' (quote those to pass\n"
	"them to the shell).\n"
	"\n"
	"A '|', '>' or '>>' redirects when it stands alone (spaces on both\n"
	"sides), outside quotes and parentheses, after the command's name;\n"
	"the first one ends the command.  '|' and '>>' followed by a word\n"
	"that starts with a digit, '$' or '(' are the operators instead:\n"
	"'page $_ >> 12' and 'print $1 | 0x10' compute.  Elsewhere write\n"
	"the operators without spaces (GFP_KERNEL|__GFP_ZERO) or in\n"
	"parentheses ('print ($_ >> 12)').\n"
	"\n"
	"Redirection is on at the prompt and off in command files and -c,\n"
	"where '|' and '>>' are always the operators and a lone '>' is an\n"
	"error.  'set redirect on' turns it on there too, 'set redirect off'\n"
	"off everywhere, 'set redirect auto' back to the default.\n"
	"\n"
	"Nothing is lost when output cannot go where it was sent.  A FILE\n"
	"that cannot be opened (a directory, no permission, a FIFO that\n"
	"nothing reads) stops the command before it runs.  When a FILE cannot\n"
	"be written (a full disk) or SHELLCMD cannot run (exit status 126 or\n"
	"127), the output is shown on the terminal instead, with the reason,\n"
	"and the command counts as failed; a pager that cannot run gives a\n"
	"warning, and the output likewise.  A SHELLCMD killed by a signal is\n"
	"reported; any other exit status (grep finding nothing) is its own\n"
	"affair.\n" },

	{ NULL, NULL, NULL, NULL }
};

static bool
has_word(const char *list, const char *w)
{
	size_t l = strlen(w);
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, " ");

		if (n == l && !strncmp(p, w, l))
			return true;
		p += n;
		while (*p == ' ')
			p++;
	}
	return false;
}

const struct help_topic *
help_topic_find(const char *name)
{
	const struct help_topic *t;

	for (t = help_topics; t->name != NULL; t++)
		if (!strcmp(t->name, name) || has_word(t->aliases, name))
			return t;
	return NULL;
}
