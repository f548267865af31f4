/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * struct machine: physical memory + architecture + CPUs + kernel state.
 * Both worlds (a simulated machine and a memory image) are a machine; only
 * a simulated one has a kernel (m->kern).
 */
#ifndef PTWALK_MACHINE_H
#define PTWALK_MACHINE_H

#include "arch.h"
#include "mmu.h"
#include "phys.h"
#include "tlb.h"
#include "tlbh.h"
#include "trace.h"

struct kernel;
struct image_info;

#define NR_CPUS_MAX	64	/* --cpus */

struct cpu {
	int id;
	u64 root[2];		/* x86: CR3 (root[0]); arm: TTBR0, arm64: TTBR1 */
	bool root_valid[2];
	u16 asid;		/* PCID / ASID of the running address space */
	u64 fault_addr;		/* the last fault's address (x86 CR2, arm FAR) */
	u64 regs[8];		/* arch control registers for `machine` */
	int pid;		/* task running here (0: none / kernel) */
	struct tlb tlb;
};

/* Kernel virtual layout, computed by the arch's setup from RAM size. */
struct layout {
	u64 page_offset;	/* start of the direct map */
	u64 phys_offset;	/* physical address page_offset maps */
	u64 high_memory;	/* end of the direct map (virtual) */
	u64 lowmem_end;		/* physical end of lowmem (max_low_pfn << 12) */
	u64 maxmem;		/* most RAM the direct map can hold */
	u64 vmalloc_start, vmalloc_end;
	u64 pkmap_base;		/* 32-bit highmem: kmap window */
	unsigned last_pkmap;
	u64 fixaddr_start, fixaddr_top, fixaddr_boot_start;
	/* x86-32 4.15+: CPU_ENTRY_AREA_BASE (the RO IDT page first), LDT */
	u64 cpu_entry_area, cpu_entry_area_end, ldt_base;
	u64 cma_base, cma_size;	/* the CMA area (0: none) */
	/*
	 * Static vm areas the arch set up at boot (arm: iotable_init's CMA
	 * remap, pci_reserve_io's window): vm structs without guard pages,
	 * wherever they are, listed by vmallocinfo as ioremap.
	 */
	struct static_vm {
		u64 addr, size, phys;	/* phys 0: nothing mapped yet */
		const char *caller;
	} static_vm[2];
	unsigned nr_static_vm;
	bool fixmap_up;		/* arm 3.x: fix_to_virt counts up from START */
	u64 modules_vaddr, modules_end;
	/*
	 * The lowest address of the kernel's part of every pgd, whose
	 * entries pgd_alloc copies from swapper_pg_dir (riscv: TASK_SIZE,
	 * USER_PTRS_PER_PGD).  0: the lower of PAGE_OFFSET and MODULES_VADDR.
	 */
	u64 kernel_pgd_start;
	u64 task_size, stack_top;
	u64 kimage_vaddr;	/* x86_64 __START_KERNEL_map, arm64 KIMAGE_VADDR */
	u64 phys_base;		/* where the kernel image was loaded */
	u64 ktext, ketext, kdata, kedata, kbss, kend;	/* kernel image (va) */
	u64 vmemmap_base;
	u64 consistent_base, consistent_end;	/* arm DMA coherent area */
	u64 vectors;		/* arm vector page */
	unsigned nr_cpus;	/* NR_CPUS of the modelled kernel */
	unsigned km_max_idx;	/* kmap_atomic slots per CPU */
	u64 dma_limit, dma32_limit;	/* zone boundaries (physical) */
};

/*
 * fix_to_virt(idx): FIXADDR_TOP - idx pages, except on arm 3.x where
 * FIXADDR_START + idx pages.
 */
static inline u64
layout_fix_to_virt(const struct layout *L, unsigned idx)
{
	return L->fixmap_up ? L->fixaddr_start + ((u64)idx << PAGE_SHIFT) :
		L->fixaddr_top - ((u64)idx << PAGE_SHIFT);
}

/* A named fixmap index (enum fixed_addresses). */
struct fixslot {
	const char *name;
	unsigned idx;		/* first index */
	unsigned count;		/* indices in the group */
};

struct ksym;
struct ksym_index;

