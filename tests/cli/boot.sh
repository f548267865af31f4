# --boot: an unknown or missing word is a usage error naming the words;
# booted where no record applies says why; machine says which.
for o in "--boot warm" "--boot BOOTED" "--boot=" "--boot"; do
	out=$($PTWALK -q -a x86_64 $o 2>&1 </dev/null)
	echo "[exit $?] $out" | head -n 1
done
for o in "-a x86_64-la57 --boot booted" "-a x86_64 --nodes 2 --boot booted"; do
	$PTWALK -q $o -c 'echo ok' 2>&1; echo "[exit $?]"
done
# the default, clean and booted on the guest's RAM, scaled on half of it
for o in "-a x86_64 -m 128M" "-a x86_64 -m 128M --boot clean" \
	 "-a x86_64 -m 96M --boot booted" "-a x86_64-la57" \
	 "-a x86_64 --nodes 2"; do
	echo "$o:"
	COLUMNS=400 $PTWALK -q $o -c machine 2>&1 | grep -A1 '^boot'
done
# in JSON
$PTWALK -q -a x86_64 -m 128M --json -c machine | grep -o '"boot[a-z_]*":[^,]*'
# the arch's static vm areas are its own, booted or clean, at any RAM size:
# a record's early areas over RAM are not replayed (arm: the CMA remap;
# arm64: the image's segments, smaller here than in Debian's kernel)
for o in "-a arm -m 1G" "-a arm -m 256M --boot clean" "-a arm64 -m 1G"; do
	echo "$o:"
	COLUMNS=400 $PTWALK -q $o -c machine 2>&1 | grep -A1 '^boot' | cut -c1-60
	$PTWALK -q $o -c vmallocinfo | grep -E 'iotable_init|pci_reserve_io|map_kernel' | head -3
done
