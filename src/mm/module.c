// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * module_alloc and a module loader for relocatable ELF objects (cf.
 * kernel/module/main.c layout_sections, move_module, module_enable_*).
 */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/elf.h"
#include "ptwalk/ksym.h"
#include "ptwalk/module.h"
#include "ptwalk/page_alloc.h"
#include "ptwalk/pgtable.h"
#include "ptwalk/tlbflush.h"
#include "ptwalk/vmalloc.h"

#define SHF_RO_AFTER_INIT	0x00200000	/* include/linux/elf.h */

/* STRICT_MODULE_RWX: text read-only, data not executable (NULL: always) */
static bool
strict_module_rwx(const struct machine *m)
{
	const struct arch_mm *am = m->arch->mm;

	return am->strict_module_rwx == NULL || am->strict_module_rwx(m);
}

void
module_range(const struct machine *m, u64 *start, u64 *end)
{
	*start = m->lay.modules_vaddr;
	*end = m->lay.modules_end;
	if (m->arch->mm->module_range != NULL)
		m->arch->mm->module_range(m, start, end);
}

u64
module_alloc(struct machine *m, u64 size, const char *caller,
	     struct error *e)
{
	u64 start, end;
	pgprot_t prot = m->arch->mm->module_prot;

	module_range(m, &start, &end);
	return __vmalloc_node_range(m, size, 1, start, end, GFP_KERNEL, prot,
				    VM_DEFER_KMEMLEAK, caller, VMK_MODULE, e);
}

int
module_memfree(struct machine *m, u64 addr, struct error *e)
{
	struct vm_struct *vm = find_vm_area(m, addr);

	if (vm == NULL || vm->kind != VMK_MODULE)
		return error_set(e, -EINVAL, "0x%llx is not a module_alloc "
				 "area", (unsigned long long)addr);
	return vfree(m, addr, e);
}

/*
 * Loading
 */

struct ldsec {
	const char *name;
	GElf_Shdr sh;
	Elf_Data *data;
	u64 off;		/* offset in its layout (sh_entsize in Linux) */
	int layout;		/* -1: not allocated, 0 core, 1 init */
};

/*
 * module_get_offset(): the section's offset in its layout, aligned with
 * ALIGN(*size, sh_addralign ?: 1).  Linux trusts the object here: ALIGN()
 * assumes a power of two, the sizes are unsigned int, and the layout's base
 * comes from module_alloc(), which is only page aligned, so an alignment
 * beyond a page is never honoured.  check_section() refuses what breaks
 * those assumptions before any layout is made, so nothing here can wrap.
 */
static u64
get_offset(u64 *size, const GElf_Shdr *sh)
{
	u64 align = sh->sh_addralign ? sh->sh_addralign : 1, ret;

	ret = ALIGN_UP(*size, align);
	*size = ret + sh->sh_size;
	return ret;
}

/* An allocatable section the layout can place: see get_offset(). */
static int
check_section(const struct ldsec *x, const char *name, u64 area,
	      struct error *e)
{
	u64 align = x->sh.sh_addralign;
	char sz[32];

	fmt_size(sz, sizeof(sz), area);
	if (align & (align - 1))
		return error_set(e, -ENOEXEC, "%s: section %s asks for an "
				 "alignment of %llu bytes, not a power of two "
				 "(module_get_offset() aligns with ALIGN(), "
				 "which needs one)", name, x->name,
				 (unsigned long long)align);
	if (align > PAGE_SIZE)
		return error_set(e, -ENOEXEC, "%s: section %s asks for an "
				 "alignment of %#llx bytes: a module's layout "
				 "is only page aligned (module_alloc()), so no "
				 "section can be aligned beyond %lu bytes", name,
				 x->name, (unsigned long long)align,
				 (unsigned long)PAGE_SIZE);
	if (x->sh.sh_size > area)
		return error_set(e, -ENOEXEC, "%s: section %s is %#llx bytes, "
				 "more than the whole module area (%s)", name,
				 x->name, (unsigned long long)x->sh.sh_size, sz);
	return 0;
}

