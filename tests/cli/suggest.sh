# Unknown and ambiguous command names: a prefix of several commands lists
# them (one letter too), other letter cases are suggested, never run.
for w in k w z WALK Walk WAL W 'WALK 0xc0000000' VTOP wlak 'help WALK' 'help k' zzzzzzzzz; do
	printf '%-18s ' "$w:"
	$PTWALK -c "$w" 2>&1 | sed 's/^-c:1: //'
done
