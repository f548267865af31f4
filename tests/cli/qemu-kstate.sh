# The kernel-state commands on a live QEMU guest: a stopped
# qemu-system-x86_64 (-S) whose RAM is a real Debian 6.1 guest's memory
# (the RAM of testdata/images/x86_64-kaslr.core, KASLR on), attached over
# the gdbstub and through the RAM file.  ptwalk finds the VMCOREINFO in
# the guest's RAM; the vCPU has paging off (CR3 0, it never ran), so the
# root is the kernel's init_top_pgt the VMCOREINFO places.  sym, ps, dmesg,
# vmallocinfo, maps, buddyinfo, slabinfo, page, whatis and layout must
# answer exactly as on the ELF core itself, and as the guest's own view.
# The place found is kept per target (XDG_CACHE_HOME) and used again; a
# stale one is searched past.  With paging turned on in the vCPU through
# the gdbstub (long mode on init_top_pgt, then on a page of zeros) the
# text is checked against the vCPU's root: init_uts_ns agrees, then is
# unmapped (a warning; the place forgotten, the next attach searches).
# QEMU writes nothing to the RAM at start; its reset maps pc.rom and
# pc.bios over 0xc0000-0xfffff (the PAM shadow the guest's firmware had
# opened is closed), so the gdbstub reads ROM there where the RAM file
# has the guest's bytes: Linux keeps none of its state in the first MiB.
# A machine without QEMU, or where it does not start, fails this test.
here=$(cd "$(dirname "$0")" && pwd)
dir=$here/../../testdata/images
d=$(mktemp -d)
qpid=
cleanup() { [ -n "$qpid" ] && kill "$qpid" 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
# where ptwalk keeps the place it found the VMCOREINFO at, per target
export XDG_CACHE_HOME="$d/cache"
. "$here/../live/qemu.sh"
sect() { awk -v s="$1" '/^@@ /{c=substr($0,4);next} c==s' "$2"; }
qemu_need qemu-system-x86_64
xz -dc "$dir/x86_64-kaslr.core.xz" >"$d/core"
xz -dc "$dir/x86_64-kaslr.view.xz" >"$d/view"
# the core's one PT_LOAD of RAM (physical 0, 128 MiB) as a RAM file
off=$(readelf -lW "$d/core" | awk '$1 == "LOAD" && $4 == "0x0000000000000000" { print $2 }')
dd if="$d/core" of="$d/ram" bs=1M iflag=skip_bytes,count_bytes \
	skip=$((off)) count=$((128 << 20)) status=none ||
	{ echo "FAIL: cannot extract the RAM"; exit 1; }
cp "$d/ram" "$d/ram.orig"
qemu_start qemu-system-x86_64 -m 128M \
	-object memory-backend-file,id=m,size=128M,mem-path="$d/ram",share=off \
	-machine pc,memory-backend=m
echo "== QEMU's view of the RAM is the core's, but for the ROM over 0xc0000-0xfffff"
mon "pmemsave 0 0x8000000 \"$d/pm\"" >/dev/null
i=0
while [ "$(stat -c %s "$d/pm" 2>/dev/null)" != 134217728 ]; do
	i=$((i + 1)); [ $i -gt 100 ] && break; sleep 0.1
done
cmp -l "$d/pm" "$d/ram" | awk '{ p = int(($1 - 1) / 65536)
	if (p < 12 || p > 15) bad++ } END { print bad + 0, "bytes differ outside 0xc0000-0xfffff" }'
echo "== machine (RAM file: searched; gdbstub: where the last attach found it)"
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c machine 2>&1 |
	grep -E '^(arch|kernel|vmcoreinfo|roots|cr3|ptwalk)'
$PTWALK -q --qemu unix:"$d/gdb" -c machine 2>&1 | grep -E '^(vmcoreinfo|roots)'
sed "s|$d|DIR|" "$d/cache/ptwalk/vmcoreinfo"
echo "== the gdbstub searches too (no cache), and finds the same"
rm -r "$d/cache"
$PTWALK -q --qemu unix:"$d/gdb" -c machine 2>&1 | grep -E '^vmcoreinfo'
echo "== a stale cache: the page no longer holds the kernel's text"
echo "unix:$d/gdb 0x1000 6a2b4ac77585b8cf102cba771300e573c8489b69" >"$d/cache/ptwalk/vmcoreinfo"
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c machine 2>&1 | grep -E '^vmcoreinfo'
echo "== the kernel state: core, gdbstub, RAM file"
pids=$(sed -n 's|^@@ /proc/\([0-9]*\)/maps$|\1|p' "$d/view")
cmds="sym init_task; ps; dmesg; vmallocinfo; buddyinfo; slabinfo;
      page 0x1000; whatis init_task; layout"
