/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command-line options: one table that main() parses with
 * getopt_long and the man page and completions are generated from.
 */
#ifndef PTWALK_OPTIONS_H
#define PTWALK_OPTIONS_H

struct strbuf;

struct option_doc {
	const char *lng;	/* "arch" */
	char shrt;		/* 'a' or 0 */
	const char *arg;	/* "ARCH" or NULL */
	const char *help;
	const char *complete;	/* completion kind of the value */
	int id;			/* getopt value for long-only options */
	/* the values said after help, from the tables that hold them */
	void (*values)(struct strbuf *sb);
};

extern const struct option_doc option_docs[];

/* Append o's whole help: its text, then its values when it lists them. */
void option_help(struct strbuf *sb, const struct option_doc *o);

#define PTWALK_VERSION "0.1.0"

#endif
