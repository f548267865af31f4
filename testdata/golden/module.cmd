# args: --kernel 2.6 --mem 1G
# i386: modules live in the vmalloc area (MODULES_VADDR = VMALLOC_START).
module_alloc 10000 --walk
insmod ../elf/hello-i386.ko
lsmod
vmallocinfo
walk $2+0x1000
x/s $2+0x1000
dis hello_read 2
sym hello_config
insmod ../elf/hello-i386.ko
insmod ../elf/demo-i386
insmod ../elf/nosuch.ko
rmmod hello
sym hello_read
insmod ../elf/hello-x86_64.ko
rmmod hello
vfree $1
lsmod