/* layout_sections(): the kernel's five passes for each layout */
static void
layout_sections(struct ldsec *s, int n, int which, struct module_layout *l,
		bool strict)
{
	static const u64 masks[][2] = {
		{ SHF_EXECINSTR | SHF_ALLOC, 0 },
		{ SHF_ALLOC, SHF_WRITE },
		{ SHF_RO_AFTER_INIT | SHF_ALLOC, 0 },
		{ SHF_WRITE | SHF_ALLOC, 0 },
		{ SHF_ALLOC, 0 },
	};
	bool done[128] = { false };
	unsigned k;
	int i;

	l->size = 0;
	for (k = 0; k < ARRAY_SIZE(masks); k++) {
		for (i = 0; i < n && i < 128; i++) {
			if (s[i].layout != which || done[i] ||
			    (s[i].sh.sh_flags & masks[k][0]) != masks[k][0] ||
			    (s[i].sh.sh_flags & masks[k][1]))
				continue;
			s[i].off = get_offset(&l->size, &s[i].sh);
			done[i] = true;
		}
		switch (k) {
		case 0:
			if (strict)
				l->size = ALIGN_UP(l->size, PAGE_SIZE);
			l->text_size = l->size;
			break;
		case 1:
			if (strict)
				l->size = ALIGN_UP(l->size, PAGE_SIZE);
			l->ro_size = l->size;
			break;
		case 2:
			if (strict)
				l->size = ALIGN_UP(l->size, PAGE_SIZE);
			l->ro_after_init_size = l->size;
			break;
		case 4:
			if (strict)
				l->size = ALIGN_UP(l->size, PAGE_SIZE);
			break;
		}
	}
}

/* Change the protection of [va, va + len) (set_memory_ro/nx/x). */
static void
set_memory(struct machine *m, u64 va, u64 len, pgprot_t prot)
{
	u64 a;

	for (a = va; a < va + len; a += PAGE_SIZE) {
		struct walk w;

		if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, a, &w) !=
		    WF_NONE)
			continue;
		pgtable_map(m, m->swapper_pg_dir, a, w.pa & PAGE_MASK,
			    PAGE_SIZE, PAGE_SHIFT, prot, NULL);
	}
	if (len)
		flush_tlb_kernel_range(m, va, va + len);
}

static void
enable_rwx(struct machine *m, const struct module_layout *l, bool init_done)
{
	u64 b = l->base;

	set_memory(m, b, l->text_size, PAGE_KERNEL_RX);
	set_memory(m, b + l->text_size, l->ro_size - l->text_size,
		   PAGE_KERNEL_RO);
	set_memory(m, b + l->ro_size, l->ro_after_init_size - l->ro_size,
		   init_done ? PAGE_KERNEL_RO : PAGE_KERNEL);
	set_memory(m, b + l->ro_after_init_size,
		   l->size - l->ro_after_init_size, PAGE_KERNEL);
}

/* memset(ptr, 0, size) of move_module */
static void
zero_area(struct machine *m, u64 base, u64 size)
{
	u64 a;

	for (a = base; a < base + size; a += PAGE_SIZE) {
		struct page *p = vmalloc_to_page(m, a);

		if (p != NULL)
			phys_zero(&m->phys, page_to_phys(m, p), PAGE_SIZE, NULL);
	}
}

/* Copy the bytes of a section into the simulated area. */
static void
copy_section(struct machine *m, u64 va, const struct ldsec *s)
{
	const u8 *src = s->data ? s->data->d_buf : NULL;
	u64 i;

	if (s->sh.sh_type == SHT_NOBITS || src == NULL)
		return;
	for (i = 0; i < s->sh.sh_size && i < s->data->d_size; ) {
		struct walk w;
		u64 chunk;

		if (mmu_walk(&m->mmu, &m->phys, m->swapper_pg_dir, va + i,
			     &w) != WF_NONE)
			return;
		chunk = MIN(PAGE_SIZE - ((va + i) & (PAGE_SIZE - 1)),
			    s->sh.sh_size - i);
		chunk = MIN(chunk, s->data->d_size - i);
		phys_write(&m->phys, w.pa, src + i, chunk, NULL);
		i += chunk;
	}
}

/* kallsyms' letter for a symbol in section sh: lower case when local */
static char
sym_type(const GElf_Shdr *sh, unsigned bind)
{
	char t = sh->sh_flags & SHF_EXECINSTR ? 't' :
		sh->sh_type == SHT_NOBITS ? 'b' :
		!(sh->sh_flags & SHF_WRITE) ? 'r' : 'd';

	return bind == STB_LOCAL ? t : (char)(t - 'a' + 'A');
}

