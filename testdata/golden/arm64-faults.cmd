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
# a 2M block with AF clear: the walk and translate find it, x reads it,
# an access faults (in the kernel's linear map nothing fixes it)
write PAGE_OFFSET + 0x1ce7000 + 500 * 8 0x006800007e800301
walk PAGE_OFFSET + 1000M
translate PAGE_OFFSET + 1000M
x/gx PAGE_OFFSET + 1000M
touch PAGE_OFFSET + 1000M r
# a read-only page cannot be written, not even by the kernel
write _stext 0
write swapper_pg_dir 0
# a writable but clean block (DBM with AP[2] set): without TCR_EL1.HD a
# write is a permission fault that Linux resolves with pte_mkdirty()
write PAGE_OFFSET + 0x1ce7000 + 501 * 8 0x006800007ea00781
walk PAGE_OFFSET + 1002M
write PAGE_OFFSET + 1002M 1
# invalid ptes with a meaning for Linux (the last pte of the table at
# 0x41ce8000, the linear alias of the kernel text)
write PAGE_OFFSET + 0x1ce8000 + 511 * 8 0x04600000403fff82
walk PAGE_OFFSET + 0x3ff000
write PAGE_OFFSET + 0x1ce8000 + 511 * 8 0x0000000001234504
walk PAGE_OFFSET + 0x3ff000
