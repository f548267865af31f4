// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A running QEMU guest as a target (--qemu ADDRESS, --qemu-ram FILE).
 *
 * The vCPUs' paging registers come from QEMU's gdbstub: the target
 * description (qXfer:features:read:target.xml and its includes) gives
 * each register's number, `p N` reads it on the vCPU chosen with `Hg`.
 * Guest-physical memory is read with `m` packets once
 * Qqemu.PhyMemMode:1 is accepted, or straight from the guest's RAM file
 * (-object memory-backend-file,share=on) with --qemu-ram.  The guest's
 * RAM layout is the "memory" address space of the monitor's
 * `info mtree -f`, asked through qRcmd.
 *
 * Pages are read into the lazy page cache of src/hw/phys_lazy.c; the
 * arch and roots are found as for a file (image_machine()).  Before each
 * command the guest is stopped (QEMU stops it anyway while the stub
 * talks), the registers read again and the cache dropped; after it the
 * guest runs again.  With --qemu-ram the guest runs while the command
 * reads its memory: pages read are compared with the RAM afterwards and
 * a change is reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/image.h"
#include "ptwalk/progress.h"
#include "image_fmt.h"
#include "live_qemu.h"

#define LIVE_CACHE_PAGES	16384	/* 64 MiB of guest pages */
#define LIVE_MAX_REGS		1024
#define VMCI_WINDOW		64	/* m packets in flight at once */

struct live_range {
	u64 start, size, off;	/* off: in the RAM file (--qemu-ram) */
};

struct live {
	struct gdb g;
	const struct arch *arch;	/* whose gdb_regs are read */
	char archname[64];	/* the stub's <architecture> */
	int regnum[8];		/* of each ctl slot, -1: none */
	int rank[8];		/* which of the slot's names it has */
	u16 bits[LIVE_MAX_REGS];	/* bitsize of each described register */
	int nregs;
	struct live_range *r;
	int nr;
	u8 *ram;		/* --qemu-ram: the file, mapped shared */
	size_t ram_len;
	int ram_fd;		/* and open, for the VMCOREINFO search */
	bool running;		/* the guest runs between commands */
	u64 *seen;		/* --qemu-ram: pages read by this command */
	size_t nseen, aseen;
	bool stay_stopped;	/* not running when attached (-S): kept so */
	char status[64];	/* the monitor's "VM status" then */
	struct vmci_found vmci;	/* where the VMCOREINFO was found */
	char *target;		/* the target's name in the cache of places */
	void (*release)(struct machine *m);
};

/*
 * The target description
 */

/* The value of attribute name in the tag starting at p, or "". */
static void
attr(const char *p, const char *name, char *val, size_t n)
{
	const char *end = strchr(p, '>'), *a;
	char pat[40];
	size_t len;

	val[0] = 0;
	snprintf(pat, sizeof(pat), " %s=\"", name);
	a = strstr(p, pat);
	if (a == NULL || (end != NULL && a > end))
		return;
	a += strlen(pat);
	len = strcspn(a, "\"");
	if (len >= n)
		len = n - 1;
	memcpy(val, a, len);
	val[len] = 0;
}

/*
 * Which of the '|'-separated names of want name is (0: the first, the
 * one preferred), or -1.
 */
static int
alt_rank(const char *want, const char *name)
{
	size_t n = strlen(name);
	int k;

	for (k = 0; *want; k++) {
		size_t len = strcspn(want, "|");

		if (len == n && !strncmp(want, name, n))
			return k;
		want += len + (want[len] == '|');
	}
	return -1;
}

/* The <reg>s of one document, includes in place, numbered as gdb does. */
static int
scan_regs(struct live *l, const char *annex, int *next, int depth,
	  char *archname, size_t an, struct error *e)
{
	const struct arch *a = l->arch;
	struct strbuf doc;
	const char *p;
	int r = 0, j;

	if (depth > 4)
		return error_set(e, -ELOOP, "%s: the target description "
				 "includes itself", l->g.addr);
	sb_init(&doc);
	if (gdb_xfer(&l->g, "features", annex, &doc, e)) {
		sb_release(&doc);
		return -1;
	}
	p = strstr(doc.buf, "<architecture>");
	if (p != NULL && archname[0] == 0)
		snprintf(archname, an, "%.*s", (int)strcspn(p + 14, "<"),
			 p + 14);
	for (p = doc.buf; r == 0 && (p = strchr(p, '<')) != NULL; p++) {
		char v[96];

		if (!strncmp(p, "<xi:include ", 12)) {
			attr(p, "href", v, sizeof(v));
			r = scan_regs(l, v, next, depth + 1, archname, an, e);
		} else if (!strncmp(p, "<reg ", 5)) {
			attr(p, "regnum", v, sizeof(v));
			if (v[0])
				*next = atoi(v);
			if (*next >= 0 && *next < LIVE_MAX_REGS) {
				attr(p, "bitsize", v, sizeof(v));
				l->bits[*next] = (u16)atoi(v);
				l->nregs = MAX(l->nregs, *next + 1);
			}
			attr(p, "name", v, sizeof(v));
			for (j = 0; a != NULL && j < 8; j++) {
				int k = a->gdb_regs[j] ?
					alt_rank(a->gdb_regs[j], v) : -1;

				if (k >= 0 && k < l->rank[j]) {
					l->regnum[j] = *next;
					l->rank[j] = k;
				}
			}
			(*next)++;
		}
	}
	sb_release(&doc);
	return r;
}

