# args: --kernel 2.6
# Exercise 6 for seed 7: the buddy allocator
lab start 6 --seed 7
lab show
lab answer 1 4
lab answer 2 5
alloc_pages GFP_KERNEL 4
lab answer 3 $1
page_to_pfn $1
lab answer 4 $2 + 0x10
lab answer 5 no
lab answer 6 4
lab answer 7 5
lab answer 8 1
lab check
lab solve
