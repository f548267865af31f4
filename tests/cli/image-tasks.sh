# The tasks and address spaces of real QEMU dumps (testdata/images), from
# the dump alone (its BTF; init_task by its symbol or its comm), against
# each guest's own view taken just before the dump:
# - ps lists every task of the guest's ps but ps itself, with the same
#   pid, parent, name (a workqueue worker's description, which changes
#   with its work, left out) and VSZ;
# - maps PID equals the guest's /proc/PID/maps for every process;
# - the honest failures: no such task, a kernel thread, a dump without
#   BTF, a task list that cycles, a maple node outside the dump.
dir=../../testdata/images
for name in x86_64 x86_64-kaslr arm64; do
	[ -f "$dir/$name.core.xz" ] || continue
	t=$(mktemp -d)
	xz -dc "$dir/$name.core.xz" >"$t/core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	awk '/^@@ /{f = ($0 == "@@ ps -o pid,ppid,pgid,stat,vsz,rss,comm,args")
		next}
	     f && $1 ~ /^[0-9]+$/ && $7 != "ps" {
		c = $7; sub(/[-+].*/, "", c); print $1, $2, c, $5 }' \
		"$t/view" | sort -n >"$t/view.ps"
	$PTWALK -q -i "$t/core" -c ps >"$t/ps"
	awk 'NR > 1 { c = $10; gsub(/^\[|\]$/, "", c); sub(/[-+].*/, "", c)
		c = substr(c, 1, 15); v = $6; sub(/K$/, "", v)
		print $1, $2, c, v }' "$t/ps" | sort -n >"$t/dump.ps"
	if cmp -s "$t/view.ps" "$t/dump.ps"; then
		echo "$name: ps: the guest's $(wc -l <"$t/view.ps") tasks"
	else
		echo "$name: ps differs from the guest's:"
		diff "$t/view.ps" "$t/dump.ps"
	fi
	equal=0
	for pid in $(sed -n 's|^@@ /proc/\([0-9]*\)/maps$|\1|p' "$t/view"); do
		awk -v s="@@ /proc/$pid/maps" '$0 == s { f = 1; next }
			/^@@ / { f = 0 } f' "$t/view" >"$t/view.maps"
		[ -s "$t/view.maps" ] || continue
		$PTWALK -q -i "$t/core" -c "maps $pid" >"$t/maps" 2>&1
		if cmp -s "$t/view.maps" "$t/maps"; then
			equal=$((equal + 1))
		else
			echo "$name: maps $pid differs:"
			diff "$t/view.maps" "$t/maps"
		fi
	done
	echo "$name: maps: $equal processes equal their /proc/PID/maps"
	$PTWALK -q -i "$t/core" -c 'maps 99999; maps 2; smaps 0' 2>&1
	rm -rf "$t"
done

# x86_64 with KASLR: switch, then the process's own addresses; smaps and
# pagemap from its tables
t=$(mktemp -d)
xz -dc "$dir/x86_64-kaslr.core.xz" >"$t/core"
$PTWALK -q -i "$t/core" -c 'maps 1; switch 1; maps; translate 0x401000
	smaps --addr 0x401000; pagemap 0x401000; switch --user 1
	pagemap 0x401000 2' 2>&1
# a tasks list that loops, a maple tree that leaves the dump: written into
# the private overlay of the image
task=$($PTWALK -q --json -i "$t/core" -c ps | tr '{' '\n' |
	sed -n 's/^"pid":95,.*"task":"\([^"]*\)".*"mm":"\([^"]*\)".*/\1 \2/p')
set -- $task
toff=$($PTWALK -q -i "$t/core" -c 'ptype task_struct' |
	awk '/struct list_head tasks;/ { print $(NF - 2) }')
$PTWALK -q -i "$t/core" -c "write/g $1+$toff $1+$toff; ps" 2>&1 | tail -2
$PTWALK -q -i "$t/core" -c "write/g $2+8 0xffffc90000000012; maps 95" 2>&1
# a task whose mm cannot be read stays listed, without its sizes
moff=$($PTWALK -q -i "$t/core" -c 'ptype task_struct' |
	awk '/struct mm_struct \*mm;/ { print $(NF - 2) }')
$PTWALK -q -i "$t/core" -c "write/g $1+$moff 0xffff800000001000; ps; maps 95" \
	2>&1 | grep -E '^ +95 |its mm'
# the types: a layout as pahole prints it, an object's members
$PTWALK -q -i "$t/core" -c "ptype vm_area_struct; struct maple_tree $2
	struct task_struct $1" 2>&1 | sed -n '1,/^\$2 = /p'
$PTWALK -q -i "$t/core" -c "struct task_struct $1" 2>&1 |
	grep -E '^	(pid|tgid|comm|mm|__state) = '
rm -rf "$t"

# a dump without BTF (Debian's i386 kernels have none): the symbols still
# work, the commands that need the types say so
if [ -f "$dir/i386.core.xz" ]; then
	t=$(mktemp -d)
	xz -dc "$dir/i386.core.xz" >"$t/core"
	$PTWALK -q -i "$t/core" -c 'sym swapper_pg_dir; ptype task_struct
		struct list_head 0xc0000000; ps; maps 1' 2>&1
	rm -rf "$t"
fi
