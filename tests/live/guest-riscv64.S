/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A tiny riscv64 guest for the tests of --qemu (qemu-system-riscv64 -M
 * virt -bios none, loaded at 0x80000000): in M-mode it opens the PMP to
 * S-mode, builds Sv39 tables at 0x80010000, writes satp and drops to
 * S-mode, which spins.  Other harts wait in M-mode with satp Bare.
 *
 *   root 0x80010000: [1] and [511] -> L1 0x80011000,
 *                    [2] a 1G page at 0x80000000 (identity: the code)
 *   L1   0x80011000: [0] -> L0 0x80012000,
 *                    [1] a 2M page 0x40200000 -> 0x80400000
 *   L0   0x80012000: 16 4K pages 0x40000000... -> 0x80200000...,
 *                    [1] read-only, [2] read and execute
 *
 * The loop rewrites the word at 0x40000000 (pa 0x80200000) with a
 * counter and flips L0[3] (va 0x40003000) between frames 0x80203000 and
 * 0x80202000: a guest that changes its page tables while it runs.
 */
	.globl _start
_start:
	/* every other hart waits in M-mode, its satp Bare */
	csrr	t0, mhartid
	bnez	t0, park

	/* the PMP: one NAPOT region over everything, RWX for S and U */
	li	t0, -1
	srli	t0, t0, 10
	csrw	pmpaddr0, t0
	li	t0, 0x1f
	csrw	pmpcfg0, t0

	/* zero the three tables */
	li	s1, 0x80010000
	li	t0, 0x80013000
	mv	t1, s1
1:	sd	zero, 0(t1)
	addi	t1, t1, 8
	bltu	t1, t0, 1b

	/* root: [1], [511] -> L1; [2] 1G at 0x80000000, V R W X A D */
	li	t0, (0x80011 << 10) | 0x01
	sd	t0, 1 * 8(s1)
	li	t1, 511 * 8
	add	t1, t1, s1
	sd	t0, 0(t1)
	li	t0, (0x80000 << 10) | 0xcf
	sd	t0, 2 * 8(s1)
	/* L1: [0] -> L0; [1] 2M at 0x80400000, V R W A D */
	li	s2, 0x80011000
	li	t0, (0x80012 << 10) | 0x01
	sd	t0, 0(s2)
	li	t0, (0x80400 << 10) | 0xc7
	sd	t0, 8(s2)
	/* L0: 16 pages at 0x80200000..., V R W A D */
	li	s2, 0x80012000
	li	t0, (0x80200 << 10) | 0xc7
	li	t2, 16
	mv	t1, s2
1:	sd	t0, 0(t1)
	addi	t0, t0, 0x400
	addi	t1, t1, 8
	addi	t2, t2, -1
	bnez	t2, 1b
	/* [1] read-only (V R A), [2] read and execute (V R X A) */
	ld	t0, 1 * 8(s2)
	andi	t0, t0, ~0x84
	sd	t0, 1 * 8(s2)
	ld	t0, 2 * 8(s2)
	andi	t0, t0, ~0x84
	ori	t0, t0, 0x08
	sd	t0, 2 * 8(s2)

	/* satp: Sv39 (MODE 8), ASID 5, the root */
	li	t0, (8 << 60) | (5 << 44) | 0x80010
	csrw	satp, t0
	sfence.vma

	/* mret to S-mode (mstatus.MPP = 1) at s_mode */
	li	t0, 3 << 11
	csrc	mstatus, t0
	li	t0, 1 << 11
	csrs	mstatus, t0
	la	t0, s_mode
	csrw	mepc, t0
	mret

s_mode:
	li	s0, 0x40000000
	li	t0, 0x6b6c61777470	/* "ptwalk" */
	sd	t0, 8(s0)
	li	a0, 0
spin:
	addi	a0, a0, 1
	sd	a0, 0(s0)
	ld	t0, 3 * 8(s2)
	xori	t0, t0, 0x400
	sd	t0, 3 * 8(s2)
	j	spin

park:
	wfi
	j	park
