# Figures (--svg, --png, --pdf on layout, walk, maps, ptdump, buddyinfo,
# zoneinfo, vmallocinfo and slab): well-formed SVG
# (xmllint), rendered to PNG and PDF by librsvg, and checked for structure:
# every region and table the text names is a labelled box, region boxes
# never overlap and run in address order.  Bad paths lose nothing.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
hide() { sed -e "s|$d/||g"; }

# the boxes of one role as "y height start end name", in document order
boxes() {
	sed -n "s/.*<rect [^>]* y=\"\([^\"]*\)\" width=\"[^\"]*\" height=\"\([^\"]*\)\" data-role=\"$2\" data-name=\"\([^\"]*\)\"\( data-start=\"\([^\"]*\)\" data-end=\"\([^\"]*\)\"\)\{0,1\}.*/\1 \2 \5 \6 \3/p" "$1"
}

# region and hole boxes: top to bottom without overlap (but for the
# rounding of coordinates to 0.1), addresses falling; a 64-bit address
# compares as 16 hex digits
check_order() {
	{ boxes "$1" ${2:-region}; boxes "$1" hole; } | sort -n -k1,1 | awk '
	function pad(h) { sub(/^0x/, "", h); while (length(h) < 16) h = "0" h; return h }
	NR > 1 && $1 < py + ph - 0.2 { print "overlap: " $5 " under " pn; bad = 1 }
	NR > 1 && pad($3) >= ps { print "order: " $5 " not below " pn; bad = 1 }
	{ py = $1; ph = $2; ps = pad($3); pn = $5 }
	END { if (!bad) print "  boxes in address order, none overlapping (" NR ")" }'
}

# every name in a --json list appears as a box of that role and as a label
check_names() {
	svg=$1 role=$2
	shift 2
	n=0
	for name in "$@"; do
		n=$((n + 1))
		grep -qF "data-role=\"$role\" data-name=\"$name\"" "$svg" ||
			echo "no $role box named '$name'"
		grep -qF ">$name</text>" "$svg" || grep -qF ">$name @ " "$svg" ||
			echo "no label '$name'"
	done
	echo "  $n names of the text output, each a labelled $role box"
}

# PNG and PDF files as librsvg wrote them: their signatures
check_png() { [ "$(od -An -c -N4 "$1" | tr -d ' ')" = '211PNG' ] && echo "  $(basename "$1"): PNG" || echo "  $1: not a PNG"; }
check_pdf() { [ "$(head -c 5 "$1")" = '%PDF-' ] && echo "  $(basename "$1"): PDF" || echo "  $1: not a PDF"; }
wellformed() { xmllint --noout "$1" && echo "  $(basename "$1"): well-formed"; }

echo "== the classic ARM map (kernel 3.4): nine regions and the gaps"
$PTWALK -q -a arm --kernel 3.4 -c "layout --svg $d/arm.svg --png $d/arm.png --pdf $d/arm.pdf" >/dev/null
wellformed $d/arm.svg; check_png $d/arm.png; check_pdf $d/arm.pdf
names=$($PTWALK -q --json -a arm --kernel 3.4 -c layout | grep -o '"name":"[^"]*"' | sed 's/"name":"\(.*\)"/\1/' | sort -u)
IFS='
'
check_names $d/arm.svg region $names
unset IFS
echo "  $(grep -c 'data-role="region"' $d/arm.svg) region boxes, $(grep 'data-role="region"' $d/arm.svg | grep -vc 's-gap') of them not gaps"
for r in null-trap user modules pkmap lowmem vmalloc dma-consistent fixmap vectors; do
	grep "data-role=\"region\" data-name=\"$r\"" $d/arm.svg | sed 's/.*data-name="\([^"]*\)" data-start="\([^"]*\)" data-end="\([^"]*\)".*/  \1 [\2, \3)/'
done
check_order $d/arm.svg
grep -o 'class="s-split"' $d/arm.svg | head -n 1
grep -o '>user space ends at [^<]*<' $d/arm.svg

