# args: --arch arm64 --boot clean
# arm64 with 48-bit VA and 4 levels: Linux 6.1 on a QEMU virt machine, 1G.
machine
layout
# the linear map: a 2M block, then one of a run of 16 (the contiguous hint)
walk PAGE_OFFSET + 0x123456
walk PAGE_OFFSET + 32M
# the kernel image: the header is not mapped, text in 4K pages and 2M blocks
walk _text
walk _stext
walk _text + 2M
walk swapper_pg_dir
walk __init_begin
walk _sdata + 0x10
# the fixmap: the device tree (a 2M block), the entry trampoline (bm_pte)
walk FIXADDR_TOP - 1024 * 4096 + 0x10
walk TRAMP_VALIAS
# user space: TTBR0 holds the empty reserved_pg_dir
walk 0x400000
# neither TTBR0 nor TTBR1
walk 0x0001000000000000
walk 0x8000000000000000
translate PAGE_OFFSET PAGE_OFFSET + 1G - 1 _stext 0x400000
pa PAGE_OFFSET + 0x1000
pa _etext
pa VMALLOC_END - 4096
pa 0x400000
va 0x40001000
va 0x1000
sym swapper_pg_dir
sym reserved_pg_dir
sym kimage_voffset
# the entry that maps an address, at each level
pte PAGE_OFFSET
pte _stext
pte 0x400000
# any value decoded: table, 1G block, 2M block, page at each level
pte 0x1800000041ce6003 --raw --level pgd
pte 0x0068000080000701 --raw --level pud
pte 0x0078000043000701 --raw --level pmd
pte 0x00e8000040300f43 --raw
# invalid encodings: a block at L0, type 0b01 at L3, an address beyond 44 bits
pte 0x0060000040000701 --raw --level pgd
pte 0x0060000040000701 --raw
pte 0x0060100040000703 --raw
# Linux's invalid ptes: PROT_NONE and a swap entry
pte 0x0460000040000f82 --raw
pte 0x0000000001234500 --raw
pte 0x1 --raw --level p4d
# the same in JSON
set json on
walk PAGE_OFFSET + 0x123456
walk 0x400000
walk 0xffff00ffffffffff
pte 0x0068000080000701 --raw --level pud
set json off
