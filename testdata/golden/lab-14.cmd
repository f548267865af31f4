# args: --kernel 2.6
# Exercise 14 for seed 7: the vmalloc fault
lab start 14 --seed 7
lab show
vmalloc 261165
lab answer 1 $1
lab answer 2 $1 >> 22
x/w swapper_pg_dir + 995*4
lab answer 3 $2
lab answer 4 0
lab answer 5 none
touch $1 + 11*4096
xp/w $cr3 + 995*4
lab answer 6 $4
lab answer 7 yes
lab check
lab solve
