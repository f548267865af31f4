# Exercise 5 for seed 7: vmalloc's scattered frames and the guard page
lab start 5 --seed 7
lab show
lab answer 1 0xf8800000
lab answer 2 31204 / 4096
lab answer 3 0x3fc79 + 2
lab answer 4 0x3fc49
lab answer 5 1
lab answer 6 0xf8800000 + 31204
lab answer 7 pgd
lab check
lab solve
