// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Memory images: format detection, ELF cores through libelf (PT_LOAD
 * program headers are physical ranges, PT_NOTE holds the CPU state and the
 * VMCOREINFO), raw files, and the machine built from them.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/elf.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/image.h"
#include "ptwalk/kallsyms.h"
#include "ptwalk/ksym.h"
#include "ptwalk/ktypes.h"
#include "ptwalk/roots.h"

#include "image_fmt.h"

/* After the first IMAGE_WARN_MAX warnings: how many more there were. */
static void
warn_summary(struct image_info *ii)
{
	int n = ii->nwarn_dropped;

	if (n == 0)
		return;
	ii->warn = xrealloc(ii->warn, (size_t)(ii->nwarn + 1) *
			    sizeof(*ii->warn));
	ii->warn[ii->nwarn++] = xasprintf("... and %d more warning%s like "
					  "these", n, n == 1 ? "" : "s");
	ii->nwarn_dropped = 0;
}

/* What an image adds to its machine (m->release). */
static void
image_release(struct machine *m)
{
	ktypes_release(m);
	image_info_free(m->img);
	m->img = NULL;
}

/*
 * ELF cores
 */

struct load {
	int idx;		/* program header number */
	u64 paddr, filesz, memsz, off;
};

static int
load_cmp(const void *a, const void *b)
{
	const struct load *x = a, *y = b;

	if (x->paddr != y->paddr)
		return x->paddr < y->paddr ? -1 : 1;
	return x->idx - y->idx;
}

/*
 * The notes of a core: a CPU per NT_PRSTATUS (nprs), the machine's own
 * CPU notes (narch: QEMU's x86 CPU state), the VMCOREINFO, ptwalk's note.
 */
static void
read_notes(Elf *elf, struct image_info *ii, u64 off, u64 size, int *nprs,
	   int *narch)
{
	Elf_Data *d = elf_getdata_rawchunk(elf, (int64_t)off, (size_t)size,
					   ELF_T_NHDR);
	size_t pos = 0, name_off, desc_off;
	GElf_Nhdr nh;

	if (d == NULL) {
		image_warn(ii, "the PT_NOTE segment at offset 0x%llx cannot be "
			   "read: %s", (unsigned long long)off, elf_errmsg(-1));
		return;
	}
	while (pos < d->d_size &&
	       (pos = gelf_getnote(d, pos, &nh, &name_off, &desc_off)) > 0)
		image_note(ii, (const char *)d->d_buf + name_off, nh.n_namesz,
			   nh.n_type, (const u8 *)d->d_buf + desc_off,
			   nh.n_descsz, nprs, narch);
}

static const char *
etype_name(unsigned t)
{
	switch (t) {
	case ET_REL:
		return "a relocatable object (ET_REL)";
	case ET_EXEC:
		return "an executable (ET_EXEC)";
	case ET_DYN:
		return "a shared object or PIE executable (ET_DYN)";
	default:
		return "not a core (e_type is not ET_CORE)";
	}
}

/* What the program headers of a core hold. */
struct core_scan {
	struct load *ld;	/* the PT_LOADs with a physical address */
	int nld;
	int nprs, nqemu;	/* NT_PRSTATUS and QEMU CPU-state notes */
};

