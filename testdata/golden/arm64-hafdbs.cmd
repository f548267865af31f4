# args: --arch arm64 --cpu hafdbs --boot clean
# An ARMv8.1 CPU with hardware access flag and dirty state: TCR_EL1.HA/HD.
machine
# a 2M block with AF clear: a debugger's read (x) leaves AF clear, the
# first access (touch) sets it
write PAGE_OFFSET + 0x1ce7000 + 500 * 8 0x006800007e800301
pte PAGE_OFFSET + 1000M
x/gx PAGE_OFFSET + 1000M
pte PAGE_OFFSET + 1000M
touch PAGE_OFFSET + 1000M r
pte PAGE_OFFSET + 1000M
# a writable but clean block: the write succeeds and clears AP[2]
write PAGE_OFFSET + 0x1ce7000 + 501 * 8 0x006800007ea00781
walk PAGE_OFFSET + 1002M
write PAGE_OFFSET + 1002M 1
walk PAGE_OFFSET + 1002M
