// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Translate virtual addresses, one line each (through the TLB).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/progress.h"
#include "ptwalk/show.h"
#include "ptwalk/show_pid.h"

static char *
hex(char *p, u64 v, int width)
{
	static const char d[] = "0123456789abcdef";
	int n = 1, i;

	/* the digits, at least width of them */
	while (n < 16 && (v >> (4 * n)))
		n++;
	if (n < width)
		n = width;
	*p++ = '0';
	*p++ = 'x';
	for (i = n - 1; i >= 0; i--) {
		p[i] = d[v & 15];
		v >>= 4;
	}
	return p + n;
}

/*
 * When the hardware probe faults, the walk may still find a mapping that
 * an access would fault on (arm: an old page, whose hardware entry is
 * empty while Linux's PTE maps it): a translation reports it.
 */
static int
probe_fault(struct machine *m, struct cpu *c, u64 va, int f, struct walk *w)
{
	if (f == WF_NONE || f == WF_PROTECTION)
		return f;
	return machine_walk(m, c, va, w);
}

/* One address: text line or JSON object.  Returns 0 or the fault. */
static int
one(struct ctx *ctx, struct cpu *c, u64 va, bool compact, char *line,
    size_t *len)
{
	struct machine *m = ctx->m;
	struct walk w;
	bool hit;
	int f = m->arch->va_check(&m->mmu, va);

	if (f == WF_NONE && !ctx->json) {
		/* the fast path: no step records needed */
		struct xlat x;

		f = machine_xlat(m, c, va, ACC_READ, &x, &hit);
		w.va = va;
		w.pa = x.pa;
		w.shift = x.shift;
		w.fault = x.fault;
		w.nsteps = 0;
		w.access_fault = f == WF_NONE &&
			mmu_old_faults(&m->mmu, x.attr) ? WF_ACCESS_FLAG :
			WF_NONE;
		/* the walk: the reason, or a mapping an access faults on */
		f = probe_fault(m, c, va, f, &w);
	} else if (f == WF_NONE) {
		f = machine_translate(m, c, va, ACC_READ | ACC_PROBE, &w, &hit);
		f = probe_fault(m, c, va, f, &w);
	} else {
		w.va = va;
		w.fault = (u8)f;
		w.nsteps = 0;
		w.fault_lvl = LVL_PGD;
		w.access_fault = WF_NONE;
	}
	if (ctx->json) {
		show_walk_json(ctx, &w);
		if (f == WF_NONE) {
			const struct region *r = machine_region(m, va);

			j_bool(ctx, "tlb_hit", hit);
			if (r)
				j_str(ctx, "region", r->name);
		}
		return f;
	}
	if (compact) {
		char *p = line;

		p = hex(p, va, m->arch->va_digits);
		*p++ = ' ';
		if (f == WF_NONE) {
			p = hex(p, w.pa, m->arch->pa_digits);
		} else {
			memcpy(p, "fault", 5);
			p += 5;
		}
		*p++ = '\n';
		*len = (size_t)(p - line);
		return f;
	}
	if (f == WF_NONE) {
		const struct region *r = machine_region(m, va);

		out_printf(ctx, "%s -> %s  %s page%s%s%s%s\n", fva(m, va),
			   fpa(m, w.pa), fsize(1ULL << w.shift),
			   r ? "  " : "", r ? r->name : "",
			   hit ? "  (tlb)" : "",
			   w.access_fault == WF_ACCESS_FLAG ? "  (access flag "
			   "clear: an access faults, the kernel sets it)" :
			   w.access_fault != WF_NONE ? "  (old: no hardware "
			   "entry, an access faults, the kernel makes it "
			   "young)" : "");
	} else {
		char buf[200];

		if (f == WF_VA_RANGE || f == WF_NONCANONICAL) {
			struct error e;

			machine_check_va(m, va, &e);
			snprintf(buf, sizeof(buf), "%.199s", e.msg);
		} else {
			machine_fault_reason(m, &w, 0, buf, sizeof(buf));
		}
		out_printf(ctx, "%s -> fault: %s\n", fva(m, va), buf);
	}
	if (f == WF_NONE)
		cmd_set_value(ctx, w.pa);
	return f;
}

/*
 * Parse one address of a -f line: hex with 0x, else any base strtoull
 * takes; trailing blanks allowed.  0 on success.
 */