/* The ELF header of a core: little-endian, ET_CORE, headers in the file. */
static int
core_header(struct phys *ph, struct image_info *ii, Elf **elfp,
	    size_t *phnum, struct error *e)
{
	u64 size = ph->map_len;
	GElf_Ehdr eh;
	char why[64];
	Elf *elf;

	if (elf_header_truncated(ph->map, ph->map_len, why, sizeof(why)))
		return error_set(e, -EINVAL, "'%s': %s", ii->opts.path, why);
	elf_version(EV_CURRENT);
	elf = *elfp = elf_memory(ph->map, ph->map_len);
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF ||
	    gelf_getehdr(elf, &eh) == NULL)
		return error_set(e, -EINVAL, "'%s' starts like an ELF file but "
				 "its header cannot be read: %s",
				 ii->opts.path, elf_errmsg(-1));
	ii->elf_machine = eh.e_machine;
	ii->elf_class = eh.e_ident[EI_CLASS];
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
		return error_set(e, -EINVAL, "'%s' is a big-endian ELF file: "
				 "ptwalk reads little-endian cores (x86, arm, "
				 "arm64)", ii->opts.path);
	if (eh.e_type != ET_CORE)
		return error_set(e, -EINVAL, "'%s' is an ELF file but %s, not a "
				 "memory dump: give an ELF core (ET_CORE) such "
				 "as QEMU's dump-guest-memory writes, or a raw "
				 "dump", ii->opts.path, etype_name(eh.e_type));
	if (elf_getphdrnum(elf, phnum) != 0)
		return error_set(e, -EINVAL, "'%s': the program headers cannot "
				 "be read (%s): a truncated core?",
				 ii->opts.path, elf_errmsg(-1));
	if (eh.e_phoff > size ||
	    *phnum * (u64)eh.e_phentsize > size - eh.e_phoff)
		return error_set(e, -EINVAL, "'%s': the program headers lie "
				 "beyond the end of the file (%llu bytes): a "
				 "truncated core", ii->opts.path,
				 (unsigned long long)size);
	return 0;
}

/* A PT_NOTE: the CPU state and VMCOREINFO, as far as the file holds it. */
static void
core_notes(Elf *elf, struct image_info *ii, u64 size, const GElf_Phdr *p,
	   struct core_scan *cs)
{
	u64 n = p->p_filesz;

	if (p->p_offset >= size) {
		image_warn(ii, "the notes (PT_NOTE at 0x%llx) lie beyond the end "
			   "of the file: no CPU state",
			   (unsigned long long)p->p_offset);
		return;
	}
	if (n > size - p->p_offset) {
		image_warn(ii, "the notes (PT_NOTE) are cut short by the end of "
			   "the file");
		n = size - p->p_offset;
	}
	read_notes(elf, ii, p->p_offset, n, &cs->nprs, &cs->nqemu);
}

/* The program headers: notes read, PT_LOADs with a physical address kept. */
static int
core_phdrs(Elf *elf, struct image_info *ii, u64 size, size_t phnum,
	   struct core_scan *cs, struct error *e)
{
	size_t i;

	for (i = 0; i < phnum; i++) {
		GElf_Phdr p;

		if (gelf_getphdr(elf, (int)i, &p) == NULL)
			return error_set(e, -EINVAL, "'%s': program header %zu "
					 "cannot be read: %s", ii->opts.path, i,
					 elf_errmsg(-1));
		if (p.p_type == PT_NOTE) {
			core_notes(elf, ii, size, &p, cs);
			continue;
		}
		if (p.p_type != PT_LOAD)
			continue;
		if (p.p_paddr == (ii->elf_class == ELFCLASS32 ?
				  0xffffffffULL : ~0ULL)) {
			image_warn(ii, "PT_LOAD %zu (virtual 0x%llx) has no "
				   "physical address: ignored", i,
				   (unsigned long long)p.p_vaddr);
			continue;
		}
		if (p.p_memsz == 0)
			continue;
		if (p.p_filesz > p.p_memsz) {
			image_warn(ii, "PT_LOAD %zu: p_filesz 0x%llx exceeds "
				   "p_memsz 0x%llx: only p_memsz is used", i,
				   (unsigned long long)p.p_filesz,
				   (unsigned long long)p.p_memsz);
			p.p_filesz = p.p_memsz;
		}
		/* sized once: a core may have 60 000 */
		if (cs->ld == NULL)
			cs->ld = xcalloc(phnum, sizeof(*cs->ld));
		cs->ld[cs->nld].idx = (int)i;
		cs->ld[cs->nld].paddr = p.p_paddr;
		cs->ld[cs->nld].filesz = p.p_filesz;
		cs->ld[cs->nld].memsz = p.p_memsz;
		cs->ld[cs->nld].off = p.p_offset;
		cs->nld++;
	}
	if (cs->nld == 0)
		return error_set(e, -EINVAL, "'%s' is an ELF core without any "
				 "memory (no PT_LOAD with a physical address)",
				 ii->opts.path);
	return 0;
}

