# args: --arch arm --kernel 3.4
# arm: the built-in demo (Thumb-2 with an ARM-state function), ASIDs, the
# young bit Linux emulates by faulting (after fork the child's PTEs are
# old), copy-on-write, stack growth and a SIGSEGV.
maps
dis _start 3
dis main 4
dis arm_add 2
touch big w
fork
switch 2
touch big
touch big w
pagemap big
touch start_stack - 300K
maps
touch 0xbe000000
ps
switch 1
exit 2
ps
