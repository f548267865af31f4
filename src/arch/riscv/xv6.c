// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * xv6-riscv (github.com/mit-pdos/xv6-riscv, the teaching kernel of MIT
 * 6.1810) as --kernel xv6 models it: main()'s kinit (kalloc's free list
 * over [end, PHYSTOP)), kvminit (kvmmake: the devices, the kernel's text
 * and data, the trampoline, proc_mapstacks' kernel stacks), procinit,
 * virtio_disk_init's three pages and userinit (allocproc, uvmfirst of
 * initcode), then initcode's exec of the program -e names, as exec.c loads
 * it.  kernel/vm.c's walk, mappages, uvmalloc, uvmdealloc, uvmunmap,
 * freewalk, uvmclear and proc.c's proc_pagetable, proc_freepagetable and
 * growproc are followed call for call, so that kalloc hands out the pages
 * in xv6's order.  A panic of xv6 is an error naming it.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/elf.h"
#include "ptwalk/ksym.h"
#include "ptwalk/machine.h"
#include "riscv.h"

/* kernel/memlayout.h, riscv.h, param.h */
#define PGSIZE		4096ULL
#define KERNBASE	0x80000000ULL
#define PHYSTOP		(KERNBASE + 128 * MiB)
#define UART0		0x10000000ULL
#define VIRTIO0		0x10001000ULL
#define PLIC		0x0c000000ULL
#define PLIC_SIZE	0x400000ULL
#define MAXVA		(1ULL << (9 + 9 + 9 + 12 - 1))
#define TRAMPOLINE	(MAXVA - PGSIZE)
#define TRAPFRAME	(TRAMPOLINE - PGSIZE)
#define KSTACK(p)	(TRAMPOLINE - ((u64)(p) + 1) * 2 * PGSIZE)
#define NPROC		64
#define USERSTACK	1
#define MAXARG		32
#define MAXFILE_BYTES	((12 + 256) * 1024ULL)	/* (NDIRECT+NINDIRECT)*BSIZE */
/* the kernel testdata/xv6/make-xv6.sh built (testdata/xv6/kernel.sym) */
#define XV6_ETEXT	0x80008000ULL
#define XV6_END		0x80021d60ULL
#define XV6_TRAMPOLINE	0x80007000ULL

#define PTE_V		RV_V
#define PTE_R		RV_R
#define PTE_W		RV_W
#define PTE_X		RV_X
#define PTE_U		RV_U
#define PA2PTE(pa)	(((pa) >> 12) << 10)
#define PTE2PA(pte)	(((pte) >> 10) << 12)
#define PTE_FLAGS(pte)	((pte) & 0x3FF)
#define PX(l, va)	(((va) >> (12 + 9 * (l))) & 0x1FF)
#define PGROUNDUP(a)	(((a) + PGSIZE - 1) & ~(PGSIZE - 1))

/* user/initcode.S as proc.c embeds it: exec("/init", ...), exit */
static const u8 initcode[] = {
	0x17, 0x05, 0x00, 0x00, 0x13, 0x05, 0x45, 0x02,
	0x97, 0x05, 0x00, 0x00, 0x93, 0x85, 0x35, 0x02,
	0x93, 0x08, 0x70, 0x00, 0x73, 0x00, 0x00, 0x00,
	0x93, 0x08, 0x20, 0x00, 0x73, 0x00, 0x00, 0x00,
	0xef, 0xf0, 0x9f, 0xff, 0x2f, 0x69, 0x6e, 0x69,
	0x74, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00
};

/* the programs of testdata/xv6, embedded by the build (tools/bin2c.sh) */
extern const char *const xv6_elf_name[];
extern const unsigned char *const xv6_elf[];
extern const unsigned long xv6_elf_size[];

struct xv6_proc {
	int pid;		/* 0: UNUSED */
	char name[16];
	u64 kstack, trapframe, pagetable, sz, entry, sp;
	struct elf_info *elf;	/* the program's symbols (dis, x/i) */
};