/*
 * Physical memory from the PT_LOADs, in address order: overlapping or
 * wrapping ones are left out, what the file lacks is a hole, what only
 * p_memsz covers reads as zeros.
 */
static int
core_loads(struct phys *ph, struct image_info *ii, struct core_scan *cs,
	   struct error *e)
{
	const struct load *ld = cs->ld;
	u64 size = ph->map_len;
	int i;

	qsort(cs->ld, (size_t)cs->nld, sizeof(*cs->ld), load_cmp);
	for (i = 0; i < cs->nld; i++) {
		const struct load *l = &ld[i];
		u64 have = l->off < size ? MIN(l->filesz, size - l->off) : 0;
		struct error e2;
		int r = 0;

		if (l->paddr + l->memsz < l->paddr) {
			image_warn(ii, "PT_LOAD %d: physical 0x%llx + 0x%llx "
				   "wraps around: ignored", l->idx,
				   (unsigned long long)l->paddr,
				   (unsigned long long)l->memsz);
			continue;
		}
		if (i > 0 && l->paddr < ld[i - 1].paddr + ld[i - 1].memsz &&
		    ld[i - 1].paddr + ld[i - 1].memsz >= ld[i - 1].paddr) {
			image_warn(ii, "PT_LOAD %d (physical 0x%llx-0x%llx) "
				   "overlaps PT_LOAD %d: ignored", l->idx,
				   (unsigned long long)l->paddr,
				   (unsigned long long)(l->paddr + l->memsz - 1),
				   ld[i - 1].idx);
			continue;
		}
		if (have < l->filesz)
			image_warn(ii, "PT_LOAD %d (physical 0x%llx-0x%llx) "
				   "ends beyond the end of the file: a "
				   "truncated core; physical 0x%llx-0x%llx is "
				   "a hole", l->idx,
				   (unsigned long long)l->paddr,
				   (unsigned long long)(l->paddr + l->memsz - 1),
				   (unsigned long long)(l->paddr + have),
				   (unsigned long long)(l->paddr + l->filesz - 1));
		if (have > 0)
			r = phys_add_file_range(ph, l->paddr, have, l->off,
						&e2);
		if (!r && l->memsz > l->filesz)
			r = phys_add_zero_range(ph, l->paddr + l->filesz,
						l->memsz - l->filesz, &e2);
		if (r) {
			image_warn(ii, "PT_LOAD %d: %s: ignored", l->idx,
				   e2.msg);
			continue;
		}
		ii->nload++;
	}
	if (ph->nr == 0)
		return error_set(e, -EINVAL, "'%s': no PT_LOAD of the core lies "
				 "inside the file (%llu bytes): nothing to read",
				 ii->opts.path, (unsigned long long)size);
	return 0;
}

/* Who wrote the core, from its notes. */
static void
core_kind(struct image_info *ii, const struct core_scan *cs)
{
	if (ii->features != NULL)
		snprintf(ii->kind, sizeof(ii->kind), "ELF core in QEMU's "
			 "layout, saved by ptwalk");
	else if (cs->nqemu > 0)
		snprintf(ii->kind, sizeof(ii->kind), "QEMU dump-guest-memory "
			 "ELF core");
	else if (ii->vmcoreinfo != NULL)
		snprintf(ii->kind, sizeof(ii->kind), "ELF vmcore with "
			 "VMCOREINFO (kdump style)");
	else
		snprintf(ii->kind, sizeof(ii->kind), "ELF core");
	if (cs->nqemu > 0 && cs->nprs > 0 && cs->nqemu != cs->nprs)
		image_warn(ii, "%s %s a status note (NT_PRSTATUS) but %d a "
			   "QEMU CPU-state note", plural((u64)cs->nprs, "CPU",
							 NULL),
			   cs->nprs == 1 ? "has" : "have", cs->nqemu);
}

