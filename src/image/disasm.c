// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Disassembly of code read through the MMU: Capstone's, or LLVM's where
 * the arch says so (disasm_llvm.c), behind one loop that reads the code
 * page by page as far as the instructions go.
 */
#include <capstone/capstone.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/peek.h"
#include "disasm_impl.h"

#define DIS_MAX_PAGES	64

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
branch_target(const struct arch_disasm *d, const cs_insn *in, u64 *t)
{
	if (in->detail == NULL || !(in_group(in, CS_GRP_JUMP) ||
				    in_group(in, CS_GRP_CALL) ||
				    in_group(in, CS_GRP_BRANCH_RELATIVE)))
		return false;
	return d->branch_target(in->detail, t);
}

/* A call: Capstone's group, or a mnemonic the arch knows is one. */
static bool
is_call(const struct arch_disasm *d, const cs_insn *in)
{
	const char *const *c = d->calls;

	if (in_group(in, CS_GRP_CALL))
		return true;
	for (; c != NULL && *c != NULL; c++)
		if (!strcmp(in->mnemonic, *c))
			return true;
	return false;
}

static unsigned
cs_one(struct dis_session *s, const u8 *code, size_t size, u64 a,
       struct dis_insn *o)
{
	cs_insn *in = s->insn;
	u64 t;

	if (!cs_disasm_iter(*(csh *)s->handle, &code, &size, &a, in))
		return 0;
	o->addr = in->address;
	o->len = (u8)in->size;
	memcpy(o->bytes, in->bytes, MIN(in->size, 16));
	snprintf(o->mnemonic, sizeof(o->mnemonic), "%s", in->mnemonic);
	snprintf(o->op_str, sizeof(o->op_str), "%s", in->op_str);
	o->is_call = is_call(s->d, in);
	o->has_target = branch_target(s->d, in, &t);
	o->target = o->has_target ? t : 0;
	return in->size;
}

static void
cs_session_close(struct dis_session *s)
{
	cs_free(s->insn, 1);
	cs_close(s->handle);
	free(s->handle);
}

static int
cs_session_open(struct dis_session *s, const struct arch_disasm *d,
		enum dis_mode mode, struct error *e)
{
	cs_mode cm = (cs_mode)(mode == DIS_THUMB && d->thumb_name ?
			       d->thumb_mode : d->cs_mode);
	csh *h = xcalloc(1, sizeof(*h));

	if (cs_open((cs_arch)d->cs_arch, cm, h) != CS_ERR_OK) {
		free(h);
		return error_set(e, -EINVAL, "Capstone cannot open %s",
				 mode == DIS_THUMB && d->thumb_name ?
				 d->thumb_name : d->name);
	}
	cs_option(*h, CS_OPT_DETAIL, CS_OPT_ON);
	s->handle = h;
	s->insn = cs_malloc(*h);
	s->max_len = 16;
	s->one = cs_one;
	s->close = cs_session_close;
	return 0;
}

static int
session_open(struct dis_session *s, const struct machine *m,
	     enum dis_mode mode, struct error *e)
{
	const struct arch_disasm *d = m->arch->dis;

	memset(s, 0, sizeof(*s));
	s->d = d;
	if (d == NULL)
		return error_set(e, -EINVAL, "no disassembler for %s",
				 m->arch->name);
	if (d->llvm != NULL)
		return dis_llvm_open(s, d, e);
	return cs_session_open(s, d, mode, e);
}

/*
 * The next instruction in buf[pos, have) at base + pos into o: its
 * length; 0 when more bytes are needed to tell; -1 when the bytes are
 * not an instruction and the decoder has no line for them.
 */
static int
decode_next(struct dis_session *s, const u8 *buf, u64 base, u64 pos,
	    u64 have, struct dis_insn *o)
{
	u64 avail = have - pos;
	unsigned l;

	if (avail == 0)
		return 0;
	memset(o, 0, sizeof(*o));
	l = s->one(s, buf + pos, (size_t)avail, base + pos, o);
	if (l > 0)
		return (int)l;
	if (avail < s->max_len)
		return 0;	/* not for want of bytes? fetch more first */
	if (s->undecoded == NULL)
		return -1;
	memset(o, 0, sizeof(*o));
	l = s->undecoded(s, buf + pos, (size_t)avail, base + pos, o);
	return l > 0 ? (int)l : -1;
}

int
dis_decode(struct machine *m, struct cpu *c, u64 addr, enum dis_mode mode,
	   struct dis_insn *out, int n, struct error *e)
{
	u8 buf[DIS_MAX_PAGES * PAGE_SIZE];
	u64 base = addr, have = 0, pos = 0;	/* buf holds [base, base+have) */
	struct dis_session s;
	int k = 0, r;

	r = session_open(&s, m, mode, e);
	if (r)
		return r;
	while (k < n) {
		u64 va, len, done;
		int l = decode_next(&s, buf, base, pos, have, &out[k]);

		if (l > 0) {
			pos += (u64)l;
			k++;
			continue;
		}
		if (l < 0)
			break;
		/* the next instruction runs on: fetch the next page */
		if (have + PAGE_SIZE > sizeof(buf))
			break;
		va = base + have;
		len = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		/* a debugger's read: no fetch, no fault, nothing changed */
		r = machine_peek_virt(m, c, va, buf + have, len, &done, e);
		if (r) {
			if (k == 0) {
				s.close(&s);
				return r;
			}
			break;
		}
		have += len;
	}
	s.close(&s);
	return k;
}
