# args: --kernel 2.6
# Exercise 11 for seed 7: demand paging of an ELF
lab start 11 --seed 7
lab show
lab answer 1 6
lab answer 2 2
lab answer 3 minor
lab answer 4 major
lab answer 5 0x501000
lab answer 6 minor
lab answer 7 3
lab answer 8 2
lab answer 9 20
lab check
lab solve
