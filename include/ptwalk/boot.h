/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Booting a simulated machine (src/boot.c): the bare machine of src/hw,
 * the arch's setup and paging_init, then the simulated kernel of src/mm.
 */
#ifndef PTWALK_BOOT_H
#define PTWALK_BOOT_H

#include "machine.h"

/*
 * A simulated machine as the options describe it, with its kernel up and
 * pid 1 running; NULL with the reason in e.  machine_free() releases it.
 */
struct machine *machine_new(const struct machine_opts *o, struct error *e);

#endif
