# args: --kernel 2.6 --mem 160M
# kmalloc on the 160M i386 machine of the classic experiment: the object
# lands in the direct map (lowmem), a fixed offset from its physical
# address, unlike vmalloc memory.
kmalloc 100
pa $_
walk $1
kfree $1
