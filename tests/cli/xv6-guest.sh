# A real xv6-riscv guest (testdata/xv6/guest.core.xz, made by
# testdata/xv6/make-xv6.sh under qemu-system-riscv64): ptwalk opens the dump
# at the root QEMU's satp names and agrees with QEMU's own answers recorded
# at dump time, on every page of 'info mem' (address and R W X U A D) and
# on every gva2gpa; then the simulated machine of --kernel xv6 builds the
# very kernel page table the guest built (kvmmake, proc_mapstacks, kalloc's
# order), entry for entry but for A and D, which QEMU's walker set.
hexs() { sed -e 's/0x0*\([0-9a-f]\)/\1/g' -e 's/\b0*\([0-9a-f]\)/\1/g'; }
t=$(mktemp -d)
xz -dc ../../testdata/xv6/guest.core.xz >"$t/core"
xz -dc ../../testdata/xv6/guest.qemu.xz >"$t/qemu"
satp=$(sed -n 's/^ satp *\([0-9a-f]*\)$/\1/p' "$t/qemu")
# satp: MODE 63:60, ASID 59:44, PPN 43:0 (the last 11 hex digits)
root=0x$(echo "$satp" | sed 's/^.....//; s/^0*//')000
echo "satp 0x$satp (QEMU's info registers): root $root"
pt="$PTWALK -q -a riscv64 -i $t/core --cr3 $root"
$pt -c machine | grep -E '^(arch|roots|satp)'
# the dump does not say its root: a scan finds the table QEMU's satp names
found=$($PTWALK -q -a riscv64 -i $t/core --cr3 auto -c roots | sed -n 's/^\$1 = //p')
[ "$found" = "$root" ] && echo "roots: the best candidate is QEMU's root" ||
	echo "roots: the best candidate is $found, QEMU's root $root"
$PTWALK -q -a riscv64 -i $t/core --cr3 auto -c machine | grep '^roots' |
	sed 's/ (score.*//'
# info mem: "VA PA SIZE ATTR" ranges, expanded to one line per page
sed -n '/^@@ info mem/,/^@@ gva2gpa/p' "$t/qemu" |
	grep '^[0-9a-f]\{16\} ' >"$t/ranges"
awk '{ printf "0x%s 0x%s 0x%s %s\n", $1, $2, $3, $4 }' "$t/ranges" |
while read -r va pa size attr; do
	n=$((size / 4096)); i=0
	while [ $i -lt $n ]; do
		printf '0x%x 0x%x %s\n' $((va + i * 4096)) $((pa + i * 4096)) "$attr"
		i=$((i + 1))
	done
done >"$t/pages"
cut -d' ' -f1 "$t/pages" >"$t/va"
$pt -c "translate -f $t/va" 2>"$t/err" | grep -v '^\$' >"$t/out"
cut -d' ' -f1,2 "$t/pages" | hexs >"$t/want"
hexs <"$t/out" >"$t/got"
n=$(wc -l <"$t/want")
ok=$(paste -d' ' "$t/want" "$t/got" | awk '$1 == $3 && $2 == $4' | wc -l)
echo "info mem: $(wc -l <"$t/ranges") ranges, $n pages, $ok translate as QEMU says"
paste -d' ' "$t/want" "$t/got" | awk '$1 != $3 || $2 != $4' | head -n 5
# the rights and A/D of every leaf, from vmprint, as QEMU's attr rwxugad
$pt -c 'vmprint --canonical' | grep '^ \.\. \.\. \.\.' |
	sed 's/^[ .]*0x\([0-9a-f]*\): pte 0x\([0-9a-f]*\) .*/\1 \2/' |
while read -r va pte; do
	f=$((0x$pte))
	a=
	for b in 1:r 2:w 3:x 4:u 5:g 6:a 7:d; do
		[ $((f >> ${b%%:*} & 1)) -eq 1 ] && a="$a${b#*:}" || a="$a-"
	done
	echo "$va $a"
done | hexs >"$t/attr.ptwalk"
awk '{ print $1, $3 }' "$t/pages" | sed 's/^0x//' | hexs >"$t/attr.qemu"
if cmp -s "$t/attr.qemu" "$t/attr.ptwalk"; then
	echo "rights and A/D of $(wc -l <"$t/attr.qemu") pages: agree"
else
	echo "rights differ:"; diff "$t/attr.qemu" "$t/attr.ptwalk" | grep "^[<>]" | head -n 20
fi
# gva2gpa, mapped and unmapped
sed -n '/^@@ gva2gpa/,$p' "$t/qemu" | grep '^0x' >"$t/g"
cut -d' ' -f1 "$t/g" >"$t/gva"
$pt -c "translate -f $t/gva" 2>/dev/null | hexs >"$t/gout"
sed -e 's/ gpa: / /' -e 's/ Unmapped/ fault/' "$t/g" | hexs >"$t/gwant"
n=$(wc -l <"$t/gwant")
ok=$(paste -d' ' "$t/gwant" "$t/gout" | awk '$1 == $3 && $2 == $4' | wc -l)
echo "gva2gpa: $n addresses ($(grep -c fault "$t/gwant") unmapped), $ok agree"
paste -d' ' "$t/gwant" "$t/gout" | awk '$1 != $3 || $2 != $4' | head -n 5
# the simulated xv6 builds the guest's kernel page table
$pt -c vmprint >"$t/real"
$PTWALK -q -a riscv64 --kernel xv6 -c 'vmprint --kernel' >"$t/sim"
noad() { sed 's/pte \(0x[0-9a-f]*\)\([0-9a-f][0-9a-f]\) /\1 \2 /' "$1" |
	awk 'NF == 6 { f = ("0x" $4) + 0; print $1, $2, $3, $6 } NF != 6'; }
for f in real sim; do
	sed -n 's/^\([ .]*0x[0-9a-f]*\): pte 0x\([0-9a-f]*\)\(.\)\(.\) pa \(.*\)$/\1 \2 \4 \5/p' \
		"$t/$f" >"$t/$f.x"
done
n=$(wc -l <"$t/real.x")
# the low flag digit (V R W X) and the PPN must agree; the high one holds U G A D
same=$(paste -d'|' "$t/real.x" "$t/sim.x" | awk -F'|' '{
	split($1, a, " "); split($2, b, " ")
	if (a[1] == b[1] && a[2] == b[2] && a[3] == b[3] && a[4] == b[4]) n++
} END { print n + 0 }')
echo "kernel page table: the guest's $n entries, the simulated xv6's $(wc -l <"$t/sim.x"), $same the same but for U G A D"
rm -rf "$t"
