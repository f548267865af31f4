# args: --arch riscv64-sv57 --boot clean
# Sv57: five levels, PAGE_OFFSET 0xff60000000000000; a leaf at the top
# level maps 256T, one level down 512G.
machine
layout
walk PAGE_OFFSET + 0x1000
walk _stext
walk 0x10000
walk 0x0100000000000000
pte 0x200000ef --raw --level pgd
pte 0x200000ef --raw --level p4d
pte 0x200400ef --raw --level p4d
