# args: --arch arm --kernel 3.4 --mem 256M
# A small ARM machine: all RAM is lowmem.
machine
layout
walk high_memory - 1
