/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * arm64: the architecture entry and its setup (arm64.c, arm64_layout.c).
 * The descriptor bits are in arm64_hwdef.h.
 */
#ifndef PTWALK_ARCH_ARM64_H
#define PTWALK_ARCH_ARM64_H

struct machine;
struct machine_opts;
struct error;
int arm64_setup(struct machine *m, const struct machine_opts *o,
		struct error *e);
int arm64_paging_init(struct machine *m, struct error *e);

extern const struct arch arch_arm64;

#endif
