// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Replay a file of memory accesses through the MMU.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/arg.h"
#include "ptwalk/mm.h"
#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/replay.h"
#include "ptwalk/show.h"
#include "ptwalk/show_tlbh.h"

struct trace_opts {
	const char *file;
	bool keep_going, by_vma, stream;
	u64 every;
	const char *csv;
	/* --array ADDR,BYTES,STRIDE[,TIMES] */
	const char *array;
	u64 a_addr, a_bytes, a_stride, a_times;
};

/* One line's failure: stop (the error), or count it and go on. */
static int
trace_fail(struct ctx *ctx, const struct trace_opts *o,
	   const struct trace_reader *r, struct replay *rp, const char *why)
{
	if (o->keep_going) {
		rp->st.bad_lines++;
		if (rp->st.bad_lines <= 3 && !ctx->json)
			out_printf(ctx, "%s:%llu: %s\n", o->file,
				   (unsigned long long)r->lineno, why);
		return 0;
	}
	return cmd_error(ctx, "%s:%llu: %s", o->file,
			 (unsigned long long)r->lineno, why);
}

/* One access: its address evaluated when it is an expression. */
static int
trace_one(struct ctx *ctx, const struct trace_opts *o,
	  const struct trace_reader *r, struct replay *rp,
	  struct trace_rec *rec)
{
	struct error e;
	char why[300];
	int k;

	if (rec->expr != NULL) {
		char err[200];

		if (arg_eval(ctx, rec->expr, &rec->va, err, sizeof(err))) {
			snprintf(why, sizeof(why), "'%s': %s", rec->expr, err);
			return trace_fail(ctx, o, r, rp, why);
		}
	}
	error_clear(&e);
	k = replay_access(rp, rec, &e);
	if (likely(k == 0))
		return 0;
	if (k > 0) {
		/* counted, and the process lives on */
		if (rp->st.segv <= 3 && !ctx->json)
			out_printf(ctx, "%s:%llu: %s\n", o->file,
				   (unsigned long long)r->lineno, e.msg);
		return 0;
	}
	return trace_fail(ctx, o, r, rp, e.msg);
}

static int
trace_loop(struct ctx *ctx, const struct trace_opts *o,
	   struct trace_reader *r, struct replay *rp)
{
	struct trace_rec rec;
	struct progress pg;
	char why[300];
	int rc = 0, k;

	progress_begin(&pg, "trace", "accesses", 0,
		       o->stream ? PROGRESS_STREAM : 0);
	while ((k = trace_read(r, &rec, why, sizeof(why))) != TR_EOF) {
		if (k == TR_FATAL) {
			rc = cmd_error(ctx, "%s:%llu: %s", o->file,
				       (unsigned long long)r->lineno, why);
			break;
		}
		if (k == TR_BAD)
			rc = trace_fail(ctx, o, r, rp, why);
		else
			rc = trace_one(ctx, o, r, rp, &rec);
		if (rc)
			break;
		/* the kernel's trace as it goes (verbose), or dropped */
		if (unlikely(ctx->m->kt.n != 0)) {
			if (o->stream)
				show_trace(ctx);
			if (!ctx->verbose || o->stream)
				kt_begin(ctx->m);
		}
		if (unlikely(progress_add(&pg, 1))) {
			progress_why(&pg, why, sizeof(why));
			rc = cmd_error(ctx, "%s:%llu: %s", o->file,
				       (unsigned long long)r->lineno, why);
			break;
		}
	}
	progress_end(&pg);
	if (rc == 0 && interrupt_pending()) {
		/* a read from a pipe or a terminal was cut short */
		progress_why(&pg, why, sizeof(why));
		rc = cmd_error(ctx, "%s:%llu: %s", o->file,
			       (unsigned long long)r->lineno, why);
	}
	return rc;
}

/*
 * OSTEP's TLB measurement loop, a[i] += 1 over an int array: for each of
 * TIMES trials, for i = 0, STRIDE, 2*STRIDE ... < BYTES, a 4-byte load
 * and store (a lackey M line) at ADDR + i.
 */
