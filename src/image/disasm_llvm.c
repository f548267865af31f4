// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * LLVM's C disassembler (llvm-c/Disassembler.h), for the arches Capstone 4
 * has not.  libLLVM is some 100 MB whose relocations cost far more than a
 * start of ptwalk, so it is not linked: dlopen loads it on the first `dis`
 * that needs it, and its functions keep the prototypes of LLVM's headers.
 * LLVM gives an instruction as text; the arch reads it (struct
 * arch_disasm_llvm's annotate) for what the listing names.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Disassembler.h>

#include "disasm_impl.h"

/* Debian's libllvm14 */
#define LLVM_SONAME	"libLLVM-14.so.1"
#define LLVM_PACKAGE	"libllvm14"
#define LLVM_CONTEXTS	8

static struct {
	void *lib;
	__typeof__(LLVMCreateDisasmCPUFeatures) *create;
	__typeof__(LLVMSetDisasmOptions) *options;
	__typeof__(LLVMDisasmInstruction) *insn;
	/* one context a triple, made once and kept */
	struct {
		const struct arch_disasm_llvm *l;
		LLVMDisasmContextRef ctx;
	} ctx[LLVM_CONTEXTS];
	int nctx;
} llvm;

static bool
load_sym(void *lib, const char *name, void *fn, char *why, size_t n)
{
	void *p = dlsym(lib, name);

	if (p == NULL) {
		snprintf(why, n, "%s has no %s", LLVM_SONAME, name);
		return false;
	}
	memcpy(fn, &p, sizeof(p));
	return true;
}

int
dis_llvm_load(const char *soname, struct error *e)
{
	char why[300];
	void *l;

	if (llvm.lib != NULL)
		return 0;
	l = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
	if (l == NULL)
		return error_set(e, -ENOENT, "%s (install Debian %s)",
				 dlerror(), LLVM_PACKAGE);
	if (!load_sym(l, "LLVMCreateDisasmCPUFeatures", &llvm.create, why,
		      sizeof(why)) ||
	    !load_sym(l, "LLVMSetDisasmOptions", &llvm.options, why,
		      sizeof(why)) ||
	    !load_sym(l, "LLVMDisasmInstruction", &llvm.insn, why,
		      sizeof(why))) {
		dlclose(l);
		return error_set(e, -ENOENT, "%s (Debian %s)", why,
				 LLVM_PACKAGE);
	}
	llvm.lib = l;
	return 0;
}

/* LLVMInitialize<target>TargetInfo, ...TargetMC, ...Disassembler */
static int
init_target(const char *target, struct error *e)
{
	static const char *const parts[] = { "TargetInfo", "TargetMC",
					     "Disassembler" };
	char name[80], why[300];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		void (*fn)(void);

		snprintf(name, sizeof(name), "LLVMInitialize%s%s", target,
			 parts[i]);
		if (!load_sym(llvm.lib, name, &fn, why, sizeof(why)))
			return error_set(e, -ENOENT, "%s: LLVM was built "
					 "without this target", why);
		fn();
	}
	return 0;
}

static LLVMDisasmContextRef
context_of(const struct arch_disasm_llvm *l, struct error *e)
{
	LLVMDisasmContextRef ctx;
	int i;

	for (i = 0; i < llvm.nctx; i++)
		if (llvm.ctx[i].l == l)
			return llvm.ctx[i].ctx;
	for (i = 0; i < llvm.nctx; i++)
		if (!strcmp(llvm.ctx[i].l->target, l->target))
			break;
	if (i == llvm.nctx && init_target(l->target, e))
		return NULL;
	if (llvm.nctx == LLVM_CONTEXTS) {
		error_set(e, -ENOSPC, "too many LLVM disassemblers");
		return NULL;
	}
	ctx = llvm.create(l->triple, l->cpu, l->features, NULL, 0, NULL,
			  NULL);
	if (ctx == NULL) {
		error_set(e, -EINVAL, "LLVM cannot disassemble %s (cpu %s, %s)",
			  l->triple, l->cpu, l->features);
		return NULL;
	}
	llvm.options(ctx, LLVMDisassembler_Option_PrintImmHex);
	llvm.ctx[llvm.nctx].l = l;
	llvm.ctx[llvm.nctx++].ctx = ctx;
	return ctx;
}

/* "\tmnemonic\toperands" into o's mnemonic and op_str */
static void
split_text(const char *text, struct dis_insn *o)
{
	const char *p = text, *q;
	size_t n;

	while (isspace((unsigned char)*p))
		p++;
	for (q = p; *q && !isspace((unsigned char)*q); q++)
		;
	n = MIN((size_t)(q - p), sizeof(o->mnemonic) - 1);
	memcpy(o->mnemonic, p, n);
	o->mnemonic[n] = 0;
	while (isspace((unsigned char)*q))
		q++;
	n = strlen(q);
	while (n > 0 && isspace((unsigned char)q[n - 1]))
		n--;
	n = MIN(n, sizeof(o->op_str) - 1);
	memcpy(o->op_str, q, n);
	o->op_str[n] = 0;
}

static void
fill(struct dis_insn *o, const u8 *code, unsigned len, u64 a)
{
	o->addr = a;
	o->len = (u8)MIN(len, sizeof(o->bytes));
	memcpy(o->bytes, code, o->len);
}

static unsigned
llvm_one(struct dis_session *s, const u8 *code, size_t size, u64 a,
	 struct dis_insn *o)
{
	char text[256];
	size_t len;

	len = llvm.insn(s->handle, (uint8_t *)(uintptr_t)code, size, a, text,
			sizeof(text));
	if (len == 0 || len > sizeof(o->bytes))
		return 0;
	fill(o, code, (unsigned)len, a);
	split_text(text, o);
	if (s->d->llvm->annotate != NULL)
		s->d->llvm->annotate(s->state, o);
	return (unsigned)len;
}

static unsigned
llvm_undecoded(struct dis_session *s, const u8 *code, size_t size, u64 a,
	       struct dis_insn *o)
{
	unsigned len = s->d->llvm->undecoded(code, size, o);

	if (len == 0 || len > size)
		return 0;
	fill(o, code, len, a);
	if (s->d->llvm->annotate != NULL)
		s->d->llvm->annotate(s->state, o);
	return len;
}

static void
llvm_close(struct dis_session *s)
{
	free(s->state);	/* the context is kept for the next listing */
}

int
dis_llvm_open(struct dis_session *s, const struct arch_disasm *d,
	      struct error *e)
{
	const struct arch_disasm_llvm *l = d->llvm;
	int r = dis_llvm_load(LLVM_SONAME, e);

	if (r) {
		char why[sizeof(e->msg)];

		snprintf(why, sizeof(why), "%s", e->msg);
		return error_set(e, r, "%s code is decoded by LLVM: %s",
				 d->name, why);
	}
	s->handle = context_of(l, e);
	if (s->handle == NULL)
		return e->code;
	s->max_len = l->max_len;
	s->one = llvm_one;
	s->undecoded = l->undecoded != NULL ? llvm_undecoded : NULL;
	s->close = llvm_close;
	s->state = l->state_size ? xcalloc(1, l->state_size) : NULL;
	return 0;
}
