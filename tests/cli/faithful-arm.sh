# The 6.1 arm and arm64 machines against the real Debian bookworm guests
# of testdata/images (QEMU virt, 256M, nokaslr): the guest's own
# /proc/meminfo, /proc/zoneinfo, /proc/vmallocinfo, /proc/iomem, dmesg and
# System.map, field by field.  Each field states its tolerance:
#   exact   the same number or address
#   N%      |simulated - guest| <= N% of the guest's value
# A field outside its tolerance prints MISMATCH with both values and the
# script exits 1.  FAITHFUL_VERBOSE=1 prints every value.
img=../../testdata/images
bad=0
n=0

# check FIELD TOLERANCE SIMULATED GUEST
check() {
	n=$((n + 1))
	if [ -z "$3" ] || [ -z "$4" ]; then
		echo "  MISMATCH $1: simulated '$3', guest '$4' (a value is missing)"
		bad=$((bad + 1))
		return
	fi
	if [ "$2" = exact ]; then
		s=$(echo "$3" | tr 'A-F' 'a-f'); g=$(echo "$4" | tr 'A-F' 'a-f')
		if [ "$s" = "$g" ]; then r=ok; else r=MISMATCH; fi
		d=
	else
		set -- "$1" "$2" "$3" "$4" "$(awk -v s="$3" -v g="$4" 'BEGIN {
			d = s - g; p = g ? 100 * d / g : (d ? 100 : 0)
			printf "%+.2f%%", p }')"
		r=$(awk -v s="$3" -v g="$4" -v t="${2%\%}" 'BEGIN {
			d = s - g; if (d < 0) d = -d
			print (d <= t * (g < 0 ? -g : g) / 100) ? "ok" : "MISMATCH" }')
		d=" ($5)"
	fi
	if [ "$r" != ok ]; then
		echo "  MISMATCH $1: simulated $3, guest $4$d, tolerance $2"
		bad=$((bad + 1))
	elif [ -n "$FAITHFUL_VERBOSE" ]; then
		echo "  ok $1: simulated $3, guest $4$d, tolerance $2"
	fi
}

