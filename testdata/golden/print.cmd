# args: --kernel 2.6
# print (p) and printf as in gdb; $$N; the help topics on expressions.
print
p 1 + 2 * 3
p/x 255
p/d 0xffffffffffffffff
p/u ~0
p/o 8
p/o 0
p/t 10
p/t 0
p/c 65
p/c 10
p/c 0x1c8
p/a main
p/a swapper_pg_dir + 4
p/a 16
p/z 5
p/z 0x123456789
p/X 255
# print alone shows the last value again
p
# the value history: $N, $_, $, $$, $$N (N back from the last)
p $1
p $_ + $ + $$
p $$0
p $$2
p $$ - $$1
p $$99
p $99
p $nosuch
# the registers of the current CPU
p $cr3
p/a $cr2
# errors
p/q 1
p/xd 1
p 1 +
p 1 2
p (1
p 1 << 64
walk/x 0xc0000000
# printf: a C format, values separated by commas
printf "pfn %u, offset %#x\n", (PAGE_OFFSET + 160M) >> 12, 0x1234 & 0xfff
printf "[%5d|%-5x|%05o|%c%c|%p|%%|%+d]\n", 42, 255, 8, 104, 105, 16, 7
printf "%hhx %hx %lx %llu %zu\n", 0x1ff, 0x1ffff, 1, 2, 3
printf "no newline"
printf "\ttab \"quoted\" back\\slash \101\n"
printf "%s\n", 1
printf "%d %d\n", 1
printf "%d\n", 1, 2
printf "%d\n",
printf "%d\n", 1,
printf "%q\n", 1
printf "%*d\n", 1
printf "%5000d\n", 1
printf "\z"
printf "unterminated
printf no quotes
printf "x" 1
# echo prints words as they are; printf computes
echo $_ 1 + 1
# help on expressions and arguments
help $$
help argu
help output
help print
