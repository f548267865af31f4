// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The command-line option table.
 */
#include <stddef.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/options.h"
#include "ptwalk/util.h"

/* ": i386 (default), i386-pae, ...": the list of src/arch/arch.c */
static void
arch_values(struct strbuf *sb)
{
	int i;

	for (i = 0; arch_list[i] != NULL; i++)
		sb_addf(sb, "%s %s%s", i == 0 ? ":" : ",", arch_list[i]->name,
			i == 0 ? " (default)" : "");
}

/* ": pse (i386, i386-pae: ...), ...": feature_names and who takes each */
static void
cpu_values(struct strbuf *sb)
{
	const struct feature_name *f;
	int i, n;

	for (f = feature_names; f->name != NULL; f++) {
		sb_addf(sb, "%s %s (", f == feature_names ? ":" : ";", f->name);
		for (i = 0, n = 0; arch_list[i] != NULL; i++)
			if (arch_list[i]->features_ok & f->bit)
				sb_addf(sb, "%s%s", n++ ? ", " : "",
					arch_list[i]->name);
		sb_addf(sb, ": %s)", f->what);
	}
	sb_adds(sb, "; a feature the arch cannot change is refused");
}

/* ": arm64 48 (...) or 39 (...); ...": the arches that take a choice */
static void
va_bits_values(struct strbuf *sb)
{
	int i, n = 0;

	for (i = 0; arch_list[i] != NULL; i++)
		if (arch_list[i]->va_bits_choices[1] != 0)
			sb_addf(sb, "%s %s %s", n++ ? ";" : ":",
				arch_list[i]->name,
				arch_list[i]->va_bits_help);
}