/* The arch whose gdb description this is, or an error naming it. */
static int
pick_gdb_arch(struct live *l, struct error *e)
{
	char *archname = l->archname;
	struct strbuf known;
	int next = 0, i, j;

	/* the first pass names the architecture, the second numbers */
	if (scan_regs(l, "target.xml", &next, 0, archname,
		      sizeof(l->archname), e))
		return -1;
	for (i = 0; arch_list[i] != NULL && l->arch == NULL; i++)
		if (arch_list[i]->gdb_arch != NULL &&
		    !strcmp(arch_list[i]->gdb_arch, archname))
			l->arch = arch_list[i];
	if (l->arch == NULL) {
		sb_init(&known);
		for (i = 0; arch_list[i] != NULL; i++)
			if (arch_list[i]->gdb_arch != NULL &&
			    !strstr(known.buf ? known.buf : "",
				    arch_list[i]->gdb_arch))
				sb_addf(&known, "%s%s", known.len ? ", " : "",
					arch_list[i]->gdb_arch);
		error_set(e, -ENOTSUP, "%s: the gdbstub reports architecture "
			  "'%s' (its target.xml); ptwalk reads the paging "
			  "registers of live guests of %s only", l->g.addr,
			  archname[0] ? archname : "(not given)", known.buf);
		sb_release(&known);
		return -1;
	}
	for (j = 0; j < 8; j++) {
		l->regnum[j] = -1;
		l->rank[j] = 8;
	}
	next = 0;
	if (scan_regs(l, "target.xml", &next, 0, archname,
		      sizeof(l->archname), e))
		return -1;
	for (j = 0; j < l->arch->gdb_need; j++)
		if (l->regnum[j] < 0)
			return error_set(e, -ENOTSUP, "%s: the gdbstub's target "
					 "description has no register '%.*s': "
					 "ptwalk cannot see the guest's paging "
					 "mode", l->g.addr,
					 (int)strcspn(l->arch->gdb_regs[j], "|"),
					 l->arch->gdb_regs[j]);
	return 0;
}

/*
 * The vCPUs and their registers
 */

/* Bytes the stub sends for register n, or -1. */
static int
reg_bytes(struct live *l, int n, struct error *e)
{
	char req[16];

	snprintf(req, sizeof(req), "p%x", n);
	if (gdb_cmd(&l->g, req, e))
		return -2;
	if (l->g.buf[0] == 'E' || l->g.len == 0)
		return -1;
	return (int)(l->g.len / 2);
}

/*
 * Some QEMU builds describe registers their stub does not serve (x86:
 * ss_base, ds_base, es_base before fs_base), so the stub's numbers run
 * behind the description's.  The first register after the ones read
 * whose size differs from theirs (x86: st0, 80 bits) shows by how much:
 * it is looked for a few numbers lower.
 */
static int
realign(struct live *l, struct error *e)
{
	int last = -1, f, n, b, j, shift;


	for (j = 0; j < 8; j++)
		last = MAX(last, l->regnum[j]);
	if (last < 0)
		return 0;
	for (f = last + 1; f < l->nregs && l->bits[f] == l->bits[last]; f++)
		;
	/* (registers numbered by regnum, with gaps, need no realignment) */
	if (f >= l->nregs || l->bits[f] == 0 || l->bits[f] % 8)
		return 0;
	b = l->bits[f] / 8;
	n = reg_bytes(l, f, e);
	if (n == -2)
		return -1;
	if (n != b)
		return error_set(e, -EPROTO, "%s: the gdbstub does not number "
				 "its registers as its target description "
				 "says: ptwalk cannot find the paging "
				 "registers", l->g.addr);
	/* the stub's first register of that size: the description's f */
	for (shift = 0; shift < 8 && shift < f; shift++) {
		n = reg_bytes(l, f - shift - 1, e);
		if (n == -2)
			return -1;
		if (n != b)
			break;
	}
	for (j = 0; j < 8; j++)
		if (l->regnum[j] >= 0)
			l->regnum[j] -= shift;
	return 0;
}