# section NAME: one @@ section of the guest's view
section() { awk -v s="@@ $1" '$0 == s || $0 == s " " { on = 1; next }
	/^@@ / { on = 0 } on' "$view"; }
# zone FIELD ZONE: a zone's number in zoneinfo text on stdin
zone() { awk -v z="$2" -v f="$1" '
	/^Node/ { cur = $NF } cur == z && $1 == f { print $2; exit }
	cur == z && f == "start_pfn:" && $1 == f { print $2; exit }'; }
sym() { $PTWALK -a "$arch" -m 256M -c "print $1" | sed -n 's/^\$1 = //p'; }
hex() { printf '0x%x' "$1"; }

for arch in arm arm64; do
	echo "$arch (6.1, 256M, against testdata/images/$arch.view.xz):"
	view=$(mktemp)
	xz -dc "$img/$arch.view.xz" >"$view"
	sim_mi=$($PTWALK -a "$arch" -m 256M -c meminfo)
	sim_zi=$($PTWALK -a "$arch" -m 256M -c zoneinfo)
	real_zi=$(section /proc/zoneinfo)

	check "meminfo MemTotal (kB)" 0.5% \
		"$(echo "$sim_mi" | awk '$1 == "MemTotal:" { print $2 }')" \
		"$(section /proc/meminfo | awk '$1 == "MemTotal:" { print $2 }')"
	check "meminfo VmallocTotal (kB)" exact \
		"$(echo "$sim_mi" | awk '$1 == "VmallocTotal:" { print $2 }')" \
		"$(section /proc/meminfo | awk '$1 == "VmallocTotal:" { print $2 }')"
	for z in $(echo "$real_zi" | awk '/^Node/ { print $NF }'); do
		f=start_pfn:
		[ "$(echo "$real_zi" | zone spanned "$z")" = 0 ] ||
			check "zoneinfo $z start_pfn" exact \
				"$(echo "$sim_zi" | zone "$f" "$z")" \
				"$(echo "$real_zi" | zone "$f" "$z")"
		for f in spanned present cma; do
			check "zoneinfo $z ${f%:}" exact \
				"$(echo "$sim_zi" | zone "$f" "$z")" \
				"$(echo "$real_zi" | zone "$f" "$z")"
		done
		# managed: within 1 %; the watermarks follow min_free_kbytes,
		# which the guest computes before free_initmem() and the
		# initrd's release add their pages: within 2 %
		check "zoneinfo $z managed" 1% \
			"$(echo "$sim_zi" | zone managed "$z")" \
			"$(echo "$real_zi" | zone managed "$z")"
		for f in min low high; do
			check "zoneinfo $z $f" 2% \
				"$(echo "$sim_zi" | zone "$f" "$z")" \
				"$(echo "$real_zi" | zone "$f" "$z")"
		done
		check "zoneinfo $z protection" exact \
			"$(echo "$sim_zi" | awk -v z="$z" '/^Node/ { c = $NF }
				c == z && /protection/ { print $2 $3 $4 $5; exit }')" \
			"$(echo "$real_zi" | awk -v z="$z" '/^Node/ { c = $NF }
				c == z && /protection/ { print $2 $3 $4 $5; exit }')"
	done
	# where RAM and the kernel are (iomem), the zones' sizes (dmesg)
	check "PHYS_OFFSET (iomem System RAM)" exact \
		"$($PTWALK -a "$arch" -m 256M -c machine | sed -n \
			's/^RAM .* at \(0x[0-9a-f]*\)-.*/\1/p' | sed 's/0x0*/0x/')" \
		"0x$(section /proc/iomem | awk '/System RAM/ { split($1, a, "-");
			sub(/^0*/, "", a[1]); print tolower(a[1]); exit }')"
	check "Kernel code start (iomem)" exact \
		"$($PTWALK -a "$arch" -m 256M -c "pa $(
			[ $arch = arm ] && echo _text || echo _stext)" |
			sed -n 's/^\$1 = 0x0*/0x/p')" \
		"0x$(section /proc/iomem | awk '/Kernel code/ { split($1, a, "-");
			sub(/^0*/, "", a[1]); print tolower(a[1]); exit }')"
	if [ $arch = arm ]; then
		map=$(mktemp)
		xz -dc "$img/arm.System.map.xz" >"$map"
		for s in _text _stext _etext __init_begin __init_end _sdata \
		    _edata _end swapper_pg_dir; do
			check "System.map $s" exact "$(sym $s)" \
				"0x$(awk -v s=$s '$3 == s { print $1; exit }' "$map")"
		done
		rm -f "$map"
		check "PAGE_OFFSET (CONFIG_PAGE_OFFSET)" exact "$(sym PAGE_OFFSET)" \
			"$(section /boot/config-6.1.0-57-armmp | sed -n \
			's/^CONFIG_PAGE_OFFSET=//p' | tr 'A-F' 'a-f' | sed 's/0x/0x/')"
		# high_memory: PAGE_OFFSET + the lowmem zones' span
		check "high_memory (zoneinfo DMA + Normal)" exact \
			"$(sym high_memory)" "$(hex $((0xc0000000 + 4096 * (
			$(echo "$real_zi" | zone spanned DMA) +
			$(echo "$real_zi" | zone spanned Normal)))))"
		# VMALLOC_END: the per-CPU chunk pcpu_get_vm_areas takes
		# from the top; VMALLOC_START: VMALLOC_END - VmallocTotal
		vend=$(section /proc/vmallocinfo | awk '/pcpu_get_vm_areas/ {
			split($1, a, "-"); print a[2]; exit }')
		check "VMALLOC_END (vmallocinfo per-CPU chunk)" exact \
			"$(sym VMALLOC_END)" "$vend"
		check "VMALLOC_START (VMALLOC_END - VmallocTotal)" exact \
			"$(sym VMALLOC_START)" "$(hex $((vend - 1024 * $(section \
			/proc/meminfo | awk '$1 == "VmallocTotal:" { print $2 }'))))"
	else
		# not checked: the image is a defconfig-sized 6.1 Image,
		# smaller than Debian's (Kernel code/data ends in iomem)
		for e in "Kernel code:__init_begin" "Kernel data:_end"; do
			echo "  not checked: ${e%%:*} end: simulated $($PTWALK -a \
			arm64 -m 256M -c "pa ${e#*:} - 1" | sed -n \
			's/^\$1 = 0x0*/0x/p'), guest 0x$(section /proc/iomem |
			awk -v w="${e%%:*}" 'index($0, w) { split($1, a, "-");
			sub(/^0*/, "", a[2]); print a[2]; exit }')"
		done
		# the kernel text's vm area: from _stext, not _text
		check "kernel text vm area (vmallocinfo)" exact \
			"$($PTWALK -a arm64 -m 256M -c vmallocinfo | awk \
			'/map_kernel/ { split($1, a, "-"); print a[1]; exit }')" \
			"$(section /proc/vmallocinfo | awk '/paging_init/ {
			split($1, a, "-"); print a[1]; exit }')"
	fi
	check "CMA base (dmesg cma: Reserved)" exact "$(sym CMA_BASE)" \
		"$(section dmesg | sed -n \
		's/.*cma: Reserved .* at 0x0*\([0-9a-f]*\)$/0x\1/p')"
	rm -f "$view"
done
echo "$n fields compared, $bad outside their tolerance"
[ $bad -eq 0 ] || exit 1
