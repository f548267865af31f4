# args: --arch arm
# The classic (3.x) 32-bit ARM layout with highmem.
layout
