// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * exec of an ELF program (cf. fs/exec.c and fs/binfmt_elf.c of Linux 6.1):
 * the stack VMA with argv, envp and the auxiliary vector, one VMA per
 * PT_LOAD (file-backed, private), the bss (zeroed tail of the last file
 * page, anonymous pages after it), brk right after the bss, and the
 * interpreter's segments.  Nothing is read from the file: the pages
 * arrive through page faults.  Address-space randomisation is off
 * (as with `setarch -R`), so every address is reproducible.
 *
 * sim: no vDSO (no AT_SYSINFO_EHDR), no READ_IMPLIES_EXEC personality;
 * an interpreter that cannot be found is reported and skipped where Linux
 * would fail the exec with ENOENT (EACCES when it is not a regular file).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define STACK_EXPAND	(128 * KiB)	/* setup_arg_pages: stack_expand */

static const char *const envp_init[] = { "HOME=/", "TERM=linux" };

struct bprm {
	struct machine *m;
	struct task_struct *t;
	struct mm_struct *mm;
	unsigned ptr;		/* sizeof(elf_addr_t) */
	u64 p;			/* the stack pointer while building */
	u64 exec;		/* AT_EXECFN */
	int argc, envc;
	const char *const *argv;
	u64 *argv_ptrs;		/* where copy_strings() put the strings */
	u64 envp_ptrs[ARRAY_SIZE(envp_init)];
	const struct exec_layout *layout;	/* NULL: Linux's */
	struct error *e;
};

static u64
elf_pagestart(u64 v)
{
	return v & PAGE_MASK;
}

static u64
elf_pageoffset(u64 v)
{
	return v & (PAGE_SIZE - 1);
}

static u64
elf_pagealign(u64 v)
{
	return ALIGN_UP(v, PAGE_SIZE);
}

static unsigned
make_prot(u32 p_flags)
{
	unsigned prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

static int
put_user(struct bprm *b, u64 addr, const void *buf, u64 len)
{
	return access_process_vm(b->m, b->t, addr, (void *)(uintptr_t)buf, len,
				 true, b->e);
}

static int
put_ptr(struct bprm *b, u64 addr, u64 v)
{
	u32 v32 = (u32)v;

	return put_user(b, addr, b->ptr == 8 ? (const void *)&v :
			(const void *)&v32, b->ptr);
}

/* copy_strings(): each string below the previous one */
static int
push_string(struct bprm *b, const char *s)
{
	u64 len = strlen(s) + 1;

	b->p -= len;
	return put_user(b, b->p, s, len);
}

/* elf_map(): map [p_offset, p_offset + p_filesz) page-aligned at addr */
static int
elf_map(struct bprm *b, struct file *f, u64 addr, const struct elf_seg *s,
	unsigned prot, unsigned flags, u64 total_size, u64 *out)
{
	u64 size = s->filesz + elf_pageoffset(s->vaddr);
	u64 off = s->offset - elf_pageoffset(s->vaddr);

	addr = elf_pagestart(addr);
	size = elf_pagealign(size);
	if (size == 0) {
		*out = addr;
		return 0;
	}
	if (total_size) {
		total_size = elf_pagealign(total_size);
		if (do_mmap(b->m, b->mm, f, addr, total_size, prot, flags,
			    off >> PAGE_SHIFT, out, b->e))
			return b->e->code;
		if (total_size > size)
			return do_munmap(b->m, b->mm, *out + size,
					 total_size - size, b->e);
		return 0;
	}
	return do_mmap(b->m, b->mm, f, addr, size, prot, flags,
		       off >> PAGE_SHIFT, out, b->e);
}

static u64
total_mapping_size(const struct elf_info *ei)
{
	int i, first = -1, last = -1;

	for (i = 0; i < ei->nseg; i++)
		if (ei->seg[i].type == PT_LOAD) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0)
		return 0;
	return ei->seg[last].vaddr + ei->seg[last].memsz -
		elf_pagestart(ei->seg[first].vaddr);
}

static u64
maximum_alignment(const struct elf_info *ei)
{
	u64 a = 0;
	int i;

	for (i = 0; i < ei->nseg; i++) {
		u64 p = ei->seg[i].align;

		if (ei->seg[i].type != PT_LOAD || p == 0 || (p & (p - 1)))
			continue;
		a = MAX(a, p);
	}
	return elf_pagealign(a);
}

