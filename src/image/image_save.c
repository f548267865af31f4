// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Saving a machine as an ELF core in QEMU's dump-guest-memory layout: the
 * ELF header, the program headers (PT_NOTE first, then the PT_LOADs), the
 * notes, then the memory.  Only frames that hold data are written; the
 * rest of RAM is described by zero-filled PT_LOADs (p_filesz 0), so the
 * core stays small and opens again with the same physical memory.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image_fmt.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/hostmap.h"
#include "ptwalk/image.h"

#define CHUNK		(64 * MiB)
#define MERGE_GAP	(16 * PAGE_SIZE)	/* zero gaps this small are written */
#define MAX_PHDRS	60000			/* stay below PN_XNUM */

struct seg {
	u64 pa, len;
	bool data;
};

struct segs {
	struct seg *s;
	int n, alloc;
};

static void
seg_add(struct segs *v, u64 pa, u64 len, bool data)
{
	struct seg *last = v->n ? &v->s[v->n - 1] : NULL;

	if (len == 0)
		return;
	if (last && last->data == data && last->pa + last->len == pa) {
		last->len += len;
		return;
	}
	if (v->n == v->alloc) {
		v->alloc = v->alloc ? v->alloc * 2 : 64;
		v->s = xrealloc(v->s, (size_t)v->alloc * sizeof(*v->s));
	}
	v->s[v->n].pa = pa;
	v->s[v->n].len = len;
	v->s[v->n].data = data;
	v->n++;
}

/*
 * A range paged in lazily (a compressed dump): each page through
 * phys_read; a page the dump cannot give (excluded, unreadable) is saved
 * as zeros.
 */
static void
scan_lazy(struct phys *ph, const struct phys_range *r, struct segs *v)
{
	u8 buf[PAGE_SIZE];
	u64 off;

	for (off = 0; off < r->size; off += PAGE_SIZE) {
		u64 n = MIN((u64)PAGE_SIZE, r->size - off);
		struct error e;
		bool data = phys_read(ph, r->start + off, buf, n, &e) == 0 &&
			(n < PAGE_SIZE || !page_is_zero(buf));

		seg_add(v, r->start + off, n, data);
	}
}

/* Data and zero runs of one physical range. */
static void
scan_range(struct phys *ph, const struct phys_range *r, struct segs *v,
	   unsigned char *vec)
{
	u64 off = 0;

	if (r->flags & PHYS_LAZY) {
		scan_lazy(ph, r, v);
		return;
	}
	while (off < r->size) {
		u64 n = MIN(CHUNK, r->size - off), i;

		if (r->size - off < PAGE_SIZE || (r->start & (PAGE_SIZE - 1))) {
			/* a partial page or an unaligned range: keep it whole */
			seg_add(v, r->start + off, r->size - off, true);
			return;
		}
		n &= PAGE_MASK;
		if ((r->flags & PHYS_FILE) ||
		    phys_residency(ph, r->start + off, n, vec) != 0)
			memset(vec, 1, n >> PAGE_SHIFT);
		for (i = 0; i < n; i += PAGE_SIZE) {
			bool data = (vec[i >> PAGE_SHIFT] & 1) &&
				!page_is_zero(r->host + off + i);

			seg_add(v, r->start + off + i, PAGE_SIZE, data);
		}
		off += n;
	}
}

/* Fold zero gaps smaller than gap into the data around them. */
static void
merge(struct segs *v, u64 gap)
{
	int i, k = 0;

	for (i = 0; i < v->n; i++) {
		struct seg *s = &v->s[i];

		if (!s->data && s->len < gap && k > 0 && i + 1 < v->n &&
		    v->s[k - 1].data && v->s[i + 1].data &&
		    v->s[k - 1].pa + v->s[k - 1].len == s->pa &&
		    s->pa + s->len == v->s[i + 1].pa) {
			v->s[k - 1].len += s->len + v->s[i + 1].len;
			i++;
			continue;
		}
		if (k > 0 && v->s[k - 1].data == s->data &&
		    v->s[k - 1].pa + v->s[k - 1].len == s->pa) {
			v->s[k - 1].len += s->len;
			continue;
		}
		v->s[k++] = *s;
	}
	v->n = k;
}

static int
write_all(int fd, const void *buf, u64 len, u64 off, struct error *e)
{
	return host_pwrite_all(fd, buf, len, off, "the core", e);
}

/*
 * ptwalk's own note: the CPU features and address width the notes do not
 * give, and the roots and registers of every CPU (QEMU writes them for
 * x86 only).  Readers of QEMU cores skip a note they do not know.
 */
