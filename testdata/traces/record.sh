#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Record the lackey traces of testdata/traces with Debian's valgrind
# (apt-get install valgrind): every memory access of the x86_64 demo
# programs of testdata/elf, as `trace` replays them (see the golden
# transcript trace-valgrind).  The traces are committed: the tests never
# need valgrind.  valgrind's own "==PID==" lines are kept but for the
# process id, so that a new recording differs only where the run does.
set -eu
cd "$(dirname "$0")"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "record.sh: valgrind is missing (apt-get install valgrind)" >&2
	exit 1
fi
for p in demo-x86_64 demo-x86_64-pie; do
	# the program exits with its sum: not an error
	(cd ../elf && valgrind --tool=lackey --trace-mem=yes "./$p" \
		2>&1 >/dev/null) | sed 's/^==[0-9]*==/==1==/' >"$p.lackey" || true
	grep -q '^I  ' "$p.lackey" || {
		echo "record.sh: valgrind recorded nothing for $p" >&2
		exit 1
	}
	echo "  GEN     testdata/traces/$p.lackey ($(wc -l <"$p.lackey") lines)"
done
