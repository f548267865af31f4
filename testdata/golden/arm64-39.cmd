# args: --arch arm64 --va-bits 39 --boot clean
# arm64 with 39-bit VA and 3 levels: the pgd is L1 and holds 1G blocks.
machine
layout
walk PAGE_OFFSET + 0x2345678
walk _stext
walk _text + 2M
walk FIXADDR_TOP - 1024 * 4096 + 0x10
walk TRAMP_VALIAS
walk 0x7ffffff000
walk 0x8000000000
walk 0xffffff7fffffffff
pa PAGE_OFFSET + 0x2345678
pa _sdata
pte PAGE_OFFSET + 0x2345678
pte _stext
pte 0x0068000080000701 --raw --level pgd
pte 0x1800000041ce5003 --raw --level pgd
pte 0x1800000041ce5003 --raw --level pud
set json on
walk PAGE_OFFSET + 0x2345678
walk 0x8000000000
set json off
