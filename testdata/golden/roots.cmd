# args: --arch riscv32 --mem 64M
# roots on a simulated machine, then on its saved image opened with
# --cr3 auto: the kernel's swapper_pg_dir first, the process's pgd after
roots
save roots.core
image --cr3 auto roots.core
machine
roots -n 1
roots --all
pa swapper_pg_dir
roots -n x
roots extra
