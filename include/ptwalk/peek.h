/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A debugger's read (src/hw/peek.c; cf. access_process_vm, crash's readmem).
 */
#ifndef PTWALK_PEEK_H
#define PTWALK_PEEK_H

#include "types.h"

struct machine;
struct cpu;
struct error;

/*
 * The page tables, never the TLB; no accessed bit, no fault, no signal,
 * nothing changed.  A user page not faulted in yet reads as the first
 * access would find it (m->peek_user); where nothing is there the error
 * says "cannot access memory at 0x...: why".  *done: the bytes read
 * before a failure.  What was read and how goes to the kernel trace.
 */
int machine_peek_virt(struct machine *m, struct cpu *c, u64 va, void *buf,
		      u64 len, u64 *done, struct error *e);
/* Read n bytes of the frame at pa for va (RAM only, else the error). */
int machine_peek_frame(struct machine *m, u64 va, u64 pa, void *buf, u64 n,
		       struct error *e);

#endif
