# args: --arch x86_64
# trace with a TLB hierarchy: split iTLB/dTLB, a unified STLB, page-walk
# caches; presets of real CPUs, changed piece by piece with set tlb-model.
set tlb-model
set tlb-model skylake
set tlb-model
exec --layout valgrind ../elf/demo-x86_64-pie
trace ../traces/demo-x86_64-pie.lackey
# the model stays warm: the same trace again walks nothing new
trace ../traces/demo-x86_64-pie.lackey
set tlb-model haswell
set tlb-model
set tlb-model cortex-a76
set tlb-model
set tlb-model stlb all 64 4
set tlb-model dtlb 4K,2M 16 4
set tlb-model pwc 1 0 0
set tlb-model random
set tlb-model
set json on
trace ../traces/demo-x86_64-pie.lackey
set tlb-model
set json off
# OSTEP's array loop: 100 pages, 3 trials; the first trial faults
mmap 0 100*4096 rw private|anonymous
set tlb-model skylake
trace --array $_,100*4096,4096,3
set tlb-model none
set tlb-model
trace --array $_,8192,4096
# errors
set tlb-model bogus
set tlb-model pwc 1
set tlb-model skylake
set tlb-model bogus
set tlb-model dtlb 4K 48 5
set tlb-model dtlb 3K 64 4
set tlb-model dtlb 4K
set tlb-model pwc
set tlb-model dtlb 4K 64 4
set tlb-model skylake extra
trace --array 1,2
trace --array $_,0,4096
trace --array $_,4096,4096 x.trace
trace
trace --array $_,4096,4096 --csv x.csv