static int
read_threads(struct live *l, struct image_info *ii, struct error *e)
{
	const char *q = "qfThreadInfo";

	for (;;) {
		const char *p;

		if (gdb_cmd(&l->g, q, e))
			return -1;
		if (l->g.buf[0] == 'l')
			break;
		if (l->g.buf[0] != 'm')
			return error_set(e, -EPROTO, "%s: qfThreadInfo: '%s'",
					 l->g.addr, l->g.buf);
		for (p = l->g.buf + 1; *p; p += strcspn(p, ","), p += *p == ',') {
			struct image_cpu *c;
			int n = ii->ncpus;	/* the next vCPU */

			c = image_add_cpu(ii, &n);
			c->id = ii->ncpus - 1;
			c->gdb_tid = (int)strtol(p, NULL, 16);
			if (ii->ncpus > 4096)
				return error_set(e, -E2BIG, "%s: more than 4096 "
						 "vCPUs", l->g.addr);
		}
		q = "qsThreadInfo";
	}
	if (ii->ncpus == 0)
		return error_set(e, -EPROTO, "%s: the gdbstub lists no vCPU",
				 l->g.addr);
	return 0;
}

static int
read_regs(struct live *l, struct image_cpu *c, struct error *e)
{
	char req[48];
	int j;

	snprintf(req, sizeof(req), "Hg%x", c->gdb_tid);
	if (gdb_cmd(&l->g, req, e))
		return -1;
	if (strcmp(l->g.buf, "OK"))
		return error_set(e, -EPROTO, "%s: cannot select vCPU %d: '%s'",
				 l->g.addr, c->id, l->g.buf);
	memset(c->ctl, 0, sizeof(c->ctl));
	for (j = 0; j < 8; j++) {
		if (l->regnum[j] < 0)
			continue;
		snprintf(req, sizeof(req), "p%x", l->regnum[j]);
		if (gdb_cmd(&l->g, req, e))
			return -1;
		if (!gdb_hex_le(l->g.buf, &c->ctl[j]))
			return error_set(e, -EPROTO, "%s: register %.*s of "
					 "vCPU %d reads as '%s'", l->g.addr,
					 (int)strcspn(l->arch->gdb_regs[j], "|"),
					 l->arch->gdb_regs[j], c->id,
					 l->g.buf);
	}
	c->have_ctl = true;
	return 0;
}

/*
 * Guest RAM: the "memory" address space of `info mtree -f`
 */

static void
add_range(struct live *l, u64 start, u64 end, u64 off)
{
	struct live_range *p = l->nr ? &l->r[l->nr - 1] : NULL;
	u64 s = ALIGN_UP(start, PAGE_SIZE);

	off += s - start;
	start = s;
	end = (end + 1) & PAGE_MASK;
	if (end <= start)
		return;
	if (p != NULL && p->start + p->size == start &&
	    p->off + p->size == off) {
		p->size += end - start;
		return;
	}
	l->r = xrealloc(l->r, (size_t)(l->nr + 1) * sizeof(*l->r));
	l->r[l->nr++] = (struct live_range){ start, end - start, off };
}

/* The RAM and ROM of the flat view; with --qemu-ram, the file's region. */
static void
parse_mtree(struct live *l, const char *t, const char *ram_name)
{
	const char *p = strstr(t, "AS \"memory\"");

	for (; p != NULL && *p; p += strcspn(p, "\n"), p += *p == '\n') {
		unsigned long long s, en, off = 0;
		char kind[16], name[128];
		const char *at;

		if (!strncmp(p, "FlatView", 8))
			break;
		if (sscanf(p, " %llx-%llx (prio %*d, %15[^)]): %127s", &s, &en,
			   kind, name) != 4 ||
		    (strcmp(kind, "ram") && strcmp(kind, "rom")))
			continue;
		if (ram_name != NULL && strcmp(name, ram_name))
			continue;
		at = strchr(p, '@');
		if (at != NULL && at < p + strcspn(p, "\n"))
			off = strtoull(at + 1, NULL, 16);
		add_range(l, s, en, off);
	}
}

