# args: --kernel 2.6
# lab: bad input is refused with what to do, and changes nothing
lab check
lab show
lab solve
lab answer 1 5
lab start 99
lab start 0
lab start 19
lab start abc
lab start
lab start 1 2
lab start 1 --seed abc
lab start 1 --seed -5
lab start 1 --seed
lab list extra
lab bogus
lab show --seed 3
lab check
set seed 0x10
lab start 6
lab answer
lab answer 1
lab answer 0 5
lab answer 9 5
lab answer x 5
lab answer 1 Normal
lab answer 1 0x
lab answer 1 $99
lab show
lab start 2 --seed 7
lab answer 2 pgd, bogus
lab answer 2 p4d, p4d
lab answer 2 none, p4d
lab answer 2 none
lab answer 2 ,
lab start 7 --seed 7
lab answer 1 DMA Normal
lab answer 1 ZONE_DMA
lab answer 4 Normal,Normal
lab answer 4 HighMem,Normal,DMA
lab answer 4 HighMem,Normal,DMA
lab answer 7 maybe
lab check
