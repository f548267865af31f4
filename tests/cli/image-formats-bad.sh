# Damaged and unsupported dumps: a clear one-line error naming the offset
# or the page, the rest of the dump still read, and the file never
# written.  The dump is a small simulated machine saved as an ELF core and
# written as kdump-compressed by build/mkdump: its first page (pfn 0x1d94)
# has the first page descriptor, at offset 16384 (header, sub-header and
# two bitmap blocks before it).
MKDUMP=$(dirname "$PTWALK")/mkdump
t=$(mktemp -d)
opt=
$PTWALK -q -a i386 -m 48M -c "save $t/core" >/dev/null
"$MKDUMP" kdump "$t/core" "$t/good" -c zlib
poke() {	# offset bytes (printf escapes): a damaged copy in $t/d
	cp "$t/good" "$t/d"
	printf "$2" | dd of="$t/d" bs=1 seek="$1" conv=notrunc 2>/dev/null
}
run() {		# label: read the first page and the last one
	cp "$t/d" "$t/before"
	echo "$1:"
	$PTWALK -q -i "$t/d" $opt -c 'xp 0x1d94000 4; xp 0x2eff000 4' 2>&1 |
		sed -e "s|$t/||" -e 's/^/  /'
	cmp -s "$t/d" "$t/before" || echo "  the file was written"
}
cp "$t/good" "$t/d"; run "intact"
# the cache of decompressed pages, down to 64 pages: still the same bytes
$PTWALK -q -i "$t/d" -c 'set image-cache 256K; xp 0x1d94000 4; set image-cache; set image-cache 1' 2>&1
poke 8 '\005'; run "header version 5"
poke 428 '\003'; run "no valid block size"
poke 436 '\310'; run "bitmaps larger than the file"
poke 12288 '\377'; run "bitmap 2 with pfns bitmap 1 lacks"
poke 16384 '\377\377\377\377\377\177'; run "descriptor offset past the end"
poke 16392 '\000\040'; run "compressed size larger than a page"
poke 16396 '\100'; run "unknown compression flag"
off=$(od -A n -t u8 -j 16384 -N 8 "$t/good" | tr -d ' ')
poke $((off + 4)) 'garbage!'; run "corrupt zlib stream"
head -c 40000 "$t/good" >"$t/d"; run "cut inside the page data"
head -c 10000 "$t/good" >"$t/d"; run "cut inside the bitmaps"
head -c 300 "$t/good" >"$t/d"; run "cut inside the header"
printf 'makedumpfile\0\0\0\0' >"$t/d"; run "flattened, cut inside its header"
printf 'DISKDUMP' >"$t/d"; run "old diskdump"
# LiME: a second range overlapping the first, then one cut short
"$MKDUMP" lime "$t/core" "$t/lime"
n=$(($(od -A n -t u8 -j 16 -N 8 "$t/lime") - $(od -A n -t u8 -j 8 -N 8 "$t/lime") + 1))
head -c $((32 + n)) "$t/lime" >"$t/d"
head -c $((32 + n)) "$t/lime" >>"$t/d"
head -c 100 "$t/lime" >>"$t/d"
echo "LiME, overlapping and cut ranges:"
$PTWALK -q -i "$t/d" --arch i386 --cr3 0x1e74000 -c 'machine' 2>&1 |
	sed -n '/^memory/p;/warning\|overlap\|cut/p' | sed "s|$t/||"
printf 'EMiL\002\0\0\0' >"$t/d"; run "LiME version 2"
# AVML: the length after the first range's stream lies
"$MKDUMP" avml "$t/core" "$t/avml"
opt="--arch i386 --cr3 0x1e74000"
cp "$t/avml" "$t/good"
size=$(wc -c <"$t/avml")
poke $((size - 8)) '\001'; run "AVML length field lies"
poke 100 'garbage!'; run "AVML chunk damaged"
printf 'AVML\002\0\0\0\0\0\0\0\0\0\0\0\377\017\0\0\0\0\0\0\0\0\0\0\0\0\0\0\377\006\0\0sNaPpY' >"$t/d"
run "AVML cut inside its stream"
printf 'AVML\003\0\0\0' >"$t/d"; run "AVML version 3"
rm -rf "$t"
