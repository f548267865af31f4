// SPDX-License-Identifier: GPL-3.0-or-later
/* What the unit tests share (helpers.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/boot.h"
#include "helpers.h"

/*
 * The 32-bit x86 tests count the frames and addresses of the classic
 * textbook kernel: they boot --kernel 2.6 unless they name a profile.
 */
struct machine *
boot_machine(const struct machine_opts *o)
{
	struct machine_opts t = *o;
	struct error e;
	struct machine *m;

	if (t.variant == NULL && (t.arch == NULL || !strcmp(t.arch, "i386") ||
				  !strcmp(t.arch, "i386-pae")))
		t.variant = "2.6";
	o = &t;
	error_clear(&e);
	m = machine_new(o, &e);
	if (m == NULL)
		fail_msg("boot %s%s%s: %s", o->arch ? o->arch : "i386",
			 o->variant ? " " : "", o->variant ? o->variant : "",
			 e.msg);
	return m;
}
