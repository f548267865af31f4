/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * User address spaces (src/mm): tasks, mm_struct, vm_area_struct, the page
 * cache of mapped files, page faults, fork, exec and exit.  Names and
 * semantics follow include/linux/mm_types.h and mm/{mmap,memory}.c.
 *
 * The kernel layer never prints: it returns 0 or -errno with a message and
 * records each step as an event of the kernel trace (ptwalk/trace.h).
 */
#ifndef PTWALK_MM_H
#define PTWALK_MM_H

#include <signal.h>
#include <sys/mman.h>

#include "elf.h"
#include "gfp.h"
#include "kernel.h"

/* vm_flags (include/linux/mm.h) */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_PFNMAP	0x00000400UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_DONTCOPY	0x00020000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL
#define VM_SOFTDIRTY	0x08000000UL
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
#define VM_STACK_FLAGS	(VM_GROWSDOWN | VM_READ | VM_WRITE | VM_MAYREAD | \
			 VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT)

/*
 * mmap's PROT_* and MAP_* and the si_codes SEGV_MAPERR, SEGV_ACCERR and
 * BUS_ADRERR come from the host's <sys/mman.h> and <signal.h>: on a
 * Linux host they are the kernel's own values.
 */
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* handle_mm_fault() results (include/linux/mm_types.h) */
#define VM_FAULT_OOM	0x0001
#define VM_FAULT_SIGBUS	0x0002
#define VM_FAULT_MAJOR	0x0004
#define VM_FAULT_SIGSEGV 0x0040
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)


/*
 * The page cache of one file (struct address_space): file page index ->
 * frame, filled by do_read_fault; an open-addressing hash.
 */
struct address_space {
	u64 *index;		/* index + 1 (0: empty slot) */
	u64 *pfn;
	size_t cap, nrpages;
};

/* An open file that can be mapped (struct file + its inode). */
struct file {
	char *path;		/* as /proc/PID/maps shows it */
	const u8 *data;		/* the bytes (a private host mapping) */
	u64 size;
	void *host_map;		/* to munmap, or NULL */
	size_t host_len;
	void *heap;		/* or a heap copy (built-in programs) */
	u64 dev, ino;		/* for /proc/PID/maps */
	int refs;
	struct address_space mapping;
	struct elf_info *elf;	/* parsed when it is an ELF */
};

struct anon_vma {
	int refs;
};

struct mm_struct;

struct vm_area_struct {
	u64 vm_start, vm_end;		/* [start, end) */
	struct vm_area_struct *vm_next, *vm_prev;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;		/* from vm_flags: protection_map */
	unsigned long vm_flags;
	u64 vm_pgoff;			/* offset in the file, in pages */
	struct file *vm_file;		/* NULL: anonymous */
	struct anon_vma *anon_vma;
};

enum mm_counter { MM_FILEPAGES, MM_ANONPAGES, NR_MM_COUNTERS };

/* An ELF image mapped in an mm: the program or its interpreter. */
struct mm_image {
	struct file *file;
	u64 bias;			/* load_bias: symbol value + bias */
};

struct mm_struct {
	struct vm_area_struct *mmap;	/* sorted by address */
	struct vm_area_struct *mmap_cache;	/* last find_vma result */
	int map_count;
	u64 pgd;			/* physical address of the pgd */
	bool pmd_prealloc;		/* PAE: user pmds made with the pgd */
	unsigned pgd_order;		/* arm: the 16K pgd is 4 pages */
	bool pgd_slab;			/* PAE: the pgd is a pgd_cache object */
	u64 task_size, mmap_base, stack_top;
	u64 start_code, end_code, start_data, end_data;
	u64 start_brk, brk, start_stack;
	u64 arg_start, arg_end, env_start, env_end;
	u64 stack_rlimit;		/* RLIMIT_STACK */
	u64 total_vm;			/* pages */
	u64 rss[NR_MM_COUNTERS];
	u64 pgtables_bytes;
	int mm_users;
	/* TLB context: x86 ctx_id + tlb_gen, arm ASID (generation | asid) */
	u64 ctx_id, tlb_gen, asid_gen;
	struct mm_image img[2];		/* [0] program, [1] interpreter */
	u64 auxv[48];			/* saved_auxv: id, value pairs */
	int nauxv;
};

enum task_state_kind { TASK_RUNNING, TASK_KILLED };

struct task_struct {
	int pid, ppid;
	char comm[16];			/* TASK_COMM_LEN */
	struct mm_struct *mm;
	enum task_state_kind state;
	int sig, si_code;		/* TASK_KILLED: the signal */
	u64 sig_addr;			/* and the faulting address */
	u64 min_flt, maj_flt;
	u64 entry, sp;			/* start_thread(regs, entry, sp) */
	int cpu;			/* running on a CPU: its id, else -1 */
	struct task_struct *next;	/* the task list, by pid */
};

/* ps, switch, fork: the task list */
struct task_struct *find_task(struct machine *m, int pid);
struct task_struct *task_list(struct machine *m);
/* The task running on cpu c (NULL: the idle task, init_mm) */
struct task_struct *cpu_task(struct machine *m, const struct cpu *c);
static inline struct task_struct *
current_task(struct machine *m)
{
	return cpu_task(m, machine_cpu(m));
}

