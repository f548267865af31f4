# args: --arch x86_64 --mem 4G --boot clean
# 4-level paging: the direct map in 1G pages, the kernel text in 2M pages.
machine
layout
walk 0xffff888000123456
walk 0xffffffff81000000
walk 0xffffffff81e00000 + 0x1234
walk 0x0000800000000000
walk 0x00007ffffffff000
pa 0xffff888012345678
pa 0xffffffff81000000
pa _end - 1
va 0x123456
translate 0xffff888000000000 0xffff8880ffffffff 0xffffc90000000000
pte 0xffffffff81000000
pte 0x80000000000001e3 --raw --level pud
pte 0x8000000000000163 --raw
pte 0x0000000000000083 --raw --level pgd
set json on
walk 0xffffffff81000000
walk 0x0000800000000000
set json off
ptdump kernel