struct xv6 {
	/*
	 * kmem.freelist: freerange() pushed [end, PHYSTOP) from the bottom
	 * up, so the list runs down from PHYSTOP - PGSIZE; fresh is the top
	 * of what is left of that run, and freed[] what kfree() pushed since
	 * (the head last).
	 */
	u64 fresh, floor;
	u64 *freed;
	size_t nfreed, afreed;
	u64 kernel_pagetable;
	int nextpid;
	struct xv6_proc proc[NPROC];
	struct xv6_proc *cur;
	struct machine *m;
	struct error *e;	/* where a panic goes */
	int panicked;
};

static struct xv6 *
X(struct machine *m)
{
	return m->okern;
}

static int
xpanic(struct xv6 *x, const char *what)
{
	if (!x->panicked)
		error_set(x->e, -EINVAL, "xv6 panic: %s", what);
	x->panicked = 1;
	return -1;
}

static u64
rd(struct xv6 *x, u64 pa)
{
	u64 v = 0;

	phys_read_entry(&x->m->phys, pa, 8, &v);
	return v;
}

static void
wr(struct xv6 *x, u64 pa, u64 v)
{
	phys_write_entry(&x->m->phys, pa, 8, v);
}

static void
fill(struct xv6 *x, u64 pa, int c)
{
	static u8 page[PGSIZE];

	memset(page, c, sizeof(page));
	phys_write(&x->m->phys, pa, page, PGSIZE, NULL);
}

/*
 * kalloc.c
 */

static u64
freelist_head(const struct xv6 *x)
{
	if (x->nfreed)
		return x->freed[x->nfreed - 1];
	return x->fresh > x->floor ? x->fresh - PGSIZE : 0;
}

static int
kfree(struct xv6 *x, u64 pa)
{
	u64 next = freelist_head(x);

	if ((pa % PGSIZE) != 0 || pa < XV6_END || pa >= PHYSTOP)
		return xpanic(x, "kfree");
	fill(x, pa, 1);		/* junk */
	wr(x, pa, next);	/* r->next = kmem.freelist */
	if (x->nfreed == x->afreed) {
		x->afreed = x->afreed ? 2 * x->afreed : 64;
		x->freed = xrealloc(x->freed, x->afreed * sizeof(*x->freed));
	}
	x->freed[x->nfreed++] = pa;
	return 0;
}

static u64
kalloc(struct xv6 *x)
{
	u64 pa;

	if (x->nfreed)
		pa = x->freed[--x->nfreed];
	else if (x->fresh > x->floor)
		pa = x->fresh -= PGSIZE;
	else
		return 0;
	fill(x, pa, 5);		/* junk */
	return pa;
}

/*
 * vm.c
 */

static u64
walk(struct xv6 *x, u64 pt, u64 va, int alloc)
{
	int level;

	if (va >= MAXVA)
		return xpanic(x, "walk"), 0;
	for (level = 2; level > 0; level--) {
		u64 pte_pa = pt + PX(level, va) * 8, pte = rd(x, pte_pa);

		if (pte & PTE_V) {
			pt = PTE2PA(pte);
		} else {
			if (!alloc || (pt = kalloc(x)) == 0)
				return 0;
			fill(x, pt, 0);
			wr(x, pte_pa, PA2PTE(pt) | PTE_V);
		}
	}
	return pt + PX(0, va) * 8;
}

static u64
walkaddr(struct xv6 *x, u64 pt, u64 va)
{
	u64 pte_pa, pte;

	if (va >= MAXVA || (pte_pa = walk(x, pt, va, 0)) == 0)
		return 0;
	pte = rd(x, pte_pa);
	if (!(pte & PTE_V) || !(pte & PTE_U))
		return 0;
	return PTE2PA(pte);
}

static int
mappages(struct xv6 *x, u64 pt, u64 va, u64 size, u64 pa, u64 perm)
{
	u64 a, last, pte_pa;

	if (size == 0)
		return xpanic(x, "mappages: size");
	a = va & ~(PGSIZE - 1);
	last = (va + size - 1) & ~(PGSIZE - 1);
	for (;;) {
		if ((pte_pa = walk(x, pt, a, 1)) == 0)
			return -1;
		if (rd(x, pte_pa) & PTE_V)
			return xpanic(x, "mappages: remap");
		wr(x, pte_pa, PA2PTE(pa) | perm | PTE_V);
		if (a == last)
			break;
		a += PGSIZE;
		pa += PGSIZE;
	}
	return 0;
}