/* The name of the largest RAM region: the one backed by the file. */
static void
ram_region(const char *t, char *name, size_t n)
{
	const char *p = strstr(t, "AS \"memory\"");
	unsigned long long best = 0;

	name[0] = 0;
	for (; p != NULL && *p; p += strcspn(p, "\n"), p += *p == '\n') {
		unsigned long long s, en;
		char nm[128];

		if (!strncmp(p, "FlatView", 8))
			break;
		if (sscanf(p, " %llx-%llx (prio %*d, ram): %127s", &s, &en,
			   nm) == 3 && en - s >= best) {
			best = en - s;
			snprintf(name, n, "%s", nm);
		}
	}
}

static int
read_layout(struct live *l, bool ram, struct error *e)
{
	struct strbuf t;
	char name[128];
	int r;

	sb_init(&t);
	r = gdb_monitor(&l->g, "info mtree -f", &t, e);
	if (r == 0 && ram) {
		ram_region(t.buf ? t.buf : "", name, sizeof(name));
		parse_mtree(l, t.buf ? t.buf : "", name);
	} else if (r == 0) {
		parse_mtree(l, t.buf ? t.buf : "", NULL);
	}
	sb_release(&t);
	if (r == 0 && l->nr == 0)
		r = error_set(e, -EPROTO, "%s: the monitor's 'info mtree -f' "
			      "shows no guest RAM", l->g.addr);
	return r;
}

/*
 * Pages
 */

static const struct live_range *
find_range(const struct live *l, u64 pa)
{
	int i;

	for (i = 0; i < l->nr; i++)
		if (pa - l->r[i].start < l->r[i].size)
			return &l->r[i];
	return NULL;
}

static int
fill_page(void *ctx, u64 pa, u8 *dst, char *why, size_t n)
{
	struct live *l = ctx;
	const struct live_range *r = find_range(l, pa);
	struct error e;

	if (l->ram != NULL) {
		u64 off = r != NULL ? r->off + (pa - r->start) : ~0ULL;

		if (off >= l->ram_len || l->ram_len - off < PAGE_SIZE) {
			snprintf(why, n, "beyond the RAM file");
			return -1;
		}
		memcpy(dst, l->ram + off, PAGE_SIZE);
		if (l->nseen == l->aseen) {
			l->aseen = l->aseen ? 2 * l->aseen : 256;
			l->seen = xrealloc(l->seen, l->aseen * sizeof(*l->seen));
		}
		l->seen[l->nseen++] = pa;
		return 0;
	}
	error_clear(&e);
	if (gdb_read_mem(&l->g, pa, dst, PAGE_SIZE, &e)) {
		snprintf(why, n, "%s", e.msg);
		return -1;
	}
	return 0;
}

static void
no_release(void *ctx)
{
	(void)ctx;
}

/* Guest RAM as lazily filled physical ranges of ph. */
static int
make_phys(struct live *l, struct phys *ph, struct error *e)
{
	struct phys_pager pg = { fill_page, no_release, l };
	u64 lo = l->r[0].start, hi = 0;
	int i;

	for (i = 0; i < l->nr; i++)
		hi = MAX(hi, l->r[i].start + l->r[i].size);
	if (phys_lazy_init(ph, lo, hi, &pg, LIVE_CACHE_PAGES, e))
		return -1;
	for (i = 0; i < l->nr; i++)
		if (phys_add_lazy_range(ph, l->r[i].start, l->r[i].size, e))
			return -1;
	return 0;
}

/*
 * The VMCOREINFO (live_vmci.c)
 */

/* The RAM file's bytes of [pa, pa + len), or NULL. */
static const u8 *
ram_at(const struct live *l, u64 pa, u64 len)
{
	const struct live_range *r = find_range(l, pa);
	u64 off;

	if (r == NULL || r->size - (pa - r->start) < len)
		return NULL;
	off = r->off + (pa - r->start);
	if (off >= l->ram_len || l->ram_len - off < len)
		return NULL;
	return l->ram + off;
}

static int
vmci_read(void *ctx, u64 pa, u8 *dst, u64 len, struct error *e)
{
	struct live *l = ctx;
	const u8 *p;

	if (l->ram == NULL)
		return gdb_read_mem(&l->g, pa, dst, len, e);
	p = ram_at(l, pa, len);
	if (p == NULL)
		return error_set(e, -EFAULT, "pa 0x%llx is beyond the RAM file",
				 (unsigned long long)pa);
	memcpy(dst, p, len);
	return 0;
}

