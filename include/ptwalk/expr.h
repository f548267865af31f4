/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Numbers and expressions: 0x1f, 0755, 0b101, 42, 160M, 4K (binary
 * suffixes K M G T P), names (symbols, and $_, $N, $$N, $cr3 ..., which
 * the caller's lookup resolves), with + - * / % << >> & | ^ ~ and
 * parentheses, C's precedence; spaces anywhere between.  Unsigned 64-bit
 * arithmetic; overflow, a negative result and division by zero are
 * errors, never silent wrap-around.  `help expressions' tells users.
 */
#ifndef PTWALK_EXPR_H
#define PTWALK_EXPR_H

#include "types.h"

struct expr_env {
	/* 0 and *v set, or -1 with a message in err */
	int (*lookup)(void *opaque, const char *name, u64 *v, char *err,
		      size_t n);
	void *opaque;
};

int expr_eval(const char *s, const struct expr_env *env, u64 *v, char *err,
	      size_t n);
/* A plain number with an optional size suffix, nothing else. */
int parse_number(const char *s, u64 *v, char *err, size_t n);

#endif