static int
trace_array(struct ctx *ctx, const struct trace_opts *o,
	    struct trace_reader *r, struct replay *rp)
{
	struct trace_rec rec = { .acc = ACC_READ, .modify = true, .size = 4 };
	struct progress pg;
	char why[300];
	u64 t, i;
	int rc = 0;

	r->fmt = TFMT_ARRAY;
	progress_begin(&pg, "trace", "accesses", o->a_times *
		       ((o->a_bytes + o->a_stride - 1) / o->a_stride), 0);
	for (t = 0; t < o->a_times && rc == 0; t++)
		for (i = 0; i < o->a_bytes && rc == 0; i += o->a_stride) {
			r->lineno++;
			rec.va = o->a_addr + i;
			rc = trace_one(ctx, o, r, rp, &rec);
			if (unlikely(ctx->m->kt.n != 0) && !ctx->verbose)
				kt_begin(ctx->m);
			if (rc == 0 && unlikely(progress_add(&pg, 1))) {
				progress_why(&pg, why, sizeof(why));
				rc = cmd_error(ctx, "%s: %s", o->file, why);
			}
		}
	progress_end(&pg);
	return rc;
}

static void
trace_report_vmas(struct ctx *ctx, const struct replay_stats *s)
{
	int i;

	if (!ctx->json)
		out_printf(ctx, "  %-10s %-10s %10s %10s %8s  %s\n", "START",
			   "END", "ACCESSES", "MISSES", "FAULTS", "VMA");
	j_arr(ctx, "vmas");
	for (i = 0; i < s->nvma; i++) {
		const struct replay_vma *v = &s->vma[i];

		if (!ctx->json)
			out_printf(ctx, "  %010llx %010llx %10llu %10llu %8llu"
				   "  %s\n", (unsigned long long)v->start,
				   (unsigned long long)v->end,
				   (unsigned long long)v->accesses,
				   (unsigned long long)v->misses,
				   (unsigned long long)v->faults,
				   v->name[0] ? v->name : "[anon]");
		j_obj(ctx, NULL);
		j_hex(ctx, "start", v->start);
		j_hex(ctx, "end", v->end);
		j_str(ctx, "name", v->name);
		j_u64(ctx, "accesses", v->accesses);
		j_u64(ctx, "tlb_misses", v->misses);
		j_u64(ctx, "faults", v->faults);
		j_obj_end(ctx);
	}
	j_arr_end(ctx);
	if (!ctx->json && s->other_accesses)
		out_printf(ctx, "  %-21s %10llu %10llu %8s  (outside every "
			   "VMA, or beyond %d VMAs)\n", "other",
			   (unsigned long long)s->other_accesses,
			   (unsigned long long)s->other_misses, "-",
			   REPLAY_VMAS);
}