static int
uvmunmap(struct xv6 *x, u64 pt, u64 va, u64 npages, int do_free)
{
	u64 a, pte_pa, pte;

	if ((va % PGSIZE) != 0)
		return xpanic(x, "uvmunmap: not aligned");
	for (a = va; a < va + npages * PGSIZE; a += PGSIZE) {
		if ((pte_pa = walk(x, pt, a, 0)) == 0)
			return xpanic(x, "uvmunmap: walk");
		pte = rd(x, pte_pa);
		if (!(pte & PTE_V))
			return xpanic(x, "uvmunmap: not mapped");
		if (PTE_FLAGS(pte) == PTE_V)
			return xpanic(x, "uvmunmap: not a leaf");
		if (do_free && kfree(x, PTE2PA(pte)))
			return -1;
		wr(x, pte_pa, 0);
	}
	return 0;
}

static u64
uvmdealloc(struct xv6 *x, u64 pt, u64 oldsz, u64 newsz)
{
	if (newsz >= oldsz)
		return oldsz;
	if (PGROUNDUP(newsz) < PGROUNDUP(oldsz))
		uvmunmap(x, pt, PGROUNDUP(newsz),
			 (PGROUNDUP(oldsz) - PGROUNDUP(newsz)) / PGSIZE, 1);
	return newsz;
}

static u64
uvmalloc(struct xv6 *x, u64 pt, u64 oldsz, u64 newsz, u64 xperm)
{
	u64 a, mem;

	if (newsz < oldsz)
		return oldsz;
	oldsz = PGROUNDUP(oldsz);
	for (a = oldsz; a < newsz; a += PGSIZE) {
		if ((mem = kalloc(x)) == 0) {
			uvmdealloc(x, pt, a, oldsz);
			return 0;
		}
		fill(x, mem, 0);
		if (mappages(x, pt, a, PGSIZE, mem, PTE_R | PTE_U | xperm)) {
			kfree(x, mem);
			uvmdealloc(x, pt, a, oldsz);
			return 0;
		}
	}
	return newsz;
}

static int
freewalk(struct xv6 *x, u64 pt)
{
	int i;

	for (i = 0; i < 512; i++) {
		u64 pte = rd(x, pt + i * 8);

		if ((pte & PTE_V) && (pte & (PTE_R | PTE_W | PTE_X)) == 0) {
			if (freewalk(x, PTE2PA(pte)))
				return -1;
			wr(x, pt + i * 8, 0);
		} else if (pte & PTE_V) {
			return xpanic(x, "freewalk: leaf");
		}
	}
	return kfree(x, pt);
}

static int
uvmfree(struct xv6 *x, u64 pt, u64 sz)
{
	if (sz > 0 && uvmunmap(x, pt, 0, PGROUNDUP(sz) / PGSIZE, 1))
		return -1;
	return freewalk(x, pt);
}

static int
uvmclear(struct xv6 *x, u64 pt, u64 va)
{
	u64 pte_pa = walk(x, pt, va, 0);

	if (pte_pa == 0)
		return xpanic(x, "uvmclear");
	wr(x, pte_pa, rd(x, pte_pa) & ~PTE_U);
	return 0;
}

static int
copyout(struct xv6 *x, u64 pt, u64 dstva, const void *src, u64 len)
{
	const u8 *s = src;

	while (len > 0) {
		u64 va0 = dstva & ~(PGSIZE - 1), pa0 = walkaddr(x, pt, va0);
		u64 n = PGSIZE - (dstva - va0);

		if (pa0 == 0)
			return -1;
		n = MIN(n, len);
		phys_write(&x->m->phys, pa0 + (dstva - va0), s, n, NULL);
		len -= n;
		s += n;
		dstva = va0 + PGSIZE;
	}
	return 0;
}

/*
 * proc.c
 */