/*
 * add_kallsyms(): the symbols of the core layout join the kernel's, as
 * /proc/kallsyms lists them ("f [hello]").  Those of the init layout go
 * with it; section, file and undefined symbols, arm mapping symbols ($a,
 * $d ...) and local labels (.L) are not kept, as kallsyms does not show
 * them.  Returns how many were added.
 */
static int
add_symbols(struct machine *m, struct module *mod, Elf *elf,
	    const struct ldsec *s, int n)
{
	Elf_Scn *scn = NULL;
	int added = 0;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;
		Elf_Data *d;
		size_t i, cnt;

		if (gelf_getshdr(scn, &sh) == NULL || sh.sh_type != SHT_SYMTAB ||
		    sh.sh_entsize == 0 || (d = elf_getdata(scn, NULL)) == NULL)
			continue;
		cnt = MIN(sh.sh_size / sh.sh_entsize, d->d_size / sh.sh_entsize);
		for (i = 1; i < cnt; i++) {
			const struct ldsec *x;
			const char *nm;
			GElf_Sym y;
			unsigned type;

			if (gelf_getsym(d, (int)i, &y) == NULL)
				break;
			type = GELF_ST_TYPE(y.st_info);
			if (y.st_shndx == SHN_UNDEF || y.st_shndx > (unsigned)n ||
			    y.st_shndx >= SHN_LORESERVE || type == STT_SECTION ||
			    type == STT_FILE || y.st_name == 0)
				continue;
			x = &s[y.st_shndx - 1];
			nm = elf_strptr(elf, sh.sh_link, y.st_name);
			if (x->layout != 0 || nm == NULL || !nm[0] ||
			    nm[0] == '$' || !strncmp(nm, ".L", 2) ||
			    y.st_value > x->sh.sh_size)
				continue;
			machine_add_module_ksym(m, mod->name, nm,
						mod->core.base + x->off +
						y.st_value, y.st_size,
						sym_type(&x->sh,
							 GELF_ST_BIND(y.st_info)));
			added++;
		}
	}
	return added;
}

static int
check_header(struct machine *m, Elf *elf, const char *name, struct error *e)
{
	GElf_Ehdr eh;
	u16 want = m->arch->elf_machine;

	if (elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &eh) == NULL)
		return error_set(e, -ENOEXEC, "%s: not an ELF file", name);
	if (eh.e_type != ET_REL)
		return error_set(e, -ENOEXEC, "%s: %s, not a relocatable "
				 "object (a module is ET_REL)", name,
				 elf_type_name(eh.e_type));
	if (eh.e_machine != want ||
	    (gelf_getclass(elf) == ELFCLASS64) != m->arch->is64)
		return error_set(e, -ENOEXEC, "%s: a module for %s (ELF%d), "
				 "not for this %s machine", name,
				 elf_machine_name(eh.e_machine),
				 gelf_getclass(elf) == ELFCLASS64 ? 64 : 32,
				 m->arch->name);
	return 0;
}

/* What load_module() reads of the file (cf. struct load_info). */
struct load_info {
	const char *name;
	Elf *elf;
	size_t shnum, shstr;
	struct ldsec *s;		/* the sections, in file order */
	int n;
	u64 area;			/* the size of the module area */
};

/*
 * setup_load_info(): the section headers read and checked, and where each
 * section goes (x->layout: 0 core, 1 init, -1 not loaded).
 */
