// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * A module-shaped relocatable object for `insmod`: code in .text and
 * .init.text, read-only data, data, data made read-only after init, a
 * 12K .bss and a .modinfo, as a kernel module has them.  Built with
 * gcc -c by tools/fixtures.sh (no kernel headers: no struct module).
 */
static int counter = 5;
static char buffer[12288];
static const char greeting[] = "hello from a module";
int __attribute__((section(".data..ro_after_init"))) hello_config = 3;
const char __attribute__((section(".modinfo"), used, aligned(1)))
	hello_modinfo[] = "license=GPL\0description=ptwalk's insmod fixture";

int
hello_read(int i)
{
	return buffer[i] + greeting[i % (int)sizeof(greeting)] + counter +
		hello_config;
}

int __attribute__((section(".init.text")))
hello_init(void)
{
	counter++;
	buffer[0] = 1;
	return 0;
}
