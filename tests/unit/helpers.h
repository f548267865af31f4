/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the unit tests share: booting a simulated machine.  Linked into
 * every tests/unit/test_*.c.
 */
#ifndef PTWALK_TESTS_HELPERS_H
#define PTWALK_TESTS_HELPERS_H

#include "ptwalk/machine.h"

/*
 * Boot a simulated machine as `ptwalk --arch ... --mem ...` does, the
 * options given as designated initialisers of struct machine_opts:
 *	boot(.arch = name, .mem = 64 * MiB, .variant = "5.4")
 * Fields left out take ptwalk's defaults (the first arch of the list, 1G,
 * the demo process);
 * .exec = "none" boots the bare machine, without a process.  A machine
 * that does not boot fails the running test with the error.
 */
#define boot(...) boot_machine(&(const struct machine_opts){ __VA_ARGS__ })
/* .boot is "clean" unless given: the tests start from the empty machine. */
struct machine *boot_machine(const struct machine_opts *o);

#endif
