// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * VMAs (cf. mm/mmap.c, mm/mprotect.c): find_vma, mmap with top-down
 * placement below mmap_base, munmap and mprotect with splitting and
 * merging, brk, stack expansion.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ptwalk/log2.h"

#define PAGES(x)	((x) >> PAGE_SHIFT)

/* stack_guard_gap: 256 pages (mm/mmap.c, since 4.12) */
u64
stack_guard_gap(void)
{
	return 256 * PAGE_SIZE;
}

u64
mmap_min_addr(const struct machine *m)
{
	return m->arch->mm->mmap_min_addr;
}

/*
 * protection_map[]: what the PTEs of a VMA allow.  A private writable
 * mapping gets read-only PTEs (PAGE_COPY): the first write faults and
 * copies.  Shared writable mappings get writable PTEs (PAGE_SHARED).
 */
pgprot_t
vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t p = P_YOUNG;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return PAGE_NONE;
	if (vm_flags & (VM_READ | VM_WRITE | VM_EXEC))
		p |= P_UR | P_KR;
	if (vm_flags & VM_EXEC)
		p |= P_UX | P_KX;
	if ((vm_flags & VM_WRITE) && (vm_flags & VM_SHARED))
		p |= P_UW | P_KW;
	return p;
}

unsigned long
calc_vm_flags(unsigned prot, unsigned flags)
{
	unsigned long f = 0;

	if (prot & PROT_READ)
		f |= VM_READ;
	if (prot & PROT_WRITE)
		f |= VM_WRITE;
	if (prot & PROT_EXEC)
		f |= VM_EXEC;
	if (flags & MAP_GROWSDOWN)
		f |= VM_GROWSDOWN;
	return f;
}

/*
 * The VMA list
 */

struct vm_area_struct *
vma_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *v = xcalloc(1, sizeof(*v));

	v->vm_mm = mm;
	return v;
}

void
vma_free(struct machine *m, struct vm_area_struct *vma)
{
	if (vma->vm_file != NULL)
		fput(m, vma->vm_file);
	if (vma->anon_vma != NULL && --vma->anon_vma->refs == 0)
		free(vma->anon_vma);
	free(vma);
}

struct vm_area_struct *
find_vma(struct mm_struct *mm, u64 addr)
{
	struct vm_area_struct *v = mm->mmap_cache;

	if (v != NULL && v->vm_start <= addr && addr < v->vm_end)
		return v;
	for (v = mm->mmap; v != NULL; v = v->vm_next)
		if (addr < v->vm_end) {
			if (v->vm_start <= addr)
				mm->mmap_cache = v;
			return v;
		}
	return NULL;
}

struct vm_area_struct *
find_vma_prev(struct mm_struct *mm, u64 addr, struct vm_area_struct **prev)
{
	struct vm_area_struct *v, *p = NULL;

	for (v = mm->mmap; v != NULL; v = v->vm_next) {
		if (addr < v->vm_end)
			break;
		p = v;
	}
	*prev = p;
	return v;
}

void
vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev, *next;

	next = find_vma_prev(mm, vma->vm_start, &prev);
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev != NULL)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next != NULL)
		next->vm_prev = vma;
	vma->vm_mm = mm;
	mm->map_count++;
}

static void
vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_prev != NULL)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next != NULL)
		vma->vm_next->vm_prev = vma->vm_prev;
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
	mm->map_count--;
}

const char *
vm_flags_rwxp(unsigned long f)
{
	char *s = fmt_buf();

	s[0] = (f & VM_READ) ? 'r' : '-';
	s[1] = (f & VM_WRITE) ? 'w' : '-';
	s[2] = (f & VM_EXEC) ? 'x' : '-';
	s[3] = (f & VM_MAYSHARE) ? 's' : 'p';
	s[4] = 0;
	return s;
}

/* is_mergeable_vma + is_mergeable_anon_vma */
static bool
can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    a->vm_file != b->vm_file)
		return false;
	if (a->vm_flags & (VM_IO | VM_DONTEXPAND | VM_PFNMAP))
		return false;
	if (a->anon_vma && b->anon_vma && a->anon_vma != b->anon_vma)
		return false;
	if (a->vm_file && a->vm_pgoff + PAGES(a->vm_end - a->vm_start) !=
	    b->vm_pgoff)
		return false;
	return true;
}

