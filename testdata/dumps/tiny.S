/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A tiny x86 guest for make-dumps.sh: a multiboot kernel that QEMU's
 * -kernel loads at 1M and enters in 32-bit protected mode.  It builds
 * 4-level page tables at 2M (PML4, PDPT, PD, PT), writes 128 KiB of a
 * pattern at 4M, turns on PAE, EFER.LME and paging (IA-32e paging, the
 * code running in compatibility mode) and halts.  The mappings:
 *   0x0-0x1fffff        2M page at 0 (identity: the code)
 *   0x200000-0x21ffff   32 4K pages at 0x400000 + i * 0x3000
 *   0x400000-0x5fffff   2M page at 0x600000
 *   0xffff800000000000  the same PDPT again (PML4 entry 256)
 */
	.code32
	.text
	.globl _start
	.align 4
	.long 0x1BADB002, 0, -0x1BADB002
_start:
	cli
	mov $0x200000, %edi		/* PML4, PDPT, PD, PT: zeroed */
	xor %eax, %eax
	mov $4096, %ecx
	rep stosl
	movl $0x201003, 0x200000	/* PML4[0] -> PDPT */
	movl $0x201003, 0x200800	/* PML4[256] -> PDPT (0xffff800000000000) */
	movl $0x202003, 0x201000	/* PDPT[0] -> PD */
	movl $0x000083, 0x202000	/* PD[0]: 2M page at 0 (the code) */
	movl $0x203003, 0x202008	/* PD[1] -> PT: VA 2M-4M */
	movl $0x600083, 0x202010	/* PD[2]: 2M page at 6M */
	xor %ebx, %ebx			/* PT[i] -> 0x400000 + i * 0x3000 */
1:	mov %ebx, %eax
	imul $0x3000, %eax
	add $0x400003, %eax
	mov %eax, 0x203000(,%ebx,8)
	inc %ebx
	cmp $32, %ebx
	jb 1b
	mov $0x400000, %edi		/* data: a pattern per word */
	xor %eax, %eax
2:	mov %eax, %edx
	imul $0x9e3779b1, %edx
	shr $7, %edx
	and $0xffff0f0f, %edx
	mov %edx, (%edi)
	add $4, %edi
	inc %eax
	cmp $0x8000, %eax
	jb 2b
	mov $0x200000, %eax
	mov %eax, %cr3
	mov %cr4, %eax
	or $0x20, %eax			/* PAE */
	mov %eax, %cr4
	mov $0xC0000080, %ecx		/* EFER.LME */
	rdmsr
	or $0x100, %eax
	wrmsr
	mov %cr0, %eax
	or $0x80000001, %eax		/* PG: IA-32e paging */
	mov %eax, %cr0
3:	hlt
	jmp 3b
