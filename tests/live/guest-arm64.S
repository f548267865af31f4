/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A tiny arm64 guest for the tests of --qemu (qemu-system-aarch64 -M virt
 * -cpu cortex-a57, loaded at 0x40100000, entered at EL1): 4K granule,
 * 48-bit VA, tables at 0x40110000, MMU on, then it spins.
 *
 *   TTBR0 (ASID 7) L0 0x40110000: [0] -> L1 0x40111000
 *   TTBR1          L0 0x40118000: [0] and [511] -> the same L1
 *   L1 0x40111000: [0] -> L2 0x40112000,
 *                  [1] a 1G block at 0x40000000 (identity: the code)
 *   L2 0x40112000: [128] -> L3 0x40113000,
 *                  [129] a 2M block 0x10200000 -> 0x40400000
 *   L3 0x40113000: 16 4K pages 0x10000000... -> 0x40200000...,
 *                  [1] read-only, [2] executable, the others XN
 *
 * MAIR_EL1 is Linux's (index 0: normal memory).  The loop rewrites the
 * word at 0x10000000 (pa 0x40200000) with a counter and flips L3[3]
 * (va 0x10003000) between frames 0x40203000 and 0x40202000: a guest that
 * changes its page tables while it runs.
 */
	.equ	BLOCK, 0x701		/* AF, inner shareable, AttrIndx 0 */
	.equ	PAGE, 0x703
	.equ	XN, 3 << 53		/* PXN and UXN */
	.equ	TABLE, 0x3
	.equ	TCR, 16 | (1 << 8) | (1 << 10) | (3 << 12) | (16 << 16) | (1 << 24) | (1 << 26) | (3 << 28) | (2 << 30) | (2 << 32)

	.globl _start
_start:
	/* zero 0x40110000-0x40119fff */
	ldr	x0, =0x40110000
	ldr	x1, =0x4011a000
1:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b

	ldr	x0, =0x40110000		/* TTBR0's L0 */
	ldr	x1, =0x40111000 | TABLE
	str	x1, [x0]
	ldr	x0, =0x40118000		/* TTBR1's L0 */
	str	x1, [x0]
	str	x1, [x0, #511 * 8]
	ldr	x0, =0x40111000		/* L1 */
	ldr	x1, =0x40112000 | TABLE
	str	x1, [x0]
	ldr	x1, =0x40000000 | BLOCK
	str	x1, [x0, #8]
	ldr	x0, =0x40112000		/* L2 */
	ldr	x1, =0x40113000 | TABLE
	str	x1, [x0, #128 * 8]
	ldr	x1, =0x40400000 | BLOCK | XN
	str	x1, [x0, #129 * 8]
	ldr	x0, =0x40113000		/* L3: 16 pages */
	ldr	x1, =0x40200000 | PAGE | XN
	mov	x2, #16
1:	str	x1, [x0], #8
	add	x1, x1, #0x1000
	subs	x2, x2, #1
	b.ne	1b
	ldr	x0, =0x40113000
	ldr	x1, [x0, #8]		/* [1]: AP[2], read-only */
	orr	x1, x1, #0x80
	str	x1, [x0, #8]
	ldr	x1, [x0, #16]		/* [2]: executable */
	bic	x1, x1, #XN
	str	x1, [x0, #16]
	dsb	sy

	ldr	x0, =0x000000040044ffff	/* Linux's MAIR_EL1 */
	msr	mair_el1, x0
	/* T0SZ = T1SZ = 16, 4K granules, WBWA inner shareable, IPS 40 bits */
	ldr	x0, =TCR
	msr	tcr_el1, x0
	ldr	x0, =0x40110000 | (7 << 48)
	msr	ttbr0_el1, x0
	ldr	x0, =0x40118000
	msr	ttbr1_el1, x0
	isb
	tlbi	vmalle1
	dsb	sy
	mrs	x0, sctlr_el1
	orr	x0, x0, #1		/* M */
	msr	sctlr_el1, x0
	isb

	ldr	x3, =0x10000000
	ldr	x0, =0x6b6c61777470	/* "ptwalk" */
	str	x0, [x3, #8]
	ldr	x4, =0x40113000
	mov	x0, #0
spin:
	add	x0, x0, #1
	str	x0, [x3]
	ldr	x1, [x4, #24]
	eor	x1, x1, #0x1000
	str	x1, [x4, #24]
	b	spin
	.ltorg