/* b is absorbed into a (a->vm_end = b->vm_end) */
static void
merge_into(struct machine *m, struct mm_struct *mm, struct vm_area_struct *a,
	   struct vm_area_struct *b)
{
	trace_event(m, vma_merge, .start = b->vm_start, .end = b->vm_end,
		    .flags = b->vm_flags, .prev_start = a->vm_start,
		    .prev_end = a->vm_end);
	a->vm_end = b->vm_end;
	if (a->anon_vma == NULL && b->anon_vma != NULL) {
		a->anon_vma = b->anon_vma;
		b->anon_vma = NULL;
	}
	vma_unlink(mm, b);
	vma_free(m, b);
}

/* Merge vma with its neighbours where Linux's vma_merge would. */
static struct vm_area_struct *
vma_merge_neighbours(struct machine *m, struct mm_struct *mm,
		     struct vm_area_struct *vma)
{
	if (vma->vm_prev != NULL && can_merge(vma->vm_prev, vma)) {
		struct vm_area_struct *p = vma->vm_prev;

		merge_into(m, mm, p, vma);
		vma = p;
	}
	if (vma->vm_next != NULL && can_merge(vma, vma->vm_next))
		merge_into(m, mm, vma, vma->vm_next);
	return vma;
}

/* __split_vma: vma becomes [start, addr), a new VMA [addr, end) follows */
static struct vm_area_struct *
split_vma(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
	  u64 addr)
{
	struct vm_area_struct *n = vma_alloc(mm);

	trace_event(m, split_vma, .start = vma->vm_start, .end = vma->vm_end,
		    .flags = vma->vm_flags, .addr = addr);
	*n = *vma;
	n->vm_start = addr;
	if (n->vm_file != NULL) {
		get_file(n->vm_file);
		n->vm_pgoff += PAGES(addr - vma->vm_start);
	}
	if (n->anon_vma != NULL)
		n->anon_vma->refs++;
	vma->vm_end = addr;
	n->vm_prev = vma;
	n->vm_next = vma->vm_next;
	if (vma->vm_next != NULL)
		vma->vm_next->vm_prev = n;
	vma->vm_next = n;
	mm->map_count++;
	return n;
}

/*
 * Placement: arch_get_unmapped_area_topdown()
 */

static u64
vm_start_gap(const struct vm_area_struct *v)
{
	u64 s = v->vm_start;

	if ((v->vm_flags & VM_GROWSDOWN) && s > stack_guard_gap())
		s -= stack_guard_gap();
	else if (v->vm_flags & VM_GROWSDOWN)
		s = 0;
	return s;
}

static bool
range_free(struct mm_struct *mm, u64 addr, u64 len)
{
	struct vm_area_struct *prev, *v = find_vma_prev(mm, addr, &prev);

	if (v != NULL && addr + len > vm_start_gap(v))
		return false;
	if (prev != NULL && addr < prev->vm_end)
		return false;
	return true;
}

static int
get_unmapped_area(struct machine *m, struct mm_struct *mm, u64 addr, u64 len,
		  unsigned flags, u64 *out, struct error *e)
{
	u64 low = mmap_min_addr(m), high = mm->mmap_base;
	struct vm_area_struct *v, *above = NULL;

	if (len > mm->task_size - low)
		return error_set(e, -ENOMEM, "%llu bytes do not fit in the "
				 "user address space",
				 (unsigned long long)len);
	if (flags & MAP_FIXED) {
		*out = addr;
		return 0;
	}
	/* a hint is taken when the range is free */
	if (addr) {
		addr = ALIGN_UP(addr, PAGE_SIZE);
		if (addr >= low && addr <= mm->task_size - len &&
		    range_free(mm, addr, len)) {
			*out = addr;
			return 0;
		}
	}
	/*
	 * vm_unmapped_area(), top-down: the highest gap below mmap_base
	 * that holds len.  Walk the gaps from the top: the gap below
	 * `above` starts at the end of the VMA before it.
	 */
	for (v = mm->mmap; v != NULL && v->vm_next != NULL; v = v->vm_next)
		;
	for (;;) {
		u64 gstart = v != NULL ? v->vm_end : 0;
		u64 gend = above != NULL ? vm_start_gap(above) : high;

		gstart = MAX(gstart, low);
		gend = MIN(gend, high);
		if (gend > gstart && gend - gstart >= len) {
			*out = (gend - len) & PAGE_MASK;
			return 0;
		}
		if (v == NULL)
			break;
		above = v;
		v = v->vm_prev;
	}
	return error_set(e, -ENOMEM, "no free gap of %llu bytes below "
			 "mmap_base %s", (unsigned long long)len,
			 fva(m, mm->mmap_base));
}

