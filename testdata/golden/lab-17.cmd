# Exercise 17 for seed 42: the vmprint of an xv6 process that has just exec'ed
lab start 17 --seed 42
vmprint
vmprint --old
lab answer 1 11
lab answer 2 11
lab answer 3 0x2000
lab answer 4 0x4000
lab answer 5 0x3fffffe000
lab answer 6 r,x
lab check
lab solve
