# args: --arch arm64 --mem 1G --boot clean
# arm64: the kernel image's segments are the first vmalloc areas.
vmallocinfo
vmalloc 1000000
walk $1
vmallocinfo
