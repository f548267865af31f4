# args: --arch riscv32 --boot clean
# a riscv32 machine saved and opened again: Sv32 from the 32-bit core
save image-riscv32.core
image image-riscv32.core
machine
walk PAGE_OFFSET + 0x1000
walk _stext
layout
