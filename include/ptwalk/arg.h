/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Arguments that name the kernel's objects (src/ui/arg.c).  Each helper
 * fails the running command with a message naming the argument; the
 * plain numbers and addresses are cmd.h's arg_u64, arg_va and arg_int.
 */
#ifndef PTWALK_ARG_H
#define PTWALK_ARG_H

#include "cmd.h"
#include "mm.h"
#include "page_alloc.h"
#include "slab.h"

/* "GFP_KERNEL|__GFP_ZERO"; an unknown flag lists the valid ones. */
int arg_gfp(struct ctx *ctx, const char *s, gfp_t *gfp);
/* 0..MAX_ORDER-1; negative or too large orders are explained. */
int arg_order(struct ctx *ctx, const char *s, unsigned *order);
/* The address of a struct page (what alloc_pages and pfn_to_page give). */
int arg_struct_page(struct ctx *ctx, const char *s, const char *what,
		    struct page **page);
/* A struct page address, a pfn, or a direct-map address. */
int arg_page_any(struct ctx *ctx, const char *s, struct page **page);

/* A cache by name; the error lists close names. */
int arg_cache(struct ctx *ctx, const char *s, struct kmem_cache **cache);
/* "SLAB_HWCACHE_ALIGN|SLAB_POISON", a number, or 0. */
int arg_slab_flags(struct ctx *ctx, const char *s, slab_flags_t *flags);
/* The other way: "SLAB_HWCACHE_ALIGN|SLAB_KMALLOC" or "-" into sb. */
void slab_flags_string(slab_flags_t flags, struct strbuf *sb);

/* PID (an expression) or, when arg is NULL, the task on the current CPU. */
int arg_task(struct ctx *ctx, const char *arg, struct task_struct **t);
/* The same, and the task must have an address space that is alive. */
int arg_task_live(struct ctx *ctx, const char *arg, struct task_struct **t);
/*
 * A real task of a memory image by PID (NULL: the one `switch` chose);
 * what the task list could not say goes to warn.
 */
struct ktask;
int arg_ktask(struct ctx *ctx, const char *arg, struct ktask *t,
	      struct strbuf *warn);
/* "r", "w", "x" (or read, write, exec, fetch) -> ACC_*; -1 when none */
int access_kind(const char *s);
/* PROT: "rwx", "r-x", "---", PROT_READ|PROT_WRITE or a number */
int arg_prot(struct ctx *ctx, const char *s, unsigned *prot);

/* x/FMT: count, format letter (x d u o t c a s), unit size (1 2 4 8). */
struct xfmt {
	u64 count;
	char fmt;
	unsigned unit;
	bool items;		/* a /FMT was given: gdb-style items */
};
/* The suffix s (NULL: none, a hexdump) of x, xp and write. */
int arg_xfmt(struct ctx *ctx, const char *s, struct xfmt *f);
/* The byte count of x/xp: LEN (NULL: none) or what /FMT asks, 1..max. */
int arg_xlen(struct ctx *ctx, const struct xfmt *f, const char *lenarg, u64 max,
	     u64 *len);

#endif
