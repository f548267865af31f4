# args: --kernel 2.6
# Exercise 9 for seed 7: kmap until the caller would sleep; kmap_atomic
lab start 9 --seed 7
lab show
lab answer 1 1024
lab answer 2 0xff800000
lab answer 3 4
lab answer 4 fail
lab answer 5 yes
lab answer 6 0xfffba000
lab answer 7 0xfffba000 + 4096
lab answer 8 0xfffaa000
lab answer 9 yes
lab check
lab solve