/* padzero(): zero the rest of the page after elf_bss (clear_user) */
static int
padzero(struct bprm *b, u64 elf_bss)
{
	u64 n = elf_pageoffset(elf_bss);
	static const u8 zero[PAGE_SIZE];

	if (!n)
		return 0;
	n = PAGE_SIZE - n;
	trace_event(b->m, padzero, .addr = elf_bss, .len = n);
	return put_user(b, elf_bss, zero, n);
}

static int
set_brk(struct bprm *b, u64 start, u64 end, unsigned prot)
{
	start = elf_pagealign(start);
	end = elf_pagealign(end);
	if (end > start) {
		trace_event(b->m, set_brk, .start = start, .end = end);
		if (vm_brk_flags(b->m, b->mm, start, end - start,
				 (prot & PROT_EXEC) ? VM_EXEC : 0, b->e))
			return b->e->code;
	}
	b->mm->start_brk = b->mm->brk = end;
	return 0;
}

/* load_elf_interp(): returns the interpreter's load address */
static int
load_elf_interp(struct bprm *b, struct file *f, u64 *load_addr_out)
{
	const struct elf_info *ei = f->elf;
	u64 load_addr = 0, elf_bss = 0, last_bss = 0, total, map_addr;
	bool load_addr_set = false;
	unsigned bss_prot = 0;
	int i;

	total = total_mapping_size(ei);
	for (i = 0; i < ei->nseg; i++) {
		const struct elf_seg *s = &ei->seg[i];
		unsigned prot = make_prot(s->flags), flags = MAP_PRIVATE;
		u64 k;

		if (s->type != PT_LOAD)
			continue;
		if (ei->type == ET_EXEC || load_addr_set) {
			flags |= MAP_FIXED;
		} else if (b->layout != NULL) {
			load_addr = elf_pagestart(b->layout->interp_base -
						  s->vaddr);
			flags |= MAP_FIXED_NOREPLACE;
		}
		if (elf_map(b, f, load_addr + s->vaddr, s, prot, flags, total,
			    &map_addr))
			return b->e->code;
		total = 0;
		if (!load_addr_set && ei->type == ET_DYN) {
			load_addr = map_addr - elf_pagestart(s->vaddr);
			load_addr_set = true;
		}
		k = load_addr + s->vaddr + s->filesz;
		if (k > elf_bss)
			elf_bss = k;
		k = load_addr + s->vaddr + s->memsz;
		if (k > last_bss) {
			last_bss = k;
			bss_prot = prot;
		}
	}
	if (padzero(b, elf_bss))
		return b->e->code;
	elf_bss = elf_pagealign(elf_bss);
	last_bss = elf_pagealign(last_bss);
	if (last_bss > elf_bss && vm_brk_flags(b->m, b->mm, elf_bss,
					       last_bss - elf_bss,
					       (bss_prot & PROT_EXEC) ?
					       VM_EXEC : 0, b->e))
		return b->e->code;
	*load_addr_out = load_addr;
	return 0;
}