static int
setup_load_info(struct load_info *info, struct module *mod, struct error *e)
{
	const char *name = info->name;
	Elf_Scn *scn = NULL;
	int r;

	while ((scn = elf_nextscn(info->elf, scn)) != NULL &&
	       info->n < (int)info->shnum) {
		struct ldsec *x = &info->s[info->n];

		if (gelf_getshdr(scn, &x->sh) == NULL)
			return error_set(e, -ENOEXEC, "%s: bad section header",
					 name);
		x->name = elf_strptr(info->elf, info->shstr, x->sh.sh_name);
		if (x->name == NULL)
			x->name = "?";
		x->data = x->sh.sh_type == SHT_NOBITS ? NULL :
			elf_getdata(scn, NULL);
		if (x->sh.sh_type != SHT_NOBITS && x->sh.sh_size &&
		    (x->data == NULL || x->data->d_size < x->sh.sh_size))
			return error_set(e, -ENOEXEC, "%s: section %s lies "
					 "beyond the end of the file", name,
					 x->name);
		/* .modinfo and __versions lose SHF_ALLOC (setup_load_info) */
		if (!strcmp(x->name, ".modinfo") ||
		    !strcmp(x->name, "__versions"))
			x->sh.sh_flags &= ~(u64)SHF_ALLOC;
		if (!strcmp(x->name, ".data..ro_after_init"))
			x->sh.sh_flags |= SHF_RO_AFTER_INIT;
		if (x->sh.sh_type == SHT_REL || x->sh.sh_type == SHT_RELA) {
			size_t l = strlen(mod->rel_names);

			mod->nrel++;
			snprintf(mod->rel_names + l, sizeof(mod->rel_names) - l,
				 "%s%s", l ? " " : "", x->name);
		}
		x->layout = (x->sh.sh_flags & SHF_ALLOC) && x->sh.sh_size ?
			(!strncmp(x->name, ".init", 5) ? 1 : 0) : -1;
		info->n++;
		if (x->layout >= 0) {
			r = check_section(x, name, info->area, e);
			if (r)
				return r;
		}
	}
	return 0;
}

/* layout_and_allocate()'s layout: core and init, each within the area */
static int
layout_module(const struct load_info *info, struct module *mod,
	      struct error *e)
{
	layout_sections(info->s, info->n, 0, &mod->core, mod->strict_rwx);
	layout_sections(info->s, info->n, 1, &mod->init, mod->strict_rwx);
	if (mod->core.size > info->area || mod->init.size > info->area) {
		char sz[32];

		fmt_size(sz, sizeof(sz), info->area);
		return error_set(e, -ENOEXEC, "%s: the sections add up to "
				 "%#llx bytes, more than the whole module area "
				 "(%s)", info->name, (unsigned long long)
				 MAX(mod->core.size, mod->init.size), sz);
	}
	if (mod->core.size == 0)
		return error_set(e, -ENOEXEC, "%s: no allocatable section (no "
				 ".text, .data ...): nothing to load",
				 info->name);
	return 0;
}

/* move_module(): both layouts from module_alloc, zeroed, sections copied */
static int
move_module(struct machine *m, struct module *mod,
	    const struct load_info *info, struct error *e)
{
	const struct ldsec *s = info->s;
	int i, k;

	mod->core.base = module_alloc(m, mod->core.size, "move_module", e);
	if (mod->core.base == 0)
		return e ? e->code : -ENOMEM;
	find_vm_area(m, mod->core.base)->owner = mod;
	zero_area(m, mod->core.base, mod->core.size);
	if (mod->init.size) {
		mod->init.base = module_alloc(m, mod->init.size, "move_module",
					      e);
		if (mod->init.base == 0) {
			vfree(m, mod->core.base, NULL);
			return e ? e->code : -ENOMEM;
		}
		zero_area(m, mod->init.base, mod->init.size);
	}
	for (i = 0; i < info->n; i++) {
		struct module_layout *l;

		if (s[i].layout < 0)
			continue;
		l = s[i].layout ? &mod->init : &mod->core;
		copy_section(m, l->base + s[i].off, &s[i]);
		mod->sect = xrealloc(mod->sect, (size_t)(mod->nsect + 1) *
				     sizeof(*mod->sect));
		k = mod->nsect++;
		snprintf(mod->sect[k].name, sizeof(mod->sect[k].name), "%s",
			 s[i].name);
		mod->sect[k].addr = l->base + s[i].off;
		mod->sect[k].size = s[i].sh.sh_size;
		mod->sect[k].flags = s[i].sh.sh_flags;
		mod->sect[k].init = s[i].layout == 1;
		mod->sect[k].nobits = s[i].sh.sh_type == SHT_NOBITS;
	}
	return 0;
}

/*
 * complete_formation() sets the layouts' permissions; do_init_module():
 * init would run here, then ro_after_init becomes read-only and the init
 * layout is freed.
 */
