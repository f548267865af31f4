// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Lab exercise 15: TLB reach, measured as OSTEP's TLB homework does (an
 * int array, one a[i] += 1 per page, several trials), replayed through
 * the Skylake TLB hierarchy model.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/lab.h"
#include "ptwalk/format.h"
#include "ptwalk/mm.h"
#include "ptwalk/replay.h"
#include "ptwalk/tlbflush.h"

/*
 *   p[0] pages of the small array, p[1] pages of the big one, p[2]
 *   trials, p[4] dTLB entries of the bigger 4K array; setup records p[3]
 *   the array's address
 */

static int
reach_draw(struct lab_run *r, struct machine *m, struct error *e)
{
	(void)m;
	(void)e;
	r->p[0] = lab_rand(r, 16, 56);
	r->p[1] = 64 * lab_rand(r, 4, 12);
	r->p[2] = lab_rand(r, 3, 6);
	r->p[4] = 1024;
	return 0;
}

/* The array, written once (its pages are there), the TLB flushed. */
static int
reach_setup(struct lab_run *r, struct machine *m, struct error *e)
{
	struct task_struct *t = current_task(m);
	u64 a, pa, len = r->p[1] * PAGE_SIZE;

	if (t == NULL || t->mm == NULL)
		return error_set(e, -EINVAL, "no process to give the array");
	if (do_mmap(m, t->mm, NULL, 0, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &r->p[3], e))
		return -1;
	for (a = r->p[3]; a < r->p[3] + len; a += PAGE_SIZE)
		if (machine_access(m, machine_cpu(m), a, ACC_WRITE, &pa, e))
			return -1;
	flush_tlb_all(m);
	return 0;
}

static const struct tlbh_arr_geom *
dtlb_4k(const struct tlbh_geom *g)
{
	int a;

	for (a = 0; a < TLBH_ARRAYS; a++)
		if (g->arr[TLBH_DTLB][a].entries &&
		    (g->arr[TLBH_DTLB][a].sizes & 1))
			return &g->arr[TLBH_DTLB][a];
	return NULL;
}

static int
reach_ask(struct lab_run *r, struct machine *m, struct error *e)
{
	const char *va = fva(m, r->p[3]);
	unsigned long long n1 = r->p[0], n2 = r->p[1], t = r->p[2];

	(void)e;
	lab_intro(r, "TLB reach is the memory a TLB covers: its entries times "
		  "the page size.  OSTEP's TLB homework measures it with a "
		  "loop that adds 1 to one int per page of an array, trial "
		  "after trial, and times it; here the loop is replayed through "
		  "a model of Skylake's TLBs, which counts instead of timing.  "
		  "The process's array of %llu pages is at %s, already written "
		  "(every page is there, nothing faults).  Turn the model on "
		  "with 'set tlb-model skylake' and read its geometry with "
		  "'set tlb-model'.  Replay %llu trials over the first %llu "
		  "pages with 'trace --array %s,%llu*4096,4096,%llu', then "
		  "over all %llu pages with 'trace --array %s,%llu*4096,4096,"
		  "%llu' (the model stays warm from one replay to the next).  "
		  "Last, give the dTLB a %llu-entry 4-way array for 4K pages "
		  "('set tlb-model dtlb 4K %llu 4': a changed model starts "
		  "empty) and replay the %llu pages again.", n2, va, t, n1, va,
		  n1, t, n2, va, n2, t, (unsigned long long)r->p[4],
		  (unsigned long long)r->p[4], n2);
	lab_ask(r, LF_NUM, NULL, "reach = entries x page size: the dtlb line "
		"of 'set tlb-model' gives the 4K array's entries",
		"The reach of Skylake's L1 dTLB with 4K pages, in KiB?");
	lab_ask(r, LF_NUM, NULL, "each a[i] += 1 is a load, then a store to "
		"the same page: the store always hits; the loads miss only "
		"while the dTLB is cold", "The %llu-page replay: dTLB misses?",
		n1);
	lab_ask(r, LF_NUM, NULL, "a page walk is an STLB miss: the walks "
		"line", "And its page walks?");
	lab_ask(r, LF_NUM, NULL, "the pages cycle through 4-way LRU sets: "
		"every set gets more pages than ways, so every load misses, "
		"except those of pages still cached from the first replay",
		"The %llu-page replay: dTLB misses?", n2);
	lab_ask(r, LF_NUM, NULL, "the STLB holds 1536 4K entries: only pages "
		"it has never seen are walked", "And its page walks?");
	lab_ask(r, LF_NUM, NULL, "the walks line counts the entries read; a "
		"walk whose PDE is in the walk cache reads only the pte",
		"And the memory references of those walks?");
	lab_ask(r, LF_NUM, NULL, "a cold TLB misses once per page; after "
		"that, an array within the reach hits", "With the %llu-entry "
		"dTLB: the dTLB misses of the %llu-page replay?",
		(unsigned long long)r->p[4], n2);
	return 0;
}

/* The loop through the replay, as trace --array does: the model's figures. */
static int
replay_loop(struct machine *m, u64 base, u64 pages, u64 trials,
	    struct tlbh *d, struct error *e)
{
	struct trace_rec rec = { .acc = ACC_READ, .modify = true, .size = 4 };
	struct replay rp;
	u64 t, i;
	int rc = 0;

