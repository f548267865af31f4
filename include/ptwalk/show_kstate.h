/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the kernel-state readers of an image could not say
 * (src/ui/show_kstate.c): their notes as warnings, one line each, and a
 * "notes" array in JSON.
 */
#ifndef PTWALK_SHOW_KSTATE_H
#define PTWALK_SHOW_KSTATE_H

#include "cmd.h"
#include "kstate.h"

void show_knotes(struct ctx *ctx, const struct knotes *kn);

#endif
