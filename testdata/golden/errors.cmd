# args: --kernel 2.6
# Bad input: every line fails with a clear message and nothing changes.
wlak 0xc0000000
walk
walk 0xc0000000 0xc0001000
walk 0x100000000
walk 0xzz
walk 0x10000000000000000
walk 1 - 2
walk (0xc0000000
walk nosuchsymbol
walk c0000000
pa 0xf8800000
pa 0x1000
va 0x38000000
va 0x40000000
xp 0x40000000
xp 0x3ffffff0 32
x 0xf8800000
x 0xc0000000 0
x/4q 0xc0000000
walk/4x 0xc0000000
pte 0x1ffffffff --raw
pte 0x1 --raw --level pud
pte 1 --raw --level nope
pte 0xc0000000 --bogus
set json maybe
set nosuch on
set tlb 100 3
echo "unterminated
k 1
machine extra
echo $9
echo still running
