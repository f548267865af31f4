# args: --kernel 2.6
# Reading and writing memory through the MMU and physically.
write/g 0xc0001000 0x1122334455667788
x 0xc0001000 16
x/2wx 0xc0001000
x/8xb 0xc0001000
x/1dg 0xc0001000
x/4c 0xc0001000
write/b 0xc0001003 0x41
x/s 0xc0001000
write --phys 0x2000 0xdeadbeef
xp/1wx 0x2000
x/1wx 0xc0002000
write/b 0xc0001000 0x100
write 0xf8800000 1
write --phys 0x40000000 1
x/a swapper_pg_dir
