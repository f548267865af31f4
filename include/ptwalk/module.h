/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Loadable modules (kernel/module/main.c, arch/{x86,arm,arm64}/kernel/
 * module.c): module_alloc() places memory in the module area (x86_64 and
 * arm/arm64: MODULES_VADDR..MODULES_END, arm64 from _etext - 128M as 6.1
 * without KASLR; i386: the vmalloc area), page by page as vmalloc does;
 * load_module() lays a relocatable ELF's allocatable sections out as
 * layout_sections() does (text, rodata, ro_after_init, data + bss; init
 * sections apart), copies them in, and sets the page permissions
 * (module_enable_ro/nx/x) where the kernel has STRICT_MODULE_RWX.
 * The symbols of the core layout join the kernel's (add_kallsyms) and
 * leave with the module.  Not done: relocations, resolving undefined
 * symbols, running init (the init sections are freed at once, as after
 * init returns).
 */
#ifndef PTWALK_MODULE_H
#define PTWALK_MODULE_H

#include "kernel.h"
#include "machine.h"

struct module_sect {
	char name[48];
	u64 addr, size;
	u64 flags;		/* sh_flags */
	bool init;		/* in the init layout (freed after init) */
	bool nobits;
};

struct module_layout {
	u64 base, size;
	u64 text_size, ro_size, ro_after_init_size;
};

struct module {
	struct module *next;
	char name[56];
	struct module_layout core, init;
	struct module_sect *sect;
	int nsect;
	int nsyms;		/* symbols added to the kernel's (kallsyms) */
	int nrel;		/* relocation sections not applied */
	char rel_names[160];
	bool strict_rwx;
};

struct module_state {
	struct module *mods;
};

int module_init_state(struct machine *m, struct error *e);
void module_release(struct machine *m);

static inline struct module_state *
module_of(const struct machine *m)
{
	return m->kern != NULL ? m->kern->mod : NULL;
}

/* The range module_alloc() uses on this machine. */
void module_range(const struct machine *m, u64 *start, u64 *end);
/* module_alloc(size): 0 with the reason. */
u64 module_alloc(struct machine *m, u64 size, const char *caller,
		 struct error *e);
/* module_memfree */
int module_memfree(struct machine *m, u64 addr, struct error *e);

/* Load a relocatable ELF (the bytes of FILE.ko) as module name. */
int load_module(struct machine *m, const char *name, const void *data,
		u64 size, struct module **out, struct error *e);
int delete_module(struct machine *m, const char *name, struct error *e);
struct module *find_module(const struct machine *m, const char *name);
/* The module whose core holds addr (NULL: none). */
struct module *module_at(const struct machine *m, u64 addr);

#endif