static void
trace_report(struct ctx *ctx, const struct trace_opts *o,
	     const struct trace_reader *r, struct replay *rp, int rc)
{
	const struct replay_stats *s = &rp->st;
	struct task_struct *t = current_task(ctx->m);
	u64 mpki10;

	replay_sync(rp);
	mpki10 = s->accesses ? (s->misses * 10000 + s->accesses / 2) /
		s->accesses : 0;
	out_printf(ctx, "%s (%s, %s, %s)%s: TLB %s, %s",
		   plural(s->accesses, "access", "accesses"),
		   plural(s->kind[0], "read", NULL),
		   plural(s->kind[1], "write", NULL),
		   plural(s->kind[2], "fetch", "fetches"),
		   rc ? " before the error" : "", plural(s->hits, "hit", NULL),
		   plural(s->misses, "miss", "misses"));
	if (t != NULL)
		out_printf(ctx, "; pid %d: %llu minor and %llu major faults",
			   t->pid, (unsigned long long)s->min_flt,
			   (unsigned long long)s->maj_flt);
	out_printf(ctx, "\n");
	if (r->fmt != TFMT_NONE && (r->fmt != TFMT_PLAIN || s->straddles ||
				    s->segv || s->bad_lines || o->by_vma)) {
		out_printf(ctx, "  %s trace: %s (%s straddling a page), "
			   "%s, %llu.%llu misses per 1000 accesses",
			   trace_fmt_name(r->fmt),
			   plural(s->lookups, "lookup", NULL),
			   plural(s->straddles, "access", "accesses"),
			   plural(s->pages, "page touched", "pages touched"),
			   (unsigned long long)mpki10 / 10,
			   (unsigned long long)mpki10 % 10);
		if (s->segv)
			out_printf(ctx, ", %s", plural(s->segv, "SIGSEGV",
						       NULL));
		if (s->bad_lines)
			out_printf(ctx, ", %s skipped", plural(s->bad_lines,
				   "bad line", NULL));
		out_printf(ctx, "\n");
	}
	j_str(ctx, "format", trace_fmt_name(r->fmt));
	j_u64(ctx, "lines", r->lineno);
	j_u64(ctx, "accesses", s->accesses);
	j_u64(ctx, "reads", s->kind[0]);
	j_u64(ctx, "writes", s->kind[1]);
	j_u64(ctx, "fetches", s->kind[2]);
	j_u64(ctx, "modifies", s->modifies);
	j_u64(ctx, "straddles", s->straddles);
	j_u64(ctx, "lookups", s->lookups);
	j_u64(ctx, "tlb_hits", s->hits);
	j_u64(ctx, "tlb_misses", s->misses);
	j_u64(ctx, "pages", s->pages);
	j_u64(ctx, "sigsegv", s->segv);
	j_u64(ctx, "bad_lines", s->bad_lines);
	if (t != NULL) {
		j_u64(ctx, "min_flt", s->min_flt);
		j_u64(ctx, "maj_flt", s->maj_flt);
	}
	if (rp->h != NULL) {
		struct tlbh d;

		replay_model_stats(rp, &d);
		show_tlbh_stats(ctx, ctx->m, &d);
	}
	if (o->by_vma || ctx->json)
		trace_report_vmas(ctx, s);
}

/* --array ADDR,BYTES,STRIDE[,TIMES] */
static int
trace_array_opt(struct ctx *ctx, struct trace_opts *o)
{
	char buf[256], *f[5], *save;
	int n = 0;

	snprintf(buf, sizeof(buf), "%s", o->array);
	for (f[n] = strtok_r(buf, ",", &save); f[n] != NULL && n < 4;
	     f[++n] = strtok_r(NULL, ",", &save))
		;
	if (n < 3 || f[n] != NULL)
		return cmd_error(ctx, "--array: ADDR,BYTES,STRIDE[,TIMES] "
				 "(as OSTEP's tlb.c: a[i] += 1 every STRIDE "
				 "bytes)");
	o->a_times = 1;
	if (arg_va(ctx, f[0], "ADDR", &o->a_addr) ||
	    arg_u64(ctx, f[1], "BYTES", &o->a_bytes) ||
	    arg_u64(ctx, f[2], "STRIDE", &o->a_stride) ||
	    (n == 4 && arg_u64(ctx, f[3], "TIMES", &o->a_times)))
		return -1;
	if (o->a_stride == 0 || o->a_times == 0 || o->a_bytes == 0)
		return cmd_error(ctx, "--array: BYTES, STRIDE and TIMES must "
				 "be above 0");
	if (o->a_bytes / o->a_stride > (1ULL << 40) / o->a_times)
		return cmd_error(ctx, "--array: over 2^40 accesses");
	o->file = "--array";
	return 0;
}

