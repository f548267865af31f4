// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Translate virtual addresses, one line each (through the TLB).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/out.h"
#include "ptwalk/show.h"

static char *
hex(char *p, u64 v, int width)
{
	static const char d[] = "0123456789abcdef";
	char tmp[16];
	int n = 0;

	do {
		tmp[n++] = d[v & 15];
		v >>= 4;
	} while (v);
	*p++ = '0';
	*p++ = 'x';
	while (width-- > n)
		*p++ = '0';
	while (n)
		*p++ = tmp[--n];
	return p;
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
		if (f && f != WF_PROTECTION)
			machine_walk(m, c, va, &w);	/* for the reason */
	} else if (f == WF_NONE) {
		f = machine_translate(m, c, va, ACC_READ, &w, &hit);
	} else {
		w.va = va;
		w.fault = (u8)f;
		w.nsteps = 0;
		w.fault_lvl = LVL_PGD;
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

		out_printf(ctx, "%s -> %s  %s page%s%s%s\n", fva(m, va),
			   fpa(m, w.pa), fsize(1ULL << w.shift),
			   r ? "  " : "", r ? r->name : "",
			   hit ? "  (tlb)" : "");
	} else {
		char buf[200];

		if (f == WF_VA_RANGE || f == WF_NONCANONICAL) {
			struct error e;

			machine_check_va(m, va, &e);
			snprintf(buf, sizeof(buf), "%.199s", e.msg);
		} else {
			walk_fault_string(m, &w, buf, sizeof(buf));
		}
		out_printf(ctx, "%s -> fault: %s\n", fva(m, va), buf);
	}
	if (f == WF_NONE)
		cmd_set_value(ctx, w.pa);
	return f;
}

static int
from_file(struct ctx *ctx, const char *path)
{
	struct machine *m = ctx->m;
	struct cpu *c = machine_cpu(m);
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL, outbuf[1 << 16];
	size_t cap = 0, used = 0;
	ssize_t n;
	long lineno = 0, faults = 0, count = 0;
	u64 last = 0;
	bool have = false;

	if (f == NULL)
		return cmd_error(ctx, "cannot read '%s': %s", path,
				 strerror(errno));
	while ((n = getline(&line, &cap, f)) >= 0) {
		char *end, *s = line;
		u64 va;
		size_t len = 0;
		int r;

		lineno++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\n' || *s == 0 || *s == '#')
			continue;
		errno = 0;
		va = strtoull(s, &end, 0);
		while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
			end++;
		if (end == s || *end != 0 || errno) {
			cmd_warn(ctx, "%s:%ld: not an address: '%.40s'", path,
				 lineno, s);
			faults++;
			continue;
		}
		count++;
		if (used + 64 > sizeof(outbuf)) {
			fwrite(outbuf, 1, used, ctx->out);
			used = 0;
		}
		if (ctx->json)
			j_next(ctx);
		r = one(ctx, c, va, true, outbuf + used, &len);
		used += len;
		if (r)
			faults++;
		else {
			last = va;
			have = true;
		}
		if (ctx->interrupted && *ctx->interrupted)
			break;
	}
	if (used)
		fwrite(outbuf, 1, used, ctx->out);
	free(line);
	if (f != stdin)
		fclose(f);
	if (have) {
		struct walk w;
		bool hit;

		if (machine_translate(m, c, last, ACC_READ, &w, &hit) == 0)
			cmd_set_value(ctx, w.pa);
	}
	if (faults)
		return cmd_error(ctx, "%ld of %ld addresses did not translate",
				 faults, count + (faults - (count ? 0 : 0)));
	return 0;
}

static int
translate_run(struct ctx *ctx, int argc, char **argv)
{
	const char *file = args_get(ctx, "-f");
	int i, faults = 0;

	if (file != NULL) {
		if (argc > 1)
			return cmd_error(ctx, "give addresses or -f FILE, not "
					 "both");
		return from_file(ctx, file);
	}
	if (argc < 2)
		return cmd_usage(ctx);
	for (i = 1; i < argc; i++) {
		u64 va;

		if (arg_u64(ctx, argv[i], "VADDR", &va))
			return -1;
		if (i > 1)
			j_next(ctx);
		if (one(ctx, machine_cpu(ctx->m), va, false, NULL, NULL))
			faults++;
	}
	if (faults)
		return cmd_error(ctx, "%d of %d address%s did not translate",
				 faults, argc - 1, argc > 2 ? "es" : "");
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
	"the TLB first (when 'set tlb' is on), else a page walk whose result\n"
	"then fills the TLB.  So after a page-table change without a flush,\n"
	"translate returns the stale translation the CPU would use, while\n"
	"walk shows the tables.  Each line gives the physical address, the\n"
	"page size, the region, and '(tlb)' for a TLB hit.  With -f FILE the\n"
	"addresses come from FILE (or stdin), one per line in any number\n"
	"base, and each line of output is 'VA PA' (or 'VA fault'); this is\n"
	"the fast path for millions of addresses.  Fails when any address\n"
	"does not translate; the value is the last physical address.\n",
	.complete = "addr",
	.opts = translate_opts,
	.min_args = 0,
	.max_args = -1,
	.run = translate_run,
};
