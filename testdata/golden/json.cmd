# args: --kernel 2.6 --json
walk 0xc0100000
walk 0xf8800000
translate 0xc0000000 0xc0001000
pa 0xc0100000
va 0x1000
x 0xc0100000 16
pte 0xc0100000
machine
echo json
nosuch
set json off
echo back to text
