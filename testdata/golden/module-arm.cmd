# args: --arch arm --kernel 3.4 --mem 1G
# arm 3.x: MODULES_VADDR 0xbf000000, PAGE_KERNEL_EXEC, no strict RWX.
module_alloc 10000 --walk
insmod ../elf/hello-arm.ko
vmallocinfo