static u64
proc_pagetable(struct xv6 *x, struct xv6_proc *p)
{
	u64 pt = kalloc(x);	/* uvmcreate() */

	if (pt == 0)
		return 0;
	fill(x, pt, 0);
	if (mappages(x, pt, TRAMPOLINE, PGSIZE, XV6_TRAMPOLINE,
		     PTE_R | PTE_X) < 0) {
		uvmfree(x, pt, 0);
		return 0;
	}
	if (mappages(x, pt, TRAPFRAME, PGSIZE, p->trapframe,
		     PTE_R | PTE_W) < 0) {
		uvmunmap(x, pt, TRAMPOLINE, 1, 0);
		uvmfree(x, pt, 0);
		return 0;
	}
	return pt;
}

static int
proc_freepagetable(struct xv6 *x, u64 pt, u64 sz)
{
	if (uvmunmap(x, pt, TRAMPOLINE, 1, 0) ||
	    uvmunmap(x, pt, TRAPFRAME, 1, 0))
		return -1;
	return uvmfree(x, pt, sz);
}

static struct xv6_proc *
allocproc(struct xv6 *x)
{
	struct xv6_proc *p;

	for (p = x->proc; p < &x->proc[NPROC]; p++)
		if (p->pid == 0)
			break;
	if (p == &x->proc[NPROC])
		return NULL;
	p->pid = x->nextpid++;
	if ((p->trapframe = kalloc(x)) == 0 ||
	    (p->pagetable = proc_pagetable(x, p)) == 0) {
		p->pid = 0;
		return NULL;
	}
	return p;
}

/*
 * kvmmake(): every mapping of the kernel's page table, then
 * proc_mapstacks(): a kalloc'ed stack per proc slot with an unmapped
 * guard page below it.
 */
/* kvmmap(kpgtbl, va, pa, sz, perm): mappages, or panic */
static int
kvmmap(struct xv6 *x, u64 k, u64 va, u64 pa, u64 sz, u64 perm)
{
	if (mappages(x, k, va, sz, pa, perm) != 0)
		return xpanic(x, "kvmmap");
	return 0;
}

static int
kvmmake(struct xv6 *x)
{
	u64 k = kalloc(x);
	int i;

	if (k == 0)
		return xpanic(x, "kalloc");
	fill(x, k, 0);
	x->kernel_pagetable = k;
	if (kvmmap(x, k, UART0, UART0, PGSIZE, PTE_R | PTE_W) ||
	    kvmmap(x, k, VIRTIO0, VIRTIO0, PGSIZE, PTE_R | PTE_W) ||
	    kvmmap(x, k, PLIC, PLIC, PLIC_SIZE, PTE_R | PTE_W) ||
	    kvmmap(x, k, KERNBASE, KERNBASE, XV6_ETEXT - KERNBASE,
		   PTE_R | PTE_X) ||
	    kvmmap(x, k, XV6_ETEXT, XV6_ETEXT, PHYSTOP - XV6_ETEXT,
		   PTE_R | PTE_W) ||
	    kvmmap(x, k, TRAMPOLINE, XV6_TRAMPOLINE, PGSIZE, PTE_R | PTE_X))
		return -1;
	for (i = 0; i < NPROC; i++) {
		u64 pa = kalloc(x);

		if (pa == 0)
			return xpanic(x, "kalloc");
		if (kvmmap(x, k, KSTACK(i), pa, PGSIZE, PTE_R | PTE_W))
			return -1;
	}
	return 0;
}

/*
 * exec.c
 */

struct xv6_image {
	const u8 *data;
	u64 size;
	u8 *owned;
};