/*
 * mmap
 */

static struct vm_area_struct *
mmap_region(struct machine *m, struct mm_struct *mm, struct file *file,
	    u64 addr, u64 len, unsigned long vm_flags, u64 pgoff,
	    struct error *e)
{
	struct vm_area_struct *vma;

	struct vm_area_struct *old = find_vma(mm, addr);

	/* MAP_FIXED replaces whatever was there */
	if (old != NULL && old->vm_start < addr + len &&
	    do_munmap(m, mm, addr, len, e))
		return NULL;
	vma = vma_alloc(mm);
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	vma->vm_file = file ? get_file(file) : NULL;
	vma_link(mm, vma);
	mm->total_vm += PAGES(len);
	trace_event(m, mmap_region, .start = addr, .end = addr + len,
		    .flags = vm_flags, .file = file != NULL,
		    .path = trace_str(m, file ? file->path : NULL));
	return vma_merge_neighbours(m, mm, vma);
}

int
do_mmap(struct machine *m, struct mm_struct *mm, struct file *file, u64 addr,
	u64 len, unsigned prot, unsigned flags, u64 pgoff, u64 *ret,
	struct error *e)
{
	unsigned long vm_flags;
	unsigned type = flags & (MAP_SHARED | MAP_PRIVATE);
	bool noreplace = flags & MAP_FIXED_NOREPLACE;
	u64 where = 0;

	if (type != MAP_SHARED && type != MAP_PRIVATE)
		return error_set(e, -EINVAL, "give exactly one of "
				 "MAP_SHARED and MAP_PRIVATE");
	if (len == 0)
		return error_set(e, -EINVAL, "the length is 0");
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return error_set(e, -EINVAL, "bad prot bits %#x", prot);
	if (align_up_overflows(len, PAGE_SIZE) ||
	    ALIGN_UP(len, PAGE_SIZE) > mm->task_size)
		return error_set(e, -ENOMEM, "%#llx bytes is larger than "
				 "the user address space",
				 (unsigned long long)len);
	len = ALIGN_UP(len, PAGE_SIZE);
	if (file != NULL && pgoff + PAGES(len) < pgoff)
		return error_set(e, -EOVERFLOW, "the file offset "
				 "overflows");
	if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) &&
	    (addr & (PAGE_SIZE - 1)))
		return error_set(e, -EINVAL, "MAP_FIXED address %s is "
				 "not page aligned", fva(m, addr));
	if (noreplace)
		flags |= MAP_FIXED;
	if ((flags & MAP_FIXED) && (addr < mmap_min_addr(m) ||
				    addr > mm->task_size - len))
		return error_set(e, addr < mmap_min_addr(m) ? -EPERM : -ENOMEM,
				 "%s + %#llx is outside the mappable user "
				 "range %s-%s (mmap_min_addr, TASK_SIZE)",
				 fva(m, addr), (unsigned long long)len,
				 fva(m, mmap_min_addr(m)),
				 fva(m, mm->task_size));
	if (get_unmapped_area(m, mm, addr, len, flags, &where, e))
		return e ? e->code : -ENOMEM;
	if (noreplace) {
		struct vm_area_struct *v = find_vma(mm, where);

		if (v != NULL && v->vm_start < where + len)
			return error_set(e, -EEXIST, "MAP_FIXED_NOREPLACE "
					 "and %s-%s is already mapped",
					 fva(m, v->vm_start),
					 fva(m, v->vm_end));
	}
	vm_flags = calc_vm_flags(prot, flags) | VM_MAYREAD | VM_MAYWRITE |
		VM_MAYEXEC;
	if (type == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	else if (vm_flags & VM_WRITE)
		vm_flags |= VM_ACCOUNT;
	if (file == NULL && type == MAP_SHARED)
		return error_set(e, -EINVAL, "shared anonymous memory "
				 "(shmem) is not simulated; use MAP_PRIVATE or "
				 "map a file");
	if (file == NULL)
		pgoff = where >> PAGE_SHIFT;
	trace_event(m, do_mmap, .start = where, .end = where + len,
		    .flags = vm_flags, .file = file != NULL,
		    .placed = (flags & MAP_FIXED) ? MMAP_FIXED : !addr ?
		    MMAP_TOPDOWN : where == addr ? MMAP_HINT :
		    MMAP_HINT_TAKEN);
	if (mmap_region(m, mm, file, where, len, vm_flags, pgoff, e) == NULL)
		return e ? e->code : -ENOMEM;
	*ret = where;
	return 0;
}

