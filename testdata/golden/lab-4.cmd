# args: --kernel 2.6
# Exercise 4 for seed 7: the 160M experiment
lab start 4 --seed 7
lab show
lab answer 1 0xf8000000
lab answer 2 high_memory
get_free_page
lab answer 3 lowmem
lab answer 4 $1
lab answer 5 kmalloc-2k
lab answer 6 472
lab answer 7 vmalloc
lab answer 8 VMALLOC_START
lab answer 9 2844731 / 4096
vmalloc 2844731
lab answer 10 $2 + 2844731
lab answer 11 no
lab check
lab solve
