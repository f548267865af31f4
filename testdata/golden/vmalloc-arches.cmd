# args: --arch x86_64 --mem 2G --boot clean
# The same sequence on x86_64: vmalloc_base 0xffffc90000000000, NUMA counts.
vmalloc 1000000 --walk
x/2x $1
walk $1
vmalloc 20M
vmallocinfo
vfree $1
vfree $4
vmallocinfo
