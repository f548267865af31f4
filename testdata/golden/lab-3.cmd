# args: --kernel 2.6
# Exercise 3 for seed 7: __pa, __va, high_memory, a highmem frame
lab start 3 --seed 7
lab show
lab answer 1 0xe9320dd7 + PAGE_OFFSET
lab answer 2 0x1c3c661c + PAGE_OFFSET
lab answer 3 0x38000000
lab answer 4 normal
lab answer 5 0xfab12a02
lab answer 6 gap
lab answer 7 0xfab12a02
lab answer 8 __va
lab check
lab solve