static void
ptwalk_note(struct machine *m, struct strbuf *sb)
{
	int i, k;

	sb_addf(sb, "arch=%s\nfeatures=", m->arch->name);
	for (i = 0; feature_names[i].name; i++)
		if (m->mmu.features & feature_names[i].bit)
			sb_addf(sb, "%s%s", sb->buf[sb->len - 1] == '=' ? "" :
				",", feature_names[i].name);
	sb_addf(sb, "\nva_bits=%u\npa_bits=%u\n", m->mmu.va_bits,
		m->mmu.pa_bits);
	if (m->profile != NULL)
		sb_addf(sb, "variant=%s\n", m->profile->name);
	for (i = 0; i < m->ncpus; i++) {
		const struct cpu *c = &m->cpu[i];

		sb_addf(sb, "cpu%d", i);
		for (k = 0; k < 2; k++)
			if (c->root_valid[k])
				sb_addf(sb, " root%d=0x%llx", k,
					(unsigned long long)c->root[k]);
		sb_addf(sb, " asid=%u regs=", c->asid);
		for (k = 0; k < 8; k++)
			sb_addf(sb, "%s0x%llx", k ? "," : "",
				(unsigned long long)c->regs[k]);
		sb_addc(sb, '\n');
	}
}

/* What a save holds, in one place so that a fault can free it. */
struct saving {
	struct machine *m;
	char *tmp;		/* the temporary file beside the target */
	int fd;
	struct strbuf notes;
	char *vi;		/* the VMCOREINFO text (kdump) */
	const struct save_opts *o;
	struct segs v;
	unsigned char *vec;
	Elf *elf;
	struct error *e;
};

/*
 * May path be written?  Never the image being read, never anything but a
 * regular file, and never a file the user could not write (as cp without
 * -f).  *mode is the mode of the file to write: the existing file's, else
 * 0666 less the umask, as open(O_CREAT) would give.
 */
static int
check_target(struct machine *m, const char *path, mode_t *mode,
	     struct stat *old, bool *exists, struct error *e)
{
	struct stat ist;
	mode_t um;