static int
trace_opts_get(struct ctx *ctx, struct trace_opts *o)
{
	const char *v;

	memset(o, 0, sizeof(*o));
	o->file = cmd_args(ctx)->argv[0];
	o->array = args_get(ctx, "--array");
	if (o->array != NULL && o->file != NULL)
		return cmd_error(ctx, "give a FILE or --array, not both");
	if (o->array == NULL && o->file == NULL)
		return cmd_error(ctx, "give a FILE ('-' for stdin) or --array "
				 "ADDR,BYTES,STRIDE[,TIMES]");
	if (o->array != NULL && trace_array_opt(ctx, o))
		return -1;
	o->keep_going = args_has(ctx, "--keep-going");
	o->by_vma = args_has(ctx, "--vmas");
	o->stream = ctx->verbose && !ctx->json;
	o->csv = args_get(ctx, "--csv");
	if ((v = args_get(ctx, "--every")) != NULL) {
		if (arg_u64(ctx, v, "--every", &o->every))
			return -1;
		if (o->every == 0)
			return cmd_error(ctx, "--every: give a count of "
					 "accesses above 0");
	}
	if (o->every && o->csv == NULL)
		return cmd_error(ctx, "--every N needs --csv FILE");
	if (o->csv != NULL && o->every == 0)
		o->every = 100000;
	return 0;
}

static int
trace_run_array(struct ctx *ctx, const struct trace_opts *o)
{
	struct trace_reader r;
	struct replay rp;
	int rc;

	if (o->csv != NULL)
		return cmd_error(ctx, "--csv: with a FILE only");
	memset(&r, 0, sizeof(r));
	replay_init(&rp, ctx->m, machine_cpu(ctx->m));
	rp.keep_going = o->keep_going;
	rc = trace_array(ctx, o, &r, &rp);
	show_trace(ctx);
	trace_report(ctx, o, &r, &rp, rc);
	replay_release(&rp);
	return rc;
}

static int
trace_run(struct ctx *ctx)
{
	struct trace_opts o;
	struct trace_reader r;
	struct replay rp;
	struct error e;
	FILE *csv = NULL;
	int fd, rc;

	if (trace_opts_get(ctx, &o))
		return -1;
	if (o.array != NULL)
		return trace_run_array(ctx, &o);
	/* sequential reads: a pipe or a FIFO will do, '-' is stdin */
	fd = strcmp(o.file, "-") ? host_open(o.file, HOST_OPEN_STREAM,
					     "the trace file", NULL, &e) :
		fileno(stdin);
	if (fd < 0)
		return cmd_err(ctx, &e);
	if (o.csv != NULL && (csv = fopen(o.csv, "w")) == NULL) {
		if (fd != fileno(stdin))
			close(fd);
		return cmd_error(ctx, "cannot write the CSV file '%s': %m",
				 o.csv);
	}
	trace_reader_init(&r, fd, fd != fileno(stdin));
	replay_init(&rp, ctx->m, machine_cpu(ctx->m));
	rp.keep_going = o.keep_going;
	rp.every = o.every;
	rp.next_row = o.every;
	rp.csv = csv;
	if (csv != NULL)
		replay_csv_header(csv);
	rc = trace_loop(ctx, &o, &r, &rp);
	if (fd == fileno(stdin))
		clearerr(stdin);
	show_trace(ctx);
	if (csv != NULL) {
		if (rp.st.accesses % o.every)
			replay_csv_row(&rp);
		if (fclose(csv) && rc == 0)
			rc = cmd_error(ctx, "writing the CSV file '%s': %m",
				       o.csv);
	}
	trace_report(ctx, &o, &r, &rp, rc);
	trace_reader_release(&r);
	replay_release(&rp);
	return rc;
}

