# args: --kernel 2.6
# Exercise 12 for seed 7: fork, copy-on-write, a SIGSEGV
lab start 12 --seed 7
lab show
touch 0x08125000 w
fork
lab answer 1 yes
lab answer 2 1
lab answer 3 $1 >> 12
lab answer 4 yes
lab answer 5 SIGSEGV
lab answer 6 SEGV_MAPERR
lab answer 7 0x7
lab check
lab solve