/* An ELF core (QEMU's dump-guest-memory, kdump, ptwalk's save). */
static int
open_elf_core(struct phys *ph, struct image_info *ii, struct error *e)
{
	struct core_scan cs = { .ld = NULL };
	Elf *elf = NULL;
	size_t phnum;
	int rc;

	rc = core_header(ph, ii, &elf, &phnum, e);
	if (rc == 0)
		rc = core_phdrs(elf, ii, ph->map_len, phnum, &cs, e);
	if (rc == 0)
		rc = core_loads(ph, ii, &cs, e);
	if (rc == 0) {
		if (ii->features != NULL)
			ptwalk_note_cpus(ii);
		core_kind(ii, &cs);
	}
	free(cs.ld);
	if (elf != NULL)
		elf_end(elf);
	return rc;
}

/*
 * Raw files and format detection
 */

static int
open_raw(struct phys *ph, struct image_info *ii, struct error *e)
{
	u64 size = ph->map_len, whole = size & PAGE_MASK;

	if (whole != size) {
		if (whole == 0)
			return error_set(e, -EINVAL, "'%s' is a raw image of "
					 "%llu bytes: less than one 4K page",
					 ii->opts.path,
					 (unsigned long long)size);
		image_warn(ii, "the raw image is %llu bytes, not a whole number "
			   "of 4K pages: the last %llu bytes are ignored",
			   (unsigned long long)size,
			   (unsigned long long)(size - whole));
	}
	if (ii->opts.phys_base & (PAGE_SIZE - 1))
		return error_set(e, -EINVAL, "--phys-base 0x%llx is not page "
				 "aligned", (unsigned long long)ii->opts.phys_base);
	snprintf(ii->kind, sizeof(ii->kind), "raw physical memory");
	ii->nload = 1;
	return phys_add_file_range(ph, ii->opts.phys_base, whole, 0, e);
}

static const char *
compressed(const u8 *h, size_t n)
{
	if (n >= 6 && !memcmp(h, "\xfd" "7zXZ\0", 6))
		return "compressed with xz: decompress it first (unxz)";
	if (n >= 2 && h[0] == 0x1f && h[1] == 0x8b)
		return "compressed with gzip: decompress it first (gunzip)";
	if (n >= 4 && !memcmp(h, "\x28\xb5\x2f\xfd", 4))
		return "compressed with zstd: decompress it first (unzstd)";
	return NULL;
}

static const struct arch *
pick_arch(const struct image_info *ii, struct error *e)
{
	const struct arch *a = NULL;
	bool known = false;
	int i;

	if (ii->opts.arch != NULL) {
		a = arch_find(ii->opts.arch);
		if (a == NULL) {
			struct strbuf sb;

			sb_init(&sb);
			arch_names(&sb);
			error_set(e, -EINVAL, "unknown architecture '%s'; "
				  "choose one of: %s", ii->opts.arch, sb.buf);
			sb_release(&sb);
			return NULL;
		}
		if (a->image_setup == NULL) {
			error_set(e, -EINVAL, "--arch %s: ptwalk cannot read "
				  "memory images of this architecture yet",
				  a->name);
			return NULL;
		}
		if ((ii->format == IMG_ELF || ii->format == IMG_KDUMP) &&
		    a->elf_machine != ii->elf_machine) {
			error_set(e, -EINVAL, "--arch %s does not match the core, "
				  "whose ELF machine is %u", a->name,
				  ii->elf_machine);
			return NULL;
		}
		return a;
	}
	if (ii->format == IMG_RAW || ii->format == IMG_LIME ||
	    ii->format == IMG_AVML) {
		error_set(e, -EINVAL, "'%s' is a %s, which does not say "
			  "its architecture or page tables: give --arch ARCH "
			  "and the page-table root (--cr3 PADDR)",
			  ii->opts.path, ii->format == IMG_RAW ? "raw image" :
			  ii->kind);
		return NULL;
	}
	for (i = 0; arch_list[i] != NULL; i++) {
		a = arch_list[i];
		if (a->elf_machine != ii->elf_machine ||
		    a->image_setup == NULL)
			continue;
		known = true;
		if (a->image_match(a, ii))
			return a;
	}
	if (known)
		error_set(e, -EINVAL, "the paging mode of '%s' is not one ptwalk "
			  "knows: give --arch", ii->opts.path);
	else
		error_set(e, -EINVAL, "'%s' is a core of ELF machine %u, an "
			  "architecture ptwalk does not know", ii->opts.path,
			  ii->elf_machine);
	return NULL;
}

