// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Booting a simulated machine (cf. init/main.c start_kernel): the options
 * checked, a bare machine with its RAM (src/hw), the arch's setup and
 * paging_init (swapper_pg_dir), every CPU on swapper_pg_dir, then the
 * simulated kernel (kernel_init, src/mm), which the machine releases
 * through m->release.
 */
#include <errno.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/kernel.h"
#include "ptwalk/machine.h"

#define MEM_MIN		(16 * MiB)

static int
check_mem(const struct arch *a, const struct kernel_profile *p, u64 mem,
	  struct error *e)
{
	char have[32], max[32];

	fmt_size(have, sizeof(have), mem);
	fmt_size(max, sizeof(max), p && p->mem_max ? p->mem_max : a->mem_max);
	if (mem == 0)
		return error_set(e, -EINVAL, "--mem 0: a machine needs some "
				 "RAM (at least 16M)");
	if (mem < MEM_MIN)
		return error_set(e, -EINVAL, "--mem %s is too small: the "
				 "kernel needs at least 16M", have);
	if (a->mem_min && mem < a->mem_min) {
		char min[32];

		fmt_size(min, sizeof(min), a->mem_min);
		return error_set(e, -EINVAL, "--mem %s is too small for %s: "
				 "at least %s (%s)", have, a->name, min,
				 a->mem_min_why ? a->mem_min_why : "");
	}
	if (mem & (PAGE_SIZE - 1))
		return error_set(e, -EINVAL, "--mem %s is not a whole number of "
				 "4K pages", have);
	if (p && p->mem_max && mem > p->mem_max)
		return error_set(e, -EINVAL, "--mem %s: %s (%s) can hold at "
				 "most %s of RAM: %s", have, a->name, p->name,
				 max, p->mem_max_why);
	if (!(p && p->mem_max) && mem > a->mem_max) {
		if (a->mem_max_msg != NULL)
			return error_set(e, -EINVAL, "--mem %s: %s", have,
					 a->mem_max_msg);
		if (a->mem_max_why != NULL)
			return error_set(e, -EINVAL, "--mem %s: %s can hold at "
					 "most %s of RAM: %s", have, a->name,
					 max, a->mem_max_why);
		return error_set(e, -EINVAL, "--mem %s: %s can address at most "
				 "%s of RAM", have, a->name, max);
	}
	return 0;
}

/* The arches for which ok(arch) holds, "i386, i386-pae and arm". */
static void
arches_where(bool (*ok)(const struct arch *, unsigned), unsigned arg,
	     struct strbuf *sb)
{
	int i, n = 0, k = 0;

	for (i = 0; arch_list[i] != NULL; i++)
		n += ok(arch_list[i], arg);
	for (i = 0; arch_list[i] != NULL; i++) {
		if (!ok(arch_list[i], arg))
			continue;
		sb_addf(sb, "%s%s", k == 0 ? "" : k == n - 1 ? " and " : ", ",
			arch_list[i]->name);
		k++;
	}
	if (n == 0)
		sb_adds(sb, "no arch ptwalk simulates");
}

static bool
feature_ok(const struct arch *a, unsigned bit)
{
	return a->features_ok & bit;
}

/*
 * --cpu: only the features this CPU can have either way are changed; a
 * feature the arch always has, or never has, is refused with the arches
 * where it can be changed.
 */
static int
apply_features(struct machine *m, const struct machine_opts *o,
	       struct error *e)
{
	const struct arch *a = m->arch;
	unsigned bad = (o->cpu_set | o->cpu_clear) & ~a->features_ok;
	struct strbuf sb;
	int i;

	for (i = 0; bad && feature_names[i].name; i++) {
		unsigned bit = feature_names[i].bit;
		const char *n = feature_names[i].name;

		if (!(bad & bit))
			continue;
		sb_init(&sb);
		arches_where(feature_ok, bit, &sb);
		error_set(e, -EINVAL, "--cpu %s%s: %s %s %s; --cpu %s and no%s "
			  "apply to %s", o->cpu_clear & bit ? "no" : "", n,
			  a->name, a->features & bit ? "always has" :
			  "has no", n, n, n, sb.buf);
		sb_release(&sb);
		return -EINVAL;
	}
	m->mmu.features = (a->features | o->cpu_set) & ~o->cpu_clear;
	return 0;
}

static bool
has_va_bits(const struct arch *a, unsigned unused)
{
	(void)unused;
	return a->va_bits_choices[0] != 0;
}

/* --va-bits N: what this arch offers. */
static int
check_va_bits(const struct arch *a, const struct machine_opts *o,
	      struct error *e)
{
	struct strbuf sb;
	int i;

	if (o->va_bits == 0)
		return 0;
	if (!has_va_bits(a, 0)) {
		sb_init(&sb);
		arches_where(has_va_bits, 0, &sb);
		error_set(e, -EINVAL, "--va-bits %d: %s has a fixed virtual "
			  "address size (--va-bits is for %s)", o->va_bits,
			  a->name, sb.buf);
		sb_release(&sb);
		return -EINVAL;
	}
	for (i = 0; i < (int)sizeof(a->va_bits_choices) &&
	     a->va_bits_choices[i]; i++)
		if (a->va_bits_choices[i] == o->va_bits)
			return 0;
	return error_set(e, -EINVAL, "--va-bits %d: %s takes %s", o->va_bits,
			 a->name, a->va_bits_help);
}

