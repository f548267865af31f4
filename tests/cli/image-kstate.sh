# The kernel's state read from each real dump (testdata/images) against the
# guest's own view printed just before the dump (NAME.view.xz):
#   dmesg        every line of the view's dmesg, exactly, in order (the log
#                only grows between the view and the dump)
#   buddyinfo    the same zones in the same order; the free pages of each
#                zone (sum of nr_free << order) within 256 pages (1 MiB):
#                the guest's last commands allocate and free between the
#                two
#   zoneinfo     the view's zones, in order, each with the view's spanned
#                pages exactly and its free pages within 256; where the
#                dump has BTF, the watermarks, present and managed exactly
#   meminfo      each line the dump gives (zones, and where the dump has BTF
#                the nodes' and zones' vm_stat counters): the totals exactly,
#                the others (free pages, counters) within 2048 kB
#   vmallocinfo  every area of the view in the dump with the same range and
#                size, except task stacks (kernel_clone) and unpurged areas,
#                which processes exiting in between change; where the dump
#                has BTF, the same whole lines (a caller in a module reads
#                as an address: module symbols are not read)
#   slabinfo     where the dump has BTF and slab_caches: the view's caches
#                in its order with the same object size and slab geometry
#                exactly; the caches whose counts changed in between listed
#   layout       on x86_64 the bases the kernel's own variables hold
#                (page_offset_base, vmalloc_base, vmemmap_base, read at the
#                addresses of the view's /proc/kallsyms)
#   page         one free block head and one page inside it, from buddyinfo
dir=../../testdata/images
sect() { awk -v s="$1" '/^@@ /{c=substr($0,4);next} c==s' "$2"; }
for name in x86_64 x86_64-kaslr arm64 i386 i386-1g i386-pae-1g; do
	[ -f "$dir/$name.core.xz" ] || continue
	t=$(mktemp -d)
	xz -dc "$dir/$name.core.xz" >"$t/core"
	xz -dc "$dir/$name.view.xz" >"$t/view"
	# dmesg
	sect dmesg "$t/view" >"$t/vd"
	$PTWALK -q -i "$t/core" -c dmesg >"$t/d" 2>"$t/err"
	n=$(wc -l <"$t/vd")
	if head -n "$n" "$t/d" | cmp -s - "$t/vd"; then
		echo "$name: dmesg: the view's $n lines exactly ($(wc -l <"$t/d") in the dump)"
	else
		echo "$name: dmesg differs from the view:"
		head -n "$n" "$t/d" | diff - "$t/vd" | head -5
	fi
	cat "$t/err"
	# buddyinfo
	sect /proc/buddyinfo "$t/view" >"$t/vb"
	if $PTWALK -q -i "$t/core" -c buddyinfo >"$t/b" 2>"$t/err"; then
		paste -d'\n' "$t/vb" "$t/b" | awk -v name="$name" '
		{ f = 0; for (i = 5; i <= NF; i++) f += $i * 2 ^ (i - 5) }
		NR % 2 { v = f; z = $4; next }
		{ d = f - v; if (d < 0) d = -d
		  w = d <= 256 ? "free pages within 256 of the view" : "free pages " f " vs " v " in the view"
		  printf "%s: buddyinfo %s: %s\n", name, $4 == z ? z : $4 " (view: " z ")", w }'
	else
		sed "s/^-c:1: /$name: /" "$t/err"
	fi
	# zoneinfo
	for f in view dump; do
		if [ $f = view ]; then sect /proc/zoneinfo "$t/view"
		else $PTWALK -q -i "$t/core" -c zoneinfo 2>"$t/err"; fi |
		awk '/^Node/ { z = $4 } /^  pages free/ { f[z] = $3 }
		     /^ +(min|low|high|present|managed) / { x[z] = x[z] $1 "=" $2 "," }
		     /^ +spanned/ { s[z] = $2; o[n++] = z }
		     END { for (i = 0; i < n; i++) print o[i], s[o[i]], f[o[i]], x[o[i]] "." }' >"$t/z$f"
	done
	[ -s "$t/zdump" ] || sed "s/^-c:1: /$name: /" "$t/err"
	[ -s "$t/zdump" ] && paste -d' ' "$t/zview" "$t/zdump" | awk -v name="$name" '
	{ d = $3 - $7; if (d < 0) d = -d
	  ok = $1 == $5 && $2 == $6 && d <= 256
	  w = $8 == "." ? "" : $4 == $8 ? ", watermarks, present and managed as the view" : ", view " $4 " dump " $8
	  print name ": zoneinfo " $1 ": " (ok ? "spanned " $2 ", free within 256 of the view" w : "view " $0) }'
	[ ! -s "$t/zdump" ] || [ "$(wc -l <"$t/zview")" = "$(wc -l <"$t/zdump")" ] ||
		echo "$name: zoneinfo: $(wc -l <"$t/zdump") zones, the view $(wc -l <"$t/zview")"
	# meminfo
	$PTWALK -q -i "$t/core" -c meminfo 2>"$t/err" >"$t/m"
	sect /proc/meminfo "$t/view" | awk -v name="$name" '
	NR == FNR { v[$1] = $2; next }
	{ d = $2 - v[$1]; if (d < 0) d = -d
	  ok = $1 ~ /Total:$/ ? d == 0 : d <= 2048
	  print name ": meminfo " $1 " " (ok ? "as the view" : $2 " kB, the view " v[$1] " kB") }' - "$t/m"
	sed "s/^-c:1: /$name: /" "$t/err" | sort -u
	# vmallocinfo: by range, and whole lines where the types give callers
	sect /proc/vmallocinfo "$t/view" | grep -v -e kernel_clone -e 'unpurged vm_area' |
		sort >"$t/vv"
	$PTWALK -q -i "$t/core" -c vmallocinfo >"$t/v" 2>"$t/err"
	awk '{ print $1, $2 }' "$t/v" | sort >"$t/vr"
	miss=$(awk '{ print $1, $2 }' "$t/vv" | sort | comm -23 - "$t/vr" | wc -l)
	lines=$(sort "$t/v" | comm -23 "$t/vv" - | wc -l)
	echo "$name: vmallocinfo: $(wc -l <"$t/v") areas; of the view's $(wc -l <"$t/vv") lasting ones $miss missing, $lines lines not the same"
	if grep -q 'vm_struct not at all' "$t/err"; then
		sed "s/^-c:1: /$name: /" "$t/err"
	else
		sort "$t/v" | comm -23 "$t/vv" - | sed "s/^/$name: view only: /"
	fi
	# slabinfo
	sect /proc/slabinfo "$t/view" | awk 'NR > 2 { print $1, $4, $5, $6 }' >"$t/sv"
	if $PTWALK -q -i "$t/core" -c slabinfo >"$t/s" 2>"$t/err"; then
		awk 'NR > 2 { print $1, $4, $5, $6 }' "$t/s" >"$t/sd"
		cmp -s "$t/sv" "$t/sd" &&
			echo "$name: slabinfo: the view's $(wc -l <"$t/sv") caches in order, sizes and slabs exactly" ||
			echo "$name: slabinfo: caches or sizes differ from the view"
		sect /proc/slabinfo "$t/view" | sed 1,2d | sort >"$t/svl"
		sed 1,2d "$t/s" | sort | comm -23 "$t/svl" - | awk -v name="$name" \
			'{ c = c " " $1 } END { print name ": slabinfo: counts changed:" c }'
	else
		sed "s/^-c:1: /$name: /" "$t/err"
	fi
	# layout: the kernel's variables
	if sect /proc/kallsyms "$t/view" | grep -q ' vmalloc_base$'; then
		for v in page_offset_base:PAGE_OFFSET vmalloc_base:VMALLOC_START; do
			a=$(sect /proc/kallsyms "$t/view" | awk -v s="${v%%:*}" '$3 == s { print $1 }')
			real=$($PTWALK -q -i "$t/core" -c "x/gx 0x$a" | awk 'NR == 1 { print $2 }')
			got=$($PTWALK -q -i "$t/core" -c layout | tr ' ' '\n' | grep -A1 "^${v#*:}$" | tail -1)
			[ "$real" = "$got" ] && echo "$name: layout ${v#*:} is ${v%%:*} ($got)" ||
				echo "$name: layout ${v#*:} $got, ${v%%:*} holds $real"
		done
		a=$(sect /proc/kallsyms "$t/view" | awk '$3 == "vmemmap_base" { print $1 }')
		real=$($PTWALK -q -i "$t/core" -c "x/gx 0x$a" | awk 'NR == 1 { print $2 }')
		$PTWALK -q -i "$t/core" -c layout | grep -q "^vmemmap  *$real " &&
			echo "$name: layout vmemmap starts at vmemmap_base ($real)" ||
			echo "$name: layout vmemmap is not at vmemmap_base $real"
	fi
	# page: the frame at 3/4 of RAM (in the last free blocks) and the one
	# after it
	ram=$(sect fixture "$t/view" | awk '$1 == "ram:" { print $2 }')
	base=0; [ "$name" = arm64 ] && base=$((0x40000))
	pfn=$(( (base + ram * 256 * 3 / 4) / 1024 * 1024 ))
	$PTWALK -q -i "$t/core" -c "page $pfn; page $((pfn + 1))" 2>&1 |
		grep -E '^(page|  state|  _mapcount|  flags)' | sed "s/^/$name: /"
	rm -rf "$t"
done
