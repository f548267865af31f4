/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The decoders behind dis_decode (disasm.c): Capstone's, and LLVM's C
 * disassembler (disasm_llvm.c) for the arches whose struct arch_disasm
 * has llvm.
 */
#ifndef PTWALK_DISASM_IMPL_H
#define PTWALK_DISASM_IMPL_H

#include "ptwalk/disasm.h"

/* One listing's decoder, opened for its arch and mode. */
struct dis_session {
	const struct arch_disasm *d;
	unsigned max_len;		/* the longest instruction, bytes */
	/*
	 * The instruction at code[0..size), address a, into o: its length,
	 * or 0 when the bytes are not one (or too few to tell).
	 */
	unsigned (*one)(struct dis_session *s, const u8 *code, size_t size,
			u64 a, struct dis_insn *o);
	/* the bytes one could not decode (size >= max_len); 0: stop there */
	unsigned (*undecoded)(struct dis_session *s, const u8 *code,
			      size_t size, u64 a, struct dis_insn *o);
	void (*close)(struct dis_session *s);
	void *handle, *insn;		/* the decoder's own */
	void *state;			/* the arch's, along the listing */
};

/* Open s with LLVM for d->llvm (the library loaded on first use). */
int dis_llvm_open(struct dis_session *s, const struct arch_disasm *d,
		  struct error *e);
/* Load the LLVM library SONAME once (dis_llvm_open's, or a test's). */
int dis_llvm_load(const char *soname, struct error *e);

#endif
