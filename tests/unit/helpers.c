// SPDX-License-Identifier: GPL-3.0-or-later
/* What the unit tests share (helpers.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "helpers.h"

/*
 * The tests of an arch with the classic textbook kernel (2.6) count its
 * frames and addresses: they boot --kernel 2.6 unless they name a
 * profile.
 */
struct machine *
boot_machine(const struct machine_opts *o)
{
	struct machine_opts t = *o;
	struct error e;
	struct machine *m;

	/* the tests start from the empty machine unless they ask */
	if (t.boot == NULL)
		t.boot = "clean";
	/* and from the textbook kernel where the arch models one */
	if (t.variant == NULL &&
	    arch_profile(t.arch ? arch_find(t.arch) : arch_list[0], "2.6"))
		t.variant = "2.6";
	o = &t;
	error_clear(&e);
	m = machine_new(o, &e);
	if (m == NULL)
		fail_msg("boot %s%s%s: %s", o->arch ? o->arch :
			 arch_list[0]->name,
			 o->variant ? " " : "", o->variant ? o->variant : "",
			 e.msg);
	return m;
}