/*
 * munmap
 */

int
do_munmap(struct machine *m, struct mm_struct *mm, u64 start, u64 len,
	  struct error *e)
{
	struct vm_area_struct *v, *prev, *next;
	u64 end;

	if (start & (PAGE_SIZE - 1))
		return error_set(e, -EINVAL, "%s is not page aligned",
				 fva(m, start));
	if (align_up_overflows(len, PAGE_SIZE) ||
	    ALIGN_UP(len, PAGE_SIZE) == 0 || start > mm->task_size ||
	    ALIGN_UP(len, PAGE_SIZE) > mm->task_size - start)
		return error_set(e, -EINVAL, "%s + %#llx is not a user "
				 "range", fva(m, start),
				 (unsigned long long)len);
	len = ALIGN_UP(len, PAGE_SIZE);
	end = start + len;
	v = find_vma_prev(mm, start, &prev);
	if (v == NULL || v->vm_start >= end) {
		trace_event(m, do_munmap_none, .start = start, .end = end);
		return 0;
	}
	if (v->vm_start < start)
		v = split_vma(m, mm, v, start);
	for (; v != NULL && v->vm_start < end; v = next) {
		if (v->vm_end > end)
			split_vma(m, mm, v, end);
		next = v->vm_next;
		trace_event(m, do_munmap, .start = v->vm_start,
			    .end = v->vm_end, .flags = v->vm_flags,
			    .file = v->vm_file != NULL,
			    .path = trace_str(m, v->vm_file ?
					      v->vm_file->path : NULL));
		zap_page_range(m, mm, v, v->vm_start, v->vm_end);
		mm->total_vm -= PAGES(v->vm_end - v->vm_start);
		vma_unlink(mm, v);
		vma_free(m, v);
	}
	free_pgtables(m, mm, start, end);
	return 0;
}

void
exit_mmap(struct machine *m, struct mm_struct *mm)
{
	struct vm_area_struct *v, *next;

	for (v = mm->mmap; v != NULL; v = next) {
		next = v->vm_next;
		zap_page_range(m, mm, v, v->vm_start, v->vm_end);
		vma_unlink(mm, v);
		vma_free(m, v);
	}
	mm->total_vm = 0;
	free_pgtables(m, mm, 0, mm->task_size);
}

/*
 * mprotect
 */

