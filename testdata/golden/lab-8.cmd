# args: --kernel 2.6
# Exercise 8 for seed 7: a slab cache fills up
lab start 8 --seed 7
lab show
lab answer 1 kmalloc-512
lab answer 2 16
lab answer 3 16
lab answer 4 32
lab answer 5 1
kmalloc 541
kmalloc 541
lab answer 6 $2
lab answer 7 cpu
lab answer 8 partial
lab check
lab solve