/* "6.1 (the default: Linux 6.1 ...) or 2.6 (Linux 2.6.11 ...)" */
static void
profile_names(const struct arch *a, struct strbuf *sb)
{
	const struct kernel_profile *p;
	int n = 0, k = 0;

	for (p = a->profiles; p->name != NULL; p++)
		n++;
	for (p = a->profiles; p->name != NULL; p++, k++)
		sb_addf(sb, "%s%s (%s%s)", k == 0 ? "" : k == n - 1 ? " or " :
			", ", p->name, k == 0 ? "the default: " : "",
			p->release);
}

/*
 * --kernel VERSION: one of the arch's profiles; else say which it has, and
 * which arches have this one.
 */
static int
check_profile(const struct arch *a, const struct machine_opts *o,
	      struct error *e)
{
	struct strbuf sb, w;
	int i, n = 0, k = 0;

	if (arch_profile(a, o->variant) != NULL)
		return 0;
	sb_init(&sb);
	sb_init(&w);
	profile_names(a, &w);
	for (i = 0; arch_list[i] != NULL; i++)
		n += arch_profile(arch_list[i], o->variant) != NULL;
	for (i = 0; arch_list[i] != NULL; i++) {
		if (arch_profile(arch_list[i], o->variant) == NULL)
			continue;
		sb_addf(&sb, "%s%s", k == 0 ? "; " : k == n - 1 ? " and " :
			", ", arch_list[i]->name);
		k++;
	}
	if (n > 0)
		sb_addf(&sb, " model%s %s", n == 1 ? "s" : "", o->variant);
	error_set(e, -EINVAL, "--kernel %s: %s models %s%s", o->variant,
		  a->name, w.buf, sb.buf);
	sb_release(&w);
	sb_release(&sb);
	return -EINVAL;
}

static bool
takes_vmalloc(const struct arch *a, unsigned unused)
{
	(void)unused;
	return a->vmalloc_param;
}

/* The options of the machine that only some arches take. */
static int
check_arch_options(const struct arch *a, const struct machine_opts *o,
		   struct error *e)
{
	struct strbuf sb;

	if (check_va_bits(a, o, e) || check_profile(a, o, e))
		return -EINVAL;
	if (o->vmalloc_size && !a->vmalloc_param) {
		sb_init(&sb);
		arches_where(takes_vmalloc, 0, &sb);
		error_set(e, -EINVAL, "--vmalloc: %s sizes its vmalloc area "
			  "itself (the vmalloc= boot parameter is for %s)",
			  a->name, sb.buf);
		sb_release(&sb);
		return -EINVAL;
	}
	return 0;
}

/* Every CPU starts on swapper_pg_dir (arm64: user half on reserved_pg_dir). */
static void
load_boot_roots(struct machine *m)
{
	int i;

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		c->root[0] = m->reserved_pg_dir ? m->reserved_pg_dir :
			m->swapper_pg_dir;
		c->root_valid[0] = true;
		if (m->mmu.split_roots) {
			c->root[1] = m->swapper_pg_dir;
			c->root_valid[1] = true;
		}
	}
}

struct machine *
machine_new(const struct machine_opts *o, struct error *e)
{
	const struct arch *a = o->arch ? arch_find(o->arch) : arch_list[0];
	struct machine *m;
	u64 mem;

	if (a == NULL) {
		struct strbuf sb;

		sb_init(&sb);
		arch_names(&sb);
		error_set(e, -EINVAL, "unknown architecture '%s'; choose one "
			  "of: %s", o->arch, sb.buf);
		sb_release(&sb);
		return NULL;
	}
	if (check_arch_options(a, o, e))
		return NULL;
	mem = o->mem ? o->mem : arch_profile(a, o->variant)->mem_default ?
		arch_profile(a, o->variant)->mem_default : a->mem_default;
	if (check_mem(a, arch_profile(a, o->variant), mem, e))
		return NULL;
	if (o->cpus < 0 || o->cpus > NR_CPUS_MAX) {
		error_set(e, -EINVAL, "--cpus %d: between 1 and %d", o->cpus,
			  NR_CPUS_MAX);
		return NULL;
	}
	m = machine_alloc(a, o->cpus ? o->cpus : 2, e);
	if (m == NULL)
		return NULL;
	m->opts = *o;
	m->opts.mem = mem;
	m->profile = arch_profile(a, o->variant);
	if (m->opts.va_bits == 0)
		m->opts.va_bits = a->va_bits_choices[0];
	m->ram_start = m->profile->ram_base ? m->profile->ram_base :
		a->ram_base;
	m->ram_size = mem;
	m->release = kernel_release;
	if (apply_features(m, o, e) ||
	    phys_add_ram(&m->phys, m->ram_start, mem, e) ||
	    a->setup(m, &m->opts, e) ||
	    machine_mmu_ready(m, e) ||
	    a->paging_init(m, e))
		goto fail;
	load_boot_roots(m);
	if (m->profile->ops != NULL ? m->profile->ops->boot(m, e) :
	    kernel_init(m, e))
		goto fail;
	return m;
fail:
	machine_free(m);
	return NULL;
}
