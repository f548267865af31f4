// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Files that processes map, and their page cache (cf. mm/filemap.c).
 *
 * A host file is mapped privately into ptwalk and never read until a
 * simulated page fault needs one of its pages: do_read_fault then copies
 * that page into a frame of the page cache.  The page cache outlives the
 * processes, as Linux's does: a second run of a program finds its pages
 * cached (a minor fault).  The files live on a simulated disk (device
 * 08:01) with inode numbers given as they are first opened, so that
 * transcripts do not depend on the host.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/hostmap.h"
#include "internal.h"

#define SIM_DEV		((8ULL << 8) | 1)	/* 08:01, /dev/sda1 */
#define SIM_FIRST_INO	131073

/* The open files (the inode cache): a file stays until the machine ends. */
struct file_cache {
	struct file **f;
	int n;
	struct {
		u64 dev, ino;
	} *host;
};

static struct file_cache *
fcache(struct machine *m)
{
	return (struct file_cache *)tasks_of(m)->files;
}

static u64
hash_index(u64 index)
{
	index ^= index >> 33;
	index *= 0xff51afd7ed558ccdULL;
	index ^= index >> 33;
	return index;
}

int
filemap_get(struct address_space *as, u64 index, u64 *pfn)
{
	size_t i;

	if (as->cap == 0)
		return -ENOENT;
	for (i = hash_index(index) & (as->cap - 1);; i = (i + 1) & (as->cap - 1)) {
		if (as->index[i] == 0)
			return -ENOENT;
		if (as->index[i] == index + 1) {
			*pfn = as->pfn[i];
			return 0;
		}
	}
}

void
filemap_add(struct address_space *as, u64 index, u64 pfn)
{
	size_t i;

	if (2 * (as->nrpages + 1) > as->cap) {
		struct address_space n;
		size_t j;

		n.cap = as->cap ? as->cap * 2 : 16;
		n.nrpages = 0;
		n.index = xcalloc(n.cap, sizeof(*n.index));
		n.pfn = xcalloc(n.cap, sizeof(*n.pfn));
		for (j = 0; j < as->cap; j++)
			if (as->index[j])
				filemap_add(&n, as->index[j] - 1, as->pfn[j]);
		free(as->index);
		free(as->pfn);
		*as = n;
	}
	for (i = hash_index(index) & (as->cap - 1); as->index[i];
	     i = (i + 1) & (as->cap - 1))
		;
	as->index[i] = index + 1;
	as->pfn[i] = pfn;
	as->nrpages++;
}

static struct file *
file_new(struct machine *m, const char *path)
{
	struct file *f = xcalloc(1, sizeof(*f));
	struct file_cache *fc = fcache(m);

	f->path = xstrdup(path);
	f->dev = SIM_DEV;
	f->ino = SIM_FIRST_INO + (u64)fc->n;
	f->refs = 1;		/* the inode cache's reference */
	fc->f = xrealloc(fc->f, (size_t)(fc->n + 1) * sizeof(*fc->f));
	fc->host = xrealloc(fc->host, (size_t)(fc->n + 1) * sizeof(*fc->host));
	fc->f[fc->n] = f;
	fc->host[fc->n].dev = 0;
	fc->host[fc->n].ino = 0;
	fc->n++;
	return f;
}

int
file_open(struct machine *m, const char *path, struct file **out,
	  struct error *e)
{
	struct file_cache *fc = fcache(m);
	struct error e2;
	struct stat st;
	struct file *f;
	void *map = NULL;
	int fd, i;

	if (e == NULL)
		e = &e2;
	/* never blocks on a FIFO; a directory or a device is refused */
	fd = host_open(path, 0, "the file", &st, e);
	if (fd < 0)
		return e->code;
	/* the same host file again: the same inode, the same page cache */
	for (i = 0; i < fc->n; i++)
		if (fc->host[i].ino == (u64)st.st_ino &&
		    fc->host[i].dev == (u64)st.st_dev &&
		    fc->f[i]->size == (u64)st.st_size) {
			close(fd);
			*out = get_file(fc->f[i]);
			return 0;
		}
	if (st.st_size > 0) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			int err = errno;

			close(fd);
			return error_set(e, -err, "cannot map '%s': %s", path,
					 strerror(err));
		}
	}
	close(fd);
	if (map != NULL) {
		char *what = xasprintf("the file '%s'", path);

		hostmap_add(map, (size_t)st.st_size, what);
		free(what);
	}
	f = file_new(m, path);
	f->data = map;
	f->size = (u64)st.st_size;
	f->host_map = map;
	f->host_len = (size_t)st.st_size;
	fc->host[fc->n - 1].dev = (u64)st.st_dev;
	fc->host[fc->n - 1].ino = (u64)st.st_ino;
	*out = get_file(f);
	return 0;
}

struct file *
file_from_memory(struct machine *m, const char *name, const void *data,
		 u64 size)
{
	struct file_cache *fc = fcache(m);
	struct file *f;
	int i;

	for (i = 0; i < fc->n; i++)
		if (fc->f[i]->heap != NULL && !strcmp(fc->f[i]->path, name))
			return get_file(fc->f[i]);
	f = file_new(m, name);
	f->heap = xmalloc((size_t)size);
	memcpy(f->heap, data, (size_t)size);
	f->data = f->heap;
	f->size = size;
	return get_file(f);
}

struct file *
get_file(struct file *f)
{
	f->refs++;
	return f;
}

static void
file_release(struct machine *m, struct file *f)
{
	struct address_space *as = &f->mapping;
	size_t i;

	/* truncate_inode_pages: the page cache lets its frames go */
	for (i = 0; i < as->cap; i++)
		if (as->index[i])
			mm_put_page(m, as->pfn[i]);
	free(as->index);
	free(as->pfn);
	if (f->host_map != NULL) {
		hostmap_del(f->host_map);
		munmap(f->host_map, f->host_len);
	}
	free(f->heap);
	elf_free(f->elf);
	free(f->path);
	free(f);
}

void
fput(struct machine *m, struct file *f)
{
	if (f != NULL && --f->refs == 0)
		file_release(m, f);
}

void
files_release(struct machine *m)
{
	struct file_cache *fc = fcache(m);
	int i;

	if (fc == NULL)
		return;
	for (i = 0; i < fc->n; i++)
		fput(m, fc->f[i]);
	free(fc->f);
	free(fc->host);
	free(fc);
	tasks_of(m)->files = NULL;
}

void
files_init(struct machine *m)
{
	tasks_of(m)->files = xcalloc(1, sizeof(struct file_cache));
}