	replay_init(&rp, m, machine_cpu(m));
	if (rp.h == NULL) {
		replay_release(&rp);
		return error_set(e, -EINVAL, "no TLB model");
	}
	for (t = 0; t < trials && rc == 0; t++)
		for (i = 0; i < pages && rc == 0; i++) {
			rec.va = base + i * PAGE_SIZE;
			rc = replay_access(&rp, &rec, e);
		}
	if (rc == 0)
		replay_model_stats(&rp, d);
	replay_release(&rp);
	return rc ? -1 : 0;
}

static u64
walk_refs(const struct tlbh *d)
{
	u64 n = 0;
	int i;

	for (i = 0; i < d->nwalk; i++)
		n += d->refs[i];
	return n;
}

static int
reach_solve(struct lab_sol *s, struct error *e)
{
	struct machine *m = s->m;
	const struct tlbh_geom *sky = tlbh_preset("skylake");
	const struct tlbh_arr_geom *dt = dtlb_4k(sky);
	u64 base = s->r->p[3], n1 = s->r->p[0], n2 = s->r->p[1];
	u64 t = s->r->p[2], miss, walks;
	struct tlbh_geom big;
	struct tlbh d;
	int a;

	sol_step(s, "Step 1: set tlb-model skylake; set tlb-model");
	machine_tlb_model(m, sky);
	sol_say(s, "dtlb: 4K %u entries %u-way: %u x 4 KiB = %u KiB",
		dt->entries, dt->ways, dt->entries, dt->entries * 4);
	lab_want(s, 1, (u64)dt->entries * 4);
	lab_mistake(s, 1, (u64)dt->entries, "that is the entries; the reach "
		    "is entries x 4 KiB");

	sol_step(s, "Step 2: trace --array %s,%llu*4096,4096,%llu",
		 fva(m, base), (unsigned long long)n1, (unsigned long long)t);
	if (replay_loop(m, base, n1, t, &d, e))
		return -1;
	miss = tlbh_level_misses(&d, TLBH_DTLB);
	sol_say(s, "dTLB %llu lookups, %llu misses: %llu pages fit in %u "
		"entries, so only the first trial's loads miss; %llu walks",
		(unsigned long long)(miss + tlbh_level_hits(&d, TLBH_DTLB)),
		(unsigned long long)miss, (unsigned long long)n1,
		dt->entries, (unsigned long long)d.walks);
	lab_want(s, 2, miss);
	lab_mistake(s, 2, 2 * n1, "the store after each load finds the "
		    "entry the load brought");
	lab_mistake(s, 2, n1 * t, "after the first trial the pages are "
		    "cached: they fit in the dTLB");
	lab_want(s, 3, d.walks);

	sol_step(s, "Step 3: trace --array %s,%llu*4096,4096,%llu",
		 fva(m, base), (unsigned long long)n2, (unsigned long long)t);
	if (replay_loop(m, base, n2, t, &d, e))
		return -1;
	miss = tlbh_level_misses(&d, TLBH_DTLB);
	walks = d.walks;
	sol_say(s, "dTLB %llu misses of %llu loads: %llu pages in %u sets of "
		"%u ways thrash LRU, and the first replay's %llu pages hit "
		"once", (unsigned long long)miss, (unsigned long long)(n2 * t),
		(unsigned long long)n2, dt->entries / dt->ways, dt->ways,
		(unsigned long long)n1);
	sol_say(s, "STLB: %llu misses, %llu walks reading %llu entries "
		"(%llu walk-cache hits at the PDE level)",
		(unsigned long long)tlbh_level_misses(&d, TLBH_STLB),
		(unsigned long long)walks, (unsigned long long)walk_refs(&d),
		(unsigned long long)d.pwc_hits[0]);
	lab_want(s, 4, miss);
	lab_mistake(s, 4, n2 * t, "the pages of the first replay were still "
		    "in the dTLB at the start");
	lab_want(s, 5, walks);
	lab_mistake(s, 5, n2, "the %llu pages of the first replay were in "
		    "the STLB already", (unsigned long long)n1);
	lab_want(s, 6, walk_refs(&d));
	lab_mistake(s, 6, walks * d.nwalk, "that is %d references per walk: "
		    "the walk caches hold the upper levels' entries", d.nwalk);

	sol_step(s, "Step 4: set tlb-model dtlb 4K %llu 4, then the %llu "
		 "pages again", (unsigned long long)s->r->p[4],
		 (unsigned long long)n2);
	big = *sky;
	for (a = 0; a < TLBH_ARRAYS; a++)
		if (big.arr[TLBH_DTLB][a].sizes & 1)
			big.arr[TLBH_DTLB][a].entries = (u16)s->r->p[4];
	machine_tlb_model(m, &big);
	if (replay_loop(m, base, n2, t, &d, e))
		return -1;
	miss = tlbh_level_misses(&d, TLBH_DTLB);
	sol_say(s, "%llu pages within %llu KiB of reach: %llu dTLB misses, "
		"the first trial's loads only", (unsigned long long)n2,
		(unsigned long long)s->r->p[4] * 4, (unsigned long long)miss);
	lab_want(s, 7, miss);
	lab_mistake(s, 7, 0, "the changed model starts empty: the first "
		    "trial misses");
	return 0;
}

const struct lab lab_reach = {
	.nr = 15,
	.title = "TLB reach: OSTEP's array loop through Skylake's TLBs",
	.args = "--arch x86_64",
	.commands = "set tlb-model, trace --array",
	.draw = reach_draw,
	.setup = reach_setup,
	.ask = reach_ask,
	.solve = reach_solve,
};
