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
