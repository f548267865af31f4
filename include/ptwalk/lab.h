/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Lab exercises (ptwalk-labs(7)).
 *
 * An exercise is a struct lab: the machine it needs, draw() that picks the
 * student's own problem from a seed, setup() that puts the problem into a
 * freshly booted machine, ask() that words it and its questions, and
 * solve() that works the exercise on such a machine with ptwalk's own
 * code.  The solver is the
 * only source of right answers: `lab start` runs it silently on a private
 * copy of the machine to learn them, `lab solve` runs it again printing
 * every step.  Nothing is hard-coded: an answer is what the walker, the
 * allocators and the TLB of ptwalk compute for this seed.
 *
 * The same seed always draws the same problem: the generator takes its
 * numbers from lab_rand(), a splitmix64 generator of our own seeded with
 * the seed alone, so that exercises 1 and 2 draw the same address.
 */
#ifndef PTWALK_LAB_H
#define PTWALK_LAB_H

#include "cmd.h"

#define LAB_MAX		18	/* exercises are numbered 1..LAB_MAX */
#define LAB_MAXQ	16	/* questions per exercise */
#define LAB_NPARAM	16

/* The form an answer takes (what `lab answer` accepts). */
enum lab_form {
	LF_HEX,		/* an address or an entry: a number, shown in hex */
	LF_NUM,		/* an index, a count, an order: a number */
	LF_WORD,	/* one of q->words */
	LF_SET,		/* some of q->words in any order, or "none" */
	LF_LIST,	/* some of q->words in this order */
};

/* A known wrong answer and what it shows the student got wrong. */
struct lab_mistake {
	u64 v;			/* LF_HEX, LF_NUM */
	char *s;		/* the word forms: canonical spelling */
	char *why;
};

struct lab_q {
	char *text;
	enum lab_form form;
	int digits;		/* LF_HEX: hex digits to print (0: as needed) */
	char *words;		/* the word forms: choices, comma separated */
	char *hint;		/* how to find it: said when the answer is wrong */
	/* the right answer, set by the solver */
	bool known;
	u64 want;
	char *want_s;		/* word forms: canonical, comma separated */
	const char *accept;	/* LF_WORD: other right words, comma separated */
	struct lab_mistake *mis;
	int nmis;
	/* the student's answer */
	bool answered;
	u64 got;
	char *got_s;		/* as given (numbers) or canonical (words) */
};

struct lab_rng {
	u64 state;
};

/* One started exercise: ctx->lab. */
struct lab_run {
	const struct lab *lab;
	u64 seed;
	struct lab_rng rng;
	struct machine_opts mo;	/* how the exercise's machine boots */
	char *intro;		/* the problem, with this seed's numbers */
	u64 p[LAB_NPARAM];	/* the drawn problem (meaning: the exercise's) */
	struct lab_q q[LAB_MAXQ];
	int nq;
	bool solved;		/* `lab solve` has shown the solution */
};

/*
 * A solution being worked on a machine booted and set up for the run.
 * With ctx, every step is printed (text) or listed in "steps" (JSON).
 */
struct lab_sol {
	struct lab_run *r;
	struct machine *m;
	struct ctx *ctx;	/* NULL: learn the answers only */
	int nstep;		/* headings printed so far */
};

struct lab {
	int nr;
	const char *title;	/* one line */
	/*
	 * The machine, as ptwalk's command line starts it (--arch, --mem,
	 * --cpus): "--arch i386 --mem 1G".
	 */
	const char *args;
	/* commands the exercise uses, for `lab list` and `lab show` */
	const char *commands;
	/*
	 * The machine from the seed (NULL: arch, mem and cpus above): sets
	 * r->mo, drawing from lab_rand() before draw() does.  machine_text
	 * says what `lab list` shows of it.
	 */
	void (*machine)(struct lab_run *r);
	const char *machine_text;
	/*
	 * Draw the problem: r->p[] from lab_rand() only.  m is the booted
	 * machine, to read (its layout, its zones) and not to change.
	 */
	int (*draw)(struct lab_run *r, struct machine *m, struct error *e);
	/*
	 * Put the problem into a freshly booted machine (tables, pages,
	 * allocations) from r->p[] alone, so that every machine set up for
	 * the run is the same: the student's and the solver's.  It may
	 * record in r->p[] what it derives (a frame it got), which is the
	 * same every time.  NULL: none.
	 */
	int (*setup)(struct lab_run *r, struct machine *m, struct error *e);
	/* Write the problem (lab_intro) and its questions (lab_ask). */
	int (*ask)(struct lab_run *r, struct machine *m, struct error *e);
	/* Work the exercise on a set-up machine: every answer, every step. */
	int (*solve)(struct lab_sol *s, struct error *e);
};

