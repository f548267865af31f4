# args: --arch arm --kernel 3.4
# The classic (3.x) 32-bit ARM layout with highmem.
layout