struct machine {
	const struct arch *arch;
	const struct kernel_profile *profile;	/* the kernel (--kernel) */
	struct mmu mmu;
	struct phys phys;
	u64 ram_start, ram_size;
	int ncpus;
	int cur;			/* current CPU */
	struct cpu *cpu;
	bool image;			/* a memory image, not simulated */
	char *image_path;
	struct image_info *img;		/* what the image file said */
	struct machine_opts opts;
	struct layout lay;
	struct region *regions;
	int nregions;
	struct fixslot *fix;
	int nfix;
	struct ksym *ksyms;		/* in the order they were added */
	int nksyms, aksyms;
	struct ksym_index *ksym_idx;	/* by name and by address */
	u64 swapper_pg_dir;		/* physical */
	/*
	 * Split roots (arm64): the empty table the user root holds while no
	 * process runs (cpu_set_reserved_ttbr0).  0: swapper_pg_dir.
	 */
	u64 reserved_pg_dir;
	/*
	 * Kernel page-table isolation (x86 PTI): every pgd is two pages,
	 * the kernel's and, user_pgd_offset bytes above it, the user's,
	 * which maps user space and only the kernel ranges that entry and
	 * exit need; the CPU runs on the user pgd in user mode.  0: one pgd
	 * for both.  pti_why: what decided it, for `machine` (NULL: the
	 * arch has no such choice).
	 */
	u64 user_pgd_offset;
	const char *pti_why;
	u16 user_tag_bit;	/* PTI with PCID: user PCID = kernel's | this */
	bool tlb_on;
	/* the TLB hierarchy a trace replay models (`set tlb-model`; NULL: none) */
	struct tlbh_geom *tlbh;
	/* its state: made by the first replay, kept from one to the next
	 * (as the CPU's TLB is), dropped when the model changes */
	struct tlbh *tlbh_state;
	struct kernel *kern;		/* simulated kernel; NULL on images */
	void *okern;			/* a profile's own kernel (kernel_ops) */
	/*
	 * Releases what the builder of the machine added to it (the kernel,
	 * an image's description); machine_free() calls it first.
	 */
	void (*release)(struct machine *m);
	/*
	 * A live target: called before each command (fresh registers, the
	 * page cache dropped) and after it (a note when memory changed under
	 * the command, the guest resumed); NULL otherwise.
	 */
	int (*live_begin)(struct machine *m, struct error *e);
	void (*live_end)(struct machine *m, struct strbuf *note);
	void *live;
	/* early allocations before the buddy allocator exists (memblock.c) */
	u64 memblock_next;
	bool memblock_retired;		/* the page allocator runs */
	struct memblock_region {
		u64 base, size;
		const char *what;
		bool nomap;	/* no RAM (memblock_remove): not present */
		bool cma;	/* a CMA area: the page allocator's at boot */
		bool late;	/* freed after the initcalls (initmem) */
	} *memblock;
	int nmemblock;
	/* table pages come from here once the page allocator is up */
	int (*alloc_table_page)(struct machine *m, u64 *pa, struct error *e);
	void (*free_table_page)(struct machine *m, u64 pa);
	/*
	 * The kernel's page-fault handler (src/mm/memory.c): 0 when the
	 * fault was resolved and the access may be retried.
	 */
	int (*handle_fault)(struct machine *m, struct cpu *c, u64 va,
			    unsigned acc, const struct walk *w, struct error *e);
	/* what the kernel did, step by step (ptwalk/trace.h) */
	struct trace_buf kt;
	/*
	 * A debugger's read of a user address cpu c's tables do not map
	 * (src/mm/memory.c): the n bytes at va the first access would find,
	 * or -EFAULT with "cannot access memory ...".  Changes nothing; how
	 * (and the file, *path) says where the bytes came from.
	 */
	int (*peek_user)(struct machine *m, struct cpu *c, u64 va, void *buf,
			 u64 n, enum peek_how *how, const char **path,
			 struct error *e);
	/* symbols of the running process (src/mm/process.c) */
	int (*user_sym)(struct machine *m, const char *name, u64 *v);
};

/*
 * A machine of arch a with ncpus CPUs and nothing more: no RAM, paging
 * mode or TLBs yet.  Whoever builds on it (src/boot.c for a simulated
 * machine, the image loader for an image) goes on from there and sets
 * m->release for what it adds.
 */
struct machine *machine_alloc(const struct arch *a, int ncpus,
			      struct error *e);
/*
 * The paging mode is set (the arch's mmu_init, setup or image_setup ran):
 * the walker's decode, and every CPU's TLB for the mode's page sizes.
 */
int machine_mmu_ready(struct machine *m, struct error *e);
/*
 * A machine without RAM or kernel, for a memory image: the arch's paging
 * structures for features, ncpus CPUs with TLBs and no root yet.
 */
struct machine *machine_new_bare(const struct arch *a, unsigned features,
				 int ncpus, struct error *e);
/* m->release first, then the machine's own parts. */
void machine_free(struct machine *m);
/* The TLB model replays use (NULL: none); its state starts afresh. */
void machine_tlb_model(struct machine *m, const struct tlbh_geom *g);
static inline struct cpu *
machine_cpu(struct machine *m)
{
	return &m->cpu[m->cur];
}

