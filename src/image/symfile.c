// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * --symbols FILE: the kernel's symbols from a System.map ("ADDR TYPE
 * NAME" lines, as nm prints them) or a vmlinux ELF (.symtab through
 * libelf, the types nm would give), at their link-time addresses: the
 * symbols of the kernel image move by the dump's KERNELOFFSET (KASLR);
 * the absolute ones and those below _text (x86_64's per-CPU offsets) stay.
 * A file of another kernel is refused: the dump's VMCOREINFO SYMBOL()
 * lines, its BUILD-ID (a vmlinux's build ID note), its OSRELEASE (a
 * vmlinux's linux_banner) and the dump's memory at linux_banner, which
 * must read "Linux version RELEASE", all have to agree with the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/image_info.h"
#include "ptwalk/kallsyms.h"
#include "ptwalk/ksym.h"

/* A System.map or vmlinux beyond this is not a kernel's. */
#define SYMFILE_MAX_BYTES	(2048ULL << 20)

struct symfile {
	const char *path;
	struct ksym *s;
	int n, cap;
	bool elf;
	char build_id[41];		/* a vmlinux's, in hex, or "" */
	char release[65];		/* from a vmlinux's linux_banner, or "" */
	u64 offset;			/* KERNELOFFSET applied */
};

static void
sf_add(struct symfile *sf, const char *name, size_t len, u64 value,
       char type)
{
	struct ksym *k;

	if (sf->n == sf->cap) {
		sf->cap = sf->cap ? 2 * sf->cap : 4096;
		sf->s = xrealloc(sf->s, (size_t)sf->cap * sizeof(*sf->s));
	}
	k = &sf->s[sf->n++];
	memset(k, 0, sizeof(*k));
	k->name = xmalloc(len + 1);
	memcpy(k->name, name, len);
	k->name[len] = 0;
	k->value = value;
	k->type = type;
}

static void
sf_free(struct symfile *sf)
{
	int i;

	for (i = 0; sf->s != NULL && i < sf->n; i++)
		free(sf->s[i].name);
	free(sf->s);
	sf->s = NULL;
	sf->n = sf->cap = 0;
}

/* One "ADDR TYPE NAME" line (ADDR in hex); false when it is not one. */
static bool
map_line(struct symfile *sf, const char *p, const char *end)
{
	const char *name;
	char *q;
	u64 v;

	if (p == end || !((*p >= '0' && *p <= '9') ||
			  (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F')))
		return false;
	/* sym --list writes 0x before the address */
	if (end - p > 2 && p[0] == '0' && p[1] == 'x')
		p += 2;
	errno = 0;
	v = strtoull(p, &q, 16);
	if (errno || q == p || q - p > 16 || q + 3 > end || q[0] != ' ' ||
	    q[2] != ' ' ||
	    !((q[1] >= 'a' && q[1] <= 'z') || (q[1] >= 'A' && q[1] <= 'Z')))
		return false;
	name = q + 3;
	for (q = (char *)name; q < end && *q > ' ' && *q <= '~'; q++)
		;
	if (q == name || q - name >= KSYM_NAME_LEN)
		return false;
	sf_add(sf, name, (size_t)(q - name), v, name[-2]);
	return true;
}

static int
map_parse(struct symfile *sf, const char *buf, size_t len, struct error *e)
{
	const char *p = buf, *end = buf + len;
	long line = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;

		line++;
		if (le > p && !map_line(sf, p, le))
			return error_set(e, -EINVAL, "%s:%ld: not a System.map "
					 "line (ADDR TYPE NAME)", sf->path,
					 line);
		p = le + 1;
	}
	if (sf->n == 0)
		return error_set(e, -EINVAL, "%s: no symbols", sf->path);
	return 0;
}

/* The type nm gives a symbol of the vmlinux. */
static char
elf_type(Elf *elf, const GElf_Sym *s)
{
	GElf_Shdr sh;
	Elf_Scn *scn;
	char t;

	if (s->st_shndx == SHN_ABS)
		t = 'A';
	else if ((scn = elf_getscn(elf, s->st_shndx)) == NULL ||
		 gelf_getshdr(scn, &sh) == NULL)
		return 0;
	else if (sh.sh_flags & SHF_EXECINSTR)
		t = 'T';
	else if (sh.sh_type == SHT_NOBITS)
		t = 'B';
	else if (sh.sh_flags & SHF_WRITE)
		t = 'D';
	else if (sh.sh_flags & SHF_ALLOC)
		t = 'R';
	else
		return 0;
	if (GELF_ST_BIND(s->st_info) == STB_WEAK)
		t = t == 'A' ? 'A' : 'W';
	else if (GELF_ST_BIND(s->st_info) == STB_LOCAL)
		t = (char)(t - 'A' + 'a');
	return t;
}

/* NT_GNU_BUILD_ID of a note section, in hex. */
static void
elf_build_id(struct symfile *sf, Elf_Scn *scn)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t off = 0, next, noff, doff;
	GElf_Nhdr nh;
	unsigned i;

	while (d != NULL && d->d_buf != NULL &&
	       (next = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
		const u8 *base = d->d_buf;

		if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
		    !memcmp(base + noff, "GNU", 4) && nh.n_descsz > 0 &&
		    nh.n_descsz <= 20) {
			for (i = 0; i < nh.n_descsz; i++)
				snprintf(sf->build_id + 2 * i, 3, "%02x",
					 base[doff + i]);
			return;
		}
		off = next;
	}
}

/* The release in the file's linux_banner: "Linux version RELEASE ...". */
static void
elf_release(struct symfile *sf, Elf *elf, const GElf_Sym *s)
{
	static const char pre[] = "Linux version ";
	Elf_Scn *scn = elf_getscn(elf, s->st_shndx);
	Elf_Data *d;
	GElf_Shdr sh;
	const char *p;
	size_t off, i;

	if (scn == NULL || gelf_getshdr(scn, &sh) == NULL ||
	    sh.sh_type == SHT_NOBITS || s->st_value < sh.sh_addr ||
	    (d = elf_getdata(scn, NULL)) == NULL || d->d_buf == NULL)
		return;
	off = s->st_value - sh.sh_addr;
	if (off >= d->d_size || d->d_size - off < sizeof(pre) + 1)
		return;
	p = (const char *)d->d_buf + off;
	if (memcmp(p, pre, sizeof(pre) - 1))
		return;
	p += sizeof(pre) - 1;
	off += sizeof(pre) - 1;
	for (i = 0; i < sizeof(sf->release) - 1 && off + i < d->d_size &&
	     p[i] > ' ' && p[i] <= '~'; i++)
		sf->release[i] = p[i];
	sf->release[i] = 0;
}

/* The symbols of .symtab, their types as nm gives them. */
static int
elf_symtab(struct symfile *sf, Elf *elf, Elf_Scn *scn, size_t link,
	   struct error *e)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	GElf_Sym sym;
	int i;

	for (i = 0; d != NULL && gelf_getsym(d, i, &sym) != NULL; i++) {
		const char *name = elf_strptr(elf, link, sym.st_name);
		char t;

		if (name == NULL || !*name || sym.st_shndx == SHN_UNDEF ||
		    GELF_ST_TYPE(sym.st_info) == STT_FILE ||
		    GELF_ST_TYPE(sym.st_info) == STT_SECTION ||
		    strlen(name) >= KSYM_NAME_LEN ||
		    (t = elf_type(elf, &sym)) == 0)
			continue;
		if (!strcmp(name, "linux_banner"))
			elf_release(sf, elf, &sym);
		sf_add(sf, name, strlen(name), sym.st_value, t);
	}
	if (sf->n == 0)
		return error_set(e, -EINVAL, "%s: an ELF without symbols "
				 "(.symtab): not a vmlinux", sf->path);
	return 0;
}

static int
elf_parse(struct symfile *sf, const char *buf, size_t len, struct error *e)
{
	Elf *elf;
	Elf_Scn *scn = NULL, *symtab = NULL;
	GElf_Shdr sh;
	size_t link = 0;
	int r;

	elf_version(EV_CURRENT);
	elf = elf_memory((char *)buf, len);
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF) {
		if (elf)
			elf_end(elf);
		return error_set(e, -EINVAL, "%s: not an ELF file", sf->path);
	}
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		if (gelf_getshdr(scn, &sh) == NULL)
			continue;
		if (sh.sh_type == SHT_SYMTAB) {
			symtab = scn;
			link = sh.sh_link;
		} else if (sh.sh_type == SHT_NOTE && !sf->build_id[0]) {
			elf_build_id(sf, scn);
		}
	}
	r = symtab == NULL ? error_set(e, -EINVAL, "%s: an ELF without "
				       ".symtab: not a vmlinux (a stripped "
				       "kernel has no symbols)", sf->path) :
		elf_symtab(sf, elf, symtab, link, e);
	elf_end(elf);
	return r;
}

