# A raw or LiME dump says neither its arch nor its paging mode: opened
# with --arch riscv64-sv48 (or riscv64-sv57) it walks the mode the name
# says, with --cr3 or --cr3 auto.  The machine saved as LiME, and as a
# raw file of its RAM (the LiME range's bytes), gives the same
# translations as the machine did, in user and kernel space; a named mode
# that the file contradicts is refused.
t=$(mktemp -d)
for a in riscv64-sv48 riscv64-sv57; do
	$PTWALK -q -a $a -m 128M -c "touch big w; save --format lime $t/lime" >/dev/null
	root=$($PTWALK -q -a $a -m 128M -c 'machine' | sed -n 's/^satp *\(0x[0-9a-f]*\) .*/\1/p')
	tail -c +33 "$t/lime" >"$t/raw"	# LiME's one range: a 32-byte header, RAM
	va="0x14270 0xffffffff80001000"
	[ $a = riscv64-sv48 ] && va="$va 0xffffaf8000001000" || va="$va 0xff60000000001000"
	# va -> pa and the page size (a raw file names no kernel regions)
	$PTWALK -q -a $a -m 128M -c "touch big w; translate $va" | grep '^0x' |
		awk '{ print $1, $2, $3, $4 }' >"$t/want"
	echo "$a (satp root $root):"
	$PTWALK -q -i "$t/raw" --arch $a --phys-base 0x80000000 --cr3 "$root" \
		-c "machine" | grep -E '^(arch|image)' | sed "s|$t/||"
	for f in raw lime; do
		pb=; [ $f = raw ] && pb="--phys-base 0x80000000"
		# shellcheck disable=SC2086
		$PTWALK -q -i "$t/$f" --arch $a $pb --cr3 "$root" \
			-c "translate $va" | grep '^0x' |
			awk '{ print $1, $2, $3, $4 }' >"$t/got"
		cmp -s "$t/want" "$t/got" &&
			echo "  $f: $(wc -l <"$t/got") translations as on the machine" ||
			{ echo "  $f differs:"; diff "$t/want" "$t/got"; }
	done
	$PTWALK -q -i "$t/raw" --arch $a --phys-base 0x80000000 --cr3 auto \
		-c "machine; translate 0xffffffff80001000" |
		grep -E '^(roots|0x)' | sed 's/ (score.*//'
done
# the mode of a core is its own: a Sv48 core is not opened as Sv57
$PTWALK -q -a riscv64-sv48 -m 128M -c "save $t/core" >/dev/null
$PTWALK -q -i "$t/core" --arch riscv64-sv57 -c machine 2>&1; echo "[exit $?]"
$PTWALK -q -i "$t/core" --arch riscv64-sv48 -c machine | grep '^arch'
rm -rf "$t"
