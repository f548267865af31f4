# args: --arch x86_64
# Exercise 15 for seed 7: TLB reach, OSTEP's array loop replayed
lab start 15 --seed 7
lab show
set tlb-model skylake
set tlb-model
lab answer 1 64*4
trace --array 0x00007ffff7d7f000,29*4096,4096,5
lab answer 2 29
lab answer 3 29
trace --array 0x00007ffff7d7f000,640*4096,4096,5
lab answer 4 3171
lab answer 5 611
lab answer 6 611*4
set tlb-model dtlb 4K 1024 4
set tlb-model
trace --array 0x00007ffff7d7f000,640*4096,4096,5
lab answer 7 640
lab check
lab solve
