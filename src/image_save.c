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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static bool
page_zero(const u8 *p)
{
	static const u8 zero[256];
	unsigned i;

	for (i = 0; i < PAGE_SIZE; i += sizeof(zero))
		if (memcmp(p + i, zero, sizeof(zero)))
			return false;
	return true;
}

/* Data and zero runs of one physical range. */
static void
scan_range(struct phys *ph, const struct phys_range *r, struct segs *v,
	   unsigned char *vec)
{
	u64 off = 0;

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
				!page_zero(r->host + off + i);

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
	const u8 *p = buf;

	while (len > 0) {
		ssize_t w = pwrite(fd, p, (size_t)MIN(len, 1ULL << 30),
				   (off_t)off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return error_set(e, -errno, "cannot write the core: %s",
					 strerror(errno));
		p += w;
		off += (u64)w;
		len -= (u64)w;
	}
	return 0;
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
	if (m->opts.variant != NULL)
		sb_addf(sb, "variant=%s\n", m->opts.variant);
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

int
image_save(struct machine *m, const char *path, struct error *e)
{
	const struct arch *a = m->arch;
	struct strbuf notes, vi, pn;
	struct segs v = { NULL, 0, 0 };
	unsigned char *vec = xmalloc(CHUNK >> PAGE_SHIFT);
	struct stat st, ist;
	Elf *elf = NULL;
	GElf_Ehdr eh;
	u64 gap = MERGE_GAP, note_off, off, max_pa = 0;
	int fd = -1, i, rc = 0, cls;
	bool created = false;
	char *tmp = NULL;
	size_t phnum, ehsz, phsz;

	if (a->save_notes == NULL || a->save_vmcoreinfo == NULL) {
		free(vec);
		return error_set(e, -EINVAL, "saving a %s machine is not "
				 "supported", a->name);
	}
	/* never write over the image being read */
	if (m->phys.fd >= 0 && stat(path, &st) == 0 &&
	    fstat(m->phys.fd, &ist) == 0 && st.st_dev == ist.st_dev &&
	    st.st_ino == ist.st_ino) {
		free(vec);
		return error_set(e, -EINVAL, "'%s' is the image being read: "
				 "save to another file", path);
	}
	/* only ever replace a regular file: never a device or a directory */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		free(vec);
		return error_set(e, -EINVAL, "'%s' is not a regular file: save "
				 "writes an ELF core file", path);
	}
	sb_init(&notes);
	sb_init(&vi);
	sb_init(&pn);
	a->save_notes(m, &notes);
	if (m->img != NULL && m->img->vmcoreinfo != NULL)
		sb_adds(&vi, m->img->vmcoreinfo);
	else
		a->save_vmcoreinfo(m, &vi);
	note_add(&notes, "VMCOREINFO", 0, vi.buf, vi.len);
	ptwalk_note(m, &pn);
	note_add(&notes, "PTWALK", 0, pn.buf, pn.len);

	for (i = 0; i < m->phys.nr; i++) {
		const struct phys_range *r = &m->phys.r[i];

		scan_range(&m->phys, r, &v, vec);
		max_pa = MAX(max_pa, r->start + r->size - 1);
	}
	merge(&v, gap);
	while (v.n + 1 > MAX_PHDRS && gap < (1ULL << 40)) {
		gap *= 4;
		merge(&v, gap);
	}
	cls = (a->is64 || max_pa > 0xffffffffULL) ? ELFCLASS64 : ELFCLASS32;
	phnum = (size_t)v.n + 1;
	ehsz = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	phsz = cls == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	note_off = ehsz + phnum * phsz;

	/*
	 * Write a temporary file beside the target and rename it into place
	 * at the end: a failed save leaves an existing file as it was.
	 */
	tmp = xasprintf("%s.tmp......", path);
	memset(tmp + strlen(tmp) - 6, 'X', 6);	/* mkostemp's template */
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		rc = error_set(e, -errno, "cannot create '%s': %s", path,
			       strerror(errno));
		goto out;
	}
	created = true;
	fchmod(fd, 0644);
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	if (elf == NULL || gelf_newehdr(elf, cls) == 0 ||
	    gelf_getehdr(elf, &eh) == NULL) {
		rc = error_set(e, -EIO, "libelf: %s", elf_errmsg(-1));
		goto out;
	}
	elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh.e_type = ET_CORE;
	eh.e_machine = (GElf_Half)a->elf_machine;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = ehsz;
	eh.e_shoff = 0;
	if (gelf_update_ehdr(elf, &eh) == 0 || gelf_newphdr(elf, phnum) == 0) {
		rc = error_set(e, -EIO, "libelf: %s", elf_errmsg(-1));
		goto out;
	}
	{
		GElf_Phdr p;

		memset(&p, 0, sizeof(p));
		p.p_type = PT_NOTE;
		p.p_offset = note_off;
		p.p_filesz = notes.len;
		p.p_memsz = notes.len;
		gelf_update_phdr(elf, 0, &p);
	}
	off = note_off + notes.len;
	for (i = 0; i < v.n; i++) {
		GElf_Phdr p;

		memset(&p, 0, sizeof(p));
		p.p_type = PT_LOAD;
		p.p_paddr = v.s[i].pa;
		p.p_offset = v.s[i].data ? off : 0;
		p.p_filesz = v.s[i].data ? v.s[i].len : 0;
		p.p_memsz = v.s[i].len;
		gelf_update_phdr(elf, i + 1, &p);
		if (v.s[i].data)
			off += v.s[i].len;
	}
	if (elf_update(elf, ELF_C_WRITE) < 0) {
		rc = error_set(e, -EIO, "cannot write the ELF headers: %s",
			       elf_errmsg(-1));
		goto out;
	}
	elf_end(elf);
	elf = NULL;
	rc = write_all(fd, notes.buf, notes.len, note_off, e);
	off = note_off + notes.len;
	for (i = 0; !rc && i < v.n; i++) {
		u64 done = 0;

		if (!v.s[i].data)
			continue;
		while (!rc && done < v.s[i].len) {
			const struct phys_range *r =
				phys_find(&m->phys, v.s[i].pa + done);
			u64 ro = v.s[i].pa + done - r->start;
			u64 n = MIN(v.s[i].len - done, r->size - ro);

			rc = write_all(fd, r->host + ro, n, off, e);
			off += n;
			done += n;
		}
	}
	if (!rc && ftruncate(fd, (off_t)off) != 0)
		rc = error_set(e, -errno, "cannot write the core: %s",
			       strerror(errno));
	if (!rc && close(fd) != 0)
		rc = error_set(e, -errno, "cannot write the core: %s",
			       strerror(errno));
	fd = -1;
	if (!rc && rename(tmp, path) != 0)
		rc = error_set(e, -errno, "cannot create '%s': %s", path,
			       strerror(errno));
out:
	if (elf != NULL)
		elf_end(elf);
	if (fd >= 0)
		close(fd);
	if (rc && created)
		unlink(tmp);
	free(tmp);
	free(v.s);
	free(vec);
	sb_release(&notes);
	sb_release(&vi);
	sb_release(&pn);
	return rc;
}
