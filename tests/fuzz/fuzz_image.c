// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * libFuzzer harness: the memory-image loaders (src/image.c and the arch
 * image setups: ELF cores with their notes and VMCOREINFO, raw files).
 *
 * Each input is an image file.  One that starts like an ELF file or a
 * kdump-compressed dump (or a flattened one, or an old diskdump) is opened
 * as `ptwalk --image FILE` opens it (the arch from the dump); any other
 * (LiME and AVML too, which do not say their arch) is
 * opened as a raw image with the page-table root at physical 0 (`--arch A
 * --cr3 0`), on an arch that reads images picked by the length of the
 * bytes past the last whole page, which the raw loader ignores.  Each
 * machine that opens is then looked at as a user would first look:
 * `machine`, `layout`, `cpus` and a walk of a few addresses, through
 * cmd_run_line() in a session that writes nowhere.  Nothing is kept
 * between inputs.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ptwalk/arch_list.h"
#include "ptwalk/cmd.h"
#include "ptwalk/image.h"

#define MAX_INPUT	(256 * 1024)

static const char *const looks =
	"machine; layout; cpus; walk 0; walk 0xc0000000; "
	"walk 0xffff888000000000; walk 0xffff000000000000; "
	"xp 0x1d94000 64; xp 0x1000 16";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

static void
open_and_look(const char *path, const char *arch)
{
	struct image_opts o;
	struct machine *m;
	struct error e;
	struct ctx ctx;

	memset(&o, 0, sizeof(o));
	o.path = path;
	o.arch = arch;
	o.have_root[0] = arch != NULL;
	error_clear(&e);
	m = image_open(&o, &e);
	if (m == NULL)
		return;
	ctx_init(&ctx, m);
	ctx.out = fuzz_devnull();
	ctx.redirect = REDIRECT_NEVER;	/* never a shell command */
	cmd_run_line(&ctx, looks);
	ctx_release(&ctx);
	machine_free(ctx.m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct arch *readers[16];
	char path[64];
	int fd, i, n;

	if (size > MAX_INPUT)
		return -1;
	fd = fuzz_file(data, size, path, sizeof(path));
	if (fd < 0)
		abort();
	fuzz_mute(true);
	if ((size >= 4 && !memcmp(data, "\177ELF", 4)) ||
	    (size >= 8 && (!memcmp(data, "KDUMP   ", 8) ||
			   !memcmp(data, "DISKDUMP", 8) ||
			   !memcmp(data, "makedump", 8)))) {
		open_and_look(path, NULL);
	} else {
		/* the bytes past the last whole page (ignored) pick the arch */
		for (i = 0, n = 0; arch_list[i] != NULL && n < 16; i++)
			if (arch_list[i]->image_setup != NULL)
				readers[n++] = arch_list[i];
		if (n > 0)
			open_and_look(path, readers[(size & 4095) % n]->name);
	}
	fuzz_mute(false);
	close(fd);
	return 0;
}
