# args: --kernel 2.6
# x/s and x/c escape as gdb does: \a \b \f \n \r \t \v, the quote and the
# backslash, octal for any other byte that is not printable ASCII
write/g 0xc0001000 0x5c1b0b0c08070a41
write/g 0xc0001008 0x22270d0962617f09
write/g 0xc0001010 0x00000000ff800000
x/s 0xc0001000
x/19c 0xc0001000
