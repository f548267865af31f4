# args: --arch x86_64 --mem 128M --boot clean --exec none
# The kernel's symbols of an image.  A core ptwalk saves has a VMCOREINFO
# without the kallsyms tables: its SYMBOL() lines are the only symbols, and
# an unknown one says why and what to give.  --symbols takes a System.map
# (here the simulated kernel's own table, as sym --list writes it), checked
# against the dump; a file of no kernel, or of another, is refused.
set redirect on
sym --list > sim.map
save sim.core
image sim.core
sym _stext
sym swapper_pg_dir
sym empty_zero_page
walk empty_zero_page
sym 0xffffffff81000010
image --symbols sim.map sim.core
sym empty_zero_page
sym empty_zero_page+0x10
x/2gx empty_zero_page
sym --list > again.map
image --symbols ../elf/demo-x86_64 sim.core
image --symbols ../elf/demo.c sim.core
image --symbols nothere.map sim.core
image --symbols ../elf/demo-arm sim.core
