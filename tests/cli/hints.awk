# For hints.sh: a golden transcript's commands, each followed by the hints
# its output gives (once each), as one script on stdout; the line of each
# hint in the script, and the hint, to the file `map`.
# names: the commands and aliases; needargs: the commands that need an
# argument; holders: the placeholders of the usage strings.
BEGIN {
	n = split(names, a, /[ \n]+/); for (i = 1; i <= n; i++) C[a[i]] = 1
	n = split(needargs, a, /[ \n]+/); for (i = 1; i <= n; i++) A[a[i]] = 1
	n = split(holders, a, /[ \n]+/); for (i = 1; i <= n; i++) H[a[i]] = 1
}
function hint(h,   w, n, i, c, t, id) {
	n = split(h, w, " ")
	if (n == 0 || h in seen)
		return
	c = w[1]
	sub(/\/.*/, "", c)
	if (!(c in C) || (n == 1 && (c in A)))
		return
	for (i = 2; i <= n; i++) {
		# a placeholder: a word of the usage strings, or an
		# upper-case name without an underscore (INDEX, PADDR)
		if (w[i] in H || w[i] ~ /_ADDR$/)
			return
		t = w[i]
		while (match(t, /[A-Za-z_][A-Za-z0-9_]*/)) {
			id = substr(t, RSTART, RLENGTH)
			if (id ~ /^[A-Z]+$/)
				return
			t = substr(t, RSTART + RLENGTH)
		}
	}
	seen[h] = 1
	# leaving ptwalk ends the script: quit last
	if (c == "quit" || c == "q")
		last[++nlast] = h
	else
		pend[++npend] = h
}
function flush(   i) {
	for (i = 1; i <= npend; i++) {
		print pend[i]
		print ++ln "\t" pend[i] > map
	}
	npend = 0
}
/^ptwalk> / {
	flush()
	print substr($0, 9)
	ln++
	next
}
{
	# hint() matches too: keep RSTART and RLENGTH of this match
	line = $0
	while (match(line, /try: [^)]*\)/)) {
		s = RSTART; l = RLENGTH
		hint(substr(line, s + 5, l - 6))
		line = substr(line, s + l)
	}
	line = " " $0 " "
	while (match(line, /[ (]'[^']+'[ ,.:;)]/)) {
		s = RSTART; l = RLENGTH
		hint(substr(line, s + 2, l - 4))
		line = substr(line, s + l - 1)
	}
}
END {
	flush()
	for (i = 1; i <= nlast; i++) {
		print last[i]
		print ++ln "\t" last[i] > map
	}
}