static const struct cmd_opt trace_opts[] = {
	{ "--keep-going", NULL, NULL, "count bad lines and SIGSEGVs and go "
	  "on (the first three are shown)" },
	{ "--vmas", NULL, NULL, "the accesses, TLB misses and faults of "
	  "each VMA" },
	{ "--csv", "FILE", "file", "write the counters to FILE as CSV, a "
	  "row every --every accesses and one at the end" },
	{ "--every", "N", "word", "a CSV row every N accesses (100000)" },
	{ "--array", "ADDR,BYTES,STRIDE[,TIMES]", "word", "no FILE: replay "
	  "OSTEP's loop a[i] += 1 over BYTES at ADDR every STRIDE bytes, "
	  "TIMES times (1)" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_trace = {
	.name = "trace",
	.family = FAM_PROCESS,
	.usage = "[--keep-going] [--vmas] [--csv FILE [--every N]] FILE, or "
		 "[--keep-going] [--vmas] --array ADDR,BYTES,STRIDE[,TIMES]",
	.summary = "replay a trace of memory accesses (lackey, drcachesim, "
		   "r|w|x ADDR) through the MMU",
	.help =
	"FILE ('-' for stdin; a pipe will do) is read as it streams, in\n"
	"constant memory; its format is told from its first lines:\n"
	"  valgrind lackey (valgrind --tool=lackey --trace-mem=yes PROG\n"
	"    2>FILE): 'I  0400d7d4,8' a fetch, ' L ADDR,SIZE' a load,\n"
	"    ' S ...' a store, ' M ...' a load and a store (two accesses);\n"
	"    valgrind's own '==PID==' lines are skipped\n"
	"  DynamoRIO drcachesim's text view (drrun -t drcachesim\n"
	"    -simulator_type view): its 'read', 'write' and 'ifetch' lines\n"
	"    ('... read 8 byte(s) @ 0x00007ffd...'); markers and headers\n"
	"    are skipped\n"
	"  ptwalk's own: 'r ADDR', 'w ADDR' or 'x ADDR' (read, write, exec\n"
	"    or fetch spelt out too), then an optional SIZE in bytes when\n"
	"    ADDR is a number; otherwise ADDR is an expression (symbols\n"
	"    work); '#' starts a comment\n"
	"Every access goes through the current CPU as touch does: TLB, page\n"
	"walk, page faults.  An access that straddles a 4K page boundary is\n"
	"one access and one TLB lookup per page; an access that faults is\n"
	"looked up again once the fault is fixed: hits + misses = lookups.\n"
	"The summary counts the accesses by kind, the TLB hits and misses\n"
	"and the minor and major faults of the running process; for a\n"
	"lackey or drcachesim trace (or when there is more to say) a second\n"
	"line gives the lookups, the accesses straddling pages, the working\n"
	"set (distinct 4K pages touched), the TLB misses per 1000 accesses\n"
	"(MPKI), the SIGSEGVs and the bad lines.  --vmas adds a table per\n"
	"VMA; --json has every figure, the VMAs included.  --csv FILE\n"
	"writes the counters every N accesses (--every N) for plotting.\n"
	"'set verbose on' also shows every fault's steps.\n"
	"With 'set tlb-model PRESET' the replay also runs a TLB hierarchy\n"
	"(split iTLB/dTLB, unified STLB, page-walk caches: 'help set') and\n"
	"prints each level's lookups, hits and misses (and hits/misses per\n"
	"page size), the walks, their memory references per level and the\n"
	"walk-cache hits.  The hierarchy starts empty when the model is set\n"
	"and stays warm from one trace to the next; it is fed the page size\n"
	"the machine translated each page with and follows the kernel's TLB\n"
	"flushes (a flush between two traces empties it); it looks up only\n"
	"pages that translate (a lookup that faults is the CPU TLB's, its\n"
	"retry the model's one lookup) and ignores ASIDs and CPUs: one\n"
	"model per machine.\n"
	"The replay stops at the first error (a bad line, an address wider\n"
	"than the arch's virtual addresses, a SIGSEGV, Ctrl-C) with FILE:LINE\n"
	"and the statistics so far.  With --keep-going bad lines and\n"
	"SIGSEGVs are counted and the replay goes on: after a SIGSEGV the\n"
	"process lives on as if a signal handler had skipped the access.\n"
	"Binary data (a NUL byte) and 16 bad lines before the first access\n"
	"stop it even so: that is not a trace.\n"
	"--array ADDR,BYTES,STRIDE[,TIMES] replays, with no file, the loop\n"
	"of OSTEP's TLB measurement (tlb.c): TIMES trials of a[i] += 1 for\n"
	"i = 0, STRIDE, 2*STRIDE... below BYTES, an int array at ADDR: each\n"
	"a 4-byte load and store, as lackey's M lines.\n",
	.complete = "file",
	.opts = trace_opts,
	.min_args = 0,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE,
	.run = trace_run,
};
