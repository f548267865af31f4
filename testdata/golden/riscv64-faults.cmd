# args: --arch riscv64 --mem 128M --boot clean
# What a Sv39 walk can meet, written into the direct map's own pmd table
# (at 0x81800000, PAGE_OFFSET + 0x1800000 in the direct map: 128M of RAM
# use its first 64 entries).
pte PAGE_OFFSET + 200M
# a pointer to a table beyond RAM: the walk stops there
write PAGE_OFFSET + 0x1800000 + 100 * 8 0x0000000800000001
walk PAGE_OFFSET + 200M
# W without R: a reserved encoding
write PAGE_OFFSET + 0x1800000 + 101 * 8 0x00000000200000c5
walk PAGE_OFFSET + 202M
touch PAGE_OFFSET + 202M r
# a misaligned superpage
write PAGE_OFFSET + 0x1800000 + 102 * 8 0x00000000200004c7
walk PAGE_OFFSET + 204M
touch PAGE_OFFSET + 204M r
# A clear (Svade): the walk and translate find it, an access faults
write PAGE_OFFSET + 0x1800000 + 103 * 8 0x0000000020000087
walk PAGE_OFFSET + 206M
translate PAGE_OFFSET + 206M
touch PAGE_OFFSET + 206M r
# D clear: a read goes, a store faults (scause 15)
write PAGE_OFFSET + 0x1800000 + 104 * 8 0x0000000020000047
touch PAGE_OFFSET + 208M r
touch PAGE_OFFSET + 208M w
# text is not writable, rodata neither
write _stext 0
write __start_rodata 0
# a user process's fault: a fetch from data
touch 0x13000 x
