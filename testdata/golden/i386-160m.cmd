# args: --kernel 2.6 --mem 160M
# The 160 MiB machine: all RAM is lowmem; vmalloc starts at 0xca800000.
machine
layout
walk 0xc9ffffff
walk 0xca000000
va 0x09fff000
