# args: --arch arm --kernel 3.4
# The Cortex-A9 TLB on arm: sections and 4K entries, global kernel
# entries, and stale translations after table changes without a flush.
translate 0xc0000000 0xc00ff000 0xffff0000
tlb
write swapper_pg_dir + 0xc00 * 4 0x6011140e
walk 0xc0000000
translate 0xc0000000
tlb flush 0xc0000000
translate 0xc0000000
write --phys 0x60007000 0x6001140e
tlb flush all
# the hardware copy of the vector page's PTE made writable behind Linux's back
write --phys 0x60541fc0 0x6054047e
walk 0xffff0000
pte 0xffff0000
write --phys 0x60541fc0 0x6054067e
tlb stats