/* -e NAME: a program of testdata/xv6 ("_ls" or "ls") or a file */
static int
xv6_find(const char *path, struct xv6_image *im, struct error *e)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	FILE *f;
	long n;
	int i;

	memset(im, 0, sizeof(*im));
	for (i = 0; xv6_elf_name[i] != NULL && !strchr(path, '/'); i++)
		if (!strcmp(xv6_elf_name[i], base) ||
		    !strcmp(xv6_elf_name[i] + 1, base)) {
			im->data = xv6_elf[i];
			im->size = xv6_elf_size[i];
			return 0;
		}
	f = fopen(path, "rb");
	if (f == NULL)
		return error_set(e, -ENOENT, "%s: no such xv6 program (built "
				 "in: _init, _sh, _ls, _cat, _echo, _grep, "
				 "_wc) and no such file", path);
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    (u64)n > MAXFILE_BYTES) {
		fclose(f);
		return error_set(e, -EFBIG, "%s: an xv6 file holds at most "
				 "%llu bytes (MAXFILE blocks of 1K)", path,
				 (unsigned long long)MAXFILE_BYTES);
	}
	rewind(f);
	im->owned = xmalloc((size_t)n + 1);
	if (fread(im->owned, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(im->owned);
		return error_set(e, -EIO, "%s: cannot read it", path);
	}
	fclose(f);
	im->data = im->owned;
	im->size = (u64)n;
	return 0;
}

/* exec.c's flags2perm(): PF_X and PF_W; uvmalloc adds R and U */
static u64
flags2perm(u32 flags)
{
	u64 perm = 0;

	if (flags & 0x1)
		perm = PTE_X;
	if (flags & 0x2)
		perm |= PTE_W;
	return perm;
}

/* the LOAD segments into pt, as exec's loop; *szp grows */
static int
load_segments(struct xv6 *x, u64 pt, const struct xv6_image *im,
	      const Elf64_Ehdr *eh, u64 *szp)
{
	Elf64_Phdr ph;
	u64 off, sz = *szp, sz1, a;
	int i;

	for (i = 0, off = eh->e_phoff; i < eh->e_phnum;
	     i++, off += sizeof(ph)) {
		if (off + sizeof(ph) > im->size)
			return -1;
		memcpy(&ph, im->data + off, sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_memsz < ph.p_filesz ||
		    ph.p_vaddr + ph.p_memsz < ph.p_vaddr ||
		    ph.p_vaddr % PGSIZE != 0 ||
		    ph.p_offset + ph.p_filesz > im->size ||
		    ph.p_vaddr + ph.p_memsz >= TRAPFRAME)
			return -1;
		sz1 = uvmalloc(x, pt, sz, ph.p_vaddr + ph.p_memsz,
			       flags2perm(ph.p_flags));
		*szp = sz1 ? sz1 : sz;
		if (sz1 == 0)
			return -1;
		sz = sz1;
		/* loadseg() */
		for (a = 0; a < ph.p_filesz; a += PGSIZE) {
			u64 pa = walkaddr(x, pt, ph.p_vaddr + a);

			if (pa == 0)
				return xpanic(x, "loadseg: address should "
					      "exist");
			phys_write(&x->m->phys, pa, im->data + ph.p_offset + a,
				   MIN(PGSIZE, ph.p_filesz - a), NULL);
		}
	}
	return 0;
}

/* the stack: a guard page then USERSTACK pages, argv copied out */
static int
setup_stack(struct xv6 *x, u64 pt, u64 *szp, const char *arg, u64 *spp)
{
	u64 sz = PGROUNDUP(*szp), sz1, sp, stackbase, ustack[2];

	sz1 = uvmalloc(x, pt, sz, sz + (USERSTACK + 1) * PGSIZE, PTE_W);
	if (sz1 == 0)
		return -1;
	*szp = sz = sz1;
	if (uvmclear(x, pt, sz - (USERSTACK + 1) * PGSIZE))
		return -1;
	sp = sz;
	stackbase = sp - USERSTACK * PGSIZE;
	sp -= strlen(arg) + 1;
	sp -= sp % 16;
	if (sp < stackbase || copyout(x, pt, sp, arg, strlen(arg) + 1))
		return -1;
	ustack[0] = sp;
	ustack[1] = 0;
	sp -= 2 * sizeof(u64);
	sp -= sp % 16;
	if (sp < stackbase || copyout(x, pt, sp, ustack, sizeof(ustack)))
		return -1;
	*spp = sp;
	return 0;
}

