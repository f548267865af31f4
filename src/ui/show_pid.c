// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A live process's pages as pagemap sees them: translate, walk, pagemap,
 * whatis and page on a process attached with --pid or attach.  A live
 * process's page tables cannot be read from user space: every answer
 * here is the kernel's pagemap entry (fs/proc/task_mmu.c), with
 * PAGEMAP_SCAN's categories where the kernel has it, and the frame's
 * kpageflags and kpagecount (fs/proc/page.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptwalk/live_pid.h"
#include "ptwalk/out.h"
#include "ptwalk/show_pid.h"

#define KPF_BIT(n)	(1ULL << (n))
#define KPF_COMPOUND_HEAD 15
#define KPF_COMPOUND_TAIL 16
#define KPF_HUGE	17
#define KPF_ANON	12
#define KPF_KSM		21
#define KPF_THP		22
#define KPF_ZERO_PAGE	24
#define KPF_BUDDY	10
#define KPF_SLAB	7

/* What pagemap and /proc/kpage* say of the page of one address. */
struct page_view {
	u64 va, ent, pfn, pa;
	const struct live_vma *vma;
	bool kpf_ok;		/* kpageflags and kpagecount read */
	u64 kpf, kcount;
	u64 psize;		/* the mapping's size */
	const char *psize_why;	/* how it is known */
	bool zero;		/* the shared zero page (kpageflags or scan) */
	char kpf_err[160];	/* why kpageflags is not shown */
};

static const char *
fmt_hex(u64 v)
{
	char *b = fmt_buf();

	snprintf(b, FMT_BUF_LEN, "%#llx", (unsigned long long)v);
	return b;
}

static u64
base_page(void)
{
	return (u64)sysconf(_SC_PAGESIZE);
}

void
pid_note_priv(struct ctx *ctx)
{
	struct live_pid *lp = ctx->pid;

	if (lp->priv_said || (!lp->pfn_hidden && lp->kflags_fd >= 0))
		return;
	lp->priv_said = true;
	out_printf(ctx, "note: without CAP_SYS_ADMIN pagemap's PFNs read as "
		   "0 and /proc/kpageflags, /proc/kpagecount cannot be read: "
		   "frames are not shown\n");
}

int
pid_arg_same(struct ctx *ctx, const char *s)
{
	u64 pid;

	if (s == NULL)
		return 0;
	if (arg_u64(ctx, s, "PID", &pid))
		return -1;
	if (pid != (u64)ctx->pid->pid)
		return cmd_error(ctx, "pid %llu: the live process attached is "
				 "%d (attach %llu to look at that one)",
				 (unsigned long long)pid, ctx->pid->pid,
				 (unsigned long long)pid);
	return 0;
}

/* The names of the kpageflags bits set in f, space separated. */
static void
kpf_string(u64 f, struct strbuf *sb)
{
	int i;

	for (i = 0; i < KPF_COUNT; i++)
		if ((f & KPF_BIT(i)) && kpf_names[i] != NULL)
			sb_addf(sb, "%s%s", sb->len ? " " : "", kpf_names[i]);
}

/* The size of a huge page the VMA maps (THP's PMD or hugetlb's). */
static u64
huge_size(struct live_pid *lp, const struct live_vma *v)
{
	char path[96], line[256];
	u64 kps = 0, pmd = 0;
	bool in = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/smaps", lp->pid);
	f = v != NULL ? fopen(path, "re") : NULL;
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		unsigned long long s, t;
		char perms[8];

		if (sscanf(line, "%llx-%llx %7s", &s, &t, perms) == 3)
			in = (s == v->start);
		if (in && sscanf(line, "KernelPageSize: %llu kB",
				 (unsigned long long *)&kps) == 1)
			break;
	}
	if (f != NULL)
		fclose(f);
	if (kps * 1024 > base_page())
		return kps * 1024;
	f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "re");
	if (f != NULL) {
		if (fscanf(f, "%llu", (unsigned long long *)&pmd) != 1)
			pmd = 0;
		fclose(f);
	}
	return pmd;
}

/*
 * The size of the mapping of a present page: PAGEMAP_SCAN says whether
 * it is huge, or kpageflags that the page belongs to a huge one.
 */
