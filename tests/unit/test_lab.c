// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercises: the same seed draws the same problem, different seeds
 * different ones; every exercise has every answer for many seeds; the
 * solver finds the same answers again on a fresh machine; answers are
 * judged by their form.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/lab.h"

#define SEEDS	24

static struct lab_run *
start(int nr, u64 seed)
{
	struct lab_run *r;
	struct machine *m;
	struct error e;

	error_clear(&e);
	if (lab_start(lab_find(nr), seed, &r, &m, &e))
		fail_msg("lab %d seed %llu: %s", nr, (unsigned long long)seed,
			 e.msg);
	machine_free(m);
	return r;
}

static void
answer_of(const struct lab_q *q, struct strbuf *sb)
{
	if (q->form == LF_HEX || q->form == LF_NUM)
		sb_addf(sb, "%llx", (unsigned long long)q->want);
	else
		sb_adds(sb, q->want_s);
}

/* The problem and its answers, as one string. */
static char *
fingerprint(const struct lab_run *r)
{
	struct strbuf sb;
	int i;

	sb_init(&sb);
	sb_adds(&sb, r->intro);
	for (i = 0; i < r->nq; i++) {
		sb_addf(&sb, "|%s=", r->q[i].text);
		answer_of(&r->q[i], &sb);
	}
	return sb.buf;
}

static void
test_same_seed_same_problem(void **state)
{
	int nr;

	(void)state;
	for (nr = 1; nr <= LAB_MAX; nr++) {
		struct lab_run *a, *b;
		char *fa, *fb;

		if (lab_find(nr) == NULL)
			continue;
		a = start(nr, 7);
		b = start(nr, 7);
		fa = fingerprint(a);
		fb = fingerprint(b);
		assert_string_equal(fa, fb);
		free(fa);
		free(fb);
		lab_run_free(a);
		lab_run_free(b);
	}
}

static void
test_seeds_differ(void **state)
{
	int nr, s, t;

	(void)state;
	for (nr = 1; nr <= LAB_MAX; nr++) {
		char *f[SEEDS];
		int same = 0;

		if (lab_find(nr) == NULL)
			continue;
		for (s = 0; s < SEEDS; s++) {
			struct lab_run *r = start(nr, (u64)s * 7919 + 1);

			f[s] = fingerprint(r);
			lab_run_free(r);
		}
		/* problems that repeat an earlier seed's */
		for (s = 0; s < SEEDS; s++)
			for (t = 0; t < s; t++)
				if (!strcmp(f[s], f[t])) {
					same++;
					break;
				}
		/* small problems may meet again, but rarely */
		if (same > SEEDS / 8)
			fail_msg("exercise %d: %d of %d seeds repeat a problem",
				 nr, same, SEEDS);
		for (s = 0; s < SEEDS; s++)
			free(f[s]);
	}
}

/* Learnt at start, worked again on a fresh machine: the same answers. */
static void
test_solver_agrees(void **state)
{
	int nr, s, i;

	(void)state;
	for (nr = 1; nr <= LAB_MAX; nr++) {
		if (lab_find(nr) == NULL)
			continue;
		for (s = 1; s <= SEEDS; s++) {
			struct lab_run *r = start(nr, (u64)s);
			struct lab_q before[LAB_MAXQ];
			struct lab_sol sol;
			struct error e;

			memcpy(before, r->q, sizeof(before));
			for (i = 0; i < r->nq; i++)
				before[i].want_s = r->q[i].want_s ?
					xstrdup(r->q[i].want_s) : NULL;
			memset(&sol, 0, sizeof(sol));
			sol.r = r;
			sol.m = lab_machine(r, &e);
			assert_non_null(sol.m);
			assert_int_equal(r->lab->solve(&sol, &e), 0);
			for (i = 0; i < r->nq; i++) {
				assert_true(r->q[i].known);
				assert_true(before[i].want == r->q[i].want);
				if (before[i].want_s != NULL)
					assert_string_equal(before[i].want_s,
							    r->q[i].want_s);
				free(before[i].want_s);
			}
			machine_free(sol.m);
			lab_run_free(r);
		}
	}
}

/* Giving the right answers marks every one right. */
static void
test_right_answers_are_right(void **state)
{
	int nr, i;

	(void)state;
	for (nr = 1; nr <= LAB_MAX; nr++) {
		struct lab_run *r;

		if (lab_find(nr) == NULL)
			continue;
		r = start(nr, 42);
		for (i = 0; i < r->nq; i++) {
			struct lab_q *q = &r->q[i];
			const char *why;

			assert_int_equal(lab_judge(q, &why), LM_NONE);
			q->answered = true;
			if (q->form == LF_HEX || q->form == LF_NUM) {
				q->got = q->want;
				assert_int_equal(lab_judge(q, &why), LM_RIGHT);
				q->got = q->want + 1;
				assert_int_equal(lab_judge(q, &why), LM_WRONG);
				assert_non_null(why);
				q->got = q->want;
			} else {
				struct strbuf err;
				char *canon = NULL;

				sb_init(&err);
				assert_int_equal(lab_answer_words(q, q->want_s,
								  &canon, &err),
						 0);
				q->got_s = canon;
				assert_int_equal(lab_judge(q, &why), LM_RIGHT);
				sb_release(&err);
			}
		}
		lab_run_free(r);
	}
}

