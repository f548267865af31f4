# On a memory image, a mapping an access would fault on translates: an
# arm64 page or block with the access flag clear (as in real dumps of
# guests without hardware AF), an arm page Linux keeps old (its hardware
# entry empty).  walk, translate and x report it; nothing is changed.
d=$(mktemp -d)
$PTWALK -q -a arm64 --boot clean -c "touch data_page w; fork; switch 2; write PAGE_OFFSET + 0x1ce7000 + 500 * 8 0x006800007e800301; save $d/arm64.core" >/dev/null 2>&1
$PTWALK -q -a arm -c "touch data_page w; fork; switch 2; save $d/arm.core" \
	>/dev/null 2>&1
for c in "arm64 0x412288" "arm64 PAGE_OFFSET + 1000M" "arm 0x131a0"; do
	set -- $c
	img=$1
	shift
	echo "== $img: $*"
	$PTWALK -q --image $d/$img.core -c "walk $*; translate $*; x/2wx $*; tlb" \
		>$d/out 2>&1
	echo "exit $?"
	grep -E '^  (pa|note) |->|^0x|cannot|TLB:' $d/out | grep -v '^  p[gu4m]'
done
rm -rf $d