static void
page_size_of(struct ctx *ctx, struct page_view *pv)
{
	struct live_pid *lp = ctx->pid;
	struct live_census c;
	struct error e;
	u64 ps = base_page(), h;

	pv->psize = ps;
	pv->psize_why = "a base page";
	if (!(pv->ent & PM_PRESENT))
		return;
	if (live_census_scan(lp, pv->va & ~(ps - 1), (pv->va & ~(ps - 1)) + ps,
			     &c, &e) == 0) {
		pv->zero = pv->zero || c.zero;
		if (c.huge && (h = huge_size(lp, pv->vma)) > ps) {
			pv->psize = h;
			pv->psize_why = "a huge mapping (PAGEMAP_SCAN: "
				"PAGE_IS_HUGE)";
		} else {
			pv->psize_why = "not a huge mapping (PAGEMAP_SCAN)";
		}
		return;
	}
	if (pv->kpf_ok && (pv->kpf & (KPF_BIT(KPF_THP) | KPF_BIT(KPF_HUGE))))
		pv->psize_why = "part of a huge page (kpageflags); whether it "
			"is mapped whole needs PAGEMAP_SCAN";
}

static int
page_view(struct ctx *ctx, u64 va, struct page_view *pv)
{
	struct live_pid *lp = ctx->pid;
	struct error e;
	u64 ps = base_page();

	memset(pv, 0, sizeof(*pv));
	pv->va = va;
	pv->vma = live_pid_vma(lp, va);
	error_clear(&e);
	if (live_pid_pagemap(lp, va, 1, &pv->ent, &e))
		return cmd_err(ctx, &e);
	/* the VMA may have gone between reading maps and pagemap */
	if (!(pv->ent & PM_PRESENT) && pv->vma != NULL) {
		if (live_pid_read_maps(lp, &e))
			return cmd_err(ctx, &e);
		pv->vma = live_pid_vma(lp, va);
		if (pv->vma == NULL)
			cmd_warn(ctx, "the VMA of %s went away while it was "
				 "read: pid %d's address space changed",
				 fva(NULL, va), lp->pid);
	}
	if (pv->ent & PM_PRESENT) {
		pv->pfn = pv->ent & PM_PFRAME_MASK;
		pv->pa = pv->pfn * ps + (va & (ps - 1));
	}
	if (!(pv->ent & PM_PRESENT))
		snprintf(pv->kpf_err, sizeof(pv->kpf_err), "no frame");
	else if (pv->pfn == 0 && lp->pfn_hidden)
		snprintf(pv->kpf_err, sizeof(pv->kpf_err), "frame hidden "
			 "(needs CAP_SYS_ADMIN)");
	else if (live_pid_kpage(lp, pv->pfn, &pv->kpf, &pv->kcount, &e))
		snprintf(pv->kpf_err, sizeof(pv->kpf_err), "%.*s",
			 (int)sizeof(pv->kpf_err) - 1, e.msg);
	else
		pv->kpf_ok = true;
	pv->zero = pv->kpf_ok && (pv->kpf & KPF_BIT(KPF_ZERO_PAGE));
	page_size_of(ctx, pv);
	return 0;
}

/* What the page is, in a few words. */
static const char *
page_kind(const struct page_view *pv)
{
	u64 f = pv->kpf;

	if (pv->ent & PM_SWAP)
		return (pv->ent & PM_FILE) ? "swapped out (shared anonymous)" :
			"swapped out";
	if (!(pv->ent & PM_PRESENT))
		return pv->vma == NULL ? "no VMA here" : "not present (never "
			"touched, or reclaimed)";
	if (pv->zero)
		return "the shared zero page";
	if (!pv->kpf_ok)
		return (pv->ent & PM_FILE) ? "a file page or shared anonymous "
			"page" : "a private anonymous page";
	if (f & KPF_BIT(KPF_KSM))
		return "a KSM page (merged)";
	if (f & KPF_BIT(KPF_THP))
		return (f & KPF_BIT(KPF_ANON)) ? "an anonymous THP" :
			"a file THP (page cache)";
	if (f & KPF_BIT(KPF_HUGE))
		return "a hugetlb page";
	if (f & KPF_BIT(KPF_ANON))
		return "an anonymous page";
	if (pv->ent & PM_FILE)
		return (f & KPF_BIT(14)) ? "a shared anonymous (shmem) page" :
			"a file page (page cache)";
	return "a page";
}

