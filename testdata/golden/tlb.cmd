# args: --kernel 2.6 -e none
# The TLB: fills, hits, global entries, and a stale entry after a
# page-table change without a flush.
tlb
translate 0xc0000000 0xc0001000 0xc0400000
tlb
tlb stats
write swapper_pg_dir + 768*4 0x004001e3
walk 0xc0000000
translate 0xc0000000
tlb
tlb flush 0xc0000000
translate 0xc0000000
write swapper_pg_dir + 768*4 0x000001e3
tlb flush all
translate 0xc0000000
set tlb off
translate 0xc0000000
tlb
set tlb 64 4
machine
tlb stats
set json on
tlb
