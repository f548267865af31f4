// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The notes of a dump: a CPU per NT_PRSTATUS, the arch's own CPU notes
 * (QEMU's x86 CPU state, ...), the VMCOREINFO and ptwalk's note; read from
 * an ELF core's PT_NOTE segment (image.c, through libelf) or from a
 * buffer of notes (a kdump-compressed dump's note area).
 */
#include <stdlib.h>
#include <string.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/elf.h"
#include "ptwalk/util.h"

#include "image_fmt.h"

static u64
get_word(const u8 *p, unsigned size)
{
	u64 v = 0;

	memcpy(&v, p, size);	/* little-endian cores on a little-endian host */
	return v;
}

static char *
note_text(const u8 *desc, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, desc, n);
	s[n] = 0;
	s[strlen(s)] = 0;
	return s;
}

/* One note of a core or of a kdump-compressed dump's note area. */
void
image_note(struct image_info *ii, const char *name, u32 namesz, u32 type,
	   const u8 *desc, u32 descsz, int *nprs, int *narch)
{
	const struct arch_elf *ae = arch_elf_find(ii->elf_machine);

	if (namesz == 5 && !memcmp(name, "CORE", 5) && type == NT_PRSTATUS) {
		struct image_cpu *c = image_add_cpu(ii, nprs);
		unsigned pid_off = ae ? ae->prstatus_pid : 0;

		if (pid_off && descsz >= pid_off + 4)
			c->id = (int)get_word(desc + pid_off, 4) - 1;
	} else if (ae != NULL && ae->core_note != NULL &&
		   ae->core_note(ii, name, namesz, type, desc, descsz, narch)) {
		return;
	} else if (namesz == 11 && !memcmp(name, "VMCOREINFO", 11)) {
		free(ii->vmcoreinfo);
		ii->vmcoreinfo = note_text(desc, descsz);
		vmcoreinfo_index(ii);
	} else if (namesz == 7 && !memcmp(name, "PTWALK", 7)) {
		free(ii->features);
		ii->features = note_text(desc, descsz);
	}
}

/*
 * Notes in memory (ELF note format, 4-byte aligned), as far as they are
 * whole; returns how many were read.
 */
int
image_notes_buf(struct image_info *ii, const u8 *buf, u64 size, int *nprs,
		int *narch)
{
	u64 pos = 0;
	int n = 0;

	while (size - pos >= 12) {
		u32 namesz, descsz, type;
		u64 nlen, dlen;

		memcpy(&namesz, buf + pos, 4);
		memcpy(&descsz, buf + pos + 4, 4);
		memcpy(&type, buf + pos + 8, 4);
		nlen = ALIGN_UP((u64)namesz, 4);
		dlen = ALIGN_UP((u64)descsz, 4);
		if (nlen > size - pos - 12 || dlen > size - pos - 12 - nlen)
			break;
		image_note(ii, (const char *)buf + pos + 12, namesz, type,
			   buf + pos + 12 + nlen, descsz, nprs, narch);
		pos += 12 + nlen + dlen;
		n++;
	}
	return n;
}
