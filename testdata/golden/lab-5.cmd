# args: --kernel 2.6
# Exercise 5 for seed 7: vmalloc's scattered frames and the guard page
lab start 5 --seed 7
lab show
vmalloc 31204
lab answer 1 $1
lab answer 2 31204 / 4096
touch $1
walk $1
lab answer 3 ($3 >> 12) + 2
lab answer 5 1
lab answer 6 $1 + 31204
lab answer 7 pgd
lab check
lab solve
