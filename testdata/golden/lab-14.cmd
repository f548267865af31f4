# Exercise 14 for seed 7: the vmalloc fault
lab start 14 --seed 7
lab show
lab answer 1 0xf8bfd000
lab answer 2 0xf8bfd000 >> 22
lab answer 3 0x01007063
lab answer 4 0
lab answer 5 none
lab answer 6 0x01007063
lab answer 7 yes
lab check
lab solve
