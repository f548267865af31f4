# args: --kernel 2.6 --json
# print and printf with --json: "value" is the "0x..." string of $_ (any
# size), "format" and "text" say how it was shown.
p 1 + 1
p/d 0xffffffffffffffff
p/c 65
p/t 5
p 1 << 60
printf "%d-%x\n", 10, 255
p/q 1
printf "%d\n"
p (1
help $_
