// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A debugger's read of virtual memory (cf. access_process_vm() as ptrace
 * and /proc/PID/mem use it, and crash's readmem()): what x and dis show.
 *
 * The page tables in memory are read, not the TLB; no accessed or dirty
 * bit is set, no TLB entry filled, no fault taken, no signal sent.  A
 * kernel address the running address space does not map yet is read
 * through swapper_pg_dir (init_mm), as crash does.  A user page the
 * process has not faulted in is left unmapped: the kernel's hook
 * (m->peek_user) gives what the first access would find there, or why
 * there is nothing.  Where a real ptrace read would fault the page in
 * with get_user_pages(FOLL_FORCE), this read shows the same bytes and
 * changes nothing.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/machine.h"
#include "ptwalk/peek.h"

/* A run of pages read the same way, noted once in the kernel trace. */
struct peek_note {
	u64 start, end;
	enum peek_how how;
	const char *path;	/* the file, for the ways that read one */
};

static void
note_flush(struct machine *m, struct peek_note *pn)
{
	if (pn->how != PEEK_MAPPED && pn->end > pn->start)
		trace_event(m, peek, .start = pn->start, .end = pn->end - 1,
			    .how = pn->how, .path = trace_str(m, pn->path));
	pn->how = PEEK_MAPPED;
}

static bool
same_path(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
note_page(struct machine *m, struct peek_note *pn, u64 va, enum peek_how how,
	  const char *path)
{
	u64 page = va & PAGE_MASK;

	if (pn->how == how && pn->end == page && same_path(pn->path, path)) {
		pn->end = page + PAGE_SIZE;
		return;
	}
	note_flush(m, pn);
	pn->start = page;
	pn->end = page + PAGE_SIZE;
	pn->how = how;
	pn->path = path;
}

static int
cannot(struct machine *m, u64 va, const char *why, struct error *e)
{
	return error_set(e, -EFAULT, "cannot access memory at 0x%0*llx: %s",
			 m->arch->va_digits, (unsigned long long)va, why);
}

int
machine_peek_frame(struct machine *m, u64 va, u64 pa, void *buf, u64 n,
		   struct error *e)
{
	char why[400], hole[160];

	if (phys_is_ram(&m->phys, pa) &&
	    phys_read(&m->phys, pa, buf, n, NULL) == 0)
		return 0;
	if (phys_is_ram(&m->phys, pa)) {
		/* in memory but not in the image: excluded, corrupt */
		phys_describe_hole(&m->phys, pa, hole, sizeof(hole));
		snprintf(why, sizeof(why), "it maps physical 0x%0*llx, which "
			 "is %s", m->arch->pa_digits, (unsigned long long)pa,
			 hole);
		return cannot(m, va, why, e);
	}
	phys_describe_hole(&m->phys, pa, hole, sizeof(hole));
	snprintf(why, sizeof(why), "it maps physical 0x%0*llx, which is not "
		 "RAM (%s); device memory is not simulated",
		 m->arch->pa_digits, (unsigned long long)pa, hole);
	return cannot(m, va, why, e);
}

/* One page's worth (n bytes at va, within one page). */
static int
peek_page(struct machine *m, struct cpu *c, u64 va, void *buf, u64 n,
	  struct peek_note *pn, struct error *e)
{
	enum peek_how how = PEEK_MAPPED;
	const char *path = NULL;
	char why[200];
	struct error ve;
	struct walk w;
	int r;

	if (machine_check_va(m, va, &ve))
		return cannot(m, va, ve.msg, e);
	if (machine_walk(m, c, va, &w) == WF_NONE) {
		r = machine_peek_frame(m, va, w.pa, buf, n, e);
		if (r == 0 && w.access_fault != WF_NONE)
			note_page(m, pn, va, w.access_fault == WF_ACCESS_FLAG ?
				  PEEK_ACCESS_FLAG : PEEK_OLD, NULL);
		return r;
	}
	/* a kernel address this pgd does not map yet: init_mm's tables */
	if (va >= m->lay.task_size && m->swapper_pg_dir != 0 &&
	    w.nsteps > 0 && w.root != m->swapper_pg_dir) {
		struct walk kw;

		if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va,
			     &kw) == WF_NONE) {
			r = machine_peek_frame(m, va, kw.pa, buf, n, e);
			if (r == 0)
				note_page(m, pn, va, PEEK_SWAPPER, NULL);
			return r;
		}
	}
	if (va < m->lay.task_size && m->peek_user != NULL) {
		r = m->peek_user(m, c, va, buf, n, &how, &path, e);
		if (r == 0 && how != PEEK_MAPPED)
			note_page(m, pn, va, how, path);
		return r;
	}
	machine_fault_reason(m, &w, 0, why, sizeof(why));
	return cannot(m, va, why, e);
}

int
machine_peek_virt(struct machine *m, struct cpu *c, u64 va, void *buf,
		  u64 len, u64 *done, struct error *e)
{
	struct peek_note pn = { .how = PEEK_MAPPED };
	int r = 0;

	*done = 0;
	while (len > 0) {
		u64 n = MIN(len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));

		r = peek_page(m, c, va, (u8 *)buf + *done, n, &pn, e);
		if (r)
			break;
		*done += n;
		len -= n;
		va += n;
		if (va == 0 && len) {
			r = error_set(e, -EFAULT, "cannot access memory past "
				      "the end of the address space");
			break;
		}
	}
	note_flush(m, &pn);
	return r;
}
