# Every command's text output fits 80 columns (the width when the output is
# not a terminal): the commands of every golden transcript, a tour of each
# arch and every command's help.  A line may be wider only in a command that
# prints a /proc file's format (declared CMD_PROCFMT: the kernel's columns
# are kept) or when it is one word that cannot be broken (a path, a GFP
# mask).  Error messages go to stderr as one line each and are not checked.
procfmt=$(awk '/^\t\.name = "/ { split($0, q, "\""); name = q[2] }
	/^\t\.flags = .*CMD_PROCFMT/ { print name }' ../../cmds/*.c | tr '\n' ' ')
echo "/proc formats: $procfmt"
# wide LABEL < output: the lines of the output wider than 80 columns
wide() {
	awk -v procs="$procfmt" -v label="$1" '
	BEGIN { n = split(procs, a, " "); for (i = 1; i <= n; i++) P[a[i]] = 1 }
	/^ptwalk> / { split($2, w, "/"); c = w[1]; next }
	c in P { next }
	/^\{/ { next }	# JSON: one object per line
	length($0) > 80 && $0 ~ /[^ ] +[^ ]/ { print label ": " c ": " $0 }'
}
COLUMNS=80
export COLUMNS
# the transcripts run in a scratch copy of testdata (tests/golden.sh)
. ../golden.sh
top=$(cd ../.. && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
golden_scratch "$top" "$scratch" || exit 1
cd "$scratch/golden" || exit 1
for c in *.cmd; do
	args=$(sed -n 's/^# args: //p' "$c" | head -n 1)
	golden_args "$args" || continue
	set -f
	# shellcheck disable=SC2086 # the words of the line, no globbing
	set -- $args
	set +f
	"$PTWALK" --quiet --echo "$@" "$c" 2>/dev/null </dev/null | wide "$c"
done
tour='machine; layout; cpus; walk PAGE_OFFSET + 0x1234; translate PAGE_OFFSET;
pte PAGE_OFFSET; ptdump kernel; x/16xb PAGE_OFFSET; pa PAGE_OFFSET; xp $_ 48; ps; maps;
touch AT_ENTRY x; kmalloc 100; whatis $_; slab kmalloc-128; vmalloc 100000;
whatis $_; vmallocinfo; fixmap; tlb; tlb stats; buddyinfo; zoneinfo;
slabinfo; meminfo; smaps; fork; switch 2; exit; help'
for a in i386 i386-pae x86_64 x86_64-la57 arm arm64; do
	"$PTWALK" --quiet --echo --arch "$a" -c "$tour" 2>/dev/null </dev/null |
		wide "tour of $a"
done
for n in $("$PTWALK" --quiet --json -c help | tr '{' '\n' |
	   sed -n 's/^"name":"\([^"]*\)".*/\1/p'); do
	"$PTWALK" --quiet --echo -c "help $n" 2>/dev/null </dev/null |
		wide "help $n"
done
echo "checked: the goldens, the tour of each arch, every command's help"
