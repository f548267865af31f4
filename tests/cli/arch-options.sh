# The machine options that only some arches take are refused, naming the
# arches they apply to: every --cpu feature either way, --vmalloc, every
# --kernel variant, --va-bits, on every arch.
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	echo "$a:"
	for o in "--cpu pse" "--cpu nopse" "--cpu pge" "--cpu nopge" \
		 "--cpu nx" "--cpu nonx" "--cpu gbpages" "--cpu nogbpages" \
		 "--cpu pcid" "--cpu nopcid" "--cpu pse36" "--cpu nopse36" \
		 "--cpu hafdbs" "--cpu nohafdbs" "--cpu meltdown" \
		 "--cpu nomeltdown" "--vmalloc 64M" \
		 "--kernel 2.6" "--kernel 3.4" "--kernel 5.4" "--kernel 6.1" \
		 "--kernel 6.1-rodata-full" "--kernel 9.9" "--va-bits 48" "--va-bits 39"; do
		out=$($PTWALK -q -a $a $o -c 'echo ok' 2>&1)
		echo "  $o: $out" | head -n 1
	done
done