static int
check_elf(const struct xv6_image *im, const char *path, Elf64_Ehdr *eh,
	  struct error *e)
{
	if (im->size < sizeof(*eh) || memcmp(im->data, ELFMAG, SELFMAG))
		return error_set(e, -ENOEXEC, "%s: not an ELF file (xv6's "
				 "exec wants ELF_MAGIC)", path);
	memcpy(eh, im->data, sizeof(*eh));
	if (im->data[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_RISCV)
		return error_set(e, -ENOEXEC, "%s: not a RISC-V program "
				 "(ELF class %u, e_machine %u): xv6 runs "
				 "64-bit RISC-V (EM_RISCV, 243) programs", path,
				 im->data[EI_CLASS], eh->e_machine);
	return 0;
}

/* exec(path, {"/" + name}): the new image, then the old one freed */
static int
xv6_exec(struct xv6 *x, struct xv6_proc *p, const char *path,
	 struct error *e)
{
	struct xv6_image im;
	struct error ee;
	Elf64_Ehdr eh;
	char arg[18];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	u64 argpg, pt, sz = 0, sp = 0, oldpt = p->pagetable, oldsz = p->sz;
	int r = -1;

	if (xv6_find(path, &im, e))
		return -1;
	if (check_elf(&im, path, &eh, e))
		goto out;
	if (*base == '_')
		base++;
	snprintf(arg, sizeof(arg), "/%s", base);
	x->e = e;
	argpg = kalloc(x);		/* sys_exec's copy of argv[0] */
	if (argpg == 0 || (pt = proc_pagetable(x, p)) == 0) {
		error_set(e, -ENOMEM, "%s: exec: out of memory", path);
		goto out;
	}
	if (load_segments(x, pt, &im, &eh, &sz) ||
	    setup_stack(x, pt, &sz, arg, &sp)) {
		if (!x->panicked)
			error_set(e, -ENOEXEC, "%s: exec failed (a LOAD "
				  "segment xv6 refuses, or no memory)", path);
		proc_freepagetable(x, pt, sz);
		kfree(x, argpg);
		goto out;
	}
	snprintf(p->name, sizeof(p->name), "%s", base);
	elf_free(p->elf);	/* symbols only: xv6 reads none of them */
	p->elf = NULL;
	if (elf_parse(path, im.data, im.size, &p->elf, &ee))
		p->elf = NULL;
	p->pagetable = pt;
	p->sz = sz;
	p->entry = eh.e_entry;
	p->sp = sp;
	r = proc_freepagetable(x, oldpt, oldsz) || kfree(x, argpg) ? -1 : 0;
out:
	free(im.owned);
	return r;
}

/*
 * The machine
 */

static void
run_on_cpu0(struct machine *m, struct xv6_proc *p)
{
	struct cpu *c = &m->cpu[0];

	/* usertrapret(): satp = MAKE_SATP(p->pagetable), sfence.vma */
	c->root[0] = p->pagetable;
	c->root_valid[0] = true;
	c->asid = 0;
	c->pid = p->pid;
	c->regs[0] = riscv_satp(&m->mmu, p->pagetable, 0);
	tlb_flush_all(&c->tlb);
	X(m)->cur = p;
}

static int
xv6_boot(struct machine *m, struct error *e)
{
	struct xv6 *x = X(m);
	const char *prog = m->opts.exec ? m->opts.exec : "_init";
	struct xv6_proc *p;
	int i;

	x->e = e;
	for (i = 0; i < NPROC; i++)	/* procinit() */
		x->proc[i].kstack = KSTACK(i);
	for (i = 0; i < 3; i++) {	/* virtio_disk_init(): desc, avail, used */
		u64 pa = kalloc(x);

		if (pa == 0)
			return xpanic(x, "virtio disk kalloc");
		fill(x, pa, 0);
	}
	p = allocproc(x);		/* userinit() */
	if (p == NULL)
		return xpanic(x, "userinit");
	if (uvmalloc(x, p->pagetable, 0, PGSIZE, PTE_W | PTE_X) == 0)
		return xpanic(x, "uvmfirst");
	phys_write(&m->phys, walkaddr(x, p->pagetable, 0), initcode,
		   sizeof(initcode), NULL);
	p->sz = PGSIZE;
	p->sp = PGSIZE;
	snprintf(p->name, sizeof(p->name), "initcode");
	if (strcmp(prog, "none") && xv6_exec(x, p, prog, e)) {
		char why[sizeof(e->msg)];

		snprintf(why, sizeof(why), "%s", e->msg);
		return error_set(e, -EINVAL, "-e: %s", why);
	}
	run_on_cpu0(m, p);
	return 0;
}

static u64
xv6_user_root(struct machine *m, int *pid, const char **name)
{
	struct xv6_proc *p = X(m)->cur;

	*pid = p ? p->pid : 0;
	*name = p ? p->name : "";
	return p ? p->pagetable : 0;
}

/* sys_sbrk(n): growproc() of the running process, its old size back */
static int
xv6_sbrk(struct machine *m, long long n, u64 *old, struct error *e)
{
	struct xv6 *x = X(m);
	struct xv6_proc *p = x->cur;
	u64 sz;

	if (p == NULL)
		return error_set(e, -ESRCH, "no process runs");
	if (n < -0x80000000LL || n > 0x7fffffffLL)
		return error_set(e, -EINVAL, "sbrk %lld: sbrk takes an int",
				 n);
	x->e = e;
	sz = *old = p->sz;
	if (n > 0) {
		if (sz + (u64)n > TRAPFRAME ||
		    (sz = uvmalloc(x, p->pagetable, sz, sz + (u64)n,
				   PTE_W)) == 0)
			return x->panicked ? -1 : error_set(e, -ENOMEM,
				"sbrk %lld: growproc fails (out of memory or "
				"past TRAPFRAME): sbrk returns -1", n);
	} else if (n < 0) {
		if ((u64)-n > sz)
			return error_set(e, -EINVAL, "sbrk %lld: the process "
					 "is only %llu bytes", n,
					 (unsigned long long)sz);
		sz = uvmdealloc(x, p->pagetable, sz, sz + (u64)n);
		if (x->panicked)
			return -1;
	}
	p->sz = sz;
	tlb_flush_all(&m->cpu[0].tlb);	/* the trampoline's sfence.vma */
	return 0;
}

static const char *
xv6_user_sym_at(struct machine *m, u64 va, u64 *value)
{
	struct xv6_proc *p = X(m)->cur;
	const struct elf_sym *s;

	if (p == NULL || p->elf == NULL || va >= p->sz)
		return NULL;
	s = elf_sym_at(p->elf, va);
	if (s == NULL)
		return NULL;
	*value = s->value;
	return s->name;
}

/* a symbol of the running program, for expressions: 'dis main' */
static int
xv6_user_sym(struct machine *m, const char *name, u64 *v)
{
	struct xv6_proc *p = X(m)->cur;
	const struct elf_sym *s;

	if (p == NULL || p->elf == NULL ||
	    (s = elf_sym_find(p->elf, name)) == NULL)
		return -ENOENT;
	*v = s->value;
	return 0;
}

static void
xv6_release(struct machine *m)
{
	struct xv6 *x = X(m);
	int i;

	if (x != NULL) {
		free(x->freed);
		for (i = 0; i < NPROC; i++)
			elf_free(x->proc[i].elf);
	}
	free(x);
	m->okern = NULL;
	m->user_sym = NULL;
}

const struct kernel_ops xv6_ops = {
	.boot = xv6_boot,
	.user_root = xv6_user_root,
	.sbrk = xv6_sbrk,
	.user_sym_at = xv6_user_sym_at,
};

static void
xv6_regions(struct machine *m)
{
	machine_add_region(m, "PLIC", PLIC, PLIC + PLIC_SIZE, "the interrupt "
			   "controller's registers (RW-)", "pa = va", 0, 0);
	machine_add_region(m, "UART0", UART0, UART0 + PGSIZE, "the console "
			   "UART (RW-)", "pa = va", 0, 0);
	machine_add_region(m, "VIRTIO0", VIRTIO0, VIRTIO0 + PGSIZE, "the "
			   "virtio disk's registers (RW-)", "pa = va", 0, 0);
	machine_add_region(m, "kernel text", KERNBASE, XV6_ETEXT, "the "
			   "kernel's code (R-X)", "pa = va", REG_DIRECT, 0);
	machine_add_region(m, "kernel data", XV6_ETEXT, PHYSTOP, "the "
			   "kernel's data and all RAM up to PHYSTOP (RW-); "
			   "kalloc's pages from end", "pa = va", REG_DIRECT, 0);
	machine_add_region(m, "kernel stacks", KSTACK(NPROC - 1) - PGSIZE,
			   TRAPFRAME, "KSTACK(p): a page each, an unmapped "
			   "guard page below", "walk VADDR", 0, 0);
	machine_add_region(m, "trampoline", TRAMPOLINE, MAXVA, "trampoline.S "
			   "(R-X), in every page table", "walk VADDR", 0, 0);
}

/* setup for --kernel xv6: Sv39, 128M from KERNBASE, identity maps */
int
xv6_setup(struct machine *m, const struct machine_opts *o, struct error *e)
{
	struct layout *L = &m->lay;
	struct xv6 *x;

	if (m->ram_size != PHYSTOP - KERNBASE)
		return error_set(e, -EINVAL, "--mem %lluM: xv6's kinit() "
				 "frees [end, PHYSTOP) and kvmmake maps RAM up "
				 "to PHYSTOP = KERNBASE + 128M: xv6 needs 128M "
				 "(the default)", (unsigned long long)
				 (m->ram_size >> 20));
	if (o->va_bits != 39)
		return error_set(e, -EINVAL, "--va-bits %d: xv6 runs Sv39 "
				 "(MAXVA = 2^38)", o->va_bits);
	m->mmu.va_bits = 39;
	/* QEMU's walker sets A and D: xv6 never does */
	if (!(o->cpu_clear & F_SVADU))
		m->mmu.features |= F_SVADU;
	if (riscv_mmu_init(&m->mmu, e))
		return -EINVAL;
	L->page_offset = KERNBASE;
	L->phys_offset = KERNBASE;
	L->high_memory = PHYSTOP;
	L->lowmem_end = PHYSTOP - KERNBASE;
	L->maxmem = 128 * MiB;
	L->task_size = MAXVA;
	L->stack_top = TRAPFRAME;
	L->kernel_pgd_start = MAXVA;
	L->ktext = KERNBASE;
	L->ketext = XV6_ETEXT;
	L->kdata = XV6_ETEXT;
	L->kend = XV6_END;
	L->nr_cpus = 8;			/* NCPU */
	xv6_regions(m);
	machine_add_ksym(m, "etext", XV6_ETEXT, 0, 'T');
	machine_add_ksym(m, "trampoline", XV6_TRAMPOLINE, PGSIZE, 'T');
	machine_add_ksym(m, "end", XV6_END, 0, 'B');
	machine_add_ksym(m, "TRAMPOLINE", TRAMPOLINE, 0, 'A');
	machine_add_ksym(m, "TRAPFRAME", TRAPFRAME, 0, 'A');
	machine_add_ksym(m, "MAXVA", MAXVA, 0, 'A');
	machine_add_ksym(m, "PHYSTOP", PHYSTOP, 0, 'A');
	x = xcalloc(1, sizeof(*x));
	x->m = m;
	x->nextpid = 1;
	m->okern = x;
	m->release = xv6_release;
	m->user_sym = xv6_user_sym;
	return 0;
}

/* kinit() and kvminit(): the free list, then kernel_pagetable */
int
xv6_paging_init(struct machine *m, struct error *e)
{
	struct xv6 *x = X(m);
	int i;

	x->e = e;
	x->floor = PGROUNDUP(XV6_END);
	x->fresh = PHYSTOP;
	if (kvmmake(x))
		return -1;
	m->swapper_pg_dir = x->kernel_pagetable;
	for (i = 0; i < m->ncpus; i++)	/* kvminithart() */
		m->cpu[i].regs[0] = riscv_satp(&m->mmu, x->kernel_pagetable, 0);
	return 0;
}
