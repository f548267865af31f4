/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kernel symbols (src/hw/ksym.c).  machine_add_ksym() adds a symbol of the
 * kernel or gives an existing one a new value; a module's symbols are
 * added and removed together.  Lookups cost a hash probe (by name) or a
 * bisection (by address) whatever the number of symbols.
 */
#ifndef PTWALK_KSYM_H
#define PTWALK_KSYM_H

#include "types.h"

struct machine;

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
