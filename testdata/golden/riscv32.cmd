# args: --arch riscv32 --boot clean
# Sv32: two levels of 1024 four-byte entries, 4M megapages, 34-bit
# physical addresses; Linux 6.1 with PAGE_OFFSET 0xc0000000.
machine
layout
walk PAGE_OFFSET + 0x1000
walk _stext
walk __start_rodata
walk VMALLOC_START
walk 0x10000
translate PAGE_OFFSET _stext 0x10000
pte 0x200000ef --raw --level pgd
pte 0x300000ef --raw --level pgd
pte 0x200004ef --raw --level pgd
pte 0x200000e5 --raw
pte 0xfffffc01 --raw --level pgd
# physical addresses: up to 34 bits, none beyond
ioremap 0x300000000 4096
ioremap 0x400000000 4096
set json on
walk PAGE_OFFSET + 0x1000
set json off
