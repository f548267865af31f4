// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Load a relocatable ELF object as a module: its allocatable sections in
 * the module area.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/hostmap.h"
#include "ptwalk/module.h"
#include "ptwalk/out.h"
#include "ptwalk/show.h"
#include "ptwalk/show_kreg.h"

/* "hello" from ".../hello-i386.ko": the basename up to '-' or '.' */
static void
module_name(const char *path, char *name, size_t n)
{
	const char *b = strrchr(path, '/');
	size_t k;

	b = b ? b + 1 : path;
	for (k = 0; b[k] && b[k] != '.' && b[k] != '-' && k + 1 < n; k++)
		name[k] = b[k] == '-' ? '_' : b[k];
	name[k] = 0;
	if (k == 0)
		snprintf(name, n, "module");
}

static int
sect_cmp(const void *a, const void *b)
{
	return strcmp(((const struct module_sect *)a)->name,
		      ((const struct module_sect *)b)->name);
}

/* "4K" for whole kilobytes, else "92 bytes" */
static const char *
fbytes(u64 n)
{
	char *b;

	if (n && n % 1024 == 0)
		return fsize(n);
	b = fmt_buf();
	snprintf(b, FMT_BUF_LEN, "%llu byte%s", (unsigned long long)n,
		 n == 1 ? "" : "s");
	return b;
}

static void
show_layout(struct ctx *ctx, const char *what, const struct module *mod,
	    const struct module_layout *l)
{
	struct machine *m = ctx->m;

	if (l->size == 0)
		return;
	out_printf(ctx, "  %-6s %s-%s  %s: text %s, rodata %s, ro_after_init "
		   "%s, data+bss %s\n", what, fva(m, l->base),
		   fva(m, l->base + l->size - 1), fbytes(l->size),
		   fbytes(l->text_size), fbytes(l->ro_size - l->text_size),
		   fbytes(l->ro_after_init_size - l->ro_size),
		   fbytes(l->size - l->ro_after_init_size));
	(void)mod;
}

struct load_args {
	struct machine *m;
	const char *name;
	const void *data;
	u64 size;
	struct module **mod;
	struct error *e;
};

static int
load_cb(void *arg)
{
	struct load_args *a = arg;

	return load_module(a->m, a->name, a->data, a->size, a->mod, a->e);
}

/*
 * Map FILE and load it as module name.  The mapping is read under a
 * guard: a file truncated meanwhile is an error, not a SIGBUS.
 */
static int
insmod_file(struct machine *m, const char *path, const char *name,
	    struct module **mod, struct error *e)
{
	struct load_args a = { m, name, NULL, 0, mod, e };
	struct stat st;
	char *what;
	void *data;
	int fd, r;

	fd = host_open(path, 0, "the module", &st, e);
	if (fd < 0)
		return e->code;
	if (st.st_size <= 0) {
		close(fd);
		return error_set(e, -ENOEXEC, "the module '%s' is empty (0 "
				 "bytes)", path);
	}
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED)
		return error_set(e, -errno, "cannot map the module '%s': %s",
				 path, strerror(errno));
	what = xasprintf("the module '%s'", path);
	hostmap_add(data, (size_t)st.st_size, what);
	free(what);
	a.data = data;
	a.size = (u64)st.st_size;
	if (hostmap_call(load_cb, &a, &r, e))
		r = e->code;
	hostmap_del(data);
	munmap(data, (size_t)st.st_size);
	return r;
}

