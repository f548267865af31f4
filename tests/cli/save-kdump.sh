# save --format kdump: every arch's simulated machine, saved as an ELF core
# and as a kdump-compressed dump (each compression on x86_64, one each on
# the others), reopens with the same kernel ptdump and the same walk; --dump-level 1 leaves the zero
# pages out and says so; the options are checked.
t=$(mktemp -d)
for ac in i386:lzo i386-pae:snappy x86_64:"zlib lzo snappy zstd none" \
	x86_64-la57:zstd arm:zlib arm64:snappy riscv64:lzo riscv64-sv57:none \
	riscv32:zstd; do
	a=${ac%%:*}
	$PTWALK -q -a "$a" -m 128M -c "save $t/elf" >/dev/null
	$PTWALK -q -i "$t/elf" -c 'ptdump kernel' >"$t/want" 2>&1
	res=
	for c in ${ac#*:}; do
		$PTWALK -q -i "$t/elf" -c "save --format kdump --compress $c $t/k" >/dev/null
		$PTWALK -q -i "$t/k" -c 'ptdump kernel' >"$t/got" 2>&1
		cmp -s "$t/want" "$t/got" && res="$res $c" ||
			{ res="$res $c:DIFFERS"; diff "$t/want" "$t/got" | head -n 4; }
	done
	$PTWALK -q -i "$t/k" -c 'machine' | sed -n 's/^arch *\([^:]*\):.*/  arch \1/p'
	echo "$a: ptdump kernel the same as the ELF core's with$res"
done
# the simulated machine straight to kdump, and back to ELF: the same walk
$PTWALK -q -a x86_64 -m 128M -c "save --format kdump --compress lzo $t/k" |
	sed "s|$t/||"
$PTWALK -q -a x86_64 -m 128M -c 'walk 0xffff888000100000' >"$t/want"
$PTWALK -q -i "$t/k" -c "walk 0xffff888000100000; save $t/e" | sed "s|$t/||" >"$t/got"
$PTWALK -q -i "$t/e" -c 'walk 0xffff888000100000' >>"$t/got"
sed -n '/^saved/p' "$t/got"; sed -i '/^saved/d' "$t/got"
cat "$t/want" "$t/want" | cmp -s - "$t/got" && echo "walk 0xffff888000100000: the same on the machine, its kdump and the ELF core saved from that"
# dump level 1: zero pages left out, named excluded
$PTWALK -q -a x86_64 -m 128M -c "save --format kdump --dump-level 1 $t/k" | sed "s|$t/||"
$PTWALK -q -i "$t/k" -c 'machine; xp 0x7000000 8' 2>&1 | sed -n '/^pages/p;/xp/p'
$PTWALK -q -i "$t/k" -c 'walk 0xffff888000100000' | cmp -s - "$t/want" &&
	echo "dump level 1: walk 0xffff888000100000 the same"
$PTWALK -q --json -a x86_64 -c "save --format kdump --compress zstd $t/k" | sed "s|$t/||"
# bad options: one-line errors, nothing written
$PTWALK -q -c "save --format vmss $t/x; save --compress zlib $t/x; save --format kdump --compress lz4 $t/x; save --format kdump --dump-level 31 $t/x; save --format kdump --dump-level 40 $t/x" 2>&1
ls "$t" | grep -c '^x' 
rm -rf "$t"