const struct option_doc option_docs[] = {
	{ "arch", 'a', "ARCH", "the simulated architecture", "arch", 'a',
	  arch_values },
	{ "mem", 'm', "SIZE", "simulated RAM with a K, M, G or T suffix, e.g. "
	  "160M or 1G (default 1G); i386 without PAE takes at most 4G", NULL,
	  'm', NULL },
	{ "cpus", 0, "N", "number of CPUs, each with its own TLB and "
	  "kmap_atomic slots (default 2, at most 64)", NULL, 1000, NULL },
	{ "nodes", 0, "N", "NUMA nodes: RAM split evenly, each node a "
	  "pglist_data with its own zones; allocations try the current CPU's "
	  "node first (default 1, at most 64)", NULL, 1009, NULL },
	{ "cpu", 0, "FEATURES", "CPU features to add or remove, comma "
	  "separated, each optionally prefixed by no (e.g. nopse: the i386 "
	  "direct map then uses 4K page tables)",
	  "words:nopse,nopge,nonx,nogbpages,nopcid,pse36,nopse36,pse,pge,nx,"
	  "gbpages,pcid,hafdbs,nohafdbs,meltdown,nomeltdown,svadu,nosvadu,"
	  "svpbmt,nosvpbmt", 1001, cpu_values },
	{ "vmalloc", 0, "SIZE", "the vmalloc= boot parameter of 32-bit x86: "
	  "the size of the vmalloc area, which moves the lowmem limit "
	  "(default 120M, i.e. __VMALLOC_RESERVE 128M; exactly SIZE with the "
	  "6.1 kernel, SIZE less the kmap window and fixmap with 2.6); on "
	  "arm the size "
	  "of the area below VMALLOC_END (default 240M plus the 8M gap)",
	  NULL, 1002, NULL },
	{ "kernel", 0, "VERSION", "the kernel to model: a profile, one "
	  "release's layout, constants and struct sizes, never a mix "
	  "(`machine` names it).  i386, i386-pae: 6.1 (the default: Debian "
	  "bookworm's 686/686-pae kernel on QEMU pc, as its guests show it: "
	  "MAXMEM = VMALLOC_END - PAGE_OFFSET - 128M, cpu_entry_area at "
	  "0xff400000, PKMAP_BASE 0xfec00000 / 0xff000000, the kernel at 16M, "
	  "the first MiB reserved, 40-byte struct pages) or 2.6 (the classic "
	  "textbook kernel: MAXMEM 896M, the 8M gap, VMALLOC_START 0xca800000 "
	  "with 160M, the kernel at 1M, 32-byte struct pages).  x86_64, "
	  "x86_64-la57: 6.1 (Debian bookworm amd64 on QEMU pc: MODULES_VADDR "
	  "0xffffffffc0000000, the kernel at 16M, the first MiB reserved).  "
	  "arm: 6.1 (the default: Debian bookworm's armmp kernel on QEMU "
	  "virt, as its guest shows it: RAM at 0x40000000, ZONE_DMA over "
	  "lowmem, the kernel at TEXT_OFFSET 0x208000, 16M of CMA at the top "
	  "of lowmem in 4K pages, the device tree at 0xff800000, fixmap at "
	  "0xffc80000, 36-byte struct pages), 3.4 (the classic layout on a "
	  "vexpress board, RAM at 0x60000000: VMALLOC_END 0xff000000, DMA "
	  "consistent area, fixmap at 0xfff00000) or 5.4 (vexpress: "
	  "VMALLOC_END 0xff800000, fixmap at 0xffc00000, strict kernel "
	  "RWX).  arm64: 6.1 (the default: block "
	  "mappings in the linear map, rodata=on) or 6.1-rodata-full (a "
	  "linear map of 4K pages).  riscv64, riscv64-sv48, riscv64-sv57, "
	  "riscv32: 6.1 (Documentation/riscv/vm-layout.rst on QEMU virt: RAM "
	  "at 0x80000000 with OpenSBI reserved at its start, the kernel at "
	  "0x80200000, 0x80400000 on riscv32); riscv64 also xv6 (xv6-riscv, "
	  "MIT 6.1810's teaching kernel, in place of Linux: kvmmake's "
	  "kernel page table, kalloc's free list, exec.c's processes, "
	  "128M; the commands of the Linux kernel are refused, vmprint and "
	  "sbrk are its own)",
	  "words:2.6,3.4,5.4,6.1,6.1-rodata-full,xv6", 1007, NULL },
	{ "va-bits", 0, "N", "the virtual address size, where the arch has a "
	  "choice", "words:48,39,57", 1008, va_bits_values },
	{ "image", 'i', "FILE", "open a memory image instead of simulating: "
	  "an ELF core (QEMU dump-guest-memory, kdump), a kdump-compressed "
	  "dump (makedumpfile -c/-l/-p/-z, QEMU -z/-l/-s; filtered and "
	  "split dumps too), a LiME or AVML image, or a raw dump of "
	  "physical memory, told apart by content; the arch and page-table "
	  "roots come from the file when it says (QEMU's CPU notes, "
	  "VMCOREINFO), else give --arch and --cr3", "file", 'i', NULL },
	{ "cr3", 0, "PADDR", "with --image: the page-table root of every "
	  "CPU (x86 CR3; riscv satp's PPN << 12), overriding the file's; "
	  "'auto': the best table a scan of memory finds (see roots)",
	  "words:auto", 1020, NULL },
	{ "ttbr0", 0, "PADDR", "with --image of arm or arm64: the TTBR0 "
	  "root of every CPU (arm: all addresses; arm64: user space), or "
	  "'auto'", "words:auto", 1022, NULL },
	{ "ttbr1", 0, "PADDR", "with --image of arm64: the TTBR1 root (the "
	  "kernel's swapper_pg_dir) of every CPU, or 'auto'", "words:auto",
	  1023, NULL },
	{ "phys-base", 0, "PADDR", "with --image of a raw dump: the physical "
	  "address of the file's first byte (default 0)", NULL, 1021, NULL },
	{ "symbols", 0, "FILE", "with --image: the kernel's symbols from a "
	  "System.map or a vmlinux instead of the dump's own kallsyms "
	  "(relocated by KERNELOFFSET; refused when its symbols, build ID or "
	  "release disagree with the dump); a vmlinux with DWARF (Debian's "
	  "-dbg package) also gives the kernel's types to a dump without "
	  "BTF", "file", 1024, NULL },
	{ "btf", 0, "FILE", "with --image: the kernel's types from FILE, "
	  "raw BTF as /sys/kernel/btf/vmlinux or pahole "
	  "--btf_encode_detached write it, instead of the dump's own; "
	  "refused when its pointers, its pte_t or the sizes and offsets "
	  "the dump's VMCOREINFO gives disagree with the dump", "file", 1025,
	  NULL },
	{ "pid", 0, "PID", "attach the live process PID of this machine "
	  "instead of simulating: its maps, smaps and pagemap, what "
	  "pagemap, /proc/kpageflags and /proc/kpagecount say of each page "
	  "(its page tables cannot be read from user space), its memory "
	  "through /proc/PID/mem, read-only; without CAP_SYS_ADMIN the "
	  "frames are hidden (see LIVE TARGETS in ptwalk(1))", "hostpid",
	  1030, NULL },
	{ "writable", 0, NULL, "with --pid: let 'write' store into the "
	  "process through /proc/PID/mem (it changes a running program)",
	  NULL, 1031, NULL },
	{ "qemu", 0, "ADDRESS", "attach to a running QEMU guest through its "
	  "gdbstub (QEMU's -gdb): unix:PATH or host:port; the vCPUs' paging "
	  "registers (found by name in the stub's target description) and "
	  "guest-physical memory are read live, its VMCOREINFO found in its "
	  "RAM for the kernel-state commands (see LIVE TARGETS)", NULL, 1060,
	  NULL },
	{ "qemu-ram", 0, "FILE", "with --qemu: read guest RAM straight from "
	  "the file of QEMU's -object memory-backend-file,mem-path=FILE,"
	  "share=on (the fastest path; registers still from the gdbstub)",
	  "file", 1061, NULL },
	{ "exec", 'e', "ELF", "pid 1 runs ELF instead of the built-in demo "
	  "program (its pages fault in lazily); 'none' starts no process",
	  "file", 'e', NULL },
	{ "boot", 0, "MODE", "booted (the default on a Linux 6.1 machine "
	  "of an arch with a recorded guest) replays that guest's boot: its "
	  "vmalloc areas and callers, slab objects, pages and free lists "
	  "(data/boot); with less RAM than the guest, objects, pages and "
	  "small free blocks scale with the RAM, with more the rest stays "
	  "free in order-10 blocks.  clean: nothing allocated since boot",
	  "words:booted,clean", 1011, NULL },
	{ "command", 'c', "CMDS", "run CMDS (separated by ';' or newlines) "
	  "and exit", NULL, 'c', NULL },
	{ "json", 0, NULL, "print one JSON object per command result, one "
	  "per line", NULL, 1003, NULL },
	{ "bail", 0, NULL, "in command files and -c: stop at the first "
	  "failing command", NULL, 1004, NULL },
	{ "echo", 0, NULL, "print each command (after the prompt string) "
	  "before its output, making a transcript", NULL, 1005, NULL },
	{ "quiet", 'q', NULL, "no banner at the interactive prompt", NULL, 'q',
	  NULL },
	{ "no-pager", 0, NULL, "at the prompt, print long output directly "
	  "instead of through $PAGER (as 'set pager off')", NULL, 1010, NULL },
	{ "seed", 0, "N", "seed for labs and anything randomised (default 1)",
	  NULL, 1006, NULL },
	{ "help", 'h', NULL, "print the usage and exit", NULL, 'h', NULL },
	{ "version", 'V', NULL, "print the version and exit", NULL, 'V', NULL },
	{ .lng = NULL }
};

void
option_help(struct strbuf *sb, const struct option_doc *o)
{
	sb_adds(sb, o->help);
	if (o->values != NULL)
		o->values(sb);
}
