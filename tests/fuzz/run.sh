#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Running the libFuzzer harnesses of tests/fuzz (built by `make fuzz-build`
# into FUZZ_BUILD, normally build/fuzz).
#
#   run.sh fuzz FUZZ_BUILD SECONDS [NAME...]
#       fuzz each harness (or the NAMEs) for SECONDS from the seeds; the
#       corpus grows in FUZZ_BUILD/corpus/NAME, what crashes is written to
#       FUZZ_BUILD/artifacts/NAME/, and a line per run is added to
#       FUZZ_BUILD/fuzz.log (executions, new inputs, crashes); with
#       FUZZ_RUNS=N set, each stops after N executions instead (or SECONDS)
#   run.sh seeds FUZZ_BUILD NAME
#       prepare FUZZ_BUILD/seed/NAME and print the harness's options
#
# The harnesses: script (command files), expr (expressions and word
# splitting), elf (the ELF loader on each arch), image (memory images),
# lab (lab answers).  See tests/fuzz/README.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
mode=$1
fb=$2
case $fb in /*) ;; *) fb=$top/$fb;; esac
shift 2
names="script expr elf image lab"

# libFuzzer options of each harness: the input size cap and the time one
# input may take.  The harnesses that keep a booted machine between inputs
# skip libFuzzer's per-input leak check (the machine is not a leak; a leak
# is still reported when the process ends).
opts() {
	case $1 in
	script) echo "-max_len=1024 -timeout=10 -detect_leaks=0 -dict=$top/tests/fuzz/script.dict";;
	expr)   echo "-max_len=1024 -timeout=5";;
	elf)    echo "-max_len=131072 -timeout=10 -detect_leaks=0";;
	image)  echo "-max_len=262144 -timeout=10";;
	lab)    echo "-max_len=512 -timeout=10";;
	esac
}

# The seeds of a harness, gathered into FUZZ_BUILD/seed/NAME.
seeds() {
	d=$fb/seed/$1
	rm -rf "$d"
	mkdir -p "$d"
	case $1 in
	script)
		# the golden scripts cut into pieces of three command lines,
		# each with the golden's "# args:" line: short inputs run fast
		for c in "$top"/testdata/golden/*.cmd; do
			awk -v out="$d/$(basename "$c" .cmd)" '
				NR == 1 && /^# args:/ { args = $0; next }
				/^#/ || /^[ \t]*$/ { next }
				{ if (n % 3 == 0) { k++; f = out "-" k
					  if (args != "") print args > f }
				  print >> f; n++ }' "$c"
		done
		;;
	elf)
		for f in "$top"/testdata/elf/* "$top"/testdata/elf/root/lib/*; do
			case $f in *.objdump|*.c) continue;; esac
			[ -f "$f" ] && cp "$f" "$d/"
		done
		;;
	esac
	if [ -d "$top/tests/fuzz/corpus/$1" ]; then
		for f in "$top/tests/fuzz/corpus/$1"/*; do
			[ -f "$f" ] && cp "$f" "$d/"
		done
	fi
	echo "$d"
}

export PTWALK_TOP="$top"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

case $mode in
seeds)
	seeds "$1"
	opts "$1"
	exit 0
	;;
fuzz)
	secs=$1
	shift
	[ $# -gt 0 ] && names=$*
	rc=0
	for n in $names; do
		bin=$fb/fuzz_$n
		if [ ! -x "$bin" ]; then
			echo "fuzz: no harness $bin (make fuzz-build)" >&2
			exit 2
		fi
		seed=$(seeds "$n")
		mkdir -p "$fb/corpus/$n" "$fb/artifacts/$n"
		log=$fb/$n.out
		echo "fuzz: $n for ${secs}s (log $log)"
		# shellcheck disable=SC2046
		"$bin" $(opts "$n") -max_total_time="$secs" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} \
			-print_final_stats=1 \
			-artifact_prefix="$fb/artifacts/$n/" "$fb/corpus/$n" "$seed" \
			</dev/null >"$log" 2>&1
		st=$?
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
		new=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)
		crash=$(grep -c 'Test unit written to' "$log")
		if [ "$st" -eq 0 ]; then
			res=clean
		elif [ "$st" -eq 72 ] && [ "$crash" -eq 0 ]; then
			res="interrupted, clean"
		else
			res="FAILED (exit $st)"
			rc=1
			grep -E '^==[0-9]+==ERROR|runtime error|^SUMMARY|Test unit written to|ALARM|fuzz:' \
				"$log" | head -n 20
		fi
		line="$(date -u '+%Y-%m-%dT%H:%M:%SZ') $n ${secs}s runs=${runs:-?} new=${new:-?} crashes=$crash $res"
		echo "$line" >>"$fb/fuzz.log"
		echo "  $line"
	done
	exit $rc
	;;
*)
	echo "usage: run.sh fuzz|seeds FUZZ_BUILD ..." >&2
	exit 2
	;;
esac