/* The first VMCI_HEAD bytes of n pages: all requests out, then replies. */
static int
vmci_heads(void *ctx, u64 pa, u64 n, u8 *out, struct error *e)
{
	struct live *l = ctx;
	char req[48];
	u64 i, sent;

	/*
	 * The file is read, not its mapping: a fault per page first touched
	 * costs more than a read of 32 bytes (and the pages' contents are
	 * not wanted)
	 */
	if (l->ram != NULL) {
		for (i = 0; i < n; i++) {
			const u8 *p = ram_at(l, pa + i * PAGE_SIZE, VMCI_HEAD);
			u8 *o = out + i * VMCI_HEAD;

			if (p == NULL || pread(l->ram_fd, o, VMCI_HEAD,
					       p - l->ram) != VMCI_HEAD)
				memset(o, 0, VMCI_HEAD);
		}
		return 0;
	}
	/*
	 * At most VMCI_WINDOW requests in flight: a unix socket counts each
	 * small reply as a whole buffer, and a stub blocked on its replies
	 * no longer reads requests
	 */
	for (i = 0, sent = 0; i < n; i++) {
		for (; sent < n && sent < i + VMCI_WINDOW; sent++) {
			snprintf(req, sizeof(req), "m%llx,%x",
				 (unsigned long long)(pa + sent * PAGE_SIZE),
				 VMCI_HEAD);
			if (gdb_send(&l->g, req, e))
				return -1;
		}
		if (gdb_recv(&l->g, e))
			return -1;
		if (l->g.len != 2 * VMCI_HEAD ||
		    !gdb_unhex(l->g.buf, VMCI_HEAD, out + i * VMCI_HEAD))
			memset(out + i * VMCI_HEAD, 0, VMCI_HEAD);
	}
	return 0;
}

/* Search the guest's RAM; what was found goes into ii. */
static void
find_vmcoreinfo(struct live *l, struct image_info *ii)
{
	struct vmci_src src = { l, vmci_heads, vmci_read };
	u64 (*rg)[2] = xcalloc((size_t)l->nr, sizeof(*rg));
	char abs[PATH_MAX];
	struct error e;
	int i;

	for (i = 0; i < l->nr; i++) {
		rg[i][0] = l->r[i].start;
		rg[i][1] = l->r[i].size;
	}
	/* the target's name in the cache: a socket by its absolute path */
	l->target = !strncmp(l->g.addr, "unix:", 5) &&
		realpath(l->g.addr + 5, abs) != NULL ?
		xasprintf("unix:%s", abs) : xstrdup(l->g.addr);
	error_clear(&e);
	if (vmci_scan(&src, (const u64 (*)[2])rg, l->nr, l->target, &l->vmci,
		      &e)) {
		image_warn(ii, "%s: the kernel-state commands need the "
			   "VMCOREINFO", e.msg);
		interrupt_clear();
	}
	free(rg);
	if (l->vmci.text == NULL)
		return;
	ii->vmcoreinfo = xstrdup(l->vmci.text);
	vmcoreinfo_index(ii);
}

/* The machine line: where the VMCOREINFO is, whether it fits the roots. */
static void
vmci_verdict(struct machine *m, struct live *l)
{
	struct image_info *ii = m->img;
	u64 roots[64];
	char why[240] = "";
	int i, n = 0;

	if (l->vmci.text == NULL) {
		snprintf(ii->vmci_from, sizeof(ii->vmci_from), "none found in "
			 "the guest's RAM (%llu pages searched%s%s): the "
			 "kernel-state commands need it",
			 (unsigned long long)l->vmci.pages,
			 l->vmci.rejected ? ", look-alikes rejected" : "",
			 l->vmci.why[0] ? ", search interrupted" : "");
		return;
	}
	for (i = 0; i < ii->ncpus && i < m->ncpus && n < 64; i++)
		if (ii->cpu[i].have_ctl && m->cpu[i].root_valid[0] &&
		    l->arch->gdb_root(m, &ii->cpu[i], 0, &roots[n],
				      &(u16){ 0 }))
			n++;
	if (!vmci_check(m, roots, n, why, sizeof(why))) {
		image_warn(ii, "the VMCOREINFO found at pa 0x%llx does not "
			   "agree with the guest: %s%s",
			   (unsigned long long)l->vmci.pa, why, l->vmci.cached ?
			   " (where the last attach found it: forgotten, the "
			   "next attach searches)" : "");
		if (l->vmci.cached)
			vmci_forget(l->target);
	}
	snprintf(ii->vmci_from, sizeof(ii->vmci_from), "found in guest RAM "
		 "at pa 0x%llx (%s, %s%s)%s",
		 (unsigned long long)l->vmci.pa, l->vmci.note ?
		 "the ELF note vmcoreinfo_note" : "the text vmcoreinfo_data",
		 l->vmci.cached ? "where the last attach to this target "
		 "found it" : "searched for: ", l->vmci.cached ? "" :
		 plural(l->vmci.pages, "page", NULL), n == 0 ?
		 "; no vCPU has paging on to check it against" :
		 why[0] ? "; does NOT agree with the page tables" :
		 "; init_uts_ns agrees with the vCPU's page tables");
}

