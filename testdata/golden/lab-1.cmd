# args: --kernel 2.6
# Exercise 1 for seed 7: the problem, answers with typical mistakes, the
# marks with their reasons, the worked solution
lab start 1 --seed 7
lab show
lab answer 1 0x25e1c808 >> 22
lab answer 2 $cr3 + 151
lab answer 3 $cr3 + 151*4
lab answer 4 0x25e1c808 >> 12
xp/w $cr3 + 151*4
lab answer 5 $1 + 540*4
lab answer 6 ($1 & ~0xfff) + 540*4
xp/w ($1 & ~0xfff) + 540*4
lab answer 7 $2 & ~0xfff
lab answer 8 0x12345678
lab check
lab solve
lab check