/* The file's bytes, mapped; parsed as ELF or as a System.map. */
static int
sf_parse(struct symfile *sf, struct error *e)
{
	struct stat st;
	void *map;
	int fd, r;

	fd = host_open(sf->path, 0, "the symbol file", &st, e);
	if (fd < 0)
		return -1;
	if (st.st_size == 0 || (u64)st.st_size > SYMFILE_MAX_BYTES) {
		close(fd);
		return error_set(e, -EINVAL, "%s: %s: not a System.map or a "
				 "vmlinux", sf->path, st.st_size ? "too large" :
				 "empty");
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return error_set(e, -errno, "%s: %s", sf->path,
				 strerror(errno));
	sf->elf = st.st_size >= 4 && !memcmp(map, ELFMAG, SELFMAG);
	r = sf->elf ? elf_parse(sf, map, (size_t)st.st_size, e) :
		map_parse(sf, map, (size_t)st.st_size, e);
	munmap(map, (size_t)st.st_size);
	return r;
}

/*
 * Link-time addresses to the dump's: the kernel image's symbols (from
 * _text on, not the absolute ones) move by KERNELOFFSET.
 */
static void
sf_relocate(struct symfile *sf, const struct machine *m)
{
	u64 text = 0;
	int i;

	if (m->img == NULL ||
	    !vmcoreinfo_u64(m->img, "KERNELOFFSET", &sf->offset) ||
	    sf->offset == 0)
		return;
	for (i = 0; i < sf->n; i++)
		if (!strcmp(sf->s[i].name, "_text"))
			text = sf->s[i].value;
	for (i = 0; i < sf->n; i++)
		if (sf->s[i].type != 'A' && sf->s[i].type != 'a' &&
		    sf->s[i].value >= text)
			sf->s[i].value += sf->offset;
}

struct symfile *
symfile_read(struct machine *m, const char *path, struct error *e)
{
	struct symfile *sf = xcalloc(1, sizeof(*sf));

	sf->path = path;
	if (sf_parse(sf, e)) {
		symfile_free(sf);
		return NULL;
	}
	sf_relocate(sf, m);
	return sf;
}

void
symfile_free(struct symfile *sf)
{
	if (sf == NULL)
		return;
	sf_free(sf);
	free(sf);
}

static const struct ksym *
sf_find(const struct symfile *sf, const char *name)
{
	int i;

	for (i = 0; i < sf->n; i++)
		if (!strcmp(sf->s[i].name, name))
			return &sf->s[i];
	return NULL;
}

void
symfile_early(struct machine *m, const struct symfile *sf)
{
	const struct ksym *k = sf_find(sf, "swapper_pg_dir");

	if (k != NULL)
		machine_add_ksym(m, k->name, k->value, 0, k->type);
}

/* Every SYMBOL() of the VMCOREINFO the file has must be where it says. */
static int
check_vmcoreinfo(const struct symfile *sf, const struct machine *m,
		 const char *rel, int *checked, struct error *e)
{
	const char *p = m->img ? m->img->vmcoreinfo : NULL, *nl;
	int n = 0, agree = 0;

	for (; p != NULL && *p; p = nl ? nl + 1 : NULL) {
		const char *close = strchr(p, ')');
		char name[KSYM_NAME_LEN], key[KSYM_NAME_LEN + 10];
		const struct ksym *k;
		u64 v;

		nl = strchr(p, '\n');
		if (strncmp(p, "SYMBOL(", 7) || close == NULL ||
		    (nl != NULL && close > nl) ||
		    close - p - 7 >= (long)sizeof(name) || close[1] != '=')
			continue;
		memcpy(name, p + 7, (size_t)(close - p - 7));
		name[close - p - 7] = 0;
		snprintf(key, sizeof(key), "SYMBOL(%s)", name);
		/* mem_section: the value of the pointer, not its address */
		if (!strcmp(name, "mem_section") ||
		    !vmcoreinfo_u64(m->img, key, &v))
			continue;
		n++;
		if ((k = sf_find(sf, name)) == NULL)
			continue;
		if (k->value != v)
			return error_set(e, -EINVAL, "%s is another kernel's "
					 "symbols: %s is 0x%llx there, 0x%llx "
					 "in the dump (%s%s)", sf->path, name,
					 (unsigned long long)k->value,
					 (unsigned long long)v,
					 rel ? "OSRELEASE " : "no OSRELEASE",
					 rel ? rel : "");
		agree++;
	}
	if (n > 0 && agree == 0)
		return error_set(e, -EINVAL, "%s is no kernel's symbols for this "
				 "dump: it has none of the %d its VMCOREINFO "
				 "names (_stext, swapper_pg_dir ...)", sf->path, n);
	*checked += agree;
	return 0;
}

/* The dump's memory at the file's linux_banner: "Linux version REL ". */
static int
check_banner(const struct symfile *sf, struct machine *m, const char *rel,
	     int *checked, struct error *e)
{
	static const char pre[] = "Linux version ";
	const struct ksym *k = sf_find(sf, "linux_banner");
	char buf[sizeof(pre) + 64], want[sizeof(buf)];
	struct kview kv;
	struct error re;
	size_t n;

	if (k == NULL || kview_init(&kv, m, &re))
		return 0;
	n = snprintf(want, sizeof(want), "%s%s%s", pre, rel ? rel : "",
		     rel ? " " : "");
	if (n >= sizeof(want) || kview_read(&kv, k->value, buf, n, &re))
		return 0;	/* not in the dump: nothing to say */
	if (!memcmp(buf, want, n)) {
		++*checked;
		return 0;
	}
	for (n = 0; n < sizeof(buf) - 1 && buf[n] >= ' ' && buf[n] <= '~'; n++)
		;
	buf[n] = 0;
	return error_set(e, -EINVAL, "%s is another kernel's symbols: the "
			 "dump's memory at its linux_banner (0x%llx) reads "
			 "\"%.40s\", not \"%s...\"", sf->path,
			 (unsigned long long)k->value, buf, want);
}

static int
sf_check(const struct symfile *sf, struct machine *m, struct error *e)
{
	const char *rel = NULL, *bid = NULL;
	char relbuf[65] = "", bidbuf[41] = "";
	size_t len;
	int checked = 0;

	if (m->img != NULL &&
	    (rel = vmcoreinfo_str(m->img, "OSRELEASE", &len)) != NULL) {
		snprintf(relbuf, sizeof(relbuf), "%.*s", (int)len, rel);
		rel = relbuf;
	}
	if (m->img != NULL &&
	    (bid = vmcoreinfo_str(m->img, "BUILD-ID", &len)) != NULL) {
		snprintf(bidbuf, sizeof(bidbuf), "%.*s", (int)len, bid);
		bid = bidbuf;
	}
	if (bid != NULL && sf->build_id[0] && strcmp(bid, sf->build_id))
		return error_set(e, -EINVAL, "%s is another kernel's: its build "
				 "ID is %s, the dump's BUILD-ID %s", sf->path,
				 sf->build_id, bid);
	if (rel != NULL && sf->release[0] && strcmp(rel, sf->release))
		return error_set(e, -EINVAL, "%s is another kernel's: it is "
				 "Linux %s, the dump's OSRELEASE %s", sf->path,
				 sf->release, rel);
	checked += bid && sf->build_id[0];
	checked += rel && sf->release[0];
	if (check_vmcoreinfo(sf, m, rel, &checked, e) ||
	    check_banner(sf, m, rel, &checked, e))
		return -1;
	if (checked == 0)
		image_warn(m->img, "%s could not be checked against the dump "
			   "(no VMCOREINFO symbol, build ID or release to "
			   "compare, no linux_banner in the dump): its symbols "
			   "are taken as they are", sf->path);
	return 0;
}

/* Sizes up to the next symbol at a higher address, as kallsyms gives. */
static int
addr_order(const void *a, const void *b)
{
	const struct ksym *const *x = a, *const *y = b;

	if ((*x)->value != (*y)->value)
		return (*x)->value < (*y)->value ? -1 : 1;
	return *x < *y ? -1 : *x > *y;
}

static void
sf_sizes(struct symfile *sf)
{
	struct ksym **o = xmalloc((size_t)sf->n * sizeof(*o));
	int i, j;

	for (i = 0; i < sf->n; i++)
		o[i] = &sf->s[i];
	qsort(o, (size_t)sf->n, sizeof(*o), addr_order);
	for (i = 0; i < sf->n; i = j) {
		for (j = i; j < sf->n && o[j]->value == o[i]->value; j++)
			;
		for (; i < j; i++)
			o[i]->size = j < sf->n ? o[j]->value - o[i]->value : 0;
	}
	free(o);
}

int
symfile_load(struct machine *m, struct symfile *sf, struct error *e)
{
	int r = sf_check(sf, m, e);

	if (r == 0) {
		sf_sizes(sf);
		machine_set_kernel_ksyms(m, sf->s, sf->n);
		free(sf->s);
		sf->s = NULL;
		sf->n = 0;
	}
	symfile_free(sf);
	return r;
}
