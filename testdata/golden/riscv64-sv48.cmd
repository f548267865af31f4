# args: --arch riscv64 --va-bits 48 --boot clean
# Sv48: four levels, the 6.1 layout with PAGE_OFFSET 0xffffaf8000000000.
machine
layout
walk PAGE_OFFSET + 0x1000
walk _stext
walk VMALLOC_START
walk 0x10000
walk 0x0000800000000000
pte 0x20600001 --raw --level pgd
pte 0x200000ef --raw --level pgd
pte 0x200000ef --raw --level pud