/*
 * Each command
 */

/* Registers of every vCPU into m, the roots with them; the cache dropped. */
static int
reread(struct machine *m, struct live *l, struct error *e)
{
	struct image_info *ii = m->img;
	u64 filled, dropped, cap;
	int i;

	phys_lazy_stats(&m->phys, &filled, &dropped, &cap);
	phys_lazy_set_cache(&m->phys, cap);
	l->nseen = 0;
	for (i = 0; i < ii->ncpus && i < m->ncpus; i++) {
		struct image_cpu *ic = &ii->cpu[i];
		struct cpu *c = &m->cpu[i];
		int r;

		if (read_regs(l, ic, e))
			return -1;
		memcpy(c->regs, ic->ctl, sizeof(c->regs));
		for (r = 0; r < 2 && m->arch->root_name[r] != NULL; r++) {
			u64 root;
			u16 asid = 0;

			c->root_valid[r] = m->arch->gdb_root != NULL &&
				m->arch->gdb_root(m, ic, r, &root, &asid);
			if (c->root_valid[r]) {
				c->root[r] = root;
				c->asid = asid;
			}
		}
	}
	return 0;
}

const char *
live_qemu_no_root(const struct machine *m, int cpu)
{
	if (m->live == NULL || m->arch->gdb_mmu_off == NULL ||
	    cpu < 0 || cpu >= m->img->ncpus)
		return NULL;
	return m->arch->gdb_mmu_off(m, &m->img->cpu[cpu]);
}

static int
live_begin(struct machine *m, struct error *e)
{
	struct live *l = m->live;

	if (!l->running)
		return 0;
	if (gdb_interrupt(&l->g, e) || reread(m, l, e))
		return -1;
	/* the RAM file is read while the guest runs */
	if (l->ram != NULL)
		return gdb_send(&l->g, "c", e);
	return 0;
}

/* Pages read by the command that the running guest changed since. */
static void
check_seen(struct machine *m, struct live *l, struct strbuf *note)
{
	u64 first = 0, n = 0;
	size_t i;

	for (i = 0; i < l->nseen; i++) {
		const struct live_range *r = find_range(l, l->seen[i]);
		u8 *h = phys_lazy_host(&m->phys, l->seen[i], PAGE_SIZE);

		if (r == NULL || h == NULL ||
		    !memcmp(h, l->ram + r->off + (l->seen[i] - r->start),
			    PAGE_SIZE))
			continue;
		if (n++ == 0)
			first = l->seen[i];
	}
	if (n > 0)
		sb_addf(note, "the guest changed %llu page%s this command read "
			"(first: pa 0x%llx) while it ran: the answer may mix "
			"two states of its memory (page tables included); "
			"'refresh --stop' freezes the guest",
			(unsigned long long)n, n == 1 ? "" : "s",
			(unsigned long long)first);
	l->nseen = 0;
}

static void
live_end(struct machine *m, struct strbuf *note)
{
	struct live *l = m->live;
	struct error e;

	if (l->ram != NULL && l->running)
		check_seen(m, l, note);
	if (l->running && l->ram == NULL) {
		error_clear(&e);
		if (gdb_send(&l->g, "c", &e))
			sb_addf(note, "%s", e.msg);
	}
}

int
live_qemu_refresh(struct machine *m, int mode, struct error *e)
{
	struct live *l = m->live;

	if (l == NULL)
		return error_set(e, -EINVAL, "the target is not a "
				 "live guest (--qemu)");
	/* live_begin stopped a running guest, and a --qemu-ram one runs */
	if (l->ram != NULL && l->running && gdb_interrupt(&l->g, e))
		return -1;
	if (reread(m, l, e))
		return -1;
	if (mode > 0)
		l->running = true;
	else if (mode < 0)
		l->running = false;
	if (l->ram != NULL && l->running)
		return gdb_send(&l->g, "c", e);
	return 0;
}

bool
live_qemu_running(const struct machine *m)
{
	const struct live *l = m->live;

	return l != NULL && l->running;
}