/*
 * A lab's machine options (--arch NAME, --mem SIZE, --cpus N) into mo;
 * the rest of mo stays.  An option it does not take is an error.
 */
int lab_parse_args(const char *args, struct machine_opts *mo,
		   struct error *e);

/* The exercises that exist, by number (NULL: no such exercise). */
const struct lab *lab_find(int nr);
/* "1-3, 6, 7, 13" */
void lab_numbers(struct strbuf *sb);

/* Start exercise lab for seed: boots its machine (*mp), draws, sets up. */
int lab_start(const struct lab *lab, u64 seed, struct lab_run **rp,
	      struct machine **mp, struct error *e);
/* A fresh machine set up for r, for the solver. */
struct machine *lab_machine(struct lab_run *r, struct error *e);
void lab_run_free(struct lab_run *r);
/* For ctx->lab_release. */
void lab_release(void *lab);

/*
 * Answers.  lab_answer_words: check a word answer against the choices and
 * give its canonical spelling (*canon, to free), or say what is expected.
 */
enum lab_mark { LM_NONE, LM_RIGHT, LM_WRONG };
int lab_answer_words(const struct lab_q *q, const char *text, char **canon,
		     struct strbuf *err);
/* Right, wrong (*why: what went wrong, or how to find it) or unanswered. */
enum lab_mark lab_judge(const struct lab_q *q, const char **why);
/* What form the answer takes, for people. */
void lab_form_name(const struct lab_q *q, struct strbuf *sb);
/* The right answer (want) or the student's, as shown. */
void lab_format_answer(const struct lab_q *q, bool want, struct strbuf *sb);

/*
 * For the exercises
 */

/* Uniform in [lo, hi], from the run's generator. */
u64 lab_rand(struct lab_run *r, u64 lo, u64 hi);
/* The same from a generator of its own (a setup seeds one from r->p[]). */
u64 lab_rng_range(struct lab_rng *g, u64 lo, u64 hi);
void lab_intro(struct lab_run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Ask a question; returns its number (1-based). */
int lab_ask(struct lab_run *r, enum lab_form form, const char *words,
	    const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Print width of an LF_HEX question's answers. */
void lab_digits(struct lab_run *r, int q, int digits);

/* The right answer of question q (1-based). */
void lab_want(struct lab_sol *s, int q, u64 v);
void lab_want_word(struct lab_sol *s, int q, const char *w);
/* Other words that are right too (LF_WORD). */
void lab_accept(struct lab_sol *s, int q, const char *words);
/* A wrong answer that shows a particular mistake (not the right one). */
void lab_mistake(struct lab_sol *s, int q, u64 v, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void lab_mistake_word(struct lab_sol *s, int q, const char *w,
		      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* One line of the solution (printed or listed only with s->ctx). */
void sol_say(struct lab_sol *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A heading: "Step N: ..." numbering the steps. */
void sol_step(struct lab_sol *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The kernel's trace since kt_begin(s->m), as solution lines. */
void sol_trace(struct lab_sol *s);
/* The same without the buddy allocator's own steps (counted instead). */
void sol_trace_brief(struct lab_sol *s);
/* What `walk VA` shows on the solver's machine (text only). */
void sol_walk(struct lab_sol *s, u64 va);
/*
 * A page of the process running on the current CPU: an anonymous mapping
 * at va (mmap), into which the process writes word at va, so that a page
 * fault brings the page table and the page (HighMem where there is some).
 * Before the fault skip_low lowmem and skip_high highmem pages are taken
 * (and given back after): the new frames lie where they differ from seed
 * to seed.  The TLBs are flushed.  *frame: the page's physical address.
 */
int lab_user_page(struct machine *m, u64 va, unsigned skip_low,
		  unsigned skip_high, u32 word, u64 *frame, struct error *e);
/* A user address of exercises 1, 2 and 13: the seed's first draws. */
u64 lab_draw_user_va(struct lab_run *r);
/* The names of the machine's regions ("user,lowmem,gap,..."), once each. */
void lab_region_names(const struct machine *m, struct strbuf *sb);
/* The name of the region holding va ("none": no region). */
const char *lab_region(const struct machine *m, u64 va);
/* A 32-bit word of physical memory. */
u32 lab_peek32(struct machine *m, u64 pa);

/* Is the solution being shown (as opposed to learnt)? */
static inline bool sol_shown(const struct lab_sol *s) { return s->ctx != NULL; }

#endif
