# Exercise 18 for seed 42: the trampoline and trapframe in xv6's two tables
lab start 18 --seed 42
walk TRAMPOLINE
lab answer 1 $1
walk TRAPFRAME
lab answer 3 $2
cpu 1
walk TRAMPOLINE
lab answer 2 $4
walk TRAPFRAME
lab answer 4 yes
lab answer 5 TRAPFRAME
lab answer 6 yes
lab answer 7 TRAMPOLINE - 4 * 4096
walk TRAMPOLINE - 4 * 2 * 4096
lab answer 8 $_
lab check
lab solve
