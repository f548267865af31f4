# args: --arch x86_64 --mem 2G --boot clean
# x86_64: the modules region above the kernel text.
module_alloc 10000
insmod ../elf/hello-x86_64.ko
walk 0xffffffffa0005000
walk 0xffffffffa0006000
vmallocinfo
