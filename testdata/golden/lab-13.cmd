# args: --kernel 2.6
# Exercise 13 for seed 7: a stale TLB entry, cr3 switch, global pages
lab start 13 --seed 7
lab show
lab answer 1 0x3bbeaa11
pte 0x25e1c808
lab answer 2 $1
walk 0x25e1c808 + 0x1000
lab answer 3 $2 & ~0xfff
lab answer 4 0x83c2d0f6
lab answer 5 0x3bbeaa11
lab answer 6 yes
lab answer 7 yes
lab answer 8 yes
lab answer 9 yes
lab check
lab solve
