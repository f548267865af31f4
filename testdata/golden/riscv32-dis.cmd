# args: --arch riscv32 --boot clean
# dis on riscv32 (RV32GC): the program is rv32imac; addresses wrap at 32
# bits; c.jal (a call in 16 bits) exists only on RV32
dis main 24
dis fork_and_write 12