int
do_mprotect(struct machine *m, struct mm_struct *mm, u64 start, u64 len,
	    unsigned prot, struct error *e)
{
	struct vm_area_struct *v, *prev, *next;
	u64 end, a;
	unsigned long newbits;

	if (start & (PAGE_SIZE - 1))
		return error_set(e, -EINVAL, "%s is not page aligned",
				 fva(m, start));
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return error_set(e, -EINVAL, "bad prot bits %#x",
				 prot);
	if (align_up_overflows(len, PAGE_SIZE))
		return error_set(e, -ENOMEM, "%#llx bytes is larger than the "
				 "user address space", (unsigned long long)len);
	len = ALIGN_UP(len, PAGE_SIZE);
	end = start + len;
	if (end < start || end > mm->task_size)
		return error_set(e, -ENOMEM, "the range passes "
				 "TASK_SIZE");
	if (len == 0)
		return 0;
	newbits = calc_vm_flags(prot, 0);
	/* the whole range must be mapped, and every VMA must allow it */
	v = find_vma_prev(mm, start, &prev);
	for (a = start; a < end; v = v->vm_next) {
		unsigned long nf;

		if (v == NULL || v->vm_start > a)
			return error_set(e, -ENOMEM, "%s is not "
					 "mapped", fva(m, a));
		nf = (v->vm_flags & ~VM_ACCESS_FLAGS) | newbits;
		if ((nf & ~(nf >> 4)) & VM_ACCESS_FLAGS)
			return error_set(e, -EACCES, "the VMA at "
					 "%s may not become %s (its VM_MAY* "
					 "bits forbid it)",
					 fva(m, v->vm_start),
					 vm_flags_rwxp(nf));
		a = v->vm_end;
	}
	v = find_vma(mm, start);
	for (; v != NULL && v->vm_start < end; v = next) {
		unsigned long nf = (v->vm_flags & ~VM_ACCESS_FLAGS) | newbits;

		if (nf == v->vm_flags) {
			next = v->vm_next;
			continue;
		}
		if (v->vm_start < start)
			v = split_vma(m, mm, v, start);
		if (v->vm_end > end)
			split_vma(m, mm, v, end);
		next = v->vm_next;
		trace_event(m, mprotect_fixup, .start = v->vm_start,
			    .end = v->vm_end, .flags = v->vm_flags,
			    .newflags = nf);
		/* a private mapping becoming writable is now charged */
		if ((nf & VM_WRITE) && !(nf & VM_SHARED))
			nf |= VM_ACCOUNT;
		v->vm_flags = nf;
		v->vm_page_prot = vm_get_page_prot(nf);
		change_protection(m, v, v->vm_start, v->vm_end);
		v = vma_merge_neighbours(m, mm, v);
		next = v->vm_next;
	}
	return 0;
}

/*
 * brk
 */

/* do_brk_flags: anonymous memory at [addr, addr + len), growing a VMA */
int
vm_brk_flags(struct machine *m, struct mm_struct *mm, u64 addr, u64 len,
	     unsigned long flags, struct error *e)
{
	struct vm_area_struct *prev, *v;
	unsigned long vm_flags = VM_READ | VM_WRITE | VM_MAYREAD |
		VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT | flags;

	if (align_up_overflows(len, PAGE_SIZE) || len > mm->task_size)
		return error_set(e, -ENOMEM, "%#llx bytes of anonymous memory "
				 "at %s: larger than the user address space",
				 (unsigned long long)len, fva(m, addr));
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0)
		return 0;
	if (addr + len > mm->task_size || addr + len < addr)
		return error_set(e, -ENOMEM, "%s-%s passes TASK_SIZE",
				 fva(m, addr), fva(m, addr + len));
	v = find_vma_prev(mm, addr, &prev);
	if (v != NULL && v->vm_start < addr + len) {
		if (do_munmap(m, mm, addr, len, e))
			return e ? e->code : -ENOMEM;
		v = find_vma_prev(mm, addr, &prev);
	}
	mm->total_vm += PAGES(len);
	if (prev != NULL && prev->vm_end == addr && prev->vm_file == NULL &&
	    prev->vm_flags == vm_flags) {
		trace_event(m, do_brk_flags, .start = prev->vm_start,
			    .end = prev->vm_end, .new_end = addr + len,
			    .grow = true);
		prev->vm_end = addr + len;
		vma_merge_neighbours(m, mm, prev);
		return 0;
	}
	v = vma_alloc(mm);
	v->vm_start = addr;
	v->vm_end = addr + len;
	v->vm_flags = vm_flags;
	v->vm_page_prot = vm_get_page_prot(vm_flags);
	v->vm_pgoff = addr >> PAGE_SHIFT;
	vma_link(mm, v);
	trace_event(m, do_brk_flags, .start = addr, .end = addr + len,
		    .flags = vm_flags);
	vma_merge_neighbours(m, mm, v);
	return 0;
}