const struct region *machine_region(const struct machine *m, u64 va);
int machine_add_region(struct machine *m, const char *name, u64 start,
		       u64 end, const char *what, const char *conv,
		       unsigned flags, u64 offset);
/* Name fixmap indices [idx, idx + count); returns idx + count. */
unsigned machine_add_fix(struct machine *m, const char *name, unsigned idx,
			 unsigned count);
/* __pa / __va with the kernel's rules; the error says why not. */
int machine_pa(const struct machine *m, u64 va, u64 *pa, struct error *e);
int machine_va(const struct machine *m, u64 pa, u64 *va, struct error *e);
/* Is va a valid address of this arch (width, canonical form)? */
int machine_check_va(const struct machine *m, u64 va, struct error *e);

/* The root register translating va on cpu c (0 when none is loaded). */
static inline u64
machine_root(const struct machine *m, const struct cpu *c, u64 va)
{
	return c->root[mmu_root_index(&m->mmu, va)];
}
/*
 * Walk cpu c's tables for va, for inspection: no TLB, no accessed bits.
 * A mapping that exists but that an access would fault on is reported as
 * translated with w->access_fault set (arm64's access flag; arm's old
 * pages, whose hardware entry is empty while the Linux PTE maps them).
 */
int machine_walk(struct machine *m, struct cpu *c, u64 va, struct walk *w);
/* The same from the root user mode runs on (with PTI, the user pgd). */
int machine_walk_user(struct machine *m, struct cpu *c, u64 va,
		      struct walk *w);
/*
 * Translate as the CPU does: the TLB first when it is on, else (and on a
 * miss) the hardware walk, then the permission check for acc.  *hit says
 * whether the TLB answered.  Does not handle faults: see the kernel
 * layer.  With ACC_PROBE a mapping an access would fault on (see
 * machine_walk) translates, uncached; otherwise it is the fault.
 */
int machine_translate(struct machine *m, struct cpu *c, u64 va,
		      unsigned acc, struct walk *w, bool *hit);

/*
 * A translation probe as the CPU makes it for translate: the TLB, else the
 * fast translation walk, then the rights check; fills the TLB on success.
 * No accessed/dirty updates, no fault handling.  Inline for the TLB hit.
 * A leaf with the access flag clear where the CPU does not set it (arm64)
 * translates (x->attr lacks P_YOUNG) and is not cached: an access faults.
 */
int machine_xlat_miss(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		      struct xlat *x);

/*
 * The root an access acc of CPU c walks from (root ri) and the tag of its
 * TLB entries: with PTI, user mode runs on the user pgd and, with PCID,
 * under the user PCID.
 */
static inline u64
cpu_root(const struct machine *m, const struct cpu *c, int ri, unsigned acc)
{
	return c->root[ri] + ((acc & ACC_USER) && ri == 0 ?
			      m->user_pgd_offset : 0);
}

static inline u16
cpu_tag(const struct machine *m, const struct cpu *c, unsigned acc)
{
	return (acc & ACC_USER) && m->user_pgd_offset ?
		(u16)(c->asid | m->user_tag_bit) : c->asid;
}

static inline int
machine_xlat(struct machine *m, struct cpu *c, u64 va, unsigned acc,
	     struct xlat *x, bool *hit)
{
	if (likely(m->tlb_on)) {
		struct tlb_entry *te = tlb_lookup(&c->tlb, va,
						  cpu_tag(m, c, acc));

		if (te != NULL) {
			u64 mask = (1ULL << te->shift) - 1;

			*hit = true;
			x->pa = te->pa | (va & mask);
			x->shift = te->shift;
			x->perm = te->perm;
			x->attr = te->attr;
			x->fault = (acc_need(acc) & ~te->perm) ? WF_PROTECTION :
				WF_NONE;
			return x->fault;
		}
	}
	*hit = false;
	return machine_xlat_miss(m, c, va, acc, x);
}

/*
 * A memory access by the CPU: translation with accessed/dirty updates,
 * user mode below TASK_SIZE, and the kernel's fault handler on a fault.
 */
int machine_access(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		   u64 *pa, struct error *e);
/*
 * Why walk w faulted: "not present at the pmd level".  acc names the
 * access for a protection fault (0: a walk, no access).
 */
void machine_fault_reason(const struct machine *m, const struct walk *w,
			  unsigned acc, char *why, size_t n);
/* Read or write through the MMU (each page translated as an access). */
int machine_read_virt(struct machine *m, struct cpu *c, u64 va, void *buf,
		      u64 len, struct error *e);
int machine_write_virt(struct machine *m, struct cpu *c, u64 va,
		       const void *buf, u64 len, struct error *e);

#endif
