/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Numbers as ptwalk writes them, for the renderers and for the error
 * messages of the layers below them.  Addresses are printed at the width
 * of the arch: 0x%08llx on 32-bit, 0x%016llx for 64-bit virtual addresses.
 * Each result is a fmt_buf(): fine for a few per printf call.
 */
#ifndef PTWALK_FORMAT_H
#define PTWALK_FORMAT_H

#include "types.h"

struct machine;

const char *fva(const struct machine *m, u64 va);
const char *fpa(const struct machine *m, u64 pa);
/* A page frame number at the width of the physical addresses. */
const char *fpfn(const struct machine *m, u64 pfn);
/* A page-table entry of level lvl at the width of its entries. */
const char *fentry(const struct machine *m, int lvl, u64 e);
/* "4K", "2M", "92" (see fmt_size) */
const char *fsize(u64 bytes);
/* A buddy block: "order-3 block (8 pages, 32K)". */
const char *fblock(unsigned order);

#endif
