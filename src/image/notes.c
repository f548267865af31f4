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

/*
 * "cpuN root0=0x... root1=0x... asid=N regs=0x...,0x..." lines of the
 * PTWALK note: the roots and registers of each CPU that QEMU's notes do
 * not carry on arm and arm64.
 */
void
ptwalk_note_cpus(struct image_info *ii)
{
	const char *p = ii->features;

	while (p != NULL && *p) {
		const char *nl = strchr(p, '\n');
		int n, k;
		char *end;

		if (!strncmp(p, "cpu", 3) && p[3] >= '0' && p[3] <= '9') {
			n = (int)strtol(p + 3, &end, 10);
			if (n >= 0 && n < 4096) {
				struct image_cpu *c;
				const char *q = end;

				while (ii->ncpus <= n) {
					int k0 = ii->ncpus;

					ii->cpu = xrealloc(ii->cpu, (size_t)(k0 + 1) *
							   sizeof(*ii->cpu));
					memset(&ii->cpu[k0], 0, sizeof(*ii->cpu));
					ii->cpu[k0].id = k0;
					ii->ncpus = k0 + 1;
				}
				c = &ii->cpu[n];
				while (q != NULL && (nl == NULL || q < nl)) {
					while (*q == ' ')
						q++;
					if (!strncmp(q, "root0=", 6)) {
						c->root[0] = strtoull(q + 6, &end, 0);
						c->have_root[0] = true;
					} else if (!strncmp(q, "root1=", 6)) {
						c->root[1] = strtoull(q + 6, &end, 0);
						c->have_root[1] = true;
					} else if (!strncmp(q, "asid=", 5)) {
						c->asid = (u16)strtoul(q + 5, &end, 0);
					} else if (!strncmp(q, "regs=", 5)) {
						end = (char *)q + 5;
						c->have_regs = true;
						for (k = 0; k < 8; k++) {
							c->regs[k] = strtoull(end, &end, 0);
							if (*end != ',')
								break;
							end++;
						}
					} else {
						break;
					}
					q = end;
					if (*q != ' ')
						break;
				}
			}
		}
		p = nl ? nl + 1 : NULL;
	}
}
