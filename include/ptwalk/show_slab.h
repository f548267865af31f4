/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Presentation shared by the slab commands: an allocated object (where it
 * is and what changed), a freed one, the events behind them.
 */
#ifndef PTWALK_SHOW_SLAB_H
#define PTWALK_SHOW_SLAB_H

#include "cmd.h"
#include "slab.h"

/*
 * After an allocation that returned va (call: "kmalloc(100, GFP_KERNEL)";
 * req: bytes asked for, 0 when the cache decides): the headline, the
 * object, its slab, the region and the physical address, what changed,
 * the walk with --walk; sets $_.
 */
int show_slab_alloc(struct ctx *ctx, const char *call, u64 va, u64 req);
/*
 * After kfree or kmem_cache_free of x (call: "kfree(0xc9e89000)"; info:
 * what slab_lookup found at x before the free): which object it was,
 * its slab now, what changed.
 */
void show_slab_free(struct ctx *ctx, const char *call, u64 x,
		    const struct slab_obj_info *info);
/* The slab events of the last call, one line each. */
void show_slab_events(struct ctx *ctx);

/* The options of the allocating commands. */
extern const struct cmd_opt slab_alloc_opts[];

#endif
