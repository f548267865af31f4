# Real QEMU dumps (testdata/images, made by make-fixtures.sh): ptwalk opens
# each without --cr3 and agrees with QEMU's own answers recorded at dump
# time: the translation of every page of 'info tlb', gva2gpa, the CR3 of
# every CPU and the direct map (page_offset_base).  A dump that does not say
# where its page tables are (arm: no VMCOREINFO, no TTBR in QEMU's notes)
# opens with --ttbr0 at the address QEMU gives for swapper_pg_dir.
hexs() { sed -e 's/0x0*\([0-9a-f]\)/\1/g' -e 's/\b0*\([0-9a-f]\)/\1/g'; }
for f in ../../testdata/images/*.core.xz; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .core.xz)
	t=$(mktemp -d)
	xz -dc "$f" >"$t/core"
	xz -dc "../../testdata/images/$name.qemu.xz" >"$t/qemu"
	echo "$name:"
	root=$(sed -n '/^@@ gva2gpa swapper_pg_dir/{n;s/.* gpa: //p;}' "$t/qemu")
	[ -n "$root" ] && echo "  --ttbr0 $root (QEMU's gva2gpa of swapper_pg_dir)"
	pt="$PTWALK -q ${root:+--ttbr0 $root}"
	$pt -i "$t/core" -c machine >"$t/machine" 2>&1
	echo "  exit $?; $(grep '^roots' "$t/machine")"
	# the CR3 of every CPU, from QEMU's info registers
	sed -n 's/.*CR3=\([0-9a-f]*\).*/\1/p' "$t/qemu" | hexs >"$t/cr3.qemu"
	$pt -i "$t/core" -c cpus | sed -n 's/.* cr3=0x\([0-9a-f]*\).*/\1/p' |
		hexs >"$t/cr3.ptwalk"
	if [ ! -s "$t/cr3.qemu" ]; then
		: # no CR3 in QEMU's answers (arm, arm64)
	elif cmp -s "$t/cr3.qemu" "$t/cr3.ptwalk"; then
		echo "  cr3 of $(wc -l <"$t/cr3.qemu") CPUs: agree"
	else
		echo "  cr3 differ:"; paste "$t/cr3.qemu" "$t/cr3.ptwalk"
	fi
	# info tlb: one line per page, "VA: PA flags"
	# (in PAE mode QEMU prints the NX bit, 63, as part of the address)
	sed -n '/^@@ info tlb/,/^@@ info mem/p' "$t/qemu" |
		sed -n 's/^\([0-9a-f]*\): \([0-9a-f]*\) .*/0x\1 0x\2/p' |
		sed -e 's/ 0x8\([0-9a-f]\{15\}\)$/ 0x0\1/' \
		    -e 's/ 0x9\([0-9a-f]\{15\}\)$/ 0x1\1/' >"$t/tlb"
	cut -d' ' -f1 "$t/tlb" >"$t/va"
	$pt -i "$t/core" -c "translate -f $t/va" 2>"$t/err" |
		grep -v '^\$' >"$t/out"
	hexs <"$t/tlb" >"$t/a"
	hexs <"$t/out" >"$t/b"
	n=$(wc -l <"$t/a")
	bad=$(paste -d' ' "$t/a" "$t/b" | awk '$1 != $3 || $2 != $4' | wc -l)
	grep -q '^@@ info tlb' "$t/qemu" &&
		echo "  info tlb: $n pages, $((n - bad)) translate as QEMU says"
	paste -d' ' "$t/a" "$t/b" | awk '$1 != $3 || $2 != $4' | head -n 5
	# gva2gpa answers, mapped and unmapped
	sed -n '/^@@ gva2gpa/,/^@@/p' "$t/qemu" | grep '^0x' >"$t/g"
	cut -d' ' -f1 "$t/g" >"$t/gva"
	$pt -i "$t/core" -c "translate -f $t/gva" 2>/dev/null |
		grep -v '^\$' | hexs >"$t/gout"
	sed -e 's/ gpa: / /' -e 's/ Unmapped/ fault/' "$t/g" | hexs >"$t/gwant"
	n=$(wc -l <"$t/gwant")
	ok=$(paste -d' ' "$t/gwant" "$t/gout" | awk '$1 == $3 && $2 == $4' | wc -l)
	paste -d' ' "$t/gwant" "$t/gout" | awk '$1 != $3 || $2 != $4' | head -n 5
	echo "  gva2gpa: $n addresses, $ok agree"
	# __pa() of the guest's own symbols (/proc/kallsyms) by arithmetic
	# must land where the walk lands: the direct map and phys_base found
	ok=0; n=0
	for a in $(sed -n 's/^symbol \([0-9a-f]*\) .*/0x\1/p' "$t/qemu"); do
		n=$((n + 1))
		w=$($pt -i "$t/core" -c "walk $a" 2>/dev/null | sed -n 's/^\$1 = //p')
		p=$($pt -i "$t/core" -c "pa $a" 2>/dev/null | sed -n 's/^\$1 = //p')
		[ -n "$w" ] && [ "$w" = "$p" ] && ok=$((ok + 1)) ||
			echo "  symbol $a: walk $w, __pa $p"
	done
	[ "$n" -gt 0 ] && echo "  __pa of $n kernel symbols: $ok agree with the walk"
	# page_offset_base, read by QEMU's monitor from the guest's variable
	pob=$(sed -n '/^@@ x\/gx page_offset_base/,$p' "$t/qemu" |
		sed -n 's/.*: \(0x[0-9a-f]*\)$/\1/p')
	# ptwalk's direct map (PAGE_OFFSET) and the variable read at its
	# kallsyms address must both say what QEMU read
	if [ -n "$pob" ]; then
		mine=$($pt -i "$t/core" -c "sym PAGE_OFFSET" |
			sed -n 's/^PAGE_OFFSET = \(0x[0-9a-f]*\).*/\1/p')
		var=$($pt -i "$t/core" -c "x/gx page_offset_base" |
			sed -n 's/^0x[0-9a-f]*: *\(0x[0-9a-f]*\)$/\1/p')
		[ "$pob" = "$mine" ] && [ "$pob" = "$var" ] &&
			echo "  page_offset_base: agrees" ||
			echo "  page_offset_base: QEMU $pob, ptwalk $mine, x/gx $var"
	fi
	rm -rf "$t"
done
