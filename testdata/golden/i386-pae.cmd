# args: --kernel 2.6 --arch i386-pae --mem 8G
# PAE: 2/9/9/12 with 64-bit entries, the 4-entry PDPT, 2M pages, NX.
machine
layout
walk 0xc0100000
walk 0xc0400000
walk FIXADDR_TOP - 3 * 4096
walk 0x08048000
va 0x100000000
xp 0x1fffffff0 16
pte 0xc0100000
pte 0x8000000000000001 --raw --level pgd
pte 0x80000000000001e3 --raw --level pmd
set json on
walk 0xc0100000
set json off
ptdump kernel