/* What image_open() builds, in one place so that a fault can free it. */
struct opening {
	const struct image_opts *o;
	struct phys ph;
	struct image_info *ii;
	struct machine *m;
	struct error *e;
	struct symfile *sf;	/* --symbols, read */
};

/* Warn about roots that lie outside the image. */
static void
check_roots(struct machine *m)
{
	const struct arch *a = m->arch;
	int i, r;

	for (i = 0; i < m->ncpus; i++) {
		struct cpu *c = &m->cpu[i];

		for (r = 0; r < 2; r++) {
			char why[160];

			if (!c->root_valid[r] || phys_is_ram(&m->phys, c->root[r]))
				continue;
			phys_describe_hole(&m->phys, c->root[r], why,
					   sizeof(why));
			image_warn(m->img, "cpu%d: the page-table root %s=0x%llx "
				   "is %s: every walk on this CPU stops there",
				   i, a->root_name[r] ? a->root_name[r] : "root",
				   (unsigned long long)c->root[r], why);
		}
	}
}

/*
 * --cr3 auto (--ttbr0, --ttbr1): the paging mode alone, then the best
 * root a scan of memory finds, as if given; from says so.
 */
static int
auto_roots(struct machine *m, char *from, size_t n, struct error *e)
{
	struct image_opts *o = &m->img->opts;
	const struct arch *a = m->arch;
	char one[160];
	int r;

	from[0] = 0;
	if (a->image_mmu == NULL)
		return error_set(e, -EINVAL, "--%s auto: ptwalk cannot scan "
				 "%s images for page tables", o->root_auto[0] ?
				 "cr3" : "ttbr1", a->name);
	if (a->image_mmu(m, e))
		return -1;
	for (r = 0; r < 2; r++) {
		const char *opt = a->root_name[1] != NULL ?
			(r ? "ttbr1" : "ttbr0") :
			a->root_name[0] != NULL &&
			!strcmp(a->root_name[0], "ttbr0") ? "ttbr0" : "cr3";

		if (!o->root_auto[r])
			continue;
		if (roots_auto(m, r, opt, &o->root[r], one, sizeof(one), e))
			return -1;
		o->have_root[r] = true;
		snprintf(from + strlen(from), n - strlen(from), "%s%s",
			 from[0] ? "; " : "", one);
	}
	return 0;
}

static int image_build(struct opening *op);

/* The file is mapped: read its format and build the machine. */
static int
open_mapped(void *arg)
{
	struct opening *op = arg;
	const struct image_opts *o = op->o;
	struct image_info *ii = op->ii;
	struct error *e = op->e;
	const char *why;
	int fmt;

	why = compressed(op->ph.map, op->ph.map_len);
	if (why != NULL)
		return error_set(e, -EINVAL, "'%s' is %s", o->path, why);
	fmt = image_fmt_detect(op->ph.map, op->ph.map_len, &why);
	if (fmt < 0 && why != NULL)
		return error_set(e, -EINVAL, "'%s' is %s", o->path, why);
	if (fmt == IMG_KDUMP) {
		ii->format = IMG_KDUMP;
		if (kdump_open(&op->ph, ii, e))
			return -1;
	} else if (fmt == IMG_LIME || fmt == IMG_AVML) {
		ii->format = (enum image_format)fmt;
		if (lime_open(&op->ph, ii, e))
			return -1;
	} else if (op->ph.map_len >= SELFMAG &&
		   !memcmp(op->ph.map, ELFMAG, SELFMAG)) {
		ii->format = IMG_ELF;
		if (open_elf_core(&op->ph, ii, e))
			return -1;
	} else {
		ii->format = IMG_RAW;
		if (open_raw(&op->ph, ii, e))
			return -1;
	}
	return image_build(op);
}

