# Exercise 13 for seed 7: a stale TLB entry, cr3 switch, global pages
lab start 13 --seed 7
lab show
lab answer 1 0x3bbeaa11
lab answer 2 0x3fddd067
lab answer 3 0x3fc03000
lab answer 4 0x83c2d0f6
lab answer 5 0x3bbeaa11
lab answer 6 yes
lab answer 7 yes
lab answer 8 yes
lab answer 9 yes
lab check
lab solve
