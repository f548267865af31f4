# args: --arch riscv64 --boot clean
# riscv64 in Sv39: Linux 6.1 on QEMU's virt machine, 1G of RAM from
# 0x80000000, OpenSBI reserved at its start.
machine
layout
# the direct map: 2M superpages from phys_ram_base
walk 0xffffffd800001000
walk PAGE_OFFSET + 0x123456
# the kernel image mapping: text read-execute, rodata read-only, data
walk _start
walk _stext
walk __start_rodata
walk _sdata + 0x10
walk swapper_pg_dir
# the linear alias of the kernel text is read-only and not executable
walk PAGE_OFFSET + 0x202000
# user space of pid 1, and a non-canonical address
walk 0x10000
walk 0x0000004000000000
translate PAGE_OFFSET _stext 0x10000
pa PAGE_OFFSET + 0x1000
pa _etext
va 0x80001000
sym swapper_pg_dir
sym va_pa_offset
sym va_kernel_pa_offset
# the entry that maps an address
pte PAGE_OFFSET
pte _stext
pte 0x10000
# any value decoded: a pointer, a 1G, a 2M and a 4K leaf, PROT_NONE
pte 0x20600001 --raw --level pgd
pte 0x200000ef --raw --level pgd
pte 0x200800eb --raw --level pmd
pte 0x206138d7 --raw
pte 0x20000052 --raw
# Svnapot: a 64K page (PPN[3:0] = 1000, N)
pte 0x80000000200020e7 --raw
# invalid encodings: W without R, a misaligned superpage, a pointer at
# level 0, N at level 1, reserved bits, PBMT without Svpbmt, PBMT=3
pte 0x20000005 --raw
pte 0x2000000d --raw --level pmd
pte 0x200004e7 --raw --level pmd
pte 0x200400ef --raw --level pgd
pte 0x2000000001 --raw
pte 0x80000000200000e7 --raw --level pmd
pte 0x0040000020000001 --raw --level pgd
pte 0x40000000200000e7 --raw
pte 0x60000000200000e7 --raw
# a physical address beyond the 56 bits of Sv39/48/57
ioremap 0x100000000000000 4096
# the kernel's text: the simulated kernel's bytes are zeros (c.unimp)
dis _stext 2
set json on
walk 0xffffffd800001000
walk 0x0000004000000000
set json off