	*exists = stat(path, old) == 0;
	if (*exists && m->phys.fd >= 0 && fstat(m->phys.fd, &ist) == 0 &&
	    old->st_dev == ist.st_dev && old->st_ino == ist.st_ino)
		return error_set(e, -EINVAL, "'%s' is the image being read: "
				 "save to another file", path);
	if (*exists && S_ISDIR(old->st_mode))
		return error_set(e, -EISDIR, "'%s' is a directory: save writes "
				 "an ELF core file", path);
	if (*exists && !S_ISREG(old->st_mode))
		return error_set(e, -EINVAL, "'%s' is %s, not a regular file: "
				 "save writes an ELF core file", path,
				 host_file_kind(old->st_mode));
	if (*exists && faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
		return error_set(e, -EACCES, "'%s' is not writable (%s): save "
				 "does not replace a file you could not write",
				 path, strerror(errno));
	if (*exists) {
		*mode = old->st_mode & 0777;
		return 0;
	}
	um = umask(0);
	umask(um);
	*mode = 0666 & ~um;
	return 0;
}

static u64
note_offset(const struct saving *s, int cls)
{
	size_t phnum = (size_t)s->v.n + 1;

	if (cls == ELFCLASS64)
		return sizeof(Elf64_Ehdr) + phnum * sizeof(Elf64_Phdr);
	return sizeof(Elf32_Ehdr) + phnum * sizeof(Elf32_Phdr);
}

/* The ELF header and program headers (PT_NOTE, then the PT_LOADs). */
static int
write_headers(struct saving *s, int cls)
{
	u64 note_off = note_offset(s, cls), off;
	GElf_Ehdr eh;
	GElf_Phdr p;
	int i;

	elf_version(EV_CURRENT);
	s->elf = elf_begin(s->fd, ELF_C_WRITE, NULL);
	if (s->elf == NULL || gelf_newehdr(s->elf, cls) == 0 ||
	    gelf_getehdr(s->elf, &eh) == NULL)
		return error_set(s->e, -EIO, "libelf: %s", elf_errmsg(-1));
	elf_flagelf(s->elf, ELF_C_SET, ELF_F_LAYOUT);
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh.e_type = ET_CORE;
	eh.e_machine = (GElf_Half)s->m->arch->elf_machine;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	eh.e_shoff = 0;
	if (gelf_update_ehdr(s->elf, &eh) == 0 ||
	    gelf_newphdr(s->elf, (size_t)s->v.n + 1) == 0)
		return error_set(s->e, -EIO, "libelf: %s", elf_errmsg(-1));
	memset(&p, 0, sizeof(p));
	p.p_type = PT_NOTE;
	p.p_offset = note_off;
	p.p_filesz = s->notes.len;
	p.p_memsz = s->notes.len;
	gelf_update_phdr(s->elf, 0, &p);
	off = note_off + s->notes.len;
	for (i = 0; i < s->v.n; i++) {
		const struct seg *g = &s->v.s[i];

		memset(&p, 0, sizeof(p));
		p.p_type = PT_LOAD;
		p.p_paddr = g->pa;
		p.p_offset = g->data ? off : 0;
		p.p_filesz = g->data ? g->len : 0;
		p.p_memsz = g->len;
		gelf_update_phdr(s->elf, i + 1, &p);
		if (g->data)
			off += g->len;
	}
	if (elf_update(s->elf, ELF_C_WRITE) < 0)
		return error_set(s->e, -EIO, "cannot write the ELF headers: %s",
				 elf_errmsg(-1));
	elf_end(s->elf);
	s->elf = NULL;
	return 0;
}

/* pwrite() from a page the image file lost fails with EFAULT */
static int
file_lost(struct saving *s, u64 pa)
{
	return error_set(s->e, -EIO, "the image file '%s' changed or was "
			 "truncated under ptwalk: its bytes at physical 0x%llx "
			 "can no longer be read", s->m->image_path,
			 (unsigned long long)pa);
}

/* A page of a lazy range; zeros where the dump cannot give it. */
static int
write_lazy(struct saving *s, u64 pa, u64 n, u64 off)
{
	u8 buf[PAGE_SIZE];
	struct error e;

	if (phys_read(&s->m->phys, pa, buf, n, &e) != 0)
		memset(buf, 0, sizeof(buf));
	return write_all(s->fd, buf, n, off, s->e);
}

/* The bytes of segment g at file offset off. */
static int
write_seg(struct saving *s, const struct seg *g, u64 off)
{
	struct phys *ph = &s->m->phys;
	u64 done = 0;
	int rc = 0;

	while (!rc && done < g->len) {
		const struct phys_range *r = phys_find(ph, g->pa + done);
		u64 ro = g->pa + done - r->start;
		u64 n = MIN(g->len - done, r->size - ro);

		if (r->flags & PHYS_LAZY) {
			n = MIN(n, (u64)PAGE_SIZE);
			rc = write_lazy(s, g->pa + done, n, off);
		} else {
			rc = write_all(s->fd, r->host + ro, n, off, s->e);
			if (rc == -EFAULT && (r->flags & PHYS_FILE))
				rc = file_lost(s, g->pa + done);
		}
		off += n;
		done += n;
	}
	return rc;
}

/*
 * LiME (lime-forensics' "lime" format, version 1): each RAM range as a
 * 32-byte header (magic "EMiL" as a little-endian 0x4C694D45, version 1,
 * first and last physical address, 8 reserved bytes) and all its bytes.
 * The frames without data are left as holes of the file (zeros to every
 * reader, no disk blocks); LiME carries no arch, notes or roots, so the
 * file reopens with --arch and --cr3 (or --cr3 auto).
 */
static int
write_lime(struct saving *s)
{
	struct phys *ph = &s->m->phys;
	u64 off = 0;
	int i, k = 0, rc = 0;

	for (i = 0; !rc && i < ph->nr; i++) {
		const struct phys_range *r = &ph->r[i];
		u8 h[32] = { 0 };
		u32 magic = 0x4C694D45, version = 1;
		u64 first = r->start, last = r->start + r->size - 1;

		memcpy(h, &magic, 4);
		memcpy(h + 4, &version, 4);
		memcpy(h + 8, &first, 8);
		memcpy(h + 16, &last, 8);
		rc = write_all(s->fd, h, sizeof(h), off, s->e);
		off += sizeof(h);
		s->v.n = 0;
		scan_range(ph, r, &s->v, s->vec);
		for (k = 0; !rc && k < s->v.n; k++)
			if (s->v.s[k].data)
				rc = write_seg(s, &s->v.s[k],
					       off + s->v.s[k].pa - r->start);
		off += r->size;
	}
	if (!rc && ftruncate(s->fd, (off_t)off) != 0)
		rc = error_set(s->e, -errno, "cannot write the LiME image: %s",
			       strerror(errno));
	return rc;
}

/* The notes, then the frames that hold data. */
static int
write_data(struct saving *s, int cls)
{
	u64 off = note_offset(s, cls);
	int i, rc;

	rc = write_all(s->fd, s->notes.buf, s->notes.len, off, s->e);
	off += s->notes.len;
	for (i = 0; !rc && i < s->v.n; i++) {
		if (s->v.s[i].data)
			rc = write_seg(s, &s->v.s[i], off);
		if (s->v.s[i].data)
			off += s->v.s[i].len;
	}
	if (!rc && ftruncate(s->fd, (off_t)off) != 0)
		rc = error_set(s->e, -errno, "cannot write the core: %s",
			       strerror(errno));
	return rc;
}

/* The owner and group of the file replaced, where the user may give them. */
static void
keep_owner(int fd, const struct stat *old)
{
	if (old->st_uid == geteuid() && old->st_gid == getegid())
		return;
	if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) != 0)
		return;		/* then it is ours, as a new file would be */
}

