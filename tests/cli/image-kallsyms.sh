# The kernel's symbols of the real QEMU dumps (testdata/images), decoded
# from the kallsyms tables in the dump's own memory, against the guest's
# own /proc/kallsyms (the sample in NAME.view.xz: every 200th line and the
# named symbols, read with kptr_restrict=0): every symbol's address and
# type must agree.  The arm dump has no VMCOREINFO: its symbols come from
# its System.map (--symbols), which also gives its page tables.  Then a
# session on the KASLR dump with nothing else, --symbols relocated by
# KERNELOFFSET, and the files and dumps that must be refused.
dir=../../testdata/images
t=$(mktemp -d)
run() {
for f in $dir/*.core.xz; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .core.xz)
	xz -dc "$f" >"$t/core"
	xz -dc "$dir/$name.view.xz" |
		awk '/^@@ / { sec = substr($0, 4); next }
		     sec == "/proc/kallsyms" && NF == 3' | sort -u >"$t/want"
	opt=
	if [ -f "$dir/$name.System.map.xz" ]; then
		xz -dc "$dir/$name.System.map.xz" >"$t/$name.map"
		opt="--symbols $t/$name.map"
	fi
	$PTWALK -q -i "$t/core" $opt -c 'sym --list' >"$t/list" 2>"$t/err"
	echo "$name: exit $?${opt:+ (--symbols System.map)}, $(wc -l <"$t/list") symbols"
	cat "$t/err"
	sed 's/^0x//' "$t/list" | sort -u >"$t/have"
	n=$(wc -l <"$t/want")
	bad=$(comm -23 "$t/want" "$t/have" | wc -l)
	echo "  /proc/kallsyms: $((n - bad)) of $n symbols agree (address, type, name)"
	comm -23 "$t/want" "$t/have" | head -n 5
	# init_task: a data symbol, which kallsyms has only with KALLSYMS_ALL;
	# without it (arm64) found from the structures where the dump has BTF
	$PTWALK -q -i "$t/core" $opt -c 'sym init_task' 2>&1 | sed 's/^/  /'
	case $name in
	x86_64-kaslr)
		cp "$t/core" "$t/kaslr.core"
		cp "$t/have" "$t/kaslr.have"
		;;
	x86_64)
		cp "$t/list" "$t/x86_64.list"
		;;
	i386)
		sed 's/^0x//' "$t/list" >"$t/i386.map"
		;;
	arm64)
		cp "$t/core" "$t/arm64.core"
		;;
	arm)
		cp "$t/core" "$t/arm.core"
		;;
	esac
done
[ -f "$t/kaslr.core" ] || return 0

echo "a session on the KASLR dump, nothing else given:"
$PTWALK -q --echo -i "$t/kaslr.core" 2>&1 <<'EOF'
sym init_task
sym jiffies
walk init_task
x/4gx jiffies
dis schedule 4
sym schedule+0x15
x/2gx page_offset_base
EOF

echo "--symbols: the nokaslr guest's table (the same kernel) on the KASLR dump:"
sed 's/^0x//' "$t/x86_64.list" >"$t/x86_64.map"
$PTWALK -q -i "$t/kaslr.core" --symbols "$t/x86_64.map" -c 'sym --list' |
	sed 's/^0x//' | sort -u >"$t/moved"
echo "  relocated by KERNELOFFSET, $(comm -3 "$t/kaslr.have" "$t/moved" |
	grep -cv ' A [A-Z_]*$') differ from the dump's kallsyms (layout constants aside)"
$PTWALK -q -i "$t/kaslr.core" -c 'image --symbols '"$t/x86_64.map $t/kaslr.core"'; sym init_task'

echo "refused:"
$PTWALK -q -i "$t/arm64.core" --symbols "$t/arm.map" -c 'sym init_task'
echo "  exit $?"
i386pae=$dir/i386-pae-1g.core.xz
xz -dc "$i386pae" >"$t/core"
$PTWALK -q -i "$t/core" --symbols "$t/i386.map" -c 'sym init_task'
echo "  exit $?"
sed 's/^\(c0[0-9a-f]*\) \(.\) linux_banner$/c0b00100 \2 linux_banner/' \
	"$t/arm.map" >"$t/moved.map"
$PTWALK -q -i "$t/arm.core" --symbols "$t/moved.map" -c 'sym init_task'
echo "  exit $?"
$PTWALK -q -i "$t/arm.core" -c 'sym init_task'
echo "  exit $?"
$PTWALK -q -i "$t/kaslr.core" --symbols ../../testdata/elf/demo-x86_64 -c 'sym main'
echo "  exit $?"
$PTWALK -q -i "$t/kaslr.core" --symbols ../../README.md -c 'sym main'
echo "  exit $?"
$PTWALK -q -c "save $t/sim.core" >/dev/null
$PTWALK -q -i "$t/sim.core" -c 'sym init_task'
echo "  exit $?"
}
# the scratch folder's name is left out of the messages
run 2>&1 | sed "s|$t/||g"
rm -rf "$t"
