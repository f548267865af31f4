# --qemu on arm64: a tiny guest (tests/live/guest-arm64.S) sets MAIR, TCR,
# TTBR0 and TTBR1 under qemu-system-aarch64 -M virt -cpu cortex-a57,
# turns the MMU on at EL1 and spins; ptwalk finds the system registers by
# name in the gdbstub's system-registers.xml and walks, over the gdbstub
# and through the RAM file, and every translation is checked against
# QEMU's own gva2gpa on the monitor: every page the tables map (4K pages,
# a 2M and a 1G block, under TTBR0 and TTBR1) and the holes beside them.
# A machine without QEMU or the aarch64 binutils, or where QEMU does not
# start, fails this test.  The second vCPU stays powered off (QEMU's PSCI,
# never started), its MMU off: a vCPU without roots.
here=$(cd "$(dirname "$0")" && pwd)
d=$(mktemp -d)
qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
. "$here/../live/qemu.sh"
qemu_need qemu-system-aarch64 aarch64-linux-gnu-as aarch64-linux-gnu-ld \
	aarch64-linux-gnu-objcopy
aarch64-linux-gnu-as -o "$d/guest.o" "$here/../live/guest-arm64.S" &&
	aarch64-linux-gnu-ld -Ttext 0x40100000 -e _start -o "$d/guest.elf" "$d/guest.o" &&
	aarch64-linux-gnu-objcopy -O binary "$d/guest.elf" "$d/guest.bin" ||
	{ echo "FAIL: cannot assemble the guest"; exit 1; }
truncate -s 16M "$d/ram"
qemu_start qemu-system-aarch64 -M virt,memory-backend=mem -cpu cortex-a57 -m 16M -smp 2 \
	-object memory-backend-file,id=mem,size=16M,mem-path="$d/ram",share=on \
	-device loader,file="$d/guest.bin",addr=0x40100000 \
	-device loader,addr=0x40100000,cpu-num=0
echo "== before its first instruction (-S): SCTLR_EL1.M clear, the MMU off"
$PTWALK -q --qemu unix:"$d/gdb" -c 'machine; walk 0xffff000010001000; xp/x 0x40100000; refresh' 2>&1 |
	grep -v -e '^image' -e '^  0x' -e '^memory' -e '^TLB' -e '^direct' -e '^arch' -e '^features'
mon "info status" cont
qemu_wait 0x10001000 0x40201000
echo "== running: machine, translations, walks, ptdump, refresh"
# every 4K page under TTBR0 and both TTBR1 aliases, the 2M and 1G blocks
# at their first, middle and last 4K, the first unmapped page after each;
# 0x10003000 flips between two frames
FLIP='0003000-0x'
live "0 0x1000 $(pages 0x10000000 3 0x1000) $(pages 0x10004000 13 0x1000)
      $(pages 0xffff000010000000 3 0x1000) $(pages 0xffff000010004000 13 0x1000)
      0xffffff8010001000 0xffffff801000f000
      0x10200000 0x10300008 0x103ff000 0x10400000
      0x40000000 0x5ffff000 0x7ffff000 0x80000000
      0xffff000040000000 0xffffff807ffff000 0xffffff8080000000
      0x8000000000 0xffff008000000000" \
	'walk 0x10002000; walk 0xffff000010200000; walk 0xffffff8040100000;
	 x/s 0x10000008; x/s 0xffff000010000008; xp/s 0x40200008;
	 xp 0x41000000; refresh --stop; refresh --cont'
mon "info status"
echo "== bad input"
$PTWALK -q --arch riscv64 --qemu unix:"$d/gdb" -c machine 2>&1 | sed "s|$d|DIR|g"
$PTWALK -q --qemu unix:"$d/gdb" -c 'translate 0x1000000000000' 2>&1
