/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The TLB hierarchy model (tlbh.h) for people: `set tlb-model` (its
 * geometry, changed piece by piece) and the statistics after a replay.
 */
#ifndef PTWALK_SHOW_TLBH_H
#define PTWALK_SHOW_TLBH_H

#include "cmd.h"
#include "tlbh.h"

/* `set tlb-model ...`: args->argv[0] is "tlb-model". */
int set_tlb_model(struct ctx *ctx, const struct args *args);
/* The geometry of the model set on the machine (or "none"). */
void show_tlbh_geom(struct ctx *ctx, const struct machine *m);
/* The statistics of a replay's model: text lines and the "tlb_model"
 * JSON object. */
void show_tlbh_stats(struct ctx *ctx, const struct machine *m,
		     const struct tlbh *h);

#endif
