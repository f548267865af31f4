# Exercise 1 for seed 7: the problem, answers with typical mistakes, the
# marks with their reasons, the worked solution
lab start 1 --seed 7
lab show
lab answer 1 0x25e1c808 >> 22
lab answer 2 $cr3 + 151
lab answer 3 $cr3 + 151*4
lab answer 4 0x25e1c808 >> 12
lab answer 5 0x011ce067 + 540*4
lab answer 6 0x011ce870
lab answer 7 0x3fddd000
lab answer 8 0x12345678
lab check
lab solve
lab check
