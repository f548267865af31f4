/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A tiny x86_64 guest for the tests of --qemu: a boot sector that builds
 * 4-level page tables at 0x10000, enters long mode and spins.
 *
 *   PML4 0x10000: [0] and [511] -> PDPT 0x11000
 *   PDPT 0x11000: [0] -> PD 0x12000, [1] -> PD 0x14000
 *   PD   0x12000: [0] a 2M page at 0 (identity)
 *   PD   0x14000: [0] -> PT 0x13000
 *   PT   0x13000: 16 4K pages 0x40000000... -> 0x200000..., [1] NX,
 *                 [2] read-only
 *
 * The loop rewrites the word at 0x40000000 (pa 0x200000) with a counter
 * and flips PT[3] (va 0x40003000) between frames 0x203000 and 0x202000:
 * a guest that changes its page tables while it runs.
 */
	.code16
	.globl _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x7c00, %sp
	mov	$0x1000, %ax
	mov	%ax, %es
	xor	%di, %di
	xor	%ax, %ax
	mov	$0x2800, %cx
	rep stosw
	movl	$0x11003, %es:0x0
	movl	$0x11003, %es:0xff8
	movl	$0x12003, %es:0x1000
	movl	$0x14003, %es:0x1008
	movl	$0x83, %es:0x2000
	movl	$0x13003, %es:0x4000
	mov	$0x3000, %di
	mov	$0x200003, %eax
	mov	$16, %cx
1:	mov	%eax, %es:(%di)
	add	$0x1000, %eax
	add	$8, %di
	loop	1b
	movl	$0x80000000, %es:0x300c
	andl	$~2, %es:0x3010
	lgdt	gdtr
	mov	%cr4, %eax
	or	$0x20, %eax
	mov	%eax, %cr4
	mov	$0x10000, %eax
	mov	%eax, %cr3
	mov	$0xc0000080, %ecx
	rdmsr
	or	$0x900, %eax
	wrmsr
	mov	%cr0, %eax
	or	$0x80000001, %eax
	mov	%eax, %cr0
	ljmp	$0x08, $long_mode

	.code64
long_mode:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	movabs	$0x40000000, %rdi
	movabs	$0x6b6c61777470, %rax	/* "ptwalk" */
	mov	%rax, 8(%rdi)
	xor	%rax, %rax
spin:
	inc	%rax
	mov	%rax, (%rdi)
	xorl	$0x1000, 0x13018
	pause
	jmp	spin

	.p2align 3
gdt:
	.quad	0
	.quad	0x00af9a000000ffff
	.quad	0x00cf92000000ffff
gdtr:
	.word	23
	.long	gdt

	.org	510
	.byte	0x55, 0xaa
