# args: --kernel 2.6
# Exercise 2 for seed 7: PAE and x86_64
lab start 2 --seed 7
lab show
lab answer 1 2
lab answer 2 p4d pud pmd
lab answer 3 0
lab answer 4 $cr3
lab answer 5 0x25e1c808 >> 22
xp/g $cr3
lab answer 6 ($1 & ~0xfff) + 303*4
lab answer 7 (0x25e1c808 >> 12) & 0x3ff
walk 0x25e1c808
lab answer 8 $2 & ~0xfff
lab answer 9 4
lab answer 10 none
lab answer 11 0
lab answer 12 0
lab answer 13 303
lab answer 14 540
lab check
lab solve
