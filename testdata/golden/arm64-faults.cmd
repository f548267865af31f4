# args: --arch arm64
# What an arm64 walk can meet, written into the linear map's own tables
# (the pud table is at 0x41ce6000, the pmd table at 0x41ce7000; their
# linear-map aliases are writable).
pte PAGE_OFFSET + 100G
# a pud entry pointing to a table beyond RAM: the walk stops there
write PAGE_OFFSET + 0x1ce6000 + 100 * 8 0x0000000200000003
walk PAGE_OFFSET + 100G
# an output address beyond the Cortex-A72's 44 bits: address size fault
write PAGE_OFFSET + 0x1ce6000 + 101 * 8 0x0068100000000701
walk PAGE_OFFSET + 101G
# a 2M block with AF clear: the walk finds it, an access faults
write PAGE_OFFSET + 0x1ce7000 + 500 * 8 0x006800007e800301
walk PAGE_OFFSET + 1000M
translate PAGE_OFFSET + 1000M
x/gx PAGE_OFFSET + 1000M
# a read-only page cannot be written, not even by the kernel
write _stext 0
write swapper_pg_dir 0
