/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kernel symbols (src/hw/ksym.c).  machine_add_ksym() adds a symbol of the
 * kernel or gives an existing one a new value; a module's symbols are
 * added and removed together.  Lookups cost a hash probe (by name) or a
 * bisection (by address) whatever the number of symbols.  Code that walks
 * m->ksyms itself calls machine_ksyms_load() first.
 */
#ifndef PTWALK_KSYM_H
#define PTWALK_KSYM_H

#include "types.h"

struct machine;
struct error;

struct ksym {
	char *name;
	u64 value;
	u64 size;
	char type;		/* 'T' text, 'D' data, 'B' bss, 'A' absolute */
	const char *module;	/* NULL: the kernel's; else the module's name
				 * (its struct module owns the string) */
};

void machine_add_ksym(struct machine *m, const char *name, u64 value,
		      u64 size, char type);
/*
 * The kernel's whole symbol table at once (a memory image's kallsyms, a
 * System.map, a vmlinux), in its order.  Each replaces the kernel's symbol
 * of its name added before (a layout constant, a VMCOREINFO SYMBOL());
 * a name the table repeats (static symbols of several files) keeps every
 * entry, and a lookup by name answers the first, as
 * kallsyms_lookup_name() does.  Takes over syms[i].name (malloc'ed).
 */
void machine_set_kernel_ksyms(struct machine *m, struct ksym *syms, int n);
/*
 * A loader of the kernel's table that runs once, on the first lookup by
 * name or address (or machine_ksyms_load()), not before: opening a memory
 * image stays fast.  What it could not do is kept for
 * machine_ksyms_error().
 */
void machine_ksym_defer(struct machine *m,
			int (*load)(struct machine *m, void *arg,
				    struct error *e), void *arg);
/*
 * The kernel's table read on demand (a dump's kallsyms): n symbols, in
 * address order, that the loader hands over instead of decoding them all.
 * Lookups ask it and keep each symbol they answer (machine_ksym() and
 * machine_ksym_at() answer as if the whole table had been given to
 * machine_set_kernel_ksyms()); load() decodes the whole table into
 * m->ksyms when a walk over it needs them (machine_ksyms_load()) or after
 * many lookups by name.
 */
struct ksym_table {
	u32 n;
	void *arg;
	/* the index of the first symbol named names[j], or -1, into idx[j] */
	void (*find)(void *arg, const char *const *names, int nn, long *idx);
	/*
	 * the index of the symbol an address lookup answers from the table
	 * alone (nearest at or below va, no constant, first of its value)
	 */
	long (*at)(void *arg, u64 va);
	/* symbol i: its name into name (size bytes), the rest into *k */
	int (*get)(void *arg, u32 i, struct ksym *k, char *name, size_t size);
	int (*load)(struct machine *m, void *arg, struct error *e);
	void (*free)(void *arg);
};
void machine_ksym_table(struct machine *m, const struct ksym_table *t);
/*
 * Run the deferred loader if still pending, and decode a table read on
 * demand whole into m->ksyms; -1 when it failed.
 */
int machine_ksyms_load(struct machine *m);
/* Why the kernel's table is missing (the loader's error), or NULL. */
const char *machine_ksyms_error(const struct machine *m);
void machine_ksyms_set_error(struct machine *m, const char *msg);
/*
 * Why a name may be missing: the loader's error, else what the table said
 * of itself (a kallsyms of code only); NULL when nothing is known.
 */
const char *machine_ksyms_missing(const struct machine *m);
void machine_ksyms_set_note(struct machine *m, const char *msg);
/*
 * A finder of the kernel symbols a table lacks (a kallsyms of code only):
 * machine_ksym() asks it for a name it does not know, and a symbol found
 * is added (type 'D').  The finder may look names up itself.
 */
void machine_ksym_derive(struct machine *m,
			 bool (*derive)(struct machine *m, const char *name,
					u64 *value, u64 *size));
void machine_add_module_ksym(struct machine *m, const char *module,
			     const char *name, u64 value, u64 size, char type);
void machine_del_module_ksyms(struct machine *m, const char *module);
void machine_ksyms_release(struct machine *m);
/* By name: the kernel's symbol, else the last loaded module's; or NULL. */
const struct ksym *machine_ksym(const struct machine *m, const char *name);
/*
 * Nearest symbol at or below va, constants ('A') left out; of several at
 * one address the first added.  NULL if none.
 */
const struct ksym *machine_ksym_at(const struct machine *m, u64 va);

#endif
