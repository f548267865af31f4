# args: --mem 1G
# The default i386 kernel, Debian bookworm's 6.1 686 on QEMU pc with 1G:
# MAXMEM = VMALLOC_END - PAGE_OFFSET - 128M puts HighMem at 0x36bfe000;
# the LDT and cpu_entry_area PMDs sit between the kmap window
# (PKMAP_BASE 0xfec00000) and the fixmap; the IDT's read-only alias is
# the first page of the cpu_entry_area; the kernel is loaded at 16M, the
# first MiB is reserved, and QEMU's e820 holes are not present.
machine
layout
walk 0xff400000
sym _text
alloc_pages GFP_DMA 0
zoneinfo
meminfo
