# Dumps written by the real tools (testdata/dumps/make-dumps.sh): QEMU's
# dump-guest-memory -z of a tiny guest (QEMU 7.2 writes it flattened) and
# makedumpfile -F -l -d 31 of the x86_64 guest's core.  Each must give
# QEMU's own gva2gpa answers and the ELF core's translations; pages
# makedumpfile left out are named excluded.  Then flattened dumps that
# are cut, of an ELF dump, or with records written twice.
MKDUMP=$(dirname "$PTWALK")/mkdump
D=../../testdata/dumps
t=$(mktemp -d)
norm() {	# ptwalk's translate lines as QEMU's gva2gpa lines
	sed 's/ gpa: / /; s/0x0*\([0-9a-f]\)/\1/g; s/ fault$/ Unmapped/'
}
xz -dc $D/tiny.core.xz >"$t/core"
xz -dc $D/tiny.kdump-zlib.xz >"$t/z"
cut -d' ' -f1 $D/tiny.qemu >"$t/gva"
norm <$D/tiny.qemu >"$t/qemu"
for f in core z; do
	$PTWALK -q -i "$t/$f" -c "translate -f $t/gva" 2>/dev/null | norm >"$t/got"
	cmp -s "$t/qemu" "$t/got" && echo "tiny $f: $(wc -l <"$t/gva") gva2gpa answers agree" ||
		diff "$t/qemu" "$t/got"
done
$PTWALK -q -i "$t/z" -c 'machine' 2>&1 | sed -n '/^image\|^pages\|warning/p' | sed "s|$t/||"
$PTWALK -q -i "$t/core" -c 'xp 0x400000 32; xp 0x21f000 16' >"$t/want"
$PTWALK -q -i "$t/z" -c 'xp 0x400000 32; xp 0x21f000 16' 2>/dev/null >"$t/got"
cmp -s "$t/want" "$t/got" && echo "tiny z: bytes agree with the ELF core"
# makedumpfile: the x86_64 guest, against QEMU's answers and the ELF core
xz -dc ../../testdata/images/x86_64.core.xz >"$t/core"
xz -dc $D/x86_64.mdf-l-d31.flat.xz >"$t/flat"
xz -dc ../../testdata/images/x86_64.qemu.xz | sed -n '/^@@ gva2gpa/,/^@@/p' |
	grep '^0x' >"$t/q"
cut -d' ' -f1 "$t/q" >"$t/gva"
norm <"$t/q" >"$t/qemu"
$PTWALK -q -i "$t/flat" -c "translate -f $t/gva" 2>/dev/null | norm >"$t/got"
cmp -s "$t/qemu" "$t/got" && echo "makedumpfile -F -l -d 31: $(wc -l <"$t/gva") gva2gpa answers agree" ||
	diff "$t/qemu" "$t/got" | head
$PTWALK -q -i "$t/core" -c "ptdump kernel" >"$t/want" 2>&1
$PTWALK -q -i "$t/flat" -c "ptdump kernel" 2>/dev/null >"$t/got"
cmp -s "$t/want" "$t/got" && echo "makedumpfile -F -l -d 31: ptdump kernel agrees"
# -d 31 leaves out zero pages, empty page tables among them: ptdump says
# how many it could not read
$PTWALK -q -i "$t/flat" -c "ptdump" 2>&1 >/dev/null
cp "$t/flat" "$t/before"
$PTWALK -q -i "$t/flat" -c 'machine' | sed -n '/^image\|^pages/p' | sed "s|$t/||"
$PTWALK -q -i "$t/flat" -c 'xp 0x1000000 8; xp 0x6000000 8' 2>&1
cmp -s "$t/flat" "$t/before" || echo "the file was written"
# cut short: the records before the cut are read
head -c 12000000 "$t/flat" >"$t/d"
$PTWALK -q -i "$t/d" -c 'xp 0x1000000 8; translate 0xffffffffc0000000' 2>&1 |
	sed "s|$t/||"
# records in another order and size, and the first one written twice (the
# later one counts): the same translations
$PTWALK -q -i "$t/flat" -c "save --format kdump --compress zstd $t/k" >/dev/null
$PTWALK -q -i "$t/k" -c "translate -f $t/gva" 2>/dev/null | norm >"$t/got"
cmp -s "$t/qemu" "$t/got" && echo "saved as kdump zstd: gva2gpa answers agree"
"$MKDUMP" flatten "$t/k" "$t/d" -r 3000 --overlap
$PTWALK -q -i "$t/d" -c "translate -f $t/gva" 2>/dev/null | norm >"$t/got"
cmp -s "$t/qemu" "$t/got" && echo "flattened again, 3000-byte records, one twice: gva2gpa answers agree"
$PTWALK -q -i "$t/d" -c machine | sed -n '/^image/p' | sed "s|$t/||"
# a flattened ELF dump (makedumpfile -E -F), a header of another version
xz -dc $D/tiny.core.xz >"$t/core"
"$MKDUMP" flatten "$t/core" "$t/d"
$PTWALK -q -i "$t/d" 2>&1 | sed "s|$t/||"
printf '\0\0\0\0\0\0\0\002' | dd of="$t/d" bs=1 seek=16 conv=notrunc 2>/dev/null
$PTWALK -q -i "$t/d" 2>&1 | sed "s|$t/||"
rm -rf "$t"
