// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer harness: the ELF loader (src/elf.c and load_elf_binary in
 * src/mm/exec.c), on every arch.
 *
 * Each input is a file.  Its bytes are parsed (elf_parse), its symbols
 * looked up, and elf_check_exec() asked about it for each arch, all of
 * which reads the bytes only.  A file that an arch's loader takes is then
 * exec'd as a new process on a small machine of that arch, as the `exec`
 * command does (the loader refuses everything else before it changes
 * anything): the process runs on the CPU, fetches at its entry point and
 * reads the first bytes of every PT_LOAD (page faults read the file's
 * pages), then exits.
 *
 * An exec leaves its file in the machine's inode cache and page cache for
 * the machine's life, as Linux's caches outlive a process: the machine is
 * freed after each exec and the next one boots afresh, so each input
 * finds a freshly booted machine.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "ptwalk/elf.h"
#include "ptwalk/machine.h"
#include "ptwalk/mm.h"

#define MAX_INPUT	(128 * 1024)

static const char *const arches[] = { "i386", "x86_64", "arm", "arm64" };
#define NARCH ARRAY_SIZE(arches)

static struct machine *mach[NARCH];
static u64 task_size[NARCH];

static struct machine *
boot(unsigned i)
{
	struct machine_opts mo;
	struct error e;

	if (mach[i] != NULL)
		return mach[i];
	memset(&mo, 0, sizeof(mo));
	mo.arch = arches[i];
	mo.mem = 128 << 20;	/* every arch boots in it */
	mo.boot = "clean";
	mo.cpus = 1;
	mo.exec = "none";
	error_clear(&e);
	mach[i] = machine_new(&mo, &e);
	if (mach[i] == NULL) {
		fprintf(stderr, "fuzz: boot %s: %s\n", arches[i], e.msg);
		abort();
	}
	task_size[i] = mach[i]->lay.task_size;
	return mach[i];
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	unsigned i;

	(void)argc;
	(void)argv;
	fuzz_init();
	for (i = 0; i < NARCH; i++)
		boot(i);
	return 0;
}

/*
 * What the parsed file says, and what each arch's checks make of it:
 * the arch whose loader would take it, or -1.
 */
static int
parse(const char *path, const uint8_t *data, size_t size)
{
	struct elf_info *ei = NULL;
	struct error e;
	int i, ok = -1;

	error_clear(&e);
	if (elf_parse(path, data, size, &ei, &e))
		return -1;
	elf_sym_find(ei, "main");
	elf_sym_find(ei, "_start");
	elf_sym_at(ei, ei->entry);
	elf_map_kind(ei, ei->entry);
	elf_machine_name(ei->machine);
	elf_type_name(ei->type);
	for (i = 0; i < (int)NARCH; i++) {
		const struct arch *a = arch_find(arches[i]);

		error_clear(&e);
		if (elf_check_exec(ei, (u16)a->elf_machine, a->is64, a->name,
				   task_size[i], &e) == 0)
			ok = i;
	}
	elf_free(ei);
	return ok;
}

/* The new process runs: a fetch at its entry, a read of each segment. */
static void
run_process(struct machine *m, struct task_struct *t)
{
	const struct elf_info *ei = t->mm->img[0].file ?
		t->mm->img[0].file->elf : NULL;
	struct error e;
	u8 buf[64];
	u64 pa;
	int i;

	error_clear(&e);
	if (switch_to(m, machine_cpu(m), t, &e))
		return;
	machine_access(m, machine_cpu(m), t->entry, ACC_EXEC | ACC_USER |
		       ACC_AD, &pa, &e);
	for (i = 0; ei != NULL && i < ei->nseg && i < 16; i++) {
		const struct elf_seg *s = &ei->seg[i];

		if (s->type != 1 /* PT_LOAD */ || s->memsz == 0)
			continue;
		error_clear(&e);
		access_process_vm(m, t, s->vaddr + t->mm->img[0].bias, buf,
				  MIN(s->memsz, sizeof(buf)), false, &e);
	}
}

/* The exec leaves the file in the machine's inode cache: a new machine. */
static void
exec_on(unsigned i, const char *path)
{
	struct machine *m = boot(i);
	struct exec_args a = { .path = path };
	struct task_struct *t = NULL;
	struct error e;

	error_clear(&e);
	kt_begin(m);
	if (do_execve(m, &a, &t, &e) == 0 && t != NULL) {
		run_process(m, t);
		error_clear(&e);
		do_exit(m, t, &e);
	}
	machine_free(m);
	mach[i] = NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd, i;

	if (size > MAX_INPUT)
		return -1;
	fd = fuzz_file(data, size, path, sizeof(path));
	if (fd < 0)
		abort();
	fuzz_mute(true);
	i = parse(path, data, size);
	if (i >= 0) {
		fuzz_sandbox(true);	/* a PT_INTERP may name any file */
		exec_on((unsigned)i, path);
		fuzz_sandbox(false);
	}
	fuzz_mute(false);
	close(fd);
	return 0;
}
