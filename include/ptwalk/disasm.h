/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Disassembly with Capstone, or with LLVM where the arch says so (struct
 * arch_disasm), of code read through the MMU as a debugger reads it.
 */
#ifndef PTWALK_DISASM_H
#define PTWALK_DISASM_H

#include "machine.h"

enum dis_mode {
	DIS_DEFAULT,		/* the arch's: x86 32/64, A32, A64 */
	DIS_ARM,		/* arm: A32 */
	DIS_THUMB,		/* arm: T32 (Thumb-2) */
};

struct dis_insn {
	u64 addr;
	u8 len;
	u8 bytes[16];
	char mnemonic[32];
	char op_str[160];
	bool has_target;	/* a call or jump to an immediate address */
	bool is_call;
	u64 target;
	bool has_ref;		/* an address a pc-relative pair forms */
	u64 ref;
};

/*
 * Decode up to n instructions at addr on cpu c, reading page by page
 * (machine_peek_virt) only as far as the instructions go.
 * Returns the number decoded (>= 0; fewer than n when the code runs into
 * bytes that are not an instruction) or a negative errno when the very
 * first read fails (e says why).  A later read failure ends the list and
 * leaves its reason in e.
 */
int dis_decode(struct machine *m, struct cpu *c, u64 addr, enum dis_mode mode,
	       struct dis_insn *out, int n, struct error *e);

/* Does the arch have Thumb code beside its own (DIS_ARM, DIS_THUMB)? */
bool dis_has_thumb(const struct machine *m);
/* The name of the arch's code in a mode ("x86-64", "ARM (A32)"). */
const char *dis_mode_name(const struct machine *m, enum dis_mode mode);

#endif
