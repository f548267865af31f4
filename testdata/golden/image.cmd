# args: --arch x86_64 --mem 256M --cpus 2 --boot clean
# A simulated machine saved as an ELF core and opened again as an image.
save image.core
image image.core
machine
cpus
cpu 1
cpu
walk 0xffff888000123456
translate 0xffff888000123456 0xffffffff81000000 0x1000
pa 0xffff888000123456
pa 0xffffffff81000000
va 0x123456
x/2gx swapper_pg_dir + 273*8
xp/2gx 0x2800888
layout
ptdump kernel
tlb
write 0xffff888000400000 0x1122334455667788
x/1gx 0xffff888000400000
xp/1gx 0x400000
ps
alloc_pages GFP_KERNEL 0
save image2.core
image image2.core
xp/1gx 0x400000
image --arch i386 image.core
image --cr3 0x12345000 image.core
