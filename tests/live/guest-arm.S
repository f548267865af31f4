/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A tiny 32-bit arm guest for the tests of --qemu (qemu-system-arm -M
 * virt -cpu cortex-a15, loaded at 0x40100000): short descriptors,
 * TTBCR.N = 0 (TTBR0 alone, as Linux), the L1 table at 0x40110000, MMU
 * on, then it spins.
 *
 *   L1 0x40110000: [0x100] -> L2 0x40114000,
 *                  [0x102] a 1M section 0x10200000 -> 0x40400000,
 *                  [0x110..0x11f] a 16M supersection 0x11000000 ->
 *                  0x40000000,
 *                  [0x401] a 1M section at 0x40100000 (identity: the
 *                  code and the tables),
 *                  [0xc00] a 1M section 0xc0000000 -> 0x40000000
 *   L2 0x40114000: 16 4K pages 0x10000000... -> 0x40200000...,
 *                  [1] read-only, [2] executable, the others XN
 *
 * DACR makes every domain a client (the AP bits apply); CONTEXTIDR holds
 * ASID 3.  The loop rewrites the word at 0x10000000 (pa 0x40200000) with
 * a counter and flips L2[3] (va 0x10003000) between frames 0x40203000
 * and 0x40202000: a guest that changes its page tables while it runs.
 */
	.arm
	.globl _start
_start:
	/* zero 0x40110000-0x401143ff */
	ldr	r0, =0x40110000
	ldr	r1, =0x40114400
	mov	r2, #0
1:	str	r2, [r0], #4
	cmp	r0, r1
	blo	1b

	ldr	r0, =0x40110000
	ldr	r1, =0x40114001		/* a coarse table, domain 0 */
	str	r1, [r0, #0x100 * 4]
	ldr	r1, =0x40400412		/* section: AP=01 (kernel rw), XN */
	str	r1, [r0, #0x102 * 4]
	ldr	r1, =0x40100402		/* section: AP=01, executable */
	ldr	r3, =0x401 * 4
	str	r1, [r0, r3]
	ldr	r1, =0x40000412
	ldr	r3, =0xc00 * 4
	str	r1, [r0, r3]
	ldr	r1, =0x40040412		/* supersection (bit 18), 16 entries */
	add	r3, r0, #0x110 * 4
	mov	r2, #16
1:	str	r1, [r3], #4
	subs	r2, r2, #1
	bne	1b

	ldr	r0, =0x40114000		/* L2: small pages, AP=01, XN */
	ldr	r1, =0x40200013
	mov	r2, #16
1:	str	r1, [r0], #4
	add	r1, r1, #0x1000
	subs	r2, r2, #1
	bne	1b
	ldr	r0, =0x40114000
	ldr	r1, [r0, #4]		/* [1]: AP[2], read-only */
	orr	r1, r1, #0x200
	str	r1, [r0, #4]
	ldr	r1, [r0, #8]		/* [2]: executable */
	bic	r1, r1, #1
	str	r1, [r0, #8]
	dsb

	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2	/* TTBCR: N = 0, short descriptors */
	ldr	r0, =0x40110000
	mcr	p15, 0, r0, c2, c0, 0	/* TTBR0 */
	ldr	r0, =0x55555555
	mcr	p15, 0, r0, c3, c0, 0	/* DACR: clients */
	mov	r0, #3
	mcr	p15, 0, r0, c13, c0, 1	/* CONTEXTIDR: ASID 3 */
	mcr	p15, 0, r0, c8, c7, 0	/* TLBIALL */
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0
	orr	r0, r0, #1		/* SCTLR.M */
	mcr	p15, 0, r0, c1, c0, 0
	isb

	ldr	r3, =0x10000000
	ldr	r0, =0x61777470		/* "ptwa" */
	str	r0, [r3, #8]
	ldr	r0, =0x00006b6c		/* "lk" */
	str	r0, [r3, #12]
	ldr	r4, =0x40114000
	mov	r0, #0
spin:
	add	r0, r0, #1
	str	r0, [r3]
	ldr	r1, [r4, #12]
	eor	r1, r1, #0x1000
	str	r1, [r4, #12]
	b	spin
	.ltorg