static void
live_release(struct machine *m)
{
	struct live *l = m->live;
	struct error e;

	if (l == NULL)
		return;
	error_clear(&e);
	/*
	 * QEMU resumes the guest on detach; a running one is stopped first
	 * (the first byte of a packet would stop it, and the packet be lost);
	 * one QEMU had not started (-S) is left so: no detach, which would
	 * start it
	 */
	if (l->g.fd >= 0 && !(l->stay_stopped && !l->running) &&
	    (!l->running || gdb_interrupt(&l->g, &e) == 0))
		(void)gdb_cmd(&l->g, "D", &e);
	gdb_close(&l->g);
	if (l->ram != NULL) {
		munmap(l->ram, l->ram_len);
		close(l->ram_fd);
	}
	free(l->r);
	free(l->seen);
	free(l->vmci.text);
	free(l->target);
	if (l->release != NULL)
		l->release(m);
	free(l);
	m->live = NULL;
}

/*
 * Opening
 */

/* qSupported, no acks, the stop reply, physical-memory mode. */
static int
handshake(struct live *l, bool need_phys, struct error *e)
{
	const char *p;

	if (gdb_cmd(&l->g, "qSupported:xmlRegisters=i386", e))
		return -1;
	p = strstr(l->g.buf, "PacketSize=");
	if (p != NULL)
		l->g.pkt_max = strtoull(p + 11, NULL, 16);
	if (l->g.pkt_max < 256)
		l->g.pkt_max = 256;
	/* a reply of 2 hex digits a byte in a packet of that size */
	l->g.mem_chunk = MIN(PAGE_SIZE, (l->g.pkt_max - 16) / 2) & ~7ULL;
	if (strstr(l->g.buf, "qXfer:features:read+") == NULL)
		return error_set(e, -ENOTSUP, "%s: the gdbstub gives no target "
				 "description (qXfer:features:read): ptwalk "
				 "cannot find the paging registers ('%.60s')",
				 l->g.addr, l->g.buf);
	if (gdb_cmd(&l->g, "QStartNoAckMode", e))
		return -1;
	l->g.noack = !strcmp(l->g.buf, "OK");
	if (gdb_cmd(&l->g, "?", e))
		return -1;
	if (!need_phys)
		return 0;
	if (gdb_cmd(&l->g, "qqemu.Supported", e))
		return -1;
	if (strstr(l->g.buf, "PhyMemMode") == NULL)
		return error_set(e, -ENOTSUP, "%s: this gdbstub has no "
				 "physical-memory mode (qqemu.Supported says "
				 "'%s', without PhyMemMode: QEMU 3.0 or later "
				 "has it); use a newer QEMU, or --qemu-ram FILE",
				 l->g.addr, l->g.buf);
	if (gdb_cmd(&l->g, "Qqemu.PhyMemMode:1", e))
		return -1;
	if (strcmp(l->g.buf, "OK"))
		return error_set(e, -ENOTSUP, "%s: Qqemu.PhyMemMode:1 is "
				 "refused ('%s')", l->g.addr, l->g.buf);
	return 0;
}

static int
map_ram(struct live *l, const char *path, struct error *e)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	void *p;

	if (fd < 0)
		return error_set(e, -errno, "--qemu-ram '%s': %s", path,
				 strerror(errno));
	if (fstat(fd, &st) < 0 || st.st_size < (off_t)PAGE_SIZE) {
		close(fd);
		return error_set(e, -EINVAL, "--qemu-ram '%s' is not a guest's "
				 "RAM file (less than a page)", path);
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		int err = errno;

		close(fd);
		return error_set(e, -err, "--qemu-ram '%s': mmap: %s", path,
				 strerror(err));
	}
	l->ram_fd = fd;
	l->ram = p;
	l->ram_len = (size_t)st.st_size;
	return 0;
}

/*
 * Was the guest running before ptwalk came?  QEMU stops a running guest
 * when a gdb client connects (gdb_chr_event: vm_stop(RUN_STATE_PAUSED)),
 * which leaves any other state as it was: a guest started with -S is
 * still "paused (prelaunch)".  Such a guest stays stopped, and is not
 * detached from (QEMU's detach resumes the guest: it would boot).
 */
static int
run_state(struct live *l, struct error *e)
{
	struct strbuf t;
	const char *p;

	sb_init(&t);
	if (gdb_monitor(&l->g, "info status", &t, e)) {
		sb_release(&t);
		return -1;
	}
	p = t.buf != NULL ? strstr(t.buf, "VM status: ") : NULL;
	if (p != NULL) {
		p += 11;
		snprintf(l->status, sizeof(l->status), "%.*s",
			 (int)strcspn(p, "\r\n"), p);
		l->stay_stopped = strcmp(l->status, "paused") != 0 &&
			strcmp(l->status, "running") != 0;
	}
	sb_release(&t);
	return 0;
}

