/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Renderers shared by several commands: a walk, an entry, permissions,
 * the kernel's trace, a memory dump, a disassembly.
 */
#ifndef PTWALK_SHOW_H
#define PTWALK_SHOW_H

#include "cmd.h"
#include "mmu.h"

/* "kernel rwx, user r-x" */
void perm_string(u16 perm, char *buf, size_t n);
/* "global uncached" etc. ("" when none) */
void attr_string(u32 attr, char *buf, size_t n);
/* "P RW A D G" */
void entry_flags(const struct machine *m, int lvl, u64 e, char *buf, size_t n);
/* Print a full walk (text and JSON).  tlb: also report the TLB's view. */
void show_walk(struct ctx *ctx, struct cpu *c, const struct walk *w,
	       bool tlb);
/* Only the JSON fields of a walk (va, pa, page_size, steps, fault). */
void show_walk_json(struct ctx *ctx, const struct walk *w);
/*
 * Why an access would fault on a walk that translated (w->access_fault:
 * arm64's clear access flag, arm's old page): a sentence, or NULL.
 */
const char *access_fault_note(const struct walk *w);
const char *level_name(const struct machine *m, int lvl);
/*
 * What the arch calls the address-space tag of its TLB entries, as its
 * traces do (struct arch tag_name, else "ASID"); lower-case for keys and
 * column heads ("pcid").
 */
const char *tag_name(const struct machine *m, bool lower);

/*
 * Print the kernel's trace lines (indented) and put them in JSON "trace";
 * then clear it.  The dispatcher starts the trace for the commands that
 * declare CMD_TRACE.
 */
void show_trace(struct ctx *ctx);

/*
 * Print len bytes read from addr (virtual or physical, for the labels):
 * a hexdump, or the items of an x/FMT (src/ui/show_dump.c).
 */
struct xfmt;
void show_dump(struct ctx *ctx, u64 addr, const u8 *buf, u64 len,
	       const struct xfmt *f, bool virt);

/*
 * Disassemble n instructions at the expression `where` (force: a
 * dis_mode, DIS_DEFAULT to choose) and print them: dis and x/i
 * (src/ui/show_dis.c).
 */
int show_dis(struct ctx *ctx, const char *where, long n, int force);

#endif
