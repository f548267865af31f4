# --qemu on 32-bit arm: a tiny guest (tests/live/guest-arm.S) sets TTBCR,
# TTBR0, DACR and CONTEXTIDR under qemu-system-arm -M virt -cpu cortex-a15,
# turns the MMU on (short descriptors) and spins; ptwalk finds the cp15
# registers by name in the gdbstub's system-registers.xml and walks, over
# the gdbstub and through the RAM file, and every translation is checked
# against QEMU's own gva2gpa on the monitor: every page the tables map
# (4K pages, 1M sections, a 16M supersection) and the holes beside them.
# A machine without QEMU or the arm binutils, or where QEMU does not
# start, fails this test.
here=$(cd "$(dirname "$0")" && pwd)
d=$(mktemp -d)
qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
. "$here/../live/qemu.sh"
qemu_need qemu-system-arm arm-linux-gnueabihf-as arm-linux-gnueabihf-ld \
	arm-linux-gnueabihf-objcopy
arm-linux-gnueabihf-as -march=armv7-a -o "$d/guest.o" "$here/../live/guest-arm.S" &&
	arm-linux-gnueabihf-ld -Ttext 0x40100000 -e _start -o "$d/guest.elf" "$d/guest.o" &&
	arm-linux-gnueabihf-objcopy -O binary "$d/guest.elf" "$d/guest.bin" ||
	{ echo "FAIL: cannot assemble the guest"; exit 1; }
truncate -s 16M "$d/ram"
qemu_start qemu-system-arm -M virt,memory-backend=mem -cpu cortex-a15 -m 16M \
	-object memory-backend-file,id=mem,size=16M,mem-path="$d/ram",share=on \
	-device loader,file="$d/guest.bin",addr=0x40100000 \
	-device loader,addr=0x40100000,cpu-num=0
echo "== before its first instruction (-S): SCTLR.M clear, the MMU off"
$PTWALK -q --qemu unix:"$d/gdb" -c 'walk 0x10001000; xp/wx 0x40100000; refresh' 2>&1
mon "info status" cont
qemu_wait 0x10001000 0x40201000
echo "== running: machine, translations, walks, ptdump, refresh"
# every 4K page, the sections and the supersection at their first, middle
# and last 4K, the first unmapped page after each; 0x10003000 flips
# between two frames
FLIP='0x10003000-0x'
live "0 0x1000 $(pages 0x10000000 3 0x1000) $(pages 0x10004000 13 0x1000)
      0x10200000 0x10280008 0x102ff000 0x10300000
      0x11000000 0x11345678 0x11fff000 0x12000000
      0x40100000 0x401ff000 0x40200000 0xc0000000 0xc00ff000 0xc0100000" \
	'walk 0x10002000; walk 0x10200000; walk 0x11345678; x/s 0x10000008;
	 xp/s 0x40200008; xp 0x41000000; refresh --stop; refresh --cont'
mon "info status"
echo "== bad input"
$PTWALK -q --arch arm64 --qemu unix:"$d/gdb" -c machine 2>&1 | sed "s|$d|DIR|g"
