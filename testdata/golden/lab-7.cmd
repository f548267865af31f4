# args: --kernel 2.6
# Exercise 7 for seed 7: GFP flags and zones
lab start 7 --seed 7
lab show
lab answer 1 dma
lab answer 2 DMA
lab answer 3 DMA
lab answer 4 DMA, Normal, HighMem
lab answer 5 32
lab answer 6 HighMem
lab answer 7 yes
lab check
lab solve
