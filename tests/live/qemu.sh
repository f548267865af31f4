# What the tests of --qemu on each arch share (sourced; the caller sets
# here, the folder of the test, and d, its scratch folder, and removes
# both and the QEMU of $qpid on exit).

mon() { perl "$here/../live/monitor.pl" "$d/mon" "$@"; }

# Every tool named must be installed: a machine without one fails.
qemu_need() {
	for t; do
		command -v "$t" >/dev/null ||
			{ echo "FAIL: $t is not installed (make deps)"; exit 1; }
	done
}

# qemu_start QEMU ARGS...: QEMU stopped before its first instruction (-S),
# its gdbstub at $d/gdb and its monitor at $d/mon.
qemu_start() {
	"$@" -display none -nodefaults -S \
		-gdb unix:"$d/gdb",server=on,wait=off \
		-monitor unix:"$d/mon",server=on,wait=off >"$d/qemu.log" 2>&1 &
	qpid=$!
	i=0
	while [ ! -S "$d/mon" ] || [ ! -S "$d/gdb" ]; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 $qpid 2>/dev/null; then
			echo "FAIL: QEMU did not start:"; cat "$d/qemu.log"; exit 1
		fi
		sleep 0.05
	done
}

# qemu_wait VA GPA: until QEMU translates VA to GPA (the guest's tables are up).
qemu_wait() {
	i=0
	until mon "gva2gpa $1" | grep -q "gpa: $2"; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "FAIL: the guest did not map $1"; exit 1; }
		sleep 0.05
	done
}

# live VAS CMDS: ptwalk over the gdbstub runs "machine; cpus; translate
# VAS; CMDS; ptdump" into $d/gdbstub, and through the RAM file "translate
# VAS; ptdump" into $d/ramfile; QEMU's gva2gpa translates VAS too.  Then
# $d/gdbstub (without the ptdump's lines of range), how many translations
# agree with QEMU's (and each that does not), whether the two ptdumps agree
# but for the ranges that FLIP matches (a page the guest remaps as it
# runs).
live() {
	set -- "$(echo $1)" "$2"	# the addresses on one line
	$PTWALK -q --qemu unix:"$d/gdb" -c "machine; cpus; translate $1; $2; ptdump" \
		>"$d/gdbstub" 2>&1
	$PTWALK -q --qemu unix:"$d/gdb" --qemu-ram "$d/ram" -c "translate $1; ptdump" \
		>"$d/ramfile" 2>&1
	printf 'gva2gpa %s\n' $1 | mon >"$d/qemu"
	printf '%s\n' $1 >"$d/vas"
	grep -v -e '^0x[0-9a-f]*-0x' -e '^ptwalk: note: the guest changed' \
		-e '^image' -e '^TLB' -e '^  tlb' "$d/gdbstub" | sed "s|$d|DIR|g"
	echo "-- translations against gva2gpa"
	perl "$here/../live/compare.pl" "$d/vas" "$d/qemu" "$d/gdbstub" "$d/ramfile"
	echo "-- ptdump over the gdbstub and through the RAM file (but for $FLIP)"
	grep '^0x[0-9a-f]*-0x' "$d/gdbstub" | grep -v -e "$FLIP" >"$d/a"
	grep '^0x[0-9a-f]*-0x' "$d/ramfile" | grep -v -e "$FLIP" >"$d/b"
	cat "$d/a"
	cmp -s "$d/a" "$d/b" && echo "the same" || diff "$d/a" "$d/b"
}

# pages FROM COUNT STEP: COUNT addresses from FROM, STEP apart.
pages() {
	perl -e 'no warnings "portable"; my ($f, $n, $s) = (hex($ARGV[0]), $ARGV[1], hex($ARGV[2]));
		printf "0x%x\n", $f + $_ * $s for 0 .. $n - 1' "$@"
}