/* "present exclusive soft-dirty": the entry's bits by name */
static void
pm_bits(u64 ent, struct strbuf *sb)
{
	sb_adds(sb, live_pm_kind(ent));
	if (ent & PM_FILE)
		sb_adds(sb, " file/shared-anon");
	if (ent & PM_MMAP_EXCLUSIVE)
		sb_adds(sb, " exclusive");
	if (ent & PM_SOFT_DIRTY)
		sb_adds(sb, " soft-dirty");
	if (ent & PM_UFFD_WP)
		sb_adds(sb, " uffd-wp");
}

static void
view_json(struct ctx *ctx, const struct page_view *pv)
{
	j_hex(ctx, "va", pv->va);
	if (pv->ent & PM_PRESENT)
		j_hex(ctx, "pa", pv->pa);
	j_hex(ctx, "page_size", pv->psize);
	j_hex(ctx, "pagemap", pv->ent);
	j_bool(ctx, "present", pv->ent & PM_PRESENT);
	j_bool(ctx, "swapped", pv->ent & PM_SWAP);
	j_bool(ctx, "file", pv->ent & PM_FILE);
	j_bool(ctx, "exclusive", pv->ent & PM_MMAP_EXCLUSIVE);
	j_bool(ctx, "soft_dirty", pv->ent & PM_SOFT_DIRTY);
	j_bool(ctx, "uffd_wp", pv->ent & PM_UFFD_WP);
	if (pv->ent & PM_PRESENT)
		j_hex(ctx, "pfn", pv->pfn);
	j_str(ctx, "kind", page_kind(pv));
	if (pv->kpf_ok) {
		int i;

		j_hex(ctx, "kpageflags", pv->kpf);
		j_arr(ctx, "flags");
		for (i = 0; i < KPF_COUNT; i++)
			if ((pv->kpf & KPF_BIT(i)) && kpf_names[i] != NULL)
				j_str(ctx, NULL, kpf_names[i]);
		j_arr_end(ctx);
		j_u64(ctx, "kpagecount", pv->kcount);
	}
}

/*
 * translate -f FILE: one address a line (blank lines skipped), one line
 * out each, "VA PA" or "VA fault", from one pagemap read per address.
 */
