# The same memory in every format ptwalk reads: a real guest's ELF core
# (testdata/images) is written by build/mkdump as kdump-compressed with
# zlib, lzo, snappy and zstd, as a filtered dump (dump level 31 with page
# ranges left out), as one part of a split dump, as LiME and as AVML.
# Every format must give the ELF core's translations of QEMU's gva2gpa
# addresses (image-qemu checks those against QEMU) and its kernel ptdump;
# LiME and AVML, which do not say their machine, get --arch and the CR3.
# The 32-bit guest is read in the packed header layout QEMU writes for it,
# the arm64 guest once.
MKDUMP=$(dirname "$PTWALK")/mkdump
t=$(mktemp -d)
prep() {	# name: the core, its gva2gpa addresses, the ELF answers
	xz -dc "../../testdata/images/$1.core.xz" >"$t/core"
	xz -dc "../../testdata/images/$1.qemu.xz" |
		sed -n '/^@@ gva2gpa/,/^@@/p' | grep '^0x' | cut -d' ' -f1 >"$t/gva"
	$PTWALK -q -i "$t/core" -c "translate -f $t/gva" >"$t/want" 2>&1
	echo "$1: $(wc -l <"$t/gva") gva2gpa addresses"
}
same() {	# label ptwalk-options...: translations as the ELF core's
	label=$1; shift
	$PTWALK -q "$@" -c "translate -f $t/gva" >"$t/got" 2>&1
	cmp -s "$t/want" "$t/got" && echo "  $label: translations agree" ||
		{ echo "  $label: differ"; diff "$t/want" "$t/got" | head -n 5; }
}
prep x86_64
$PTWALK -q -i "$t/core" -c "ptdump kernel" >"$t/ptdump" 2>&1
for c in zlib lzo snappy zstd; do
	"$MKDUMP" kdump "$t/core" "$t/d" -c "$c"
	same "kdump $c" -i "$t/d"
done
$PTWALK -q -i "$t/d" -c "ptdump kernel" >"$t/got" 2>&1
cmp -s "$t/ptdump" "$t/got" && echo "  kdump zstd: ptdump kernel agrees"
$PTWALK -q -i "$t/d" -c machine | sed -n '/^image/p;/^pages/p' |
	sed "s|$t/||"
"$MKDUMP" lime "$t/core" "$t/d"
same lime -i "$t/d" --arch x86_64 --cr3 0x2a10000
"$MKDUMP" avml "$t/core" "$t/d"
same avml -i "$t/d" --arch x86_64 --cr3 0x2a10000
$PTWALK -q -i "$t/d" --arch x86_64 --cr3 0x2a10000 -c machine |
	sed -n '/^image/p;/^pages/p' | sed "s|$t/||"
# filtered: the root page table (pfn 0x2a10) and 0x5000-0x5fff left out
"$MKDUMP" kdump "$t/core" "$t/d" -d 31 -x 0x2a10-0x2a10 -x 0x5000-0x5fff
$PTWALK -q -i "$t/d" -c 'machine' | sed -n '/^pages/p'
$PTWALK -q -i "$t/d" -c 'xp 0x4fffff8 16' 2>&1
$PTWALK -q -i "$t/d" -c 'walk 0xffff888000098000' 2>&1 | tail -n 1
$PTWALK -q -i "$t/d" -c 'pte 0xffff888005000000' 2>&1
# a split dump's first part: pfns from 0x4000 on are in the other part
"$MKDUMP" kdump "$t/core" "$t/d" --split 0-0x3fff
$PTWALK -q -i "$t/d" -c "xp 0x3fff000 8; xp 0x4000000 8" 2>&1
$PTWALK -q -i "$t/d" -c machine | sed -n '/^image/p' | sed "s|$t/||"
prep i386
"$MKDUMP" kdump "$t/core" "$t/d" -c lzo --32
same "kdump lzo, 32-bit header" -i "$t/d"
prep arm64
"$MKDUMP" kdump "$t/core" "$t/d" -c snappy
same "kdump snappy" -i "$t/d"
rm -rf "$t"