static void
test_mistakes_say_why(void **state)
{
	struct lab_run *r;
	struct lab_q *q;
	const char *why;

	(void)state;
	r = start(1, 7);
	/* question 2: cr3 + index instead of cr3 + index * 4 */
	q = &r->q[1];
	q->answered = true;
	q->got = r->q[1].want - 3 * r->q[0].want;
	assert_int_equal(lab_judge(q, &why), LM_WRONG);
	assert_non_null(strstr(why, "4 bytes"));
	/* question 3: the address of the entry instead of its value */
	q = &r->q[2];
	q->answered = true;
	q->got = r->q[1].want;
	assert_int_equal(lab_judge(q, &why), LM_WRONG);
	assert_non_null(strstr(why, "address"));
	lab_run_free(r);
}

static void
test_word_forms(void **state)
{
	struct lab_q q;
	struct strbuf err;
	char *c = NULL;

	(void)state;
	memset(&q, 0, sizeof(q));
	q.words = xstrdup("pgd,p4d,pud,pmd,pte");
	sb_init(&err);
	q.form = LF_SET;
	assert_int_equal(lab_answer_words(&q, "PUD, p4d", &c, &err), 0);
	assert_string_equal(c, "p4d,pud");	/* a set: the choices' order */
	free(c);
	assert_int_equal(lab_answer_words(&q, "none", &c, &err), 0);
	assert_string_equal(c, "none");
	free(c);
	assert_int_equal(lab_answer_words(&q, "none p4d", &c, &err), -1);
	assert_int_equal(lab_answer_words(&q, "p4d p4d", &c, &err), -1);
	assert_int_equal(lab_answer_words(&q, "pxd", &c, &err), -1);
	assert_int_equal(lab_answer_words(&q, " , ", &c, &err), -1);
	q.form = LF_LIST;
	assert_int_equal(lab_answer_words(&q, "pte pgd", &c, &err), 0);
	assert_string_equal(c, "pte,pgd");	/* a list keeps its order */
	free(c);
	q.form = LF_WORD;
	assert_int_equal(lab_answer_words(&q, "PMD", &c, &err), 0);
	assert_string_equal(c, "pmd");
	free(c);
	assert_int_equal(lab_answer_words(&q, "pmd pte", &c, &err), -1);
	sb_release(&err);
	free(q.words);
}

static void
test_rand_range(void **state)
{
	struct lab_run r;
	int i, seen[6] = { 0 };

	(void)state;
	memset(&r, 0, sizeof(r));
	r.rng.state = 7;
	for (i = 0; i < 6000; i++) {
		u64 v = lab_rand(&r, 10, 15);

		assert_true(v >= 10 && v <= 15);
		seen[v - 10]++;
	}
	for (i = 0; i < 6; i++)
		assert_true(seen[i] > 800 && seen[i] < 1200);
	assert_int_equal(lab_rand(&r, 5, 5), 5);
	(void)lab_rand(&r, 0, ~0ULL);
}

static void
test_bad_numbers(void **state)
{
	struct strbuf sb;

	(void)state;
	assert_null(lab_find(0));
	assert_null(lab_find(LAB_MAX + 1));
	assert_null(lab_find(-3));
	sb_init(&sb);
	lab_numbers(&sb);
	assert_true(sb.len > 0);
	sb_release(&sb);
}

/* A lab names its machine as a command line: each one parses. */
static void
test_machine_args(void **state)
{
	static const char *const bad[] = {
		"--arch", "--arch no-such-arch", "--mem 12Q", "--seed 3",
		"--arch x86_64 --cpus",
	};
	struct machine_opts mo;
	struct error e;
	size_t i;
	int nr;

	(void)state;
	for (nr = 1; nr <= LAB_MAX; nr++) {
		const struct lab *l = lab_find(nr);

		if (l == NULL)
			continue;
		memset(&mo, 0, sizeof(mo));
		error_clear(&e);
		if (lab_parse_args(l->args, &mo, &e))
			fail_msg("lab %d: '%s': %s", nr, l->args, e.msg);
		assert_non_null(mo.arch);
		assert_ptr_equal(arch_find(mo.arch)->name, mo.arch);
	}
	memset(&mo, 0, sizeof(mo));
	assert_int_equal(lab_parse_args("--arch i386-pae --mem 160M --cpus 2",
					&mo, NULL), 0);
	assert_string_equal(mo.arch, "i386-pae");
	assert_true(mo.mem == 160ULL << 20);
	assert_int_equal(mo.cpus, 2);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		error_clear(&e);
		assert_int_equal(lab_parse_args(bad[i], &mo, &e), -EINVAL);
		assert_true(e.msg[0] != 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_problem),
		cmocka_unit_test(test_seeds_differ),
		cmocka_unit_test(test_solver_agrees),
		cmocka_unit_test(test_right_answers_are_right),
		cmocka_unit_test(test_mistakes_say_why),
		cmocka_unit_test(test_word_forms),
		cmocka_unit_test(test_rand_range),
		cmocka_unit_test(test_bad_numbers),
		cmocka_unit_test(test_machine_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
