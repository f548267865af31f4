# args: --kernel 2.6
# Exercise 10 for seed 7: the regions of the 32-bit ARM kernel
lab start 10 --seed 7
lab show
lab answer 1 8
lab answer 2 0xef800000
lab answer 3 0xef800000 + 8M
lab answer 4 vmalloc
lab answer 5 fixmap
lab answer 6 0xffdf8000
lab answer 7 0xffdf8000
lab answer 8 0xffdf4000
walk 0xffff0000
lab answer 9 $_
lab check
lab solve
