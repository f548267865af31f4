# Every hint a command prints works as typed.  A hint is a command line
# quoted in the output ('lab check', 'maps', 'touch 0x0804b000 r') or
# after "try: "; each one found in a golden transcript runs in the state
# where it was printed (the transcript's commands up to that point), and
# the line itself must be right: a known command, its usage, symbols and
# numbers that parse.  What it then finds is the machine's business (a
# walk may fault, 'lab check' fails until the answers are right).  Templates with a placeholder of the usage strings
# ('xp/w PADDR', 'lab start N') are skipped, and so is a bare command
# name that needs arguments ('x' shows it: the command, not a line).
# A layout names the symbols of its walks, a machine its struct page
# array: each of those names must be known to sym.
top=$(cd ../.. && pwd)
names=$("$PTWALK" -q --json -c help | tr '{' '\n' |
	sed -n 's/^"name":"\([^"]*\)".*/\1/p')
aliases=$(grep -h '^	\.aliases = ' "$top"/cmds/*.c | sed 's/.*"\(.*\)".*/\1/')
# (the names and aliases of the entries with a min_args of 1 or more)
needargs=$(awk '/^\t\.name = "/ { split($0, q, "\""); n = q[2]; a = "" }
	/^\t\.aliases = "/ { split($0, q, "\""); a = q[2] }
	/^\t\.min_args = [1-9]/ { print n; if (a != "") print a }' "$top"/cmds/*.c)
holders=$(grep -h '^	\.usage = ' "$top"/cmds/*.c | grep -o '[A-Z][A-Z_]*' | sort -u)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the transcripts run in a scratch copy of testdata (tests/golden.sh)
. "$top/tests/golden.sh"
golden_scratch "$top" "$tmp/data" || exit 1
# errors that say the line is wrong, not the machine's state
wrong="unknown command|ambiguous command|usage:|unknown symbol|unknown variable|no symbol|not a number|unknown letter|unknown option|needs a|takes no|unexpected|expected|syntax"
nhint=0
cd "$tmp/data/golden" || exit 1
for c in *.cmd; do
	name=${c%.cmd}
	args=$(sed -n 's/^# args: //p' "$c" | head -n 1)
	golden_args "$args" || continue
	set -f
	# shellcheck disable=SC2086 # the words of the line, no globbing
	set -- $args
	set +f
	: >"$tmp/map"
	awk -v names="$names $aliases" -v needargs="$needargs" \
		-v holders="$holders" -v map="$tmp/map" \
		-f "$top/tests/cli/hints.awk" "$name.out" >"$tmp/s.cmd"
	[ -s "$tmp/map" ] || continue
	"$PTWALK" --quiet "$@" -c 'set redirect on' "$tmp/s.cmd" </dev/null 2>&1 >/dev/null |
		grep -E "$wrong" >"$tmp/err"
	while IFS='	' read -r ln h; do
		grep "^$tmp/s.cmd:$ln: " "$tmp/err" | while read -r l; do
			echo "$name: '$h': ${l#"$tmp/s.cmd:"*": "}"
		done
		nhint=$((nhint + 1))
	done <"$tmp/map"
done
# and the hints of every command's help, on the default machine
for n in $names; do printf 'help %s\n' "$n"; done >"$tmp/help.cmd"
"$PTWALK" --quiet --echo "$tmp/help.cmd" >"$tmp/help.out" 2>&1 </dev/null
: >"$tmp/map"
awk -v names="$names $aliases" -v needargs="$needargs" -v holders="$holders" \
	-v map="$tmp/map" -f "$top/tests/cli/hints.awk" "$tmp/help.out" >"$tmp/s.cmd"
"$PTWALK" --quiet -c 'set redirect on' "$tmp/s.cmd" </dev/null 2>&1 >/dev/null |
	grep -E "$wrong" >"$tmp/err"
while IFS='	' read -r ln h; do
	grep "^$tmp/s.cmd:$ln: " "$tmp/err" | while read -r l; do
		echo "help: '$h': ${l#"$tmp/s.cmd:"*": "}"
	done
	nhint=$((nhint + 1))
done <"$tmp/map"
[ "$nhint" -ge 30 ] && echo "hints in the goldens: at least 30, each works" ||
	echo "only $nhint hints found in the goldens"
# the names layout's walks and machine's struct page array give
names_of='s/.*-> walk VADDR (\([a-z_][a-z0-9_]*\)).*/\1/p
s/^mem_map .*: \(mem_map\|vmemmap\) 0x.*/\1/p'
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	"$PTWALK" -q -a "$a" -c 'layout; machine' 2>&1 |
		sed -n "$names_of" | sort -u >"$tmp/names"
	[ -s "$tmp/names" ] || echo "$a: no names in layout and machine"
	while read -r s; do
		"$PTWALK" -q -a "$a" -c "sym $s" >/dev/null 2>"$tmp/err" ||
			echo "$a: $(cat "$tmp/err")"
	done <"$tmp/names"
done
echo "done"