/*
 * --arch given: the gdbstub's guest must be of that arch's ELF machine
 * (an x86_64 CPU outside long mode is an i386 one).
 */
static int
check_arch(const struct live *l, const char *name,
	   const struct image_info *ii, struct error *e)
{
	const struct arch *a = name != NULL ? arch_find(name) : NULL;

	if (a == NULL)
		return 0;
	if (a->elf_machine != ii->elf_machine ||
	    a->elf->elf_class != ii->elf_class)
		return error_set(e, -EINVAL, "--arch %s does not match the "
				 "guest: the gdbstub at %s reports architecture "
				 "'%s' (its target.xml)%s", a->name, l->g.addr,
				 l->archname, a->gdb_arch != NULL &&
				 !strcmp(a->gdb_arch, l->archname) ?
				 ", its vCPU in another mode" : "");
	return 0;
}

/* Everything of the guest read over the stub into l and ii. */
static int
attach(struct live *l, struct image_info *ii, struct phys *ph,
       struct error *e)
{
	const struct image_opts *o = &ii->opts;
	int i;

	if (gdb_connect(&l->g, o->qemu, e) || handshake(l, !o->qemu_ram, e) ||
	    run_state(l, e) || pick_gdb_arch(l, e) || read_threads(l, ii, e))
		return -1;
	if (realign(l, e))
		return -1;
	for (i = 0; i < ii->ncpus; i++)
		if (read_regs(l, &ii->cpu[i], e))
			return -1;
	if (o->qemu_ram != NULL && map_ram(l, o->qemu_ram, e))
		return -1;
	if (read_layout(l, o->qemu_ram != NULL, e) || make_phys(l, ph, e))
		return -1;
	find_vmcoreinfo(l, ii);
	/* a vCPU with paging off: the VMCOREINFO says what the kernel is */
	ii->elf_machine = l->arch->gdb_elf_machine(l->arch, ii, &ii->elf_class);
	if (check_arch(l, o->arch, ii, e))
		return -1;
	ii->format = IMG_QEMU;
	ii->nload = l->nr;
	ii->file_size = l->ram_len;
	if (o->qemu_ram != NULL)
		snprintf(ii->kind, sizeof(ii->kind), "live QEMU guest: RAM "
			 "file, registers over the gdbstub");
	else
		snprintf(ii->kind, sizeof(ii->kind), "live QEMU guest over the "
			 "gdbstub (physical-memory mode)");
	return 0;
}

/* Does some vCPU's register give the root (its paging is on)? */
static bool
regs_give_root(struct machine *m, struct live *l)
{
	u64 root;
	u16 asid;
	int i;

	for (i = 0; i < m->img->ncpus; i++)
		if (l->arch->gdb_root(m, &m->img->cpu[i], 0, &root, &asid))
			return true;
	return false;
}

struct machine *
live_qemu_open(const struct image_opts *o, struct error *e)
{
	struct live *l = xcalloc(1, sizeof(*l));
	struct image_info *ii = xcalloc(1, sizeof(*ii));
	struct machine *m;
	struct phys ph;

	phys_init(&ph);
	l->g.fd = -1;
	l->ram_fd = -1;
	ii->opts = *o;
	ii->opts.path = NULL;
	if (attach(l, ii, &ph, e)) {
		phys_release(&ph);
		image_info_free(ii);
		goto fail;
	}
	m = image_machine(&ph, ii, e);
	if (m == NULL)
		goto fail;
	if (regs_give_root(m, l))
		snprintf(m->img->root_from, sizeof(m->img->root_from), "%s%s%s "
			 "of each vCPU (QEMU's gdbstub)", m->arch->root_name[0],
			 m->arch->root_name[1] ? " and " : "",
			 m->arch->root_name[1] ? m->arch->root_name[1] : "");
	vmci_verdict(m, l);
	l->release = m->release;
	m->release = live_release;
	m->live = l;
	m->live_begin = live_begin;
	m->live_end = live_end;
	/* the guest runs between commands, as it did before */
	l->running = !l->stay_stopped;
	if (l->stay_stopped)
		image_warn(m->img, "the guest was %s when ptwalk attached: it "
			   "stays stopped ('refresh --cont' runs it)",
			   l->status);
	else if (gdb_send(&l->g, "c", e)) {
		machine_free(m);
		return NULL;
	}
	return m;
fail:
	gdb_close(&l->g);
	if (l->ram != NULL) {
		munmap(l->ram, l->ram_len);
		close(l->ram_fd);
	}
	free(l->vmci.text);
	free(l->target);
	free(l->r);
	free(l);
	return NULL;
}
