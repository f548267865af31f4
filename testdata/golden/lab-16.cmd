# Exercise 16 for seed 42: hand-walk an Sv39 address of an xv6 process
lab start 16 --seed 42
lab answer 1 0x1d48 >> 30
lab answer 2 $satp + 4 * 0
xp/g $satp
lab answer 3 $1
lab answer 4 (0x1d48 >> 21) & 0x1ff
xp/g ($1 >> 10) << 12
lab answer 5 ($1 & ~0x3ff)
lab answer 6 $2
lab answer 7 (0x1d48 >> 12) & 0x1ff
lab answer 8 (($2 >> 10) << 12) + 1 * 8
xp/g (($2 >> 10) << 12) + 8
lab answer 9 $3
lab answer 10 ($3 & ~0x3ff) + 0xd48
lab check
lab solve
