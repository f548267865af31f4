/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The ARM ASID allocator (context.c), for arm and arm64 alike: the ASID
 * width is the arch's (struct arch_mm asid_bits).
 */
#ifndef PTWALK_ARCH_ARM_CONTEXT_H
#define PTWALK_ARCH_ARM_CONTEXT_H

#include "ptwalk/arch.h"

extern const struct arch_context arm_asid_context;

#endif
