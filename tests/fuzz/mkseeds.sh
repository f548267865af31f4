#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the seeds of tests/fuzz/corpus that ptwalk itself makes:
#   image/  every arch's small machine saved as an ELF core (`save`), and
#           raw images cut from them
#   lab/    each exercise answered with the solver's answers, then checked
# The other seeds (script/, expr/, elf/) are written by hand; the script
# and ELF harnesses also start from testdata/golden/*.cmd and testdata/elf.
# usage: tests/fuzz/mkseeds.sh PTWALK
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/corpus"
mkdir -p image lab
for am in i386:16M i386-pae:16M x86_64:64M x86_64-la57:64M arm:16M \
	  arm64:64M; do
	a=${am%:*}
	"$bin" -q -a "$a" -m "${am#*:}" -e none -c "save image/$a.core" >/dev/null
done
# a raw image: the pages of a saved i386 core past its headers,
# for the raw loader to start from
dd if=image/i386.core of=image/raw-i386 bs=4096 skip=1 count=3 2>/dev/null
for n in $(seq 1 14); do
	out=$("$bin" -q --json -c "lab start $n; lab solve" 2>/dev/null | tail -n 1) || continue
	{
		echo "$n"
		echo "$out" | grep -o '{"q":[0-9]*,"answer":[^}]*}' |
			sed 's/{"q":\([0-9]*\),"answer":"*\([^"}]*\)"*}/answer \1 \2/'
		echo check
		echo show
	} >"lab/exercise-$n"
done