for p in $pids; do cmds="$cmds; maps $p"; done
$PTWALK -q -i "$d/core" -c "$cmds" >"$d/core.out" 2>&1
$PTWALK -q --qemu unix:"$d/gdb" -c "$cmds" 2>&1 | grep -v '^ptwalk: warning' >"$d/gdb.out"
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c "$cmds" 2>&1 |
	grep -v '^ptwalk: warning' >"$d/ram.out"
for how in gdb ram; do
	if cmp -s "$d/core.out" "$d/$how.out"; then
		echo "$how: the core's $(wc -l <"$d/core.out") lines exactly"
	else
		echo "$how: differs from the core:"; diff "$d/core.out" "$d/$how.out" | head
	fi
done
echo "== against the guest's own view"
a=$(sed -n 's/^init_task = \(0x[0-9a-f]*\).*/\1/p' "$d/gdb.out")
v=$(sect /proc/kallsyms "$d/view" | awk '$3 == "init_task" { print "0x" $1 }')
[ "$a" = "$v" ] && echo "sym init_task: the guest's /proc/kallsyms" ||
	echo "sym init_task: $a, the guest says $v"
sect dmesg "$d/view" >"$d/vd"
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c dmesg 2>/dev/null >"$d/dm"
n=$(wc -l <"$d/vd")
head -n "$n" "$d/dm" | cmp -s - "$d/vd" && echo "dmesg: the view's $n lines exactly" ||
	echo "dmesg differs from the view"
mcmds=
for p in $pids; do mcmds="$mcmds echo @@ /proc/$p/maps; maps $p;"; done
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c "$mcmds" 2>/dev/null >"$d/m"
same=0 total=0
for p in $pids; do
	sect "/proc/$p/maps" "$d/view" >"$d/vm"
	[ -s "$d/vm" ] || continue
	total=$((total + 1))
	sect "/proc/$p/maps" "$d/m" | cmp -s "$d/vm" - && same=$((same + 1)) ||
		{ echo "maps $p differs:"; sect "/proc/$p/maps" "$d/m" | diff "$d/vm" - | head -5; }
done
echo "maps: $same of the guest's $total processes exactly"
echo "== refresh keeps the VMCOREINFO; the guest stays stopped, the RAM file unchanged"
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c 'refresh; machine; sym jiffies' 2>&1 |
	grep -E '^(guest|vmcoreinfo|jiffies)'
mon "info status"
cmp -s "$d/ram" "$d/ram.orig" && echo "RAM file unchanged"
echo "== a vCPU with paging on: the VMCOREINFO checked against its root"
# the stub's cr0 1b, cr3 1d, cr4 1e, efer 20 (QEMU 7.2): long mode on
# init_top_pgt (0x2a10000), then on a page of zeros
regs() { perl "$here/../live/gdbset.pl" "$d/gdb" 1e=a0 20=d00 1d=$1 1b=80050033 >/dev/null; }
regs 2a10000
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c 'machine; sym init_task' 2>&1 |
	grep -E '^(vmcoreinfo|roots|registers|init_task|ptwalk)'
regs 100000
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c 'machine' 2>&1 |
	grep -E '^(vmcoreinfo|roots|ptwalk)'
# the place was forgotten: this attach searches (and finds the same text)
$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c 'machine' 2>&1 |
	grep -E '^(vmcoreinfo|ptwalk: warning: the VMCORE)'
echo "== no VMCOREINFO: a guest whose RAM holds none"
kill $qpid; wait $qpid 2>/dev/null
truncate -s 0 "$d/ram"; truncate -s 16M "$d/ram"
qemu-system-x86_64 -display none -nodefaults -m 16M \
	-object memory-backend-file,id=m,size=16M,mem-path="$d/ram",share=off \
	-machine pc,memory-backend=m -gdb unix:"$d/gdb2",server=on,wait=off -S \
	>"$d/qemu.log" 2>&1 &
qpid=$!
i=0
while [ ! -S "$d/gdb2" ]; do
	i=$((i + 1))
	[ $i -gt 100 ] && { echo "FAIL: QEMU did not start"; exit 1; }
	sleep 0.1
done
$PTWALK -q --qemu unix:"$d/gdb2" --qemu-ram "$d/ram" -c 'machine; ps' >"$d/o" 2>&1; echo "exit $?"
sed "s|$d|DIR|g" "$d/o" | grep -E 'warning|^(vmcoreinfo|roots)|ps:'