/* Scan the memory, then write the headers, notes and data to s->fd. */
static int
write_core(void *arg)
{
	struct saving *s = arg;
	struct machine *m = s->m;
	u64 gap = MERGE_GAP, max_pa = 0;
	int i, cls;

	if (s->o->format == SAVE_KDUMP)
		return kdump_save(m, s->fd, &s->notes, s->vi, s->o, s->e);
	if (s->o->format == SAVE_LIME)
		return write_lime(s);

	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];

		scan_range(&m->phys, r, &s->v, s->vec);
		max_pa = MAX(max_pa, r->start + r->size - 1);
	}
	merge(&s->v, gap);
	while (s->v.n + 1 > MAX_PHDRS && gap < (1ULL << 40)) {
		gap *= 4;
		merge(&s->v, gap);
	}
	cls = (m->arch->is64 || max_pa > 0xffffffffULL) ? ELFCLASS64 :
		ELFCLASS32;
	i = write_headers(s, cls);
	return i ? i : write_data(s, cls);
}

int
image_save(struct machine *m, const char *path, struct error *e)
{
	return image_save_as(m, path, NULL, e);
}

int
image_save_as(struct machine *m, const char *path, const struct save_opts *o,
	      struct error *e)
{
	static const struct save_opts elf = { SAVE_ELF, SAVE_NONE, 0 };
	const struct arch *a = m->arch;
	struct saving s = { .m = m, .fd = -1, .e = e, .o = o ? o : &elf };
	struct strbuf vi, pn;
	struct stat old, lst;
	char *real = NULL;
	bool exists;
	mode_t mode = 0;
	int rc = 0, r;

	if (a->save_notes == NULL || a->save_vmcoreinfo == NULL)
		return error_set(e, -EINVAL, "saving a %s machine is not "
				 "supported", a->name);
	if (s.o->format == SAVE_KDUMP && (a->elf == NULL ||
					  a->elf->uts_machine == NULL))
		return error_set(e, -EINVAL, "a kdump-compressed dump names "
				 "its machine as the kernel does, and no kernel "
				 "names a %s machine: save it as an ELF core",
				 a->name);
	rc = check_target(m, path, &mode, &old, &exists, e);
	if (rc)
		return rc;
	/* through a symbolic link: the file it names is replaced */
	if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		path = real;
	sb_init(&s.notes);
	sb_init(&vi);
	sb_init(&pn);
	a->save_notes(m, &s.notes);
	if (m->img != NULL && m->img->vmcoreinfo != NULL)
		sb_adds(&vi, m->img->vmcoreinfo);
	else
		a->save_vmcoreinfo(m, &vi);
	note_add(&s.notes, "VMCOREINFO", 0, vi.buf, vi.len);
	s.vi = xstrdup(vi.buf ? vi.buf : "");
	ptwalk_note(m, &pn);
	note_add(&s.notes, "PTWALK", 0, pn.buf, pn.len);
	sb_release(&vi);
	sb_release(&pn);
	/*
	 * Write a temporary file beside the target and rename it into place
	 * at the end: a failed save leaves an existing file as it was.
	 */
	s.tmp = host_temp_template(path);
	s.fd = mkostemp(s.tmp, O_CLOEXEC);
	if (s.fd < 0) {
		rc = error_set(e, -errno, "cannot create '%s': %s", path,
			       strerror(errno));
		free(s.tmp);
		s.tmp = NULL;
		goto out;
	}
	if (exists)
		keep_owner(s.fd, &old);
	if (fchmod(s.fd, mode) != 0)
		rc = error_set(e, -errno, "cannot set the mode of '%s': %s",
			       path, strerror(errno));
	s.vec = xmalloc(CHUNK >> PAGE_SHIFT);
	/* an image that shrinks under the save is an error, never a SIGBUS */
	if (!rc) {
		rc = hostmap_call(write_core, &s, &r, e);
		if (rc == 0)
			rc = r;
	}
	if (s.elf != NULL)
		elf_end(s.elf);
	if (!rc && close(s.fd) != 0)
		rc = error_set(e, -errno, "cannot write the core: %s",
			       strerror(errno));
	else if (rc)
		close(s.fd);
	if (!rc && rename(s.tmp, path) != 0)
		rc = error_set(e, -errno, "cannot create '%s': %s", path,
			       strerror(errno));
	if (rc)
		unlink(s.tmp);
out:
	free(real);
	free(s.tmp);
	free(s.v.s);
	free(s.vec);
	free(s.vi);
	sb_release(&s.notes);
	return rc;
}