int
do_brk(struct machine *m, struct mm_struct *mm, u64 brk, u64 *ret,
       struct error *e)
{
	u64 newbrk = ALIGN_UP(brk, PAGE_SIZE), oldbrk = ALIGN_UP(mm->brk,
								PAGE_SIZE);
	struct vm_area_struct *next;

	*ret = mm->brk;
	if (brk > mm->task_size)
		return error_set(e, -ENOMEM, "%s is above TASK_SIZE %s: brk() "
				 "keeps the break at %s", fva(m, brk),
				 fva(m, mm->task_size), fva(m, mm->brk));
	if (brk < mm->start_brk)
		return error_set(e, -ENOMEM, "%s is below start_brk %s "
				 "(the end of the program's bss)",
				 fva(m, brk), fva(m, mm->start_brk));
	if (newbrk == oldbrk) {
		trace_event(m, brk, .how = BRK_SAME_PAGE, .old = mm->brk,
			    .brk = brk);
		mm->brk = brk;
		*ret = brk;
		return 0;
	}
	if (brk <= mm->brk) {
		trace_event(m, brk, .how = BRK_SHRINK, .old = mm->brk,
			    .brk = brk, .start = newbrk, .end = oldbrk);
		mm->brk = brk;
		if (do_munmap(m, mm, newbrk, oldbrk - newbrk, e))
			return e ? e->code : -ENOMEM;
		*ret = brk;
		return 0;
	}
	next = find_vma(mm, oldbrk);
	if (next != NULL && newbrk + PAGE_SIZE > vm_start_gap(next))
		return error_set(e, -ENOMEM, "%s would run into the VMA "
				 "at %s", fva(m, brk),
				 fva(m, next->vm_start));
	trace_event(m, brk, .how = BRK_GROW, .old = mm->brk, .brk = brk,
		    .start = oldbrk, .end = newbrk);
	if (vm_brk_flags(m, mm, oldbrk, newbrk - oldbrk, 0, e))
		return e ? e->code : -ENOMEM;
	mm->brk = brk;
	*ret = brk;
	return 0;
}

/*
 * Stack growth: expand_downwards()
 */

int
expand_stack(struct machine *m, struct vm_area_struct *vma, u64 addr,
	     struct error *e)
{
	struct mm_struct *mm = vma->vm_mm;
	u64 start = addr & PAGE_MASK, size = vma->vm_end - start;
	struct vm_area_struct *prev = vma->vm_prev;

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return error_set(e, -EFAULT, "not a stack VMA");
	if (start < mmap_min_addr(m))
		return error_set(e, -EPERM, "below mmap_min_addr");
	if (size > mm->stack_rlimit)
		return error_set(e, -ENOMEM, "the stack would be %s, over "
				 "RLIMIT_STACK %s", fsize(size),
				 fsize(mm->stack_rlimit));
	if (prev != NULL && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & VM_ACCESS_FLAGS) &&
	    (start < prev->vm_end || start - prev->vm_end < stack_guard_gap()))
		return error_set(e, -ENOMEM, "the stack would come within "
				 "stack_guard_gap (256 pages) of the VMA at "
				 "%s-%s", fva(m, prev->vm_start),
				 fva(m, prev->vm_end));
	trace_event(m, expand_stack, .old_start = vma->vm_start,
		    .start = start, .size = size, .rlimit = mm->stack_rlimit);
	mm->total_vm += PAGES(vma->vm_start - start);
	vma->vm_pgoff -= PAGES(vma->vm_start - start);
	vma->vm_start = start;
	return 0;
}

const char *
vma_name(const struct mm_struct *mm, const struct vm_area_struct *vma)
{
	if (vma->vm_file != NULL)
		return vma->vm_file->path;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack &&
	    vma->vm_end >= mm->start_stack)
		return "[stack]";
	return "";
}