static int
insmod_run(struct ctx *ctx)
{
	const struct args *args = cmd_args(ctx);
	struct machine *m = ctx->m;
	const char *path = args->argv[0];
	struct module *mod;
	struct error e;
	char name[56];
	int r, i;

	error_clear(&e);
	module_name(path, name, sizeof(name));
	r = insmod_file(m, path, name, &mod, &e);
	show_trace(ctx);
	if (r)
		return cmd_err(ctx, &e);
	out_printf(ctx, "insmod %s: module %s, %d allocatable section%s\n",
		   path, mod->name, mod->nsect, mod->nsect == 1 ? "" : "s");
	show_layout(ctx, "core", mod, &mod->core);
	if (mod->init.size) {
		show_layout(ctx, "init", mod, &mod->init);
		out_printf(ctx, "         the init layout is freed once init "
			   "returns (ptwalk runs no code: at once)\n");
	}
	if (mod->strict_rwx)
		out_printf(ctx, "  perms  text RX, rodata RO NX, ro_after_init "
			   "RO NX after init, data RW NX "
			   "(module_enable_ro/nx/x)\n");
	else
		out_printf(ctx, "  perms  all PAGE_KERNEL_EXEC (no "
			   "STRICT_MODULE_RWX in this kernel)\n");
	j_str(ctx, "name", mod->name);
	j_hex(ctx, "va", mod->core.base);
	j_u64(ctx, "size", mod->core.size);
	j_str(ctx, "region", region_name(m, mod->core.base));
	/* sorted by name, as ls lists the sysfs files */
	qsort(mod->sect, (size_t)mod->nsect, sizeof(*mod->sect), sect_cmp);
	j_obj(ctx, "sections");
	for (i = 0; i < mod->nsect; i++) {
		out_printf(ctx, "  /sys/module/%s/sections/%-22s %s%s\n",
			   mod->name, mod->sect[i].name,
			   fva(m, mod->sect[i].addr),
			   mod->sect[i].init ? "  (init, freed)" : "");
		j_hex(ctx, mod->sect[i].name, mod->sect[i].addr);
	}
	j_obj_end(ctx);
	out_printf(ctx, "  kallsyms %d symbol%s of the core layout, listed as "
		   "'NAME [%s]' by 'sym --list'\n", mod->nsyms,
		   mod->nsyms == 1 ? "" : "s", mod->name);
	j_int(ctx, "symbols", mod->nsyms);
	if (mod->nrel)
		out_printf(ctx, "  not done: %d relocation section%s (%s) not "
			   "applied, undefined symbols not resolved, init not "
			   "run\n", mod->nrel, mod->nrel == 1 ? "" : "s",
			   mod->rel_names);
	cmd_set_value(ctx, mod->core.base);
	return 0;
}

const struct cmd cmd_insmod = {
	.name = "insmod",
	.family = FAM_REGIONS,
	.usage = "FILE.ko",
	.summary = "load a relocatable ELF's sections into the module area",
	.help =
	"Reads FILE, a relocatable ELF (ET_REL) for this machine's\n"
	"architecture, with libelf, and does what load_module() does with\n"
	"its sections: .modinfo and __versions lose SHF_ALLOC,\n"
	".data..ro_after_init gets SHF_RO_AFTER_INIT, layout_sections() packs\n"
	"the allocatable ones into a core and an init layout (sections named\n"
	".init*), grouped as text, read-only data, ro_after_init data and\n"
	"writable data + bss, each group page aligned under\n"
	"STRICT_MODULE_RWX; module_alloc() places each layout, the bytes are\n"
	"copied in (.bss zeroed), and the page permissions are set (text RX,\n"
	"rodata RO and NX, data RW and NX).  The section addresses are\n"
	"printed as /sys/module/NAME/sections/ shows them.  The symbols of\n"
	"the core layout join the kernel's, as /proc/kallsyms lists them\n"
	"('NAME [MODULE]' in 'sym --list'): 'sym NAME', 'dis NAME' and\n"
	"<NAME+0x4> in x/a work; rmmod removes them.  Sections must\n"
	"ask for a power-of-two alignment of at most a page (the layout is\n"
	"only page aligned) and fit in the module area.  The module name is\n"
	"the file name up to the first '-' or '.'.  Not done: relocations\n"
	"are not applied and undefined symbols not resolved (the code is not\n"
	"meant to run), and init is not run: its layout is freed at once, as\n"
	"after init returns.  A plain object from gcc -c serves as well as a\n"
	".ko.  'rmmod NAME' unloads; 'lsmod' lists.\n",
	.complete = "file",
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_SIM | CMD_TRACE_VERBOSE,
	.value = VALUE_VA,
	.run = insmod_run,
};