/* Bring the process model up (kernel_init) and down. */
int task_init(struct machine *m, struct error *e);
void task_release(struct machine *m);

/* Open a host file for mapping, or a built-in program's bytes. */
int file_open(struct machine *m, const char *path, struct file **f,
	      struct error *e);
struct file *file_from_memory(struct machine *m, const char *name,
			      const void *data, u64 size);
struct file *get_file(struct file *f);
void fput(struct machine *m, struct file *f);

/*
 * exec: a new task running the ELF at path (root: where PT_INTERP is
 * looked up, as a chroot would; NULL for /).  What was done (the
 * interpreter not usable ...) goes to the kernel trace.
 */
/*
 * A placement other than Linux's exec (a program run under valgrind): a
 * PIE at pie_base, its interpreter at interp_base, the stack below
 * stack_top; mmap_base stays Linux's.
 */
struct exec_layout {
	const char *name;
	u64 pie_base, interp_base, stack_top;
};

struct exec_args {
	const char *path;		/* shown as argv[0] and AT_EXECFN */
	struct file *file;		/* or an already opened file */
	int argc;
	char **argv;			/* argv[0] included; NULL: { path } */
	const char *root;
	const struct exec_layout *layout;	/* NULL: Linux's */
};
int do_execve(struct machine *m, const struct exec_args *a,
	      struct task_struct **out, struct error *e);
/* The built-in demo program for this arch (NULL: none). */
int exec_demo(struct machine *m, struct task_struct **out, struct error *e);

int do_fork(struct machine *m, struct task_struct *parent,
	    struct task_struct **child, struct error *e);
/* Tear the task down (exit_mm) and remove it from the list. */
int do_exit(struct machine *m, struct task_struct *t, struct error *e);
/* Load t's address space on cpu c: CR3/TTBR0 and the ASID/PCID rules. */
int switch_to(struct machine *m, struct cpu *c, struct task_struct *t,
	      struct error *e);

/* VMAs (src/mm/mmap.c) */
struct vm_area_struct *find_vma(struct mm_struct *mm, u64 addr);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
int do_mmap(struct machine *m, struct mm_struct *mm, struct file *file,
	    u64 addr, u64 len, unsigned prot, unsigned flags, u64 pgoff,
	    u64 *ret, struct error *e);
int do_munmap(struct machine *m, struct mm_struct *mm, u64 start, u64 len,
	      struct error *e);
int do_mprotect(struct machine *m, struct mm_struct *mm, u64 start, u64 len,
		unsigned prot, struct error *e);
int do_brk(struct machine *m, struct mm_struct *mm, u64 brk, u64 *ret,
	   struct error *e);
/* "rwxp": a VMA's access and sharing as /proc/PID/maps shows them */
const char *vm_flags_rwxp(unsigned long vm_flags);
/* "[heap]", "[stack]", the file path, or "" (show_map_vma) */
const char *vma_name(const struct mm_struct *mm,
		     const struct vm_area_struct *vma);

/* Faults (src/mm/memory.c) */
int handle_mm_fault(struct machine *m, struct task_struct *t,
		    struct vm_area_struct *vma, u64 addr, unsigned acc);
/* m->handle_fault: the arch's do_page_fault / do_DataAbort */
int do_page_fault(struct machine *m, struct cpu *c, u64 va, unsigned acc,
		  const struct walk *w, struct error *e);
/* m->peek_user: a debugger's read of an unmapped user page (src/hw/peek.c) */
int peek_user_page(struct machine *m, struct cpu *c, u64 va, void *buf, u64 n,
		   enum peek_how *how, const char **path, struct error *e);
/* get_user_pages + copy: the kernel touching a process's memory */
int access_process_vm(struct machine *m, struct task_struct *t, u64 addr,
		      void *buf, u64 len, bool write, struct error *e);

/* /proc/PID/smaps and /proc/PID/pagemap (src/mm/task_mmu.c) */
struct mem_size_stats {
	u64 resident, pss, pss_dirty, shared_clean, shared_dirty, private_clean,
	    private_dirty, referenced, anonymous, swap;
};
void smaps_vma(struct machine *m, struct vm_area_struct *vma,
	       struct mem_size_stats *mss);
/* the 64-bit pagemap entry of addr (PM_* bits) */
#define PM_PFRAME_MASK	GENMASK(54, 0)
#define PM_SOFT_DIRTY	BIT(55)
#define PM_MMAP_EXCLUSIVE BIT(56)
#define PM_UFFD_WP	BIT(57)
#define PM_FILE		BIT(61)
#define PM_SWAP		BIT(62)
#define PM_PRESENT	BIT(63)
u64 pagemap_entry(struct machine *m, struct mm_struct *mm, u64 addr);

/* The user PTE of addr in mm (0 when none) and where it is. */
u64 user_pte(struct machine *m, struct mm_struct *mm, u64 addr, u64 *pte_pa);

/* User symbols: the program's and its interpreter's, relocated. */
const struct elf_sym *user_sym_at(struct mm_struct *mm, u64 addr,
				  u64 *value, const struct elf_info **ei);
int user_sym_find(struct mm_struct *mm, const char *name, u64 *value,
		  const struct elf_info **ei);

#endif