static int
parse_addr(const char *s, const char *e, u64 *v)
{
	static signed char val[256];
	const char *p = s;
	u64 x = 0;

	if (val['1'] == 0) {
		int i;

		memset(val, -1, sizeof(val));
		for (i = 0; i < 10; i++)
			val['0' + i] = (signed char)i;
		for (i = 0; i < 6; i++)
			val['a' + i] = val['A' + i] = (signed char)(10 + i);
	}
	if (e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
		if (p == e || val[(u8)*p] < 0)
			return -1;
		for (; p < e && val[(u8)*p] >= 0; p++) {
			if (x >> 60)
				return -1;	/* more than 64 bits */
			x = x << 4 | (u64)val[(u8)*p];
		}
	} else {
		char buf[80], *end;
		size_t n = (size_t)(e - p);

		if (n >= sizeof(buf))
			return -1;
		memcpy(buf, p, n);
		buf[n] = 0;
		errno = 0;
		x = strtoull(buf, &end, 0);
		if (end == buf || errno || buf[0] == '-')
			return -1;
		p += end - buf;
	}
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p != e)
		return -1;
	*v = x;
	return 0;
}

/*
 * -f FILE: the fast path for millions of addresses.  The input is read in
 * large blocks and parsed in place, each address translated as the CPU
 * does (TLB, then the walk without step records), each line formatted by
 * hand into a large output buffer.
 */
#define XFILE_BLOCK	(1 << 20)

struct xfile {
	struct ctx *ctx;
	struct cpu *c;
	const char *path;
	char *out;		/* XFILE_BLOCK bytes of output */
	size_t used;
	long lineno, faults, bad, count;
	u64 last;		/* the last address that translated */
	bool have_last;
};

/* "VA PA" or "VA fault" into the output buffer. */
static int
xfile_translate(struct xfile *xf, u64 va)
{
	struct machine *m = xf->ctx->m;
	struct xlat x;
	bool hit;
	char *o;
	int r;

	if (xf->used + 64 > XFILE_BLOCK) {
		fwrite(xf->out, 1, xf->used, xf->ctx->out);
		xf->used = 0;
	}
	r = m->arch->va_check(&m->mmu, va);
	if (r == WF_NONE)
		r = machine_xlat(m, xf->c, va, ACC_READ, &x, &hit);
	if (r != WF_NONE && r != WF_PROTECTION && r != WF_VA_RANGE &&
	    r != WF_NONCANONICAL) {
		struct walk w;

		r = probe_fault(m, xf->c, va, r, &w);
		x.pa = w.pa;
	}
	o = hex(xf->out + xf->used, va, m->arch->va_digits);
	*o++ = ' ';
	if (r == WF_NONE) {
		o = hex(o, x.pa, m->arch->pa_digits);
	} else {
		memcpy(o, "fault", 5);
		o += 5;
	}
	*o++ = '\n';
	xf->used = (size_t)(o - xf->out);
	return r;
}

/* One line [p, nl): blank, a comment, an address, or not an address. */
static void
xfile_line(struct xfile *xf, char *p, char *nl)
{
	struct ctx *ctx = xf->ctx;
	char *s = p;
	u64 va;
	int r;

	xf->lineno++;
	while (s < nl && (*s == ' ' || *s == '\t'))
		s++;
	if (s == nl || *s == '#' || *s == '\r')
		return;
	if (parse_addr(s, nl, &va)) {
		cmd_warn(ctx, "%s:%ld: not an address: '%.*s'", xf->path,
			 xf->lineno, (int)MIN(nl - s, 40), s);
		xf->bad++;
		return;
	}
	xf->count++;
	if (ctx->json) {
		size_t len = 0;

		if (xf->count > 1)
			j_next(ctx);
		r = one(ctx, xf->c, va, true, NULL, &len);
	} else {
		r = xfile_translate(xf, va);
	}
	if (r) {
		xf->faults++;
	} else {
		xf->last = va;
		xf->have_last = true;
	}
}

/* After the input: $_ from the last address that translated, the errors. */
static int
xfile_done(struct xfile *xf, struct progress *pg)
{
	struct ctx *ctx = xf->ctx;
	struct machine *m = ctx->m;
	long seen = xf->count + xf->bad;
	char why[200];

	if (!pg->stop && interrupt_pending())
		pg->stop = -EINTR;	/* a read from a terminal, cut short */
	if (pg->stop) {
		progress_why(pg, why, sizeof(why));
		return cmd_error(ctx, "%s", why);
	}
	if (xf->have_last) {
		struct walk w;
		bool hit;

		if (probe_fault(m, xf->c, xf->last,
				machine_translate(m, xf->c, xf->last,
						  ACC_READ | ACC_PROBE, &w,
						  &hit), &w) == 0)
			cmd_set_value(ctx, w.pa);
	}
	if (xf->faults || xf->bad)
		return cmd_error(ctx, "%ld of %ld address%s did not translate%s",
				 xf->faults + xf->bad, seen,
				 seen == 1 ? "" : "es",
				 xf->bad ? " (some lines are not addresses)" :
				 "");
	return 0;
}

