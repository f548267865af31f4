# args: --arch arm --mem 256M
# The default arm kernel: Debian's 6.1 armmp on QEMU virt, as its guest
# shows it: RAM at 0x40000000, ZONE_DMA over lowmem, the CMA area's 4K
# pages, the device tree at 0xff800000, fixmap 0xffc80000-0xfff00000.
machine
layout
zoneinfo
walk 0xcf000000
walk 0xff800000
walk 0xc0300000
