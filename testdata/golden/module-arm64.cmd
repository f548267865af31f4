# args: --arch arm64 --mem 1G --boot clean
# arm64: module_alloc_base = _etext - 128M, inside the modules region.
module_alloc 10000
insmod ../elf/hello-arm64.ko
vmallocinfo
