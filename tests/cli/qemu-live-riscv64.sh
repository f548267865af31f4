# --qemu on riscv64: a tiny guest (tests/live/guest-riscv64.S) builds Sv39
# tables under qemu-system-riscv64 -M virt -bios none and spins in S-mode;
# ptwalk reads satp over the gdbstub and walks, over the gdbstub and
# through the RAM file, and every translation is checked against QEMU's
# own gva2gpa on the monitor: every page the tables map (4K pages, a 2M
# and a 1G page) and the holes beside them.  A machine without QEMU or the
# riscv64 binutils, or where QEMU does not start, fails this test.  Its
# second hart waits in M-mode with satp Bare: a vCPU without a root.
here=$(cd "$(dirname "$0")" && pwd)
d=$(mktemp -d)
qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
. "$here/../live/qemu.sh"
qemu_need qemu-system-riscv64 riscv64-linux-gnu-as riscv64-linux-gnu-ld \
	riscv64-linux-gnu-objcopy
riscv64-linux-gnu-as -march=rv64gc -o "$d/guest.o" "$here/../live/guest-riscv64.S" &&
	riscv64-linux-gnu-ld -Ttext 0x80000000 -e _start -o "$d/guest.elf" "$d/guest.o" &&
	riscv64-linux-gnu-objcopy -O binary "$d/guest.elf" "$d/guest.bin" ||
	{ echo "FAIL: cannot assemble the guest"; exit 1; }
truncate -s 16M "$d/ram"
qemu_start qemu-system-riscv64 -M virt,memory-backend=mem -bios none -m 16M -smp 2 \
	-object memory-backend-file,id=mem,size=16M,mem-path="$d/ram",share=on \
	-device loader,file="$d/guest.bin",addr=0x80000000
echo "== before its first instruction (-S): satp is Bare, the MMU off"
$PTWALK -q --qemu unix:"$d/gdb" -c 'walk 0x40001000; xp/x 0x80000000; refresh' 2>&1
mon "info status" cont
qemu_wait 0x40001000 0x80201000
echo "== running: machine, translations, walks, ptdump, refresh"
# every 4K page under both aliases of the table, the 2M and 1G pages at
# their first, middle and last 4K, the first unmapped page after each;
# 0x40003000 flips between two frames
FLIP='0003000-0x'
live "0 0x1000 $(pages 0x40000000 3 0x1000) $(pages 0x40004000 13 0x1000)
      $(pages 0xffffffffc0000000 3 0x1000) $(pages 0xffffffffc0004000 13 0x1000)
      0x40200000 0x40300008 0x403ff000 0x40400000
      0x80000000 0x9ffff000 0xbffff000 0xc0000000 0x3fffff000 0x7ffffff000" \
	'walk 0x40002000; walk 0x40200000; walk 0x80001000; x/s 0x40000008;
	 x/s 0xffffffffc0000008; xp/s 0x80200008; xp 0x81000000;
	 refresh --stop; refresh --cont'
mon "info status"
echo "== bad input"
$PTWALK -q --arch arm64 --qemu unix:"$d/gdb" -c machine 2>&1 | sed "s|$d|DIR|g"
$PTWALK -q --arch riscv32 --qemu unix:"$d/gdb" -c machine 2>&1 | sed "s|$d|DIR|g"
