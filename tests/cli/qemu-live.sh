# --qemu: a tiny x86_64 guest (tests/live/guest.S) runs under
# qemu-system-x86_64; ptwalk walks its page tables live, over the gdbstub
# and through its RAM file, and every translation is checked against
# QEMU's own gva2gpa on the monitor.  A machine without QEMU, or where it
# does not start, fails this test.
here=$(cd "$(dirname "$0")" && pwd)
d=$(mktemp -d)
qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
. "$here/../live/qemu.sh"
qemu_need qemu-system-x86_64
as --64 -o "$d/guest.o" "$here/../live/guest.S" &&
	ld -Ttext 0x7c00 --oformat binary -e _start -o "$d/guest.img" "$d/guest.o" ||
	{ echo "FAIL: cannot assemble the guest"; exit 1; }
truncate -s 16M "$d/ram"
qemu_start qemu-system-x86_64 -m 16M \
	-object memory-backend-file,id=mem,size=16M,mem-path="$d/ram",share=on \
	-machine pc,memory-backend=mem -drive file="$d/guest.img",format=raw,if=ide
# before it runs (-S): paging off, no VMCOREINFO in its RAM: no root, xp works
$PTWALK -q --qemu unix:"$d/gdb" -c 'machine; xp 0x7c00 4; walk 0x7c00' 2>&1 |
	grep -E '^(arch|roots|0x|  fault)|warning|walk:'
mon cont >/dev/null
qemu_wait 0x40001000 0x201000
echo "== machine"
$PTWALK -q --qemu unix:"$d/gdb" -c 'machine' 2>&1 | grep -E '^(arch|roots|CPUs|cr3|  0x)'
echo "== translate against gva2gpa (0x40003000 flips between two frames)"
vas="0 0x1000 0x1ff000 0x40000000 0x40001008 0x40002000 0x4000f000
     0xffffff8000001000 0xffffff8040001000 0x40010000 0x80000000"
cmds=$(for va in $vas; do printf 'translate %s; ' $va; done)
$PTWALK -q --qemu unix:"$d/gdb" -c "$cmds" >"$d/gdb.tr" 2>&1
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c "$cmds" >"$d/ram.tr" 2>&1
for va in $vas; do
	q=$(mon "gva2gpa $va" | sed -n 's/^gpa: //p')
	[ -z "$q" ] && q=unmapped || q=$(printf 0x%012x "$q")
	for how in gdb ram; do
		p=$(sed -n "s/^$(printf 0x%016x "$va") -> \(0x[0-9a-f]*\).*/\1/p" "$d/$how.tr")
		[ -z "$p" ] && p=unmapped
		[ "$p" = "$q" ] && r=agree || r="DISAGREE (qemu $q)"
		echo "$va $how $p $r"
	done
done
echo "== walk, x, xp, dis, layout"
$PTWALK -q --qemu unix:"$d/gdb" -c 'walk 0x40001000; x/s 0x40000008; xp/s 0x200008; dis 0x7c00 1; layout' 2>&1 |
	grep -v '^  tlb'
echo "== ptdump: gdbstub and RAM file agree"
$PTWALK -q --qemu unix:"$d/gdb" -c 'ptdump' >"$d/a" 2>&1
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c 'ptdump' >"$d/b" 2>&1
grep -v 40003000 "$d/a" | grep -c pte
# (the running guest's rewrite of a PTE may add a note that a page changed)
grep -v -e 40003000 -e '^ptwalk: note: the guest changed' "$d/a" >"$d/a2"
grep -v -e 40003000 -e '^ptwalk: note: the guest changed' "$d/b" >"$d/b2"
cmp -s "$d/a2" "$d/b2" && echo same || diff "$d/a2" "$d/b2"
echo "== refresh"
$PTWALK -q --qemu unix:"$d/gdb" -c 'refresh --stop; refresh --cont; refresh' 2>&1
mon "info status"
echo "== attach qemu:ADDRESS from the prompt, the same walk"
$PTWALK -q -c "attach qemu:unix:$d/gdb; translate 0x40001000" 2>&1 | sed "s|$d|DIR|g"
# (the guest rewrites a PTE while it runs: the note that a read page changed
# comes or not with the timing)
$PTWALK -q -c "attach --qemu-ram $d/ram qemu:unix:$d/gdb; translate 0x40001000" 2>&1 |
	grep -v '^ptwalk: note: the guest changed' | sed "s|$d|DIR|g"
$PTWALK -q -c "attach qemu:; attach --writable qemu:unix:$d/gdb; attach --qemu-ram $d/ram 1" 2>&1 | sed "s|$d|DIR|g"
echo "== bad input"
$PTWALK -q --qemu unix:"$d/nothing" -c machine >"$d/out" 2>&1; echo "exit $?"
sed "s|$d|DIR|g" "$d/out"
$PTWALK -q --qemu unix:"$d/mon" -c machine 2>&1 | sed "s|$d|DIR|g"
$PTWALK -q --qemu-ram "$d/ram" -c machine 2>&1
$PTWALK -q --qemu unix:"$d/gdb" -c 'xp 0x1000ff8 4; xp 0x2000000' 2>&1
$PTWALK -q --qemu 127.0.0.1:1 -c machine 2>&1
$PTWALK -q --qemu unix:"$d/gdb" -c "save $d/x.core" 2>&1 | sed "s|$d|DIR|g"
