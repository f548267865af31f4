// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * fork and exit (cf. kernel/fork.c dup_mm/dup_mmap, mm/memory.c
 * copy_page_range, kernel/exit.c exit_mm): copy-on-write address spaces.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/progress.h"

struct copy_ctx {
	struct machine *m;
	struct mm_struct *dst;
	struct vm_area_struct *vma;
	u64 copied, wrprotected, zero, nopage;
	struct error *e;
	int err;
	u64 path[NR_LEVELS];	/* the parent's tables above the current */
};

/* The PTEs dup_mmap has looked at: a fork of a big process stops on Ctrl-C. */
static struct progress fork_progress;

static void
copy_level(struct copy_ctx *cc, u64 table, int i, u64 base)
{
	struct machine *m = cc->m;
	const struct mmu *mmu = &m->mmu;
	int lvl = mmu->walk[i];
	const struct pt_level *L = &mmu->lv[lvl];
	struct vm_area_struct *vma = cc->vma;
	u64 span = 1ULL << L->shift, nent = 1ULL << L->bits, k;
	u64 lo = vma->vm_start > base ? (vma->vm_start - base) >> L->shift : 0;
	u64 hi = (vma->vm_end - 1 - base) >> L->shift;
	bool cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;

	if (hi >= nent)
		hi = nent - 1;
	cc->path[i] = table;
	for (k = lo; k <= hi && !cc->err; k++) {
		u64 va = base + k * span, epa = table + k * L->esize, ent = 0;
		struct pte_decode d;

		if (lvl != LVL_PTE) {
			phys_read_entry(&m->phys, epa, L->esize, &ent);
			mmu->arch->decode(mmu, lvl, ent, &d);
			/* a hand-made entry pointing back up: not followed */
			if (d.kind == PT_TABLE &&
			    !table_on_path(cc->path, i, d.addr))
				copy_level(cc, d.addr, i + 1, va);
			continue;
		}
		/* copy_process() gives up on a fatal signal */
		if (progress_add(&fork_progress, 1) != 0) {
			char why[200];

			progress_why(&fork_progress, why, sizeof(why));
			cc->err = error_set(cc->e, fork_progress.stop,
					    "fork %s; the child is released",
					    why);
			return;
		}
		ent = pte_read(m, epa);
		if (ent == 0)
			continue;
		{
			struct pte_decode pd;
			pgprot_t prot;
			u64 dst, pfn, nv;

			if (m->arch->sw_decode != NULL)
				m->arch->sw_decode(mmu, LVL_PTE, ent, &pd);
			else
				mmu->arch->decode(mmu, LVL_PTE, ent, &pd);
			if (pd.kind != PT_LEAF)
				continue;
			pfn = pd.addr >> PAGE_SHIFT;
			prot = (pd.perm & P_PERM) | (pd.attr & (P_YOUNG |
				P_DIRTY | P_SPECIAL | P_PROTNONE));
			if (user_pte_slot(m, cc->dst, va, true, &dst, cc->e)) {
				cc->err = cc->e->code;
				return;
			}
			/* copy_present_pte(): COW: both sides read-only */
			if (cow && (pd.perm & P_UW)) {
				prot &= ~(pgprot_t)(P_UW | P_KW);
				nv = m->arch->mk_leaf(mmu, LVL_PTE,
						      pfn << PAGE_SHIFT, prot);
				pte_write(m, epa, nv, va);
				cc->wrprotected++;
			}
			if (vma->vm_flags & VM_SHARED)
				prot &= ~(pgprot_t)P_DIRTY;
			prot &= ~(pgprot_t)P_YOUNG;	/* pte_mkold */
			nv = m->arch->mk_leaf(mmu, LVL_PTE, pfn << PAGE_SHIFT,
					      prot);
			pte_write(m, dst, nv, va);
			cc->copied++;
			if (!vm_normal_page(m, pfn, pd.attr)) {
				/* the zero page, or a pfn without a page */
				if (pfn_valid(m, pfn) || (pd.attr & P_SPECIAL))
					cc->zero++;
				else
					cc->nopage++;
				continue;
			}
			mm_get_page(m, pfn);
			mm_page_add_rmap(m, pfn);
			if (mm_page_anon(m, pfn))
				cc->dst->rss[MM_ANONPAGES]++;
			else
				cc->dst->rss[MM_FILEPAGES]++;
		}
	}
}

