# args: --kernel 2.6 --seed 7
# lab start drops the values kept so far (addresses of the machine it
# replaces) and says so: the exercise's first value is $1, as in the
# walkthroughs of ptwalk-labs(7)
kmalloc 100
kmalloc 200
lab start 1
xp/w $cr3 + 151*4
lab answer 3 $1
lab start 1
set json on
xp/w $cr3 + 151*4
lab start 1
