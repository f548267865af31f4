# args: --arch riscv64 --mem 128M --cpu svadu,svpbmt --boot clean
# Svadu: the walker sets A, and D on a store; Svpbmt: ioremap maps
# PBMT=IO.  A 2M leaf with A and D clear, written into the direct map's
# pmd table (at 0x81800000; 128M of RAM use its first 64 entries):
write PAGE_OFFSET + 0x1800000 + 103 * 8 0x0000000020000007
touch PAGE_OFFSET + 206M r
pte PAGE_OFFSET + 206M
touch PAGE_OFFSET + 206M w
pte PAGE_OFFSET + 206M
ioremap 0x10000000 4096
walk VMALLOC_START
pte 0x40000000200000e7 --raw
pte 0x20000000200000e7 --raw
