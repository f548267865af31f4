# args: --arch x86_64 --boot clean
# Kernel trace events few other transcripts reach: an munmap of nothing,
# a switch to the running process, a reserved bit in a PTE (pgtable_bad),
# a spurious fault from a stale TLB entry, and fork/exit with their
# address-space switches.
set verbose on
munmap 0x10000000 0x2000
switch 1
touch 0x406000 w
write/g --phys 0x3055030 0x8008000003058067
tlb flush
touch 0x406000 r
write/g --phys 0x3055030 0x8000000003058065
touch 0x406000 r
write/g --phys 0x3055030 0x8000000003058067
touch 0x406000 w
fork
switch 2
switch 1
exit 2
dma_alloc_coherent 8192 30