static int
translate_file(struct ctx *ctx, const char *path)
{
	struct live_pid *lp = ctx->pid;
	FILE *f;
	struct error e;
	char *line = NULL, *end;
	size_t cap = 0;
	long no = 0;
	u64 va, ent, ps = base_page(), nfault = 0, n = 0;
	int r = 0;

	pid_note_priv(ctx);
	error_clear(&e);
	f = strcmp(path, "-") ? host_fopen(path, HOST_OPEN_STREAM,
					   "the address file", &e) : stdin;
	if (f == NULL)
		return cmd_err(ctx, &e);
	while (r == 0 && getline(&line, &cap, f) > 0) {
		no++;
		line[strcspn(line, "\r\n")] = 0;
		if (line[strspn(line, " \t")] == 0)
			continue;
		errno = 0;
		va = strtoull(line, &end, 0);
		if (end == line || errno || line[strspn(line, " \t")] == '-' ||
		    end[strspn(end, " \t")] != 0) {
			r = cmd_error(ctx, "%s:%ld: '%s' is not an address",
				      path, no, line);
			break;
		}
		if (live_pid_pagemap(lp, va, 1, &ent, &e)) {
			r = cmd_err(ctx, &e);
			break;
		}
		n++;
		if (!(ent & PM_PRESENT)) {
			out_printf(ctx, "0x%llx fault\n", (unsigned long long)va);
			nfault++;
			continue;
		}
		out_printf(ctx, "0x%llx 0x%llx\n", (unsigned long long)va,
			   (unsigned long long)((ent & PM_PFRAME_MASK) * ps +
						va % ps));
		cmd_set_value(ctx, (ent & PM_PFRAME_MASK) * ps + va % ps);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	j_u64(ctx, "addresses", n);
	j_u64(ctx, "faults", nfault);
	if (r == 0 && nfault)
		r = cmd_error(ctx, "%s not present", plural(nfault, "address",
							  "addresses"));
	return r;
}

int
pid_translate(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct page_view pv;
	struct strbuf sb;
	u64 va;
	int i, bad = 0;

	if (args_has(ctx, "-f")) {
		if (args->argc > 0)
			return cmd_error(ctx, "give addresses or -f FILE, not "
					 "both");
		return translate_file(ctx, args_get(ctx, "-f"));
	}
	if (args->argc == 0)
		return cmd_usage(ctx);
	pid_note_priv(ctx);
	sb_init(&sb);
	j_arr(ctx, "translations");
	for (i = 0; i < args->argc; i++) {
		if (arg_u64(ctx, args->argv[i], "VADDR", &va) ||
		    page_view(ctx, va, &pv)) {
			sb_release(&sb);
			return -1;
		}
		sb_reset(&sb);
		pm_bits(pv.ent, &sb);
		j_obj(ctx, NULL);
		view_json(ctx, &pv);
		j_obj_end(ctx);
		if (!(pv.ent & PM_PRESENT)) {
			out_printf(ctx, "%s: %s (pagemap 0x%016llx)\n",
				   fva(NULL, va), page_kind(&pv),
				   (unsigned long long)pv.ent);
			bad++;
			continue;
		}
		if (pv.pfn == 0 && ctx->pid->pfn_hidden)
			out_printf(ctx, "%s -> pa hidden  %s  %s  [pagemap]\n",
				   fva(NULL, va), fsize(pv.psize), sb.buf);
		else
			out_printf(ctx, "%s -> %s  %s  %s  [pagemap]\n",
				   fva(NULL, va), fpa(NULL, pv.pa),
				   fsize(pv.psize), sb.buf);
		cmd_set_value(ctx, pv.pa);
	}
	j_arr_end(ctx);
	sb_release(&sb);
	if (bad)
		return cmd_error(ctx, "%s not present", plural((u64)bad,
				 "address", "addresses"));
	return 0;
}

/* The frame lines of walk and whatis: pfn, kpageflags, kpagecount. */
static void
show_frame(struct ctx *ctx, const struct page_view *pv, const char *ind)
{
	struct strbuf sb;

	if (!pv->kpf_ok) {
		out_printf(ctx, "%skpageflags  not shown: %s\n", ind,
			   pv->kpf_err);
		return;
	}
	sb_init(&sb);
	kpf_string(pv->kpf, &sb);
	out_printf(ctx, "%skpageflags  0x%016llx  %s\n", ind,
		   (unsigned long long)pv->kpf, sb.len ? sb.buf : "(none)");
	out_printf(ctx, "%skpagecount  %llu  (page tables mapping the "
		   "frame)\n", ind, (unsigned long long)pv->kcount);
	sb_release(&sb);
}

static void
show_vma(struct ctx *ctx, const struct live_vma *v, const char *ind)
{
	if (v == NULL) {
		out_printf(ctx, "%svma         none: no VMA holds the address\n",
			   ind);
		return;
	}
	out_printf(ctx, "%svma         %08llx-%08llx %s %08llx %02x:%02x %llu"
		   "%s%s\n", ind, (unsigned long long)v->start,
		   (unsigned long long)v->end, v->perms,
		   (unsigned long long)v->pgoff, v->dev_major, v->dev_minor,
		   (unsigned long long)v->ino, v->name[0] ? "  " : "",
		   v->name);
}

static void
show_entry_bits(struct ctx *ctx, const struct page_view *pv)
{
	u64 e = pv->ent;

	out_printf(ctx, "    bit 63 present %d, 62 swapped %d, 61 file/"
		   "shared-anon %d, 57 uffd-wp %d, 56 exclusive %d, 55 "
		   "soft-dirty %d\n", !!(e & PM_PRESENT), !!(e & PM_SWAP),
		   !!(e & PM_FILE), !!(e & PM_UFFD_WP),
		   !!(e & PM_MMAP_EXCLUSIVE), !!(e & PM_SOFT_DIRTY));
	if (e & PM_PRESENT)
		out_printf(ctx, "    bits 0-54 PFN %#llx%s\n",
			   (unsigned long long)pv->pfn, pv->pfn == 0 &&
			   ctx->pid->pfn_hidden ? " (hidden: needs "
			   "CAP_SYS_ADMIN)" : "");
	else if (e & PM_SWAP)
		out_printf(ctx, "    bits 0-4 swap type %llu, bits 5-54 swap "
			   "offset %#llx\n", (unsigned long long)PM_SWP_TYPE(e),
			   (unsigned long long)PM_SWP_OFFSET(e));
	if (e & PM_GUARD_REGION)
		out_printf(ctx, "    bit 58 guard region (MADV_GUARD_INSTALL)\n");
}

int
pid_walk(struct ctx *ctx)
{
	struct live_pid *lp = ctx->pid;
	struct page_view pv;
	u64 va;

	if (arg_u64(ctx, cmd_args(ctx)->argv[0], "VADDR", &va) ||
	    page_view(ctx, va, &pv))
		return -1;
	pid_note_priv(ctx);
	out_printf(ctx, "pid %d (%s) va=%s: a live process's page tables "
		   "cannot be read from user space; this is the kernel's view "
		   "through /proc/%d/pagemap\n", lp->pid, lp->comm,
		   fva(NULL, va), lp->pid);
	show_vma(ctx, pv.vma, "  ");
	out_printf(ctx, "  pagemap     [%llu] = 0x%016llx  (file offset "
		   "%#llx)\n", (unsigned long long)(va / base_page()),
		   (unsigned long long)pv.ent,
		   (unsigned long long)(va / base_page() * 8));
	show_entry_bits(ctx, &pv);
	show_frame(ctx, &pv, "  ");
	out_printf(ctx, "  page        %s\n", page_kind(&pv));
	if (pv.ent & PM_PRESENT)
		out_printf(ctx, "  pa=%s  %s page: %s\n", pv.pfn == 0 &&
			   lp->pfn_hidden ? "hidden" : fpa(NULL, pv.pa),
			   fsize(pv.psize), pv.psize_why);
	out_printf(ctx, "  not in pagemap's view: the levels of the walk, "
		   "their entries and bits (writable, NX, accessed), the "
		   "TLB\n");
	view_json(ctx, &pv);
	if (!(pv.ent & PM_PRESENT))
		return cmd_error(ctx, "%s: %s", fva(NULL, va), page_kind(&pv));
	cmd_set_value(ctx, pv.pa);
	return 0;
}

int
pid_pagemap(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct live_pid *lp = ctx->pid;
	struct page_view pv;
	u64 va, e;

	if (pid_arg_same(ctx, args->argc > 1 ? args->argv[1] : NULL) ||
	    arg_u64(ctx, args->argv[0], "VADDR", &va) ||
	    page_view(ctx, va, &pv))
		return -1;
	pid_note_priv(ctx);
	e = pv.ent;
	out_printf(ctx, "pid %d %s: pagemap entry 0x%016llx (index %llu of "
		   "/proc/%d/pagemap, file offset %#llx)\n", lp->pid,
		   fva(NULL, va), (unsigned long long)e,
		   (unsigned long long)(va / base_page()), lp->pid,
		   (unsigned long long)(va / base_page() * 8));
	out_printf(ctx, "  bit 63 present         %d\n", !!(e & PM_PRESENT));
	out_printf(ctx, "  bit 62 swapped         %d\n", !!(e & PM_SWAP));
	out_printf(ctx, "  bit 61 file/shared-anon %d\n", !!(e & PM_FILE));
	out_printf(ctx, "  bit 57 uffd-wp         %d\n", !!(e & PM_UFFD_WP));
	out_printf(ctx, "  bit 56 exclusive       %d  (1: mapped exactly "
		   "once)\n", !!(e & PM_MMAP_EXCLUSIVE));
	out_printf(ctx, "  bit 55 soft-dirty      %d\n", !!(e & PM_SOFT_DIRTY));
	if (e & PM_PRESENT)
		out_printf(ctx, "  bits 0-54 PFN          %#llx%s\n",
			   (unsigned long long)pv.pfn, pv.pfn == 0 &&
			   lp->pfn_hidden ? " (hidden: needs CAP_SYS_ADMIN)" :
			   "");
	else if (e & PM_SWAP)
		out_printf(ctx, "  swap type %llu offset %#llx\n",
			   (unsigned long long)PM_SWP_TYPE(e),
			   (unsigned long long)PM_SWP_OFFSET(e));
	else
		out_printf(ctx, "  not present: %s\n", page_kind(&pv));
	j_int(ctx, "pid", lp->pid);
	j_hex(ctx, "va", va);
	j_hex(ctx, "entry", e);
	j_bool(ctx, "present", e & PM_PRESENT);
	j_bool(ctx, "file", e & PM_FILE);
	j_bool(ctx, "exclusive", e & PM_MMAP_EXCLUSIVE);
	if (e & PM_PRESENT)
		j_hex(ctx, "pfn", pv.pfn);
	cmd_set_value(ctx, e);
	return 0;
}

/* page PFN (and whatis -p PADDR): the frame's kpageflags and kpagecount */
static int
frame_info(struct ctx *ctx, u64 pfn)
{
	struct live_pid *lp = ctx->pid;
	struct error e;
	struct strbuf sb;
	u64 f, n;
	int i;

	error_clear(&e);
	if (live_pid_kpage(lp, pfn, &f, &n, &e))
		return cmd_error(ctx, "pfn %#llx: %s", (unsigned long long)pfn,
				 e.msg);
	sb_init(&sb);
	kpf_string(f, &sb);
	out_printf(ctx, "pfn %#llx (physical %s): kpageflags 0x%016llx  %s\n",
		   (unsigned long long)pfn, fpa(NULL, pfn * base_page()),
		   (unsigned long long)f, sb.len ? sb.buf : "(none)");
	out_printf(ctx, "  kpagecount %llu  (page tables mapping it)\n",
		   (unsigned long long)n);
	if (f & KPF_BIT(KPF_BUDDY))
		out_printf(ctx, "  free: in the buddy allocator\n");
	else if (f & KPF_BIT(KPF_SLAB))
		out_printf(ctx, "  a slab page\n");
	else if (f & KPF_BIT(20))
		out_printf(ctx, "  no struct page (nopage): not RAM the "
			   "kernel manages\n");
	j_hex(ctx, "pfn", pfn);
	j_hex(ctx, "kpageflags", f);
	j_u64(ctx, "kpagecount", n);
	j_arr(ctx, "flags");
	for (i = 0; i < KPF_COUNT; i++)
		if ((f & KPF_BIT(i)) && kpf_names[i] != NULL)
			j_str(ctx, NULL, kpf_names[i]);
	j_arr_end(ctx);
	sb_release(&sb);
	return 0;
}

int
pid_page(struct ctx *ctx)
{
	u64 pfn;

	if (arg_u64(ctx, cmd_args(ctx)->argv[0], "PFN", &pfn))
		return -1;
	if (pfn > PM_PFRAME_MASK)
		return cmd_error(ctx, "%#llx: on a live process give a PFN "
				 "(kpageflags has no struct page addresses)",
				 (unsigned long long)pfn);
	return frame_info(ctx, pfn);
}

int
pid_whatis(struct ctx *ctx)
{
	struct live_pid *lp = ctx->pid;
	struct page_view pv;
	u64 a;

	if (arg_u64(ctx, cmd_args(ctx)->argv[0], "ADDR", &a))
		return -1;
	if (args_has(ctx, "-p"))
		return frame_info(ctx, a / base_page());
	if (page_view(ctx, a, &pv))
		return -1;
	pid_note_priv(ctx);
	out_printf(ctx, "%s: pid %d (%s), %s\n", fva(NULL, a), lp->pid,
		   lp->comm, page_kind(&pv));
	show_vma(ctx, pv.vma, "  ");
	if (pv.ent & PM_PRESENT)
		out_printf(ctx, "  frame       pfn %s  %s page, %s\n",
			   pv.pfn == 0 && lp->pfn_hidden ? "hidden" :
			   fmt_hex(pv.pfn), fsize(pv.psize), pv.psize_why);
	show_frame(ctx, &pv, "  ");
	view_json(ctx, &pv);
	if (pv.ent & PM_PRESENT)
		cmd_set_value(ctx, pv.pa);
	return 0;
}