static int
from_file(struct ctx *ctx, const char *path)
{
	struct xfile xf = { .ctx = ctx, .c = machine_cpu(ctx->m),
			    .path = path };
	struct error err;
	FILE *f = strcmp(path, "-") ? host_fopen(path, HOST_OPEN_STREAM,
						 "the address file", &err) :
		stdin;
	const size_t cap = XFILE_BLOCK;
	char *in;
	size_t have = 0;
	bool eof = false;
	struct progress pg;

	if (f == NULL)
		return cmd_err(ctx, &err);
	in = xmalloc(cap + 1);
	xf.out = xmalloc(cap);
	progress_begin(&pg, "translate", "addresses", 0, PROGRESS_STREAM);
	while (!eof || have > 0) {
		char *p = in, *end, *nl = NULL;
		size_t n;

		if (!eof) {
			n = fread(in + have, 1, cap - have, f);
			if (n == 0)
				eof = true;
			have += n;
		}
		end = in + have;
		if (eof && have > 0 && end[-1] != '\n')
			*end++ = '\n', have++;	/* a last line without newline */
		for (; p < end && (nl = memchr(p, '\n', (size_t)(end - p)));
		     p = nl + 1)
			xfile_line(&xf, p, nl);
		if (p == in && have == cap) {
			/* a line longer than the buffer: drop it */
			cmd_warn(ctx, "%s:%ld: line too long: skipped", path,
				 xf.lineno + 1);
			xf.bad++;
			while (!eof && (nl = memchr(in, '\n', have)) == NULL) {
				have = fread(in, 1, cap, f);
				if (have == 0)
					eof = true;
			}
			p = nl ? nl + 1 : in + have;
		}
		have = (size_t)(in + have - p);
		memmove(in, p, have);
		if (eof && have > 0 && memchr(in, '\n', have) == NULL)
			have = 0;
		/* a block at a time: Ctrl-C, and the count on a terminal */
		if (progress_add(&pg, (u64)xf.count + (u64)xf.bad - pg.done))
			break;
	}
	progress_end(&pg);
	if (xf.used)
		fwrite(xf.out, 1, xf.used, ctx->out);
	free(in);
	free(xf.out);
	if (f != stdin)
		fclose(f);
	else
		clearerr(f);
	return xfile_done(&xf, &pg);
}

static int
translate_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	const char *file = args_get(ctx, "-f");
	int i, faults = 0;

	if (file != NULL) {
		if (args->argc > 0)
			return cmd_error(ctx, "give addresses or -f FILE, not "
					 "both");
		return from_file(ctx, file);
	}
	if (args->argc < 1)
		return cmd_usage(ctx);
	for (i = 0; i < args->argc; i++) {
		u64 va;

		if (arg_u64(ctx, args->argv[i], "VADDR", &va))
			return -1;
		if (i > 0)
			j_next(ctx);
		if (one(ctx, machine_cpu(ctx->m), va, false, NULL, NULL))
			faults++;
	}
	if (faults)
		return cmd_error(ctx, "%d of %d address%s did not translate",
				 faults, args->argc,
				 args->argc > 1 ? "es" : "");
	return 0;
}

static const struct cmd_opt translate_opts[] = {
	{ "-f", "FILE", "file", "read addresses from FILE, one per line "
	  "('-' for stdin); print 'VA PA' per line" },
	{ NULL, NULL, NULL, NULL }
};

const struct cmd cmd_translate = {
	.name = "translate",
	.family = FAM_TRANSLATION,
	.usage = "VADDR... | -f FILE",
	.summary = "translate addresses as the CPU does, one line each",
	.help =
	"Translates each VADDR on the current CPU the way the hardware does:\n"
	"the TLB first (after 'set tlb on', the default), else a page walk\n"
	"whose result then fills the TLB.  So after a page-table change\n"
	"without a flush,\n"
	"translate returns the stale translation the CPU would use, while\n"
	"walk shows the tables.  Each line gives the physical address, the\n"
	"page size, the region, and '(tlb)' for a TLB hit.  With -f FILE the\n"
	"addresses come from FILE (or stdin), one per line in any number\n"
	"base, and each line of output is 'VA PA' (or 'VA fault'); this is\n"
	"the fast path for millions of addresses.  A mapping that an access\n"
	"would fault on (arm64's access flag clear, arm's old page)\n"
	"translates with a note and is not cached; translate never faults a\n"
	"page in.  Fails when any address does not translate; the value is\n"
	"the last physical address.\n"
	"\n"
	"On a live process (--pid, attach), pagemap's view (its page\n"
	"tables cannot be read): VA -> PA, the page size (PAGEMAP_SCAN says\n"
	"whether the mapping is huge) and the entry's bits; not present,\n"
	"swapped and unmapped addresses fail.  With -f, 'VA PA' or 'VA\n"
	"fault' a line from one pagemap read per address.\n",
	.complete = "addr",
	.opts = translate_opts,
	.min_args = 0,
	.max_args = -1,
	.value = VALUE_PA,
	.run = translate_run,
	.run_pid = pid_translate,
};
