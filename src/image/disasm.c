// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Capstone disassembly of code read through the MMU.
 */
#include <capstone/capstone.h>
#include <errno.h>
#include <string.h>

#include "ptwalk/disasm.h"
#include "ptwalk/peek.h"

#define DIS_MAX_PAGES	64

static int
cs_mode_of(const struct machine *m, enum dis_mode mode, cs_arch *arch,
	   cs_mode *cm)
{
	const struct arch_disasm *d = m->arch->dis;

	if (d == NULL)
		return -EINVAL;
	*arch = (cs_arch)d->cs_arch;
	*cm = (cs_mode)(mode == DIS_THUMB && d->thumb_name ? d->thumb_mode :
			d->cs_mode);
	return 0;
}

bool
dis_has_thumb(const struct machine *m)
{
	return m->arch->dis != NULL && m->arch->dis->thumb_name != NULL;
}

const char *
dis_mode_name(const struct machine *m, enum dis_mode mode)
{
	const struct arch_disasm *d = m->arch->dis;

	if (d == NULL)
		return "unknown";
	return mode == DIS_THUMB && d->thumb_name ? d->thumb_name : d->name;
}

static bool
in_group(const cs_insn *in, int g)
{
	int i;

	if (in->detail == NULL)
		return false;
	for (i = 0; i < in->detail->groups_count; i++)
		if (in->detail->groups[i] == g)
			return true;
	return false;
}

/* The immediate target of a call or a jump, if any. */
static bool
branch_target(const struct machine *m, const cs_insn *in, u64 *t)
{
	if (in->detail == NULL || !(in_group(in, CS_GRP_JUMP) ||
				    in_group(in, CS_GRP_CALL) ||
				    in_group(in, CS_GRP_BRANCH_RELATIVE)))
		return false;
	return m->arch->dis->branch_target(in->detail, t);
}

/* A call: Capstone's group, or a mnemonic the arch knows is one. */
static bool
is_call(const struct machine *m, const cs_insn *in)
{
	const char *const *c = m->arch->dis->calls;

	if (in_group(in, CS_GRP_CALL))
		return true;
	for (; c != NULL && *c != NULL; c++)
		if (!strcmp(in->mnemonic, *c))
			return true;
	return false;
}

int
dis_decode(struct machine *m, struct cpu *c, u64 addr, enum dis_mode mode,
	   struct dis_insn *out, int n, struct error *e)
{
	u8 buf[DIS_MAX_PAGES * PAGE_SIZE];
	u64 base = addr, have = 0, pos = 0;	/* buf holds [base, base+have) */
	cs_arch arch;
	cs_mode cm;
	csh h;
	cs_insn *in;
	int k = 0;

	if (cs_mode_of(m, mode, &arch, &cm))
		return error_set(e, -EINVAL, "%s", m->arch->dis_missing ?
				 m->arch->dis_missing : "no disassembler for "
				 "this arch");
	if (cs_open(arch, cm, &h) != CS_ERR_OK)
		return error_set(e, -EINVAL, "Capstone cannot open %s",
				 dis_mode_name(m, mode));
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	in = cs_malloc(h);
	while (k < n) {
		u64 avail = have - pos, va, len, done;
		int r;

		if (avail > 0) {
			const u8 *code = buf + pos;
			size_t size = (size_t)avail;
			u64 a = base + pos, t;

			if (cs_disasm_iter(h, &code, &size, &a, in)) {
				struct dis_insn *o = &out[k++];

				o->addr = in->address;
				o->len = (u8)in->size;
				memcpy(o->bytes, in->bytes, MIN(in->size, 16));
				snprintf(o->mnemonic, sizeof(o->mnemonic), "%s",
					 in->mnemonic);
				snprintf(o->op_str, sizeof(o->op_str), "%s",
					 in->op_str);
				o->is_call = is_call(m, in);
				o->has_target = branch_target(m, in, &t);
				o->target = o->has_target ? t : 0;
				pos += in->size;
				continue;
			}
			/* not an instruction, and not for want of bytes */
			if (avail >= 16)
				break;
		}
		/* the next instruction runs on: fetch the next page */
		if (have + PAGE_SIZE > sizeof(buf))
			break;
		va = base + have;
		len = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		/* a debugger's read: no fetch, no fault, nothing changed */
		r = machine_peek_virt(m, c, va, buf + have, len, &done, e);
		if (r) {
			if (k == 0) {
				cs_free(in, 1);
				cs_close(&h);
				return r;
			}
			break;
		}
		have += len;
	}
	cs_free(in, 1);
	cs_close(&h);
	return k;
}