echo "== layout --phys: the zones beside the regions, the direct map's arrows"
$PTWALK -q -a i386 -c "layout --phys --svg $d/lp.svg --png $d/lp.png" >/dev/null
wellformed $d/lp.svg; check_png $d/lp.png
zones=$($PTWALK -q -a i386 -c buddyinfo | sed 's/^Node 0, zone *\([A-Za-z0-9]*\) .*/\1/')
check_names $d/lp.svg zone $zones
grep -o 'data-role="zone" data-name="[^"]*" data-start="[^"]*" data-end="[^"]*"' $d/lp.svg
echo "  $(grep -c 'marker-end' $d/lp.svg) arrow (lowmem), $(grep -c 'class="s-link"' $d/lp.svg) lines"
check_order $d/lp.svg
grep -o '>At the right[^<]*<' $d/lp.svg
xz -dc ../../testdata/images/x86_64.core.xz >$d/core
$PTWALK -q -i $d/core -c "layout --phys --svg $d/lpi.svg" >/dev/null
wellformed $d/lpi.svg
echo "  image: $(grep -o 'data-role="zone" data-name="[^"]*"' $d/lpi.svg | tr '\n' ' ')"
rm -f $d/core
$PTWALK -q -c "layout --phys" 2>&1 >/dev/null

echo "== every arch: layout and walk figures render"
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	$PTWALK -q -a $a -c "layout --svg $d/l.svg --png $d/l.png; walk PAGE_OFFSET --svg $d/w.svg --pdf $d/w.pdf" >/dev/null 2>&1 ||
		echo "$a: failed"
	xmllint --noout $d/l.svg $d/w.svg || echo "$a: not well-formed"
	[ "$(od -An -c -N4 $d/l.png | tr -d ' ')" = '211PNG' ] || echo "$a: no PNG"
	[ "$(head -c 5 $d/w.pdf)" = '%PDF-' ] || echo "$a: no PDF"
	names=$($PTWALK -q --json -a $a -c layout | grep -o '"name":"[^"]*"' | sed 's/"name":"\(.*\)"/\1/' | sort -u)
	IFS='
'
	echo "$a: $(check_names $d/l.svg region $names | tr -d '\n')$(check_order $d/l.svg)"
	unset IFS
done

echo "== walk 0xc0100000: slices, root, tables, entry, page"
$PTWALK -q -c "walk 0xc0100000 --svg $d/w.svg --png $d/w.png" | tail -n 1
wellformed $d/w.svg; check_png $d/w.png
boxes $d/w.svg slice | cut -d' ' -f5
grep -o 'data-role="register" data-name="[^"]*"' $d/w.svg
grep -o 'data-role="\(table\|entry\|page\)" data-name="[^"]*"' $d/w.svg
grep -o '>\(cr3 ([^<]*\|= 0x[0-9a-f]*\|[^<]*+ offset[^<]*\|  = pa [^<]*\|TLB [^<]*\)<' $d/w.svg
echo "== a walk of x86_64's vmalloc area: every level the JSON names is drawn"
$PTWALK -q -a x86_64 -c "vmalloc 100; walk \$_ --svg $d/w64.svg" >/dev/null
levels=$($PTWALK -q --json -a x86_64 -c 'vmalloc 100; walk $_' | tail -n 1 | grep -o '"level":"[^"]*","index":[0-9]*' | sed 's/"level":"\([^"]*\)","index":\([0-9]*\)/\1[\2]/')
check_names $d/w64.svg entry $levels

echo "== a walk that faults: drawn to where it stopped, and it still fails"
$PTWALK -q -a arm -c "walk 0x1000 --svg $d/f.svg" >/dev/null 2>&1; echo "exit $?"
wellformed $d/f.svg
grep -o 'data-role="\(fault\|unreached\|entry\)" data-name="[^"]*"' $d/f.svg
grep -o 'class="s-fault"' $d/f.svg | sort -u
$PTWALK -q -a x86_64 -c "walk 0x0000900000000000 --svg $d/nc.svg" 2>&1 | tail -n 1
grep -o 'data-role="fault" data-name="[^"]*"' $d/nc.svg

echo "== maps: every VMA a box with its rights, the present part beside it"
$PTWALK -q -c "touch 0x08049000 x; maps --svg $d/m.svg --png $d/m.png" >/dev/null
wellformed $d/m.svg; check_png $d/m.png
names=$($PTWALK -q --json -c maps | grep -o '"name":"[^"]*"' | sed 's/"name":"\(.*\)"/\1/' | sort -u)
check_names $d/m.svg vma $names
echo "  $(grep -c 'data-role="vma"' $d/m.svg) VMA boxes for $($PTWALK -q -c maps | wc -l) lines of maps"
check_order $d/m.svg vma
grep -o '>present: [^<]*<' $d/m.svg | sort | uniq -c
echo "== ptdump: the mapped ranges; too many are drawn in groups"
$PTWALK -q -a arm -c "ptdump kernel --svg $d/p.svg --pdf $d/p.pdf" | tail -n 1
wellformed $d/p.svg; check_pdf $d/p.pdf
echo "  $(grep -c 'data-role="range"' $d/p.svg) range boxes"
check_order $d/p.svg range
many=$(for i in $(seq 250); do printf 'vmalloc 4096; '; done)
$PTWALK -q -a x86_64 -c "$many ptdump kernel --svg $d/pm.svg" | tail -n 1
wellformed $d/pm.svg
echo "  $(grep -c 'data-role="range"' $d/pm.svg) range boxes"
grep -o '>Too many to draw[^<]*<' $d/pm.svg
check_order $d/pm.svg range

echo "== buddyinfo and zoneinfo: a frame map per zone"
$PTWALK -q -c "buddyinfo --svg $d/b.svg --png $d/b.png; zoneinfo --pdf $d/z.pdf" >/dev/null
wellformed $d/b.svg; check_png $d/b.png; check_pdf $d/z.pdf
zones=$($PTWALK -q -c buddyinfo | sed 's/^Node 0, zone *\([A-Za-z0-9]*\) .*/\1/')
check_names $d/b.svg zone $zones
grep -o '>free blocks by order [^<]*<' $d/b.svg | head -n 1
grep -o '>Too many frames[^<]*<' $d/b.svg
for a in "x86_64 -m 4G" "arm64 -m 4G" "i386-pae -m 4G"; do
	$PTWALK -q -a $a -c "buddyinfo --svg $d/b4.svg" >/dev/null
	wellformed $d/b4.svg
	size=$(wc -c <$d/b4.svg)
	[ "$size" -lt 5000000 ] && echo "  $a: under 5 MB" || echo "  $a: $size bytes"
done

echo "== vmallocinfo: every area a row, its guard page, its frames"
$PTWALK -q -c "vmalloc 100000; vmallocinfo --svg $d/v.svg --png $d/v.png" >/dev/null
wellformed $d/v.svg; check_png $d/v.png
names=$($PTWALK -q -c "vmalloc 100000; vmallocinfo" | grep '^0x.*-0x' | cut -d' ' -f1)
check_names $d/v.svg area $names
echo "  $(grep -c 'data-role="guard"' $d/v.svg) guard pages, $(grep -c 'data-role="gap"' $d/v.svg) gaps, $(grep -c 'class="s-link"' $d/v.svg) lines to frames"
# the areas run down the figure in address order, without overlap
boxes $d/v.svg area | sort -n -k1,1 | awk '
NR > 1 && $1 < py + ph { print "overlap: " $5 }
NR > 1 && $3 <= ps { print "order: " $5 }
{ py = $1; ph = $2; ps = $3 }
END { print "  " NR " area rows, in address order" }'
# the runs of frames vmalloc reports are the runs the figure draws
$PTWALK -q -c "vmalloc 100000" | grep frames
for r in $($PTWALK -q -c "vmalloc 100000" | sed -n 's/.*pfns: //p' | tr -d ',' | sed 's/ ([0-9]*)//g'); do
	grep -q "data-role=\"frames\" data-name=\"$r\"" $d/v.svg && echo "  frames $r drawn" || echo "  frames $r missing"
done
grep -o 'data-role="physical" data-name="[^"]*" data-start="[^"]*" data-end="[^"]*"' $d/v.svg
$PTWALK -q -a x86_64 -c "$many vmallocinfo --svg $d/vm.svg" >/dev/null
wellformed $d/vm.svg
echo "  $(grep -c 'data-role="area"' $d/vm.svg) rows for $($PTWALK -q -a x86_64 -c "$many vmallocinfo" | grep -c '^0x.*-0x') areas"
grep -o '>Too many \(areas\|pages\)[^<]*<' $d/vm.svg
for a in i386-pae x86_64 arm arm64 riscv64; do
	$PTWALK -q -a $a -c "vmalloc 3M; vmallocinfo --svg $d/va.svg" >/dev/null 2>&1 || echo "$a: failed"
	xmllint --noout $d/va.svg && echo "  $a: $(grep -c 'data-role="area"' $d/va.svg) rows, $(grep -c 'class="s-vmallocpg"' $d/va.svg) frame runs"
done

echo "== vmallocinfo of a memory image: the frames from the dump's tables"
xz -dc ../../testdata/images/x86_64.core.xz >$d/core
$PTWALK -q -i $d/core -c "vmallocinfo --svg $d/vi.svg" >/dev/null
wellformed $d/vi.svg
echo "  $(grep -c 'data-role="area"' $d/vi.svg) rows, $(grep -c 'data-role="frames"' $d/vi.svg) runs of frames"
grep -o '>Too many areas[^<]*<' $d/vi.svg
# the first frame of an area is where translate takes its first page
for va in $($PTWALK -q -i $d/core -c vmallocinfo | grep 'pages=' | head -n 3 | cut -c1-18); do
	pa=$($PTWALK -q -i $d/core -c "translate $va" | sed -n 's/.* -> \(0x[0-9a-f]*\) .*/\1/p')
	pfn=$(printf '%#x' $(( $(printf %d $pa) / 4096 )))
	grep -q "data-role=\"frames\" data-name=\"$pfn-" $d/vi.svg && echo "  $va -> pfn $pfn: drawn" || echo "  $va -> pfn $pfn: not drawn"
done
rm -f $d/core

echo "== slab NAME: each slab's objects, the free list in order, the pages"
$PTWALK -q -c "kmem_cache_create foo 200; kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo; kfree \$_; slab foo --svg $d/s.svg --png $d/s.png" | sed -n '/cpu0/p'
wellformed $d/s.svg; check_png $d/s.png
grep -o 'data-role="slab" data-name="[^"]*"' $d/s.svg
grep -o '>cpu0 slab [^<]*<\|>[0-9]*/[0-9]* in use[^<]*<' $d/s.svg
echo "  $(grep -c 'data-role="free"' $d/s.svg) free objects, $(grep -c 'class="s-freeptr" x=' $d/s.svg) free pointers (one in the legend), $(grep -c 'marker-end' $d/s.svg) arrows"
# 1 is on the object at the head of the free list: the one freed last
first=$($PTWALK -q -c "kmem_cache_create foo 200; kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo; kfree \$_; slab foo" | grep '^  cpu0' | sed -n 's/.*freelist \(0x[0-9a-f]*\).*/\1/p')
echo "  freelist head $first: object $(( ($(printf %d $first) - $(printf %d 0xc3001000)) / 200 ))"
# objects of 200 bytes are 860 * 200 / 4096 pixels wide, from x = 20
for k in 1 2 18; do
	sed -n "s/.*x=\"\([0-9.]*\)\"[^>]*>$k<\/text>.*/\1/p" $d/s.svg |
		awk -v k=$k '{ printf "  numbered %d: object %d\n", k, ($1 - 20) / (860 * 200 / 4096) }'
done
$PTWALK -q -a x86_64 -c "kmalloc 8; slab kmalloc-8 --svg $d/s8.svg; kmem_cache_create big 3000; kmem_cache_alloc big; slab big --pdf $d/sb.pdf" >/dev/null
wellformed $d/s8.svg; check_pdf $d/sb.pdf
grep -o '>Too many objects[^<]*<' $d/s8.svg
more=$(for i in $(seq 700); do printf 'kmem_cache_alloc many; '; done)
$PTWALK -q -c "kmem_cache_create many 1000; $more slab many --svg $d/sm.svg" >/dev/null
wellformed $d/sm.svg
echo "  $(grep -c 'data-role="slab"' $d/sm.svg) slab rows"
grep -o '>Too many slabs[^<]*<' $d/sm.svg

echo "== buddyinfo and zoneinfo of a memory image: frames from the dump's struct pages"
xz -dc ../../testdata/images/x86_64.core.xz >$d/core
$PTWALK -q -i $d/core -c "buddyinfo --svg $d/bi.svg; zoneinfo --png $d/zi.png" >/dev/null
wellformed $d/bi.svg; check_png $d/zi.png
zones=$($PTWALK -q -i $d/core -c buddyinfo | sed 's/^Node 0, zone *\([A-Za-z0-9]*\) .*/\1/')
check_names $d/bi.svg zone $zones
# the free frames drawn are the zone's free pages (nr_free_pages)
grep -o '>pfn [^<]*free pages<\|>free [0-9]*K[^<]*<' $d/bi.svg | sed 's/^>//; s/<$//' |
	awk '/^pfn/ { n = $(NF - 2) } /^free/ { k = $2; sub(/K,?$/, "", k); print "  " n " free pages, " k / 4 " drawn free" }'
grep -o '>From the memory image[^<]*<' $d/bi.svg
echo "== a figure drawn on the simulated machine only, asked of an image"
$PTWALK -q -i $d/core -c "slab kmalloc-64 --svg $d/sl.svg; maps 1 --svg $d/m.svg" 2>&1 >/dev/null | sed "s|$d|DIR|g"
test -e $d/sl.svg || echo "  no file written"
rm -f $d/core

echo "== bad input"
$PTWALK -q -c "meminfo --svg $d/x.svg; layout --svg; layout --svg= ; walk 0 --png $d/nosuchdir/w.png" 2>&1 >/dev/null | hide
mkdir $d/dir
$PTWALK -q -c "layout --svg $d/dir; layout --pdf $d/dir" 2>&1 >/dev/null | hide
# a file in the way of a path is kept as it was
echo keep > $d/old.svg
$PTWALK -q -c "layout --svg $d/old.svg/new.svg" 2>&1 >/dev/null | hide
cat $d/old.svg
(cd $d && ls dir)
# a file that is written is whole or not there: no temporary is left
ls $d | grep -c '\.svg\.\|\.png\.\|\.pdf\.'
echo "== help, completion and the options of a command without a figure"
$PTWALK -q -c 'help layout' | sed -n '/^options:/,$p'
$PTWALK -q -c 'walk 0 --json-nosuch' 2>&1
