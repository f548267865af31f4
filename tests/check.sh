#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every test of ptwalk.
# Usage: tests/check.sh [--only KIND] BUILD [ASAN_BUILD [FUZZ_BUILD]]
# KIND: unit, golden, cli, docs, fuzz.  UPDATE=1 rewrites golden expectations.
# The last line is "N passed, N failed"; the exit status is 1 on any failure.
only=
if [ "$1" = "--only" ]; then only=$2; shift 2; fi
build=${1:-build}
asan=${2:-}
fuzzb=${3:-}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C
export LC_ALL
# output to a pipe is not wrapped unless COLUMNS says a width: the
# transcripts set 80 themselves, whatever the terminal running the tests
unset COLUMNS
# no history files or user settings leak into tests
HOME=$tmp
XDG_STATE_HOME=
export HOME XDG_STATE_HOME

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

# --- unit tests (cmocka) ------------------------------------------------------
if want unit; then
	# and under ASan+UBSan the tests that feed the loader bad files
	for t in "$build"/tests/test_* ${asan:+"$asan"/tests/test_*}; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		case $t in "$asan"/*) [ -n "$asan" ] && name="$name (asan+ubsan)";; esac
		ASAN_OPTIONS=detect_leaks=1 CMOCKA_MESSAGE_OUTPUT=stdout "$t" >"$tmp/u.out" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/u.out" | tail -1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/u.out" | tail -1)
		p=${p:-0}
		f=${f:-0}
		pass=$((pass + p))
		# the verdict: failed tests count one each; a program that
		# failed none yet did not exit 0 (a crash, a leak under ASan)
		# counts as one failure
		if [ "$f" -gt 0 ]; then
			fail=$((fail + f))
			echo "FAIL: unit $name"
		elif [ "$rc" -ne 0 ]; then
			fail=$((fail + 1))
			echo "FAIL: unit $name (exit $rc)"
		fi
		if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
			grep -E '^\[  (FAILED|ERROR)|error|Assert|Failure' "$tmp/u.out" | head -20
		fi
	done
fi

# --- golden transcripts -------------------------------------------------------
# testdata/golden/NAME.cmd runs as: ptwalk --quiet --echo ARGS NAME.cmd
# where ARGS are the words of a "# args: ..." line; stdout and stderr
# together must equal NAME.out, and a non-zero exit status is recorded as a
# last line "[exit N]".  The transcripts run in a scratch copy of testdata
# (tests/golden.sh says how, and which ARGS are allowed).
. "$top/tests/golden.sh"

# run_golden BIN NAME.cmd ARGS: run one transcript in the current
# directory, stdout and stderr to $tmp/g.out, the exit status to $tmp/g.rc.
run_golden() {
	if ! golden_args "$3" 2>"$tmp/g.out"; then
		echo 2 >"$tmp/g.rc"
		return
	fi
	bin=$1
	cmd=$2
	set -f
	# shellcheck disable=SC2086 # split into words on purpose, no globbing
	set -- $3
	set +f
	COLUMNS=80 "$top/$bin" --quiet --echo "$@" "$cmd" </dev/null >"$tmp/g.out" 2>&1
	echo "$?" >"$tmp/g.rc"
}

golden() {
	bin=$1
	label=$2
	golden_scratch "$top" "$tmp/gold"
	for c in testdata/golden/*.cmd; do
		[ -f "$c" ] || continue
		name=$(basename "$c" .cmd)
		args=$(sed -n 's/^# args: //p' "$c" | head -n 1)
		exp=testdata/golden/$name.out
		(cd "$tmp/gold/golden" && run_golden "$bin" "$name.cmd" "$args")
		rc=$(cat "$tmp/g.rc")
		[ "$rc" != 0 ] && echo "[exit $rc]" >>"$tmp/g.out"
		if [ -n "$UPDATE" ] && [ -z "$label" ]; then
			cp "$tmp/g.out" "$exp"
			ok
			continue
		fi
		if [ ! -f "$exp" ]; then
			ko "golden$label $name: no $exp (run with UPDATE=1)"
		elif cmp -s "$tmp/g.out" "$exp"; then
			ok
		else
			ko "golden$label $name"
			diff -u "$exp" "$tmp/g.out" | head -n 40
		fi
	done
}
if want golden; then
	golden "$build/ptwalk" ""
	if [ -n "$asan" ] && [ -x "$asan/ptwalk" ]; then
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			golden "$asan/ptwalk" " (asan+ubsan)"
	fi
fi

# --- command-line behaviour ---------------------------------------------------
# tests/cli/NAME.sh runs with PTWALK set to the binary; its output must
# equal tests/cli/NAME.out.
# They run on every core at once, but for those that time what they do
# (Ctrl-C at a moment, a running process or guest read twice): these run
# alone, after.
cli_alone="interrupt image-truncated live-pid qemu-live qemu-live-riscv64
qemu-live-arm64 qemu-live-arm qemu-kstate"
cli_run() {
	(cd tests/cli && PTWALK="$top/$build/ptwalk" sh "$1.sh" </dev/null \
		>"$tmp/cli/$1.out" 2>&1)
}
if want cli; then
	mkdir -p "$tmp/cli"
	for s in tests/cli/*.sh; do
		[ -f "$s" ] || continue
		name=$(basename "$s" .sh)
		case " $(echo $cli_alone) " in *" $name "*) continue;; esac
		echo "$name"
	done | {
		jobs=$(nproc 2>/dev/null || echo 1)
		n=0
		while read -r name; do
			cli_run "$name" &
			n=$((n + 1))
			if [ "$n" -ge "$jobs" ]; then
				wait
				n=0
			fi
		done
		wait
	}
	for name in $cli_alone; do
		[ -f "tests/cli/$name.sh" ] && cli_run "$name"
	done
	for s in tests/cli/*.sh; do
		[ -f "$s" ] || continue
		name=$(basename "$s" .sh)
		exp=tests/cli/$name.out
		if [ -n "$UPDATE" ]; then
			cp "$tmp/cli/$name.out" "$exp"
			ok
		elif [ -f "$exp" ] && cmp -s "$tmp/cli/$name.out" "$exp"; then
			ok
		else
			ko "cli $name"
			[ -f "$exp" ] && diff -u "$exp" "$tmp/cli/$name.out" | head -n 40
		fi
	done
fi

# --- documentation and completions cannot drift -------------------------------
if want docs; then
	gen=$build/ptwalk-docgen
	for t in man/*.in; do
		page=${t%.in}
		"$gen" man "$t" "$build/ptwalk" >"$tmp/page" && cmp -s "$tmp/page" "$page" &&
			ok || ko "docs: $page is stale (run make docs)"
	done
	# the pages' EXAMPLES blocks are golden tests: each runs again, under
	# ASan+UBSan too, and must print what the page shows
	for t in man/*.in; do
		page=${t%.in}
		for bin in "$build/ptwalk" ${asan:+"$asan/ptwalk"}; do
			[ -x "$bin" ] || continue
			label=
			[ "$bin" = "$build/ptwalk" ] || label=" (asan+ubsan)"
			ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
				"$gen" examples "$page" "$bin" >"$tmp/ex" 2>&1
			n=$(grep -c '^PASS' "$tmp/ex")
			pass=$((pass + n))
			while read -r st where rest; do
				[ "$st" = FAIL ] && ko "docs: example at ${where%:}$label"
			done <"$tmp/ex"
			grep -q '^FAIL' "$tmp/ex" && grep -v '^PASS' "$tmp/ex" | head -n 30
			[ -s "$tmp/ex" ] || ko "docs: no examples run from $page$label"
		done
	done
	"$gen" bash >"$tmp/bash" && cmp -s "$tmp/bash" completions/ptwalk.bash &&
		ok || ko "docs: completions/ptwalk.bash is stale (run make docs)"
	"$gen" zsh >"$tmp/zsh" && cmp -s "$tmp/zsh" completions/_ptwalk &&
		ok || ko "docs: completions/_ptwalk is stale (run make docs)"
	# the figures of README.md, drawn again
	mkdir -p "$tmp/figs"
	stale=
	if sh tools/docfigs.sh "$build/ptwalk" "$tmp/figs"; then
		for f in "$tmp"/figs/*.svg; do
			cmp -s "$f" "doc/figures/${f##*/}" || stale="$stale ${f##*/}"
		done
	else
		stale=" (drawing failed)"
	fi
	[ -z "$stale" ] && ok || ko "docs: doc/figures are stale:$stale (run make docs)"
	names=$(grep -ho '^	\.name = "[^"]*"' cmds/*.c | sed 's/.*"\(.*\)"/\1/' | sort)
	missing=
	for n in $names; do
		grep -qE -- "(^|[[:space:];])$n([[:space:]/]|\$)" testdata/golden/*.cmd ||
			missing="$missing $n"
	done
	[ -z "$missing" ] && ok || ko "docs: commands in no golden test:$missing"
	# ptwalk-labs(7) worked through in ONE session, as a student may: the
	# examples without options run one after the other in one ptwalk and
	# each prints what the page shows (where each ran in a fresh one)
	for bin in "$build/ptwalk" ${asan:+"$asan/ptwalk"}; do
		[ -x "$bin" ] && [ -f man/ptwalk-labs.7 ] || continue
		label=
		[ "$bin" = "$build/ptwalk" ] || label=" (asan+ubsan)"
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			"$gen" session man/ptwalk-labs.7 "$bin" >"$tmp/ex" 2>&1
		n=$(grep -c '^PASS' "$tmp/ex")
		pass=$((pass + n))
		while read -r st what where rest; do
			[ "$st" = FAIL ] && ko "docs: one session, example at ${where%:}$label"
		done <"$tmp/ex"
		grep -q '^FAIL' "$tmp/ex" && grep -v '^PASS' "$tmp/ex" | head -n 30
		[ "$n" -gt 0 ] || ko "docs: no example of man/ptwalk-labs.7 ran in one session$label"
	done
	# every walkthrough of ptwalk-labs(7) ends with every answer right; its
	# first example shows a wrong answer on purpose
	if [ -f man/ptwalk-labs.7 ]; then
		n=$(grep -Ec 'answers? (is|are) not right yet' man/ptwalk-labs.7)
		[ "$n" = 1 ] && ok || ko "docs: man/ptwalk-labs.7 has walkthroughs with wrong answers ($n failing checks, 1 expected)"
	fi
	missing=
	for n in $names; do
		grep -qw -- "$n" completions/ptwalk.bash &&
			grep -q -- "'$n:" completions/_ptwalk || missing="$missing $n"
	done
	[ -z "$missing" ] && ok || ko "docs: commands missing from completions/:$missing"
	bash -n completions/ptwalk.bash && ok || ko "docs: completions/ptwalk.bash does not parse"
	if command -v zsh >/dev/null 2>&1; then
		zsh -n completions/_ptwalk && ok || ko "docs: completions/_ptwalk does not parse"
	fi
	missing=
	for n in $names; do
		grep -qF -- "$(printf '%s' "$n" | sed 's/-/\\\\-/g')" man/ptwalk.1 ||
			missing="$missing $n"
	done
	[ -z "$missing" ] && ok || ko "docs: commands not in man/ptwalk.1:$missing"
	# troff fills the command list: at 80 columns no line of it is wider
	# and no name is hyphenated
	if command -v groff >/dev/null 2>&1; then
		groff -man -Tascii -P-cbou -rLL=80n man/ptwalk.1 2>/dev/null |
			sed -n '/^COMMANDS/,/^[A-Z]/p' >"$tmp/cmds"
		out=$(awk 'length > 80 || /[a-z]-$/' "$tmp/cmds")
		[ -s "$tmp/cmds" ] && [ -z "$out" ] && ok ||
			{ ko "docs: man/ptwalk.1 COMMANDS at 80 columns"; echo "$out" | head -5; }
	fi
	# ARCHITECTURE.md names only paths of the tree: every word of it that
	# starts with a top folder of the sources is a file or folder (or a
	# pattern some file matches); placeholders in capitals (FAMILY, NAME)
	# and <a> are not paths
	missing=
	for p in $(tr -c 'A-Za-z0-9_./*<>-' '\n' <ARCHITECTURE.md |
		   grep -E '^(src|cmds|include|tests|testdata|man|tools|completions)/' |
		   sed 's/\.*$//' | sort -u); do
		case $p in *[A-Z\<]*) continue ;; esac
		# shellcheck disable=SC2086 # a pattern: expanded on purpose
		set -- $p
		[ -e "$1" ] || missing="$missing $p"
	done
	[ -z "$missing" ] && ok || ko "docs: ARCHITECTURE.md names paths that do not exist:$missing"
	if command -v mandoc >/dev/null 2>&1; then
		for mp in man/*.[17]; do
			[ -f "$mp" ] || continue
			out=$(mandoc -Tlint -W warning "$mp" 2>&1)
			[ -z "$out" ] && ok || { ko "docs: mandoc -Tlint $mp"; echo "$out" | head -20; }
		done
	fi
fi

# --- fuzzing: a short run of each libFuzzer harness, and the hostile inputs ----
# With FUZZ_BUILD (build/fuzz, from make fuzz-build): each harness replays
# its seeds and mutates them for a fixed number of runs from a fixed seed;
# every file of tests/fuzz/regress/NAME is replayed by its harness, and the
# scripts among them also run through the real binary (ASan+UBSan when
# built) under a time limit, to end with status 0, 1 or 2 and no report.
# A hostile input: 0 when it passes (its status otherwise, 99 for a report).
fuzz_input() {	# harness file time-limit
	# shellcheck disable=SC2086
	(cd "$tmp" && ASAN_OPTIONS=detect_leaks=1 "$fuzzb/fuzz_$1" $opts \
		-timeout="$3" "$top/$2" </dev/null >"$tmp/f.out" 2>&1) || return 1
	[ "$1" = script ] || return 0
	runbin=$top/${asan:-$build}/ptwalk
	[ -x "$runbin" ] || runbin=$top/$build/ptwalk
	args=$(sed -n '1s/^# args: //p' "$2")
	(cd testdata/golden && eval "timeout $3 \"$runbin\" --quiet $args" \
		"\"$top/$2\"" </dev/null >"$tmp/f.out" 2>&1)
	st=$?
	[ "$st" -gt 2 ] && return "$st"
	! grep -q 'Sanitizer\|runtime error' "$tmp/f.out" || return 99
}
fuzz_replay() {	# harness file
	if fuzz_input "$1" "$2" 30; then
		ok
	else
		ko "fuzz: hostile input $2 (exit $?)"
		grep -E 'ERROR|runtime error|SUMMARY|timeout|fuzz:' "$tmp/f.out" | head -n 10
	fi
}
if want fuzz && [ -n "$fuzzb" ]; then
	sh tests/fuzz/mkdict.sh "$build/ptwalk" >"$tmp/dict" &&
		cmp -s "$tmp/dict" tests/fuzz/script.dict && ok ||
		ko "fuzz: tests/fuzz/script.dict is stale (run make docs)"
	fuzzcc=${FUZZ_CC:-clang-14}
	command -v "$fuzzcc" >/dev/null 2>&1 && ok ||
		ko "fuzz: no $fuzzcc to build the harnesses with (make deps installs it)"
	export PTWALK_TOP="$top"
	case $fuzzb in /*) ;; *) fuzzb=$top/$fuzzb;; esac
	# a signal whose handler returns (libFuzzer's SIGALRM before -timeout)
	# leaves the script in the sandbox: its save still writes nothing
	if [ -x "$fuzzb/fuzz_script" ]; then
		mkdir -p "$tmp/alarm"
		printf 'mmap 0 512M rw private,anonymous\ntouch $_ w 512M\nsave alarm.core\n' \
			>"$tmp/alarm.in"
		(cd "$tmp/alarm" && exec env PTWALK_FUZZ_VERBOSE=1 \
			"$fuzzb/fuzz_script" -timeout=60 "$tmp/alarm.in" \
			</dev/null >"$tmp/alarm.out" 2>&1) &
		# once libFuzzer runs the input (however loaded the machine)
		i=0
		while ! grep -q "^Running: " "$tmp/alarm.out" 2>/dev/null &&
			[ $i -lt 600 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		sleep 0.2
		kill -ALRM $! 2>/dev/null
		wait $!
		grep -q "save: cannot create 'alarm.core'" "$tmp/alarm.out" &&
			[ -z "$(ls "$tmp/alarm")" ] && ok ||
			ko "fuzz: a script went on outside the sandbox after SIGALRM"
	fi
	for n in script expr elf image lab; do
		bin=$fuzzb/fuzz_$n
		if [ ! -x "$bin" ]; then
			ko "fuzz: no harness $bin (make fuzz-build; it needs $fuzzcc and libclang-rt-14-dev: make deps)"
			continue
		fi
		opts=$(sh tests/fuzz/run.sh seeds "$fuzzb" "$n" | tail -n 1)
		seeds=$fuzzb/seed/$n
		nseed=$(ls "$seeds" | wc -l)
		case $n in
		expr) runs=20000;;
		lab) runs=3000;;
		*) runs=$((nseed + 300));;
		esac
		rm -rf "$tmp/corpus"
		mkdir -p "$tmp/corpus"
		# shellcheck disable=SC2086
		(cd "$tmp" && PTWALK_FUZZ_VERIFY=1 ASAN_OPTIONS=detect_leaks=1 \
			"$bin" $opts -seed=1 -runs=$runs corpus "$seeds" \
			</dev/null >"$tmp/f.out" 2>&1) &&
			ok || { ko "fuzz: $n: $runs runs from the seeds"; tail -n 40 "$tmp/f.out"; }
		for f in tests/fuzz/regress/$n/*; do
			[ -f "$f" ] || continue
			fuzz_replay "$n" "$f"
		done
	done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
