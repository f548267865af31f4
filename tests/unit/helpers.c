// SPDX-License-Identifier: GPL-3.0-or-later
/* What the unit tests share (helpers.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "ptwalk/arch_list.h"
#include "ptwalk/boot.h"
#include "helpers.h"

struct machine *
boot_machine(const struct machine_opts *o)
{
	struct machine_opts t = *o;
	struct error e;
	struct machine *m;

	/* the tests start from the empty machine unless they ask */
	if (t.boot == NULL)
		t.boot = "clean";
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
