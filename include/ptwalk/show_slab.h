/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Arguments and presentation shared by the slab commands: cache names,
 * SLAB_* flags, an allocated object (where it is and what changed), a free.
 */
#ifndef PTWALK_SHOW_SLAB_H
#define PTWALK_SHOW_SLAB_H

#include "cmd.h"
#include "slab.h"

/* Bracket a slab call: trace in verbose mode. */
void slab_call_begin(struct ctx *ctx);

/*
 * After an allocation that returned va (call: "kmalloc(100, GFP_KERNEL)";
 * req: bytes asked for, 0 when the cache decides): the headline, the
 * object, its slab, the region and the physical address, what changed,
 * the walk with --walk; sets $_.
 */
int show_slab_alloc(struct ctx *ctx, const char *call, u64 va, u64 req);
/* The body of kmalloc and kzalloc: SIZE [GFP]; zero adds __GFP_ZERO. */
int slab_cmd_kmalloc(struct ctx *ctx, int argc, char **argv, bool zero);
/*
 * Free an object with kfree (cache NULL) or kmem_cache_free and show which
 * object it was and what changed.
 */
int slab_free_cmd(struct ctx *ctx, struct kmem_cache *cache, const char *arg);
/* The slab events of the last call, one line each. */
void show_slab_events(struct ctx *ctx);

/* The options of the allocating commands. */
extern const struct cmd_opt slab_alloc_opts[];

#endif