/* The format is read: pick the arch and build the machine on op->ph. */
static int
image_build(struct opening *op)
{
	const struct image_opts *o = op->o;
	struct image_info *ii = op->ii;
	struct error *e = op->e;
	const struct arch *a;
	struct machine *m;
	char from[sizeof(ii->root_from)] = "";

	a = pick_arch(ii, e);
	if (a == NULL)
		return -1;
	if ((o->have_root[1] || o->root_auto[1]) && a->root_name[1] == NULL)
		return error_set(e, -EINVAL, "--ttbr1: %s has a single "
				 "page-table root (%s)", a->name,
				 a->root_name[0]);
	if (ii->ncpus == 0) {
		ii->ncpus = 1;
		ii->cpu = xcalloc(1, sizeof(*ii->cpu));
	}
	m = op->m = machine_new_bare(a, a->features, ii->ncpus, e);
	if (m == NULL)
		return -1;
	m->phys = op->ph;
	phys_init(&op->ph);
	m->image = true;
	m->image_path = xstrdup(o->path != NULL ? o->path : o->qemu);
	m->img = ii;
	m->release = image_release;
	op->ii = NULL;
	m->ram_start = m->phys.r[0].start;
	m->ram_size = m->phys.total;
	if (o->symbols != NULL) {
		op->sf = symfile_read(m, o->symbols, e);
		if (op->sf == NULL)
			return -1;
		symfile_early(m, op->sf);
	}
	if ((o->root_auto[0] || o->root_auto[1]) &&
	    auto_roots(m, from, sizeof(from), e))
		return -1;
	if (a->image_setup(m, e))
		return -1;
	if (from[0])
		snprintf(m->img->root_from, sizeof(m->img->root_from), "%s",
			 from);
	/* the levels may have changed with the features: new TLBs */
	if (machine_mmu_ready(m, e))
		return -1;
	check_roots(m);
	/* the kernel's symbols: the file given, else kallsyms when first used */
	if (op->sf != NULL) {
		struct symfile *sf = op->sf;

		op->sf = NULL;
		if (symfile_load(m, sf, e))
			return -1;
	} else {
		kallsyms_defer(m);
	}
	return o->btf != NULL ? ktypes_load_file(m, o->btf, e) : 0;
}

static int
image_build_cb(void *arg)
{
	return image_build(arg);
}

struct machine *
image_open(const struct image_opts *o, struct error *e)
{
	struct opening op = { .o = o, .e = e };
	struct stat st;
	char *what;
	int fd, r = -1;

	phys_init(&op.ph);
	op.ii = xcalloc(1, sizeof(*op.ii));
	op.ii->opts = *o;
	fd = host_open(o->path, 0, "the image", &st, e);
	if (fd < 0)
		goto fail;
	op.ii->file_size = (u64)st.st_size;
	if (st.st_size == 0) {
		error_set(e, -EINVAL, "the image '%s' is empty (0 bytes)",
			  o->path);
		close(fd);
		goto fail;
	}
	if (phys_map_file(&op.ph, fd, (size_t)st.st_size, e)) {
		close(fd);
		goto fail;
	}
	/* a file truncated under ptwalk is an error, never a SIGBUS */
	what = xasprintf("the image file '%s'", o->path);
	hostmap_add(op.ph.map, op.ph.map_len, what);
	free(what);
	if (hostmap_call(open_mapped, &op, &r, e) == 0 && r == 0) {
		warn_summary(op.m->img);
		return op.m;
	}
fail:
	symfile_free(op.sf);
	hostmap_del(op.ph.map);
	phys_release(&op.ph);
	image_info_free(op.ii);
	machine_free(op.m);
	return NULL;
}

struct machine *
image_machine(struct phys *ph, struct image_info *ii, struct error *e)
{
	struct opening op = { .o = &ii->opts, .e = e, .ii = ii };
	int r = -1;

	op.ph = *ph;
	phys_init(ph);
	if (hostmap_call(image_build_cb, &op, &r, e) == 0 && r == 0) {
		warn_summary(op.m->img);
		return op.m;
	}
	symfile_free(op.sf);
	phys_release(&op.ph);
	image_info_free(op.ii);
	machine_free(op.m);
	return NULL;
}