static u64
xorshift(u64 *s)
{
	u64 x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

/* create_elf_tables(): platform, AT_RANDOM bytes, auxv, argc, argv, envp */
static int
create_elf_tables(struct bprm *b, const struct elf_info *ei, u64 phdr_addr,
		  u64 interp_load_addr, u64 entry, int argc, int envc,
		  u64 argv0, u64 *argv_ptrs, u64 *envp_ptrs)
{
	struct machine *m = b->m;
	const struct arch_mm *ma = m->arch->mm;
	struct mm_struct *mm = b->mm;
	u64 p = b->p, u_platform, u_rand, sp, items, *aux = mm->auxv, a;
	u8 rnd[16];
	u64 seed = m->opts.seed * 0x9e3779b97f4a7c15ULL + (u64)b->t->pid + 1;
	int n = 0, i;

	(void)argv0;
	if (ma->align_stack16)
		p &= ~15ULL;
	/* ELF_PLATFORM: none on some arches (riscv), then no AT_PLATFORM */
	u_platform = 0;
	if (ma->platform != NULL) {
		p -= strlen(ma->platform) + 1;
		u_platform = p;
		if (put_user(b, p, ma->platform, strlen(ma->platform) + 1))
			return b->e->code;
	}
	for (i = 0; i < 16; i++)
		rnd[i] = (u8)xorshift(&seed);
	p -= sizeof(rnd);
	u_rand = p;
	if (put_user(b, p, rnd, sizeof(rnd)))
		return b->e->code;
#define NEW_AUX_ENT(id, val) do { aux[n++] = (id); aux[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, ma->hwcap);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, ei->phentsize);
	NEW_AUX_ENT(AT_PHNUM, ei->phnum);
	NEW_AUX_ENT(AT_BASE, interp_load_addr);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand);
	NEW_AUX_ENT(AT_HWCAP2, ma->hwcap2);
	NEW_AUX_ENT(AT_EXECFN, b->exec);
	if (u_platform)
		NEW_AUX_ENT(AT_PLATFORM, u_platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	mm->nauxv = n;
	sp = p - (u64)n * b->ptr;
	items = (u64)(argc + 1) + (u64)(envc + 1) + 1;
	sp = (sp - items * b->ptr) & ~15ULL;
	b->p = sp;
	/* the stack VMA must reach sp (find_extend_vma) */
	a = sp;
	if (put_ptr(b, a, (u64)argc))
		return b->e->code;
	a += b->ptr;
	for (i = 0; i < argc; i++, a += b->ptr)
		if (put_ptr(b, a, argv_ptrs[i]))
			return b->e->code;
	if (put_ptr(b, a, 0))
		return b->e->code;
	a += b->ptr;
	for (i = 0; i < envc; i++, a += b->ptr)
		if (put_ptr(b, a, envp_ptrs[i]))
			return b->e->code;
	if (put_ptr(b, a, 0))
		return b->e->code;
	a += b->ptr;
	for (i = 0; i < n; i++, a += b->ptr)
		if (put_ptr(b, a, aux[i]))
			return b->e->code;
	trace_event(m, create_elf_tables, .argc = argc, .argv = sp + b->ptr,
		    .envp = sp + b->ptr * (u64)(argc + 2),
		    .auxv = sp + b->ptr * (u64)(argc + envc + 3),
		    .nauxv = n / 2, .sp = sp);
	return 0;
}

static int
open_elf(struct machine *m, struct file *f, const char *path, bool interp,
	 struct error *e)
{
	if (f->elf == NULL && elf_parse(path, f->data, f->size, &f->elf, e))
		return e ? e->code : -ENOEXEC;
	if (interp && f->elf->type != ET_DYN && f->elf->type != ET_EXEC)
		return error_set(e, -ELIBBAD, "interpreter %s is not an "
				 "executable or shared object", path);
	return elf_check_exec(f->elf, m->arch->elf_machine, m->arch->is64,
			      m->arch->name, m->lay.task_size, e);
}

/* Find and check PT_INTERP; NULL (and a trace event) when unusable. */
static struct file *
open_interp(struct machine *m, const struct elf_info *ei, const char *root)
{
	struct file *f;
	struct error e;
	char *path;

	if (ei->interp == NULL)
		return NULL;
	path = root ? xasprintf("%s%s%s", root,
				ei->interp[0] == '/' ? "" : "/", ei->interp) :
		xstrdup(ei->interp);
	if (file_open(m, path, &f, &e)) {
		/* open_exec(): -EACCES for what is not a regular file */
		trace_event(m, interp_unusable,
			    .interp = trace_str(m, ei->interp),
			    .why = trace_str(m, e.msg),
			    .err = e.code == -EISDIR || e.code == -EINVAL ?
			    EACCES : -e.code);
		free(path);
		return NULL;
	}
	if (open_elf(m, f, path, true, &e)) {
		trace_event(m, interp_unusable,
			    .interp = trace_str(m, ei->interp),
			    .why = trace_str(m, e.msg), .err = ELIBBAD,
			    .bad_elf = true);
		fput(m, f);
		free(path);
		return NULL;
	}
	free(f->path);
	f->path = xstrdup(ei->interp);
	free(path);
	return f;
}

static const char *
base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* PT_GNU_STACK: is the stack executable (without the header: yes)? */
static bool
elf_exec_stack(const struct elf_info *ei)
{
	bool exec_stack = true;
	int i;

	for (i = 0; i < ei->nseg; i++)
		if (ei->seg[i].type == PT_GNU_STACK)
			exec_stack = ei->seg[i].flags & PF_X;
	return exec_stack;
}

/*
 * bprm_mm_init() and setup_arg_pages(): the stack VMA below STACK_TOP,
 * for the strings and stack_expand.
 */
static int
setup_arg_pages(struct bprm *b, const char *path, bool exec_stack)
{
	struct machine *m = b->m;
	struct mm_struct *mm = b->mm;
	struct vm_area_struct *v;
	u64 strings = strlen(path) + 1, stack_lo;
	int i;

	for (i = 0; i < b->argc; i++)
		strings += strlen(b->argv[i]) + 1;
	for (i = 0; i < b->envc; i++)
		strings += strlen(envp_init[i]) + 1;
	stack_lo = elf_pagestart(mm->stack_top - b->ptr - strings);
	if (mm->stack_top - stack_lo > PAGE_SIZE * 32)
		return error_set(b->e, -E2BIG, "the arguments take %llu bytes: "
				 "more than the 128K exec allows here",
				 (unsigned long long)strings);
	v = vma_alloc(mm);
	v->vm_start = stack_lo - STACK_EXPAND;
	v->vm_end = mm->stack_top;
	v->vm_flags = VM_STACK_FLAGS | (exec_stack ? VM_EXEC : 0);
	v->vm_page_prot = vm_get_page_prot(v->vm_flags);
	v->vm_pgoff = v->vm_start >> PAGE_SHIFT;
	vma_link(mm, v);
	mm->total_vm += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	mm->start_stack = mm->stack_top - b->ptr;	/* for [stack] */
	trace_event(m, setup_arg_pages, .start = v->vm_start,
		    .end = v->vm_end, .exec_stack = exec_stack);
	return 0;
}

/* copy_strings(): the path, envp and argv, from the top of the stack down */
static int
copy_strings(struct bprm *b, const char *path)
{
	struct mm_struct *mm = b->mm;
	int i;

	b->p = mm->stack_top - b->ptr;
	if (push_string(b, path))
		return -1;
	b->exec = b->p;
	for (i = b->envc - 1; i >= 0; i--) {
		if (push_string(b, envp_init[i]))
			return -1;
		b->envp_ptrs[i] = b->p;
	}
	b->argv_ptrs = xcalloc((size_t)b->argc, sizeof(*b->argv_ptrs));
	for (i = b->argc - 1; i >= 0; i--) {
		if (push_string(b, b->argv[i]))
			return -1;
		b->argv_ptrs[i] = b->p;
	}
	mm->arg_start = b->p;
	mm->arg_end = mm->env_start = b->envp_ptrs[0];
	mm->env_end = b->exec;
	return 0;
}

/* What load_elf_binary() learns from the PT_LOADs, as Linux's locals. */
struct elf_load {
	bool first;		/* the first PT_LOAD is still to come */
	u64 load_bias;
	u64 elf_bss, elf_brk;
	u64 start_code, end_code, start_data, end_data;
	u64 phdr_addr;
	unsigned bss_prot;
};

/* The first PT_LOAD of an ET_DYN: where the image goes (its load_bias). */
static u64
et_dyn_load_bias(struct bprm *b, const struct elf_info *ei,
		 const struct elf_seg *s, unsigned *flags)
{
	struct machine *m = b->m;
	u64 load_bias;

	if (b->layout != NULL) {
		/* another loader's placement: the PIE where it put it */
		load_bias = b->layout->pie_base;
		*flags |= MAP_FIXED_NOREPLACE;
		trace_event(m, load_bias, .base = load_bias, .layout = true);
	} else if (ei->interp != NULL) {
		/* a PIE with PT_INTERP (found or not) is a program */
		u64 align = maximum_alignment(ei);

		load_bias = m->arch->mm->et_dyn_base(m);
		if (align)
			load_bias &= ~(align - 1);
		*flags |= MAP_FIXED_NOREPLACE;
		trace_event(m, load_bias, .base = m->arch->mm->et_dyn_base(m),
			    .align = align, .interp = true);
	} else {
		load_bias = 0;
		trace_event(m, load_bias);
	}
	return elf_pagestart(load_bias - s->vaddr);
}

/* start_code ... elf_brk: how far the PT_LOADs reach so far */
static void
elf_extent(struct elf_load *l, const struct elf_seg *s, unsigned prot)
{
	u64 k = s->vaddr;

	if ((s->flags & PF_X) && k < l->start_code)
		l->start_code = k;
	if (l->start_data < k)
		l->start_data = k;
	k = s->vaddr + s->filesz;
	if (k > l->elf_bss)
		l->elf_bss = k;
	if ((s->flags & PF_X) && l->end_code < k)
		l->end_code = k;
	if (l->end_data < k)
		l->end_data = k;
	k = s->vaddr + s->memsz;
	if (k > l->elf_brk) {
		l->bss_prot = prot;
		l->elf_brk = k;
	}
}

/* One PT_LOAD of load_elf_binary(): the bss before it, then elf_map() */
static int
elf_load_segment(struct bprm *b, struct file *f, int i, struct elf_load *l)
{
	struct machine *m = b->m;
	const struct elf_info *ei = f->elf;
	const struct elf_seg *s = &ei->seg[i];
	unsigned prot = make_prot(s->flags), flags = MAP_PRIVATE;
	u64 total = 0, addr;

	if (l->elf_brk > l->elf_bss) {
		u64 nb = elf_pageoffset(l->elf_bss);
		static const u8 zero[PAGE_SIZE];

		if (set_brk(b, l->elf_bss + l->load_bias,
			    l->elf_brk + l->load_bias, l->bss_prot))
			return -1;
		if (nb) {
			nb = MIN(PAGE_SIZE - nb, l->elf_brk - l->elf_bss);
			put_user(b, l->elf_bss + l->load_bias, zero, nb);
		}
	}
	if (!l->first) {
		flags |= MAP_FIXED;
	} else if (ei->type == ET_EXEC) {
		flags |= MAP_FIXED_NOREPLACE;
	} else {
		l->load_bias = et_dyn_load_bias(b, ei, s, &flags);
		total = total_mapping_size(ei);
	}
	trace_event(m, elf_map, .phdr = i, .prot = prot, .offset = s->offset,
		    .filesz = s->filesz, .addr = l->load_bias + s->vaddr,
		    .memsz = s->memsz);
	if (elf_map(b, f, l->load_bias + s->vaddr, s, prot, flags, total,
		    &addr))
		return -1;
	if (l->first) {
		l->first = false;
		if (ei->type == ET_DYN)
			l->load_bias += addr - elf_pagestart(l->load_bias +
							     s->vaddr);
	}
	if (s->offset <= ei->phoff && ei->phoff < s->offset + s->filesz)
		l->phdr_addr = ei->phoff - s->offset + s->vaddr;
	elf_extent(l, s, prot);
	return 0;
}

/*
 * load_elf_binary(): the PT_LOADs, the bss and brk, the interpreter, the
 * auxiliary vector, and the registers the program starts with.
 */
static int
load_elf_binary(struct bprm *b, struct file *f, struct file *interp)
{
	struct machine *m = b->m;
	struct mm_struct *mm = b->mm;
	struct task_struct *t = b->t;
	const struct elf_info *ei = f->elf;
	struct elf_load l = { .first = true, .start_code = ~0ULL };
	u64 entry, interp_load = 0;
	int i;

	for (i = 0; i < ei->nseg; i++)
		if (ei->seg[i].type == PT_LOAD &&
		    elf_load_segment(b, f, i, &l))
			return -1;
	if (l.start_code == ~0ULL)
		l.start_code = 0;
	entry = ei->entry + l.load_bias;
	l.elf_bss += l.load_bias;
	l.elf_brk += l.load_bias;
	mm->start_code = l.start_code + l.load_bias;
	mm->end_code = l.end_code + l.load_bias;
	mm->start_data = l.start_data + l.load_bias;
	mm->end_data = l.end_data + l.load_bias;
	if (set_brk(b, l.elf_bss, l.elf_brk, l.bss_prot))
		return -1;
	if (l.elf_bss != l.elf_brk && padzero(b, l.elf_bss))
		return -1;
	mm->img[0].file = get_file(f);
	mm->img[0].bias = l.load_bias;

	t->entry = entry;
	if (interp != NULL) {
		trace_event(m, load_elf_interp,
			    .path = trace_str(m, interp->path));
		if (load_elf_interp(b, interp, &interp_load))
			return -1;
		t->entry = interp_load + interp->elf->entry;
		mm->img[1].file = get_file(interp);
		mm->img[1].bias = interp_load;
	}
	if (create_elf_tables(b, ei, l.phdr_addr + l.load_bias, interp_load,
			      entry, b->argc, b->envc, 0, b->argv_ptrs,
			      b->envp_ptrs))
		return -1;
	mm->start_stack = b->p;
	t->sp = b->p;
	trace_event(m, start_thread, .pc = t->entry, .sp = t->sp,
		    .brk = mm->brk);
	return 0;
}

/* bprm_execve(): the new stack and its strings, then the binary */
static int
bprm_execve(struct bprm *b, const struct exec_args *a, struct file *f,
	    struct file *interp)
{
	if (setup_arg_pages(b, a->path, elf_exec_stack(f->elf)) ||
	    copy_strings(b, a->path))
		return -1;
	return load_elf_binary(b, f, interp);
}

int
do_execve(struct machine *m, const struct exec_args *a,
	  struct task_struct **out, struct error *e)
{
	struct task_struct *cur = current_task(m), *t;
	struct file *f = a->file, *interp = NULL;
	const struct elf_info *ei;
	struct mm_struct *mm;
	struct bprm b;
	int r;

	*out = NULL;
	if (f == NULL) {
		if (file_open(m, a->path, &f, e))
			return e->code;
	} else {
		get_file(f);
	}
	if (open_elf(m, f, a->path, false, e)) {
		fput(m, f);
		return e->code;
	}
	ei = f->elf;

	t = task_alloc(m, cur ? cur->pid : 0, base_name(a->path));
	if (t == NULL) {
		error_set(e, -EAGAIN, "no free pid");
		goto fail_files;
	}
	trace_event(m, exec, .path = trace_str(m, a->path), .pid = t->pid,
		    .type = ei->type, .machine = ei->machine);
	interp = open_interp(m, ei, a->root);
	mm = mm_alloc(m, e);
	if (mm == NULL) {
		task_unlink(m, t);
		free(t);
		goto fail_files;
	}
	t->mm = mm;
	memset(&b, 0, sizeof(b));
	b.m = m;
	b.t = t;
	b.mm = mm;
	b.e = e;
	b.ptr = m->arch->is64 ? 8 : 4;
	b.argc = a->argc > 0 ? a->argc : 1;
	b.argv = a->argc > 0 ? (const char *const *)a->argv :
		(const char *const *)&a->path;
	b.envc = (int)ARRAY_SIZE(envp_init);
	b.layout = a->layout;
	if (a->layout != NULL)
		mm->stack_top = a->layout->stack_top;
	trace_event(m, exec_mm_alloc, .task_size = mm->task_size,
		    .stack_top = mm->stack_top, .mmap_base = mm->mmap_base);
	if (bprm_execve(&b, a, f, interp))
		goto fail;
	free(b.argv_ptrs);
	fput(m, f);
	if (interp != NULL)
		fput(m, interp);
	*out = t;
	return 0;
fail:
	r = e->code;
	free(b.argv_ptrs);
	task_unlink(m, t);
	mmput(m, t->mm);
	free(t);
	e->code = r;
fail_files:
	fput(m, f);
	if (interp != NULL)
		fput(m, interp);
	return e->code ? e->code : -ENOEXEC;
}

/*
 * The built-in demo programs (testdata/elf/demo-ARCH, embedded at build
 * time): the default machine starts pid 1 running the one built for its
 * ELF machine and class.
 */
extern const unsigned char *const demo_elf[];
extern const unsigned long demo_elf_size[];

static bool
demo_runs_here(const struct machine *m, const unsigned char *d,
	       unsigned long n)
{
	Elf32_Half machine;

	if (n < sizeof(Elf32_Ehdr) || memcmp(d, ELFMAG, SELFMAG))
		return false;
	/* e_machine: the same offset in both classes, little-endian */
	memcpy(&machine, d + offsetof(Elf32_Ehdr, e_machine),
	       sizeof(machine));
	return machine == m->arch->elf_machine &&
		d[EI_CLASS] == (m->arch->is64 ? ELFCLASS64 : ELFCLASS32);
}

int
exec_demo(struct machine *m, struct task_struct **out, struct error *e)
{
	const unsigned char *data = NULL;
	unsigned long len = 0;
	struct exec_args a;
	struct file *f;
	int i, r;

	for (i = 0; demo_elf[i] != NULL && data == NULL; i++)
		if (demo_runs_here(m, demo_elf[i], demo_elf_size[i])) {
			data = demo_elf[i];
			len = demo_elf_size[i];
		}
	if (data == NULL) {
		*out = NULL;
		return 0;
	}
	f = file_from_memory(m, "/bin/demo", data, len);
	memset(&a, 0, sizeof(a));
	a.path = "/bin/demo";
	a.file = f;
	r = do_execve(m, &a, out, e);
	fput(m, f);
	return r;
}