int
do_fork(struct machine *m, struct task_struct *parent,
	struct task_struct **out, struct error *e)
{
	struct mm_struct *old = parent->mm, *mm;
	struct vm_area_struct *v, *prev = NULL;
	struct task_struct *t;
	u64 wp = 0;
	int i, nv = 0;

	*out = NULL;
	if (parent->state == TASK_KILLED)
		return error_set(e, -ESRCH, "pid %d was killed: it cannot fork",
				 parent->pid);
	t = task_alloc(m, parent->pid, parent->comm);
	if (t == NULL)
		return error_set(e, -EAGAIN, "no free pid");
	mm = mm_alloc(m, e);
	if (mm == NULL) {
		task_unlink(m, t);
		free(t);
		return e->code;
	}
	t->mm = mm;
	/* dup_mm: the mm_struct fields */
	mm->mmap_base = old->mmap_base;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	mm->stack_rlimit = old->stack_rlimit;
	memcpy(mm->auxv, old->auxv, sizeof(mm->auxv));
	mm->nauxv = old->nauxv;
	for (i = 0; i < 2; i++) {
		mm->img[i] = old->img[i];
		if (mm->img[i].file != NULL)
			get_file(mm->img[i].file);
	}
	trace_event(m, copy_process, .pid = t->pid,
		    .comm = trace_str(m, t->comm), .ppid = parent->pid);
	/* dup_mmap */
	progress_begin(&fork_progress, "fork", "PTEs", 0, 0);
	for (v = old->mmap; v != NULL; v = v->vm_next) {
		struct vm_area_struct *n;

		if (v->vm_flags & VM_DONTCOPY)
			continue;
		n = vma_alloc(mm);
		*n = *v;
		n->vm_mm = mm;
		n->vm_prev = prev;
		n->vm_next = NULL;
		if (n->vm_file != NULL)
			get_file(n->vm_file);
		if (v->anon_vma != NULL) {
			/* anon_vma_fork: the child's own anon_vma */
			n->anon_vma = xcalloc(1, sizeof(*n->anon_vma));
			n->anon_vma->refs = 1;
		}
		if (prev != NULL)
			prev->vm_next = n;
		else
			mm->mmap = n;
		prev = n;
		mm->map_count++;
		mm->total_vm += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
		nv++;
		/* vma_needs_copy(): only VMAs with anonymous pages */
		if (v->anon_vma != NULL) {
			struct copy_ctx cc = { .m = m, .dst = mm, .vma = v,
					       .e = e };

			copy_level(&cc, old->pgd, 0, 0);
			if (cc.err) {
				progress_end(&fork_progress);
				if (wp + cc.wrprotected)
					mm_tlb_flush(m, old);
				do_exit(m, t, NULL);
				return cc.err;
			}
			n->vm_mm = mm;
			wp += cc.wrprotected;
			trace_event(m, copy_page_range, .start = v->vm_start,
				    .end = v->vm_end, .copied = cc.copied,
				    .wrprotected = cc.wrprotected,
				    .zero = cc.zero, .nopage = cc.nopage);
		}
	}
	progress_end(&fork_progress);
	trace_event(m, dup_mmap, .vmas = nv);
	if (wp)
		mm_tlb_flush(m, old);
	t->entry = parent->entry;
	t->sp = parent->sp;
	*out = t;
	return 0;
}

int
do_exit(struct machine *m, struct task_struct *t, struct error *e)
{
	(void)e;
	if (t->cpu >= 0)
		switch_to_idle(m, &m->cpu[t->cpu]);
	trace_event(m, do_exit, .pid = t->pid, .comm = trace_str(m, t->comm));
	task_unlink(m, t);
	mmput(m, t->mm);
	t->mm = NULL;
	free(t);
	return 0;
}
