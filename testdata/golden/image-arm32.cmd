# args: --arch arm --kernel 5.4 --mem 512M
# A 32-bit ARM machine saved and opened again: one root (TTBR0), the
# Linux 5.4 layout above the direct map.
save image-arm.core
image image-arm.core
machine
layout
walk 0xc0008000
pa 0xc0008000
va 0x60008000
image --ttbr1 0x60004000 image-arm.core
