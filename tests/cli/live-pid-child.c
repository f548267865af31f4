// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * For tests/cli/live-pid.sh: "run DIR" is a process with known mappings
 * (anonymous, read only (the zero page where the kernel maps it), a file, a private copy of a file page, shared
 * anonymous, a THP where the kernel gives one, a page paged out where
 * there is swap) that prints "NAME ADDRESS" for each and waits; SIGUSR1
 * unmaps its anonymous area.  "read PID VA" reads /proc/PID/pagemap,
 * /proc/kpageflags and /proc/kpagecount by itself and prints
 * "ENTRY PA KPAGEFLAGS KPAGECOUNT" in hex ("-" for what it cannot read).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

static char *anon;
static long ps;

static void
unmap_anon(int sig)
{
	(void)sig;
	munmap(anon, 8 * ps);
}

static int
rd(const char *path, uint64_t idx, uint64_t *v)
{
	int fd = open(path, O_RDONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = pread(fd, v, 8, (off_t)(idx * 8)) == 8;
	close(fd);
	return ok ? 0 : -1;
}

static int
read_page(const char *pid, const char *vas)
{
	uint64_t va = strtoull(vas, NULL, 0), e, f, c, pfn;
	char path[64];

	snprintf(path, sizeof(path), "/proc/%s/pagemap", pid);
	if (rd(path, va / (uint64_t)ps, &e))
		return 1;
	printf("0x%016llx", (unsigned long long)e);
	pfn = e & ((1ULL << 55) - 1);
	if (!(e >> 63)) {
		printf(" - - -\n");
		return 0;
	}
	printf(" 0x%llx", (unsigned long long)(pfn * (uint64_t)ps +
					      va % (uint64_t)ps));
	if (rd("/proc/kpageflags", pfn, &f) || rd("/proc/kpagecount", pfn, &c))
		printf(" - -\n");
	else
		printf(" 0x%llx 0x%llx\n", (unsigned long long)f,
		       (unsigned long long)c);
	return 0;
}

static char *
file_map(const char *dir, int prot)
{
	char path[512], buf[4096];
	int fd, i;
	char *p;

	snprintf(path, sizeof(path), "%s/data", dir);
	fd = open(path, O_RDWR | O_CREAT, 0644);
	if (fd < 0)
		exit(1);
	memset(buf, 'p', sizeof(buf));
	for (i = 0; i < 4; i++)
		if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			exit(1);
	p = mmap(NULL, 4 * ps, prot, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		exit(1);
	return p;
}

int
main(int argc, char **argv)
{
	volatile char sink;
	char *file, *cow, *shared, *thp, *swp;

	ps = sysconf(_SC_PAGESIZE);
	if (argc == 4 && !strcmp(argv[1], "read"))
		return read_page(argv[2], argv[3]);
	if (argc != 3 || strcmp(argv[1], "run"))
		return 2;
	anon = mmap(NULL, 8 * ps, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	thp = mmap(NULL, 4 << 20, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	swp = mmap(NULL, ps, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (anon == MAP_FAILED || shared == MAP_FAILED || thp == MAP_FAILED ||
	    swp == MAP_FAILED)
		return 1;
	memset(anon, 0x5a, 4 * ps);
	sink = anon[4 * ps];		/* read fault: the zero page */
	file = file_map(argv[2], PROT_READ);
	sink = file[0];
	cow = file_map(argv[2], PROT_READ | PROT_WRITE);
	cow[ps] = 'c';
	shared[0] = 's';
	thp = (char *)(((uintptr_t)thp + (2 << 20) - 1) & ~(uintptr_t)((2 << 20) - 1));
	madvise(thp, 2 << 20, MADV_HUGEPAGE);
	thp[0] = 't';
	swp[0] = 'w';
	madvise(swp, ps, MADV_PAGEOUT);
	(void)sink;
	signal(SIGUSR1, unmap_anon);
	printf("anon %p\nread %p\nuntouched %p\nfile %p\ncow %p\nshared %p\n"
	       "thp %p\nswap %p\nend\n", (void *)anon, (void *)(anon + 4 * ps),
	       (void *)(anon + 6 * ps), (void *)file, (void *)(cow + ps),
	       (void *)shared, (void *)thp, (void *)swp);
	fflush(stdout);
	for (;;)
		pause();
}