static void
do_init_module(struct machine *m, struct module *mod)
{
	if (mod->strict_rwx) {
		enable_rwx(m, &mod->core, false);
		if (mod->init.size)
			enable_rwx(m, &mod->init, false);
	}
	if (mod->strict_rwx)
		enable_rwx(m, &mod->core, true);
	if (mod->init.size)
		vfree(m, mod->init.base, NULL);
}

int
load_module(struct machine *m, const char *name, const void *data, u64 size,
	    struct module **out, struct error *e)
{
	struct module_state *ms = module_of(m);
	struct load_info info = { .name = name };
	struct module *mod = NULL;
	u64 start, end;
	char why[64];
	int r;

	if (find_module(m, name) != NULL)
		return error_set(e, -EEXIST, "module %s is already loaded",
				 name);
	module_range(m, &start, &end);
	info.area = end - start;
	if (elf_header_truncated(data, size, why, sizeof(why)))
		return error_set(e, -ENOEXEC, "%s: %s", name, why);
	elf_version(EV_CURRENT);
	info.elf = elf_memory((char *)(uintptr_t)data, (size_t)size);
	if (info.elf == NULL)
		return error_set(e, -ENOEXEC, "%s: %s", name, elf_errmsg(-1));
	r = check_header(m, info.elf, name, e);
	if (r)
		goto out;
	if (elf_getshdrnum(info.elf, &info.shnum) ||
	    elf_getshdrstrndx(info.elf, &info.shstr) || info.shnum > 128) {
		r = error_set(e, -ENOEXEC, "%s: bad section headers", name);
		goto out;
	}
	info.s = xcalloc(info.shnum ? info.shnum : 1, sizeof(*info.s));
	mod = xcalloc(1, sizeof(*mod));
	snprintf(mod->name, sizeof(mod->name), "%s", name);
	mod->strict_rwx = strict_module_rwx(m);
	r = setup_load_info(&info, mod, e);
	if (r == 0)
		r = layout_module(&info, mod, e);
	if (r == 0)
		r = move_module(m, mod, &info, e);
	if (r)
		goto out;
	do_init_module(m, mod);
	mod->nsyms = add_symbols(m, mod, info.elf, info.s, info.n);
	mod->next = ms->mods;
	ms->mods = mod;
	*out = mod;
	mod = NULL;
out:
	if (mod != NULL) {
		free(mod->sect);
		free(mod);
	}
	free(info.s);
	elf_end(info.elf);
	return r;
}

struct module *
find_module(const struct machine *m, const char *name)
{
	const struct module_state *ms = module_of(m);
	struct module *mod;

	for (mod = ms ? ms->mods : NULL; mod != NULL; mod = mod->next)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

struct module *
module_at(const struct machine *m, u64 addr)
{
	const struct module_state *ms = module_of(m);
	struct module *mod;

	for (mod = ms ? ms->mods : NULL; mod != NULL; mod = mod->next)
		if (addr >= mod->core.base &&
		    addr < mod->core.base + mod->core.size)
			return mod;
	return NULL;
}

int
delete_module(struct machine *m, const char *name, struct error *e)
{
	struct module_state *ms = module_of(m);
	struct module **pp, *mod;

	for (pp = &ms->mods; *pp != NULL; pp = &(*pp)->next)
		if (!strcmp((*pp)->name, name))
			break;
	mod = *pp;
	if (mod == NULL)
		return error_set(e, -ENOENT, "no module %s is loaded", name);
	/* free_module(): permissions back to RW NX, then module_memfree */
	if (mod->strict_rwx)
		set_memory(m, mod->core.base, mod->core.size, PAGE_KERNEL);
	vfree(m, mod->core.base, NULL);
	machine_del_module_ksyms(m, mod->name);
	*pp = mod->next;
	free(mod->sect);
	free(mod);
	return 0;
}

int
module_init_state(struct machine *m, struct error *e)
{
	(void)e;
	m->kern->mod = xcalloc(1, sizeof(struct module_state));
	return 0;
}

void
module_release(struct machine *m)
{
	struct module_state *ms = module_of(m);
	struct module *mod, *n;

	if (ms == NULL)
		return;
	for (mod = ms->mods; mod != NULL; mod = n) {
		n = mod->next;
		machine_del_module_ksyms(m, mod->name);
		free(mod->sect);
		free(mod);
	}
	free(ms);
	m->kern->mod = NULL;
}
